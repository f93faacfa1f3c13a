// Hierarchy bench (issue #11): the app's reconciled hierarchy (src/core/forecast/hierarchy-forecast.ts:
// every node forecast by the automatic engine, bottom-up or MinT-shrink chosen by a backtest on the
// last h periods of the history, the product level capped by capProducts) on
// - StockX: sneaker → brand → total (product level: the sneakers, capped as in the app),
// - UCI online retail: product → category (last word of the description, 8 biggest + other, as the
//   demo in the app) → total, from the transactions (3,000+ products, capped to 40 + pooled rest),
// - Walmart: store → total (the shared data has no products; Holiday_Flag and markdowns as regressors).
// The method is chosen at the earlier origin (the last h periods before the reported ones, inside the
// history), then base / bottom-up / MinT-shrink are all scored once at the reported origin (the
// last horizon of each shared part). Also: the cost of MinT-shrink as the product cap grows.
// Usage: tsx tests/bench/hierarchy.ts [--only stockx,retail,walmart] [--no-scaling] [--no-cap-check]
// [--back K] [--plain] [--retail-h H] [--origins K] [--out FILE.md].
// --origins K: the choice's backtest at up to K origins (default: the app's BACKTEST_ORIGINS); the
// RULE-LINE gives the choice over the first 1, 2, … of them (read from the same forecasts) and the
// engine time of the origins and of the final forecasts.
// MARGIN-LINE (hier2b): the choice by each margin rule (core chooseMethod: main = the lowest score,
// M-A = bottom-up / MinT-shrink only, M-B = others only when lower by more than 5 %, M-C = by more than
// the anchor's own origin-to-origin change), read from the same backtest scores, each scored at the
// reported origin.
// --back K (validation, K ≥ 1): the last K horizons of the shared part are left out first, so the
// reported origin is K horizons before the held-out one (back 0, the default, is the held-out horizon:
// run by the lead only). --plain: every node forecast alone by the engine with horizon, season and
// its regressors only (the hierarchy before hiernode), instead of the app's node batch
// (forecastBatchNodes: borrowed season, launch and spike curves, gated pooled model).
// Not part of npm test.
import { execSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { forecastAuto } from '../../src/core/engine';
import { forecastBatchNodes } from '../../src/core/forecast/batch-engine';
import type { Regressors } from '../../src/core/engine-types';
import type { Interval } from '../../src/core/types';
import {
	minT,
	minTDirect,
	naiveResiduals,
	reconcile,
	shrinkCovariance,
	type Hierarchy,
} from '../../src/core/forecast/hierarchy';
import {
	AUTO_METHODS,
	bestMethod,
	candidateMethods,
	chooseMethod,
	capProducts,
	combineOrigins,
	forecastHierarchy,
	hierarchyOf,
	calibrateIntervals,
	moveIntervals,
	type IntervalCalibration,
	type IntervalMove,
	nodeBatch,
	reconciled,
	treeOf,
	type HierarchyCell,
	type HierarchyLevel,
	type MarginRule,
	type NodeForecaster,
	type NodesForecaster,
	type ProductCap,
} from '../../src/core/forecast/hierarchy-forecast';
import {
	levelRegressorsOf,
	type LevelRegressorSource,
} from '../../src/core/forecast/level-regressors';
import { parseCsvLine } from '../../src/core/ingest/csv';
import { mase } from '../../src/core/metrics';
import { loadDatasets } from './run';

const DATA = '/work/shared/data';
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const out = arg('--out') ?? 'tests/bench/results/HIERARCHY.md';
const only = (arg('--only') ?? 'stockx,retail,walmart').split(',');
const back = Number(arg('--back') ?? 0);
const plain = args.includes('--plain');
const retailH = Number(arg('--retail-h') ?? 12);
const originsArg = arg('--origins');
// levels (session of 2026-12-07): every node with the shop calendar of the data's country and, where the
// data has promotions (Walmart's markdowns), the node's promotion share (src/core/forecast/level-regressors.ts)
// --level-drivers-above: only the nodes above the bottom series (the levels the screen shows as
// category / store / total), the bottom (products, Walmart's stores) as in the baseline
const levelAbove = args.includes('--level-drivers-above');
const levelDrivers = args.includes('--level-drivers') || levelAbove;
const scaling = !args.includes('--no-scaling') && back === 0;
const OTHER = '\u0000other';

interface Case {
	key: string;
	title: string;
	h: number;
	m: number;
	/** Bottom series over the history and the reported horizon (length n + h). */
	cells: HierarchyCell[];
	/** Names of the levels in the tables, by node level. */
	levels: [HierarchyLevel, string][];
	/** Regressors of a node over history + horizon, when the data has them. */
	xreg?: (key: string) => { names: string[]; values: Float64Array[] } | undefined;
	cap?: ProductCap;
	/** Least history of the choosing backtest (the app's default: max(8, 2h)). */
	minTrain?: number;
	/** Period starts (UTC ms) of the bottom series' periods. */
	grid: Float64Array;
	/** The shop calendar's country (--level-drivers). */
	country: string;
	/** Per bottom series: share of each period on promotion, history + horizon (--level-drivers). */
	promoOn?: (cell: HierarchyCell) => Float64Array | undefined;
}

const gridOf = (g: Map<string, number>): Float64Array =>
	Float64Array.from([...g.keys()], (d) => Date.parse(d + 'T00:00:00Z'));

function mondayOf(d: string): string {
	const t = Date.parse(d.slice(0, 10) + 'T00:00:00Z');
	const dow = (new Date(t).getUTCDay() + 6) % 7;
	return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}
function weeks(first: string, last: string): Map<string, number> {
	const out = new Map<string, number>();
	for (
		let t = Date.parse(first + 'T00:00:00Z');
		t <= Date.parse(last + 'T00:00:00Z');
		t += 7 * 864e5
	)
		out.set(new Date(t).toISOString().slice(0, 10), out.size);
	return out;
}

/** Weekly series per key from (key, week, value) rows on a week grid. */
function weekly(grid: Map<string, number>): {
	add: (key: string, week: string, v: number) => void;
	series: Map<string, Float64Array>;
} {
	const series = new Map<string, Float64Array>();
	return {
		series,
		add(key, week, v) {
			const i = grid.get(week);
			if (i === undefined) return;
			let s = series.get(key);
			if (!s) series.set(key, (s = new Float64Array(grid.size)));
			s[i] += v;
		},
	};
}

function stockx(): Case {
	const text = gunzipSync(
		readFileSync(`${DATA}/stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz`),
	).toString('utf8');
	const grid = weeks('2017-09-04', '2018-11-12');
	const w = weekly(grid);
	const brandOf = new Map<string, string>();
	for (const line of text.trim().split('\n').slice(1)) {
		const [date, brand, name] = line.split(',');
		brandOf.set(name, brand);
		w.add(name, mondayOf(date), 1);
	}
	return {
		key: 'stockx',
		title:
			'StockX: sneaker → brand → total, weekly orders (h = 12 held out at the end of the shared part, m = 52)',
		h: 12,
		m: 52,
		cells: [...w.series]
			.sort((a, b) => (a[0] < b[0] ? -1 : 1))
			.map(([name, y]) => ({
				category: brandOf.get(name) as string,
				store: null,
				product: name,
				y,
			})),
		levels: [
			['total', 'total'],
			['category', 'brand'],
			['product', 'sneaker'],
		],
		grid: gridOf(grid),
		country: 'US',
		// at --back 2 the history is 27 weeks: the choice forecasts from 15 (the app would need 24)
		minTrain: 15,
	};
}

/** The demo's category of a description: its last word, upper case, a plural s dropped (DESCRIPTION_CATEGORY_SQL). */
function categoryOf(description: string): string {
	const last = (description.trim().match(/(\S+)$/)?.[1] ?? '').toUpperCase();
	return /^.{3,}[^S]S$/.test(last) ? last.slice(0, -1) : last;
}

function retail(): Case {
	const text = gunzipSync(
		readFileSync(`${DATA}/online_retail/transactions_2010-12-01_to_2011-09-11.csv.gz`),
	).toString('utf8');
	const grid = weeks('2010-11-29', '2011-09-05');
	const w = weekly(grid);
	const cats = new Map<string, Map<string, number>>();
	for (const line of text.trim().split('\n').slice(1)) {
		const f = line.includes('"') ? parseCsvLine(line) : line.split(',');
		const [invoice, code, description, qty, date, price] = f;
		const q = Number(qty);
		if (
			invoice.startsWith('C') ||
			!(q > 0) ||
			!(Number(price) > 0) ||
			!/^\d{5}[A-Za-z]*$/.test(code)
		)
			continue;
		w.add(code, mondayOf(date), q);
		let c = cats.get(code);
		if (!c) cats.set(code, (c = new Map()));
		const cat = categoryOf(description ?? '');
		c.set(cat, (c.get(cat) ?? 0) + 1);
	}
	// each product in its most frequent category; the 8 biggest categories kept, the rest "other"
	const catOf = new Map(
		[...cats].map(([code, m]) => [
			code,
			[...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0],
		]),
	);
	const volume = new Map<string, number>();
	for (const [code, y] of w.series)
		volume.set(
			catOf.get(code)!,
			(volume.get(catOf.get(code)!) ?? 0) + y.reduce((a, b) => a + b, 0),
		);
	const top = new Set(
		[...volume]
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, 8)
			.map(([c]) => c),
	);
	return {
		key: 'retail',
		title: `UCI online retail: product → category (description's last word, 8 biggest + other) → total, weekly units from the transactions (${w.series.size} products; h = ${retailH} held out at the end of the shared part, m = 52)`,
		h: retailH,
		m: 52,
		grid: gridOf(grid),
		country: 'GB',
		cells: [...w.series]
			.sort((a, b) => (a[0] < b[0] ? -1 : 1))
			.map(([code, y]) => ({
				category: top.has(catOf.get(code)!) ? catOf.get(code)! : OTHER,
				store: null,
				product: code,
				y,
			})),
		levels: [
			['total', 'total'],
			['category', 'category'],
			['product', 'product'],
		],
		// 29 weeks of history: the choosing backtest forecasts from 17 (the app would need 24 = 2h and
		// use bottom-up without a backtest)
		minTrain: 17,
	};
}

