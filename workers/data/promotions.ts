// Promotions files (issue #11): read with the app's readers (read-table.ts) and the promotions schema
// (src/core/ingest/schemas/promotions.ts), stored in Dexie (version 9 table `promotionSets`, one row
// per file; since version 10 each file names the dataset it applies to, or null: every dataset), and
// looked up per product of a dataset — its own promotions and its category's, from the files of that
// dataset and those for every dataset — for the forecast.
// Used by data-service.ts (one line).
import { readPromotions, type PromotionRecord } from '../../src/core/ingest/schemas/promotions';
import { promotionsOf } from '../../src/core/forecast/promotions';
import type { ColumnMapping, ImportIssue } from '../../src/core/ingest/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { FileInput } from './context';
import { readTable } from './read-table';
import { lit } from './sql';
import { DESCRIPTION_CATEGORY_SQL } from './category-sql';

/** A stored promotions file. */
export interface PromotionSetInfo {
	id: string;
	fileName: string;
	importedAt: number;
	promotions: number;
	/** The dataset the file applies to; null: every dataset. */
	datasetId: string | null;
}

export interface PromotionImportSummary extends PromotionSetInfo {
	issues: ImportIssue[];
}

export interface PromotionDeps {
	db: TrendcastDb;
	rows(sql: string): Record<string, unknown>[];
	ensureLoaded(datasetId: string): Promise<string>;
	/** The dataset's column mapping: its category is the mapped column, else the description's last word. */
	mappingOf?(datasetId: string): Promise<ColumnMapping>;
	newId?: () => string;
}

export function createPromotionJobs(deps: PromotionDeps) {
	const { db } = deps;
	let seq = 0;
	const newId = deps.newId ?? (() => `promo-${Date.now().toString(36)}-${++seq}`);

	/**
	 * Read and store a promotions file for dataset `datasetId` (null: every dataset); nothing is
	 * stored when no row could be read.
	 */
	async function importPromotions(
		file: FileInput,
		datasetId: string | null,
	): Promise<PromotionImportSummary> {
		const table = await readTable(file.name, new Uint8Array(file.bytes));
		const res = readPromotions(table);
		const info: PromotionSetInfo = {
			id: newId(),
			fileName: file.name,
			importedAt: Date.now(),
			promotions: res.records.length,
			datasetId,
		};
		if (res.records.length > 0) await db.promotionSets.put({ ...info, records: res.records });
		return { ...info, issues: res.issues };
	}

	async function listPromotions(): Promise<PromotionSetInfo[]> {
		const all = await db.promotionSets.orderBy('importedAt').toArray();
		return all.map(({ records: _r, ...info }) => info);
	}

	/** Say which dataset a stored file applies to (null: every dataset). */
	async function setPromotionScope(id: string, datasetId: string | null): Promise<void> {
		await db.promotionSets.update(id, { datasetId });
	}

	async function deletePromotions(id: string): Promise<void> {
		await db.promotionSets.delete(id);
	}

	/** Each product's promotions (its own and its category's), for the products that have any. */
	async function promotionsFor(
		datasetId: string,
		productIds: string[],
	): Promise<Record<string, PromotionRecord[]>> {
		// only the files of this dataset and those the person said apply to every dataset
		const sets = (await db.promotionSets.toArray()).filter(
			(s) => s.datasetId === null || s.datasetId === datasetId,
		);
		const all = sets.flatMap((s) => s.records);
		const out: Record<string, PromotionRecord[]> = {};
		if (all.length === 0 || productIds.length === 0) return out;
		const table = await deps.ensureLoaded(datasetId);
		// the category the Forecast screen's levels show: the mapped column, else (no such column,
		// as the demo) the description's last word, so a promotion of a category seen there applies
		const mapping = deps.mappingOf ? await deps.mappingOf(datasetId) : { category: 'category' };
		const catExpr = mapping.category
			? 'category'
			: mapping.description
				? DESCRIPTION_CATEGORY_SQL
				: 'NULL';
		const cats = new Map<string, string | null>();

		for (const r of deps.rows(`SELECT product_id, mode(${catExpr})::VARCHAR AS category FROM ${table}
				WHERE product_id IN (${productIds.map(lit).join(', ')}) GROUP BY product_id`))
			cats.set(String(r.product_id), r.category === null ? null : String(r.category));
		for (const id of productIds) {
			const mine = promotionsOf(all, id, cats.get(id) ?? null);
			if (mine.length) out[id] = mine;
		}
		return out;
	}

	return { importPromotions, listPromotions, setPromotionScope, deletePromotions, promotionsFor };
}
