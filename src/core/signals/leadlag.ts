// Lead-lag between a signal x (search interest, topic volume, sentiment) and sales y, and the "fusion"
// of the signal into the forecast:
//  - cross-correlation of x_{t−k} with y_t at lags k = 0…8 after prewhitening: an AR(p) filter fitted to x
//    (p ≤ 4 by AIC) is applied to both series so x's own autocorrelation cannot fake a lead
//    (Box & Jenkins 1976 §11.2; Hyndman & Athanasopoulos, FPP3 §10.6); significant when |r| > 1.96/√n;
//  - a Granger-style F test: y on its own p lags vs also x lagged k…k+p−1 (Granger 1969);
//  - fusion: the engine's regression / ARIMA with the signal lagged by L as a regressor (src/core/engine.ts
//    `regressors`), scored against the same models without it and against the automatic choice, by MASE on
//    rolling held-out windows. L is chosen on the data before the first held-out window only.
// Pure TypeScript; used by the data worker's Market report, the benchmark and tests.
import { forecastAuto } from '../engine';
import { leastSquares } from '../linalg';
import { mase } from '../metrics';
import { pbeta } from '../stats';

/** Correlation of x_{t−lag} with y_t. */
export interface LagCorrelation {
	lag: number;
	r: number;
	significant: boolean;
}

/** What the lead-lag analysis found. */
export interface LeadLagResult {
	/** Prewhitened cross-correlations at lags 0…maxLag. */
	lags: LagCorrelation[];
	/** The lag with the largest significant positive correlation (null when none). */
	bestLag: number | null;
	/** ±bound of significance (1.96/√n). */
	bound: number;
	/** AR order of the prewhitening filter. */
	arOrder: number;
	/** Granger F test at the best lag (or lag 1 when none): p-value. */
	grangerP: number;
	n: number;
}

function meanOf(a: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i];
	return s / a.length;
}

