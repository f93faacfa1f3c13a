// Deep candidates in the engine (npm run bench:deep; not part of npm test, not in npm run bench: it
// trains several models per data set). For each data set of tests/bench/run.ts (same loaders, same
// held-out last horizon): the automatic engine alone (with the batch's options as the app builds them:
// engine-options.ts, core's batchEngine; and the pooled model over the subset, chosen like a built-in
// and dropped again where the batch fails pooledGate, as the app, the CLI and quick-accuracy --pooled),
// and the engine with the global deep model(s)
// trained on all the set's training parts at every backtest origin (src/ml/backtest.ts, the CLI's
// --deep) — MASE, pooled WAPE, interval coverage and seconds, side by side on the same windows.
// Also the training speed (windows/s) of every architecture on Node's tfjs WASM and CPU backends.
// Updates the marked sections of tests/bench/results/DEEP.md.
// Flags: --datasets m4,retail,aus,stockx,walmart  --every k (every k-th series; a list retail:2,m4:5
//        takes the sets it does not name whole, k = 1; no --every: EVERY)  --kinds mlp[,nbeats]
//        --no-speed  --no-ensemble  --epochs n  --seeds n (models averaged per training)
//        --gains off,1,0.97 (mix rules compared: off = deep only as a stand-alone winner, else the
//        equal-weight mix with the statistical choice kept where its backtest MASE ≤ gain × the choice's)
//        --check-gates 1.08,inf (log the shipped rule with these mix-backtest vetoes; DEEP.md "deep11")
//        --no-pooled (the engine without the pooled model)  --no-check (skip the hold-out check pass)
//        --hybrid: no deep candidates; the deep model as a correction of the engine instead (hybrid.ts,
//        DEEP.md "deephyb"; --hybrid-stride 2 --hybrid-range 2 --hybrid-epochs 20)
//        (every run also trains the shipped rule's short-check model: deepBacktest's `inner`, DEEP.md "deep10")
//        --shop-calendar (the deep features with the set's shop calendar, issue #13; --deep-features 12:
//        the holiday feature alone, without the make-up working day and signal features)
//        --no-pretrained (train from scratch)  --no-val (no early-stopping split: fixed epochs)  --tune: score the horizon before the last (the validation horizon settings are chosen on;
//        written to the 'ensemble-tune' section) instead of the reported last horizon
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecastAuto, forecastAutoAsync } from '../../src/core/engine';
import type { AutoForecastOptions, AutoForecastResult } from '../../src/core/engine-types';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import {
	holdoutCheck,
	holdoutScale,
	type HoldoutCheck,
	type HoldoutSeries,
} from '../../src/core/forecast/holdout';
import { PooledModel, pooledGate, usesPooled } from '../../src/core/forecast/pooled';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { deepFeatures, shippedPretrained } from '../../src/cli/deep-node';
import { deepBacktest } from '../../src/ml/backtest';
import {
	checkSeriesOf,
	DEEP_CHECK_MIN_LENGTH,
	DEEP_CHECK_MIX_GATE,
	deepCheckCut,
	DEEP_MIX_GATE,
	deepDecision,
	deepForecastAt,
	deepGate,
	deepMixes,
	deepSeriesLengths,
	mixVerdict,
	registerDeepCandidates,
	type DeepForecastTable,
} from '../../src/ml/candidates';
import { BASE_FEATURES, N_FEATURES } from '../../src/ml/features';
import type { WeightBlob } from '../../src/ml/weights';
import { DEEP_KINDS, type DeepKind, type ModelSpec } from '../../src/ml/models';
import {
	HYBRID_GATE,
	HYBRID_LAMBDAS,
	applyCorrection,
	correctionWindows,
	hybridGate,
	type EngineForecastAt,
	type HybridGateSeries,
	trainCorrections,
} from './hybrid';

import { batchOf } from './deep-data';
import { loadMonthly } from './monthly-data';
import { benchCurves, benchOptions } from './engine-options';
import { loadDatasets, type Dataset } from './run';
import { everyPerSet, refuseUnknownFlags } from './harness';
import { trainingSpeed } from './deep-speed';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `--h 12`: score the first 12 periods of a set's horizon (Australian retail's 24 months), the horizon
 * the shipped monthly start forecasts (deepmonth); the training parts are unchanged.
 */
function horizonOf(ds: Dataset | undefined): Dataset | undefined {
	const h = Number(process.argv[process.argv.indexOf('--h') + 1]);
	if (!ds || !process.argv.includes('--h') || !(h > 0 && h < ds.h)) return ds;
	return { ...ds, h, series: ds.series.map((s) => ({ ...s, test: s.test.subarray(0, h) })) };
}
const OUT = join(ROOT, 'tests/bench/results/DEEP.md');

const argv = process.argv.slice(2);
refuseUnknownFlags(
	argv,
	{
		values: [
			...['back', 'check-gates', 'datasets', 'deep-features', 'dump', 'epochs', 'every'],
			...['gains', 'gates', 'h'],
			...['hybrid-epochs', 'hybrid-range', 'hybrid-stride', 'kinds', 'seeds', 'start'],
		],
		switches: [
			...['hybrid', 'no-check', 'no-ensemble', 'no-pooled', 'no-pretrained', 'no-speed'],
			...['no-val', 'no-write', 'shop-calendar', 'tune'],
		],
	},
	'deep-ensemble.ts',
);
const flag = (name: string): string | undefined => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};
/** Default subsets (every k-th series) that keep the run within ~30 min on a shared 2-core machine. */
const EVERY: Record<string, number> = { m4: 10, retail: 4, aus: 15, stockx: 2, walmart: 2 };
const DATASETS = (flag('datasets') ?? 'stockx,retail,walmart,m4,aus').split(',');
const KINDS = (flag('kinds') ?? 'mlp').split(',') as DeepKind[];
const EPOCHS = Number(flag('epochs') ?? 6);
const SEEDS = Number(flag('seeds') ?? 1);
const GAINS = (flag('gains') ?? 'off,inf')
	.split(',')
	.map((g) => (g === 'off' ? null : g === 'inf' ? Infinity : Number(g)));
