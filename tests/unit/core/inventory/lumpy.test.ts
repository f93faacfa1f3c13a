// A slow or lumpy mover in the plan (src/core/inventory demand.ts LUMPY_CV, policy.ts): a forecast near
// 0 with a wide interval ("0 ± 129 … order 300" on the Plan screen) is a gamma, not a normal, its
// fill-rate reorder point is capped at the service-level quantile, and MOQ and packs apply only to an
// order that is needed; the plan row says why nothing is ordered.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pgamma } from '../../../../src/core/stats';
import {
	cdf,
	expectedShortage,
	isLumpy,
	LUMPY_CV,
	mixture,
	protectionDemand,
	quantile,
	type PeriodForecast,
} from '../../../../src/core/inventory/demand';
import { orderQuantity, policyLevels } from '../../../../src/core/inventory/policy';
import { planProduct, type StockItem } from '../../../../src/core/inventory/plan';
import { translate } from '../../../../src/lib/i18n/translate';

const flat = (mean: number, sd: number, h: number): PeriodForecast => ({
	mean: new Float64Array(h).fill(mean),
	sd: new Float64Array(h).fill(sd),
	periodDays: 7,
});
const item = (over: Partial<StockItem> = {}): StockItem => ({
	productId: 'P',
	onHand: 0,
	onOrder: 0,
	leadTimeMeanDays: 14,
	leadTimeSdDays: 3,
	moq: 300,
	pack: 1,
	price: 2,
	unitCost: 1,
	...over,
});
const settings = {
	reviewDays: 7,
	service: { kind: 'fill' as const, level: 0.95 },
	overstockDays: 120,
};

describe('regularized incomplete gamma', () => {
	it('known values', () => {
		for (const x of [0.1, 1, 3, 10]) expect(pgamma(x, 1)).toBeCloseTo(1 - Math.exp(-x), 12);
		expect(pgamma(1, 2)).toBeCloseTo(1 - 2 / Math.E, 12);
		expect(pgamma(5, 2)).toBeCloseTo(1 - 6 * Math.exp(-5), 12);
		// P(½, x) = erf(√x): erf(1) = 0.8427007929497149
		expect(pgamma(1, 0.5)).toBeCloseTo(0.8427007929497149, 10);
		expect(pgamma(0, 3)).toBe(0);
	});
});

describe('lumpy demand is a gamma with the same mean and σ', () => {
	it('σ > LUMPY_CV × mean makes a component a gamma; its CDF and shortage are the gamma’s', () => {
		const g = mixture([{ weight: 1, mean: 4, sd: 4, gamma: true }]); // exponential, mean 4
		for (const s of [0, 1, 4, 10]) {
			expect(cdf(g, s)).toBeCloseTo(1 - Math.exp(-s / 4), 10);
			expect(expectedShortage(g, s)).toBeCloseTo(4 * Math.exp(-s / 4), 10);
		}
		expect(quantile(g, 0.95)).toBeCloseTo(-4 * Math.log(0.05), 6);
		expect(isLumpy(protectionDemand(flat(10, 4, 8), { meanDays: 14, sdDays: 3 }, 7))).toBe(false);
		expect(isLumpy(protectionDemand(flat(0.2, 30, 8), { meanDays: 14, sdDays: 3 }, 7))).toBe(true);
	});

	it('a zero mean is demand 0, whatever the interval', () => {
		const d = protectionDemand(flat(0, 60, 8), { meanDays: 14, sdDays: 3 }, 7);
		expect(d.sd).toBeGreaterThan(100); // the interval's σ is still reported
		expect(cdf(d, 0)).toBeCloseTo(1, 12);
		expect(expectedShortage(d, 0)).toBe(0);
		expect(quantile(d, 0.95)).toBe(0);
	});

	it('the quantile inverts the CDF of a lumpy mixture (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.01, max: 20, noNaN: true }),
				fc.double({ min: 1.01, max: 30, noNaN: true }),
				fc.double({ min: 0.5, max: 0.999, noNaN: true }),
				(mean, cv, p) => {
					const d = mixture([
						{ weight: 0.5, mean, sd: cv * mean, gamma: true },
						{ weight: 0.5, mean: 2 * mean, sd: cv * mean, gamma: true },
					]);
					const q = quantile(d, p);
					// the bisection stops within 1e-9 × max(1, q)
					const tol = 2e-9 * Math.max(1, q);
					return cdf(d, q) >= p - 1e-9 && (q <= tol || cdf(d, q - tol) < p + 1e-9);
				},
			),
			{ numRuns: 200 },
		);
	});
});

