// Benchmark forecasters: Naive, SeasonalNaive, Drift (random walk with drift), MovingAverage and
// Naive2 (seasonally adjusted naive, the M4 benchmark). Used by the engine as baselines and by the
// bench to compute OWA. Formulas and intervals follow Hyndman & Athanasopoulos, "Forecasting:
// Principles and Practice" 3rd ed. (FPP3) §5.2 and §5.5, as implemented by R's forecast::lagwalk.
//
//   Naive:        ŷ_{T+h} = y_T,                 se_h = σ √h
//   SeasonalNaive ŷ_{T+h} = y_{T+h−m(k+1)},      se_h = σ √(k+1),  k = ⌊(h−1)/m⌋
//   Drift:        ŷ_{T+h} = y_T + h b,  b = (y_T − y_1)/(T−1),  se_h = √(σ² h + (h·se(b))²)
//   MovingAverage ŷ_{T+h} = mean(y_{T−w+1..T}),   se_h = σ √(1 + 1/w)
// σ² is the mean squared lag-m difference (R's lagwalk); for Drift it is the variance of the
// differences around b and se(b) = σ/√(T−1).
// Naive2 (Makridakis, Spiliotis & Assimakopoulos 2020, M4): when the 90 % autocorrelation test finds
// seasonality (n ≥ 3m), divide by classical multiplicative seasonal indices, forecast naive, and
// multiply the forecast (and its interval) back by the indices.

import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	ModelState,
	PredictOptions,
} from '../types';
import { decompose, futureSeasonal, seasonalityTest } from '../series/classical';
import { checkHorizon, checkSeries, gaussianIntervals, residualRms } from './model-utils';

/** Fitted lag walk y_t = y_{t−lag} + drift + ε_t (Naive, SeasonalNaive, Drift share it). */
class FittedLagWalk implements FittedForecaster {
	readonly name: string;
	readonly #y: Float64Array;
	readonly #lag: number;
	readonly #drift: number;
	readonly #driftSe: number;
	readonly #sigma: number;

	constructor(name: string, y: Float64Array, lag: number, withDrift: boolean) {
		this.name = name;
		this.#y = y;
		this.#lag = lag;
		const n = y.length;
		const nd = n - lag;
		let drift = 0;
		let driftSe = 0;
		let sigma = 0;
		if (nd > 0) {
			let sum = 0;
			for (let t = lag; t < n; t++) sum += y[t] - y[t - lag];
			if (withDrift) drift = sum / nd;
			let ss = 0;
			for (let t = lag; t < n; t++) ss += (y[t] - y[t - lag] - drift) ** 2;
			if (withDrift) {
				sigma = nd > 1 ? Math.sqrt(ss / (nd - 1)) : 0;
				driftSe = nd > 0 ? sigma / Math.sqrt(nd) : 0;
			} else sigma = Math.sqrt(ss / nd);
		}
		this.#drift = drift;
		this.#driftSe = driftSe;
		this.#sigma = sigma;
	}

	predict(horizon: number, opts: PredictOptions = {}): Forecast {
		const h = checkHorizon(horizon);
		const y = this.#y;
		const n = y.length;
		const lag = Math.min(this.#lag, n);
		const point = new Float64Array(h);
		const se = new Float64Array(h);
		for (let j = 0; j < h; j++) {
			const steps = Math.floor(j / lag) + 1; // lag periods walked to reach T+j+1
			const base = y[n - lag + (j % lag)];
			const s = lag === 1 ? j + 1 : steps;
			point[j] = base + (j + 1) * this.#drift;
			se[j] = Math.sqrt(this.#sigma ** 2 * s + (s * this.#driftSe) ** 2);
		}
		return { point, intervals: gaussianIntervals(point, se, opts.levels ?? []) };
	}

	predictInSample(): Float64Array {
		const y = this.#y;
		const out = new Float64Array(y.length).fill(NaN);
		for (let t = this.#lag; t < y.length; t++) out[t] = y[t - this.#lag] + this.#drift;
		return out;
	}

	toState(): ModelState {
		return {
			model: this.name,
			params: {
				lag: this.#lag,
				drift: this.#drift,
				sigma: this.#sigma,
				last: [...this.#y.slice(-this.#lag)],
			},
		};
	}
}

/** Naive (random walk): the last value, FPP3 §5.2. */
export class Naive implements Forecaster {
	readonly name = 'naive';
	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'naive');
		return new FittedLagWalk(this.name, y, 1, false);
	}
}

/** Seasonal naive: the value one season ago, FPP3 §5.2. Falls back to naive when n < m or m ≤ 1. */
export class SeasonalNaive implements Forecaster {
	readonly name = 'snaive';
	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'snaive');
		const m = Math.round(opts?.season ?? 1);
		const lag = m > 1 && y.length >= m ? m : 1;
		return new FittedLagWalk(this.name, y, lag, false);
	}
}

