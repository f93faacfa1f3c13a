// Linear regression forecaster with trend, Fourier seasonality and user regressors (promotions,
// holidays, price, social signals), as forecast::tslm(y ~ trend + fourier(y, K) + xreg). Used by the
// engine and by the explanation panel (explain() says what drives the forecast).
//
// Model: y_t = β₀ + β₁ t + Σ_{k=1}^{K} [a_k sin(2πkt/m) + b_k cos(2πkt/m)] + Σ_j γ_j x_{j,t} + ε_t,
// ε_t ~ N(0, σ²) iid, fitted by OLS via Householder QR. Prediction intervals use the regression
// prediction variance σ̂² (1 + x₀ᵀ(XᵀX)⁻¹x₀) and Student-t quantiles with n − rank degrees of
// freedom (Hyndman & Athanasopoulos, FPP3 §7.6; Seber & Lee 2003 §5.3).

import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	ModelState,
	PredictOptions,
} from '../types';
import { IncrementalQR, leastSquares } from '../linalg';
import { pt, qt } from '../stats';
import { checkLevels } from './model-utils';

/** Options for {@link LinearRegressionModel}. */
export interface RegressionOptions {
	/** Include the linear trend t. Default true. */
	trend?: boolean;
	/**
	 * Fourier pairs K for the season (capped at m/2), or 'auto' to pick K in 0…min(m/2, 10) by AICc.
	 * Default 'auto'. Ignored when season ≤ 1.
	 */
	fourier?: number | 'auto';
	/** Names for the user regressors, in FitOptions.xreg order (for explain()). */
	xregNames?: string[];
}

/** One explained coefficient. */
export interface RegressionTerm {
	name: string;
	kind: 'intercept' | 'trend' | 'fourier' | 'xreg';
	estimate: number;
	stdError: number;
	tValue: number;
	pValue: number;
}

/** What explain() returns. */
export interface RegressionExplanation {
	terms: RegressionTerm[];
	sigma: number;
	rSquared: number;
	adjRSquared: number;
	df: number;
	/** Fourier pairs used. */
	fourierK: number;
}

interface Column {
	name: string;
	kind: RegressionTerm['kind'];
	/** Value at 1-based time t, given the user-regressor value when kind = 'xreg'. */
	at: (t: number, x?: number) => number;
	xregIndex?: number;
}

function buildColumns(m: number, K: number, trend: boolean, nx: number, names: string[]): Column[] {
	const cols: Column[] = [{ name: '(Intercept)', kind: 'intercept', at: () => 1 }];
	if (trend) cols.push({ name: 'trend', kind: 'trend', at: (t) => t });
	for (let k = 1; k <= K; k++) {
		// sin(πt) ≡ 0 when 2k = m: forecast::fourier drops it
		if (2 * k !== m) {
			cols.push({
				name: `S${k}-${m}`,
				kind: 'fourier',
				at: (t) => Math.sin((2 * Math.PI * k * t) / m),
			});
		}
		cols.push({
			name: `C${k}-${m}`,
			kind: 'fourier',
			at: (t) => Math.cos((2 * Math.PI * k * t) / m),
		});
	}
	for (let j = 0; j < nx; j++) {
		cols.push({
			name: names[j] ?? `xreg${j + 1}`,
			kind: 'xreg',
			at: (_t, x) => x ?? NaN,
			xregIndex: j,
		});
	}
	return cols;
}

interface RegFit {
	cols: Column[];
	coef: Float64Array;
	xtxInv: Float64Array;
	sigma2: number;
	df: number;
	rank: number;
	fitted: Float64Array;
	rss: number;
	aicc: number;
	K: number;
	m: number;
	n: number;
	tss: number;
}

/** The design columns' values at t = 1…n (shared through `built`, keyed by name). */
function columnValues(
	cols: readonly Column[],
	n: number,
	xreg: readonly Float64Array[],
	built?: Map<string, Float64Array>,
): Float64Array[] {
	return cols.map((c) => {
		const key = c.xregIndex === undefined ? c.name : `\u0000xreg${c.xregIndex}`;
		const hit = built?.get(key);
		if (hit) return hit;
		const col = new Float64Array(n);
		for (let i = 0; i < n; i++)
			col[i] = c.at(i + 1, c.xregIndex === undefined ? undefined : xreg[c.xregIndex][i]);
		built?.set(key, col);
		return col;
	});
}

