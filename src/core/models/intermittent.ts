// Forecasters for intermittent demand (many zero periods), typical of slow-moving fashion items:
// Croston, SBA, TSB, ADIDA and IMAPA, plus the Syntetos–Boylan classification the engine uses to
// decide whether to try them. All forecasts are flat (a demand rate per period).
//
//   Croston (1972, Oper. Res. Q. 23:289–303), as R's forecast::croston: SES (fixed α, initial = first
//     value) on the non-zero sizes z and on the intervals p between them; ŷ = ẑ / p̂.
//   SBA (Syncetos & Boylan 2005, IJF 21:303–314): ŷ = (1 − α/2) ẑ / p̂ (bias correction).
//   TSB (Teunter, Syntetos & Babai 2011, EJOR 214:606–615): probability d_t ← d + β(1[y_t>0] − d)
//     every period, size z_t ← z + α(y_t − z) on demand periods only; ŷ = d̂ ẑ.
//   ADIDA (Nikolopoulos et al. 2011, JORS 62:544–554): sum y over non-overlapping buckets of
//     k = round(ADI) periods (aligned to the end), SES on the bucket totals, ŷ = forecast / k.
//   IMAPA (Petropoulos & Kourentzes 2015, JORS 66:914–924): mean of the ADIDA forecasts over
//     k = 1 … max(1, round(ADI)).
// Intervals are a heuristic: ŷ ± z σ with σ the RMS of the one-step in-sample errors, constant in h
// (the engine replaces them by conformal intervals from its backtest when it has enough residuals).
// Classification (Syntetos, Boylan & Croston 2005, JORS 56:495–503): ADI = mean interval between
// demands, CV² = squared coefficient of variation of the non-zero sizes; cut-offs 1.32 and 0.49.

import type { FitOptions, Forecast, Forecaster, FittedForecaster, PredictOptions } from '../types';
import { SES } from './ets';
import { checkHorizon, checkSeries, gaussianIntervals, residualRms } from './model-utils';

/** ADI cut-off between smooth/erratic and intermittent/lumpy demand. */
export const ADI_CUTOFF = 1.32;
/** CV² cut-off between smooth/intermittent and erratic/lumpy demand. */
export const CV2_CUTOFF = 0.49;

/** Demand pattern of a series (Syntetos–Boylan–Croston quadrants). */
export interface DemandClass {
	/** Average inter-demand interval (periods); Infinity when there is no demand. */
	adi: number;
	/** Squared coefficient of variation of the non-zero demand sizes (NaN with < 2 demands). */
	cv2: number;
	kind: 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';
	/** ADI ≥ 1.32 (intermittent or lumpy). */
	intermittent: boolean;
}

/** Classify a demand series (non-positive values count as no demand). */
export function classify(y: Float64Array): DemandClass {
	const sizes: number[] = [];
	let lastIdx = -1;
	for (let t = 0; t < y.length; t++) {
		if (y[t] > 0) {
			sizes.push(y[t]);
			lastIdx = t;
		}
	}
	if (sizes.length === 0) return { adi: Infinity, cv2: NaN, kind: 'none', intermittent: true };
	// mean of the intervals diff(c(0, demand times)) = time of the last demand / number of demands
	const adi = (lastIdx + 1) / sizes.length;
	let cv2 = NaN;
	if (sizes.length > 1) {
		const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
		const v = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (sizes.length - 1);
		cv2 = v / (mean * mean);
	}
	const highAdi = adi >= ADI_CUTOFF;
	const highCv = cv2 >= CV2_CUTOFF;
	const kind = highAdi ? (highCv ? 'lumpy' : 'intermittent') : highCv ? 'erratic' : 'smooth';
	return { adi, cv2, kind, intermittent: highAdi };
}

/** A flat-forecast fitted model built from a rate and its in-sample one-step fitted values. */
function flatFitted(
	name: string,
	y: Float64Array,
	rate: number,
	fitted: Float64Array,
	params: Record<string, number>,
): FittedForecaster {
	const sigma = residualRms(y, fitted);
	return {
		name,
		predict(horizon: number, opts: PredictOptions = {}): Forecast {
			const h = checkHorizon(horizon);
			const point = new Float64Array(h).fill(rate);
			const se = new Float64Array(h).fill(sigma);
			return { point, intervals: gaussianIntervals(point, se, opts.levels ?? []) };
		},
		predictInSample: () => fitted.slice(),
		toState: () => ({ model: name, params: { rate, sigma, ...params } }),
	};
}

/** Croston's method and its SBA variant (R's forecast::croston, initial values = first demand). */
export class Croston implements Forecaster {
	readonly name: string;
	readonly alpha: number;
	readonly #sba: boolean;

