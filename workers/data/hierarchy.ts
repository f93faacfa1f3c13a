// The sales of a dataset as the bottom of its hierarchy (issue #11): one series per category × store
// cell, for the Forecast screen's category / store / total levels. The biggest categories and stores
// (by the measure) are kept and the rest pooled into "other", so a shop with 40 channels still gets a
// hierarchy the forecast worker can handle in seconds. A dataset without a category column gets
// categories from the last word of its product descriptions ("… T-LIGHT HOLDER" → HOLDER, plural s
// dropped), said on screen. With `products`, the bottom is each product in each store: the biggest
// products (by the measure, sold in at least 2 periods; `products` of them, which the forecast worker
// caps further with capProducts) each in its own category (its most frequent one), the rest of every
// category × store cell pooled into one OTHER_GROUP product. Used by data-service.ts (one line),
// which hands in its query helpers.
import type { DatasetMeta } from '../../src/core/ingest/types';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import type { SeriesQuery } from './queries';
import { DESCRIPTION_CATEGORY_SQL } from './category-sql';
import { periodSql } from './sql';
import { weekStartOf } from '../../src/core/series/week-start';

/** The pooled rest of the categories / stores. */
export const OTHER_GROUP = '\u0000other';

/** Where the categories came from: the mapped column, the descriptions' last word, or nowhere. */
export type CategorySource = 'column' | 'description' | null;

export interface HierarchyData {
	/** One series per cell, ids 'c<k>', on the dataset's period grid (edges as querySeries). */
	batch: SeriesBatch;
	/**
	 * Category and store of each cell (null when the dataset has no such column), and with `products`
	 * its product (OTHER_GROUP: the cell's other products).
	 */
	cells: { category: string | null; store: string | null; product?: string }[];
	/** With `products`: the name (most frequent description) of each product that has its own cells. */
	productNames?: Record<string, string>;
	categorySource: CategorySource;
	hasStore: boolean;
	/** Categories / stores pooled into OTHER_GROUP. */
	otherCategories: number;
	otherStores: number;
	/**
	 * With `products`: the products this read pooled into OTHER_GROUP (all but the biggest `products`),
	 * which the forecast worker's own cap (capProducts) does not see one by one.
	 */
	otherProducts?: number;
}

export interface HierarchyQuery {
	freq: Frequency;
	measure: 'units' | 'revenue';
	/** Most categories / stores kept apart (default 8 / 4). */
	maxCategories?: number;
	maxStores?: number;
	/** Products to give their own cells (the biggest; 0 or absent: no product level). */
	products?: number;
}

export interface HierarchyDeps {
	rows(sql: string): Record<string, unknown>[];
	ensureLoaded(datasetId: string): Promise<string>;
	metaOf(datasetId: string): Promise<DatasetMeta>;
	querySeries(datasetId: string, query: SeriesQuery): Promise<SeriesBatch>;
}

export { DESCRIPTION_CATEGORY_SQL };

