// The data worker's API (THE CONTRACT the UI codes against) and its browser implementation:
// DuckDB-WASM (blocking build, running inside this worker, no nested worker) ingests files and runs
// SQL; datasets (gzip'ed Arrow IPC bytes + metadata) persist in IndexedDB through Dexie. The logic lives
// in data-service.ts with DuckDB and Dexie injected, so Node tests run the same code.
import * as duckdbBlocking from '@duckdb/duckdb-wasm/blocking';
import { transfer } from 'comlink';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { openTrendcastDb } from '../src/lib/db/db';
import type { SeriesBatch, Frequency } from '../src/core/types';
import { createDataService, estimateStorage, listStoredDatasets } from './data-service';
import type { GroupColumn, GroupSummaryResult, ProductSearchResult } from './data/products';
import type { StockHistoryRow, StockRow } from '../src/core/ingest/schemas/stock';
import { readStockFile } from './data/stock';
import { setDatasetCurrency } from './data/currency';
import * as stockStore from './data/stock-store';
import type { StockImportSummary, StockPatch } from './data/stock-store';
import { announceDatasetsChanged } from '../src/lib/db/changes';
import { exportBackup, restoreBackup, type RestoreSummary } from './data/backup';
import {
	createCustomerJobs,
	type CustomerInsights,
	type RecommendedProduct,
} from './data/customers';
import type {
	ColumnMapping,
	DatasetMeta,
	ImportOptions,
	ImportPreview,
	MappingCheck,
	ProductSummary,
	Progress,
} from '../src/core/ingest/types';

export interface FileInput {
	name: string;
	bytes: ArrayBuffer;
}

export interface SeriesQuery {
	/** Products to return, or null for one series '__total__' over all products. */
	productIds: string[] | null;
	freq: Frequency;
	measure: 'units' | 'revenue';
	/**
	 * Also return each series' average price paid per period (revenue ÷ units of its sales lines, so a
	 * line of 10 units weighs ten times a line of 1; carried over periods without sales) as the regressor
	 * 'price', when the dataset has prices. A per-period median was used before: with most lines at one
	 * list price it stayed flat while the prices paid moved (#9 item 14).
	 */
	withPrice?: boolean;
	/** `productIds` name categories or stores instead of products (Explore's group views). */
	groupBy?: GroupColumn;
}

export type { HierarchyData, HierarchyQuery } from './data/hierarchy';
import type { HierarchyData, HierarchyQuery } from './data/hierarchy';
export type {
	GroupColumn,
	GroupSummary,
	GroupSummaryResult,
	ProductSearchResult,
} from './data/products';

export interface StorageInfo {
	usedBytes: number;
	quotaBytes: number;
	persisted: boolean;
}

export interface SqlResult {
	columns: string[];
	rows: (string | number | boolean | null)[][];
	truncated: boolean;
}

export type ProgressFn = (p: Progress) => void;

/** Sale and return lines in column layout (see OrderLines in src/core/recommend/interactions.ts). */
export interface OrderLineColumns {
	customer: (string | null)[];
	product: string[];
	order: (string | null)[];
	ds: Float64Array;
	quantity: Float64Array;
	revenue: Float64Array;
	description: (string | null)[];
	store: (string | null)[];
	/** 1 for a return line, 0 for a sale. */
	isReturn: Uint8Array;
}

export interface DataWorkerApi {
	/** Decode, sniff and load a file; suggest a column mapping and report problems. */
	previewFile(file: FileInput, onProgress?: ProgressFn): Promise<ImportPreview>;
	/** Re-check a staged import against an edited mapping (issues, date order). */
	validateMapping(importId: string, mapping: ColumnMapping): Promise<MappingCheck>;
	/** Apply the confirmed mapping, clean, store as Parquet in IndexedDB. */
	commitImport(
		importId: string,
		options: ImportOptions,
		onProgress?: ProgressFn,
	): Promise<DatasetMeta>;
	/** Set the currency a stored dataset's money is shown in (ISO 4217 code). */
	setDatasetCurrency(datasetId: string, currency: string): Promise<DatasetMeta>;
	/** Count these non-product codes (postage, fees …) as products; the others stay left out. */
	setNonProductIncluded(datasetId: string, productIds: string[]): Promise<DatasetMeta>;
	/** Import the built-in demo dataset shipped under /demo/. */
	loadDemo(onProgress?: ProgressFn): Promise<DatasetMeta>;
	listDatasets(): Promise<DatasetMeta[]>;
	deleteDataset(id: string): Promise<void>;
	storageInfo(): Promise<StorageInfo>;
	productSummary(datasetId: string): Promise<ProductSummary[]>;
	querySeries(datasetId: string, query: SeriesQuery): Promise<SeriesBatch>;
	runSql(datasetId: string, sql: string): Promise<SqlResult>;
	/** Products whose code or description contains `text`, best sellers first, at most `limit`. */
	searchProducts(datasetId: string, text: string, limit: number): Promise<ProductSearchResult>;
	/** Sales per category or store (`mapped: false` when the dataset has no such column). */
	groupSummary(datasetId: string, by: GroupColumn): Promise<GroupSummaryResult>;
	/** Sales per category × store cell, the bottom of the Forecast screen's hierarchy. */
	hierarchySeries(datasetId: string, query: HierarchyQuery): Promise<HierarchyData>;
	/** Every sale and return line (cancelled sales left out), for customers and risk. */
	orderLines(datasetId: string): Promise<OrderLineColumns>;
	/** Segments, the chosen recommender and risk flags of a dataset (Customers screen). */
	customerInsights(datasetId: string): Promise<CustomerInsights>;
	/** Top-k products for one customer, or null if the customer bought nothing before the as-of date. */
	recommendForCustomer(
		datasetId: string,
		customerId: string,
		k?: number,
	): Promise<RecommendedProduct[] | null>;
	/** Products to show next to one product, or null if it was never sold. */
	recommendForProduct(
		datasetId: string,
		productId: string,
		k?: number,
	): Promise<RecommendedProduct[] | null>;
	/** Marks a risk flag as checked and OK (or clears the mark); kept in IndexedDB. */
	setFlagMark(datasetId: string, flagId: string, ok: boolean): Promise<void>;
	/** Everything stored on this device as one backup file. */
	exportBackup(): Promise<Blob>;
	/** Replaces everything stored with a backup file's content (checked first; see data/backup.ts). */
	restoreBackup(file: Blob): Promise<RestoreSummary>;
}

