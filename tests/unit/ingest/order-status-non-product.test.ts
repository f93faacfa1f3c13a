// The pure rules behind two import rules: which order statuses are not sales, and which product codes
// are not products (table-driven, on the real values of Shopify, WooCommerce, Square, Chinese
// marketplaces and the UCI Online Retail file).
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/core/ingest/columns';
import { nonProductReason, type ProductCodeStats } from '../../../src/core/ingest/non-product';
import { classifyStatus, statusShare } from '../../../src/core/ingest/order-status';

describe('order status', () => {
	it.each([
		['refunded', 'excluded'],
		['Voided', 'excluded'],
		['cancelled', 'excluded'],
		['CANCELED', 'excluded'],
		['wc-failed', 'excluded'],
		['Failed', 'excluded'],
		['已退款', 'excluded'],
		['已取消', 'excluded'],
		['交易关闭', 'excluded'],
		['pending', 'pending'],
		['On hold', 'pending'],
		['on-hold', 'pending'],
		['authorized', 'pending'],
		['待付款', 'pending'],
		['OPEN', 'pending'],
		['paid', 'kept'],
		['partially_refunded', 'kept'],
		['Completed', 'kept'],
		['COMPLETED', 'kept'],
		['交易成功', 'kept'],
		['', null],
		['California', null],
	] as const)('%s → %s', (raw, cls) => {
		expect(classifyStatus(raw)).toBe(cls);
	});

	it('is found as a column role in English and Chinese, but not in a column of US states', () => {
		const shopify = guessMapping([
			{ name: 'Name', sample: ['#1001', '#1002'] },
			{ name: 'Financial Status', sample: ['paid', 'refunded', 'paid'] },
			{ name: 'Created at', sample: ['2024-03-01 10:00:00 +0100', '2024-03-02 10:00:00 +0100'] },
			{ name: 'Lineitem sku', sample: ['A-1', 'B-2'] },
			{ name: 'Lineitem quantity', sample: ['1', '2'] },
		]);
		expect(shopify.status).toBe('Financial Status');
		const woo = guessMapping([
			{ name: 'Order Status', sample: ['wc-completed', 'wc-refunded'] },
			{ name: 'Order Date', sample: ['2024-03-01', '2024-03-02'] },
		]);
		expect(woo.status).toBe('Order Status');
		const taobao = guessMapping([
			{ name: '订单状态', sample: ['交易成功', '交易关闭', '已退款'] },
			{ name: '下单时间', sample: ['2024-03-01 10:00', '2024-03-02 11:00'] },
		]);
		expect(taobao.status).toBe('订单状态');
		const states = guessMapping([
			{ name: 'State', sample: ['California', 'Texas', 'Ohio'] },
			{ name: 'Date', sample: ['2024-03-01'] },
		]);
		expect(states.status).toBeUndefined();
		expect(states.store).toBe('State');
		expect(statusShare(['paid', 'refunded', 'Texas'])).toBeCloseTo(2 / 3);
	});

	it('knows the whole states a Taobao / Tmall, JD or Pinduoduo export writes (walk12)', () => {
		expect(
			[
				'卖家已发货，等待买家确认',
				'卖家已发货, 等待买家确认',
				'买家已付款，等待卖家发货',
				'等待买家付款',
				'退款中',
				'完成',
				'已发货，待签收',
				'未发货，退款成功',
			].map(classifyStatus),
		).toEqual(['kept', 'kept', 'pending', 'pending', 'pending', 'kept', 'kept', 'excluded']);
		// a month's export where most orders are still on their way: the column is still the status
		// (was unmapped, so its 交易关闭 orders counted as sales)
		const recent = guessMapping([
			{
				name: '订单状态',
				sample: [
					'卖家已发货，等待买家确认',
					'交易成功',
					'卖家已发货，等待买家确认',
					'买家已付款，等待卖家发货',
					'交易关闭',
				],
			},
			{ name: '订单创建时间', sample: ['2024-11-11 00:01:02', '2024-11-12 10:00:00'] },
		]);
		expect(recent.status).toBe('订单状态');
	});

	it('knows the German status words of Shopware / WooCommerce exports and maps the columns (walk17)', () => {
		expect(
			[
				'Abgeschlossen',
				'Storniert',
				'Erstattet',
				'Teilweise erstattet',
				'In Bearbeitung',
				'Offen',
				'Bezahlt',
				'Storniert / Abgelehnt',
				'Rückerstattet',
				'Versandt',
			].map(classifyStatus),
		).toEqual([
			'kept',
			'excluded',
			'excluded',
			'kept',
			'pending',
			'pending',
			'kept',
			'excluded',
			'excluded',
			'kept',
		]);
		// a Shopware-style export: was left "Not used" (its Storniert orders counted as sales) and the
		// product name column too
		const m = guessMapping([
			{ name: 'Bestellnummer', sample: ['SW536370', 'SW536375'] },
			{ name: 'Bestelldatum', sample: ['01.12.2010 08:45', '01.12.2010 09:32'] },
			{ name: 'Artikelnummer', sample: ['DE-1036', 'DE-1021'] },
			{ name: 'Artikelname', sample: ['Mütze Strick Größe S', 'Weiße Bluse Größe M'] },
			{ name: 'Menge', sample: ['4', '1'] },
			{ name: 'Bestellstatus', sample: ['Abgeschlossen', 'Abgeschlossen', 'Storniert'] },
		]);
		expect(m.status).toBe('Bestellstatus');
		expect(m.description).toBe('Artikelname');
		expect(m.product).toBe('Artikelnummer');
		expect(m.order).toBe('Bestellnummer');
	});
});

