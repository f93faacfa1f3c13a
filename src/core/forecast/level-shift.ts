// Level shifts (issue #11: "fitting up to 520 points keeps data from before the shift"). A store
// that moved, a product relisted at a new price, a channel added: the sales settle at a new level and
// stay there. Models fitted on the whole window keep the old level in their trend, season and drift.
//
// Detection (findLevelShift) on the seasonally adjusted series (a periodic STL's season taken off
// where there are two full seasons): for each split s with at least MIN_POST points after it, the
// median of everything after it (B, up to the end: the new level must last) against the median of
// the points just before it (A, as many as B, at least MIN_PRE). A split is a level shift when
//   - the step is large: |median B − median A| ≥ SHIFT_SIZE × the robust scale of the points around
//     their own segment's median (1.4826 × MAD, pooled over A and B);
//   - it lasts: ≥ SHIFT_SIDE of B and of A lie on their own side of the midpoint, and so does the
//     median of the last few points;
//   - it is abrupt: the medians of the SHIFT_LOCAL points either side of s differ by at least half
//     the step in the same direction, and two medians fit A ∪ B with at most SHIFT_VS_LINE of the
//     absolute error of a straight line (a steady trend is not a shift).
// The split with the largest step ÷ scale wins. Thresholds were fixed before measuring (RESULTS.md,
// "Level shifts"), not tuned.
//
// In the engine the candidates 'theta~shift' and 'ets~shift' fit their model on the history with the
// level shift taken out: in 'trim' mode only on the points since the shift, in 'adjust' mode on the
// whole window with the points before the shift moved to the new level (scaled by the ratio of the
// two levels for positive series, else shifted by the difference). At every backtest origin the
// detection is run again on that window alone, so the backtest measures the rule, not hindsight; where
// a window shows no shift the candidate is its base model. They join the backtest, ranking and
// combinations like every other candidate and win only where they backtest better.

import { msg, type Message } from '../messages';
import { selectKth, stl } from '../series/stl';
import type { FitOptions, FittedForecaster, Forecaster } from '../types';

/** What the engine does with a level shift by default (AutoForecastOptions.levelShift). */
export const LEVEL_SHIFT_DEFAULT: LevelShiftMode | false = false;
export type LevelShiftMode = 'trim' | 'adjust';
/** Suffix of the candidates fitted without the level before the shift. */
export const SHIFT_SUFFIX = '~shift';
/** Models with a level-shift variant. */
export const SHIFT_BASES = ['theta', 'ets'] as const;
/** Fewest points after a shift (the new level must be seen for this long). */
export const MIN_POST = 8;
/** Fewest points before a shift (the old level's reference). */
export const MIN_PRE = 16;
/** Oldest shift looked for, in points before the end. */
export const MAX_POST = 156;
/** Least step, in robust scale units. */
export const SHIFT_SIZE = 3;
/** Least share of each side on its own side of the midpoint. */
export const SHIFT_SIDE = 0.8;
/** Points either side of the split for the abruptness check. */
export const SHIFT_LOCAL = 3;
/** Most absolute error of the two-level fit as a share of a straight line's. */
export const SHIFT_VS_LINE = 0.7;

export interface LevelShift {
	/** First index at the new level. */
	index: number;
	/** Median level (seasonally adjusted) before and after. */
	before: number;
	after: number;
	/** Step ÷ robust scale. */
	score: number;
}

/** Median of a, in linear time; `scratch` (at least a.length long) is overwritten. */
function median(a: Float64Array, scratch = new Float64Array(a.length)): number {
	const n = a.length;
	scratch.set(a);
	const k = n >> 1;
	const hi = selectKth(scratch.subarray(0, n), k);
	if (n % 2) return hi;
	let lo = -Infinity;
	for (let i = 0; i < k; i++) if (scratch[i] > lo) lo = scratch[i];
	return 0.5 * (lo + hi);
}

