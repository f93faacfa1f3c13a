// Does the fusion gate keep a signal only when it helps? StockX Yeezy weekly orders × Yeezy search
// interest (US, weekly; Google's Sunday weeks). At each decision week t of the last weeks, the app's
// fusion (workers/data/fusion.ts fuseSignals: lead found before its own held-out windows, ≥ 3 windows,
// kept only when it beats the same models without it and the automatic engine) decides from the weeks
// before t; the chosen forecast (with the signal when used, else the automatic engine's, as the Forecast
// screen) is scored on the weeks after t against the automatic engine alone and against always forcing
// the signal in (regression/ARIMA with the search lagged by max(1, lead)). MASE (naive scale), mean over
// decision weeks. Writes the "Fusion gate" section of tests/bench/results/SIGNALS.md.
// Run: npx tsx tests/bench/fusion-gate.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forecastAuto } from '../../src/core/engine';
import { parseSearchInterest } from '../../src/core/ingest/schemas/search';
import { lagSeries, leadLag } from '../../src/core/signals/leadlag';
import { fuseSignals, MIN_ORIGINS } from '../../workers/data/fusion';
import { gunzipSync } from 'node:zlib';
import { csvTextToTable } from '../../workers/data/read-table';
import { writeSection } from './harness';

const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';
const RESULTS = join(import.meta.dirname, 'results/SIGNALS.md');
const START = '<!-- fusion-gate:start -->';
const END = '<!-- fusion-gate:end -->';
const f3 = (x: number) => x.toFixed(3);

const s = parseSearchInterest(
	'yeezy.csv',
	readFileSync(join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv'), 'utf8'),
).series[0];
const orders = csvTextToTable(
	'stockx.csv',
	gunzipSync(
		readFileSync(join(DATA, 'stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz')),
	).toString('utf8'),
);
const di = orders.header.indexOf('Order Date');
const bi = orders.header.indexOf('Brand');
const weekOf = (t: number) => t - new Date(t).getUTCDay() * 86_400_000;
const counts = new Map<number, number>();
for (const r of orders.rows) {
	if (!/yeezy/i.test(r[bi])) continue;
	const t = weekOf(Date.parse(`${r[di]}T00:00:00Z`));
	counts.set(t, (counts.get(t) ?? 0) + 1);
}
const weeks = [...counts.keys()].sort((a, b) => a - b).slice(1, -1);
const ds = weeks.filter((w) => s.ds.includes(w));
const y = ds.map((w) => counts.get(w) ?? 0);
const search = new Map(s.ds.map((w, i) => [w, s.y[i]]));
const signal = { kind: 'search' as const, name: 'yeezy', weekly: search, zeroFill: false };

/** MASE of a forecast against the in-sample naive (lag 1) error. */
function mase(actual: number[], fc: ArrayLike<number>, train: ArrayLike<number>): number {
	let d = 0;
	for (let i = 1; i < train.length; i++) d += Math.abs(train[i] - train[i - 1]);
	d /= Math.max(1, train.length - 1);
	const e = actual.reduce((a, v, i) => a + Math.abs(v - fc[i]), 0) / actual.length;
	return e / Math.max(1e-9, d);
}

const out: string[] = [
	START,
	'## Fusion gate: is a signal only kept when it helps? (StockX Yeezy orders × Yeezy search)',
	'',
	`Run ${new Date().toISOString().slice(0, 16)} UTC (\`npx tsx tests/bench/fusion-gate.ts\`). ${y.length} weeks of StockX Yeezy orders (${new Date(ds[0]).toISOString().slice(0, 10)} → ${new Date(ds.at(-1)!).toISOString().slice(0, 10)}) with the US weekly Yeezy search interest. At each decision week the app's fusion decides from the weeks before it alone (lead found before its own held-out windows, ≥ ${MIN_ORIGINS} of them, kept only when it beats the same models without it and the automatic engine); the chosen forecast is then scored on the weeks after. MASE (naive scale), mean over decision weeks; ratio < 1 = better than the automatic engine.`,
	'',
	'| horizon | decision weeks | signal used | MASE automatic engine | MASE chosen (gated) | chosen ÷ automatic | MASE forced in | forced ÷ automatic |',
	'| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const [h, decisions] of [
	[1, 12],
	[4, 4],
] as const) {
	let used = 0;
	const auto: number[] = [];
	const chosen: number[] = [];
	const forced: number[] = [];
	const reasons = new Map<string, number>();
	for (let d = 0; d < decisions; d++) {
		const t = y.length - h * (decisions - d);
		const train = y.slice(0, t);
		const actual = y.slice(t, t + h);
		const a = forecastAuto(Float64Array.from(train), { horizon: h, season: 1 }).point;
		const r = fuseSignals(ds.slice(0, t), train, [signal], h).candidates[0];
		reasons.set(r.status, (reasons.get(r.status) ?? 0) + 1);
		const c = r.status === 'used' && r.forecast ? r.forecast.point : a;
		if (r.status === 'used') used++;
		// forced: the search lagged by max(1, lead before t), its values known up to week t−1
		const xs = ds.slice(0, t).map((w) => search.get(w) ?? 0);
		const lag = Math.max(1, leadLag(xs, train).bestLag ?? 1);
		const full = lagSeries(xs, lag, t + h);
		const f = forecastAuto(Float64Array.from(train), {
			horizon: h,
			season: 1,
			models: ['regression', 'arima'],
			regressors: { names: ['signal'], history: [full.slice(0, t)], future: [full.slice(t)] },
		}).point;
		auto.push(mase(actual, a, train));
		chosen.push(mase(actual, c, train));
		forced.push(mase(actual, f, train));
	}
	const avg = (v: number[]) => v.reduce((x, c) => x + c, 0) / v.length;
	const why = [...reasons].map(([k, n]) => `${k} ${n}`).join(', ');
	out.push(
		`| ${h} | ${decisions} | ${used} of ${decisions} (${why}) | ${f3(avg(auto))} | ${f3(avg(chosen))} | ${f3(avg(chosen) / avg(auto))} | ${f3(avg(forced))} | ${f3(avg(forced) / avg(auto))} |`,
	);
	process.stdout.write(`h=${h} done\n`);
}
out.push(END);
const section = out.join('\n');
writeSection(RESULTS, START, END, section);
process.stdout.write(section + '\n');
