// Import problems end to end (real DuckDB in Node): wrong file types, empty and malformed files, other
// encodings and delimiters, ambiguous dates, and bad cells reported with file, row, column and value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localeDateOrder } from '../../../src/core/ingest/parse';
import type { ImportPreview } from '../../../src/core/ingest/types';
import { translate } from '../../../src/lib/i18n/translate';
import { issueText, makeService, toInput } from './harness';

const FIX = join(__dirname, '../../fixtures/ingest');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	service = (await makeService()).service;
}, 60_000);

const commit = (p: ImportPreview, dateOrder = p.dateOrder, mapping = p.mapping) =>
	service.commitImport(p.importId, { mapping, dateOrder, datasetName: p.fileName });
const codes = (p: { issues: { code: string }[] }) => p.issues.map((i) => i.code);

describe('files that are not sales tables', () => {
	const cases: [name: string, bytes: Uint8Array, code: string, message: RegExp][] = [
		[
			'photo.png',
			fixture('not-a-table.png'),
			'wrong-type',
			/photo\.png looks like a PNG image, not a data table/,
		],
		['empty.csv', fixture('empty.csv'), 'empty-file', /empty/],
		['blank.csv', new TextEncoder().encode('\n\n  \n'), 'empty-file', /empty/],
		['header-only.csv', new TextEncoder().encode('date,sku,qty\n'), 'no-rows', /no data rows/],
		[
			'one-column.csv',
			new TextEncoder().encode('hello\nworld\n'),
			'too-few-columns',
			/only one column/,
		],
		[
			'book.xlsx',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('..xl/workbook.xml')]),
			'xlsx-unreadable',
			/Save As.*CSV/,
		],
		[
			'm4.csv',
			fixture('m4_weekly_train.csv'),
			'no-date-column',
			/No column of m4\.csv looks like a sale date/,
		],
	];
	it.each(cases.map(([name, bytes, code, message]) => ({ name, bytes, code, message })))(
		'$name → $code',
		async ({ name, bytes, code, message }) => {
			const p = await service.previewFile(toInput(name, bytes));
			const issue = p.issues.find((i) => i.code === code);
			expect(issue, JSON.stringify(p.issues)).toBeDefined();
			expect(issue!.severity).toBe('error');
			expect(issueText(issue)).toMatch(message);
			expect(issue!.file).toBe(name);
		},
	);

	it('flags a header line that looks like data', async () => {
		const p = await service.previewFile(toInput('nohead.csv', '2011-01-18,A,1\n2011-01-19,B,2\n'));
		expect(codes(p)).toContain('no-header');
	});

	it('takes numbered column names of a wide table (0, 1, 2, …) as a header', async () => {
		const wide = 'sku,0,1,2,3,release_date\nA,5,3,2,1,2016-12-01\nB,4,4,1,0,2016-12-02\n';
		expect(codes(await service.previewFile(toInput('wide.csv', wide)))).not.toContain('no-header');
		// …but a first line of real numbers is still data
		const data = '2016-12-01,7,3,9\n2016-12-02,4,4,1\n';
		expect(codes(await service.previewFile(toInput('nums.csv', data)))).toContain('no-header');
	});

	it('a German export: Menge "1.200" beside Einzelpreis "43,70 €" is 1,200 units, not 1.2 (walk17)', async () => {
		const csv =
			'Bestelldatum;Artikelnummer;Menge;Einzelpreis\n' +
			'03.01.2011 10:00;A;4;43,70 €\n' +
			'04.01.2011 10:00;A;1.200;1.234,56 €\n' +
			'05.01.2011 10:00;B;12;9,90 €\n';
		const p = await service.previewFile(toInput('bestellungen.csv', csv));
		const m = await commit(p);
		const units = await service.productSummary(m.id);
		expect(units.map((u) => [u.productId, u.units])).toEqual([
			['A', 1204],
			['B', 12],
		]);
	});

	it('imports without a quantity column (a row is one unit) or a product column (one series)', async () => {
		const noQty = 'Date,SKU\n2011-01-03,A\n2011-01-03,A\n2011-01-04,B\n2011-01-10,A\n';
		const p1 = await service.previewFile(toInput('lines.csv', noQty));
		expect(codes(p1)).toContain('no-quantity');
		expect(p1.mapping.quantity).toBeUndefined();
		const m1 = await commit(p1);
		const units = await service.productSummary(m1.id);
		expect(units.map((u) => [u.productId, u.units])).toEqual([
			['A', 3],
			['B', 1],
		]);
		const noSku = 'Date,Qty\n2011-01-03,2\n2011-01-04,5\n2011-01-11,1\n';
		const p2 = await service.previewFile(toInput('till.csv', noSku));
		expect(codes(p2)).toContain('no-product');
		const m2 = await commit(p2);
		const weekly = await service.querySeries(m2.id, {
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		expect(Array.from(weekly.y)).toEqual([7, 1]);
		expect((await service.productSummary(m2.id)).map((u) => u.units)).toEqual([8]);
	});

	it('rejects a commit for an unknown import or a mapping without a date', async () => {
		await expect(
			service.commitImport('nope', { mapping: {}, dateOrder: 'ymd', datasetName: 'x' }),
		).rejects.toMatchObject({ name: 'ImportNotFound' });
		const p = await service.previewFile(toInput('m4.csv', fixture('m4_weekly_train.csv')));
		await expect(commit(p)).rejects.toMatchObject({ name: 'InvalidMapping' });
		await expect(commit(p, 'ymd', { date: 'Nope', product: 'series_id' })).rejects.toMatchObject({
			name: 'InvalidMapping',
			message: expect.stringContaining('"Nope"'),
		});
	});
});

