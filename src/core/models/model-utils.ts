// The one validation module of the models (levels, series, horizon: every model checks its input here)
// and helpers shared by the simple models (naive family, Theta, intermittent): Gaussian intervals from
// standard errors and in-sample residual summaries. Pure TypeScript.

import type {
	FitOptions,
	FittedForecaster,
	Forecast,
	Forecaster,
	Interval,
	PredictOptions,
} from '../types';
import { checkLevels, qnorm } from '../stats';

/** Reject levels outside (0, 1) (a 0–100 percentage is a common mistake). */
export { checkLevels };

/** Intervals point ± z_{(1+level)/2} · se for each level (FPP3 §5.5, eq. 5.1). */
export function gaussianIntervals(
	point: Float64Array,
	se: Float64Array,
	levels: readonly number[],
): Interval[] {
	checkLevels(levels);
	return levels.map((level) => {
		const z = qnorm(0.5 + level / 2);
		const lower = new Float64Array(point.length);
		const upper = new Float64Array(point.length);
		for (let i = 0; i < point.length; i++) {
			const w = Number.isFinite(se[i]) ? z * se[i] : 0;
			lower[i] = point[i] - w;
			upper[i] = point[i] + w;
		}
		return { level, lower, upper };
	});
}

/** Root mean square of the finite entries of y − fitted (0 when none). */
export function residualRms(y: Float64Array, fitted: Float64Array, dof = 0): number {
	let s = 0;
	let c = 0;
	for (let i = 0; i < y.length; i++) {
		const e = y[i] - fitted[i];
		if (Number.isFinite(e)) {
			s += e * e;
			c++;
		}
	}
	return c - dof > 0 ? Math.sqrt(s / (c - dof)) : 0;
}

/** Throw on a non-finite value: models need the engine to fill gaps first. */
export function checkFinite(y: Float64Array, model: string): void {
	for (let i = 0; i < y.length; i++) {
		if (!Number.isFinite(y[i]))
			throw new RangeError(`${model}: y[${i}] is not finite (fill gaps first)`);
	}
}

/** Throw on an empty or non-finite series. */
export function checkSeries(y: Float64Array, model: string): void {
	if (y.length === 0) throw new RangeError(`${model}: empty series`);
	checkFinite(y, model);
}

/** Validate and floor a horizon. */
export function checkHorizon(h: number): number {
	if (!(h >= 0) || !Number.isFinite(h)) throw new RangeError(`horizon must be ≥ 0, got ${h}`);
	return Math.floor(h);
}

/**
 * Classical seasonal adjustment with given indices: `inner` (non-seasonal) fitted on y[t] ÷ at(t),
 * its forecasts and fitted values multiplied back by at(L + j) and at(t) (L = y.length). `at` covers
 * the window and the horizon; `checkH(h)` may refuse a horizon the indices do not reach. One
 * mechanism for the borrowed season (engine.ts, '~season') and the shrunk one (season-shrink.ts).
 */
export function fitSeasonAdjusted(
	name: string,
	inner: Forecaster,
	y: Float64Array,
	opts: FitOptions,
	at: (t: number) => number,
	checkH?: (h: number) => void,
): FittedForecaster {
	const L = y.length;
	const fitted = inner.fit(
		y.map((v, t) => v / at(t)),
		{ ...opts, season: 1 },
	);
	return {
		name,
		predict(h: number, p: PredictOptions = {}): Forecast {
			checkH?.(h);
			const f = fitted.predict(h, p);
			const times = (a: Float64Array): Float64Array => a.map((v, j) => v * at(L + j));
			return {
				point: times(f.point),
				intervals: f.intervals.map((iv) => ({
					level: iv.level,
					lower: times(iv.lower),
					upper: times(iv.upper),
				})),
			};
		},
		predictInSample: () => fitted.predictInSample().map((v, t) => v * at(t)),
		toState: () => fitted.toState(),
	};
}
