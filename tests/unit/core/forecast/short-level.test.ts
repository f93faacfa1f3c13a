// A short lumpy series (too short to backtest, a zero and a sale in its last 8 weeks) repeats its
// last value: demo product 23124 sold 36 57 50 41 4 271 9 2 59 6 0 5 0 and is forecast 0, with a
// random-walk range that widens to ~490 a week. The recent level (shortLevel 'median' / 'trimmed',
// short-fallback.ts RecentLevelModel) failed its decision rule (SHORT-HISTORY.md "short10": online
// retail V1 MASE +2.9 %), so it is off by default; these tests pin both the default and the option.
import { describe, expect, it } from 'vitest';
import { forecastAuto, SHORT_LEVEL } from '../../../../src/core/engine';
import {
	isShortLumpy,
	RECENT_LEVEL_MODEL,
	recentLevel,
} from '../../../../src/core/forecast/short-fallback';

const y = Float64Array.from([36, 57, 50, 41, 4, 271, 9, 2, 59, 6, 0, 5, 0]);
const opts = { horizon: 12, season: 52, levels: [0.8] };

describe('the recent level of a short lumpy series', () => {
	it('is off by default: the measured rule failed, so the forecast is as before', () => {
		expect(SHORT_LEVEL).toBe('off');
		const r = forecastAuto(y, opts);
		expect(r.model).toBe('mean(naive,decay)');
		expect(r.point[0]).toBe(0);
	});

	it('recognises a zero and a sale in the last 8 values only', () => {
		expect(isShortLumpy(y)).toBe(true);
		expect(isShortLumpy(Float64Array.from([3, 4, 5, 6, 7, 8, 9, 10]))).toBe(false);
		expect(isShortLumpy(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false);
		// the zero lies 9 weeks back: outside the window
		expect(isShortLumpy(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]))).toBe(false);
	});

	it('takes the median or the mean without the largest of the last 8 values', () => {
		// last 8: 271 9 2 59 6 0 5 0 → sorted 0 0 2 5 6 9 59 271
		expect(recentLevel(y, 'median')).toBe(5.5);
		expect(recentLevel(y, 'trimmed')).toBeCloseTo(81 / 7, 12);
	});

	it('with the option on, forecasts the flat level with a range that does not widen', () => {
		const off = forecastAuto(y, opts);
		const on = forecastAuto(y, { ...opts, shortLevel: 'median' });
		expect(on.model).toBe(RECENT_LEVEL_MODEL);
		expect(Array.from(on.point)).toEqual(new Array(12).fill(5.5));
		const up = on.intervals[0].upper;
		expect(up[11]).toBeCloseTo(up[0], 9);
		// the random walk's range at week 12 is several times the level's
		expect(off.intervals[0].upper[11]).toBeGreaterThan(2 * up[11]);
		expect(on.notes.some((x) => x.code === 'engine_note_past_peak')).toBe(false);
	});

	it('leaves a short series without zeros to the fallback as before', () => {
		const smooth = Float64Array.from([40, 42, 39, 45, 41, 44, 43, 40, 46, 42, 41, 44, 43]);
		const a = forecastAuto(smooth, opts);
		const b = forecastAuto(smooth, { ...opts, shortLevel: 'median' });
		expect(b.model).toBe(a.model);
		expect(Array.from(b.point)).toEqual(Array.from(a.point));
	});
});
