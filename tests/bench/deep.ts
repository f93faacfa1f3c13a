// Deep-model bench (npm run bench:deep:pretrained; not part of npm test), tfjs WASM backend in Node:
//  1. speed: training windows per second of each architecture (one epoch, the same 2,000 windows);
//  2. pretraining: a global MLP on the TRAIN part of the UCI online-retail weekly top 200 (CC BY 4.0,
//     the only weekly set in ../shared/data whose licence allows shipping derived weights), written to
//     public/models/pretrained-week.{json,bin} with --write;
//  3. accuracy on held-out windows (the last 12 weeks of each series, never trained on) of two data
//     sets the shipped model never saw — StockX sneaker orders (weekly counts per sneaker, median sale
//     price as regressor) and M4 Weekly (the first 100 of the 251 shared series, first 12 of the 13 official test
//     weeks): naive, the statistical engine (automatic choice), and the MLP zero-shot (pretrained),
//     fine-tuned (pretrained + a few epochs on the set's own history) and from scratch. MASE, WAPE and
//     the 80 % / 95 % coverage; results in tests/bench/results/DEEP.md.
// Flags: --write (ship the pretrained weights), --quick (fewer series and epochs).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { forecastAuto } from '../../src/core/engine';
import type { SeriesBatch } from '../../src/core/types';
import { forecastWindows, makeWindows, seriesScales } from '../../src/ml/features';
import { DEEP_KINDS, QUANTILES, type ModelSpec } from '../../src/ml/models';
import { compiledModel, disposeModel, predictWindows, trainModel } from '../../src/ml/train';
import { getWeightBlob, setWeightBlob, type WeightBlob } from '../../src/ml/weights';
import { writeSection } from './harness';

const DATA = '/work/shared/data';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const H = 12;
const L = 24;
const WEEK = 7 * 86_400_000;
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const WRITE = args.includes('--write');
const SPEC: ModelSpec = { kind: 'mlp', lookback: L, horizon: H, width: 0.5 };

interface Named {
	ids: string[];
	ds: number[][];
	y: number[][];
	price?: number[][];
}

function toBatch(d: Named, cut = 0): SeriesBatch {
	const lens = d.y.map((v) => v.length - cut);
	const indptr = new Int32Array(lens.length + 1);
	lens.forEach((n, i) => (indptr[i + 1] = indptr[i] + n));
	const total = indptr[lens.length];
	const ds = new Float64Array(total);
	const y = new Float64Array(total);
	const price = d.price ? new Float64Array(total) : null;
	d.y.forEach((v, i) => {
		for (let t = 0; t < lens[i]; t++) {
			ds[indptr[i] + t] = d.ds[i][t];
			y[indptr[i] + t] = v[t];
			if (price) price[indptr[i] + t] = d.price![i][t];
		}
	});
	const b: SeriesBatch = { ids: d.ids, indptr, ds, y };
	if (price) b.regressors = { names: ['price'], values: [price] };
	return b;
}

function readLong(path: string): Map<string, { ds: string[]; y: number[] }> {
	const out = new Map<string, { ds: string[]; y: number[] }>();
	const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
	for (const line of lines) {
		const [id, date, value] = line.split(',');
		let s = out.get(id);
		if (!s) out.set(id, (s = { ds: [], y: [] }));
		s.ds.push(date);
		s.y.push(Number(value));
	}
	return out;
}

/** UCI online retail weekly top 200 (train part), without the two totals. */
function onlineRetail(): Named {
	const m = readLong(join(DATA, 'online_retail/weekly_top200_train.csv'));
	const d: Named = { ids: [], ds: [], y: [] };
	for (const [id, s] of m) {
		if (id.startsWith('TOTAL')) continue;
		d.ids.push(id);
		d.ds.push(s.ds.map((x) => Date.parse(`${x}T00:00:00Z`)));
		d.y.push(s.y);
	}
	return d;
}