function walmart(): Case {
	const [ds] = loadDatasets(['walmart'], undefined, 0, 1);
	const byId = new Map(ds.series.map((s) => [s.id, s]));
	return {
		key: 'walmart',
		title:
			'Walmart: store → total, weekly sales (h = 13 held out at the end of the shared part, m = 52; Holiday_Flag and MarkDown1–5 of each store as regressors with their known future values). The shared data has no products, so no product level.',
		h: 13,
		m: 52,
		cells: ds.series.map((s) => ({
			category: null,
			store: s.id.slice(6),
			y: Float64Array.from([...s.train, ...s.test]),
		})),
		levels: [
			['total', 'total'],
			['store', 'store'],
		],
		grid: Float64Array.from(
			{ length: ds.series[0].train.length + ds.series[0].test.length },
			(_, t) => (ds.series[0].ds as Float64Array)[0] + t * 7 * 864e5,
		),
		xreg: (key) => byId.get(key)?.xreg,
		country: 'US',
		// a store-week is on promotion when any of its markdowns is > 0
		promoOn: (cell) => {
			const x = byId.get(`store:${cell.store}`)?.xreg;
			if (!x) return undefined;
			const md = x.names.map((nm, k) => (nm.startsWith('MarkDown') ? k : -1)).filter((k) => k >= 0);
			return Float64Array.from(x.values[0], (_, t) => (md.some((k) => x.values[k][t] > 0) ? 1 : 0));
		},
	};
}