describe('the plan of a product with about zero demand and a wide interval', () => {
	it('"0 ± 129": no order (it was the MOQ of 300 or more), and the row says why', () => {
		const p = planProduct(flat(0, 75, 18), item(), settings);
		expect(Math.round(p.meanDemand)).toBe(0);
		expect(p.sdDemand).toBeGreaterThan(120);
		expect(p.reorderPoint).toBe(0);
		expect(p.orderQty).toBe(0);
		expect(p.alert).toBeNull();
		expect(p.reason?.code).toBe('plan_reason_lumpy');
		expect(p.reason?.params).toMatchObject({ quantile: 0, level: 95, days: 21, position: 0 });
		const en = translate('en', p.reason!.code, p.reason!.params);
		expect(en).toMatch(/^No order: about 0 expected over the 21-day/);
		expect(translate('zh-CN', p.reason!.code, p.reason!.params)).toMatch(/^无需订货/);
	});

	it('a trickle (0.01 a week) with a wide interval: no order, the MOQ is not forced', () => {
		for (const kind of ['fill', 'cycle'] as const) {
			const s = { ...settings, service: { kind, level: 0.95 } };
			const p = planProduct(flat(0.01, 40, 18), item({ pack: 12 }), s);
			expect(p.orderQty).toBe(0);
			expect(p.reorderPoint).toBeLessThan(0.5);
			expect(p.reason?.code).toBe('plan_reason_lumpy');
		}
	});

	it('a lumpy item that does sell is still ordered for, up to the quantile, with MOQ and packs', () => {
		// 1 a week, σ 10: over 3 weeks σ > LUMPY_CV × mean, but P(demand > 0) is well above 5 %
		const f = flat(1, 10, 18);
		const lv = policyLevels(f, { meanDays: 14, sdDays: 3 }, 7, settings.service);
		expect(isLumpy(lv.protection)).toBe(true);
		expect(lv.sdDemand).toBeGreaterThan(LUMPY_CV * lv.meanDemand);
		const p = planProduct(f, item({ moq: 10, pack: 6 }), settings);
		expect(p.reorderPoint).toBeGreaterThan(p.meanDemand);
		expect(p.orderQty).toBeGreaterThanOrEqual(10);
		expect(p.orderQty % 6).toBe(0);
		expect(p.alert?.code).toBe('plan_alert_order');
		expect(p.reason).toBeUndefined();
	});

	it('stock that covers the quantile: no order; below it, an order', () => {
		const f = flat(1, 10, 18);
		const lv = policyLevels(f, { meanDays: 14, sdDays: 3 }, 7, settings.service);
		const q = quantile(lv.protection, 0.95);
		expect(lv.reorderPoint).toBeLessThanOrEqual(q + 1e-9);
		expect(planProduct(f, item({ onHand: Math.ceil(q) }), settings).orderQty).toBe(0);
		expect(planProduct(f, item({ onHand: 0 }), settings).orderQty).toBeGreaterThan(0);
	});

	it('a fast mover keeps the normal model (its levels are unchanged)', () => {
		const lv = policyLevels(flat(10, 4, 8), { meanDays: 14, sdDays: 0 }, 7, settings.service);
		expect(isLumpy(lv.protection)).toBe(false);
		expect(lv.protection.components.every((c) => !c.gamma)).toBe(true);
	});

	it('MOQ and packs apply only to an order that is needed (half a unit or more)', () => {
		expect(orderQuantity(0, 0.001, 0.3, { moq: 300, pack: 12 })).toBe(0);
		expect(orderQuantity(0, 0.001, 0.6, { moq: 300, pack: 12 })).toBe(300);
		expect(orderQuantity(5, 4, 5.2, { moq: 50 })).toBe(0);
	});
});