/** M4 weekly: train + the first H test weeks (integer periods dated weekly from 2000-01-03). */
function m4(limit: number): { full: Named; train: Named } {
	const tr = readLong(join(DATA, 'm4_weekly/train.csv'));
	const te = readLong(join(DATA, 'm4_weekly/test.csv'));
	const full: Named = { ids: [], ds: [], y: [] };
	for (const [id, s] of [...tr].slice(0, limit)) {
		// the most recent 260 weeks (+ test) keep windows and the engine's cap comparable
		const y = [...s.y.slice(-260), ...te.get(id)!.y.slice(0, H)];
		full.ids.push(id);
		full.y.push(y);
		full.ds.push(y.map((_, t) => Date.UTC(2000, 0, 3) + t * WEEK));
	}
	return { full, train: full };
}

/** StockX: orders per sneaker per Monday week, median sale price per week (carried over). */
function stockx(): Named {
	const text = gunzipSync(
		readFileSync(join(DATA, 'stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz')),
	).toString('utf8');
	const rows = text.trim().split('\n').slice(1);
	const monday = (ms: number) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000;
	const first = monday(Date.parse('2017-09-01T00:00:00Z'));
	const last = monday(Date.parse('2018-11-18T00:00:00Z'));
	const weeks = Math.round((last - first) / WEEK) + 1;
	const by = new Map<string, { n: number[]; prices: number[][] }>();
	for (const r of rows) {
		const c = r.split(',');
		const w = Math.round((monday(Date.parse(`${c[0]}T00:00:00Z`)) - first) / WEEK);
		let s = by.get(c[2]);
		if (!s)
			by.set(
				c[2],
				(s = { n: new Array(weeks).fill(0), prices: Array.from({ length: weeks }, () => []) }),
			);
		s.n[w]++;
		s.prices[w].push(Number(c[3]));
	}
	const d: Named = { ids: [], ds: [], y: [], price: [] };
	for (const [id, s] of by) {
		// from the sneaker's first sale on (launches mid-period are new products)
		const start = s.n.findIndex((v) => v > 0);
		if (weeks - start < H + 8) continue;
		let p = NaN;
		const price = s.prices.slice(start).map((ps) => {
			if (ps.length) {
				const sorted = ps.sort((a, b) => a - b);
				p = sorted[sorted.length >> 1];
			}
			return p;
		});
		const firstP = price.find(Number.isFinite) ?? 0;
		d.ids.push(id);
		d.y.push(s.n.slice(start));
		d.price!.push(price.map((v) => (Number.isFinite(v) ? v : firstP)));
		d.ds.push(s.n.slice(start).map((_, t) => first + (start + t) * WEEK));
	}
	return d;
}

interface Scores {
	mase: number;
	wape: number;
	c80: number;
	c95: number;
	seconds: number;
}

/** Score forecasts [n × H] (point, lo80, hi80, lo95, hi95) against the last H of each full series. */
function score(d: Named, f: Float64Array[], seconds: number): Scores {
	const [pt, l80, h80, l95, h95] = f;
	let mases = 0;
	let nm = 0;
	let ae = 0;
	let sa = 0;
	let c80 = 0;
	let c95 = 0;
	let nc = 0;
	d.y.forEach((y, i) => {
		const n = y.length - H;
		let sc = 0;
		for (let t = 1; t < n; t++) sc += Math.abs(y[t] - y[t - 1]);
		sc /= n - 1;
		let e = 0;
		for (let j = 0; j < H; j++) {
			const a = y[n + j];
			const k = i * H + j;
			e += Math.abs(a - pt[k]);
			sa += Math.abs(a);
			if (l80) {
				c80 += a >= l80[k] && a <= h80[k] ? 1 : 0;
				c95 += a >= l95[k] && a <= h95[k] ? 1 : 0;
				nc++;
			}
		}
		ae += e;
		if (sc > 0) {
			mases += e / H / sc;
			nm++;
		}
	});
	return {
		mase: mases / nm,
		wape: ae / sa,
		c80: nc ? c80 / nc : NaN,
		c95: nc ? c95 / nc : NaN,
		seconds,
	};
}

function naiveRun(d: Named): Float64Array[] {
	const pt = new Float64Array(d.ids.length * H);
	d.y.forEach((y, i) => pt.fill(y[y.length - H - 1], i * H, (i + 1) * H));
	return [pt];
}

