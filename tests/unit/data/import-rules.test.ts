// The import rules that make real shop exports right, end to end in Node (real DuckDB-WASM +
// fake-indexeddb): a date column chosen by hand is re-checked on every mapping change (Unix
// timestamps, Excel serials, "pending" dates); refunded/voided orders and non-product lines are left out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportPreview } from '../../../src/core/ingest/types';
import { demoHead, makeService, toInput } from './harness';
import { shopifyOrders } from './shopify-orders';

let ctx: Awaited<ReturnType<typeof makeService>>;
let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	ctx = await makeService();
	service = ctx.service;
}, 60_000);

const commit = (p: ImportPreview, mapping: ColumnMapping = p.mapping, datasetName = p.fileName) =>
	service.commitImport(p.importId, { mapping, dateOrder: p.dateOrder, datasetName });
const errors = (issues: { severity: string; code: string }[]) =>
	issues.filter((i) => i.severity === 'error').map((i) => i.code);

describe('choosing the date column by hand', () => {
	const epochCsv = [
		'when,sku,qty',
		'1295308800,A,2', // 2011-01-18 00:00 UTC
		'1295395200,A,3',
		'1295913600,B,1', // 2011-01-25
		'1296518400,A,4', // 2011-02-01
	].join('\n');

	it('clears the "no date column" error once a column is chosen, and reads epoch seconds', async () => {
		const p = await service.previewFile(toInput('epoch.csv', epochCsv));
		expect(p.mapping.date).toBeUndefined();
		expect(errors(p.issues)).toContain('no-date-column');
		const mapping = { ...p.mapping, date: 'when' };
		const check = await service.validateMapping(p.importId, mapping);
		expect(errors(check.issues)).toEqual([]);
		expect(check.dateOrderAmbiguous).toBe(false);
		const meta = await commit(p, mapping);
		expect(meta.report.rowsImported).toBe(4);
		expect(meta.report.invalidRows).toBe(0);
		expect(new Date(meta.dateMin).toISOString()).toBe('2011-01-18T00:00:00.000Z');
		expect(new Date(meta.dateMax).toISOString()).toBe('2011-02-01T00:00:00.000Z');
		const s = await service.querySeries(meta.id, {
			productIds: ['A'],
			freq: 'week',
			measure: 'units',
		});
		expect(Array.from(s.y)).toEqual([5, 0, 4]);
	}, 60_000);

	it('reads epoch milliseconds and Excel serial days', async () => {
		const csv = ['stamp,serial,sku', '1295308800000,40561,A', '1296518400000,40573,A'].join('\n');
		const p = await service.previewFile(toInput('ms.csv', csv));
		for (const col of ['stamp', 'serial']) {
			const mapping = { product: 'sku', date: col };
			expect(errors((await service.validateMapping(p.importId, mapping)).issues)).toEqual([]);
		}
		const byMs = await commit(p, { product: 'sku', date: 'stamp' });
		expect(new Date(byMs.dateMin).toISOString()).toBe('2011-01-18T00:00:00.000Z');
		const p2 = await service.previewFile(toInput('ms.csv', csv));
		const bySerial = await commit(p2, { product: 'sku', date: 'serial' });
		expect(new Date(bySerial.dateMax).toISOString()).toBe('2011-01-30T00:00:00.000Z');
	}, 60_000);

	it('says so when the chosen column holds no dates, and accepts the right one after', async () => {
		const p = await service.previewFile(toInput('epoch.csv', epochCsv));
		const wrong = await service.validateMapping(p.importId, { date: 'sku', quantity: 'qty' });
		const issue = wrong.issues.find((i) => i.code === 'import_date_column_unreadable');
		expect(issue).toMatchObject({ severity: 'error', column: 'sku', params: { column: 'sku' } });
		const right = await service.validateMapping(p.importId, { date: 'when', quantity: 'qty' });
		expect(errors(right.issues)).toEqual([]);
	}, 60_000);

	it('imports a half-"pending" date column, leaving the undated rows out with a note', async () => {
		const csv = [
			'Name,Paid at,Lineitem sku,Lineitem quantity',
			'#1001,2024-03-01 10:00:00 +0000,A,1',
			'#1002,pending,A,2',
			'#1003,2024-03-02 11:00:00 +0000,B,1',
			'#1004,pending,B,5',
			'#1005,pending,A,1',
		].join('\n');
		const p = await service.previewFile(toInput('orders_export.csv', csv));
		expect(p.mapping.date).toBe('Paid at');
		expect(errors(p.issues)).toEqual([]);
		const meta = await commit(p);
		expect(meta.report.rowsImported).toBe(2);
		expect(meta.report.invalidRows).toBe(3);
		const pending = meta.report.issues.find((i) => i.code === 'import_pending_dates');
		expect(pending).toMatchObject({ severity: 'warning', row: 2, count: 3 });
		expect(pending?.params).toMatchObject({ n: 3, value: 'pending', column: 'Paid at' });
		expect(meta.report.issues.find((i) => i.code === 'bad-date')).toBeUndefined();
	}, 60_000);
});

