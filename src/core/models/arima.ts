// Seasonal ARIMA with regression terms, fitted like R's stats::arima (CSS-ML) and selected like
// forecast::auto.arima (Hyndman & Khandakar 2008, J. Statistical Software 27(3)). Used by
// src/core/engine.ts and the forecast worker.
//
// Model: φ(B) Φ(B^m) (1 − B)^d (1 − B^m)^D (y_t − x_tᵀβ) = θ(B) Θ(B^m) ε_t,  ε_t ~ N(0, σ²),
// with x_t an intercept (d + D = 0), a drift t (d + D = 1) and/or user regressors.
// Fitting (as R's arima, method "CSS-ML"): conditional sum of squares by BFGS for starting values,
// then the exact Gaussian likelihood of the differenced series by a Kalman filter on the ARMA
// state-space form (Harvey 1989; stationary initial covariance P₀ = T P₀ Tᵀ + R Rᵀ by doubling),
// optimised by BFGS over PACF-transformed AR coefficients (Jones 1980) so they stay stationary.
// R differences implicitly with a diffuse prior (κ = 1e6); differencing explicitly gives the same
// likelihood up to that approximation (agreement ~1e-6 in log-likelihood on the golden tests).
// Forecasts come from the final filtered state; variances from the ψ-weights of the integrated
// model, v_h = σ² Σ_{j<h} ψ_j² (Box & Jenkins; Brockwell & Davis 2016 §6.4).

import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	Interval,
	ModelState,
	PredictOptions,
} from '../types';
import { leastSquares, polyRoots, rootsWithin, solve } from '../linalg';
import { bfgs } from '../optim/bfgs';
import { kpss, qnorm } from '../stats';
import { checkFinite, checkLevels } from './model-utils';
import { mstl } from '../series/stl';

/** Orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m]. */
export interface ArimaOrder {
	p: number;
	d: number;
	q: number;
	P?: number;
	D?: number;
	Q?: number;
	/** Seasonal period; defaults to FitOptions.season. */
	m?: number;
}

/** Options for a fixed-order {@link ARIMA}. */
export interface ArimaOptions {
	/** Include a mean when d + D = 0. Default true (R's include.mean). */
	includeMean?: boolean;
	/** Include a drift (linear trend) term; only used when d + D ≤ 1. Default false. */
	includeDrift?: boolean;
	/**
	 * 'CSS-ML' (R's default), 'ML' (exact likelihood from zero starting values) or 'CSS' (conditional
	 * sum of squares only, as R's method = "CSS": no exact likelihood, AICc NaN).
	 */
	method?: 'CSS-ML' | 'ML' | 'CSS';
	/** BFGS iteration cap per optimisation. Default 100 (R's optim default). */
	maxIter?: number;
}

interface Spec {
	p: number;
	d: number;
	q: number;
	P: number;
	D: number;
	Q: number;
	m: number;
}

/** Everything a fitted ARIMA needs to forecast and report. */
interface ArimaCore {
	spec: Spec;
	/** Coefficients in R's order: ar, ma, sar, sma, then regression terms. */
	coef: Float64Array;
	coefNames: string[];
	/** Full (expanded) AR and MA polynomials of the ARMA part. */
	phi: Float64Array;
	theta: Float64Array;
	sigma2: number;
	loglik: number;
	aic: number;
	aicc: number;
	bic: number;
	nObsUsed: number;
	nCoef: number;
	/** Regressor kinds (intercept / drift / user column index) matching the trailing coefficients. */
	regs: Reg[];
	fitted: Float64Array;
	residuals: Float64Array;
	/** Last undifferenced regression-adjusted values (u = y − Xβ), for integrating forecasts. */
	uTail: Float64Array;
	/** Filtered state a_{n+1|n} of the ARMA on the differenced scale. */
	state: Float64Array;
	n: number;
	/** CSS-only fit (used inside the auto search); no state. */
	cssOnly: boolean;
}

type Reg = { kind: 'intercept' } | { kind: 'drift' } | { kind: 'xreg'; index: number };

const DOUBLE_XMAX = 1.7976931348623157e308;

/** R's partrans: unconstrained → PACF (tanh) → AR coefficients by Durbin–Levinson. */
function partrans(raw: ArrayLike<number>, off: number, p: number, out: Float64Array): void {
	const work = new Float64Array(p);
	for (let j = 0; j < p; j++) work[j] = out[off + j] = Math.tanh(raw[off + j]);
	for (let j = 1; j < p; j++) {
		const a = out[off + j];
		for (let k = 0; k < j; k++) work[k] -= a * out[off + j - k - 1];
		for (let k = 0; k < j; k++) out[off + k] = work[k];
	}
}

/** R's invpartrans: AR coefficients → unconstrained. */
function invpartrans(phi: ArrayLike<number>, off: number, p: number, out: Float64Array): void {
	const nw = new Float64Array(p);
	const work = new Float64Array(p);
	for (let j = 0; j < p; j++) work[j] = nw[j] = phi[off + j];
	for (let j = p - 1; j > 0; j--) {
		const a = nw[j];
		for (let k = 0; k < j; k++) work[k] = (nw[k] + a * nw[j - k - 1]) / (1 - a * a);
		for (let k = 0; k < j; k++) nw[k] = work[k];
	}
	for (let j = 0; j < p; j++) out[off + j] = Math.atanh(nw[j]);
}

/** Scratch arrays for transPars, so an objective evaluated thousands of times allocates nothing. */
interface ParBuf {
	params: Float64Array;
	phi: Float64Array;
	theta: Float64Array;
}

/** R's ARIMA_transPars: expand (ar, ma, sar, sma) to full φ, θ, optionally undoing the transform. */
function transPars(
	par: ArrayLike<number>,
	s: Spec,
	trans: boolean,
	buf?: ParBuf,
): { phi: Float64Array; theta: Float64Array } {
	const { p: mp, q: mq, P: msp, Q: msq, m: ns } = s;
	const p = mp + ns * msp;
	const q = mq + ns * msq;
	const np = mp + mq + msp + msq;
	const params = buf ? buf.params : new Float64Array(np);
	for (let i = 0; i < np; i++) params[i] = par[i];
	if (trans) {
		if (mp > 0) partrans(par, 0, mp, params);
		if (msp > 0) partrans(par, mp + mq, msp, params);
	}
	const phi = buf ? buf.phi.fill(0) : new Float64Array(p);
	const theta = buf ? buf.theta.fill(0) : new Float64Array(q);
	for (let i = 0; i < mp; i++) phi[i] = params[i];
	for (let i = 0; i < mq; i++) theta[i] = params[i + mp];
	for (let j = 0; j < msp; j++) {
		phi[(j + 1) * ns - 1] += params[j + mp + mq];
		for (let i = 0; i < mp; i++) phi[(j + 1) * ns + i] -= params[i] * params[j + mp + mq];
	}
	for (let j = 0; j < msq; j++) {
		theta[(j + 1) * ns - 1] += params[j + mp + mq + msp];
		for (let i = 0; i < mq; i++)
			theta[(j + 1) * ns + i] += params[i + mp] * params[j + mp + mq + msp];
	}
	return { phi, theta };
}

/**
 * Whether every root of 1 − a₁z − … (sign = −1) or 1 + a₁z + … (sign = +1), ignoring trailing ~0,
 * has modulus above `radius`, decided without finding the roots (Schur–Cohn on the reversed
 * polynomial, whose roots are the reciprocals).
 */
function rootsOutside(a: ArrayLike<number>, sign: 1 | -1, eps: number, radius: number): boolean {
	let last = -1;
	for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) > eps) last = i;
	if (last < 0) return true;
	const rev = new Float64Array(last + 2);
	rev[last + 1] = 1;
	for (let i = 0; i <= last; i++) rev[last - i] = sign * a[i];
	return rootsWithin(rev, 1 / radius);
}

/** R's maInvert: reflect MA roots inside the unit circle to make the MA part invertible. */
function maInvert(ma: Float64Array): Float64Array {
	const q = ma.length;
	let q0 = 0;
	for (let i = 0; i < q; i++) if (ma[i] !== 0) q0 = i + 1;
	if (q0 === 0) return ma;
	const c = new Float64Array(q0 + 1);
	c[0] = 1;
	for (let i = 0; i < q0; i++) c[i + 1] = ma[i];
	const { re, im } = polyRoots(c);
	let any = false;
	for (let i = 0; i < re.length; i++) if (Math.hypot(re[i], im[i]) < 1) any = true;
	if (!any) return ma;
	const out = new Float64Array(q);
	if (q0 === 1) {
		out[0] = 1 / ma[0];
		return out;
	}
	// rebuild Π (1 − z/r) with reflected roots; x in complex arithmetic
	let xr = [1];
	let xi = [0];
	for (let k = 0; k < re.length; k++) {
		let rr = re[k];
		let ri = im[k];
		const mod2 = rr * rr + ri * ri;
		if (Math.sqrt(mod2) < 1) {
			rr = rr / mod2;
			ri = -ri / mod2;
		}
		// 1/r
		const m2 = rr * rr + ri * ri;
		const ir = rr / m2;
		const ii = -ri / m2;
		const nr = new Array<number>(xr.length + 1).fill(0);
		const ni = new Array<number>(xr.length + 1).fill(0);
		for (let j = 0; j < xr.length; j++) {
			nr[j] += xr[j];
			ni[j] += xi[j];
			nr[j + 1] -= xr[j] * ir - xi[j] * ii;
			ni[j + 1] -= xr[j] * ii + xi[j] * ir;
		}
		xr = nr;
		xi = ni;
	}
	for (let i = 0; i < q0; i++) out[i] = xr[i + 1];
	return out;
}

