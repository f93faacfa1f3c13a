// Column-role guessing on the real headers and first rows of every file in /work/shared/data (copied
// to tests/fixtures/ingest) and on Shopify/WooCommerce/Square and German/French/Spanish/Chinese exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping, headerScore, normalizeHeader } from '../../../src/core/ingest/columns';
import { decodeBytes } from '../../../src/core/ingest/encoding';
import type { ColumnMapping } from '../../../src/core/ingest/types';
import { splitCsvLine } from '../data/harness';

const FIX = join(__dirname, '../../fixtures/ingest');

/** Header + rows of a small CSV fixture as ColumnSamples (no quoted newlines in these files). */
function columnsOf(text: string, delimiter = ',') {
	const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
	const split = (l: string) => (delimiter === ',' ? splitCsvLine(l) : l.split(delimiter));
	const header = split(lines[0]);
	const rows = lines.slice(1).map(split);
	return header.map((name, i) => ({ name, sample: rows.map((r) => r[i] ?? '') }));
}

const fixture = (name: string) => decodeBytes(new Uint8Array(readFileSync(join(FIX, name)))).text;

describe('guessMapping on the real shared datasets', () => {
	const cases: [file: string, expected: ColumnMapping][] = [
		[
			'online_retail_transactions.csv',
			{
				order: 'InvoiceNo',
				product: 'StockCode',
				description: 'Description',
				quantity: 'Quantity',
				date: 'InvoiceDate',
				unitPrice: 'UnitPrice',
				customer: 'CustomerID',
				store: 'Country',
			},
		],
		[
			'online_retail_weekly_top200_train.csv',
			{ product: 'series_id', date: 'date', quantity: 'value' },
		],
		[
			'online_retail_weekly_top200_products.csv',
			{ product: 'StockCode', description: 'description' },
		],
		[
			'aus_retail_aus_retail_monthly_train.csv',
			{
				store: 'state',
				category: 'industry',
				product: 'series_id',
				date: 'date',
				quantity: 'value',
			},
		],
		// M4's "date" is a period index (1, 2, …), not a calendar date.
		['m4_weekly_train.csv', { product: 'series_id', quantity: 'value' }],
		['m4_weekly_test.csv', { product: 'series_id', quantity: 'value' }],
		[
			'visuelle_train.csv',
			{ product: 'external_code', category: 'category', date: 'release_date' },
		],
		['visuelle_gtrends.csv', { date: 'date' }],
		[
			'womens_clothing_reviews_reviews.csv',
			{ product: 'Clothing ID', description: 'Title', category: 'Class Name' },
		],
		// StockX orders: one row per pair sold, the sneaker named only by "Sneaker Name".
		[
			'stockx_sneakers_stockx_sales.csv',
			{
				date: 'Order Date',
				product: 'Sneaker Name',
				category: 'Brand',
				unitPrice: 'Sale Price',
				store: 'Buyer Region',
			},
		],
		// Walmart store-weeks: "Weekly_Sales" is the sales amount in dollars (no units column).
		[
			'promotions_walmart_store_weeks_train.csv',
			{ store: 'Store', date: 'Date', revenue: 'Weekly_Sales' },
		],
	];
	it.each(cases)('%s', (file, expected) => {
		const cols = columnsOf(fixture(file));
		const mapping = guessMapping(cols);
		for (const [role, col] of Object.entries(expected))
			expect(mapping, role).toHaveProperty(role, col);
		// No column outside the expected ones is given one of the core roles.
		for (const role of ['date', 'product', 'quantity'] as const)
			if (!(role in expected)) expect(mapping[role], role).toBeUndefined();
	});
});

