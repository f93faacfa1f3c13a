/// <reference types="node" />
// Inventory plan benchmark (issue #12): replays reorder policies on weeks the plan did not see.
// UCI Online Retail (the shared part, imported with the app's importer, so cancelled orders are not
// demand), the products of weekly_top200_products.csv, weekly Monday-start weeks, the last 12 full weeks
// held out. Every held-out week each policy plans from the sales before it; when on hand + on order ≤
// its reorder point it orders up to its order-up-to level; orders arrive after the lead time (14 days =
// 2 weeks); sales that find no stock are lost (src/core/inventory/replay.ts). Policies:
//   plan      — Trendcast: engine forecast → demand over L + R → fill-rate target (src/core/inventory)
//   30-day    — Stocky's rule: reorder point = L × average daily sales of the last 30 days, order up to
//               (L + R) × that rate
//   30-day×k  — the same scaled by k, k found in hindsight so that it reaches the target fill rate
//   normal    — mean × (L + R) + 1.645 σ √((L+R)/7) with mean and σ of the last 13 weeks (a fixed safety
//               factor, the usual spreadsheet rule)
// Each product starts with its policy's own order-up-to level on hand and nothing on order.
//   npx tsx tests/bench/plan.ts [--models auto|quick] [--service cycle|fill] [--level 0.95]
//                               [--keep-one-offs] [--engine plain|batch] [--write]
//                               [--replay-back K] [--sigma c80,ctarget,ctargetx1.25]
//   --data walmart [--walmart-from YYYY-MM-DD]: Walmart's 45 stores instead (loadWalmart).
//   --spike / --no-spike: --engine batch with / without the batch's spike curve (default
//   PLAN_SPIKE_CURVE, off: the plan as shipped).
//   --dump FILE: the plan's per-product replay (first σ) as JSON, to see which products lose fill.
//   --replay-back K: replay the 12 weeks that end 12·K weeks before the last (K = 1: the 12 weeks
//   before the reported ones, a validation replay; each week still planned from the sales before it).
//   --sigma: the plan's rows for several calibrations of σ on the same forecasts: c80 = σ from the
//   80 % interval, ctarget = from the interval nearest the service target (periodForecastFrom's
//   level), xK = σ × K. Default c80 (the plan as shipped).
//   --engine batch: each week's forecasts with the plan worker's engine options (the Forecast screen's:
//   core batchEngine over the 200 products' sales before that week, their categories; plan-engine.ts);
//   plain: forecastAuto with the method alone, as the plan before it. Default: the plan as shipped
//   (batch while PLAN_USES_FORECAST_OPTIONS is on).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecastAuto } from '../../src/core/engine';
import {
	fromFirstSale,
	periodForecastFrom,
	horizonFor,
	PLAN_STOPPED_WEEKS,
	weeksWithoutSale,
} from '../../src/core/inventory/plan';
import type { AutoForecastResult } from '../../src/core/engine-types';
import { policyLevels, type ServiceTarget } from '../../src/core/inventory/policy';
import {
	replayPolicy,
	type ReplayResult,
	type ReviewLevels,
} from '../../src/core/inventory/replay';
import { QUICK_MODELS } from '../../src/core/inventory/plan';
import { nodeDataService } from '../../src/cli/node-data';
import {
	PLAN_SPIKE_CURVE,
	PLAN_USES_FORECAST_OPTIONS,
	planEngine,
	planMethodOptions,
} from '../../src/core/inventory/plan-engine';
import type { PlanEngine } from '../../src/core/inventory/plan-engine';
import type { SeriesBatch } from '../../src/core/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, '../shared/data/online_retail');
const LEAD_DAYS = 14;
const REVIEW_DAYS = 7;
const HOLDOUT = 12;

