// Stock and supply data and plan settings in IndexedDB (Dexie version 3 tables `stock`, `stockHistory`,
// `planSettings`): an imported stock file replaces the stored one; single fields are edited from the
// Plan screen's table. Used by the data worker's API (workers/data-api.ts) and the Node tests.
import type {
	StockHistoryRow,
	StockParseResult,
	StockRow,
} from '../../src/core/ingest/schemas/stock';
import type { StockIssue } from '../../src/core/ingest/schemas/stock';
import type { TrendcastDb } from '../../src/lib/db/db';

/** Fields of a stock row the Plan screen may edit. */
export type StockPatch = Partial<Omit<StockRow, 'productId'>>;

/** What importing a stock file did. */
export interface StockImportSummary {
	fileName: string;
	products: number;
	historyRows: number;
	issues: StockIssue[];
	/** False when an error stopped the import (nothing was stored). */
	stored: boolean;
}

const SETTINGS_KEY = 'plan';

/** Replaces the stored stock (and history) by a parsed file, in one transaction. */
export async function storeStock(
	db: TrendcastDb,
	fileName: string,
	parsed: StockParseResult,
): Promise<StockImportSummary> {
	const stored = !parsed.issues.some((i) => i.severity === 'error' && i.row === undefined);
	if (stored)
		await db.transaction('rw', db.stock, db.stockHistory, async () => {
			await db.stock.clear();
			await db.stockHistory.clear();
			await db.stock.bulkPut(parsed.rows);
			await db.stockHistory.bulkPut(parsed.history);
		});
	return {
		fileName,
		products: parsed.rows.length,
		historyRows: parsed.history.length,
		issues: parsed.issues,
		stored,
	};
}

export function listStock(db: TrendcastDb): Promise<StockRow[]> {
	return db.stock.toArray();
}

export function listStockHistory(db: TrendcastDb): Promise<StockHistoryRow[]> {
	return db.stockHistory.toArray();
}

/** Sets fields of one product's stock row (creating it); a field set to undefined is removed. */
export async function updateStock(
	db: TrendcastDb,
	productId: string,
	patch: StockPatch,
): Promise<StockRow> {
	return db.transaction('rw', db.stock, async () => {
		const row: StockRow = { ...((await db.stock.get(productId)) ?? { productId }) };
		for (const [k, v] of Object.entries(patch) as [keyof StockPatch, unknown][]) {
			if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v)))
				delete row[k];
			else (row as unknown as Record<string, unknown>)[k] = v;
		}
		await db.stock.put(row);
		return row;
	});
}

export async function getPlanSettings(db: TrendcastDb): Promise<unknown> {
	return (await db.planSettings.get(SETTINGS_KEY))?.value ?? null;
}

export async function savePlanSettings(db: TrendcastDb, value: unknown): Promise<void> {
	await db.planSettings.put({ key: SETTINGS_KEY, value });
}
