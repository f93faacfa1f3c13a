// Exogenous regressors through the engine: a promotion flag lifts the forecast on promo weeks and is
// reported as a driver; validation, constant columns, gap/cap alignment, candidates, invariants.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
	autoCandidates,
	forecastAuto,
	MAX_FIT_POINTS,
	MAX_FOURIER_ONLY_M,
} from '../../../src/core/engine';
import type { AutoForecastResult, Regressors } from '../../../src/core/engine-types';
import { mulberry32, normalSampler } from '../../../src/core/stats';
import { expectWellFormed } from './expect-forecast';

vi.setConfig({ testTimeout: 60_000 });

/** y = 50 + 20·promo + N(0, 3²), promo = 1 every fifth week; returns history and h future flags. */
function promoSeries(n: number, h: number, seed = 3): { y: Float64Array; promo: Float64Array } {
	const z = normalSampler(mulberry32(seed));
	const promo = Float64Array.from({ length: n + h }, (_, t) => (t % 5 === 2 ? 1 : 0));
	const y = Float64Array.from({ length: n }, (_, t) => 50 + 20 * promo[t] + 3 * z());
	return { y, promo };
}

function regs(names: string[], cols: Float64Array[], n: number): Regressors {
	return {
		names,
		history: cols.map((c) => c.slice(0, n)),
		future: cols.map((c) => c.slice(n)),
	};
}

/** Mean forecast on future promo steps minus on the other steps. */
function promoLift(r: AutoForecastResult, promo: Float64Array, n: number): number {
	const on: number[] = [];
	const off: number[] = [];
	r.point.forEach((v, j) => (promo[n + j] === 1 ? on : off).push(v));
	const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
	return avg(on) - avg(off);
}

