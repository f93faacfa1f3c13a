// Deep models in the engine: forecasts trained per backtest origin (src/ml/backtest.ts) are looked up
// by series and window end (src/ml/candidates.ts), join the backtest and leaderboard, and stay in the
// chosen forecast only where they lower its backtest error.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { forecastAutoAsync } from '../../../src/core/engine';
import type { ExternalForecastAt } from '../../../src/core/forecast/external';
import { registerBuiltins } from '../../../src/core/forecast/builtins';
import { CandidateRegistry } from '../../../src/core/forecast/registry';
import { cutLatest, deepBacktest, trimTrailingMissing } from '../../../src/ml/backtest';
import {
	checkSeriesOf,
	DEEP_CHECK_MIX_GATE,
	deepCheckAt,
	deepCheckCut,
	deepDecision,
	deepForecastAt,
	deepMixes,
	deepGate,
	deepSeriesLengths,
	engineOrigins,
	forecastWithDeep,
	type HoldoutSeries,
	mixVerdict,
	precomputedCandidate,
	registerDeepCandidates,
	type DeepForecastTable,
} from '../../../src/ml/candidates';
import { useWasm, weeklyBatch } from './fixtures';

vi.setConfig({ testTimeout: 120_000 });

const truth = (t: number): number => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + 0.5 * t;
const N = 72;
const H = 6;
/** The truth plus deterministic noise (what the statistical models cannot forecast). */
const noise = (t: number): number => 8 * Math.sin(t * 12.9898) * Math.cos(t * 4.1414);
const y = Float64Array.from({ length: N }, (_, t) => truth(t) + noise(t));
/** What happened after `end` (the truth past the data). */
const actual = (t: number): number => (t < N ? y[t] : truth(t));

/** A table for series 's' whose forecast from `end` is what happened times (1 + bias), ± 5 %. */
function table(bias: number): DeepForecastTable {
	const at: ExternalForecastAt[] = [];
	for (let end = 12; end <= N; end++) {
		const point = Float64Array.from({ length: H }, (_, j) => actual(end + j) * (1 + bias));
		at.push({
			end,
			point,
			intervals: [
				{ level: 0.8, lower: point.map((v) => v * 0.95), upper: point.map((v) => v * 1.05) },
			],
		});
	}
	return { s: at };
}

/** Fast built-ins (that a registered candidate joins 'auto' is tested in registry.test.ts). */
const BASE = ['naive', 'snaive', 'drift', 'theta', 'ets'];

async function run(bias: number | null, mix: number | null = null) {
	const reg = new CandidateRegistry();
	registerBuiltins(reg);
	if (bias !== null) registerDeepCandidates(reg, { 'deep-test': table(bias) }, mix);
	const models = bias === null ? BASE : [...BASE, 'deep-test'];
	const r = await forecastAutoAsync(
		y,
		{ horizon: H, season: 12, seriesId: 's', models },
		{ registry: reg },
	);
	const row = (name: string) => r.leaderboard.find((x) => x.model === name);
	return { r, chosenMase: row(r.model)?.mase ?? NaN, deep: row('deep-test') };
}

describe('deep candidates in the engine', () => {
	it('answer from the table by series and window end, and fail where there is none', async () => {
		const c = precomputedCandidate('deep-x', table(0));
		const ctx = { season: 12, horizon: H, levels: [0.8], end: 60, final: false, seriesId: 's' };
		const f = await (await c.fit(y.slice(0, 60), ctx)).predict(H, [0.8]);
		expect(Array.from(f.point)).toEqual(Array.from({ length: H }, (_, j) => y[60 + j]));
		expect(f.intervals).toHaveLength(1);
		expect(() => c.fit(y, { ...ctx, end: 5 })).toThrow(/no forecast from 5 points/);
		expect(() => c.fit(y, { ...ctx, seriesId: 'other' })).toThrow(/no forecast/);
		expect(engineOrigins(12)).toBe(3);
		expect(engineOrigins(4)).toBe(6);
	});

	it('a good deep model is chosen; a bad one is ranked but left out; never a worse backtest', async () => {
		const without = await run(null);
		const good = await run(0.001);
		const bad = await run(0.3);
		expect(good.deep && Number.isFinite(good.deep.mase)).toBe(true);
		expect(good.r.model).toContain('deep-test');
		expect(bad.deep && Number.isFinite(bad.deep.mase)).toBe(true);
		expect(bad.r.model).not.toContain('deep-test');
		expect(bad.r.model).toBe(without.r.model);
		for (const w of [good, bad]) expect(w.chosenMase).toBeLessThanOrEqual(without.chosenMase);
		// a moderately good one: in the top three, it is kept only if the combination with it
		// backtests better than the one without it (both are scored)
		for (const bias of [0.02, 0.05, 0.1]) {
			const m = await run(bias);
			const names = m.r.leaderboard.map((x) => x.model);
			const combos = names.filter((x) => x.startsWith('combo('));
			if (combos.some((x) => x.includes('deep-test')))
				expect(combos.some((x) => !x.includes('deep-test'))).toBe(true);
			expect(m.chosenMase).toBeLessThanOrEqual(without.chosenMase + 1e-12);
		}
	});
});

