// The automatic engine: selection by backtest, combinations, conformal intervals, gaps, short and
// intermittent series, non-negativity, decomposition, and fast-check invariants.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	forecastAuto,
	forecastBaseline,
	autoCandidates,
	intervalMultipliers,
} from '../../../src/core/engine';
import { comboPreference } from '../../../src/core/forecast/combo-preference';
import { qnorm } from '../../../src/core/stats';
import type { Message } from '../../../src/core/messages';
import { seasonalSeries } from './models/forecaster-contract';
import { expectWellFormed } from './expect-forecast';

// full auto runs fit ~10 models over several origins: allow more than the default 5 s
vi.setConfig({ testTimeout: 240_000 });

const codes = (r: { notes: Message[] }): string[] => r.notes.map((n) => n.code);

const ap = Float64Array.from(
	readFileSync(fileURLToPath(new URL('../../fixtures/air-passengers.csv', import.meta.url)), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => Number(l.split(',')[2])),
);

describe('forecastAuto', () => {
	it('forecasts AirPassengers with a seasonal model, close to the held-out year', () => {
		const train = ap.slice(0, 132);
		const test = ap.slice(132);
		const r = forecastAuto(train, { horizon: 12, season: 12 });
		expectWellFormed(r, 12);
		expect(r.leaderboard.length).toBeGreaterThan(4);
		const mape = test.reduce((s, v, j) => s + Math.abs(v - r.point[j]) / v, 0) / 12;
		expect(mape).toBeLessThan(0.08);
		// the chosen model has the lowest backtest MASE on the leaderboard, or is the weighted
		// combination within the preference factor of it (1.6 for a monthly season: comboPreference)
		const top = r.leaderboard[0];
		const chosen = r.leaderboard.find((row) => row.model === r.model);
		if (top.model !== r.model) {
			expect(r.model).toMatch(/^combo\(/);
			expect(chosen!.mase).toBeLessThanOrEqual(top.mase * comboPreference(12, 132));
		}
		for (const row of r.leaderboard)
			if (Number.isFinite(row.mase)) expect(row.mase).toBeGreaterThanOrEqual(top.mase);
		expect(codes(r)).not.toContain('engine_note_gaps_filled');
	});
	it('marks combination weights on the leaderboard', () => {
		const r = forecastAuto(ap.slice(0, 132), { horizon: 12, season: 12 });
		const chosen = r.leaderboard.find((row) => row.model === r.model);
		expect(chosen?.weight).toBe(1);
		if (/^(combo|median)\(/.test(r.model)) {
			const members = r.model.slice(r.model.indexOf('(') + 1, -1).split(',');
			const w = members.map((m) => r.leaderboard.find((row) => row.model === m)?.weight ?? 0);
			expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
		}
	});
	it('respects an explicit model list and rejects unknown names', () => {
		const r = forecastAuto(ap, { horizon: 6, season: 12, models: ['snaive'] });
		expect(r.model).toBe('snaive');
		expect([...r.point]).toEqual([...ap.slice(132, 138)]);
		expect(() => forecastAuto(ap, { horizon: 6, season: 12, models: ['prophet'] })).toThrow(
			/Unknown model/,
		);
	});
	it('forecastBaseline only considers seasonal naive and ETS', () => {
		const r = forecastBaseline(ap, { horizon: 12, season: 12 });
		const names = new Set(r.leaderboard.map((x) => x.model));
		for (const n of names) expect(n).toMatch(/snaive|ets/);
		expect(['snaive', 'ets', 'combo(snaive,ets)', 'combo(ets,snaive)']).toContain(r.model);
	});
	it('interpolates interior gaps with a note and trims missing ends', () => {
		const y = ap.slice(0, 60);
		y[20] = NaN;
		y[21] = NaN;
		const withGaps = Float64Array.from([NaN, ...y, NaN]);
		const r = forecastAuto(withGaps, { horizon: 6, season: 12 });
		expectWellFormed(r, 6);
		expect(r.notes).toContainEqual({ code: 'engine_note_gaps_filled', params: { n: 2 } });
		expect(codes(r)).toContain('engine_note_missing_start');
		expect(codes(r)).toContain('engine_note_missing_end');
	});
	it('degrades gracefully on very short series', () => {
		for (const n of [1, 2, 5, 7]) {
			const y = Float64Array.from({ length: n }, (_, t) => 10 + t);
			const r = forecastAuto(y, { horizon: 4, season: 12 });
			expectWellFormed(r, 4);
			expect(r.notes.length).toBeGreaterThan(0);
		}
		expect(codes(forecastAuto(new Float64Array([NaN, NaN]), { horizon: 3, season: 1 }))).toContain(
			'engine_note_empty',
		);
	});
	it('notes when a series is too short for seasonal models', () => {
		const notes: Message[] = [];
		const names = autoCandidates(30, 52, false, notes);
		expect(names).not.toContain('snaive');
		expect(notes).toContainEqual({
			code: 'engine_note_no_two_seasons',
			params: { n: 30, need: 104 },
		});
	});
	it('tries intermittent-demand methods on intermittent series and stays non-negative', () => {
		let s = 9;
		const rnd = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
		const y = Float64Array.from({ length: 60 }, () => (rnd() < 0.3 ? Math.ceil(rnd() * 5) : 0));
		const r = forecastAuto(y, { horizon: 8, season: 1 });
		expect(r.intermittent).toBe(true);
		const names = r.leaderboard.map((x) => x.model);
		expect(names).toEqual(expect.arrayContaining(['croston', 'sba', 'tsb', 'adida', 'imapa']));
		for (const iv of r.intervals) for (const v of iv.lower) expect(v).toBeGreaterThanOrEqual(0);
	});
	it('does not clamp when nonNegative is false or the history is negative', () => {
		const y = Float64Array.from({ length: 40 }, (_, t) => 80 - 2 * t);
		const clamped = forecastAuto(y, { horizon: 10, season: 1, models: ['drift'] });
		expect(Math.min(...clamped.point)).toBeGreaterThanOrEqual(0);
		const free = forecastAuto(y, { horizon: 10, season: 1, models: ['drift'], nonNegative: false });
		expect(free.point[9]).toBeLessThan(0);
		const neg = Float64Array.from({ length: 40 }, (_, t) => 20 - 2 * t);
		const r = forecastAuto(neg, { horizon: 3, season: 1, models: ['drift'] });
		expect(r.point[0]).toBeLessThan(0);
		expect(codes(r)).toContain('engine_note_negative_history');
	});
	it('returns a decomposition when asked', () => {
		const r = forecastAuto(ap, { horizon: 3, season: 12, decompose: true, models: ['naive'] });
		expect(r.decomposition?.trend.length).toBe(ap.length);
		expect(r.decomposition?.seasonalStrength).toBeGreaterThan(0.5);
	});
	it('calibrated intervals cover close to nominal on simulated random walks', () => {
		let s = 123;
		const gauss = (): number => {
			s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
			const u = (s + 1) / 4294967297;
			s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
			const v = s / 4294967296;
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		};
		let in80 = 0;
		let in95 = 0;
		let total = 0;
		for (let k = 0; k < 40; k++) {
			const y = new Float64Array(80);
			y[0] = 1000;
			for (let t = 1; t < 80; t++) y[t] = y[t - 1] + 5 * gauss();
			const train = y.slice(0, 72);
			const r = forecastAuto(train, { horizon: 8, season: 1, models: ['naive', 'drift'] });
			for (let j = 0; j < 8; j++) {
				total++;
				if (y[72 + j] >= r.intervals[0].lower[j] && y[72 + j] <= r.intervals[0].upper[j]) in80++;
				if (y[72 + j] >= r.intervals[1].lower[j] && y[72 + j] <= r.intervals[1].upper[j]) in95++;
			}
		}
		expect(in80 / total).toBeGreaterThan(0.65);
		expect(in95 / total).toBeGreaterThan(0.85);
	});
});

describe('intervalMultipliers', () => {
	const z80 = qnorm(0.9);
	const z95 = qnorm(0.975);
	const sorted = (xs: number[]) => Float64Array.from(xs).sort();

	it('takes conformal quantiles where the scores reach the level', () => {
		// 39 scores 0.1 … 3.9: the 80 % quantile is the 32nd, the 95 % the 38th
		const s = sorted(Array.from({ length: 39 }, (_, i) => (i + 1) / 10));
		const [q80, q95] = intervalMultipliers(s, [0.8, 0.95]);
		expect(q80).toBeCloseTo(3.2, 12);
		expect(q95).toBeCloseTo(3.8, 12);
	});

	it('carries the 80 % calibration over to 95 % when a dozen scores cannot reach it', () => {
		// 12 scores: ⌈13 · 0.8⌉ = 11th exists, ⌈13 · 0.95⌉ = 13th does not
		const s = sorted([0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.6, 3]);
		const [q80, q95] = intervalMultipliers(s, [0.8, 0.95]);
		expect(q80).toBeCloseTo(2.6, 12);
		expect(q95).toBeCloseTo((2.6 / z80) * z95, 12);
		// level order in the request does not matter
		expect(intervalMultipliers(s, [0.95, 0.8])).toEqual([q95, q80]);
	});

	it('moves a multiplier below the normal quantile a quarter of the way back, and nests the levels', () => {
		const s = sorted(Array.from({ length: 20 }, () => 0.5));
		const [q80, q95] = intervalMultipliers(s, [0.8, 0.95]);
		expect(q80).toBeCloseTo(0.5 + 0.25 * (z80 - 0.5), 12);
		expect(q95).toBeGreaterThanOrEqual(q80);
	});

	it('gives NaN with fewer than MIN_CONFORMAL_SCORES scores', () => {
		expect(intervalMultipliers(sorted([1, 2, 3]), [0.8, 0.95]).every(Number.isNaN)).toBe(true);
	});

	it('never shrinks as the level grows (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 10, maxLength: 80 }),
				(xs) => {
					const levels = [0.5, 0.8, 0.9, 0.95, 0.99];
					const qs = intervalMultipliers(sorted(xs), levels);
					for (let i = 1; i < qs.length; i++) expect(qs[i]).toBeGreaterThanOrEqual(qs[i - 1]);
				},
			),
		);
	});
});

