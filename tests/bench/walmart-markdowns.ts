// Walmart's MarkDown1–5 as regressors (issue #11, promotions): the automatic engine with Holiday_Flag
// alone vs Holiday_Flag + MarkDown1–5 (their known future values), and R's auto.arima with the same
// xreg columns vs without, on the same windows (per store, h = 13, m = 52, at most 520 points):
// the reported origin (last 13 weeks of the shared part) and the tuning origin one horizon earlier.
// Nothing was tuned on either. Run: npx tsx tests/bench/walmart-markdowns.ts [--write]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecastAuto } from '../../src/core/engine';
import { mase, wape } from '../../src/core/metrics';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, '../shared/data/promotions/walmart_store_weeks_train.csv');
const TMP = '/tmp/trendcast-walmart-markdowns';
const H = 13;
const M = 52;
const MD = ['MarkDown1', 'MarkDown2', 'MarkDown3', 'MarkDown4', 'MarkDown5'];

const lines = readFileSync(DATA, 'utf8').trim().split('\n');
const header = lines[0].split(',');
const col = (n: string): number => header.indexOf(n);
const stores = new Map<string, { y: number[]; hol: number[]; md: number[][] }>();
for (const line of lines.slice(1)) {
	const f = line.split(',');
	const id = f[col('Store')];
	let s = stores.get(id);
	if (!s) stores.set(id, (s = { y: [], hol: [], md: MD.map(() => []) }));
	s.y.push(Number(f[col('Weekly_Sales')]));
	s.hol.push(Number(f[col('Holiday_Flag')]));
	MD.forEach((m, i) => s.md[i].push(Number(f[col(m)] || 0)));
}

interface Row {
	method: string;
	mase: number;
	wape: number;
	bias: number;
	seconds: number;
	n: number;
}

function score(name: string, fc: Map<string, Float64Array>, back: number, seconds: number): Row {
	let ms = 0;
	let k = 0;
	const act: number[] = [];
	const pred: number[] = [];
	for (const [id, s] of stores) {
		const f = fc.get(id);
		if (!f) continue;
		const end = s.y.length - back * H;
		const train = s.y.slice(Math.max(0, end - H - 520), end - H);
		const test = s.y.slice(end - H, end);
		ms += mase(test, f, train, 1);
		k++;
		act.push(...test);
		pred.push(...f);
	}
	const sa = act.reduce((a, b) => a + b, 0);
	const sf = pred.reduce((a, b) => a + b, 0);
	return { method: name, mase: ms / k, wape: wape(act, pred), bias: sf / sa - 1, seconds, n: k };
}

function ours(back: number, markdowns: boolean): { fc: Map<string, Float64Array>; s: number } {
	const fc = new Map<string, Float64Array>();
	const t0 = performance.now();
	for (const [id, s] of stores) {
		const end = s.y.length - back * H;
		const from = Math.max(0, end - H - 520);
		const cols = [s.hol, ...(markdowns ? s.md : [])];
		const names = ['Holiday_Flag', ...(markdowns ? MD : [])];
		const y = Float64Array.from(s.y.slice(from, end - H));
		const r = forecastAuto(y, {
			horizon: H,
			season: M,
			regressors: {
				names,
				history: cols.map((c) => Float64Array.from(c.slice(from, end - H))),
				future: cols.map((c) => Float64Array.from(c.slice(end - H, end))),
			},
		});
		fc.set(id, r.point);
	}
	return { fc, s: (performance.now() - t0) / 1000 };
}

const R_SCRIPT = `
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(forecast))
d <- read.csv(args[1], colClasses = c(id = "character"))
h <- as.integer(args[2]); out <- args[4]
xn <- if (args[3] == "") character(0) else strsplit(args[3], ",")[[1]]
con <- file(out, "w"); writeLines("id,step,mean,seconds", con)
for (id in unique(d$id)) {
  s <- d[d$id == id, ]; tr <- s[s$part == "train", ]; te <- s[s$part == "test", ]
  y <- ts(tr$y, frequency = 52)
  keep <- xn[sapply(xn, function(c) var(tr[[c]]) > 0)]
  t0 <- proc.time()[["elapsed"]]
  fc <- tryCatch(suppressWarnings({
    if (length(keep)) {
      X <- as.matrix(tr[, keep, drop = FALSE]); XF <- as.matrix(te[, keep, drop = FALSE])
      forecast(auto.arima(y, xreg = X, max.P = 0, max.Q = 0), xreg = XF, h = h)$mean
    } else forecast(auto.arima(y, max.P = 0, max.Q = 0), h = h)$mean
  }), error = function(e) rep(NA, h))
  el <- proc.time()[["elapsed"]] - t0
  writeLines(sprintf("%s,%d,%.10g,%.4f", id, seq_len(h), as.numeric(fc), el), con)
}
close(con)
`;

