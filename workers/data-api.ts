// CONTRACT SKELETON (to be implemented by the data-worker work): the data worker's API.
// DuckDB-WASM (blocking build, inside this worker) ingests files, runs SQL, and the worker persists
// datasets (Parquet bytes + metadata) to IndexedDB through Dexie.
import type { SeriesBatch, Frequency } from '../src/core/types';
import type {
	DatasetMeta,
	ImportOptions,
	ImportPreview,
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
}

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

export interface DataWorkerApi {
	/** Decode, sniff and load a file; suggest a column mapping and report problems. */
	previewFile(file: FileInput, onProgress?: ProgressFn): Promise<ImportPreview>;
	/** Apply the confirmed mapping, clean, store as Parquet in IndexedDB. */
	commitImport(importId: string, options: ImportOptions, onProgress?: ProgressFn): Promise<DatasetMeta>;
	/** Import the built-in demo dataset shipped under /demo/. */
	loadDemo(onProgress?: ProgressFn): Promise<DatasetMeta>;
	listDatasets(): Promise<DatasetMeta[]>;
	deleteDataset(id: string): Promise<void>;
	storageInfo(): Promise<StorageInfo>;
	productSummary(datasetId: string): Promise<ProductSummary[]>;
	querySeries(datasetId: string, query: SeriesQuery): Promise<SeriesBatch>;
	runSql(datasetId: string, sql: string): Promise<SqlResult>;
}
