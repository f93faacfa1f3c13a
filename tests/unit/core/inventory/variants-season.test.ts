// Styles and variants (src/core/inventory/variants.ts), the one-season (newsvendor) buy of plan.ts, and
// the plan worker API planning a style as one item and splitting its order over the variants.
import { describe, expect, it } from 'vitest';
import {
	groupStyles,
	isColour,
	isSize,
	parseVariant,
	poolStyles,
} from '../../../../src/core/inventory/variants';
import { planProduct, seasonBuy, type StockItem } from '../../../../src/core/inventory/plan';
import type { PeriodForecast } from '../../../../src/core/inventory/demand';
import { planApi } from '../../../../workers/plan-api';
import { qnorm } from '../../../../src/core/stats';

const DAY = 86_400_000;
const flat = (mean: number, sd: number, h: number): PeriodForecast => ({
	mean: new Float64Array(h).fill(mean),
	sd: new Float64Array(h).fill(sd),
	periodDays: 7,
});

describe('variants', () => {
	it('recognises sizes and colours, en and zh', () => {
		for (const s of ['M', 'xl', '2XL', '38', '9.5', '32x34', 'W32', 'EU 40', '均码', '170/88A'])
			expect(isSize(s), s).toBe(true);
		for (const s of ['Dress', '85123A', '120', 'Silk']) expect(isSize(s), s).toBe(false);
		for (const c of ['Navy', 'dark grey', '黑色', '2010 黑色']) expect(isColour(c), c).toBe(true);
		expect(isColour('Heart Holder')).toBe(false);
	});

	it('parses Shopify names, brackets, Tmall attributes and SKU suffixes', () => {
		expect(parseVariant('x1', 'Wrap Dress - M / Navy')).toEqual({
			base: 'Wrap Dress',
			option: 'M / Navy',
		});
		expect(parseVariant('x2', 'Linen Tee (XL)')).toEqual({ base: 'Linen Tee', option: 'XL' });
		expect(parseVariant('x3', 'Chino, size 32')).toEqual({ base: 'Chino', option: '32' });
		expect(parseVariant('x4', '牛仔裤 颜色分类:黑色 尺码:L')).toEqual({
			base: '牛仔裤',
			option: '黑色 / L',
		});
		expect(parseVariant('TEE-BLK-M', 'Tee')).toEqual({
			base: 'TEE',
			option: 'BLK / M',
			fromSku: true,
		});
		// not variants: a dash that is part of the name, a plain code
		expect(parseVariant('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER')).toBeNull();
		expect(parseVariant('22423', 'REGENCY CAKESTAND 3 TIER')).toBeNull();
		expect(parseVariant('x5', 'Gift card - Birthday')).toBeNull();
	});

	it('groups styles with two or more variants only', () => {
		const styles = groupStyles([
			{ productId: 'a', description: 'Wrap Dress - S' },
			{ productId: 'b', description: 'Wrap Dress - M' },
			{ productId: 'c', description: 'Wrap dress - L' },
			{ productId: 'd', description: 'Scarf - Red' },
			{ productId: 'e', description: 'Mug' },
		]);
		expect(styles).toHaveLength(1);
		expect(styles[0].members).toEqual(['a', 'b', 'c']);
		expect(styles[0].options).toEqual(['S', 'M', 'L']);
		// variants in size order whatever order the products come in
		const mixed = groupStyles(
			['XL', '38', 'S', 'M', '36'].map((o, i) => ({
				productId: `p${i}`,
				description: `Tee - ${o}`,
			})),
		);
		expect(mixed[0].options).toEqual(['S', 'M', 'XL', '36', '38']);
		// not variants (seen in the UCI demo): vouchers whose SKUs end in their value but whose names
		// differ, and two products sharing one option
		expect(
			groupStyles([
				{ productId: 'gift_0001_10', description: 'Dotcomgiftshop Gift Voucher £10.00' },
				{ productId: 'gift_0001_20', description: 'Dotcomgiftshop Gift Voucher £20.00' },
				{ productId: 'SNOW-1', description: 'Acrylic Jewel Snowflake, Pink' },
				{ productId: 'SNOW-2', description: 'Acrylic Jewel Snowflake, Pink' },
			]),
		).toEqual([]);
		// SKU variants with one shared name are a style
		expect(
			groupStyles([
				{ productId: 'TEE-S', description: 'Linen Tee' },
				{ productId: 'TEE-M', description: 'Linen Tee' },
			])[0].options,
		).toEqual(['S', 'M']);
	});

	it('pools a style on the union of dates and takes its recent mix', () => {
		const batch = {
			ids: ['a', 'b', 'z'],
			indptr: Int32Array.from([0, 3, 5, 7]),
			ds: Float64Array.from([0, 7, 14, 7, 14, 0, 7].map((d) => d * DAY)),
			y: Float64Array.from([1, 2, 3, 10, 20, 5, 6]),
		};
		const style = { key: 'style:t', label: 'T', members: ['a', 'b'], options: ['S', 'M'] };
		const { batch: out, mixes } = poolStyles(batch, [style], 2);
		expect(out.ids).toEqual(['style:t', 'z']);
		expect([...out.y]).toEqual([1, 12, 23, 5, 6]);
		expect([...out.ds.subarray(0, 3)]).toEqual([0, 7 * DAY, 14 * DAY]);
		// last 2 periods (days 7 and 14): a sold 2 + 3, b 10 + 20
		expect(mixes.get('style:t')).toEqual([
			{ productId: 'a', option: 'S', units: 5 },
			{ productId: 'b', option: 'M', units: 30 },
		]);
	});
});

