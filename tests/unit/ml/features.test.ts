// Windowing, per-window scaling and its inverse, holdout/validation split, padding of short series,
// calendar/holiday and regressor features of the deep models' dataset builder.
import { describe, expect, it } from 'vitest';
import {
	LEGACY_FEATURES,
	N_FEATURES,
	fillWindow,
	forecastWindows,
	inverseScale,
	makeWindows,
	seriesScales,
} from '../../../src/ml/features';
import { holidayInPeriod, isHoliday } from '../../../src/ml/holidays';
import { START, weeklyBatch } from './fixtures';

const cfg = { lookback: 8, horizon: 4, freq: 'week' as const };

describe('window dataset', () => {
	it('cuts every series into lookback + horizon windows with scaled targets', () => {
		const batch = weeklyBatch(3, 30);
		const { train, val } = makeWindows(batch, cfg, { minObserved: 8 });
		// ends 8 … 26 per series (target must fit): 19 windows each
		expect(train.n).toBe(3 * 19);
		expect(val).toBeNull();
		expect(train.x.length).toBe(train.n * 12 * N_FEATURES);
		expect(train.y.length).toBe(train.n * 4);
		// every window: relative to its last value (0 there), mean |change| 1, observed only in the past
		for (let w = 0; w < train.n; w++) {
			let d = 0;
			for (let r = 0; r < 8; r++) {
				if (r > 0)
					d += Math.abs(
						train.x[(w * 12 + r) * N_FEATURES] - train.x[(w * 12 + r - 1) * N_FEATURES],
					);
				expect(train.x[(w * 12 + r) * N_FEATURES + 1]).toBe(1);
			}
			expect(train.x[(w * 12 + 7) * N_FEATURES]).toBe(0);
			expect(d / 7).toBeCloseTo(1, 5);
			for (let r = 8; r < 12; r++) {
				expect(train.x[(w * 12 + r) * N_FEATURES]).toBe(0);
				expect(train.x[(w * 12 + r) * N_FEATURES + 1]).toBe(0);
			}
		}
	});

	it('inverse scaling gives the original future values back', () => {
		const batch = weeklyBatch(2, 30);
		const { train } = makeWindows(batch, cfg, { minObserved: 8, stride: 5 });
		const back = inverseScale(train.y.slice(), train, 4);
		// first window of series 0 ends at 26 (descending ends): its target is y[26..30)
		for (let j = 0; j < 4; j++) expect(back[j]).toBeCloseTo(batch.y[26 + j], 3);
	});

	it('keeps the holdout out of training and validates on the last horizon before it', () => {
		const batch = weeklyBatch(2, 40);
		const { train, val, scales } = makeWindows(batch, cfg, { holdout: 8, validation: true });
		// usable 32; validation target [28, 32); training targets end ≤ 28 → ends 4 … 24
		expect(val!.n).toBe(2);
		expect(train.n).toBe(2 * 21);
		const back = inverseScale(val!.y.slice(), val!, 4);
		for (let j = 0; j < 4; j++) expect(back[j]).toBeCloseTo(batch.y[28 + j], 3);
		expect(scales[1]).toBeCloseTo(seriesScales(batch, 8)[1]);
		// scale excludes the holdout
		const mean = batch.y.slice(40, 72).reduce((a, b) => a + Math.abs(b), 0) / 32;
		expect(scales[1]).toBeCloseTo(mean, 8);
	});

	it('pads a series shorter than the lookback and samples at most maxWindows', () => {
		const batch = weeklyBatch(1, 6);
		const set = forecastWindows(batch, cfg, [[0, 6]], seriesScales(batch));
		// 8 lookback rows: the first 2 are padding (observed 0), the other 6 observed
		const obs = Array.from({ length: 8 }, (_, r) => set.x[r * N_FEATURES + 1]);
		expect(obs).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
		const many = makeWindows(weeklyBatch(5, 60), cfg, { maxWindows: 17, seed: 3 });
		expect(many.train.n).toBe(17);
		const again = makeWindows(weeklyBatch(5, 60), cfg, { maxWindows: 17, seed: 3 });
		expect(Array.from(again.train.y)).toEqual(Array.from(many.train.y));
	});

	it('a constant zero lookback takes the series scale; the level feature is log1p(mean |y|)/10', () => {
		const batch = weeklyBatch(1, 20);
		batch.y.fill(0, 0, 10);
		const out = new Float32Array(12 * N_FEATURES);
		const s = fillWindow(out, 0, batch, 0, 9, cfg, 7.5);
		expect(s).toBe(7.5);
		expect(out[9]).toBeCloseTo(Math.log1p(7.5) / 10, 6);
	});

	it('calendar, holiday and price features', () => {
		expect(isHoliday(Date.UTC(2021, 11, 25))).toBe(true);
		expect(isHoliday(Date.UTC(2021, 10, 26))).toBe(true); // Black Friday 2021
		expect(isHoliday(Date.UTC(2021, 1, 12))).toBe(true); // Chinese New Year 2021
		expect(isHoliday(Date.UTC(2021, 2, 3))).toBe(false);
		expect(holidayInPeriod(Date.UTC(2021, 10, 8), 'week')).toBe(true); // 11.11
		expect(holidayInPeriod(Date.UTC(2021, 2, 1), 'week')).toBe(false);
		const batch = weeklyBatch(1, 30, true);
		const out = new Float32Array(12 * N_FEATURES);
		fillWindow(out, 0, batch, 0, 20, cfg, 1);
		// row 0 is t = 12: week of START + 12 weeks; day-of-year sin/cos on the unit circle
		const sin = out[2];
		const cos = out[3];
		expect(sin * sin + cos * cos).toBeCloseTo(1, 5);
		// price 8 at t = 16 vs a mean of 9.75 over the lookback (t 12…19): −0.179
		const r16 = 4 * N_FEATURES;
		expect(out[r16 + 7]).toBeCloseTo(8 / 9.75 - 1, 4);
		// weekly data: no day-of-week feature
		expect(out[4]).toBe(0);
		expect(START).toBeGreaterThan(0);
	});

	it('product age since the first sale and the Q4 flag; a legacy config writes 10 features', () => {
		// a product launched at t = 5 (zeros before), weekly from Monday 2021-01-04
		const batch = weeklyBatch(1, 60);
		batch.y.fill(0, 0, 5);
		const out = new Float32Array(12 * N_FEATURES);
		fillWindow(out, 0, batch, 0, 10, cfg, 1); // rows t = 2 … 13
		const at = (t: number, f: number): number => out[(t - 2) * N_FEATURES + f];
		expect(at(4, 10)).toBe(0); // before the first sale
		expect(at(5, 10)).toBe(0); // the launch week: age 0
		expect(at(6, 10)).toBeCloseTo(Math.log1p(1) / Math.log1p(156), 6);
		expect(at(13, 10)).toBeCloseTo(Math.log1p(8) / Math.log1p(156), 6); // a future period
		// Q4: t = 38 is the week of 2021-09-27 (September), t = 39 of 2021-10-04
		const late = new Float32Array(12 * N_FEATURES);
		fillWindow(late, 0, batch, 0, 40, cfg, 1); // rows t = 32 … 43
		expect(late[(38 - 32) * N_FEATURES + 11]).toBe(0);
		expect(late[(39 - 32) * N_FEATURES + 11]).toBe(1);
		expect(late[(43 - 32) * N_FEATURES + 11]).toBe(1);
		// a model saved before these features reads the first 10, in the same order
		const legacy = new Float32Array(12 * LEGACY_FEATURES);
		fillWindow(legacy, 0, batch, 0, 40, { ...cfg, features: LEGACY_FEATURES }, 1);
		for (let r = 0; r < 12; r++)
			for (let f = 0; f < LEGACY_FEATURES; f++)
				expect(legacy[r * LEGACY_FEATURES + f]).toBe(late[r * N_FEATURES + f]);
	});
});
