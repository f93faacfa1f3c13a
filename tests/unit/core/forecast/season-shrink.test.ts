// Seasonal indices shrunk towards the category / shop total (src/core/forecast/season-shrink.ts):
// the empirical-Bayes estimator, the leave-one-out target, and the engine's candidates on it.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { makeModel } from '../../../../src/core/engine';
import {
	logIndices,
	shrinkSeason,
	ShrunkSeasonModel,
	shrinkApplies,
	shrinkTarget,
	SHRINK_MAX_SEASONS,
	SHRINK_MIN_SEASONS,
	type SeasonShrinkTarget,
} from '../../../../src/core/forecast/season-shrink';
import { withSeason } from '../../../../src/core/forecast/batch';
import type { SeriesBatch } from '../../../../src/core/types';

/** Deterministic noise in [-1, 1). */
function noise(seed: number): (t: number) => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 31 - 1;
	};
}
const M = 52;
/** A yearly wave peaking at week 47 (late November). */
const wave = (t: number): number => 1 + 0.6 * Math.cos((2 * Math.PI * (t - 47)) / M);
const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2021, 0, 4);

describe('logIndices', () => {
	it('recovers a seasonal pattern with its position offset, and its noise from the repeats', () => {
		const y = Float64Array.from(
			{ length: 3 * 12 },
			(_, t) => 100 * (1 + 0.5 * Math.sin((2 * Math.PI * t) / 12)),
		);
		const a = logIndices(y, 12, 0)!;
		const b = logIndices(y.subarray(5), 12, 5)!;
		// the same positions whatever the window's start
		for (let k = 0; k < 12; k++) expect(b.mu[k]).toBeCloseTo(a.mu[k], 1);
		expect(a.mu[3]).toBeGreaterThan(0.3); // the peak (sin = 1 at t = 3)
		expect(a.mu[9]).toBeLessThan(-0.5);
		// a noise-free pattern has (almost) no noise; a noisy one has
		const r = noise(1);
		const z = y.map((v) => v * (1 + 0.4 * r(0)));
		expect(Math.max(...a.v)).toBeLessThan(Math.min(...logIndices(z, 12, 0)!.v));
	});

	it('needs more than one season', () => {
		expect(logIndices(new Float64Array(12).fill(5), 12)).toBeNull();
		expect(logIndices(new Float64Array(20).fill(0), 12)).toBeNull();
	});
});

describe('shrinkSeason (empirical Bayes)', () => {
	const n = 80; // a season and a half
	const group = Float64Array.from({ length: n }, (_, t) => 1000 * wave(t));

	it('pulls a noisy product towards the group: its one-off promotion week is not a yearly peak', () => {
		const r = noise(7);
		const own = Float64Array.from({ length: n }, (_, t) => 20 * wave(t) * (1 + 0.3 * r(t)));
		own[20] *= 4; // a promotion in week 20 of the first year, not repeated
		const s = shrinkSeason(own, group, M, 0)!;
		const raw = logIndices(own, M, 0)!;
		const rawLm = raw.mu.reduce((a, b) => a + b, 0) / M;
		expect(s.weight).toBeGreaterThan(0);
		expect(s.weight).toBeLessThan(0.9);
		// week 20's index: the group's (about wave(20)), far below the product's raw one
		const g20 = wave(20) / (group.reduce((a, b) => a + b, 0) / n / 1000);
		expect(Math.abs(s.indices[20] - g20)).toBeLessThan(
			Math.abs(Math.exp(raw.mu[20] - rawLm) - g20),
		);
		expect(s.indices[20]).toBeLessThan(Math.exp(raw.mu[20] - rawLm) * 0.75);
	});

	it('lets a product with a clear pattern of its own keep it (weight near 1)', () => {
		// peaks in summer, every year alike, while the group peaks in November
		const own = Float64Array.from(
			{ length: n },
			(_, t) => 50 * (1 + 0.6 * Math.cos((2 * Math.PI * (t - 26)) / M)),
		);
		const s = shrinkSeason(own, group, M, 0)!;
		expect(s.weight).toBeGreaterThan(0.95);
		expect(s.indices[26]).toBeGreaterThan(1.4);
		expect(s.indices[47]).toBeLessThan(0.7);
	});

	it('does nothing under a season and a half (own or group)', () => {
		const short = Math.floor(SHRINK_MIN_SEASONS * M) - 1;
		expect(shrinkSeason(group.subarray(0, short), group, M, 0)).toBeNull();
		expect(shrinkSeason(group, group.subarray(0, short), M, 0)).toBeNull();
		expect(shrinkSeason(group, group, 1, 0)).toBeNull();
	});
});