/** Random walk with drift (the line through the first and last value), FPP3 §5.2. */
export class Drift implements Forecaster {
	readonly name = 'drift';
	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'drift');
		return new FittedLagWalk(this.name, y, 1, y.length > 1);
	}
}

/** Moving average of the last `window` values, flat forecast (the mean method on a window). */
export class MovingAverage implements Forecaster {
	readonly name: string;
	readonly window: number;
	constructor(window = 4, name?: string) {
		if (!(window >= 1)) throw new RangeError(`MovingAverage: window must be ≥ 1, got ${window}`);
		this.window = Math.floor(window);
		this.name = name ?? `ma${this.window}`;
	}
	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, this.name);
		const n = y.length;
		const w = Math.min(this.window, n);
		const fitted = new Float64Array(n).fill(NaN);
		let s = 0;
		for (let t = 0; t < n; t++) {
			if (t >= w) fitted[t] = s / w;
			s += y[t];
			if (t >= w) s -= y[t - w];
		}
		let level = 0;
		for (let t = n - w; t < n; t++) level += y[t];
		level /= w;
		let sigma = residualRms(y, fitted);
		if (sigma === 0 && n > 1) {
			// too short for one-step residuals: spread of the window around its mean
			let ss = 0;
			for (let t = n - w; t < n; t++) ss += (y[t] - level) ** 2;
			sigma = w > 1 ? Math.sqrt(ss / (w - 1)) : 0;
		}
		const name = this.name;
		return {
			name,
			predict(horizon: number, opts: PredictOptions = {}): Forecast {
				const h = checkHorizon(horizon);
				const point = new Float64Array(h).fill(level);
				const se = new Float64Array(h).fill(sigma * Math.sqrt(1 + 1 / w));
				return { point, intervals: gaussianIntervals(point, se, opts.levels ?? []) };
			},
			predictInSample: () => fitted.slice(),
			toState: () => ({ model: name, params: { window: w, level, sigma } }),
		};
	}
}

/**
 * Naive2, the M4 benchmark: naive forecast of the seasonally adjusted series (classical
 * multiplicative decomposition) when the 90 % seasonality test passes (n ≥ 3m), reseasonalised.
 */
export class Naive2 implements Forecaster {
	readonly name = 'naive2';
	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'naive2');
		const m = Math.round(opts?.season ?? 1);
		const n = y.length;
		let figure: Float64Array | null = null;
		if (m > 1 && y.every((v) => v > 0) && seasonalityTest(y, m, 3)) {
			figure = decompose(y, m, 'multiplicative').figure;
		}
		const si = (t: number): number => (figure ? figure[t % m] : 1);
		const adj = y.map((v, t) => v / si(t));
		const inner = new FittedLagWalk(this.name, adj, 1, false);
		const name = this.name;
		return {
			name,
			predict(horizon: number, popts: PredictOptions = {}): Forecast {
				const f = inner.predict(horizon, popts);
				if (!figure) return f;
				const s = futureSeasonal(figure, n, f.point.length);
				const scale = (a: Float64Array): Float64Array => a.map((v, j) => v * s[j]);
				return {
					point: scale(f.point),
					intervals: f.intervals.map((iv) => ({
						level: iv.level,
						lower: scale(iv.lower),
						upper: scale(iv.upper),
					})),
				};
			},
			predictInSample: () => inner.predictInSample().map((v, t) => v * si(t)),
			toState: () => ({
				model: name,
				params: { seasonal: figure !== null, figure: figure ? [...figure] : [], last: adj[n - 1] },
			}),
		};
	}
}
