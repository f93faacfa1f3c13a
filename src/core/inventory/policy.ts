// Reorder policy levels from a demand distribution (demand.ts): safety stock, reorder point and
// order-up-to level for a cycle service level or a fill rate, the suggested order quantity with MOQ
// and pack size, and days of cover. Pure TypeScript; used by plan.ts, the plan CLI and the bench.
//
// Policy: periodic review every R days, (R, s, S) with lead time L (Silver, Pyke & Thomas 2017, ch. 6–7;
// Axsäter 2015, ch. 5). At a review an order placed now arrives after L, and the next chance to order
// is R later, so stock on hand + on order must cover demand over L + R: that is the protection period.
// - Cycle service level α (the chance that a replenishment cycle has no stock-out):
//     s = the α-quantile of demand over L + R.
// - Fill rate β (the share of demand served from stock): s is the smallest level whose expected units
//   short per cycle, E[(X_{L+R} − s)⁺] − E[(X_L − s)⁺], are at most (1 − β)·E[demand over R]
//   (Silver, Pyke & Thomas eq. 7.x for (R, S); the second term removes the shortage that was already
//   there before this cycle's order could arrive; E[demand over R] is taken as E[X_R⁺], the normal
//   model's mean of non-negative demand). A fill rate target needs less stock than the same
//   cycle service level when a cycle's demand is large against its spread.
// - Safety stock = s − E[X_{L+R}];  order-up-to S = s + E[demand over R] (one review's worth on top, so
//   an order lasts until the next review);  order S − (on hand + on order) when that position is ≤ s.
// - A product that stopped selling (no sale in its last PLAN_STOPPED_WEEKS weeks, plan.ts): demand is
//   never negative, so whatever its shape its α-quantile is at most μ ÷ (1 − α) (Markov's inequality,
//   meanBound) and s is capped there. Its forecast of about 0 with a wide interval needs about 0 in
//   stock; the normal model alone put μ + k·σ there. Not for every forecast of 0: after a closure or
//   a short gap the zeros are no evidence and the wide interval is the only hedge (PLAN.md "plan9").
import {
	expectedShortage,
	protectionDemand,
	quantile,
	demandOverDays,
	type DemandDistribution,
	type LeadTime,
	type PeriodForecast,
} from './demand';

/** What "service" means: cycle service level (no stock-out in a cycle) or fill rate (units served). */
export interface ServiceTarget {
	kind: 'cycle' | 'fill';
	/** Target in (0, 1), e.g. 0.95. */
	level: number;
}

/** Policy levels of one product, in units. */
export interface PolicyLevels {
	/** Expected demand over lead time + review period. */
	meanDemand: number;
	/** Its standard deviation. */
	sdDemand: number;
	safetyStock: number;
	reorderPoint: number;
	orderUpTo: number;
	/** Expected demand over the review period alone. */
	reviewDemand: number;
	/** Expected demand over the lead time alone. */
	leadDemand: number;
	/** Demand over L + R (for shortage and alert computations). */
	protection: DemandDistribution;
	/** The reorder point is the mean bound μ ÷ (1 − α) (meanBound, a stopped product), below the model's. */
	capped: boolean;
}

function checkLevel(level: number) {
	if (!(level > 0 && level < 1))
		throw new RangeError(`service level must be in (0, 1), got ${level}`);
}

/** Reorder point for a target, given demand over L + R and over L, and mean demand over R. */
export function reorderPointFor(
	service: ServiceTarget,
	overLR: DemandDistribution,
	overL: DemandDistribution,
	reviewDemand: number,
): number {
	checkLevel(service.level);
	if (service.kind === 'cycle') return quantile(overLR, service.level);
	const allowed = (1 - service.level) * reviewDemand;
	const short = (s: number) => expectedShortage(overLR, s) - expectedShortage(overL, s);
	if (short(0) <= allowed) return 0;
	let lo = 0;
	let hi = Math.max(1, overLR.mean + 12 * overLR.sd);
	while (short(hi) > allowed) hi *= 2;
	for (let i = 0; i < 80 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
		const mid = 0.5 * (lo + hi);
		if (short(mid) <= allowed) hi = mid;
		else lo = mid;
	}
	return hi;
}