function engineRun(d: Named): Float64Array[] {
	const out = Array.from({ length: 5 }, () => new Float64Array(d.ids.length * H));
	d.y.forEach((y, i) => {
		const train = Float64Array.from(y.slice(0, -H));
		const r = forecastAuto(train, { horizon: H, season: 52 });
		out[0].set(r.point, i * H);
		const iv80 = r.intervals.find((v) => v.level === 0.8)!;
		const iv95 = r.intervals.find((v) => v.level === 0.95)!;
		out[1].set(iv80.lower, i * H);
		out[2].set(iv80.upper, i * H);
		out[3].set(iv95.lower, i * H);
		out[4].set(iv95.upper, i * H);
	});
	return out;
}

/** Train (or fine-tune from `start`) on `batch`, validating on the last H before the holdout. */
async function fit(
	batch: SeriesBatch,
	epochs: number,
	start: WeightBlob | null,
	lr: number,
): Promise<{ weights: WeightBlob; epochs: number }> {
	const { train, val } = makeWindows(
		batch,
		{ lookback: L, horizon: H, freq: 'week' },
		{
			validation: true,
			maxWindows: 20_000,
		},
	);
	const model = compiledModel(SPEC, lr);
	if (start) setWeightBlob(model, start);
	const out = await trainModel(model, SPEC, train, val, { epochs, batchSize: 64, patience: 4 });
	const weights = getWeightBlob(model);
	disposeModel(model);
	return { weights, epochs: out.history.length };
}

/** Forecast the last H of each full series from the history before it. */
async function deepRun(d: Named, weights: WeightBlob): Promise<Float64Array[]> {
	const batch = toBatch(d);
	const model = compiledModel(SPEC);
	setWeightBlob(model, weights);
	const pairs = d.ids.map((_, i) => [i, d.y[i].length - H] as [number, number]);
	const set = forecastWindows(
		batch,
		{ lookback: L, horizon: H, freq: 'week' },
		pairs,
		seriesScales(batch, H),
	);
	const q = await predictWindows(model, SPEC, set);
	disposeModel(model);
	const Qn = QUANTILES.length;
	const col = (k: number) =>
		Float64Array.from({ length: d.ids.length * H }, (_, w) => Math.max(0, q[w * Qn + k]));
	return [col(2), col(1), col(3), col(0), col(4)];
}

async function speed(): Promise<string[]> {
	const d = onlineRetail();
	const { train } = makeWindows(
		toBatch(d),
		{ lookback: L, horizon: H, freq: 'week' },
		{
			maxWindows: 2000,
		},
	);
	const lines: string[] = [];
	for (const kind of DEEP_KINDS) {
		const spec: ModelSpec = { kind, lookback: L, horizon: H };
		const model = compiledModel(spec);
		await trainModel(
			model,
			spec,
			{
				...train,
				n: 256,
				x: train.x.subarray(0, 256 * (L + H) * 10),
				y: train.y.subarray(0, 256 * H),
				scale: train.scale.subarray(0, 256),
				anchor: train.anchor.subarray(0, 256),
			},
			null,
			{ epochs: 1 },
		);
		const t0 = performance.now();
		await trainModel(model, spec, train, null, { epochs: 1, batchSize: 64 });
		const s = (performance.now() - t0) / 1000;
		lines.push(
			`| ${kind} | ${model.countParams().toLocaleString('en')} | ${(train.n / s).toFixed(0)} | ${s.toFixed(1)} |`,
		);
		console.error(lines.at(-1));
		disposeModel(model);
	}
	return lines;
}

