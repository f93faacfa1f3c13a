// Isolation forest (Liu, Ting & Zhou 2008): random trees split random features at random values; an
// anomaly is isolated in few splits. Score s(x) = 2^(−E[h(x)] / c(ψ)), c(ψ) = 2H(ψ−1) − 2(ψ−1)/ψ,
// with ψ = the subsample size. Scores near 1 are anomalies, ≤ 0.5 normal. Seeded: deterministic.
import { mulberry32 } from '../stats';

/** Average path length of an unsuccessful BST search among n points (the paper's c(n)). */
export function cFactor(n: number): number {
	if (n <= 1) return 0;
	if (n === 2) return 1;
	return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

interface Node {
	feature: number;
	split: number;
	left: Node | null;
	right: Node | null;
	size: number;
}

/** A fitted forest; `score(row)` in (0, 1). */
export interface IsolationForest {
	score(row: ArrayLike<number>): number;
}

/** Fits `trees` trees on subsamples of `sample` rows of `x` (rows of equal length). */
export function fitIsolationForest(
	x: readonly ArrayLike<number>[],
	{ trees = 100, sample = 256, seed = 42 }: { trees?: number; sample?: number; seed?: number } = {},
): IsolationForest {
	const rand = mulberry32(seed);
	const n = x.length;
	const psi = Math.min(sample, n);
	const maxDepth = Math.ceil(Math.log2(Math.max(2, psi)));
	const d = n ? x[0].length : 0;
	const build = (rows: number[], depth: number): Node => {
		if (depth >= maxDepth || rows.length <= 1)
			return { feature: -1, split: 0, left: null, right: null, size: rows.length };
		// Try a few features for one with spread (constant features cannot split).
		for (let attempt = 0; attempt < d; attempt++) {
			const f = Math.floor(rand() * d);
			let lo = Infinity;
			let hi = -Infinity;
			for (const r of rows) {
				const v = x[r][f];
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
			if (!(hi > lo)) continue;
			const split = lo + rand() * (hi - lo);
			const left: number[] = [];
			const right: number[] = [];
			for (const r of rows) (x[r][f] < split ? left : right).push(r);
			return {
				feature: f,
				split,
				left: build(left, depth + 1),
				right: build(right, depth + 1),
				size: rows.length,
			};
		}
		return { feature: -1, split: 0, left: null, right: null, size: rows.length };
	};
	const forest: Node[] = [];
	for (let t = 0; t < trees; t++) {
		// Subsample without replacement (partial Fisher–Yates).
		const idx = Array.from({ length: n }, (_, i) => i);
		for (let i = 0; i < psi; i++) {
			const j = i + Math.floor(rand() * (n - i));
			[idx[i], idx[j]] = [idx[j], idx[i]];
		}
		forest.push(build(idx.slice(0, psi), 0));
	}
	const norm = cFactor(psi);
	return {
		score(row) {
			let total = 0;
			for (const root of forest) {
				let node = root;
				let depth = 0;
				while (node.left && node.right) {
					node = row[node.feature] < node.split ? node.left : node.right;
					depth++;
				}
				total += depth + cFactor(node.size);
			}
			return norm > 0 ? 2 ** (-(total / forest.length) / norm) : 0.5;
		},
	};
}

/** Median and MAD-based robust z-scores: (x − median) / (1.4826·MAD), 0 where MAD is 0 and x = median. */
export function robustZ(values: ArrayLike<number>): Float64Array {
	const sorted = Float64Array.from(values).sort();
	const med = quantileSorted(sorted, 0.5);
	const dev = Float64Array.from(values, (v) => Math.abs(v - med)).sort();
	let mad = 1.4826 * quantileSorted(dev, 0.5);
	// Many identical values (MAD 0): fall back to the mean absolute deviation (Iglewicz & Hoaglin).
	if (!(mad > 0)) mad = 1.2533 * (dev.reduce((a, b) => a + b, 0) / (dev.length || 1));
	return Float64Array.from(values, (v) => (mad > 0 ? (v - med) / mad : 0));
}

/** Linear-interpolated quantile of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
