// A product weeks after its launch hype, past its peak and still falling, is too short to backtest. It
// used to get the mean of its last few weeks ('ma', under 8 points), which carries the peak into the
// forecast (StockX V3: four sneakers 3.3–7.2 × what sold), or the median of theta, naive and ETS (8 to
// h + 3 points), which holds it flat while it keeps falling. It now gets the mean of its last value and
// a damped decay from it, with a note (src/core/forecast/short-fallback.ts, RESULTS.md v2.5 post-hype).
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	DECAY_PHI,
	DecayModel,
	pastPeak,
	pastPeakFallback,
} from '../../../../src/core/forecast/short-fallback';

const opts = { horizon: 12, season: 52 };
// a sneaker's first weeks after release (as StockX's Air Max 97 Off-White at V3): 8 weeks before it
// without sales, then 3, 2, 43, 60, 51, 30, 20 sold
const decaying = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 3, 2, 43, 60, 51, 30, 20]);

describe('a short history past its peak', () => {
	it('gets the mean of its last value and the decay from it, and says why', () => {
		const r = forecastAuto(decaying, opts);
		expect(r.model).toBe('mean(naive,decay)');
		expect(r.notes).toContainEqual({
			code: 'engine_note_past_peak',
			params: { peak: 60, last: 20 },
		});
		// since the peak 60 → 20 in 3 weeks: r = (1/3)^(1/3); step j falls by r^(φ + … + φ^j)
		const rate = (20 / 60) ** (1 / 3);
		let c = 0;
		for (let j = 0; j < 12; j++) {
			c += DECAY_PHI ** (j + 1);
			expect(r.point[j]).toBeCloseTo((20 + 20 * rate ** c) / 2, 6);
		}
		// it keeps falling, slower and slower, and stays above the decay's floor
		for (let j = 1; j < 12; j++) expect(r.point[j]).toBeLessThan(r.point[j - 1]);
		expect(r.point[11]).toBeGreaterThan((20 + 20 * rate ** (DECAY_PHI / (1 - DECAY_PHI))) / 2);
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

	it('replaces the median of theta, naive and ETS from 8 points too', () => {
		// 15 weeks: rose to 95 a week, falling since; the median held it at about 18 a week
		const y = Float64Array.from([2, 3, 5, 8, 15, 40, 80, 95, 90, 75, 61, 47, 34, 24, 18]);
		const r = forecastAuto(y, opts);
		expect(r.model).toBe('mean(naive,decay)');
		expect(forecastAuto(y, { ...opts, pastPeak: false }).model).toBe('median(theta,naive,ets)');
		expect(r.point[0]).toBeLessThan(18);
		expect(r.point[11]).toBeLessThan(r.point[0]);
		// a user's own model list is kept to
		expect(forecastAuto(y, { ...opts, models: ['theta', 'naive', 'ets'] }).model).not.toContain(
			'decay',
		);
	});

	it('leaves a launch that is still rising or at its peak alone', () => {
		// the peak is the last week (2, 436, 632): the week after a release is not its level
		const rising = Float64Array.from([0, 0, 0, 0, 0, 0, 2, 436, 632]);
		expect(forecastAuto(rising, opts).model).toBe('ma');
		// the peak one week back, or the last week still ≥ 0.8 × the peak: not past it
		expect(pastPeak([5, 40, 60, 30])).toBeNull();
		expect(pastPeak([5, 60, 50, 49])).toBeNull();
		expect(pastPeak([5, 60, 50, 47])).toEqual({ peak: 60, last: 47 });
		expect(pastPeak([0, 0, 0])).toBeNull();
		const y = [3, 2, 43, 60, 51, 30, 20];
		expect(pastPeakFallback('ma', ['naive', 'ma', 'drift'], y)?.members).toEqual([
			'naive',
			'decay',
		]);
		expect(pastPeakFallback('ma', ['ma', 'drift'], y)).toBeNull();
		expect(pastPeakFallback('launch', ['naive', 'ma', 'launch'], y)).toBeNull();
		expect(pastPeakFallback('ma', ['naive', 'ma'], [3, 2, 43, 60, 51, 55, 58])).toBeNull();
	});

	it('decays from the last value, and holds a series not past its peak at its last value', () => {
		const f = new DecayModel(0.5).fit(Float64Array.from([10, 80, 40, 20])).predict(3, {
			levels: [0.8],
		});
		// r = (20/80)^(1/2) = 0.5: 20 · 0.5^0.5, 20 · 0.5^0.75, 20 · 0.5^0.875
		expect(Array.from(f.point)).toEqual([20 * 0.5 ** 0.5, 20 * 0.5 ** 0.75, 20 * 0.5 ** 0.875]);
		expect(f.intervals[0].upper[2] - f.point[2]).toBeGreaterThan(
			f.intervals[0].upper[0] - f.point[0],
		);
		const flat = new DecayModel().fit(Float64Array.from([10, 20, 30, 40])).predict(2);
		expect(Array.from(flat.point)).toEqual([40, 40]);
	});
});