/** AICc of a Gaussian linear model with `rank` coefficients (plus σ²) and residual sum of squares `rss`. */
function aiccOf(n: number, rank: number, rss: number): number {
	const k = rank + 1;
	const ll = -0.5 * n * (Math.log((2 * Math.PI * Math.max(rss, 1e-300)) / n) + 1);
	return n - k - 1 > 0 ? -2 * ll + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
}

/**
 * The Fourier K in 0…cap with the lowest AICc (the first on ties), as fitting every K by
 * leastSquares and comparing would choose: the designs are nested ([intercept, trend, S1, C1, …,
 * SK, CK] then the user regressors), so one incremental QR (IncrementalQR: the same reflections and
 * rank decisions as leastSquares) adds each K's Fourier pair to the previous K's and forks it for
 * the regressors, instead of 11 QRs from scratch (issue #11 speed: the regression was a fifth of a
 * weekly series' time).
 */
function searchFourierK(
	y: Float64Array,
	m: number,
	cap: number,
	trend: boolean,
	xreg: readonly Float64Array[],
	names: string[],
	built: Map<string, Float64Array>,
): number {
	const n = y.length;
	const cols = buildColumns(m, cap, trend, xreg.length, names);
	const X = columnValues(cols, n, xreg, built);
	const nBase = trend ? 2 : 1;
	const xcols = X.slice(X.length - xreg.length);
	const qr = new IncrementalQR(y);
	for (let j = 0; j < nBase; j++) qr.add(X[j]);
	const aiccNow = (): number => {
		if (xcols.length === 0) return aiccOf(n, qr.rank, qr.rss());
		const c = qr.clone();
		for (const x of xcols) c.add(x);
		return aiccOf(n, c.rank, c.rss());
	};
	let bestK = 0;
	let best = aiccNow();
	let j = nBase;
	for (let K = 1; K <= cap; K++) {
		// keep at least ~2 observations per parameter
		if (2 * K + 2 + xreg.length > n / 2) break;
		// pair K: S_K (absent when 2K = m, as in buildColumns) and C_K
		for (let c = 2 * K !== m ? 2 : 1; c > 0; c--) qr.add(X[j++]);
		const a = aiccNow();
		if (a < best) {
			best = a;
			bestK = K;
		}
	}
	return bestK;
}

function fitOnce(
	y: Float64Array,
	m: number,
	K: number,
	trend: boolean,
	xreg: readonly Float64Array[],
	names: string[],
	/** Design columns already built for this y (by name): the K = 0…10 search shares them. */
	built?: Map<string, Float64Array>,
): RegFit {
	const n = y.length;
	const cols = buildColumns(m, K, trend, xreg.length, names);
	const X = columnValues(cols, n, xreg, built);
	const ls = leastSquares(X, y);
	const df = n - ls.rank;
	const sigma2 = df > 0 ? ls.rss / df : NaN;
	const aicc = aiccOf(n, ls.rank, ls.rss);
	let mean = 0;
	for (let i = 0; i < n; i++) mean += y[i] / n;
	let tss = 0;
	for (let i = 0; i < n; i++) tss += (y[i] - mean) ** 2;
	return {
		cols,
		coef: ls.coef,
		xtxInv: ls.xtxInv,
		sigma2,
		df,
		rank: ls.rank,
		fitted: ls.fitted,
		rss: ls.rss,
		aicc,
		K,
		m,
		n,
		tss,
	};
}

/** A fitted regression model. */
export class FittedLinearRegression implements FittedForecaster {
	readonly name = 'regression';
	readonly aicc: number;
	readonly #f: RegFit;

	/** @internal built by LinearRegressionModel.fit */
	constructor(f: RegFit) {
		this.#f = f;
		this.aicc = f.aicc;
	}

