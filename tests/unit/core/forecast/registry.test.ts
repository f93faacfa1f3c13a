// The open candidate registry: external candidates (sync or async, e.g. the train worker's deep
// models) join the backtest, the ranking, the combination and the final fit like the built-ins.
import { describe, expect, it, vi } from 'vitest';
import { forecastAuto, forecastAutoAsync } from '../../../../src/core/engine';
import {
	CandidateRegistry,
	modelUsesRegressors,
	registry,
	type Candidate,
	type CandidateContext,
} from '../../../../src/core/forecast/registry';
import { registerBuiltins } from '../../../../src/core/forecast/builtins';
import { expectWellFormed } from '../expect-forecast';

// one test runs the full automatic choice (about ten models over several origins)
vi.setConfig({ testTimeout: 60_000 });

const FAST = ['naive', 'snaive', 'drift', 'theta'];

const seasonal = Float64Array.from(
	{ length: 72 },
	(_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + 0.5 * t,
);

/** An oracle that knows the generating formula: it must win every backtest origin. */
function oracle(name: string, async: boolean, calls: CandidateContext[] = []): Candidate {
	return {
		name,
		family: 'deep',
		minLength: 24,
		fit(y, ctx) {
			calls.push(ctx);
			const start = y.length;
			const fitted = {
				predict(h: number, levels: readonly number[]) {
					const point = Float64Array.from(
						{ length: h },
						(_, j) => 100 + 20 * Math.sin((2 * Math.PI * (start + j)) / 12) + 0.5 * (start + j),
					);
					const f = {
						point,
						intervals: levels.map((level) => ({
							level,
							lower: point.map((p) => p - 1),
							upper: point.map((p) => p + 1),
						})),
					};
					return async ? Promise.resolve(f) : f;
				},
			};
			return async ? new Promise((r) => setTimeout(() => r(fitted), 1)) : fitted;
		},
	};
}

describe('candidate registry', () => {
	it('lists the built-ins and rejects duplicate or malformed names', () => {
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		expect(reg.names()).toEqual(expect.arrayContaining(['naive', 'ets', 'arima', 'theta']));
		expect(reg.external()).toEqual([]);
		expect(() => reg.register(oracle('ets', false))).toThrow(/already registered/);
		expect(() => reg.register({ ...oracle('x', false), name: 'bad name' })).toThrow(RangeError);
	});

	it('a synchronous external candidate joins the auto backtest and wins on its merit', () => {
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		const calls: CandidateContext[] = [];
		reg.register(oracle('oracle', false, calls));
		const r = forecastAuto(seasonal, { horizon: 6, season: 12, seriesId: 's1' }, { registry: reg });
		expectWellFormed(r, 6);
		const row = r.leaderboard.find((x) => x.model === 'oracle');
		expect(row).toBeDefined();
		expect(r.leaderboard[0].model).toBe('oracle');
		expect(r.model).toBe('oracle');
		// fitted once per origin plus the final fit, told where each training window ends
		const finals = calls.filter((c) => c.final);
		expect(finals).toHaveLength(1);
		expect(finals[0].end).toBe(72);
		expect(calls.length).toBeGreaterThan(2);
		for (const c of calls.filter((x) => !x.final)) expect(c.end).toBeLessThanOrEqual(66);
		expect(calls[0]).toMatchObject({ season: 12, horizon: 6, seriesId: 's1' });
		// the shared registry was not touched
		expect(registry.has('oracle')).toBe(false);
	});

	it('an asynchronous candidate is awaited by forecastAutoAsync and skipped with a note by forecastAuto', async () => {
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		reg.register(oracle('deep_oracle', true));
		const opts = { horizon: 6, season: 12, models: [...FAST, 'deep_oracle'] };
		const a = await forecastAutoAsync(seasonal, opts, { registry: reg });
		expect(a.model).toBe('deep_oracle');
		const s = forecastAuto(seasonal, opts, { registry: reg });
		expect(s.model).not.toContain('deep_oracle');
		expect(s.notes).toContainEqual({
			code: 'engine_note_async_candidate',
			params: { model: 'deep_oracle' },
		});
		expectWellFormed(s, 6);
	});

	it('is skipped on series shorter than its minLength, and can be asked for by name', async () => {
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		const off = reg.register(oracle('oracle', false));
		const short = forecastAuto(seasonal.slice(0, 20), { horizon: 4, season: 1 }, { registry: reg });
		expect(short.leaderboard.map((x) => x.model)).not.toContain('oracle');
		const only = await forecastAutoAsync(
			seasonal,
			{ horizon: 4, season: 12, models: ['oracle', 'naive'] },
			{ registry: reg },
		);
		expect(only.leaderboard.map((x) => x.model)).toEqual(
			expect.arrayContaining(['oracle', 'naive']),
		);
		off();
		expect(() =>
			forecastAuto(seasonal, { horizon: 4, season: 12, models: ['oracle'] }, { registry: reg }),
		).toThrow(/Unknown model/);
	});

	it('a candidate that throws fails only itself', () => {
		const reg = new CandidateRegistry();
		registerBuiltins(reg);
		reg.register({
			name: 'broken',
			family: 'global',
			minLength: 1,
			fit() {
				throw new Error('no weights');
			},
		});
		const r = forecastAuto(
			seasonal,
			{ horizon: 6, season: 12, models: [...FAST, 'broken'] },
			{ registry: reg },
		);
		expectWellFormed(r, 6);
		expect(r.leaderboard.find((x) => x.model === 'broken')?.mase).toBeNaN();
	});
});

describe('modelUsesRegressors', () => {
	it('looks inside combinations and at registered candidates', () => {
		expect(modelUsesRegressors('combo(snaive,ets)')).toBe(false);
		expect(modelUsesRegressors('combo(ets,regression)')).toBe(true);
		expect(modelUsesRegressors('median(theta,arima)')).toBe(true);
		expect(modelUsesRegressors('regression~season')).toBe(false);
		const reg = new CandidateRegistry();
		const fit = () => ({ predict: () => ({ point: new Float64Array(0), intervals: [] }) });
		reg.register({ name: 'deep-x', family: 'deep', minLength: 1, usesRegressors: true, fit });
		reg.register({ name: 'deep-y', family: 'deep', minLength: 1, fit });
		expect(modelUsesRegressors('mix(combo(ets,theta),deep-x)', reg)).toBe(true);
		expect(modelUsesRegressors('mix(combo(ets,theta),deep-y)', reg)).toBe(false);
	});
});
