// Calibrated ranges after a fall in level (engine.ts fallScores, option fallRange; SHORT-HISTORY.md
// "fallcal", issue #11): a 130-week series whose sales fell from ~1,000 to ~50 a week kept an 80 %
// upper end many times its best recent week, because the normalised scores and the final fit's σ̂
// are in absolute units learnt where the level was ~1,000. With the option, errors count as a share
// of the level at their own backtest origin and the range is sized to today's level.
import { describe, expect, it } from 'vitest';
import { FALL_RATIO, fallScores, forecastAuto, LEVEL_WINDOW } from '../../../src/core/engine';
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
	it('a series that fell 20× keeps an upper end near its recent weeks, same points, a note', () => {
		const off = forecastAuto(FELL, { ...OPTS, fallRange: false });
		const on = forecastAuto(FELL, { ...OPTS, fallRange: 'level' });
		const best = bestRecent(FELL);
		// the defect: calibrated (no few-errors note), sized for the old level
		expect(off.notes.map((n) => n.code)).not.toContain('engine_note_few_errors');
		expect(top(off.intervals[0].upper)).toBeGreaterThan(5 * best);
		expect(off.notes.map((n) => n.code)).not.toContain(NOTE);
		// the fix
		expect(Array.from(on.point)).toEqual(Array.from(off.point));
		expect(top(on.intervals[0].upper)).toBeLessThan(2 * best);
		expect(top(on.intervals[1].upper)).toBeLessThan(3 * best);
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

	it('a steady series and a rising one are unchanged (no note)', () => {
		for (const y of [STEADY, ROSE]) {
			const off = forecastAuto(y, { ...OPTS, fallRange: false });
			const on = forecastAuto(y, { ...OPTS, fallRange: 'level' });
			expect(on.notes.map((n) => n.code)).not.toContain(NOTE);
			expect(Array.from(on.point)).toEqual(Array.from(off.point));
			on.intervals.forEach((iv, i) => {
				expect(Array.from(iv.lower)).toEqual(Array.from(off.intervals[i].lower));
				expect(Array.from(iv.upper)).toEqual(Array.from(off.intervals[i].upper));
			});
		}
	});

	it('fallScores: errors over their origin level and the model shape, only after a 3× fall', () => {
		// level 100 until t = 16, then 20; origin 16 (level 100), origin 20 (level 60)
		const y = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 100 : 20));
		const actuals = [y.slice(16, 20), y.slice(20, 24)];
		const forecasts = [Float64Array.of(100, 100, 100, 100), Float64Array.of(20, 20, 20, 20)];
		const scales = [Float64Array.of(10, 20, 20, 40), Float64Array.of(5, 5, 5, 5)];
		const r = fallScores(y, [16, 20], actuals, forecasts, scales);
		expect(r).not.toBeNull();
		expect(r!.level).toBe(20);
		expect(r!.ratio).toBe(5);
		// 80 / (100 · g), g = 1, 2, 2, 4
		expect(r!.scores[0]).toEqual([0.8, 0.4, 0.4, 0.2]);
		expect(r!.scores[1]).toEqual([0, 0, 0, 0]);
		// a fall under FALL_RATIO, or a level of 0 today: not applied
		const mild = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 50 : 20));
		expect(fallScores(mild, [16, 20], actuals, forecasts, scales)).toBeNull();
		const gone = Float64Array.from({ length: 24 }, (_, t) => (t < 16 ? 100 : 0));
		expect(fallScores(gone, [16, 20], actuals, forecasts, scales)).toBeNull();
	});
});
