// One-off values (src/core/series/outliers.ts) and how the engine reports or replaces them.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { findOutliers, replaceOutliers } from '../../../../src/core/series/outliers';
import { mulberry32, normalSampler } from '../../../../src/core/stats';

const noisy = (n: number, seed = 7): Float64Array => {
	const z = normalSampler(mulberry32(seed));
	return Float64Array.from({ length: n }, (_, t) => 100 + 0.5 * t + 5 * z());
};

describe('findOutliers', () => {
	it('finds an isolated spike in a regular series and proposes the fitted value', () => {
		const y = noisy(40);
		y[12] = 900;
		const o = findOutliers(y, 52, false);
		expect(o.map((x) => x.index)).toEqual([12]);
		expect(o[0].value).toBe(900);
		expect(o[0].replacement).toBeGreaterThan(90);
		expect(o[0].replacement).toBeLessThan(130);
		expect(Array.from(replaceOutliers(y, o))[12]).toBe(o[0].replacement);
	});

	it('finds it with a seasonal fit too (robust STL)', () => {
		const z = normalSampler(mulberry32(3));
		const y = Float64Array.from(
			{ length: 60 },
			(_, t) => 200 + 40 * Math.sin((2 * Math.PI * t) / 12) + 4 * z(),
		);
		y[30] += 500;
		expect(findOutliers(y, 12, false).map((x) => x.index)).toEqual([30]);
	});

	it('leaves level shifts, the last value and short series alone', () => {
		const shift = noisy(40);
		for (let t = 30; t < 40; t++) shift[t] += 400;
		expect(findOutliers(shift, 1, false)).toEqual([]);
		const last = noisy(40);
		last[39] = 2000;
		expect(findOutliers(last, 1, false)).toEqual([]);
		expect(findOutliers(Float64Array.from([1, 2, 900, 3, 2]), 1, false)).toEqual([]);
	});

	it('finds only unusually large sales in intermittent demand, never the zeros', () => {
		const y = new Float64Array(40);
		[2, 5, 9, 14, 18, 23, 27, 33, 37].forEach((t, i) => (y[t] = 2 + (i % 4)));
		y[9] = 74_215;
		const o = findOutliers(y, 52, true);
		expect(o.map((x) => x.index)).toEqual([9]);
		expect(o[0].replacement).toBe(3); // the median non-zero sale (2,2,2,3,3,4,5,5,74215)
	});
});

describe('forecastAuto and outliers', () => {
	const spiky = (): Float64Array => {
		const y = new Float64Array(40);
		[1, 4, 7, 11, 13, 16, 20, 24, 26, 30, 33, 36].forEach((t, i) => (y[t] = 80 + 10 * (i % 3)));
		y[7] = 74_215;
		return y;
	};

	it('reports one-offs but keeps them by default', () => {
		const r = forecastAuto(spiky(), { horizon: 6, season: 52 });
		expect(r.outliers?.map((o) => o.index)).toEqual([7]);
		expect(r.notes).toContainEqual({ code: 'engine_note_outliers_kept', params: { n: 1 } });
	});

	it('replaces them for fitting on request, which narrows the ranges', () => {
		const kept = forecastAuto(spiky(), { horizon: 6, season: 52 });
		const clean = forecastAuto(spiky(), { horizon: 6, season: 52, cleanOutliers: true });
		expect(clean.notes).toContainEqual({ code: 'engine_note_outliers_replaced', params: { n: 1 } });
		expect(clean.outliers?.[0]).toMatchObject({ index: 7, value: 74_215 });
		const width = (r: typeof kept) => r.intervals[1].upper[0] - r.intervals[1].lower[0];
		expect(width(clean)).toBeLessThan(width(kept) / 10);
		expect(clean.point[0]).toBeLessThan(200);
	});

	it('indexes outliers in the input series, past trimmed missing values', () => {
		const y = Float64Array.from([NaN, NaN, ...noisy(30)]);
		y[15] = 5000;
		const r = forecastAuto(y, { horizon: 3, season: 1 });
		expect(r.outliers?.map((o) => o.index)).toEqual([15]);
	});
});