/** The latest persistent level shift of y (season m), or null. */
export function findLevelShift(y: Float64Array, m: number): LevelShift | null {
	const L = y.length;
	if (L < MIN_PRE + MIN_POST) return null;
	let x = y;
	if (m > 1 && L > 2 * m) {
		const d = stl(y, m, { sWindow: 'periodic' });
		x = y.map((v, t) => v - d.seasonal[t]);
	}
	let best: LevelShift | null = null;
	const last = Math.max(MIN_POST, Math.min(L - MIN_PRE, MAX_POST));
	const tail = median(x.subarray(L - SHIFT_LOCAL - 1));
	// the conditions are checked cheapest first (they all must hold, so the order changes nothing)
	const scratch = new Float64Array(2 * L);
	const dev = new Float64Array(2 * L);
	for (let p = MIN_POST; p <= last; p++) {
		const s = L - p;
		const w = Math.min(s, Math.max(p, MIN_PRE));
		const A = x.subarray(s - w, s);
		const B = x.subarray(s);
		const a = median(A, scratch);
		const b = median(B, scratch);
		const step = b - a;
		if (step === 0) continue;
		const mid = (a + b) / 2;
		const dir = Math.sign(step);
		const side = (seg: Float64Array, sign: number): number => {
			let k = 0;
			for (const v of seg) if (sign * (v - mid) > 0) k++;
			return k / seg.length;
		};
		if (side(B, dir) < SHIFT_SIDE || side(A, -dir) < SHIFT_SIDE) continue;
		if (dir * (tail - mid) <= 0) continue;
		const local =
			median(x.subarray(s, s + SHIFT_LOCAL), scratch) -
			median(x.subarray(s - SHIFT_LOCAL, s), scratch);
		if (dir * local < 0.5 * Math.abs(step)) continue;
		for (let i = 0; i < w; i++) dev[i] = Math.abs(A[i] - a);
		for (let i = 0; i < p; i++) dev[w + i] = Math.abs(B[i] - b);
		const scale = 1.4826 * median(dev.subarray(0, w + p), scratch);
		const score = scale > 0 ? Math.abs(step) / scale : Infinity;
		if (score < SHIFT_SIZE || (best && score <= best.score)) continue;
		// two levels against a straight line over A ∪ B (least squares), by absolute error
		const n = w + p;
		let st = 0;
		let sv = 0;
		let stt = 0;
		let stv = 0;
		for (let i = 0; i < n; i++) {
			const v = x[s - w + i];
			st += i;
			sv += v;
			stt += i * i;
			stv += i * v;
		}
		const slope = (n * stv - st * sv) / (n * stt - st * st);
		const icpt = (sv - slope * st) / n;
		let lineErr = 0;
		for (let i = 0; i < n; i++) lineErr += Math.abs(x[s - w + i] - icpt - slope * i);
		let stepErr = 0;
		for (let i = 0; i < n; i++) stepErr += dev[i];
		if (!(stepErr <= SHIFT_VS_LINE * lineErr)) continue;
		best = { index: s, before: a, after: b, score };
	}
	return best;
}

/**
 * y without the level before a shift: 'trim' keeps the points from the shift on, 'adjust' moves
 * the points before it to the new level (× after ÷ before where both levels and every value are
 * positive, else + after − before).
 */
export function withoutShift(y: Float64Array, s: LevelShift, mode: LevelShiftMode): Float64Array {
	if (mode === 'trim') return y.slice(s.index);
	const out = Float64Array.from(y);
	const ratio = s.before > 0 && s.after > 0 && y.every((v) => v > 0) ? s.after / s.before : NaN;
	for (let t = 0; t < s.index; t++)
		out[t] = Number.isFinite(ratio) ? y[t] * ratio : y[t] + s.after - s.before;
	return out;
}

/**
 * Detection shared by the candidates of one engine run: the windows the backtest fits are the
 * prefixes of one series, so a result is kept by window length.
 */
export class ShiftDetector {
	readonly #cache = new Map<number, LevelShift | null>();
	constructor(readonly m: number) {}
	find(y: Float64Array): LevelShift | null {
		let r = this.#cache.get(y.length);
		if (r === undefined) {
			r = findLevelShift(y, this.m);
			this.#cache.set(y.length, r);
		}
		return r;
	}
}

/** A model fitted on its window without the level before the window's own latest shift. */
export class ShiftModel implements Forecaster {
	constructor(
		readonly name: string,
		readonly inner: Forecaster,
		readonly detector: ShiftDetector,
		readonly mode: LevelShiftMode,
	) {}
	fit(y: Float64Array, opts: FitOptions = {}): FittedForecaster {
		const s = this.detector.find(y);
		if (!s) return this.inner.fit(y, opts);
		const z = withoutShift(y, s, this.mode);
		const xreg = this.mode === 'trim' ? opts.xreg?.map((c) => c.slice(s.index)) : opts.xreg;
		const fitted = this.inner.fit(z, { ...opts, ...(xreg ? { xreg } : {}) });
		if (this.mode === 'adjust') return fitted;
		// in-sample values over the whole window (NaN before the shift)
		return {
			name: fitted.name,
			aicc: fitted.aicc,
			predict: (h, p) => fitted.predict(h, p),
			predictInSample: () => {
				const f = fitted.predictInSample();
				const out = new Float64Array(y.length).fill(NaN);
				out.set(f, s.index);
				return out;
			},
			toState: () => fitted.toState(),
		};
	}
}

/** The note for a forecast that used a shift candidate (levels rounded as shown). */
export function shiftNote(s: LevelShift, n: number, mode: LevelShiftMode): Message {
	return msg(mode === 'trim' ? 'engine_note_level_shift_trim' : 'engine_note_level_shift_adjust', {
		periods: n - s.index,
		before: Math.round(s.before),
		after: Math.round(s.after),
	});
}
