// Issue #9 item 15: one giant recent order must not set the forecast, and a peak the season
// explains is not an "unusual" value.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { findOutliers, recentSpike } from '../../../../src/core/series/outliers';
import { mulberry32, normalSampler } from '../../../../src/core/stats';

/** Weekly sales of a product that sells now and then (a few hundred units), then one giant order. */
function giantLastOrder(): Float64Array {
	const rnd = mulberry32(11);
	const y = Float64Array.from({ length: 40 }, () =>
		rnd() < 0.45 ? 40 + Math.round(rnd() * 260) : 0,
	);
	y[39] = 80_995;
	return y;
}

/** Ten years of monthly sales, level growing 1 %/month, December 1.9× and November 1.2× the level. */
function decemberPeaks(): Float64Array {
	const z = normalSampler(mulberry32(5));
	return Float64Array.from({ length: 120 }, (_, t) => {
		const month = t % 12;
		const season = month === 11 ? 1.9 : month === 10 ? 1.2 : month === 0 ? 0.8 : 1;
		return 100 * 1.01 ** t * season * (1 + 0.03 * z());
	});
}

describe('a giant last order', () => {
	it('is found as a recent spike and limited, with the season respected', () => {
		const s = recentSpike(giantLastOrder(), 52, true);
		expect(s).toMatchObject({ index: 39, value: 80_995 });
		expect(s!.cap).toBeLessThan(3_000);
		// a series whose last value is ordinary has none
		const calm = giantLastOrder();
		calm[39] = 120;
		expect(recentSpike(calm, 52, true)).toBeNull();
		// a December as high as last December is the season
		const dec = decemberPeaks();
		expect(recentSpike(dec.slice(0, 108), 12, false)).toBeNull();
	});

	it('does not make Theta (or the automatic choice) forecast hundreds of thousands', () => {
		const y = giantLastOrder();
		const usual = Math.max(...y.subarray(0, 39));
		const theta = forecastAuto(y, {
			horizon: 12,
			season: 52,
			models: ['theta'],
		});
		expect(Math.max(...theta.point)).toBeLessThan(10 * usual);
		const auto = forecastAuto(y, { horizon: 12, season: 52 });
		expect(Math.max(...auto.point)).toBeLessThan(10 * usual);
		expect(Math.max(...auto.intervals[1].upper)).toBeLessThan(40_000);
		expect(auto.notes).toContainEqual(expect.objectContaining({ code: 'engine_note_last_spike' }));
	});
});

describe('seasonal peaks', () => {
	it('are not flagged as unusual values when the season explains them', () => {
		const y = decemberPeaks();
		expect(findOutliers(y, 12, false)).toEqual([]);
		const r = forecastAuto(y, {
			horizon: 12,
			season: 12,
			models: ['snaive', 'ets'],
		});
		expect(r.outliers ?? []).toEqual([]);
	});

	it('while a real one-off in the same series still is', () => {
		const y = decemberPeaks();
		y[50] *= 4; // a March four times the usual
		expect(findOutliers(y, 12, false).map((o) => o.index)).toEqual([50]);
	});
});

describe('a product launched after the data starts (issue #11)', () => {
	/** 14 weeks before its first sale, then 26 weeks of steady sales around 50. */
	const launched = (): Float64Array => {
		const z = normalSampler(mulberry32(8));
		return Float64Array.from({ length: 40 }, (_, t) =>
			t < 14 ? 0 : Math.max(1, Math.round(50 + 6 * z())),
		);
	};

	it('is judged on its sales since launch: not intermittent, ranges near its real sales', () => {
		const y = launched();
		const r = forecastAuto(y, {
			horizon: 8,
			season: 52,
			models: ['naive', 'ets', 'theta', 'croston'],
			trimLaunch: 'classify',
		});
		expect(r.intermittent).toBe(false);
		expect(r.notes).toContainEqual({
			code: 'engine_note_launch',
			params: { n: 14 },
		});
		const top = Math.max(...y);
		expect(Math.max(...r.intervals[1].upper)).toBeLessThan(3 * top);
		expect(r.point[0]).toBeGreaterThan(35);
	});

	it('can also fit from the first sale, and still indexes one-offs in the caller’s series', () => {
		const y = launched();
		y[25] = 900;
		const r = forecastAuto(y, { horizon: 4, season: 52, models: ['naive'], trimLaunch: 'fit' });
		expect(r.notes).toContainEqual({ code: 'engine_note_launch', params: { n: 14 } });
		expect(r.outliers?.map((o) => o.index)).toEqual([25]);
	});

	it('fits from the first sale by default, and keeps the zeros when asked to', () => {
		const d = forecastAuto(launched(), { horizon: 4, season: 52, models: ['naive'] });
		expect(d.notes).toContainEqual({ code: 'engine_note_launch', params: { n: 14 } });
		const r = forecastAuto(launched(), {
			horizon: 4,
			season: 52,
			models: ['naive'],
			trimLaunch: false,
		});
		expect(r.notes.map((n) => n.code)).not.toContain('engine_note_launch');
	});

	it('keeps conformal ranges near the sales even when the pre-launch zeros are kept (issue #11)', () => {
		// as online-retail product 23209: 22 zero weeks, then 7 weeks of sales in the hundreds; the
		// backtest's early origins fit on zeros (zero-width model ranges), which made the normalised
		// scores huge and the 95 % upper bound ~285× the largest sale
		const z = normalSampler(mulberry32(3));
		const y = Float64Array.from({ length: 29 }, (_, t) =>
			t < 22 ? 0 : Math.max(1, Math.round(300 + 120 * z())),
		);
		const top = Math.max(...y);
		for (const trimLaunch of [false, 'fit'] as const) {
			const r = forecastAuto(y, { horizon: 12, season: 52, trimLaunch });
			expect(Math.max(...r.intervals[1].upper)).toBeLessThan(6 * top);
			expect(Math.max(...r.intervals[1].upper)).toBeGreaterThan(top);
		}
	});
});