describe('forecastAuto with regressors', () => {
	for (const [n, m] of [
		[104, 52],
		[40, 1],
	] as const) {
		it(`lifts the forecast on promo periods and estimates the promo effect (n ${n}, m ${m})`, () => {
			const h = 10;
			const { y, promo } = promoSeries(n, h);
			const r = forecastAuto(y, { horizon: h, season: m, regressors: regs(['promo'], [promo], n) });
			expectWellFormed(r, h);
			expect(promoLift(r, promo, n)).toBeGreaterThan(14);
			expect(r.leaderboard.map((row) => row.model)).toContain('regression');
			expect(r.drivers?.length).toBe(1);
			const d = r.drivers?.[0];
			expect(d?.name).toBe('promo');
			expect(Math.abs((d?.estimate ?? NaN) - 20)).toBeLessThan(3);
			expect(d?.stdError).toBeGreaterThan(0);
			expect(d?.pValue).toBeLessThan(0.01);

			const plain = forecastAuto(y, { horizon: h, season: m });
			expect(Math.abs(promoLift(plain, promo, n))).toBeLessThan(5);
			expect(plain.drivers).toBeUndefined();
		});
	}

	it('rejects regressors of the wrong length or with non-finite values, naming them', () => {
		const { y, promo } = promoSeries(40, 4);
		const opts = { horizon: 4, season: 1 };
		const ok = regs(['promo'], [promo], 40);
		expect(() =>
			forecastAuto(y, { ...opts, regressors: { ...ok, history: [promo.slice(0, 39)] } }),
		).toThrow(/Regressor 'promo': history has 39 values, the series has 40/);
		expect(() =>
			forecastAuto(y, { ...opts, regressors: { ...ok, future: [promo.slice(40, 42)] } }),
		).toThrow(/Regressor 'promo': future has 2 values, the horizon is 4/);
		const nan = promo.slice(0, 40);
		nan[7] = NaN;
		expect(() => forecastAuto(y, { ...opts, regressors: { ...ok, history: [nan] } })).toThrow(
			/Regressor 'promo': history value 8 is NaN/,
		);
		expect(() => forecastAuto(y, { ...opts, regressors: { ...ok, names: ['a', 'b'] } })).toThrow(
			RangeError,
		);
		expect(() =>
			forecastAuto(y, {
				...opts,
				regressors: regs(['promo', 'promo'], [promo, promo], 40),
			}),
		).toThrow(/duplicate name 'promo'/);
	});

	it('drops a regressor that is constant in the history, with a note', () => {
		const h = 6;
		const { y, promo } = promoSeries(60, h);
		const price = new Float64Array(60 + h).fill(9.99);
		price[62] = 7.99; // varies only in the future: still nothing to learn from
		const r = forecastAuto(y, {
			horizon: h,
			season: 1,
			regressors: regs(['price', 'promo'], [price, promo], 60),
		});
		expect(r.notes).toContainEqual({
			code: 'engine_note_regressor_constant',
			params: { name: 'price' },
		});
		expect(r.drivers?.map((d) => d.name)).toEqual(['promo']);
		// with only constant regressors the forecast is the one without regressors
		const only = forecastAuto(y, {
			horizon: h,
			season: 1,
			regressors: regs(['price'], [price], 60),
		});
		const plain = forecastAuto(y, { horizon: h, season: 1 });
		expect(only.model).toBe(plain.model);
		expect([...only.point]).toEqual([...plain.point]);
		expect(only.drivers).toBeUndefined();
	});

	it('cuts the regressor history like the series (trimmed ends, interior gaps)', () => {
		const h = 5;
		const { y, promo } = promoSeries(50, h);
		// 3 missing values at the start, 2 at the end, 1 inside
		const yy = y.slice();
		yy.fill(NaN, 0, 3);
		yy.fill(NaN, 48, 50);
		yy[20] = NaN;
		const r = forecastAuto(yy, {
			horizon: h,
			season: 1,
			models: ['regression'],
			regressors: regs(['promo'], [promo], 50),
		});
		// the forecast starts after the last known value (index 47): steps 1 … 5 are periods 48 … 52,
		// whose promo flags are history[48], history[49], future[0 … 2]
		const flags = [48, 49, 50, 51, 52].map((t) => promo[t]);
		expect(flags).toEqual([0, 0, 0, 0, 1]);
		r.point.forEach((v, j) => {
			if (flags[j] === 1) expect(v).toBeGreaterThan(62);
			else expect(v).toBeLessThan(58);
		});
		expect(Math.abs((r.drivers?.[0].estimate ?? NaN) - 20)).toBeLessThan(3);
	});

	it(`uses the last ${MAX_FIT_POINTS} regressor values with the capped series`, () => {
		const n = MAX_FIT_POINTS + 40;
		const z = normalSampler(mulberry32(9));
		// the flag varies only in the first 40 periods, which the cap removes
		const early = Float64Array.from({ length: n + 3 }, (_, t) => (t < 40 && t % 2 ? 1 : 0));
		const y = Float64Array.from({ length: n }, () => 100 + z());
		const r = forecastAuto(y, {
			horizon: 3,
			season: 1,
			models: ['naive', 'regression'],
			regressors: regs(['early'], [early], n),
		});
		expect(r.notes).toContainEqual({
			code: 'engine_note_regressor_constant',
			params: { name: 'early' },
		});
	});

	it('adds regression to the auto candidates when regressors are given', () => {
		expect(autoCandidates(30, 52, false, [])).not.toContain('regression');
		expect(autoCandidates(30, 52, false, [], 1)).toContain('regression');
		expect(autoCandidates(30, 52, false, [], 10)).not.toContain('regression');
		expect(autoCandidates(13, 1, false, [], 1)).not.toContain('regression');
		expect(autoCandidates(14, 1, false, [], 1)).toContain('regression');
		// seasonal regression is already a candidate with three seasons: not added twice
		const c = autoCandidates(40, 12, false, [], 1);
		expect(c.filter((x) => x === 'regression').length).toBe(1);
	});

	it('tries trend + Fourier regression without regressors only for seasons up to MAX_FOURIER_ONLY_M', () => {
		expect(MAX_FOURIER_ONLY_M).toBe(24);
		expect(autoCandidates(40, 12, false, [])).toContain('regression');
		expect(autoCandidates(3 * 24, 24, false, [])).toContain('regression');
		expect(autoCandidates(3 * 52, 52, false, [])).not.toContain('regression');
		expect(autoCandidates(520, 52, false, [])).not.toContain('regression');
		// with regressors it stays a candidate on long weekly series
		expect(autoCandidates(520, 52, false, [], 1)).toContain('regression');
	});

	it('notes when no chosen model uses the regressors, but still reports drivers', () => {
		const { y, promo } = promoSeries(40, 4);
		const r = forecastAuto(y, {
			horizon: 4,
			season: 1,
			models: ['naive', 'theta'],
			regressors: regs(['promo'], [promo], 40),
		});
		expect(r.notes.map((n) => n.code)).toContain('engine_note_regressors_unused');
		expect(r.drivers?.[0].name).toBe('promo');
	});

	it('ordered, finite intervals with any 0/1 regressor (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }),
				fc.integer({ min: 1, max: 6 }),
				fc.constantFrom(1, 4, 12),
				fc.array(fc.constantFrom(0, 1), { minLength: 56, maxLength: 56 }),
				(values, h, m, flags) => {
					const n = values.length;
					const flag = Float64Array.from(flags.slice(0, n + h));
					const r = forecastAuto(Float64Array.from(values), {
						horizon: h,
						season: m,
						models: n > 30 ? ['naive', 'regression', 'theta'] : 'auto',
						regressors: regs(['flag'], [flag], n),
					});
					expectWellFormed(r, h);
					for (const v of r.point) expect(v).toBeGreaterThanOrEqual(0);
					for (const iv of r.intervals)
						for (const v of iv.lower) expect(v).toBeGreaterThanOrEqual(0);
				},
			),
			{ numRuns: 30 },
		);
	});
});
