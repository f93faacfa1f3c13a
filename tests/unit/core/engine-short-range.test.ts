// Intervals of a history too short to calibrate (engine.ts robustRangeShrink, option robustShortRange):
// one 双十一 week among ordinary ones makes the models' own 80 % range thousands wide around ~100; the
// option leaves that week out of the range, points unchanged. It failed its coverage rule on the
// validation horizons (SHORT-HISTORY.md "plan9"), so it is off by default: kept for a re-measure.
import { describe, expect, it } from 'vitest';
import {
	forecastAuto,
	ROBUST_RANGE_RATIO,
	ROBUST_SHORT_RANGE,
	robustRangeShrink,
} from '../../../src/core/engine';

// 14 weeks of ~100 with one week of 4,900
const PEAK = Float64Array.from([96, 110, 88, 120, 101, 93, 4900, 140, 105, 97, 112, 99, 108, 103]);
const OPTS = { horizon: 12, season: 52, levels: [0.8, 0.95] };

describe('short-history ranges with a one-off week', () => {
	it('ρ = RMS change without the one-off week ÷ RMS, 1 where no week dominates', () => {
		const r = robustRangeShrink(PEAK);
		expect(r.rho).toBeGreaterThan(0);
		expect(r.rho).toBeLessThan(0.05);
		expect(r.largest).toBeGreaterThan(4000);
		expect(r.typical).toBeLessThan(40);
		// two big weeks: no single one holds three quarters of the squared changes
		const two = Float64Array.from(PEAK);
		two[2] = 4000;
		expect(robustRangeShrink(two).rho).toBe(1);
		// alternating ±10 around 100 and a steady trend: nothing to narrow
		expect(
			robustRangeShrink(Float64Array.from({ length: 14 }, (_, t) => 100 + (t % 2 ? 10 : -10))).rho,
		).toBe(1);
		expect(robustRangeShrink(Float64Array.from({ length: 14 }, (_, t) => 50 + 7 * t)).rho).toBe(1);
		expect(robustRangeShrink(Float64Array.of(1, 2, 900, 3))).toEqual({
			rho: 1,
			largest: 0,
			typical: 0,
		});
		expect(ROBUST_RANGE_RATIO).toBe(2);
	});

	for (const models of [undefined, ['snaive', 'ets', 'croston']]) {
		it(`${models ? 'quick list' : 'automatic choice'}: a sane 80 % range, the same points, a note`, () => {
			const o = { ...OPTS, ...(models ? { models } : {}) };
			const before = forecastAuto(PEAK, { ...o, robustShortRange: false });
			const after = forecastAuto(PEAK, { ...o, robustShortRange: true });
			// off by default (it failed its coverage rule): the models' own ranges, as before
			expect(ROBUST_SHORT_RANGE).toBe(false);
			expect(Array.from(forecastAuto(PEAK, o).intervals[0].upper)).toEqual(
				Array.from(before.intervals[0].upper),
			);
			expect(Array.from(after.point)).toEqual(Array.from(before.point));
			// the models' own ranges: thousands above a forecast of ~100
			expect(Math.max(...before.intervals[0].upper)).toBeGreaterThan(2000);
			for (const iv of after.intervals)
				for (let j = 0; j < 12; j++) {
					expect(iv.lower[j]).toBeLessThanOrEqual(after.point[j]);
					expect(iv.upper[j]).toBeGreaterThanOrEqual(after.point[j]);
				}
			expect(Math.max(...after.intervals[0].upper)).toBeLessThan(500);
			// 95 % still contains 80 %
			for (let j = 0; j < 12; j++)
				expect(after.intervals[1].upper[j]).toBeGreaterThanOrEqual(after.intervals[0].upper[j]);
			expect(after.notes.map((n) => n.code)).toContain('engine_note_short_range_robust');
			expect(before.notes.map((n) => n.code)).not.toContain('engine_note_short_range_robust');
		});
	}

	it('leaves ordinary and intermittent short histories as they were', () => {
		const calm = Float64Array.from([
			96, 110, 88, 120, 101, 93, 130, 140, 105, 97, 112, 99, 108, 103,
		]);
		const lumpy = Float64Array.from([0, 0, 5, 0, 0, 0, 40, 0, 0, 3, 0, 0, 0, 8]);
		for (const y of [calm, lumpy]) {
			const a = forecastAuto(y, { ...OPTS, robustShortRange: false });
			const b = forecastAuto(y, { ...OPTS, robustShortRange: true });
			expect(Array.from(b.intervals[0].upper)).toEqual(Array.from(a.intervals[0].upper));
			expect(b.notes.map((n) => n.code)).not.toContain('engine_note_short_range_robust');
		}
	});
});
