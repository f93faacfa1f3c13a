// The data worker's API (THE CONTRACT the UI codes against) and its browser implementation:
// DuckDB-WASM (blocking build, running inside this worker, no nested worker) ingests files and runs
// SQL; datasets (gzip'ed Arrow IPC bytes + metadata) persist in IndexedDB through Dexie. The logic lives
// in data-service.ts with DuckDB and Dexie injected, so Node tests run the same code; the contract's
// types live in data/protocol.ts (re-exported here for the clients).
import * as duckdbBlocking from '@duckdb/duckdb-wasm/blocking';
import { transfer } from 'comlink';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { openTrendcastDb } from '../src/lib/db/db';
import { startupMark } from '../src/lib/startup-marks';
import { createDataService } from './data-service';
import { estimateStorage, listStoredDatasets } from './data/listing';
import type { DataWorkerApi, StockWorkerApi } from './data/protocol';
import { seriesPortApi, type SeriesPortWorkerApi } from './data/series-port';
import { importKind, KINDS } from './data/kinds';
import { setDatasetCurrency } from './data/currency';
import { renameDataset } from './data/rename';
import { setDatasetWeekStart } from './data/week-start';
import * as stockStore from './data/stock-store';
import { announceDatasetsChanged } from '../src/lib/db/changes';
import { exportBackup, restoreBackup } from './data/backup';
import { createCustomerJobs } from './data/customers';
import { keepForecast, keptForecast } from './data/kept-forecasts';
import { createJobs } from './data/jobs';

export type {
	DataWorkerApi,
	FileInput,
	GroupColumn,
	GroupSummary,
	GroupSummaryResult,
	HierarchyData,
	HierarchyQuery,
	OrderLineColumns,
	PromotionImportSummary,
	PromotionSetInfo,
	ProductSearchResult,
	ProgressFn,
	SeriesQuery,
	SqlResult,
	StockWorkerApi,
	StorageInfo,
} from './data/protocol';

type Service = ReturnType<typeof createDataService>;
let service: Promise<Service> | null = null;
let database: ReturnType<typeof openTrendcastDb> | null = null;

/** The worker's one Dexie instance, shared by the service and the DuckDB-free calls. */
function getDb() {
	database ??= openTrendcastDb();
	return database;
}

/** Starts DuckDB (eh bundle when the browser has wasm exceptions, else mvp) and opens the Dexie DB once. */
function getService(): Promise<Service> {
	service ??= (async () => {
		// BROWSER_RUNTIME is exported by the browser blocking build but not by the node typings that
		// TypeScript resolves for '@duckdb/duckdb-wasm/blocking' (vite.config.ts aliases the browser file).
		startupMark('duckdb:start');
		const { createDuckDB, ConsoleLogger, LogLevel, getPlatformFeatures } = duckdbBlocking;
		const runtime = (
			duckdbBlocking as unknown as { BROWSER_RUNTIME: Parameters<typeof createDuckDB>[2] }
		).BROWSER_RUNTIME;
		const bundles = {
			mvp: { mainModule: mvpWasm, mainWorker: '' },
			eh: { mainModule: ehWasm, mainWorker: '' },
		};
		const duckdb = await createDuckDB(bundles, new ConsoleLogger(LogLevel.WARNING), runtime);
		startupMark('duckdb:bundle', (await getPlatformFeatures()).wasmExceptions ? 'eh' : 'mvp');
		await duckdb.instantiate(() => {});
		startupMark('duckdb:ready');
		return createDataService({
			duckdb,
			db: getDb(),
			demoUrl: `${import.meta.env.BASE_URL}demo/online-retail.csv.gz`,
		});
	})();
	service.catch(() => (service = null));
	return service;
}

let customerJobs: ReturnType<typeof createCustomerJobs> | null = null;
/** Long jobs a cancel stops without ending the worker (Customers insights), by job id. */
const jobs = createJobs();
/** The customer jobs, over the same service and database. */
/** The customer jobs: the lines come from DuckDB, but a cached answer needs only IndexedDB (no wait). */
function getCustomerJobs() {
	customerJobs ??= createCustomerJobs({
		orderLines: async (id) => (await getService()).orderLines(id),
		db: getDb(),
	});
	return customerJobs;
}

