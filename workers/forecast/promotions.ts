// The forecast worker's promotions step (issue #11): a series with imported promotions is forecast
// on its baseline (the history less each past promotion's estimated uplift), and the future
// promotions' uplift (pooled on/off and discount-depth effects) is added back to the forecast and
// its intervals (src/core/forecast/promotions.ts). The past uplifts, with 95 % intervals, come back
// with the result for the Forecast screen.
import {
	fitPromotions,
	promotionColumns,
	type PromotionUplift,
} from '../../src/core/forecast/promotions';
import type { AutoForecastResult } from '../../src/core/engine-types';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';
import { futureDates } from '../../src/core/series/calendar';
import type { Frequency } from '../../src/core/types';

/** The batch's promotions: per series id, that product's promotions. */
export interface PromotionOption {
	freq: Frequency;
	bySeries: Record<string, PromotionRecord[]>;
}

const DAY_MS = 86_400_000;

/** Days of the period starting at `start` (UTC ms). */
export function periodDays(freq: Frequency): (start: number) => number {
	if (freq === 'day') return () => 1;
	if (freq === 'week') return () => 7;
	return (start) => {
		const d = new Date(start);
		return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - start) / DAY_MS);
	};
}

/** What the promotions change for one series: the history to fit, and how to finish the result. */
export interface PromotionStep {
	y: Float64Array;
	finish<R extends AutoForecastResult>(r: R): R & { promotions?: PromotionUplift[] };
}

export function promotionStep(
	ds: Float64Array,
	y: Float64Array,
	horizon: number,
	season: number,
	promos: readonly PromotionRecord[] | undefined,
	freq: Frequency,
): PromotionStep | null {
	if (!promos?.length || ds.length === 0) return null;
	const future = futureDates(ds[ds.length - 1], horizon, freq);
	// fitted from the product's first sale on (as the engine forecasts it): the zeros before it are
	// no baseline, and they would pull the regression's level down and inflate every uplift
	let first = 0;
	while (first < y.length - 1 && !(y[first] > 0)) first++;
	const cols = promotionColumns(promos, ds.subarray(first), future, periodDays(freq));
	if (cols.past.length === 0 && !cols.on.future.some((v) => v > 0)) return null;
	const fit = fitPromotions(y.subarray(first), cols, season);
	const baseline = new Float64Array(y.length);
	baseline.set(y.subarray(0, first));
	baseline.set(fit.baseline, first);
	return {
		y: baseline,
		finish(r) {
			const up = fit.futureUplift;
			const add = (a: Float64Array): Float64Array => a.map((v, t) => Math.max(0, v + (up[t] ?? 0)));
			return {
				...r,
				point: add(r.point),
				intervals: r.intervals.map((iv) => ({
					...iv,
					lower: add(iv.lower),
					upper: add(iv.upper),
				})),
				promotions: fit.uplifts,
			};
		},
	};
}