async function main(): Promise<void> {
	await tf.setBackend('wasm');
	await tf.ready();
	const t0 = performance.now();
	const report: string[] = [];
	report.push('# Deep models: speed and accuracy (tests/bench/deep.ts)', '');
	report.push(
		`Node ${process.version}, tfjs ${tf.version.tfjs} on the ${tf.getBackend()} backend (SIMD, no threads); ` +
			`this 2-core machine was shared with other builds (load average ${(await import('node:os')).loadavg()[0].toFixed(1)} at the start), so seconds are indicative; ratios within one run are fair.`,
		'',
	);
	report.push(
		'## Training speed, one epoch of 2,000 windows (lookback 24 + horizon 12, 10 features)',
		'',
	);
	report.push('| model | parameters | windows / s | seconds |', '| --- | --- | --- | --- |');
	if (!QUICK) report.push(...(await speed()));
	report.push('');

	// pretraining on online retail (all weeks of its train part)
	const retail = onlineRetail();
	const tp = performance.now();
	const pre = await fit(toBatch(retail), QUICK ? 5 : 40, null, 2e-3);
	const preSeconds = (performance.now() - tp) / 1000;
	console.error(`pretrained ${pre.epochs} epochs in ${preSeconds.toFixed(0)} s`);
	if (WRITE) {
		const dir = join(ROOT, 'public/models');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'pretrained-week.bin'), new Uint8Array(pre.weights.data));
		writeFileSync(
			join(dir, 'pretrained-week.json'),
			JSON.stringify({
				spec: SPEC,
				freq: 'week',
				shapes: pre.weights.shapes,
				trainedOn:
					'UCI Online Retail (Chen, Sain & Guo 2012, CC BY 4.0), weekly unit sales of the top 200 products, 2010-11-29 … 2011-09-05',
				epochs: pre.epochs,
			}),
		);
	}
	report.push(
		`Pretrained model: MLP (width 0.5, ${(pre.weights.data.byteLength / 1024).toFixed(0)} KB of weights), ` +
			`${pre.epochs} epochs (early stopping) on the online-retail weekly top 200 in ${preSeconds.toFixed(0)} s.`,
		'',
	);

	const sets: { title: string; d: Named }[] = [
		{ title: 'StockX sneakers, weekly orders per sneaker', d: stockx() },
		{
			title: `M4 Weekly (the first ${QUICK ? 30 : 100} of the 251 shared series, last 260 weeks + 12 test weeks)`,
			d: m4(QUICK ? 30 : 100).full,
		},
	];
	for (const { title, d } of sets) {
		console.error(title, d.ids.length);
		report.push(`## ${title}: ${d.ids.length} series, last ${H} weeks held out`, '');
		report.push(
			'| method | MASE | WAPE | coverage 80 % | coverage 95 % | seconds |',
			'| --- | --- | --- | --- | --- | --- |',
		);
		const row = (name: string, s: Scores) => {
			const pct = (v: number) => (Number.isFinite(v) ? (100 * v).toFixed(1) : '–');
			report.push(
				`| ${name} | ${s.mase.toFixed(3)} | ${s.wape.toFixed(3)} | ${pct(s.c80)} | ${pct(s.c95)} | ${s.seconds.toFixed(1)} |`,
			);
			console.error(report.at(-1));
		};
		let t = performance.now();
		row('naive (last value)', score(d, naiveRun(d), (performance.now() - t) / 1000));
		t = performance.now();
		row('statistical engine (auto)', score(d, engineRun(d), (performance.now() - t) / 1000));
		const history = toBatch(d, H); // without the held-out weeks
		t = performance.now();
		row(
			'MLP zero-shot (pretrained)',
			score(d, await deepRun(d, pre.weights), (performance.now() - t) / 1000),
		);
		t = performance.now();
		const tuned = await fit(history, QUICK ? 3 : 10, pre.weights, 5e-4);
		row(
			`MLP fine-tuned (${tuned.epochs} epochs)`,
			score(d, await deepRun(d, tuned.weights), (performance.now() - t) / 1000),
		);
		t = performance.now();
		const scratch = await fit(history, QUICK ? 5 : 40, null, 2e-3);
		row(
			`MLP from scratch (${scratch.epochs} epochs)`,
			score(d, await deepRun(d, scratch.weights), (performance.now() - t) / 1000),
		);
		report.push('');
	}
	report.push(`Total ${((performance.now() - t0) / 1000).toFixed(0)} s.`, '');
	// only this script's section of DEEP.md (deep-ensemble.ts and deep-browser.ts write the others)
	const out = join(ROOT, 'tests/bench/results/DEEP.md');
	const start = '<!-- pretrained:start -->';
	const end = '<!-- pretrained:end -->';
	const block = [start, ...report.slice(2), end].join('\n');
	writeSection(out, start, end, block, '# Deep models\n');
	console.error(`wrote ${out}`);
}

await main();
