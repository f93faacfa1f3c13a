// One-off values in a sales series: a cancelled wholesale order of 74,215 jars in a week that
// usually sells a hundred, or a till typo. Found as in forecast::tsoutliers (Hyndman): residuals from
// a robust fit beyond the 3·IQR fences of all residuals; the value is replaced by the fit (tsclean)
// before the models see it, and reported. Pure TypeScript.
//
// Regular series: the fit is a robust STL (trend + seasonal) with two full seasons, else a running
// median over 7 periods (robust where a loess trend would bend towards the spike); only isolated
// spikes count, never the last value (see findOutliers). Intermittent
// series (mostly zeros): zeros are normal, so only unusually large non-zero sales count, judged on
// the log scale of the non-zero sizes (fence at least 8× above their upper quartile), and the
// replacement is their median.
import { stl } from './stl';

export interface Outlier {
	/** Position in the series. */
	index: number;
	value: number;
	/** The typical value used in its place for fitting. */
	replacement: number;
}

/** Type-7 quantile (R's default) of sorted values. */
function quantileSorted(s: Float64Array, p: number): number {
	const h = (s.length - 1) * p;
	const lo = Math.floor(h);
	return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

function runningMedian(y: Float64Array, width: number): Float64Array {
	const half = Math.floor(width / 2);
	return y.map((_, i) => {
		const w = Float64Array.from(
			y.subarray(Math.max(0, i - half), Math.min(y.length, i + half + 1)),
		);
		w.sort();
		return quantileSorted(w, 0.5);
	});
}

/** One-off values of `y` (season length m; intermittent = mostly zeros). Empty for short series. */
export function findOutliers(y: Float64Array, m: number, intermittent: boolean): Outlier[] {
	const n = y.length;
	if (n < 8) return [];
	const nonNegative = y.every((v) => v >= 0);
	if (intermittent) {
		const sizes = Float64Array.from(y.filter((v) => v > 0)).sort();
		if (sizes.length < 6) return [];
		const logs = sizes.map(Math.log);
		const q1 = quantileSorted(logs, 0.25);
		const q3 = quantileSorted(logs, 0.75);
		const upper = q3 + 3 * Math.max(q3 - q1, Math.LN2);
		const typical = quantileSorted(sizes, 0.5);
		const out: Outlier[] = [];
		y.forEach((v, index) => {
			if (v > 0 && Math.log(v) > upper) out.push({ index, value: v, replacement: typical });
		});
		return out;
	}
	// Sales seasons are often multiplicative (December peaks grow with the level), so where the
	// values are positive a value counts only when it is a one-off on the raw scale AND on the log
	// scale: a peak the (growing) season explains is not an outlier, nor is a dip that is small in
	// units. Replacements come from the raw-scale fit.
	const raw = spikes(y, m);
	if (raw.size === 0) return [];
	const logs = y.every((v) => v > 0) ? spikes(y.map(Math.log), m) : null;
	const out: Outlier[] = [];
	for (const [index, fitted] of raw) {
		if (logs && !logs.has(index)) continue;
		out.push({
			index,
			value: y[index],
			replacement: nonNegative ? Math.max(0, fitted) : fitted,
		});
	}
	return out;
}

/**
 * Robustness (outer) iterations of the screen's STL. R's stl(robust = TRUE) runs 15; the screen only
 * compares residuals with 3·IQR fences, for which the bisquare reweighting has settled after a few
 * passes (issue #11 speed, round 8 in tests/bench/results/SPEED.md, measured there).
 */
export const SCREEN_STL_OUTER = 15;

/** Isolated spikes of z beyond the 3·IQR fences of a robust fit: index → fitted value. */
function spikes(z: Float64Array, m: number): Map<number, number> {
	const n = z.length;
	let fit: Float64Array;
	if (m > 1 && n >= 2 * m + 1) {
		const d = stl(z, m, { sWindow: 'periodic', robust: true, outer: SCREEN_STL_OUTER });
		fit = d.trend.map((t, i) => t + d.seasonal[i]);
	} else fit = runningMedian(z, Math.min(7, n % 2 ? n : n - 1));
	const resid = Float64Array.from(z, (v, i) => v - fit[i]);
	const sorted = Float64Array.from(resid).sort();
	const q1 = quantileSorted(sorted, 0.25);
	const q3 = quantileSorted(sorted, 0.75);
	const iqr = q3 - q1;
	const out = new Map<number, number>();
	if (!(iqr > 0)) return out;
	const lo = q1 - 3 * iqr;
	const hi = q3 + 3 * iqr;
	const beyond = (i: number): boolean => resid[i] < lo || resid[i] > hi;
	const seasonal = m > 1 && n > m;
	// Only isolated spikes: a run of values beyond the fences is a level shift or a new pattern, and
	// the last value cannot be told apart from the start of one. A spike also stands out from both
	// neighbours, in the same direction, by more than the fence width, and in a seasonal series from
	// the same period one season before and after (a December that is high every year is the season).
	const standsOut = (i: number, j: number, dir: number): boolean => {
		if (j < 0 || j >= n) return true;
		const d = z[i] - z[j];
		return Math.sign(d) === dir && Math.abs(d) > 3 * iqr;
	};
	for (let i = 1; i < n - 1; i++) {
		if (!beyond(i) || beyond(i - 1) || beyond(i + 1)) continue;
		const dir = Math.sign(z[i] - z[i - 1]);
		if (!standsOut(i, i - 1, dir) || !standsOut(i, i + 1, dir)) continue;
		if (seasonal && !(standsOut(i, i - m, dir) && standsOut(i, i + m, dir))) continue;
		out.set(i, fit[i]);
	}
	return out;
}

/** How far above the usual level the latest value must be before its influence is limited. */
const SPIKE_FACTOR = 3;

/**
 * The latest value when it is a spike far above the usual level: its index and the cap (null when
 * it is not). A huge last order (an 80,995-unit week where a few hundred are usual) would otherwise
 * set the level and the trend of every model; it cannot be told from the start of a new level, so it
 * is not replaced by a typical value but limited (winsorised) to a high yet plausible one: the
 * largest of the preceding season's values (or 26 periods) or the 3·IQR fence above them, and at
 * least SPIKE_FACTOR × that before anything is limited. A value that the same period one season
 * earlier also reached (a December peak) is the season and stays.
 */
export function recentSpike(
	y: Float64Array,
	m: number,
	intermittent: boolean,
): { index: number; value: number; cap: number } | null {
	const n = y.length;
	if (n < 8) return null;
	const last = y[n - 1];
	if (!(last > 0)) return null;
	const k = Math.min(n - 1, Math.max(13, Math.min(m > 1 ? m : 26, 52)));
	const prev = Float64Array.from(y.subarray(n - 1 - k, n - 1));
	let cap: number;
	if (intermittent) {
		const sizes = Float64Array.from(y.subarray(0, n - 1).filter((v) => v > 0)).sort();
		if (sizes.length < 3) return null;
		const logs = sizes.map(Math.log);
		const q1 = quantileSorted(logs, 0.25);
		const q3 = quantileSorted(logs, 0.75);
		cap = Math.max(Math.exp(q3 + 3 * Math.max(q3 - q1, Math.LN2)), sizes[sizes.length - 1]);
	} else {
		const s = Float64Array.from(prev).sort();
		const q1 = quantileSorted(s, 0.25);
		const q3 = quantileSorted(s, 0.75);
		cap = Math.max(q3 + 3 * (q3 - q1), s[s.length - 1]);
	}
	if (!(cap > 0) || last <= SPIKE_FACTOR * cap) return null;
	// the season explains it: the same period a season earlier was also far above its neighbours
	if (m > 1 && n - 1 - m >= 0 && y[n - 1 - m] * SPIKE_FACTOR >= last) return null;
	return { index: n - 1, value: last, cap };
}

/** A copy of `y` with each outlier (indices shifted by `offset`) replaced. */
export function replaceOutliers(
	y: Float64Array,
	outliers: readonly Outlier[],
	offset = 0,
): Float64Array {
	const out = Float64Array.from(y);
	for (const o of outliers) {
		const i = o.index + offset;
		if (i >= 0 && i < out.length) out[i] = o.replacement;
	}
	return out;
}