/** Difference x: (1 − B)^d (1 − B^m)^D, dropping the first d + mD values. */
function difference(x: ArrayLike<number>, d: number, D: number, m: number): Float64Array {
	// in place on one copy, from the end so each value still sees its undifferenced lag
	const w = Float64Array.from(x);
	let from = 0;
	for (let i = 0; i < d; i++) {
		for (let t = w.length - 1; t > from; t--) w[t] -= w[t - 1];
		from += 1;
	}
	for (let i = 0; i < D; i++) {
		for (let t = w.length - 1; t >= from + m; t--) w[t] -= w[t - m];
		from += m;
	}
	return w.subarray(Math.min(from, w.length));
}

/** Coefficients δ of y_t = Σ δ_i y_{t−i} + w_t for the differencing operator. */
function deltaPoly(d: number, D: number, m: number): Float64Array {
	let poly = [1];
	const mul = (b: number[]): void => {
		const out = new Array<number>(poly.length + b.length - 1).fill(0);
		for (let i = 0; i < poly.length; i++)
			for (let j = 0; j < b.length; j++) out[i + j] += poly[i] * b[j];
		poly = out;
	};
	for (let i = 0; i < d; i++) mul([1, -1]);
	for (let i = 0; i < D; i++) {
		const s = new Array<number>(m + 1).fill(0);
		s[0] = 1;
		s[m] = -1;
		mul(s);
	}
	return Float64Array.from(poly.slice(1), (v) => -v);
}

/** Indices of the non-zero entries of φ and θ (css scratch: a seasonal φ is mostly structural zeros). */
let nzPhi = new Int32Array(64);
let nzTheta = new Int32Array(64);

/**
 * R's ARIMA_CSS: conditional sum of squares on the differenced series (returns ssq/nu and residuals).
 * With seasonal ARMA terms the recursion skips the zero entries of φ and θ (a seasonal model's expanded polynomials are mostly
 * zeros, e.g. 3 of 14 for (1,·,1)(1,·,1)[12]); skipping a term that is exactly zero leaves every
 * sum bit-identical. `diffed`: x is already differenced in place (as `work` would be).
 */
function css(
	x: Float64Array,
	s: Spec,
	phi: Float64Array,
	theta: Float64Array,
	ncond: number,
	resid?: Float64Array,
	work?: Float64Array,
	diffed = false,
): number {
	const n = x.length;
	let w: Float64Array;
	if (diffed) w = x;
	else {
		w = work && work.length === n ? work : new Float64Array(n);
		w.set(x);
		for (let i = 0; i < s.d; i++) for (let l = n - 1; l > 0; l--) w[l] -= w[l - 1];
		for (let i = 0; i < s.D; i++) for (let l = n - 1; l >= s.m; l--) w[l] -= w[l - s.m];
	}
	const r = resid ?? new Float64Array(n);
	r.fill(0, 0, Math.min(ncond, n));
	let ssq = 0;
	let nu = 0;
	if (s.P + s.Q === 0) {
		// non-seasonal: short dense polynomials (the index lists would cost more than they save)
		const p = phi.length;
		const q = theta.length;
		for (let l = ncond; l < n; l++) {
			let tmp = w[l];
			for (let j = 0; j < p; j++) tmp -= phi[j] * w[l - j - 1];
			const jm = Math.min(l - ncond, q);
			for (let j = 0; j < jm; j++) tmp -= theta[j] * r[l - j - 1];
			r[l] = tmp;
			if (!Number.isNaN(tmp)) {
				nu++;
				ssq += tmp * tmp;
			}
		}
		return ssq / nu;
	}
	if (nzPhi.length < phi.length) nzPhi = new Int32Array(phi.length);
	if (nzTheta.length < theta.length) nzTheta = new Int32Array(theta.length);
	const ip = nzPhi;
	const iq = nzTheta;
	let p = 0;
	for (let j = 0; j < phi.length; j++) if (phi[j] !== 0) ip[p++] = j;
	let q = 0;
	for (let j = 0; j < theta.length; j++) if (theta[j] !== 0) iq[q++] = j;
	for (let l = ncond; l < n; l++) {
		let tmp = w[l];
		for (let k = 0; k < p; k++) {
			const j = ip[k];
			tmp -= phi[j] * w[l - j - 1];
		}
		// θ_j enters once l − ncond > j (R's min(l − ncond, q))
		const lim = l - ncond;
		for (let k = 0; k < q; k++) {
			const j = iq[k];
			if (j >= lim) break;
			tmp -= theta[j] * r[l - j - 1];
		}
		r[l] = tmp;
		if (!Number.isNaN(tmp)) {
			nu++;
			ssq += tmp * tmp;
		}
	}
	return ssq / nu;
}

/**
 * The analytic gradient of the CSS objective ½·log(L/ν), L = Σ e_l², of a non-seasonal ARMA
 * (P = Q = 0) with regressors (issue #11 speed). css's recursion, with w the differenced y − Xβ and
 * e_l = 0 before ncond (its truncated MA sum is the same thing), is
 *   e_l = w_l − Σ φ_j w_{l−j−1} − Σ θ_j e_{l−j−1}.
 * Reverse mode: ē_l = ∂L/∂e_l = 2e_l − Σ θ_j ē_{l+j+1} (backwards), then
 *   ∂L/∂φ_i = −Σ ē_l w_{l−i−1},  ∂L/∂θ_i = −Σ ē_l e_{l−i−1},
 *   ∂L/∂β_k = −Σ_t w̄_t x̃_{k,t} with w̄_t = ē_t − Σ φ_j ē_{t+j+1} (x̃ = the differenced column).
 * One forward and one backward pass of the recursion instead of BFGS's 2(p + q + k) central-
 * difference passes. Returns false (BFGS then takes central differences) where a residual is not
 * finite.
 */
function cssGradient(
	y: Float64Array,
	s: Spec,
	cols: readonly Float64Array[],
	ncond: number,
	wPre: Float64Array | null,
	/**
	 * The residuals of the CSS objective's last evaluation when it was at exactly `par` and every
	 * residual was finite (null otherwise): the forward recursion is then not run again. Only without
	 * regressors, where the objective's recursion is this one's, operation for operation.
	 */
	residualsAt?: (par: Float64Array) => Float64Array | null,
): (par: Float64Array, g: Float64Array) => boolean {
	const n = y.length;
	const { p, q } = s;
	const ncx = cols.length;
	const diffed = (x: ArrayLike<number>): Float64Array => {
		const w = Float64Array.from(x);
		for (let i = 0; i < s.d; i++) for (let l = n - 1; l > 0; l--) w[l] -= w[l - 1];
		for (let i = 0; i < s.D; i++) for (let l = n - 1; l >= s.m; l--) w[l] -= w[l - s.m];
		return w;
	};
	const dy = wPre ?? diffed(y);
	const dx = cols.map(diffed);
	const w = ncx > 0 ? new Float64Array(n) : dy;
	const own = new Float64Array(n);
	let e: Float64Array = own;
	const eb = new Float64Array(n + Math.max(p, q) + 1);
	const wb = new Float64Array(n);
	const nk = p + q + ncx;
	const phi = new Float64Array(p);
	const th = new Float64Array(q);
	const from = Math.max(0, ncond - p);
	return (par, g) => {
		if (ncx > 0) {
			w.set(dy);
			for (let k = 0; k < ncx; k++) {
				const b = par[p + q + k];
				const c = dx[k];
				for (let l = 0; l < n; l++) w[l] -= b * c[l];
			}
		}
		for (let j = 0; j < p; j++) phi[j] = par[j];
		for (let j = 0; j < q; j++) th[j] = par[p + j];
		let ssq = 0;
		const known = ncx === 0 && residualsAt ? residualsAt(par) : null;
		if (known) {
			// the same residuals the recursion below would compute, summed in the same order
			e = known;
			for (let l = ncond; l < n; l++) ssq += e[l] * e[l];
		} else {
			e = own;
			for (let l = ncond; l < n; l++) {
				let tmp = w[l];
				for (let j = 0; j < p; j++) tmp -= phi[j] * w[l - j - 1];
				const jm = Math.min(l - ncond, q);
				for (let j = 0; j < jm; j++) tmp -= th[j] * e[l - j - 1];
				if (!Number.isFinite(tmp)) return false;
				e[l] = tmp;
				ssq += tmp * tmp;
			}
		}
		if (!(ssq > 0) || !Number.isFinite(ssq)) return false;
		// ē: zero before ncond and from n on (those entries are never written)
		for (let l = n - 1; l >= ncond; l--) {
			let v = 2 * e[l];
			for (let j = 0; j < q; j++) v -= th[j] * eb[l + j + 1];
			eb[l] = v;
		}
		// one sum a coefficient, over l in increasing order (the terms and their order of a loop over
		// l that updates every g[i] in turn, kept in a register); e_{l−i−1} exists from l = i + 1
		for (let i = 0; i < p; i++) {
			let acc = 0;
			for (let l = ncond; l < n; l++) acc -= eb[l] * w[l - i - 1];
			g[i] = acc;
		}
		for (let i = 0; i < q; i++) {
			let acc = 0;
			for (let l = Math.max(ncond, i + 1); l < n; l++) acc -= eb[l] * e[l - i - 1];
			g[p + i] = acc;
		}
		for (let i = p + q; i < nk; i++) g[i] = 0;
		if (ncx > 0) {
			// w̄_t = ē_t − Σ φ_j ē_{t+j+1}
			for (let t = from; t < n; t++) {
				let v = eb[t];
				for (let j = 0; j < p; j++) v -= phi[j] * eb[t + j + 1];
				wb[t] = v;
			}
			for (let k = 0; k < ncx; k++) {
				const c = dx[k];
				let acc = 0;
				for (let t = from; t < n; t++) acc += wb[t] * c[t];
				g[p + q + k] = -acc;
			}
		}
		const f = 0.5 / ssq;
		for (let i = 0; i < nk; i++) g[i] *= f;
		return true;
	};
}