describe('shrinkApplies', () => {
	it('from a backtest window of a season and a half to under three seasons (then own seasons are precise)', () => {
		expect(shrinkApplies(90, 8, M)).toBe(true);
		expect(shrinkApplies(85, 8, M)).toBe(false); // its backtest window is 77 < 78 weeks
		expect(shrinkApplies(SHRINK_MAX_SEASONS * M - 1, 13, M)).toBe(true);
		expect(shrinkApplies(SHRINK_MAX_SEASONS * M, 13, M)).toBe(false);
		expect(shrinkApplies(40, 4, 12)).toBe(false);
		expect(shrinkApplies(30, 4, 12)).toBe(true);
		expect(shrinkApplies(500, 4, 1)).toBe(false);
	});
});

describe('ShrunkSeasonModel', () => {
	it('uses the group only up to the end of its window (no look-ahead at backtest origins)', () => {
		const r = noise(3);
		const n = 100;
		const group = Float64Array.from({ length: n }, (_, t) => 1000 * wave(t) * (1 + 0.05 * r(t)));
		const y = Float64Array.from({ length: n }, (_, t) => 30 * wave(t) * (1 + 0.2 * r(t)));
		const theta = () => makeModel('theta', { season: 1 })!;
		const L = 85;
		const a = new ShrunkSeasonModel('theta~shrunk', theta(), group, 0, M).fit(y.subarray(0, L));
		const later = group.slice();
		for (let t = L; t < n; t++) later[t] *= 5;
		const b = new ShrunkSeasonModel('theta~shrunk', theta(), later, 0, M).fit(y.subarray(0, L));
		expect(Array.from(b.predict(8).point)).toEqual(Array.from(a.predict(8).point));
		// and a window too short for a shrunk season fails (the engine then does not rank it)
		expect(() =>
			new ShrunkSeasonModel('theta~shrunk', theta(), group, 0, M).fit(y.subarray(0, 60)),
		).toThrow(/too short/);
	});
});

describe('shrinkTarget', () => {
	it('is the first group covering the product’s periods, without the product’s own sales', () => {
		const ds = [T0, T0 + WEEK, T0 + 2 * WEEK];
		const cat = {
			ds: [T0 - WEEK, ...ds],
			y: [9, 10, 12, 14],
			name: 'coats',
			source: 'category' as const,
		};
		const total = { ds, y: [100, 100, 100], name: 'total', source: 'group' as const };
		const t = shrinkTarget(ds, [4, 5, 6], [cat, total])!;
		expect(t.source).toBe('category');
		expect(t.group).toBe('coats');
		expect(Array.from(t.y)).toEqual([6, 7, 8]);
		// a category that is the product alone leaves nothing: the shop total then
		const alone = shrinkTarget(ds, [10, 12, 14], [cat, total])!;
		expect(alone.group).toBe('total');
		expect(Array.from(alone.y)).toEqual([90, 88, 86]);
		// a group missing one of its periods does not cover it
		expect(shrinkTarget(ds, [1, 1, 1], [{ ...total, ds: ds.slice(1), y: [1, 1] }])).toBeNull();
	});
});

