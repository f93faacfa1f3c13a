// End-to-end tests of the data service in Node: real DuckDB-WASM (duckdb-node-blocking) + fake-indexeddb.
// Import a slice of the real UCI Online Retail demo file and check every count against numbers computed
// independently here in plain JS; then aggregation, persistence, deletion, quota and read-only SQL.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetMeta, ImportPreview, Progress } from '../../../src/core/ingest/types';
import { demoHead, freshDb, makeService, splitCsvLine, toInput } from './harness';

/** Lines of the demo CSV up to Monday 2011-01-10 (spans the Christmas closure 2010-12-24 … 2011-01-03). */
const SLICE_LINES = 52_128;
const DAY = 86_400_000;
/**
 * The online-retail file's codes that are not products (postage, fees, manual adjustments, discount,
 * samples, commission: its documentation and descriptions), plus its gift vouchers (gift_0001_*):
 * left out of the sales by the non-product rule.
 */
const NON_PRODUCT = /^(POST|DOT|M|m|BANK CHARGES|AMAZONFEE|C2|PADS|D|CRUK|S|B|gift_0001_\d+)$/;

interface Expected {
	rowsRead: number;
	duplicates: number;
	returns: number;
	returnUnits: number;
	cancelled: number;
	cancelledUnits: number;
	nonProduct: number;
	imported: number;
	unitsByProduct: Map<string, number>;
	revenueByProduct: Map<string, number>;
	ordersByProduct: Map<string, Set<string>>;
	weekly: Map<number, number>;
	/** Units and revenue of 85123A's kept sales lines per Monday week (the price regressor's reference). */
	tlight: Map<number, { units: number; revenue: number }>;
}

/** Independent reference: parse the CSV lines in JS and apply the documented rules. */
function expectedFrom(text: string): Expected {
	const lines = text.split('\n').filter((l) => l !== '');
	const seen = new Set<string>();
	const e: Expected = {
		rowsRead: lines.length - 1,
		duplicates: 0,
		returns: 0,
		returnUnits: 0,
		cancelled: 0,
		cancelledUnits: 0,
		nonProduct: 0,
		imported: 0,
		unitsByProduct: new Map(),
		revenueByProduct: new Map(),
		ordersByProduct: new Map(),
		weekly: new Map(),
		tlight: new Map(),
	};
	interface Line {
		row: number;
		invoice: string;
		code: string;
		qty: number;
		t: number;
		day: number;
		price: number;
		customer: string;
	}
	const sales: Line[] = [];
	const returns: Line[] = [];
	lines.slice(1).forEach((line, i) => {
		if (seen.has(line)) {
			e.duplicates++;
			return;
		}
		seen.add(line);
		const [invoice, code, , qtyText, dateText, priceText, customer] = splitCsvLine(line);
		const qty = Number(qtyText);
		const t = Date.parse(`${dateText.replace(' ', 'T')}Z`);
		const x = {
			row: i + 1,
			invoice,
			code,
			qty,
			t,
			day: Math.floor(t / DAY) * DAY,
			price: Number(priceText),
			customer,
		};
		if (qty < 0 || invoice.startsWith('C')) {
			e.returns++;
			e.returnUnits += Math.abs(qty);
			returns.push(x);
		} else sales.push(x);
	});
	// A return cancels the latest earlier sale of the same product and quantity to the same customer
	// within 30 days; a sale claimed by several returns goes to the earliest of them.
	const claims = new Map<Line, Line>();
	for (const r of returns) {
		if (!r.customer || !(r.qty < 0)) continue;
		let best: Line | null = null;
		for (const s of sales)
			if (
				s.code === r.code &&
				s.customer === r.customer &&
				s.qty === -r.qty &&
				s.t <= r.t &&
				r.t - s.t <= 30 * DAY
			)
				if (!best || s.t > best.t || (s.t === best.t && s.row > best.row)) best = s;
		if (!best) continue;
		const prev = claims.get(best);
		if (!prev || r.t < prev.t || (r.t === prev.t && r.row < prev.row)) claims.set(best, r);
	}
	for (const s of sales) {
		if (claims.has(s)) {
			e.cancelled++;
			e.cancelledUnits += s.qty;
			continue;
		}
		if (NON_PRODUCT.test(s.code)) {
			e.nonProduct++;
			continue;
		}
		e.imported++;
		e.unitsByProduct.set(s.code, (e.unitsByProduct.get(s.code) ?? 0) + s.qty);
		e.revenueByProduct.set(s.code, (e.revenueByProduct.get(s.code) ?? 0) + s.qty * s.price);
		if (!e.ordersByProduct.has(s.code)) e.ordersByProduct.set(s.code, new Set());
		e.ordersByProduct.get(s.code)!.add(s.invoice);
		const monday = s.day - ((new Date(s.day).getUTCDay() + 6) % 7) * DAY;
		e.weekly.set(monday, (e.weekly.get(monday) ?? 0) + s.qty);
		if (s.code === '85123A' && s.qty > 0) {
			const w = e.tlight.get(monday) ?? { units: 0, revenue: 0 };
			w.units += s.qty;
			w.revenue += s.qty * s.price;
			e.tlight.set(monday, w);
		}
	}
	return e;
}

