// What a sales line's refund and discount columns do to its quantity and revenue, decided from the
// headers of the mapped columns (WooCommerce, Shopify, Square and plain exports). Pure; the data worker
// (workers/data/sales/adjust.ts) applies the decisions in SQL, and unit tests check them.
//
// Decisions:
// - Refunds: a line's refunded units (WooCommerce "Qty Refunded", written −1, sometimes 1) come off its
//   quantity, never below 0; its revenue loses the refunded amount when a per-line one is mapped, else
//   the refunded units' share of it. A line refunded whole is a return, not a sale. A quantity or
//   revenue column that is already net of refunds (Advanced Order Export's "Quantity (- Refund)",
//   "Order Line Total (- Refund)") is not reduced again.
// - Discounts: WooCommerce writes "Line Total" (line_total) and "Item Cost" after the coupons (the
//   coupon is shared onto the lines), "Line Subtotal" before; Square's "Net Sales" is after its
//   "Discounts", "Gross Sales" before; Shopify's "Lineitem price" is before "Lineitem discount". So a
//   discount comes off only a revenue written before discounts, else it would count twice. A line's
//   own discount wins over an order's; an order's discount (once per order, on its first or on every
//   line) is shared out over the order's product lines in proportion to their revenue.
import { normalizeHeader } from './columns';
import type { ColumnMapping } from './types';

/** Revenue headers (normalised) written after discounts; a part match counts ("Order Line Total"). */
const AFTER_DISCOUNT_PARTS = [
	'linetotal',
	'orderlinewotax',
	'netsales',
	'netamount',
	'netrevenue',
	'ventasnetas',
	'afterdiscount',
	'实付',
];
/** Whole revenue headers (normalised) written after discounts. */
const AFTER_DISCOUNT_WHOLE = ['total', 'totalprice', 'amountpaid', 'paid'];
/** Unit-price headers written after discounts: WooCommerce's "Item Cost" (line_total / qty). */
const AFTER_DISCOUNT_PRICES = ['itemcost'];
/** Revenue headers written before discounts even though a part looks net ("Line Subtotal"). */
const BEFORE_DISCOUNT_PARTS = ['subtotal', 'gross', 'beforediscount'];
/** Header parts of a quantity or amount already net of refunds. */
const NET_OF_REFUNDS = ['minusrefund', 'afterrefund', 'netofrefund', 'lessrefund'];
/** Header parts of a quantity already net of refunds (Square's "Net Qty Sold"). */
const NET_QUANTITY = ['netqty', 'netquantity', 'netunits', 'netitems'];

/** Whether a header (as written in the file) names a part of `parts`. */
function hasPart(header: string | undefined, parts: readonly string[]): boolean {
	if (!header) return false;
	const h = normalizeHeader(header);
	return parts.some((p) => h.includes(p));
}

/** Whether the line revenue the import uses is already after discounts (so none is taken off again). */
export function revenueAfterDiscount(mapping: ColumnMapping): boolean {
	if (mapping.revenue) {
		// a plain "Total" is what was paid (Shopify's order Total, on the order's first line)
		if (AFTER_DISCOUNT_WHOLE.includes(normalizeHeader(mapping.revenue))) return true;
		if (hasPart(mapping.revenue, BEFORE_DISCOUNT_PARTS)) return false;
		return hasPart(mapping.revenue, AFTER_DISCOUNT_PARTS);
	}
	// without a revenue column the revenue is quantity × unit price
	if (mapping.unitPrice) return AFTER_DISCOUNT_PRICES.includes(normalizeHeader(mapping.unitPrice));
	return false;
}

/** "… (- Refund)", "… − refunds" as written (normalising drops the minus). */
const MINUS_REFUND = /[-−–]\s*refunds?\b/i;

/** Whether the quantity column already leaves the refunded units out. */
export function quantityNetOfRefunds(mapping: ColumnMapping): boolean {
	return (
		MINUS_REFUND.test(mapping.quantity ?? '') ||
		hasPart(mapping.quantity, [...NET_OF_REFUNDS, ...NET_QUANTITY])
	);
}

/** Whether the revenue column already leaves the refunded money out. */
export function revenueNetOfRefunds(mapping: ColumnMapping): boolean {
	return MINUS_REFUND.test(mapping.revenue ?? '') || hasPart(mapping.revenue, NET_OF_REFUNDS);
}

/** Which discount the import takes off: a line's own, an order's shared out, or none. */
export type DiscountUse =
	| { kind: 'line'; column: string }
	| { kind: 'order'; column: string }
	/** A discount column is mapped, but the revenue is already after discounts: it is not taken off. */
	| { kind: 'included'; column: string; revenue: string }
	/** An order discount is mapped but no order column: it cannot be shared out (said, not guessed). */
	| { kind: 'noOrder'; column: string }
	| { kind: 'none' };

/** The discount rule for a mapping (an order discount needs the order column to share it out). */
export function discountUse(mapping: ColumnMapping): DiscountUse {
	const column = mapping.discount ?? (mapping.order ? mapping.orderDiscount : undefined);
	if (!column) {
		if (mapping.orderDiscount && !revenueAfterDiscount(mapping))
			return { kind: 'noOrder', column: mapping.orderDiscount };
		return { kind: 'none' };
	}
	if (revenueAfterDiscount(mapping))
		return {
			kind: 'included',
			column,
			revenue: mapping.revenue ?? mapping.unitPrice ?? '',
		};
	return mapping.discount ? { kind: 'line', column } : { kind: 'order', column };
}

/** One sales line's numbers before and after its refund. */
export interface RefundedLine {
	quantity: number;
	revenue: number;
	/** The line is refunded whole: a return now, not a sale. */
	full: boolean;
}

/**
 * A line's quantity and revenue net of `refundedUnits` (either sign) and `refundedAmount` (null when no
 * per-line amount is mapped): the reference for the worker's SQL (workers/data/sales/adjust.ts).
 */
export function refundLine(
	quantity: number,
	revenue: number,
	refundedUnits: number,
	refundedAmount: number | null,
	net: { quantity: boolean; revenue: boolean } = { quantity: false, revenue: false },
): RefundedLine {
	const units = Math.abs(refundedUnits);
	const sold = net.quantity ? quantity + units : quantity;
	const left = Math.max(0, sold - units);
	let rev = revenue;
	if (!net.revenue)
		rev =
			refundedAmount !== null && refundedAmount !== 0
				? Math.max(0, revenue - Math.abs(refundedAmount))
				: sold > 0
					? (revenue * left) / sold
					: revenue;
	return { quantity: left, revenue: rev, full: units > 0 && left === 0 };
}
