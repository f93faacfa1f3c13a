// The engine options of the inventory plan's product forecasts: the Forecast screen's (core
// batchEngine: the season a short product borrows or shrinks towards from its category or the shop,
// the launch and spike curves), so the plan orders for the forecast the shop sees. Used by the plan
// worker (workers/plan-api.ts) and the plan replay (tests/bench/plan.ts).
import type { AutoForecastOptions } from '../engine-types';
import { batchEngine, type BatchEngine } from '../forecast/batch-engine';
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
 * The batch's shared parts as the Forecast screen builds them; the pooled model is left out (the plan
 * forecasts each product alone, without the batch's pooled gate).
 */
export function planEngine(batch: SeriesBatch, m: 'quick' | 'auto'): BatchEngine {
	return batchEngine(
		batch,
		{ horizon: PLAN_CURVE_HORIZON, ...planMethodOptions(m) },
		{ pooled: false },
	);
}
