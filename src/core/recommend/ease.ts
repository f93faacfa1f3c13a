// EASE: "Embarrassingly Shallow Autoencoders for Sparse Data" (Steck 2019). A closed-form item-item
// model: with G = XᵀX + λI over the binary customer × product matrix X and P = G⁻¹,
// B_ij = −P_ij / P_jj (B_jj = 0), and a customer's scores are x_u·B. It needs an M × M inverse, so it
// runs on the M most popular products only (M ≤ EASE_MAX_ITEMS), "where the catalogue is small enough".
import { msg } from '../messages';
import type { Interactions } from './interactions';
import { topK } from './top-k';
import type { FittedRecommender } from './types';

/** Largest catalogue EASE is fitted on (an M³ inverse: 1,000 items ≈ 1–3 s in JS). */
export const EASE_MAX_ITEMS = 1000;
/** L2 weight λ (Steck reports 100–1000 works across datasets). */
export const EASE_LAMBDA = 250;

/**
 * Inverts a symmetric positive-definite n × n matrix (row-major) in place via Cholesky:
 * A = LLᵀ, then A⁻¹ = L⁻ᵀL⁻¹. Returns false if A is not positive definite.
 */
export function spdInverseInPlace(a: Float64Array, n: number): boolean {
	// Cholesky: lower triangle of a becomes L.
	for (let j = 0; j < n; j++) {
		const rj = j * n;
		let s = a[rj + j];
		for (let k = 0; k < j; k++) s -= a[rj + k] * a[rj + k];
		if (!(s > 0)) return false;
		const d = Math.sqrt(s);
		a[rj + j] = d;
		for (let i = j + 1; i < n; i++) {
			const ri = i * n;
			let t = a[ri + j];
			for (let k = 0; k < j; k++) t -= a[ri + k] * a[rj + k];
			a[ri + j] = t / d;
		}
	}
	// L⁻¹ in the lower triangle (forward substitution, column by column).
	for (let j = 0; j < n; j++) {
		a[j * n + j] = 1 / a[j * n + j];
		for (let i = j + 1; i < n; i++) {
			let t = 0;
			for (let k = j; k < i; k++) t -= a[i * n + k] * a[k * n + j];
			a[i * n + j] = t / a[i * n + i];
		}
	}
	// A⁻¹ = (L⁻¹)ᵀ L⁻¹: entry (i, j), i ≤ j, is Σ_{k ≥ j} Linv[k][i] · Linv[k][j].
	const out = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = i; j < n; j++) {
			let t = 0;
			for (let k = j; k < n; k++) t += a[k * n + i] * a[k * n + j];
			out[i * n + j] = t;
			out[j * n + i] = t;
		}
	}
	a.set(out);
	return true;
}

/** Fits EASE on the most popular `maxItems` products. */
export function fitEase(
	d: Interactions,
	lambda = EASE_LAMBDA,
	maxItems = EASE_MAX_ITEMS,
): FittedRecommender {
	const order = Array.from(d.itemPopularity, (p, i) => [p, i] as const)
		.filter(([p]) => p > 0)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1])
		.slice(0, maxItems)
		.map(([, i]) => i);
	const m = order.length;
	const local = new Int32Array(d.products.length).fill(-1);
	order.forEach((item, j) => (local[item] = j));
	const g = new Float64Array(m * m);
	for (const items of d.userItems) {
		const mine: number[] = [];
		for (const i of items) if (local[i] >= 0) mine.push(local[i]);
		for (const a of mine) for (const b of mine) g[a * m + b] += 1;
	}
	for (let j = 0; j < m; j++) g[j * m + j] += lambda;
	if (!spdInverseInPlace(g, m)) throw new Error('EASE: Gram matrix not positive definite');
	// B = −P / diag(P) column-wise, zero diagonal; stored in g.
	const diag = Float64Array.from({ length: m }, (_, j) => g[j * m + j]);
	for (let i = 0; i < m; i++)
		for (let j = 0; j < m; j++) g[i * m + j] = i === j ? 0 : -g[i * m + j] / diag[j];
	return {
		method: 'ease',
		forUser(user, k, exclude) {
			const scores = new Float64Array(m);
			const mine: number[] = [];
			for (const i of d.userItems[user]) if (local[i] >= 0) mine.push(local[i]);
			for (const a of mine) {
				const row = a * m;
				for (let j = 0; j < m; j++) scores[j] += g[row + j];
			}
			return topK(scores, k, exclude ? (j) => exclude.has(order[j]) : undefined).map(
				({ index, score }) => {
					// The bought product that contributes most explains the suggestion.
					let from = mine[0];
					for (const a of mine) if (g[a * m + index] > g[from * m + index]) from = a;
					const p = order[from];
					return {
						item: order[index],
						score,
						why: msg('rec_why_similar_buyers', {
							product: d.titles[p] || d.products[p],
							n: 0,
						}),
					};
				},
			);
		},
	};
}
