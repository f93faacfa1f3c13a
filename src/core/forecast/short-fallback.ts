// What a series too short to backtest gets (issue #11, StockX losses). With h = 12 weekly periods a
// product needs h + 4 = 16 weeks before the engine can score any candidate on its own history; below
// that it took one model blind: theta from 8 points, else the mean of the last few values ('ma'). Theta
// carries half the straight-line trend of the whole short history forward. A sneaker 8–15 weeks after its release has a history that rose and is
// now decaying (StockX, 15 weeks to 17 Dec 2017: 61, 47, 34, 24 sold, then 11 a week), and theta
// over-forecasts it 2–3×. The median of that model, the last value (naive) and the engine's automatic
// ETS (damped trends only on weekly data; on a decay it picks simple exponential smoothing) keeps any
// one of the three from running away. Chosen on the validation horizons (RESULTS.md, helper
// "launch4"). Pure TypeScript.
import { gaussianIntervals } from '../models/model-utils';
import type { Forecast, Forecaster, FittedForecaster, PredictOptions } from '../types';

/** The no-backtest model as the engine chose it before (theta from 8 points, else 'ma', else naive). */
export type ShortChoice = {
	name: string;
	members: string[];
	weights: number[];
	kind: 'single' | 'weighted' | 'median';
};

/** The models the median is taken over, beside the single fallback. */
export const SHORT_MEDIAN_WITH = ['naive', 'ets'] as const;
/**
 * Single fallbacks the median replaces: theta (8 points up to h + 3). Not 'ma' (under 8 points ETS is
 * no candidate of the engine), not naive itself, not the launch curve.
 */
export const SHORT_MEDIAN_OF: ReadonlySet<string> = new Set(['theta']);

/**
 * The fallback of a series that cannot be backtested: the median of `single`, naive and ETS where
 * `single` is theta and the candidates allowed include all three (a user's own model list is
 * kept to), else `single` alone.
 */
export function shortFallback(single: string, allowed: readonly string[], n: number): ShortChoice {
	const members = [single, ...SHORT_MEDIAN_WITH];
	if (SHORT_MEDIAN_OF.has(single) && n >= 4 && members.every((x) => allowed.includes(x)))
		return {
			name: `median(${members.join(',')})`,
			members,
			weights: members.map(() => 1 / members.length),
			kind: 'median',
		};
	return { name: single, members: [single], weights: [1], kind: 'single' };
}

/**
 * A history too short to backtest past its peak (issue #11, StockX, RESULTS.md v2.5 post-hype): its
 * largest value at least PAST_PEAK_GAP periods before its last, and the last below PAST_PEAK_SHARE ×
 * that peak. A product weeks after its launch hype (43, 60, 51, 30, 20 sold) is decaying; the mean of
 * its last few weeks ('ma', the engine's blind choice under 8 points) carries the peak into the forecast
 * (StockX V3: 3.3–7.2 × what sold), and theta's median holds it flat while it keeps falling.
 * Thresholds fixed before measuring, not tuned.
 */
export const PAST_PEAK_GAP = 2;
export const PAST_PEAK_SHARE = 0.8;

/** Whether y has passed its peak and fallen since (see PAST_PEAK_GAP, PAST_PEAK_SHARE). */
export function pastPeak(y: ArrayLike<number>): { peak: number; last: number } | null {
	const n = y.length;
	if (n < PAST_PEAK_GAP + 1) return null;
	let p = 0;
	for (let i = 1; i < n; i++) if (y[i] > y[p]) p = i;
	const last = y[n - 1];
	if (!(y[p] > 0) || n - 1 - p < PAST_PEAK_GAP || !(last < PAST_PEAK_SHARE * y[p])) return null;
	return { peak: y[p], last };
}

/** The decay's damping φ: each period's fall is φ × the previous one's (in logs). */
export const DECAY_PHI = 0.8;
export const DECAY_MODEL = 'decay';

/**
 * The fallback of a series that cannot be backtested and is past its peak (pastPeak), in place of
 * the blind mean of its last values ('ma', under 8 points) or theta's median (8 points up to h + 3),
 * where naive is allowed: the mean of its last value and the decay. Chosen on the validation
 * horizons among naive, the decay and their mean with φ 0.7 and 0.8 (RESULTS.md v2.5 post-hype):
 * StockX MASE ÷ best R, mean of V1–V3, 1.243 → 1.168 (naive) → 1.096 (mean, φ 0.8); the decay alone
 * cost online retail V1 0.6–0.9 %, the mean 0.39 %. Null where the rule does not apply (a launch
 * curve, a user's own list, a series still rising).
 */
export function pastPeakFallback(
	single: string,
	allowed: readonly string[],
	y: ArrayLike<number>,
): ShortChoice | null {
	const n = y.length;
	const zone = (single === 'ma' && n < 8) || (single === 'theta' && n >= 8);
	if (!zone || !allowed.includes('naive') || !pastPeak(y)) return null;
	return {
		name: `mean(naive,${DECAY_MODEL})`,
		members: ['naive', DECAY_MODEL],
		weights: [0.5, 0.5],
		kind: 'weighted',
	};
}

