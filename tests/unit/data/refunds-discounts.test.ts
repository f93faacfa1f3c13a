// Partial refunds and discounts of WooCommerce and Shopify order exports (walk14): a line's "Qty
// Refunded" comes off its units and revenue, a line refunded whole is a return, a refunded order left out
// by its status is not reduced again; a line's discount comes off its revenue, an order's discount is
// shared out over its lines by revenue, and a revenue already after discounts is left as it is.
// End to end in Node (real DuckDB-WASM + fake-indexeddb) on files with the exports' real headers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, DatasetMeta } from '../../../src/core/ingest/types';
import { translate } from '../../../src/lib/i18n/translate';
import { issueText, makeService, toInput } from './harness';

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	service = (await makeService()).service;
}, 60_000);

async function importCsv(
	name: string,
	csv: string,
	edit: (m: ColumnMapping) => ColumnMapping = (m) => m,
): Promise<{ meta: DatasetMeta; mapping: ColumnMapping }> {
	const p = await service.previewFile(toInput(name, csv));
	const mapping = edit(p.mapping);
	const meta = await service.commitImport(p.importId, {
		mapping,
		dateOrder: p.dateOrder,
		datasetName: name,
	});
	return { meta, mapping: p.mapping };
}

async function byProduct(id: string): Promise<Record<string, { units: number; revenue: number }>> {
	return Object.fromEntries(
		(await service.productSummary(id)).map((s) => [
			s.productId,
			{ units: s.units, revenue: Math.round(s.revenue * 100) / 100 },
		]),
	);
}

// An Advanced Order Export for WooCommerce file, one row per item (order fields on every row).
// #5001 completed: 2 of SNK-1 with one refunded (−1), 1 SNK-2 refunded whole (1, written positive);
// #5002 refunded: its lines carry −2 and −1 too, and the status already leaves the order out;
// #5003 completed, nothing refunded.
const WOO = [
	'Order Number,Order Status,Order Date,Billing Email,Item Name,SKU,Quantity,Qty Refunded,Item Cost,Line Total,Cart Discount Amount',
	'5003,wc-completed,11/10/2018 10:00,c@example.com,Runner,SNK-1,1,,110.00,110.00,0',
	'5002,wc-refunded,11/09/2018 09:30,b@example.com,Runner,SNK-1,2,-2,110.00,220.00,0',
	'5002,wc-refunded,11/09/2018 09:30,b@example.com,Court,SNK-2,1,-1,90.00,90.00,0',
	'5001,wc-completed,11/08/2018 14:05,a@example.com,Runner,SNK-1,2,-1,99.00,198.00,22.00',
	'5001,wc-completed,11/08/2018 14:05,a@example.com,Court,SNK-2,1,1,81.00,81.00,22.00',
].join('\n');

