// Cross-learning: one model fitted on ALL of a shop's products together (a "global" model in the
// sense of Montero-Manso & Hyndman 2021, "Principles and algorithms for forecasting groups of time
// series: locality and globality", IJF 37:1632–1653), registered as a candidate ('pooled') of the
// engine's registry, so it enters the same rolling-origin backtest, ranking, combination and
// conformal calibration as the per-series models. Whether it may be chosen at all is decided for
// the whole batch (pooledGate, v2.3): where its backtest error summed over the shop's products is
// clearly below that of each product's median statistical model, it is a `trusted` candidate,
// chosen like a built-in; else the batch is forecast without it. (Per series, the engine's
// EXTERNAL_GAIN rule for external candidates kept it nowhere: weekly shop series have one backtest
// origin, fewer than MIN_EXTERNAL_ORIGINS; and where it was kept, on undated M4 Weekly series with
// two origins, it was picked on noise. The batch's products together are the evidence.)
//
// The model: a ridge regression of the next value on the last L values, every row scaled by the
// mean of its own L lags (so a product selling 3 a week and one selling 3,000 share one set of
// coefficients), plus, where period dates are known, the change of a seasonal index from the lag
// window to the target period (log scale; by default the shipped retail profile, so all products
// together learn how strongly this shop follows the retail year). One regression per forecast step
// (direct multi-step: nothing compounds).
// A short, noisy product thus borrows its dynamics (how fast a level reverts, how much of a last
// jump persists) from the whole shop.
//
// No look-ahead: a fit for a training window that ends at period T (CandidateContext.end, mapped to
// a date through the series' own period starts, or to "periods before the end" when dates are
// unknown) uses every product's values up to T only. Fits are cached per cut-off, so a batch whose
// products share a calendar fits the global regression once per backtest origin.

import { cholesky, choleskySolve } from '../linalg';
import { msg, type Message } from '../messages';
import { usesPooled } from './pooled-gate';

export { POOLED_GATE, pooledGate, usesPooled, type PooledGate } from './pooled-gate';
import { qnorm } from '../stats';
import type { Frequency, Forecast, SeriesBatch } from '../types';
import type { Candidate, CandidateContext, FittedCandidate } from './registry';
import { frequencyOf, nextPeriod, profileIndex } from './seasonal-prior';

/** One product's history as the caller gave it to the engine (same indices as CandidateContext.end). */
export interface PooledSeries {
	id: string;
	y: ArrayLike<number>;
	/** Period starts (UTC ms), when known: rows are then cut off by date, and the season is used. */
	ds?: ArrayLike<number>;
}

export interface PooledOptions {
	/** Candidate name (default 'pooled'). */
	name?: string;
	/** Number of lags (default: 13 for weekly, 12 for monthly, 8 otherwise). */
	lags?: number;
	/** Ridge penalty per training row on the lag coefficients (default 0.01). */
	ridge?: number;
	/**
	 * Seasonal index of a period start (multiplicative, > 0), e.g. a borrowed group season; default the
	 * shipped retail profile (seasonal-prior.ts). Used only where period dates are known.
	 */
	season?: (t: number, freq: Frequency) => number;
	/** Fewest products with usable rows (default 3): a global model of one product is not pooled. */
	minSeries?: number;
}

/** A scaled target above this many times its lag mean is cut there (one giant order). */
export const POOLED_CLIP = 8;
/**
 * The regression runs on log(value ÷ lag mean + POOLED_DELTA): scale-free, a spike counts on a log
 * scale, and the recursion neither compounds the skew of shop demand (on the plain ratio scale the
 * mean of value ÷ lag mean is above 1 for noisy products, and a recursive forecast grew ~18 % a week
 * on the online-retail top 200) nor leaves zero (log of a zero week is log δ). The forecast is then
 * the model's median, which absolute-error measures (MASE, WAPE) reward.
 */
export const POOLED_DELTA = 0.1;
/** Fewest training rows for a global fit. */
const MIN_ROWS = 40;

