// Exponential smoothing state-space models (ETS) and automatic ETS selection, ported from R's
// forecast::ets (v8.20) so fits and forecasts match R. Used by src/core/engine.ts and the forecast
// worker; SES / Holt / HoltWinters are thin wrappers for the model menu.
//
// Model (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential Smoothing", ch. 2):
//   one-step forecast  μ_t = (ℓ_{t−1} + φ b_{t−1}) ⊕ s_{t−m}      (⊕ = + or ×, by season type)
//   y_t = μ_t + ε_t (additive error)  or  y_t = μ_t (1 + ε_t) (multiplicative error)
//   ℓ_t = q + α (p − q),  q = ℓ_{t−1} + φ b_{t−1},  p = y_t ⊖ s_{t−m}
//   b_t = φ b_{t−1} + (β/α)(ℓ_t − ℓ_{t−1} − φ b_{t−1})
//   s_t = s_{t−m} + γ (y_t ⊖ q − s_{t−m})
// Parameters θ = (α, β, γ, φ, ℓ₀, b₀, s₀ … s_{−m+2}) minimise
//   L(θ) = n log Σ ε_t² + 2 Σ log|μ_t| (second term for multiplicative error only),
// by R's Nelder–Mead from R's starting values, with the "both" bounds (usual 1e-4 ≤ α,β,γ ≤ 0.9999,
// β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98, and the admissible region of Hyndman et al. 2008 §10.2).
// AICc = L + 2k + 2k(k+1)/(n−k−1) with k = |θ| + 1, as R reports it.

import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	Interval,
	ModelState,
	PredictOptions,
} from '../types';
import { leastSquares, rootsWithin } from '../linalg';
import { nelderMead } from '../optim/nelder-mead';
import { mulberry32, normalSampler, qnorm } from '../stats';
import { checkFinite, checkLevels } from './model-utils';
import { mstl } from '../series/stl';

/** Error component: additive or multiplicative. */
export type EtsError = 'A' | 'M';
/** Trend component: none, additive, additive damped. */
export type EtsTrend = 'N' | 'A' | 'Ad';
/** Seasonal component: none, additive, multiplicative. */
export type EtsSeason = 'N' | 'A' | 'M';

/** A model specification with optionally fixed smoothing parameters (free ones are estimated). */
export interface EtsSpec {
	error: EtsError;
	trend: EtsTrend;
	season: EtsSeason;
	alpha?: number;
	beta?: number;
	gamma?: number;
	phi?: number;
}

/** Tuning options shared by ETS and AutoETS. */
export interface EtsOptions {
	/** Max objective evaluations per fit (R's maxit). Default 2000 as R. */
	maxEval?: number;
	/**
	 * Nelder–Mead's relative tolerance on the spread of the objective (−2 log-likelihood) over the
	 * simplex. Default R's optim() default, √ε ≈ 1.5e-8.
	 */
	relTol?: number;
	/** Simulated sample paths for multiplicative-model intervals. Default 5000 as R. */
	nPaths?: number;
	/** PRNG seed for simulated intervals (deterministic). Default 20080101. */
	seed?: number;
	/** Simulate intervals for multiplicative-season models instead of R's analytic class-3 formulas. */
	simulate?: boolean;
}

const LOWER = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER = [0.9999, 0.9999, 0.9999, 0.98];
const TOL = 1e-10;
/** Initial simplex of a warm-started fit (AutoEtsOptions.fitOnce): smoothing parameters ± this. */
const WARM_PAR_STEP = 0.02;
/** ... and initial states ± this share of their value. */
const WARM_STATE_STEP = 0.02;
const HUGEN = 1e10;

/** Numeric code of each component for the inner loops. */
interface Kinds {
	err: 0 | 1; // 0 additive, 1 multiplicative
	trend: 0 | 1; // 0 none, 1 additive
	season: 0 | 1 | 2; // 0 none, 1 additive, 2 multiplicative
	damped: boolean;
	m: number;
}

/** Smoothing parameters. */
interface Par {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
}