describe('WooCommerce partial refunds', () => {
	it('maps Qty Refunded and Cart Discount Amount, and takes the refunded units off the sales', async () => {
		const { meta, mapping } = await importCsv('orders-woo.csv', WOO);
		expect(mapping).toMatchObject({
			quantity: 'Quantity',
			refundQty: 'Qty Refunded',
			revenue: 'Line Total',
			orderDiscount: 'Cart Discount Amount',
		});
		// SNK-1: 1 (#5003) + 2 − 1 (#5001) = 2 units, 110 + 198 / 2 = 209; SNK-2 refunded whole: no sale
		expect(await byProduct(meta.id)).toEqual({ 'SNK-1': { units: 2, revenue: 209 } });
		expect(meta.report.refunds).toEqual({ lines: 2, fullLines: 1, units: 2, revenue: 180 });
		// the refunded order is left out once, with all its units (not reduced by its Qty Refunded first)
		expect(meta.report.status?.excluded).toMatchObject({ orders: 1, lines: 2, units: 3 });
		// the line refunded whole is a return, and the returns note says why (not "negative quantity")
		expect(meta.report.returnRows).toBe(1);
		const returns = meta.report.issues.find((i) => i.code === 'returns');
		expect(issueText(returns)).toContain('or refunded whole in “Qty Refunded”');
		expect(issueText(returns, 'zh-CN')).toContain('或“Qty Refunded”列显示整行退款');
		expect(meta.report.rowsImported).toBe(2);
		const note = meta.report.issues.find((i) => i.code === 'partial-refunds');
		expect(note?.column).toBe('Qty Refunded');
		expect(note?.row).toBe(4);
		expect(issueText(note)).toContain('2 sales lines were refunded in part or whole later');
		expect(issueText(note)).toContain('1 line was refunded whole');
		expect(issueText(note, 'zh-CN')).toContain('2 个销售行事后部分或全部退款');
		// the money in the dataset's currency, as the Import screen writes it
		expect(translate('en', note!.msg!.code, note!.msg!.params, 'USD')).toContain(
			'2 units and revenue US$180.00 taken off the sales',
		);
		// WooCommerce's Line Total is after the coupon: the cart discount is not taken off again
		expect(meta.report.discounts).toBeUndefined();
		const included = meta.report.issues.find((i) => i.code === 'discounts-included');
		expect(issueText(included)).toContain(
			'“Line Total” is already after discounts, so “Cart Discount Amount” is not taken off again.',
		);
		expect(issueText(included, 'zh-CN')).toContain('“Line Total”已是优惠后的金额');
	}, 60_000);

	it('takes a per-line refunded amount off the revenue where the export has one', async () => {
		const csv = [
			'Order Number,Order Status,Order Date,SKU,Quantity,Qty Refunded,Item Refunded,Line Subtotal',
			'7001,wc-completed,2018-11-08,SNK-1,3,-1,95.00,300.00',
			'7002,wc-completed,2018-11-09,SNK-1,1,,,100.00',
			// an unreadable refund: kept as sold, and said with its row and column
			'7003,wc-completed,2018-11-10,SNK-1,1,one,,100.00',
		].join('\n');
		// (its sample values are half words, so the owner picks the role)
		const { meta, mapping } = await importCsv('orders-amount.csv', csv, (m) => ({
			...m,
			refundQty: 'Qty Refunded',
		}));
		expect(mapping).toMatchObject({ refundAmount: 'Item Refunded' });
		expect(await byProduct(meta.id)).toEqual({ 'SNK-1': { units: 4, revenue: 405 } });
		expect(meta.report.refunds).toEqual({ lines: 1, fullLines: 0, units: 1, revenue: 95 });
		const bad = meta.report.issues.find((i) => i.code === 'bad-refund');
		expect(bad).toMatchObject({ severity: 'warning', row: 3, column: 'Qty Refunded', count: 1 });
		expect(issueText(bad)).toContain('Row 3, column "Qty Refunded": "one" is not');
	}, 60_000);

	it('counts the refunded units again when the owner unmaps Qty Refunded', async () => {
		const { meta } = await importCsv('orders-woo-unmapped.csv', WOO, (m) => {
			const { refundQty: _r, ...rest } = m;
			return rest;
		});
		expect(await byProduct(meta.id)).toEqual({
			'SNK-1': { units: 3, revenue: 308 },
			'SNK-2': { units: 1, revenue: 81 },
		});
		expect(meta.report.refunds).toBeUndefined();
	}, 60_000);
});

describe('the next export', () => {
	it('takes a refund made since off the line stored before, not counting it twice', async () => {
		// the first export, before the refunds of #5001
		const before = WOO.replace(',2,-1,99.00', ',2,,99.00').replace(',1,1,81.00', ',1,,81.00');
		const first = await importCsv('orders-2018-11-08.csv', before);
		expect(await byProduct(first.meta.id)).toEqual({
			'SNK-1': { units: 3, revenue: 308 },
			'SNK-2': { units: 1, revenue: 81 },
		});
		const p = await service.previewFile(toInput('orders-2018-11-18.csv', WOO));
		const meta = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: 'next',
			appendTo: first.meta.id,
		});
		expect(meta.id).toBe(first.meta.id);
		expect(await byProduct(meta.id)).toEqual({ 'SNK-1': { units: 2, revenue: 209 } });
		expect(meta.report.append).toMatchObject({ newRows: 0, refundedSince: { lines: 2, units: 2 } });
		const note = meta.report.issues.find((i) => i.code === 'import_append_refunds');
		expect(issueText(note)).toBe(
			'2 lines stored before were refunded in part or whole since, says this file: 2 units are no longer counted as sales.',
		);
		expect(issueText(note, 'zh-CN')).toContain('之前已存储的 2 行此后部分或全部退款');
	}, 60_000);
});

