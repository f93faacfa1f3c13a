// Dexie writes and reads of stored datasets: gzip'ed Arrow IPC bytes + metadata in one transaction, loaded
// back into DuckDB lazily (ensureLoaded), rewritten after a change (saveTable), deleted with their models.
import { megabytes } from '../../src/core/ingest/limits';
import type { DatasetMeta } from '../../src/core/ingest/types';
import { announceDatasetsChanged } from '../../src/lib/db/changes';
import { DERIVED_TABLES, type DatasetBlobRow, type TrendcastDb } from '../../src/lib/db/db';
import { deleteModelsOfDataset } from '../../src/lib/db/models';
import { arrowFileToStream, gunzip, gzip } from './arrow';
import { codedError } from './coded-error';
import type { DataContext } from './context';
import { readableDuckDbError } from './duckdb-guard';
import { datasetTable } from './sql';
import { dropKeptForecasts } from './kept-forecasts';
import { startupMark } from '../../src/lib/startup-marks';

/** How dataset bytes are stored in `datasetBlobs`. */
export const BLOB_FORMAT = 'arrow-ipc-stream+gzip';

/** DOMException's legacy code for QUOTA_EXCEEDED_ERR (older engines name the error differently). */
const QUOTA_EXCEEDED_CODE = 22;

/** The caches worked out from a dataset (DERIVED_TABLES): any write of its table goes with them. */
const derivedTables = (db: TrendcastDb) => DERIVED_TABLES.map((name) => db.table(name));

/** Drops a dataset's derived caches (customer insights, kept forecasts), inside a transaction over them. */
async function dropDerived(db: TrendcastDb, id: string): Promise<void> {
	await db.customerInsights.delete(id);
	await dropKeptForecasts(db, id);
}

/**
 * True for IndexedDB/Dexie quota errors, whatever wraps them (Dexie's `inner`, the standard `cause`):
 * decided by the error's name or legacy code, never by its (browser- and language-dependent) text.
 */
export function isQuotaError(e: unknown): boolean {
	let cur: unknown = e;
	for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
		const o = cur as { name?: string; code?: unknown; inner?: unknown; cause?: unknown };
		if (o.name === 'QuotaExceededError' || o.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
		if (o.code === QUOTA_EXCEEDED_CODE && typeof o.name === 'string') return true;
		cur = o.inner ?? o.cause;
	}
	return false;
}

/** A stored dataset's metadata; DatasetNotFound when it is gone. */
export async function metaOf(ctx: DataContext, id: string): Promise<DatasetMeta> {
	const meta = await ctx.db.datasets.get(id);
	if (!meta) throw codedError('DatasetNotFound', 'data_dataset_gone');
	return meta;
}

/**
 * Makes sure the dataset's table is in DuckDB, loading its bytes from Dexie on first use. Calls that
 * arrive while it loads (Explore's, Home's and the forecast workers' first queries) wait for that load
 * instead of reading, unpacking and inserting the same bytes again.
 */
export function ensureLoaded(ctx: DataContext, id: string): Promise<string> {
	const table = datasetTable(id);
	if (ctx.loaded.has(id)) return Promise.resolve(table);
	let load = ctx.loading.get(id);
	if (!load) {
		load = loadStored(ctx, id, table).finally(() => ctx.loading.delete(id));
		ctx.loading.set(id, load);
	}
	return load;
}

/** Reads a stored dataset's bytes from Dexie into DuckDB table `table`. */
async function loadStored(ctx: DataContext, id: string, table: string): Promise<string> {
	startupMark('load:start');
	const row = await ctx.db.datasetBlobs.get(id);
	if (!row) throw codedError('DatasetNotFound', 'data_dataset_gone');
	if (row.format !== BLOB_FORMAT)
		throw codedError('DatasetNotFound', 'data_unknown_format', { format: row.format });
	startupMark('load:read', row.data.byteLength);
	const ipc = await gunzip(row.data);
	startupMark('load:gunzip', ipc.byteLength);
	ctx.q(`DROP TABLE IF EXISTS ${table}`);
	try {
		ctx.conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
	} catch (e) {
		throw readableDuckDbError(e); // DuckDB's structured error kept, worded as DuckDB words it
	}
	ctx.loaded.add(id);
	startupMark('load:inserted');
	return table;
}

/** A DuckDB table as gzip'ed Arrow IPC stream bytes (and the uncompressed size). */
async function tableBytes(ctx: DataContext, table: string) {
	let file: Uint8Array;
	try {
		file = ctx.conn.useUnsafe((b, cn) => b.runQuery(cn, `SELECT * FROM ${table}`));
	} catch (e) {
		throw readableDuckDbError(e);
	}
	const ipc = arrowFileToStream(file);
	return { data: await gzip(ipc), rawBytes: ipc.byteLength };
}

