// Forecast reconciliation for a product → category → store/channel → total hierarchy (or any grouped
// structure): bottom-up and MinT with a shrunk covariance (Wickramasuriya, Athanasopoulos & Hyndman
// 2019, JASA 114:804–819; shrinkage of Schäfer & Strimmer 2005 as R's hts::MinT(type = "shr")), so
// that the forecasts of the totals are the sums of the forecasts below them. Pure TypeScript.
import { cholesky, choleskySolve } from '../linalg';

/** The summing structure: every node (aggregates first, then the bottom series) and S (n × m). */
export interface Hierarchy {
	/** Node ids: 'total', then each group in first-seen order, then the bottom ids. */
	nodes: string[];
	/** Number of bottom series (the last m nodes). */
	m: number;
	/** Summing matrix, row-major n × m: row i has 1 where bottom j adds into node i. */
	S: Float64Array;
}

/**
 * The hierarchy of bottom series, each with the groups it adds into (its category, store, brand
 * …; a tree or a grouped structure). A 'total' node over every bottom series comes first.
 */
export function buildHierarchy(bottoms: readonly { id: string; groups: string[] }[]): Hierarchy {
	const m = bottoms.length;
	const groups: string[] = ['total'];
	const seen = new Set(groups);
	for (const b of bottoms)
		for (const g of b.groups)
			if (!seen.has(g)) {
				seen.add(g);
				groups.push(g);
			}
	const nodes = [...groups, ...bottoms.map((b) => b.id)];
	if (new Set(nodes).size !== nodes.length)
		throw new RangeError('hierarchy: a bottom id repeats or equals a group name');
	const n = nodes.length;
	const S = new Float64Array(n * m);
	const row = new Map(groups.map((g, i) => [g, i]));
	bottoms.forEach((b, j) => {
		S[j] = 1; // total
		for (const g of new Set(b.groups)) S[(row.get(g) as number) * m + j] = 1;
		S[(groups.length + j) * m + j] = 1;
	});
	return { nodes, m, S };
}

/** Sum bottom-level values (m arrays of equal length) up the hierarchy: n arrays. */
export function aggregate(hier: Hierarchy, bottom: readonly ArrayLike<number>[]): Float64Array[] {
	const { S, m, nodes } = hier;
	const len = bottom[0]?.length ?? 0;
	return nodes.map((_, i) => {
		const out = new Float64Array(len);
		for (let j = 0; j < m; j++) {
			if (S[i * m + j] === 0) continue;
			const b = bottom[j];
			for (let t = 0; t < len; t++) out[t] += b[t];
		}
		return out;
	});
}

/** Bottom-up: every node's forecast is the sum of its bottom series' base forecasts. */
export function bottomUp(hier: Hierarchy, base: readonly ArrayLike<number>[]): Float64Array[] {
	const first = hier.nodes.length - hier.m;
	return aggregate(hier, base.slice(first));
}

/**
 * Shrunk covariance of residuals (T × n, row-major; not centred, as hts): λ·diag(Σ̂) + (1 − λ)·Σ̂
 * with Σ̂ = RᵀR / T and the Schäfer–Strimmer intensity λ = Σ_{i≠j} Var(r̂_ij) / Σ_{i≠j} r̂_ij² on
 * the correlations, clamped to [0, 1]. Returns the matrix and λ.
 */
export function shrinkCovariance(
	residuals: Float64Array,
	T: number,
	n: number,
): { W: Float64Array; lambda: number } {
	const cov = new Float64Array(n * n);
	for (let t = 0; t < T; t++)
		for (let i = 0; i < n; i++) {
			const a = residuals[t * n + i];
			for (let j = 0; j <= i; j++) cov[i * n + j] += a * residuals[t * n + j];
		}
	for (let i = 0; i < n; i++)
		for (let j = 0; j <= i; j++) {
			cov[i * n + j] /= T;
			cov[j * n + i] = cov[i * n + j];
		}
	const sd = Array.from({ length: n }, (_, i) => Math.sqrt(cov[i * n + i]));
	// standardised residuals xs = r / sd, then v_ij = (Σ_t xs_i² xs_j² − (Σ_t xs_i xs_j)² / T) / (T(T − 1))
	let num = 0;
	let den = 0;
	for (let i = 0; i < n; i++)
		for (let j = 0; j < n; j++) {
			if (i === j || !(sd[i] > 0) || !(sd[j] > 0)) continue;
			let s2 = 0;
			let s1 = 0;
			for (let t = 0; t < T; t++) {
				const a = residuals[t * n + i] / sd[i];
				const b = residuals[t * n + j] / sd[j];
				s2 += a * a * b * b;
				s1 += a * b;
			}
			num += (s2 - (s1 * s1) / T) / (T * (T - 1));
			const r = cov[i * n + j] / (sd[i] * sd[j]);
			den += r * r;
		}
	const lambda = den > 0 ? Math.max(0, Math.min(1, num / den)) : 1;
	const W = new Float64Array(n * n);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < n; j++)
			W[i * n + j] = i === j ? cov[i * n + i] : (1 - lambda) * cov[i * n + j];
	return { W, lambda };
}