interface Scores {
	levels: { mase: number; wape: number }[];
	all: number;
}

function score(
	c: Case,
	levelOf: HierarchyLevel[],
	train: Float64Array[],
	test: Float64Array[],
	f: Float64Array[],
): Scores {
	const allM: number[] = [];
	const levels = c.levels.map(([level]) => {
		const m: number[] = [];
		let err = 0;
		let act = 0;
		levelOf.forEach((l, i) => {
			if (l !== level) return;
			const v = mase(test[i], f[i], train[i], 1);
			if (Number.isFinite(v)) m.push(v);
			for (let t = 0; t < c.h; t++) {
				err += Math.abs(test[i][t] - f[i][t]);
				act += Math.abs(test[i][t]);
			}
		});
		return { mase: m.reduce((a, b) => a + b, 0) / m.length, wape: err / act };
	});
	levelOf.forEach((l, i) => {
		if (!c.levels.some(([level]) => level === l)) return;
		const v = mase(test[i], f[i], train[i], 1);
		if (Number.isFinite(v)) allM.push(v);
	});
	return { levels, all: allM.reduce((a, b) => a + b, 0) / allM.length };
}

async function run(c0: Case, md: string[]): Promise<void> {
	// validation: the last `back` horizons left out first
	const cut = c0.cells[0].y.length - back * c0.h;
	const c: Case = { ...c0, cells: c0.cells.map((x) => ({ ...x, y: x.y.slice(0, cut) })) };
	const n = c.cells[0].y.length - c.h;
	const trainCells = c.cells.map((x) => ({ ...x, y: x.y.slice(0, n) }));
	// the product cap is decided on the history only (as the app does)
	const withProducts = c.cells[0].product !== undefined;
	const capped = withProducts
		? capProducts(trainCells, { horizon: c.h, ...c.cap })
		: { cells: trainCells, kept: [], pooled: 0 };
	// the same cap applied to the full series (history + held-out), cell by cell
	const fullOf = new Map(
		c.cells.map((x) => [`${x.category}\u0001${x.store}\u0001${x.product}`, x.y]),
	);
	const keptSet = new Set(capped.kept.map((k) => k.product));
	const full: Float64Array[] = capped.cells.map((x) => {
		if (!withProducts || x.product !== OTHER)
			return fullOf.get(`${x.category}\u0001${x.store}\u0001${x.product}`) as Float64Array;
		const y = new Float64Array(n + c.h);
		for (const o of c.cells)
			if (o.category === x.category && o.store === x.store && !keptSet.has(o.product as string))
				for (let t = 0; t < n + c.h; t++) y[t] += o.y[t];
		return y;
	});
	let engineMs = 0;
	// engine ms of each forecast of every node, in order: the backtest origins (latest first), then the final
	const callMs: number[] = [];
	const regressorsOf = (key: string, len: number, h: number): Regressors | undefined => {
		const x = c.xreg?.(key);
		return x
			? {
					names: x.names,
					history: x.values.map((v) => v.slice(0, len)),
					future: x.values.map((v) => v.slice(len, len + h)),
				}
			: undefined;
	};
	const single: NodeForecaster = async (y, node, h) => {
		const t0 = performance.now();
		const regressors = node.level === 'store' ? regressorsOf(node.key, y.length, h) : undefined;
		const r = forecastAuto(y, { horizon: h, season: c.m, ...(regressors ? { regressors } : {}) });
		engineMs += performance.now() - t0;
		return { point: r.point, intervals: r.intervals, model: r.model };
	};
	const pooledLog: string[] = [];
	const { hier: h0, nodes: n0 } = hierarchyOf(capped.cells);
	const bottomKeys = new Set(n0.slice(h0.nodes.length - h0.m).map((x) => x.key));
	const src: LevelRegressorSource = {
		ds: c.grid,
		freq: 'week',
		season: c.m,
		calendar: { country: c.country },
		cells: capped.cells,
		...(c.promoOn ? { on: capped.cells.map((x) => c.promoOn?.(x) ?? null) } : {}),
	};
	// the app's node batch (workers/forecast/hierarchy.ts): the same builder as the product batch
	const batch: NodesForecaster = async (ys, nodes, h, step) => {
		const t0 = performance.now();
		const { results, pooled } = await forecastBatchNodes(
			nodeBatch(ys, nodes, c.grid),
			{ horizon: h, season: c.m, levels: [0.8, 0.95] },
			{
				extra: (i) => {
					const own =
						nodes[i].level === 'store' ? regressorsOf(nodes[i].key, ys[i].length, h) : undefined;
					const regressors =
						levelDrivers && !(levelAbove && bottomKeys.has(nodes[i].key))
							? levelRegressorsOf(src, nodes[i], ys[i], h, own)
							: own;
					return regressors ? { regressors } : undefined;
				},
				onEach: step,
			},
		);
		engineMs += performance.now() - t0;
		callMs.push(performance.now() - t0);
		pooledLog.push(
			pooled
				? `pooled chosen by ${pooled.chosen} of ${nodes.length} nodes, gate ratio ${pooled.ratio.toFixed(3)} → ${pooled.kept ? 'kept' : 'dropped'}`
				: 'no pooled model',
		);
		return results.map((r) => ({ point: r.point, intervals: r.intervals, model: r.model }));
	};
	const res = await forecastHierarchy(capped.cells, c.h, plain ? single : { nodes: batch }, {
		...(c.minTrain ? { minTrain: c.minTrain } : {}),
		...(originsArg ? { origins: Number(originsArg) } : {}),
	});
	const { hier, nodes } = hierarchyOf(capped.cells);
	const tree = treeOf(hier, nodes);
	// every node's held-out actuals: the node's sum of the full bottom series
	const first = hier.nodes.length - hier.m;
	const actual = sumUp(hier, full).map((y) => y.slice(n));
	const train = res.history;
	const levelOf = res.nodes.map((x) => x.level);
	const base = res.base.map((b) => b.point);
	const chosen = res.method;
	md.push(
		`## ${c.title}${back ? ` — VALIDATION V${back} (the last ${back} × ${c.h} weeks left out first)` : ''}`,
		'',
	);
	const kept = withProducts
		? ` Product level: ${capped.kept.length} products kept apart, ${capped.pooled} pooled into ${capped.cells.length - capped.kept.length} "other products of <category>" series (capProducts: at most ${c.cap?.maxProducts ?? 40} products, sold in ≥ ${Math.min(Math.max(8, 2 * c.h), Math.ceil(n / 2))} of ${n} weeks).`
		: '';
	md.push(
		`${hier.nodes.length} nodes, ${hier.m} at the bottom (${first} sums above them; ${res.nodes.length - new Set(res.nodes.map((_, i) => rowSig(hier, i))).size} node(s) the same series as another node, forecast once).${kept} ${levelDrivers ? `Level drivers: calendar ${c.country}${c.promoOn ? ' + promotion share (markdowns)' : ''} at ${levelAbove ? 'the nodes above the bottom' : 'every node'}. ` : ''}Node forecasts: ${plain ? 'each node alone (--plain: horizon, season, regressors)' : `the app's node batch (${pooledLog.join('; ')})`}. Engine: ${(engineMs / 1000).toFixed(1)} s for both origins.`,
		'',
	);
	const ch = res.choice;
	if (ch)
		md.push(
			`**Choice** (backtest at ${ch.origins.length} origin(s): the last ${c.h} weeks of the history${ch.origins.length > 1 ? ', and the ones before them,' : ''} forecast from the ${ch.origins.map((o) => o.origin).join(' / ')} weeks before them; MASE averaged over ${ch.scored} nodes${ch.origins.length > 1 ? ', geometric mean over the origins' : ''}): base ${ch.base.toFixed(3)}, ${Object.entries(
				ch.scores,
			)
				.map(([m, v]) => `${m} ${v.toFixed(3)}`)
				.join(', ')} → **${chosen}**.${
				ch.origins.length > 1
					? ` Per origin: ${ch.origins
							.map(
								(o) =>
									`from ${o.origin}: ${Object.entries(o.scores)
										.map(([m, v]) => `${m} ${v.toFixed(3)}`)
										.join(', ')}`,
							)
							.join('; ')}.`
					: ''
			}`,
			'',
		);
	else md.push(`**Choice**: none (the history is too short for the backtest) → **${chosen}**.`, '');
	md.push(
		`Reported origin (the last ${c.h} weeks, scored once):`,
		'',
		`| method | ${c.levels.map(([, name]) => `${name} MASE / WAPE`).join(' | ')} | all nodes MASE |`,
		`|---|${c.levels.map(() => '---').join('|')}|---|`,
	);
	const rows: [string, Float64Array[], boolean][] = [['base (incoherent)', base, false]];
	for (const m of candidateMethods(tree)) {
		const r = reconciled(hier, base, m, train, tree);
		if (r.used !== m) continue;
		rows.push([
			m === 'mint-shrink' ? `mint-shrink (λ = ${r.lambda?.toFixed(3) ?? 'n/a'})` : m,
			r.point,
			chosen === m,
		]);
	}
	const all = new Map<string, number>();
	for (const [name, f, isChosen] of rows) {
		const s = score(c, levelOf, train, actual, f);
		all.set(name.split(' ')[0], s.all);
		md.push(
			`| ${isChosen ? `**${name}** (chosen)` : name} | ${s.levels.map((l) => `${l.mase.toFixed(3)} / ${l.wape.toFixed(3)}`).join(' | ')} | ${s.all.toFixed(3)} |`,
		);
	}
	md.push('');
	// the choice the app made before hiernode: bottom-up or MinT-shrink only
	const two =
		ch && ch.scores['mint-shrink'] !== undefined && ch.mintShrink < ch.bottomUp
			? 'mint-shrink'
			: 'bottom-up';
	// the choice over the first K origins (K = 1: main's one-origin choice), from the same forecasts,
	// and the engine time of K origins + the final forecasts ÷ that of one origin + the final
	const perK = (ch?.origins ?? []).map((_, k) => {
		const scores = combineOrigins(ch!.origins.slice(0, k + 1), candidateMethods(tree));
		const m = bestMethod(
			scores,
			candidateMethods(tree).filter((x) => AUTO_METHODS.includes(x)),
		);
		const final = callMs[callMs.length - 1];
		const ms = callMs.slice(0, k + 1).reduce((a, b) => a + b, 0) + final;
		const ms1 = callMs[0] + final;
		return `K=${k + 1} ${m} ${all.get(m)?.toFixed(4)} time×${(ms / ms1).toFixed(2)}`;
	});
	// hier2b: the margin rules, read from the same backtest scores (all origins the run used); main =
	// the lowest score of all six
	const allowed = candidateMethods(tree).filter((x) => AUTO_METHODS.includes(x));
	const rules: [string, MarginRule][] = [
		['main', { kind: 'lowest' }],
		['M-A', { kind: 'anchors' }],
		['M-B', { kind: 'fixed', margin: 0.05 }],
		['M-C', { kind: 'origin-noise' }],
	];
	const margins = rules.map(([name, rule]) => {
		if (!ch) return `${name} bottom-up ${all.get('bottom-up')?.toFixed(4)}`;
		const r = chooseMethod(ch.origins, allowed, rule);
		const why = r.kept
			? ` (kept over ${r.kept.method}: gap ${(100 * r.kept.gap).toFixed(2)} % ≤ margin ${Number.isFinite(r.kept.margin) ? (100 * r.kept.margin).toFixed(2) + ' %' : r.kept.margin})`
			: '';
		return `${name} ${r.method} ${all.get(r.method)?.toFixed(4)}${why}`;
	});
	md.push(
		`LEVEL-LINE ${c.key} V${back} ${levelAbove ? 'T2' : levelDrivers ? 'T' : 'B'}: ${chosen} · ${(() => {
			const sc = score(c, levelOf, train, actual, res.point);
			return `${c.levels.map(([, name], k) => `${name} ${sc.levels[k].mase.toFixed(4)}`).join(' · ')} · all ${sc.all.toFixed(4)}`;
		})()}`,
		'',
	);
	md.push(`MARGIN-LINE ${c.key} V${back}: ${margins.join(' · ')}`, '');
	// stop 30: the chosen method's reconciled intervals, moved by a shift (the app) or scaled
	// hiercal: the same, calibrated on the backtest's errors of the chosen method (C1 conformal, C2 conformal-width)
	// hiercal2: C4, each side widened by the gap between the reconciled and the own point (no backtest)
	const shifted = res.base.map((b, i) =>
		moveIntervals(b.point, b.intervals, res.point[i], 'shift'),
	);
	const origins = res.backtests.flatMap((o) => {
		const point = o.byMethod[chosen];
		return point ? [{ origin: o.origin, base: o.base, point }] : [];
	});
	// what the backtest saw: coverage of the shifted intervals at the backtest origins (nodes of the tables' levels)
	const seen = [0, 0];
	let seenPts = 0;
	for (const o of origins)
		res.nodes.forEach((node, i) => {
			if (!c.levels.some(([level]) => level === node.level)) return;
			const ivs = moveIntervals(o.base[i].point, o.base[i].intervals, o.point[i], 'shift');
			for (let t = 0; t < c.h; t++) {
				const y = train[i][o.origin + t];
				seenPts++;
				ivs.slice(0, 2).forEach((iv, k) => {
					if (y >= iv.lower[t] && y <= iv.upper[t]) seen[k]++;
				});
			}
		});
	const cal = (mode: IntervalCalibration) =>
		calibrateIntervals(res.nodes, train, n, origins, res.base, res.point, shifted, mode);
	md.push(
		intervalLine(c, levelOf, train, actual, res.base, res.point, {
			C1: cal('conformal'),
			C2: cal('conformal-width'),
			C3: cal('conformal-shift'),
			C4: cal('disagreement'),
		}) +
			(seenPts
				? ` · shift at the ${origins.length} backtest origin(s): cov80 ${((100 * seen[0]) / seenPts).toFixed(1)} % cov95 ${((100 * seen[1]) / seenPts).toFixed(1)} %`
				: ' · no backtest origin'),
		'',
	);
	md.push(
		`RULE-LINE ${c.key} V${back} ${plain ? 'plain' : 'batch'}: chosen ${chosen} ${all.get(chosen)?.toFixed(4)} · two-method choice ${two} ${all.get(two)?.toFixed(4)} · base ${all.get('base')?.toFixed(4)} · origins ${ch?.origins.map((o) => o.origin).join('/') ?? 'none'} · ${perK.length ? perK.join(' · ') : 'K=1 bottom-up (no backtest)'} · engine ms per forecast ${callMs.map((v) => v.toFixed(0)).join('/')}`,
		'',
	);
	process.stderr.write(md.slice(-14).join('\n') + '\n');
}