describe('encodings and delimiters', () => {
	it('imports a GBK (Chinese Excel) export', async () => {
		const p = await service.previewFile(toInput('销售.csv', fixture('zh-gbk.csv')));
		expect(p.encoding).toBe('gb18030');
		expect(p.mapping).toMatchObject({
			date: '日期',
			product: '商品',
			quantity: '数量',
			revenue: '金额',
			store: '门店',
		});
		const meta = await commit(p);
		const summary = await service.productSummary(meta.id);
		const dress = summary.find((s) => s.productId === '连衣裙');
		expect(dress).toMatchObject({ units: 1, revenue: 1299 });
		expect(summary.map((s) => s.productId).sort()).toEqual(['T恤衫', '牛仔裤', '连衣裙'].sort());
	});

	const german: [file: string, encoding: string][] = [
		['de-semicolon.csv', 'utf-8'],
		['de-utf16-bom.csv', 'utf-16le'],
		['de-utf16be-nobom.csv', 'utf-16be'],
		['de-cp1252.csv', 'windows-1252'],
	];
	it.each(german)(
		'imports German semicolon CSV %s (%s) with decimal commas and € amounts',
		async (file, encoding) => {
			const p = await service.previewFile(toInput(file, fixture(file)));
			expect(p.encoding).toBe(encoding);
			expect(p.delimiter).toBe(';');
			expect(p.dateOrder).toBe('dmy');
			expect(p.dateOrderAmbiguous).toBe(false);
			expect(p.mapping).toMatchObject({
				date: 'Datum',
				product: 'Artikelnummer',
				quantity: 'Menge',
				unitPrice: 'Einzelpreis',
				revenue: 'Umsatz',
			});
			const meta = await commit(p);
			expect(meta.report.invalidRows).toBe(0);
			const r = await service.runSql(
				meta.id,
				'SELECT product_id, description, quantity, unit_price, revenue, ds FROM sales ORDER BY ds',
			);
			expect(r.rows).toEqual([
				['A-100', 'Café Crème Tasse', 2, 1234.5, 2469, '2011-01-18 00:00:00'],
				['A-101', 'Größe M', 1, 9.99, 9.99, '2011-01-19 00:00:00'],
			]);
		},
	);

	it('imports the first sheet of an Excel workbook, date cells included', async () => {
		const p = await service.previewFile(toInput('sales.xlsx', fixture('sales.xlsx')));
		expect(p.format).toBe('xlsx');
		expect(p.mapping).toMatchObject({
			date: 'Date',
			product: 'SKU',
			quantity: 'Qty',
			unitPrice: 'Unit price',
		});
		const meta = await commit(p);
		expect(meta.report).toMatchObject({ rowsRead: 3, rowsImported: 2, returnRows: 1 });
		const r = await service.runSql(
			meta.id,
			'SELECT product_id, ds, revenue FROM sales ORDER BY ds',
		);
		expect(r.rows).toEqual([
			['TS-01', '2011-01-18 00:00:00', 37.5],
			['DR-07', '2011-01-19 00:00:00', 49.9],
		]);
	});

	it('imports JSON records and TSV', async () => {
		const json = JSON.stringify([
			{ date: '2011-01-18', sku: 'A', qty: 2, price: 1.5 },
			{ date: '2011-01-19', sku: 'B', qty: 1, price: 2 },
		]);
		const pj = await service.previewFile(toInput('orders.json', json));
		expect(pj.format).toBe('json');
		const mj = await commit(pj);
		expect(mj.report.rowsImported).toBe(2);
		expect((await service.productSummary(mj.id)).find((s) => s.productId === 'A')?.revenue).toBe(3);
		const pt = await service.previewFile(
			toInput('orders.tsv', 'Date\tSKU\tQty\n2011-01-18\tA\t4\n'),
		);
		expect(pt).toMatchObject({ format: 'tsv', delimiter: '\t' });
		expect((await commit(pt)).report.rowsImported).toBe(1);
	});
});