describe('engine invariants (fast-check)', () => {
	it('leaderboard coverage at 95 % is never below coverage at 80 %', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
				let x = seed;
				const rnd = () => ((x = (x * 16807) % 2147483647) / 2147483647) * 2 - 1;
				let level = 100;
				const y = Float64Array.from({ length: 60 }, (_, t) => {
					level += 3 * rnd();
					return Math.max(0, level + 10 * Math.sin((2 * Math.PI * t) / 12) + 5 * rnd());
				});
				const r = forecastAuto(y, { horizon: 6, season: 12 });
				for (const row of r.leaderboard)
					if (Number.isFinite(row.coverage80))
						expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80);
			}),
			{ numRuns: 8 },
		);
	});

	it('finite, length h, ordered, non-negative intervals for any positive series', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
				fc.integer({ min: 1, max: 8 }),
				fc.constantFrom(1, 4, 12),
				(values, h, m) => {
					const r = forecastAuto(Float64Array.from(values), {
						horizon: h,
						season: m,
						models: values.length > 30 ? ['naive', 'snaive', 'theta', 'croston'] : 'auto',
					});
					expectWellFormed(r, h);
					for (const v of r.point) expect(v).toBeGreaterThanOrEqual(0);
					for (const iv of r.intervals)
						for (const v of iv.lower) expect(v).toBeGreaterThanOrEqual(0);
				},
			),
			{ numRuns: 40 },
		);
	});
	it('is deterministic', () => {
		const y = seasonalSeries(70, 12, 4);
		const a = forecastAuto(y, { horizon: 6, season: 12 });
		const b = forecastAuto(y, { horizon: 6, season: 12 });
		expect(a.model).toBe(b.model);
		expect([...a.point]).toEqual([...b.point]);
		expect([...a.intervals[1].upper]).toEqual([...b.intervals[1].upper]);
	});
});
