import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decompositionStrength, mstl, selectKth, stl } from '../../../../src/core/series/stl';

interface Comp {
	trend: number[];
	seasonal: number[];
	remainder: number[];
	weights: number[];
}
const ref = JSON.parse(
	readFileSync(
		fileURLToPath(new URL('../../../fixtures/r-reference/stl.json', import.meta.url)),
		'utf8',
	),
) as {
	air: {
		y: number[];
		period: number;
		periodic: Comp;
		s7: Comp;
		robust: Comp;
		robust5: Comp;
		s7deg1: Comp;
	};
	mstl_daily: {
		y: number[];
		periods: number[];
		trend: number[];
		s7: number[];
		s30: number[];
		remainder: number[];
	};
	mstl_tas: { y: number[]; periods: number[]; trend: number[]; s12: number[]; remainder: number[] };
};

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-9): void {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let i = 0; i < b.length; i++)
		worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
	expect(worst).toBeLessThan(tol);
}

describe('stl matches R stats::stl', () => {
	const y = Float64Array.from(ref.air.y);
	it('periodic', () => {
		const r = stl(y, 12);
		expectClose(r.trend, ref.air.periodic.trend);
		expectClose(r.seasonal, ref.air.periodic.seasonal);
		expectClose(r.remainder, ref.air.periodic.remainder);
	});
	it('s.window = 7', () => {
		const r = stl(y, 12, { sWindow: 7 });
		expectClose(r.trend, ref.air.s7.trend);
		expectClose(r.seasonal, ref.air.s7.seasonal);
	});
	it('robust on log data: exact for 5 outer iterations', () => {
		const r = stl(
			y.map((v) => Math.log(v)),
			12,
			{ sWindow: 13, robust: true, outer: 5 },
		);
		expectClose(r.trend, ref.air.robust5.trend);
		expectClose(r.seasonal, ref.air.robust5.seasonal);
		expectClose(r.weights, ref.air.robust5.weights);
	});
	it('robust on log data: default 15 outer iterations within 1e-3', () => {
		// From the 6th robustness pass a bisquare weight sits on a threshold and rounding at the
		// 1e-14 level flips it, so R and we part slightly (see stl.ts header).
		const r = stl(
			y.map((v) => Math.log(v)),
			12,
			{ sWindow: 13, robust: true },
		);
		expectClose(r.trend, ref.air.robust.trend, 1e-3);
		expectClose(r.seasonal, ref.air.robust.seasonal, 1e-3);
	});
	it('degree 1, no jumps', () => {
		const r = stl(y, 12, { sWindow: 9, sDegree: 1, tWindow: 21, sJump: 1, tJump: 1, lJump: 1 });
		expectClose(r.trend, ref.air.s7deg1.trend);
		expectClose(r.seasonal, ref.air.s7deg1.seasonal);
	});
	it('rejects short series', () => {
		expect(() => stl(new Float64Array(24), 12)).toThrow(RangeError);
	});
});

describe('mstl matches forecast::mstl', () => {
	it('two periods (7, 30), two iterations', () => {
		const r = mstl(Float64Array.from(ref.mstl_daily.y), [30, 7]);
		expect(r.seasonals.map((s) => s.period)).toEqual([7, 30]);
		expectClose(r.trend, ref.mstl_daily.trend);
		expectClose(r.seasonals[0].seasonal, ref.mstl_daily.s7);
		expectClose(r.seasonals[1].seasonal, ref.mstl_daily.s30);
		expectClose(r.remainder, ref.mstl_daily.remainder);
	});
	it('one period (monthly clothing)', () => {
		const r = mstl(Float64Array.from(ref.mstl_tas.y), [12]);
		expectClose(r.trend, ref.mstl_tas.trend);
		expectClose(r.seasonals[0].seasonal, ref.mstl_tas.s12);
	});
	it('drops periods ≥ n/2 and still decomposes additively', () => {
		const y = Float64Array.from({ length: 50 }, (_, i) => 10 + i + Math.sin(i));
		const r = mstl(y, [52]);
		expect(r.seasonals).toHaveLength(0);
		for (let i = 0; i < 50; i++) expect(r.trend[i] + r.remainder[i]).toBeCloseTo(y[i], 10);
	});
});

describe('decomposition properties', () => {
	it('components always add back to y, and strengths lie in [0, 1]', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 26, maxLength: 80 }),
				fc.boolean(),
				(arr, robust) => {
					const y = Float64Array.from(arr);
					const r = stl(y, 6, { sWindow: 7, robust });
					for (let i = 0; i < y.length; i++) {
						expect(r.trend[i] + r.seasonal[i] + r.remainder[i]).toBeCloseTo(y[i], 8);
					}
					const s = decompositionStrength(r);
					expect(s.trend).toBeGreaterThanOrEqual(0);
					expect(s.trend).toBeLessThanOrEqual(1);
					expect(s.seasonal).toBeGreaterThanOrEqual(0);
					expect(s.seasonal).toBeLessThanOrEqual(1);
				},
			),
			{ numRuns: 40, seed: 3 },
		);
	});
	it('strong seasonality is detected, none in white-noise-like data', () => {
		const air = stl(Float64Array.from(ref.air.y), 12, { sWindow: 13 });
		expect(decompositionStrength(air).seasonal).toBeGreaterThan(0.8);
		expect(decompositionStrength(air).trend).toBeGreaterThan(0.9);
		const flat = Float64Array.from(
			{ length: 96 },
			(_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1,
		);
		expect(decompositionStrength(stl(flat, 12, { sWindow: 13 })).seasonal).toBeLessThan(0.5);
	});
});

// loess keeps the tricube weights of the last bandwidth (issue #11 speed, speed5): decompositions of
// other series, periods and windows in between must not change a result, to the last bit.
describe('stl’s cached tricube weights', () => {
	it('the same decomposition before and after others (robust and not, other periods)', () => {
		const a = Float64Array.from(
			{ length: 160 },
			(_, t) => 50 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 13) % 7),
		);
		const b = Float64Array.from({ length: 75 }, (_, t) => 5 + Math.cos(t) + ((t * 5) % 3));
		const first = stl(a, 12, { sWindow: 7, robust: true });
		const firstPeriodic = stl(a, 12);
		stl(b, 7, { sWindow: 11, robust: true });
		stl(b, 4, { tWindow: 9 });
		mstl(a, [4, 12]);
		const again = stl(a, 12, { sWindow: 7, robust: true });
		const againPeriodic = stl(a, 12);
		for (const k of ['trend', 'seasonal', 'remainder', 'weights'] as const) {
			expect(Array.from(again[k])).toEqual(Array.from(first[k]));
			expect(Array.from(againPeriodic[k])).toEqual(Array.from(firstPeriodic[k]));
		}
	});
});

// The robustness weights' median by selection instead of a sort (issue #11 speed, speed6): the
// same order statistic for every k, ties and repeated values included.
describe('selectKth', () => {
	it('equals the sorted array at every index, with the smaller values before it', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
				fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
				(ints, doubles) => {
					// STL selects among absolute residuals (never −0, which sorts before +0)
					for (const values of [ints, doubles.map(Math.abs)]) {
						const sorted = Float64Array.from(values).sort();
						for (let k = 0; k < values.length; k++) {
							const a = Float64Array.from(values);
							const v = selectKth(a, k);
							expect(v).toBe(sorted[k]);
							for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
							for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
						}
					}
				},
			),
			{ numRuns: 200 },
		);
	});
});