describe('cell problems are located by file, row, column and value', () => {
	const text = [
		'Date,SKU,Qty,Price',
		'2011-01-18,A,1,2.50', // 1
		'2011-02-30,A,1,2.50', // 2 bad date
		'2011-01-19,,2,abc', // 3 blank product, bad price
		',B,1,1', // 4 missing date
		'2011-01-20,B,lots,1', // 5 bad quantity
		'2011-01-20,B,12%,1', // 6 bad quantity
		'2011-01-21,B,(3),1', // 7 return
		'2011-01-18,A,1,2.50', // 8 duplicate of 1
		'2011-01-22,C,,1', // 9 missing quantity
	].join('\n');

	it('reports each problem once with its first row and count', async () => {
		const p = await service.previewFile(toInput('dirty.csv', text));
		const meta = await commit(p);
		const r = meta.report;
		expect(r).toMatchObject({
			rowsRead: 9,
			duplicateRows: 1,
			invalidRows: 5,
			returnRows: 1,
			returnUnits: 3,
			rowsImported: 2,
		});
		const by = (code: string) => r.issues.find((i) => i.code === code);
		expect(by('bad-date')).toMatchObject({
			file: 'dirty.csv',
			row: 2,
			column: 'Date',
			count: 1,
			severity: 'error',
		});
		expect(issueText(by('bad-date'))).toContain('"2011-02-30" is not a date');
		expect(by('missing-date')).toMatchObject({ row: 4, column: 'Date', count: 1 });
		expect(by('bad-quantity')).toMatchObject({ row: 5, column: 'Qty', count: 2 });
		expect(issueText(by('bad-quantity'))).toContain('"lots"');
		expect(by('missing-quantity')).toMatchObject({ row: 9, count: 1 });
		expect(by('bad-price')).toMatchObject({
			row: 3,
			column: 'Price',
			count: 1,
			severity: 'warning',
		});
		expect(by('missing-product')).toMatchObject({ row: 3, column: 'SKU', count: 1 });
		expect(by('duplicates')).toMatchObject({ row: 8, count: 1 });
		expect(by('returns')).toMatchObject({ row: 7, count: 1 });
		const summary = await service.productSummary(meta.id);
		expect(summary.map((s) => [s.productId, s.units]).sort()).toEqual([
			['(blank)', 2],
			['A', 1],
		]);
	});

	it('keys a line without a code by its name (a Square item or custom amount without SKU)', async () => {
		// walkthrough 2026-12-07: a Square export's Shipping and eGift Card lines (no SKU) all became
		// one product "(blank)" described as Shipping; an item sold without a SKU would merge the same way
		const p = await service.previewFile(
			toInput(
				'square.csv',
				[
					'Date,SKU,Item,Qty,Net Sales',
					'2025-01-18,A-1,Tote bag,1,£12.00',
					'2025-01-18,,Linen scarf,2,£30.00',
					'2025-01-19,,Linen scarf,1,£15.00',
					'2025-01-19,,Beeswax candle,1,£8.00',
					'2025-01-20,,,1,£5.00',
				].join('\n'),
			),
		);
		const meta = await commit(p);
		expect(meta.report.issues.find((i) => i.code === 'missing-product')).toMatchObject({
			row: 5,
			count: 1,
		});
		const summary = await service.productSummary(meta.id);
		expect(summary.map((s) => [s.productId, s.units]).sort()).toEqual([
			['(blank)', 1],
			['A-1', 1],
			['Beeswax candle', 1],
			['Linen scarf', 3],
		]);
	});

	it('reports a quote left open on a line, and the lines it cost, by line number', async () => {
		const p = await service.previewFile(toInput('malformed.csv', fixture('malformed.csv')));
		const issue = p.issues.find((i) => i.code === 'unbalanced-quote');
		expect(issue, JSON.stringify(p.issues)).toMatchObject({ file: 'malformed.csv' });
		// The line of the file (header = line 1) only, no data-row number next to it.
		expect(issue!.row).toBeUndefined();
		expect(issueText(issue)).toBe(
			'Line 3 of malformed.csv opens a quote (") that is never closed, so the line after it was not read as rows. Fix or remove that quote and import again.',
		);
		expect(codes(p)).not.toContain('malformed-rows');
		expect(p.rowCount).toBe(1);
		const meta = await commit(p);
		expect(meta.report.issues.map((i) => i.code)).toContain('unbalanced-quote');
	});

	it('pads rows with fewer fields (trailing empty cells) without complaint', async () => {
		const p = await service.previewFile(
			toInput('ragged.csv', 'date,sku,qty,note\n2011-01-18,A,1\n2011-01-19,B,2,"two\nlines"\n'),
		);
		expect(p.rowCount).toBe(2);
		expect(codes(p)).not.toContain('malformed-rows');
		expect((await commit(p)).report.rowsImported).toBe(2);
	});

	it('reports a row with too many fields', async () => {
		const p = await service.previewFile(
			toInput('wide.csv', 'date,sku,qty\n2011-01-18,A,1\n2011-01-19,B,2,9,9\n2011-01-20,C,3\n'),
		);
		expect(p.rowCount).toBe(2);
		const issue = p.issues.find((i) => i.code === 'malformed-rows');
		expect(issue).toMatchObject({ count: 1 });
		expect(issueText(issue)).toBe(
			'Line 3 of wide.csv has more fields than the header line; it was skipped. Expected “,”-separated fields with balanced double quotes.',
		);
	});

	it('counts skipped lines in the report: read and left out, not "4 of 4 rows read"', async () => {
		// a product name with an unquoted comma inside quotes splits into one field too many
		const text =
			'date,product,qty\n2011-01-03,Mug,1\n2011-01-04,Lamp "big,red" shade,2\n2011-01-05,Cup,3\n' +
			'2011-01-06,Plate,4\n2011-01-07,Bowl "a,b",5\n2011-01-08,Jar,6\n';
		const p = await service.previewFile(toInput('names.csv', text));
		expect(p.issues.find((i) => i.code === 'malformed-rows')).toMatchObject({ count: 2 });
		const meta = await commit(p);
		expect(meta.report).toMatchObject({ rowsRead: 6, rowsImported: 4, invalidRows: 2 });
	});
});