describe('the mix "statistical choice + deep model"', () => {
	it('is scored on the same origins, chosen by its gain rule, and forecasts the 50/50 mean', async () => {
		const without = await run(null);
		expect(without.r.model.startsWith('median(')).toBe(false);
		const name = `mix(${without.r.model},deep-test)`;
		// no mix without the option
		const off = await run(0.1, null);
		expect(off.r.leaderboard.some((x) => x.model.startsWith('mix('))).toBe(false);
		// always: chosen, its point the mean of the statistical choice's and the deep model's
		const always = await run(0.1, Infinity);
		expect(always.r.model).toBe(name);
		for (let j = 0; j < H; j++)
			expect(always.r.point[j]).toBeCloseTo(0.5 * (without.r.point[j] + actual(N + j) * 1.1), 6);
		// its backtest is the mean of the two members' backtests: between them
		const mixRow = always.r.leaderboard.find((x) => x.model === name)!;
		const deepRow = always.r.leaderboard.find((x) => x.model === 'deep-test')!;
		expect(mixRow.mase).toBeLessThanOrEqual(Math.max(deepRow.mase, without.chosenMase) + 1e-9);
		// gain 1: chosen exactly where it backtests no worse than the statistical choice
		for (const bias of [0.02, 0.1, 0.3]) {
			const g = await run(bias, 1);
			const row = g.r.leaderboard.find((x) => x.model === name)!;
			expect(Number.isFinite(row.mase)).toBe(true);
			if (g.r.model.includes('deep-test') && g.r.model !== name) continue; // deep alone won (5 % rule)
			expect(g.r.model === name).toBe(row.mase <= without.chosenMase);
			expect(g.chosenMase).toBeLessThanOrEqual(without.chosenMase + 1e-12);
		}
		// a bad deep model (30 % off) is vetoed even with a prior for the mix (gain 1.3)
		const bad = await run(0.3, 1.3);
		expect(bad.r.model).toBe(without.r.model);
	});
});

describe('pooled verdicts over a shop’s series', () => {
	const lb = (rows: [string, number][]) => ({
		leaderboard: rows.map(([model, mase]) => ({ model, mase })),
	});
	it('deepGate compares the deep model with each series’ median statistical single', () => {
		const results = [
			// singles 1, 2, 3 (median 2), combos ignored
			lb([
				['naive', 1],
				['ets', 2],
				['theta', 3],
				['combo(naive,ets)', 0.5],
				['deep-mlp', 1.5],
			]),
			lb([
				['naive', 4],
				['deep-mlp', 5],
				['mix(naive,deep-mlp)', 3],
			]),
			lb([['naive', 1]]), // no deep row: not counted
		];
		const g = deepGate(results);
		expect(g.n).toBe(2);
		expect(g.ratio).toBeCloseTo((1.5 + 5) / (2 + 4), 12);
		expect(g.pass).toBe(false);
		expect(deepGate(results, 1.1).pass).toBe(true);
		expect(deepGate([]).pass).toBe(false);
		const v = mixVerdict(results);
		expect(v).toEqual({ ratio: 3 / 4, won: 1, n: 1 });
	});

	it('deepGate also needs the pooled backtest WAPE no worse than the median statistical model’s', () => {
		const row = (model: string, mase: number, wape: number) => ({ model, mase, wape });
		const results = [
			{ leaderboard: [row('naive', 1, 0.2), row('ets', 2, 0.3), row('deep-mlp', 1, 0.4)] },
			{ leaderboard: [row('naive', 2, 0.1), row('deep-mlp', 1.5, 0.1)] },
		];
		// MASE (1 + 1.5) / (2 + 2): better; WAPE (0.4 + 0.1) / (0.3 + 0.1): worse → kept out
		const g = deepGate(results);
		expect(g.ratio).toBeCloseTo(2.5 / 4, 12);
		expect(g.wapeRatio).toBeCloseTo(0.5 / 0.4, 12);
		expect(g.pass).toBe(false);
		expect(deepGate(results, 1.3).pass).toBe(true);
		results[0].leaderboard[2].wape = 0.25;
		expect(deepGate(results).pass).toBe(true);
		expect(deepGate(results, 0.5).pass).toBe(false); // a margin: MASE 0.625 > 0.5
	});
});