/** Human-readable label like "ETS(M,Ad,M)". */
export function etsLabel(spec: Pick<EtsSpec, 'error' | 'trend' | 'season'>): string {
	return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * Run the filter over y from the initial state x0 = (ℓ, b?, s_0 … s_{m−1}) (R's order: s_0 newest)
 * and return the objective L (NaN where R's etscalc gives up). Seasonal states live in `ring`
 * (length ≥ m, overwritten) so each step is O(1) in m and nothing is allocated: this loop is most
 * of the automatic choice's time. With `out`, one-step residuals ε_t (relative for M error) and
 * fitted μ_t are written; with `last`, the final state (R's order).
 */
function etsRun(
	y: Float64Array,
	k: Kinds,
	alpha: number,
	beta: number,
	gamma: number,
	phiIn: number,
	x0: ArrayLike<number>,
	ring: Float64Array,
	out?: { e: Float64Array; fitted: Float64Array },
	last?: Float64Array,
): number {
	const n = y.length;
	const season = k.season;
	const trend = k.trend;
	const mult = k.err === 1;
	const m = season ? k.m : 1;
	let l = x0[0];
	let b = trend ? x0[1] : 0;
	const off = 1 + trend;
	if (season) for (let j = 0; j < m; j++) ring[j] = x0[off + m - 1 - j];
	let pos = 0;
	const phi = k.damped ? phiIn : 1;
	const ba = beta / alpha;
	let sse = 0;
	// Σ log|μ_t| (multiplicative error only) as the log of a running product, renormalised before
	// it can overflow: one log per ~100 steps instead of one per step
	let lik2 = 0;
	let prod = 1;
	for (let t = 0; t < n; t++) {
		const phib = trend ? phi * b : 0;
		const q = l + phib;
		const so = season ? ring[pos] : 0;
		const f = season === 1 ? q + so : season === 2 ? q * so : q;
		if (Number.isNaN(f)) return NaN;
		const yt = y[t];
		let e: number;
		if (!mult) e = yt - f;
		else {
			const af = Math.abs(f);
			if (af < TOL) return NaN;
			e = (yt - f) / f;
			prod *= af;
			if (prod > 1e100 || prod < 1e-100) {
				lik2 += Math.log(prod);
				prod = 1;
			}
		}
		if (out) {
			out.e[t] = e;
			out.fitted[t] = f;
		}
		sse += e * e;
		// state update (identical for both error types, as in R's etscalc)
		const pp = season === 0 ? yt : season === 1 ? yt - so : Math.abs(so) < TOL ? HUGEN : yt / so;
		const lnew = q + alpha * (pp - q);
		if (trend) b = phib + ba * (lnew - l - phib);
		if (season) {
			const tt = season === 1 ? yt - q : Math.abs(q) < TOL ? HUGEN : yt / q;
			ring[pos] = so + gamma * (tt - so);
			pos = pos + 1 === m ? 0 : pos + 1;
		}
		l = lnew;
	}
	if (last) {
		last[0] = l;
		if (trend) last[1] = b;
		// newest seasonal is at ring[pos − 1]
		if (season) for (let j = 0; j < m; j++) last[off + j] = ring[(pos - 1 - j + 2 * m) % m];
	}
	let lik = n * Math.log(sse);
	if (mult) lik += 2 * (lik2 + Math.log(prod));
	return lik;
}

/** The filter and its specialised objective, for the test that pins them to each other (not API). */
export const etsInternals = {
	run: (...a: Parameters<typeof etsRun>): number => etsRun(...a),
	objective: (...a: Parameters<typeof etsObjective>): number => etsObjective(...a),
};

/**
 * etsRun without residuals or final state (the optimiser's objective, most of the automatic choice's
 * time): the same arithmetic in the same order, so the same value bit for bit, with the error and
 * season kinds decided once per call instead of at every step (one loop per kind; issue #11 speed).
 */
function etsObjective(
	y: Float64Array,
	k: Kinds,
	alpha: number,
	beta: number,
	gamma: number,
	phiIn: number,
	x0: ArrayLike<number>,
	ring: Float64Array,
): number {
	const n = y.length;
	const season = k.season;
	const trend = k.trend;
	const mult = k.err === 1;
	const m = season ? k.m : 1;
	let l = x0[0];
	let b = trend ? x0[1] : 0;
	const off = 1 + trend;
	if (season) for (let j = 0; j < m; j++) ring[j] = x0[off + m - 1 - j];
	let pos = 0;
	const phi = k.damped ? phiIn : 1;
	const ba = beta / alpha;
	let sse = 0;
	let lik2 = 0;
	let prod = 1;
	if (!mult && season === 0) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const f = q;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const e = yt - f;
			sse += e * e;
			const pp = yt;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			l = lnew;
		}
	} else if (!mult && season === 1) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const so = ring[pos];
			const f = q + so;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const e = yt - f;
			sse += e * e;
			const pp = yt - so;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			const tt = yt - q;
			ring[pos] = so + gamma * (tt - so);
			pos = pos + 1 === m ? 0 : pos + 1;
			l = lnew;
		}
	} else if (!mult && season === 2) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const so = ring[pos];
			const f = q * so;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const e = yt - f;
			sse += e * e;
			const pp = Math.abs(so) < TOL ? HUGEN : yt / so;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			const tt = Math.abs(q) < TOL ? HUGEN : yt / q;
			ring[pos] = so + gamma * (tt - so);
			pos = pos + 1 === m ? 0 : pos + 1;
			l = lnew;
		}
	} else if (mult && season === 0) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const f = q;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const af = Math.abs(f);
			if (af < TOL) return NaN;
			const e = (yt - f) / f;
			prod *= af;
			if (prod > 1e100 || prod < 1e-100) {
				lik2 += Math.log(prod);
				prod = 1;
			}
			sse += e * e;
			const pp = yt;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			l = lnew;
		}
	} else if (mult && season === 1) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const so = ring[pos];
			const f = q + so;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const af = Math.abs(f);
			if (af < TOL) return NaN;
			const e = (yt - f) / f;
			prod *= af;
			if (prod > 1e100 || prod < 1e-100) {
				lik2 += Math.log(prod);
				prod = 1;
			}
			sse += e * e;
			const pp = yt - so;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			const tt = yt - q;
			ring[pos] = so + gamma * (tt - so);
			pos = pos + 1 === m ? 0 : pos + 1;
			l = lnew;
		}
	} else if (mult && season === 2) {
		for (let t = 0; t < n; t++) {
			const phib = trend ? phi * b : 0;
			const q = l + phib;
			const so = ring[pos];
			const f = q * so;
			if (Number.isNaN(f)) return NaN;
			const yt = y[t];
			const af = Math.abs(f);
			if (af < TOL) return NaN;
			const e = (yt - f) / f;
			prod *= af;
			if (prod > 1e100 || prod < 1e-100) {
				lik2 += Math.log(prod);
				prod = 1;
			}
			sse += e * e;
			const pp = Math.abs(so) < TOL ? HUGEN : yt / so;
			const lnew = q + alpha * (pp - q);
			if (trend) b = phib + ba * (lnew - l - phib);
			const tt = Math.abs(q) < TOL ? HUGEN : yt / q;
			ring[pos] = so + gamma * (tt - so);
			pos = pos + 1 === m ? 0 : pos + 1;
			l = lnew;
		}
	}
	let lik = n * Math.log(sse);
	if (mult) lik += 2 * (lik2 + Math.log(prod));
	return lik;
}

/** etsRun with its own buffers: the objective, residuals and fitted values and the final state. */
function etsFilter(
	y: Float64Array,
	k: Kinds,
	p: Par,
	x0: ArrayLike<number>,
	out?: { e: Float64Array; fitted: Float64Array },
): { lik: number; last: Float64Array } {
	const last = new Float64Array(1 + k.trend + (k.season ? k.m : 0));
	const lik = etsRun(
		y,
		k,
		p.alpha,
		p.beta,
		p.gamma,
		p.phi,
		x0,
		new Float64Array(k.season ? k.m : 1),
		out,
		last,
	);
	return Number.isNaN(lik) ? { lik, last: new Float64Array(0) } : { lik, last };
}

/** Deterministic h-step forecasts from a state in R's order (etsforecast). */
function etsPoint(state: ArrayLike<number>, k: Kinds, phi: number, h: number): Float64Array {
	const f = new Float64Array(h);
	const m = k.m;
	const off = 1 + k.trend;
	const ph = k.damped ? phi : 1;
	let phistar = ph;
	for (let i = 0; i < h; i++) {
		f[i] = k.trend ? state[0] + phistar * state[1] : state[0];
		if (k.season) {
			let j = m - 1 - i;
			while (j < 0) j += m;
			const s = state[off + j];
			f[i] = k.season === 1 ? f[i] + s : f[i] * s;
		}
		phistar += Math.abs(ph - 1) < TOL ? 1 : Math.pow(ph, i + 2);
	}
	return f;
}

/** Scratch space of the admissibility check, reused across the evaluations of one fit. */
interface RootCache {
	P?: Float64Array;
	work?: Float64Array;
}

