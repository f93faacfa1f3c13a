// The app's two forecast methods as engine options, in a module light enough for the main thread
// (the Forecast and hierarchy views' runs pass them to the forecast worker).
import type { AutoForecastOptions } from '../engine-types';

/** The quick method's models: seasonal naive and ETS (the baseline slice). */
export const QUICK_FORECAST_MODELS: readonly string[] = ['snaive', 'ets'];

/**
 * Whether the app's quick method adds the borrowed- and shrunk-season variants. Off: the decision
 * rule written before measuring (tests/bench/results/SHORT-HISTORY.md, "The app's Quick method with
 * the borrowed season, on short-history Q4 windows") failed. On Walmart's stores cut to 40 weeks it
 * lowers Quick's MASE 18 % over Sep–Nov origins and 13 % over Oct–Jan ones, and V1–V3 stay within
 * 1 %, but where no peak lies ahead it costs 3.7 % on average (Mar–May 2011 +19 %), over the 2 %
 * allowed. (An earlier rule, RESULTS.md "quickseason", failed at V1 on online retail, +0.24 %.)
 */
export const QUICK_BORROWS_SEASON = false;

/**
 * The engine options of a method the app offers. 'quick': seasonal naive and ETS, with ETS on a
 * borrowed or shrunk season where the series gets one (seasonVariants, as the automatic choice adds
 * them), so a product or shop with under two years of history still gets its Q4 peak and the note
 * saying where it came from; 'auto': the engine chooses.
 */
export function methodOptions(
	method: 'quick' | 'auto',
	borrow = QUICK_BORROWS_SEASON,
): Pick<AutoForecastOptions, 'models' | 'seasonVariants'> {
	if (method === 'auto') return { models: 'auto' };
	return { models: [...QUICK_FORECAST_MODELS], ...(borrow ? { seasonVariants: true } : {}) };
}
