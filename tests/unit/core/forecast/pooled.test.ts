// Cross-learning: the pooled candidate learns one scaled-lag regression from all products, never
// from periods after the training window it is asked for, and joins the engine's backtest.
import { describe, expect, it, vi } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { CandidateRegistry } from '../../../../src/core/forecast/registry';
import { registerBuiltins } from '../../../../src/core/forecast/builtins';
import {
	PooledModel,
	POOLED_GATE,
	pooledGate,
	pooledNote,
	usesPooled,
} from '../../../../src/core/forecast/pooled';
import { expectWellFormed } from '../expect-forecast';

vi.setConfig({ testTimeout: 60_000 });

/** Deterministic uniform noise in [-0.5, 0.5). */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

/** Products of very different sizes sharing one dynamic: z = 1 + 0.6 (z₋₁ − 1) + noise, y = size · z. */
function batch(count: number, n: number, seed = 1): { id: string; y: Float64Array }[] {
	const r = rng(seed);
	return Array.from({ length: count }, (_, i) => {
		const size = 3 * 10 ** (i % 4);
		let z = 1;
		const y = Float64Array.from({ length: n }, () => {
			z = 1 + 0.6 * (z - 1) + 0.3 * r();
			return size * z;
		});
		return { id: `p${i}`, y };
	});
}

const ctx = (end: number, seriesId: string) => ({
	season: 1,
	horizon: 4,
	levels: [0.8],
	end,
	final: false,
	seriesId,
});

describe('pooled (global) candidate', () => {
	it('learns the shared mean reversion across products of different sizes', () => {
		const series = batch(40, 60);
		// a short product of another size whose last value jumped to 1.5 × its usual level
		const y = Float64Array.from({ length: 12 }, (_, t) => (t === 11 ? 75 : 50));
		const model = new PooledModel([...series, { id: 'new', y }], { lags: 4 });
		const f = model.fit(y, ctx(12, 'new')).predict(3, [0.8]) as {
			point: Float64Array;
			intervals: { lower: Float64Array; upper: Float64Array }[];
		};
		// the lag mean is 56.25: the true dynamic reverts towards the level, far from naive (75)
		expect(f.point[0]).toBeGreaterThan(50);
		expect(f.point[0]).toBeLessThan(70);
		expect(f.point[2]).toBeLessThan(f.point[0]);
		expect(f.intervals[0].lower[0]).toBeLessThan(f.point[0]);
		expect(f.intervals[0].upper[0]).toBeGreaterThan(f.point[0]);
	});

	it('uses no product’s data from after the training window (dated series)', () => {
		const week = 7 * 86_400_000;
		const ds = Float64Array.from({ length: 80 }, (_, t) => Date.UTC(2020, 0, 6) + t * week);
		const series = batch(10, 80).map((s) => ({ ...s, ds }));
		const changed = series.map((s, i) =>
			// every product changes completely after period 50
			({ ...s, y: Float64Array.from(s.y, (v, t) => (t >= 50 ? v * (5 + i) * (t % 3) : v)) }),
		);
		const a = new PooledModel(series);
		const b = new PooledModel(changed);
		const y = Float64Array.from(series[0].y.slice(0, 50));
		const fa = a.fit(y, ctx(50, 'p0')).predict(4, []);
		const fb = b.fit(y, ctx(50, 'p0')).predict(4, []);
		expect(Array.from((fa as { point: Float64Array }).point)).toEqual(
			Array.from((fb as { point: Float64Array }).point),
		);
		// …while a later window does see the change
		const y2 = Float64Array.from(changed[0].y.slice(0, 70));
		const fc = b.fit(y2, ctx(70, 'p0')).predict(1, []) as { point: Float64Array };
		const fd = a.fit(Float64Array.from(series[0].y.slice(0, 70)), ctx(70, 'p0')).predict(1, []) as {
			point: Float64Array;
		};
		expect(fc.point[0]).not.toBeCloseTo(fd.point[0], 3);
	});

	it('fails (and is skipped) for an unknown series or a batch of one product', () => {
		const one = batch(1, 40);
		const m = new PooledModel(one);
		expect(() => m.fit(Float64Array.from(one[0].y), ctx(40, 'p0'))).toThrow(/too few/);
		expect(() => m.fit(Float64Array.from(one[0].y), ctx(40, 'nope'))).toThrow(/no series/);
	});

	it('joins the engine’s backtest and leaderboard through the registry', () => {
		const series = batch(30, 48, 7);
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		reg.register(new PooledModel(series, { lags: 4 }).candidate());
		let pooled = 0;
		let naive = 0;
		for (const target of series.slice(0, 4)) {
			const r = forecastAuto(
				Float64Array.from(target.y),
				{ horizon: 4, season: 1, seriesId: target.id, models: ['naive', 'drift', 'pooled'] },
				{ registry: reg },
			);
			expectWellFormed(r, 4);
			const row = r.leaderboard.find((x) => x.model === 'pooled');
			expect(Number.isFinite(row?.mase)).toBe(true);
			pooled += row!.mase;
			naive += r.leaderboard.find((x) => x.model === 'naive')!.mase;
		}
		// on mean-reverting noise the shared dynamic beats the random-walk forecast
		expect(pooled).toBeLessThan(0.9 * naive);
	});

	it('a trusted (batch-gated) pooled candidate is chosen like a built-in, not by the external 5 % rule', () => {
		const series = batch(30, 48, 7);
		const used = (trusted: boolean): number => {
			const reg = new CandidateRegistry();
			registerBuiltins(reg);
			reg.register(new PooledModel(series, { lags: 4 }).candidate(trusted));
			let n = 0;
			for (const t of series.slice(0, 10)) {
				const r = forecastAuto(
					Float64Array.from(t.y),
					{ horizon: 4, season: 1, seriesId: t.id, models: ['naive', 'drift', 'theta', 'pooled'] },
					{ registry: reg },
				);
				const best = r.leaderboard.reduce((a, b) => (b.mase < a.mase ? b : a));
				// trusted: where a pooled choice backtests best and is not a single, it is the forecast
				if (trusted && usesPooled(best.model) && best.model.includes('('))
					expect(r.model).toBe(best.model);
				if (usesPooled(r.model)) n++;
			}
			return n;
		};
		const untrusted = used(false);
		const trusted = used(true);
		// the external rule (≥ 5 % better than the choice without it) keeps it on fewer series
		expect(trusted).toBeGreaterThan(untrusted);
		expect(trusted).toBeGreaterThanOrEqual(8);
	});
});