/** R's admissible(): stability/forecastability region of Hyndman et al. (2008) ch. 10. */
function admissible(
	alpha: number,
	beta: number | null,
	gamma: number | null,
	phi: number,
	m: number,
	cache: RootCache = {},
): boolean {
	if (phi < 0 || phi > 1 + 1e-8) return false;
	if (gamma === null) {
		if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
		if (beta !== null && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
		return true;
	}
	if (m > 1) {
		const bb = beta ?? 0;
		if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
		if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
		if (bb < -(1 - phi) * (gamma / m + alpha)) return false;
		if (!cache.P || cache.P.length !== m + 2) {
			cache.P = new Float64Array(m + 2);
			cache.work = new Float64Array(2 * (m + 2));
		}
		const P = cache.P;
		P[0] = phi * (1 - alpha - gamma);
		P[1] = alpha + bb - alpha * phi + gamma - 1;
		for (let i = 2; i < m; i++) P[i] = alpha + bb - alpha * phi;
		P[m] = alpha + bb - phi;
		P[m + 1] = 1;
		// R: max(Mod(polyroot(P))) ≤ 1 + 1e-10, decided here without finding the roots
		if (!rootsWithin(P, 1 + 1e-10, cache.work)) return false;
	}
	return true;
}

/** Classical decomposition seasonal figure (R's decompose), length m, starting at y[0]'s position. */
function decomposeFigure(y: Float64Array, m: number, mult: boolean): Float64Array {
	const n = y.length;
	const w =
		m % 2 === 0
			? [0.5 / m, ...new Array<number>(m - 1).fill(1 / m), 0.5 / m]
			: new Array<number>(m).fill(1 / m);
	const half = Math.floor(w.length / 2);
	const sums = new Float64Array(m);
	const counts = new Float64Array(m);
	for (let t = half; t < n - (w.length - 1 - half); t++) {
		let tr = 0;
		for (let j = 0; j < w.length; j++) tr += w[j] * y[t - half + j];
		const d = mult ? y[t] / tr : y[t] - tr;
		sums[t % m] += d;
		counts[t % m]++;
	}
	const fig = new Float64Array(m);
	let mean = 0;
	for (let i = 0; i < m; i++) {
		fig[i] = sums[i] / counts[i];
		mean += fig[i] / m;
	}
	for (let i = 0; i < m; i++) fig[i] = mult ? fig[i] / mean : fig[i] - mean;
	return fig;
}

/** R's initstate(): heuristic initial ℓ₀, b₀, s₀ … s_{m−2} (m−1 seasonal values). */
function initState(y: Float64Array, k: Kinds): number[] {
	const n = y.length;
	let ysa = y;
	const seas: number[] = [];
	const m = k.season ? k.m : 1;
	if (k.season) {
		const mult = k.season === 2;
		let seasonal: Float64Array;
		if (n < 3 * m) {
			const t = Float64Array.from({ length: n }, (_, i) => i + 1);
			const cols: Float64Array[] = [new Float64Array(n).fill(1), t];
			const s1 = t.map((ti) => Math.sin((2 * Math.PI * ti) / m));
			const c1 = t.map((ti) => Math.cos((2 * Math.PI * ti) / m));
			if (m > 2) cols.push(s1);
			cols.push(c1);
			const fit = leastSquares(cols, y);
			seasonal = y.map((v, i) => {
				const tr = fit.coef[0] + fit.coef[1] * (i + 1);
				return mult ? v / tr : v - tr;
			});
		} else {
			const fig = decomposeFigure(y, m, mult);
			seasonal = Float64Array.from({ length: n }, (_, i) => fig[i % m]);
		}
		for (let i = m - 1; i >= 1; i--) seas.push(seasonal[i]);
		if (!mult) ysa = y.map((v, i) => v - seasonal[i]);
		else {
			for (let i = 0; i < seas.length; i++) seas[i] = Math.max(seas[i], 0.01);
			const sum = seas.reduce((a, b) => a + b, 0);
			if (sum > m) {
				const d = seas.reduce((a, b) => a + b + 0.01, 0);
				for (let i = 0; i < seas.length; i++) seas[i] /= d;
			}
			ysa = y.map((v, i) => v / Math.max(seasonal[i], 0.01));
		}
	}
	const maxn = Math.min(Math.max(10, 2 * m), n);
	if (!k.trend) {
		let s = 0;
		for (let i = 0; i < maxn; i++) s += ysa[i];
		return [s / maxn, ...seas];
	}
	// lsfit(1:maxn, ysa[1:maxn])
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < maxn; i++) {
		sx += i + 1;
		sy += ysa[i];
	}
	const mx = sx / maxn;
	const my = sy / maxn;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < maxn; i++) {
		sxy += (i + 1 - mx) * (ysa[i] - my);
		sxx += (i + 1 - mx) ** 2;
	}
	let b0 = sxx > 0 ? sxy / sxx : 0;
	let l0 = my - b0 * mx;
	if (Math.abs(l0 + b0) < 1e-8) {
		l0 *= 1 + 1e-3;
		b0 *= 1 - 1e-3;
	}
	return [l0, b0, ...seas];
}

/** Everything a fitted ETS model needs to forecast. */
interface EtsFitCore {
	spec: Required<Pick<EtsSpec, 'error' | 'trend' | 'season'>>;
	m: number;
	par: Par;
	init: Float64Array;
	last: Float64Array;
	fitted: Float64Array;
	residuals: Float64Array;
	loglik: number;
	aic: number;
	aicc: number;
	bic: number;
	sigma2: number;
	nParams: number;
}

function kindsOf(spec: EtsSpec, m: number): Kinds {
	return {
		err: spec.error === 'M' ? 1 : 0,
		trend: spec.trend === 'N' ? 0 : 1,
		season: spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2,
		damped: spec.trend === 'Ad',
		m: spec.season === 'N' ? 1 : m,
	};
}