const TUNE = argv.includes('--tune');
/** Horizons back from the end: 0 the reported one, 1 (--tune) validation V1, 2 validation V2. */
const BACK = Number(flag('back') ?? (TUNE ? 1 : 0));
/** Folder for per-series JSON (forecasts, leaderboards, actuals) that tests/bench/deep-rules.ts scores. */
const DUMP = flag('dump');
/** Pooled gates compared (needs 'inf' among the gains): mix everywhere when the pooled backtest ratio ≤ g. */
const GATES = (flag('gates') ?? '').split(',').filter(Boolean).map(Number);
const SPEED = !argv.includes('--no-speed') && !TUNE;
const ENSEMBLE = !argv.includes('--no-ensemble');
/**
 * --start FILE: the weekly start from FILE.{json,bin} (tests/bench/deep.ts --save) instead of the
 * shipped one, e.g. pretrained before V3 so that V2 and V3 are scored on weeks it never saw.
 */
const START = flag('start');
function startFrom(file: string, spec: ModelSpec): WeightBlob | null {
	const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as {
		spec: ModelSpec;
		shapes: number[][];
	};
	const s = meta.spec;
	if (s.kind !== spec.kind || s.lookback !== spec.lookback || s.horizon !== spec.horizon)
		return null;
	const bin = readFileSync(`${file}.bin`);
	return {
		shapes: meta.shapes,
		data: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
	};
}
/** --no-pooled: the engine without the pooled model (the baseline before deepmix). */
const POOLED = !argv.includes('--no-pooled');
/** --no-check: skip the hold-out check pass (deepgate's statistic; one engine pass on the cut series). */
const CHECK = !argv.includes('--no-check');
/** --shop-calendar: the deep features with the data set's shop calendar (see the deepBacktest call). */
const SHOP_CALENDAR = argv.includes('--shop-calendar');
/** --deep-features 12: with --shop-calendar, every model reads this many features (the calendar alone). */
const DEEP_FEATURES = flag('deep-features') ? Number(flag('deep-features')) : undefined;
/**
 * --check-gates 1.08,inf: log the shipped rule with these vetoes on the mix's backtest in place of
 * DEEP_CHECK_MIX_GATE (inf: the short check alone; DEEP.md "deep11").
 */
const CHECK_GATES = (flag('check-gates') ?? '')
	.split(',')
	.filter(Boolean)
	.map((g) => (g === 'inf' ? Infinity : Number(g)));
/** --no-write: leave DEEP.md as it is (iterating; V2 runs). */
const WRITE = !argv.includes('--no-write');

const log = (s: string): void => void process.stderr.write(s + '\n');