describe('date order', () => {
	it('asks when every date has day and month ≤ 12, and honours the choice', async () => {
		const p = await service.previewFile(toInput('amb.csv', fixture('ambiguous-dates.csv')));
		expect(p.dateOrderAmbiguous).toBe(true);
		expect(codes(p)).toContain('ambiguous-date-order');
		const dmy = await commit(p, 'dmy');
		const p2 = await service.previewFile(toInput('amb.csv', fixture('ambiguous-dates.csv')));
		const mdy = await commit(p2, 'mdy');
		expect(new Date(dmy.dateMin).toISOString().slice(0, 10)).toBe('2011-02-01');
		expect(new Date(mdy.dateMin).toISOString().slice(0, 10)).toBe('2011-01-02');
	});

	it('offers the browser locale’s order when the dates never say (walk14: en-US got "Day first")', async () => {
		expect(localeDateOrder('en-US')).toBe('mdy');
		expect(localeDateOrder('en-GB')).toBe('dmy');
		expect(localeDateOrder('de-DE')).toBe('dmy');
		expect(localeDateOrder('zh-CN')).toBe('dmy');
		expect(localeDateOrder('')).toBe('dmy');
		const file = 'Order Date,SKU,Quantity\n11/12/2018 22:10,A,1\n10/01/2018 07:03,B,2\n';
		try {
			vi.stubGlobal('navigator', { language: 'en-US' });
			const us = await service.previewFile(toInput('us.csv', file));
			expect(us).toMatchObject({ dateOrder: 'mdy', dateOrderAmbiguous: true });
			const meta = await commit(us);
			expect(new Date(meta.dateMax).toISOString().slice(0, 10)).toBe('2018-11-12');
			vi.stubGlobal('navigator', { language: 'en-GB' });
			const gb = await service.previewFile(toInput('gb.csv', file));
			expect(gb).toMatchObject({ dateOrder: 'dmy', dateOrderAmbiguous: true });
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('proves day-first from one value above 12', async () => {
		const p = await service.previewFile(
			toInput('dmy.csv', 'Date,SKU,Qty\n01/02/2011 10:01,A,1\n18/01/2011 10:01,B,2\n'),
		);
		expect(p).toMatchObject({ dateOrder: 'dmy', dateOrderAmbiguous: false });
		const meta = await commit(p);
		expect(new Date(meta.dateMax).toISOString()).toBe('2011-02-01T10:01:00.000Z');
	});

	it('words the expected order of an unreadable date in the reader’s language', async () => {
		const p = await service.previewFile(
			toInput('dmy-bad.csv', 'Date,SKU,Qty\n01/02/2011,A,1\n18/01/2011,B,2\n40/01/2011,C,3\n'),
		);
		expect(p.dateOrder).toBe('dmy');
		const bad = (await commit(p)).report.issues.find((i) => i.code === 'bad-date');
		expect(bad).toMatchObject({ row: 3, column: 'Date', count: 1 });
		expect(issueText(bad)).toContain('(expected day/month/year like 18/01/2011)');
		const zh = translate('zh-CN', bad!.msg!.code, bad!.msg!.params);
		expect(zh).toContain('应为日/月/年，如 18/01/2011');
		// no English words on a Chinese screen (the value and column name are the file's own)
		expect(zh.replace('“40/01/2011”', '').replace('“Date”', '')).not.toMatch(/[A-Za-z]{3,}/);
	});
});