/** etsmodel(): estimate one specification; returns null when it cannot be fitted (too few data). */
function fitEtsCore(
	y: Float64Array,
	spec: EtsSpec,
	m: number,
	maxEval: number,
	relTol?: number,
	warm?: { from: EtsFitCore; filterOnly: boolean },
): EtsFitCore | null {
	const k = kindsOf(spec, m);
	const n = y.length;
	const lower = LOWER.slice();
	const upper = UPPER.slice();
	if (spec.alpha !== undefined) {
		upper[1] = Math.min(spec.alpha, upper[1]);
		upper[2] = Math.min(1 - spec.alpha, upper[2]);
	}
	if (spec.beta !== undefined) lower[0] = Math.max(spec.beta, lower[0]);
	if (spec.gamma !== undefined) upper[0] = Math.min(1 - spec.gamma, upper[0]);
	// initparam()
	const names: ('alpha' | 'beta' | 'gamma' | 'phi')[] = [];
	const start: number[] = [];
	let alpha0 = spec.alpha;
	if (alpha0 === undefined) {
		alpha0 = lower[0] + (0.2 * (upper[0] - lower[0])) / k.m;
		if (alpha0 > 1 || alpha0 < 0) alpha0 = lower[0] + 2e-3;
		names.push('alpha');
		start.push(alpha0);
	}
	if (k.trend && spec.beta === undefined) {
		const up = Math.min(upper[1], alpha0);
		let b = lower[1] + 0.1 * (up - lower[1]);
		if (b < 0 || b > alpha0) b = alpha0 - 1e-3;
		names.push('beta');
		start.push(b);
	}
	if (k.season && spec.gamma === undefined) {
		const up = Math.min(upper[2], 1 - alpha0);
		let g = lower[2] + 0.05 * (up - lower[2]);
		if (g < 0 || g > 1 - alpha0) g = 1 - alpha0 - 1e-3;
		names.push('gamma');
		start.push(g);
	}
	if (k.damped && spec.phi === undefined) {
		let ph = lower[3] + 0.99 * (upper[3] - lower[3]);
		if (ph < 0 || ph > 1) ph = upper[3] - 1e-3;
		names.push('phi');
		start.push(ph);
	}
	const init = initState(y, k);
	const nstate = init.length;
	const np = start.length + nstate;
	if (np >= n - 1) return null;
	const x0 = [...start, ...init];
	const off = 1 + k.trend;
	const full = new Float64Array(nstate + (k.season ? 1 : 0));
	const iA = names.indexOf('alpha');
	const iB = names.indexOf('beta');
	const iG = names.indexOf('gamma');
	const iP = names.indexOf('phi');
	/** The smoothing parameters of x (into `p`, so the objective allocates nothing). */
	const unpack = (x: ArrayLike<number>, p: Par = { alpha: 0, beta: 0, gamma: 0, phi: 0 }): Par => {
		p.alpha = iA >= 0 ? x[iA] : (spec.alpha ?? NaN);
		p.beta = iB >= 0 ? x[iB] : (spec.beta ?? NaN);
		p.gamma = iG >= 0 ? x[iG] : (spec.gamma ?? NaN);
		p.phi = iP >= 0 ? x[iP] : (spec.phi ?? (k.damped ? NaN : 1));
		return p;
	};
	const fillState = (x: ArrayLike<number>): void => {
		let s = 0;
		for (let i = 0; i < nstate; i++) {
			full[i] = x[names.length + i];
			if (i >= off) s += full[i];
		}
		if (k.season) full[nstate] = (k.season === 2 ? k.m : 0) - s;
	};
	const rootCache: RootCache = {};
	const checkParam = (p: Par): boolean => {
		if (p.alpha < lower[0] || p.alpha > upper[0]) return false;
		if (k.trend && (p.beta < lower[1] || p.beta > p.alpha || p.beta > upper[1])) return false;
		if (k.damped && (p.phi < lower[3] || p.phi > upper[3])) return false;
		if (k.season && (p.gamma < lower[2] || p.gamma > 1 - p.alpha || p.gamma > upper[2]))
			return false;
		return admissible(
			p.alpha,
			k.trend ? p.beta : null,
			k.season ? p.gamma : null,
			k.damped ? p.phi : 1,
			k.m,
			rootCache,
		);
	};
	const cur: Par = { alpha: 0, beta: 0, gamma: 0, phi: 0 };
	const ring = new Float64Array(k.season ? k.m : 1);
	const objective = (x: Float64Array): number => {
		const p = unpack(x, cur);
		if (!checkParam(p)) return Infinity;
		fillState(x);
		if (k.season === 2) {
			for (let i = off; i < full.length; i++) if (full[i] < 0) return Infinity;
		}
		const lik = etsObjective(y, k, p.alpha, p.beta, p.gamma, p.phi, full, ring);
		if (Number.isNaN(lik)) return Infinity;
		if (lik < -1e10) return -1e10;
		return lik;
	};
	// a warm start: the smoothing parameters and initial states of an earlier fit of the same
	// specification on an earlier window of this series (AutoEtsOptions.fitOnce)
	let xw: Float64Array | null = null;
	if (warm && warm.from.init.length >= nstate) {
		xw = new Float64Array(np);
		names.forEach((nm, i) => (xw![i] = warm.from.par[nm]));
		for (let i = 0; i < nstate; i++) xw[names.length + i] = warm.from.init[i];
		if (!Number.isFinite(objective(Float64Array.from(xw)))) xw = null;
	}
	if (!xw && !Number.isFinite(objective(Float64Array.from(x0)))) return null;
	const opt = !xw
		? nelderMead(objective, x0, { maxEval, ...(relTol !== undefined ? { relTol } : {}) })
		: warm!.filterOnly
			? { x: xw }
			: nelderMead(objective, xw, {
					maxEval,
					...(relTol !== undefined ? { relTol } : {}),
					// a small simplex around the earlier optimum
					step: Array.from(xw, (v, i) =>
						i < names.length ? WARM_PAR_STEP : WARM_STATE_STEP * Math.max(Math.abs(v), 1e-8),
					),
				});
	const par = unpack(opt.x);
	fillState(opt.x);
	const init0 = Float64Array.from(full);
	const e = new Float64Array(n);
	const fitted = new Float64Array(n);
	const { lik, last } = etsFilter(y, k, par, init0, { e, fitted });
	if (!Number.isFinite(lik)) return null;
	const npk = np + 1;
	const aic = lik + 2 * npk;
	let sse = 0;
	for (let i = 0; i < n; i++) sse += e[i] * e[i];
	return {
		spec: { error: spec.error, trend: spec.trend, season: spec.season },
		m: k.m,
		par,
		init: init0,
		last,
		fitted,
		residuals: e,
		loglik: -0.5 * lik,
		aic,
		aicc: aic + (2 * npk * (npk + 1)) / (n - npk - 1),
		bic: lik + Math.log(n) * npk,
		sigma2: sse / (n - np),
		nParams: npk,
	};
}

