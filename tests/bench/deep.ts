// Pretrained deep model bench (npm run bench:deep:pretrained; not part of npm test), tfjs WASM in Node:
//  1. pretraining: one global MLP (lookback 24, horizon 12, width 0.5, the 12 features of
//     src/ml/features.ts) on windows of synthetic retail-like weekly series (tests/bench/synth.ts,
//     licence-free) and of the licensed shared training parts — online retail and ABS (CC BY 4.0),
//     StockX (MIT) — each real set cut before the validation horizon of tests/bench/run.ts (`--tune`'s
//     held-out horizon), so neither the validation nor the reported held-out horizon is ever trained
//     on; with --write the weights are shipped as public/models/pretrained-week.{json,bin} (refused when
//     a set without a licence that allows it is in the corpus: M4, Walmart);
//  2. on each data set's reported held-out horizon (its first 12 periods; subsets) — or with `--back 1`
//     on the validation horizon, pretraining cut one horizon earlier, where the corpus is chosen —
//     naive, the statistical engine, and the MLP zero-shot (pretrained), fine-tuned (pretrained + at
//     most 8 epochs on the set's own training part) and from scratch (the same budget): MASE, WAPE,
//     coverage and seconds, bias logged. Every set is scored, in the corpus or not. Writes the
//     'pretrained' (or 'pretrained-back<k>') section of tests/bench/results/DEEP.md.
// Flags: --write, --pretrain synth,retail,stockx,aus (the shipped default; also walmart, m4 to measure),
// --synth-series 6000, --synth-windows 20000, --datasets retail,stockx,walmart,m4,aus, --every k,
// --back k, --only zs,ft,engine,scratch, --quick (few epochs), --calendar (each set's holiday feature from
// its own country's shop calendar; DEEP.md "deep8", not shipped).
// --freq month: the monthly start (public/models/pretrained-month.*; same window shape, 24 months back,
// 12 ahead) on synthetic monthly series (synth.ts `synthMonthly`) and the licensed monthly data — ABS's
// training part and the monthly aggregates of online retail and StockX (monthly-data.ts, h = 3) —
// scored on ABS (first 12 of 24 months) and the monthly aggregates (their 3 months).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { join } from 'node:path';
import { forecastAuto } from '../../src/core/engine';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import type { SeriesBatch } from '../../src/core/types';
import {
	BASE_FEATURES,
	forecastWindows,
	makeWindows,
	type WindowConfig,
	type WindowSet,
} from '../../src/ml/features';
import { QUANTILES, type ModelSpec } from '../../src/ml/models';
import { compiledModel, disposeModel, predictWindows, trainModel } from '../../src/ml/train';
import { getWeightBlob, setWeightBlob, type WeightBlob } from '../../src/ml/weights';
import { shippedPretrained } from '../../src/cli/deep-node';
import { batchOf } from './deep-data';
import { synthMonthly, synthWeekly } from './synth';
import { loadMonthly } from './monthly-data';
import { ROOT, load1, writeSection } from './harness';
import { loadDatasets, regressorsOf, type Dataset } from './run';

const H = 12;
const L = 24;
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = argv.includes('--quick');
/** `--tag A`: a corpus variant's own DEEP.md section (the corpus is chosen across variants). */
const TAG = flag('tag') ?? '';
const WRITE = argv.includes('--write');
/**
 * The shipped corpus (chosen on the validation horizon, `--back 1`; DEEP.md): synthetic series plus the
 * sets whose licence lets derived weights ship, online retail and ABS (CC BY 4.0) and StockX (MIT
 * repository). M4 ("research use") and Walmart (Kaggle, no licence) are left out of the shipped file
 * as the seasonal profile leaves Walmart out; `--pretrain synth,retail,stockx,walmart,m4,aus` measures all.
 */
