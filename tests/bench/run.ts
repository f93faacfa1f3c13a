// Accuracy and speed bench of the forecasting engine (npm run bench) on M4 Weekly, Australian retail
// and the UCI online-retail top-200 weekly series, side by side with R's forecast package (ets,
// auto.arima, thetaf via tests/bench/r-models.R) scored by the same TypeScript metrics. Writes
// tests/bench/results/RESULTS.md. Flags: --quick (20 series per data set), --limit N, --no-r,
// --reuse-r (reuse cached R forecasts in the temp folder), --datasets m4,aus,retail,stockx,walmart
// (also retail2, retail3, retail4: the products ranked 201–400, 401–600, 601–800, fresh shop samples;
// not in the default list),
// --tune (hold out the horizon before the reported one: tune there, report the last), --every k
// (every k-th series: an honest subsample on a busy machine), --no-baseline, --out FILE.md.
// Not part of npm test.
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	forecastAuto,
	forecastBaseline,
	MAX_FIT_POINTS,
	MIN_LAUNCH_ZEROS,
} from '../../src/core/engine';
import type { AutoForecastOptions, Regressors } from '../../src/core/engine-types';
import { Naive, Naive2 } from '../../src/core/models/naive';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import { PooledModel } from '../../src/core/forecast/pooled';
import { calendarRegressors, shopCalendar, yearsOf } from '../../src/core/calendar/events';
import { coverage, mase, msis, owa, smape } from '../../src/core/metrics';
import { retailByRank, retailWeeks } from './retail-ranks';

const DATA = '/work/shared/data';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = join(tmpdir(), 'trendcast-bench');

export interface Series {
	id: string;
	train: Float64Array;
	test: Float64Array;
	/** Start (UTC ms) of each training period, where the calendar is known (weekly data). */
	ds?: Float64Array;
	/** Regressors over train + test (the test part is given as known future values). */
	xreg?: { names: string[]; values: Float64Array[] };
}
export interface Dataset {
	key: string;
	title: string;
	h: number;
	/** Seasonal period given to the models. */
	m: number;
	/** Lag of the MASE scale and of Naive2's seasonality (M4 weekly: 1). */
	scaleM: number;
	/** The shop's country, for the built-in calendar (--calendar). */
	country?: string;
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

interface Flags {
	limit?: number;
	r: boolean;
	reuseR: boolean;
	datasets: string[];
	/** Hold out this many horizons before the end (1 = the tuning origin; 0 = the reported one). */
	back: number;
	baseline: boolean;
	/** Engine options under test: the borrowed retail season, launch trimming. */
	prior: boolean;
	/** Exponent applied to the borrowed indices (1 = as built, 0.5 = half the swing on the log scale). */
	priorStrength: number;
	/** undefined = the engine's default. */
	launch: 'classify' | 'fit' | false | undefined;
	/** Every k-th series only (an honest subsample on a busy machine). */
	every: number;
	/** Add the built-in calendar of the data set's country as regressors (cal:<event>). */
	calendar: boolean;
	/** Keep Walmart's own Holiday_Flag column (default true). */
	holidayFlag: boolean;
	/** Add the pooled (cross-learning) candidate fitted on the data set's training parts. */
	pooled: boolean;
	/** Lags of the pooled candidate (default: its own). */
	pooledLags?: number;
	out: string;
}

function parseFlags(argv: string[]): Flags {
	let limit: number | undefined;
	let r = true;
	let reuseR = false;
	let datasets = ['m4', 'aus', 'retail', 'stockx', 'walmart'];
	let back = 0;
	let baseline = true;
	let prior = true;
	let priorStrength = 1;
	let launch: Flags['launch'];
	let every = 1;
	let calendar = false;
	let holidayFlag = true;
	let pooled = false;
	let pooledLags: number | undefined;
	let out = 'RESULTS.md';
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--quick') limit = 20;
		else if (a === '--limit') limit = Number(argv[++i]);
		else if (a === '--no-r') r = false;
		else if (a === '--reuse-r') reuseR = true;
		else if (a === '--datasets') datasets = argv[++i].split(',');
		else if (a === '--tune') back = 1;
		else if (a === '--no-baseline') baseline = false;
		else if (a === '--no-prior') prior = false;
		else if (a === '--prior-strength') priorStrength = Number(argv[++i]);
		else if (a === '--no-launch') launch = false;
		else if (a === '--launch-fit') launch = 'fit';
		else if (a === '--launch-classify') launch = 'classify';
		else if (a === '--every') every = Number(argv[++i]);
		else if (a === '--calendar') calendar = true;
		else if (a === '--no-holiday-flag') holidayFlag = false;
		else if (a === '--pooled') pooled = true;
		else if (a === '--pooled-lags') pooledLags = Number(argv[++i]);
		else if (a === '--out') out = argv[++i];
		else throw new Error(`unknown flag ${a}`);
	}
	return {
		limit,
		r,
		reuseR,
		datasets,
		back,
		baseline,
		prior,
		priorStrength,
		launch,
		every,
		calendar,
		holidayFlag,
		pooled,
		...(pooledLags ? { pooledLags } : {}),
		out,
	};
}