/** The result of a CSS minimisation (BFGS's estimates and its convergence code). */
export interface CssResult {
	readonly x: Float64Array;
	readonly fail: number;
}

/** Whether r[from..] are all finite (no NaN, no ±Infinity). */
function allFinite(r: Float64Array, from: number): boolean {
	for (let l = from; l < r.length; l++) if (!Number.isFinite(r[l])) return false;
	return true;
}

/** For tests: the CSS objective fitArimaCore minimises (par = ARMA terms, then β) and its gradient. */
export const arimaInternals = {
	cssObjective(y: Float64Array, s: Spec, cols: Float64Array[], par: Float64Array): number {
		const narma = s.p + s.q + s.P + s.Q;
		const u = Float64Array.from(y);
		cols.forEach((c, k) => c.forEach((v, t) => (u[t] -= par[narma + k] * v)));
		const { phi, theta } = transPars(par, s, false);
		return 0.5 * Math.log(css(u, s, phi, theta, s.d + s.D * s.m + s.p + s.m * s.P));
	},
	cssGradient(
		y: Float64Array,
		s: Spec,
		cols: Float64Array[],
		par: Float64Array,
	): Float64Array | null {
		const g = new Float64Array(par.length);
		const ok = cssGradient(y, s, cols, s.d + s.D * s.m + s.p, null)(par, g);
		return ok ? g : null;
	},
	/**
	 * The gradient without regressors as BFGS gets it after an objective evaluation at `par`: from
	 * the residuals that evaluation left (fitArimaCore's reuse), not its own forward recursion; null
	 * where it failed or did not use them.
	 */
	cssGradientAfterObjective(y: Float64Array, s: Spec, par: Float64Array): Float64Array | null {
		const ncond = s.d + s.D * s.m + s.p;
		const w = Float64Array.from(y);
		for (let i = 0; i < s.d; i++) for (let l = w.length - 1; l > 0; l--) w[l] -= w[l - 1];
		for (let i = 0; i < s.D; i++) for (let l = w.length - 1; l >= s.m; l--) w[l] -= w[l - s.m];
		const { phi, theta } = transPars(par, s, false);
		const r = new Float64Array(y.length).fill(NaN);
		css(w, s, phi, theta, ncond, r, undefined, true);
		const at = Float64Array.from(par);
		const g = new Float64Array(par.length);
		let used = false;
		const reuse = (x: Float64Array): Float64Array | null => {
			used = x.every((v, i) => v === at[i]) && allFinite(r, ncond);
			return used ? r : null;
		};
		// null as well where the residuals were not used
		return cssGradient(y, s, [], ncond, w, reuse)(par, g) && used ? g : null;
	},
};

/**
 * Stationary state covariance P = T P Tᵀ + R Rᵀ of the ARMA state space (σ² = 1), in O(p³ + r²):
 * autocovariances γ(0…p) from the linear system of Brockwell & Davis (2016) eq. (3.2.5), then
 * P[0][j] = Σ_{k≥j} φ_{k+1} γ(1+k−j) + θ_k ψ_{k−j}, and the rest from the bottom-right corner by
 * P[i][j] = φ_{i+1}φ_{j+1}P₀₀ + φ_{i+1}P[0][j+1] + φ_{j+1}P[i+1][0] + P[i+1][j+1] + θ_iθ_j.
 * Returns null for a non-stationary AR part.
 */
function stationaryCov(phi: Float64Array, theta: Float64Array, r: number): Float64Array | null {
	const p = phi.length;
	const q = theta.length;
	const ph = (k: number): number => (k >= 1 && k <= p ? phi[k - 1] : 0); // φ_k
	const th = (k: number): number => (k === 0 ? 1 : k <= q ? theta[k - 1] : 0); // θ_k, θ₀ = 1
	// ψ weights up to r
	const psi = new Float64Array(r + 1);
	for (let j = 0; j <= r; j++) {
		let v = th(j);
		for (let i = 1; i <= Math.min(j, p); i++) v += phi[i - 1] * psi[j - i];
		psi[j] = v;
	}
	// right-hand side c_k = Σ_{j=k}^{q} θ_j ψ_{j−k}
	const c = (k: number): number => {
		let v = 0;
		for (let j = k; j <= q; j++) v += th(j) * psi[j - k];
		return v;
	};
	const gamma = new Float64Array(r + 2);
	if (p === 0) {
		for (let k = 0; k <= r + 1; k++) gamma[k] = c(k);
	} else {
		// γ(k) − Σ_i φ_i γ(|k−i|) = c_k, k = 0…p
		const A = new Float64Array((p + 1) * (p + 1));
		const b = new Float64Array(p + 1);
		for (let k = 0; k <= p; k++) {
			A[k * (p + 1) + k] += 1;
			for (let i = 1; i <= p; i++) A[k * (p + 1) + Math.abs(k - i)] -= phi[i - 1];
			b[k] = c(k);
		}
		const g = solve(A, p + 1, b);
		if (!g || !(g[0] > 0) || !g.every(Number.isFinite)) return null;
		for (let k = 0; k <= Math.min(p, r + 1); k++) gamma[k] = g[k];
		for (let k = p + 1; k <= r + 1; k++) {
			let v = c(k);
			for (let i = 1; i <= p; i++) v += phi[i - 1] * gamma[k - i];
			gamma[k] = v;
		}
	}
	const P = new Float64Array(r * r);
	for (let j = 0; j < r; j++) {
		let v = 0;
		for (let k = j; k < r; k++) v += ph(k + 1) * gamma[1 + k - j] + th(k) * psi[k - j];
		P[j] = v;
		P[j * r] = v;
	}
	P[0] = gamma[0];
	for (let i = r - 1; i >= 1; i--) {
		for (let j = r - 1; j >= i; j--) {
			let v = ph(i + 1) * ph(j + 1) * P[0] + th(i) * th(j);
			if (j + 1 < r) v += ph(i + 1) * P[j + 1];
			if (i + 1 < r) v += ph(j + 1) * P[(i + 1) * r];
			if (i + 1 < r && j + 1 < r) v += P[(i + 1) * r + j + 1];
			P[i * r + j] = v;
			P[j * r + i] = v;
		}
	}
	return P;
}

interface KalmanOut {
	ssq: number;
	sumlog: number;
	nu: number;
	state: Float64Array;
}

/**
 * Exact Gaussian likelihood pieces of an ARMA(φ, θ) for w by the Kalman filter (R's ARIMA_Like with
 * no differencing). Optionally stores standardised innovations v_t/√F_t (R's residuals).
 */
function kalman(
	w: Float64Array,
	phi: Float64Array,
	theta: Float64Array,
	resid?: Float64Array,
): KalmanOut | null {
	const p = phi.length;
	const q = theta.length;
	const r = Math.max(p, q + 1, 1);
	const P0 = stationaryCov(phi, theta, r);
	if (!P0) return null;
	let P = P0;
	let Pn: Float64Array = new Float64Array(r * r);
	const V = new Float64Array(r * r);
	const Rv = new Float64Array(r);
	Rv[0] = 1;
	for (let i = 1; i < r; i++) Rv[i] = i - 1 < q ? theta[i - 1] : 0;
	for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) V[i * r + j] = Rv[i] * Rv[j];
	const a = new Float64Array(r);
	const an = new Float64Array(r);
	const r1 = r + 1;
	const M = new Float64Array(r1 * r1); // row/column r stay 0
	const phiPad = new Float64Array(r);
	phiPad.set(phi.subarray(0, Math.min(p, r)));
	let ssq = 0;
	let sumlog = 0;
	let nu = 0;
	let steady = false;
	const Kst = new Float64Array(r);
	let Fst = 1;
	for (let t = 0; t < w.length; t++) {
		const v = w[t] - a[0];
		const F = steady ? Fst : P[0];
		if (!(F > 0)) return null;
		if (F < 1e4) {
			nu++;
			ssq += (v * v) / F;
			sumlog += Math.log(F);
		}
		if (resid) resid[t] = v / Math.sqrt(F);
		// update: a_upd = a + P[:,0] v / F; predict a = T a_upd
		if (steady) {
			for (let i = 0; i < r; i++) an[i] = a[i] + Kst[i] * v;
		} else {
			for (let i = 0; i < r; i++) an[i] = a[i] + (P[i * r] * v) / F;
		}
		for (let i = 0; i < r; i++) {
			let tmp = i < r - 1 ? an[i + 1] : 0;
			if (i < p) tmp += phi[i] * an[0];
			a[i] = tmp;
		}
		if (steady) continue;
		// P_upd = P − P[:,0] P[0,:] / F (symmetric, stored with a zero last row/column so the
		// shift in T needs no branches); Pn = T P_upd Tᵀ + V, upper triangle mirrored.
		for (let i = 0; i < r; i++) {
			const pi0 = P[i * r] / F;
			for (let j = i; j < r; j++) {
				const v = P[i * r + j] - pi0 * P[j];
				M[i * r1 + j] = v;
				M[j * r1 + i] = v;
			}
		}
		const m00 = M[0];
		let diff = 0;
		for (let i = 0; i < r; i++) {
			const fi = phiPad[i];
			const mi0 = M[(i + 1) * r1];
			const rowI = (i + 1) * r1 + 1;
			for (let j = i; j < r; j++) {
				const fj = phiPad[j];
				const tmp = V[i * r + j] + fi * (fj * m00 + M[j + 1]) + fj * mi0 + M[rowI + j];
				Pn[i * r + j] = tmp;
				Pn[j * r + i] = tmp;
				const dlt = Math.abs(tmp - P[i * r + j]);
				if (dlt > diff) diff = dlt;
			}
		}
		const swap = P;
		P = Pn;
		Pn = swap === P0 ? new Float64Array(r * r) : swap;
		if (diff < 1e-14 * Math.max(1, P[0])) {
			steady = true;
			Fst = P[0];
			for (let i = 0; i < r; i++) Kst[i] = P[i * r] / Fst;
		}
	}
	return { ssq, sumlog, nu, state: Float64Array.from(a) };
}

