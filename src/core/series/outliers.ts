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
	let fit: Float64Array;
	if (m > 1 && n >= 2 * m + 1) {
		const d = stl(y, m, { sWindow: 'periodic', robust: true });
		fit = d.trend.map((t, i) => t + d.seasonal[i]);
	} else fit = runningMedian(y, Math.min(7, n % 2 ? n : n - 1));
	const resid = Float64Array.from(y, (v, i) => v - fit[i]);
	const sorted = Float64Array.from(resid).sort();
	const q1 = quantileSorted(sorted, 0.25);
	const q3 = quantileSorted(sorted, 0.75);
	const iqr = q3 - q1;
	if (!(iqr > 0)) return [];
	const lo = q1 - 3 * iqr;
	const hi = q3 + 3 * iqr;
	const beyond = (i: number): boolean => resid[i] < lo || resid[i] > hi;
	const out: Outlier[] = [];
	// Only isolated spikes: a run of values beyond the fences is a level shift or a new pattern, and
	// the last value cannot be told apart from the start of one. A spike also stands out from both
	// neighbours, in the same direction, by more than the fence width.
	for (let i = 1; i < n - 1; i++) {
		if (!beyond(i) || beyond(i - 1) || beyond(i + 1)) continue;
		const up = y[i] - y[i - 1];
		const down = y[i] - y[i + 1];
		if (Math.sign(up) !== Math.sign(down) || Math.min(Math.abs(up), Math.abs(down)) <= 3 * iqr)
			continue;
		const replacement = nonNegative ? Math.max(0, fit[i]) : fit[i];
		out.push({ index: i, value: y[i], replacement });
	}
	return out;
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
