// Discounts and partial refunds of the sales lines, applied to the stored table after the exclusion
// rules (commit.ts): the rules of src/core/ingest/line-adjust.ts in SQL. Only lines still counted as
// sales are touched, so an order already left out by its status (refunded, cancelled) is never also
// reduced, and returns keep their own numbers.
import {
	discountUse,
	quantityNetOfRefunds,
	revenueNetOfRefunds,
} from '../../../src/core/ingest/line-adjust';
import type {
	ColumnMapping,
	DiscountSummary,
	ImportIssue,
	RefundSummary,
} from '../../../src/core/ingest/types';
import type { DataContext } from '../context';
import { codedIssue } from '../issues';

/** What the adjustments did, for the import report. */
export interface LineAdjustments {
	refunds?: RefundSummary;
	discounts?: DiscountSummary;
	issues: ImportIssue[];
}

const SALE = 'o.excluded IS NULL AND NOT o.is_return';
const money = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/**
 * Takes discounts, then refunds, off the sales lines of stored table `out`, reading the parsed
 * refund and discount cells from normalized table `N` (same `src_row`).
 */
export function applyLineAdjustments(
	ctx: Pick<DataContext, 'q' | 'rows' | 'scalar'>,
	N: string,
	out: string,
	file: string,
	mapping: ColumnMapping,
): LineAdjustments {
	const result: LineAdjustments = { issues: [] };
	const use = discountUse(mapping);
	if (use.kind === 'included')
		result.issues.push(
			codedIssue(
				'info',
				'discounts-included',
				file,
				'import_discounts_included',
				{ column: use.column, revenue: use.revenue },
				{ column: use.column },
			),
		);
	else if (use.kind === 'noOrder')
		result.issues.push(
			codedIssue(
				'info',
				'discounts-no-order',
				file,
				'import_discounts_no_order',
				{ column: use.column },
				{ column: use.column },
			),
		);
	else if (use.kind === 'line') result.discounts = lineDiscounts(ctx, N, out);
	else if (use.kind === 'order') result.discounts = orderDiscounts(ctx, N, out);
	if (
		result.discounts &&
		result.discounts.lines > 0 &&
		(use.kind === 'line' || use.kind === 'order')
	) {
		const d = result.discounts;
		result.issues.push(
			codedIssue(
				'info',
				'discounts',
				file,
				d.source === 'line' ? 'import_discounts_line' : 'import_discounts_order',
				{ lines: d.lines, orders: d.orders, amount: d.amount, column: use.column },
				{ column: use.column, count: d.lines },
			),
		);
	}
	const refundColumn = mapping.refundQty ?? mapping.refundAmount;
	if (refundColumn) {
		if (mapping.refundQty && quantityNetOfRefunds(mapping))
			result.issues.push(
				codedIssue(
					'info',
					'refunds-net',
					file,
					'import_refunds_already_net',
					{ column: mapping.refundQty, quantity: mapping.quantity ?? '' },
					{ column: mapping.refundQty },
				),
			);
		else {
			const r = (result.refunds = refunds(ctx, N, out, mapping));
			if (r.lines > 0) {
				const first = ctx.scalar(`SELECT min(o.src_row)::DOUBLE FROM ${out} o JOIN ${N} n
					ON n.src_row = o.src_row WHERE o.excluded IS NULL
						AND (coalesce(n.refund_qty, 0) <> 0 OR coalesce(n.refund_amount, 0) <> 0)`);
				result.issues.push(
					codedIssue(
						'info',
						'partial-refunds',
						file,
						'import_refunds_partial',
						{
							lines: r.lines,
							full: r.fullLines,
							units: r.units,
							revenue: r.revenue,
							column: refundColumn,
						},
						{ column: refundColumn, count: r.lines, ...(first > 0 ? { row: first } : {}) },
					),
				);
			}
		}
	}
	return result;
}

/** Each line's own discount off its revenue (never below 0). */
function lineDiscounts(
	ctx: Pick<DataContext, 'q' | 'rows'>,
	N: string,
	out: string,
): DiscountSummary {
	const t = `${out}_disc`;
	ctx.q(`CREATE OR REPLACE TEMP TABLE ${t} AS SELECT o.src_row, o.order_id,
			least(abs(n.line_discount), o.revenue) AS cut
		FROM ${out} o JOIN ${N} n ON n.src_row = o.src_row
		WHERE ${SALE} AND o.revenue > 0 AND abs(n.line_discount) > 0`);
	return cut(ctx, out, t, 'line');
}

/**
 * An order's discount (the largest value on its lines: Shopify writes it on the first line,
 * WooCommerce's export plugins on every line) shared over the order's sales lines by revenue.
 */
