// Borrowed seasonality for short histories: a shop with under two years of data cannot show its
// own yearly peak, so the engine may borrow one (AutoForecastOptions.seasonalPrior) from
//   - its category, else the shop total (on the same calendar), the first of them that has two full
//     years: classical multiplicative indices of that group; or
//   - a seasonal profile of public retail data shipped with the app (retail-season.json, built by
//     tests/bench/build-profile.ts from the shared ABS and Walmart train parts only).
// The engine then adds candidates that forecast the deseasonalised series and put the borrowed
// season back ('theta~season', 'ets~season'); they enter the same backtest as the others, so a
// borrowed peak is used only where it forecasts the recent past better, and the result says where
// the peak came from (engine_note_peak_source_*).
import profile from './retail-season.json';
import type { Frequency } from '../types';

/** Multiplicative seasonal indices over a series' history and its forecast horizon. */
export interface SeasonalPrior {
	/** One index per history period (aligned with the series given to the engine). */
	history: Float64Array;
	/** One index per forecast period. */
	future: Float64Array;
	/** Where the pattern comes from: the product's category, another group (the shop total), the profile. */
	source: 'category' | 'group' | 'profile';
	/** For 'category' and 'group': its name ('total' for all products together). */
	group?: string;
}

const DAY = 86_400_000;

/**
 * Exponent on the shipped profile's indices (1 = its full swing): a shop's own season is rarely as
 * strong as a national aggregate's. Chosen at the bench's tuning origin (see PROFILE_STRENGTH in
 * tests/bench/results/RESULTS.md), never on the reported one.
 */
export const PROFILE_STRENGTH = 1;

/** Week of the year 0…51 of the week starting at t (its middle day's day-of-year ÷ 7). */
export function weekOfYear(t: number): number {
	const mid = t + 3 * DAY;
	// 1 January of its year (setUTCMonth keeps years 0–99, which Date.UTC would move to the 1900s)
	const jan1 = new Date(mid);
	jan1.setUTCMonth(0, 1);
	jan1.setUTCHours(0, 0, 0, 0);
	return Math.min(51, Math.floor((mid - jan1.getTime()) / DAY / 7));
}

/** The shipped profile's index for the period starting at t (1 for daily data). */
export function profileIndex(t: number, freq: Frequency): number {
	if (freq === 'week') return profile.weekly.values[weekOfYear(t)];
	if (freq === 'month') return profile.monthly.values[new Date(t).getUTCMonth()];
	return 1;
}

/** Start (UTC ms) of the period j steps after the one starting at t. */
export function nextPeriod(t: number, freq: Frequency, j: number): number {
	if (freq === 'day') return t + j * DAY;
	if (freq === 'week') return t + j * 7 * DAY;
	const d = new Date(t);
	d.setUTCMonth(d.getUTCMonth() + j, 1); // not Date.UTC: it moves years 0–99 to the 1900s
	d.setUTCHours(0, 0, 0, 0);
	return d.getTime();
}

/** Borrowed season from the shipped retail profile for periods starting at `ds` and h more. */
export function profilePrior(
	ds: ArrayLike<number>,
	freq: Frequency,
	h: number,
	strength = PROFILE_STRENGTH,
): SeasonalPrior {
	const n = ds.length;
	const last = ds[n - 1];
	return {
		history: Float64Array.from({ length: n }, (_, t) => profileIndex(ds[t], freq) ** strength),
		future: Float64Array.from(
			{ length: h },
			(_, j) => profileIndex(nextPeriod(last, freq, j + 1), freq) ** strength,
		),
		source: 'profile',
	};
}

/**
 * Borrowed season from a group series on the same periods (the shop total or the category),
 * when it has at least two full seasons: classical multiplicative indices by position mod m
 * (ratio to a centred moving average). `end` = how many of the group's periods the product's
 * history covers (its last `n` of them), so the group may be longer than the product. Null when
 * the group is too short or not positive.
 */
