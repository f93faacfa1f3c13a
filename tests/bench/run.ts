// Accuracy and speed bench of the forecasting engine (npm run bench) on M4 Weekly, Australian retail
// and the UCI online-retail top-200 weekly series, side by side with R's forecast package (ets,
// auto.arima, thetaf via tests/bench/r-models.R) scored by the same TypeScript metrics. Writes
// tests/bench/results/RESULTS.md. Flags: --quick (20 series per data set), --limit N, --no-r,
// --reuse-r (reuse cached R forecasts in the temp folder), --datasets m4,aus,retail.
// Not part of npm test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecastAuto, forecastBaseline, MAX_FIT_POINTS } from '../../src/core/engine';
import { Naive2 } from '../../src/core/models/naive';
import { coverage, mase, owa, smape } from '../../src/core/metrics';

const DATA = '/work/shared/data';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = join(tmpdir(), 'trendcast-bench');

interface Series {
	id: string;
	train: Float64Array;
	test: Float64Array;
}
interface Dataset {
	key: string;
	title: string;
	h: number;
	/** Seasonal period given to the models. */
	m: number;
	/** Lag of the MASE scale and of Naive2's seasonality (M4 weekly: 1). */
	scaleM: number;
	series: Series[];
}
interface MethodForecast {
	point: Float64Array;
	lo80: Float64Array;
	hi80: Float64Array;
	lo95: Float64Array;
	hi95: Float64Array;
}
interface MethodRun {
	name: string;
	forecasts: Map<string, MethodForecast>;
	seconds: number;
	chosen?: Map<string, string>;
}

function parseFlags(argv: string[]): {
	limit?: number;
	r: boolean;
	reuseR: boolean;
	datasets: string[];
} {
	let limit: number | undefined;
	let r = true;
	let reuseR = false;
	let datasets = ['m4', 'aus', 'retail'];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--quick') limit = 20;
		else if (a === '--limit') limit = Number(argv[++i]);
		else if (a === '--no-r') r = false;
		else if (a === '--reuse-r') reuseR = true;
		else if (a === '--datasets') datasets = argv[++i].split(',');
		else throw new Error(`unknown flag ${a}`);
	}
	return { limit, r, reuseR, datasets };
}

/** Read a long CSV into id → values (file order), using the named columns. */
function readLong(path: string): Map<string, number[]> {
	const lines = readFileSync(path, 'utf8').trim().split('\n');
	const header = lines[0].split(',');
	const [ci, cv] = [header.indexOf('series_id'), header.indexOf('value')];
	const out = new Map<string, number[]>();
	for (let i = 1; i < lines.length; i++) {
		const f = lines[i].split(',');
		// aus_retail quotes industry names that contain commas: index the last columns from the right
		const shift = f.length - header.length;
		const id = f[ci + (ci > 0 ? shift : 0)];
		let arr = out.get(id);
		if (!arr) out.set(id, (arr = []));
		arr.push(Number(f[cv + shift]));
	}
	return out;
}

function loadDatasets(keys: string[], limit?: number): Dataset[] {
	const out: Dataset[] = [];
	const take = <T>(a: T[]): T[] => (limit ? a.slice(0, limit) : a);
	if (keys.includes('m4')) {
		const train = readLong(join(DATA, 'm4_weekly/train.csv'));
		const test = readLong(join(DATA, 'm4_weekly/test.csv'));
		const series = take(
			[...train].map(([id, v]) => ({
				id,
				train: Float64Array.from(v),
				test: Float64Array.from(test.get(id) ?? []),
			})),
		);
		out.push({
			key: 'm4',
			title: 'M4 Weekly (251 shared series, h = 13, m = 52, MASE lag 1 as M4)',
			h: 13,
			m: 52,
			scaleM: 1,
			series,
		});
	}
	if (keys.includes('aus')) {
		const all = readLong(join(DATA, 'aus_retail/aus_retail_monthly_train.csv'));
		const series = take(
			[...all]
				.filter(([, v]) => v.length >= 24 + 36)
				.map(([id, v]) => ({
					id,
					train: Float64Array.from(v.slice(0, -24)),
					test: Float64Array.from(v.slice(-24)),
				})),
		);
		out.push({
			key: 'aus',
			title: 'Australian retail (last 24 months of the train file held out, h = 24, m = 12)',
			h: 24,
			m: 12,
			scaleM: 12,
			series,
		});
	}
	if (keys.includes('retail')) {
		const all = readLong(join(DATA, 'online_retail/weekly_top200_train.csv'));
		const series = take(
			[...all].map(([id, v]) => ({
				id,
				train: Float64Array.from(v.slice(0, -12)),
				test: Float64Array.from(v.slice(-12)),
			})),
		);
		out.push({
			key: 'retail',
			title:
				'Online retail top-200 weekly (last 12 weeks held out, h = 12, m = 52 → too short for a season)',
			h: 12,
			m: 52,
			scaleM: 1,
			series,
		});
	}
	return out;
}