/** Weekly products on one calendar, with a strong November peak; `noisy` has a season and a half. */
function shop(): { batch: SeriesBatch; len: number } {
	const len = 90;
	const r = noise(11);
	const ids = ['a', 'b', 'c', 'd', 'noisy'];
	const indptr = Int32Array.from({ length: ids.length + 1 }, (_, i) => i * len);
	const y = new Float64Array(ids.length * len);
	const ds = new Float64Array(ids.length * len);
	ids.forEach((_, i) => {
		for (let t = 0; t < len; t++) {
			const k = i * len + t;
			ds[k] = T0 + t * WEEK;
			const level = [200, 120, 80, 150, 25][i];
			const e = i === 4 ? 0.35 : 0.05;
			y[k] = level * wave(t) * (1 + e * r(t));
		}
	});
	// the noisy product had two promotion weeks last spring
	y[4 * len + 62] *= 3.5;
	y[4 * len + 63] *= 2.5;
	return { batch: { ids, indptr, ds, y }, len };
}

describe('engine with seasonShrink', () => {
	it('backtests theta~shrunk and ets~shrunk from a season and a half, and says where the season came from', () => {
		const { batch, len } = shop();
		const o = withSeason(batch, 4, { horizon: 8, season: M }, null, undefined);
		// no group total given: nothing to shrink towards
		expect(o.seasonShrink).toBeUndefined();
		const total = { ds: batch.ds.subarray(0, len), y: new Float64Array(len) };
		for (let i = 0; i < 5; i++) for (let t = 0; t < len; t++) total.y[t] += batch.y[i * len + t];
		const opts = withSeason(batch, 4, { horizon: 8, season: M }, total);
		const target = opts.seasonShrink as SeasonShrinkTarget;
		expect(target.group).toBe('total');
		const y = batch.y.subarray(4 * len, 5 * len);
		const r = forecastAuto(y, opts);
		const names = r.leaderboard.map((x) => x.model);
		expect(names).toContain('theta~shrunk');
		expect(names).toContain('ets~shrunk');
		expect(Number.isFinite(r.leaderboard.find((x) => x.model === 'theta~shrunk')!.mase)).toBe(true);
		const shrunk = r.model.includes('~shrunk');
		const note = r.notes.find((x) => x.code === 'engine_note_season_shrunk_group');
		expect(Boolean(note)).toBe(shrunk);
		if (note) {
			expect(note.params?.group).toBe('total');
			expect(Number(note.params?.own)).toBeGreaterThanOrEqual(0);
			expect(Number(note.params?.own)).toBeLessThanOrEqual(100);
		}
		// shrink: false, or too short a history: no such candidates
		const off = forecastAuto(
			y,
			withSeason(batch, 4, { horizon: 8, season: M }, total, undefined, false),
		);
		expect(off.leaderboard.some((x) => x.model.includes('~shrunk'))).toBe(false);
		const short = forecastAuto(y.subarray(len - 80), {
			horizon: 8,
			season: M,
			seasonShrink: { ...target, y: target.y.subarray(len - 80) },
		});
		expect(short.leaderboard.some((x) => x.model.includes('~shrunk'))).toBe(false);
	});

	it('forecasts the noisy product’s coming peak better than theta on its own season', () => {
		const { batch, len } = shop();
		const h = 8;
		// truth: the shared wave over the next 8 weeks at the noisy product's level
		const truth = Float64Array.from({ length: h }, (_, j) => 25 * wave(len + j));
		const total = { ds: batch.ds.subarray(0, len), y: new Float64Array(len) };
		for (let i = 0; i < 5; i++) for (let t = 0; t < len; t++) total.y[t] += batch.y[i * len + t];
		const opts = withSeason(batch, 4, { horizon: h, season: M }, total);
		const y = batch.y.subarray(4 * len, 5 * len);
		const err = (m: string): number => {
			const f = forecastAuto(y, { ...opts, models: [m] }).point;
			return f.reduce((a, v, j) => a + Math.abs(v - truth[j]), 0) / h;
		};
		expect(err('theta~shrunk')).toBeLessThan(err('theta'));
		expect(err('ets~shrunk')).toBeLessThan(err('ets'));
	});
});
