// Classical tools shared by the simple models and the engine: the 90 % autocorrelation seasonality
// test (M4 benchmarks; forecast::thetaf), classical multiplicative/additive decomposition (R's
// stats::decompose) and linear interpolation of interior gaps. Pure TypeScript.

import { acf } from '../stats';

/** One-sided 90 % normal quantile used by the M4 seasonality test (qnorm(0.95)). */
const T_CRIT_90 = 1.6448536269514722;

/**
 * Seasonality test of the M4 benchmarks and forecast::thetaf: the lag-m autocorrelation r_m is
 * significant when |r_m| > 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n) (Bartlett's variance).
 * Returns false for m ≤ 1, constant series, or n < minCycles·m (M4 uses 3, thetaf uses n > 2m).
 */
export function seasonalityTest(y: Float64Array, m: number, minCycles = 3): boolean {
	const n = y.length;
	if (m <= 1 || n < minCycles * m || n <= m) return false;
	if (y.every((v) => v === y[0])) return false;
	const r = acf(y, m);
	let s = 1;
	for (let k = 1; k < m; k++) s += 2 * r[k] * r[k];
	const limit = T_CRIT_90 * Math.sqrt(s / n);
	return Math.abs(r[m]) > limit;
}

/** Result of a classical decomposition: trend (NaN at the ends), seasonal, remainder, indices. */
export interface ClassicalDecomposition {
	trend: Float64Array;
	seasonal: Float64Array;
	remainder: Float64Array;
	/** Seasonal indices for positions 0..m−1 counted from the first observation. */
	figure: Float64Array;
}

/**
 * Classical decomposition as R's stats::decompose: trend = centred moving average of order m
 * (2×m MA for even m); seasonal figure = mean of detrended values per cycle position, normalised
 * to mean 1 (multiplicative) or 0 (additive). Needs n ≥ 2m.
 */
export function decompose(
	y: Float64Array,
	m: number,
	type: 'multiplicative' | 'additive' = 'multiplicative',
): ClassicalDecomposition {
	const n = y.length;
	if (m < 2 || n < 2 * m) throw new RangeError(`decompose: need at least two cycles of ${m}`);
	const trend = new Float64Array(n).fill(NaN);
	const even = m % 2 === 0;
	const half = Math.floor(m / 2);
	for (let t = half; t < n - half; t++) {
		let s = 0;
		if (even) {
			s += 0.5 * (y[t - half] + y[t + half]);
			for (let k = -half + 1; k < half; k++) s += y[t + k];
		} else {
			for (let k = -half; k <= half; k++) s += y[t + k];
		}
		trend[t] = s / m;
	}
	const mult = type === 'multiplicative';
	const figure = new Float64Array(m);
	for (let i = 0; i < m; i++) {
		let s = 0;
		let c = 0;
		for (let t = i; t < n; t += m) {
			const d = mult ? y[t] / trend[t] : y[t] - trend[t];
			if (Number.isFinite(d)) {
				s += d;
				c++;
			}
		}
		figure[i] = c > 0 ? s / c : mult ? 1 : 0;
	}
	let mean = 0;
	for (let i = 0; i < m; i++) mean += figure[i];
	mean /= m;
	for (let i = 0; i < m; i++) figure[i] = mult ? figure[i] / mean : figure[i] - mean;
	const seasonal = new Float64Array(n);
	const remainder = new Float64Array(n);
	for (let t = 0; t < n; t++) {
		seasonal[t] = figure[t % m];
		remainder[t] = mult ? y[t] / (trend[t] * seasonal[t]) : y[t] - trend[t] - seasonal[t];
	}
	return { trend, seasonal, remainder, figure };
}

/** Seasonal indices for the h periods after a series of length n, from a decomposition's figure. */
export function futureSeasonal(figure: Float64Array, n: number, h: number): Float64Array {
	const m = figure.length;
	const out = new Float64Array(h);
	for (let j = 0; j < h; j++) out[j] = figure[(n + j) % m];
	return out;
}

/** Outcome of {@link fillGaps}. */
export interface FilledSeries {
	y: Float64Array;
	/** Interior non-finite values replaced by linear interpolation. */
	interpolated: number;
	/** Leading and trailing non-finite values removed. */
	trimmedStart: number;
	trimmedEnd: number;
}

/**
 * Replace interior NaN/±Infinity by linear interpolation between the neighbouring finite values and
 * trim non-finite values at both ends (nothing to interpolate from). Never drops interior points,
 * so the time index is preserved.
 */
export function fillGaps(y: Float64Array): FilledSeries {
	let a = 0;
	let b = y.length;
	while (a < b && !Number.isFinite(y[a])) a++;
	while (b > a && !Number.isFinite(y[b - 1])) b--;
	const out = y.slice(a, b);
	let interpolated = 0;
	let last = 0;
	for (let t = 1; t < out.length; t++) {
		if (Number.isFinite(out[t])) {
			if (t - last > 1) {
				const step = (out[t] - out[last]) / (t - last);
				for (let k = last + 1; k < t; k++) out[k] = out[last] + step * (k - last);
				interpolated += t - last - 1;
			}
			last = t;
		}
	}
	return { y: out, interpolated, trimmedStart: a, trimmedEnd: y.length - b };
}
