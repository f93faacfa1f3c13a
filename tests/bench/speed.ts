// Speed bench of the automatic choice (issue #11 "Speed"): seconds per series of forecastAuto vs R's
// `ets` (forecast package, tests/bench/r-ets-speed.R) on the same series, and optionally vs a
// baseline copy of the engine (another checkout's src/, e.g. main before a change), all in ONE run:
// the series are taken in chunks and each chunk is run by R, the baseline and this engine in turn
// (the order of the two engines alternates), so a machine loaded by others slows all three alike.
// Times are CPU seconds (user + system of the process doing the work; Node: process.cpuUsage, R:
// proc.time) and wall seconds; reported as ratios, never asserted. Accuracy (MASE, sMAPE, OWA) of
// every side on the same held-out windows shows the speed costs nothing.
//
//   npx tsx tests/bench/speed.ts [--base DIR] [--datasets aus,retail,m4] [--every k] [--limit N]
//                                [--chunk N] [--back N] [--out SPEED.md]
// --back N: the windows N horizons before the reported one (validation; the accuracy rows are then
// validation accuracy). The last column: the median over chunks of each chunk's CPU ratio to R.
// DIR is the root of a checkout (its src/core/engine.ts is imported; node_modules must resolve from
// it, e.g. a symlink). Not part of npm test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forecastAuto, MAX_FIT_POINTS } from '../../src/core/engine';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { Naive2 } from '../../src/core/models/naive';
import { mase, owa, smape } from '../../src/core/metrics';
import { loadDatasets, type Dataset, type Series } from './run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = join(tmpdir(), 'trendcast-speed');

interface Flags {
	base?: string;
	datasets: string[];
	every: number;
	limit?: number;
	chunk: number;
	back: number;
	out: string;
}

function parseFlags(argv: string[]): Flags {
	const f: Flags = {
		datasets: ['aus', 'retail', 'm4'],
		every: 1,
		chunk: 5,
		back: 0,
		out: 'SPEED.md',
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--base') f.base = argv[++i];
		else if (a === '--datasets') f.datasets = argv[++i].split(',');
		else if (a === '--every') f.every = Number(argv[++i]);
		else if (a === '--limit') f.limit = Number(argv[++i]);
		else if (a === '--chunk') f.chunk = Number(argv[++i]);
		else if (a === '--out') f.out = argv[++i];
		else if (a === '--back') f.back = Number(argv[++i]);
		else throw new Error(`unknown flag ${a}`);
	}
	return f;
}

type Auto = typeof forecastAuto;
type Prior = typeof profilePrior;
interface Side {
	name: string;
	cpu: number;
	wall: number;
	points: Map<string, Float64Array>;
	models: Map<string, string>;
}
const side = (name: string): Side => ({
	name,
	cpu: 0,
	wall: 0,
	points: new Map(),
	models: new Map(),
});

/** The bench's options for one series (as tests/bench/run.ts runOurs). */
function optionsOf(ds: Dataset, s: Series, prior: Prior): AutoForecastOptions {
	return {
		horizon: ds.h,
		season: ds.m,
		levels: [0.8, 0.95],
		...(s.ds ? { seasonalPrior: prior(s.ds, 'week', ds.h, 1) } : {}),
	};
}

function runEngine(out: Side, fn: Auto, prior: Prior, ds: Dataset, chunk: Series[]): void {
	for (const s of chunk) {
		const opts = optionsOf(ds, s, prior);
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		const r = fn(s.train, opts);
		const t1 = performance.now();
		const c = process.cpuUsage(c0);
		out.cpu += (c.user + c.system) / 1e6;
		out.wall += (t1 - t0) / 1000;
		out.points.set(s.id, r.point);
		out.models.set(s.id, r.model);
	}
}

