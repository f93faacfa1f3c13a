// Calibrated ranges after a fall in level (engine.ts fallScores, option fallRange; SHORT-HISTORY.md
// "fallcal", issue #11): a 130-week series whose sales fell from ~1,000 to ~50 a week kept an 80 %
// upper end many times its best recent week, because the normalised scores and the final fit's σ̂
// are in absolute units learnt where the level was ~1,000. With the option, errors count over the
// level ('level', candidate R) or its square root ('sqrt', R2m; 'sqrt-screened', R2s: "fallcal3";
// 'sqrt-persistent', R2p: "fallcal4", only where today's weeks are a level) at their own backtest origin
// and the range is sized to today's.
import { describe, expect, it } from 'vitest';
import {
	FALL_RANGE,
	FALL_RATIO,
	fallPersists,
	fallScores,
	forecastAuto,
	LEVEL_WINDOW,
} from '../../../src/core/engine';
import { translate } from '../../../src/lib/i18n/translate';

const OPTS = { horizon: 12, season: 52, levels: [0.8, 0.95] };
const NOTE = 'engine_note_range_level_fall';

/** 130 weeks around `level(t)` with 15 % noise (a fixed Park–Miller stream, rounded, ≥ 0). */
function weeks(level: (t: number) => number, seed = 7): Float64Array {
	let x = seed;
	const rnd = () => (x = (x * 16807) % 2147483647) / 2147483647;
	return Float64Array.from({ length: 130 }, (_, t) => {
		const g = Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
		return Math.max(0, Math.round(level(t) * (1 + 0.15 * g)));
	});
}
const FELL = weeks((t) => (t < 110 ? 1000 : 50));
const STEADY = weeks(() => 1000);
const ROSE = weeks((t) => (t < 110 ? 50 : 1000));
const bestRecent = (y: Float64Array) => Math.max(...y.subarray(y.length - LEVEL_WINDOW));
const top = (a: Float64Array) => Math.max(...a);