/** The start's frequency: 'week' (the default) or 'month' (pretrained-month.*). */
const FREQ = (flag('freq') ?? 'week') as 'week' | 'month';
const MONTHLY = FREQ === 'month';
const PRETRAIN_SETS = (
	flag('pretrain') ??
	(MONTHLY ? 'synth-month,aus,retail-month,stockx-month' : 'synth,retail,stockx,aus')
).split(',');
const DATASETS = (
	flag('datasets') ?? (MONTHLY ? 'aus,retail-month,stockx-month' : 'stockx,retail,walmart,m4,aus')
).split(',');
/** A bench set: run.ts's loaders, or the monthly aggregates (monthly-data.ts). */
const loadSet = (key: string, back: number, every: number): Dataset =>
	key.endsWith('-month')
		? loadMonthly([key], back, every)[0]
		: loadDatasets([key], undefined, back, every)[0];
/**
 * Horizon scored: 0 = the reported held-out horizon (pretraining cut before the validation horizon),
 * 1 = the validation horizon (pretraining cut one horizon earlier), where the corpus is chosen.
 */
const BACK = Number(flag('back') ?? 0);
/** `--only zs,ft`: score only these (naive, engine and from scratch do not depend on the corpus). */
const ONLY = flag('only')?.split(',') ?? null;
const runs = (k: string): boolean => !ONLY || ONLY.includes(k);
/** Synthetic series (tests/bench/synth.ts) for the `synth` pretraining set, and their windows at most. */
const SYNTH_SERIES = Number(flag('synth-series') ?? (MONTHLY ? 4000 : 6000));
const SYNTH_WINDOWS = Number(flag('synth-windows') ?? (MONTHLY ? 8000 : 20000));
/** Subsets (as deep-ensemble.ts, but M4 every 5th; monthly: ABS every 5th, the aggregates whole). */
const EVERY: Record<string, number> = MONTHLY
	? { aus: 5, 'retail-month': 1, 'stockx-month': 1 }
	: { m4: 5, retail: 4, aus: 15, stockx: 2, walmart: 2 };
/** Pretraining windows per data set at most (a seeded sample), so no set dominates. */
const PER_SET = QUICK ? 500 : 5000;
const SPEC: ModelSpec = {
	kind: 'mlp',
	lookback: L,
	horizon: H,
	width: 0.5,
	features: BASE_FEATURES,
};
const log = (s: string): void => void process.stderr.write(s + '\n');

function merge(sets: WindowSet[]): WindowSet {
	const cat = (pick: (s: WindowSet) => Float32Array): Float32Array => {
		const out = new Float32Array(sets.reduce((a, s) => a + pick(s).length, 0));
		let o = 0;
		for (const s of sets) {
			out.set(pick(s), o);
			o += pick(s).length;
		}
		return out;
	};
	return {
		n: sets.reduce((a, s) => a + s.n, 0),
		x: cat((s) => s.x),
		y: cat((s) => s.y),
		scale: cat((s) => s.scale),
		anchor: cat((s) => s.anchor),
	};
}

const cfgOf = (batch: { freq: WindowConfig['freq']; country?: string }): WindowConfig => ({
	lookback: L,
	horizon: H,
	freq: batch.freq,
	features: BASE_FEATURES,
	...(batch.country ? { calendar: { country: batch.country } } : {}),
});

/**
 * `--calendar`: every pretraining set's holiday feature (6) from its own country's shop calendar
 * (src/core/calendar shopCalendar: public holidays and festivals) instead of the fixed list of
 * src/ml/holidays.ts, so the start learns what a shop's calendar marks, not fixed dates (DEEP.md
 * "deep8"). The synthetic series react to US holidays and festivals (synth.ts); ABS is Australian.
 */
const CALENDAR = argv.includes('--calendar');
const COUNTRY: Record<string, string> = {
	synth: 'US',
	retail: 'GB',
	stockx: 'US',
	walmart: 'US',
	aus: 'AU',
	'retail-month': 'GB',
	'stockx-month': 'US',
	'synth-month': 'US',
};

