// The engine options of the inventory plan's product forecasts: the Forecast screen's (core
// batchEngine: the season a short product borrows or shrinks towards from its category or the shop,
// the launch and spike curves), so the plan orders for the forecast the shop sees. Used by the plan
// worker (workers/plan-api.ts) and the plan replay (tests/bench/plan.ts).
import type { AutoForecastOptions } from '../engine-types';
import { batchEngine, optionsFromPeriod } from '../forecast/batch-engine';
import { methodOptions } from '../forecast/quick';
import type { SeriesBatch } from '../types';
import { QUICK_MODELS } from './plan';

/**
 * The plan's method as engine options: the quick method's list, with the borrowed- and shrunk-season
 * variants exactly where the Forecast screen's quick method has them (methodOptions,
 * QUICK_BORROWS_SEASON), or the automatic choice.
 */
export function planMethodOptions(
	m: 'quick' | 'auto',
): Pick<AutoForecastOptions, 'models' | 'seasonVariants'> {
	if (m !== 'quick') return {};
	const variants = methodOptions('quick').seasonVariants;
	return { models: [...QUICK_MODELS], ...(variants ? { seasonVariants: variants } : {}) };
}

/**
 * The horizon the batch's launch and spike curves are learnt for (a plan's horizons differ by
 * product; the curves hold their last value beyond it): a season.
 */
export const PLAN_CURVE_HORIZON = 52;

/**
 * Whether the plan forecasts with the Forecast screen's options (planEngine): on since "planrep"
 * (tests/bench/results/PLAN.md), with the spike curve left out (PLAN_SPIKE_CURVE). Its rule, written
 * before measuring: judged on the products sold before each validation replay (UCI Online Retail, 200
 * products, fill-rate target 95 %; the launches on their own line), units fill ≥ the plain plan's
 * − 0.5 pt at ≤ 1.02 × its stock, for quick and auto on two windows. With the spike curve it failed
 * (quick −0.68 / −0.72 pt); without it it passed 4 of 4 (quick: identical; auto: −0.19 pt at 0.96 ×
 * the stock, +0.20 pt at 1.01 ×). Earlier rules had failed on all products or the reported replay.
 * On, the plan orders for the forecast the Forecast screen shows (a season borrowed from the
 * category or the shop), less the spike curve; off, for the method alone.
 */
export const PLAN_USES_FORECAST_OPTIONS = true;

/**
 * Whether the plan's forecasts take the batch's spike curve (a series ending on a spike is fitted at
 * its usual level plus the curve's share). Off: chosen on MASE for the Forecast screen, its downward
 * bias for stock cost the plan 0.7 pt of fill on both validation replays (PLAN.md "planrep").
 */
export const PLAN_SPIKE_CURVE = false;

/** The engine options of a plan's product forecasts. */
export interface PlanEngine {
	/**
	 * The options of series i of the batch, given to the engine from period `from` on (the plan's
	 * series start at the first sale): `base` with, where on, the Forecast screen's additions.
	 */
	optionsFor(i: number, base: AutoForecastOptions, from: number): AutoForecastOptions;
}

/**
 * The batch's shared parts as the Forecast screen builds them (core batchEngine; the pooled model is
 * left out: the plan forecasts each product alone, without the batch's pooled gate), or, off, the
 * method's options alone. `use.spike` (default PLAN_SPIKE_CURVE): with the batch's spike curve (the
 * plan bench's --spike / --no-spike, to measure it).
 */
export function planEngine(
	batch: SeriesBatch,
	m: 'quick' | 'auto',
	on = PLAN_USES_FORECAST_OPTIONS,
	use: { spike?: boolean } = {},
): PlanEngine {
	const spike = use.spike ?? PLAN_SPIKE_CURVE;
	if (!on) return { optionsFor: (_i, base) => base };
	const engine = batchEngine(
		batch,
		{ horizon: PLAN_CURVE_HORIZON, ...planMethodOptions(m) },
		{ pooled: false, ...(spike ? {} : { spike: false }) },
	);
	return { optionsFor: (i, base, from) => optionsFromPeriod(engine.optionsFor(i, base), from) };
}