/**
 * MinT: ỹ = S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ for each step of the base forecasts (n arrays of length h).
 * W is n × n row-major (e.g. shrinkCovariance of the base models' one-step errors, or the identity
 * for OLS). Null when W or Sᵀ W⁻¹ S is not positive definite.
 *
 * Computed in the equivalent projection form of Wickramasuriya et al. (2019, eq. 9):
 * ỹ = ŷ − W Cᵀ (C W Cᵀ)⁻¹ C ŷ with the k = n − m aggregation constraints C = [I_k  −S_agg], which
 * needs one k × k solve instead of m solves with W and an m × m one: with a capped product level
 * (hundreds of bottom series under a few dozen sums) it is O(n·nnz(S) + k²n + k³) after W, instead
 * of O(n³ + m·n²). The dense form is kept for a summing matrix whose bottom rows are not I_m.
 */
export function minT(
	hier: Hierarchy,
	base: readonly ArrayLike<number>[],
	W: Float64Array,
): Float64Array[] | null {
	const { S, m, nodes } = hier;
	const n = nodes.length;
	const k = n - m;
	// a tiny ridge keeps a W with an exactly zero variance (a constant series) usable
	const Wr = Float64Array.from(W);
	let tr = 0;
	for (let i = 0; i < n; i++) tr += W[i * n + i];
	for (let i = 0; i < n; i++) Wr[i * n + i] += 1e-9 * (tr / n || 1);
	if (!bottomIsIdentity(hier)) return minTDense(hier, base, Wr);
	// members of each aggregate row (the bottom series it sums)
	const members: number[][] = [];
	for (let i = 0; i < k; i++) {
		const row: number[] = [];
		for (let j = 0; j < m; j++) if (S[i * m + j] !== 0) row.push(j);
		members.push(row);
	}
	// WCᵀ (n × k): column c = W[:, c] − Σ_{j ∈ members c} W[:, k + j]
	const WC = new Float64Array(n * k);
	for (let c = 0; c < k; c++)
		for (let r = 0; r < n; r++) {
			let v = Wr[r * n + c];
			for (const j of members[c]) v -= Wr[r * n + k + j];
			WC[r * k + c] = v;
		}
	// C W Cᵀ (k × k): row a of C applied to WCᵀ
	const CWC = new Float64Array(k * k);
	for (let a = 0; a < k; a++)
		for (let c = 0; c < k; c++) {
			let v = WC[a * k + c];
			for (const j of members[a]) v -= WC[(k + j) * k + c];
			CWC[a * k + c] = v;
		}
	const L = cholesky(CWC, k);
	if (!L) return null;
	const h = base[0]?.length ?? 0;
	const bottom: Float64Array[] = Array.from({ length: m }, () => new Float64Array(h));
	const d = new Float64Array(k);
	for (let t = 0; t < h; t++) {
		// d = C ŷ: each sum's forecast less the sum of its bottom forecasts
		for (let a = 0; a < k; a++) {
			let v = base[a][t];
			for (const j of members[a]) v -= base[k + j][t];
			d[a] = v;
		}
		const x = choleskySolve(L, k, d);
		for (let j = 0; j < m; j++) {
			let v = base[k + j][t];
			const row = (k + j) * k;
			for (let c = 0; c < k; c++) v -= WC[row + c] * x[c];
			bottom[j][t] = v;
		}
	}
	return aggregate(hier, bottom);
}

/** The last m rows of S are the identity (the bottom series themselves), as buildHierarchy makes them. */
function bottomIsIdentity(hier: Hierarchy): boolean {
	const { S, m, nodes } = hier;
	const k = nodes.length - m;
	for (let j = 0; j < m; j++)
		for (let b = 0; b < m; b++) if (S[(k + j) * m + b] !== (j === b ? 1 : 0)) return false;
	return true;
}

