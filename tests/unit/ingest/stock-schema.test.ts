// The stock and supply schema (src/core/ingest/schemas/stock.ts): English and Chinese headers are
// recognised, cells parsed with the import's parsers, problems name file, row and column; a dated
// file is a stock history whose latest row per product is the current stock.
import { describe, expect, it } from 'vitest';
import { guessStockMapping, parseStock } from '../../../src/core/ingest/schemas/stock';
import { translate } from '../../../src/lib/i18n/translate';

describe('stock schema', () => {
	it.each([
		[
			[
				'SKU',
				'On hand',
				'On order',
				'ETA',
				'Lead time (days)',
				'Lead time SD',
				'MOQ',
				'Pack size',
				'Unit cost',
				'Price',
				'Supplier',
			],
			{
				sku: 'SKU',
				onHand: 'On hand',
				onOrder: 'On order',
				expectedDate: 'ETA',
				leadTimeMean: 'Lead time (days)',
				leadTimeSd: 'Lead time SD',
				moq: 'MOQ',
				pack: 'Pack size',
				unitCost: 'Unit cost',
				price: 'Price',
				supplier: 'Supplier',
			},
		],
		[
			[
				'商品编码',
				'库存',
				'在途',
				'预计到货日期',
				'交期',
				'起订量',
				'箱规',
				'成本',
				'售价',
				'供应商',
			],
			{
				sku: '商品编码',
				onHand: '库存',
				onOrder: '在途',
				expectedDate: '预计到货日期',
				leadTimeMean: '交期',
				moq: '起订量',
				pack: '箱规',
				unitCost: '成本',
				price: '售价',
				supplier: '供应商',
			},
		],
		// WooCommerce's product export (walk14): "In stock?" is 1 / 0 and came before the count "Stock",
		// and "Sale price" (empty unless on sale) took the price from "Regular price"
		[
			[
				'ID',
				'Type',
				'SKU',
				'Name',
				'Published',
				'Is featured?',
				'Visibility in catalog',
				'In stock?',
				'Stock',
				'Regular price',
				'Sale price',
				'Categories',
				'Tags',
			],
			{ sku: 'SKU', onHand: 'Stock', price: 'Regular price' },
		],
		[['Item code', 'In stock'], { sku: 'Item code', onHand: 'In stock' }],
	])('maps %j', (headers, expected) => {
		expect(guessStockMapping(headers)).toEqual(expected);
	});

	it('parses numbers the import way and names bad cells by file, row and column', () => {
		const header = ['sku', 'on hand', 'lead time', 'moq', 'pack size', 'unit cost'];
		const rows = [
			['A1', '1,250', '14', '24', '6', '£2.10'],
			['B2', 'lots', '21', '', '12', '3'],
			['', '', '', '', '', ''],
			['C3', '4', '-3', '0', '0', '1'],
		];
		const r = parseStock('stock.csv', header, rows);
		expect(r.rows[0]).toEqual({
			productId: 'A1',
			onHand: 1250,
			leadTimeMeanDays: 14,
			moq: 24,
			pack: 6,
			unitCost: 2.1,
		});
		expect(r.rows[1]).toEqual({ productId: 'B2', leadTimeMeanDays: 21, pack: 12, unitCost: 3 });
		const bad = r.issues.map((i) => [i.row, i.column, i.message.code]);
		expect(bad).toEqual([
			[2, 'on hand', 'plan_stock_bad_number'],
			[4, 'lead time', 'plan_stock_out_of_range'],
			[4, 'pack size', 'plan_stock_out_of_range'],
		]);
		expect(translate('en', r.issues[0].message.code, r.issues[0].message.params)).toBe(
			'stock.csv, row 2, column "on hand": "lots" is not a number; the cell was left out.',
		);
		expect(translate('zh-CN', r.issues[0].message.code, r.issues[0].message.params)).toContain(
			'第 2 行',
		);
	});

	it('reads a German stock file: its headers, and "1.200" as 1,200 units beside decimal-comma prices (walk17)', () => {
		const header = [
			'Artikelnummer',
			'Bestand',
			'Bestellt',
			'Lieferzeit (Tage)',
			'Mindestbestellmenge',
			'Verpackungseinheit',
			'Einkaufspreis',
			'Lieferant',
		];
		expect(guessStockMapping(header)).toEqual({
			sku: 'Artikelnummer',
			onHand: 'Bestand',
			onOrder: 'Bestellt',
			leadTimeMean: 'Lieferzeit (Tage)',
			moq: 'Mindestbestellmenge',
			pack: 'Verpackungseinheit',
			unitCost: 'Einkaufspreis',
			supplier: 'Lieferant',
		});
		const r = parseStock('lagerbestand.csv', header, [
			['DE-1000', '1.200', '0', '28', '5', '1', '555,55', 'Müller Textil GmbH'],
			['DE-1001', '17', '10', '21', '10', '5', '48,83', 'Böhm & Söhne'],
		]);
		expect(r.issues).toEqual([]);
		expect(r.rows[0]).toMatchObject({ productId: 'DE-1000', onHand: 1200, unitCost: 555.55 });
		expect(r.rows[1]).toMatchObject({ onHand: 17, onOrder: 10, pack: 5, unitCost: 48.83 });
		expect(r.rows[1].supplier).toBe('Böhm & Söhne');
	});

	it('a file without a product column is an error naming the columns found', () => {
		const r = parseStock('s.csv', ['qty', 'cost'], [['1', '2']]);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0].severity).toBe('error');
		expect(translate('en', r.issues[0].message.code, r.issues[0].message.params)).toContain(
			'qty, cost',
		);
	});

	it('a dated file is a stock history: latest row per product, every count kept', () => {
		const r = parseStock(
			'h.csv',
			['date', 'sku', 'stock', 'supplier'],
			[
				['2011-09-02', 'A', '0', 'Acme'],
				['2011-09-01', 'A', '5', ''],
				['2011-09-03', 'A', '7', ''],
				['2011-09-01', 'B', '2', 'Bolt'],
			],
		);
		expect(r.history.map((h) => [h.productId, h.onHand])).toEqual([
			['A', 5],
			['A', 0],
			['A', 7],
			['B', 2],
		]);
		const a = r.rows.find((x) => x.productId === 'A')!;
		expect(a.onHand).toBe(7);
		expect(a.supplier).toBe('Acme');
		expect(r.issues).toEqual([]);
	});

	it('a repeated product without dates is reported', () => {
		const r = parseStock(
			'd.csv',
			['sku', 'stock'],
			[
				['A', '1'],
				['A', '2'],
			],
		);
		expect(r.rows).toEqual([{ productId: 'A', onHand: 2 }]);
		expect(r.issues[0].message.code).toBe('plan_stock_duplicate_sku');
		expect(r.issues[0].row).toBe(2);
	});

	it('adds up the stock of several locations per product (Shopify inventory export, walk15)', () => {
		const header = [
			'Handle',
			'Title',
			'SKU',
			'Location',
			'Incoming',
			'Unavailable',
			'Committed',
			'Available',
			'On hand',
		];
		expect(guessStockMapping(header)).toMatchObject({
			sku: 'SKU',
			location: 'Location',
			onHand: 'On hand',
			onOrder: 'Incoming',
		});
		const r = parseStock('inventory.csv', header, [
			['mug', 'Mug', 'M-1', 'Leeds – Briggate', '0', '0', '1', '4', '5'],
			['mug', 'Mug', 'M-1', 'York – Stonegate', '12', '0', '0', '7', '7'],
			['bag', 'Bag', 'B-1', 'Leeds – Briggate', '', '0', '0', '0', '0'],
			['bag', 'Bag', 'B-1', 'York – Stonegate', '6', '0', '0', '3', '3'],
		]);
		expect(r.rows).toEqual([
			{ productId: 'M-1', onHand: 12, onOrder: 12 },
			{ productId: 'B-1', onHand: 3, onOrder: 6 },
		]);
		// no "appears again" warning: each row is another location; one note says what was added up
		expect(r.issues.map((i) => i.message.code)).toEqual(['plan_stock_locations_summed']);
		const said = translate('en', r.issues[0].message.code, r.issues[0].message.params);
		expect(said).toContain('2 locations');
		expect(said).toContain('Leeds – Briggate, York – Stonegate');
		expect(translate('zh-CN', r.issues[0].message.code, r.issues[0].message.params)).toContain(
			'2 个库存地点',
		);
	});

	it('reads a Chinese stock sheet with a 仓库 column and names the warehouses the Chinese way (walk16)', () => {
		const r = parseStock(
			'库存表.csv',
			['商家编码', '宝贝名称', '仓库', '可用库存', '成本价', '销售价'],
			[
				['HZ00001', '羊毛针织衫女 款001', '杭州仓', '30', '71.55', '159.00'],
				['HZ00001', '羊毛针织衫女 款001', '广州仓', '5', '71.55', '159.00'],
			],
		);
		expect(r.rows).toMatchObject([{ productId: 'HZ00001', onHand: 35, unitCost: 71.55 }]);
		const m = r.issues[0].message;
		// “（杭州仓, 广州仓）” read as an English list in the Chinese sentence
		expect(translate('zh-CN', m.code, m.params)).toContain('2 个库存地点（杭州仓、广州仓）');
		expect(translate('en', m.code, m.params)).toContain('(杭州仓, 广州仓)');
	});

	it('per location: the latest count of each, added up; a repeat at one location is still reported; differing terms are named', () => {
		const header = ['SKU', 'Store', 'Date', 'Stock', 'Lead time', 'MOQ'];
		const r = parseStock('counts.csv', header, [
			['A', 'North', '2011-09-01', '10', '14', '12'],
			['A', 'South', '2011-09-01', '4', '14', '12'],
			['A', 'North', '2011-09-08', '6', '14', '12'],
			['A', 'South', '2011-09-10', '1', '21', '12'],
		]);
		expect(r.mapping.location).toBe('Store');
		// the current stock: North's 6 of the 8th + South's 1 of the 10th; dated the 10th
		expect(r.rows).toHaveLength(1);
		expect(r.rows[0]).toMatchObject({ productId: 'A', onHand: 7, leadTimeMeanDays: 14, moq: 12 });
		expect(r.rows[0].asOf).toBe(Date.UTC(2011, 8, 10));
		// the history: each day, every location's last count added up
		expect(r.history).toEqual([
			{ productId: 'A', ds: Date.UTC(2011, 8, 1), onHand: 14 },
			{ productId: 'A', ds: Date.UTC(2011, 8, 8), onHand: 10 },
			{ productId: 'A', ds: Date.UTC(2011, 8, 10), onHand: 7 },
		]);
		const differs = r.issues.find((i) => i.message.code === 'plan_stock_location_differs');
		expect(differs).toMatchObject({ row: 4, column: 'Lead time' });
		expect(translate('en', differs!.message.code, differs!.message.params)).toContain(
			'21 at this location but 14',
		);

		const dup = parseStock(
			'd.csv',
			['sku', 'location', 'stock'],
			[
				['A', 'North', '1'],
				['A', 'North', '2'],
				['A', 'South', '5'],
			],
		);
		expect(dup.rows).toEqual([{ productId: 'A', onHand: 7 }]);
		expect(dup.issues.map((i) => i.message.code)).toEqual([
			'plan_stock_duplicate_sku',
			'plan_stock_locations_summed',
		]);
		// one location named in every row: nothing to add up, no note
		const one = parseStock(
			'o.csv',
			['sku', 'location', 'stock'],
			[
				['A', 'North', '1'],
				['B', 'North', '2'],
			],
		);
		expect(one.rows).toEqual([
			{ productId: 'A', onHand: 1 },
			{ productId: 'B', onHand: 2 },
		]);
		expect(one.issues).toEqual([]);
	});

	it('reads one-season columns: clearance value and season end, en and zh', () => {
		for (const [salvage, end] of [
			['Clearance price', 'Season end'],
			['清仓价', '季末日期'],
		]) {
			const header = ['SKU', 'On hand', salvage, end];
			const r = parseStock('s.csv', header, [
				['A1', '5', '12.5', '2024-03-31'],
				['A2', '1', 'cheap', '31/03/2024'],
			]);
			expect(r.mapping).toMatchObject({ salvage, seasonEnd: end });
			expect(r.rows[0]).toMatchObject({ salvage: 12.5, seasonEnd: Date.UTC(2024, 2, 31) });
			expect(r.rows[1].salvage).toBeUndefined();
			const bad = r.issues.find((i) => i.column === salvage);
			expect(bad).toMatchObject({ severity: 'error', row: 2 });
		}
	});
});