/** R's class1(): mean and variance for linear (additive-error) models, v_h = σ²(1 + Σ_{j<h} c_j²). */
function class1Var(core: EtsFitCore, k: Kinds, h: number): Float64Array {
	// c_j = w' F^{j−1} g for the linear innovations form; computed by propagating g through F.
	const m = k.m;
	const phi = k.damped ? core.par.phi : 1;
	const p = 1 + k.trend + (k.season ? m : 0);
	const off = 1 + k.trend;
	const w = new Float64Array(p);
	w[0] = 1;
	if (k.trend) w[1] = phi;
	if (k.season) w[p - 1] = 1;
	let v = new Float64Array(p); // F^{j-1} g
	v[0] = core.par.alpha;
	if (k.trend) v[1] = core.par.beta;
	if (k.season) v[off] = core.par.gamma;
	const out = new Float64Array(h);
	let cum = 0;
	for (let i = 0; i < h; i++) {
		out[i] = core.sigma2 * (1 + cum);
		let c = 0;
		for (let j = 0; j < p; j++) c += w[j] * v[j];
		cum += c * c;
		const nv = new Float64Array(p);
		nv[0] = v[0] + (k.trend ? phi * v[1] : 0);
		if (k.trend) nv[1] = phi * v[1];
		if (k.season) {
			nv[off] = v[p - 1];
			for (let j = off + 1; j < p; j++) nv[j] = v[j - 1];
		}
		v = nv;
	}
	return out;
}

/** c_j² sequence (j = 1 … h−1) for class 2 (R's class2: θ recursion). */
function class2Var(core: EtsFitCore, k: Kinds, h: number, mu: Float64Array): Float64Array {
	const s2 = core.sigma2;
	const v1 = class1Var({ ...core, sigma2: 1 }, k, h); // 1 + cumsum(c²)
	const c2 = new Float64Array(h);
	for (let j = 1; j < h; j++) c2[j] = v1[j] - v1[j - 1]; // c_j²
	const theta = new Float64Array(h);
	theta[0] = mu[0] * mu[0];
	for (let j = 1; j < h; j++) {
		let s = 0;
		for (let i = 1; i <= j; i++) s += c2[i] * theta[j - i];
		theta[j] = mu[j] * mu[j] + s2 * s;
	}
	return theta.map((t, i) => (1 + s2) * t - mu[i] * mu[i]);
}

type Mat = { r: number; c: number; a: Float64Array };
const mat = (r: number, c: number): Mat => ({ r, c, a: new Float64Array(r * c) });
function mmul(x: Mat, y: Mat): Mat {
	const o = mat(x.r, y.c);
	for (let i = 0; i < x.r; i++)
		for (let k = 0; k < x.c; k++) {
			const v = x.a[i * x.c + k];
			if (v === 0) continue;
			for (let j = 0; j < y.c; j++) o.a[i * y.c + j] += v * y.a[k * y.c + j];
		}
	return o;
}
function mt(x: Mat): Mat {
	const o = mat(x.c, x.r);
	for (let i = 0; i < x.r; i++) for (let j = 0; j < x.c; j++) o.a[j * x.r + i] = x.a[i * x.c + j];
	return o;
}
function kron(x: Mat, y: Mat): Mat {
	const o = mat(x.r * y.r, x.c * y.c);
	for (let i = 0; i < x.r; i++)
		for (let j = 0; j < x.c; j++)
			for (let k = 0; k < y.r; k++)
				for (let l = 0; l < y.c; l++)
					o.a[(i * y.r + k) * o.c + j * y.c + l] = x.a[i * x.c + j] * y.a[k * y.c + l];
	return o;
}
function madd(...xs: [number, Mat][]): Mat {
	const o = mat(xs[0][1].r, xs[0][1].c);
	for (const [w, x] of xs) for (let i = 0; i < o.a.length; i++) o.a[i] += w * x.a[i];
	return o;
}

/**
 * R's class3(): exact mean and variance for ETS(M,N|A|Ad,M) via the matrix recursions of Hyndman et al.
 * (2008) §6.4 (Kronecker form). Unlike R 8.20 (which ignores φ here), damping enters H1, F1 and G1.
 */
function class3(core: EtsFitCore, k: Kinds, h: number): { mu: Float64Array; v: Float64Array } {
	const m = k.m;
	const s2 = core.sigma2;
	const { alpha, beta, gamma } = core.par;
	const phi = k.damped ? core.par.phi : 1;
	const p1 = 1 + k.trend;
	const H1 = mat(1, p1);
	const F1 = mat(p1, p1);
	const G1 = mat(p1, p1);
	if (k.trend) {
		H1.a.set([1, phi]);
		F1.a.set([1, phi, 0, phi]);
		G1.a.set([alpha, alpha * phi, beta, beta * phi]);
	} else {
		H1.a[0] = 1;
		F1.a[0] = 1;
		G1.a[0] = alpha;
	}
	const H2 = mat(1, m);
	H2.a[m - 1] = 1;
	const F2 = mat(m, m);
	F2.a[m - 1] = 1;
	for (let i = 1; i < m; i++) F2.a[i * m + i - 1] = 1;
	const G2 = mat(m, m);
	G2.a[m - 1] = gamma;
	let Mh = mat(p1, m);
	for (let i = 0; i < p1; i++)
		for (let j = 0; j < m; j++) Mh.a[i * m + j] = core.last[i] * core.last[p1 + j];
	const d = p1 * m;
	let Vh = mat(d, d);
	const H21 = kron(H2, H1);
	const F21 = kron(F2, F1);
	const G21 = kron(G2, G1);
	const K = madd([1, kron(G2, F1)], [1, kron(F2, G1)]);
	const F21t = mt(F21);
	const G21t = mt(G21);
	const Kt = mt(K);
	const H21t = mt(H21);
	const H2t = mt(H2);
	const mu = new Float64Array(h);
	const v = new Float64Array(h);
	for (let i = 0; i < h; i++) {
		mu[i] = mmul(mmul(H1, Mh), H2t).a[0];
		v[i] = (1 + s2) * mmul(mmul(H21, Vh), H21t).a[0] + s2 * mu[i] * mu[i];
		// vec(Mh), column-major
		const vec = mat(d, 1);
		for (let c = 0; c < m; c++) for (let r = 0; r < p1; r++) vec.a[c * p1 + r] = Mh.a[r * m + c];
		const vv = mmul(vec, mt(vec));
		Vh = madd(
			[1, mmul(mmul(F21, Vh), F21t)],
			[s2, mmul(mmul(F21, Vh), G21t)],
			[s2, mmul(mmul(G21, Vh), F21t)],
			[s2, mmul(mmul(K, madd([1, Vh], [1, vv])), Kt)],
			[s2 * s2, mmul(mmul(G21, madd([3, Vh], [2, vv])), G21t)],
		);
		Mh = madd([1, mmul(mmul(F1, Mh), mt(F2))], [s2, mmul(mmul(G1, Mh), mt(G2))]);
	}
	return { mu, v };
}