/** MinT in its direct form: m solves with W, then the m × m system Sᵀ W⁻¹ S. */
function minTDense(
	hier: Hierarchy,
	base: readonly ArrayLike<number>[],
	Wr: Float64Array,
): Float64Array[] | null {
	const { S, m, nodes } = hier;
	const n = nodes.length;
	const L = cholesky(Wr, n);
	if (!L) return null;
	// W⁻¹S, column by column
	const WiS = new Float64Array(n * m);
	for (let j = 0; j < m; j++) {
		const col = new Float64Array(n);
		for (let i = 0; i < n; i++) col[i] = S[i * m + j];
		const x = choleskySolve(L, n, col);
		for (let i = 0; i < n; i++) WiS[i * m + j] = x[i];
	}
	// A = Sᵀ W⁻¹ S (m × m)
	const A = new Float64Array(m * m);
	for (let a = 0; a < m; a++)
		for (let b = 0; b < m; b++) {
			let s = 0;
			for (let i = 0; i < n; i++) s += S[i * m + a] * WiS[i * m + b];
			A[a * m + b] = s;
		}
	const LA = cholesky(A, m);
	if (!LA) return null;
	const h = base[0]?.length ?? 0;
	const bottom: Float64Array[] = Array.from({ length: m }, () => new Float64Array(h));
	for (let t = 0; t < h; t++) {
		// (W⁻¹S)ᵀ ŷ = Sᵀ W⁻¹ ŷ (W symmetric)
		const rhs = new Float64Array(m);
		for (let a = 0; a < m; a++) {
			let s = 0;
			for (let i = 0; i < n; i++) s += WiS[i * m + a] * base[i][t];
			rhs[a] = s;
		}
		const b = choleskySolve(LA, m, rhs);
		for (let j = 0; j < m; j++) bottom[j][t] = b[j];
	}
	return aggregate(hier, bottom);
}

/** MinT in its direct form (for tests: the projection form must agree with it). */
export function minTDirect(
	hier: Hierarchy,
	base: readonly ArrayLike<number>[],
	W: Float64Array,
): Float64Array[] | null {
	const n = hier.nodes.length;
	const Wr = Float64Array.from(W);
	let tr = 0;
	for (let i = 0; i < n; i++) tr += W[i * n + i];
	for (let i = 0; i < n; i++) Wr[i * n + i] += 1e-9 * (tr / n || 1);
	return minTDense(hier, base, Wr);
}

/** Identity W (MinT-OLS). */
export function identity(n: number): Float64Array {
	const W = new Float64Array(n * n);
	for (let i = 0; i < n; i++) W[i * n + i] = 1;
	return W;
}

/**
 * One-step residual matrix (T × n, row-major) from each node's history, as the lag-1 changes (the
 * naive model's one-step errors) over the last T periods that every node has: a cheap stand-in for
 * the base models' in-sample errors when only forecasts are kept.
 */
export function naiveResiduals(
	history: readonly ArrayLike<number>[],
	maxT = 104,
): { R: Float64Array; T: number } {
	const n = history.length;
	const len = Math.min(...history.map((y) => y.length));
	const T = Math.max(0, Math.min(maxT, len - 1));
	const R = new Float64Array(T * n);
	for (let i = 0; i < n; i++) {
		const y = history[i];
		const off = y.length - T;
		for (let t = 0; t < T; t++) R[t * n + i] = y[off + t] - y[off + t - 1];
	}
	return { R, T };
}

/**
 * The reconciliation methods: bottom-up; MinT with the shrunk covariance of the one-step errors
 * (mint-shrink), with the identity (ols) or with each node's count of bottom series
 * (wls-struct, Athanasopoulos, Hyndman, Kourentzes & Petropoulos 2017); top-down by forecast
 * proportions (top-down, Athanasopoulos, Ahmed & Hyndman 2009, IJF 25:146–166); middle-out from a
 * middle level (the category × store cells), summed above and split by forecast proportions below.
 */
export type ReconcileMethod =
	'bottom-up' | 'mint-shrink' | 'top-down' | 'middle-out' | 'ols' | 'wls-struct';

/** Every method, in the order a tie is broken (the first wins). */
export const RECONCILE_METHODS: readonly ReconcileMethod[] = [
	'bottom-up',
	'mint-shrink',
	'wls-struct',
	'ols',
	'top-down',
	'middle-out',
];

