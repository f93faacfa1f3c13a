// What a series too short to backtest gets (issue #11, StockX losses). With h = 12 weekly periods a
// product needs h + 4 = 16 weeks before the engine can score any candidate on its own history; below
// that it took one model blind: theta from 8 points, else the mean of the last few values ('ma'). Theta
// carries half the straight-line trend of the whole short history forward. A sneaker 8–15 weeks after its release has a history that rose and is
// now decaying (StockX, 15 weeks to 17 Dec 2017: 61, 47, 34, 24 sold, then 11 a week), and theta
// over-forecasts it 2–3×. The median of that model, the last value (naive) and the engine's automatic
// ETS (damped trends only on weekly data; on a decay it picks simple exponential smoothing) keeps any
// one of the three from running away. Chosen on the validation horizons (RESULTS.md, helper
// "launch4"). Pure TypeScript.

/** The no-backtest model as the engine chose it before (theta from 8 points, else 'ma', else naive). */
export type ShortChoice = {
	name: string;
	members: string[];
	weights: number[];
	kind: 'single' | 'median';
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
 * A history under 8 points past its peak (issue #11, StockX, RESULTS.md v2.5 post-hype): its largest
 * value at least PAST_PEAK_GAP periods before its last, and the last below PAST_PEAK_SHARE × that peak.
 * A product a few weeks after its launch hype (43, 60, 51, 30, 20 sold) is decaying; the mean of its last
 * few weeks ('ma', the engine's blind choice under 8 points) carries the peak into the forecast (StockX V3:
 * 3.3–7.2 × what sold), its last value does not. Thresholds fixed before measuring, not tuned.
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

/**
 * The blind single model of a series under 8 points: naive instead of the mean of the last few values
 * ('ma') where the series is past its peak and naive is allowed; anything else unchanged.
 */
export function youngFallback(
	single: string,
	allowed: readonly string[],
	y: ArrayLike<number>,
): string {
	return single === 'ma' && y.length < 8 && allowed.includes('naive') && pastPeak(y)
		? 'naive'
		: single;
}