// Shopify orders_export: order fields (Financial Status, Discount Amount) on the first line only.
const SHOPIFY = [
	'Name,Email,Financial Status,Created at,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
	// #1001: $30 off an order of 2 × 50 + 1 × 100 = 200: 15 off the tees (100) and 15 off the dress (100)
	'#1001,a@example.com,paid,2024-03-01 10:00:00 +0100,30.00,2,Tee,50.00,TEE-1',
	'#1001,,,2024-03-01 10:00:00 +0100,,1,Dress,100.00,DRESS-1',
	// #1002: $10 off one line, the whole order
	'#1002,b@example.com,paid,2024-03-02 11:00:00 +0100,10.00,1,Dress,100.00,DRESS-1',
	// #1003 refunded: left out by its status, its discount not shared out
	'#1003,c@example.com,refunded,2024-03-03 12:00:00 +0100,20.00,1,Tee,50.00,TEE-1',
	// #1004: no discount
	'#1004,d@example.com,paid,2024-03-04 12:00:00 +0100,0.00,3,Tee,50.00,TEE-1',
].join('\n');

describe('discounts', () => {
	it('shares an order discount out over the order lines by their revenue (Shopify)', async () => {
		const { meta, mapping } = await importCsv('orders_export.csv', SHOPIFY);
		expect(mapping).toMatchObject({
			unitPrice: 'Lineitem price',
			orderDiscount: 'Discount Amount',
		});
		expect(await byProduct(meta.id)).toEqual({
			'TEE-1': { units: 5, revenue: 100 - 15 + 150 },
			'DRESS-1': { units: 2, revenue: 100 - 15 + 100 - 10 },
		});
		expect(meta.report.discounts).toEqual({ source: 'order', lines: 3, orders: 2, amount: 40 });
		const note = meta.report.issues.find((i) => i.code === 'discounts');
		expect(issueText(note)).toContain(
			'shared out over 2 orders’ products by their revenue (3 lines)',
		);
		expect(issueText(note, 'zh-CN')).toContain('按金额比例分摊到 2 个订单的商品行（3 行）');
		// the order column unpicked: nothing shared out, and said so
		const { meta: noOrder } = await importCsv('orders_export_no_order.csv', SHOPIFY, (m) => {
			const { order: _o, ...rest } = m;
			return rest;
		});
		expect(noOrder.report.discounts).toBeUndefined();
		const why = noOrder.report.issues.find((i) => i.code === 'discounts-no-order');
		expect(issueText(why)).toContain(
			'“Discount Amount” is the whole order’s discount, but no order',
		);
		expect(issueText(why, 'zh-CN')).toContain('“Discount Amount”是整单优惠，但没有选择订单号列');
	}, 60_000);

	it("takes each line's own discount off, and then not the order's too", async () => {
		const csv = [
			'Name,Financial Status,Created at,Discount Amount,Lineitem quantity,Lineitem price,Lineitem discount,Lineitem sku',
			'#2001,paid,2024-03-01 10:00:00 +0100,25.00,2,50.00,20.00,TEE-1',
			'#2001,,2024-03-01 10:00:00 +0100,,1,100.00,5.00,DRESS-1',
			'#2002,paid,2024-03-02 10:00:00 +0100,0.00,1,100.00,0.00,DRESS-1',
		].join('\n');
		const { meta, mapping } = await importCsv('orders_export_2.csv', csv);
		expect(mapping).toMatchObject({
			discount: 'Lineitem discount',
			orderDiscount: 'Discount Amount',
		});
		expect(await byProduct(meta.id)).toEqual({
			'TEE-1': { units: 2, revenue: 80 },
			'DRESS-1': { units: 2, revenue: 195 },
		});
		expect(meta.report.discounts).toEqual({ source: 'line', lines: 2, orders: 1, amount: 25 });
		expect(issueText(meta.report.issues.find((i) => i.code === 'discounts'))).toContain(
			'Discounts of column “Lineitem discount” taken off the revenue of 2 lines (1 order)',
		);
	}, 60_000);
});
