// The Forecast screen's results kept per dataset version (Dexie version 12, `keptForecasts`), so a
// returning owner sees last week's batch without running it again. A row is stamped with the stored
// dataset's version (src/lib/dataset-version.ts), KEPT_FORECAST_VERSION and the other stored inputs
// a forecast of the screen reads (the dataset's saved deep models and their status, the promotions
// files that apply to it); it is shown only while the stored dataset and those inputs still have
// that stamp and the screen asked for that version, else dropped. The screen's own options that made
// it travel in the row (`request`): the screen decides whether they are its own.
// Written only for the version it was made from (checked inside the write's transaction); deleted with
// the dataset and whenever its table is written (store.ts); not backed up, cleared by a restore.
import type { KeptForecastRow, TrendcastDb } from '../../src/lib/db/db';
import { datasetVersion } from '../../src/lib/dataset-version';

/**
 * Bump when what a kept forecast holds (or how it is made) changes: older rows are not shown (2: the
 * ranges after a fall in level and the reconciled levels' ranges are made anew, stop 32).
 */
export const KEPT_FORECAST_VERSION = 2;

/**
 * Which result of the Forecast screen: the batch card's (every product), the single forecast of the
 * screen's top (one product, or all products together), or its levels (the category / store / total
 * hierarchy, reconciled: src/state/hierarchy-run.svelte.ts). One row of each per dataset: the last one
 * made, so what is kept stays bounded (three rows per dataset) whatever the owner looks at.
 */
export type KeptForecastKind = 'batch' | 'single' | 'levels';

/** A kept forecast as the screen gets it back. */
export interface KeptForecast {
	savedAt: number;
	request: unknown;
	result: unknown;
}

/**
 * The stamp of a forecast made from the stored content `version` (datasetVersion) and the stored
 * inputs `inputs` (inputsOf).
 */
export function keptStamp(version: string, inputs: string): string {
	return `${KEPT_FORECAST_VERSION}|${version}|${inputs}`;
}

/** FNV-1a of a text, as 8 hex digits (a short key of the inputs' list). */
function digest(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h.toString(16).padStart(8, '0');
}

/**
 * What else a forecast of the dataset reads from storage: its saved deep models (a ready one joins the
 * automatic choice) and the promotions files for it or for every dataset.
 */
async function inputsOf(db: TrendcastDb, datasetId: string): Promise<string> {
	const models = (await db.models.where('datasetId').equals(datasetId).toArray())
		.map((m) => `${m.id}:${String(m.status ?? '')}`)
		.sort();
	const promos = (await db.promotionSets.toArray())
		.filter((p) => p.datasetId === datasetId || p.datasetId == null)
		.map((p) => `${p.id}:${p.importedAt}:${p.datasetId ?? '*'}`)
		.sort();
	return digest(JSON.stringify([models, promos]));
}

/** The stored dataset's stamp (null: no such dataset stored). */
async function storedStamp(db: TrendcastDb, datasetId: string): Promise<string | null> {
	const meta = await db.datasets.get(datasetId);
	return meta ? keptStamp(datasetVersion(meta), await inputsOf(db, datasetId)) : null;
}

/** The tables a stamp is read from, with the kept forecasts. */
const tablesOf = (db: TrendcastDb) => [db.datasets, db.models, db.promotionSets, db.keptForecasts];

/**
 * The forecast kept for the dataset as stored now, when the screen's `version` is that one too; null
 * otherwise. A row of another stamp (older data, an older keeping) is deleted.
 */
export async function keptForecast(
	db: TrendcastDb,
	datasetId: string,
	kind: KeptForecastKind,
	version: string,
): Promise<KeptForecast | null> {
	return db.transaction('rw', tablesOf(db), async () => {
		const row = await db.keptForecasts.get([datasetId, kind]);
		if (!row) return null;
		const stamp = await storedStamp(db, datasetId);
		if (row.stamp !== stamp) {
			await db.keptForecasts.delete([datasetId, kind]);
			return null;
		}
		if (row.stamp !== keptStamp(version, await inputsOf(db, datasetId))) return null;
		return { savedAt: row.savedAt, request: row.request, result: row.result };
	});
}

/**
 * Keeps a forecast made from the stored content `version`, unless the dataset was rewritten or
 * deleted meanwhile (then nothing is kept); stamped with the stored inputs as they are now (a model
 * saved or promotions file imported while the forecast ran is a race left open: rare, and the next
 * run keeps the right stamp). Returns when it was kept (`now`, when given: the time it was made), or
 * null. A failed write (the quota) only leaves the forecast unkept.
 */
export async function keepForecast(
	db: TrendcastDb,
	datasetId: string,
	kind: KeptForecastKind,
	version: string,
	request: unknown,
	result: unknown,
	now?: number,
): Promise<number | null> {
	// a result kept again with more of it (the single forecast's "one period earlier") keeps its day
	const savedAt = now ?? Date.now();
	try {
		return await db.transaction('rw', tablesOf(db), async () => {
			const stamp = await storedStamp(db, datasetId);
			if (stamp === null || stamp !== keptStamp(version, await inputsOf(db, datasetId)))
				return null;
			const row: KeptForecastRow = { datasetId, kind, stamp, savedAt, request, result };
			await db.keptForecasts.put(row);
			return savedAt;
		});
	} catch (e) {
		console.warn('forecast not kept', e);
		return null;
	}
}

/** Deletes every kept forecast of a dataset (inside the caller's transaction when there is one). */
export async function dropKeptForecasts(db: TrendcastDb, datasetId: string): Promise<void> {
	await db.keptForecasts.where('datasetId').equals(datasetId).delete();
}
