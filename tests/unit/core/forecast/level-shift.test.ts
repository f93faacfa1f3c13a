// Level shifts (issue #11: "fitting up to 520 points keeps data from before the shift"): a series that
// settles at a new level gets Theta and ETS fitted without the old level ('theta~shift', 'ets~shift',
// src/core/forecast/level-shift.ts) as extra candidates of the same backtest. The detection at each
// backtest origin sees that origin's window only.
import { describe, expect, it } from 'vitest';
import { forecastAuto, type EngineTrace } from '../../../../src/core/engine';
import {
	findLevelShift,
	MIN_POST,
	ShiftDetector,
	ShiftModel,
	withoutShift,
} from '../../../../src/core/forecast/level-shift';
import { Theta } from '../../../../src/core/models/theta';

/** Deterministic noise in about ±3 (sum of three uniforms, Park–Miller). */
function noise(seed: number): () => number {
	let s = seed;
	const u = (): number => {
		s = (s * 16807) % 2147483647;
		return s / 2147483647;
	};
	return () => (u() + u() + u() - 1.5) * 2;
}

/** 100 a week until `at`, then 150, with noise. */
function step(n: number, at: number, seed = 7): Float64Array {
	const e = noise(seed);
	return Float64Array.from({ length: n }, (_, t) => (t < at ? 100 : 150) + 4 * e());
}

describe('findLevelShift', () => {
	it('finds a clear step and where it happened', () => {
		const s = findLevelShift(step(120, 90), 1);
		expect(s).not.toBeNull();
		expect(s!.index).toBeGreaterThanOrEqual(89);
		expect(s!.index).toBeLessThanOrEqual(91);
		expect(s!.before).toBeGreaterThan(95);
		expect(s!.before).toBeLessThan(105);
		expect(s!.after).toBeGreaterThan(145);
		expect(s!.after).toBeLessThan(155);
	});

	it('finds nothing in noise, a steady trend, a season, or a step too recent to be seen lasting', () => {
		const e = noise(3);
		const flat = Float64Array.from({ length: 150 }, () => 100 + 5 * e());
		const trend = Float64Array.from({ length: 150 }, (_, t) => 100 + 0.5 * t + 4 * e());
		const season = Float64Array.from(
			{ length: 156 },
			(_, t) => 200 + 60 * Math.sin((2 * Math.PI * t) / 12) + 4 * e(),
		);
		expect(findLevelShift(flat, 1)).toBeNull();
		expect(findLevelShift(trend, 1)).toBeNull();
		expect(findLevelShift(season, 12)).toBeNull();
		// the new level seen for 6 points: no split with MIN_POST points after it has 80 % of them new
		expect(findLevelShift(step(120, 120 - MIN_POST + 2), 1)).toBeNull();
		expect(findLevelShift(step(120, 120 - MIN_POST), 1)).not.toBeNull();
	});

	it('finds a downward step under a strong season', () => {
		const e = noise(11);
		const y = Float64Array.from(
			{ length: 160 },
			(_, t) => (t < 120 ? 100 : 70) + 30 * Math.sin((2 * Math.PI * t) / 12) + 3 * e(),
		);
		const s = findLevelShift(y, 12);
		expect(s).not.toBeNull();
		expect(Math.abs(s!.index - 120)).toBeLessThanOrEqual(1);
		expect(s!.after - s!.before).toBeLessThan(-25);
		// without the season taken off, the sine's swings hide the step
		expect(findLevelShift(y, 1)).toBeNull();
	});

	it('trims or moves the old level', () => {
		const y = Float64Array.from([10, 12, 11, 20, 22]);
		const s = { index: 3, before: 11, after: 22, score: 5 };
		expect(Array.from(withoutShift(y, s, 'trim'))).toEqual([20, 22]);
		expect(Array.from(withoutShift(y, s, 'adjust'))).toEqual([20, 24, 22, 20, 22]);
		// a series with a zero is moved by the difference instead of the ratio
		const z = Float64Array.from([0, 12, 11, 20, 22]);
		expect(Array.from(withoutShift(z, s, 'adjust'))).toEqual([11, 23, 22, 20, 22]);
	});
});