async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
	if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} did not start`);
	await tf.ready();
}

interface Scores {
	mase: number;
	wape: number;
	c80: number;
	c95: number;
}

function score(ds: Dataset, results: AutoForecastResult[]): Scores {
	let ms = 0;
	let nm = 0;
	let ae = 0;
	let sa = 0;
	let c80 = 0;
	let c95 = 0;
	let nc = 0;
	ds.series.forEach((s, i) => {
		const r = results[i];
		const lag = ds.scaleM;
		let sc = 0;
		let k = 0;
		for (let t = lag; t < s.train.length; t++) {
			sc += Math.abs(s.train[t] - s.train[t - lag]);
			k++;
		}
		sc /= k;
		let e = 0;
		const [i80, i95] = r.intervals;
		for (let j = 0; j < ds.h; j++) {
			const a = s.test[j];
			e += Math.abs(a - r.point[j]);
			sa += Math.abs(a);
			c80 += a >= i80.lower[j] && a <= i80.upper[j] ? 1 : 0;
			c95 += a >= i95.lower[j] && a <= i95.upper[j] ? 1 : 0;
			nc++;
		}
		ae += e;
		if (sc > 0) {
			ms += e / ds.h / sc;
			nm++;
		}
	});
	return { mase: ms / nm, wape: ae / sa, c80: c80 / nc, c95: c95 / nc };
}

/** Test-horizon scores of per-series point forecasts (no intervals: coverage NaN). */
function scorePoints(ds: Dataset, points: Float64Array[]): Scores {
	const flat = points.map((p) => {
		const none = { level: 0, lower: p, upper: p };
		return { point: p, intervals: [none, none] } as unknown as AutoForecastResult;
	});
	return { ...score(ds, flat), c80: NaN, c95: NaN };
}

async function ensemble(flush: (md: string[]) => void): Promise<string[]> {
	await useBackend('wasm');
	const md: string[] = [];
	const gainName = (g: number | null): string =>
		g === null ? 'deep alone (5 % rule)' : g === Infinity ? 'always mix' : `mix ≤ ${g}`;
	md.push(
		`Deep model(s): ${KINDS.join(', ')} (width 0.5, lookback 2·h, at most ${EPOCHS} epochs with early stopping, 2,000 windows per training${argv.includes('--no-val') ? ', no early-stopping split (fixed epochs, all targets before each cut-off)' : ''}${SEEDS > 1 ? `, ${SEEDS} seeds averaged` : ''}), trained on all series of the subset at every backtest origin the engine uses and on the whole training part (the CLI's \`--deep\`); the weekly h = 12 MLP starts from the shipped pretrained weights. ${TUNE ? '**Validation horizon** (the one before the reported last horizon; settings are chosen here). ' : '**Reported last horizon** (settings were chosen on the horizon before it). '}MASE with the lag of tests/bench/run.ts; WAPE = Σ|error| ÷ Σ|actual|; ratios vs the engine alone on the same windows (< 1 = better). **shipped rule** (src/ml/candidates.ts deepDecision, chosen on the validation horizons V1–V3, DEEP.md "deep10"): the deep model mixed 50/50 with each series’ statistical choice for every series when (0) the data is not monthly (deepMixes), (1) the short check — every series cut ⌈h/2⌉ periods back, the app's engine and the deep model trained without those periods forecasting from the cut — finds the 50/50 mix no worse than the engine in pooled MASE and WAPE on them and (2) the mix’s own pooled backtest MASE is ≤ ${DEEP_CHECK_MIX_GATE} × the statistical choice’s (the "backtest MASE mix ÷ choice" column); else the engine alone (the previous rule, deepGate over series of ≥ 3 horizons and ≤ ${DEEP_MIX_GATE}, is the "gate" column's first part) (no stand-alone deep candidate). "deep alone (5 % rule)": the deep model only as a stand-alone or top-3 member that lowers the backtest MASE ≥ 5 % over ≥ 2 origins (the previous fallback); "always mix": the mix wherever it is scored. "in" = series whose chosen forecast uses a deep model. Reference columns (not a rule, no selection): the deep model alone and the 50/50 average of engine and deep for every series.`,
		'',
		`| data (h) | series | engine MASE / WAPE | **shipped rule: ratio MASE / WAPE (in)** | young weekly series only (deepmix): ratio (in) | ${[...GAINS.map((g) => `${gainName(g)}: ratio MASE / WAPE (in)`), ...GATES.map((g) => `gate MASE ≤ ${g}: ratio MASE / WAPE (in) | gate MASE & WAPE ≤ ${g}: ratio (in)`)].join(' | ')} | ref. deep alone ratio | ref. always 50/50 ratio | backtest MASE mix ÷ choice (mix better) | gate: backtest MASE / WAPE deep ÷ median statistical | coverage 80 / 95 % (engine → ${gainName(GAINS[GAINS.length - 1])}) | seconds engine / deep training / engine + deep |`,
		`| --- | --- | --- | --- | --- | ${[...GAINS, ...GATES, ...GATES].map(() => '---').join(' | ')} | --- | --- | --- | --- | --- | --- |`,
	);
	if (HYBRID) {
		md.length = 0;
		md.push(...hybridHeader());
	}
	const keys = DATASETS;
	// --every k (every set) or --every m4:5,aus:5 (the named sets; every other set at 1, all its
	// series: it used to fall back to EVERY without a word); said per set before anything runs
	const everyOf = everyPerSet(flag('every'), keys, EVERY);
	log(`every k-th series: ${keys.map((key) => `${key} ${everyOf[key]}`).join(', ')}`);
	for (const key of keys) {
		const every = everyOf[key];
		const ds = horizonOf(
			key.endsWith('-month')
				? loadMonthly([key], BACK, every)[0]
				: loadDatasets([key], undefined, BACK, every)[0],
		);
		// the shipped weekly weights were pretrained on every set's training part cut before its
		// validation horizon (tests/bench/deep.ts): usable on both horizons
		const pretrained = !argv.includes('--no-pretrained');
		if (!ds || ds.series.length === 0) continue;
		log(`${key}: ${ds.series.length} series (every ${every})`);
		// the engine as the app runs it on a batch (engine-options.ts: batchEngine's shrunk seasons, launch
		// and spike curves learnt from the training parts; no pooled model)
		const curves = benchCurves(ds.series, ds.h, { key });
		const options = (d: Dataset, i: number): AutoForecastOptions =>
			benchOptions(d, i, d === ds ? curves : cutCurves);
		// the pooled model over the subset's training parts, chosen like a built-in in every run (the
		// engine alone and each run with the deep model); where a run's series together fail pooledGate,
		// its forecasts that used the pooled model again without it (as the app and the CLI do)
		const pooledModel = POOLED
			? new PooledModel(
					ds.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
				)
			: null;
		let pooledKept = 0;
		const runEngine = async (
			deepTables: Parameters<typeof registerDeepCandidates>[1] | null,
			gain: number | null,
		): Promise<AutoForecastResult[]> => {
			const reg = new CandidateRegistry();
			registerBuiltins(reg);
			if (deepTables) registerDeepCandidates(reg, deepTables, gain);
			const drop = pooledModel ? reg.register(pooledModel.candidate(true)) : null;
			const one = (i: number): Promise<AutoForecastResult> =>
				forecastAutoAsync(ds.series[i].train, options(ds, i), { registry: reg });
			const out: AutoForecastResult[] = [];
			for (let i = 0; i < ds.series.length; i++) out.push(await one(i));
			if (drop && out.some((r) => usesPooled(r.model))) {
				if (!pooledGate(out).pass) {
					drop();
					for (let i = 0; i < out.length; i++) if (usesPooled(out[i].model)) out[i] = await one(i);
				} else if (!deepTables) pooledKept = out.filter((r) => usesPooled(r.model)).length;
			}
			return out;
		};
		let t = performance.now();
		const base = await runEngine(null, null);
		const tBase = (performance.now() - t) / 1000;
		log(`  pooled model kept in ${pooledKept} of the engine's forecasts`);
		log(`  engine ${tBase.toFixed(0)} s`);
		if (HYBRID) {
			md.push(await hybridRow(key, ds, every, base, tBase));
			flush([...md, '']);
			continue;
		}
		const { batch, freq } = batchOf(ds);
		t = performance.now();
		const deepOpts: Parameters<typeof deepBacktest>[1] = {
			kinds: KINDS,
			horizon: ds.h,
			freq,
			epochs: EPOCHS,
			seeds: SEEDS,
			validation: !argv.includes('--no-val'),
			// --shop-calendar: the shop's calendar of the set's country (public holidays, festivals) for
			// the holiday feature and, for a model without a start of its shape, the make-up working day
			// and signal features, as the app and the CLI build them; without it the features before
			// issue #13's calendar work (the fixed holidays of src/ml/holidays.ts, BASE_FEATURES)
			...(SHOP_CALENDAR && ds.country
				? {
						calendar: { country: ds.country },
						features: (kind: DeepKind) =>
							DEEP_FEATURES ?? deepFeatures(freq, kind, ds.h, pretrained, true),
					}
				: { features: BASE_FEATURES }),
			initial: (spec: ModelSpec) =>
				!pretrained || freq !== 'week'
					? null
					: START
						? startFrom(START, spec)
						: shippedPretrained(freq, spec),
			// the shipped rule's short check (deepDecision): also a model trained without the last ⌈h/2⌉
			inner: deepCheckCut(ds.h),
			onStage: (s) => log(`  training ${s.kind} origin ${s.origin} (${s.step + 1}/${s.steps})`),
		};
		const deep = await deepBacktest(batch, deepOpts);
		const tDeep = (performance.now() - t) / 1000;
		// the short check (src/ml/candidates.ts deepDecision; DEEP.md "deep10"): every series cut
		// ⌈h/2⌉ periods before its end, the app's engine and the deep model trained without them
		// forecast from there, scored on those periods; the 50/50 mix and the deep model alone ÷ the engine
		const short = await shortCheck(ds, key, deep.tables);
		log(
			`  short check (cut ${short.cut}, ${short.mix.n} series, ${short.seconds.toFixed(0)} s): mix ÷ engine ${short.mix.ratio.toFixed(3)} / ${short.mix.wapeRatio.toFixed(3)} (${short.mix.won} no worse), deep alone ÷ engine ${short.alone.ratio.toFixed(3)} / ${short.alone.wapeRatio.toFixed(3)}`,
		);
		// the hold-out check (src/ml/candidates.ts holdoutCheck): the engine alone on every series
		// without its last h periods, and the deep forecast from that cut-off (backtest table)
		t = performance.now();
		const cutSet: Dataset = {
			...ds,
			series: ds.series.map((s) => {
				const o = s.train.length - ds.h;
				return {
					id: s.id,
					train: s.train.slice(0, Math.max(0, o)),
					test: s.train.slice(Math.max(0, o)),
					...(s.ds ? { ds: s.ds.slice(0, Math.max(0, o)) } : {}),
					...(s.xreg
						? {
								xreg: {
									names: s.xreg.names,
									values: s.xreg.values.map((c) => c.slice(0, s.train.length)),
								},
							}
						: {}),
				};
			}),
		};
		const cutCurves = benchCurves(cutSet.series, ds.h, { key });
		const check = cutSet.series.map((s, i) => {
			if (!CHECK || s.train.length < 4) return null;
			const stat = forecastAuto(s.train, options(cutSet, i)).point;
			const deepAt = deepForecastAt(deep.tables, s.id, s.train.length);
			return {
				stat: Array.from(stat),
				deep: deepAt ? Array.from(deepAt).slice(0, ds.h) : null,
				actual: Array.from(s.test),
			};
		});
		const tCheck = (performance.now() - t) / 1000;
		log(
			`  hold-out check: engine on the cut series ${tCheck.toFixed(0)} s, ${check.filter((c) => c?.deep).length} with a deep forecast`,
		);
		const f = (x: number): string => x.toFixed(3);
		const p = (x: number): string => (100 * x).toFixed(1);
		const a = score(ds, base);
		const cells: string[] = [];
		let last: Scores = a;
		let tWith = 0;
		let backtestVerdict = '–';
		let gateInfo = '–';
		let shipped = '–';
		/** The shipped rule's decision (deepDecision's keep) on this set, for the dump. */
		let shippedKeep: boolean | null = null;
		let offScores: Scores | null = null;
		let offUsed = 0;
		const gateCells: string[] = [];
		const runs: Record<string, AutoForecastResult[]> = {};
		for (const gain of GAINS) {
			t = performance.now();
			const withDeep = await runEngine(deep.tables, gain);
			tWith = (performance.now() - t) / 1000;
			runs[String(gain)] = withDeep;
			const b = score(ds, withDeep);
			last = b;
			const used = withDeep.filter((r) => r.model.includes('deep-')).length;
			if (gain === Infinity) {
				// selection-free references for a gate: the deep model's backtest MASE pooled over series
				// against the chosen statistical model (selected on these windows), the median
				// statistical single, naive and seasonal naive
				const pool = { choice: 0, median: 0, naive: 0, snaive: 0, deep: 0, n: 0 };
				for (const r of withDeep) {
					const rows = r.leaderboard.filter((x) => Number.isFinite(x.mase));
					const deepRow = rows.find((x) => x.model.startsWith('deep-'));
					const mixRow = rows.find((x) => x.model.startsWith('mix('));
					const inner = mixRow?.model.slice(4, mixRow.model.lastIndexOf(','));
					const choice = rows.find((x) => x.model === inner);
					const singles = rows
						.filter((x) => !/[(]/.test(x.model) && !x.model.startsWith('deep-'))
						.map((x) => x.mase)
						.sort((u, v) => u - v);
					const nv = rows.find((x) => x.model === 'naive');
					const sn = rows.find((x) => x.model === 'snaive') ?? nv;
					if (!deepRow || !choice || !nv || !sn || singles.length === 0) continue;
					pool.deep += deepRow.mase;
					pool.choice += choice.mase;
					pool.median += singles[singles.length >> 1];
					pool.naive += nv.mase;
					pool.snaive += sn.mase;
					pool.n++;
				}
				log(
					`  pooled backtest MASE of deep ÷ choice ${f(pool.deep / pool.choice)}, ÷ median single ${f(pool.deep / pool.median)}, ÷ naive ${f(pool.deep / pool.naive)}, ÷ snaive ${f(pool.deep / pool.snaive)} (${pool.n} series)`,
				);
				const v = mixVerdict(withDeep);
				backtestVerdict = `${f(v.ratio)} (${v.won}/${v.n})`;
				// the pooled gate (src/ml/candidates.ts deepGate): the mix for every series where the deep
				// model's pooled backtest is no worse than the median statistical model's, else the deep
				// model only as a stand-alone candidate (the 'off' run; no extra engine pass)
				const gate = deepGate(withDeep, Infinity, {
					lengths: ds.series.map((s) => s.train.length),
					horizon: ds.h,
				});
				gateInfo = `${f(gate.ratio)} / ${f(gate.wapeRatio)}`;
				// the shipped rule (src/ml/candidates.ts deepDecision): this run where it keeps the deep
				// model, else the engine alone
				const keep = deepDecision(
					withDeep,
					{ lengths: ds.series.map((s) => s.train.length), horizon: ds.h, freq },
					short.series,
				).keep;
				shippedKeep = keep;
				shipped = keep
					? `**${f(b.mase / a.mase)} / ${f(b.wape / a.wape)}** (${used})`
					: `**1.000 / 1.000** (0)`;
				// --check-gates 1.08,inf (DEEP.md "deep11"): the shipped rule with another veto on the mix's
				// backtest (inf: the short check alone), logged only
				for (const g of CHECK_GATES) {
					const pass = deepMixes(freq) && short.mix.pass && v.ratio <= g;
					log(
						`  check + mix backtest ≤ ${g}: ${pass ? `${f(b.mase / a.mase)} / ${f(b.wape / a.wape)} (${used})` : '1.000 / 1.000 (0)'} (check ${short.mix.pass ? 'passes' : 'fails'}, backtest ${f(v.ratio)})`,
					);
				}
				// two rules per gate value: the MASE ratio alone, and MASE and WAPE ratios (deepGate)
				for (const g of GATES)
					for (const pass of [gate.ratio <= g, Math.max(gate.ratio, gate.wapeRatio) <= g]) {
						const r = pass ? b : (offScores ?? a);
						const inN = pass ? used : offUsed;
						gateCells.push(`${f(r.mase / a.mase)} / ${f(r.wape / a.wape)} (${inN})`);
					}
			}
			const medians = withDeep.filter((r) => r.model.startsWith('median(')).length;
			if (medians) log(`  ${medians} series chose a median combination (no mix)`);
			if (gain === null) {
				offScores = b;
				offUsed = used;
			}
			cells.push(`${f(b.mase / a.mase)} / ${f(b.wape / a.wape)} (${used})`);
			log(`  ${gainName(gain)}: ${cells[cells.length - 1]}`);
		}
		// deepmix round 3 (not shipped, DEEP.md): the mix only for young weekly series (deepYoungTables:
		// under two years of history), the engine alone for the others; no shop-wide decision
		const youngTables = deepYoungTables(deep.tables, freq);
		const nYoung = Object.keys(Object.values(youngTables)[0] ?? {}).length;
		let youngCell = '1.000 / 1.000 (0)';
		if (nYoung > 0) {
			const young = await runEngine(youngTables, Infinity);
			runs.young = young;
			const y = score(ds, young);
			youngCell = `${f(y.mase / a.mase)} / ${f(y.wape / a.wape)} (${young.filter((r) => r.model.includes('deep-')).length} of ${nYoung} young)`;
		}
		log(`  young weekly series only: ${youngCell}`);
		// references: the first deep model's final forecast alone, and its 50/50 mean with the engine's
		const table = Object.values(deep.tables)[0] ?? {};
		const deepPts = ds.series.map((s, i) => {
			const at = table[s.id]?.find((x) => x.end === s.train.length);
			return at ? at.point.slice(0, ds.h) : base[i].point;
		});
		const d = scorePoints(ds, deepPts);
		const m = scorePoints(
			ds,
			deepPts.map((q, i) => q.map((v, j) => 0.5 * (v + base[i].point[j]))),
		);
		if (DUMP)
			dump(DUMP, key, ds, base, runs, deepPts, { tBase, tDeep, tWith, tCheck }, check, shippedKeep);
		const line = `| ${key} (${ds.h}) | ${ds.series.length}${every > 1 ? ` (1 in ${every})` : ''} | ${f(a.mase)} / ${f(a.wape)} | ${shipped} | ${youngCell} | ${[...cells, ...gateCells].join(' | ')} | ${f(d.mase / a.mase)} / ${f(d.wape / a.wape)} | ${f(m.mase / a.mase)} / ${f(m.wape / a.wape)} | ${backtestVerdict} | ${gateInfo} | ${p(a.c80)} / ${p(a.c95)} → ${p(last.c80)} / ${p(last.c95)} | ${tBase.toFixed(0)} / ${tDeep.toFixed(0)} / ${tWith.toFixed(0)} |`;
		md.push(line);
		log(line);
		flush([...md, '']);
		if (deep.skipped.length)
			log(`  skipped origins: ${deep.skipped.map((s) => `${s.name}@${s.origin}`).join(', ')}`);
	}
	md.push('');
	return md;
}

/** The app's engine on a bench set (batch options and the gated pooled model, as runEngine without deep). */
async function engineOn(d: Dataset, key: string): Promise<AutoForecastResult[]> {
	const curves = benchCurves(d.series, d.h, { key });
	const reg = new CandidateRegistry();
	registerBuiltins(reg);
	const pooledModel = POOLED
		? new PooledModel(
				d.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
			)
		: null;
	const drop = pooledModel ? reg.register(pooledModel.candidate(true)) : null;
	const one = (i: number): Promise<AutoForecastResult> =>
		forecastAutoAsync(d.series[i].train, benchOptions(d, i, curves), { registry: reg });
	const out: AutoForecastResult[] = [];
	for (let i = 0; i < d.series.length; i++) out.push(await one(i));
	if (drop && out.some((r) => usesPooled(r.model)) && !pooledGate(out).pass) {
		drop();
		for (let i = 0; i < out.length; i++) if (usesPooled(out[i].model)) out[i] = await one(i);
	}
	return out;
}

/** Every series of `ds` without its last `c` training periods (those become its test part). */
function cutBy(ds: Dataset, c: number, minLength: number): { set: Dataset; index: number[] } {
	const index: number[] = [];
	const series = ds.series.flatMap((s, i) => {
		const o = s.train.length - c;
		if (o < minLength) return [];
		index.push(i);
		return [
			{
				id: s.id,
				train: s.train.slice(0, o),
				test: s.train.slice(o),
				...(s.ds ? { ds: s.ds.slice(0, o) } : {}),
				...(s.xreg
					? {
							xreg: {
								names: s.xreg.names,
								values: s.xreg.values.map((col) => col.slice(0, o + ds.h)),
							},
						}
					: {}),
			},
		];
	});
	return { set: { ...ds, series }, index };
}

/**
 * The shipped rule's short check (src/ml/candidates.ts deepDecision, DEEP.md "deep10"): every series of
 * `ds` cut deepCheckCut(h) periods before its end (series of DEEP_CHECK_MIN_LENGTH periods left), the
 * app's engine on the cut set (engineOn) and the deep model's check forecast (deepBacktest's `inner`:
 * trained without the cut periods), both scored on them (holdoutCheck); the 50/50 mix and the deep
 * model alone, each ÷ the engine.
 */
async function shortCheck(
	ds: Dataset,
	key: string,
	tables: Record<string, DeepForecastTable>,
): Promise<{
	cut: number;
	series: HoldoutSeries[];
	mix: HoldoutCheck;
	alone: HoldoutCheck;
	seconds: number;
}> {
	const t = performance.now();
	const cut = deepCheckCut(ds.h);
	const { set } = cutBy(ds, cut, DEEP_CHECK_MIN_LENGTH);
	const stat = await engineOn(set, key);
	const series = checkSeriesOf(
		set.series.map((s, i) => ({ seriesId: s.id, point: stat[i].point })),
		Object.fromEntries(
			set.series.map((s) => [s.id, { actual: s.test, scale: holdoutScale(s.train) }]),
		),
		tables,
		cut,
	);
	return {
		cut,
		series,
		mix: holdoutCheck(series),
		alone: holdoutCheck(series, 1, 1),
		seconds: (performance.now() - t) / 1000,
	};
}

/** --hybrid: the deep model as a correction of the engine (tests/bench/hybrid.ts; DEEP.md "deephyb"). */
const HYBRID = argv.includes('--hybrid');
/** Cut-offs the engine forecasts from for the correction's training windows: every S-th period back … */
const HYB_STRIDE = Number(flag('hybrid-stride') ?? 2);
/** … up to this many horizons back. */
const HYB_RANGE = Number(flag('hybrid-range') ?? 2);
const HYB_EPOCHS = Number(flag('hybrid-epochs') ?? 20);
/** Fewest periods a cut series keeps. */
const HYB_MIN = 4;

function hybridHeader(): string[] {
	return [
		`Hybrid (deephyb): an MLP (width 0.5, lookback 2·h, ${HYB_EPOCHS} epochs, seed 1, no pretrained start) learns the scaled residual (actual − engine) ÷ scale of the app's engine (batch options and the gated pooled model) from the engine's forecasts at cut-offs every ${HYB_STRIDE} periods up to ${HYB_RANGE} horizons back (partial targets); correction = λ × the model's median; λ ∈ {0, ¼, ½, ¾, 1} chosen on the inner cut-off g = min(h, ⌊(n − 8) ÷ 2⌋) periods back by a model trained only on cut-offs before it; **gated** (tests/bench/hybrid.ts hybridGate): kept for the whole set when the corrected pooled MASE at the inner cut-off is ≤ ${HYBRID_GATE} × the engine's, else the engine. Ratios MASE / WAPE vs the engine on the same windows.`,
		'',
		'| data (h) | series | engine MASE / WAPE | **gated hybrid: ratio MASE / WAPE (λ)** | inner cut-off: ratio at λ = 0, ¼, ½, ¾, 1 (g, series) | ref. always λ = 1 | ref. always λ = ½ | ref. per-series gate at the chosen λ (in) | ref. no network, per-step median residual: gated (λ; inner ratios) | ref. median residual, always λ = 1 | coverage 80 / 95 % engine → gated | seconds engine / cut-off engines / training |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	];
}

async function hybridRow(
	key: string,
	ds: Dataset,
	every: number,
	base: AutoForecastResult[],
	tBase: number,
): Promise<string> {
	const f = (x: number): string => x.toFixed(3);
	const p = (x: number): string => (100 * x).toFixed(1);
	const h = ds.h;
	const { batch, freq } = batchOf(ds);
	const lens = ds.series.map((s) => s.train.length);
	const n0 = Math.min(...lens);
	// the inner cut-off: one horizon back, or half of what a short series has past 8 periods
	const g = Math.max(1, Math.min(h, Math.floor((n0 - 8) / 2)));
	const cuts = new Set<number>([g]);
	for (let c = g; c >= 1; c -= HYB_STRIDE) cuts.add(c);
	for (let c = g; c <= HYB_RANGE * h; c += HYB_STRIDE) cuts.add(c);
	const items: (EngineForecastAt & { cut: number })[] = [];
	let t = performance.now();
	for (const c of [...cuts].sort((a, b) => a - b)) {
		const { set, index } = cutBy(ds, c, HYB_MIN);
		if (set.series.length === 0) continue;
		const res = await engineOn(set, key);
		res.forEach((r, k) =>
			items.push({ series: index[k], end: lens[index[k]] - c, point: r.point, cut: c }),
		);
		log(`  hybrid: engine at cut-off ${c} (${set.series.length} series)`);
	}
	const tCuts = (performance.now() - t) / 1000;
	const cfg = { lookback: Math.max(8, 2 * h), horizon: h, freq };
	t = performance.now();
	const opts = { epochs: HYB_EPOCHS, seed: 1 };
	// inner model: trained on cut-offs before the inner one, targets before it; applied there
	const innerItems = items.filter((it) => it.cut === g);
	const [innerCorr] = await trainCorrections(
		batch,
		cfg,
		items.filter((it) => it.cut > g),
		lens.map((n) => n - g),
		[innerItems],
		opts,
	);
	const gateSeries: HybridGateSeries[] = innerItems.map((it, w) => {
		const y = ds.series[it.series].train;
		const o = it.end;
		const lag = o > ds.scaleM ? ds.scaleM : 1;
		let sc = 0;
		for (let u = lag; u < o; u++) sc += Math.abs(y[u] - y[u - lag]);
		sc /= Math.max(1, o - lag);
		return {
			engine: it.point,
			correction: innerCorr[w],
			actual: Float64Array.from({ length: h }, (_, j) => (o + j < y.length ? y[o + j] : NaN)),
			scale: sc,
		};
	});
	const gate = hybridGate(gateSeries);
	// per series (reference): the chosen λ where the series' own inner-cut-off error is lower
	const seriesWins = new Set<number>();
	const lam =
		HYBRID_LAMBDAS[gate.ratios.indexOf(Math.min(...gate.ratios.filter(Number.isFinite)))] ?? 0;
	gateSeries.forEach((s, w) => {
		const e0 = hybridGate([s]).ratios;
		if (e0[HYBRID_LAMBDAS.indexOf(lam as (typeof HYBRID_LAMBDAS)[number])] < 1)
			seriesWins.add(innerItems[w].series);
	});
	// final model: every cut-off, targets up to the end of the training part; applied at the end
	const finalItems: EngineForecastAt[] = ds.series.map((_, i) => ({
		series: i,
		end: lens[i],
		point: base[i].point,
	}));
	const [netCorr] = await trainCorrections(batch, cfg, items, lens, [finalItems], opts);
	const tTrain = (performance.now() - t) / 1000;
	// reference without a network: the per-step median of the scaled residuals of the training windows
	// (a constant bias correction per horizon step), chosen and gated the same way
	const medianOf = (
		train: readonly EngineForecastAt[],
		limit: number[],
		apply: EngineForecastAt[],
	) => {
		const set = correctionWindows(batch, cfg, train, limit);
		const med = Array.from({ length: h }, (_, j) => {
			const v: number[] = [];
			for (let w = 0; w < set.n; w++)
				if (Number.isFinite(set.y[w * h + j])) v.push(set.y[w * h + j]);
			v.sort((u, z) => u - z);
			return v.length ? v[v.length >> 1] : 0;
		});
		const at = correctionWindows(batch, cfg, apply);
		return apply.map((_, w) => Float64Array.from(med, (m) => m * at.scale[w]));
	};
	const medInner = medianOf(
		items.filter((it) => it.cut > g),
		lens.map((n) => n - g),
		innerItems,
	);
	const medGate = hybridGate(gateSeries.map((s, w) => ({ ...s, correction: medInner[w] })));
	const medFinal = medianOf(items, lens, finalItems);
	const shifted = (
		l: number,
		keep: (i: number) => boolean,
		corr: Float64Array[] = netCorr,
	): AutoForecastResult[] =>
		base.map((r, i) => {
			if (!keep(i) || l === 0) return r;
			const point = applyCorrection(r.point, corr[i], l);
			const shift = (a: Float64Array): Float64Array => applyCorrection(a, corr[i], l);
			return {
				...r,
				point,
				intervals: r.intervals.map((iv) => ({
					...iv,
					lower: shift(iv.lower),
					upper: shift(iv.upper),
				})),
			};
		});
	const a = score(ds, base);
	const ratio = (rs: AutoForecastResult[]): string => {
		const b = score(ds, rs);
		return `${f(b.mase / a.mase)} / ${f(b.wape / a.wape)}`;
	};
	const gated = shifted(gate.lambda, () => true);
	const gs = score(ds, gated);
	const line = `| ${key} (${h}) | ${ds.series.length}${every > 1 ? ` (1 in ${every})` : ''} | ${f(a.mase)} / ${f(a.wape)} | **${ratio(gated)}** (${gate.lambda}) | ${gate.ratios.map(f).join(', ')} (${g}, ${gate.n}) | ${ratio(shifted(1, () => true))} | ${ratio(shifted(0.5, () => true))} | ${ratio(shifted(lam, (i) => seriesWins.has(i)))} (${seriesWins.size}) | ${ratio(shifted(medGate.lambda, () => true, medFinal))} (${medGate.lambda}; inner ${medGate.ratios.map(f).join(', ')}) | ${ratio(shifted(1, () => true, medFinal))} | ${p(a.c80)} / ${p(a.c95)} → ${p(gs.c80)} / ${p(gs.c95)} | ${tBase.toFixed(0)} / ${tCuts.toFixed(0)} / ${tTrain.toFixed(0)} |`;
	log(line);
	return line;
}

/**
 * The deep tables cut to the young weekly series (DEEP.md "deepmix", round 3, not shipped): those whose
 * latest window end (their length) is under two years of weeks; none for any other frequency.
 */
function deepYoungTables(
	tables: Record<string, DeepForecastTable>,
	freq: string,
): Record<string, DeepForecastTable> {
	const out: Record<string, DeepForecastTable> = {};
	for (const [name, table] of Object.entries(tables)) {
		const kept: DeepForecastTable = {};
		if (freq === 'week')
			for (const [id, list] of Object.entries(table)) {
				const [n] = deepSeriesLengths({ [name]: table }, [id]);
				if (n < 2 * 52) kept[id] = list;
			}
		out[name] = kept;
	}
	return out;
}

/**
 * Per-series forecasts, leaderboards and actuals of one set, for tests/bench/deep-rules.ts and
 * deep-bootstrap.ts; `shipped`: whether the shipped rule (deepDecision) kept the deep model (null: no
 * 'inf' run).
 */
function dump(
	dir: string,
	key: string,
	ds: Dataset,
	base: AutoForecastResult[],
	runs: Record<string, AutoForecastResult[]>,
	deepPts: Float64Array[],
	seconds: Record<string, number>,
	check: ({ stat: number[]; deep: number[] | null; actual: number[] } | null)[],
	shipped: boolean | null,
): void {
	mkdirSync(dir, { recursive: true });
	const one = (r: AutoForecastResult) => ({
		model: r.model,
		point: Array.from(r.point),
		intervals: r.intervals.map((iv) => ({
			level: iv.level,
			lower: Array.from(iv.lower),
			upper: Array.from(iv.upper),
		})),
		leaderboard: r.leaderboard.map((x) => ({ model: x.model, mase: x.mase, wape: x.wape })),
	});
	const series = ds.series.map((s, i) => ({
		id: s.id,
		n: s.train.length,
		train: Array.from(s.train),
		test: Array.from(s.test.subarray(0, ds.h)),
		base: one(base[i]),
		runs: Object.fromEntries(Object.entries(runs).map(([g, rs]) => [g, one(rs[i])])),
		deep: Array.from(deepPts[i]),
		check: check[i],
	}));
	writeFileSync(
		join(dir, `${key}-back${BACK}.json`),
		JSON.stringify({
			key,
			h: ds.h,
			m: ds.m,
			scaleM: ds.scaleM,
			back: BACK,
			seconds,
			shipped,
			series,
		}),
	);
}

async function speed(): Promise<string[]> {
	const [ds] = loadDatasets(['retail'], undefined, 0, 1);
	const { batch } = batchOf(ds);
	const L = 24;
	const H = 12;
	const md = [
		`Windows of 24 + 12 weeks × ${N_FEATURES} features (online retail), batch 64, width 0.5 (as the app and \`--deep\` train), seeded, one epoch after a warm-up epoch:`,
		'',
		'| model | parameters | Node WASM windows/s | Node CPU windows/s |',
		'| --- | --- | --- | --- |',
	];
	for (const kind of DEEP_KINDS) {
		const cells: string[] = [];
		let params = 0;
		for (const backend of ['wasm', 'cpu'] as const) {
			await useBackend(backend);
			const n = backend === 'wasm' ? 320 : 96;
			const sp = await trainingSpeed(batch, kind, L, H, n);
			params = sp.params;
			cells.push(sp.windowsPerSecond.toFixed(0));
			log(`  speed ${kind} ${backend}: ${sp.windowsPerSecond.toFixed(0)} windows/s`);
		}
		md.push(`| ${kind} | ${params.toLocaleString('en')} | ${cells[0]} | ${cells[1]} |`);
	}
	md.push('');
	return md;
}

/** Replace the text between <!-- name:start --> and <!-- name:end --> (appended when missing). */
function putSection(text: string, name: string, title: string, body: string[]): string {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const block = [start, title, '', ...body, end].join('\n');
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + end.length);
	return text.trimEnd() + '\n\n' + block + '\n';
}

async function main(): Promise<void> {
	const t0 = performance.now();
	const load = loadavg()[0].toFixed(1);
	let text = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '# Deep models\n';
	const stamp = `(Node ${process.version}, tfjs ${tf.version.tfjs}; load average ${load} on the shared 2-core machine at the start, so seconds are indicative)`;
	if (SPEED) {
		text = putSection(
			text,
			'speed',
			`## Training speed per architecture and backend ${stamp}`,
			await speed(),
		);
		writeFileSync(OUT, text);
	}
	if (ENSEMBLE) {
		const section = TUNE ? 'ensemble-tune' : 'ensemble';
		const title = TUNE
			? `## Validation horizon (the one before the last): choosing the mix rule ${stamp}`
			: `## The engine with and without the deep candidates (last horizon held out) ${stamp}`;
		const before = text;
		const md = await ensemble((partial) => {
			if (WRITE) writeFileSync(OUT, putSection(before, section, title, partial));
		});
		text = putSection(before, section, title, md);
		if (WRITE) writeFileSync(OUT, text);
	}
	log(
		`${WRITE ? `wrote ${OUT}` : `done (--no-write: ${OUT} left as it was)`} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
	);
}

await main();