/** Monday (UTC) of the week holding the ISO date d, as yyyy-mm-dd. */
function mondayOf(d: string): string {
	const t = Date.parse(d.slice(0, 10) + 'T00:00:00Z');
	const dow = (new Date(t).getUTCDay() + 6) % 7;
	return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

/** Weekly grid from the first to the last Monday, inclusive. */
function weeksBetween(first: string, last: string): string[] {
	const out: string[] = [];
	for (
		let t = Date.parse(first + 'T00:00:00Z');
		t <= Date.parse(last + 'T00:00:00Z');
		t += 7 * 86_400_000
	)
		out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}

/** Split a full series into train and the last h (after dropping `back` horizons) as test. */
function split(
	id: string,
	v: ArrayLike<number>,
	h: number,
	back: number,
	xreg?: Series['xreg'],
	dates?: readonly number[],
): Series | null {
	const end = v.length - back * h;
	if (end - h < 8) return null;
	const all = Float64Array.from(v);
	return {
		id,
		train: all.slice(0, end - h),
		test: all.slice(end - h, end),
		...(dates ? { ds: Float64Array.from(dates.slice(0, end - h)) } : {}),
		...(xreg
			? {
					xreg: {
						names: xreg.names,
						values: xreg.values.map((c) => c.slice(0, end)),
					},
				}
			: {}),
	};
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

/**
 * The fresh online retail samples (not in the default list): products ranked by units sold before the
 * cut, beyond the shared top 200 (DEEP.md "deep11": retail2; "deep12": retail3, retail4).
 */
export const RANKED_RETAIL: Readonly<Record<string, readonly [number, number]>> = {
	retail2: [201, 400],
	retail3: [401, 600],
	retail4: [601, 800],
};

export function loadDatasets(
	keys: string[],
	limit: number | undefined,
	back: number,
	every: number,
	holidayFlag = true,
): Dataset[] {
	const out: Dataset[] = [];
	const take = <T>(a: T[]): T[] =>
		(limit ? a.slice(0, limit) : a).filter((_, i) => i % every === 0);
	if (keys.includes('m4')) {
		const train = readLong(join(DATA, 'm4_weekly/train.csv'));
		const test = readLong(join(DATA, 'm4_weekly/test.csv'));
		const series = take(
			[...train].flatMap(([id, v]) => {
				if (back === 0)
					return [
						{
							id,
							train: Float64Array.from(v),
							test: Float64Array.from(test.get(id) ?? []),
						},
					];
				const s = split(id, v, 13, back - 1);
				return s ? [s] : [];
			}),
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
				.filter(([, v]) => v.length >= 24 * (1 + back) + 36)
				.flatMap(([id, v]) => {
					const s = split(id, v, 24, back);
					return s ? [s] : [];
				}),
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
			[...all].flatMap(([id, v]) => {
				const dates = v.map((_, t) => Date.UTC(2010, 10, 29) + t * 7 * 86_400_000);
				const s = split(id, v, 12, back, undefined, dates);
				return s ? [s] : [];
			}),
		);
		out.push({
			key: 'retail',
			title:
				'Online retail top-200 weekly (last 12 weeks held out, h = 12, m = 52 → too short for a season)',
			h: 12,
			m: 52,
			scaleM: 1,
			country: 'GB',
			series,
		});
	}
	// fresh shop samples (DEEP.md "deep11", "deep12"): the products ranked from..to by the same ranking as
	// the top 200 (retail-ranks.ts), no totals; a product without a sale in its training part is left
	// out (no MASE scale), as StockX's sneakers are
	for (const [key, [from, to]] of Object.entries(RANKED_RETAIL)) {
		if (!keys.includes(key)) continue;
		const series = take(
			[...retailByRank(from, to)].flatMap(([id, v]) => {
				const s = split(id, v, 12, back, undefined, retailWeeks(v.length));
				return s && s.train.some((x) => x > 0) ? [s] : [];
			}),
		);
		out.push({
			key,
			title: `Online retail products ranked ${from}–${to} weekly (last 12 weeks held out, h = 12, m = 52 → too short for a season)`,
			h: 12,
			m: 52,
			scaleM: 1,
			country: 'GB',
			series,
		});
	}
	if (keys.includes('stockx')) {
		// orders per week (Monday start) per sneaker, per brand and in total; the first, partial
		// week (the file starts on a Friday) is dropped; zeros before a sneaker's first sale are kept,
		// as an export would give them
		const text = gunzipSync(
			readFileSync(join(DATA, 'stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz')),
		).toString('utf8');
		const lines = text.trim().split('\n').slice(1);
		const counts = new Map<string, Map<string, number>>();
		const add = (id: string, week: string): void => {
			let m = counts.get(id);
			if (!m) counts.set(id, (m = new Map()));
			m.set(week, (m.get(week) ?? 0) + 1);
		};
		for (const line of lines) {
			const [date, brand, name] = line.split(',');
			const week = mondayOf(date);
			add(`sneaker:${name}`, week);
			add(`brand:${brand}`, week);
			add('TOTAL', week);
		}
		const grid = weeksBetween(mondayOf('2017-09-04'), mondayOf('2018-11-12'));
		const series = take(
			[...counts]
				.sort((a, b) => (a[0] < b[0] ? -1 : 1))
				.flatMap(([id, m]) => {
					const s = split(
						id,
						grid.map((w) => m.get(w) ?? 0),
						12,
						back,
						undefined,
						grid.map((w) => Date.parse(w + 'T00:00:00Z')),
					);
					return s && s.train.some((v) => v > 0) ? [s] : [];
				}),
		);
		out.push({
			key: 'stockx',
			title:
				'StockX sneakers weekly orders per sneaker, brand and total (last 12 weeks of the shared part held out, h = 12, m = 52)',
			h: 12,
			m: 52,
			scaleM: 1,
			country: 'US',
			series,
		});
	}
	if (keys.includes('walmart')) {
		const lines = readFileSync(join(DATA, 'promotions/walmart_store_weeks_train.csv'), 'utf8')
			.trim()
			.split('\n');
		const header = lines[0].split(',');
		const col = (name: string): number => header.indexOf(name);
		const regNames = [
			'Holiday_Flag',
			'MarkDown1',
			'MarkDown2',
			'MarkDown3',
			'MarkDown4',
			'MarkDown5',
		];
		if (!holidayFlag) regNames.shift();
		const byStore = new Map<string, { sales: number[]; reg: number[][]; starts: number[] }>();
		for (const line of lines.slice(1)) {
			const f = line.split(',');
			const id = `store:${f[col('Store')]}`;
			let s = byStore.get(id);
			if (!s) byStore.set(id, (s = { sales: [], reg: regNames.map(() => []), starts: [] }));
			s.sales.push(Number(f[col('Weekly_Sales')]));
			regNames.forEach((r, i) => s.reg[i].push(Number(f[col(r)] || 0)));
			// a Walmart week is dated by its last day (a Friday): it starts on the Saturday before
			s.starts.push(Date.parse(f[col('Date')] + 'T00:00:00Z') - 6 * 86_400_000);
		}
		const series = take(
			[...byStore].flatMap(([id, s]) => {
				const x = split(
					id,
					s.sales,
					13,
					back,
					{
						names: regNames,
						values: s.reg.map((c) => Float64Array.from(c)),
					},
					s.starts,
				);
				return x ? [x] : [];
			}),
		);
		out.push({
			key: 'walmart',
			title:
				'Walmart stores weekly sales (last 13 weeks of the shared part held out, h = 13, m = 52; Holiday_Flag and MarkDown1–5 as regressors with their known future values)',
			h: 13,
			m: 52,
			scaleM: 1,
			country: 'US',
			series,
		});
	}
	return out;
}

/**
 * The engine's regressor option for a bench series (future = the test part's known values), plus the
 * built-in calendar of `calendar.country` when given (columns chosen on the training part).
 */
export function regressorsOf(
	s: Series,
	h: number,
	calendar?: { country: string; m: number },
): Regressors | undefined {
	const n = s.train.length;
	const own: Regressors | undefined = s.xreg
		? {
				names: s.xreg.names,
				history: s.xreg.values.map((c) => c.slice(0, n)),
				future: s.xreg.values.map((c) => c.slice(n, n + h)),
			}
		: undefined;
	if (!calendar || !s.ds) return own;
	const [from, to] = yearsOf(s.ds, 'week', h);
	const cal = calendarRegressors(shopCalendar(calendar.country, from, to), s.ds, 'week', h, {
		movingOnly: n >= 2 * calendar.m,
	});
	if (!own) return { names: cal.names, history: cal.history, future: cal.future };
	return {
		names: [...own.names, ...cal.names],
		history: [...own.history, ...cal.history],
		future: [...own.future, ...cal.future],
	};
}

function runOurs(
	ds: Dataset,
	name: string,
	fn: typeof forecastAuto,
	flags: Pick<Flags, 'prior' | 'priorStrength' | 'launch' | 'calendar' | 'pooled' | 'pooledLags'>,
): MethodRun {
	const forecasts = new Map<string, MethodForecast>();
	const chosen = new Map<string, string>();
	const t0 = performance.now();
	// the pooled candidate learns from every series' training part (never its test part)
	let registry: CandidateRegistry | undefined;
	if (flags.pooled) {
		registry = new CandidateRegistry();
		registerBuiltins(registry);
		registry.register(
			new PooledModel(
				ds.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
				flags.pooledLags ? { lags: flags.pooledLags } : {},
			).candidate(),
		);
	}
	ds.series.forEach((s, i) => {
		const regressors = regressorsOf(
			s,
			ds.h,
			flags.calendar && ds.country ? { country: ds.country, m: ds.m } : undefined,
		);
		const opts: AutoForecastOptions = {
			horizon: ds.h,
			season: ds.m,
			levels: [0.8, 0.95],
			seriesId: s.id,
			...(flags.launch !== undefined ? { trimLaunch: flags.launch } : {}),
			...(flags.prior && s.ds
				? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, flags.priorStrength) }
				: {}),
		};
		const r = fn(
			s.train,
			regressors ? { ...opts, regressors } : opts,
			registry ? { registry } : {},
		);
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

function runNaive2(ds: Dataset, which: 'naive2' | 'naive' = 'naive2'): MethodRun {
	const forecasts = new Map<string, MethodForecast>();
	const t0 = performance.now();
	for (const s of ds.series) {
		const f = (which === 'naive2' ? new Naive2() : new Naive())
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
	return {
		name: which === 'naive2' ? 'Naive2' : 'naive',
		forecasts,
		seconds: (performance.now() - t0) / 1000,
	};
}

/** Run (or reuse) R on the same training windows; null when Rscript or forecast is missing. */
export function runR(ds: Dataset, reuse: boolean, limitTag: string): MethodRun[] | null {
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
	/** Pooled WAPE: Σ|a − f| / Σ|a| over every series and step. */
	wape: number;
	/** Σf / Σa − 1 over every series and step. */
	bias: number;
	/** Mean scaled interval score of the 95 % interval (M4), averaged over series. */
	msis: number;
	seriesPerSec: number;
	missing: number;
}

function score(
	ds: Dataset,
	run: MethodRun,
	naive2?: { smape: number; mase: number },
	only?: (s: Series) => boolean,
): Score {
	const sm: number[] = [];
	const ms: number[] = [];
	const ma: number[] = [];
	let in80 = 0;
	let in95 = 0;
	let pts = 0;
	let missing = 0;
	let absErr = 0;
	let absAct = 0;
	let sumF = 0;
	let sumA = 0;
	const series = only ? ds.series.filter(only) : ds.series;
	for (const s of series) {
		const f = run.forecasts.get(s.id);
		if (!f || !f.point.every(Number.isFinite)) {
			missing++;
			continue;
		}
		sm.push(smape(s.test, f.point));
		ma.push(mase(s.test, f.point, s.train, ds.scaleM));
		ms.push(msis(s.test, f.lo95, f.hi95, s.train, 0.05, ds.scaleM));
		in80 += coverage(s.test, f.lo80, f.hi80) * s.test.length;
		in95 += coverage(s.test, f.lo95, f.hi95) * s.test.length;
		pts += s.test.length;
		for (let j = 0; j < s.test.length; j++) {
			absErr += Math.abs(s.test[j] - f.point[j]);
			absAct += Math.abs(s.test[j]);
			sumF += f.point[j];
			sumA += s.test[j];
		}
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
		wape: absErr / absAct,
		bias: sumF / sumA - 1,
		msis: avg(ms),
		seriesPerSec: ds.series.length / Math.max(run.seconds, 1e-9),
		missing,
	};
}

const f2 = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

function main(): void {
	const flags = parseFlags(process.argv.slice(2));
	const limitTag =
		(flags.limit ? String(flags.limit) : 'all') +
		(flags.back || flags.every > 1 ? `-b${flags.back}-e${flags.every}` : '');
	const datasets = loadDatasets(
		flags.datasets,
		flags.limit,
		flags.back,
		flags.every,
		flags.holidayFlag,
	);
	const md: string[] = [
		'# Forecast engine bench',
		'',
		`Run: ${new Date().toISOString()} · Node ${process.version} · ${flags.limit ? `first ${flags.limit} series per data set` : 'all series'}${flags.every > 1 ? ` · every ${flags.every}th series` : ''} · ${flags.back ? `TUNING origin: ${flags.back} horizon(s) before the reported one` : 'reported origin (last horizon of each shared part)'} · command \`npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\``,
		'',
		`sMAPE (M4, 0–200) and MASE are averaged over series; OWA = ½(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2) as in M4. Coverage = share of held-out points inside the 80 % / 95 % intervals. Our engine and R both fit on at most the last ${MAX_FIT_POINTS} points (R: tests/bench/r-models.R; for m > 24, auto.arima with max.P = max.Q = 0, as the engine). R time is the sum of its per-series fit+forecast times (R start-up and CSV I/O excluded). All forecasts are scored by the same TypeScript metrics (src/core/metrics.ts).`,
		'',
	];
	for (const ds of datasets) {
		process.stderr.write(`${ds.title}: ${ds.series.length} series\n`);
		const n2 = runNaive2(ds);
		const n2s = score(ds, n2);
		const naive = runNaive2(ds, 'naive');
		const rssBefore = process.resourceUsage().maxRSS;
		const auto = runOurs(ds, 'Trendcast auto', forecastAuto, { ...flags, pooled: false });
		const rssAfter = process.resourceUsage().maxRSS;
		const runs: MethodRun[] = [n2, auto, naive];
		// --pooled: the same engine with the cross-learning candidate, side by side
		const pooled = flags.pooled
			? runOurs(ds, 'Trendcast auto + pooled', forecastAuto, flags)
			: null;
		if (pooled) runs.push(pooled);
		if (flags.baseline)
			runs.push(runOurs(ds, 'Trendcast baseline (snaive+ets)', forecastBaseline, flags));
		const rRuns = flags.r ? runR(ds, flags.reuseR, limitTag) : null;
		if (rRuns) runs.push(...rRuns);
		const scores = runs.map((r) => score(ds, r, n2s));
		md.push(`## ${ds.title}`, '', `${ds.series.length} series.`, '');
		md.push(
			'| method | sMAPE | MASE | OWA | pooled WAPE | bias | MSIS 95 % | cov 80 % | cov 95 % | series/s | failed |',
			'|---|---|---|---|---|---|---|---|---|---|---|',
		);
		for (const s of scores)
			md.push(
				`| ${s.name} | ${f2(s.smape)} | ${f2(s.mase)} | ${f2(s.owa)} | ${f2(s.wape)} | ${f2(s.bias * 100, 1)} % | ${f2(s.msis, 2)} | ${f2(s.cov80 * 100, 1)} | ${f2(s.cov95 * 100, 1)} | ${f2(s.seriesPerSec, 1)} | ${s.missing} |`,
			);
		md.push('');
		// series that start with MIN_LAUNCH_ZEROS or more zeros (a product launched after the data starts)
		const launched = (s: Series): boolean => {
			let z = 0;
			while (z < s.train.length && s.train[z] === 0) z++;
			return z >= MIN_LAUNCH_ZEROS && s.train.length - z >= 3;
		};
		const nLaunched = ds.series.filter(launched).length;
		if (nLaunched > 0) {
			md.push(
				`Launched series only (${nLaunched} of ${ds.series.length} start with ≥ ${MIN_LAUNCH_ZEROS} zero periods): ` +
					runs
						.map((r) => score(ds, r, n2s, launched))
						.map(
							(s) =>
								`${s.name} MASE ${f2(s.mase)} / WAPE ${f2(s.wape)} / MSIS ${f2(s.msis, 2)} / cov95 ${f2(s.cov95 * 100, 1)}`,
						)
						.join('; ') +
					'.',
				'',
			);
		}
		const rScores = scores.filter((s) => s.name.startsWith('R '));
		if (rScores.length) {
			const bestR = rScores.reduce((a, b) => (a.owa <= b.owa ? a : b));
			const ours = pooled ? scores[3] : scores[1];
			const rSecs = rRuns ? rRuns.reduce((a, r) => a + r.seconds, 0) : NaN;
			md.push(
				`Ours${pooled ? ' (+ pooled)' : ''} / best R single model (${bestR.name}): OWA ratio ${f2(ours.owa / bestR.owa)}, sMAPE ratio ${f2(ours.smape / bestR.smape)}, MASE ratio ${f2(ours.mase / bestR.mase)}, pooled WAPE ratio ${f2(ours.wape / bestR.wape)} (best R by WAPE: ${f2(Math.min(...rScores.map((x) => x.wape)))}; naive ${f2(scores[2].wape)}). ` +
					`Speed: Trendcast auto ${f2(auto.seconds, 1)} s vs R ets+auto.arima+thetaf ${f2(rSecs, 1)} s (time ratio ours/R ${f2(auto.seconds / rSecs, 2)}; our auto runs ~10 candidates, a rolling-origin backtest and refits).`,
				'',
			);
		} else md.push('R column skipped (Rscript or the forecast package is not available).', '');
		const counts = new Map<string, number>();
		for (const m of (pooled ?? auto).chosen?.values() ?? []) {
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
	const outPath = isAbsolute(flags.out) ? flags.out : join(ROOT, 'tests/bench/results', flags.out);
	writeFileSync(outPath, md.join('\n'));
	process.stderr.write(`wrote ${outPath}\n`);
}

// run only as a script (tests/bench/deep-ensemble.ts imports the loaders)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
