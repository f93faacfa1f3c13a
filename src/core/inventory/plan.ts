// One product's inventory plan from its forecast and its stock and supply data: policy levels
// (policy.ts), the suggested order with MOQ and packs, days of cover, revenue at risk and the alert
// sentence as a message code. Used by the plan worker API (workers/plan-api.ts), the plan CLI and the
// bench. Pure TypeScript; words live in src/lib/i18n/catalog/plan.ts.
import type { AutoForecastResult } from '../engine-types';
import type { ProductSummary } from '../ingest/types';
import { msg, type Message } from '../messages';
import {
	demandOverDays,
	expectedShortage,
	mixture,
	sdFromInterval,
	type LeadTime,
	type PeriodForecast,
} from './demand';
import { newsvendorQuantity } from './newsvendor';
import {
	daysOfCover,
	orderQuantity,
	policyLevels,
	roundToRules,
	wholeUnitsUp,
	type ServiceTarget,
} from './policy';

/**
 * The quick candidate set for planning many products: seasonal naive and ETS (the app's quick batch)
 * plus Croston for intermittent slow movers. The automatic set (arima, theta, regression, ...) is
 * ~25× slower on short weekly series.
 */
export const QUICK_MODELS = ['snaive', 'ets', 'croston'] as const;

/**
 * Plans forecast with one-off values (isolated spikes, e.g. a single wholesale order of 2,400 units)
 * replaced by typical ones (engine option cleanOutliers): such orders are usually placed with notice
 * and bought to order, and stocking for them all the time is what makes a plan expensive. On the
 * online-retail replay (tests/bench/results/PLAN.md) this kept the fill rate at target with 16 % less
 * stock than forecasting with them.
 */
export const PLAN_CLEAN_OUTLIERS = true;

/** Stock and supply data of one product (a row of the stock file, or defaults). */
export interface StockItem {
	productId: string;
	onHand: number;
	onOrder: number;
	/** Expected arrival of what is on order (UTC ms), if known. */
	expectedDate?: number;
	leadTimeMeanDays: number;
	leadTimeSdDays: number;
	moq: number;
	pack: number;
	unitCost?: number;
	price?: number;
	supplier?: string;
	/** Clearance value of a unit left at the season's end (one-season items). */
	salvage?: number;
	/** Last selling day (UTC ms) of a one-season item: it is bought once, by the newsvendor rule. */
	seasonEnd?: number;
}

/** Plan-wide settings. */
export interface PlanSettings {
	reviewDays: number;
	service: ServiceTarget;
	/** Days of cover above which stock counts as overstock. */
	overstockDays: number;
	/** First day the forecast covers (UTC ms); needed for one-season items. */
	asOf?: number;
	/** Clearance value as a share of unit cost where the stock data gives none (default 0.3). */
	salvageShare?: number;
}

/**
 * Spread (standard deviation, days) of a lead time the stock data does not give: the Plan screen's
 * default and the plan CLI's --lead-time-sd-days default.
 */
export const DEFAULT_LEAD_TIME_SD_DAYS = 3;

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
	reviewDays: 7,
	service: { kind: 'fill', level: 0.95 },
	overstockDays: 120,
};

/** One product's plan, in units (money in the stock file's currency). */
export interface ProductPlan {
	productId: string;
	meanDemand: number;
	sdDemand: number;
	safetyStock: number;
	reorderPoint: number;
	orderUpTo: number;
	position: number;
	orderQty: number;
	daysOfCover: number;
	/** Expected revenue lost over lead time + review period if nothing is ordered now. */
	revenueAtRisk: number;
	/** Value (at cost, else price) of stock beyond `overstockDays` of cover. */
	overstockValue: number;
	/** 'order' (stock-out risk), 'overstock' or null. */
	alert: Message | null;
	/**
	 * Why an item whose forecast is near 0 with a wide interval gets no order (plan_reason_stopped: its
	 * position covers the most demand the service level can call for with that mean, policy.ts
	 * meanBound), or does get one (plan_reason_zero_forecast: it sold recently and the order covers
	 * the forecast's range at the service target), or why its safety stock is many times its expected
	 * demand (plan_reason_wide_range: one past week dwarfs its usual sales).
	 */
	reason?: Message;
	supplier?: string;
	/** One-season items: the newsvendor buy (critical ratio, season days, season demand). */
	season?: SeasonBuy;
}

/** The one-time buy of a one-season item. */
export interface SeasonBuy {
	days: number;
	demandMean: number;
	demandSd: number;
	/** Critical ratio (p − c)/(p − v): the chance of selling the last unit bought that pays off. */
	ratio: number;
	/** Units to have for the season (newsvendor quantity) and the salvage value used. */
	target: number;
	salvage: number;
}