interface StepFit {
	beta: Float64Array;
	/** Residual standard deviation on the log scale. */
	sigma: number;
	rows: number;
}
/** One regression per forecast step (direct multi-step: no recursion, nothing compounds). */
interface GlobalFit {
	steps: StepFit[];
	/** Lags used (at most PooledOptions.lags, fewer for a short batch). */
	lags: number;
	series: number;
}

interface Prepared {
	y: Float64Array;
	/** Time key of each point: its date, or its position counted back from the series' end. */
	key: Float64Array;
	ds?: Float64Array;
	freq: Frequency | null;
	/** Seasonal log index of each point (0 where unknown). */
	lseason: Float64Array;
}

/** The pooled candidate over a batch of products. */
export class PooledModel {
	readonly name: string;
	readonly lags: number;
	readonly #ridge: number;
	readonly #minSeries: number;
	readonly #season: (t: number, freq: Frequency) => number;
	readonly #byId = new Map<string, Prepared>();
	readonly #fits = new Map<string, GlobalFit | null>();
	readonly #useSeason: boolean;

	constructor(series: readonly PooledSeries[], opts: PooledOptions = {}) {
		this.name = opts.name ?? 'pooled';
		this.#ridge = opts.ridge ?? 0.01;
		this.#minSeries = opts.minSeries ?? 3;
		this.#season = opts.season ?? profileIndex;
		const dated = series.length > 0 && series.every((s) => s.ds && s.ds.length === s.y.length);
		let freq: Frequency | null = null;
		for (const s of series) {
			const n = s.y.length;
			const y = Float64Array.from(s.y, (v) => (Number.isFinite(v) ? Math.max(0, v) : NaN));
			const ds = dated ? Float64Array.from(s.ds!) : undefined;
			const f = ds ? frequencyOf(ds) : null;
			freq ??= f;
			const key = ds ? ds : Float64Array.from({ length: n }, (_, t) => t - n);
			const lseason = new Float64Array(n);
			if (ds && f && f !== 'day')
				for (let t = 0; t < n; t++) lseason[t] = Math.log(this.#season(ds[t], f));
			this.#byId.set(s.id, { y, key, ...(ds ? { ds } : {}), freq: f, lseason });
		}
		this.#useSeason = dated && freq !== null && freq !== 'day';
		this.lags = opts.lags ?? (freq === 'week' ? 13 : freq === 'month' ? 12 : series.length ? 8 : 8);
	}

	/** Number of coefficients: intercept, lags, seasonal change. */
	#p(L: number): number {
		return 1 + L + (this.#useSeason ? 1 : 0);
	}

	/** Row features into x (length p) from lags ending before t; returns the lag mean (scale). */
	#features(
		L: number,
		lagsNewestFirst: ArrayLike<number>,
		lsTarget: number,
		lsLags: ArrayLike<number>,
		x: Float64Array,
	): number {
		let s = 0;
		for (let k = 0; k < L; k++) s += lagsNewestFirst[k];
		s /= L;
		if (!(s > 0)) return 0;
		x[0] = 1;
		for (let k = 0; k < L; k++) x[1 + k] = Math.log(lagsNewestFirst[k] / s + POOLED_DELTA);
		if (this.#useSeason) {
			let m = 0;
			for (let k = 0; k < L; k++) m += lsLags[k];
			x[1 + L] = lsTarget - m / L;
		}
		return s;
	}