/** Per interval move: [coverage hits, node-weeks, sum of scaled interval scores, nodes] at 80 and 95 %. */
type IvMode = IntervalMove | Cal;
type Cal = 'C1' | 'C2' | 'C3' | 'C4';
const CALS: readonly Cal[] = ['C1', 'C2', 'C3', 'C4'];
const isCal = (m: IvMode): m is Cal => (CALS as readonly IvMode[]).includes(m);
type IvAcc = Record<
	IvMode,
	{ hits: number[]; pts: number[]; score: number[]; nodes: number[]; calibrated: number }
>;
const MOVES: IvMode[] = ['shift', 'scale', 'scale-down', ...CALS];
const ivAcc = (): IvAcc =>
	Object.fromEntries(
		MOVES.map((m) => [
			m,
			{ hits: [0, 0], pts: [0, 0], score: [0, 0], nodes: [0, 0], calibrated: 0 },
		]),
	) as IvAcc;
const ivPooled = ivAcc();

/** Winkler interval score of [lo, hi] at level 1 − α for the actual y. */
const winkler = (lo: number, hi: number, y: number, alpha: number): number =>
	hi - lo + (2 / alpha) * Math.max(0, lo - y) + (2 / alpha) * Math.max(0, y - hi);

/**
 * The reconciled 80 / 95 % intervals of every node of the tables' levels under each IntervalMove:
 * coverage over node-weeks and the mean scaled interval score (Winkler ÷ the node's in-sample mean
 * absolute one-step change); also added to the pooled line printed at the end.
 */