/**
 * A damped geometric decay from the last value (a product after its launch peak): with peak P, last
 * value L and s periods between them, r = (L ÷ P)^(1/s) and ŷ_{T+j} = L · r^(φ + φ² + … + φ^j), so
 * the fall slows and stops at L · r^(φ/(1−φ)). A series not past its peak gets its last value.
 * Intervals: the naive random walk's (σ √j, σ the RMS of the first differences), scaled by ŷ ÷ L.
 */
export class DecayModel implements Forecaster {
	readonly name = DECAY_MODEL;
	constructor(readonly phi = DECAY_PHI) {}
	fit(y: Float64Array): FittedForecaster {
		if (y.length === 0) throw new RangeError('decay: empty series');
		const n = y.length;
		const p = pastPeak(y);
		let steps = 0;
		if (p) {
			let k = 0;
			for (let i = 1; i < n; i++) if (y[i] > y[k]) k = i;
			steps = n - 1 - k;
		}
		const last = y[n - 1];
		const r = p && p.last > 0 ? (p.last / p.peak) ** (1 / steps) : 1;
		let ss = 0;
		for (let t = 1; t < n; t++) ss += (y[t] - y[t - 1]) ** 2;
		const sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
		const phi = this.phi;
		const name = this.name;
		return {
			name,
			predict(horizon: number, opts: PredictOptions = {}): Forecast {
				const h = Math.floor(horizon);
				const point = new Float64Array(h);
				const se = new Float64Array(h);
				let c = 0;
				let w = 1;
				for (let j = 0; j < h; j++) {
					w *= phi;
					c += w;
					const f = r ** c;
					point[j] = last * f;
					se[j] = sigma * Math.sqrt(j + 1) * f;
				}
				return { point, intervals: gaussianIntervals(point, se, opts.levels ?? []) };
			},
			predictInSample: () => new Float64Array(n).fill(NaN),
			toState: () => ({ model: name, params: { rate: r, phi } }),
		};
	}
}

/**
 * A recent level for a short lumpy series (SHORT-HISTORY.md, helper "short10"): where the engine
 * cannot backtest and the last RECENT_LEVEL_K values hold both a zero and a sale, repeating the last
 * value forecasts 0 after a week without sales (demo product 23124: 36 57 50 41 4 271 9 2 59 6 0 5 0)
 * or a one-off week forever. 'median': the median of those values; 'trimmed': their mean without
 * the largest; 'off': the fallback as before. Fixed before measuring, not tuned.
 */
export type ShortLevel = 'off' | 'median' | 'trimmed';
export const RECENT_LEVEL_K = 8;
export const RECENT_LEVEL_MODEL = 'recentlevel';

/** Whether y's last RECENT_LEVEL_K values hold both a zero and a sale. */
export function isShortLumpy(y: ArrayLike<number>): boolean {
	const n = y.length;
	let zero = false;
	let sale = false;
	for (let i = Math.max(0, n - RECENT_LEVEL_K); i < n; i++) {
		if (y[i] === 0) zero = true;
		else if (y[i] > 0) sale = true;
	}
	return zero && sale;
}

/** The level of y's last RECENT_LEVEL_K values ('median' or 'trimmed'). */
export function recentLevel(y: ArrayLike<number>, stat: Exclude<ShortLevel, 'off'>): number {
	const last = Array.from(y).slice(-RECENT_LEVEL_K);
	const s = last.sort((a, b) => a - b);
	const k = s.length;
	if (stat === 'median') return k % 2 ? s[(k - 1) / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
	if (k < 2) return s[0];
	let sum = 0;
	for (let i = 0; i < k - 1; i++) sum += s[i];
	return sum / (k - 1);
}

/**
 * The flat recent level (recentLevel) with flat intervals: level ± z·σ, σ the RMS of the last
 * RECENT_LEVEL_K values about the level (a level, not a random walk, so the range does not widen).
 */
export class RecentLevelModel implements Forecaster {
	readonly name = RECENT_LEVEL_MODEL;
	constructor(readonly stat: Exclude<ShortLevel, 'off'>) {}
	fit(y: Float64Array): FittedForecaster {
		if (y.length === 0) throw new RangeError('recentlevel: empty series');
		const n = y.length;
		const level = recentLevel(y, this.stat);
		const last = Array.from(y).slice(-RECENT_LEVEL_K);
		const sigma = Math.sqrt(last.reduce((u, v) => u + (v - level) ** 2, 0) / last.length);
		const name = this.name;
		const stat = this.stat;
		return {
			name,
			predict(horizon: number, opts: PredictOptions = {}): Forecast {
				const h = Math.floor(horizon);
				const point = new Float64Array(h).fill(level);
				const se = new Float64Array(h).fill(sigma);
				return { point, intervals: gaussianIntervals(point, se, opts.levels ?? []) };
			},
			predictInSample: () => new Float64Array(n).fill(NaN),
			toState: () => ({ model: name, params: { level, stat } }),
		};
	}
}