/** Build the regression design: intercept (d + D = 0), drift, user columns — R/forecast's order. */
function design(
	n: number,
	s: Spec,
	includeMean: boolean,
	includeDrift: boolean,
	xreg: readonly Float64Array[],
): { cols: Float64Array[]; regs: Reg[]; names: string[] } {
	const cols: Float64Array[] = [];
	const regs: Reg[] = [];
	const names: string[] = [];
	const nd = s.d + s.D;
	if (includeMean && nd === 0) {
		cols.push(new Float64Array(n).fill(1));
		regs.push({ kind: 'intercept' });
		names.push('intercept');
	}
	if (includeDrift && nd <= 1) {
		cols.push(Float64Array.from({ length: n }, (_, i) => i + 1));
		regs.push({ kind: 'drift' });
		names.push('drift');
	}
	xreg.forEach((c, index) => {
		cols.push(c);
		regs.push({ kind: 'xreg', index });
		names.push(`xreg${index + 1}`);
	});
	return { cols, regs, names };
}

/** Fit one ARIMA as stats::arima (+ forecast::Arima's AICc). Returns null when it cannot be fitted. */
function fitArimaCore(
	y: Float64Array,
	s: Spec,
	opts: {
		includeMean: boolean;
		includeDrift: boolean;
		xreg: readonly Float64Array[];
		method: 'CSS-ML' | 'ML' | 'CSS';
		maxIter: number;
		strictCss: boolean;
		/** CSS-ML without the ML optimisation: the exact likelihood and state at the CSS estimates. */
		mlAtCss?: boolean;
		/**
		 * The CSS minimisation's result for this very series, specification and regressors, from an
		 * earlier call (BFGS is deterministic: running it again would give the same): it is not run again.
		 */
		cssKnown?: CssResult;
		/** Told the CSS minimisation's result. */
		onCss?: (r: CssResult) => void;
		/** BFGS's relative tolerance for the CSS minimisation (default 1e-8). */
		cssRelTol?: number;
	},
): ArimaCore | null {
	const n = y.length;
	const narma = s.p + s.q + s.P + s.Q;
	const {
		cols,
		regs,
		names: regNames,
	} = design(n, s, opts.includeMean, opts.includeDrift, opts.xreg);
	const ncx = cols.length;
	const nUsed = n - s.d - s.D * s.m;
	if (nUsed <= 0 || nUsed <= narma + ncx) return null;
	const init = new Float64Array(narma + ncx);
	const parscale = new Float64Array(narma + ncx).fill(1);
	if (ncx > 0) {
		const dcols = cols.map((c) => difference(c, s.d, s.D, s.m));
		const dx = difference(y, s.d, s.D, s.m);
		let fit = dx.length > ncx ? leastSquares(dcols, dx) : null;
		if (!fit || fit.rank === 0) fit = leastSquares(cols, y);
		const dof = Math.max(1, (fit === null ? n : dx.length) - fit.rank);
		const s2 = fit.rss / dof;
		for (let j = 0; j < ncx; j++) {
			const b = fit.coef[j];
			init[narma + j] = Number.isFinite(b) ? b : 0;
			const se = Math.sqrt(fit.xtxInv[j * ncx + j] * s2);
			parscale[narma + j] = Number.isFinite(se) && se > 0 ? 10 * se : 1;
		}
	}
	const adjust = (par: ArrayLike<number>): Float64Array => {
		if (ncx === 0) return y;
		const u = Float64Array.from(y);
		for (let j = 0; j < ncx; j++) {
			const b = par[narma + j];
			const c = cols[j];
			for (let t = 0; t < n; t++) u[t] -= b * c[t];
		}
		return u;
	};
	const coefNames = [
		...Array.from({ length: s.p }, (_, i) => `ar${i + 1}`),
		...Array.from({ length: s.q }, (_, i) => `ma${i + 1}`),
		...Array.from({ length: s.P }, (_, i) => `sar${i + 1}`),
		...Array.from({ length: s.Q }, (_, i) => `sma${i + 1}`),
		...regNames,
	];
	const ncondCss = s.d + s.D * s.m + s.p + s.m * s.P;
	// scratch for the objectives (BFGS calls them thousands of times per fit)
	const pbuf: ParBuf = {
		params: new Float64Array(narma),
		phi: new Float64Array(s.p + s.m * s.P),
		theta: new Float64Array(s.q + s.m * s.Q),
	};
	const uBuf = new Float64Array(n);
	const wBuf = new Float64Array(n);
	const rBuf = new Float64Array(n);
	// Calendar and promotion columns are mostly zeros: where a column has few non-zero entries the
	// adjustment visits only those (subtracting b·0 leaves a value unchanged, so the sums stay
	// bit-identical while b is finite; with a non-finite b every entry is visited, as before).
	const nonZero = cols.map((c) => {
		let nz = 0;
		for (let t = 0; t < n; t++) if (c[t] !== 0) nz++;
		if (nz > n / 4) return null;
		const at = new Int32Array(nz);
		for (let t = 0, k = 0; t < n; t++) if (c[t] !== 0) at[k++] = t;
		return at;
	});
	const adjustInto = (par: ArrayLike<number>): Float64Array => {
		if (ncx === 0) return y;
		uBuf.set(y);
		for (let j = 0; j < ncx; j++) {
			const b = par[narma + j];
			const c = cols[j];
			const at = nonZero[j];
			if (at && Number.isFinite(b))
				for (let k = 0; k < at.length; k++) {
					const t = at[k];
					uBuf[t] -= b * c[t];
				}
			else for (let t = 0; t < n; t++) uBuf[t] -= b * c[t];
		}
		return uBuf;
	};
	// without regressors the differenced series is the same at every evaluation
	let wPre: Float64Array | null = null;
	if (ncx === 0) {
		wPre = Float64Array.from(y);
		for (let i = 0; i < s.d; i++) for (let l = n - 1; l > 0; l--) wPre[l] -= wPre[l - 1];
		for (let i = 0; i < s.D; i++) for (let l = n - 1; l >= s.m; l--) wPre[l] -= wPre[l - s.m];
	}
	// rBuf holds the residuals of the last evaluation, at lastPar (lastValid: without regressors)
	const lastPar = new Float64Array(narma + ncx);
	let lastValid = false;
	const cssObjective = (par: Float64Array): number => {
		const { phi, theta } = transPars(par, s, false, pbuf);
		let ms: number;
		if (wPre) {
			ms = css(wPre, s, phi, theta, ncondCss, rBuf, undefined, true);
			lastPar.set(par);
			lastValid = true;
		} else ms = css(adjustInto(par), s, phi, theta, ncondCss, rBuf, wBuf);
		const v = 0.5 * Math.log(ms);
		return Number.isFinite(v) ? v : DOUBLE_XMAX;
	};
	const residualsAt = (par: Float64Array): Float64Array | null => {
		if (!lastValid) return null;
		for (let i = 0; i < par.length; i++) if (par[i] !== lastPar[i]) return null;
		return allFinite(rBuf, ncondCss) ? rBuf : null;
	};
	let start: Float64Array = init;
	if (opts.method === 'CSS' || opts.method === 'CSS-ML') {
		const known = opts.cssKnown;
		const res =
			known && known.x.length === init.length
				? known
				: bfgs(cssObjective, init, {
						parscale,
						maxIter: opts.maxIter,
						...(opts.cssRelTol !== undefined ? { relTol: opts.cssRelTol } : {}),
						...(s.P + s.Q === 0
							? { gradient: cssGradient(y, s, cols, ncondCss, wPre, residualsAt) }
							: {}),
					});
		opts.onCss?.(res);
		if (res.fail === 0) start = res.x;
		if (opts.method === 'CSS') {
			return cssCore(y, s, res.x, coefNames, regs, cols, adjust, ncondCss, nUsed, narma);
		}
		const arOk =
			rootsOutside(start.subarray(0, s.p), -1, 0, 1) &&
			rootsOutside(start.subarray(s.p + s.q, s.p + s.q + s.P), -1, 0, 1);
		if (!arOk) {
			if (opts.strictCss) return null;
			start = init;
		}
	}
	// transform to the unconstrained scale; enforce invertibility of the MA parts
	const tinit = Float64Array.from(start);
	if (s.p > 0) invpartrans(start, 0, s.p, tinit);
	if (s.P > 0) invpartrans(start, s.p + s.q, s.P, tinit);
	if (s.q > 0) tinit.set(maInvert(tinit.slice(s.p, s.p + s.q)), s.p);
	if (s.Q > 0) tinit.set(maInvert(tinit.slice(s.p + s.q + s.P, narma)), s.p + s.q + s.P);
	for (let i = 0; i < tinit.length; i++) if (!Number.isFinite(tinit[i])) tinit[i] = 0;
	const mlObjective = (par: Float64Array): number => {
		const { phi, theta } = transPars(par, s, true, pbuf);
		const w = difference(adjustInto(par), s.d, s.D, s.m);
		const k = kalman(w, phi, theta);
		if (!k || k.nu === 0) return DOUBLE_XMAX;
		const s2 = k.ssq / k.nu;
		const v = 0.5 * (Math.log(s2) + k.sumlog / k.nu);
		return Number.isFinite(v) ? v : DOUBLE_XMAX;
	};
	const res = opts.mlAtCss
		? { x: tinit, value: mlObjective(tinit) }
		: bfgs(mlObjective, tinit, { parscale, maxIter: opts.maxIter });
	let coefT = res.x;
	let value = res.value;
	if (narma > 0) {
		const c2 = Float64Array.from(coefT);
		if (s.q > 0) c2.set(maInvert(c2.slice(s.p, s.p + s.q)), s.p);
		if (s.Q > 0) c2.set(maInvert(c2.slice(s.p + s.q + s.P, narma)), s.p + s.q + s.P);
		if (c2.some((v, i) => v !== coefT[i])) {
			coefT = c2;
			value = mlObjective(c2);
		}
	}
	if (!(value < DOUBLE_XMAX)) return null;
	const coef = Float64Array.from(coefT);
	if (s.p > 0) partrans(coefT, 0, s.p, coef);
	if (s.P > 0) partrans(coefT, s.p + s.q, s.P, coef);
	const { phi, theta } = transPars(coef, s, false);
	const u = adjust(coef);
	const w = difference(u, s.d, s.D, s.m);
	const rw = new Float64Array(w.length);
	const k = kalman(w, phi, theta, rw);
	if (!k) return null;
	const sigma2 = k.ssq / nUsed;
	const val2 = 2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI);
	const ncoef = narma + ncx;
	const aic = val2 + 2 * ncoef + 2;
	const npar = ncoef + 1;
	const nstar = nUsed;
	const nd = s.d + s.D * s.m;
	const residuals = new Float64Array(n).fill(NaN);
	const fitted = new Float64Array(n).fill(NaN);
	for (let t = 0; t < w.length; t++) {
		residuals[t + nd] = rw[t];
		fitted[t + nd] = y[t + nd] - rw[t];
	}
	return {
		spec: s,
		coef,
		coefNames,
		phi,
		theta,
		sigma2,
		loglik: -0.5 * val2,
		aic,
		aicc: aic + (2 * npar * (npar + 1)) / (nstar - npar - 1),
		bic: aic + npar * (Math.log(nstar) - 2),
		nObsUsed: nUsed,
		nCoef: ncoef,
		regs,
		fitted,
		residuals,
		uTail: u.slice(Math.max(0, n - nd)),
		state: k.state,
		n,
		cssOnly: false,
	};
}