/**
 * Stores a new dataset from DuckDB table `table`: bytes + metadata in one transaction. With `fixedId`,
 * a dataset already stored under the id (written meanwhile by another tab) is kept and returned, checked
 * inside the write transaction, so the same import never lands twice. `meta.bytes` is set here.
 */
export async function storeNew(
	ctx: DataContext,
	table: string,
	meta: DatasetMeta,
	fixedId: boolean,
): Promise<DatasetMeta> {
	const { db } = ctx;
	const { id } = meta;
	const { data, rawBytes } = await tableBytes(ctx, table);
	const full: DatasetMeta = { ...meta, bytes: data.byteLength };
	const blob: DatasetBlobRow = { id, format: BLOB_FORMAT, data, rawBytes };
	let stored: DatasetMeta | undefined;
	try {
		await db.transaction('rw', [db.datasets, db.datasetBlobs, ...derivedTables(db)], async () => {
			stored = fixedId ? await db.datasets.get(id) : undefined;
			if (stored) return;
			await db.datasetBlobs.put(blob);
			await db.datasets.put(full);
			// an id used before (a dataset deleted in another tab meanwhile) starts without caches
			await dropDerived(db, id);
		});
	} catch (e) {
		if (isQuotaError(e))
			throw codedError('QuotaExceededError', 'data_quota', {
				name: full.name,
				size: `${megabytes(data.byteLength)} MB`,
			});
		throw e;
	}
	ctx.loaded.add(id);
	announceDatasetsChanged(id);
	return stored ?? full;
}

/**
 * Writes a changed stored table back with its metadata, bytes and metadata in one transaction.
 * If the write fails nothing stored changes, and the table is dropped from DuckDB so the next query
 * reloads the stored version.
 */
export async function saveTable(
	ctx: DataContext,
	table: string,
	meta: DatasetMeta,
	recount = true,
): Promise<DatasetMeta> {
	const { db } = ctx;
	const id = meta.id;
	try {
		const c = ctx.rows(`SELECT count(*) FILTER (WHERE NOT is_return)::DOUBLE AS imported,
				count(DISTINCT product_id) FILTER (WHERE NOT is_return)::DOUBLE AS products,
				epoch_ms(min(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmin,
				epoch_ms(max(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmax
			FROM ${table}`)[0];
		const { data, rawBytes } = await tableBytes(ctx, table);
		const next: DatasetMeta = {
			...meta,
			rowCount: Number(c.imported),
			productCount: Number(c.products),
			dateMin: Number(c.dmin),
			dateMax: Number(c.dmax),
			bytes: data.byteLength,
			report: recount ? { ...meta.report, rowsImported: Number(c.imported) } : meta.report,
		};
		const blob: DatasetBlobRow = { id, format: BLOB_FORMAT, data, rawBytes };
		await db.transaction('rw', [db.datasets, db.datasetBlobs, ...derivedTables(db)], async () => {
			if (!(await db.datasets.get(id))) throw codedError('DatasetNotFound', 'data_dataset_gone');
			await db.datasetBlobs.put(blob);
			await db.datasets.put(next);
			// the table changed: its insights and forecasts are worked out again on the next visit
			await dropDerived(db, id);
		});
		ctx.dateSteps.delete(id);
		announceDatasetsChanged(id);
		return next;
	} catch (e) {
		ctx.q(`DROP TABLE IF EXISTS ${table}`);
		ctx.loaded.delete(id);
		ctx.dateSteps.delete(id);
		throw e;
	}
}

/** Deletes a dataset, its bytes, its flag marks, its cached customer insights, its kept forecasts and its deep models (weights only fit its series). */
export async function deleteDataset(ctx: DataContext, id: string): Promise<void> {
	const { db } = ctx;
	ctx.q(`DROP TABLE IF EXISTS ${datasetTable(id)}`);
	ctx.loaded.delete(id);
	ctx.dateSteps.delete(id);
	await db.transaction(
		'rw',
		[
			db.datasets,
			db.datasetBlobs,
			db.flagMarks,
			...derivedTables(db),
			db.models,
			db.modelWeights,
			db.promotionSets,
		],
		async () => {
			await db.datasetBlobs.delete(id);
			await db.datasets.delete(id);
			await db.flagMarks.where('datasetId').equals(id).delete();
			await dropDerived(db, id);
			// its own promotions files go with it (those for every dataset stay)
			await db.promotionSets.where('datasetId').equals(id).delete();
			await deleteModelsOfDataset(db, id);
		},
	);
	announceDatasetsChanged(id);
}
