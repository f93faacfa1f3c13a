// Cross-learning of seasonality: a product's own seasonal indices shrunk towards those of its
// category, else the shop total (issue #11, "shrinkage of seasonal and trend estimates towards the
// category"). A product with a season and a half of history can estimate its own yearly pattern, but
// noisily: a one-off promotion week looks like a peak. Its group (the category or all other products
// together) knows the pattern far better. Empirical Bayes (James–Stein) weighs the two by the data:
//
//   own_k  = θ_k + e_k,  Var e_k = v_k     (the product's log index at position k and its noise)
//   θ_k    = γ_k + u_k,  Var u_k = τ²      (how far products really differ from their group)
//   grp_k  = γ_k + f_k,  Var f_k = v_g,k   (the group's log index and its noise)
//
//   θ̂_k = grp_k + w_k · (own_k − grp_k),  w_k = (τ² + v_g,k) / (τ² + v_g,k + v_k)
//
// with v from the spread of each position's values across the seasons (pooled within-position
// variance ÷ count) and τ² = mean_k (own_k − grp_k)² − mean_k (v_k + v_g,k), floored at 0 (method of
// moments). A product whose own season is precise and unlike its group's keeps it (w → 1); a short,
// noisy one takes the group's (w → v_g / (v_g + v)). No constant is tuned: only the 1.5 seasons a
// window needs (SHRINK_MIN_SEASONS, fixed before measuring: tests/bench/results/RESULTS.md v2.4).
//
// In the engine (AutoForecastOptions.seasonShrink) Theta and ETS on the series divided by the shrunk
// season ('theta~shrunk', 'ets~shrunk') join the same backtest, ranking and combinations as the other
// candidates; at every backtest origin the indices are estimated again from that window and the
// group's values up to its end only. The group is the category's or shop's sales without the
// product's own (leave-one-out), so a category of two products shrinks each towards the other.

import { msg, type Message } from '../messages';
import type { Forecaster, FittedForecaster, FitOptions } from '../types';
import { fitSeasonAdjusted } from '../models/model-utils';

/** Fewest seasons of history a window needs for its own indices (every position seen once, half twice). */
export const SHRINK_MIN_SEASONS = 1.5;
/**
 * Whether the batch rules (batch.ts withSeason: the forecast worker, the CLI, the benches) give each
 * product its shrink target. Decided at validation by the rule in tests/bench/results/RESULTS.md v2.4.
 */
export const SHRINK_DEFAULT = true;
/** Suffix of the candidates on the shrunk season. */
export const SHRINK_SUFFIX = '~shrunk';
/** Models that run on the series divided by the shrunk season. */
export const SHRINK_BASES = ['theta', 'ets'] as const;

/** What a product's season is shrunk towards (AutoForecastOptions.seasonShrink). */
export interface SeasonShrinkTarget {
	/**
	 * The group's sales on the product's own periods (same length and order as the series given to
	 * the engine), the product's own sales NOT included.
	 */
	y: Float64Array;
	/** The category's name, or 'total' for all other products together. */
	group: string;
	/** 'category' for the product's category, 'group' for the shop total. */
	source: 'category' | 'group';
}

/** Log seasonal indices by position and each one's estimation noise. */
export interface LogIndices {
	/** Mean log ratio of each position (0…m-1, position of y[t] = (off + t) mod m) to its year's level. */
	mu: Float64Array;
	/** Variance of each mu (pooled within-position variance ÷ its count). */
	v: Float64Array;
}

/**
 * Log seasonal indices of y with season m, y[0] at position `off`: each value's log ratio to the mean
 * of the m periods around it (a full year, one-sided near the ends, so a season and a half gives
 * every position at least one value), + 5 % of the series mean on both sides so a zero week is not
 * −∞. Null when a position has no value, the series is not positive on average, or no position has
 * two values (no noise estimate).
 */