	/** Forecasts with t-based prediction intervals; user regressors need future values in opts.xreg. */
	predict(horizon: number, opts: PredictOptions = {}): Forecast {
		const f = this.#f;
		const h = Math.max(0, Math.floor(horizon));
		const p = f.cols.length;
		const point = new Float64Array(h);
		const se = new Float64Array(h);
		const x0 = new Float64Array(p);
		for (let i = 0; i < h; i++) {
			for (let j = 0; j < p; j++) {
				const c = f.cols[j];
				let xv: number | undefined;
				if (c.xregIndex !== undefined) {
					const col = opts.xreg?.[c.xregIndex];
					if (!col || col.length < h) {
						throw new RangeError(`regression: predict needs ${h} future values for ${c.name}`);
					}
					xv = col[i];
				}
				x0[j] = c.at(f.n + i + 1, xv);
			}
			let v = 0;
			let q = 0;
			for (let a = 0; a < p; a++) {
				if (Number.isNaN(f.coef[a])) continue;
				v += f.coef[a] * x0[a];
				for (let b = 0; b < p; b++) {
					if (!Number.isNaN(f.coef[b])) q += x0[a] * f.xtxInv[b * p + a] * x0[b];
				}
			}
			point[i] = v;
			se[i] = Math.sqrt(f.sigma2 * (1 + q));
		}
		checkLevels(opts.levels ?? []);
		const intervals = (opts.levels ?? []).map((level) => {
			const tq = f.df > 0 ? qt(0.5 + level / 2, f.df) : Infinity;
			return {
				level,
				lower: point.map((v, i) => v - tq * se[i]),
				upper: point.map((v, i) => v + tq * se[i]),
			};
		});
		return { point, intervals };
	}

	/** Fitted values Xβ̂ (the regression's in-sample predictions), length n. */
	predictInSample(): Float64Array {
		return Float64Array.from(this.#f.fitted);
	}

	/** Coefficients with standard errors, t statistics and two-sided p-values (as summary.lm). */
	explain(): RegressionExplanation {
		const f = this.#f;
		const p = f.cols.length;
		const terms: RegressionTerm[] = [];
		f.cols.forEach((c, j) => {
			if (Number.isNaN(f.coef[j])) return;
			const stdError = Math.sqrt(f.sigma2 * f.xtxInv[j * p + j]);
			const tValue = f.coef[j] / stdError;
			terms.push({
				name: c.name,
				kind: c.kind,
				estimate: f.coef[j],
				stdError,
				tValue,
				pValue: f.df > 0 && Number.isFinite(tValue) ? 2 * (1 - pt(Math.abs(tValue), f.df)) : NaN,
			});
		});
		const r2 = f.tss > 0 ? 1 - f.rss / f.tss : 0;
		return {
			terms,
			sigma: Math.sqrt(f.sigma2),
			rSquared: r2,
			adjRSquared: f.df > 0 ? 1 - ((1 - r2) * (f.n - 1)) / f.df : NaN,
			df: f.df,
			fourierK: f.K,
		};
	}

	toState(): ModelState {
		const f = this.#f;
		return {
			model: this.name,
			params: {
				terms: f.cols.map((c) => c.name).join(','),
				coef: Array.from(f.coef, (v) => (Number.isNaN(v) ? 0 : v)),
				dropped: f.cols
					.filter((_, j) => Number.isNaN(f.coef[j]))
					.map((c) => c.name)
					.join(','),
				sigma2: f.sigma2,
				df: f.df,
				fourierK: f.K,
				m: f.m,
				n: f.n,
			},
		};
	}
}

/** Regression on trend + Fourier terms + user regressors (forecast::tslm). */
export class LinearRegressionModel implements Forecaster {
	readonly name = 'regression';
	readonly #opts: RegressionOptions;

	constructor(opts: RegressionOptions = {}) {
		this.#opts = opts;
	}

	fit(y: Float64Array, opts?: FitOptions): FittedLinearRegression {
		for (let i = 0; i < y.length; i++) {
			if (!Number.isFinite(y[i])) throw new RangeError('regression: y must be finite');
		}
		const xreg = opts?.xreg ?? [];
		for (const c of xreg) {
			if (c.length !== y.length)
				throw new RangeError('regression: each xreg column needs y.length values');
		}
		if (y.length < 2) throw new RangeError('regression: need at least 2 observations');
		const m = Math.max(1, Math.round(opts?.season ?? 1));
		// with fewer than 3 points a trend would leave no residual degrees of freedom
		const trend = (this.#opts.trend ?? true) && y.length >= 3 + xreg.length;
		const names = this.#opts.xregNames ?? [];
		const kMax = m > 1 ? Math.floor(m / 2) : 0;
		const want = this.#opts.fourier ?? 'auto';
		let best: RegFit;
		if (want === 'auto') {
			const built = new Map<string, Float64Array>();
			const K = searchFourierK(y, m, Math.min(kMax, 10), trend, xreg, names, built);
			best = fitOnce(y, m, K, trend, xreg, names, built);
		} else {
			best = fitOnce(y, m, Math.min(Math.max(0, Math.floor(want)), kMax), trend, xreg, names);
		}
		return new FittedLinearRegression(best);
	}
}
