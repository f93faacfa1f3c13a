// Import rules that keep lines which are not demand out of the sales, applied to the stored table the
// data service has just built (workers/data/sales/commit.ts calls them):
// - order status: lines of refunded / voided / cancelled / failed orders (src/core/ingest/order-status.ts);
// - non-product lines: postage, fees, adjustments, discounts, gift cards (src/core/ingest/non-product.ts),
//   left out by default, each code can be counted back in by the owner.
// Excluded lines stay in the table with `excluded` = 'status' | 'non_product' and `is_return` = true, so
// every sales query (`NOT is_return`) leaves them out, and the SQL console shows them as their own tables.
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { nonProductReason } from '../../src/core/ingest/non-product';
import { STATUS_CODE, classifyStatus } from '../../src/core/ingest/order-status';
import type {
	ImportIssue,
	LineTotals,
	NonProductItem,
	NonProductSummary,
	StatusSummary,
} from '../../src/core/ingest/types';

type ArrowTable = ReturnType<DuckDBConnection['query']>;

/** What the rules need from the data service: run SQL, read rows. */
export interface SqlRunner {
	q(sql: string): ArrowTable;
	rows(sql: string): Record<string, unknown>[];
}

/** Quotes an SQL string literal. */
function lit(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Adds the `excluded` column (NULL = kept) to a freshly built stored table (and `cancelled`, if missing). */
export function addExcludedColumn(sql: SqlRunner, table: string): void {
	sql.q(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS excluded VARCHAR DEFAULT NULL`);
	sql.q(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS cancelled BOOLEAN DEFAULT false`);
}

function totals(sql: SqlRunner, table: string, where: string): LineTotals {
	const r = sql.rows(`SELECT count(*)::DOUBLE AS lines,
			count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders,
			coalesce(sum(quantity), 0)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue
		FROM ${table} WHERE ${where}`)[0];
	return {
		lines: Number(r?.lines ?? 0),
		orders: Number(r?.orders ?? 0),
		units: Number(r?.units ?? 0),
		revenue: Math.round(Number(r?.revenue ?? 0) * 100) / 100,
	};
}

/**
 * Leaves the lines of refunded / cancelled / failed orders out of the sales. A status is often written
 * on the first line of an order only (Shopify), so an order takes the worst status of any of its lines.
 */
export function applyOrderStatus(sql: SqlRunner, table: string): StatusSummary {
	const values = sql
		.rows(`SELECT DISTINCT order_status AS v FROM ${table} WHERE order_status IS NOT NULL`)
		.map((r) => String(r.v));
	const classified = values
		.map((v) => [v, classifyStatus(v)] as const)
		.filter((x): x is readonly [string, NonNullable<ReturnType<typeof classifyStatus>>] => !!x[1]);
	const empty = { lines: 0, orders: 0, units: 0, revenue: 0, statuses: [] };
	if (classified.length === 0) return { excluded: { ...empty }, pending: { ...empty } };
	const lk = `${table}_status_lk`;
	const oc = `${table}_status_oc`;
	sql.q(
		`CREATE OR REPLACE TEMP TABLE ${lk} AS SELECT * FROM (VALUES ${classified.map(([v, c]) => `(${lit(v)}, ${STATUS_CODE[c]})`).join(', ')}) t(raw, cls)`,
	);
	sql.q(`CREATE OR REPLACE TEMP TABLE ${oc} AS SELECT src_row, max(l.cls) OVER (
			PARTITION BY coalesce(o.order_id, '#' || o.src_row::VARCHAR)) AS ocls
		FROM ${table} o LEFT JOIN ${lk} l ON l.raw = o.order_status`);
	try {
		sql.q(`UPDATE ${table} SET excluded = 'status', is_return = true
			WHERE NOT is_return AND src_row IN (SELECT src_row FROM ${oc} WHERE ocls = ${STATUS_CODE.excluded})`);
		const byClass = (cls: 'excluded' | 'pending') =>
			classified.filter(([, c]) => c === cls).map(([v]) => v);
		const excluded = {
			...totals(sql, table, `excluded = 'status'`),
			statuses: byClass('excluded'),
		};
		const pending = {
			...totals(
				sql,
				table,
				`NOT is_return AND src_row IN (SELECT src_row FROM ${oc} WHERE ocls = ${STATUS_CODE.pending})`,
			),
			statuses: byClass('pending'),
		};
		return { excluded, pending };
	} finally {
		sql.q(`DROP TABLE IF EXISTS ${lk}`);
		sql.q(`DROP TABLE IF EXISTS ${oc}`);
	}
}

/**
 * Finds the product codes that are not products (postage, fees …) and leaves their sales lines out,
 * except the codes in `include` (the owner counted them back in). Idempotent: it first puts back any
 * line it left out before, so it also re-applies a changed choice to a stored dataset.
 */
export function applyNonProduct(
	sql: SqlRunner,
	table: string,
	include: ReadonlySet<string>,
): NonProductSummary {
	// a line a return cancelled stays out (merged exports match returns after the rules: update.ts)
	sql.q(
		`UPDATE ${table} SET excluded = NULL, is_return = cancelled WHERE excluded = 'non_product'`,
	);
	const stats = sql.rows(`SELECT product_id, coalesce(mode(description), '') AS description,
			count(*)::DOUBLE AS lines, coalesce(median(quantity), 0)::DOUBLE AS mq,
			coalesce(stddev_samp(unit_price) / nullif(avg(unit_price), 0), 'NaN'::DOUBLE)::DOUBLE AS cv,
			coalesce(sum(quantity), 0)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue
		FROM ${table} WHERE NOT is_return GROUP BY product_id`);
	const items: NonProductItem[] = [];
	for (const r of stats) {
		const productId = String(r.product_id);
		const reason = nonProductReason({
			productId,
			description: String(r.description),
			lines: Number(r.lines),
			medianQuantity: Number(r.mq),
			priceCv: Number(r.cv),
		});
		if (!reason) continue;
		items.push({
			productId,
			description: String(r.description),
			reason,
			lines: Number(r.lines),
			units: Number(r.units),
			revenue: Math.round(Number(r.revenue) * 100) / 100,
			included: include.has(productId),
		});
	}
	items.sort((a, b) => b.lines - a.lines || a.productId.localeCompare(b.productId));
	const out = items.filter((i) => !i.included);
	if (out.length > 0)
		sql.q(`UPDATE ${table} SET excluded = 'non_product', is_return = true
			WHERE NOT is_return AND product_id IN (${out.map((i) => lit(i.productId)).join(', ')})`);
	return { ...totals(sql, table, `excluded = 'non_product'`), items };
}

/** The report notes (message codes) of the exclusion rules. */
export function exclusionIssues(
	file: string,
	statusColumn: string | undefined,
	status: StatusSummary | undefined,
	nonProduct: NonProductSummary,
): ImportIssue[] {
	const out: ImportIssue[] = [];
	const note = (code: string, params: ImportIssue['params'], count: number, column?: string) =>
		out.push({
			severity: 'info',
			code,
			file,
			count,
			message: code,
			params,
			...(column ? { column } : {}),
		});
	if (status && status.excluded.lines > 0)
		note(
			'import_status_excluded',
			{
				orders: status.excluded.orders,
				lines: status.excluded.lines,
				units: status.excluded.units,
				revenue: status.excluded.revenue,
				statuses: status.excluded.statuses.join(', '),
			},
			status.excluded.lines,
			statusColumn,
		);
	if (status && status.pending.lines > 0)
		note(
			'import_status_pending',
			{
				orders: status.pending.orders,
				lines: status.pending.lines,
				units: status.pending.units,
				statuses: status.pending.statuses.join(', '),
			},
			status.pending.lines,
			statusColumn,
		);
	if (nonProduct.lines > 0)
		note(
			'import_non_product',
			{
				lines: nonProduct.lines,
				units: nonProduct.units,
				revenue: nonProduct.revenue,
				codes: nonProduct.items
					.filter((i) => !i.included)
					.slice(0, 8)
					.map((i) => i.productId)
					.join(', '),
			},
			nonProduct.lines,
		);
	return out;
}
