// The plan worker's row for a product whose forecast reads as 0 but orders (core plan.ts,
// plan_reason_zero_forecast): the row says why; a budget that cuts its order to 0 drops the sentence
// (it would say "ordered" of a row that orders nothing); so does a launch-spike product's wide-range
// sentence (plan_reason_wide_range).
import { describe, expect, it } from 'vitest';
import { planApi, type PlanBatchRequest } from '../../../workers/plan-api';
import type { SeriesBatch } from '../../../src/core/types';

const WEEK = 7 * 86_400_000;
const END = Date.UTC(2011, 8, 5); // a Monday
/** Product 23124 of the demo (13 weeks, past its peak) and a steady seller of 26 weeks. */
const LUMPY = [36, 57, 50, 41, 4, 271, 9, 2, 59, 6, 0, 5, 0];
const STEADY = Array.from({ length: 26 }, (_, t) => 20 + (t % 3));
/** StockX's Nike Air Presto Off-White (2018) from its first sale: launch weeks of 323 and 470, then ~30. */
const PRESTO = [
	1, 0, 0, 0, 0, 0, 0, 8, 13, 21, 323, 470, 150, 124, 50, 43, 46, 36, 32, 29, 30, 33, 36, 29, 57,
	23, 25,
];

function batch(): SeriesBatch {
	const dates = (n: number) => Array.from({ length: n }, (_, t) => END - (n - 1 - t) * WEEK);
	return {
		ids: ['23124', 'STEADY', 'PRESTO'],
		indptr: Int32Array.from([
			0,
			LUMPY.length,
			LUMPY.length + STEADY.length,
			LUMPY.length + STEADY.length + PRESTO.length,
		]),
		ds: Float64Array.from([
			...dates(LUMPY.length),
			...dates(STEADY.length),
			...dates(PRESTO.length),
		]),
		y: Float64Array.from([...LUMPY, ...STEADY, ...PRESTO]),
		categories: ['c', 'c', 'c'],
	};
}

const request = (budget?: number): PlanBatchRequest => ({
	cacheKey: 'plan-zero-forecast',
	batch: batch(),
	prices: {},
	stock: [
		{ productId: '23124', unitCost: 1, price: 2 },
		{ productId: 'STEADY', unitCost: 1, price: 2 },
		{ productId: 'PRESTO', unitCost: 100, price: 160 },
	],
	history: [],
	defaults: { leadTimeMeanDays: 14, leadTimeSdDays: 3, moq: 0, pack: 1 },
	settings: { reviewDays: 7, service: { kind: 'fill', level: 0.95 }, overstockDays: 120 },
	models: 'quick',
	forecastOptions: false,
	...(budget !== undefined ? { budget } : {}),
});

describe('a forecast of 0 that orders, in the plan worker', () => {
	it('says why on its row; not once a budget cuts its order to 0', async () => {
		const free = await planApi.planBatch(request(), 'zero-1');
		const row = free.rows.find((r) => r.productId === '23124')!;
		expect(row.orderQty).toBeGreaterThan(0);
		expect(row.reason?.code).toBe('plan_reason_zero_forecast');
		expect(row.reason?.params).toMatchObject({ best: 271, weeks: 13 });
		expect(free.rows.find((r) => r.productId === 'STEADY')!.reason).toBeUndefined();

		const cut = await planApi.planBatch(request(0), 'zero-2');
		const none = cut.rows.find((r) => r.productId === '23124')!;
		expect(none.orderQty).toBe(0);
		expect(none.unconstrainedQty).toBe(row.orderQty);
		expect(none.reason).toBeUndefined();
		// the launch-spike sneaker: its order far above the demand says why, and not once cut to 0
		const presto = free.rows.find((r) => r.productId === 'PRESTO')!;
		expect(presto.orderQty).toBeGreaterThan(0);
		expect(presto.reason?.code).toBe('plan_reason_wide_range');
		expect(cut.rows.find((r) => r.productId === 'PRESTO')!.reason).toBeUndefined();
	});

	it('names in its alert the order the budget left, and what was suggested (walk13)', async () => {
		const free = await planApi.planBatch(request(), 'budget-1');
		const steady = free.rows.find((r) => r.productId === 'STEADY')!;
		expect(steady.alert?.code).toBe('plan_alert_order');
		expect(steady.alert?.params?.qty).toBe(steady.orderQty);
		// a budget that buys some of the orders: every alert's quantity is its row's (Home shows these)
		const some = await planApi.planBatch(request(Math.round(free.orderValue / 3)), 'budget-2');
		for (const r of some.rows) {
			if (r.alert?.params?.qty !== undefined) expect(r.alert.params.qty).toBe(r.orderQty);
			if (r.orderQty !== r.unconstrainedQty && r.unconstrainedQty > 0)
				expect([
					'plan_alert_order_budget',
					'plan_alert_budget_none',
					'plan_alert_season',
				]).toContain(r.alert?.code);
		}
		expect(some.rows.some((r) => r.orderQty < r.unconstrainedQty)).toBe(true);
		const none = (await planApi.planBatch(request(0), 'budget-3')).rows.find(
			(r) => r.productId === 'STEADY',
		)!;
		expect(none.orderQty).toBe(0);
		expect(none.alert?.code).toBe('plan_alert_budget_none');
		expect(none.alert?.params).toMatchObject({ wanted: steady.orderQty });
	});
});