describe('non-product lines', () => {
	const code = (
		productId: string,
		description: string,
		extra: Partial<ProductCodeStats> = {},
	): ProductCodeStats => ({
		productId,
		description,
		lines: 50,
		medianQuantity: 6,
		priceCv: 0.1,
		...extra,
	});
	it.each([
		[code('POST', 'POSTAGE'), 'fee_description'],
		[code('DOT', 'DOTCOM POSTAGE'), 'fee_description'],
		[code('BANK CHARGES', 'Bank Charges'), 'fee_code'],
		[code('AMAZONFEE', 'AMAZON FEE'), 'fee_code'],
		[code('C2', 'CARRIAGE'), 'fee_description'],
		[code('CRUK', 'CRUK Commission'), 'fee_description'],
		[code('gift_0001_10', 'Dotcomgiftshop Gift Voucher £10.00'), 'fee_description'],
		[code('SHIP-STD', 'Standard Shipping'), 'fee_description'],
		[code('X1', '运费'), 'fee_description'],
		// Taobao top-up listings (walkthrough: a Tmall export's 运费补差价 lines were counted as a product)
		[code('运费补差价 专拍链接', ''), 'fee_code'],
		[code('L-9', '补邮费专用链接'), 'fee_description'],
		[code('L-10', '差价链接 补多少拍多少'), 'fee_description'],
		[code('TIP-1', 'Tip'), 'fee_description'],
		// WooCommerce shipping and fee items written as order lines (walk14: counted as products)
		[code('', 'Shipping: Flat rate'), 'fee_description'],
		[code('Shipping – UPS Ground', ''), 'fee_code'],
		[code('W-1', 'Local pickup'), 'fee_description'],
		[code('Gift wrapping fee', 'Gift wrapping fee'), 'fee_description'],
		[code('Rush handling fee', ''), 'fee_code'],
		[code('F-2', 'Card surcharge'), 'fee_description'],
		[code('ADJ', 'misc', { lines: 40, medianQuantity: 1, priceCv: 2.5 }), 'fee_pattern'],
	] as const)('%o → %s', (stats, reason) => {
		expect(nonProductReason(stats)).toBe(reason);
	});

	it.each([
		code('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER'),
		code('DCGSSGIRL', 'GIRLS PARTY BAG'),
		code('SCARF', 'Silk scarf', { medianQuantity: 1, priceCv: 0.2 }),
		code('22423', 'REGENCY CAKESTAND 3 TIER'),
		code('真维斯 女装牛仔裤 款3048', ''),
		code('包邮 纯棉T恤 差不多', ''),
		code('B', ''),
		code('S', 'Small tee'),
		code('POSTCARD', 'Postcard set of 6'),
		code('TOF-1', 'Toffee'),
		code('FR-1', 'Flat rate envelope 10-pack'),
		code('SH-2', 'Shipping box kit: small'),
		code('CF-3', 'Coffee'),
		code('WRAP', 'Gift wrap paper roll', { medianQuantity: 1, priceCv: 0.3, lines: 5 }),
	])('%o is a product', (stats) => {
		expect(nonProductReason(stats)).toBeNull();
	});
});