/** CSS-only fit used by the approximate auto search: sigma2 and residuals from the CSS recursion. */
function cssCore(
	y: Float64Array,
	s: Spec,
	coef: Float64Array,
	coefNames: string[],
	regs: Reg[],
	cols: Float64Array[],
	adjust: (par: ArrayLike<number>) => Float64Array,
	ncond: number,
	nUsed: number,
	narma: number,
): ArimaCore {
	const { phi, theta } = transPars(coef, s, false);
	const resid = new Float64Array(y.length);
	const sigma2 = css(adjust(coef), s, phi, theta, ncond, resid);
	void cols;
	return {
		spec: s,
		coef,
		coefNames,
		phi,
		theta,
		sigma2,
		loglik: NaN,
		aic: NaN,
		aicc: NaN,
		bic: NaN,
		nObsUsed: nUsed,
		nCoef: narma + regs.length,
		regs,
		fitted: y.map((v, i) => v - resid[i]),
		residuals: resid,
		uTail: new Float64Array(0),
		state: new Float64Array(0),
		n: y.length,
		cssOnly: true,
	};
}

/** ψ-weights ψ_0 … ψ_{h−1} of the integrated model θ(B)/(φ(B)Δ(B)). */
function psiWeights(
	phi: Float64Array,
	theta: Float64Array,
	delta: Float64Array,
	h: number,
): Float64Array {
	// φ*(B) = φ(B)·Δ(B): coefficients of y_t = Σ φ*_i y_{t−i} + …
	const a = [1, ...Array.from(phi, (v) => -v)];
	const b = [1, ...Array.from(delta, (v) => -v)];
	const prod = new Array<number>(a.length + b.length - 1).fill(0);
	for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) prod[i + j] += a[i] * b[j];
	const phis = prod.slice(1).map((v) => -v);
	const psi = new Float64Array(h);
	for (let j = 0; j < h; j++) {
		if (j === 0) {
			psi[0] = 1;
			continue;
		}
		let v = j - 1 < theta.length ? theta[j - 1] : 0;
		for (let i = 1; i <= Math.min(j, phis.length); i++) v += phis[i - 1] * psi[j - i];
		psi[j] = v;
	}
	return psi;
}

/** forecast::Arima's interval variance σ² = Σe²/(n* − k), k = coefficients, from R's residuals. */
function residualSigma2(core: ArimaCore): number {
	let sse = 0;
	for (const e of core.residuals) if (Number.isFinite(e)) sse += e * e;
	return sse / (core.nObsUsed - (core.nCoef + 1) + 1);
}

/** Label like "ARIMA(1,1,1)(0,1,1)[12] with drift". */
function arimaLabel(s: Spec, regs: Reg[]): string {
	let out = `ARIMA(${s.p},${s.d},${s.q})`;
	if (s.P + s.D + s.Q > 0) out += `(${s.P},${s.D},${s.Q})[${s.m}]`;
	if (regs.some((r) => r.kind === 'drift')) out += ' with drift';
	else if (regs.some((r) => r.kind === 'intercept')) out += ' with non-zero mean';
	else if (s.d + s.D === 0) out += ' with zero mean';
	return out;
}

/** A fitted ARIMA model. */
export class FittedARIMA implements FittedForecaster {
	readonly name: string;
	readonly aicc: number;
	readonly aic: number;
	readonly bic: number;
	readonly loglik: number;
	/** Innovation variance used for intervals. */
	readonly sigma2: number;
	/** e.g. "ARIMA(0,1,1)(0,1,1)[12]". */
	readonly method: string;
	readonly order: Readonly<Spec>;
	/** Named coefficients (ar1…, ma1…, sar1…, sma1…, intercept, drift, xreg1…). */
	readonly coef: Readonly<Record<string, number>>;
	readonly residuals: Float64Array;
	readonly #core: ArimaCore;

	/** @internal built by ARIMA.fit / AutoARIMA.fit */
	constructor(name: string, core: ArimaCore, sigma2 = core.sigma2) {
		this.name = name;
		this.#core = core;
		this.aicc = core.aicc;
		this.aic = core.aic;
		this.bic = core.bic;
		this.loglik = core.loglik;
		this.sigma2 = sigma2;
		this.method = arimaLabel(core.spec, core.regs);
		this.order = core.spec;
		this.coef = Object.fromEntries(core.coefNames.map((nm, i) => [nm, core.coef[i]]));
		this.residuals = core.residuals;
	}

	/** Point forecasts and normal intervals; user regressors need future values in opts.xreg. */
	predict(horizon: number, opts: PredictOptions = {}): Forecast {
		const c = this.#core;
		const s = c.spec;
		const h = Math.max(0, Math.floor(horizon));
		const narma = s.p + s.q + s.P + s.Q;
		// ARMA forecasts of w from the filtered state
		const r = c.state.length;
		const a = Float64Array.from(c.state);
		const wf = new Float64Array(h);
		for (let i = 0; i < h; i++) {
			wf[i] = a[0];
			const a0 = a[0];
			for (let j = 0; j < r; j++) {
				let tmp = j < r - 1 ? a[j + 1] : 0;
				if (j < c.phi.length) tmp += c.phi[j] * a0;
				a[j] = tmp;
			}
		}
		// integrate: u_t = Σ δ_i u_{t−i} + w_t
		const delta = deltaPoly(s.d, s.D, s.m);
		const hist = Array.from(c.uTail);
		const point = new Float64Array(h);
		for (let i = 0; i < h; i++) {
			let v = wf[i];
			for (let k = 0; k < delta.length; k++) v += delta[k] * hist[hist.length - 1 - k];
			hist.push(v);
			point[i] = v;
		}
		c.regs.forEach((reg, j) => {
			const b = c.coef[narma + j];
			for (let i = 0; i < h; i++) {
				if (reg.kind === 'intercept') point[i] += b;
				else if (reg.kind === 'drift') point[i] += b * (c.n + i + 1);
				else {
					const col = opts.xreg?.[reg.index];
					if (!col || col.length < h) {
						throw new RangeError(
							`ARIMA: predict needs ${h} future values for regressor ${reg.index + 1}`,
						);
					}
					point[i] += b * col[i];
				}
			}
		});
		const levels = opts.levels ?? [];
		checkLevels(levels);
		if (levels.length === 0) return { point, intervals: [] };
		const psi = psiWeights(c.phi, c.theta, delta, h);
		const sd = new Float64Array(h);
		let cum = 0;
		for (let i = 0; i < h; i++) {
			cum += psi[i] * psi[i];
			sd[i] = Math.sqrt(this.sigma2 * cum);
		}
		const intervals: Interval[] = levels.map((level) => {
			const z = qnorm(0.5 + level / 2);
			return {
				level,
				lower: point.map((v, i) => v - z * sd[i]),
				upper: point.map((v, i) => v + z * sd[i]),
			};
		});
		return { point, intervals };
	}