export function createHierarchyQueries(deps: HierarchyDeps) {
	async function hierarchySeries(datasetId: string, query: HierarchyQuery): Promise<HierarchyData> {
		const meta = await deps.metaOf(datasetId);
		const table = await deps.ensureLoaded(datasetId);
		const total = await deps.querySeries(datasetId, {
			productIds: null,
			freq: query.freq,
			measure: query.measure,
		});
		const categorySource: CategorySource = meta.mapping.category
			? 'column'
			: meta.mapping.description
				? 'description'
				: null;
		const hasStore = !!meta.mapping.store;
		const catExpr =
			categorySource === 'column'
				? `coalesce(category::VARCHAR, '')`
				: categorySource === 'description'
					? DESCRIPTION_CATEGORY_SQL
					: `NULL::VARCHAR`;
		const storeExpr = hasStore ? `coalesce(store::VARCHAR, '')` : `NULL::VARCHAR`;
		const measure = query.measure === 'revenue' ? 'revenue' : 'quantity';
		// the dataset's weeks, as querySeries' total above (a US shop's start on Sunday)
		const period = periodSql(query.freq, weekStartOf(meta));
		const kc = Math.max(1, Math.floor(query.maxCategories ?? 8));
		const ks = Math.max(1, Math.floor(query.maxStores ?? 4));
		const kp = Math.max(0, Math.floor(query.products ?? 0));
		const hasDescription = !!meta.mapping.description;
		// with products: each product in its most frequent category, the biggest `kp` kept apart
		const res = deps.rows(`WITH lines AS (
				SELECT product_id::VARCHAR AS pid, ${catExpr} AS c0, ${storeExpr} AS s,
					epoch_ms(${period})::DOUBLE AS p, coalesce(${measure}, 0)::DOUBLE AS v
				FROM ${table} WHERE NOT is_return),
			${
				kp > 0
					? `pc AS (SELECT pid, mode(c0) AS c FROM lines GROUP BY pid),
			base AS (SELECT lines.pid, pc.c, lines.s, lines.p, lines.v FROM lines JOIN pc USING (pid)),
			tp AS (SELECT pid, row_number() OVER (ORDER BY sum(v) DESC, pid) AS r FROM base
				GROUP BY pid HAVING count(DISTINCT p) FILTER (WHERE v > 0) >= 2),`
					: `base AS (SELECT pid, c0 AS c, s, p, v FROM lines),`
			}
			tc AS (SELECT c, row_number() OVER (ORDER BY sum(v) DESC, c) AS r FROM base GROUP BY c),
			ts AS (SELECT s, row_number() OVER (ORDER BY sum(v) DESC, s) AS r FROM base GROUP BY s)
			SELECT CASE WHEN tc.r <= ${kc} THEN base.c END AS c, base.c IS NOT NULL AND tc.r > ${kc} AS oc,
				CASE WHEN ts.r <= ${ks} THEN base.s END AS s, base.s IS NOT NULL AND ts.r > ${ks} AS os,
				${kp > 0 ? `CASE WHEN tp.r <= ${kp} THEN base.pid END` : 'NULL::VARCHAR'} AS pr,
				p, sum(v)::DOUBLE AS y,
				(SELECT count(*) FROM tc)::DOUBLE AS nc, (SELECT count(*) FROM ts)::DOUBLE AS ns,
				${kp > 0 ? '(SELECT count(*) FROM pc)::DOUBLE' : '0::DOUBLE'} AS np
			FROM base JOIN tc ON tc.c IS NOT DISTINCT FROM base.c JOIN ts ON ts.s IS NOT DISTINCT FROM base.s
			${kp > 0 ? 'LEFT JOIN tp ON tp.pid = base.pid' : ''}
			GROUP BY ALL ORDER BY c, s, pr, p`);
		const productNames: Record<string, string> = {};
		if (kp > 0 && hasDescription)
			for (const r of deps.rows(`WITH tp AS (SELECT product_id::VARCHAR AS pid FROM ${table}
					WHERE NOT is_return GROUP BY 1
					HAVING count(DISTINCT ${period}) FILTER (WHERE coalesce(${measure}, 0) > 0) >= 2
					ORDER BY sum(coalesce(${measure}, 0)) DESC, pid LIMIT ${kp})
				SELECT product_id::VARCHAR AS pid, mode(description)::VARCHAR AS name FROM ${table}
				WHERE product_id::VARCHAR IN (SELECT pid FROM tp) GROUP BY 1`))
				if (r.name !== null && r.name !== undefined && String(r.name).trim() !== '')
					productNames[String(r.pid)] = String(r.name);
		const n = total.ds.length;
		const slot = new Map<number, number>(Array.from(total.ds, (p, i) => [p, i]));
		const cellIndex = new Map<string, number>();
		const cells: HierarchyData['cells'] = [];
		const values: Float64Array[] = [];
		let nc = 0;
		let ns = 0;
		let np = 0;
		const ownProducts = new Set<string>();
		for (const r of res) {
			const c = r.oc ? OTHER_GROUP : r.c === null || r.c === undefined ? null : String(r.c);
			const s = r.os ? OTHER_GROUP : r.s === null || r.s === undefined ? null : String(r.s);
			const pr = kp > 0 ? (r.pr === null || r.pr === undefined ? OTHER_GROUP : String(r.pr)) : null;
			nc = Number(r.nc);
			ns = Number(r.ns);
			np = Number(r.np);
			if (pr !== null && pr !== OTHER_GROUP) ownProducts.add(pr);
			const key = `${c}\u0001${s}\u0001${pr}`;
			let k = cellIndex.get(key);
			if (k === undefined) {
				k = cells.length;
				cellIndex.set(key, k);
				cells.push(
					pr === null ? { category: c, store: s } : { category: c, store: s, product: pr },
				);
				values.push(new Float64Array(n));
			}
			const pi = slot.get(Number(r.p));
			if (pi !== undefined) values[k][pi] += Number(r.y);
		}
		const indptr = Int32Array.from({ length: cells.length + 1 }, (_, i) => i * n);
		const ds = new Float64Array(n * cells.length);
		const y = new Float64Array(n * cells.length);
		values.forEach((v, i) => {
			ds.set(total.ds, i * n);
			y.set(v, i * n);
		});
		return {
			batch: {
				ids: cells.map((_, i) => `c${i}`),
				indptr,
				ds,
				y,
				...(total.edges ? { edges: total.edges } : {}),
			},
			cells,
			categorySource,
			hasStore,
			otherCategories: categorySource ? Math.max(0, nc - kc) : 0,
			otherStores: hasStore ? Math.max(0, ns - ks) : 0,
			...(kp > 0 ? { productNames, otherProducts: Math.max(0, np - ownProducts.size) } : {}),
		};
	}

	return { hierarchySeries };
}