describe('order status and non-product lines (Shopify-style export)', () => {
	it('leaves refunded and voided orders out (status on the first line only), counts pending ones', async () => {
		const { csv, expected: e } = shopifyOrders(200);
		const p = await service.previewFile(toInput('orders_export.csv', csv));
		expect(p.mapping).toMatchObject({
			status: 'Financial Status',
			order: 'Name',
			date: 'Created at',
			product: 'Lineitem sku',
			quantity: 'Lineitem quantity',
		});
		const meta = await commit(p);
		const r = meta.report;
		expect(r.status?.excluded).toMatchObject({
			orders: e.excludedOrders,
			lines: e.excludedLines,
			units: e.excludedUnits,
		});
		expect(r.status?.excluded.statuses.sort()).toEqual(['refunded', 'voided']);
		expect(r.status?.pending.orders).toBe(e.pendingOrders);
		// Shipping lines have no SKU: they land under "(blank)" with the description "Shipping".
		expect(r.nonProduct?.lines).toBe(e.shippingLines);
		expect(r.rowsImported).toBe(e.soldLines);
		const units = await service.runSql(meta.id, 'SELECT sum(quantity) FROM sales');
		expect(units.rows[0][0]).toBe(e.soldUnits);
		const ex = await service.runSql(
			meta.id,
			"SELECT count(*), count(DISTINCT order_id) FROM excluded_orders WHERE order_status IS NULL OR order_status IN ('refunded','voided')",
		);
		expect(ex.rows[0]).toEqual([e.excludedLines, e.excludedOrders]);
		const returns = await service.runSql(meta.id, 'SELECT count(*) FROM returns');
		expect(returns.rows[0][0]).toBe(0);
		const notes = r.issues.map((i) => i.code);
		expect(notes).toEqual(
			expect.arrayContaining([
				'import_status_excluded',
				'import_status_pending',
				'import_non_product',
			]),
		);
		const products = (await service.productSummary(meta.id)).map((x) => x.productId);
		expect(products).not.toContain('(blank)');
		expect(products).toHaveLength(5);
	}, 60_000);

	it('lets the owner count a non-product code back in, stored with the dataset', async () => {
		const { csv, expected: e } = shopifyOrders(60);
		const p = await service.previewFile(toInput('orders_export.csv', csv));
		const meta = await commit(p);
		// the shipping lines have no SKU: they are keyed by their name (clean.ts), not '(blank)'
		expect(meta.report.nonProduct?.items.map((i) => i.productId)).toEqual(['Shipping']);
		const back = await service.setNonProductIncluded(meta.id, ['Shipping']);
		expect(back.includeNonProduct).toEqual(['Shipping']);
		expect(back.report.nonProduct?.lines).toBe(0);
		expect(back.report.nonProduct?.items[0].included).toBe(true);
		expect(back.rowCount).toBe(e.soldLines + e.shippingLines);
		const stored = await ctx.db.datasets.get(meta.id);
		expect(stored?.rowCount).toBe(back.rowCount);
		expect((await service.productSummary(meta.id)).map((x) => x.productId)).toContain('Shipping');
		const out = await service.setNonProductIncluded(meta.id, []);
		expect(out.rowCount).toBe(e.soldLines);
	}, 60_000);
});

