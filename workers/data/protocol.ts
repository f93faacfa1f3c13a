// The data worker's protocol: the API the UI codes against (DataWorkerApi, StockWorkerApi) and its types, with no code.
import type { SeriesBatch, WeekStart } from '../../src/core/types';
import type { GroupColumn, GroupSummaryResult, ProductSearchResult } from './products';
import type { StockHistoryRow, StockRow } from '../../src/core/ingest/schemas/stock';
import type { StockImportSummary, StockPatch } from './stock-store';
import type { RestoreSummary } from './backup';
import type { CustomerInsights, RecommendedProduct } from './customers';
import type { KeptForecast, KeptForecastKind } from './kept-forecasts';
import type {
	ColumnMapping,
	DatasetMeta,
	ImportOptions,
	ImportPreview,
	MappingCheck,
	ProductSummary,
} from '../../src/core/ingest/types';
import type { FileInput, ProgressFn, StorageInfo } from './context';
import type { OrderLineColumns, SeriesQuery } from './queries';
import type { SqlResult } from './sql-console';
import type { HierarchyData, HierarchyQuery } from './hierarchy';
import type { PromotionImportSummary, PromotionSetInfo } from './promotions';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';

export type { FileInput, ProgressFn, StorageInfo } from './context';
export type { OrderLineColumns, SeriesQuery } from './queries';
export type { SqlResult } from './sql-console';
export type { HierarchyData, HierarchyQuery } from './hierarchy';
export type { PromotionImportSummary, PromotionSetInfo } from './promotions';
export type {
	GroupColumn,
	GroupSummary,
	GroupSummaryResult,
	ProductSearchResult,
} from './products';

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
	/** Set the first day of a stored dataset's weeks (0 Sunday … 6 Saturday); its kept forecasts drop. */
	setDatasetWeekStart(datasetId: string, weekStart: WeekStart): Promise<DatasetMeta>;
	/** Rename a stored dataset (trimmed; 1 to 120 characters). */
	renameDataset(datasetId: string, name: string): Promise<DatasetMeta>;
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
	/** Read and store a promotions file (product or category, start, end, discount). */
	importPromotions(file: FileInput, datasetId: string | null): Promise<PromotionImportSummary>;
	listPromotions(): Promise<PromotionSetInfo[]>;
	/** Say which dataset a stored promotions file applies to (null: every dataset). */
	setPromotionScope(id: string, datasetId: string | null): Promise<void>;
	deletePromotions(id: string): Promise<void>;
	/** Each product's stored promotions (its own and its category's) of the dataset's files and those for every dataset. */
	promotionsFor(
		datasetId: string,
		productIds: string[],
	): Promise<Record<string, PromotionRecord[]>>;
	/** Every sale and return line (cancelled sales left out), for customers and risk. */
	orderLines(datasetId: string): Promise<OrderLineColumns>;
	/**
	 * Segments, the chosen recommender and risk flags of a dataset (Customers screen); cancelJob(jobId)
	 * stops it between steps and leaves the worker running. Answered from the cache kept per dataset
	 * version when there is one, unless `fresh` asks for the analysis again; `savedAt` is set whenever
	 * the answer is kept on the device (from the cache, or just worked out and kept).
	 */
	customerInsights(
		datasetId: string,
		onProgress?: ProgressFn,
		jobId?: string,
		fresh?: boolean,
	): Promise<CustomerInsights>;
	/**
	 * The Forecast screen's result kept for the dataset (kept-forecasts.ts): null unless the stored
	 * dataset's version is `version` and the row was made from it (a row of another version is deleted).
	 */
	keptForecast(
		datasetId: string,
		kind: KeptForecastKind,
		version: string,
	): Promise<KeptForecast | null>;
	/**
	 * Keeps a forecast made from the stored content `version` (nothing when the data changed since);
	 * `savedAt`: when it was made, for a result kept again with more of it (else now).
	 */
	keepForecast(
		datasetId: string,
		kind: KeptForecastKind,
		version: string,
		request: unknown,
		result: unknown,
		savedAt?: number,
	): Promise<number | null>;
	/** Stops a job in flight by its id (Customers insights): it rejects with an AbortError. */
	cancelJob(jobId: string): void;
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
	/** Everything stored on this device as one backup file, with the UI's localStorage preferences. */
	exportBackup(devicePrefs?: Record<string, string>): Promise<Blob>;
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
