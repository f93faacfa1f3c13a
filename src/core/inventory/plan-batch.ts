// One product of a weekly plan batch, from its sales to its plan: the steps the app's plan worker
// (workers/plan-api.ts) and the plan CLI (src/cli/plan.ts) both take, so the two give the same plan
// for the same file and settings. The series starts at the product's first sale, stock-out weeks are
// censored (censor.ts), the horizon covers lead time + review, the overstock window and a one-season
// item's season, and the forecast options are the plan engine's (plan-engine.ts: the Forecast
// screen's, one-off bulk orders set aside). Pure TypeScript.
import type { AutoForecastOptions, AutoForecastResult } from '../engine-types';
import type { StockHistoryRow, StockRow } from '../ingest/schemas/stock';
import { periodEdges, periodStart } from '../series/calendar';
import type { Frequency, SeriesBatch } from '../types';
import { censorStockouts, stockoutPeriods } from './censor';
import type { DemandDistribution } from './demand';
import {
	fromFirstSale,
	horizonFor,
	periodForecastFrom,
	planProduct,
	PLAN_CLEAN_OUTLIERS,
	type PlanSettings,
	type ProductPlan,
	type StockItem,
} from './plan';
import { planMethodOptions, type PlanEngine } from './plan-engine';
import { policyLevels } from './policy';

/** A plan's period: weeks. */
export const PLAN_PERIOD_DAYS = 7;
const PERIOD_MS = PLAN_PERIOD_DAYS * 86_400_000;

/** Defaults for products the stock data says nothing about. */
export interface StockDefaults {
	leadTimeMeanDays: number;
	leadTimeSdDays: number;
	moq: number;
	pack: number;
}

/** A product's stock and supply terms: its stock row where it has one, else the defaults. */
export function stockItemOf(
	id: string,
	row: StockRow | undefined,
	d: StockDefaults,
	price: number,
): StockItem {
	return {
		productId: id,
		onHand: Math.max(0, row?.onHand ?? 0),
		onOrder: row?.onOrder ?? 0,
		...(row?.expectedDate !== undefined ? { expectedDate: row.expectedDate } : {}),
		leadTimeMeanDays: row?.leadTimeMeanDays ?? d.leadTimeMeanDays,
		leadTimeSdDays: row?.leadTimeSdDays ?? d.leadTimeSdDays,
		moq: row?.moq ?? d.moq,
		pack: row?.pack ?? d.pack,
		...(row?.unitCost !== undefined ? { unitCost: row.unitCost } : {}),
		...(row?.salvage !== undefined ? { salvage: row.salvage } : {}),
		...(row?.seasonEnd !== undefined ? { seasonEnd: row.seasonEnd } : {}),
		price: row?.price ?? price,
		...(row?.supplier ? { supplier: row.supplier } : {}),
	};
}

/** A stock history's counts per product. */
export function historyByProduct(
	history: readonly StockHistoryRow[],
): Map<string, StockHistoryRow[]> {
	const by = new Map<string, StockHistoryRow[]>();
	for (const h of history) {
		const l = by.get(h.productId) ?? [];
		l.push(h);
		by.set(h.productId, l);
	}
	return by;
}

/** The settings with `asOf` the first day after the batch's last week (one-season items need it). */
export function planSettingsAt(batch: SeriesBatch, settings: PlanSettings): PlanSettings {
	let lastDs = -Infinity;
	for (let k = 0; k < batch.ds.length; k++) lastDs = Math.max(lastDs, batch.ds[k]);
	return { ...settings, ...(Number.isFinite(lastDs) ? { asOf: lastDs + PERIOD_MS } : {}) };
}

/**
 * A raw batch of the data worker (before prepareBatch) as if its data ended on day `lastDate` (UTC
 * ms): periods after the one holding it are cut from every series (and the dataset's category/shop
 * totals and launches), and the edges say whether that period is complete, with the data's spacing
 * `stepMs` (periodEdges), so prepareBatch leaves out a partly covered last period as it does for a
 * file that ends there (in the batch's own weeks: edges.weekStart). A batch whose data ends on or
 * before `lastDate` is returned as it is.
 */
