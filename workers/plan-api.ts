// The plan worker's API: forecasts each product's weekly demand with the engine and turns it into the
// inventory plan (src/core/inventory): policy levels, suggested orders with MOQ/pack, an optional
// budget, alerts, and what-if scenarios (price, discount over promotion weeks, service level). Forecasts
// are cached per product and history, so a change of service level, lead time or stock recomputes only
// the plan (milliseconds). The weekly sales come straight from the data worker over a MessageChannel
// (workers/data/series-port.ts), with the batch rules of core (partial weeks out, styles pooled): the UI
// sends only the dataset id and product ids. A newer request cancels the running one between products
// (latest wins; the client, src/lib/workers/plan-client.ts, cancels superseded jobs). Imported by
// plan.worker.ts and tests.
import type { AutoForecastResult } from '../src/core/engine-types';
import type { Progress } from '../src/core/ingest/types';
import type { StockHistoryRow, StockRow } from '../src/core/ingest/schemas/stock';
import type { SeriesBatch } from '../src/core/types';
import { forecastAuto } from '../src/core/engine';
import { codedError } from './data/coded-error';
import { allocateBudget } from '../src/core/inventory/budget';
import {
	horizonFor,
	periodForecastFrom,
	fromFirstSale,
	PLAN_CLEAN_OUTLIERS,
	PLAN_STOPPED_WEEKS,
	weeksWithoutSale,
	rankAlerts,
	type PlanSettings,
	type ProductPlan,
	type StockItem,
} from '../src/core/inventory/plan';
import {
	historyByProduct,
	planFromForecast,
	planJob,
	planSettingsAt,
	stockItemOf,
	type StockDefaults,
} from '../src/core/inventory/plan-batch';
import type { DemandDistribution } from '../src/core/inventory/demand';
import { orderQuantity, policyLevels, type ServiceTarget } from '../src/core/inventory/policy';
import { splitOrder } from '../src/core/inventory/split';
import { priceEffectWords } from '../src/core/inventory/price-effect';
import { poolStyles, type Style, type StyleMix } from '../src/core/inventory/variants';
import { msg, type Message } from '../src/core/messages';
import { laggedRegressor, type UsedSignal } from './data/fusion';
import { prepareBatch } from '../src/core/forecast/batch';
import { batchOptionsKey } from '../src/core/forecast/batch-engine';
import {
	planEngine,
	planMethodOptions as modelsOf,
	PLAN_USES_FORECAST_OPTIONS,
} from '../src/core/inventory/plan-engine';
import { linkApi, SeriesLink, untilAborted } from './data/series-port';

/**
 * A row's alert once the budget changed its order from `wanted` to `qty`: the sentence names the order
 * the table and the purchase order carry (it said "Order 487" of a row the budget cut to 90, on the
 * Plan screen and on Home), and the suggestion before the budget.
 */
export function budgetAlert(alert: Message | null, qty: number, wanted: number): Message | null {
	if (!alert || qty === wanted) return alert;
	const code = alert.code;
	if (code !== 'plan_alert_order' && code !== 'plan_alert_season') return alert;
	// a one-season buy keeps its sentence with the quantity bought
	if (code === 'plan_alert_season') return msg(code, { ...alert.params, qty });
	const params = { ...alert.params, qty, wanted };
	return msg(qty === 0 ? 'plan_alert_budget_none' : 'plan_alert_order_budget', params);
}

/** Row reasons that explain an order: dropped where a budget cuts the order to 0. */
const ORDERING_REASONS: ReadonlySet<string> = new Set([
	'plan_reason_zero_forecast',
	'plan_reason_wide_range',
]);

export type { StockDefaults } from '../src/core/inventory/plan-batch';

/**
 * Which sales a plan reads from the data worker: weekly units of these products. `version` changes when
 * the UI means a fresh read (another product list, new stock data); forecasts are cached under it.
 */
export interface PlanSales {
	datasetId: string;
	productIds: string[];
	version: number;
}

/** A plan of the weekly sales the worker reads from the data worker (what the UI sends). */
export type PlanRequest = PlanInputs & {
	/** Weekly units per product, read by the worker (complete weeks only). */
	sales: PlanSales;
};