export function logIndices(y: ArrayLike<number>, m: number, off = 0): LogIndices | null {
	const n = y.length;
	if (!(m > 1) || n <= m) return null;
	let mean = 0;
	for (let t = 0; t < n; t++) mean += y[t];
	mean /= n;
	if (!(mean > 0)) return null;
	const c = 0.05 * mean;
	const half = Math.floor(m / 2);
	const sums = new Float64Array(m);
	const counts = new Float64Array(m);
	const vals = new Float64Array(n);
	// running sums for the yearly levels
	const cum = new Float64Array(n + 1);
	for (let t = 0; t < n; t++) cum[t + 1] = cum[t] + y[t];
	for (let t = 0; t < n; t++) {
		const a = Math.max(0, Math.min(t - half, n - m));
		const level = (cum[a + m] - cum[a]) / m;
		const x = Math.log((Math.max(0, y[t]) + c) / (Math.max(0, level) + c));
		vals[t] = x;
		const k = (((off + t) % m) + m) % m;
		sums[k] += x;
		counts[k]++;
	}
	const mu = new Float64Array(m);
	for (let k = 0; k < m; k++) {
		if (counts[k] === 0) return null;
		mu[k] = sums[k] / counts[k];
	}
	let ss = 0;
	let df = 0;
	for (let t = 0; t < n; t++) {
		const k = (((off + t) % m) + m) % m;
		ss += (vals[t] - mu[k]) ** 2;
	}
	for (let k = 0; k < m; k++) df += counts[k] - 1;
	if (df < 1) return null;
	const s2 = ss / df;
	return { mu, v: Float64Array.from(counts, (c) => s2 / c) };
}

/** A shrunk season: multiplicative indices by position and the mean weight on the product's own. */
export interface ShrunkSeason {
	/** Index of each position 0…m-1 (geometric mean 1). */
	indices: Float64Array;
	/** Mean over positions of w_k, the weight on the product's own pattern (0 = the group's, 1 = its own). */
	weight: number;
	/** τ²: the spread of the product's indices around the group's beyond their noise. */
	tau2: number;
}

/**
 * The product's season (own, y[0] at position `off`) shrunk towards the group's (group[0] at position
 * 0; its values up to the end of `own` only, so the caller cuts it there). Null when either has
 * fewer than SHRINK_MIN_SEASONS seasons or no estimate.
 */
export function shrinkSeason(
	own: ArrayLike<number>,
	group: ArrayLike<number>,
	m: number,
	off: number,
): ShrunkSeason | null {
	if (!(m > 1) || own.length < SHRINK_MIN_SEASONS * m || group.length < SHRINK_MIN_SEASONS * m)
		return null;
	const a = logIndices(own, m, off);
	const g = logIndices(group, m, 0);
	if (!a || !g) return null;
	let d2 = 0;
	let noise = 0;
	for (let k = 0; k < m; k++) {
		d2 += (a.mu[k] - g.mu[k]) ** 2;
		noise += a.v[k] + g.v[k];
	}
	const tau2 = Math.max(0, (d2 - noise) / m);
	const ls = new Float64Array(m);
	let wsum = 0;
	let lm = 0;
	for (let k = 0; k < m; k++) {
		const prior = tau2 + g.v[k];
		const w = prior + a.v[k] > 0 ? prior / (prior + a.v[k]) : 1;
		ls[k] = g.mu[k] + w * (a.mu[k] - g.mu[k]);
		wsum += w;
		lm += ls[k];
	}
	lm /= m;
	return { indices: ls.map((x) => Math.exp(x - lm)), weight: wsum / m, tau2 };
}

/**
 * A non-seasonal model on the series divided by its shrunk season, the season put back on the
 * forecast. The engine's windows all start at its series' first point, which is position `offset`
 * of the group (`group` = the group's values up to the engine's last period, from the caller's first).
 */
