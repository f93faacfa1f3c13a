// The sales kind's cleaning SQL: exact duplicates, dates and numbers parsed by the pure core parsers over
// DISTINCT values and joined back, the normalized rows, then the stored table of valid rows with returns
// flagged and a return cancelling the earlier matching sale of the same customer.
import { NUMERIC_COLUMN_ROLES } from '../../../src/core/ingest/columns';
import { parseDate, parseNumber } from '../../../src/core/ingest/parse';
import { RETURN_EVENTS } from '../../../src/core/ingest/order-status';
import { ALL_PRODUCTS_ID, BLANK_PRODUCT_ID } from '../../../src/core/ingest/product-ids';
import type { ColumnMapping, ColumnRole, DateOrder } from '../../../src/core/ingest/types';
import type { DataContext, Staged } from '../context';
import { ident, lit } from '../sql';
import { buildLookup, dateOrderOf, decimalsOf } from '../staging';

/** Roles whose cells are numbers (core's list), parsed over their distinct values. */
const NUMERIC = NUMERIC_COLUMN_ROLES;
type NumericRole = (typeof NUMERIC)[number];

/** A return cancels a sale to the same customer of the same product and quantity this many days before. */
export const CANCEL_WINDOW_DAYS = 30;
// the product ids of rows that name none live in core: the views word them
export { ALL_PRODUCTS_ID, BLANK_PRODUCT_ID } from '../../../src/core/ingest/product-ids';

/**
 * Builds `norm_<staged table>`: one row per staged row with its duplicate flag, parsed date and numbers,
 * text roles and raw cells (for problem reports). Temp tables made are pushed to `temps`; `step(k)` is
 * called after each of the 3 steps.
 */
export function normalize(
	ctx: DataContext,
	st: Staged,
	mapping: ColumnMapping & { date: string },
	dateOrder: DateOrder,
	temps: string[],
	step: (k: number) => void,
): string {
	const { q } = ctx;
	const T = st.table;
	// 1. Exact duplicates over all original columns. Without a quantity or revenue column each
	// line is one unit sold, so identical lines are separate sales and all are kept.
	const allCols = st.columns.map(ident).join(', ');
	const linesAreUnits = !mapping.quantity && !mapping.revenue;
	q(
		// The first row of each group of identical rows is kept (a hash aggregate: ~4× faster than a window).
		linesAreUnits
			? `CREATE TEMP TABLE dup_${T} AS SELECT __row FROM ${T}`
			: `CREATE TEMP TABLE dup_${T} AS SELECT min(__row) AS __row FROM ${T} GROUP BY ${allCols}`,
	);
	temps.push(`dup_${T}`);
	step(1);

	// 2. Parse distinct dates and numbers with the pure core parsers.
	const dateGuess = dateOrderOf(ctx, T, mapping.date);
	const dateLk = buildLookup(ctx, T, mapping.date, (raw) =>
		parseDate(raw, dateOrder, { allowSerial: dateGuess.serial, allowEpoch: dateGuess.epoch }),
	);
	temps.push(dateLk);
	const numLk: Partial<Record<NumericRole, string>> = {};
	const numRoles = NUMERIC.filter((role) => mapping[role]);
	const decimals = decimalsOf(
		ctx,
		T,
		numRoles.map((role) => mapping[role]!),
	);
	numRoles.forEach((role, i) => {
		const decimal = decimals[i];
		numLk[role] = buildLookup(ctx, T, mapping[role]!, (raw) => parseNumber(raw, { decimal }));
		temps.push(numLk[role]!);
	});
	step(2);

	// 3. Normalized rows.
	// Excel's text guard ="…" (Taobao/Tmall exports write 订单编号 as ="2150…" so Excel keeps the digits)
	// is not part of the value: an order shown as ="1300000049248261" on Home (walk16).
	const text = (role: ColumnRole) =>
		mapping[role]
			? `NULLIF(regexp_replace(trim(s.${ident(mapping[role]!)}), '^="(.*)"$', '\\1'), '')`
			: 'NULL::VARCHAR';
	const raw = (role: ColumnRole) =>
		mapping[role] ? `s.${ident(mapping[role]!)}` : 'NULL::VARCHAR';
	const joins = [
		`LEFT JOIN ${dateLk} ld ON ld.raw = s.${ident(mapping.date)}`,
		...NUMERIC.filter((r) => numLk[r]).map(
			(r) => `LEFT JOIN ${numLk[r]} l_${r} ON l_${r}.raw = s.${ident(mapping[r]!)}`,
		),
	];
	const num = (r: NumericRole) => (numLk[r] ? `l_${r}.v` : 'NULL::DOUBLE');
	// A line without a code but with a name (a Square item with no SKU, a custom amount "Shipping")
	// is that name's product, not one "(blank)" product of every such line.
	const productExpr = mapping.product
		? `coalesce(${text('product')}, ${mapping.description ? `${text('description')}, ` : ''}${lit(BLANK_PRODUCT_ID)})`
		: lit(ALL_PRODUCTS_ID);
	q(`CREATE TEMP TABLE norm_${T} AS SELECT
			s.__row::INTEGER AS src_row, d.__row IS NULL AS dup,
			${text('order')} AS order_id, ld.v AS ds_ms, ${productExpr} AS product_id,
			${text('description')} AS description, ${text('category')} AS category,
			${text('store')} AS store, ${text('customer')} AS customer_id, ${text('status')} AS order_status,
			${num('quantity')} AS quantity, ${num('unitPrice')} AS unit_price, ${num('revenue')} AS revenue_v,
			${num('refundQty')} AS refund_qty, ${num('refundAmount')} AS refund_amount,
			${num('discount')} AS line_discount, ${num('orderDiscount')} AS order_discount,
			${raw('date')} AS raw_date, ${raw('quantity')} AS raw_qty,
			${raw('unitPrice')} AS raw_price, ${raw('revenue')} AS raw_revenue,
			${raw('refundQty')} AS raw_refund_qty, ${raw('refundAmount')} AS raw_refund_amount,
			${raw('discount')} AS raw_discount, ${raw('orderDiscount')} AS raw_order_discount,
			${mapping.product ? `${text('product')} IS NULL${mapping.description ? ` AND ${text('description')} IS NULL` : ''}` : 'false'} AS blank_product
		FROM ${T} s LEFT JOIN dup_${T} d ON d.__row = s.__row ${joins.join(' ')}`);
	temps.push(`norm_${T}`);
	step(3);
	return `norm_${T}`;
}