/** A plan of a batch the caller holds (tests, tools). */
export type PlanBatchRequest = PlanInputs & {
	/** Identifies the sales history: forecasts are cached under it. */
	cacheKey: string;
	/** Weekly units per product (complete weeks only). */
	batch: SeriesBatch;
};

/** Everything a plan needs besides the sales. */
export interface PlanInputs {
	/** Typical selling price per product (from the sales), used when the stock data has none. */
	prices: Record<string, number>;
	stock: StockRow[];
	history: StockHistoryRow[];
	defaults: StockDefaults;
	settings: PlanSettings;
	/** Spend at most this much (unit costs) on the suggested orders; absent = no limit. */
	budget?: number;
	models: 'quick' | 'auto';
	/**
	 * Forecast with the Forecast screen's engine options (borrowed season, launch and spike curves:
	 * core plan-engine.ts); default PLAN_USES_FORECAST_OPTIONS.
	 */
	forecastOptions?: boolean;
	/**
	 * Plan these styles as one item each (their variants' sales summed) and split the order over the
	 * variants by their recent sales mix. Absent or empty = every product on its own.
	 */
	styles?: Style[];
	/**
	 * Market signals kept per product by the fusion backtest (workers/data/fusion.ts fuseBatch): the
	 * product's demand is forecast with the signal as a lagged regressor. Absent = sales history only.
	 */
	signals?: PlanSignals;
}

/** The signal chosen per product, and the used signals' weekly values. */
export interface PlanSignals {
	used: Record<string, PlanSignalChoice>;
	weekly: UsedSignal[];
}

/** A market signal in one product's demand: which, its lead, and its backtest with / without it. */
export interface PlanSignalChoice {
	kind: UsedSignal['kind'];
	name: string;
	lag: number;
	maseWith: number;
	maseWithout: number;
}

/** A variant's part of a style's order. */
export interface VariantLine extends StyleMix {
	quantity: number;
}

/** One product's plan as the table shows it. */
export interface PlanRow extends ProductPlan {
	/** Suggested order before a budget cut. */
	unconstrainedQty: number;
	price: number;
	unitCost: number | null;
	leadTimeMeanDays: number;
	leadTimeSdDays: number;
	moq: number;
	pack: number;
	onHand: number;
	onOrder: number;
	/** Model the forecast used, and weeks left out as stock-outs. */
	model: string;
	censoredWeeks: number;
	/** A style planned as one item: its variants' part of the order (by recent sales mix). */
	variants?: VariantLine[];
	/** The market signal its demand forecast uses (kept only where the backtest improved). */
	signal?: PlanSignalChoice;
}

export interface PlanResponse {
	rows: PlanRow[];
	/** Money the suggested orders cost (after the budget, if any), and before it. */
	orderValue: number;
	unconstrainedValue: number;
	notes: Message[];
	/** Rows with a stock-out or overstock alert, most money at stake first (indexes into `rows`). */
	alerts: number[];
}

/** A what-if scenario for one product. */
export interface WhatIfRequest {
	/** The plan's sales (its dataset and version); the what-if reads only this product's. */
	sales: PlanSales;
	/** A product, or a style's key (then `style` says which variants are summed). */
	productId: string;
	/** A style planned as one item: its variants' weekly units summed (a style has no single price). */
	style?: Style;
	stock: StockItem;
	settings: PlanSettings;
	/** The scenario's service target (absent = the plan's). */
	scenarioService?: ServiceTarget;
	/** Current selling price. */
	price: number;
	/** New regular price (absent = unchanged). */
	newPrice?: number;
	/** Discount share in [0, 1) over the promotion weeks (0-based forecast weeks, inclusive). */
	discount?: number;
	promoFromWeek?: number;
	promoToWeek?: number;
	/** Forecast weeks to show. */
	horizon: number;
	models: 'quick' | 'auto';
}

/** Units, revenue and the order for the baseline and the scenario, with 80 % bands. */
export interface WhatIfSide {
	units: Float64Array;
	lower: Float64Array;
	upper: Float64Array;
	price: Float64Array;
	revenue: number;
	revenueLower: number;
	revenueUpper: number;
	orderQty: number;
	reorderPoint: number;
	orderUpTo: number;
}