export function groupPrior(
	group: Float64Array,
	m: number,
	n: number,
	h: number,
	name: string,
	end = group.length,
	source: 'category' | 'group' = 'group',
): SeasonalPrior | null {
	if (!(m > 1) || end < 2 * m || n > end) return null;
	const y = group.subarray(0, end);
	if (!y.every((v) => v > 0)) return null;
	const half = Math.floor(m / 2);
	const sums = new Float64Array(m);
	const counts = new Float64Array(m);
	for (let t = half; t < end - half; t++) {
		let s = 0;
		if (m % 2 === 0)
			for (let k = -half; k <= half; k++) s += (k === -half || k === half ? 0.5 : 1) * y[t + k];
		else for (let k = -half; k <= half; k++) s += y[t + k];
		sums[t % m] += Math.log(y[t] / (s / m));
		counts[t % m]++;
	}
	const logs = Array.from(sums, (s, i) => (counts[i] ? s / counts[i] : 0));
	const raw = logs.map(Math.exp);
	const mean = raw.reduce((a, b) => a + b, 0) / m;
	const idx = raw.map((v) => v / mean);
	const from = end - n;
	return {
		history: Float64Array.from({ length: n }, (_, t) => idx[(from + t) % m]),
		future: Float64Array.from({ length: h }, (_, j) => idx[(end + j) % m]),
		source,
		group: name,
	};
}

/** Calendar frequency from period starts (UTC ms), or null when it is not day, week or month. */
export function frequencyOf(ds: ArrayLike<number>): Frequency | null {
	if (ds.length < 2) return null;
	const days = Math.round((ds[1] - ds[0]) / DAY);
	return days === 1 ? 'day' : days === 7 ? 'week' : days >= 28 && days <= 31 ? 'month' : null;
}

/** A group series a product may borrow its season from (period start → value). */
export interface SeasonGroup {
	ds: ArrayLike<number>;
	y: ArrayLike<number>;
	/** The category's name, or 'total'. */
	name: string;
	/** 'category' for the product's own category (default 'group': the shop total). */
	source?: 'category' | 'group';
}

/**
 * The season a series with period starts `ds` may borrow for a forecast of h periods with season
 * m: the first of its groups (its category, then the shop total) that has two full seasons up to
 * the series' last period, else the shipped retail profile for weekly (m = 52) and monthly (m = 12)
 * data; null otherwise (daily data, or a series that has two seasons itself). `first`: the index of
 * the series' first sale — a product launched inside a long history has only its periods since then
 * (the engine fits it from its launch), so it borrows too; the indices still cover all of `ds`.
 */
export function borrowSeason(
	ds: ArrayLike<number>,
	h: number,
	m: number,
	groups?: SeasonGroup | readonly SeasonGroup[],
	first = 0,
): SeasonalPrior | null {
	const n = ds.length;
	if (n === 0 || !(m > 1) || n - Math.max(0, first) >= 2 * m) return null;
	const freq = frequencyOf(ds);
	if (!freq) return null;
	for (const group of groups ? ([] as SeasonGroup[]).concat(groups) : []) {
		if (group.ds.length === 0) continue;
		let end = 0;
		while (end < group.ds.length && group.ds[end] <= ds[n - 1]) end++;
		if (end >= n && group.ds[end - n] === ds[0]) {
			const p = groupPrior(
				Float64Array.from(group.y),
				m,
				n,
				h,
				group.name,
				end,
				group.source ?? 'group',
			);
			if (p) return p;
		}
	}
	if ((freq === 'week' && m === 52) || (freq === 'month' && m === 12))
		return profilePrior(ds, freq, h);
	return null;
}

/**
 * Whether the engine borrows `prior` for a series of n points (season m, horizon h): only while the
 * series has under two seasons of its own, and the shipped profile (source 'profile') only while it
 * has under one season plus a horizon. Past that the series has seen the weeks it is forecast for
 * once; a national monthly profile spread over weeks was then a worse guide than its own
 * non-seasonal models (v2.3, validation horizons in tests/bench/results/RESULTS.md: Walmart stores
 * with 78 and 91 weeks, MASE 0.821 → 0.732 and 2.281 → 2.219, the second the Nov–Jan peak). A
 * category's or the shop's own season is still borrowed up to two seasons.
 */
export function borrowsSeason(prior: SeasonalPrior, n: number, m: number, h: number): boolean {
	if (!(m > 1 && n < 2 * m)) return false;
	return prior.source !== 'profile' || n < m + h;
}