/** The series of `batch` at the given indexes. */
function subset(batch: SeriesBatch, keep: number[]): SeriesBatch {
	const indptr = new Int32Array(keep.length + 1);
	keep.forEach((i, k) => (indptr[k + 1] = indptr[k] + batch.indptr[i + 1] - batch.indptr[i]));
	const pick = (a: Float64Array): Float64Array => {
		const out = new Float64Array(indptr[keep.length]);
		keep.forEach((i, k) => out.set(a.subarray(batch.indptr[i], batch.indptr[i + 1]), indptr[k]));
		return out;
	};
	const out: SeriesBatch = {
		ids: keep.map((i) => batch.ids[i]),
		indptr,
		ds: pick(batch.ds),
		y: pick(batch.y),
	};
	if (batch.regressors)
		out.regressors = { names: batch.regressors.names, values: batch.regressors.values.map(pick) };
	return out;
}

/**
 * Pretrain on every set's training part before its validation horizon (run.ts back = 1): windows of
 * every 10th series form the early-stopping set (online retail's 41 weeks leave no room for a
 * held-out stretch in time).
 */
async function pretrain(): Promise<{
	weights: WeightBlob;
	epochs: number;
	seconds: number;
	counts: string[];
	/** The sets that gave windows (the shipped JSON names only these as sources). */
	used: string[];
}> {
	const trains: WindowSet[] = [];
	const vals: WindowSet[] = [];
	const counts: string[] = [];
	const used: string[] = [];
	for (const key of PRETRAIN_SETS) {
		let batch: SeriesBatch;
		let freq: WindowConfig['freq'];
		let what: string;
		if (key === 'synth' || key === 'synth-month') {
			batch =
				key === 'synth'
					? synthWeekly({ n: SYNTH_SERIES, seed: 7 })
					: synthMonthly({ n: SYNTH_SERIES, seed: 7 });
			freq = key === 'synth' ? 'week' : 'month';
			what = `${SYNTH_SERIES.toLocaleString('en')} synthetic series`;
		} else {
			const ds = loadSet(key, BACK + 1, 1);
			({ batch, freq } = batchOf(ds));
			what = `${ds.series.length} series`;
		}
		const all = batch.ids.map((_, i) => i);
		const cap = key.startsWith('synth') ? SYNTH_WINDOWS : PER_SET;
		const opts = { maxWindows: cap, seed: 11, partialTargets: true };
		const { train } = makeWindows(
			subset(
				batch,
				all.filter((i) => i % 10 !== 9),
			),
			cfgOf({ freq, ...(CALENDAR && COUNTRY[key] ? { country: COUNTRY[key] } : {}) }),
			opts,
		);
		const { train: val } = makeWindows(
			subset(
				batch,
				all.filter((i) => i % 10 === 9),
			),
			cfgOf({ freq, ...(CALENDAR && COUNTRY[key] ? { country: COUNTRY[key] } : {}) }),
			{ ...opts, maxWindows: cap / 5 },
		);
		trains.push(train);
		vals.push(val);
		counts.push(`${key} ${train.n.toLocaleString('en')} (${what})`);
		if (train.n > 0) used.push(key);
		log(`pretraining windows: ${counts.at(-1)}, validation ${val.n}`);
	}
	const t0 = performance.now();
	const model = compiledModel(SPEC, 2e-3, 1);
	const out = await trainModel(
		model,
		SPEC,
		merge(trains),
		merge(vals),
		{ epochs: QUICK ? 2 : 20, batchSize: 128, patience: 3, seed: 1 },
		{
			onEpoch: (e) =>
				log(`  epoch ${e.epoch}: loss ${e.loss.toFixed(4)} val ${e.valLoss.toFixed(4)}`),
		},
	);
	const weights = getWeightBlob(model);
	disposeModel(model);
	return {
		weights,
		epochs: out.history.length,
		seconds: (performance.now() - t0) / 1000,
		counts: counts.filter((_, k) => used.includes(PRETRAIN_SETS[k])),
		used,
	};
}