function orderDiscounts(
	ctx: Pick<DataContext, 'q' | 'rows'>,
	N: string,
	out: string,
): DiscountSummary {
	const t = `${out}_disc`;
	ctx.q(`CREATE OR REPLACE TEMP TABLE ${t} AS
		WITH od AS (SELECT order_id, max(abs(order_discount)) AS d FROM ${N}
			WHERE order_id IS NOT NULL AND NOT dup GROUP BY order_id HAVING max(abs(order_discount)) > 0),
		lines AS (SELECT o.src_row, o.order_id, o.revenue, od.d,
				sum(o.revenue) OVER (PARTITION BY o.order_id) AS order_revenue
			FROM ${out} o JOIN od ON od.order_id = o.order_id WHERE ${SALE} AND o.revenue > 0)
		SELECT src_row, order_id, least(revenue, d * revenue / order_revenue) AS cut FROM lines`);
	return cut(ctx, out, t, 'order');
}

/** Applies the cuts of temp table `t` (src_row, order_id, cut) and counts them. */
function cut(
	ctx: Pick<DataContext, 'q' | 'rows'>,
	out: string,
	t: string,
	source: DiscountSummary['source'],
): DiscountSummary {
	try {
		const r = ctx.rows(`SELECT count(*)::DOUBLE AS lines,
				count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders,
				coalesce(sum(cut), 0)::DOUBLE AS amount FROM ${t}`)[0];
		ctx.q(
			`UPDATE ${out} SET revenue = revenue - d.cut FROM ${t} d WHERE ${out}.src_row = d.src_row`,
		);
		return {
			source,
			lines: Number(r?.lines ?? 0),
			orders: Number(r?.orders ?? 0),
			amount: money(r?.amount),
		};
	} finally {
		ctx.q(`DROP TABLE IF EXISTS ${t}`);
	}
}

/**
 * Refunded units off each sales line's quantity (never below 0), its revenue less the refunded amount
 * (or the refunded units' share); a line refunded whole becomes a return of its units.
 */
function refunds(
	ctx: Pick<DataContext, 'q' | 'rows'>,
	N: string,
	out: string,
	mapping: ColumnMapping,
): RefundSummary {
	const t = `${out}_refund`;
	const netRevenue = revenueNetOfRefunds(mapping);
	ctx.q(`CREATE OR REPLACE TEMP TABLE ${t} AS
		WITH r AS (SELECT o.src_row, o.quantity AS sold, o.revenue,
				abs(coalesce(n.refund_qty, 0)) AS rq, abs(coalesce(n.refund_amount, 0)) AS ra
			FROM ${out} o JOIN ${N} n ON n.src_row = o.src_row
			WHERE ${SALE} AND o.quantity > 0
				AND (coalesce(n.refund_qty, 0) <> 0 OR coalesce(n.refund_amount, 0) <> 0)),
		q AS (SELECT *, greatest(sold - rq, 0) AS left_qty FROM r)
		SELECT src_row, sold, left_qty, rq > 0 AND left_qty = 0 AS full_refund,
			${
				netRevenue
					? 'revenue'
					: `CASE WHEN ra > 0 THEN greatest(revenue - ra, 0) ELSE revenue * left_qty / sold END`
			} AS new_revenue, revenue AS old_revenue
		FROM q`);
	try {
		const s = ctx.rows(`SELECT count(*)::DOUBLE AS lines,
				count(*) FILTER (WHERE full_refund)::DOUBLE AS full_lines,
				coalesce(sum(sold - left_qty), 0)::DOUBLE AS units,
				coalesce(sum(old_revenue - new_revenue), 0)::DOUBLE AS revenue FROM ${t}`)[0];
		// the units sold before the refund, kept so that the shop's next export (the same line, its
		// refund maybe changed since) is known as the same line when appended (update.ts)
		ctx.q(`ALTER TABLE ${out} ADD COLUMN IF NOT EXISTS sold_qty DOUBLE DEFAULT NULL`);
		ctx.q(`UPDATE ${out} SET sold_qty = a.sold FROM ${t} a WHERE ${out}.src_row = a.src_row`);
		// refunded whole: a return of the units it sold, its money kept as it was for the report
		ctx.q(`UPDATE ${out} SET is_return = true FROM ${t} a
			WHERE ${out}.src_row = a.src_row AND a.full_refund`);
		ctx.q(`UPDATE ${out} SET quantity = a.left_qty, revenue = a.new_revenue FROM ${t} a
			WHERE ${out}.src_row = a.src_row AND NOT a.full_refund`);
		return {
			lines: Number(s?.lines ?? 0),
			fullLines: Number(s?.full_lines ?? 0),
			units: Number(s?.units ?? 0),
			revenue: money(s?.revenue),
		};
	} finally {
		ctx.q(`DROP TABLE IF EXISTS ${t}`);
	}
}
