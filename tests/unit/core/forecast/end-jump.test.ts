// A series ending on a jump (a release week, a promotion, a viral spike) must not be extrapolated
// upward: the trend models read the jump as the start of a rising line (StockX brand Yeezy at V1: 282,
// 399, 767 sold, forecast 823 → 1,606 a week). The engine caps the forecast halfway between the usual
// level and the jump when asked (`endJump: true`; src/core/forecast/end-jump.ts, RESULTS.md v2.5b). Off by
// default since the v2.5 held-out run (RESULTS.md "Engine v2.5 as shipped").
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { capAtJump, endJump, JUMP_CAP, jumpCeiling } from '../../../../src/core/forecast/end-jump';
import type { AutoForecastResult } from '../../../../src/core/engine-types';

const opts = { horizon: 12, season: 52 };
const on = { ...opts, endJump: true as const };
// StockX, all Yeezy sneakers, weekly to V1's origin: a release wave, its decay, then a new release
const yeezy = Float64Array.from([
	121, 126, 118, 108, 114, 215, 71, 84, 76, 109, 229, 1437, 2000, 1326, 1844, 1432, 1267, 932, 720,
	710, 585, 540, 522, 483, 543, 532, 501, 556, 449, 419, 409, 375, 325, 302, 301, 296, 282, 399,
	767,
]);
// the 8 weeks before the last: 409, 375, 325, 302, 301, 296, 282, 399 → median 313.5
const ceiling = (313.5 + 767) / 2;

describe('a series ending on a jump', () => {
	it('is found by its own robust spread', () => {
		expect(endJump(yeezy)).toEqual({ last: 767, base: 313.5 });
		expect(JUMP_CAP).toBe('half');
		expect(jumpCeiling({ last: 767, base: 313.5 })).toBe(ceiling);
		expect(jumpCeiling({ last: 767, base: 313.5 }, 'last')).toBe(767);
		// a steady rise is no jump
		expect(endJump(Float64Array.from({ length: 20 }, (_, i) => 10 + 5 * i))).toBeNull();
		// noisy weeks: 767 after values spread as widely is no jump
		const noisy = Float64Array.from([300, 700, 200, 650, 250, 720, 180, 600, 310, 767]);
		expect(endJump(noisy)).toBeNull();
		// too short, or zeros before it (intermittent: the jump is an ordinary order)
		expect(endJump(yeezy.slice(-9))).toBeNull();
		expect(endJump(Float64Array.from([5, 0, 4, 6, 5, 0, 5, 4, 6, 5, 40]))).toBeNull();
		// the season explains it: the same week a season earlier was as high
		const seasonal = Float64Array.from({ length: 26 }, (_, i) =>
			i % 13 === 12 ? 100 : 20 + (i % 3),
		);
		expect(endJump(seasonal, 1)).not.toBeNull();
		expect(endJump(seasonal, 13)).toBeNull();
	});

	it('keeps the automatic forecast from rising above the jump, with a note', () => {
		const before = forecastAuto(yeezy, { ...opts, endJump: false });
		// without the rule the chosen blend carries the jump upward
		expect(Math.max(...before.point)).toBeGreaterThan(767);
		expect(before.notes.map((n) => n.code)).not.toContain('engine_note_end_jump');
		const r = forecastAuto(yeezy, on);
		expect(r.model).toBe(before.model);
		for (let j = 0; j < 12; j++) {
			expect(r.point[j]).toBeLessThanOrEqual(ceiling + 1e-9);
			expect(r.point[j]).toBeCloseTo(Math.min(before.point[j], ceiling), 6);
			for (const iv of r.intervals) {
				expect(iv.lower[j]).toBeLessThanOrEqual(r.point[j]);
				expect(iv.upper[j]).toBeGreaterThanOrEqual(r.point[j]);
			}
		}
		expect(r.notes).toContainEqual({
			code: 'engine_note_end_jump',
			params: { value: 767, base: 314, cap: Math.round(ceiling) },
		});
		// the milder ceiling: the jump itself
		const last = forecastAuto(yeezy, { ...opts, endJump: 'last' });
		for (let j = 0; j < 12; j++) expect(last.point[j]).toBeLessThanOrEqual(767 + 1e-9);
	});

	it('is off unless asked: the default forecast is the one without the rule', () => {
		const r = forecastAuto(yeezy, opts);
		expect(Array.from(r.point)).toEqual(
			Array.from(forecastAuto(yeezy, { ...opts, endJump: false }).point),
		);
		expect(r.notes.map((n) => n.code)).not.toContain('engine_note_end_jump');
		expect(Math.max(...forecastAuto(yeezy, on).point)).toBeLessThanOrEqual(ceiling + 1e-9);
	});

	it('leaves a user’s own model list and series with regressors alone', () => {
		const models = ['arima', 'naive', 'ets'];
		const own = forecastAuto(yeezy, { ...on, models });
		expect(own.notes.map((n) => n.code)).not.toContain('engine_note_end_jump');
		expect(Array.from(own.point)).toEqual(
			Array.from(forecastAuto(yeezy, { ...opts, models, endJump: false }).point),
		);
		const promo = Float64Array.from(yeezy, (_, i) => (i === yeezy.length - 1 ? 1 : 0));
		const regressors = {
			names: ['promo'],
			history: [promo],
			future: [new Float64Array(12)],
		};
		const withReg = forecastAuto(yeezy, { ...on, regressors });
		expect(withReg.notes.map((n) => n.code)).not.toContain('engine_note_end_jump');
	});

	it('moves the intervals down with the point and keeps lower ends at or above 0', () => {
		const iv = { level: 0.8, lower: Float64Array.from([0, 5]), upper: Float64Array.from([30, 40]) };
		const r = {
			point: Float64Array.from([10, 25]),
			intervals: [iv],
			notes: [],
		} as unknown as AutoForecastResult;
		const c = capAtJump(r, { last: 30, base: 10 }, 20);
		expect(Array.from(c.point)).toEqual([10, 20]);
		expect(Array.from(c.intervals[0].upper)).toEqual([30, 35]);
		expect(Array.from(c.intervals[0].lower)).toEqual([0, 0]);
		// nothing above the ceiling: the same result
		expect(capAtJump(r, { last: 30, base: 10 }, 25)).toBe(r);
	});
});