/** Policy levels for one product from its per-period forecast. */
export function policyLevels(
	forecast: PeriodForecast,
	lead: LeadTime,
	reviewDays: number,
	service: ServiceTarget,
	evidence: { stopped?: boolean } = {},
): PolicyLevels {
	if (!(reviewDays >= 0)) throw new RangeError(`review period must be ≥ 0 days, got ${reviewDays}`);
	const overLR = protectionDemand(forecast, lead, reviewDays);
	const overL = protectionDemand(forecast, lead, 0);
	const reviewDemand = demandOverDays(forecast, reviewDays).mean;
	// the fill-rate allowance uses E[X_R⁺]: demand is never negative, and for a slow mover whose
	// normal model puts mass below 0 the plain mean would ask for (almost) no shortage at all
	const overR = protectionDemand(forecast, { meanDays: 0, sdDays: 0 }, reviewDays);
	const uncapped = reorderPointFor(service, overLR, overL, expectedShortage(overR, 0));
	// only where the product's own history says it stopped selling (plan.ts PLAN_STOPPED_WEEKS)
	const bound = evidence.stopped ? meanBound(overLR.mean, service.level) : Infinity;
	const reorderPoint = Math.min(uncapped, bound);
	return {
		meanDemand: overLR.mean,
		sdDemand: overLR.sd,
		safetyStock: reorderPoint - overLR.mean,
		reorderPoint,
		orderUpTo: reorderPoint + reviewDemand,
		reviewDemand,
		leadDemand: overL.mean,
		protection: overLR,
		capped: bound < uncapped - 1e-9,
	};
}

/**
 * The most stock any service level α can call for when demand X ≥ 0 has mean μ: by Markov's
 * inequality P(X ≥ x) ≤ μ ÷ x, so X's α-quantile is at most μ ÷ (1 − α) (20 μ at 95 %), and, demand
 * being whole units, at most its whole part (μ = 0.03 over L + R: P(X ≥ 1) ≤ 3 %, so 0). A forecast of
 * about 0 with a wide interval ("0 ± 129") therefore needs about 0 in stock, whatever the interval's
 * shape: the normal model's reorder point (μ + k·σ, ~200 there) is capped here. Distribution-free; it
 * binds only where σ is over ~11 × μ, and is used only for a product that stopped selling (PLAN.md
 * "plan9": for every forecast of 0 it failed the replay after the Christmas closure).
 */
export function meanBound(mean: number, level: number): number {
	checkLevel(level);
	// demand comes in whole units, so its quantile is a whole number: at most ⌊μ ÷ (1 − α)⌋
	return Math.floor(Math.max(0, mean) / (1 - level) + 1e-9);
}

/** Ordering constraints of a product. */
export interface OrderRules {
	/** Minimum order quantity (units); 0 or 1 = none. */
	moq?: number;
	/** Units per pack/case; orders are whole packs. */
	pack?: number;
}

/** Least gap to the order-up-to level (units) that is an order: half a unit, a whole one rounded. */
export const MIN_ORDER_NEED = 0.5;

/**
 * Suggested order: nothing while the inventory position (on hand + on order) is above the reorder
 * point, or when it is under half a unit below the order-up-to level; else up to the order-up-to
 * level, at least the MOQ, rounded up to whole packs (MOQ and packs apply only to an order needed).
 */
export function orderQuantity(
	inventoryPosition: number,
	reorderPoint: number,
	orderUpTo: number,
	rules: OrderRules = {},
): number {
	if (inventoryPosition > reorderPoint) return 0;
	const need = Math.max(0, orderUpTo - inventoryPosition);
	// an order is needed only for at least half a unit (a whole unit once rounded): a slow mover's
	// fractional need must not become an order of the MOQ
	if (need < MIN_ORDER_NEED) return 0;
	return roundToRules(need, rules);
}

/**
 * A stock level in the whole units an order reaches it by (rounded up; 132.0000001 stays 132): how the
 * Plan shows an order-up-to level, so an order from empty is never one more than the level beside it.
 */
export function wholeUnitsUp(level: number): number {
	const v = Math.ceil(level - 1e-6);
	return v === 0 ? 0 : v; // not −0, which a number format writes "-0"
}

/** At least the MOQ, then up to whole packs (a 1e-6-pack tolerance keeps 24.0000001 at 24). */
export function roundToRules(units: number, rules: OrderRules = {}): number {
	const pack = rules.pack && rules.pack > 0 ? rules.pack : 1;
	const moq = rules.moq && rules.moq > 0 ? rules.moq : 0;
	const q = Math.max(units, moq);
	return Math.ceil(q / pack - 1e-6) * pack;
}

/** Days the stock on hand lasts at the forecast rate over the next `days` days (Infinity at 0 demand). */
export function daysOfCover(onHand: number, forecast: PeriodForecast, days = 28): number {
	const rate = demandOverDays(forecast, days).mean / days;
	if (!(rate > 0)) return onHand > 0 ? Infinity : 0;
	return Math.max(0, onHand) / rate;
}