describe('pooled gate (v2.3)', () => {
	const row = (model: string, mase: number) => ({ model, mase });
	it('compares the pooled backtest MASE summed over products with the median statistical model’s', () => {
		const results = [
			// median of the statistical singles (combinations and deep models left out): 2
			{
				leaderboard: [
					row('pooled', 1.5),
					row('naive', 3),
					row('theta', 2),
					row('ets', 1),
					row('combo(ets,pooled)', 0.5),
					row('deep-mlp', 0.1),
				],
			},
			// median 1 (the upper middle of two)
			{ leaderboard: [row('naive', 1), row('pooled', 1.1), row('theta', 0.9)] },
			// no pooled row (too short): not counted
			{ leaderboard: [row('naive', 9), row('theta', 9)] },
		];
		const g = pooledGate(results);
		expect(g.n).toBe(2);
		expect(g.ratio).toBeCloseTo(2.6 / 3, 12);
		expect(g.pass).toBe(2.6 / 3 <= POOLED_GATE);
		expect(pooledGate(results, 'pooled', 0.85).pass).toBe(false);
		// a ratio above POOLED_GATE but below 1 fails: the pooled model must be clearly better
		const close = [{ leaderboard: [row('pooled', 0.95), row('naive', 1), row('theta', 1)] }];
		expect(pooledGate(close).pass).toBe(false);
		expect(pooledGate([]).pass).toBe(false);
	});

	it('names the forecasts that used the shop-wide model and notes them', () => {
		expect(usesPooled('pooled')).toBe(true);
		expect(usesPooled('combo(theta,pooled,naive)')).toBe(true);
		expect(usesPooled('median(pooled,ets,theta)')).toBe(true);
		expect(usesPooled('comb(ets,arima,theta)')).toBe(false);
		expect(usesPooled('pooledx')).toBe(false);
		const r = pooledNote({ model: 'combo(theta,pooled)', notes: [] }, 12);
		expect(r.notes).toEqual([{ code: 'engine_note_pooled', params: { n: 12 } }]);
		expect(pooledNote({ model: 'theta', notes: [] }, 12).notes).toEqual([]);
	});
});