export class ShrunkSeasonModel implements Forecaster {
	constructor(
		readonly name: string,
		readonly inner: Forecaster,
		readonly group: Float64Array,
		readonly offset: number,
		readonly m: number,
	) {}
	fit(y: Float64Array, opts: FitOptions = {}): FittedForecaster {
		const L = y.length;
		const { m, offset } = this;
		if (offset + L > this.group.length) throw new Error('shrink: group shorter than the window');
		const s = shrinkSeason(y, this.group.subarray(0, offset + L), m, offset);
		if (!s) throw new Error('shrink: too short for a shrunk season');
		const idx = s.indices;
		return fitSeasonAdjusted(this.name, this.inner, y, opts, (t) => idx[(offset + t) % m]);
	}
}

/**
 * The engine's view of a target: the group's values up to the engine's last period (`b`, exclusive,
 * in the caller's indices) and where the engine's first point is (`a`), or null when the target does
 * not match the series (n = the caller's series length).
 */
export function shrinkWindow(
	t: SeasonShrinkTarget,
	n: number,
	a: number,
	b: number,
): { group: Float64Array; offset: number } | null {
	if (t.y.length !== n || b > n || a < 0 || a >= b) return null;
	const group = t.y.subarray(0, b);
	if (!group.every(Number.isFinite)) return null;
	return { group, offset: a };
}

/**
 * Most seasons of history for the shrunk candidates. Beyond it a series' own indices are precise (the
 * weight on them was 0.97 on Australian retail's 29–31 years) and its own seasonal models have enough
 * to go on: the candidates then added only choice noise (ABS V2 MASE +1.8 %). Chosen on that
 * validation horizon (tests/bench/results/RESULTS.md v2.4b).
 */
export const SHRINK_MAX_SEASONS = 3;

/**
 * Whether the engine tries the shrunk candidates on n points with horizon h: one backtest window of
 * SHRINK_MIN_SEASONS at least, under SHRINK_MAX_SEASONS in all.
 */
export function shrinkApplies(n: number, h: number, m: number): boolean {
	return m > 1 && n - h >= SHRINK_MIN_SEASONS * m && n < SHRINK_MAX_SEASONS * m;
}

/** The note of a forecast whose season was shrunk towards `t`'s (weight = its own share, 0…1). */
export function shrinkNote(t: SeasonShrinkTarget, weight: number): Message {
	const own = Math.round(weight * 100);
	return t.source === 'category'
		? msg('engine_note_season_shrunk_category', { group: t.group, own })
		: msg('engine_note_season_shrunk_group', { group: t.group, own });
}

/** A group series on its own periods (period start → value): a category's or the shop's sales. */
export interface ShrinkGroup {
	ds: ArrayLike<number>;
	y: ArrayLike<number>;
	name: string;
	source: 'category' | 'group';
}

/**
 * The target of a product with period starts `ds` and sales `y`: the first of `groups` (its
 * category, then the shop total) that covers every one of its periods and still sells without it,
 * as that group's sales on its periods minus its own. Null when none does (then nothing is shrunk).
 */
export function shrinkTarget(
	ds: ArrayLike<number>,
	y: ArrayLike<number>,
	groups: readonly ShrinkGroup[],
): SeasonShrinkTarget | null {
	const n = ds.length;
	if (n === 0 || y.length !== n) return null;
	for (const g of groups) {
		const at = new Map<number, number>();
		for (let k = 0; k < g.ds.length; k++) at.set(g.ds[k], g.y[k]);
		const out = new Float64Array(n);
		let ok = true;
		let sum = 0;
		for (let t = 0; t < n && ok; t++) {
			const v = at.get(ds[t]);
			if (v === undefined || !Number.isFinite(v)) ok = false;
			else {
				const own = Number.isFinite(y[t]) ? y[t] : 0;
				// a rounding residue of the subtraction is 0, not a negative sale
				out[t] = Math.max(0, v - own);
				sum += out[t];
			}
		}
		if (ok && sum > 0) return { y: out, group: g.name, source: g.source };
	}
	return null;
}
