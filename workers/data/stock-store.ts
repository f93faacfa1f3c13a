// Stock and supply data and plan settings in IndexedDB (Dexie version 3 tables `stock`, `stockHistory`,
// `planSettings`): an imported stock file updates the stored stock (what it has no column for is kept);
// single fields are edited from the Plan screen's table. Used by the data worker's API (workers/data-api.ts) and the Node tests.
import type {
	StockHistoryRow,
	StockParseResult,
	StockRole,
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
	/**
	 * Products of the file that kept fields the file has no column for (a lead time, MOQ, cost or
	 * supplier from an earlier file or typed on the Plan screen), and the fields kept.
	 */
	keptFields?: { products: number; fields: (keyof StockRow)[] };
	/** Products stored before that the file does not list: kept as they were. */
	keptProducts?: number;
}

/** The stored field each column role of a stock file fills (a location's counts are added up per product). */
const FIELD_OF: Record<Exclude<StockRole, 'location'>, keyof StockRow> = {
	sku: 'productId',
	onHand: 'onHand',
	onOrder: 'onOrder',
	expectedDate: 'expectedDate',
	leadTimeMean: 'leadTimeMeanDays',
	leadTimeSd: 'leadTimeSdDays',
	moq: 'moq',
	pack: 'pack',
	unitCost: 'unitCost',
	price: 'price',
	supplier: 'supplier',
	salvage: 'salvage',
	seasonEnd: 'seasonEnd',
	date: 'asOf',
};

const SETTINGS_KEY = 'plan';

/**
 * Stores a parsed stock file over the stored stock, in one transaction. A shop's weekly stock count
 * (SKU and on hand, from the till or Shopify) must not wipe the lead times, MOQs, costs and suppliers
 * read from an earlier file or typed on the Plan screen: each product of the file takes the file's
 * columns (a blank cell clears that field) and keeps the fields the file has no column for; products
 * the file does not list keep their rows. A dated file adds its counts to the stock history (the same
 * product and day: the new count); an undated one leaves the history as it was.
 */
export async function storeStock(
	db: TrendcastDb,
	fileName: string,
	parsed: StockParseResult,
): Promise<StockImportSummary> {
	const stored = !parsed.issues.some((i) => i.severity === 'error' && i.row === undefined);
	const summary: StockImportSummary = {
		fileName,
		products: parsed.rows.length,
		historyRows: parsed.history.length,
		issues: parsed.issues,
		stored,
	};
	if (!stored) return summary;
	const fileFields = new Set(
		(Object.keys(parsed.mapping) as StockRole[])
			.filter((r): r is Exclude<StockRole, 'location'> => r !== 'location' && !!parsed.mapping[r])
			.map((r) => FIELD_OF[r]),
	);
	// a new count without a date: the date of the count before is not this one's
	if (fileFields.has('onHand')) fileFields.add('asOf');
	await db.transaction('rw', db.stock, db.stockHistory, async () => {
		const before = new Map((await db.stock.toArray()).map((r) => [r.productId, r]));
		const kept = new Set<keyof StockRow>();
		let keptRows = 0;
		const rows = parsed.rows.map((row) => {
			const old = before.get(row.productId);
			before.delete(row.productId);
			if (!old) return row;
			const merged: StockRow = { ...row };
			let any = false;
			for (const [k, v] of Object.entries(old) as [keyof StockRow, unknown][]) {
				if (fileFields.has(k) || k === 'productId' || v === undefined) continue;
				(merged as unknown as Record<string, unknown>)[k] = v;
				kept.add(k);
				any = true;
			}
			if (any) keptRows++;
			return merged;
		});
		await db.stock.bulkPut(rows);
		await db.stockHistory.bulkPut(parsed.history);
		if (keptRows > 0) summary.keptFields = { products: keptRows, fields: [...kept].sort() };
		if (before.size > 0) summary.keptProducts = before.size;
	});
	return summary;
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
