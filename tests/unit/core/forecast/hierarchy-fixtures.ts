// Shared by the hierarchy tests (hierarchy-forecast, hierarchy-methods, hierarchy-products): a seeded
// random stream, a shop of products in categories × stores, the worst adding-up gap of a reconciled
// forecast, and the real engine as a node forecaster.
import { forecastAuto } from '../../../../src/core/engine';
import {
	childrenOf,
	type HierarchyCell,
	type HierarchyForecast,
	type NodeForecaster,
} from '../../../../src/core/forecast/hierarchy-forecast';

/** A seeded uniform [0, 1) stream (linear congruential; the same numbers the tests were written with). */
export function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/**
 * `k` products in 2 categories (every third one hats, the rest bags); even products sell in both stores
 * (slices), odd ones online only. Product p's level is `base + 40 / (p + 1)` with a slow wave and
 * ± noise / 2 of uniform noise, rounded and never below 0.
 */
export function shop(
	k: number,
	n: number,
	seed = 1,
	{ base = 2, noise = 3 }: { base?: number; noise?: number } = {},
): HierarchyCell[] {
	const r = rng(seed);
	const out: HierarchyCell[] = [];
	for (let p = 0; p < k; p++) {
		const category = p % 3 === 0 ? 'hats' : 'bags';
		const level = base + 40 / (p + 1);
		for (const store of p % 2 === 0 ? ['online', 'shop'] : ['online'])
			out.push({
				category,
				store,
				product: `P${p}`,
				y: Float64Array.from({ length: n }, (_, t) =>
					Math.max(0, Math.round(level * (1 + 0.3 * Math.sin(t / 4)) + noise * (r() - 0.5))),
				),
			});
	}
	return out;
}

/** Worst gap over nodes and periods between a node and the sum of `parts(i)` (its children by default). */
export function worstGap(
	res: HierarchyForecast,
	parts: (i: number) => number[] = (i) => childrenOf(res.nodes, i),
): number {
	let worst = 0;
	res.nodes.forEach((_, i) => {
		const kids = parts(i);
		if (!kids.length) return;
		for (let t = 0; t < res.point[i].length; t++) {
			const s = kids.reduce((a, j) => a + res.point[j][t], 0);
			worst = Math.max(worst, Math.abs(s - res.point[i][t]));
		}
	});
	return worst;
}

/** The real engine (ETS and Theta, no season, 80 % intervals) forecasting each node. */
export const engine: NodeForecaster = async (y, _node, h) => {
	const r = forecastAuto(y, { horizon: h, season: 1, models: ['ets', 'theta'], levels: [0.8] });
	return { point: r.point, intervals: r.intervals, model: r.model };
};