function runR(out: Side, ds: Dataset, chunk: Series[], tag: string): boolean {
	mkdirSync(TMP, { recursive: true });
	const input = join(TMP, `in-${tag}.csv`);
	const output = join(TMP, `out-${tag}.csv`);
	const rows = ['series_id,date,value'];
	for (const s of chunk) s.train.forEach((v, t) => rows.push(`${s.id},${t + 1},${v}`));
	writeFileSync(input, rows.join('\n') + '\n');
	try {
		execFileSync(
			'Rscript',
			[
				join(ROOT, 'tests/bench/r-ets-speed.R'),
				input,
				String(ds.h),
				String(ds.m),
				output,
				String(MAX_FIT_POINTS),
			],
			{ stdio: ['ignore', 'ignore', 'inherit'] },
		);
	} catch (e) {
		process.stderr.write(`R failed: ${(e as Error).message.split('\n')[0]}\n`);
		return false;
	}
	const seen = new Set<string>();
	for (const line of readFileSync(output, 'utf8').trim().split('\n').slice(1)) {
		const [id, step, mean, elapsed, cpu] = line.split(',');
		let p = out.points.get(id);
		if (!p) out.points.set(id, (p = new Float64Array(ds.h).fill(NaN)));
		p[Number(step) - 1] = Number(mean);
		if (!seen.has(id)) {
			seen.add(id);
			out.wall += Number(elapsed);
			out.cpu += Number(cpu);
			out.models.set(id, 'ets');
		}
	}
	return true;
}

interface Acc {
	mase: number;
	smape: number;
	owa: number;
	n: number;
}

