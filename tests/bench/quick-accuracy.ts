// Quick accuracy check of the engine on the bench's shared data (issue #11 accuracy work), faster than
// run.ts: the current engine, naive and R's cached forecasts (run.ts --reuse-r caches them in the temp
// folder) on the same windows, with MASE (lag 1 for weekly, as M4), the geometric mean of MASE ÷ naive
// MASE ('rel'), pooled WAPE, bias and 80 / 95 % coverage. `--tune` = the validation horizon (one
// before the reported one): choose settings there, report the last horizon once.
//   npx tsx tests/bench/quick-accuracy.ts --tune --datasets retail:1,stockx:1,walmart:1,m4:5,aus:5
// (dataset:k = every k-th series). The engine settings chosen with it are listed in RESULTS.md.
// `--quick`: the app's Quick method before (quick0) and with the borrowed season (quick) instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecastAuto } from '../../src/core/engine';
import type { AutoForecastResult } from '../../src/core/engine-types';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import { methodOptions } from '../../src/core/forecast/quick';
import { PooledModel, pooledGate, usesPooled } from '../../src/core/forecast/pooled';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { coverage, mase, owa, smape } from '../../src/core/metrics';
import { Naive, Naive2 } from '../../src/core/models/naive';
import { benchCurves, benchOptions } from './engine-options';
import { loadDatasets } from './run';

const args = process.argv.slice(2);
let back = 0;
let sets = 'retail:2,stockx:1,walmart:3';
let variants = ['engine'];
let out = '';
// --detail FILE: per series and variant the first-pass choice, whether the shrunk-season candidates ran,
// the pooled model's and the median statistical single model's backtest MASE (pooledGate's terms) and
// the test MASE / sMAPE, so other gate rules can be scored from one run (RESULTS.md v2.5)
let detailOut = '';
// --no-launch: without the shop's launch curve (src/core/forecast/launch.ts), to measure it
let launch = true;
// --no-spike: without the shop's spike curve (src/core/forecast/spike.ts), to measure it
let spike = true;
// --no-shrink: without the seasonal indices shrunk towards the total (src/core/forecast/season-shrink.ts)
let shrink = true;
// --no-short-median: a series too short to backtest gets its single fallback alone (short-fallback.ts)
let shortMedian = true;
// --no-past-peak: a series under 8 points past its peak keeps 'ma' (short-fallback.ts pastPeak)
let pastPeak = true;
// --level-shift off|trim|adjust: the level-shift candidates (src/core/forecast/level-shift.ts) in that
// mode instead of the engine's default, to measure them
let levelShift: 'trim' | 'adjust' | false | undefined;
// --series FILE: per series (id, training length, chosen model, MASE of ours / naive / each R model, sum of
// forecast and of actual) as JSON, to find where losses come from
let seriesOut = '';
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--tune') back = 1;
	else if (args[i] === '--back') back = Number(args[++i]);
	else if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--out') out = args[++i];
	else if (args[i] === '--detail') detailOut = args[++i];
	else if (args[i] === '--no-launch') launch = false;
	else if (args[i] === '--no-spike') spike = false;
	else if (args[i] === '--no-shrink') shrink = false;
	else if (args[i] === '--no-short-median') shortMedian = false;
	else if (args[i] === '--no-past-peak') pastPeak = false;
	else if (args[i] === '--series') seriesOut = args[++i];
	else if (args[i] === '--level-shift') {
		const v = args[++i];
		if (v !== 'off' && v !== 'trim' && v !== 'adjust') throw new Error(`--level-shift ${v}`);
		levelShift = v === 'off' ? false : v;
	}
	// the v2.3 cross-learning rule as the app runs it, side by side with the engine without it
	else if (args[i] === '--pooled') variants.push('engine+pooled');
	// the app's Quick method side by side: 'quick0' = seasonal naive + ETS alone (before the borrowed
	// season), 'quick' = with the ~season / ~shrunk variants); no automatic run
	else if (args[i] === '--quick') variants = ['quick0', 'quick'];
	else throw new Error(`unknown flag ${args[i]}`);
}
const perSeries: Record<string, Record<string, number[]>> = {};
const detail: Record<
	string,
	{ h: number; n2s: number; n2m: number; variants: Record<string, unknown[]> }
