// The one Dexie (IndexedDB) database of Trendcast: dataset metadata, dataset bytes, settings and
// (later) models. Opened by the data worker (and the train worker); the UI reads through the workers.
// DO NOT CHANGE THE DB NAME, TABLES OR KEYS WITHOUT A MIGRATION: add db.version(2) below with the full
// schema and an upgrade(), keep version(1) as it is (STYLE §5).
import Dexie, { type EntityTable } from 'dexie';
import type { DatasetMeta } from '../../core/ingest/types';
import type { ReportDoc } from '../../core/report/types';
import type { StockHistoryRow, StockRow } from '../../core/ingest/schemas/stock';
import type { PromotionRecord } from '../../core/ingest/schemas/promotions';

/** Name of the IndexedDB database. */
export const DB_NAME = 'trendcast';

/** The stored bytes of one dataset (the normalized sales table), kept apart from the metadata. */
export interface DatasetBlobRow {
	/** Same id as the DatasetMeta row. */
	id: string;
	/** How `data` is encoded: 'arrow-ipc-stream+gzip' (see workers/data/store.ts). */
	format: string;
	data: Uint8Array;
	/** Size of the uncompressed table bytes. */
	rawBytes: number;
}

/** One user setting. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/** A saved model (metadata only; weights live in modelWeights). */
export interface ModelRow {
	id: string;
	datasetId: string;
	kind: string;
	createdAt: number;
	[extra: string]: unknown;
}

/** Model weights/state bytes. */
export interface ModelWeightsRow {
	id: string;
	data: ArrayBuffer | Uint8Array;
	[extra: string]: unknown;
}

/** An imported market-signals file (posts, search interest, reviews or catalog): metadata. */
export interface SignalSetRow {
	id: string;
	kind: 'posts' | 'search' | 'reviews' | 'catalog';
	name: string;
	createdAt: number;
	rowCount: number;
	[extra: string]: unknown;
}

/** The records of one signal set (kept apart from the listing metadata, STYLE §5). */
export interface SignalRecordsRow {
	id: string;
	records: unknown;
}

/** An analyst's verdict on a risk flag (Customers screen), kept across reloads. */
export interface FlagMarkRow {
	/** `${datasetId}|${flagId}`. */
	id: string;
	datasetId: string;
	flagId: string;
	/** 'ok' = checked and fine (a review: genuine); 'fake' = a review the analyst marked fake. */
	status: 'ok' | 'fake';
	markedAt: number;
}

/** A report kept from a shared link or file (version 8; the Report screen). */
export interface ReportRow {
	id: string;
	title: string;
	dataset: string;
	/** When the report was made (by whoever shared it). */
	createdAt: number;
	/** When it was kept on this device. */
	savedAt: number;
	doc: ReportDoc;
}

/** A stored promotions file (version 9, issue #11; `datasetId` since version 10). */
export interface PromotionSetRow {
	id: string;
	fileName: string;
	importedAt: number;
	promotions: number;
	/**
	 * The dataset the file's promotions apply to; null: every dataset (the person said so). Files
	 * stored before version 10 were migrated to the only dataset when there was exactly one, else null.
	 */
	datasetId: string | null;
	records: PromotionRecord[];
}

/**
 * The customer insights of one dataset as last worked out (version 11): a derived cache, so a return
 * visit shows them without the minute-long analysis. `stamp` names the stored dataset's version and the
 * analysis' version (workers/data/customers.ts): a row whose stamp differs is never shown. Deleted with
 * its dataset and whenever its table is written; not backed up, and cleared by a restore.
 */
export interface CustomerInsightsRow {
	datasetId: string;
	stamp: string;
	savedAt: number;
	/** CustomerInsights without the analysts' marks (those are read from flagMarks on every visit). */
	insights: unknown;
}

/**
 * A forecast of the Forecast screen as last made (version 12): a derived cache, so a return visit shows
 * it without running the batch again. `kind` says which result ('batch': every product of the batch
 * card; 'single': the screen's one product or all products; 'levels': its category / store / total
 * hierarchy, whose `request` is a HierarchyRequest and `result` its { info, result }). `stamp` names the stored dataset's version and the keeping's version
 * (workers/data/kept-forecasts.ts); `request` holds the options that made it (method, horizon,
 * frequency, calendar …). A row whose stamp differs is never shown. Deleted with its dataset and
 * whenever its table is written; not backed up, and cleared by a restore.
 */
export interface KeptForecastRow {
	datasetId: string;
	kind: string;
	stamp: string;
	savedAt: number;
	/** The ForecastRequest that made it (src/state/forecast-run.svelte.ts). */
	request: unknown;
	/** What the run showed: history, grid, results, leftOut. */
	result: unknown;
}

