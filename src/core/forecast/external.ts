// External candidates of the automatic engine: forecasts a model outside src/core computed for one
// series at given training-window ends (a global deep model in the train worker, which core cannot
// import). The engine wraps them as a Forecaster that looks its forecast up by the window end, so they
// enter the same rolling-origin backtest, leaderboard, combination and conformal calibration as the
// statistical models. A window end without a precomputed forecast fails that origin (the candidate is
// then not ranked), so a model is never scored on windows it was trained on: its owner only supplies
// ends after its training cut-off.

import type { FittedForecaster, Forecaster, Interval } from '../types';

/** A forecast made from the first `end` raw points of the series. */
export interface ExternalForecastAt {
	end: number;
	point: Float64Array;
	intervals: Interval[];
}

/** One external model's forecasts for one series. */
export interface ExternalForecasts {
	/** Candidate name (unique; e.g. 'deep-nbeats'). */
	name: string;
	at: ExternalForecastAt[];
}

/**
 * A Forecaster over precomputed forecasts. `offset` maps the engine's (trimmed, capped) series back
 * to raw positions: raw end = offset + training length.
 */
export class ExternalForecaster implements Forecaster {
	readonly name: string;
	readonly #byEnd: Map<number, ExternalForecastAt>;
	readonly #offset: number;

	constructor(ext: ExternalForecasts, offset: number) {
		this.name = ext.name;
		this.#byEnd = new Map(ext.at.map((a) => [a.end, a]));
		this.#offset = offset;
	}

	fit(y: Float64Array): FittedForecaster {
		const end = this.#offset + y.length;
		const f = this.#byEnd.get(end);
		if (!f) throw new Error(`${this.name} has no forecast from ${end} points`);
		const name = this.name;
		return {
			name,
			predict(h: number, opts = {}) {
				if (f.point.length < h)
					throw new Error(`${name} forecasts ${f.point.length} steps, not ${h}`);
				const levels = opts.levels ?? [];
				return {
					point: f.point.slice(0, h),
					intervals: f.intervals
						.filter((iv) => levels.some((l) => Math.abs(l - iv.level) < 1e-9))
						.map((iv) => ({
							level: iv.level,
							lower: iv.lower.slice(0, h),
							upper: iv.upper.slice(0, h),
						})),
				};
			},
			predictInSample: () => new Float64Array(y.length).fill(NaN),
			toState: () => ({ model: name, params: { end } }),
		};
	}
}