export interface WhatIfResponse {
	productId: string;
	base: WhatIfSide;
	scenario: WhatIfSide;
	/** Fitted units per 1 of price (null when no clear price effect), and notes. */
	priceEffect: number | null;
	notes: Message[];
}

const jobs = new Map<string, AbortController>();
/** Forecast cache: cacheKey|productId|models|censor → result. Small: one dataset at a time. */
const cache = new Map<string, AutoForecastResult>();
const CACHE_MAX = 5000;
const PERIOD_DAYS = 7;
/** A price effect is used when its p-value is below this. */
const PRICE_P_MAX = 0.2;

/** A cancel, said as a message code (the view words it; `name` is what callers branch on). */
function abortError(): Error {
	return codedError('AbortError', 'plan_cancelled');
}

const yieldToEvents = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** This worker's port to the data worker (the UI connects it; workers/data/series-port.ts). */
const link = new SeriesLink();

/** The last plan's weekly sales, kept while the UI replans the same products (settings, stock edits). */
let lastSales: { key: string; batch: SeriesBatch } | null = null;

const salesKey = (s: PlanSales): string => `${s.datasetId}|${s.version}`;

/** Weekly units of `ids` from the data worker, without the partly covered first / last week (core). */
async function weeklySales(
	datasetId: string,
	ids: string[],
	signal: AbortSignal,
	withPrice = false,
	withCategory = false,
): Promise<SeriesBatch> {
	// withCategory: each product's category and the dataset's category and shop totals (and launches),
	// as the Forecast screen reads them (the season a short product borrows comes from them)
	const raw = await untilAborted(
		link.querySeries({
			datasetId,
			productIds: ids,
			freq: 'week',
			measure: 'units',
			withPrice,
			withCategory,
		}),
		signal,
		abortError,
	);
	return prepareBatch(raw, 'week', 0).batch;
}

/** The plan's sales: read once per sales version. */
async function planSales(
	sales: PlanSales,
	signal: AbortSignal,
	withCategory: boolean,
): Promise<SeriesBatch> {
	const key = `${salesKey(sales)}|${withCategory}|${sales.productIds.join('\u0001')}`;
	if (lastSales?.key === key) return lastSales.batch;
	const batch = await weeklySales(sales.datasetId, sales.productIds, signal, false, withCategory);
	lastSales = { key, batch };
	return batch;
}

/**
 * The stock row of a style: units on hand and on order summed over its variants; supply terms (lead
 * time, MOQ, pack, cost, price, supplier, season) from the first variant that has them.
 */
function styleStock(members: readonly string[], by: Map<string, StockRow>): StockRow | undefined {
	const rows = members.map((m) => by.get(m)).filter((r): r is StockRow => r !== undefined);
	if (rows.length === 0) return undefined;
	const first = <K extends keyof StockRow>(k: K) => rows.find((r) => r[k] !== undefined)?.[k];
	const out: StockRow = { productId: members[0] };
	for (const k of [
		'expectedDate',
		'leadTimeMeanDays',
		'leadTimeSdDays',
		'moq',
		'pack',
		'unitCost',
		'price',
		'supplier',
		'salvage',
		'seasonEnd',
	] as const) {
		const v = first(k);
		if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
	}
	out.onHand = rows.reduce((a, r) => a + Math.max(0, r.onHand ?? 0), 0);
	out.onOrder = rows.reduce((a, r) => a + (r.onOrder ?? 0), 0);
	return out;
}