/** Default clearance value of a unit left over, as a share of its cost. */
export const DEFAULT_SALVAGE_SHARE = 0.3;

/**
 * The newsvendor buy of a one-season item, or null when it does not apply (no season end after
 * `asOf`, no price or cost, or salvage not below cost).
 */
export function seasonBuy(
	forecast: PeriodForecast,
	stock: StockItem,
	settings: PlanSettings,
): SeasonBuy | null {
	const { seasonEnd } = stock;
	const asOf = settings.asOf;
	const price = stock.price ?? 0;
	const cost = stock.unitCost;
	if (seasonEnd === undefined || asOf === undefined || cost === undefined) return null;
	const days = Math.round((seasonEnd - asOf) / 86_400_000) + 1;
	if (!(days > 0) || !(price > 0) || !(cost > 0)) return null;
	const salvage = stock.salvage ?? cost * (settings.salvageShare ?? DEFAULT_SALVAGE_SHARE);
	if (!(salvage >= 0) || salvage >= cost) return null;
	const d = demandOverDays(forecast, days);
	const sd = Math.sqrt(d.variance);
	const dist = mixture([{ weight: 1, mean: d.mean, sd }]);
	const nv = newsvendorQuantity(dist, price, cost, salvage);
	return {
		days,
		demandMean: d.mean,
		demandSd: sd,
		ratio: nv.ratio,
		target: Math.max(0, nv.quantity),
		salvage,
	};
}

/** A forecast σ above this many times the history's own σ·√h is treated as degenerate. */
export const SD_CAP_FACTOR = 3;

/**
 * Per-period means and σ from an engine result: σ from its interval at the level nearest `level`
 * (default 0.8, its 80 % interval; the plan bench's --sigma reads it at the service target,
 * tests/bench/results/PLAN.md). With
 * `history`, σ_h is capped at SD_CAP_FACTOR × (the history's standard deviation, at least its mean)
 * × √h: a guard against degenerate intervals (seen for short series of a new product, where backtest
 * windows of zeros make the conformal calibration explode); a real forecast is rarely that uncertain.
 */
export function periodForecastFrom(
	r: AutoForecastResult,
	periodDays: number,
	history?: ArrayLike<number>,
	level = 0.8,
): PeriodForecast {
	let iv = r.intervals[0];
	for (const i of r.intervals)
		if (Math.abs(i.level - level) < Math.abs(iv.level - level) - 1e-9) iv = i;
	const mean = Float64Array.from(r.point, (v) => (Number.isFinite(v) ? Math.max(0, v) : 0));
	const sd = iv
		? sdFromInterval(iv.lower, iv.upper, iv.level)
		: new Float64Array(mean.length).fill(0);
	if (history) {
		const vals = Array.from(history).filter(Number.isFinite);
		if (vals.length >= 2) {
			const m = vals.reduce((a, b) => a + b, 0) / vals.length;
			const s = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / (vals.length - 1));
			const scale = SD_CAP_FACTOR * Math.max(s, m, 1);
			for (let j = 0; j < sd.length; j++) sd[j] = Math.min(sd[j], scale * Math.sqrt(j + 1));
		}
	}
	return { mean, sd, periodDays };
}

/** The series from its first non-zero value (weeks before a product's launch are not demand). */
export function fromFirstSale(y: Float64Array): Float64Array {
	let i = 0;
	while (i < y.length - 1 && !(y[i] > 0)) i++;
	return y.subarray(i);
}

