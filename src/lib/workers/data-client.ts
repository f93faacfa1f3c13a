// Main-thread client of the data worker (DuckDB-WASM + IndexedDB). Views and state classes call this,
// never `Worker` directly. The bridge starts the worker on first use and, because DuckDB's blocking calls
// cannot be interrupted, cancels a query by terminating the worker and starting a fresh one on the next
// call; the Customers insights (JavaScript work in steps) are stopped by a cancel message instead.
import * as Comlink from 'comlink';
import type {
	DataWorkerApi as SalesApi,
	GroupColumn,
	GroupSummaryResult,
	PromotionImportSummary,
	PromotionSetInfo,
	ProductSearchResult,
	SeriesQuery,
	SqlResult,
	StockWorkerApi,
	StorageInfo,
} from '../../../workers/data-api';
import type { StockImportSummary, StockPatch } from '../../../workers/data/stock-store';
import type { SeriesPortWorkerApi } from '../../../workers/data/series-port';
import type { SeriesProvider } from './series-link';
import type { StockHistoryRow, StockRow } from '../../core/ingest/schemas/stock';

import type { CustomerInsights } from '../../../workers/data/customers';
import type { KeptForecast, KeptForecastKind } from '../../../workers/data/kept-forecasts';
import type {
	ColumnMapping,
	DatasetMeta,
	ImportOptions,
	ImportPreview,
	MappingCheck,
	ProductSummary,
	Progress,
} from '../../core/ingest/types';
import type { SeriesBatch, WeekStart } from '../../core/types';
import type { PromotionRecord } from '../../core/ingest/schemas/promotions';
import { progressProxy as bridgeProgress, WorkerBridge } from './bridge';

/** Everything the data worker answers: sales datasets and stock (Plan screen). */
type DataWorkerApi = SalesApi & StockWorkerApi & SeriesPortWorkerApi;

/** Options of a long call: progress callback and a cancel signal. */
export interface CallOptions {
	signal?: AbortSignal;
	onProgress?: (p: Progress) => void;
}

/** A file picked by the user, read into memory and moved (not copied) to the worker. */
export interface PickedFile {
	name: string;
	arrayBuffer(): Promise<ArrayBuffer>;
}