describe('guessMapping on shop-system exports', () => {
	const cases: [name: string, header: string[], row: string[], expected: ColumnMapping][] = [
		[
			'Shopify orders',
			[
				'Name',
				'Email',
				'Paid at',
				'Created at',
				'Lineitem quantity',
				'Lineitem name',
				'Lineitem price',
				'Lineitem sku',
				'Vendor',
				'Total',
			],
			[
				'#1001',
				'a@b.example',
				'2023-05-01 10:22:33 -0400',
				'2023-05-01 10:20:00 -0400',
				'2',
				'Linen shirt - M',
				'39.00',
				'LS-M',
				'Acme',
				'78.00',
			],
			{
				order: 'Name',
				customer: 'Email',
				date: 'Created at',
				quantity: 'Lineitem quantity',
				description: 'Lineitem name',
				unitPrice: 'Lineitem price',
				product: 'Lineitem sku',
				revenue: 'Total',
				// Shopify's Vendor is the brand: the closest thing to a category in that export.
				category: 'Vendor',
			},
		],
		[
			'Square item sales',
			[
				'Date',
				'Time',
				'Category',
				'Item',
				'Qty',
				'Price Point Name',
				'SKU',
				'Gross Sales',
				'Discounts',
				'Net Sales',
				'Location',
			],
			[
				'01/18/2011',
				'10:01',
				'Tops',
				'Tee',
				'1',
				'Regular',
				'TEE-1',
				'$19.99',
				'$0.00',
				'$19.99',
				'Main St',
			],
			{
				date: 'Date',
				category: 'Category',
				description: 'Item',
				quantity: 'Qty',
				product: 'SKU',
				revenue: 'Net Sales',
				store: 'Location',
				// Square's per-line discounts (Net Sales is already after them: not taken off again)
				discount: 'Discounts',
			},
		],
		[
			'WooCommerce orders',
			[
				'Order Number',
				'Order Date',
				'Product ID',
				'Product Name',
				'Quantity',
				'Item Cost',
				'Order Total',
				'Customer Email',
			],
			['1234', '2023-05-01 10:22', '87', 'Scarf', '1', '12.00', '12.00', 'c@d.example'],
			{
				order: 'Order Number',
				date: 'Order Date',
				product: 'Product ID',
				description: 'Product Name',
				quantity: 'Quantity',
				// An order total repeats on every line item: it must not become line revenue.
				unitPrice: 'Item Cost',
				customer: 'Customer Email',
			},
		],
		[
			'Shopify products report',
			[
				'Day',
				'Product Title',
				'Product Type',
				'Vendor',
				'Net quantity',
				'Gross sales',
				'Net sales',
			],
			['2023-05-01', 'Linen shirt', 'Shirts', 'Acme', '3', '117.00', '110.00'],
			{
				date: 'Day',
				// Without a SKU column the product name is the product key.
				product: 'Product Title',
				category: 'Product Type',
				quantity: 'Net quantity',
				revenue: 'Net sales',
			},
		],
		[
			'Chinese POS',
			['日期', '商品', '数量', '单价', '金额', '门店'],
			['2011-01-18', 'T恤衫', '2', '19.90', '39.80', '上海南京路店'],
			{
				date: '日期',
				product: '商品',
				quantity: '数量',
				unitPrice: '单价',
				revenue: '金额',
				store: '门店',
			},
		],
		[
			'German Kasse',
			['Datum', 'Artikelnummer', 'Bezeichnung', 'Menge', 'Einzelpreis', 'Umsatz', 'Filiale'],
			['18.01.2011', 'A-100', 'Tasse', '2', '1.234,50 €', '2.469,00 €', 'Köln'],
			{
				date: 'Datum',
				product: 'Artikelnummer',
				description: 'Bezeichnung',
				quantity: 'Menge',
				unitPrice: 'Einzelpreis',
				revenue: 'Umsatz',
				store: 'Filiale',
			},
		],
		[
			'French caisse',
			['Date de vente', 'Référence', 'Libellé', 'Quantité', 'Prix unitaire', 'Montant', 'Magasin'],
			['18/01/2011', 'R-1', 'Robe', '1', '49,90', '49,90', 'Lyon'],
			{
				date: 'Date de vente',
				product: 'Référence',
				description: 'Libellé',
				quantity: 'Quantité',
				unitPrice: 'Prix unitaire',
				revenue: 'Montant',
				store: 'Magasin',
			},
		],
		[
			'Spanish TPV',
			['Fecha', 'Código', 'Descripción', 'Cantidad', 'Precio unitario', 'Importe', 'Tienda'],
			['18/01/2011', 'C-1', 'Falda', '2', '19,95', '39,90', 'Madrid'],
			{
				date: 'Fecha',
				product: 'Código',
				description: 'Descripción',
				quantity: 'Cantidad',
				unitPrice: 'Precio unitario',
				revenue: 'Importe',
				store: 'Tienda',
			},
		],
		[
			// walkthrough 2026-12-07: 宝贝标题 was left unused and the colour/size column 商品属性 became
			// the product key, merging every listing's "颜色:黑色 2010;尺码:XL" into one product
			'Taobao / Tmall order export',
			[
				'订单编号',
				'订单创建时间',
				'宝贝标题',
				'商品属性',
				'购买数量',
				'商品单价',
				'实付金额',
				'订单状态',
			],
			[
				'1200000015838',
				'2015-09-14 05:55:16',
				'真维斯 女装牛仔裤 款3048',
				'颜色:黑色 2010;尺码:XL',
				'1',
				'￥399.00',
				'￥399.00',
				'交易成功',
			],
			{
				order: '订单编号',
				date: '订单创建时间',
				product: '宝贝标题',
				quantity: '购买数量',
				unitPrice: '商品单价',
				revenue: '实付金额',
				status: '订单状态',
			},
		],
		[
			// walk 2026-12-07 (walk12): a Tmall export with the shop's SKU code 商家编码 beside 商品名称 took
			// the name for the product key and left the code unused
			'Tmall order export with 商家编码',
			['订单编号', '商家编码', '商品名称', '商品属性', '购买数量', '商品单价', '订单创建时间'],
			[
				'5100000000332',
				'UN-001',
				'修身牛仔裤',
				'颜色:17 枣红色;尺码:160/84A/M',
				'1',
				'￥199.00',
				'2015/09/29 09:11:41',
			],
			{
				order: '订单编号',
				product: '商家编码',
				description: '商品名称',
				quantity: '购买数量',
				unitPrice: '商品单价',
				date: '订单创建时间',
			},
		],
		[
			'names only, no SKU',
			['Sale date', 'Item Name', 'Units'],
			['2011-01-18', 'Scarf', '3'],
			{ date: 'Sale date', product: 'Item Name', quantity: 'Units' },
		],
		[
			'date found by its values',
			['when', 'what', 'how many'],
			['18/01/2011', 'Scarf', '3'],
			{ date: 'when' },
		],
	];
	it.each(cases)('%s', (_name, header, row, expected) => {
		const mapping = guessMapping(header.map((name, i) => ({ name, sample: [row[i]] })));
		expect(mapping).toEqual(expected);
	});

	it('does not take a text column for a quantity just because of its header', () => {
		const mapping = guessMapping([
			{ name: 'Date', sample: ['2011-01-18'] },
			{ name: 'Quantity', sample: ['lots', 'few'] },
		]);
		expect(mapping.quantity).toBeUndefined();
	});
});

describe('header normalisation', () => {
	it.each([
		['Lineitem quantity', 'lineitemquantity'],
		['  Unit-Price (£) ', 'unitprice'],
		['商品 名称', '商品名称'],
	])('%s → %s', (raw, norm) => expect(normalizeHeader(raw)).toBe(norm));

	it('ranks exact synonyms above containment', () => {
		expect(headerScore('Qty', 'quantity')).toBeGreaterThan(
			headerScore('Qty sold total', 'quantity'),
		);
		expect(headerScore('Positive Feedback Count', 'quantity')).toBe(0);
	});
});
