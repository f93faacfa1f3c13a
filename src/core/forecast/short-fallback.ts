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