function runOurs(ds: Dataset, name: string, fn: typeof forecastAuto): MethodRun {
	const forecasts = new Map<string, MethodForecast>();
	const chosen = new Map<string, string>();
	const t0 = performance.now();
	ds.series.forEach((s, i) => {
		const r = fn(s.train, { horizon: ds.h, season: ds.m, levels: [0.8, 0.95] });
		forecasts.set(s.id, {
			point: r.point,
			lo80: r.intervals[0].lower,
			hi80: r.intervals[0].upper,
			lo95: r.intervals[1].lower,
			hi95: r.intervals[1].upper,
		});
		chosen.set(s.id, r.model);
		if ((i + 1) % 25 === 0)
			process.stderr.write(`  ${ds.key} ${name}: ${i + 1}/${ds.series.length}\n`);
	});
	return { name, forecasts, seconds: (performance.now() - t0) / 1000, chosen };
}

function runNaive2(ds: Dataset): MethodRun {
	const forecasts = new Map<string, MethodForecast>();
	const t0 = performance.now();
	for (const s of ds.series) {
		const f = new Naive2()
			.fit(s.train, { season: ds.scaleM })
			.predict(ds.h, { levels: [0.8, 0.95] });
		forecasts.set(s.id, {
			point: f.point,
			lo80: f.intervals[0].lower,
			hi80: f.intervals[0].upper,
			lo95: f.intervals[1].lower,
			hi95: f.intervals[1].upper,
		});
	}
	return { name: 'Naive2', forecasts, seconds: (performance.now() - t0) / 1000 };
}

/** Run (or reuse) R on the same training windows; null when Rscript or forecast is missing. */
function runR(ds: Dataset, reuse: boolean, limitTag: string): MethodRun[] | null {
	mkdirSync(TMP, { recursive: true });
	const input = join(TMP, `train-${ds.key}-${limitTag}.csv`);
	const output = join(TMP, `r-${ds.key}-${limitTag}.csv`);
	if (!(reuse && existsSync(output))) {
		const rows = ['series_id,date,value'];
		for (const s of ds.series) s.train.forEach((v, t) => rows.push(`${s.id},${t + 1},${v}`));
		writeFileSync(input, rows.join('\n') + '\n');
		try {
			process.stderr.write(`  ${ds.key}: running R (forecast package)…\n`);
			execFileSync(
				'Rscript',
				[
					join(ROOT, 'tests/bench/r-models.R'),
					input,
					String(ds.h),
					String(ds.m),
					output,
					'all',
					String(MAX_FIT_POINTS),
				],
				{ stdio: ['ignore', 'ignore', 'inherit'] },
			);
		} catch (e) {
			process.stderr.write(
				`  R unavailable or failed (${(e as Error).message.split('\n')[0]}): skipping the R column\n`,
			);
			return null;
		}
	}
	const lines = readFileSync(output, 'utf8').trim().split('\n').slice(1);
	const runs = new Map<string, MethodRun>();
	const seen = new Set<string>();
	for (const line of lines) {
		const [id, model, step, mean, lo80, hi80, lo95, hi95, secs] = line.split(',');
		const name = `R ${model === 'theta' ? 'thetaf' : model === 'arima' ? 'auto.arima' : 'ets'}`;
		let run = runs.get(name);
		if (!run) runs.set(name, (run = { name, forecasts: new Map(), seconds: 0 }));
		let f = run.forecasts.get(id);
		if (!f) {
			const z = (): Float64Array => new Float64Array(ds.h).fill(NaN);
			run.forecasts.set(id, (f = { point: z(), lo80: z(), hi80: z(), lo95: z(), hi95: z() }));
		}
		const j = Number(step) - 1;
		f.point[j] = Number(mean);
		f.lo80[j] = Number(lo80);
		f.hi80[j] = Number(hi80);
		f.lo95[j] = Number(lo95);
		f.hi95[j] = Number(hi95);
		if (!seen.has(`${name}/${id}`)) {
			seen.add(`${name}/${id}`);
			run.seconds += Number(secs);
		}
	}
	return [...runs.values()];
}

interface Score {
	name: string;
	smape: number;
	mase: number;
	owa: number;
	cov80: number;
	cov95: number;
	seriesPerSec: number;
	missing: number;
}

function score(ds: Dataset, run: MethodRun, naive2?: { smape: number; mase: number }): Score {
	const sm: number[] = [];
	const ma: number[] = [];
	let in80 = 0;
	let in95 = 0;
	let pts = 0;
	let missing = 0;
	for (const s of ds.series) {
		const f = run.forecasts.get(s.id);
		if (!f || !f.point.every(Number.isFinite)) {
			missing++;
			continue;
		}
		sm.push(smape(s.test, f.point));
		ma.push(mase(s.test, f.point, s.train, ds.scaleM));
		in80 += coverage(s.test, f.lo80, f.hi80) * s.test.length;
		in95 += coverage(s.test, f.lo95, f.hi95) * s.test.length;
		pts += s.test.length;
	}
	const avg = (a: number[]): number => {
		const f = a.filter(Number.isFinite);
		return f.reduce((x, y) => x + y, 0) / f.length;
	};
	const smapeAvg = avg(sm);
	const maseAvg = avg(ma);
	return {
		name: run.name,
		smape: smapeAvg,
		mase: maseAvg,
		owa: naive2 ? owa(smapeAvg, maseAvg, naive2.smape, naive2.mase) : 1,
		cov80: in80 / pts,
		cov95: in95 / pts,
		seriesPerSec: ds.series.length / Math.max(run.seconds, 1e-9),
		missing,
	};
}