function rArima(back: number, markdowns: boolean): { fc: Map<string, Float64Array>; s: number } {
	mkdirSync(TMP, { recursive: true });
	const inp = join(TMP, `in-${back}.csv`);
	const rows = ['id,part,y,Holiday_Flag,' + MD.join(',')];
	for (const [id, s] of stores) {
		const end = s.y.length - back * H;
		const from = Math.max(0, end - H - 520);
		for (let t = from; t < end; t++)
			rows.push(
				[id, t < end - H ? 'train' : 'test', s.y[t], s.hol[t], ...s.md.map((c) => c[t])].join(','),
			);
	}
	writeFileSync(inp, rows.join('\n') + '\n');
	writeFileSync(join(TMP, 'x.R'), R_SCRIPT);
	const out = join(TMP, `out-${back}-${markdowns}.csv`);
	const xn = ['Holiday_Flag', ...(markdowns ? MD : [])].join(',');
	execFileSync('Rscript', [join(TMP, 'x.R'), inp, String(H), xn, out], { stdio: 'inherit' });
	const fc = new Map<string, Float64Array>();
	const secs = new Map<string, number>();
	for (const line of readFileSync(out, 'utf8').trim().split('\n').slice(1)) {
		const [id, step, mean, sec] = line.split(',');
		if (!fc.has(id)) fc.set(id, new Float64Array(H));
		fc.get(id)![Number(step) - 1] = Number(mean);
		secs.set(id, Number(sec));
	}
	for (const [id, f] of fc) if (f.some((v) => !Number.isFinite(v))) fc.delete(id);
	return { fc, s: [...secs.values()].reduce((a, b) => a + b, 0) };
}

const md: string[] = [
	'# Walmart markdowns as regressors (issue #11, promotions)',
	'',
	`Run: ${new Date().toISOString()} · \`npx tsx tests/bench/walmart-markdowns.ts --write\` · 45 stores, h = ${H}, m = ${M}, same windows for every method; MASE (lag-1 scale) averaged over stores, pooled WAPE, bias = Σforecast ÷ Σactual − 1. Markdowns are blank before Nov 2011 (read as 0). R: auto.arima(max.P = max.Q = 0, xreg = the columns that vary in the training window). Nothing was tuned on these windows.`,
	'',
];
for (const [back, label] of [
	[0, 'reported origin (last 13 weeks of the shared part held out)'],
	[1, 'tuning origin (one horizon earlier)'],
] as const) {
	const rows: Row[] = [];
	for (const mdOn of [false, true]) {
		const o = ours(back, mdOn);
		rows.push(
			score(`Trendcast auto, Holiday_Flag${mdOn ? ' + MarkDown1–5' : ''}`, o.fc, back, o.s),
		);
		const r = rArima(back, mdOn);
		rows.push(score(`R auto.arima, Holiday_Flag${mdOn ? ' + MarkDown1–5' : ''}`, r.fc, back, r.s));
	}
	md.push(
		`## ${label}`,
		'',
		'| method | MASE | pooled WAPE | bias | seconds | stores |',
		'|---|---|---|---|---|---|',
	);
	for (const r of rows)
		md.push(
			`| ${r.method} | ${r.mase.toFixed(3)} | ${r.wape.toFixed(4)} | ${(100 * r.bias).toFixed(1)} % | ${r.seconds.toFixed(1)} | ${r.n} |`,
		);
	const [a, , b] = rows;
	const [, ra, , rb] = rows;
	md.push(
		'',
		`With ÷ without markdowns: ours MASE ${(b.mase / a.mase).toFixed(3)}, WAPE ${(b.wape / a.wape).toFixed(3)}; R auto.arima MASE ${(rb.mase / ra.mase).toFixed(3)}. Ours with markdowns ÷ R auto.arima with markdowns: MASE ${(b.mase / rb.mase).toFixed(3)}, WAPE ${(b.wape / rb.wape).toFixed(3)}.`,
		'',
	);
	console.log(md.slice(-rows.length - 5).join('\n'));
}
if (process.argv.includes('--write'))
	writeFileSync(join(ROOT, 'tests/bench/results/PROMOTIONS.md'), md.join('\n') + '\n');
console.log(md.join('\n'));