function accuracy(ds: Dataset, s: Side): Acc {
	const ms: number[] = [];
	const sm: number[] = [];
	const n2m: number[] = [];
	const n2s: number[] = [];
	for (const x of ds.series) {
		const p = s.points.get(x.id);
		if (!p || !p.every(Number.isFinite)) continue;
		const n2 = new Naive2().fit(x.train, { season: ds.scaleM }).predict(ds.h).point;
		ms.push(mase(x.test, p, x.train, ds.scaleM));
		sm.push(smape(x.test, p));
		n2m.push(mase(x.test, n2, x.train, ds.scaleM));
		n2s.push(smape(x.test, n2));
	}
	const avg = (a: number[]): number => a.reduce((u, v) => u + v, 0) / a.length;
	return {
		mase: avg(ms),
		smape: avg(sm),
		owa: owa(avg(sm), avg(ms), avg(n2s), avg(n2m)),
		n: ms.length,
	};
}

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	let base: { auto: Auto; prior: Prior } | null = null;
	if (flags.base) {
		const dir = isAbsolute(flags.base) ? flags.base : join(process.cwd(), flags.base);
		const e = (await import(pathToFileURL(join(dir, 'src/core/engine.ts')).href)) as {
			forecastAuto: Auto;
		};
		const p = (await import(
			pathToFileURL(join(dir, 'src/core/forecast/seasonal-prior.ts')).href
		)) as {
			profilePrior: Prior;
		};
		base = { auto: e.forecastAuto, prior: p.profilePrior };
	}
	const started = new Date().toISOString();
	const md: string[] = [];
	const rows: string[] = [];
	const accRows: string[] = [];
	/** Write what is measured so far (after every data set: a long run that is stopped keeps it). */
	const write = (): void => {
		md.length = 0;
		md.push(
			'# Speed of the automatic choice (tests/bench/speed.ts)',
			'',
			`Run: ${started} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} (shared, loaded by other jobs) · Node ${process.version} · command \`npx tsx tests/bench/speed.ts ${process.argv.slice(2).join(' ')}\`${base ? ` · baseline: ${flags.base}` : ''}.`,
			'',
			`Per series: CPU seconds (user + system) of \`forecastAuto\` (h, m, levels 80/95 and the borrowed season as tests/bench/run.ts) and of R's \`forecast(ets(y), h)\` on the same training window (at most the last ${MAX_FIT_POINTS} points, tests/bench/r-ets-speed.R; R start-up and I/O excluded). Chunks of ${flags.chunk} series run R, the baseline and this engine in turn (the engines' order alternates), so the load of the machine hits all sides alike. A ratio below 1 is faster than R.`,
			'',
			'| data | series | R ets CPU s/series | baseline CPU s/series | ours CPU s/series | baseline ÷ R ets | ours ÷ R ets | speed-up (baseline ÷ ours) | wall ratio ÷ R (baseline / ours) | median of chunk CPU ratios ÷ R (baseline / ours) |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
			...rows,
			'',
			'Accuracy on the same held-out windows (MASE and sMAPE averaged over series, OWA against Naive2 as in M4):',
			'',
			'| data | method | series | MASE | sMAPE | OWA |',
			'|---|---|---:|---:|---:|---:|',
			...accRows,
			'',
		);
		mkdirSync(join(ROOT, 'tests/bench/results'), { recursive: true });
		const outPath = isAbsolute(flags.out)
			? flags.out
			: join(ROOT, 'tests/bench/results', flags.out);
		writeFileSync(outPath, md.join('\n'));
		process.stderr.write(md.join('\n') + `\nwrote ${outPath}\n`);
	};
	for (const ds of loadDatasets(flags.datasets, flags.limit, flags.back, flags.every)) {
		const R = side('R ets');
		const ours = side('Trendcast auto');
		const old = side('baseline auto');
		// warm-up (JIT) on the first series, not counted
		const w = ds.series.slice(0, 1);
		runEngine(side('w'), forecastAuto, profilePrior, ds, w);
		if (base) runEngine(side('w'), base.auto, base.prior, ds, w);
		let rOk = true;
		const chunkRatios = { ours: [] as number[], base: [] as number[] };
		for (let i = 0; i < ds.series.length; i += flags.chunk) {
			const chunk = ds.series.slice(i, i + flags.chunk);
			const before = { r: R.cpu, ours: ours.cpu, base: old.cpu };
			if (rOk) rOk = runR(R, ds, chunk, `${ds.key}-${i}`);
			const k = i / flags.chunk;
			if (base && k % 2 === 1) runEngine(old, base.auto, base.prior, ds, chunk);
			runEngine(ours, forecastAuto, profilePrior, ds, chunk);
			if (base && k % 2 === 0) runEngine(old, base.auto, base.prior, ds, chunk);
			const rc = R.cpu - before.r;
			if (rOk && rc > 0) {
				chunkRatios.ours.push((ours.cpu - before.ours) / rc);
				if (base) chunkRatios.base.push((old.cpu - before.base) / rc);
			}
			process.stderr.write(
				`  ${ds.key}: ${Math.min(ds.series.length, i + flags.chunk)}/${ds.series.length} · CPU s R ${R.cpu.toFixed(1)} ours ${ours.cpu.toFixed(1)}${base ? ` base ${old.cpu.toFixed(1)}` : ''}\n`,
			);
		}
		const n = ds.series.length;
		const per = (s: Side, which: 'cpu' | 'wall'): number => s[which] / n;
		const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
		const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
		const median = (a: number[]): number => {
			const b = [...a].sort((u, v) => u - v);
			const k = b.length >> 1;
			return b.length === 0 ? NaN : b.length % 2 ? b[k] : (b[k - 1] + b[k]) / 2;
		};
		rows.push(
			`| ${ds.title} | ${n} | ${f3(per(R, 'cpu'))} | ${base ? f3(per(old, 'cpu')) : '—'} | ${f3(per(ours, 'cpu'))} | ${base ? f2(old.cpu / R.cpu) : '—'} | **${f2(ours.cpu / R.cpu)}** | ${base ? f2(old.cpu / ours.cpu) : '—'} | ${base ? f2(old.wall / R.wall) : '—'} / ${f2(ours.wall / R.wall)} | ${base ? f2(median(chunkRatios.base)) : '—'} / ${f2(median(chunkRatios.ours))} |`,
		);
		const sides = [R, ...(base ? [old] : []), ours];
		for (const s of sides) {
			const a = accuracy(ds, s);
			accRows.push(
				`| ${ds.key} | ${s.name} | ${a.n} | ${f3(a.mase)} | ${f3(a.smape)} | ${f3(a.owa)} |`,
			);
		}
		if (base) {
			let same = 0;
			let maxRel = 0;
			for (const x of ds.series) {
				if (old.models.get(x.id) === ours.models.get(x.id)) same++;
				const a = old.points.get(x.id);
				const b = ours.points.get(x.id);
				if (a && b)
					for (let j = 0; j < a.length; j++)
						maxRel = Math.max(maxRel, Math.abs(a[j] - b[j]) / Math.max(1e-9, Math.abs(a[j])));
			}
			accRows.push(
				`| ${ds.key} | (baseline vs ours) | ${n} | same choice for ${same} of ${n} series | largest relative point difference ${maxRel.toExponential(1)} | |`,
			);
		}
		write();
	}
	write();
}

void main();