export const planApi = {
	/** The plan of every product of `req.sales`, read from the data worker (once per sales version). */
	async plan(
		req: PlanRequest,
		jobId: string,
		onProgress?: (p: Progress) => void,
	): Promise<PlanResponse> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		let batch: SeriesBatch;
		try {
			batch = await planSales(
				req.sales,
				ac.signal,
				req.forecastOptions ?? PLAN_USES_FORECAST_OPTIONS,
			);
		} finally {
			jobs.delete(jobId);
		}
		if (ac.signal.aborted) throw abortError();
		const { sales, ...inputs } = req;
		return planApi.planBatch({ ...inputs, batch, cacheKey: salesKey(sales) }, jobId, onProgress);
	},

	/** The plan of every product of the batch. */
	async planBatch(
		req: PlanBatchRequest,
		jobId: string,
		onProgress?: (p: Progress) => void,
	): Promise<PlanResponse> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			const cacheKey = req.cacheKey;
			const pooled = req.styles?.length ? poolStyles(req.batch, req.styles) : null;
			const batch = pooled?.batch ?? req.batch;
			const engine = planEngine(batch, req.models, req.forecastOptions);
			const settings = planSettingsAt(batch, req.settings);
			const stockBy = new Map(req.stock.map((r) => [r.productId, r]));
			const prices = { ...req.prices };
			for (const [key, mix] of pooled?.mixes ?? []) {
				const members = mix.map((m) => m.productId);
				const st = styleStock(members, stockBy);
				// supply terms edited on the style's row (stored under its key) win over its variants'
				const own = stockBy.get(key);
				if (st || own)
					stockBy.set(key, {
						...st,
						...own,
						productId: key,
						onHand: st?.onHand ?? 0,
						onOrder: st?.onOrder ?? 0,
					});
				const units = mix.reduce((a, m) => a + m.units, 0);
				prices[key] =
					units > 0
						? mix.reduce((a, m) => a + m.units * (req.prices[m.productId] ?? 0), 0) / units
						: (req.prices[members[0]] ?? 0);
			}
			const histBy = historyByProduct(req.history);
			const rows: PlanRow[] = [];
			const protections: DemandDistribution[] = [];
			const total = batch.ids.length;
			let lastSent = 0;
			for (let i = 0; i < total; i++) {
				if (i % 10 === 0) {
					await yieldToEvents();
					if (ac.signal.aborted) throw abortError();
					const now = Date.now();
					if (onProgress && now - lastSent > 200) {
						lastSent = now;
						void Promise.resolve(onProgress({ phase: 'plan', done: i, total })).catch(() => {});
					}
				}
				const id = batch.ids[i];
				const item = stockItemOf(id, stockBy.get(id), req.defaults, prices[id] ?? 0);
				const job = planJob(batch, i, engine, item, settings, req.models, histBy.get(id));
				const { first, censored, trailing, horizon } = job;
				let y = job.y;
				const to = batch.indptr[i + 1];
				// a market signal kept for this product (uncensored sales only: the regression needs every week)
				const choice = censored === 0 && trailing === 0 ? req.signals?.used[id] : undefined;
				const weekly = choice
					? req.signals?.weekly.find((w) => w.kind === choice.kind && w.name === choice.name)
					: undefined;
				const reg =
					choice && weekly
						? laggedRegressor(weekly, Array.from(batch.ds.subarray(first, to)), choice.lag, horizon)
						: null;
				const signal = reg && choice ? choice : undefined;
				if (reg) y = y.slice(reg.start);
				// where on, the Forecast screen's options of this product (job.options: borrowed season,
				// launch and spike curves); the signal's regression keeps its own
				const options = reg ? job.base : job.options;
				const key = `${cacheKey}|${id}|${req.models}|${censored}|${horizon}|${signal ? `${signal.kind}:${signal.name}:${signal.lag}` : ''}|${reg ? '' : batchOptionsKey(options)}`;
				let r = cache.get(key);
				if (!r && reg) {
					r = forecastAuto(
						y,
						{
							horizon,
							season: y.length >= 3 * 52 ? 52 : 1,
							levels: [0.8],
							models: ['regression', 'arima'],
							regressors: { names: ['signal'], history: [reg.history], future: [reg.future] },
						},
						{ signal: ac.signal },
					);
					cache.set(key, r);
				}
				if (!r) {
					r = forecastAuto(y, options, { signal: ac.signal });
					if (cache.size >= CACHE_MAX) cache.clear();
					cache.set(key, r);
				}
				const { plan: p, protection } = planFromForecast(r, y, trailing, item, settings);
				protections.push(protection);
				rows.push({
					...p,
					unconstrainedQty: p.orderQty,
					price: item.price ?? 0,
					unitCost: item.unitCost ?? null,
					leadTimeMeanDays: item.leadTimeMeanDays,
					leadTimeSdDays: item.leadTimeSdDays,
					moq: item.moq,
					pack: item.pack,
					onHand: item.onHand,
					onOrder: item.onOrder,
					model: r.model,
					censoredWeeks: censored,
					...(pooled?.mixes.has(id) ? { variants: [] } : {}),
					...(signal ? { signal } : {}),
				});
			}
			const notes: Message[] = [];
			const cost = (r: PlanRow, q: number) => q * (r.unitCost ?? 0);
			const unconstrainedValue = rows.reduce((a, r) => a + cost(r, r.orderQty), 0);
			if (req.budget !== undefined && req.budget >= 0 && unconstrainedValue > req.budget) {
				const idx = rows.map((_, i) => i).filter((i) => rows[i].orderQty > 0);
				const missingCost = idx.filter((i) => rows[i].unitCost === null).length;
				if (missingCost > 0) notes.push(msg('plan_note_budget_no_cost', { n: missingCost }));
				// products without a cost cannot be weighed against the budget: they keep their order
				const weighed = idx.filter((i) => rows[i].unitCost !== null);
				const alloc = allocateBudget(
					weighed.map((i) => ({
						id: rows[i].productId,
						unitCost: rows[i].unitCost ?? 0,
						price: rows[i].price,
						position: rows[i].position,
						suggested: rows[i].orderQty,
						protection: protections[i],
						rules: { moq: rows[i].moq, pack: rows[i].pack },
					})),
					req.budget,
				);
				weighed.forEach((i, k) => {
					const { reason, ...row } = rows[i];
					const orderQty = alloc.quantities[k];
					// "ordered although the forecast is 0" and "safety stock N against M expected" no longer
					// hold for an order the budget cut to 0
					const keep = reason && !(orderQty === 0 && ORDERING_REASONS.has(reason.code));
					rows[i] = {
						...row,
						orderQty,
						alert: budgetAlert(row.alert, orderQty, row.orderQty),
						...(keep ? { reason } : {}),
					};
				});
				notes.push(
					msg('plan_note_budget', {
						budget: req.budget,
						wanted: Math.round(unconstrainedValue),
						spent: Math.round(alloc.spent),
					}),
				);
			}
			// a style's order (after the budget) goes to its variants by their recent sales mix
			for (const r of rows) {
				const mix = pooled?.mixes.get(r.productId);
				if (!mix) continue;
				const parts = splitOrder(
					r.orderQty,
					mix.map((m) => ({ id: m.productId, units: m.units })),
					r.pack,
				);
				r.variants = mix.map((m, k) => ({ ...m, quantity: parts[k].quantity }));
			}
			if (pooled && pooled.mixes.size > 0)
				notes.push(
					msg('plan_note_styles', {
						styles: pooled.mixes.size,
						variants: [...pooled.mixes.values()].reduce((a, m) => a + m.length, 0),
					}),
				);
			const orderValue = rows.reduce((a, r) => a + cost(r, r.orderQty), 0);
			const at = new Map(rows.map((r, i) => [r, i]));
			const alerts = rankAlerts(rows).map((r) => at.get(r) ?? -1);
			return { rows, orderValue, unconstrainedValue, notes, alerts };
		} finally {
			jobs.delete(jobId);
		}
	},

	/** Baseline vs scenario for one product (price, discount over promotion weeks, service level). */
	async whatIf(req: WhatIfRequest, jobId: string): Promise<WhatIfResponse> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			await yieldToEvents();
			if (ac.signal.aborted) throw abortError();
			const { stock, settings } = req;
			const style = req.style;
			const trimmed = await weeklySales(
				req.sales.datasetId,
				style ? style.members : [req.productId],
				ac.signal,
				!style,
				PLAN_USES_FORECAST_OPTIONS,
			);
			const batch = style ? poolStyles(trimmed, [style]).batch : trimmed;
			const all = batch.y.subarray(batch.indptr[0], batch.indptr[1]);
			const y = fromFirstSale(all);
			const skip = all.length - y.length;
			const lead = { meanDays: stock.leadTimeMeanDays, sdDays: stock.leadTimeSdDays };
			const h = Math.max(req.horizon, horizonFor(lead, settings.reviewDays, PERIOD_DAYS));
			const priceHist = batch.regressors?.values[batch.regressors.names.indexOf('price')];
			const notes: Message[] = [];
			const basePrice = new Float64Array(h).fill(req.price);
			const newPrice = Float64Array.from(basePrice, (p, j) => {
				let v = req.newPrice ?? p;
				const inPromo =
					req.discount !== undefined &&
					j >= (req.promoFromWeek ?? 0) &&
					j <= (req.promoToWeek ?? h - 1);
				if (inPromo) v *= 1 - Math.min(0.95, Math.max(0, req.discount ?? 0));
				return v;
			});
			// the forecast with the price as a regressor; its fitted effect moves the scenario
			// with, where on (PLAN_USES_FORECAST_OPTIONS), the Forecast screen's options of the product
			const options = planEngine(batch, req.models).optionsFor(
				0,
				{
					horizon: h,
					season: 52,
					levels: [0.8],
					cleanOutliers: PLAN_CLEAN_OUTLIERS,
					...modelsOf(req.models),
					...(priceHist
						? {
								regressors: {
									names: ['price'],
									history: [priceHist.slice(batch.indptr[0] + skip, batch.indptr[1])],
									future: [basePrice],
								},
							}
						: {}),
				},
				skip,
			);
			const key = `${salesKey(req.sales)}|${req.productId}|${req.models}|whatif|${h}|${batchOptionsKey(options)}`;
			let r = cache.get(key);
			if (!r) {
				r = forecastAuto(Float64Array.from(y), options, { signal: ac.signal });
				cache.set(key, r);
			}
			const effect = r.drivers?.find((d) => d.name === 'price');
			const priceEffect =
				effect && effect.pValue < PRICE_P_MAX && effect.estimate < 0 ? effect.estimate : null;
			if (!priceHist || !effect) notes.push(msg('plan_whatif_no_price_history'));
			else if (priceEffect === null)
				notes.push(
					msg('plan_whatif_no_price_effect', { p: Math.round(effect.pValue * 100) / 100 }),
				);
			else notes.push(msg('plan_whatif_price_effect', priceEffectWords(priceEffect, req.price)));
			const stopped = weeksWithoutSale(y) >= PLAN_STOPPED_WEEKS;
			const side = (prices: Float64Array, s: PlanSettings): WhatIfSide => {
				const f = periodForecastFrom(r, PERIOD_DAYS, y);
				const shift = prices.map((p) => (priceEffect ?? 0) * (p - req.price));
				const units = f.mean.map((m, j) => Math.max(0, m + shift[j]));
				const iv = r.intervals[0];
				const lower = units.map((u, j) => Math.max(0, u - (r.point[j] - iv.lower[j])));
				const upper = units.map((u, j) => u + (iv.upper[j] - r.point[j]));
				const fc = { mean: units, sd: f.sd, periodDays: PERIOD_DAYS };
				// a product that stopped selling is capped as in the plan (planProduct)
				const lv = policyLevels(fc, lead, s.reviewDays, s.service, { stopped });
				const shown = (a: Float64Array) => a.slice(0, req.horizon);
				const dot = (a: Float64Array) => shown(a).reduce((acc, u, j) => acc + u * prices[j], 0);
				return {
					units: shown(units),
					lower: shown(lower),
					upper: shown(upper),
					price: shown(prices),
					revenue: dot(units),
					revenueLower: dot(lower),
					revenueUpper: dot(upper),
					orderQty: orderQuantity(stock.onHand + stock.onOrder, lv.reorderPoint, lv.orderUpTo, {
						moq: stock.moq,
						pack: stock.pack,
					}),
					reorderPoint: lv.reorderPoint,
					orderUpTo: lv.orderUpTo,
				};
			};
			return {
				productId: req.productId,
				base: side(basePrice, req.settings),
				scenario: side(newPrice, {
					...settings,
					service: req.scenarioService ?? settings.service,
				}),
				priceEffect,
				notes,
			};
		} finally {
			jobs.delete(jobId);
		}
	},

	/** Stop a running plan or what-if (it rejects with an AbortError). */
	cancel(jobId: string): void {
		jobs.get(jobId)?.abort();
	},

	...linkApi(link),
};

export type PlanWorkerApi = typeof planApi;