> = {};
const seriesRows: Record<string, unknown>[] = [];
for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const rows: string[] = [];
	const rMase: Record<string, number[]> = {};
	// Naive2 (seasonal lag = the MASE lag, as M4) for OWA
	const n2 = ds.series.map(
		(s) => new Naive2().fit(s.train, { season: ds.scaleM }).predict(ds.h).point,
	);
	const n2s = avg(ds.series.map((s, i) => smape(s.test, n2[i])));
	const n2m = avg(ds.series.map((s, i) => mase(s.test, n2[i], s.train, ds.scaleM)));
	const nv = ds.series.map((s) =>
		mase(s.test, new Naive().fit(s.train).predict(ds.h).point, s.train, ds.scaleM),
	);
	rows.push(
		`naive MASE ${avg(nv).toFixed(3)} ${pooled(ds, (s) => new Naive().fit(s.train).predict(ds.h, { levels: [0.8, 0.95] }))}`,
	);
	// R's forecasts on the same windows, where run.ts cached them (the reported horizon)
	const tag = `${every && Number(every) > 1 ? `all-b${back}-e${every}` : back ? `all-b${back}-e1` : 'all'}`;
	const rFile = join(tmpdir(), 'trendcast-bench', `r-${key}-${tag}.csv`);
	if (existsSync(rFile)) {
		const byModel = new Map<
			string,
			Map<string, { point: Float64Array; lo: Float64Array[]; hi: Float64Array[] }>
		>();
		for (const line of readFileSync(rFile, 'utf8').trim().split('\n').slice(1)) {
			const [id, model, step, mean, lo80, hi80, lo95, hi95] = line.split(',');
			let m = byModel.get(model);
			if (!m) byModel.set(model, (m = new Map()));
			let f = m.get(id);
			const z = (): Float64Array => new Float64Array(ds.h).fill(NaN);
			if (!f) m.set(id, (f = { point: z(), lo: [z(), z()], hi: [z(), z()] }));
			const j = Number(step) - 1;
			f.point[j] = Number(mean);
			f.lo[0][j] = Number(lo80);
			f.hi[0][j] = Number(hi80);
			f.lo[1][j] = Number(lo95);
			f.hi[1][j] = Number(hi95);
		}
		for (const [model, m] of byModel) {
			const ms = ds.series.map((s) => {
				const f = m.get(s.id);
				return f ? mase(s.test, f.point, s.train, ds.scaleM) : NaN;
			});
			rMase[model] = ms;
			rows.push(
				`R ${model.padEnd(10)} MASE ${avg(ms).toFixed(4)} rel ${geo(ms, nv).toFixed(4)} ${pooled(
					ds,
					(s) => {
						const f = m.get(s.id)!;
						return {
							point: f.point,
							intervals: [0, 1].map((i) => ({
								level: i ? 0.95 : 0.8,
								lower: f.lo[i],
								upper: f.hi[i],
							})),
						};
					},
				)}`,
			);
		}
	}
	// the launch and spike curves learnt from every series' training part, as the batch does
	const curves = benchCurves(ds.series, ds.h, { launch, spike, shrink, key });
	for (const v of variants) {
		const t0 = performance.now();
		const ms: number[] = [];
		const sm: number[] = [];
		let ae = 0,
			aa = 0,
			sf = 0,
			sa = 0,
			in80 = 0,
			in95 = 0,
			pts = 0;
		const chosen = new Map<string, number>();
		let shrunk = 0;
		// engine+pooled: the pooled model over the subset, chosen like a built-in; where the batch
		// fails pooledGate the forecasts that used it again without it (as the app and CLI do)
		const registry = new CandidateRegistry();
		registerBuiltins(registry);
		const drop =
			v === 'engine+pooled'
				? registry.register(
						new PooledModel(
							ds.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
						).candidate(true),
					)
				: null;
		const run = (s: (typeof ds.series)[number]): AutoForecastResult =>
			forecastAuto(
				s.train,
				{
					...benchOptions(ds, ds.series.indexOf(s), curves),
					...(shortMedian ? {} : { shortMedian: false }),
					...(v === 'quick0' ? methodOptions('quick', false) : {}),
					...(v === 'quick' ? methodOptions('quick', true) : {}),
					...(pastPeak ? {} : { pastPeak: false }),
					...(levelShift !== undefined ? { levelShift } : {}),
				},
				{ registry },
			);
		const results = ds.series.map(run);
		if (detailOut)
			(detail[key] ??= { h: ds.h, n2s, n2m, variants: {} }).variants[v] = results.map((r, i) => {
				const s = ds.series[i];
				const lb = r.leaderboard;
				const singles = lb
					.filter(
						(x) =>
							x.model !== 'pooled' &&
							!x.model.includes('(') &&
							!x.model.startsWith('deep-') &&
							Number.isFinite(x.mase),
					)
					.map((x) => x.mase)
					.sort((a, b) => a - b);
				return {
					id: s.id,
					model: r.model,
					usesPooled: usesPooled(r.model),
					shrunkRan: lb.some((x) => x.model.endsWith('~shrunk')),
					pooledMase: lb.find((x) => x.model === 'pooled')?.mase ?? null,
					statMedian: singles.length ? singles[singles.length >> 1] : null,
					mase: mase(s.test, r.point, s.train, ds.scaleM),
					smape: smape(s.test, r.point),
				};
			});
		let gateNote = '';
		if (drop) {
			const g = pooledGate(results);
			const used = results.filter((r) => usesPooled(r.model)).length;
			gateNote = ` gate ${g.ratio.toFixed(3)} ${g.pass ? `pass (${used} use it)` : 'fail'}`;
			if (!g.pass) {
				drop();
				ds.series.forEach((s, i) => {
					if (usesPooled(results[i].model)) results[i] = run(s);
				});
			}
		}
		for (const [i, s] of ds.series.entries()) {
			const r = results[i];
			ms.push(mase(s.test, r.point, s.train, ds.scaleM));
			sm.push(smape(s.test, r.point));
			in80 += coverage(s.test, r.intervals[0].lower, r.intervals[0].upper) * ds.h;
			in95 += coverage(s.test, r.intervals[1].lower, r.intervals[1].upper) * ds.h;
			pts += ds.h;
			for (let j = 0; j < ds.h; j++) {
				ae += Math.abs(s.test[j] - r.point[j]);
				aa += Math.abs(s.test[j]);
				sf += r.point[j];
				sa += s.test[j];
			}
			if (r.model.includes('~shrunk')) shrunk++;
			if (seriesOut)
				seriesRows.push({
					set: key,
					variant: v,
					id: s.id,
					n: s.train.length,
					model: r.model,
					mase: ms.at(-1),
					naive: nv[i],
					...Object.fromEntries(Object.entries(rMase).map(([k, a]) => [`r_${k}`, a[i]])),
					fsum: r.point.reduce((a, b) => a + b, 0),
					asum: s.test.reduce((a, b) => a + b, 0),
					train: Array.from(s.train),
					test: Array.from(s.test),
					point: Array.from(r.point, (x) => Math.round(x * 10) / 10),
				});
			const c = r.model.replace(/\(.*\)/, '');
			chosen.set(c, (chosen.get(c) ?? 0) + 1);
		}
		(perSeries[key] ??= {})[v] = ms;
		rows.push(
			`${v.padEnd(12)} OWA ${owa(avg(sm), avg(ms), n2s, n2m).toFixed(4)} sMAPE ${avg(sm).toFixed(3)} MASE ${avg(ms).toFixed(4)} rel ${geo(ms, nv).toFixed(4)} WAPE ${(ae / aa).toFixed(4)} bias ${((sf / sa - 1) * 100).toFixed(1)}% cov80 ${((in80 / pts) * 100).toFixed(1)} cov95 ${((in95 / pts) * 100).toFixed(1)} ${((performance.now() - t0) / 1000).toFixed(0)}s${gateNote} shrunk ${shrunk} of ${curves.shrunk} [${[...chosen].map(([a, b]) => `${a} ${b}`).join(', ')}]`,
		);
		process.stderr.write(`${key} ${rows.at(-1)}\n`);
	}
	console.log(
		`## ${key} every ${every ?? 1} (${ds.series.length} series, ${back ? `VALIDATION (${back} back)` : 'REPORTED'} horizon)\n${rows.join('\n')}\n`,
	);
}
if (out) writeFileSync(out, JSON.stringify(perSeries));
if (detailOut) writeFileSync(detailOut, JSON.stringify(detail));
if (seriesOut) writeFileSync(seriesOut, JSON.stringify(seriesRows));
/** Geometric mean of MASE ÷ naive MASE over series where both are positive and finite. */
function geo(a: number[], b: number[]): number {
	let s = 0;
	let c = 0;
	a.forEach((x, i) => {
		if (x > 0 && b[i] > 0 && Number.isFinite(x) && Number.isFinite(b[i])) {
			s += Math.log(x / b[i]);
			c++;
		}
	});
	return Math.exp(s / c);
}
/** Pooled WAPE, bias and coverage of a forecaster over the data set's series. */
function pooled(
	ds: { h: number; series: { id: string; train: Float64Array; test: Float64Array }[] },
	f: (s: { id: string; train: Float64Array; test: Float64Array }) => {
		point: Float64Array;
		intervals: { lower: Float64Array; upper: Float64Array }[];
	},
): string {
	let ae = 0,
		aa = 0,
		sf = 0,
		sa = 0,
		in80 = 0,
		in95 = 0,
		pts = 0;
	for (const s of ds.series) {
		const r = f(s);
		in80 += coverage(s.test, r.intervals[0].lower, r.intervals[0].upper) * ds.h;
		in95 += coverage(s.test, r.intervals[1].lower, r.intervals[1].upper) * ds.h;
		pts += ds.h;
		for (let j = 0; j < ds.h; j++) {
			ae += Math.abs(s.test[j] - r.point[j]);
			aa += Math.abs(s.test[j]);
			sf += r.point[j];
			sa += s.test[j];
		}
	}
	return `WAPE ${(ae / aa).toFixed(4)} bias ${((sf / sa - 1) * 100).toFixed(1)}% cov80 ${((in80 / pts) * 100).toFixed(1)} cov95 ${((in95 / pts) * 100).toFixed(1)}`;
}
function avg(a: number[]): number {
	const f = a.filter(Number.isFinite);
	return f.reduce((x, y) => x + y, 0) / f.length;
}