const argv = process.argv.slice(2);
const opt = (k: string, d: string) => {
	const i = argv.indexOf(`--${k}`);
	return i >= 0 ? argv[i + 1] : d;
};
const models = opt('models', 'auto');
const clean = !argv.includes('--keep-one-offs');
const engineMode = opt('engine', PLAN_USES_FORECAST_OPTIONS ? 'batch' : 'plain');
const replayBack = Number(opt('replay-back', '0'));
if (!(Number.isInteger(replayBack) && replayBack >= 0)) throw new Error('--replay-back K, K ≥ 0');
const service: ServiceTarget = {
	kind: opt('service', 'fill') as 'fill' | 'cycle',
	level: Number(opt('level', '0.95')),
};
/** A calibration of σ: the interval level it is read at and a factor. */
interface Sigma {
	name: string;
	level: number;
	factor: number;
}
const sigmas: Sigma[] = opt('sigma', 'c80')
	.split(',')
	.map((name) => {
		const [base, k] = name.split('x');
		const level = base === 'c80' ? 0.8 : base === 'ctarget' ? service.level : NaN;
		if (!Number.isFinite(level)) throw new Error(`--sigma: unknown calibration ${name}`);
		return { name, level, factor: k ? Number(k) : 1 };
	});

/**
 * --data walmart: Walmart's 45 stores' weekly sales (the shared part, in dollars, replayed as units),
 * cut to the 40 weeks before the first replay week `--walmart-from` (a Saturday; default 2011-09-03,
 * Sep–Nov 2011) and the 12 replay weeks: a shop with under a year of history going into its Q4. No
 * category; all weeks lie before Walmart's held-out window (its last 13 weeks, from 2012-04-28).
 */
function loadWalmart(from: string) {
	const WEEK = 7 * 86_400_000;
	const origin = Date.parse(from + 'T00:00:00Z');
	const weeks = Float64Array.from({ length: 40 + HOLDOUT }, (_, t) => origin + (t - 40) * WEEK);
	if (weeks[weeks.length - 1] >= Date.parse('2012-04-28T00:00:00Z'))
		throw new Error('--walmart-from: the replay must end before the held-out weeks');
	const lines = readFileSync(
		join(ROOT, '../shared/data/promotions/walmart_store_weeks_train.csv'),
		'utf8',
	)
		.trim()
		.split('\n');
	const header = lines[0].split(',');
	const col = (c: string): number => header.indexOf(c);
	const by = new Map<string, Map<number, number>>();
	for (const line of lines.slice(1)) {
		const f = line.split(',');
		const id = `store:${f[col('Store')]}`;
		if (!by.has(id)) by.set(id, new Map());
		// a Walmart week is dated by its last day (a Friday): it starts on the Saturday before
		by.get(id)!.set(
			Date.parse(f[col('Date')] + 'T00:00:00Z') - 6 * 86_400_000,
			Number(f[col('Weekly_Sales')]),
		);
	}
	const series = [...by].map(([id, m]) => ({
		id,
		y: Float64Array.from(weeks, (t) => {
			const v = m.get(t);
			if (v === undefined) throw new Error(`${id}: week ${new Date(t).toISOString()} missing`);
			return v;
		}),
	}));
	return { series, ds: weeks, categories: undefined };
}

