// Backup and restore of everything Trendcast stores on this device (datasets and their bytes, stock,
// models and weights, settings, flag marks, shared reports …) as ONE file, with dexie-export-import
// (by Dexie's author: streams every table, keeps typed arrays and binary blobs). Restore checks the file is
// a Trendcast backup of a schema this version can read before it clears anything, and then replaces
// all tables in one go, so a bad file loses nothing stored.
import type Dexie from 'dexie';
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import type { TrendcastDb } from '../../src/lib/db/db';
import { DB_NAME, DERIVED_TABLES, scopeUnscopedPromotions } from '../../src/lib/db/db';
import { codedError } from './coded-error';

/** What a restore did. */
export interface RestoreSummary {
	datasets: number;
	/** Sales rows of the datasets restored (what the owner counts; `rows` counts storage records). */
	salesRows: number;
	/** Products with stock data restored. */
	stockProducts: number;
	tables: number;
	rows: number;
	/** The device preferences the backup carried (see DEVICE_PREFS_KEY); absent in older backups. */
	devicePrefs?: Record<string, string>;
}

/**
 * Settings row holding the preferences the UI keeps in localStorage (the shop's calendar country, its
 * own sale days and removed holidays, the device currency): workers cannot read localStorage, so the
 * UI hands them over and they travel in the backup file with everything else.
 */
export const DEVICE_PREFS_KEY = 'devicePrefs';

/** Only `trendcast.*` keys with text values come back from a file (a backup is user-supplied input). */
function cleanPrefs(v: unknown): Record<string, string> | undefined {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
	const out: Record<string, string> = {};
	for (const [k, x] of Object.entries(v))
		if (k.startsWith('trendcast.') && typeof x === 'string') out[k] = x;
	return out;
}

/**
 * The whole database as one file (JSON, binary data inside), ready to download; `devicePrefs` (the
 * UI's localStorage preferences) are stored first so the file carries them.
 */
export async function exportBackup(
	db: TrendcastDb,
	devicePrefs?: Record<string, string>,
): Promise<Blob> {
	const prefs = cleanPrefs(devicePrefs);
	if (prefs) await db.settings.put({ key: DEVICE_PREFS_KEY, value: prefs });
	return exportDB(db as unknown as Dexie, {
		prettyJson: false,
		numRowsPerChunk: 200,
		// what can be worked out again (the customer insights) stays out of the file
		skipTables: [...DERIVED_TABLES],
	});
}

/** How a backup (or the copy kept in case it fails) replaces every table. */
const IMPORT_OPTIONS = {
	clearTablesBeforeImport: true,
	acceptVersionDiff: true,
	acceptMissingTables: true,
	acceptChangedPrimaryKey: false,
} as const;

/** Replaces everything stored with the backup's content (after checking it). */
export async function restoreBackup(db: TrendcastDb, file: Blob): Promise<RestoreSummary> {
	let meta: Awaited<ReturnType<typeof peakImportFile>>;
	try {
		meta = await peakImportFile(file);
	} catch {
		throw codedError('BackupError', 'backup_error_not_backup');
	}
	if (meta?.formatName !== 'dexie' || !meta.data)
		throw codedError('BackupError', 'backup_error_not_backup');
	if (meta.data.databaseName !== DB_NAME)
		throw codedError('BackupError', 'backup_error_not_trendcast', {
			name: String(meta.data?.databaseName ?? '?'),
		});
	if (meta.data.databaseVersion > db.verno)
		throw codedError('BackupError', 'backup_error_newer', {
			version: meta.data.databaseVersion,
			ours: db.verno,
		});
	const known = new Set(db.tables.map((t) => t.name));
	const unknown = meta.data.tables.map((t) => t.name).filter((n) => !known.has(n));
	if (unknown.length)
		throw codedError('BackupError', 'backup_error_tables', { tables: unknown.join(', ') });
	// The library reads a file cut off in its rows (a broken download) without a word, after clearing
	// every table: the dataset came back without its bytes. So every table's rows are counted against
	// the header's row counts before anything is cleared.
	const rowsOf = new Map<string, number>();
	try {
		const whole = JSON.parse(await file.text()) as {
			data?: { data?: { tableName?: unknown; rows?: unknown }[] };
		};
		for (const t of whole.data?.data ?? [])
			if (typeof t.tableName === 'string' && Array.isArray(t.rows))
				rowsOf.set(t.tableName, (rowsOf.get(t.tableName) ?? 0) + t.rows.length);
	} catch (e) {
		throw codedError('BackupError', 'backup_error_damaged', {
			detail: String((e as Error).message ?? e).slice(0, 200),
		});
	}
	const short = meta.data.tables.find((t) => (rowsOf.get(t.name) ?? 0) !== t.rowCount);
	if (short)
		throw codedError('BackupError', 'backup_error_damaged', {
			detail: `${short.name}: ${rowsOf.get(short.name) ?? 0} of ${short.rowCount} rows`,
		});
	// The library clears the tables outside its import's transaction: an import that fails after that
	// (a row the store refuses, the quota) would leave the tables empty. So what is stored now is kept
	// in memory and written back when the import fails.
	const before = await exportDB(db as unknown as Dexie, {
		prettyJson: false,
		numRowsPerChunk: 200,
	});
	try {
		await importInto(db as unknown as Dexie, file, IMPORT_OPTIONS);
	} catch (e) {
		try {
			await importInto(db as unknown as Dexie, before, IMPORT_OPTIONS);
		} catch {
			throw codedError('BackupError', 'backup_error_rollback_failed', {
				detail: String((e as Error).message ?? e).slice(0, 200),
			});
		}
		throw codedError('BackupError', 'backup_error_damaged', {
			detail: String((e as Error).message ?? e).slice(0, 200),
		});
	}
	// Derived tables are not in a backup (nor in a version-10 one): what was cached for the datasets
	// replaced must not show. The library's clearTablesBeforeImport empties every table today; cleared
	// here as well so this does not rest on that option's reach.
	await db.transaction('rw', DERIVED_TABLES as unknown as string[], async () => {
		for (const name of DERIVED_TABLES) await db.table(name).clear();
	});
	// A backup of a version before 10 holds promotions files without a dataset: scope them as the
	// version-10 upgrade does (else no dataset would find them).
	await scopeUnscopedPromotions(db.datasets, db.promotionSets);
	const devicePrefs = cleanPrefs((await db.settings.get(DEVICE_PREFS_KEY))?.value);
	let salesRows = 0;
	await db.datasets.each((d) => {
		salesRows += Number(d.rowCount) || 0;
	});
	return {
		datasets: await db.datasets.count(),
		salesRows,
		stockProducts: await db.stock.count(),
		tables: meta.data.tables.length,
		rows: meta.data.tables.reduce((a, t) => a + t.rowCount, 0),
		...(devicePrefs ? { devicePrefs } : {}),
	};
}