/** The data worker's API object; data.worker.ts exposes it over Comlink. */
export const api: DataWorkerApi & StockWorkerApi & SeriesPortWorkerApi = {
	// series straight to the forecast, train and plan workers over a MessageChannel (data/series-port.ts)
	...seriesPortApi(getService),
	async previewFile(file, onProgress) {
		return (await getService()).previewFile(file, onProgress);
	},
	async validateMapping(importId, mapping) {
		return (await getService()).validateMapping(importId, mapping);
	},
	async commitImport(importId, options, onProgress) {
		return (await getService()).commitImport(importId, options, onProgress);
	},
	async setDatasetCurrency(datasetId, currency) {
		return setDatasetCurrency(getDb(), datasetId, currency);
	},
	async setDatasetWeekStart(datasetId, weekStart) {
		return setDatasetWeekStart(getDb(), datasetId, weekStart);
	},
	async renameDataset(datasetId, name) {
		return renameDataset(getDb(), datasetId, name);
	},
	async setNonProductIncluded(datasetId, productIds) {
		return (await getService()).setNonProductIncluded(datasetId, productIds);
	},
	async loadDemo(onProgress) {
		return (await getService()).loadDemo(onProgress);
	},
	// Metadata and storage come from IndexedDB alone, so the dataset list shows before DuckDB has started.
	async listDatasets() {
		return listStoredDatasets(getDb());
	},
	async deleteDataset(id) {
		return (await getService()).deleteDataset(id);
	},
	async storageInfo() {
		return estimateStorage(getDb());
	},
	async productSummary(datasetId) {
		const summary = await (await getService()).productSummary(datasetId);
		startupMark('answered:productSummary');
		return summary;
	},
	async querySeries(datasetId, query) {
		const batch = await (await getService()).querySeries(datasetId, query);
		startupMark('answered:querySeries');
		// Move the typed arrays instead of copying them (STYLE §2).
		return transfer(batch, [batch.indptr.buffer, batch.ds.buffer, batch.y.buffer] as ArrayBuffer[]);
	},
	async runSql(datasetId, sql) {
		return (await getService()).runSql(datasetId, sql);
	},
	async searchProducts(datasetId, text, limit) {
		return (await getService()).searchProducts(datasetId, text, limit);
	},
	async groupSummary(datasetId, by) {
		const summary = await (await getService()).groupSummary(datasetId, by);
		startupMark('answered:groupSummary');
		return summary;
	},
	async hierarchySeries(datasetId, query) {
		return (await getService()).hierarchySeries(datasetId, query);
	},
	async importPromotions(file, datasetId) {
		return (await getService()).importPromotions(file, datasetId);
	},
	async setPromotionScope(id, datasetId) {
		return (await getService()).setPromotionScope(id, datasetId);
	},
	async listPromotions() {
		return (await getService()).listPromotions();
	},
	async deletePromotions(id) {
		return (await getService()).deletePromotions(id);
	},
	async promotionsFor(datasetId, productIds) {
		return (await getService()).promotionsFor(datasetId, productIds);
	},
	async importStock(file) {
		return importKind(KINDS.stock, await getService(), getDb(), file);
	},
	listStock: () => stockStore.listStock(getDb()),
	listStockHistory: () => stockStore.listStockHistory(getDb()),
	updateStock: (productId, patch) => stockStore.updateStock(getDb(), productId, patch),
	getPlanSettings: () => stockStore.getPlanSettings(getDb()),
	savePlanSettings: (value) => stockStore.savePlanSettings(getDb(), value),
	async exportBackup(devicePrefs) {
		return exportBackup(getDb(), devicePrefs);
	},
	async restoreBackup(file) {
		const summary = await restoreBackup(getDb(), file);
		// Other tabs list their datasets again (this tab's client restarts this worker).
		announceDatasetsChanged('*');
		return summary;
	},
	customerInsights(datasetId, onProgress, jobId, fresh) {
		// the job is known by its id at once: a cancel sent while the service starts still finds it
		return jobs.run(jobId, async (signal) => {
			startupMark('customers:start');
			const insights = await getCustomerJobs().insights(datasetId, onProgress, signal, fresh);
			startupMark('customers:done');
			return insights;
		});
	},
	keptForecast: (datasetId, kind, version) => keptForecast(getDb(), datasetId, kind, version),
	keepForecast: (datasetId, kind, version, request, result, savedAt) =>
		keepForecast(getDb(), datasetId, kind, version, request, result, savedAt),
	cancelJob(jobId) {
		jobs.cancel(jobId);
	},
	async recommendForCustomer(datasetId, customerId, k) {
		return getCustomerJobs().forCustomer(datasetId, customerId, k);
	},
	async recommendForProduct(datasetId, productId, k) {
		return getCustomerJobs().forProduct(datasetId, productId, k);
	},
	async setFlagMark(datasetId, flagId, ok) {
		return getCustomerJobs().setFlagMark(datasetId, flagId, ok);
	},
	async orderLines(datasetId) {
		const l = await (await getService()).orderLines(datasetId);
		return transfer(l, [
			l.ds.buffer,
			l.quantity.buffer,
			l.revenue.buffer,
			l.isReturn.buffer,
		] as ArrayBuffer[]);
	},
};

// Start DuckDB as soon as the worker loads: the dataset list comes from IndexedDB meanwhile, and the
// first query no longer pays the ~1–2 s wasm start-up.
getService().catch(() => {});