describe('the shop-wide decision (deepDecision, forecastWithDeep: the short check, deep10)', () => {
	type Row = { model: string; mase: number; wape: number; weight?: number };
	const row = (model: string, mase: number, wape: number): Row => ({ model, mase, wape });
	/** One series: singles naive 2 / ets 1, the choice ets, the deep model and the mix as given. */
	const one = (deep: number, mix: number) => ({
		model: 'mix(ets,deep-mlp)',
		leaderboard: [
			row('naive', 2, 0.2),
			row('ets', 1, 0.1),
			row('deep-mlp', deep, deep / 10),
			row('mix(ets,deep-mlp)', mix, mix / 10),
		],
	});
	const history = { lengths: [40, 40], horizon: 4 };

	/** The short check: the mix (stat and deep averaged) scored against the statistical forecast. */
	const good: HoldoutSeries[] = [{ stat: [12, 12], deep: [10, 10], actual: [10, 10], scale: 1 }];
	const bad: HoldoutSeries[] = [{ stat: [10, 10], deep: [14, 14], actual: [10, 10], scale: 1 }];

	it('mixes where the short check and the mix’s own backtest (≤ DEEP_CHECK_MIX_GATE) both say so', () => {
		expect(DEEP_CHECK_MIX_GATE).toBe(1.05);
		expect([deepCheckCut(12), deepCheckCut(13), deepCheckCut(1)]).toEqual([6, 7, 1]);
		// the mix backtests 4 % worse than the choice (within 1.05) and halves the check's error: kept
		const close = [one(1.2, 1), one(1.2, 1.08)];
		const d = deepDecision(close, history, good);
		expect(d.mix.ratio).toBeCloseTo(1.04, 12);
		expect(d.check.ratio).toBeCloseTo(0.5, 12);
		expect(d.cut).toBe(2);
		expect(d.keep).toBe(true);
		// the backtest says no (10 % worse): kept out although the check passes
		const worse = [one(1.2, 1.1), one(1.2, 1.1)];
		expect(deepDecision(worse, history, good).keep).toBe(false);
		// the check says no: kept out although the backtest is better
		expect(deepDecision([one(1.2, 0.9), one(1.2, 0.9)], history, bad).keep).toBe(false);
		// no series checked (none long enough, or no deep forecast from the cut): kept out
		expect(deepDecision([one(1.2, 0.9)], history, []).keep).toBe(false);
		expect(deepDecision([one(1.2, 0.9)], history, [{ ...good[0], deep: undefined }]).keep).toBe(
			false,
		);
		// a shop of short series (no series of DEEP_GATE_MIN_HORIZONS horizons: deepGate cannot pass)
		// is decided by the check: the previous rule kept the deep model out of it whatever happened
		const short = { lengths: [8, 8], horizon: 4 };
		expect(deepGate([one(1.2, 0.9), one(1.2, 0.9)], undefined, short).pass).toBe(false);
		expect(deepDecision([one(1.2, 0.9), one(1.2, 0.9)], short, good).keep).toBe(true);
		// a deep model worse than the median single no longer rules it out: the check and the mix do
		expect(deepDecision([one(3, 0.9), one(3, 0.9)], history, good).keep).toBe(true);
	});

	it('never mixes the deep model into monthly data (deepMixes), whatever the checks say', () => {
		expect(deepMixes('month')).toBe(false);
		expect(deepMixes('week')).toBe(true);
		expect(deepMixes('day')).toBe(true);
		const mixed = [one(1.2, 0.9), one(1.2, 0.9)];
		expect(deepDecision(mixed, history, good).keep).toBe(true);
		expect(deepDecision(mixed, { ...history, freq: 'week' }, good).keep).toBe(true);
		const monthly = deepDecision(mixed, { ...history, freq: 'month' }, good);
		expect(monthly.keep).toBe(false);
		// the verdicts are still reported (the CLI prints them)
		expect(monthly.check.pass).toBe(true);
		expect(monthly.mix.ratio).toBeCloseTo(0.9, 12);
	});

	it('checks first; kept out, every series gets the engine without the deep model', async () => {
		const modes: string[] = [];
		const plain = [
			{ model: 'ets', leaderboard: [{ ...row('ets', 1, 0.1), weight: 1 }] },
			{ model: 'ets', leaderboard: [{ ...row('ets', 1, 0.1), weight: 1 }] },
		];
		const run = (mixed: ReturnType<typeof one>[]) => async (mode: 'mix' | 'none') => {
			modes.push(mode);
			return mode === 'mix' ? mixed : plain;
		};
		const check = (series: HoldoutSeries[]) => async () => {
			modes.push('check');
			return series;
		};
		const out = await forecastWithDeep(
			run([one(1.2, 1.1), one(1.2, 1.1)]),
			() => history,
			check(good),
		);
		expect(modes).toEqual(['check', 'mix', 'none']);
		expect(out.decision.keep).toBe(false);
		// the engine's own forecasts, their leaderboards listing the deep rows unused (weight 0)
		expect(out.results.map((r) => r.model)).toEqual(['ets', 'ets']);
		expect(out.results[0].leaderboard.map((x) => [x.model, x.weight ?? 1])).toEqual([
			['ets', 1],
			['mix(ets,deep-mlp)', 0],
			['deep-mlp', 0],
		]);
		modes.length = 0;
		const kept = [one(1.2, 0.9), one(1.2, 0.9)];
		const ok = await forecastWithDeep(run(kept), () => history, check(good));
		expect(modes).toEqual(['check', 'mix']);
		expect(ok.results).toBe(kept);
		modes.length = 0;
		const no = await forecastWithDeep(run(kept), () => history, check(bad));
		expect(modes).toEqual(['check', 'mix', 'none']);
		expect(no.decision.keep).toBe(false);
	});

	it('the check’s deep forecast is the flagged one; the engine and the lengths never read it', () => {
		const at = (end: number, v: number, check = false) => ({
			end,
			point: Float64Array.from([v, v, v]),
			intervals: [],
			...(check ? { check: true as const } : {}),
		});
		const tables: Record<string, DeepForecastTable> = {
			'deep-mlp': { a: [at(20, 1), at(27, 7, true), at(30, 3)], b: [at(30, 4)] },
		};
		expect(Array.from(deepCheckAt(tables, 'a')!)).toEqual([7, 7, 7]);
		expect(deepCheckAt(tables, 'b')).toBeUndefined();
		// the series' length is its final forecast's end, and end 27 is no backtest window
		expect(deepSeriesLengths(tables, ['a', 'b'])).toEqual([30, 30]);
		expect(deepForecastAt(tables, 'a', 27)).toBeUndefined();
		const c = precomputedCandidate('deep-mlp', tables['deep-mlp']);
		expect(() => c.fit(new Float64Array(27), { seriesId: 'a', end: 27 } as never)).toThrow(
			/no forecast from 27/,
		);
		// the check's series: the statistical forecast and the deep one cut to the check's periods
		const s = checkSeriesOf(
			[
				{ seriesId: 'a', point: [5, 5, 5] },
				{ seriesId: 'b', point: [5, 5, 5] },
				{ seriesId: 'gone', point: [5, 5, 5] },
			],
			{
				a: { actual: Float64Array.from([6, 6]), scale: 2 },
				b: { actual: Float64Array.from([1, 1]), scale: 1 },
			},
			tables,
			2,
		);
		expect(s).toHaveLength(2);
		expect(s[0]).toEqual({
			stat: [5, 5],
			deep: Float64Array.from([7, 7]),
			actual: Float64Array.from([6, 6]),
			scale: 2,
		});
		expect(s[1].deep).toBeUndefined();
	});
});

