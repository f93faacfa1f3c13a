// The data worker's logic as one service object, composed from the job modules under workers/data/, with
// DuckDB and Dexie injected so the same code runs in the browser worker (DuckDB-WASM blocking build,
// IndexedDB) and in Node tests and CLIs (duckdb-node-blocking, fake-indexeddb).
// Import (sales) = readers/decode-file.ts (gunzip, sniff, XLSX/Parquet/JSON → CSV, decode) → staging.ts
// (all-VARCHAR DuckDB table) → sales/preview.ts (mapping guess, issues) → sales/commit.ts (clean.ts,
// problems.ts, report.ts) → store.ts (gzip'ed Arrow IPC bytes + metadata in one Dexie transaction).
// Datasets are loaded back into DuckDB lazily (store.ensureLoaded) for queries.ts and sql-console.ts.
// Other dataset kinds: kinds.ts. The worker's API contract: data/protocol.ts.
import { createContext, type DataServiceDeps } from './data/context';
import { setDatasetCurrency } from './data/currency';
import { renameDataset } from './data/rename';
import { setDatasetWeekStart } from './data/week-start';
import { loadDemo } from './data/demo';
import { estimateStorage, listStoredDatasets } from './data/listing';
import { createProductQueries } from './data/products';
import { createHierarchyQueries } from './data/hierarchy';
import { createPromotionJobs } from './data/promotions';
import type { DataWorkerApi } from './data/protocol';
import { orderLines, productSummary, querySeries } from './data/queries';
import { commitImport } from './data/sales/commit';
import { validateMapping } from './data/sales/mapping-check';
import { previewFile } from './data/sales/preview';
import { runSql } from './data/sql-console';
import { dropStaged, stagedRows } from './data/staging';
import { deleteDataset, ensureLoaded, metaOf } from './data/store';
import { setNonProductIncluded } from './data/update';

export type { DataServiceDeps } from './data/context';

/** The service: the data worker's API less the jobs that need no DuckDB, plus staging hooks. */
export type DataService = Omit<
	DataWorkerApi,
	// Computed by workers/data/customers.ts over orderLines().
	| 'customerInsights'
	| 'cancelJob'
	| 'recommendForCustomer'
	| 'recommendForProduct'
	| 'setFlagMark'
	// Kept forecasts work on the Dexie database alone (workers/data/kept-forecasts.ts).
	| 'keptForecast'
	| 'keepForecast'
	// Backup works on the Dexie database alone (workers/data/backup.ts).
	| 'exportBackup'
	| 'restoreBackup'
> & {
	/** Releases DuckDB resources of a staged import (tests, cancel). */
	discardImport(importId: string): void;
	/** Every row of a staged file as text cells (other dataset kinds: workers/data/stock.ts). */
	stagedRows(importId: string): { fileName: string; columns: string[]; rows: (string | null)[][] };
};

/** Creates the data service over injected DuckDB bindings and Dexie database. */
export function createDataService(deps: DataServiceDeps): DataService {
	const ctx = createContext(deps);
	const { db } = ctx;
	return {
		previewFile: (file, onProgress) => previewFile(ctx, file, onProgress),
		validateMapping: (importId, mapping) => validateMapping(ctx, importId, mapping),
		setNonProductIncluded: (datasetId, productIds) =>
			setNonProductIncluded(ctx, datasetId, productIds),
		setDatasetCurrency: (datasetId, currency) => setDatasetCurrency(db, datasetId, currency),
		setDatasetWeekStart: (datasetId, weekStart) => setDatasetWeekStart(db, datasetId, weekStart),
		renameDataset: (datasetId, name) => renameDataset(db, datasetId, name),
		commitImport: (importId, options, onProgress) =>
			commitImport(ctx, importId, options, onProgress),
		loadDemo: (onProgress) => loadDemo(ctx, onProgress),
		listDatasets: () => listStoredDatasets(db),
		deleteDataset: (id) => deleteDataset(ctx, id),
		storageInfo: () => (deps.estimate ? deps.estimate() : estimateStorage(db)),
		productSummary: (datasetId) => productSummary(ctx, datasetId),
		querySeries: (datasetId, query) => querySeries(ctx, datasetId, query),
		runSql: (datasetId, sql) => runSql(ctx, datasetId, sql),
		...createProductQueries({
			rows: ctx.rows,
			ensureLoaded: (id) => ensureLoaded(ctx, id),
			metaOf: (id) => metaOf(ctx, id),
		}),
		...createHierarchyQueries({
			rows: ctx.rows,
			ensureLoaded: (id) => ensureLoaded(ctx, id),
			metaOf: (id) => metaOf(ctx, id),
			querySeries: (id, query) => querySeries(ctx, id, query),
		}),
		...createPromotionJobs({
			db,
			rows: ctx.rows,
			ensureLoaded: (id) => ensureLoaded(ctx, id),
			mappingOf: async (id) => (await metaOf(ctx, id)).mapping,
		}),
		orderLines: (datasetId) => orderLines(ctx, datasetId),
		discardImport: (importId) => dropStaged(ctx, importId),
		stagedRows: (importId) => stagedRows(ctx, importId),
	};
}