describe('adding an export to a stored dataset', () => {
	/** Data lines 1…n of the demo file (header kept). */
	const lines = demoHead(4001).trimEnd().split('\n');
	const part = (from: number, to: number) => [lines[0], ...lines.slice(from, to)].join('\n');

	it('adds only the rows not stored yet and reports the overlap', async () => {
		const first = await service.previewFile(toInput('jan.csv', part(1, 2501)));
		const base = await commit(first, first.mapping, 'Shop');
		const whole = await service.previewFile(toInput('all.csv', part(1, 4001)));
		const alone = await commit(whole, whole.mapping, 'All at once');
		const second = await service.previewFile(toInput('feb.csv', part(1501, 4001)));
		const merged = await service.commitImport(second.importId, {
			mapping: second.mapping,
			dateOrder: second.dateOrder,
			datasetName: 'ignored',
			appendTo: base.id,
		});
		expect(merged.id).toBe(base.id);
		expect(merged.name).toBe('Shop');
		const a = merged.report.append!;
		expect(a.targetName).toBe('Shop');
		expect(a.duplicateRows).toBeGreaterThan(900);
		expect(a.overlapFrom).toBeLessThanOrEqual(a.overlapTo!);
		expect(merged.report.issues.map((i) => i.code)).toContain('import_append_summary');
		// The same sales as importing the whole file at once.
		expect(merged.rowCount).toBe(alone.rowCount);
		expect(merged.productCount).toBe(alone.productCount);
		const units = async (id: string) =>
			(await service.runSql(id, 'SELECT sum(quantity) FROM sales')).rows[0][0];
		expect(await units(base.id)).toBe(await units(alone.id));
		expect(await ctx.db.datasets.count()).toBeGreaterThanOrEqual(2);
		expect((await ctx.db.datasets.get(base.id))?.rowCount).toBe(alone.rowCount);
	}, 120_000);

	// walk13: a shop exports "the last 30 days" every week; the overlap repeats orders whose fate changed
	const shopify = (rows: string[]) =>
		[
			'Name,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
			...rows,
		].join('\n');
	const units = async (id: string) =>
		(await service.runSql(id, 'SELECT coalesce(sum(quantity), 0) FROM sales')).rows[0][0];
	const append = async (base: string, name: string, csv: string) => {
		const p = await service.previewFile(toInput(name, csv));
		return service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: 'x',
			appendTo: base,
		});
	};

	it("takes the newer export's order status: an order refunded since is left out, not counted twice", async () => {
		const week1 = shopify([
			'#1001,paid,2024-03-01 10:00:00 +0000,2,Linen Shirt,45.00,LS-M',
			'#1001,,2024-03-01 10:00:00 +0000,1,Silk Scarf,30.00,SC-1',
			'#1002,paid,2024-03-05 11:00:00 +0000,3,Linen Shirt,45.00,LS-M',
			'#1003,pending,2024-03-06 12:00:00 +0000,1,Wide Jeans,80.00,WJ-30',
		]);
		// a week later: #1002 was refunded, #1003 paid, #1004 is new (#1001 is older than 30 days)
		const week2 = shopify([
			'#1004,paid,2024-03-12 09:00:00 +0000,4,Silk Scarf,30.00,SC-1',
			'#1003,paid,2024-03-06 12:00:00 +0000,1,Wide Jeans,80.00,WJ-30',
			'#1002,refunded,2024-03-05 11:00:00 +0000,3,Linen Shirt,45.00,LS-M',
		]);
		const first = await service.previewFile(toInput('orders_export.csv', week1));
		const base = await commit(first, first.mapping, 'Leeds');
		expect(await units(base.id)).toBe(7);
		const merged = await append(base.id, 'orders_export (1).csv', week2);
		expect(merged.report.append).toMatchObject({
			newRows: 1,
			duplicateRows: 2,
			statusLeftOut: { lines: 1, orders: 1, units: 3 },
		});
		// 2 + 1 (#1001) + 1 (#1003) + 4 (#1004); #1002's 3 shirts were refunded
		expect(await units(base.id)).toBe(8);
		expect(merged.report.issues.map((i) => i.code)).toContain('import_append_status_out');
		const out = await service.runSql(base.id, 'SELECT count(*) FROM excluded_orders');
		expect(out.rows[0][0]).toBe(1);
	}, 60_000);

	it('lets a return in the next export cancel the sale stored from the earlier one', async () => {
		const head =
			'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
		const sale =
			'536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom';
		const other =
			'536366,71053,WHITE METAL LANTERN,2,2010-12-02 09:00:00,3.39,13047,United Kingdom';
		const ret =
			'C536900,85123A,WHITE HANGING HEART,-6,2010-12-20 10:00:00,2.55,17850,United Kingdom';
		const later =
			'536901,71053,WHITE METAL LANTERN,1,2010-12-21 10:00:00,3.39,13047,United Kingdom';
		const a = await service.previewFile(toInput('dec-a.csv', [head, sale, other].join('\n')));
		const base = await commit(a, a.mapping, 'Gifts');
		expect(await units(base.id)).toBe(8);
		const merged = await append(base.id, 'dec-b.csv', [head, other, ret, later].join('\n'));
		expect(merged.report.append?.cancelledStored).toEqual({ lines: 1, units: 6 });
		expect(merged.report.issues.map((i) => i.code)).toContain('import_append_cancelled');
		// as one import of both files: the 6 hearts were returned, so they are not demand
		const all = await service.previewFile(
			toInput('dec.csv', [head, sale, other, ret, later].join('\n')),
		);
		const alone = await commit(all, all.mapping, 'At once');
		expect(await units(alone.id)).toBe(3);
		expect(await units(base.id)).toBe(3);
	}, 60_000);

	it('loses nothing when the write fails', async () => {
		const first = await service.previewFile(toInput('a.csv', part(1, 1001)));
		const base = await commit(first, first.mapping, 'Safe');
		const before = await ctx.db.datasetBlobs.get(base.id);
		const second = await service.previewFile(toInput('b.csv', part(800, 2001)));
		const fail = () => {
			throw new Error('disk full');
		};
		ctx.db.datasets.hook('updating', fail);
		await expect(
			service.commitImport(second.importId, {
				mapping: second.mapping,
				dateOrder: second.dateOrder,
				datasetName: 'x',
				appendTo: base.id,
			}),
		).rejects.toThrow(/disk full/);
		ctx.db.datasets.hook('updating').unsubscribe(fail);
		const after = await ctx.db.datasetBlobs.get(base.id);
		expect(after?.data.byteLength).toBe(before?.data.byteLength);
		expect((await ctx.db.datasets.get(base.id))?.rowCount).toBe(base.rowCount);
		const n = await service.runSql(base.id, 'SELECT count(*) FROM sales');
		expect(n.rows[0][0]).toBe(base.rowCount);
	}, 120_000);
});