/** Stock and supply data and plan settings (the Plan screen; workers/data/stock*.ts). */
export interface StockWorkerApi {
	/** Read a stock and supply file (schemas/stock.ts) and replace the stored stock with it. */
	importStock(file: FileInput): Promise<StockImportSummary>;
	listStock(): Promise<StockRow[]>;
	listStockHistory(): Promise<StockHistoryRow[]>;
	/** Edit one product's stock fields (lead time, MOQ, pack, cost, ...). */
	updateStock(productId: string, patch: StockPatch): Promise<StockRow>;
	getPlanSettings(): Promise<unknown>;
	savePlanSettings(value: unknown): Promise<void>;
}

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
		const { createDuckDB, ConsoleLogger, LogLevel } = duckdbBlocking;
		const runtime = (
			duckdbBlocking as unknown as { BROWSER_RUNTIME: Parameters<typeof createDuckDB>[2] }
		).BROWSER_RUNTIME;
		const bundles = {
			mvp: { mainModule: mvpWasm, mainWorker: '' },
			eh: { mainModule: ehWasm, mainWorker: '' },
		};
		const duckdb = await createDuckDB(bundles, new ConsoleLogger(LogLevel.WARNING), runtime);
		await duckdb.instantiate(() => {});
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
/** The customer jobs, over the same service and database. */
async function getCustomerJobs() {
	const svc = await getService();
	customerJobs ??= createCustomerJobs({ orderLines: (id) => svc.orderLines(id), db: getDb() });
	return customerJobs;
}

/** The data worker's API object; data.worker.ts exposes it over Comlink. */
export const api: DataWorkerApi & StockWorkerApi = {
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
		return (await getService()).productSummary(datasetId);
	},
	async querySeries(datasetId, query) {
		const batch = await (await getService()).querySeries(datasetId, query);
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
		return (await getService()).groupSummary(datasetId, by);
	},
	async hierarchySeries(datasetId, query) {
		return (await getService()).hierarchySeries(datasetId, query);
	},
	async importStock(file) {
		const parsed = await readStockFile(await getService(), file);
		return stockStore.storeStock(getDb(), file.name, parsed);
	},
	listStock: () => stockStore.listStock(getDb()),
	listStockHistory: () => stockStore.listStockHistory(getDb()),
	updateStock: (productId, patch) => stockStore.updateStock(getDb(), productId, patch),
	getPlanSettings: () => stockStore.getPlanSettings(getDb()),
	savePlanSettings: (value) => stockStore.savePlanSettings(getDb(), value),
	async exportBackup() {
		return exportBackup(getDb());
	},
	async restoreBackup(file) {
		const summary = await restoreBackup(getDb(), file);
		// Other tabs list their datasets again (this tab's client restarts this worker).
		announceDatasetsChanged('*');
		return summary;
	},
	async customerInsights(datasetId) {
		return (await getCustomerJobs()).insights(datasetId);
	},
	async recommendForCustomer(datasetId, customerId, k) {
		return (await getCustomerJobs()).forCustomer(datasetId, customerId, k);
	},
	async recommendForProduct(datasetId, productId, k) {
		return (await getCustomerJobs()).forProduct(datasetId, productId, k);
	},
	async setFlagMark(datasetId, flagId, ok) {
		return (await getCustomerJobs()).setFlagMark(datasetId, flagId, ok);
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