/** SQL truth of "this line is a return event" (Square's Event Type "Refund") over `order_status`. */
export function refundSql(mapping: ColumnMapping): string {
	return mapping.status
		? `coalesce(lower(regexp_replace(trim(order_status), '[_\\s]+', ' ', 'g')) IN (${RETURN_EVENTS.map(lit).join(', ')}), false)`
		: 'false';
}

/**
 * Creates the stored table `out` from normalized table `N`: valid, de-duplicated rows; returns flagged;
 * a `cancelled` column set on sales that a later return of the same customer cancels.
 */
export function buildStoredTable(
	ctx: DataContext,
	N: string,
	out: string,
	validWhere: string,
	mapping: ColumnMapping,
): void {
	const { q } = ctx;
	// 5. The stored table: valid, de-duplicated rows; returns flagged.
	// A line whose status is a return event (Square's Event Type "Refund") is a return whatever the
	// sign of its Qty: its units and money count negative, like a negative-quantity line.
	const refund = refundSql(mapping);
	const returnExpr = mapping.order
		? `coalesce(quantity < 0, false) OR coalesce(regexp_matches(order_id, '^[Cc][0-9]'), false)`
		: 'coalesce(quantity < 0, false)';
	const signed = (v: string) => `CASE WHEN ${refund} THEN -abs(${v}) ELSE ${v} END`;
	q(`CREATE TABLE ${out} AS SELECT
			order_id, epoch_ms(ds_ms::BIGINT) AS ds, product_id, description, category, store, customer_id,
			${signed('coalesce(quantity, 1)')}::DOUBLE AS quantity, unit_price,
			${signed('coalesce(revenue_v, coalesce(quantity, 1) * unit_price)')}::DOUBLE AS revenue,
			(${returnExpr} OR ${refund}) AS is_return, src_row, order_status
		FROM ${N} WHERE ${validWhere} ORDER BY ds, src_row`);
	// 6. A return that matches an earlier sale to the same customer or order (same product and quantity,
	// within CANCEL_WINDOW_DAYS) cancels it: the sale was never kept, so it is not demand (the
	// demo's 74,215 jars ordered and cancelled on 18 Jan 2011).
	q(`ALTER TABLE ${out} ADD COLUMN cancelled BOOLEAN DEFAULT false`);
	// The same customer, or the same order (a Square refund keeps its payment's Transaction ID).
	const sameBuyer = [
		mapping.customer ? '(r.customer_id IS NOT NULL AND s.customer_id = r.customer_id)' : '',
		mapping.order ? '(r.order_id IS NOT NULL AND s.order_id = r.order_id)' : '',
	].filter(Boolean);
	if (sameBuyer.length > 0) cancelMatchedSales(ctx, out, 'src_row', sameBuyer, 'NOT s.is_return');
}

/** Both ways a return names its sale: the same customer, or the same order (SQL over r and s). */
export const SAME_BUYER = [
	'(r.customer_id IS NOT NULL AND s.customer_id = r.customer_id)',
	'(r.order_id IS NOT NULL AND s.order_id = r.order_id)',
];

/**
 * Marks the sales of `table` that a later return cancels (same product, opposite quantity, within
 * CANCEL_WINDOW_DAYS, and one of `sameBuyer`): `cancelled` and `is_return` set. Each return cancels at
 * most one sale, the latest before it; each sale is cancelled at most once. `key` is a unique row key
 * (the file row of a fresh import; `rowid` of a merged dataset, whose file rows repeat); `eligible`
 * the SQL truth of "s is a sale a return may cancel" (a fresh import: any sale; a merged dataset also
 * a sale a rule left out afterwards, as the rules ran after the returns on each import).
 */
export function cancelMatchedSales(
	ctx: Pick<DataContext, 'q'>,
	table: string,
	key: 'src_row' | 'rowid',
	sameBuyer: readonly string[],
	eligible: string,
): void {
	ctx.q(`UPDATE ${table} SET cancelled = true, is_return = true WHERE ${key} IN (
		SELECT s_row FROM (
			SELECT r.${key} AS r_row, s.${key} AS s_row, r.ds AS r_ds
			FROM ${table} r JOIN ${table} s
				ON s.product_id = r.product_id AND s.quantity = -r.quantity AND s.ds <= r.ds
				AND r.ds - s.ds <= INTERVAL ${CANCEL_WINDOW_DAYS} DAY
			WHERE r.is_return AND r.quantity < 0 AND (${sameBuyer.join(' OR ')})
				AND ${eligible}
			QUALIFY row_number() OVER (PARTITION BY r.${key} ORDER BY s.ds DESC, s.${key} DESC) = 1
		) QUALIFY row_number() OVER (PARTITION BY s_row ORDER BY r_ds, r_row) = 1)`);
}
