// A product a few weeks after its launch hype, past its peak and falling, used to get the mean of its
// last few weeks ('ma', the engine's blind choice under 8 points), which carries the peak into the
// forecast: StockX V3, four sneakers 3.3–7.2 × what sold. It now gets its last value, with a note
// (src/core/forecast/short-fallback.ts pastPeak, RESULTS.md v2.5 post-hype).
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { pastPeak, youngFallback } from '../../../../src/core/forecast/short-fallback';

const opts = { horizon: 12, season: 52 };
// a sneaker's first weeks after release (as StockX's Air Max 97 Off-White at V3): 8 weeks before it
// without sales, then 3, 2, 43, 60, 51, 30, 20 sold
const decaying = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 3, 2, 43, 60, 51, 30, 20]);

describe('a short history past its peak', () => {
	it('gets its last value, not the mean of its last weeks, and says why', () => {
		const r = forecastAuto(decaying, opts);
		expect(r.model).toBe('naive');
		expect(Array.from(r.point)).toEqual(new Array(12).fill(20));
		expect(r.notes).toContainEqual({
			code: 'engine_note_past_peak',
			params: { peak: 60, last: 20 },
		});
		// without the rule: 'ma', the mean of the last 4 weeks (60, 51, 30, 20), twice the last week
		const before = forecastAuto(decaying, { ...opts, pastPeak: false });
		expect(before.model).toBe('ma');
		expect(before.point[0]).toBeCloseTo(40.25, 6);
		expect(before.notes.map((n) => n.code)).not.toContain('engine_note_past_peak');
		for (const iv of r.intervals)
			for (let j = 0; j < 12; j++) {
				expect(iv.lower[j]).toBeLessThanOrEqual(r.point[j]);
				expect(iv.upper[j]).toBeGreaterThanOrEqual(r.point[j]);
			}
	});

	it('leaves a launch that is still rising or at its peak on the mean', () => {
		// the peak is the last week (2, 436, 632): the week after a release is not its level
		const rising = Float64Array.from([0, 0, 0, 0, 0, 0, 2, 436, 632]);
		expect(forecastAuto(rising, opts).model).toBe('ma');
		// the peak one week back, or the last week still ≥ 0.8 × the peak: not past it
		expect(pastPeak([5, 40, 60, 30])).toBeNull();
		expect(pastPeak([5, 60, 50, 49])).toBeNull();
		expect(pastPeak([5, 60, 50, 47])).toEqual({ peak: 60, last: 47 });
		expect(pastPeak([0, 0, 0])).toBeNull();
	});

	it('changes only the blind mean of a series under 8 points, where naive is allowed', () => {
		const y = [3, 2, 43, 60, 51, 30, 20];
		expect(youngFallback('ma', ['naive', 'ma', 'drift'], y)).toBe('naive');
		expect(youngFallback('ma', ['ma', 'drift'], y)).toBe('ma');
		expect(youngFallback('launch', ['naive', 'ma', 'launch'], y)).toBe('launch');
		expect(youngFallback('ma', ['naive', 'ma'], [...y, 18])).toBe('ma');
		// a user's own model list without naive keeps the mean
		expect(forecastAuto(decaying, { ...opts, models: ['ma', 'drift'] }).model).toBe('ma');
	});
});