function intervalLine(
	c: Case,
	levelOf: HierarchyLevel[],
	train: Float64Array[],
	actual: Float64Array[],
	base: { point: Float64Array; intervals: Interval[] }[],
	rec: Float64Array[],
	calibrated: Record<Cal, { intervals: Interval[][]; calibrated: boolean[] }>,
): string {
	const acc = ivAcc();
	let moved = 0;
	// hiercal2: coverage per node level (80 / 95 %) of the shift and C4
	const byLevel = new Map<HierarchyLevel, Record<'shift' | 'C4', number[]> & { pts: number }>();
	levelOf.forEach((l, i) => {
		if (!c.levels.some(([level]) => level === l)) return;
		let d = 0;
		for (let t = 1; t < train[i].length; t++) d += Math.abs(train[i][t] - train[i][t - 1]);
		const scale = d / Math.max(1, train[i].length - 1);
		if (!(scale > 0)) return;
		if (rec[i].some((v, t) => Math.abs(v - base[i].point[t]) > 0.2 * Math.abs(base[i].point[t])))
			moved++;
		for (const mode of MOVES) {
			const ivs = isCal(mode)
				? calibrated[mode].intervals[i]
				: moveIntervals(base[i].point, base[i].intervals, rec[i], mode);
			if (isCal(mode) && calibrated[mode].calibrated[i]) acc[mode].calibrated++;
			let lv = byLevel.get(l);
			if (!lv) byLevel.set(l, (lv = { shift: [0, 0], C4: [0, 0], pts: 0 }));
			if (mode === 'shift') lv.pts += c.h;
			[80, 95].forEach((level, k) => {
				const iv = ivs.find((x) => Math.round(x.level * (x.level <= 1 ? 100 : 1)) === level);
				if (!iv) return;
				let sc = 0;
				for (let t = 0; t < c.h; t++) {
					const y = actual[i][t];
					const hit = y >= iv.lower[t] && y <= iv.upper[t];
					if (hit && (mode === 'shift' || mode === 'C4')) lv[mode][k]++;
					if (hit) acc[mode].hits[k]++;
					acc[mode].pts[k]++;
					sc += winkler(iv.lower[t], iv.upper[t], y, 1 - level / 100);
				}
				acc[mode].score[k] += sc / c.h / scale;
				acc[mode].nodes[k]++;
			});
		}
	});
	for (const mode of MOVES)
		for (const k of [0, 1]) {
			ivPooled[mode].hits[k] += acc[mode].hits[k];
			ivPooled[mode].pts[k] += acc[mode].pts[k];
			ivPooled[mode].score[k] += acc[mode].score[k];
			ivPooled[mode].nodes[k] += acc[mode].nodes[k];
		}
	for (const mode of MOVES) ivPooled[mode].calibrated += acc[mode].calibrated;
	const levels = [...byLevel]
		.map(([l, v]) => {
			const pc = (x: number) => ((100 * x) / v.pts).toFixed(1);
			return `${l} (${v.pts / c.h}) shift ${pc(v.shift[0])} / ${pc(v.shift[1])} % C4 ${pc(v.C4[0])} / ${pc(v.C4[1])} %`;
		})
		.join('; ');
	return `INTERVAL-LINE ${c.key} V${back} (${acc.shift.nodes[0]} nodes, ${moved} moved > 20 %): ${ivText(acc)} · coverage 80 / 95 by level: ${levels}`;
}

