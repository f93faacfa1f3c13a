// Product and group queries of the data worker: type-ahead search over ALL products of a dataset (the
// Forecast screen's picker: LIMIT + search text, so a shop with 40,000 products stays fast), and sales
// per category or store/channel (Explore's group views). Used by data-service.ts, which hands in its
// DuckDB query helper and dataset loader.
import type { DatasetMeta, ProductSummary } from '../../src/core/ingest/types';

/** The columns Explore can group sales by (the mapped category and store/channel roles). */
export type GroupColumn = 'category' | 'store';

/** Products matching a search, best sellers (by revenue) first. */
export interface ProductSearchResult {
	products: ProductSummary[];
	/** How many products match in all (the list holds at most `limit`). */
	total: number;
}

/** Sales of one category or store. */
export interface GroupSummary {
	/** The group's value as in the file ('' for lines without one). */
	group: string;
	products: number;
	units: number;
	revenue: number;
	orders: number;
}

export interface GroupSummaryResult {
	/** Whether the dataset has a column mapped to this role at import. */
	mapped: boolean;
	groups: GroupSummary[];
}

/** What the queries need from the data service. */
export interface ProductQueryDeps {
	rows(sql: string): Record<string, unknown>[];
	ensureLoaded(datasetId: string): Promise<string>;
	metaOf(datasetId: string): Promise<DatasetMeta>;
}

/** Most products one search returns. */
export const MAX_SEARCH_LIMIT = 500;

const sqlText = (v: string): string => `'${v.replace(/'/g, "''")}'`;
/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL of a product search (exported for tests). */
export function searchProductsSql(table: string, text: string, limit: number): string {
	const t = text.trim();
	const filter = t
		? `HAVING product_id ILIKE ${sqlText(containsPattern(t))} ESCAPE '\\' OR bool_or(coalesce(description, '') ILIKE ${sqlText(containsPattern(t))} ESCAPE '\\')`
		: '';
	const n = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit) || 1));
	return `SELECT product_id,
			coalesce(mode(description), '') AS description, coalesce(mode(category), '') AS category,
			sum(quantity)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue,
			count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders,
			epoch_ms(min(ds))::DOUBLE AS first_sale, epoch_ms(max(ds))::DOUBLE AS last_sale,
			(count(*) OVER ())::DOUBLE AS total
		FROM ${table} WHERE NOT is_return GROUP BY product_id ${filter}
		ORDER BY revenue DESC, units DESC, product_id LIMIT ${n}`;
}

/** Creates the queries over a data service's DuckDB connection. */
export function createProductQueries(deps: ProductQueryDeps) {
	/** Products whose code or description contains `text` (all products when empty), up to `limit`. */
	async function searchProducts(
		datasetId: string,
		text: string,
		limit: number,
	): Promise<ProductSearchResult> {
		await deps.metaOf(datasetId);
		const table = await deps.ensureLoaded(datasetId);
		const res = deps.rows(searchProductsSql(table, text, limit));
		return {
			total: res.length ? Number(res[0].total) : 0,
			products: res.map((r) => ({
				productId: String(r.product_id ?? ''),
				description: String(r.description ?? ''),
				category: String(r.category ?? ''),
				units: Number(r.units),
				revenue: Number(r.revenue),
				orders: Number(r.orders),
				firstSale: Number(r.first_sale),
				lastSale: Number(r.last_sale),
			})),
		};
	}

	/** Sales per category or store, biggest first; `mapped: false` when the file had no such column. */
	async function groupSummary(datasetId: string, by: GroupColumn): Promise<GroupSummaryResult> {
		const meta = await deps.metaOf(datasetId);
		if (!meta.mapping[by]) return { mapped: false, groups: [] };
		const table = await deps.ensureLoaded(datasetId);
		const res = deps.rows(`SELECT coalesce(${by}, '') AS grp,
				count(DISTINCT product_id)::DOUBLE AS products,
				sum(quantity)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue,
				count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders
			FROM ${table} WHERE NOT is_return GROUP BY grp ORDER BY revenue DESC, units DESC, grp`);
		return {
			mapped: true,
			groups: res.map((r) => ({
				group: String(r.grp ?? ''),
				products: Number(r.products),
				units: Number(r.units),
				revenue: Number(r.revenue),
				orders: Number(r.orders),
			})),
		};
	}

	return { searchProducts, groupSummary };
}