	/** One-step fitted values y_t − e_t (R's residuals); NaN for the first d + mD points. */
	predictInSample(): Float64Array {
		return Float64Array.from(this.#core.fitted);
	}

	toState(): ModelState {
		const c = this.#core;
		const params: ModelState['params'] = {
			method: this.method,
			p: c.spec.p,
			d: c.spec.d,
			q: c.spec.q,
			P: c.spec.P,
			D: c.spec.D,
			Q: c.spec.Q,
			m: c.spec.m,
			coef: Array.from(c.coef),
			coefNames: c.coefNames.join(','),
			sigma2: this.sigma2,
		};
		if (Number.isFinite(c.aicc)) params.aicc = c.aicc;
		return { model: this.name, params };
	}
}

function specOf(order: ArimaOrder, season: number): Spec {
	const m = Math.max(1, Math.round(order.m ?? season));
	const seasonal = m > 1;
	return {
		p: order.p,
		d: order.d,
		q: order.q,
		P: seasonal ? (order.P ?? 0) : 0,
		D: seasonal ? (order.D ?? 0) : 0,
		Q: seasonal ? (order.Q ?? 0) : 0,
		m,
	};
}

function checkY(y: Float64Array): void {
	checkFinite(y, 'ARIMA');
}

/** ARIMA with fixed orders, as forecast::Arima(y, order, seasonal, include.mean, include.drift). */
export class ARIMA implements Forecaster {
	readonly name: string;
	readonly order: ArimaOrder;
	readonly #opts: ArimaOptions;

	constructor(order: ArimaOrder, opts: ArimaOptions = {}) {
		this.order = order;
		this.#opts = opts;
		const o = order;
		this.name =
			`arima(${o.p},${o.d},${o.q})` +
			(o.P || o.D || o.Q ? `(${o.P ?? 0},${o.D ?? 0},${o.Q ?? 0})` : '');
	}

	fit(y: Float64Array, opts?: FitOptions): FittedARIMA {
		checkY(y);
		const s = specOf(this.order, opts?.season ?? 1);
		const core = fitArimaCore(y, s, {
			includeMean: this.#opts.includeMean ?? true,
			includeDrift: this.#opts.includeDrift ?? false,
			xreg: opts?.xreg ?? [],
			method: this.#opts.method ?? 'CSS-ML',
			maxIter: this.#opts.maxIter ?? 100,
			strictCss: false,
		});
		if (!core)
			throw new RangeError(`ARIMA: cannot fit ${arimaLabel(s, [])} to ${y.length} observations`);
		return new FittedARIMA(this.name, core, residualSigma2(core));
	}
}

/** Options for {@link AutoARIMA}; defaults are auto.arima's. */
export interface AutoArimaOptions {
	maxP?: number;
	maxQ?: number;
	maxSP?: number;
	maxSQ?: number;
	maxD?: number;
	maxSD?: number;
	/** Fix d / D instead of testing. */
	d?: number;
	D?: number;
	ic?: 'aicc' | 'aic' | 'bic';
	/** CSS search + exact refit of the winner. Default n > 150 or m > 1 (R: n > 150 or m > 12). */
	approximation?: boolean;
	allowDrift?: boolean;
	allowMean?: boolean;
	/** Cap on models tried (R's nmodels). Default 94. */
	maxModels?: number;
	/** Only the last maxLength observations are used (speed). Default 400. */
	maxLength?: number;
	/** Exact refits tried after an approximate search (R: unlimited). Default 6. */
	maxRefits?: number;
	/** BFGS iterations per fit. Default 100. */
	maxIter?: number;
	/**
	 * BFGS's relative tolerance on the CSS objective ½·log(Σe²/ν) during the search (and the CSS
	 * start of an exact refit). Default R's optim() default, 1e-8.
	 */
	cssRelTol?: number;
	/**
	 * Share the search between fits of one series' growing windows (the engine's backtest origins
	 * and final fit): the first fit searches as usual and keeps its `screen` best orders; each later
	 * fit with the same d and D fits only those, by CSS, and takes the exact likelihood and state at
	 * the CSS estimates of the winner instead of optimising it again (it searches in full when none
	 * of them is admissible). Default 0 (every fit searches in full, as auto.arima).
	 */
	screen?: number;
	/**
	 * After an approximate (CSS) search, a winner with seasonal ARMA terms (P + Q > 0, whose exact
	 * likelihood needs a Kalman state of ≥ m dimensions: most of a monthly series' time) takes the
	 * exact likelihood and state at its CSS estimates instead of optimising the exact likelihood again
	 * (every fit, not only the screened later ones). The order is chosen by the CSS criterion either
	 * way; only the coefficients differ (CSS instead of ML). 'all': every winner, with or without
	 * seasonal terms. Default false (auto.arima's ML refit).
	 */
	cssRefit?: boolean | 'all';
	/**
	 * Without seasonal ARMA terms (maxSP = maxSQ = 0), no regressors and a CSS search: the stepwise
	 * search ranks the orders by the linear Hannan–Rissanen screen (hannanRissanenScreen) and fits by
	 * CSS only its best `hrScreen` admissible orders (instead of every order the search visits); the
	 * winner among those is chosen and refitted as usual. Default 0 (off: every visited order by CSS).
	 */
	hrScreen?: number;
}

/** ndiffs(): number of first differences by repeated KPSS tests at 5 % (max 2). */
export function ndiffs(x: Float64Array, maxD = 2, alpha = 0.05): number {
	let d = 0;
	let z = x;
	const isConst = (v: Float64Array): boolean => v.every((e) => e === v[0]);
	if (isConst(z)) return 0;
	const lags = (n: number): number => Math.trunc((3 * Math.sqrt(n)) / 13);
	let dodiff = kpss(z, lags(z.length)).pValue < alpha;
	while (dodiff && d < maxD) {
		d++;
		z = difference(z, 1, 0, 1);
		if (z.length < 3 || isConst(z)) return d;
		dodiff = kpss(z, lags(z.length)).pValue < alpha;
	}
	return d;
}

/** nsdiffs(test = "seas"): one seasonal difference when the STL seasonal strength exceeds 0.64. */
export function nsdiffs(x: Float64Array, m: number): number {
	if (m <= 1 || m >= x.length || x.every((v) => v === x[0])) return 0;
	const r = mstl(x, [m]);
	if (r.seasonals.length === 0) return 0;
	const s = r.seasonals[0].seasonal;
	const variance = (f: (i: number) => number): number => {
		let mean = 0;
		for (let i = 0; i < x.length; i++) mean += f(i);
		mean /= x.length;
		let v = 0;
		for (let i = 0; i < x.length; i++) v += (f(i) - mean) ** 2;
		return v;
	};
	const vr = variance((i) => r.remainder[i]);
	const vs = variance((i) => r.remainder[i] + s[i]);
	const strength = Math.max(0, Math.min(1, 1 - vr / vs));
	return strength > 0.64 ? 1 : 0;
}

/** Further Hannan–Rissanen regressions on the ARMA's own residuals in the screen (each kept only where it lowers the CSS). */
const HR_REFINE = 3;

/**
 * Hannan–Rissanen linear screen of non-seasonal ARMA(p, q) orders on a (differenced) series w
 * (Hannan & Rissanen 1982, Biometrika 69(1); the starting values of R's arima and statsmodels'
 * `hannan_rissanen`): a long AR(L) by least squares gives residuals ê_t; each order's coefficients
 * then come from one least-squares regression of w_t on w_{t−1..t−p}, ê_{t−1..t−q} (and an intercept
 * with `k`), all orders on the same rows (normal equations on one shared cross-product matrix). An
 * order is judged by the CSS recursion's residual variance at those coefficients (one pass, no
 * optimisation; the regression's own RSS, with ê as known regressors, flatters long orders) as an AICc
 * on the CSS scale. Returns Infinity where a root is within 1.01 of the unit circle (as the search
 * rejects), or null when w is too short for the screen.
 */
export function hannanRissanenScreen(
	w: Float64Array,
	maxP: number,
	maxQ: number,
	refine = 0,
): ((p: number, q: number, k: boolean) => number) | null {
	const N = w.length;
	const L = Math.max(maxP + maxQ, Math.min(Math.floor(Math.log(N) ** 2), Math.floor(N / 4)));
	const t0 = L + Math.max(maxP, maxQ);
	if (L < 1 || N - t0 < 3 * (maxP + maxQ + 2) || N - t0 < 30) return null;
	// long AR(L) with an intercept on rows L..N−1, by its normal equations
	const K0 = L + 1;
	const G0 = new Float64Array(K0 * K0);
	const g0 = new Float64Array(K0);
	const z = new Float64Array(K0);
	for (let t = L; t < N; t++) {
		z[0] = 1;
		for (let j = 1; j <= L; j++) z[j] = w[t - j];
		for (let i = 0; i < K0; i++) {
			g0[i] += z[i] * w[t];
			for (let j = 0; j <= i; j++) G0[i * K0 + j] += z[i] * z[j];
		}
	}
	for (let i = 0; i < K0; i++) for (let j = 0; j < i; j++) G0[j * K0 + i] = G0[i * K0 + j];
	const ar = solve(G0, K0, g0);
	if (!ar || !ar.every(Number.isFinite)) return null;
	const e = new Float64Array(N);
	for (let t = L; t < N; t++) {
		let v = w[t] - ar[0];
		for (let j = 1; j <= L; j++) v -= ar[j] * w[t - j];
		e[t] = v;
	}
	// the shared cross products of [1, w_{t−1..t−maxP}, ê_{t−1..t−maxQ}] and w_t on rows t0..N−1
	const K = 1 + maxP + maxQ;
	const G = new Float64Array(K * K);
	const g = new Float64Array(K);
	const zz = new Float64Array(K);
	for (let t = t0; t < N; t++) {
		zz[0] = 1;
		for (let j = 1; j <= maxP; j++) zz[j] = w[t - j];
		for (let j = 1; j <= maxQ; j++) zz[maxP + j] = e[t - j];
		for (let i = 0; i < K; i++) {
			g[i] += zz[i] * w[t];
			for (let j = 0; j <= i; j++) G[i * K + j] += zz[i] * zz[j];
		}
	}
	for (let i = 0; i < K; i++) for (let j = 0; j < i; j++) G[j * K + i] = G[i * K + j];
	const r = new Float64Array(N);
	const r2 = new Float64Array(N);
	const zc = new Float64Array(K);
	/** The CSS recursion (as css(), conditioning on the first p values): its sum of squares, residuals in `out`. */
	const recursion = (
		mu: number,
		phi: ArrayLike<number>,
		theta: ArrayLike<number>,
		p: number,
		q: number,
		out: Float64Array,
	): number => {
		let ssq = 0;
		out.fill(0);
		for (let l = p; l < N; l++) {
			let v = w[l] - mu;
			for (let j = 0; j < p; j++) v -= phi[j] * w[l - j - 1];
			const jm = Math.min(l - p, q);
			for (let j = 0; j < jm; j++) v -= theta[j] * out[l - j - 1];
			out[l] = v;
			ssq += v * v;
		}
		return ssq;
	};
	const admissible = (phi: Float64Array, theta: Float64Array): boolean =>
		rootsOutside(phi, -1, 1e-8, 1.01) && rootsOutside(theta, 1, 1e-8, 1.01);
	return (p, q, k) => {
		const idx: number[] = [];
		if (k) idx.push(0);
		for (let j = 1; j <= p; j++) idx.push(j);
		for (let j = 1; j <= q; j++) idx.push(maxP + j);
		const c = idx.length;
		let beta: Float64Array = new Float64Array(0);
		if (c > 0) {
			const A = new Float64Array(c * c);
			const bb = new Float64Array(c);
			for (let i = 0; i < c; i++) {
				bb[i] = g[idx[i]];
				for (let j = 0; j < c; j++) A[i * c + j] = G[idx[i] * K + idx[j]];
			}
			const sol = solve(A, c, bb);
			if (!sol || !sol.every(Number.isFinite)) return Infinity;
			beta = sol;
		}
		const off = k ? 1 : 0;
		const phi = beta.subarray(off, off + p);
		const theta = beta.subarray(off + p, off + p + q);
		if (!admissible(phi, theta)) return Infinity;
		let ssq = recursion(k ? beta[0] : 0, phi, theta, p, q, r);
		// Hannan–Rissanen's further steps: the same regression on lags of the ARMA's own residuals
		for (let it = 0; it < refine && q > 0; it++) {
			const A = new Float64Array(c * c);
			const bb = new Float64Array(c);
			for (let t = p + q; t < N; t++) {
				let i = 0;
				if (k) zc[i++] = 1;
				for (let j = 1; j <= p; j++) zc[i++] = w[t - j];
				for (let j = 1; j <= q; j++) zc[i++] = r[t - j];
				for (let a = 0; a < c; a++) {
					bb[a] += zc[a] * w[t];
					for (let b2 = 0; b2 < c; b2++) A[a * c + b2] += zc[a] * zc[b2];
				}
			}
			const sol = solve(A, c, bb);
			if (!sol || !sol.every(Number.isFinite)) break;
			const phi2 = sol.subarray(off, off + p);
			const theta2 = sol.subarray(off + p, off + p + q);
			if (!admissible(phi2, theta2)) break;
			const ssq2 = recursion(k ? sol[0] : 0, phi2, theta2, p, q, r2);
			if (!(ssq2 < ssq)) break;
			ssq = ssq2;
			r.set(r2);
		}
		const nu = N - p;
		if (!(ssq > 0) || !Number.isFinite(ssq)) return Infinity;
		const npar = p + q + off + 1;
		const aic = N * Math.log(ssq / nu) + 2 * npar;
		return aic + (2 * npar * (npar + 1)) / (N - npar - 1);
	};
}

/**
 * Automatic ARIMA (forecast::auto.arima, stepwise): D by the seasonal-strength heuristic, d by KPSS,
 * then a stepwise search over (p, q, P, Q, constant) by AICc from ARIMA(2,d,2)(1,D,1), with the
 * roots-near-unit-circle rejection and, for long or high-frequency series, CSS during the search and
 * an exact-likelihood refit of the winner. Series longer than maxLength are cut to their last part.
 */
export class AutoARIMA implements Forecaster {
	readonly name = 'arima';
	readonly #opts: AutoArimaOptions;
	/** The first fit's best orders (AutoArimaOptions.screen). */
	#screen: {
		d: number;
		D: number;
		orders: { p: number; q: number; P: number; Q: number; k: boolean }[];
	} | null = null;

