// The Plan screen's CSV downloads (plan table, purchase order, what-if): headers in the reader's
// language that name what the raw numbers are in (units, days, weeks, the dataset's currency), as the
// report's tables do; formula-like text neutralised and the UTF-8 BOM first, by the one CSV writer.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/ingest/csv';
import { csvFileText } from '../../../src/lib/export/csv-download';
import { i18n } from '../../../src/lib/i18n';
import type { PoLine } from '../../../src/state/plan.svelte';
import { planCsv, purchaseOrderCsv, whatIfCsv } from '../../../src/views/Plan/plan-csv';
import type { PlanRow, WhatIfResponse, WhatIfSide } from '../../../workers/plan-api';

afterEach(() => {
	i18n.locale = 'en';
});

const row = {
	productId: '85123A',
	meanDemand: 120.456,
	sdDemand: 30.1,
	safetyStock: 49.4,
	reorderPoint: 169.9,
	orderUpTo: 220,
	position: 40,
	orderQty: 180,
	daysOfCover: 5.333,
	revenueAtRisk: 99.999,
	overstockValue: 0,
	alert: null,
	supplier: 'Acme',
	unconstrainedQty: 180,
	price: 2.55,
	unitCost: 1.2,
	leadTimeMeanDays: 14,
	leadTimeSdDays: 3,
	moq: 12,
	pack: 6,
	onHand: 30,
	onOrder: 10,
	model: 'ets',
	censoredWeeks: 0,
	signal: { kind: 'search', name: 'heart', lag: 2, maseWith: 0.8, maseWithout: 1 },
} as PlanRow;

const side = (k: number): WhatIfSide => ({
	units: new Float64Array([10 * k, 12 * k]),
	lower: new Float64Array([8 * k, 9 * k]),
	upper: new Float64Array([12 * k, 15 * k]),
	price: new Float64Array([2, 2]),
	revenue: 44 * k,
	revenueLower: 34 * k,
	revenueUpper: 54 * k,
	orderQty: 20 * k,
	reorderPoint: 30.126 * k,
	orderUpTo: 40 * k,
});
const whatIf: WhatIfResponse = {
	productId: '85123A',
	base: side(1),
	scenario: side(2),
	priceEffect: null,
	notes: [],
};

describe('Plan CSV downloads', () => {
	it('the plan table: headers with their units in English and Chinese, raw numbers', () => {
		const descriptions = new Map([['85123A', '=HYPERLINK("x") heart']]);
		const en = planCsv([row], descriptions, 'GBP');
		expect(en[0]).toEqual([
			'Product ID',
			'Description',
			'Supplier',
			'On hand (units)',
			'On order (units)',
			'Demand over lead time + review (units)',
			'Standard deviation of that demand (units)',
			'Safety stock (units)',
			'Reorder point (units)',
			'Order up to (units)',
			'Order (units)',
			'Cover (days)',
			'Revenue at risk (GBP)',
			'Lead time (days)',
			'MOQ (units)',
			'Pack size (units)',
			'Unit cost (GBP)',
			'Market signal',
			'Signal lead (weeks)',
		]);
		expect(en[1]).toEqual([
			'85123A',
			'=HYPERLINK("x") heart',
			'Acme',
			30,
			10,
			120.46,
			30.1,
			49.4,
			169.9,
			220,
			180,
			5.33,
			100,
			14,
			12,
			6,
			1.2,
			'Searches for “heart”',
			2,
		]);
		// the file: BOM first, the formula-like description neutralised
		const text = csvFileText(en);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(parseCsv(text.slice(1))[1][1]).toBe(`'=HYPERLINK("x") heart`);
		i18n.locale = 'zh-CN';
		const zh = planCsv([row], descriptions, 'CNY')[0];
		expect(zh.slice(0, 4)).toEqual(['商品编号', '商品描述', '供应商', '现有库存 (件)']);
		expect(zh).toContain('风险营收 (CNY)');
		expect(zh).toContain('交期 (天)');
		expect(zh.at(-1)).toBe('信号领先 (周)');
		expect(zh.join('')).not.toMatch(/[a-z]{3,}/);
	});

	it('a purchase order: headers with units and currency in both languages, lines to order only', () => {
		const lines: PoLine[] = [
			{ productId: 'A', description: 'Mug', quantity: 12, pack: 6, unitCost: 1.25 },
			{ productId: 'B', description: 'Cup', quantity: 0, pack: 6, unitCost: 1 },
			{ productId: 'C', description: 'Tin', quantity: 5, pack: 1, unitCost: null, style: 'T' },
		];
		const en = purchaseOrderCsv('Acme', lines, 'EUR');
		expect(en).toEqual([
			[
				'Supplier',
				'Product ID',
				'Description',
				'Style',
				'Variant',
				'Quantity (units)',
				'Pack size (units)',
				'Unit cost (EUR)',
				'Line total (EUR)',
			],
			['Acme', 'A', 'Mug', '', '', 12, 6, 1.25, 15],
			['Acme', 'C', 'Tin', 'T', '', 5, 1, '', ''],
		]);
		i18n.locale = 'zh-CN';
		expect(purchaseOrderCsv('Acme', lines, 'CNY')[0]).toEqual([
			'供应商',
			'商品编号',
			'商品描述',
			'款式',
			'规格',
			'数量 (件)',
			'箱规 (件)',
			'单位成本 (CNY)',
			'小计 (CNY)',
		]);
	});

	it('the what-if: both cases named in the reader’s language, over the forecast’s weeks', () => {
		const en = whatIfCsv(whatIf, 'GBP');
		expect(en[0]).toEqual([
			'Case',
			'Demand over 2 weeks (units)',
			'Demand over 2 weeks, 80% band low (units)',
			'Demand over 2 weeks, 80% band high (units)',
			'Revenue over 2 weeks (GBP)',
			'Revenue over 2 weeks, 80% band low (GBP)',
			'Revenue over 2 weeks, 80% band high (GBP)',
			'Reorder point (units)',
			'Order (units)',
		]);
		expect(en.slice(1)).toEqual([
			['As today', 22, 17, 27, 44, 34, 54, 30.13, 20],
			['Scenario', 44, 34, 54, 88, 68, 108, 60.25, 40],
		]);
		i18n.locale = 'zh-CN';
		const zh = whatIfCsv(whatIf, 'CNY');
		expect(zh[0][0]).toBe('情形');
		expect(zh[0][4]).toBe('未来 2 周营收 (CNY)');
		expect(zh.slice(1).map((r) => r[0])).toEqual(['维持现状', '假设情景']);
	});
});