const f2 = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

function main(): void {
	const flags = parseFlags(process.argv.slice(2));
	const limitTag = flags.limit ? String(flags.limit) : 'all';
	const datasets = loadDatasets(flags.datasets, flags.limit);
	const md: string[] = [
		'# Forecast engine bench',
		'',
		`Run: ${new Date().toISOString()} · Node ${process.version} · ${flags.limit ? `first ${flags.limit} series per data set` : 'all series'} · command \`npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\``,
		'',
		`sMAPE (M4, 0–200) and MASE are averaged over series; OWA = ½(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2) as in M4. Coverage = share of held-out points inside the 80 % / 95 % intervals. Our engine and R both fit on at most the last ${MAX_FIT_POINTS} points (R: tests/bench/r-models.R; for m > 24, auto.arima with max.P = max.Q = 0, as the engine). R time is the sum of its per-series fit+forecast times (R start-up and CSV I/O excluded). All forecasts are scored by the same TypeScript metrics (src/core/metrics.ts).`,
		'',
	];
	for (const ds of datasets) {
		process.stderr.write(`${ds.title}: ${ds.series.length} series\n`);
		const n2 = runNaive2(ds);
		const n2s = score(ds, n2);
		const rssBefore = process.resourceUsage().maxRSS;
		const auto = runOurs(ds, 'Trendcast auto', forecastAuto);
		const rssAfter = process.resourceUsage().maxRSS;
		const base = runOurs(ds, 'Trendcast baseline (snaive+ets)', forecastBaseline);
		const runs: MethodRun[] = [n2, auto, base];
		const rRuns = flags.r ? runR(ds, flags.reuseR, limitTag) : null;
		if (rRuns) runs.push(...rRuns);
		const scores = runs.map((r) => score(ds, r, n2s));
		md.push(`## ${ds.title}`, '', `${ds.series.length} series.`, '');
		md.push(
			'| method | sMAPE | MASE | OWA | cov 80 % | cov 95 % | series/s | failed |',
			'|---|---|---|---|---|---|---|---|',
		);
		for (const s of scores)
			md.push(
				`| ${s.name} | ${f2(s.smape)} | ${f2(s.mase)} | ${f2(s.owa)} | ${f2(s.cov80 * 100, 1)} | ${f2(s.cov95 * 100, 1)} | ${f2(s.seriesPerSec, 1)} | ${s.missing} |`,
			);
		md.push('');
		const rScores = scores.filter((s) => s.name.startsWith('R '));
		if (rScores.length) {
			const bestR = rScores.reduce((a, b) => (a.owa <= b.owa ? a : b));
			const ours = scores[1];
			const rSecs = rRuns ? rRuns.reduce((a, r) => a + r.seconds, 0) : NaN;
			md.push(
				`Ours / best R single model (${bestR.name}): OWA ratio ${f2(ours.owa / bestR.owa)}, sMAPE ratio ${f2(ours.smape / bestR.smape)}, MASE ratio ${f2(ours.mase / bestR.mase)}. ` +
					`Speed: Trendcast auto ${f2(auto.seconds, 1)} s vs R ets+auto.arima+thetaf ${f2(rSecs, 1)} s (time ratio ours/R ${f2(auto.seconds / rSecs, 2)}; our auto runs ~10 candidates, a rolling-origin backtest and refits).`,
				'',
			);
		} else md.push('R column skipped (Rscript or the forecast package is not available).', '');
		const counts = new Map<string, number>();
		for (const m of auto.chosen?.values() ?? []) {
			const k = m.replace(/\(.*\)/, '(…)');
			counts.set(k, (counts.get(k) ?? 0) + 1);
		}
		md.push(
			`Chosen by auto: ${[...counts]
				.sort((a, b) => b[1] - a[1])
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}.`,
			'',
		);
		md.push(
			`Peak RSS after the auto run: ${(rssAfter / 1024).toFixed(0)} MiB (before: ${(rssBefore / 1024).toFixed(0)} MiB; process.resourceUsage().maxRSS).`,
			'',
		);
		process.stderr.write(md.slice(-12).join('\n') + '\n');
	}
	mkdirSync(join(ROOT, 'tests/bench/results'), { recursive: true });
	writeFileSync(join(ROOT, 'tests/bench/results/RESULTS.md'), md.join('\n'));
	process.stderr.write('wrote tests/bench/results/RESULTS.md\n');
}

main();