/**
 * A tree through the hierarchy for top-down and middle-out: `parent[i]` is node i's parent (−1 for
 * the total and for nodes off the tree, e.g. the stores when the tree goes through the categories);
 * the tree's children of a node partition its bottom series. `middle`: the nodes middle-out starts
 * from (they partition the bottom series); empty when the hierarchy has no middle level.
 */
export interface ReconcileTree {
	parent: Int32Array;
	middle: number[];
}

/**
 * Forecast proportions (Athanasopoulos, Ahmed & Hyndman 2009): every bottom series' share of root r
 * is the product, down the tree from r, of each node's base forecast over the sum of its siblings'
 * (negative forecasts count as 0; siblings that sum to 0 share equally), step by step; the roots'
 * base forecasts are split by those shares and summed up again. `roots` must partition the bottom
 * series (the total: top-down; a middle level: middle-out). Also returns the shares (m arrays).
 */
export function forecastProportions(
	hier: Hierarchy,
	base: readonly ArrayLike<number>[],
	tree: Int32Array,
	roots: readonly number[],
): { forecasts: Float64Array[]; shares: Float64Array[] } {
	const { m, nodes } = hier;
	const n = nodes.length;
	const k = n - m;
	const h = base[0]?.length ?? 0;
	const isRoot = new Uint8Array(n);
	for (const r of roots) isRoot[r] = 1;
	const kids: number[][] = Array.from({ length: n }, () => []);
	for (let i = 0; i < n; i++) if (tree[i] >= 0) kids[tree[i]].push(i);
	const pos = (v: number): number => (v > 0 && Number.isFinite(v) ? v : 0);
	const shares: Float64Array[] = [];
	const bottom: Float64Array[] = [];
	for (let j = 0; j < m; j++) {
		const share = new Float64Array(h).fill(1);
		let i = k + j;
		while (!isRoot[i]) {
			const p = tree[i];
			if (p < 0) throw new RangeError(`forecastProportions: ${nodes[k + j]} is under no root`);
			const sibs = kids[p];
			for (let t = 0; t < h; t++) {
				let sum = 0;
				for (const c of sibs) sum += pos(base[c][t]);
				share[t] *= sum > 0 ? pos(base[i][t]) / sum : 1 / sibs.length;
			}
			i = p;
		}
		const root = base[i];
		shares.push(share);
		bottom.push(Float64Array.from(share, (s, t) => s * root[t]));
	}
	return { forecasts: aggregate(hier, bottom), shares };
}

/** WLS-structural weights: W = diag(number of bottom series under each node). */
export function structuralWeights(hier: Hierarchy): Float64Array {
	const { S, m, nodes } = hier;
	const n = nodes.length;
	const W = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		let c = 0;
		for (let j = 0; j < m; j++) c += S[i * m + j];
		W[i * n + i] = c;
	}
	return W;
}

/**
 * Reconciled forecasts of every node by `method` (see ReconcileMethod). MinT-shrink needs the one-step
 * errors `residuals` (T × n); top-down and middle-out need `tree` (middle-out its middle level). A
 * method that cannot be computed (singular matrices, no residuals, no tree) falls back to bottom-up,
 * reported in `used`.
 */
export function reconcile(
	hier: Hierarchy,
	base: readonly ArrayLike<number>[],
	method: ReconcileMethod,
	residuals?: { R: Float64Array; T: number },
	tree?: ReconcileTree,
): { forecasts: Float64Array[]; used: ReconcileMethod; lambda?: number } {
	if (method === 'mint-shrink' && residuals && residuals.T >= 3) {
		const { W, lambda } = shrinkCovariance(residuals.R, residuals.T, hier.nodes.length);
		const f = minT(hier, base, W);
		if (f) return { forecasts: f, used: 'mint-shrink', lambda };
	}
	if (method === 'ols' || method === 'wls-struct') {
		const W = method === 'ols' ? identity(hier.nodes.length) : structuralWeights(hier);
		const f = minT(hier, base, W);
		if (f) return { forecasts: f, used: method };
	}
	if (method === 'top-down' && tree)
		return { forecasts: forecastProportions(hier, base, tree.parent, [0]).forecasts, used: method };
	if (method === 'middle-out' && tree && tree.middle.length > 0)
		return {
			forecasts: forecastProportions(hier, base, tree.parent, tree.middle).forecasts,
			used: method,
		};
	return { forecasts: bottomUp(hier, base), used: 'bottom-up' };
}