export class DataClient implements SeriesProvider {
	/** DuckDB's blocking calls can't be interrupted: an abort terminates the worker (restarted lazily). */
	#bridge = new WorkerBridge<DataWorkerApi>({
		start: () =>
			new Worker(new URL('../../../workers/data.worker.ts', import.meta.url), {
				type: 'module',
				name: 'data',
			}),
	});

	#call<T>(fn: (api: Comlink.Remote<DataWorkerApi>) => Promise<T>, signal?: AbortSignal) {
		return this.#bridge.call(fn, { signal, onAbort: 'terminate' });
	}

	/** Read, sniff and stage a file; returns the suggested mapping and the problems found. */
	async previewFile(file: PickedFile, opts: CallOptions = {}): Promise<ImportPreview> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.previewFile(input, progressProxy(opts)), opts.signal);
	}

	/** Re-check a staged import against the mapping being edited. */
	validateMapping(importId: string, mapping: ColumnMapping): Promise<MappingCheck> {
		const plain = plainCopy(mapping);
		return this.#call((api) => api.validateMapping(importId, plain));
	}

	/** Commit a staged import with the user's confirmed mapping. */
	commitImport(importId: string, options: ImportOptions, opts: CallOptions = {}) {
		const plain: ImportOptions = plainCopy(options);
		return this.#call<DatasetMeta>(
			(api) => api.commitImport(importId, plain, progressProxy(opts)),
			opts.signal,
		);
	}

	/** Count these non-product codes as products in a stored dataset (the others stay left out). */
	setNonProductIncluded(datasetId: string, productIds: string[]): Promise<DatasetMeta> {
		const ids = [...productIds];
		return this.#call((api) => api.setNonProductIncluded(datasetId, ids));
	}

	/** Set the currency a stored dataset's money is shown in. */
	renameDataset(datasetId: string, name: string): Promise<DatasetMeta> {
		return this.#call((api) => api.renameDataset(datasetId, name));
	}

	setDatasetCurrency(datasetId: string, currency: string): Promise<DatasetMeta> {
		return this.#call((api) => api.setDatasetCurrency(datasetId, currency));
	}

	/** Set the first day of a stored dataset's weeks (its weeks are bucketed again). */
	setDatasetWeekStart(datasetId: string, weekStart: WeekStart): Promise<DatasetMeta> {
		return this.#call((api) => api.setDatasetWeekStart(datasetId, weekStart));
	}

	/** Import the bundled demo data set. */
	loadDemo(opts: CallOptions = {}): Promise<DatasetMeta> {
		return this.#call((api) => api.loadDemo(progressProxy(opts)), opts.signal);
	}

	listDatasets(): Promise<DatasetMeta[]> {
		return this.#call((api) => api.listDatasets());
	}

	deleteDataset(id: string): Promise<void> {
		return this.#call((api) => api.deleteDataset(id));
	}

	storageInfo(): Promise<StorageInfo> {
		return this.#call((api) => api.storageInfo());
	}

	productSummary(datasetId: string, signal?: AbortSignal): Promise<ProductSummary[]> {
		return this.#call((api) => api.productSummary(datasetId), signal);
	}

	querySeries(datasetId: string, query: SeriesQuery, signal?: AbortSignal): Promise<SeriesBatch> {
		const q: SeriesQuery = {
			productIds: query.productIds ? [...query.productIds] : null,
			freq: query.freq,
			measure: query.measure,
			...(query.withPrice ? { withPrice: true } : {}),
			...(query.withCategory ? { withCategory: true } : {}),
			...(query.groupBy ? { groupBy: query.groupBy } : {}),
		};
		return this.#call((api) => api.querySeries(datasetId, q), signal);
	}

	runSql(datasetId: string, sql: string, signal?: AbortSignal): Promise<SqlResult> {
		return this.#call((api) => api.runSql(datasetId, sql), signal);
	}

	/** Type-ahead search over all products of a dataset (at most `limit` rows back). */
	searchProducts(datasetId: string, text: string, limit: number): Promise<ProductSearchResult> {
		return this.#call((api) => api.searchProducts(datasetId, text, limit));
	}

	/** Sales per category or store of a dataset. */
	groupSummary(datasetId: string, by: GroupColumn): Promise<GroupSummaryResult> {
		return this.#call((api) => api.groupSummary(datasetId, by));
	}

	/** Read and store a promotions file for a dataset (null: every dataset). */
	async importPromotions(
		file: PickedFile,
		datasetId: string | null,
	): Promise<PromotionImportSummary> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.importPromotions(input, datasetId));
	}

	/** Say which dataset a stored promotions file applies to (null: every dataset). */
	setPromotionScope(id: string, datasetId: string | null): Promise<void> {
		return this.#call((api) => api.setPromotionScope(id, datasetId));
	}

	listPromotions(): Promise<PromotionSetInfo[]> {
		return this.#call((api) => api.listPromotions());
	}

	deletePromotions(id: string): Promise<void> {
		return this.#call((api) => api.deletePromotions(id));
	}

	/** Each product's stored promotions (its own and its category's). */
	promotionsFor(
		datasetId: string,
		productIds: string[],
		signal?: AbortSignal,
	): Promise<Record<string, PromotionRecord[]>> {
		return this.#call((api) => api.promotionsFor(datasetId, [...productIds]), signal);
	}

	/**
	 * Segments, recommender and risk flags of a dataset (Customers screen), with throttled progress.
	 * Aborting asks the worker to stop this job (it stops between steps): the worker and the other
	 * screens' calls in flight go on. A visit after the first is answered from the worker's cache
	 * (per dataset version) unless `fresh` asks for the analysis again.
	 */
	customerInsights(
		datasetId: string,
		opts: CallOptions & { fresh?: boolean } = {},
	): Promise<CustomerInsights> {
		const jobId = crypto.randomUUID();
		const fresh = opts.fresh === true;
		return this.#bridge.call(
			(api) => api.customerInsights(datasetId, progressProxy(opts), jobId, fresh),
			{ signal: opts.signal, onAbort: (api) => api.cancelJob(jobId) },
		);
	}

	/** The Forecast screen's result kept for the dataset's stored content `version` (or null). */
	keptForecast(
		datasetId: string,
		kind: KeptForecastKind,
		version: string,
	): Promise<KeptForecast | null> {
		return this.#call((api) => api.keptForecast(datasetId, kind, version));
	}

	/**
	 * Keeps a forecast made from the stored content `version` (at `savedAt`, else now); when it was
	 * kept, or null.
	 */
	keepForecast(
		datasetId: string,
		kind: KeptForecastKind,
		version: string,
		request: unknown,
		result: unknown,
		savedAt?: number,
	): Promise<number | null> {
		return this.#call((api) =>
			api.keepForecast(datasetId, kind, version, request, result, savedAt),
		);
	}

	/** Top products for one customer (null: unknown customer). */
	recommendForCustomer(datasetId: string, customerId: string, k = 10) {
		return this.#call((api) => api.recommendForCustomer(datasetId, customerId, k));
	}

	/** Products to show next to one product (null: never sold). */
	recommendForProduct(datasetId: string, productId: string, k = 10) {
		return this.#call((api) => api.recommendForProduct(datasetId, productId, k));
	}

	/** Everything stored on this device as one file, with the preferences kept in localStorage. */
	exportBackup(devicePrefs?: Record<string, string>): Promise<Blob> {
		return this.#call((api) => api.exportBackup(devicePrefs));
	}

	/**
	 * Replaces everything stored with a backup. The worker is restarted afterwards so no table DuckDB
	 * loaded before the restore is served again.
	 */
	async restoreBackup(file: Blob) {
		try {
			return await this.#call((api) => api.restoreBackup(file));
		} finally {
			this.terminate();
		}
	}

	/** Keeps (or clears) an analyst's "OK" on a risk flag. */
	setFlagMark(datasetId: string, flagId: string, ok: boolean): Promise<void> {
		return this.#call((api) => api.setFlagMark(datasetId, flagId, ok));
	}

	/** Stop the worker now; the next call starts a fresh one. */
	terminate(): void {
		this.#bridge.terminate();
	}

	/**
	 * One end of a new MessageChannel whose other end the data worker serves series on, for the
	 * forecast, train and plan workers (series-link.ts): the series then never cross the UI thread.
	 */
	async openSeriesPort(): Promise<{ port: MessagePort; generation: number }> {
		const { port1, port2 } = new MessageChannel();
		let generation = 0;
		await this.#call((api) => {
			generation = this.#bridge.generation;
			return api.connectSeriesPort(Comlink.transfer(port2, [port2]));
		});
		return { port: port1, generation };
	}

	/** The data worker's start count (series-link.ts). */
	get generation(): number {
		return this.#bridge.generation;
	}

	get started(): boolean {
		return this.#bridge.started;
	}

	onEnd(fn: () => void): () => void {
		return this.#bridge.onEnd(fn);
	}

	/** Read a stock file in the worker and replace the stored stock with it. */
	async importStock(file: PickedFile): Promise<StockImportSummary> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.importStock(input));
	}

	listStock(): Promise<StockRow[]> {
		return this.#call((api) => api.listStock());
	}

	listStockHistory(): Promise<StockHistoryRow[]> {
		return this.#call((api) => api.listStockHistory());
	}

	updateStock(productId: string, patch: StockPatch): Promise<StockRow> {
		return this.#call((api) => api.updateStock(productId, plainCopy(patch)));
	}

	getPlanSettings(): Promise<unknown> {
		return this.#call((api) => api.getPlanSettings());
	}

	savePlanSettings(value: unknown): Promise<void> {
		return this.#call((api) => api.savePlanSettings(plainCopy(value)));
	}
}

/** Wrap a progress callback for Comlink (functions can't be cloned). */
function progressProxy(opts: CallOptions) {
	return bridgeProgress(opts.onProgress);
}

/** Plain deep copy of options: Svelte state proxies can't be structured-cloned. */
function plainCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** The one data client of the app. */
export const dataClient = new DataClient();