function ivText(acc: IvAcc): string {
	return MOVES.map((m) => {
		const a = acc[m];
		const cov = (k: number) => ((100 * a.hits[k]) / a.pts[k]).toFixed(1);
		const sc = (k: number) => (a.score[k] / a.nodes[k]).toFixed(3);
		const cal = isCal(m) ? ` (${a.calibrated} of ${a.nodes[0]} calibrated)` : '';
		return `${m} cov80 ${cov(0)} % cov95 ${cov(1)} % score80 ${sc(0)} score95 ${sc(1)}${cal}`;
	}).join(' · ');
}

function rowSig(hier: Hierarchy, i: number): string {
	const out: number[] = [];
	for (let j = 0; j < hier.m; j++) if (hier.S[i * hier.m + j]) out.push(j);
	return out.join(',');
}

function sumUp(hier: Hierarchy, bottom: Float64Array[]): Float64Array[] {
	const len = bottom[0].length;
	return hier.nodes.map((_, i) => {
		const y = new Float64Array(len);
		for (let j = 0; j < hier.m; j++)
			if (hier.S[i * hier.m + j]) for (let t = 0; t < len; t++) y[t] += bottom[j][t];
		return y;
	});
}

/** Seconds of MinT-shrink (covariance, shrinkage, solve) as the product cap grows, online retail. */
function scalingTable(c: Case, md: string[]): void {
	const n = c.cells[0].y.length - c.h;
	const trainCells = c.cells.map((x) => ({ ...x, y: x.y.slice(0, n) }));
	md.push(
		'## Cost of MinT-shrink as the product cap grows (online retail)',
		'',
		`Reconciliation alone (base forecasts = last value; the engine is not run), one origin (${n} weeks, so T = ${n - 1} one-step errors), single-threaded on the shared 2-core machine. The shrunk covariance costs O(n²T); the solve is done in the projection form ỹ = ŷ − WCᵀ(CWCᵀ)⁻¹Cŷ with the k = n − m sums as constraints (O(n·nnz(S) + k²n + k³)), instead of the direct S(SᵀW⁻¹S)⁻¹SᵀW⁻¹ŷ (O(n³ + m·n²)); both give the same numbers (largest difference in the table). Bottom-up is O(m·h).`,
		'',
		'| products kept | nodes n | bottom m | bottom-up ms | covariance + shrinkage s | MinT solve, projection s | MinT solve, direct s | largest difference |',
		'|---|---|---|---|---|---|---|---|',
	);
	for (const k of [40, 200, 500, 1000, 2000, Infinity]) {
		const capped = capProducts(trainCells, { maxProducts: k, maxBottoms: k, minActive: 1 });
		const { hier } = hierarchyOf(capped.cells);
		const hist = sumUp(
			hier,
			capped.cells.map((x) => x.y),
		);
		const base = hist.map((y) => new Float64Array(c.h).fill(y[y.length - 1]));
		const t0 = performance.now();
		reconcile(hier, base, 'bottom-up');
		const tBu = performance.now() - t0;
		const t1 = performance.now();
		const res = naiveResiduals(hist);
		const { W } = shrinkCovariance(res.R, res.T, hier.nodes.length);
		const tCov = (performance.now() - t1) / 1000;
		const t2 = performance.now();
		const proj = minT(hier, base, W);
		const tProj = (performance.now() - t2) / 1000;
		let direct = '–';
		let diff = '–';
		if (hier.nodes.length <= 600) {
			const t3 = performance.now();
			const d = minTDirect(hier, base, W);
			direct = ((performance.now() - t3) / 1000).toFixed(2);
			let worst = 0;
			let scale = 0;
			if (d && proj)
				d.forEach((f, i) =>
					f.forEach((v, t) => {
						worst = Math.max(worst, Math.abs(v - proj[i][t]));
						scale = Math.max(scale, Math.abs(v));
					}),
				);
			diff = `${worst.toExponential(1)} (of ${scale.toFixed(0)})`;
		}
		md.push(
			`| ${capped.kept.length} | ${hier.nodes.length} | ${hier.m} | ${tBu.toFixed(1)} | ${tCov.toFixed(2)} | ${proj ? tProj.toFixed(2) : 'not PD'} | ${direct} | ${diff} |`,
		);
		process.stderr.write(md[md.length - 1] + '\n');
	}
	md.push('');
}