export function batchUntil(
	raw: SeriesBatch,
	lastDate: number,
	stepMs: number,
	freq: Frequency,
): SeriesBatch {
	const edges = raw.edges;
	if (!edges || lastDate >= edges.dateMax || raw.ids.length === 0) return raw;
	const end = periodStart(lastDate, freq, edges.weekStart);
	const cut = (b: SeriesBatch): SeriesBatch => {
		const k = b.ids.length;
		const n = k > 0 ? b.indptr[1] - b.indptr[0] : 0;
		let m = 0;
		while (m < n && b.ds[b.indptr[0] + m] <= end) m++;
		const take = (a: Float64Array): Float64Array => {
			const out = new Float64Array(m * k);
			for (let i = 0; i < k; i++) out.set(a.subarray(b.indptr[i], b.indptr[i] + m), i * m);
			return out;
		};
		return {
			...b,
			indptr: Int32Array.from({ length: k + 1 }, (_, i) => i * m),
			ds: take(b.ds),
			y: take(b.y),
			edges: periodEdges(
				edges.dateMin,
				Math.max(edges.dateMin, lastDate),
				stepMs,
				freq,
				edges.weekStart,
			),
			...(b.regressors
				? { regressors: { names: b.regressors.names, values: b.regressors.values.map(take) } }
				: {}),
		};
	};
	return {
		...cut(raw),
		...(raw.groups ? { groups: cut(raw.groups) } : {}),
		...(raw.launches ? { launches: cut(raw.launches) } : {}),
	};
}

/** What is forecast for product i of a plan batch, and with which options. */
export interface PlanJob {
	/** Index in the batch's y where the forecast series starts (the product's first sale). */
	first: number;
	/** Weekly units from the first sale, stock-out weeks NaN. */
	y: Float64Array;
	/** Weeks left out as stock-outs (0 when all were: then the sales are kept as they are). */
	censored: number;
	/** Censored weeks at the end: the forecast starts after the last known week, so it covers them too. */
	trailing: number;
	horizon: number;
	/** The method's options alone. */
	base: AutoForecastOptions;
	/** `base` with, where on, the Forecast screen's options of the product (plan-engine.ts). */
	options: AutoForecastOptions;
}

/** The series, horizon and engine options of product i of a plan batch. */
export function planJob(
	batch: SeriesBatch,
	i: number,
	engine: PlanEngine,
	item: StockItem,
	settings: PlanSettings,
	models: 'quick' | 'auto',
	history?: readonly StockHistoryRow[],
): PlanJob {
	const from = batch.indptr[i];
	const to = batch.indptr[i + 1];
	// weeks before the product's first sale are not demand
	const first = from + (to - from - fromFirstSale(batch.y.subarray(from, to)).length);
	let y: Float64Array = batch.y.slice(first, to);
	let censored = 0;
	let trailing = 0;
	if (history) {
		const out = stockoutPeriods(batch.ds.subarray(first, to), PERIOD_MS, [...history]);
		const c = censorStockouts(y, out);
		if (c.censored < y.length) {
			y = c.y;
			censored = c.censored;
		}
		while (trailing < y.length && Number.isNaN(y[y.length - 1 - trailing])) trailing++;
	}
	const lead = { meanDays: item.leadTimeMeanDays, sdDays: item.leadTimeSdDays };
	// a one-season item needs the forecast to its season's end (at most two years)
	const seasonPeriods =
		item.seasonEnd !== undefined && settings.asOf !== undefined
			? Math.min(104, Math.ceil((item.seasonEnd - settings.asOf) / PERIOD_MS) + 1)
			: 0;
	const horizon =
		Math.max(
			horizonFor(lead, settings.reviewDays, PLAN_PERIOD_DAYS),
			Math.ceil(settings.overstockDays / PLAN_PERIOD_DAYS),
			seasonPeriods,
		) + trailing;
	const base: AutoForecastOptions = {
		horizon,
		season: 52,
		levels: [0.8],
		// one-off bulk orders are not stocked for (PLAN_CLEAN_OUTLIERS)
		cleanOutliers: PLAN_CLEAN_OUTLIERS,
		...planMethodOptions(models),
	};
	// aligned with the sales from the first sale on
	return {
		first,
		y,
		censored,
		trailing,
		horizon,
		base,
		options: engine.optionsFor(i, base, first - from),
	};
}

/**
 * The product's plan from the forecast of its series `y` (the forecast's first `trailing` weeks are
 * censored weeks already past), and its demand over lead time + review (for a budget's weighing).
 */
export function planFromForecast(
	r: AutoForecastResult,
	y: Float64Array,
	trailing: number,
	item: StockItem,
	settings: PlanSettings,
): { plan: ProductPlan; protection: DemandDistribution } {
	const f = periodForecastFrom(r, PLAN_PERIOD_DAYS, y);
	if (trailing > 0) {
		f.mean = f.mean.slice(trailing);
		f.sd = f.sd.slice(trailing);
	}
	const plan = planProduct(f, item, settings, y);
	const lead = { meanDays: item.leadTimeMeanDays, sdDays: item.leadTimeSdDays };
	return {
		plan,
		protection: policyLevels(f, lead, settings.reviewDays, settings.service).protection,
	};
}
