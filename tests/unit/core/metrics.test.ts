// Accuracy metrics: hand-computed values, explicit NaN on zero denominators, and properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	coverage,
	mae,
	mape,
	mase,
	msis,
	naiveScale,
	owa,
	pinball,
	r2,
	rmse,
	rmsse,
	smape,
	wape,
} from '../../../src/core/metrics';

const a = [10, 20, 30, 40];
const f = [12, 18, 33, 40];

describe('known values', () => {
	it('MAE, RMSE, MAPE, WAPE', () => {
		expect(mae(a, f)).toBeCloseTo(7 / 4, 12);
		expect(rmse(a, f)).toBeCloseTo(Math.sqrt((4 + 4 + 9) / 4), 12);
		expect(mape(a, f)).toBeCloseTo((100 * (0.2 + 0.1 + 0.1 + 0)) / 4, 12);
		expect(wape(a, f)).toBeCloseTo(7 / 100, 12);
	});
	it('sMAPE follows M4 (0–200) and counts 0/0 periods as 0', () => {
		expect(smape([100], [50])).toBeCloseTo((200 * 50) / 150, 12);
		expect(smape([1, 0], [0, 0])).toBeCloseTo(100, 12);
		expect(smape([5], [-5])).toBeCloseTo(200, 12);
	});
	it('MASE and RMSSE use the lag-m in-sample naive scale', () => {
		const insample = [1, 3, 2, 4, 3, 5];
		expect(naiveScale(insample, 1)).toBeCloseTo((2 + 1 + 2 + 1 + 2) / 5, 12);
		expect(naiveScale(insample, 2)).toBeCloseTo(1, 12);
		expect(mase([6, 7], [5, 5], insample, 2)).toBeCloseTo(1.5, 12);
		expect(rmsse([6, 7], [5, 5], insample, 2)).toBeCloseTo(Math.sqrt(2.5), 12);
	});
	it('R², pinball, coverage and OWA', () => {
		expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
		expect(r2([1, 2, 3], [2, 2, 2])).toBeCloseTo(0, 12);
		expect(pinball([10], [8], 0.9)).toBeCloseTo(1.8, 12);
		expect(pinball([10], [12], 0.9)).toBeCloseTo(0.2, 12);
		expect(coverage([1, 5, 9], [0, 0, 0], [5, 5, 5])).toBeCloseTo(2 / 3, 12);
		expect(owa(10, 2, 20, 4)).toBeCloseTo(0.5, 12);
	});
	it('MSIS (M4): width plus 2/α times the miss, over the naive scale', () => {
		// insample scale (lag 1) = 1; widths 4, 4; y = 7 misses U = 6 by 1 → 4 + 40·1
		expect(msis([5, 7], [2, 2], [6, 6], [1, 2, 3, 4], 0.05)).toBeCloseTo((4 + 44) / 2, 12);
		// below L by 2 at α = 0.2 (2/α = 10): 4 + 20, scale lag 2 = 2
		expect(msis([0], [2], [6], [1, 2, 3, 4], 0.2, 2)).toBeCloseTo(24 / 2, 12);
		expect(msis([1], [0], [2], [3, 3, 3])).toBeNaN();
	});
});

describe('zero and NaN denominators give NaN, never Infinity', () => {
	it('MAPE with a zero actual', () => expect(mape([0, 1], [1, 1])).toBeNaN());
	it('MASE/RMSSE with a constant history or too short a history', () => {
		expect(mase([1], [2], [5, 5, 5], 1)).toBeNaN();
		expect(mase([1], [2], [5], 1)).toBeNaN();
		expect(rmsse([1], [2], [5, 5, 5], 1)).toBeNaN();
	});
	it('WAPE with all-zero actuals, R² with constant actuals, OWA with zero Naive2', () => {
		expect(wape([0, 0], [1, 1])).toBeNaN();
		expect(r2([3, 3], [1, 2])).toBeNaN();
		expect(owa(1, 1, 0, 1)).toBeNaN();
	});
	it('NaN inputs propagate; empty input is NaN; length mismatch throws', () => {
		expect(mae([1, NaN], [1, 1])).toBeNaN();
		expect(smape([NaN], [1])).toBeNaN();
		expect(mae([], [])).toBeNaN();
		expect(() => mae([1, 2], [1])).toThrow(/lengths differ/);
		expect(() => pinball([1], [1], 1.5)).toThrow(/tau/);
	});
});

describe('properties', () => {
	const arr = (n = 12) =>
		fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: n });
	it('perfect forecasts score 0 and metrics are non-negative', () => {
		fc.assert(
			fc.property(arr(), arr(), (y, g) => {
				const n = Math.min(y.length, g.length);
				const ys = y.slice(0, n);
				const gs = g.slice(0, n);
				expect(mae(ys, ys)).toBe(0);
				expect(smape(ys, ys)).toBe(0);
				expect(mae(ys, gs)).toBeGreaterThanOrEqual(0);
				expect(rmse(ys, gs)).toBeGreaterThanOrEqual(mae(ys, gs) - 1e-9);
				const s = smape(ys, gs);
				expect(s).toBeGreaterThanOrEqual(0);
				expect(s).toBeLessThanOrEqual(200 + 1e-9);
				for (const v of [mae(ys, gs), rmse(ys, gs), s, wape(ys, gs), r2(ys, gs)])
					expect(v === Infinity || v === -Infinity).toBe(false);
			}),
		);
	});
	it('MASE is scale invariant and equals MAE/scale', () => {
		// cents, not arbitrary doubles: a subnormal in-sample difference underflows when scaled, which
		// tests floating point rather than the metric
		const cents = (n: number) =>
			fc.array(
				fc.integer({ min: -1_000_000, max: 1_000_000 }).map((i) => i / 100),
				{ minLength: 1, maxLength: n },
			);
		fc.assert(
			fc.property(
				cents(20),
				cents(5),
				fc.double({ min: 0.01, max: 100, noNaN: true }),
				(ins, y, k) => {
					if (ins.length < 2) return;
					const fcast = y.map((v) => v + 1);
					const m1 = mase(y, fcast, ins, 1);
					const m2 = mase(
						y.map((v) => v * k),
						fcast.map((v) => v * k),
						ins.map((v) => v * k),
						1,
					);
					if (Number.isNaN(m1)) expect(m2).toBeNaN();
					else expect(Math.abs(m2 - m1)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(m1)));
				},
			),
		);
	});
	it('pinball at τ = 0.5 is half the MAE; coverage is in [0, 1]', () => {
		fc.assert(
			fc.property(arr(), (y) => {
				const q = y.map((v) => v * 0.5 + 1);
				expect(pinball(y, q, 0.5)).toBeCloseTo(mae(y, q) / 2, 6);
				const c = coverage(
					y,
					q.map((v) => v - 1),
					q.map((v) => v + 1),
				);
				expect(c).toBeGreaterThanOrEqual(0);
				expect(c).toBeLessThanOrEqual(1);
			}),
		);
	});
});