interface Scores {
	/** Σ forecast ÷ Σ actual − 1 (logged). */
	bias?: number;
	mase: number;
	wape: number;
	c80: number;
	c95: number;
}

/** Periods scored on a set: its first 12, fewer where its horizon is shorter (monthly aggregates). */
const hOf = (ds: Dataset): number => Math.min(H, ds.h);

/** Score point + intervals (n × H each; intervals may be empty) on the first hOf(ds) test periods. */
function score(ds: Dataset, f: Float64Array[]): Scores {
	const hs = hOf(ds);
	const [pt, l80, h80, l95, h95] = f;
	let ms = 0;
	let nm = 0;
	let ae = 0;
	let sa = 0;
	let c80 = 0;
	let c95 = 0;
	let nc = 0;
	let sf = 0;
	ds.series.forEach((s, i) => {
		const lag = ds.scaleM;
		let sc = 0;
		let k = 0;
		for (let t = lag; t < s.train.length; t++) {
			sc += Math.abs(s.train[t] - s.train[t - lag]);
			k++;
		}
		sc /= k;
		let e = 0;
		for (let j = 0; j < hs; j++) {
			const a = s.test[j];
			const p = i * H + j;
			e += Math.abs(a - pt[p]);
			sa += Math.abs(a);
			sf += pt[p];
			if (l80) {
				c80 += a >= l80[p] && a <= h80[p] ? 1 : 0;
				c95 += a >= l95[p] && a <= h95[p] ? 1 : 0;
				nc++;
			}
		}
		ae += e;
		if (sc > 0) {
			ms += e / hs / sc;
			nm++;
		}
	});
	return {
		bias: sf / sa - 1,
		mase: ms / nm,
		wape: ae / sa,
		c80: nc ? c80 / nc : NaN,
		c95: nc ? c95 / nc : NaN,
	};
}

function options(ds: Dataset, i: number): AutoForecastOptions {
	const s = ds.series[i];
	const hs = hOf(ds);
	const regressors = regressorsOf(s, hs);
	return {
		horizon: hs,
		season: ds.m,
		levels: [0.8, 0.95],
		seriesId: s.id,
		...(s.ds ? { seasonalPrior: profilePrior(s.ds, ds.m === 12 ? 'month' : 'week', hs) } : {}),
		...(regressors ? { regressors } : {}),
	};
}

function engineRun(ds: Dataset): Float64Array[] {
	const out = Array.from({ length: 5 }, () => new Float64Array(ds.series.length * H));
	ds.series.forEach((s, i) => {
		const r = forecastAuto(s.train, options(ds, i));
		const i80 = r.intervals.find((v) => v.level === 0.8)!;
		const i95 = r.intervals.find((v) => v.level === 0.95)!;
		[r.point, i80.lower, i80.upper, i95.lower, i95.upper].forEach((a, k) =>
			out[k].set(a.subarray(0, hOf(ds)), i * H),
		);
	});
	return out;
}

/** Forecast H periods from the end of every series' training part with `weights`. */
async function deepRun(batch: SeriesBatch, cfg: WindowConfig, weights: WeightBlob) {
	const model = compiledModel(SPEC);
	setWeightBlob(model, weights);
	const pairs = batch.ids.map(
		(_, i) => [i, batch.indptr[i + 1] - batch.indptr[i]] as [number, number],
	);
	const set = forecastWindows(batch, cfg, pairs, new Float64Array(batch.ids.length));
	const q = await predictWindows(model, SPEC, set);
	disposeModel(model);
	const Qn = QUANTILES.length;
	const nonNegative = batch.y.every((v) => !Number.isFinite(v) || v >= 0);
	const col = (k: number) =>
		Float64Array.from({ length: batch.ids.length * H }, (_, w) => {
			const v = q[w * Qn + k];
			return nonNegative ? Math.max(0, v) : v;
		});
	return [col(2), col(1), col(3), col(0), col(4)];
}