async function loadWeekly() {
	const service = await nodeDataService();
	const name = 'transactions_2010-12-01_to_2011-09-11.csv.gz';
	const b = readFileSync(join(DATA, name));
	const t0 = Date.now();
	const preview = await service.previewFile({
		name,
		bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
	});
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName: name,
	});
	const ids = readFileSync(join(DATA, 'weekly_top200_products.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(',')[0].replace(/^"|"$/g, ''));
	const batch = await service.querySeries(meta.id, {
		productIds: ids,
		freq: 'week',
		measure: 'units',
		withCategory: engineMode === 'batch',
	});
	console.error(`imported in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	// weeks: drop the partial first week (trading began Wed 2010-12-01) and the partial last one
	// (2011-09-05 … 09-11 is complete: the shared part ends on Sunday 2011-09-11)
	const series = ids.map((id, i) => {
		const y = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
		return { id, y: Float64Array.from(y.subarray(1)) };
	});
	const ds = batch.ds.subarray(1, batch.indptr[1]);
	return { series, ds, categories: batch.categories };
}

function rate30(hist: Float64Array): number {
	// the last 30 days from whole weeks: 4 weeks and 2/7 of the fifth
	const n = hist.length;
	let s = 0;
	for (let k = 1; k <= 4 && n - k >= 0; k++) s += hist[n - k];
	if (n - 5 >= 0) s += (2 / 7) * hist[n - 5];
	return s / 30;
}

function summarize(name: string, rs: ReplayResult[], extra = '') {
	const demand = rs.reduce((a, r) => a + r.demand, 0);
	const sold = rs.reduce((a, r) => a + r.sold, 0);
	const onHand = rs.reduce((a, r) => a + r.meanOnHand, 0) / rs.length;
	const so = rs.reduce((a, r) => a + r.stockoutPeriods, 0);
	const meanFill = rs.reduce((a, r) => a + r.fillRate, 0) / rs.length;
	return { name, fill: sold / demand, meanFill, onHand, stockouts: so, extra };
}

async function main() {
	const { series, ds, categories } =
		opt('data', 'retail') === 'walmart'
			? loadWalmart(opt('walmart-from', '2011-09-03'))
			: await loadWeekly();
	// the replay's end: the last week, or 12·K weeks before it (later weeks are not read at all)
	const n = series[0].y.length - replayBack * HOLDOUT;
	const start = n - HOLDOUT;
	console.error(
		`${series.length} products, ${n} weeks, held out from ${new Date(ds[start]).toISOString().slice(0, 10)}`,
	);
	const leadPeriods = Math.round(LEAD_DAYS / 7);
	const t0 = Date.now();
	// the plan's levels per product and held-out week (forecasts are the slow part: compute once)
	const planLevels = new Map<string, ReviewLevels[][]>();
	// the forecasts' models, counted (stderr: how many borrowed or shrunk a season, had a curve)
	const chosen = new Map<string, number>();
	const lrBias = { f: 0, a: 0 };
	// forecasts of a series ending on a spike, fitted at its usual level (the batch's spike curve)
	let spiked = 0;
	// --engine batch: the batch of every product's sales before week t (no later week: the dataset's
	// group totals and launches are not used, they would see the held-out weeks)
	const engines = new Map<number, PlanEngine>();
	const engineAt = (t: number): PlanEngine => {
		let e = engines.get(t);
		if (!e) {
			const b: SeriesBatch = {
				ids: series.map((s) => s.id),
				indptr: Int32Array.from(series.map((_, i) => i * t).concat(series.length * t)),
				ds: Float64Array.from(series.flatMap(() => Array.from(ds.subarray(0, t)))),
				y: Float64Array.from(series.flatMap((s) => Array.from(s.y.subarray(0, t)))),
				...(categories ? { categories: [...categories] } : {}),
			};
			e = planEngine(b, models === 'quick' ? 'quick' : 'auto', true, {
				spike: argv.includes('--spike')
					? true
					: argv.includes('--no-spike')
						? false
						: PLAN_SPIKE_CURVE,
			});
			engines.set(t, e);
		}
		return e;
	};
	series.forEach((s, i) => {
		const lv: ReviewLevels[][] = sigmas.map(() => []);
		for (let t = start; t < n; t++) {
			const hist = fromFirstSale(s.y.subarray(0, t));
			const h = horizonFor({ meanDays: LEAD_DAYS, sdDays: 0 }, REVIEW_DAYS, 7);
			const base = {
				horizon: h,
				season: 52,
				levels: [...new Set([0.8, ...sigmas.map((sg) => sg.level)])],
				cleanOutliers: clean,
				...(models === 'quick' ? { models: [...QUICK_MODELS] } : {}),
			};
			const r: AutoForecastResult = forecastAuto(
				hist,
				engineMode === 'batch'
					? engineAt(t).optionsFor(
							i,
							{ ...base, ...planMethodOptions(models === 'quick' ? 'quick' : 'auto') },
							t - hist.length,
						)
					: base,
			);
			chosen.set(r.model, (chosen.get(r.model) ?? 0) + 1);
			if (r.notes.some((x) => x.code === 'engine_note_end_spike')) spiked++;
			sigmas.forEach((sg, k) => {
				const f = periodForecastFrom(r, 7, hist, sg.level);
				const p = policyLevels(
					{ ...f, sd: f.sd.map((x) => x * sg.factor) },
					{ meanDays: LEAD_DAYS, sdDays: 0 },
					REVIEW_DAYS,
					service,
					// as planProduct: a product with no sale in its last PLAN_STOPPED_WEEKS weeks
					{ stopped: weeksWithoutSale(hist) >= PLAN_STOPPED_WEEKS },
				);
				lv[k].push({ reorderPoint: p.reorderPoint, orderUpTo: p.orderUpTo });
				const w = Math.round((LEAD_DAYS + REVIEW_DAYS) / 7);
				if (k === 0 && t + w <= n && s.y.subarray(0, start).some((v) => v > 0)) {
					lrBias.f += p.meanDemand;
					for (let j = t; j < t + w; j++) lrBias.a += s.y[j];
				}
			});
		}
		planLevels.set(s.id, lv);
		if ((i + 1) % 20 === 0)
			console.error(`plan: ${i + 1}/${series.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
	});
	const planSeconds = (Date.now() - t0) / 1000;
	// the forecasts' bias over the protection period (lead time + review, 3 weeks) where the replay
	// holds those weeks: Σ expected demand ÷ Σ actual − 1 (products sold before the replay)
	console.error(
		`forecast over L + R ÷ actual − 1 (products sold before the replay): ${(100 * (lrBias.f / lrBias.a - 1)).toFixed(1)} %`,
	);

	const run = (levels: (s: (typeof series)[number], t: number) => ReviewLevels) =>
		series.map((s) => {
			const demand = s.y.subarray(start, n);
			const first = levels(s, start);
			return replayPolicy(demand, leadPeriods, (k) => levels(s, start + k), first.orderUpTo);
		});

	const plans = sigmas.map((_, k) => run((s, t) => planLevels.get(s.id)![k][t - start]));
	const plan = plans[0];
	const rule = (k: number) =>
		run((s, t) => {
			const r = rate30(s.y.subarray(0, t));
			return { reorderPoint: k * LEAD_DAYS * r, orderUpTo: k * (LEAD_DAYS + REVIEW_DAYS) * r };
		});
	const normal = run((s, t) => {
		const last = s.y.subarray(Math.max(0, t - 13), t);
		const m = last.reduce((a, b) => a + b, 0) / last.length;
		const sd = Math.sqrt(last.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, last.length - 1));
		const w = (LEAD_DAYS + REVIEW_DAYS) / 7;
		const s0 = m * w + 1.645 * sd * Math.sqrt(w);
		return { reorderPoint: s0, orderUpTo: s0 + (m * REVIEW_DAYS) / 7 };
	});
	const fillOf = (rs: ReplayResult[]) =>
		rs.reduce((a, r) => a + r.sold, 0) / rs.reduce((a, r) => a + r.demand, 0);
	// scale the 30-day rule until it reaches the target in hindsight (bisection on k)
	let lo = 1;
	let hi = 2;
	while (fillOf(rule(hi)) < service.level && hi < 100) hi *= 2;
	for (let i = 0; i < 30; i++) {
		const mid = 0.5 * (lo + hi);
		if (fillOf(rule(mid)) < service.level) lo = mid;
		else hi = mid;
	}
	const k = hi;
	const rows = [
		...plans.map((pl, k) =>
			summarize(
				'Trendcast plan',
				pl,
				`${models} forecasts, ${service.kind} ${service.level}${clean ? '' : ', one-offs kept'}${engineMode === 'batch' ? ", the Forecast screen's options" : ''}${sigmas.length > 1 || sigmas[0].name !== 'c80' ? `, σ ${sigmas[k].name}` : ''}`,
			),
		),
		summarize('30-day rule (Stocky)', rule(1)),
		summarize(`30-day rule × ${k.toFixed(2)} (hindsight)`, rule(k)),
		summarize('mean + 1.645 σ (13 weeks)', normal),
	];
	const base = rows[plans.length + 1].onHand;
	if (argv.includes('--debug')) {
		// where the plan's lost units come from: the products that lost most, with their largest week
		const lost = plan
			.map((r, i) => {
				const d = series[i].y.subarray(start, n);
				const past = series[i].y.subarray(0, start);
				return { id: series[i].id, r, max: Math.max(...d), pastMax: Math.max(...past) };
			})
			.sort((a, b) => b.r.lost - a.r.lost);
		const all = plan.reduce((a, r) => a + r.lost, 0);
		let cum = 0;
		for (const x of lost.slice(0, 10)) {
			cum += x.r.lost;
			console.error(
				`lost ${x.id}: ${x.r.lost.toFixed(0)} of ${x.r.demand.toFixed(0)} demanded (largest week ${x.max}, before the replay ${x.pastMax}); top so far ${((100 * cum) / all).toFixed(0)} % of all ${all.toFixed(0)} lost`,
			);
		}
		const hind = rule(k);
		const top = plan
			.map((r, i) => ({ id: series[i].id, plan: r, hind: hind[i] }))
			.sort(
				(a, b) => b.plan.meanOnHand - b.hind.meanOnHand - (a.plan.meanOnHand - a.hind.meanOnHand),
			)
			.slice(0, 12);
		for (const t of top)
			console.error(
				`${t.id}: plan on hand ${t.plan.meanOnHand.toFixed(0)} fill ${t.plan.fillRate.toFixed(2)} | hindsight ${t.hind.meanOnHand.toFixed(0)} fill ${t.hind.fillRate.toFixed(2)} | demand ${t.plan.demand}`,
			);
	}
	const table = [
		'| policy | fill rate (units) | mean product fill rate | mean units on hand per product | stock ÷ hindsight rule | weeks with a stock-out |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(r) =>
				`| ${r.name}${r.extra ? ` (${r.extra})` : ''} | ${(100 * r.fill).toFixed(1)} % | ${(100 * r.meanFill).toFixed(1)} % | ${r.onHand.toFixed(1)} | ${(r.onHand / base).toFixed(2)} | ${r.stockouts} |`,
		),
	].join('\n');
	console.log(table);
	console.error(`plan forecasts: ${planSeconds.toFixed(0)} s`);
	const count = (re: RegExp) => [...chosen].reduce((acc, [m, c]) => acc + (re.test(m) ? c : 0), 0);
	console.error(
		`replay ${new Date(ds[start]).toISOString().slice(0, 10)} … week of ${new Date(ds[n - 1]).toISOString().slice(0, 10)}; plan fill ${plans.map((_, k) => `${sigmas[k].name} ${(100 * rows[k].fill).toFixed(3)} % on hand ${rows[k].onHand.toFixed(1)}`).join(', ')};`,
	);
	// products launched inside the replay (no sale before it): no history-based policy can stock them
	const sold = series.map((s) => s.y.subarray(0, start).some((v) => v > 0));
	const fillSold = (rs: ReplayResult[]) =>
		rs.reduce((a, r, i) => a + (sold[i] ? r.sold : 0), 0) /
		rs.reduce((a, r, i) => a + (sold[i] ? r.demand : 0), 0);
	console.error(
		`products with a sale before the replay ${sold.filter(Boolean).length} of ${series.length}, their units fill rate: ${plans.map((pl, k) => `${sigmas[k].name} ${(100 * fillSold(pl)).toFixed(3)} %`).join(', ')}; hindsight rule ${(100 * fillSold(rule(k))).toFixed(3)} %; 30-day ${(100 * fillSold(rule(1))).toFixed(3)} %`,
	);
	// the judged figures of a replay whose window holds launches (PLAN.md "planrep"): units fill rate
	// and mean units on hand per product over the products sold before the replay; the launched
	// products on their own line
	const part = (rs: ReplayResult[], keep: boolean) => {
		const sel = rs.filter((_, i) => sold[i] === keep);
		const d = sel.reduce((a, r) => a + r.demand, 0);
		return {
			n: sel.length,
			fill: sel.length ? (100 * sel.reduce((a, r) => a + r.sold, 0)) / d : NaN,
			onHand: sel.length ? sel.reduce((a, r) => a + r.meanOnHand, 0) / sel.length : NaN,
			so: sel.reduce((a, r) => a + r.stockoutPeriods, 0),
			demand: d,
		};
	};
	plans.forEach((pl, k) => {
		for (const keep of [true, false]) {
			const x = part(pl, keep);
			console.error(
				`${keep ? 'judged: sold before the replay' : 'launched inside the replay'} (${x.n} products, ${x.demand.toFixed(0)} units demanded), ${sigmas[k].name}: units fill ${x.fill.toFixed(3)} %, mean on hand ${x.onHand.toFixed(1)}, stock-out weeks ${x.so}`,
			);
		}
	});
	const dump = opt('dump', '');
	if (dump)
		writeFileSync(
			dump,
			JSON.stringify(
				plan.map((r, i) => ({
					id: series[i].id,
					soldBefore: sold[i],
					demand: r.demand,
					sold: r.sold,
					lost: r.lost,
					meanOnHand: r.meanOnHand,
					stockouts: r.stockoutPeriods,
					levels: planLevels.get(series[i].id)![0],
					y: Array.from(series[i].y.subarray(0, n)),
				})),
			),
		);
	console.error(
		`plan fill ${(100 * rows[0].fill).toFixed(3)} %; forecasts with a borrowed season ${count(/~season/)}, a shrunk one ${count(/~shrunk/)}, the launch curve ${count(/launch/)}, the spike curve ${spiked} of ${[...chosen.values()].reduce((a, b) => a + b, 0)}`,
	);
	if (
		argv.includes('--write') &&
		replayBack === 0 &&
		plans.length === 1 &&
		opt('data', 'retail') === 'retail'
	) {
		const from = new Date(ds[start]).toISOString().slice(0, 10);
		const to = new Date(ds[n - 1]).toISOString().slice(0, 10);
		const md = `# Inventory plan benchmark (issue #12)

\`npx tsx tests/bench/plan.ts --models ${models} --service ${service.kind} --level ${service.level} --write\`

Data: UCI Online Retail, shared part (2010-12-01 … 2011-09-11), imported with the app's importer
(cancelled orders are not demand); the ${series.length} products of \`weekly_top200_products.csv\`; weekly
Monday-start weeks; held out: the last ${HOLDOUT} weeks (${from} … week of ${to}). Lead time ${LEAD_DAYS}
days (orders arrive 2 weeks later), weekly review, target ${service.kind === 'fill' ? 'fill rate' : 'cycle service level'}
${(service.level * 100).toFixed(0)} %. Every held-out week each policy plans from the sales before it,
orders when on hand + on order ≤ its reorder point up to its order-up-to level, and loses the sales that
find no stock. Every product starts with its policy's own order-up-to level on hand.

${table}

- Fill rate (units) = units sold ÷ units demanded over all products and weeks (the target's measure);
  mean product fill rate averages the products' own fill rates (slow movers weigh as much as fast ones).
- Stock ÷ hindsight rule: mean units on hand relative to the 30-day rule scaled, in hindsight, to reach
  the target — a rule a shop could only set after the fact.
- Plan forecasts took ${planSeconds.toFixed(0)} s for ${series.length * HOLDOUT} product-weeks on a shared 2-core machine.
`;
		writeFileSync(join(ROOT, 'tests/bench/results/PLAN.md'), md);
	}
}

main().catch((e) => {
	console.error(e);
	process.exitCode = 1;
});