describe('the level-shift candidates in the automatic choice', () => {
	for (const mode of ['trim', 'adjust'] as const)
		it(`${mode}: a step 30 periods back is found, a shift candidate wins, the forecast is at the new level`, () => {
			const y = step(120, 90);
			const r = forecastAuto(y, { horizon: 8, season: 1, levelShift: mode });
			expect(r.model).toContain('~shift');
			expect(r.notes).toContainEqual(
				expect.objectContaining({ code: `engine_note_level_shift_${mode}` }),
			);
			const note = r.notes.find((n) => n.code === `engine_note_level_shift_${mode}`)!;
			expect(note.params!.periods).toBeGreaterThanOrEqual(29);
			expect(note.params!.periods).toBeLessThanOrEqual(31);
			for (const v of r.point) expect(Math.abs(v - 150)).toBeLessThan(6);
			// Theta without the old level backtests better than Theta on the whole window, whose drift
			// comes from the step
			const mase = (name: string): number => r.leaderboard.find((x) => x.model === name)!.mase;
			expect(mase('theta~shift')).toBeLessThan(mase('theta'));
			// switched off: no shift candidate, no note
			const off = forecastAuto(y, { horizon: 8, season: 1, levelShift: false });
			expect(off.leaderboard.some((x) => x.model.includes('~shift'))).toBe(false);
			expect(off.notes.some((n) => n.code.startsWith('engine_note_level_shift'))).toBe(false);
		});

	it('offers no shift candidate where there is no shift', () => {
		const e = noise(5);
		const y = Float64Array.from(
			{ length: 156 },
			(_, t) => 200 + 0.3 * t + 50 * Math.sin((2 * Math.PI * t) / 12) + 5 * e(),
		);
		const r = forecastAuto(y, { horizon: 12, season: 12, levelShift: 'adjust' });
		expect(r.leaderboard.length).toBeGreaterThan(5);
		expect(r.leaderboard.some((x) => x.model.includes('~shift'))).toBe(false);
	});

	it('on a seasonal series, fits the shift candidates with the season kept', () => {
		const e = noise(11);
		const y = Float64Array.from(
			{ length: 160 },
			(_, t) => (t < 120 ? 100 : 70) + 30 * Math.sin((2 * Math.PI * t) / 12) + 3 * e(),
		);
		const r = forecastAuto(y, { horizon: 12, season: 12, levelShift: 'adjust' });
		const row = r.leaderboard.find((x) => x.model === 'ets~shift');
		expect(row).toBeDefined();
		expect(Number.isFinite(row!.mase)).toBe(true);
		// Theta on the moved history keeps the season: its forecast swings like the sine around 70
		const f = new ShiftModel('theta~shift', new Theta(), new ShiftDetector(12), 'adjust')
			.fit(y, { season: 12 })
			.predict(12).point;
		const mean = f.reduce((a, b) => a + b, 0) / 12;
		expect(Math.abs(mean - 70)).toBeLessThan(8);
		expect(Math.max(...f) - Math.min(...f)).toBeGreaterThan(40);
	});

	it('at each backtest origin detects on the window before that origin only', () => {
		// the step 16 periods before the end: with h = 6 the origins end 18, 12 and 6 periods before
		// the end, so the oldest window ends before the step and the next holds 4 points of the new level
		const y = step(150, 134);
		let trace: EngineTrace | null = null;
		forecastAuto(
			y,
			{ horizon: 6, season: 1, levelShift: 'trim', origins: 3 },
			{ trace: (t) => (trace = t) },
		);
		expect(trace).not.toBeNull();
		const t = trace! as EngineTrace;
		const byName = (x: string) => t.candidates.find((c) => c.name === x)!;
		const shifted = byName('theta~shift').forecasts;
		const base = byName('theta').forecasts;
		// origins e = 150 − 6 − 6k (oldest first): 132, 138, 144
		const origins = [132, 138, 144];
		origins.forEach((e, k) => {
			const seen = findLevelShift(y.slice(0, e), 1);
			if (e - 134 < MIN_POST) {
				// the new level not yet seen long enough at this origin: the base model's forecast
				expect(seen).toBeNull();
				expect(Array.from(shifted[k]!)).toEqual(Array.from(base[k]!));
			} else {
				expect(seen).not.toBeNull();
				expect(Array.from(shifted[k]!)).not.toEqual(Array.from(base[k]!));
			}
		});
		// the first two origins see no shift, the last does
		expect(origins.map((e) => findLevelShift(y.slice(0, e), 1) !== null)).toEqual([
			false,
			false,
			true,
		]);
	});
});

describe('the level-shift note', () => {
	it('says when the history before the shift was set aside or moved, in en and zh', async () => {
		const { translate } = await import('../../../../src/lib/i18n/translate');
		const { shiftNote } = await import('../../../../src/core/forecast/level-shift');
		const s = { index: 90, before: 100.4, after: 149.6, score: 9 };
		const trim = shiftNote(s, 120, 'trim');
		expect(trim).toEqual({
			code: 'engine_note_level_shift_trim',
			params: { periods: 30, before: 100, after: 150 },
		});
		expect(translate('en', trim.code, trim.params)).toContain('30 periods ago');
		expect(translate('en', trim.code, trim.params)).toContain('set aside');
		expect(translate('zh-CN', trim.code, trim.params)).toContain('30 期前');
		const adj = shiftNote(s, 120, 'adjust');
		expect(translate('en', adj.code, adj.params)).toContain('moved to the new level');
		expect(translate('zh-CN', adj.code, adj.params)).toContain('100 → 150');
	});
});