/** Sample quantile, R's type 8 (median-unbiased), of a sorted array. */
function quantile8(sorted: Float64Array, p: number): number {
	const n = sorted.length;
	const h = (n + 1 / 3) * p + 1 / 3;
	if (h <= 1) return sorted[0];
	if (h >= n) return sorted[n - 1];
	const lo = Math.floor(h);
	return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
}

/** Gaussian intervals point ± z·√v at each level. */
function normalIntervals(
	point: Float64Array,
	v: Float64Array,
	levels: readonly number[],
): Interval[] {
	return levels.map((level) => {
		const z = qnorm(0.5 + level / 2);
		const lower = new Float64Array(point.length);
		const upper = new Float64Array(point.length);
		for (let i = 0; i < point.length; i++) {
			const sd = Math.sqrt(Math.max(v[i], 0));
			lower[i] = point[i] - z * sd;
			upper[i] = point[i] + z * sd;
		}
		return { level, lower, upper };
	});
}

/** A fitted ETS model. */
export class FittedETS implements FittedForecaster {
	readonly name: string;
	/** AICc as R's ets reports it. */
	readonly aicc: number;
	readonly aic: number;
	readonly bic: number;
	readonly loglik: number;
	/** Residual variance Σε²/(n − k) (relative errors for multiplicative error). */
	readonly sigma2: number;
	/** Human-readable method, e.g. "ETS(M,Ad,M)". */
	readonly method: string;
	readonly spec: Readonly<Required<Pick<EtsSpec, 'error' | 'trend' | 'season'>>>;
	/** Estimated smoothing parameters (β, γ NaN and φ = 1 when absent). */
	readonly params: Readonly<Par>;
	/** Initial state ℓ₀, b₀?, s₀ … s_{−m+1} (R's order). */
	readonly initialState: Float64Array;
	/** Final state, the forecast origin. */
	readonly lastState: Float64Array;
	readonly residuals: Float64Array;
	readonly #core: EtsFitCore;
	readonly #opts: EtsOptions;

	/** @internal built by ETS.fit / AutoETS.fit */
	constructor(name: string, core: EtsFitCore, opts: EtsOptions) {
		this.name = name;
		this.#core = core;
		this.#opts = opts;
		this.aicc = core.aicc;
		this.aic = core.aic;
		this.bic = core.bic;
		this.loglik = core.loglik;
		this.sigma2 = core.sigma2;
		this.spec = core.spec;
		this.method = etsLabel(core.spec);
		this.params = core.par;
		this.initialState = core.init;
		this.lastState = core.last;
		this.residuals = core.residuals;
	}