describe('one-season buy (newsvendor)', () => {
	const item: StockItem = {
		productId: 'p',
		onHand: 20,
		onOrder: 0,
		leadTimeMeanDays: 14,
		leadTimeSdDays: 0,
		moq: 0,
		pack: 5,
		unitCost: 40,
		price: 100,
		salvage: 10,
		seasonEnd: Date.UTC(2024, 0, 1) + 69 * DAY,
	};
	const settings = {
		reviewDays: 7,
		service: { kind: 'cycle' as const, level: 0.95 },
		overstockDays: 120,
		asOf: Date.UTC(2024, 0, 1),
	};

	it('buys up to the critical-ratio quantile of season demand, in whole packs', () => {
		// 70 days = 10 weeks of 10 ± 0 a week (σ grows with the horizon below)
		const f = flat(10, 3, 12);
		const sb = seasonBuy(f, item, settings)!;
		expect(sb.days).toBe(70);
		expect(sb.ratio).toBeCloseTo((100 - 40) / (100 - 10), 12);
		expect(sb.demandMean).toBeCloseTo(100, 9);
		expect(sb.target).toBe(Math.round(100 + qnorm(sb.ratio) * sb.demandSd));
		const p = planProduct(f, item, settings);
		expect(p.season).toEqual(sb);
		expect(p.orderQty % 5).toBe(0);
		expect(p.orderQty).toBe(Math.ceil((sb.target - 20) / 5) * 5);
		expect(p.alert?.code).toBe('plan_alert_season');
	});

	it('a dearer cost or a lower clearance value buys less', () => {
		const f = flat(10, 3, 12);
		const base = seasonBuy(f, item, settings)!.target;
		expect(seasonBuy(f, { ...item, unitCost: 70 }, settings)!.target).toBeLessThan(base);
		expect(seasonBuy(f, { ...item, salvage: 0 }, settings)!.target).toBeLessThanOrEqual(base);
		// clearance from the plan's default share of cost when the stock data has none
		const noSalvage = { ...item };
		delete noSalvage.salvage;
		expect(seasonBuy(f, noSalvage, { ...settings, salvageShare: 0.5 })!.salvage).toBe(20);
	});

	it('does not apply without a season end ahead, a cost, or when clearance pays more than cost', () => {
		const f = flat(10, 3, 12);
		expect(seasonBuy(f, { ...item, seasonEnd: settings.asOf - DAY }, settings)).toBeNull();
		const noCost = { ...item };
		delete noCost.unitCost;
		expect(seasonBuy(f, noCost, settings)).toBeNull();
		expect(seasonBuy(f, { ...item, salvage: 50 }, settings)).toBeNull();
		expect(planProduct(f, { ...item, seasonEnd: undefined }, settings).season).toBeUndefined();
	});
});

describe('plan worker: styles', () => {
	it('plans a style as one item and splits its order by the variants’ mix', async () => {
		const weeks = 40;
		const ds: number[] = [];
		const y: number[] = [];
		const shares = [0.2, 0.5, 0.3];
		for (let v = 0; v < 3; v++)
			for (let w = 0; w < weeks; w++) {
				ds.push(Date.UTC(2024, 0, 1) + w * 7 * DAY);
				y.push(Math.round(40 * shares[v] + ((w * 7 + v * 3) % 5) - 2));
			}
		const batch = {
			ids: ['D-S', 'D-M', 'D-L'],
			indptr: Int32Array.from([0, weeks, 2 * weeks, 3 * weeks]),
			ds: Float64Array.from(ds),
			y: Float64Array.from(y),
		};
		const styles = groupStyles([
			{ productId: 'D-S', description: 'Dress - S' },
			{ productId: 'D-M', description: 'Dress - M' },
			{ productId: 'D-L', description: 'Dress - L' },
		]);
		const res = await planApi.planBatch(
			{
				cacheKey: 'styles-test',
				batch,
				prices: { 'D-S': 50, 'D-M': 50, 'D-L': 50 },
				stock: [
					{ productId: 'D-S', onHand: 3, pack: 2 },
					{ productId: 'D-M', onHand: 4 },
				],
				history: [],
				defaults: { leadTimeMeanDays: 14, leadTimeSdDays: 2, moq: 0, pack: 1 },
				settings: { reviewDays: 7, service: { kind: 'fill', level: 0.95 }, overstockDays: 120 },
				models: 'quick',
				styles,
			},
			'job-styles',
		);
		expect(res.rows).toHaveLength(1);
		const row = res.rows[0];
		expect(row.productId).toBe(styles[0].key);
		expect(row.onHand).toBe(7);
		expect(row.pack).toBe(2);
		expect(row.orderQty).toBeGreaterThan(0);
		const parts = row.variants!;
		expect(parts.map((p) => p.productId)).toEqual(['D-S', 'D-M', 'D-L']);
		expect(parts.reduce((a, p) => a + p.quantity, 0)).toBe(row.orderQty);
		for (const p of parts) expect(p.quantity % 2).toBe(0);
		// M sells most, S least
		expect(parts[1].quantity).toBeGreaterThan(parts[2].quantity);
		expect(parts[2].quantity).toBeGreaterThanOrEqual(parts[0].quantity);
		expect(res.notes.some((n) => n.code === 'plan_note_styles')).toBe(true);
	});
});