describe('deep backtest (tfjs WASM in Node)', () => {
	beforeAll(async () => {
		expect(['wasm', 'cpu']).toContain(await useWasm());
	});

	it('trains one model per origin and forecasts from exactly the engine’s window ends', async () => {
		const batch = weeklyBatch(5, 60);
		const stages: number[] = [];
		const res = await deepBacktest(batch, {
			kinds: ['mlp'],
			horizon: 4,
			freq: 'week',
			width: 0.1,
			epochs: 2,
			maxWindows: 200,
			origins: 2,
			onStage: (s) => stages.push(s.origin),
		});
		expect(stages).toEqual([2, 1, 0]);
		expect(res.skipped).toEqual([]);
		const t = res.tables['deep-mlp'];
		expect(Object.keys(t)).toEqual(batch.ids);
		for (const id of batch.ids) {
			expect(t[id].map((a) => a.end)).toEqual([52, 56, 60]);
			for (const a of t[id]) {
				expect(a.point).toHaveLength(4);
				expect(Array.from(a.point).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
				const [i80, i95] = a.intervals;
				for (let j = 0; j < 4; j++) {
					expect(i95.lower[j]).toBeLessThanOrEqual(i80.lower[j]);
					expect(i80.lower[j]).toBeLessThanOrEqual(a.point[j]);
					expect(a.point[j]).toBeLessThanOrEqual(i80.upper[j]);
					expect(i80.upper[j]).toBeLessThanOrEqual(i95.upper[j]);
				}
			}
		}
		// the engine ranks it on every series (it has every origin the engine uses for h = 4 here)
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		registerDeepCandidates(reg, res.tables);
		const from = batch.indptr[2];
		const r = await forecastAutoAsync(
			batch.y.slice(from, from + 60),
			{ horizon: 4, season: 52, seriesId: 'p2', origins: 2 },
			{ registry: reg },
		);
		expect(Number.isFinite(r.leaderboard.find((x) => x.model === 'deep-mlp')?.mase)).toBe(true);
	});

	it('inner: a model trained without the last periods forecasts from the cut, as one trained on the cut batch', async () => {
		const batch = weeklyBatch(3, 40);
		// a third series too short to keep DEEP_CHECK_MIN_LENGTH periods before the cut
		const short: typeof batch = {
			ids: [...batch.ids, 'tiny'],
			indptr: Int32Array.from([...batch.indptr, batch.indptr[3] + 5]),
			ds: Float64Array.from([...batch.ds, ...batch.ds.slice(35, 40)]),
			y: Float64Array.from([...batch.y, 3, 4, 5, 4, 3]),
		};
		const opts = {
			kinds: ['mlp'] as const,
			horizon: 4,
			freq: 'week' as const,
			width: 0.1,
			epochs: 2,
			maxWindows: 200,
			origins: 1,
		};
		const stages: [number, number, number][] = [];
		const res = await deepBacktest(short, {
			...opts,
			kinds: ['mlp'],
			inner: 2,
			onStage: (s) => stages.push([s.origin, s.step, s.steps]),
		});
		// origin 1, the final model, then the check's model (origin −1), counted in the steps
		expect(stages).toEqual([
			[1, 0, 3],
			[0, 1, 3],
			[-1, 2, 3],
		]);
		const t = res.tables['deep-mlp'];
		for (const id of batch.ids) {
			expect(t[id].filter((a) => !a.check).map((a) => a.end)).toEqual([36, 40]);
			expect(t[id].filter((a) => a.check).map((a) => a.end)).toEqual([38]);
		}
		// 5 − 2 = 3 periods left: not checked
		expect(t.tiny.some((a) => a.check)).toBe(false);
		// the same forecast as a model trained on the batch cut 2 periods back (seeded, as the bench's)
		const cut = cutLatest(short, 2, 4, 4);
		expect(cut.ids).toEqual(batch.ids);
		const ref = await deepBacktest(cut, { ...opts, kinds: ['mlp'], origins: 0 });
		for (const id of batch.ids)
			expect(Array.from(t[id].find((a) => a.check)!.point)).toEqual(
				Array.from(ref.tables['deep-mlp'][id].find((a) => a.end === 38)!.point),
			);
	});

	it('cutLatest: the cut periods’ regressor values, then the planned ones, are known ahead', () => {
		const batch = {
			ids: ['a', 'b'],
			indptr: Int32Array.from([0, 6, 9]),
			ds: new Float64Array(9),
			y: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]),
			regressors: {
				names: ['price'],
				values: [Float64Array.from([10, 11, 12, 13, 14, 15, 20, 21, 22])],
			},
			regressorsAhead: { horizon: 2, values: [Float64Array.from([16, 17, 23, 24])] },
		};
		const cut = cutLatest(batch, 2, 3, 3);
		// b keeps 1 period: left out
		expect(cut.ids).toEqual(['a']);
		expect(Array.from(cut.y)).toEqual([1, 2, 3, 4]);
		expect(Array.from(cut.regressors!.values[0])).toEqual([10, 11, 12, 13]);
		expect(cut.regressorsAhead!.horizon).toBe(3);
		expect(Array.from(cut.regressorsAhead!.values[0])).toEqual([14, 15, 16]);
	});

	it('cuts trailing missing values, and cancels between trainings', async () => {
		const batch = weeklyBatch(2, 30);
		batch.y[29] = NaN;
		const trimmed = trimTrailingMissing(batch);
		expect(Array.from(trimmed.indptr)).toEqual([0, 29, 59]);
		const ac = new AbortController();
		const run = deepBacktest(batch, {
			kinds: ['mlp'],
			horizon: 4,
			freq: 'week',
			width: 0.1,
			epochs: 50,
			maxWindows: 100,
			signal: ac.signal,
			onStage: () => ac.abort(),
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
	});
});