/** Train on the set's own training part (from `start` or from scratch), as the app and --deep do. */
async function fit(batch: SeriesBatch, cfg: WindowConfig, start: WeightBlob | null) {
	const { train, val } = makeWindows(batch, cfg, {
		validation: true,
		maxWindows: 2000,
		seed: 1,
		partialTargets: true,
	});
	// too short a history for any training window (monthly aggregates at back 1: 3 months): the start
	// is used as it is (from scratch: nothing to score)
	if (train.n === 0) return { weights: start, epochs: 0 };
	const model = compiledModel(SPEC, start ? 5e-4 : 1e-3, 1);
	if (start) setWeightBlob(model, start);
	// no room for a validation stretch: early stopping reads the training windows
	const out = await trainModel(model, SPEC, train, val && val.n > 0 ? val : train, {
		epochs: QUICK ? 2 : 8,
		batchSize: 64,
		patience: 2,
		seed: 1,
	});
	const weights = getWeightBlob(model);
	disposeModel(model);
	return { weights, epochs: out.history.length };
}

async function main(): Promise<void> {
	if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm did not start');
	await tf.ready();
	const t0 = performance.now();
	const load = load1();
	const md: string[] = [];
	/** Each pretraining set: its name and licence (written to the shipped JSON; NOTICE.md repeats them). */
	const SOURCES: Record<string, { name: string; licence: string }> = {
		retail: { name: 'UCI Online Retail, weekly top 200 products', licence: 'CC BY 4.0' },
		stockx: {
			name: 'StockX 2019 Data Contest sneakers, weekly orders',
			licence: 'MIT (the carrying repository)',
		},
		walmart: { name: 'Walmart store weeks (Kaggle)', licence: 'none stated' },
		m4: { name: 'M4 Weekly', licence: 'research use' },
		aus: { name: 'ABS Retail Trade, Australia, monthly', licence: 'CC BY 4.0' },
		synth: {
			name: `Synthetic retail-like weekly series (tests/bench/synth.ts, seed 7)`,
			licence: 'no third-party data',
		},
		'synth-month': {
			name: 'Synthetic retail-like monthly series (tests/bench/synth.ts synthMonthly, seed 7)',
			licence: 'no third-party data',
		},
		'retail-month': {
			name: 'UCI Online Retail, monthly top 200 products and total',
			licence: 'CC BY 4.0',
		},
		'stockx-month': {
			name: 'StockX 2019 Data Contest sneakers, monthly orders',
			licence: 'MIT (the carrying repository)',
		},
	};
	const allSources = PRETRAIN_SETS.map((k) => SOURCES[k] ?? { name: k, licence: 'unknown' });
	let sources = allSources;

	const trainedOnOf = (sources: { name: string; licence: string }[]) =>
		`${PRETRAIN_SETS.some((k) => k.startsWith('synth')) ? `${SYNTH_SERIES.toLocaleString('en')} synthetic series and the ` : 'the '}training parts of the shared data cut before the bench validation horizon: ${sources.map((x) => `${x.name} (${x.licence})`).join(', ')}`;
	if (WRITE && BACK !== 0)
		throw new Error('--write ships weights pretrained for the reported horizon: leave out --back');
	const unlicensed = allSources.filter(
		(x) => !/CC BY 4\.0|MIT|no third-party data/.test(x.licence),
	);
	if (WRITE && unlicensed.length)
		throw new Error(
			`--write: the shipped weights may only learn from licensed data; leave out ${unlicensed.map((x) => x.name).join(', ')}`,
		);
	// `--start week`: no pretraining, the shipped weekly start as it is (what a monthly shop would get
	// if the app handed it the weekly weights)
	const shipped = flag('start');
	const pre = shipped
		? {
				weights: shippedPretrained(shipped as 'week' | 'month', SPEC)!,
				epochs: 0,
				seconds: 0,
				used: [] as string[],
				counts: [`the shipped ${shipped}ly start (public/models/pretrained-${shipped}.bin)`],
			}
		: await pretrain();
	if (!pre.weights) throw new Error(`--start ${shipped}: no shipped start of that frequency`);
	if (WRITE && shipped) throw new Error('--write ships a pretrained model: leave out --start');
	if (!shipped) sources = allSources.filter((_, k) => pre.used.includes(PRETRAIN_SETS[k]));
	log(`pretrained ${pre.epochs} epochs in ${pre.seconds.toFixed(0)} s`);
	// --save FILE: the weights (shapes + data) for tests/bench/deep-ensemble.ts --start FILE, e.g. a
	// start cut before an earlier validation horizon (--back 2: cut before V3, clean for V2 and V3)
	const save = flag('save');
	if (save) {
		writeFileSync(`${save}.json`, JSON.stringify({ spec: SPEC, shapes: pre.weights.shapes }));
		writeFileSync(`${save}.bin`, new Uint8Array(pre.weights.data));
		log(`wrote ${save}.{json,bin}`);
		if (argv.includes('--pretrain-only')) return;
	}
	const kb = (pre.weights.data.byteLength / 1024).toFixed(0);
	if (WRITE) {
		const dir = join(ROOT, 'public/models');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `pretrained-${FREQ}.bin`), new Uint8Array(pre.weights.data));
		// written as the repository's prettier formats it (prettier --check stays green)
		const json = join(dir, `pretrained-${FREQ}.json`);
		const meta = JSON.stringify({
			spec: SPEC,
			freq: FREQ,
			shapes: pre.weights.shapes,
			trainedOn: trainedOnOf(sources),
			sources,
			windows: pre.counts,
			epochs: pre.epochs,
			seed: 1,
		});
		const config = (await prettier.resolveConfig(json)) ?? {};
		writeFileSync(json, await prettier.format(meta, { ...config, parser: 'json' }));
		log(`wrote public/models/pretrained-${FREQ}.{json,bin}`);
	}
	md.push(
		`## ${MONTHLY ? `Monthly pretrained start${TAG ? ` (corpus ${TAG}: ${flag('start') ? `the shipped ${flag('start')}ly start as it is` : PRETRAIN_SETS.join(', ')})` : ''}` : 'Pretrained model'}: zero-shot, fine-tuned, from scratch (tests/bench/deep.ts${MONTHLY ? ' --freq month' : ''}; Node ${process.version}, tfjs ${tf.version.tfjs}, WASM; load average ${load} on the shared 2-core machine at the start, so seconds are indicative)`,
		'',
		`Pretrained: MLP (lookback 24, horizon 12, width 0.5, ${BASE_FEATURES} features incl. product age and Q4; ${kb} KB of weights), ${pre.epochs} epochs (early stopping, seeded) in ${pre.seconds.toFixed(0)} s on windows (at most ${PER_SET.toLocaleString('en')} per real set${PRETRAIN_SETS.some((k) => k.startsWith('synth')) ? `, ${SYNTH_WINDOWS.toLocaleString('en')} synthetic` : ''}) of ${pre.counts.join(', ')} — ${BACK === 0 ? "each real set's training part cut before its validation horizon (tests/bench/run.ts `--tune`), so neither the validation nor the reported horizon was seen" : `each real set's training part cut ${BACK + 1} horizons before the end (before the horizon scored here)`}; early stopping on the windows of every 10th series. Scored below on the ${BACK === 0 ? '**reported held-out horizon**' : `**validation horizon** (back ${BACK}; the corpus is chosen here)`}, ${MONTHLY ? `Australian retail's first 12 of 24 months (1 in ${EVERY.aus} series) and the 3 months of the monthly aggregates of online retail and StockX (all series; tests/bench/monthly-data.ts)` : `its first 12 periods (Walmart and M4: 12 of 13 weeks; Australian retail: 12 of 24 months, a weekly-shaped model on monthly windows), on every set (in the corpus or not; subsets: 1 in ${EVERY.stockx} StockX, 1 in ${EVERY.retail} online retail, 1 in ${EVERY.walmart} Walmart, 1 in ${EVERY.m4} M4, 1 in ${EVERY.aus} Australian retail)`}; fine-tuned and from scratch: at most 8 epochs (patience 2, 2,000 windows, seed 1) on the set's own training part, learning rate 5e-4 / 1e-3. Seconds: training + forecast.`,
		'',
		'| data | series | naive MASE / WAPE | engine MASE / WAPE (s) | zero-shot MASE / WAPE (s) | fine-tuned MASE / WAPE (epochs, s) | from scratch MASE / WAPE (epochs, s) | coverage 80 / 95 %: engine · zero-shot · fine-tuned · scratch |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
	);
	// --no-score: pretrain (and --write) only, score nothing (this session never runs back 0)
	for (const key of argv.includes('--no-score') ? [] : DATASETS) {
		const every = Number(flag('every') ?? EVERY[key] ?? 1);
		const ds = loadSet(key, BACK, every);
		const { batch, freq } = batchOf(ds);
		const cfg = cfgOf({ freq });
		log(`${key}: ${ds.series.length} series`);
		const f = (s: Scores) =>
			Number.isNaN(s.mase) ? '—' : `${s.mase.toFixed(3)} / ${s.wape.toFixed(3)}`;
		const c = (s: Scores) =>
			Number.isNaN(s.c80) ? '—' : `${(100 * s.c80).toFixed(0)} / ${(100 * s.c95).toFixed(0)}`;
		const none: Scores = { mase: NaN, wape: NaN, c80: NaN, c95: NaN };
		const naive = score(ds, [
			Float64Array.from({ length: ds.series.length * H }, (_, k) => {
				const y = ds.series[Math.floor(k / H)].train;
				return y[y.length - 1];
			}),
		]);
		let t = performance.now();
		const eng = runs('engine') ? score(ds, engineRun(ds)) : none;
		const tEng = (performance.now() - t) / 1000;
		t = performance.now();
		const zs = score(ds, await deepRun(batch, cfg, pre.weights));
		const tZs = (performance.now() - t) / 1000;
		t = performance.now();
		const tuned = runs('ft') ? await fit(batch, cfg, pre.weights) : { weights: null, epochs: 0 };
		const ft = tuned.weights ? score(ds, await deepRun(batch, cfg, tuned.weights)) : none;
		const tFt = (performance.now() - t) / 1000;
		t = performance.now();
		const scratch = runs('scratch') ? await fit(batch, cfg, null) : { weights: null, epochs: 0 };
		const sc = scratch.weights ? score(ds, await deepRun(batch, cfg, scratch.weights)) : none;
		const tSc = (performance.now() - t) / 1000;
		md.push(
			`| ${key} | ${ds.series.length} (1 in ${every}) | ${f(naive)} | ${f(eng)} (${tEng.toFixed(0)}) | ${f(zs)} (${tZs.toFixed(1)}) | ${f(ft)} (${tuned.epochs}, ${tFt.toFixed(0)}) | ${f(sc)} (${scratch.epochs}, ${tSc.toFixed(0)}) | ${c(eng)} · ${c(zs)} · ${c(ft)} · ${c(sc)} |`,
		);
		log(md.at(-1)!);
		const b = (x: Scores) => (x.bias === undefined ? '—' : x.bias.toFixed(3));
		log(
			`  bias: naive ${b(naive)} engine ${b(eng)} zero-shot ${b(zs)} fine-tuned ${b(ft)} scratch ${b(sc)}`,
		);
		const out = join(ROOT, 'tests/bench/results/DEEP.md');
		const section = `pretrained${MONTHLY ? '-month' : ''}${BACK === 0 ? '' : `-back${BACK}`}${TAG ? `-${TAG}` : ''}`;
		const start = `<!-- ${section}:start -->`;
		const end = `<!-- ${section}:end -->`;
		writeSection(out, start, end, [start, ...md, '', end].join('\n'), '# Deep models\n');
	}
	log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

await main();