async function main(): Promise<void> {
	const md: string[] = [
		'# Hierarchical forecasts (issue #11)',
		'',
		`Run: ${new Date().toISOString()} · main ${execSync('git rev-parse --short HEAD').toString().trim()} · \`tsx tests/bench/hierarchy.ts${args.length ? ' ' + args.join(' ') : ''}\``,
		'',
		"The app's procedure (`forecastHierarchy` in src/core/forecast/hierarchy-forecast.ts, the forecast worker's hierarchy job): every node forecast by the app's node batch (the product batch's engine options: borrowed and shrunk seasons, launch and spike curves, the gated pooled model); the product level capped (`capProducts`: the 40 biggest products that sold in enough periods, the rest pooled per category × store); bottom-up, MinT-shrink (covariance of the one-step naive errors of the last 104 periods, shrunk as hts::MinT(type = \"shr\")), WLS-structural, OLS, top-down (forecast proportions) or middle-out (from category × store) chosen by the all-node mean MASE of a backtest on the last h weeks of the history (the earlier origin); then every method is scored once on the held-out last h weeks (the reported origin). MASE (lag 1) averaged over a level's nodes; pooled WAPE over the level; all nodes = mean MASE over every node of the tables' levels. Reconciled bottom forecasts are kept ≥ 0 and summed up again.",
		'',
	];
	const cases: Case[] = [];
	if (only.includes('stockx')) cases.push(stockx());
	if (only.includes('retail')) cases.push(retail());
	if (only.includes('walmart')) cases.push(walmart());
	for (const c of cases) await run(c, md);
	const r = cases.find((c) => c.key === 'retail');
	// what the cap costs in accuracy: the same shop with 5 × as many products kept apart
	if (r && !args.includes('--no-cap-check'))
		await run(
			{
				...r,
				title: `${r.title} — with the cap raised to 200 products (600 bottom series)`,
				cap: { maxProducts: 200 },
			},
			md,
		);
	if (scaling && r) scalingTable(r, md);
	md.push(`INTERVAL-LINE pooled V${back}: ${ivText(ivPooled)}`, '');
	process.stderr.write(md[md.length - 2] + '\n');
	writeFileSync(out, md.join('\n'));
	process.stderr.write(`wrote ${out}\n`);
}

void main();
