// A product that stopped selling, in the plan (src/core/inventory policy.ts meanBound, plan.ts
// PLAN_STOPPED_WEEKS): its forecast of about 0 with a wide interval ("0 ± 129 … order 300" on the Plan
// screen) gets no order, MOQ and packs apply only to an order that is needed, and the plan row says
// why; a forecast of 0 after a short gap (a closure) keeps the normal model's hedge.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanBound, orderQuantity, policyLevels } from '../../../../src/core/inventory/policy';
import {
	planProduct,
	PLAN_STOPPED_WEEKS,
	weeksWithoutSale,
	type StockItem,
} from '../../../../src/core/inventory/plan';
import { translate } from '../../../../src/lib/i18n/translate';
import { flat, planSettings, stockItem } from './plan-fixtures';

const item = (over: Partial<StockItem> = {}): StockItem => stockItem({ moq: 300, ...over });
const settings = planSettings;
/** Weekly sales, then `quiet` weeks without a sale. */
const history = (quiet: number) =>
	Float64Array.from([
		...Array.from({ length: 20 }, (_, t) => (t % 3 ? 40 : 700)),
		...new Array(quiet).fill(0),
	]);

describe('weeks without a sale', () => {
	it('counts known weeks since the last sale; stock-out weeks (NaN) are no evidence', () => {
		expect(weeksWithoutSale(Float64Array.of(3, 0, 0))).toBe(2);
		expect(weeksWithoutSale(Float64Array.of(3, 0, NaN, 0, NaN))).toBe(2);
		expect(weeksWithoutSale(Float64Array.of(0, 0))).toBe(2);
		expect(weeksWithoutSale(Float64Array.of(1))).toBe(0);
		expect(PLAN_STOPPED_WEEKS).toBe(8);
	});
});

describe('the mean bound (Markov): no demand ≥ 0 with mean μ exceeds μ ÷ (1 − α) more often than 1 − α', () => {
	it('holds for any non-negative sample (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
				fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
				(xs, a) => {
					// whole units, as demand is counted
					const units = xs.map(Math.round);
					const m = units.reduce((u, v) => u + v, 0) / units.length;
					const above = units.filter((x) => x > meanBound(m, a)).length;
					return above / xs.length <= 1 - a + 1e-12;
				},
			),
			{ numRuns: 300 },
		);
		expect(meanBound(2, 0.95)).toBe(40);
		expect(meanBound(0.03, 0.95)).toBe(0);
		expect(meanBound(0, 0.95)).toBe(0);
	});
});

describe('the plan of a product that stopped selling', () => {
	it('"0 ± 129": no order (it was the MOQ of 300), and the row says why, en + zh-CN', () => {
		const before = planProduct(flat(0, 75, 18), item(), settings);
		expect(before.orderQty).toBeGreaterThanOrEqual(300); // the defect, without the history
		const p = planProduct(flat(0, 75, 18), item(), settings, history(10));
		expect(Math.round(p.meanDemand)).toBe(0);
		expect(p.sdDemand).toBeGreaterThan(120);
		expect(p.reorderPoint).toBe(0);
		expect(p.orderQty).toBe(0);
		expect(p.alert).toBeNull();
		expect(p.reason?.code).toBe('plan_reason_stopped');
		expect(p.reason?.params).toMatchObject({
			weeks: 10,
			quantile: 0,
			short: 5,
			days: 21,
			position: 0,
		});
		expect(translate('en', p.reason!.code, p.reason!.params)).toMatch(
			/^No order: no sale in the last 10 weeks and about 0 expected over the 21-day lead time/,
		);
		expect(translate('zh-CN', p.reason!.code, p.reason!.params)).toMatch(
			/^无需订货：最近 10 周没有销售/,
		);
	});

	it('a trickle (0.01 a week) with a wide interval: no order and the MOQ is not forced, for both targets', () => {
		for (const kind of ['fill', 'cycle'] as const) {
			const s = { ...settings, service: { kind, level: 0.95 } };
			const p = planProduct(flat(0.01, 40, 18), item({ pack: 12 }), s, history(PLAN_STOPPED_WEEKS));
			expect(p.reorderPoint).toBeLessThan(0.5);
			expect(p.orderQty).toBe(0);
			expect(p.reason?.code).toBe('plan_reason_stopped');
		}
	});

	it('a stopped product with a real mean is stocked up to at most μ ÷ (1 − α)', () => {
		const f = flat(1, 60, 18);
		const lead = { meanDays: 14, sdDays: 3 };
		const free = policyLevels(f, lead, 7, settings.service);
		const capped = policyLevels(f, lead, 7, settings.service, { stopped: true });
		expect(capped.capped).toBe(true);
		expect(capped.reorderPoint).toBe(Math.floor(capped.meanDemand / 0.05));
		expect(capped.reorderPoint).toBeLessThan(free.reorderPoint);
		expect(free.capped).toBe(false);
	});

	it('after a short gap (a closure) a forecast of 0 keeps the hedge of its wide interval, saying so', () => {
		const p = planProduct(flat(0, 75, 18), item(), settings, history(2));
		expect(p.orderQty).toBeGreaterThan(0);
		// not "stopped": the row says the order covers the forecast's range (zero-forecast.test.ts)
		expect(p.reason?.code).toBe('plan_reason_zero_forecast');
		expect(p.reason?.params).toMatchObject({ best: 700 });
	});

	it('a selling product is planned as before (the bound does not bind)', () => {
		const f = flat(10, 4, 18);
		const a = planProduct(f, item({ moq: 0 }), settings);
		const b = planProduct(f, item({ moq: 0 }), settings, history(PLAN_STOPPED_WEEKS));
		expect(b.reorderPoint).toBe(a.reorderPoint);
		expect(b.orderQty).toBe(a.orderQty);
	});

	it('MOQ and packs apply only to an order that is needed (half a unit or more)', () => {
		expect(orderQuantity(0, 0.001, 0.3, { moq: 300, pack: 12 })).toBe(0);
		expect(orderQuantity(0, 0.001, 0.6, { moq: 300, pack: 12 })).toBe(300);
		expect(orderQuantity(5, 4, 5.2, { moq: 50 })).toBe(0);
	});
});