	/** Point forecasts (the conditional mean, R's forecast.ets) and normal or simulated intervals. */
	predict(horizon: number, opts: PredictOptions = {}): Forecast {
		const core = this.#core;
		const k = kindsOf(core.spec, core.m);
		const h = Math.max(0, Math.floor(horizon));
		const point = etsPoint(core.last, k, core.par.phi, h);
		const levels = opts.levels ?? [];
		checkLevels(levels);
		if (h === 0) return { point, intervals: [] };
		if (levels.length === 0) {
			if (k.season === 2 && !this.#opts.simulate) point.set(class3(core, k, h).mu);
			return { point, intervals: [] };
		}
		let intervals: Interval[];
		if (k.season === 2 && !this.#opts.simulate) {
			const c3 = class3(core, k, h);
			point.set(c3.mu);
			intervals = normalIntervals(point, c3.v, levels);
		} else if (k.season !== 2) {
			const v = k.err === 0 ? class1Var(core, k, h) : class2Var(core, k, h, point);
			intervals = normalIntervals(point, v, levels);
		} else {
			intervals = this.#simulate(k, h, levels);
		}
		return { point, intervals };
	}

	/** Simulated intervals (R's pegelsfcast.C, used with `simulate: true`); seeded, deterministic. */
	#simulate(k: Kinds, h: number, levels: readonly number[]): Interval[] {
		const core = this.#core;
		const nPaths = this.#opts.nPaths ?? 5000;
		const z = normalSampler(mulberry32(this.#opts.seed ?? 20080101));
		const sd = Math.sqrt(core.sigma2);
		const paths: Float64Array[] = Array.from({ length: h }, () => new Float64Array(nPaths));
		const m = k.m;
		const off = 1 + k.trend;
		const phi = k.damped ? core.par.phi : 1;
		const { alpha, beta, gamma } = core.par;
		const ring = new Float64Array(m);
		for (let p = 0; p < nPaths; p++) {
			let l = core.last[0];
			let b = k.trend ? core.last[1] : 0;
			for (let j = 0; j < m; j++) ring[j] = core.last[off + m - 1 - j];
			let pos = 0;
			for (let t = 0; t < h; t++) {
				const phib = k.trend ? phi * b : 0;
				const q = l + phib;
				const so = k.season ? ring[pos] : 0;
				const f = k.season === 1 ? q + so : k.season === 2 ? q * so : q;
				let e = sd * z();
				let yt: number;
				if (k.err === 0) yt = f + e;
				else {
					e = Math.max(-1, e);
					yt = f * (1 + e);
				}
				paths[t][p] = yt;
				const pp = k.season === 0 ? yt : k.season === 1 ? yt - so : yt / so;
				const lnew = q + alpha * (pp - q);
				if (k.trend) b = phib + (beta / alpha) * (lnew - l - phib);
				if (k.season) {
					const tt = k.season === 1 ? yt - q : yt / q;
					ring[pos] = so + gamma * (tt - so);
					pos = pos + 1 === m ? 0 : pos + 1;
				}
				l = lnew;
			}
		}
		for (const col of paths) col.sort();
		return levels.map((level) => ({
			level,
			lower: Float64Array.from(paths, (col) => quantile8(col, 0.5 - level / 2)),
			upper: Float64Array.from(paths, (col) => quantile8(col, 0.5 + level / 2)),
		}));
	}

	/** One-step-ahead fitted values μ_t, length n. */
	predictInSample(): Float64Array {
		return Float64Array.from(this.#core.fitted);
	}

	toState(): ModelState {
		const c = this.#core;
		const params: ModelState['params'] = {
			method: this.method,
			error: c.spec.error,
			trend: c.spec.trend,
			season: c.spec.season,
			m: c.m,
			alpha: c.par.alpha,
			phi: c.par.phi,
			sigma2: c.sigma2,
			initialState: Array.from(c.init),
			lastState: Array.from(c.last),
		};
		// JSON has no NaN: absent components and criteria are left out.
		if (c.spec.trend !== 'N') params.beta = c.par.beta;
		if (c.spec.season !== 'N') params.gamma = c.par.gamma;
		if (Number.isFinite(c.aicc)) params.aicc = c.aicc;
		return { model: this.name, params };
	}
}

function seasonOf(opts?: FitOptions): number {
	const s = opts?.season ?? 1;
	return Number.isFinite(s) && s >= 1 ? Math.round(s) : 1;
}

function assertFinite(y: Float64Array): void {
	checkFinite(y, 'ETS');
}

/** ETS with a fixed specification, e.g. `new ETS({ error: 'M', trend: 'A', season: 'M' })`. */
export class ETS implements Forecaster {
	readonly name: string;
	readonly spec: EtsSpec;
	readonly #opts: EtsOptions;

	constructor(spec: EtsSpec, opts: EtsOptions = {}, name?: string) {
		this.spec = spec;
		this.#opts = opts;
		this.name = name ?? `ets-${spec.error}${spec.trend}${spec.season}`;
	}

	/** Estimate the parameters; throws RangeError if the data cannot support the specification. */
	fit(y: Float64Array, opts?: FitOptions): FittedETS {
		assertFinite(y);
		const m = seasonOf(opts);
		if (this.spec.season !== 'N' && (m <= 1 || y.length <= m)) {
			throw new RangeError(`ETS: seasonal model needs season > 1 and more than ${m} observations`);
		}
		if ((this.spec.error === 'M' || this.spec.season === 'M') && y.some((v) => v <= 0)) {
			throw new RangeError('ETS: multiplicative components need strictly positive data');
		}
		const core = fitEtsCore(y, this.spec, m, this.#opts.maxEval ?? 2000, this.#opts.relTol);
		if (!core)
			throw new RangeError(`ETS: not enough data (${y.length}) for ${etsLabel(this.spec)}`);
		return new FittedETS(this.name, core, this.#opts);
	}
}

/** Options for automatic ETS selection. */
export interface AutoEtsOptions extends EtsOptions {
	/** Allow damped trends. Default true. */
	damped?: boolean;
	/** Allow only damped trends (no undamped additive trend). Default false. */
	dampedOnly?: boolean;
	/** Restrict to additive components. Default false. */
	additiveOnly?: boolean;
	/** Information criterion to minimise. Default 'aicc'. */
	ic?: 'aicc' | 'aic' | 'bic';
	/**
	 * Seasonal periods above 24 (weekly m = 52): 'stl' (default) forecasts the STL seasonally adjusted
	 * series with non-seasonal ETS and adds back the last seasonal cycle, as forecast::stlf; 'drop'
	 * ignores seasonality like forecast::ets. 'stl' needs n > 2m, else seasonality is dropped.
	 */
	longSeason?: 'stl' | 'drop';
	/**
	 * Share the model selection between fits of one series' growing windows (the engine's backtest
	 * origins, oldest first, and its final fit): the first fit tries every specification and keeps
	 * its `screen` best by the criterion; each later fit of this instance tries only those (plus any
	 * the first fit could not judge, e.g. multiplicative ones on a window with zeros). Default 0
	 * (every fit tries every specification, as forecast::ets).
	 */
	screen?: number;
	/**
	 * With `screen`, on the seasonally adjusted series of the STL path (weekly data): fit-once cross-
	 * validation. The first fit estimates its specifications as usual; each later fit that is not
	 * `final` (the engine's later backtest origins, whose windows extend the first one) estimates
	 * nothing: it runs the filter of each kept specification with the first fit's smoothing parameters
	 * and initial states over the longer window and keeps the best by the criterion; the `final` fit
	 * starts Nelder–Mead from those estimates with a small simplex. Default false.
	 */
	fitOnce?: boolean;
}

/** Largest seasonal period R's ets accepts; above it seasonality is dropped (use STL + ETS instead). */
export const ETS_MAX_SEASON = 24;

/**
 * Automatic ETS as forecast::ets(y, "ZZZ"): fits every admissible combination (error A/M, trend N/A/Ad,
 * season N/A/M; no multiplicative trend; no A-error with M-season; M components only for y > 0;
 * seasonal only for 1 < m ≤ 24 and n > m) and keeps the lowest AICc. For m > 24 (weekly m = 52) R
 * drops seasonality; by default we instead use STL + ETS (forecast::stlf) when n > 2m, see longSeason.
 */
export class AutoETS implements Forecaster {
	readonly name = 'ets';
	readonly #opts: AutoEtsOptions;
	/** Labels of the specifications the first fit judged, and its best ones (screen). */
	#judged: Set<string> | null = null;
	#kept: Set<string> | null = null;
	/** The non-seasonal selection of the STL path (kept so that its screen is shared too). */
	#inner: AutoETS | null = null;
	/** The first fit's estimates of its kept specifications (fitOnce). */
	#first: Map<string, EtsFitCore> | null = null;

	constructor(opts: AutoEtsOptions = {}) {
		this.#opts = opts;
	}

	/** Candidate specifications R would try for these data. */
	static candidates(y: Float64Array, m: number, opts: AutoEtsOptions = {}): EtsSpec[] {
		const positive = y.every((v) => v > 0);
		const seasonal = m > 1 && m <= ETS_MAX_SEASON && y.length > m;
		const out: EtsSpec[] = [];
		for (const error of ['A', 'M'] as const) {
			if (error === 'M' && (!positive || opts.additiveOnly)) continue;
			for (const trend of ['N', 'A', 'Ad'] as const) {
				if (trend === 'Ad' && opts.damped === false) continue;
				if (trend === 'A' && opts.dampedOnly) continue;
				for (const season of ['N', 'A', 'M'] as const) {
					if (season !== 'N' && !seasonal) continue;
					if (season === 'M' && (error === 'A' || !positive || opts.additiveOnly)) continue;
					out.push({ error, trend, season });
				}
			}
		}
		return out;
	}

	fit(y: Float64Array, opts?: FitOptions): FittedETS | FittedStlETS {
		assertFinite(y);
		const m = seasonOf(opts);
		if (m > ETS_MAX_SEASON && (this.#opts.longSeason ?? 'stl') === 'stl' && y.length > 2 * m) {
			const dec = mstl(y, [m]);
			if (dec.seasonals.length === 1) {
				const seasonal = dec.seasonals[0].seasonal;
				const adjusted = y.map((v, i) => v - seasonal[i]);
				this.#inner ??= new AutoETS({ ...this.#opts, longSeason: 'drop' });
				const inner = this.#inner.fit(adjusted, opts?.final ? { final: true } : {}) as FittedETS;
				return new FittedStlETS(this.name, inner, seasonal, m);
			}
		}
		const ic = this.#opts.ic ?? 'aicc';
		let best: EtsFitCore | null = null;
		let bestIc = Infinity;
		const screen = this.#opts.screen ?? 0;
		const judged = this.#judged;
		const kept = this.#kept;
		const specs = AutoETS.candidates(y, m, this.#opts).filter(
			(sp) => !judged || !kept || kept.has(etsLabel(sp)) || !judged.has(etsLabel(sp)),
		);
		const scores: [string, number][] = [];
		const first = this.#opts.fitOnce && judged ? this.#first : null;
		const cores = new Map<string, EtsFitCore>();
		for (const spec of specs) {
			const from = first?.get(etsLabel(spec));
			const core = fitEtsCore(
				y,
				spec,
				m,
				this.#opts.maxEval ?? 2000,
				this.#opts.relTol,
				from ? { from, filterOnly: !opts?.final } : undefined,
			);
			if (!core) continue;
			cores.set(etsLabel(spec), core);
			const v = core[ic];
			if (Number.isFinite(v)) scores.push([etsLabel(spec), v]);
			if (Number.isFinite(v) && v < bestIc) {
				bestIc = v;
				best = core;
			}
		}
		if (screen > 0 && !judged && scores.length > 0) {
			this.#judged = new Set(scores.map((x) => x[0]));
			this.#kept = new Set(
				scores
					.sort((a, b) => a[1] - b[1])
					.slice(0, screen)
					.map((x) => x[0]),
			);
			if (this.#opts.fitOnce)
				this.#first = new Map([...this.#kept].map((l) => [l, cores.get(l)!] as const));
		}
		if (!best) best = tinyFallback(y);
		return new FittedETS(this.name, best, this.#opts);
	}
}

/**
 * STL + ETS for long seasonal periods (forecast::stlf): y = S + A with S from MSTL (s.window 11);
 * A is forecast by non-seasonal AutoETS and S by its last observed cycle (seasonal naive), so
 * ŷ_{n+h} = Â_{n+h} + S_{n+h−m⌈h/m⌉}; intervals are A's, shifted by the seasonal term.
 */
export class FittedStlETS implements FittedForecaster {
	readonly name: string;
	/** AICc of the ETS fit to the seasonally adjusted series (not comparable with other models). */
	readonly aicc: number;
	/** e.g. "STL + ETS(A,Ad,N)". */
	readonly method: string;
	readonly #inner: FittedETS;
	readonly #seasonal: Float64Array;
	readonly #m: number;

	/** @internal built by AutoETS.fit */
	constructor(name: string, inner: FittedETS, seasonal: Float64Array, m: number) {
		this.name = name;
		this.#inner = inner;
		this.#seasonal = seasonal;
		this.#m = m;
		this.aicc = inner.aicc;
		this.method = `STL + ${inner.method}`;
	}

	predict(horizon: number, opts: PredictOptions = {}): Forecast {
		const f = this.#inner.predict(horizon, opts);
		const n = this.#seasonal.length;
		const m = this.#m;
		const s = (i: number): number => this.#seasonal[n - m + (i % m)];
		return {
			point: f.point.map((v, i) => v + s(i)),
			intervals: f.intervals.map((iv) => ({
				level: iv.level,
				lower: iv.lower.map((v, i) => v + s(i)),
				upper: iv.upper.map((v, i) => v + s(i)),
			})),
		};
	}

	predictInSample(): Float64Array {
		return this.#inner.predictInSample().map((v, i) => v + this.#seasonal[i]);
	}

	toState(): ModelState {
		const st = this.#inner.toState();
		return {
			model: this.name,
			params: {
				...st.params,
				method: this.method,
				stlPeriod: this.#m,
				lastSeasonalCycle: Array.from(this.#seasonal.subarray(this.#seasonal.length - this.#m)),
			},
		};
	}
}

/** For series too short for any likelihood fit (n ≤ 4): ETS(A,N,N) with α = 0.5 and ℓ₀ = y₁, no AICc. */
function tinyFallback(y: Float64Array): EtsFitCore {
	if (y.length === 0) throw new RangeError('ETS: empty series');
	const k = kindsOf({ error: 'A', trend: 'N', season: 'N' }, 1);
	const par: Par = { alpha: 0.5, beta: NaN, gamma: NaN, phi: 1 };
	const e = new Float64Array(y.length);
	const fitted = new Float64Array(y.length);
	const init = Float64Array.of(y[0]);
	const { last } = etsFilter(y, k, par, init, { e, fitted });
	let sse = 0;
	for (let i = 0; i < y.length; i++) sse += e[i] * e[i];
	return {
		spec: { error: 'A', trend: 'N', season: 'N' },
		m: 1,
		par,
		init,
		last,
		fitted,
		residuals: e,
		loglik: NaN,
		aic: NaN,
		aicc: NaN,
		bic: NaN,
		sigma2: y.length > 1 ? sse / (y.length - 1) : 0,
		nParams: 0,
	};
}

/** Simple exponential smoothing, ETS(A,N,N) (Brown 1959; Hyndman et al. 2008 §2.3). */
export class SES extends ETS {
	constructor(opts: EtsOptions & { alpha?: number } = {}) {
		super({ error: 'A', trend: 'N', season: 'N', alpha: opts.alpha }, opts, 'ses');
	}
}

/** Holt's linear trend, ETS(A,A,N), or Gardner & McKenzie's damped trend ETS(A,Ad,N) (Holt 1957). */
export class Holt extends ETS {
	constructor(opts: EtsOptions & { damped?: boolean } = {}) {
		super({ error: 'A', trend: opts.damped ? 'Ad' : 'A', season: 'N' }, opts, 'holt');
	}
}

/**
 * Holt–Winters (Winters 1960): additive ETS(A,A,A) or multiplicative ETS(M,A,M) seasonality, optionally
 * damped. Requires FitOptions.season > 1.
 */
export class HoltWinters extends ETS {
	constructor(
		opts: EtsOptions & { seasonal?: 'additive' | 'multiplicative'; damped?: boolean } = {},
	) {
		const mult = opts.seasonal === 'multiplicative';
		super(
			{ error: mult ? 'M' : 'A', trend: opts.damped ? 'Ad' : 'A', season: mult ? 'M' : 'A' },
			opts,
			'hw',
		);
	}
}