/** Pearson correlation of x_{t−lag} and y_t over the overlap. */
export function crossCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, lag: number): number {
	const n = Math.min(x.length, y.length);
	const xs: number[] = [];
	const ys: number[] = [];
	for (let t = lag; t < n; t++) {
		xs.push(x[t - lag]);
		ys.push(y[t]);
	}
	if (xs.length < 3) return NaN;
	const mx = meanOf(xs);
	const my = meanOf(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < xs.length; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** AR(p) coefficients of a series by OLS (with intercept), p ≤ pMax chosen by AIC. */
export function fitAr(x: ArrayLike<number>, pMax = 4): { p: number; coef: number[]; c: number } {
	const n = x.length;
	let best = { p: 0, coef: [] as number[], c: meanOf(x), aic: Infinity };
	for (let p = 0; p <= Math.min(pMax, Math.floor(n / 4)); p++) {
		const m = n - pMax;
		const y = new Float64Array(m);
		const cols: Float64Array[] = [new Float64Array(m).fill(1)];
		for (let k = 1; k <= p; k++) cols.push(new Float64Array(m));
		for (let t = pMax; t < n; t++) {
			y[t - pMax] = x[t];
			for (let k = 1; k <= p; k++) cols[k][t - pMax] = x[t - k];
		}
		const fit = leastSquares(cols, y);
		const aic = m * Math.log(Math.max(fit.rss, 1e-12) / m) + 2 * (p + 1);
		if (aic < best.aic) best = { p, coef: Array.from(fit.coef.slice(1)), c: fit.coef[0], aic };
	}
	return { p: best.p, coef: best.coef, c: best.c };
}

/** Applies x's AR filter e_t = z_t − Σ φ_k z_{t−k} (the first p values are dropped). */
function applyAr(z: ArrayLike<number>, coef: number[]): number[] {
	const p = coef.length;
	const out: number[] = [];
	for (let t = p; t < z.length; t++) {
		let e = z[t];
		for (let k = 1; k <= p; k++) e -= coef[k - 1] * z[t - k];
		out.push(e);
	}
	return out;
}

/** Granger-style F test that x lagged `lag`…`lag+p−1` helps predict y beyond y's own p lags. */
export function grangerTest(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	lag: number,
	p = 2,
): number {
	const n = Math.min(x.length, y.length);
	const start = Math.max(p, lag + p - 1);
	const m = n - start;
	if (m <= 2 * p + 3) return NaN;
	const yy = new Float64Array(m);
	const restricted: Float64Array[] = [new Float64Array(m).fill(1)];
	for (let k = 1; k <= p; k++) restricted.push(new Float64Array(m));
	const extra: Float64Array[] = [];
	for (let k = 0; k < p; k++) extra.push(new Float64Array(m));
	for (let t = start; t < n; t++) {
		const i = t - start;
		yy[i] = y[t];
		for (let k = 1; k <= p; k++) restricted[k][i] = y[t - k];
		for (let k = 0; k < p; k++) extra[k][i] = x[t - lag - k];
	}
	const r = leastSquares(restricted, yy);
	const u = leastSquares([...restricted, ...extra], yy);
	const df2 = m - (2 * p + 1);
	const f = ((r.rss - u.rss) / p / Math.max(u.rss, 1e-12)) * df2;
	if (!(f > 0)) return 1;
	return pbeta(df2 / (df2 + p * f), df2 / 2, p / 2);
}

/** Prewhitened cross-correlations, the leading lag and a Granger test. */
export function leadLag(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	opts: { maxLag?: number; arMax?: number } = {},
): LeadLagResult {
	const maxLag = opts.maxLag ?? 8;
	const n = Math.min(x.length, y.length);
	const xs = Array.from(x).slice(0, n);
	const ys = Array.from(y).slice(0, n);
	// Difference both when x wanders (a trending search series correlates with anything trending).
	const ar = fitAr(xs, opts.arMax ?? 4);
	const ex = applyAr(xs, ar.coef);
	const ey = applyAr(ys, ar.coef);
	const m = ex.length;
	const bound = 1.96 / Math.sqrt(Math.max(1, m));
	const lags: LagCorrelation[] = [];
	for (let k = 0; k <= maxLag; k++) {
		const r = crossCorrelation(ex, ey, k);
		lags.push({ lag: k, r, significant: Math.abs(r) > 1.96 / Math.sqrt(Math.max(1, m - k)) });
	}
	let bestLag: number | null = null;
	for (const l of lags)
		if (l.significant && l.r > 0 && (bestLag === null || l.r > lags[bestLag].r)) bestLag = l.lag;
	return {
		lags,
		bestLag,
		bound,
		arOrder: ar.p,
		grangerP: grangerTest(xs, ys, Math.max(1, bestLag ?? 1)),
		n,
	};
}

/** x shifted by `lag`: out[t] = x[t − lag] (the first values repeat x[0]). */
export function lagSeries(x: ArrayLike<number>, lag: number, length: number): Float64Array {
	const out = new Float64Array(length);
	for (let t = 0; t < length; t++) {
		const i = t - lag;
		out[t] = i < 0 ? x[0] : i < x.length ? x[i] : x[x.length - 1];
	}
	return out;
}

/** Scores of forecasts with and without a signal on rolling held-out windows. */
export interface FusionResult {
	lag: number;
	horizon: number;
	origins: number;
	/** Mean MASE: the models with the signal, the same models without it, the automatic engine. */
	maseWith: number;
	maseWithout: number;
	maseAuto: number;
	/** maseWith ÷ maseWithout (< 1: the signal helps). */
	lift: number;
}

/**
 * Rolling-origin test of the signal as a lagged regressor. y and x are aligned (same periods); the last
 * `origins` windows of length `horizon` are held out in turn. The lag is the best prewhitened lead found
 * before the first held-out window (or `lag` when given). Future signal values beyond what the lag makes
 * known are held at the last observed value.
 */
export function fusionBacktest(
	y: ArrayLike<number>,
	x: ArrayLike<number>,
	opts: { horizon: number; origins: number; season?: number; lag?: number; models?: string[] },
): FusionResult {
	const n = Math.min(x.length, y.length);
	const h = opts.horizon;
	const firstOrigin = n - opts.origins * h;
	if (firstOrigin < 20) throw new RangeError('series too short for this many held-out windows');
	const lag =
		opts.lag ??
		Math.max(
			1,
			leadLag(Array.from(x).slice(0, firstOrigin), Array.from(y).slice(0, firstOrigin)).bestLag ??
				1,
		);
	const models = opts.models ?? ['regression', 'arima'];
	const season = opts.season ?? 1;
	const withS: number[] = [];
	const without: number[] = [];
	const auto: number[] = [];
	for (let o = 0; o < opts.origins; o++) {
		const end = firstOrigin + o * h;
		const train = Float64Array.from(Array.from(y).slice(0, end));
		const actual = Array.from(y).slice(end, end + h);
		// Only x up to the origin is known; lagSeries carries the last known value forward.
		const known = Array.from(x).slice(0, end);
		const full = lagSeries(known, lag, end + h);
		const regressors = {
			names: ['signal'],
			history: [full.slice(0, end)],
			future: [full.slice(end)],
		};
		const a = forecastAuto(train, { horizon: h, season, models, regressors });
		const b = forecastAuto(train, { horizon: h, season, models });
		const c = forecastAuto(train, { horizon: h, season });
		withS.push(mase(actual, Array.from(a.point), train, season));
		without.push(mase(actual, Array.from(b.point), train, season));
		auto.push(mase(actual, Array.from(c.point), train, season));
	}
	const avg = (v: number[]) => {
		const f = v.filter(Number.isFinite);
		return f.reduce((s, c) => s + c, 0) / Math.max(1, f.length);
	};
	const maseWith = avg(withS);
	const maseWithout = avg(without);
	return {
		lag,
		horizon: h,
		origins: opts.origins,
		maseWith,
		maseWithout,
		maseAuto: avg(auto),
		lift: maseWith / maseWithout,
	};
}