async function importText(
	service: Awaited<ReturnType<typeof makeService>>['service'],
	name: string,
	text: string | Uint8Array,
	datasetName = name,
): Promise<{ preview: ImportPreview; meta: DatasetMeta }> {
	const preview = await service.previewFile(toInput(name, text));
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName,
	});
	return { preview, meta };
}

describe('import of the real Online Retail slice', () => {
	let text: string;
	let expected: Expected;
	let ctx: Awaited<ReturnType<typeof makeService>>;
	let preview: ImportPreview;
	let meta: DatasetMeta;
	const progress: Progress[] = [];

	beforeAll(async () => {
		text = demoHead(SLICE_LINES);
		expected = expectedFrom(text);
		ctx = await makeService();
		preview = await ctx.service.previewFile(toInput('online-retail.csv', text), (p) =>
			progress.push(p),
		);
		meta = await ctx.service.commitImport(
			preview.importId,
			{ mapping: preview.mapping, dateOrder: preview.dateOrder, datasetName: 'Slice' },
			(p) => progress.push(p),
		);
	}, 120_000);

	it('previews format, encoding, rows, samples and the mapping', () => {
		expect(preview).toMatchObject({
			format: 'csv',
			encoding: 'utf-8',
			delimiter: ',',
			rowCount: expected.rowsRead,
			dateOrder: 'ymd',
			dateOrderAmbiguous: false,
		});
		expect(preview.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		expect(preview.mapping).toMatchObject({
			order: 'InvoiceNo',
			product: 'StockCode',
			date: 'InvoiceDate',
			quantity: 'Quantity',
			unitPrice: 'UnitPrice',
		});
		const stock = preview.columns.find((c) => c.name === 'StockCode');
		expect(stock?.role).toBe('product');
		expect(stock?.sample.slice(0, 2)).toEqual(['85123A', '71053']);
	});

	it('reports rows read, duplicates, returns and imported rows as computed independently', () => {
		const r = meta.report;
		expect(r.rowsRead).toBe(expected.rowsRead);
		expect(r.duplicateRows).toBe(expected.duplicates);
		expect(r.returnRows).toBe(expected.returns);
		expect(r.returnUnits).toBe(expected.returnUnits);
		expect(r.invalidRows).toBe(0);
		expect(r.rowsImported).toBe(expected.imported);
		expect(r.cancelledRows).toBe(expected.cancelled);
		expect(r.cancelledUnits).toBe(expected.cancelledUnits);
		expect(expected.cancelled).toBeGreaterThan(10);
		expect(r.nonProduct?.lines).toBe(expected.nonProduct);
		expect(expected.nonProduct).toBeGreaterThan(50);
		expect(r.rowsRead).toBe(
			r.rowsImported +
				r.returnRows +
				r.duplicateRows +
				r.invalidRows +
				(r.cancelledRows ?? 0) +
				(r.nonProduct?.lines ?? 0),
		);
		expect(expected.duplicates).toBeGreaterThan(100);
		expect(expected.returns).toBeGreaterThan(100);
		const dup = r.issues.find((i) => i.code === 'duplicates');
		expect(dup).toMatchObject({ count: expected.duplicates, file: 'online-retail.csv' });
		expect(r.issues.find((i) => i.code === 'returns')?.count).toBe(expected.returns);
		expect(meta.productCount).toBe(expected.unitsByProduct.size);
		expect(new Date(meta.dateMin).toISOString()).toBe('2010-12-01T08:26:00.000Z');
		expect(meta.bytes).toBeGreaterThan(1000);
	});

	it('sends a few progress updates per phase, not one per row', () => {
		const phases = new Set(progress.map((p) => p.phase));
		for (const phase of ['reading', 'decoding', 'loading', 'cleaning', 'saving'])
			expect(phases).toContain(phase);
		expect(progress.length).toBeLessThan(40);
	});

	it('aggregates weekly units with Monday weeks and a zero for the Christmas closure', async () => {
		const s = await ctx.service.querySeries(meta.id, {
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		expect(s.ids).toEqual(['__total__']);
		const weeks = Array.from(s.ds, (d) => new Date(d).toISOString().slice(0, 10));
		expect(weeks).toEqual([
			'2010-11-29',
			'2010-12-06',
			'2010-12-13',
			'2010-12-20',
			'2010-12-27',
			'2011-01-03',
			'2011-01-10',
		]);
		expect(Array.from(s.indptr)).toEqual([0, 7]);
		expect(s.y[4]).toBe(0);
		for (let i = 0; i < s.ds.length; i++)
			expect(s.y[i]).toBeCloseTo(expected.weekly.get(s.ds[i]) ?? 0, 6);
		// The first week matches the published weekly file's TOTAL_UNITS order of magnitude.
		expect(s.y[0]).toBeGreaterThan(80_000);
		// Daily sales from Wednesday 1 Dec to Monday 10 Jan: both edge weeks are incomplete.
		expect(s.edges).toMatchObject({ firstPartial: true, lastPartial: true });
		expect(new Date(s.edges!.dateMin).toISOString().slice(0, 10)).toBe('2010-12-01');
		expect(new Date(s.edges!.dateMax).toISOString().slice(0, 10)).toBe('2011-01-10');
	});

	it('returns per-product daily series zero-filled over the whole dataset range', async () => {
		const ids = ['85123A', '22423', 'NOT-A-PRODUCT'];
		const s = await ctx.service.querySeries(meta.id, {
			productIds: ids,
			freq: 'day',
			measure: 'units',
		});
		expect(s.ids).toEqual(ids);
		const n = s.ds.length / 3;
		expect(Array.from(s.indptr)).toEqual([0, n, 2 * n, 3 * n]);
		expect(n).toBe(41); // 2010-12-01 … 2011-01-10
		for (let i = 0; i < 3; i++) {
			const sum = s.y.subarray(i * n, (i + 1) * n).reduce((a, b) => a + b, 0);
			expect(sum).toBeCloseTo(expected.unitsByProduct.get(ids[i]) ?? 0, 6);
		}
		// 2010-12-25 (index 24) is inside the closure: zero.
		expect(new Date(s.ds[24]).toISOString().slice(0, 10)).toBe('2010-12-25');
		expect(s.y[24]).toBe(0);
		expect(s.edges).toMatchObject({ firstPartial: false, lastPartial: false });
		const monthly = await ctx.service.querySeries(meta.id, {
			productIds: ['85123A'],
			freq: 'month',
			measure: 'revenue',
		});
		expect(Array.from(monthly.ds, (d) => new Date(d).toISOString().slice(0, 10))).toEqual([
			'2010-12-01',
			'2011-01-01',
		]);
		// December starts with the data; January is cut off on the 10th.
		expect(monthly.edges).toMatchObject({ firstPartial: false, lastPartial: true });
		const rev = monthly.y[0] + monthly.y[1];
		expect(rev).toBeCloseTo(expected.revenueByProduct.get('85123A')!, 4);
	});

	it('returns the average price paid per week (revenue ÷ units) as the regressor "price", carried over empty weeks', async () => {
		// reference: units-weighted mean UnitPrice of the product's kept sales lines per Monday week
		// (cancelled sales left out), computed independently in expectedFrom
		const byWeek = expected.tlight;
		const s = await ctx.service.querySeries(meta.id, {
			productIds: ['85123A'],
			freq: 'week',
			measure: 'units',
			withPrice: true,
		});
		expect(s.regressors?.names).toEqual(['price']);
		const price = s.regressors!.values[0];
		expect(price.length).toBe(s.y.length);
		let last = NaN;
		for (let i = 0; i < s.ds.length; i++) {
			const w = byWeek.get(s.ds[i]);
			if (w) last = w.revenue / w.units;
			expect(price[i]).toBeCloseTo(last, 9); // the Christmas closure week keeps the price before it
		}
		expect(s.y[4]).toBe(0);
		expect(price[4]).toBe(price[3]);
		// a product with no sales has no price to carry: no regressor for the batch
		const none = await ctx.service.querySeries(meta.id, {
			productIds: ['85123A', 'NOT-A-PRODUCT'],
			freq: 'week',
			measure: 'units',
			withPrice: true,
		});
		expect(none.regressors).toBeUndefined();
	});

	it('summarises products with the same units, revenue and order counts', async () => {
		const summary = await ctx.service.productSummary(meta.id);
		expect(summary.length).toBe(expected.unitsByProduct.size);
		const total = summary.reduce((a, p) => a + p.units, 0);
		expect(total).toBe([...expected.unitsByProduct.values()].reduce((a, b) => a + b, 0));
		for (const p of summary.slice(0, 25)) {
			expect(typeof p.units).toBe('number');
			expect(p.units).toBe(expected.unitsByProduct.get(p.productId));
			expect(p.revenue).toBeCloseTo(expected.revenueByProduct.get(p.productId)!, 4);
			expect(p.orders).toBe(expected.ordersByProduct.get(p.productId)!.size);
			expect(p.firstSale).toBeLessThanOrEqual(p.lastSale);
		}
		expect(summary[0].units).toBeGreaterThanOrEqual(summary[1].units);
		expect(summary.find((p) => p.productId === '85123A')?.description).toBe(
			'WHITE HANGING HEART T-LIGHT HOLDER',
		);
	});

	it('runs read-only SQL on `sales` and `returns`, with a row cap', async () => {
		const r = await ctx.service.runSql(
			meta.id,
			'SELECT count(*) AS n, sum(quantity) AS units FROM sales',
		);
		expect(r.columns).toEqual(['n', 'units']);
		expect(r.rows[0][0]).toBe(expected.imported);
		const ret = await ctx.service.runSql(meta.id, 'select count(*) from returns;');
		expect(ret.rows[0][0]).toBe(expected.returns);
		const canc = await ctx.service.runSql(meta.id, 'SELECT count(*), sum(quantity) FROM cancelled');
		expect(canc.rows[0]).toEqual([expected.cancelled, expected.cancelledUnits]);
		const big = await ctx.service.runSql(meta.id, 'SELECT product_id, ds FROM sales');
		expect(big.truncated).toBe(true);
		expect(big.rows.length).toBe(1000);
		expect(big.rows[0][1]).toBe('2010-12-01 08:26:00');
		const d = await ctx.service.runSql(meta.id, 'DESCRIBE sales');
		expect(d.rows.map((row) => row[0])).toContain('unit_price');
		for (const bad of [
			'DROP TABLE sales',
			'SELECT 1; DROP TABLE sales',
			"COPY sales TO 'x.csv'",
			'WITH x AS (SELECT 1) DELETE FROM sales',
			'PRAGMA version',
			'INSTALL httpfs',
		])
			await expect(ctx.service.runSql(meta.id, bad)).rejects.toMatchObject({ name: 'ReadOnlySql' });
		// Keywords inside strings are fine.
		const s = await ctx.service.runSql(meta.id, "SELECT 'drop table' AS t");
		expect(s.rows).toEqual([['drop table']]);
		await expect(ctx.service.runSql(meta.id, 'SELECT nope FROM sales')).rejects.toMatchObject({
			name: 'SqlError',
			code: 'import_sql_no_column',
			params: { name: 'nope' },
		});
		// a query that stops early: said of the user's text, not of the ")" of the console's wrapper
		await expect(
			ctx.service.runSql(meta.id, 'SELECT product_id FROM sales WHERE'),
		).rejects.toMatchObject({ name: 'SqlError', code: 'import_sql_syntax_end' });
		await expect(
			ctx.service.runSql(meta.id, 'SELECT product_id quantity units FROM sales'),
		).rejects.toMatchObject({ code: 'import_sql_syntax', params: { near: 'units' } });
		await expect(ctx.service.runSql(meta.id, 'SELECT * FROM sale')).rejects.toMatchObject({
			code: 'import_sql_no_table',
			params: { name: 'sale', hint: 'sales' },
		});
		// type slips and a shared column name, in the user's words (were DuckDB's English)
		await expect(
			ctx.service.runSql(meta.id, 'SELECT sum(description) FROM sales'),
		).rejects.toMatchObject({
			name: 'SqlError',
			code: 'import_sql_wrong_args',
			params: { name: 'sum', args: 'text' },
		});
		await expect(
			ctx.service.runSql(meta.id, "SELECT * FROM sales WHERE quantity = 'ten'"),
		).rejects.toMatchObject({
			code: 'import_sql_convert',
			params: { value: 'ten', kind: 'number' },
		});
		await expect(
			ctx.service.runSql(
				meta.id,
				'SELECT product_id FROM sales s JOIN returns r ON s.quantity = -r.quantity',
			),
		).rejects.toMatchObject({
			code: 'import_sql_ambiguous',
			params: { name: 'product_id', options: 's.product_id\nr.product_id' },
		});
	});

	it('locks DuckDB away from files, URLs and extensions (also past the console gate)', async () => {
		// Straight to DuckDB, as if a query got past checkConsoleSql: refused by DuckDB itself.
		const conn = ctx.duckdb.connect();
		for (const sql of [
			"SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
			"SELECT * FROM read_text('/etc/hostname')",
			"SELECT * FROM glob('/*')",
		])
			expect(() => conn.query(sql)).toThrow(/disabled by configuration/);
		expect(() => conn.query("SELECT json_extract('{}', '$.a')")).toThrow(/json extension/);
		expect(() => conn.query('SET enable_external_access = true')).toThrow(/locked/);
		expect(() => conn.query('SET autoload_known_extensions = true')).toThrow(/locked/);
		conn.close();
		await expect(
			ctx.service.runSql(meta.id, "SELECT json_extract(description, '$.a') FROM sales"),
		).rejects.toMatchObject({
			name: 'SqlError',
			code: 'import_sql_extension',
			params: { name: 'json_extract' },
		});
		await expect(
			ctx.service.runSql(meta.id, "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')"),
		).rejects.toMatchObject({ name: 'ReadOnlySql', code: 'import_sql_file_access' });
	});

	it('persists: a new service over the same database lists and queries the dataset', async () => {
		const again = await makeService(ctx.db);
		const list = await again.service.listDatasets();
		expect(list.map((d) => d.id)).toEqual([meta.id]);
		expect(list[0].report.duplicateRows).toBe(expected.duplicates);
		const s = await again.service.querySeries(meta.id, {
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		expect(s.y[0]).toBeCloseTo(expected.weekly.get(s.ds[0])!, 6);
		const info = await again.service.storageInfo();
		expect(info.usedBytes).toBe(meta.bytes);
	});

	it('loads a stored dataset into DuckDB once when its first queries arrive together', async () => {
		const again = await makeService(ctx.db);
		const reads = vi.spyOn(ctx.db.datasetBlobs, 'get');
		try {
			const weekly = { freq: 'week', measure: 'units' } as const;
			const [summary, total, twice] = await Promise.all([
				again.service.productSummary(meta.id),
				again.service.querySeries(meta.id, { productIds: null, ...weekly }),
				again.service.querySeries(meta.id, { productIds: null, ...weekly }),
			]);
			// Explore's, Home's and a forecast worker's first queries: one read of the stored bytes
			expect(reads).toHaveBeenCalledTimes(1);
			expect(summary.length).toBeGreaterThan(0);
			expect(total.y[0]).toBeCloseTo(expected.weekly.get(total.ds[0])!, 6);
			expect([...twice.y]).toEqual([...total.y]);
			// later queries find it loaded
			await again.service.productSummary(meta.id);
			expect(reads).toHaveBeenCalledTimes(1);
		} finally {
			reads.mockRestore();
		}
	});
});

describe('dataset lifecycle', () => {
	const small =
		'Date,SKU,Qty,Price\n2011-01-03,A,1,2.50\n2011-01-05,B,2,3.00\n2011-01-20,A,3,2.50\n';

	it('delete drops the table and frees both rows', async () => {
		const { service, db } = await makeService();
		const { meta } = await importText(service, 'small.csv', small);
		expect(await db.datasetBlobs.count()).toBe(1);
		await service.deleteDataset(meta.id);
		expect(await db.datasetBlobs.count()).toBe(0);
		expect(await service.listDatasets()).toEqual([]);
		expect((await service.storageInfo()).usedBytes).toBe(0);
		await expect(
			service.querySeries(meta.id, { productIds: null, freq: 'day', measure: 'units' }),
		).rejects.toMatchObject({ name: 'DatasetNotFound' });
	}, 60_000);

	it('a quota error keeps earlier datasets and writes nothing for the new one', async () => {
		const db = freshDb();
		const { service } = await makeService(db);
		const first = await importText(service, 'first.csv', small, 'First');
		// The blob write succeeds, then the metadata write hits the quota: the transaction must roll back.
		const realPut = db.datasets.put.bind(db.datasets);
		db.datasets.put = (() =>
			Promise.reject(
				new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
			)) as unknown as typeof db.datasets.put;
		const preview = await service.previewFile(toInput('second.csv', small));
		await expect(
			service.commitImport(preview.importId, {
				mapping: preview.mapping,
				dateOrder: preview.dateOrder,
				datasetName: 'Second',
			}),
		).rejects.toMatchObject({
			name: 'QuotaExceededError',
			code: 'data_quota',
			params: expect.objectContaining({ name: 'Second' }),
		});
		db.datasets.put = realPut;
		expect(await db.datasetBlobs.count()).toBe(1);
		expect((await service.listDatasets()).map((d) => d.name)).toEqual(['First']);
		const s = await service.querySeries(first.meta.id, {
			productIds: ['A'],
			freq: 'week',
			measure: 'units',
		});
		expect(Array.from(s.y)).toEqual([1, 0, 3]);
	}, 60_000);

	it('loadDemo gunzips the demo file and imports it with the auto mapping', async () => {
		const gz = gzipSync(Buffer.from(demoHead(3000)));
		const { service } = await makeService(freshDb(), {
			fetchDemo: async () =>
				gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer,
		});
		const meta = await service.loadDemo();
		expect(meta.name).toBe('Demo: UK online gift shop');
		expect(meta.fileName).toBe('online-retail.csv');
		expect(meta.report.rowsRead).toBe(2999);
		expect(meta.mapping.product).toBe('StockCode');
	}, 60_000);
});
