// Small scale helpers for the hand-written SVG charts: linear mapping, "nice" tick values and a
// nearest-point search for hover. Plain functions, no chart library (the CSP forbids eval/remote).

/** A forecast aligned to future period starts, as SeriesChart draws it. */
export interface ChartForecast {
	ds: ArrayLike<number>;
	point: ArrayLike<number>;
	intervals: { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> }[];
}

/** Map [d0, d1] linearly onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
	const span = d1 - d0 || 1;
	return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (1, 2, 5 × 10^k steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
	if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
	if (max === min) max = min + 1;
	const raw = (max - min) / Math.max(1, count);
	const mag = 10 ** Math.floor(Math.log10(raw));
	const norm = raw / mag;
	const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
	const start = Math.floor(min / step) * step;
	const ticks: number[] = [];
	// Keep going until a tick reaches max, so the top of the data never sits above the axis.
	for (let v = start; ; v += step) {
		ticks.push(Number(v.toPrecision(12)));
		if (v >= max - step * 1e-9 || ticks.length > 50) break;
	}
	return ticks;
}

/** Index of the value in sorted `xs` nearest to `x`. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = xs.length - 1;
	if (hi < 0) return -1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (xs[mid] < x) lo = mid;
		else hi = mid;
	}
	return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** SVG path through the points, skipping non-finite values. */
export function linePath(
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
	sx: (v: number) => number,
	sy: (v: number) => number,
): string {
	let d = '';
	let pen = false;
	for (let i = 0; i < xs.length; i++) {
		const y = ys[i];
		if (!Number.isFinite(y)) {
			pen = false;
			continue;
		}
		d += `${pen ? 'L' : 'M'}${sx(xs[i]).toFixed(1)},${sy(y).toFixed(1)}`;
		pen = true;
	}
	return d;
}

/** Closed SVG area between a lower and an upper line. */
export function bandPath(
	xs: ArrayLike<number>,
	lower: ArrayLike<number>,
	upper: ArrayLike<number>,
	sx: (v: number) => number,
	sy: (v: number) => number,
): string {
	if (xs.length === 0) return '';
	let d = '';
	for (let i = 0; i < xs.length; i++)
		d += `${i ? 'L' : 'M'}${sx(xs[i]).toFixed(1)},${sy(upper[i]).toFixed(1)}`;
	for (let i = xs.length - 1; i >= 0; i--)
		d += `L${sx(xs[i]).toFixed(1)},${sy(lower[i]).toFixed(1)}`;
	return `${d}Z`;
}