	/**
	 * The global regressions for steps 1…H on every product's rows whose target period is at or
	 * before `cut` (a step without enough rows fails the fit).
	 */
	globalFit(cut: number, H: number): GlobalFit | null {
		const cacheKey = `${cut}:${H}`;
		if (this.#fits.has(cacheKey)) return this.#fits.get(cacheKey)!;
		// lags: at most this.lags, at most a third of the longest history before the cut-off
		let avail = 0;
		for (const s of this.#byId.values()) {
			let k = 0;
			while (k < s.key.length && s.key[k] <= cut) k++;
			avail = Math.max(avail, k);
		}
		const L = Math.min(this.lags, Math.max(3, Math.floor(avail / 3)));
		const p = this.#p(L);
		const xtx = Array.from({ length: H }, () => new Float64Array(p * p));
		const xty = Array.from({ length: H }, () => new Float64Array(p));
		const yy = new Float64Array(H);
		const rows = new Float64Array(H);
		let used = 0;
		const x = new Float64Array(p);
		const lag = new Float64Array(L);
		const lsl = new Float64Array(L);
		for (const s of this.#byId.values()) {
			let mine = 0;
			// t = first period after the lag window (the step-1 target)
			for (let t = L; t < s.y.length && s.key[t] <= cut; t++) {
				let ok = true;
				for (let k = 0; k < L; k++) {
					lag[k] = s.y[t - 1 - k];
					lsl[k] = s.lseason[t - 1 - k];
					if (!Number.isFinite(lag[k])) ok = false;
				}
				if (!ok) continue;
				for (let j = 0; j < H && t + j < s.y.length && s.key[t + j] <= cut; j++) {
					const target = s.y[t + j];
					if (!Number.isFinite(target)) continue;
					const sc = this.#features(L, lag, s.lseason[t + j], lsl, x);
					if (!(sc > 0)) break;
					const z = Math.log(Math.min(target / sc, POOLED_CLIP) + POOLED_DELTA);
					const A = xtx[j];
					const c = xty[j];
					for (let i = 0; i < p; i++) {
						c[i] += x[i] * z;
						for (let l = 0; l <= i; l++) A[i * p + l] += x[i] * x[l];
					}
					yy[j] += z * z;
					rows[j]++;
					if (j === 0) mine++;
				}
			}
			if (mine > 0) used++;
		}
		let fit: GlobalFit | null = null;
		if (used >= this.#minSeries) {
			const steps: StepFit[] = [];
			for (let j = 0; j < H; j++) {
				const n = rows[j];
				// a step too far for this much history reuses the last step fitted (a short shop's
				// batch: 17 weeks give few 12-step-ahead rows)
				if (n < Math.max(MIN_ROWS, 3 * p)) break;
				const A = xtx[j];
				for (let i = 0; i < p; i++) for (let l = 0; l < i; l++) A[l * p + i] = A[i * p + l];
				const a = Float64Array.from(A);
				for (let i = 1; i < p; i++) a[i * p + i] += this.#ridge * n;
				const chol = cholesky(a, p);
				if (!chol) break;
				const beta = choleskySolve(chol, p, xty[j]);
				// residual sum of squares from the normal equations: z'z − 2β'X'z + β'X'Xβ
				let rss = yy[j];
				for (let i = 0; i < p; i++) {
					rss -= 2 * beta[i] * xty[j][i];
					for (let l = 0; l < p; l++) rss += beta[i] * A[i * p + l] * beta[l];
				}
				steps.push({ beta, sigma: Math.sqrt(Math.max(rss, 0) / Math.max(1, n - p)), rows: n });
			}
			while (steps.length > 0 && steps.length < H) steps.push(steps[steps.length - 1]);
			if (steps.length === H) fit = { steps, series: used, lags: L };
		}
		this.#fits.set(cacheKey, fit);
		return fit;
	}

	/**
	 * Fit for one product: `y` is the engine's (cleaned, possibly trimmed) training window, `ctx.end`
	 * where that window ends in the product's series as given to this model.
	 */
	fit(y: Float64Array, ctx: CandidateContext): FittedCandidate {
		const id = ctx.seriesId;
		const s = id !== undefined ? this.#byId.get(id) : undefined;
		if (!s) throw new Error(`pooled: no series '${id ?? ''}' in the batch`);
		const end = ctx.end;
		if (!(end >= 1 && end <= s.y.length))
			throw new Error(`pooled: window end ${end} outside the series`);
		const H = Math.max(1, Math.floor(ctx.horizon));
		const g = this.globalFit(s.key[end - 1], H);
		if (!g) throw new Error('pooled: too few products or rows before this period');
		const L = g.lags;
		const p = this.#p(L);
		// the lag window, newest first: the last L values of y (padded with their mean when y is shorter)
		const hist = Array.from(y.subarray(Math.max(0, y.length - L)), (v) => Math.max(0, v));
		const mean0 = hist.length ? hist.reduce((a, b) => a + b, 0) / hist.length : 0;
		while (hist.length < L) hist.unshift(mean0);
		const lag = Float64Array.from(hist).reverse();
		// seasonal log index at offset j from `end` (0 = first forecast period, negative = history)
		const lsAt = (j: number): number => {
			if (!this.#useSeason || !s.ds || !s.freq) return 0;
			const t = end + j;
			if (t >= 0 && t < s.ds.length) return s.lseason[t];
			return Math.log(this.#season(nextPeriod(s.ds[end - 1], s.freq, j + 1), s.freq));
		};
		const lsl = Float64Array.from({ length: L }, (_, k) => lsAt(-1 - k));
		return {
			predict: (h: number, levels: readonly number[]): Forecast => {
				if (h > H) throw new Error(`pooled: fitted for ${H} steps, asked for ${h}`);
				const point = new Float64Array(h);
				const zs = new Float64Array(h);
				const x = new Float64Array(p);
				let sc = 0;
				for (let j = 0; j < h; j++) {
					sc = this.#features(L, lag, lsAt(j), lsl, x);
					let z = 0;
					for (let i = 0; i < p; i++) z += g.steps[j].beta[i] * x[i];
					zs[j] = z;
					point[j] =
						sc > 0 ? Math.min(Math.max(Math.exp(z) - POOLED_DELTA, 0), POOLED_CLIP) * sc : 0;
				}
				const back = (z: number): number =>
					sc > 0 ? Math.min(Math.max(Math.exp(z) - POOLED_DELTA, 0), POOLED_CLIP) * sc : 0;
				const intervals = levels.map((level) => {
					const q = qnorm(0.5 + level / 2);
					// each step's own residual spread on the log scale, mapped back
					const lower = point.map((v, j) => Math.min(v, back(zs[j] - q * g.steps[j].sigma)));
					const upper = point.map((v, j) => Math.max(v, back(zs[j] + q * g.steps[j].sigma)));
					return { level, lower, upper };
				});
				return { point, intervals };
			},
		};
	}

	/**
	 * The registry candidate (family 'global'); register it in the registry the engine runs with.
	 * `trusted`: chosen like a built-in (the batch passed pooledGate), else under the engine's rule
	 * for external candidates.
	 */
	candidate(trusted = false): Candidate {
		return {
			name: this.name,
			family: 'global',
			minLength: 8,
			auto: true,
			...(trusted ? { trusted } : {}),
			fit: (y, ctx) => this.fit(y, ctx),
		};
	}
}

/** The pooled candidate over every series of a batch (the forecast worker's products), or null for fewer than 3. */
export function pooledFromBatch(batch: SeriesBatch, opts: PooledOptions = {}): PooledModel | null {
	if (batch.ids.length < 3) return null;
	return new PooledModel(
		batch.ids.map((id, i) => {
			const from = batch.indptr[i];
			const to = batch.indptr[i + 1];
			return { id, y: batch.y.subarray(from, to), ds: batch.ds.subarray(from, to) };
		}),
		opts,
	);
}

/**
 * A forecast with the note that it used the shop-wide model (engine_note_pooled, `n` products),
 * where its chosen model does; else as it is.
 */
export function pooledNote<T extends { model: string; notes: Message[] }>(r: T, n: number): T {
	return usesPooled(r.model) ? { ...r, notes: [...r.notes, msg('engine_note_pooled', { n })] } : r;
}
