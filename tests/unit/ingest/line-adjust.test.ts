// The refund and discount roles (walk14): which headers of WooCommerce, Shopify, Square and Chinese
// exports take them, and the pure rules of what they do to a line (src/core/ingest/line-adjust.ts).
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/core/ingest/columns';
import {
	discountUse,
	quantityNetOfRefunds,
	refundLine,
	revenueAfterDiscount,
	revenueNetOfRefunds,
} from '../../../src/core/ingest/line-adjust';

const cols = (header: string[], row: string[]) =>
	header.map((name, i) => ({ name, sample: row[i] === '' ? [] : [row[i]] }));

describe('refund and discount roles', () => {
	it('maps a WooCommerce order export: Qty Refunded, Item Refunded, Cart Discount Amount', () => {
		const m = guessMapping(
			cols(
				[
					'Order Number',
					'Order Status',
					'Order Date',
					'Billing Email',
					'Order Shipping Amount',
					'Coupon Code',
					'Cart Discount Amount',
					'Order Total Amount',
					'Order Refund Amount',
					'Item #',
					'Item Name',
					'SKU',
					'Quantity',
					'Qty Refunded',
					'Item Refunded',
					'Item Cost',
					'Line Total',
				],
				[
					'5001',
					'wc-completed',
					'11/08/2018 14:05',
					'a@example.com',
					'10.00',
					'BLACKFRIDAY20',
					'22.00',
					'267.00',
					'81.00',
					'1',
					'Runner',
					'SNK-1',
					'2',
					'-1',
					'99.00',
					'99.00',
					'198.00',
				],
			),
		);
		expect(m).toMatchObject({
			quantity: 'Quantity',
			refundQty: 'Qty Refunded',
			refundAmount: 'Item Refunded',
			orderDiscount: 'Cart Discount Amount',
			revenue: 'Line Total',
		});
		// the whole order's refund is not a line's
		expect(Object.values(m)).not.toContain('Order Refund Amount');
		expect(m.discount).toBeUndefined();
	});

	it("maps Shopify's Lineitem discount and Discount Amount, not its order-level Refunded Amount", () => {
		const m = guessMapping(
			cols(
				[
					'Name',
					'Financial Status',
					'Created at',
					'Discount Code',
					'Discount Amount',
					'Refunded Amount',
					'Lineitem quantity',
					'Lineitem price',
					'Lineitem discount',
					'Lineitem sku',
				],
				[
					'#1001',
					'partially_refunded',
					'2024-03-01 10:00:00 +0100',
					'SPRING10',
					'10.00',
					'39.00',
					'2',
					'39.00',
					'0.00',
					'LS-M',
				],
			),
		);
		expect(m).toMatchObject({ discount: 'Lineitem discount', orderDiscount: 'Discount Amount' });
		expect(m.refundAmount).toBeUndefined();
		expect(m.refundQty).toBeUndefined();
	});

	it("never takes a tax column or another level's amount for a discount or refund", () => {
		const m = guessMapping(
			cols(
				['Order Date', 'SKU', 'Quantity', 'Cart Discount Amount Tax', 'Item Refunded Tax'],
				['2018-11-08', 'SNK-1', '2', '1.76', '0.00'],
			),
		);
		expect(m.orderDiscount).toBeUndefined();
		expect(m.refundAmount).toBeUndefined();
	});

	it.each(['退款数量', '退货数量', '已退款数量', 'Quantity Refunded', 'refunded_qty'])(
		'takes %s as the refunded quantity',
		(header) => {
			const m = guessMapping(
				cols(
					['订单编号', '下单时间', '商家编码', '数量', header],
					['A1', '2024-03-01 10:00', 'X-1', '2', '1'],
				),
			);
			expect(m.refundQty).toBe(header);
			expect(m.quantity).toBe('数量');
		},
	);
});

describe('what the roles do to a line', () => {
	it('knows which revenue is already after discounts', () => {
		expect(revenueAfterDiscount({ revenue: 'Line Total' })).toBe(true); // WooCommerce line_total
		expect(revenueAfterDiscount({ revenue: 'Order Line Total' })).toBe(true);
		expect(revenueAfterDiscount({ revenue: 'Net Sales' })).toBe(true); // Square
		expect(revenueAfterDiscount({ revenue: 'Total' })).toBe(true); // Shopify's order Total
		expect(revenueAfterDiscount({ revenue: 'Line Subtotal' })).toBe(false);
		expect(revenueAfterDiscount({ revenue: 'Gross Sales' })).toBe(false);
		expect(revenueAfterDiscount({ unitPrice: 'Lineitem price' })).toBe(false); // Shopify
		expect(revenueAfterDiscount({ unitPrice: 'Item Cost' })).toBe(true); // WooCommerce
	});

	it("prefers a line's own discount and needs an order column to share an order's out", () => {
		expect(
			discountUse({
				unitPrice: 'Lineitem price',
				discount: 'Lineitem discount',
				orderDiscount: 'Discount Amount',
				order: 'Name',
			}),
		).toEqual({ kind: 'line', column: 'Lineitem discount' });
		expect(
			discountUse({ unitPrice: 'Lineitem price', orderDiscount: 'Discount Amount', order: 'Name' }),
		).toEqual({ kind: 'order', column: 'Discount Amount' });
		// without an order column an order discount cannot be shared out: said, not guessed
		expect(discountUse({ unitPrice: 'Lineitem price', orderDiscount: 'Discount Amount' })).toEqual({
			kind: 'noOrder',
			column: 'Discount Amount',
		});
		expect(discountUse({ revenue: 'Line Total', orderDiscount: 'Cart Discount Amount' }).kind).toBe(
			'none',
		);
		expect(
			discountUse({
				revenue: 'Line Total',
				orderDiscount: 'Cart Discount Amount',
				order: 'Order Number',
			}),
		).toEqual({ kind: 'included', column: 'Cart Discount Amount', revenue: 'Line Total' });
	});

	it('takes refunded units off, never below 0, and the revenue by amount or pro rata', () => {
		// WooCommerce writes −1; some exports 1
		expect(refundLine(2, 198, -1, null)).toEqual({ quantity: 1, revenue: 99, full: false });
		expect(refundLine(2, 198, 1, null)).toEqual({ quantity: 1, revenue: 99, full: false });
		expect(refundLine(3, 300, -1, 95)).toEqual({ quantity: 2, revenue: 205, full: false });
		expect(refundLine(1, 81, -1, null)).toEqual({ quantity: 0, revenue: 0, full: true });
		expect(refundLine(1, 81, -3, null)).toEqual({ quantity: 0, revenue: 0, full: true });
		// a quantity already net of refunds ("Quantity (- Refund)") is not reduced again
		expect(quantityNetOfRefunds({ quantity: 'Quantity (- Refund)' })).toBe(true);
		expect(quantityNetOfRefunds({ quantity: 'Net Qty Sold' })).toBe(true);
		expect(quantityNetOfRefunds({ quantity: 'Quantity' })).toBe(false);
		expect(revenueNetOfRefunds({ revenue: 'Order Line Total (- Refund)' })).toBe(true);
		expect(revenueNetOfRefunds({ revenue: 'Line Total' })).toBe(false);
		expect(refundLine(1, 99, -1, null, { quantity: true, revenue: false })).toEqual({
			quantity: 1,
			revenue: 49.5,
			full: false,
		});
	});
});