	constructor(opts: AutoArimaOptions = {}) {
		this.#opts = opts;
	}

	fit(y0: Float64Array, fitOpts?: FitOptions): FittedARIMA {
		checkY(y0);
		const o = this.#opts;
		const maxLength = o.maxLength ?? 400;
		const cut = Math.max(0, y0.length - maxLength);
		const y = y0.slice(cut);
		const xreg = (fitOpts?.xreg ?? []).map((c) => c.slice(cut));
		const n = y.length;
		if (n === 0) throw new RangeError('ARIMA: empty series');
		const m = Math.max(1, Math.round(fitOpts?.season ?? 1));
		const ic = o.ic ?? 'aicc';
		const icOf = (c: ArimaCore): number => c[ic];
		const isConst = (v: Float64Array): boolean => v.every((e) => e === v[0]);
		if (isConst(y)) {
			const core = fitArimaCore(y, specOf({ p: 0, d: 0, q: 0 }, 1), {
				includeMean: true,
				includeDrift: false,
				xreg: [],
				method: 'CSS-ML',
				maxIter: 10,
				strictCss: false,
			});
			if (core) return new FittedARIMA(this.name, core, 0);
		}
		let maxP = Math.min(o.maxP ?? 5, Math.floor(n / 3));
		let maxQ = Math.min(o.maxQ ?? 5, Math.floor(n / 3));
		let maxSP = Math.min(o.maxSP ?? 2, Math.floor(n / 3 / m));
		let maxSQ = Math.min(o.maxSQ ?? 2, Math.floor(n / 3 / m));
		// residuals of y on xreg drive the unit-root tests (R does the same)
		let xx: Float64Array = y;
		if (xreg.length > 0) {
			const fit = leastSquares([new Float64Array(n).fill(1), ...xreg], y);
			xx = fit.residuals;
		}
		let D: number;
		if (m === 1) {
			D = 0;
			maxSP = maxSQ = 0;
		} else if (o.D !== undefined) D = o.D;
		else if (n <= 2 * m) D = 0;
		else D = Math.min(o.maxSD ?? 1, nsdiffs(xx, m));
		const dx = D > 0 ? difference(xx, 0, D, m) : xx;
		const d = o.d ?? (dx.length > 2 ? ndiffs(dx, o.maxD ?? 2) : 0);
		if (m > 1) {
			if (maxSP > 0) maxP = Math.min(maxP, m - 1);
			if (maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
		}
		// R approximates only when n > 150 or m > 12; exact ML for every seasonal candidate costs
		// seconds per monthly series in JS, so seasonal searches always use CSS here (see header).
		const approximation = o.approximation ?? (n > 150 || m > 1);
		const maxIter = o.maxIter ?? 100;
		const allowDrift = (o.allowDrift ?? true) && d + D === 1;
		const allowMean = (o.allowMean ?? true) && d + D === 0;
		const constant = allowDrift || allowMean;
		// offset for approximate (CSS) criteria, as auto.arima
		let offset = 0;
		if (approximation) {
			const base = fitArimaCore(
				y,
				{ p: 0, d, q: 0, P: 0, D, Q: 0, m },
				{
					includeMean: false,
					includeDrift: false,
					xreg,
					method: 'CSS-ML',
					maxIter,
					strictCss: false,
				},
			);
			if (base) offset = -2 * base.loglik - n * Math.log(base.sigma2);
		}
		const cache = new Map<string, { ic: number; core: ArimaCore | null }>();
		// each order's CSS estimates on this window: the exact refit of a winner starts from them
		// without minimising the CSS again (the same deterministic BFGS run would give the same)
		const cssDone = new Map<string, CssResult>();
		const maxModels = o.maxModels ?? 94;
		// a screened later window refits its CSS winner without a new ML optimisation
		let quickRefit = false;
		const tryFit = (p: number, q: number, P: number, Q: number, k: boolean, approx: boolean) => {
			const key = `${p},${q},${P},${Q},${k}`;
			const hit = cache.get(key);
			if (hit && approx) return hit;
			const s: Spec = { p, d, q, P, D, Q, m };
			const known = cssDone.get(key);
			const core = fitArimaCore(y, s, {
				includeMean: k && d + D === 0,
				includeDrift: k && d + D === 1,
				xreg,
				method: approx ? 'CSS' : 'CSS-ML',
				maxIter,
				strictCss: true,
				...(known ? { cssKnown: known } : {}),
				...(o.cssRelTol !== undefined ? { cssRelTol: o.cssRelTol } : {}),
				onCss: (r) => cssDone.set(key, { x: Float64Array.from(r.x), fail: r.fail }),
				...(!approx && (quickRefit || o.cssRefit === 'all' || (o.cssRefit && P + Q > 0))
					? { mlAtCss: true }
					: {}),
			});
			let icv = Infinity;
			if (core) {
				const npar = core.nCoef + 1;
				const nstar = n - d - D * m;
				if (approx) {
					const aic = offset + nstar * Math.log(core.sigma2) + 2 * npar;
					core.aic = aic;
					core.aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
					core.bic = aic + npar * (Math.log(nstar) - 2);
				}
				icv = icOf(core);
				if (!Number.isFinite(icv)) icv = Infinity;
				// reject near-non-stationary / non-invertible fits (minroot < 1.01)
				if (!(rootsOutside(core.phi, -1, 1e-8, 1.01) && rootsOutside(core.theta, 1, 1e-8, 1.01)))
					icv = Infinity;
			}
			const out = { ic: icv, core };
			if (approx) cache.set(key, out);
			return out;
		};
		const results: { p: number; q: number; P: number; Q: number; k: boolean; ic: number }[] = [];
		const seen = (p: number, q: number, P: number, Q: number, k: boolean): boolean =>
			results.some((r) => r.p === p && r.q === q && r.P === P && r.Q === Q && r.k === k);
		const run = (p: number, q: number, P: number, Q: number, k: boolean) => {
			const f = tryFit(p, q, P, Q, k, approximation);
			results.push({ p, q, P, Q, k, ic: f.ic });
			return f;
		};
		const p = Math.min(n < 10 ? 1 : 2, maxP);
		const q = Math.min(n < 10 ? 1 : 2, maxQ);
		const P = Math.min(n < 10 ? 0 : 1, maxSP);
		const Q = Math.min(n < 10 ? 0 : 1, maxSQ);
		const screen =
			this.#screen && this.#screen.d === d && this.#screen.D === D ? this.#screen : null;
		let best: ReturnType<typeof run> = { ic: Infinity, core: null };
		// a later fit of a screened series: only the first fit's best orders
		if (screen)
			for (const r of screen.orders) {
				const f = run(r.p, r.q, r.P, r.Q, r.k);
				if (f.ic < best.ic) best = f;
			}
		quickRefit = screen !== null && Number.isFinite(best.ic);
		/** Where the stepwise search starts and what it may reach (the linear screen's and the full search's). */
		const from = {
			p,
			q,
			P,
			Q,
			constant,
			maxP,
			maxQ,
			maxSP,
			maxSQ,
			m,
			allowDrift,
			allowMean,
		};
		const hrScreen = o.hrScreen ?? 0;
		if (
			!Number.isFinite(best.ic) &&
			hrScreen > 0 &&
			approximation &&
			xreg.length === 0 &&
			maxSP === 0 &&
			maxSQ === 0
		) {
			const hr = hannanRissanenScreen(difference(y, d, D, m), maxP, maxQ, HR_REFINE);
			if (hr) {
				// the stepwise path on the linear criterion, then CSS fits of its best orders only
				const lin: { p: number; q: number; P: number; Q: number; k: boolean; ic: number }[] = [];
				const linRun = (p: number, q: number, P: number, Q: number, k: boolean) => {
					const ic = hr(p, q, k);
					lin.push({ p, q, P, Q, k, ic });
					return { ic, core: null };
				};
				const linSeen = (p: number, q: number, P: number, Q: number, k: boolean): boolean =>
					lin.some((r) => r.p === p && r.q === q && r.P === P && r.Q === Q && r.k === k);
				this.#search(linRun, linSeen, lin, maxModels, from);
				let admissible = 0;
				for (const r of lin.filter((x) => Number.isFinite(x.ic)).sort((a, b) => a.ic - b.ic)) {
					if (admissible >= hrScreen) break;
					const f = run(r.p, r.q, r.P, r.Q, r.k);
					if (Number.isFinite(f.ic)) admissible++;
					if (f.ic < best.ic) best = f;
				}
			}
		}
		if (!Number.isFinite(best.ic)) {
			best = this.#search(run, seen, results, maxModels, from);
		}
		const screenSize = o.screen ?? 0;
		if (screenSize > 0 && !this.#screen)
			this.#screen = {
				d,
				D,
				orders: results
					.filter((r) => Number.isFinite(r.ic))
					.sort((a, b) => a.ic - b.ic)
					.slice(0, screenSize)
					.map(({ p, q, P, Q, k }) => ({ p, q, P, Q, k })),
			};
		let final = best.core;
		if (approximation) {
			final = null;
			const order = results.filter((r) => Number.isFinite(r.ic)).sort((a, b) => a.ic - b.ic);
			// R refits every candidate in turn until one passes the root check; each exact seasonal
			// fit costs 0.1–0.7 s here, so stop after maxRefits and then keep the refit with the best
			// criterion even if a root is within 1.01 of the unit circle (usually a seasonal MA → −1).
			let fallback: ArimaCore | null = null;
			for (const r of order.slice(0, o.maxRefits ?? 6)) {
				const f = tryFit(r.p, r.q, r.P, r.Q, r.k, false);
				if (Number.isFinite(f.ic) && f.core) {
					final = f.core;
					break;
				}
				if (
					f.core &&
					Number.isFinite(icOf(f.core)) &&
					(!fallback || icOf(f.core) < icOf(fallback))
				) {
					fallback = f.core;
				}
			}
			final ??= fallback;
		}
		if (!final || (!approximation && !Number.isFinite(best.ic))) {
			// nothing admissible: fall back to ARIMA(0,d,0)(0,D,0) with constant where allowed
			final = fitArimaCore(
				y,
				{ p: 0, d, q: 0, P: 0, D, Q: 0, m },
				{
					includeMean: allowMean,
					includeDrift: allowDrift,
					xreg,
					method: 'CSS-ML',
					maxIter,
					strictCss: false,
				},
			);
		}
		if (!final) throw new RangeError('ARIMA: no model could be fitted');
		return new FittedARIMA(this.name, final, residualSigma2(final));
	}

	/** auto.arima's stepwise search from (p, q, P, Q, constant); returns the best fit. */
	#search<F extends { ic: number; core: ArimaCore | null }>(
		run: (p: number, q: number, P: number, Q: number, k: boolean) => F,
		seen: (p: number, q: number, P: number, Q: number, k: boolean) => boolean,
		results: readonly unknown[],
		maxModels: number,
		o: {
			p: number;
			q: number;
			P: number;
			Q: number;
			constant: boolean;
			maxP: number;
			maxQ: number;
			maxSP: number;
			maxSQ: number;
			m: number;
			allowDrift: boolean;
			allowMean: boolean;
		},
	): F {
		let { p, q, P, Q, constant } = o;
		const { maxP, maxQ, maxSP, maxSQ, m, allowDrift, allowMean } = o;
		let best = run(p, q, P, Q, constant);
		const consider = (np: number, nq: number, nP: number, nQ: number, k: boolean): boolean => {
			const f = run(np, nq, nP, nQ, k);
			if (f.ic < best.ic) {
				best = f;
				p = np;
				q = nq;
				P = nP;
				Q = nQ;
				constant = k;
				return true;
			}
			return false;
		};
		consider(0, 0, 0, 0, constant);
		if (maxP > 0 || maxSP > 0)
			consider(maxP > 0 ? 1 : 0, 0, m > 1 && maxSP > 0 ? 1 : 0, 0, constant);
		if (maxQ > 0 || maxSQ > 0)
			consider(0, maxQ > 0 ? 1 : 0, 0, m > 1 && maxSQ > 0 ? 1 : 0, constant);
		if (constant) consider(0, 0, 0, 0, false);
		let startk = 0;
		while (startk < results.length && results.length < maxModels) {
			startk = results.length;
			const moves: [number, number, number, number, boolean, boolean][] = [
				[p, q, P - 1, Q, constant, P > 0],
				[p, q, P, Q - 1, constant, Q > 0],
				[p, q, P + 1, Q, constant, P < maxSP],
				[p, q, P, Q + 1, constant, Q < maxSQ],
				[p, q, P - 1, Q - 1, constant, Q > 0 && P > 0],
				[p, q, P - 1, Q + 1, constant, Q < maxSQ && P > 0],
				[p, q, P + 1, Q - 1, constant, Q > 0 && P < maxSP],
				[p, q, P + 1, Q + 1, constant, Q < maxSQ && P < maxSP],
				[p - 1, q, P, Q, constant, p > 0],
				[p, q - 1, P, Q, constant, q > 0],
				[p + 1, q, P, Q, constant, p < maxP],
				[p, q + 1, P, Q, constant, q < maxQ],
				[p - 1, q - 1, P, Q, constant, q > 0 && p > 0],
				[p - 1, q + 1, P, Q, constant, q < maxQ && p > 0],
				[p + 1, q - 1, P, Q, constant, q > 0 && p < maxP],
				[p + 1, q + 1, P, Q, constant, q < maxQ && p < maxP],
				[p, q, P, Q, !constant, allowDrift || allowMean],
			];
			for (const [np, nq, nP, nQ, k, ok] of moves) {
				if (!ok || seen(np, nq, nP, nQ, k)) continue;
				if (results.length >= maxModels) break;
				if (consider(np, nq, nP, nQ, k)) break;
			}
		}
		return best;
	}
}