/** Forecast periods needed to cover lead time (at its upper end) + review period + the cover window. */
export function horizonFor(stock: LeadTime, reviewDays: number, periodDays: number): number {
	const days = stock.meanDays + 4 * stock.sdDays + reviewDays + 1;
	return Math.max(1, Math.ceil(days / periodDays));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Weeks without a sale after which a product counts as stopped: its reorder point is then capped at
 * the most its forecast mean allows (policy.ts meanBound). Two months: over twice a lead time +
 * review of 3 weeks, and longer than a holiday closure.
 */
export const PLAN_STOPPED_WEEKS = 8;

/**
 * Known periods at the end of y without a sale (censored NaN periods are skipped: a stock-out is no
 * evidence of no demand), up to the last sale.
 */
export function weeksWithoutSale(y: ArrayLike<number>): number {
	let n = 0;
	for (let t = y.length - 1; t >= 0; t--) {
		if (Number.isNaN(y[t])) continue;
		if (y[t] > 0) return n;
		n++;
	}
	return n;
}

/**
 * Forecast per week below which a product's forecast reads as 0 on the Plan screen (rounded to whole
 * units): such a row that still orders says why (plan_reason_zero_forecast).
 */
export const PLAN_ZERO_FORECAST_WEEKLY = 0.5;

/**
 * Weeks looked back for the best recent week named in plan_reason_zero_forecast (a quarter; the whole
 * history when nothing sold in it).
 */
export const PLAN_RECENT_WEEKS = 13;

/**
 * Safety stock over the expected demand (lead time + review) from which an ordering row says why its
 * range is so wide, where one past week dwarfs its usual sales (plan_reason_wide_range).
 */
export const PLAN_WIDE_SAFETY = 3;
/** A past week counts as dwarfing the usual when it sold this many times the recent median week. */
export const PLAN_PEAK_RATIO = 5;

/** The biggest week of a history and how many weeks before its last it was; null with no sale. */
export function historyPeak(y: ArrayLike<number>): { value: number; ago: number } | null {
	let best = -1;
	for (let t = 0; t < y.length; t++) if (y[t] > 0 && (best < 0 || y[t] > y[best])) best = t;
	return best < 0 ? null : { value: y[best], ago: y.length - 1 - best };
}

/** Median of the last `periods` known periods (stock-out NaN skipped); 0 with none. */
export function recentMedian(y: ArrayLike<number>, periods: number): number {
	const v: number[] = [];
	for (let t = Math.max(0, y.length - periods); t < y.length; t++)
		if (Number.isFinite(y[t])) v.push(y[t]);
	if (v.length === 0) return 0;
	v.sort((a, b) => a - b);
	const h = v.length >> 1;
	return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** Mean forecast per week (7 days) over the forecast's horizon. */
export function weeklyForecastMean(forecast: PeriodForecast): number {
	const n = forecast.mean.length;
	if (n === 0 || !(forecast.periodDays > 0)) return 0;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += forecast.mean[i];
	return (sum / n) * (7 / forecast.periodDays);
}

/** The most sold in one of the last `periods` known periods (NaN, a stock-out, skipped). */
export function recentBest(y: ArrayLike<number>, periods: number): number {
	let best = 0;
	for (let t = Math.max(0, y.length - periods); t < y.length; t++) if (y[t] > best) best = y[t];
	return best;
}

/** The plan of one product (`history`: its periods, to see whether it stopped selling). */
export function planProduct(
	forecast: PeriodForecast,
	stock: StockItem,
	settings: PlanSettings,
	history?: ArrayLike<number>,
): ProductPlan {
	const lead = { meanDays: stock.leadTimeMeanDays, sdDays: stock.leadTimeSdDays };
	const quiet = history ? weeksWithoutSale(history) : 0;
	const stopped = quiet >= PLAN_STOPPED_WEEKS;
	const lv = policyLevels(forecast, lead, settings.reviewDays, settings.service, { stopped });
	const position = stock.onHand + stock.onOrder;
	const season = seasonBuy(forecast, stock, settings);
	const rules = { moq: stock.moq, pack: stock.pack };
	// a one-season item is bought once for the whole season (newsvendor), not replenished
	const orderQty = season
		? season.target - position > 1e-9
			? roundToRules(season.target - position, rules)
			: 0
		: orderQuantity(position, lv.reorderPoint, lv.orderUpTo, rules);
	const price = stock.price ?? 0;
	const revenueAtRisk = price * expectedShortage(lv.protection, position);
	const cover = daysOfCover(stock.onHand, forecast);
	const coverDemand = demandOverDays(forecast, settings.overstockDays).mean;
	const excess = Math.max(0, position - coverDemand);
	const overstockValue =
		cover > settings.overstockDays ? excess * (stock.unitCost ?? stock.price ?? 0) : 0;
	let alert: Message | null = null;
	if (season && orderQty > 0)
		alert = msg('plan_alert_season', {
			qty: orderQty,
			mean: Math.round(season.demandMean),
			sd: Math.round(season.demandSd),
			days: season.days,
			ratio: Math.round(season.ratio * 100),
			onHand: round1(stock.onHand),
			onOrder: round1(stock.onOrder),
		});
	else if (orderQty > 0)
		alert = msg('plan_alert_order', {
			qty: orderQty,
			mean: Math.round(lv.meanDemand),
			sd: Math.round(lv.sdDemand),
			days: Math.round(stock.leadTimeMeanDays + settings.reviewDays),
			onHand: round1(stock.onHand),
			onOrder: round1(stock.onOrder),
		});
	else if (overstockValue > 0)
		alert = msg('plan_alert_overstock', {
			days: Number.isFinite(cover) ? Math.round(cover) : settings.overstockDays * 10,
			excess: Math.round(excess),
			limit: settings.overstockDays,
		});
	// a forecast that reads as 0 but orders: the order is the hedge of the forecast's range (a short,
	// lumpy series past its peak gets a 0 whose range widens with the horizon), said in the row
	// its best week of the last quarter, else (nothing sold then) of its whole history
	const window = history
		? recentBest(history, PLAN_RECENT_WEEKS) > 0
			? Math.min(PLAN_RECENT_WEEKS, history.length)
			: history.length
		: 0;
	const best = history ? recentBest(history, window) : 0;
	const zeroForecast =
		!season && orderQty > 0 && best > 0 && weeklyForecastMean(forecast) < PLAN_ZERO_FORECAST_WEEKLY;
	// an order far above the expected demand because one past week (a launch, a festival, a bulk
	// buy the outlier screen kept) widens the forecast's range: said, so the owner can judge the week
	const peak = history ? historyPeak(history) : null;
	const wide =
		!season &&
		!zeroForecast &&
		orderQty > 0 &&
		peak !== null &&
		lv.meanDemand > 0 &&
		lv.safetyStock > PLAN_WIDE_SAFETY * lv.meanDemand &&
		peak.value > PLAN_PEAK_RATIO * Math.max(1, recentMedian(history!, PLAN_RECENT_WEEKS));
	const reason = wide
		? msg('plan_reason_wide_range', {
				safety: Math.round(lv.safetyStock),
				mean: Math.round(lv.meanDemand),
				sd: Math.round(lv.sdDemand),
				days: Math.round(stock.leadTimeMeanDays + settings.reviewDays),
				peak: round1(peak!.value),
				ago: peak!.ago,
				usual: round1(recentMedian(history!, PLAN_RECENT_WEEKS)),
				level: Math.round(settings.service.level * 1000) / 10,
			})
		: zeroForecast
			? msg('plan_reason_zero_forecast', {
					best: round1(best),
					weeks: window,
					sd: Math.round(lv.sdDemand),
					days: Math.round(stock.leadTimeMeanDays + settings.reviewDays),
					level: Math.round(settings.service.level * 1000) / 10,
					upTo: wholeUnitsUp(lv.orderUpTo),
				})
			: !season && orderQty === 0 && lv.capped
				? msg('plan_reason_stopped', {
						weeks: quiet,
						mean: round1(lv.meanDemand),
						sd: Math.round(lv.sdDemand),
						days: Math.round(stock.leadTimeMeanDays + settings.reviewDays),
						short: Math.round((1 - settings.service.level) * 1000) / 10,
						quantile: Math.max(0, wholeUnitsUp(lv.reorderPoint)),
						position: round1(position),
					})
				: null;
	return {
		productId: stock.productId,
		meanDemand: lv.meanDemand,
		sdDemand: lv.sdDemand,
		safetyStock: lv.safetyStock,
		reorderPoint: lv.reorderPoint,
		orderUpTo: lv.orderUpTo,
		position,
		orderQty,
		daysOfCover: cover,
		revenueAtRisk,
		overstockValue,
		alert,
		...(reason ? { reason } : {}),
		...(stock.supplier ? { supplier: stock.supplier } : {}),
		...(season ? { season } : {}),
	};
}

/**
 * Typical selling price per product, revenue ÷ units of its sales (0 without units): the price a plan
 * uses where the stock data gives none (the Plan screen's and the plan CLI's).
 */
export function typicalPrices(summary: readonly ProductSummary[]): Record<string, number> {
	return Object.fromEntries(
		summary.map((p) => [p.productId, p.units > 0 ? p.revenue / p.units : 0]),
	);
}

/**
 * The money an alert shows: the stock tied up for an overstock alert, else the revenue at risk. An
 * overstocked item keeps a tiny revenue at risk (its demand's far tail), which read "€0.00 revenue at
 * risk" beside "Overstock: 271 days of cover" (walk17).
 */
export function alertStake(p: Pick<ProductPlan, 'alert' | 'revenueAtRisk' | 'overstockValue'>): {
	kind: 'revenue' | 'overstock';
	amount: number;
} {
	if (p.alert?.code === 'plan_alert_overstock' || (p.revenueAtRisk <= 0 && p.overstockValue > 0))
		return { kind: 'overstock', amount: p.overstockValue };
	return { kind: 'revenue', amount: p.revenueAtRisk };
}

/** Alerts first by money at stake (revenue at risk, then overstock value), largest first. */
export function rankAlerts<T extends ProductPlan>(plans: T[]): T[] {
	return plans
		.filter((p) => p.alert)
		.sort(
			(a, b) =>
				b.revenueAtRisk + b.overstockValue - (a.revenueAtRisk + a.overstockValue) ||
				a.productId.localeCompare(b.productId),
		);
}