	constructor(opts: { alpha?: number; sba?: boolean; name?: string } = {}) {
		this.alpha = opts.alpha ?? 0.1;
		this.#sba = opts.sba ?? false;
		this.name = opts.name ?? (this.#sba ? 'sba' : 'croston');
		if (!(this.alpha > 0 && this.alpha <= 1))
			throw new RangeError('Croston: alpha must be in (0, 1]');
	}

	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, this.name);
		const a = this.alpha;
		const factor = this.#sba ? 1 - a / 2 : 1;
		const n = y.length;
		const fitted = new Float64Array(n).fill(NaN);
		let z = 0; // smoothed size
		let p = 0; // smoothed interval
		let count = 0;
		let lastT = -1;
		const rateNow = (): number => (count === 0 ? 0 : (factor * z) / p);
		for (let t = 0; t < n; t++) {
			if (t > 0) fitted[t] = rateNow();
			if (y[t] > 0) {
				const interval = t - lastT;
				if (count === 0) {
					z = y[t];
					p = interval;
				} else {
					z += a * (y[t] - z);
					p += a * (interval - p);
				}
				count++;
				lastT = t;
			}
		}
		return flatFitted(this.name, y, rateNow(), fitted, { alpha: a, size: z, interval: p });
	}
}

/** SBA: Croston with the Syntetos–Boylan bias correction (1 − α/2). */
export class SBA extends Croston {
	constructor(opts: { alpha?: number } = {}) {
		super({ alpha: opts.alpha, sba: true, name: 'sba' });
	}
}

/** TSB: smooths the demand probability every period, so obsolescence lowers the forecast. */
export class TSB implements Forecaster {
	readonly name = 'tsb';
	readonly alphaSize: number;
	readonly alphaProb: number;

	constructor(opts: { alphaSize?: number; alphaProb?: number } = {}) {
		this.alphaSize = opts.alphaSize ?? 0.1;
		this.alphaProb = opts.alphaProb ?? 0.1;
	}

	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'tsb');
		const n = y.length;
		// initial probability and size: first-period indicator and first demand (as statsforecast)
		let d = y[0] > 0 ? 1 : 0;
		let z = 0;
		for (let t = 0; t < n; t++) {
			if (y[t] > 0) {
				z = y[t];
				break;
			}
		}
		const fitted = new Float64Array(n).fill(NaN);
		for (let t = 0; t < n; t++) {
			if (t > 0) fitted[t] = d * z;
			const hit = y[t] > 0 ? 1 : 0;
			d += this.alphaProb * (hit - d);
			if (hit) z += this.alphaSize * (y[t] - z);
		}
		return flatFitted(this.name, y, d * z, fitted, {
			alphaSize: this.alphaSize,
			alphaProb: this.alphaProb,
		});
	}
}

/** SES level of x with optimised α (ETS(A,N,N)); the mean for very short x. */
function sesLevel(x: Float64Array): number {
	if (x.length === 0) return 0;
	if (x.length < 5) return x.reduce((a, b) => a + b, 0) / x.length;
	if (x.every((v) => v === x[0])) return x[0];
	try {
		return new SES().fit(x).predict(1).point[0];
	} catch {
		return x.reduce((a, b) => a + b, 0) / x.length;
	}
}

/** Per-period forecast of temporal aggregation at level k (ADIDA's core). */
function aggregatedRate(y: Float64Array, k: number): number {
	const buckets = Math.floor(y.length / k);
	if (buckets === 0) return y.reduce((a, b) => a + b, 0) / Math.max(1, y.length);
	const agg = new Float64Array(buckets);
	const start = y.length - buckets * k;
	for (let i = 0; i < buckets; i++) {
		let s = 0;
		for (let t = start + i * k; t < start + (i + 1) * k; t++) s += y[t];
		agg[i] = s;
	}
	return sesLevel(agg) / k;
}

/** One-step in-sample values of a rate rule, refitted on each prefix (expensive; used sparingly). */
function prefixFitted(y: Float64Array, rate: (prefix: Float64Array) => number): Float64Array {
	const n = y.length;
	const fitted = new Float64Array(n).fill(NaN);
	// refit on a thinned set of prefixes to bound the cost, carrying the value forward
	const stride = Math.max(1, Math.floor(n / 50));
	let last = NaN;
	for (let t = 1; t < n; t++) {
		if (t % stride === 0 || t === 1) last = rate(y.subarray(0, t));
		fitted[t] = last;
	}
	return fitted;
}

/** ADIDA: aggregate–disaggregate with the aggregation level set to the mean inter-demand interval. */
export class ADIDA implements Forecaster {
	readonly name = 'adida';
	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'adida');
		const levelOf = (x: Float64Array): number => {
			const c = classify(x);
			return Number.isFinite(c.adi) ? Math.max(1, Math.round(c.adi)) : 1;
		};
		const k = levelOf(y);
		const rule = (x: Float64Array): number => aggregatedRate(x, levelOf(x));
		return flatFitted(this.name, y, aggregatedRate(y, k), prefixFitted(y, rule), { k });
	}
}

/** IMAPA: average of ADIDA forecasts over aggregation levels 1 … round(ADI). */
export class IMAPA implements Forecaster {
	readonly name = 'imapa';
	fit(y: Float64Array, _opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'imapa');
		const rule = (x: Float64Array): number => {
			const c = classify(x);
			const maxK = Number.isFinite(c.adi) ? Math.max(1, Math.round(c.adi)) : 1;
			let s = 0;
			for (let k = 1; k <= maxK; k++) s += aggregatedRate(x, k);
			return s / maxK;
		};
		return flatFitted(this.name, y, rule(y), prefixFitted(y, rule), {});
	}
}