describe('ranges after a fall in level', () => {
	const off = forecastAuto(FELL, { ...OPTS, fallRange: false });
	const best = bestRecent(FELL);

	it('the defect: calibrated, an 80 % upper end over 5× the best of the last 8 weeks', () => {
		expect(off.notes.map((n) => n.code)).not.toContain('engine_note_few_errors');
		expect(off.notes.map((n) => n.code)).not.toContain(NOTE);
		expect(top(off.intervals[0].upper)).toBeGreaterThan(5 * best);
	});

	for (const [mode, bound80, bound95] of [
		['sqrt', 6, 9],
		['sqrt-screened', 6, 9],
		['sqrt-persistent', 6, 9],
		['level', 2, 3],
	] as const)
		it(`'${mode}': an upper end near the recent weeks, same points, nested ranges, a note`, () => {
			const on = forecastAuto(FELL, { ...OPTS, fallRange: mode });
			expect(Array.from(on.point)).toEqual(Array.from(off.point));
			expect(top(on.intervals[0].upper)).toBeLessThan(bound80 * best);
			expect(top(on.intervals[1].upper)).toBeLessThan(bound95 * best);
			expect(top(on.intervals[0].upper)).toBeLessThan(0.3 * top(off.intervals[0].upper));
			for (let j = 0; j < OPTS.horizon; j++) {
				expect(on.intervals[0].upper[j]).toBeGreaterThan(on.point[j]);
				expect(on.intervals[1].upper[j]).toBeGreaterThanOrEqual(on.intervals[0].upper[j]);
				expect(on.intervals[1].lower[j]).toBeLessThanOrEqual(on.intervals[0].lower[j]);
				expect(on.intervals[1].lower[j]).toBeGreaterThanOrEqual(0);
			}
			const note = on.notes.find((n) => n.code === NOTE);
			expect(note).toBeDefined();
			expect(Number(note!.params!.times)).toBeGreaterThanOrEqual(FALL_RATIO);
			expect(Number(note!.params!.level)).toBeGreaterThan(30);
			expect(Number(note!.params!.level)).toBeLessThan(80);
			const en = translate('en', NOTE, note!.params);
			expect(en).toContain(`${note!.params!.times}×`);
			const zh = translate('zh-CN', NOTE, note!.params);
			expect(zh).toContain(`${note!.params!.times} 倍`);
			expect(zh).not.toBe(en);
		});

	it('the default is off (R2s failed on the held-out horizon, heldout32): no series is resized', () => {
		expect(FALL_RANGE).toBe(false);
		const byDefault = forecastAuto(FELL, OPTS);
		const off = forecastAuto(FELL, { ...OPTS, fallRange: false });
		const on = forecastAuto(FELL, { ...OPTS, fallRange: 'sqrt-screened' });
		expect(Array.from(byDefault.intervals[0].upper)).toEqual(Array.from(off.intervals[0].upper));
		expect(Array.from(byDefault.intervals[0].upper)).not.toEqual(Array.from(on.intervals[0].upper));
		expect(byDefault.notes.map((n) => n.code)).not.toContain(NOTE);
	});

	it('a steady series and a rising one are unchanged (no note)', () => {
		for (const y of [STEADY, ROSE]) {
			const a = forecastAuto(y, { ...OPTS, fallRange: false });
			for (const mode of ['sqrt', 'sqrt-screened', 'sqrt-persistent', 'level'] as const) {
				const on = forecastAuto(y, { ...OPTS, fallRange: mode });
				expect(on.notes.map((n) => n.code)).not.toContain(NOTE);
				expect(Array.from(on.point)).toEqual(Array.from(a.point));
				on.intervals.forEach((iv, i) => {
					expect(Array.from(iv.lower)).toEqual(Array.from(a.intervals[i].lower));
					expect(Array.from(iv.upper)).toEqual(Array.from(a.intervals[i].upper));
				});
			}
		}
	});

	it('a one-off week is not a fall in level (R2m: a median; R2s: a mean without the screened week)', () => {
		// tests/fixtures/spike-sales.csv: ~100 a week with one 5,000 week; its backtest origin at week 18
		// has the 5,000 among its last 8 values (a mean of ~700 read as a 7× fall)
		const y = Float64Array.from([
			90, 106, 101, 96, 91, 107, 102, 97, 92, 108, 103, 98, 5000, 109, 104, 99, 94, 110, 105, 100,
			95, 90, 106, 101, 96, 91, 107, 102, 97, 92,
		]);
		const a = forecastAuto(y, { ...OPTS, fallRange: false });
		expect(a.outliers?.map((o) => o.index)).toEqual([12]);
		for (const mode of ['sqrt', 'sqrt-screened', 'sqrt-persistent', 'level', undefined] as const) {
			const on = forecastAuto(y, mode === undefined ? OPTS : { ...OPTS, fallRange: mode });
			expect(on.notes.map((n) => n.code)).not.toContain(NOTE);
			on.intervals.forEach((iv, i) => {
				expect(Array.from(iv.upper)).toEqual(Array.from(a.intervals[i].upper));
			});
		}
	});

	it('fallScores: errors over their origin level (or its root) and the model shape, after a 3× fall', () => {
		// level 100 until t = 16, then 25; origin 16 (level 100), origin 20 (level 62.5)
		const y = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 100 : 25));
		const actuals = [y.slice(16, 20), y.slice(20, 24)];
		const forecasts = [Float64Array.of(100, 100, 100, 100), Float64Array.of(25, 25, 25, 25)];
		const scales = [Float64Array.of(10, 20, 20, 40), Float64Array.of(5, 5, 5, 5)];
		const r = fallScores(y, [16, 20], actuals, forecasts, scales, 'level');
		expect(r).not.toBeNull();
		expect(r!.level).toBe(25);
		expect(r!.unit).toBe(25);
		expect(r!.ratio).toBe(4);
		// 75 / (100 · g), g = 1, 2, 2, 4
		expect(r!.scores[0]).toEqual([0.75, 0.375, 0.375, 0.1875]);
		expect(r!.scores[1]).toEqual([0, 0, 0, 0]);
		const q = fallScores(y, [16, 20], actuals, forecasts, scales, 'sqrt');
		expect(q!.unit).toBe(5);
		// 75 / (√100 · g)
		expect(q!.scores[0]).toEqual([7.5, 3.75, 3.75, 1.875]);
		// a fall under FALL_RATIO, or a level of 0 today: not applied
		const mild = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 50 : 25));
		expect(fallScores(mild, [16, 20], actuals, forecasts, scales)).toBeNull();
		const gone = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 100 : 0));
		expect(fallScores(gone, [16, 20], actuals, forecasts, scales)).toBeNull();
		// 'sqrt' wants a full level window at every origin; 'level' does not
		const early = [y.slice(5, 9), y.slice(20, 24)];
		const high = Float64Array.from(y, (v, t) => (t < 9 ? 100 : v));
		expect(fallScores(high, [5, 20], early, forecasts, scales, 'level')).not.toBeNull();
		expect(fallScores(high, [5, 20], early, forecasts, scales, 'sqrt')).toBeNull();
		expect(fallScores(high, [5, 20], early, forecasts, scales, 'sqrt-screened')).toBeNull();
		// 'sqrt-screened': means of the window less the screen's one-off weeks (R2 where none is flagged)
		const s = fallScores(y, [16, 20], actuals, forecasts, scales, 'sqrt-screened');
		expect(s).toEqual(q);
		// a one-off 700 among 25s: the plain mean of origin 16's window (109.4) reads as a 4.4x fall
		const spike = Float64Array.from({ length: 24 }, (_, t) => (t === 10 ? 700 : 25));
		const plain = fallScores(spike, [16, 20], actuals, forecasts, scales, 'sqrt-screened');
		expect(plain!.ratio).toBeCloseTo(4.375, 9);
		expect(
			fallScores(spike, [16, 20], actuals, forecasts, scales, 'sqrt-screened', [10]),
		).toBeNull();
		// a real fall with a one-off week in it: the level without that week
		const both = Float64Array.from(y, (v, t) => (t === 10 ? 900 : v));
		const r2s = fallScores(both, [16, 20], actuals, forecasts, scales, 'sqrt-screened', [10]);
		expect(r2s).toEqual(q);
	});

	it("'sqrt-persistent' (R2p): R2s only where no week of the last 8 is 3× today's level", () => {
		const y = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 100 : 25));
		const actuals = [y.slice(16, 20), y.slice(20, 24)];
		const forecasts = [Float64Array.of(100, 100, 100, 100), Float64Array.of(25, 25, 25, 25)];
		const scales = [Float64Array.of(10, 20, 20, 40), Float64Array.of(5, 5, 5, 5)];
		// a fall that holds: R2s to the digit
		const r2s = fallScores(y, [16, 20], actuals, forecasts, scales, 'sqrt-screened');
		expect(fallPersists(y, 25)).toBe(true);
		expect(fallScores(y, [16, 20], actuals, forecasts, scales, 'sqrt-persistent')).toEqual(r2s);
		// bursty retail: lumpy small weeks after busy ones (0, 0, 11, 1, 1, 7, 0, 3: level 2.9, 11 > 8.6)
		const lumpy = Float64Array.from(y, (v, t) => (t < 16 ? v : [0, 0, 11, 1, 1, 7, 0, 3][t - 16]));
		expect(fallScores(lumpy, [16, 20], actuals, forecasts, scales, 'sqrt-screened')).not.toBeNull();
		expect(fallPersists(lumpy, 23 / 8)).toBe(false);
		expect(fallScores(lumpy, [16, 20], actuals, forecasts, scales, 'sqrt-persistent')).toBeNull();
		// a bulk-order week among today's weeks: the screen leaves it out of the level (R2s fires), but
		// it still says big weeks come back (not exempt from the persistence check)
		const bulk = Float64Array.from(y, (v, t) => (t === 21 ? 400 : v));
		expect(fallScores(bulk, [16, 20], actuals, forecasts, scales, 'sqrt-screened', [21])).toEqual(
			r2s,
		);
		expect(
			fallScores(bulk, [16, 20], actuals, forecasts, scales, 'sqrt-persistent', [21]),
		).toBeNull();
		// exactly 3× today's level is still a level; just above it is not
		const edge = Float64Array.from(y, (v, t) => (t === 23 ? 3 * 25 : v));
		expect(fallPersists(edge, 25)).toBe(true);
		expect(fallPersists(edge, 24.9)).toBe(false);
	});
});