/** The typed Dexie database. */
export type TrendcastDb = Dexie & {
	promotionSets: EntityTable<PromotionSetRow, 'id'>;
	signalSets: EntityTable<SignalSetRow, 'id'>;
	signalRecords: EntityTable<SignalRecordsRow, 'id'>;
	datasets: EntityTable<DatasetMeta, 'id'>;
	datasetBlobs: EntityTable<DatasetBlobRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	models: EntityTable<ModelRow, 'id'>;
	modelWeights: EntityTable<ModelWeightsRow, 'id'>;
	/** Stock and supply per product (version 3; the Plan screen). */
	stock: EntityTable<StockRow, 'productId'>;
	/** Dated on-hand counts (censored demand). */
	stockHistory: Dexie.Table<StockHistoryRow, [string, number]>;
	/** Plan settings by key (service level, review period, default lead time...). */
	planSettings: EntityTable<SettingRow, 'key'>;
	flagMarks: EntityTable<FlagMarkRow, 'id'>;
	/** Reports kept from shared links or files (version 8). */
	reports: EntityTable<ReportRow, 'id'>;
	/** Derived: the customer insights per dataset version (version 11). */
	customerInsights: EntityTable<CustomerInsightsRow, 'datasetId'>;
	/** Derived: the Forecast screen's results per dataset version (version 12). */
	keptForecasts: Dexie.Table<KeptForecastRow, [string, string]>;
};

/** Tables that hold only what can be worked out again: left out of backups, cleared by a restore. */
export const DERIVED_TABLES = ['customerInsights', 'keptForecasts'] as const;

/**
 * Promotions files stored before version 10 (or restored from such a backup) have no `datasetId`:
 * they go to the only dataset when there is exactly one (they could only have been meant for it),
 * else to every dataset (null), as they worked before. Used by the version-10 upgrade and by restore.
 */
export async function scopeUnscopedPromotions(
	datasets: Dexie.Table,
	promotionSets: Dexie.Table,
): Promise<void> {
	const ids = await datasets.toCollection().primaryKeys();
	const only = ids.length === 1 ? String(ids[0]) : null;
	await promotionSets.toCollection().modify((row: Partial<PromotionSetRow>) => {
		if (row.datasetId === undefined) row.datasetId = only;
	});
}

/**
 * Opens (creates on first use) the database. Pass `indexedDB`/`IDBKeyRange` to use another
 * implementation (fake-indexeddb in Node tests). Call once per worker and share the instance.
 */
export function openTrendcastDb(deps?: {
	indexedDB: IDBFactory;
	IDBKeyRange: typeof IDBKeyRange;
}): TrendcastDb {
	const db = new Dexie(DB_NAME, deps) as TrendcastDb;
	// Version 1 — DO NOT CHANGE WITHOUT A MIGRATION.
	db.version(1).stores({
		datasets: 'id, name, createdAt',
		datasetBlobs: 'id',
		settings: 'key',
		models: 'id, datasetId, kind',
		modelWeights: 'id',
	});
	// Version 3 (the inventory plan) — adds tables only; Dexie 4 keeps the tables of earlier versions.
	db.version(3).stores({
		stock: 'productId, supplier',
		stockHistory: '[productId+ds], productId',
		planSettings: 'key',
	});
	// Version 5 — market signals (issue 14): imported posts/search/reviews/catalog files.
	db.version(5).stores({ signalSets: 'id, kind, createdAt', signalRecords: 'id' });
	// Version 6 (customers): analysts' marks on risk flags. Only the new table is listed; Dexie keeps
	// the others. Versions 2–5 are other features' tables.
	db.version(6).stores({ flagMarks: 'id, datasetId' });
	// Version 8 (reports): reports kept from a shared link or a .trendcast-report file.
	db.version(8).stores({ reports: 'id, savedAt' });
	// Version 9 (engine, issue #11): imported promotions files, one row per file.
	db.version(9).stores({ promotionSets: 'id, importedAt' });
	// Version 10 (levels): a promotions file belongs to one dataset (datasetId) or, said so, to every
	// dataset (null). Files stored before applied to every dataset: they go to the only dataset when
	// there is exactly one (they could only have been meant for it), else stay with every dataset (as
	// they worked before; the screen says so and the scope can be changed there).
	db.version(10)
		.stores({ promotionSets: 'id, importedAt, datasetId' })
		.upgrade((tx) => scopeUnscopedPromotions(tx.table('datasets'), tx.table('promotionSets')));
	// Version 11 (customers): the customer insights cached per dataset version. A new table only: no
	// row of version 10 changes, so there is nothing to upgrade (an empty cache is worked out on the
	// next visit); restore of a version-10 backup clears it (workers/data/backup.ts).
	db.version(11).stores({ customerInsights: 'datasetId' });
	// Version 12 (forecasts kept between visits): the Forecast screen's results per dataset version. A
	// new table only, as version 11: nothing to upgrade; restore of an older backup clears it.
	db.version(12).stores({ keptForecasts: '[datasetId+kind], datasetId' });
	// Another tab upgraded the schema: close rather than write with an old one (Dexie versionchange).
	db.on('versionchange', () => {
		db.close();
		return false;
	});
	return db;
}
