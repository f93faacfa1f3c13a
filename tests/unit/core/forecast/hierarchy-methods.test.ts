// Top-down (forecast proportions), middle-out, OLS and WLS-structural reconciliation (hiernode, issue
// #11): known answers on hierarchies small enough to check by hand, the proportions summing to 1, every
// level adding up with each method on a product hierarchy, and the backtest choosing top-down /
// middle-out where only they can be right (so dropping either from the automatic candidates fails here).
import { describe, expect, it } from 'vitest';
import {
	aggregate,
	buildHierarchy,
	forecastProportions,
	reconcile,
	RECONCILE_METHODS,
	structuralWeights,
} from '../../../../src/core/forecast/hierarchy';
import {
	AUTO_METHODS,
	candidateMethods,
	childrenOf,
	forecastHierarchy,
	hierarchyOf,
	productsOf,
	treeOf,
	type HierarchyCell,
	type NodeForecaster,
} from '../../../../src/core/forecast/hierarchy-forecast';
import { shop as shopCells, worstGap } from './hierarchy-fixtures';

/** total → x (A, B), y (C); a tree by hand. */
function small() {
	const hier = buildHierarchy([
		{ id: 'A', groups: ['x'] },
		{ id: 'B', groups: ['x'] },
		{ id: 'C', groups: ['y'] },
	]);
	// nodes: total, x, y, A, B, C
	const parent = Int32Array.from([-1, 0, 0, 1, 1, 2]);
	return { hier, parent };
}

const rows = (f: Float64Array[]): number[][] => f.map((a) => Array.from(a, (v) => +v.toFixed(10)));

describe('forecast proportions', () => {
	it('splits the total down the tree by each node’s share of its siblings (top-down)', () => {
		const { hier, parent } = small();
		// step 1: total 100, x 30, y 10, A 1, B 3, C 7; step 2: the same shape, doubled
		const base = [
			[100, 200],
			[30, 60],
			[10, 20],
			[1, 2],
			[3, 6],
			[7, 14],
		];
		const { forecasts, shares } = forecastProportions(hier, base, parent, [0]);
		// A: 30/40 × 1/4, B: 30/40 × 3/4, C: 10/40 × 7/7
		expect(rows(shares)).toEqual([
			[0.1875, 0.1875],
			[0.5625, 0.5625],
			[0.25, 0.25],
		]);
		for (let t = 0; t < 2; t++) expect(shares.reduce((a, s) => a + s[t], 0)).toBeCloseTo(1, 12);
		expect(rows(forecasts)).toEqual([
			[100, 200],
			[75, 150],
			[25, 50],
			[18.75, 37.5],
			[56.25, 112.5],
			[25, 50],
		]);
	});

	it('splits each middle node among its own bottom series (middle-out), summed above', () => {
		const { hier, parent } = small();
		const base = [[100], [30], [10], [1], [3], [7]];
		const { forecasts, shares } = forecastProportions(hier, base, parent, [1, 2]);
		// within x: 1/4, 3/4; within y: 1
		expect(shares[0][0] + shares[1][0]).toBeCloseTo(1, 12);
		expect(shares[2][0]).toBeCloseTo(1, 12);
		expect(rows(forecasts)).toEqual([[40], [30], [10], [7.5], [22.5], [10]]);
	});

	it('counts negative forecasts as 0 and splits equally among siblings that forecast nothing', () => {
		const { hier, parent } = small();
		const base = [[90], [-5], [10], [0], [0], [4]];
		const { forecasts } = forecastProportions(hier, base, parent, [0]);
		// x's share is 0 (its −5 counts as 0): y gets all 90; A and B split x's 0 equally
		expect(rows(forecasts)).toEqual([[90], [0], [90], [0], [0], [90]]);
		const zero = forecastProportions(hier, [[90], [0], [0], [0], [0], [0]], parent, [0]);
		// nothing anywhere below the total: x and y half each, A and B a quarter each
		expect(rows(zero.forecasts)).toEqual([[90], [45], [45], [22.5], [22.5], [45]]);
	});
});

describe('OLS and WLS-structural', () => {
	it('match the hand computation on total = A + B', () => {
		const hier = buildHierarchy([
			{ id: 'A', groups: [] },
			{ id: 'B', groups: [] },
		]);
		const base = [[10], [3], [5]];
		expect(Array.from(structuralWeights(hier))).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 1]);
		// WLS with W = diag(2, 1, 1): the gap 10 − 8 = 2 is split 1 : 1 : 2 → A 3.5, B 5.5, total 9
		const wls = reconcile(hier, base, 'wls-struct');
		expect(wls.used).toBe('wls-struct');
		[9, 3.5, 5.5].forEach((v, i) => expect(wls.forecasts[i][0]).toBeCloseTo(v, 8));
		// OLS: the gap split evenly over the three → A 3⅔, B 5⅔, total 9⅓
		const ols = reconcile(hier, base, 'ols');
		expect(ols.used).toBe('ols');
		expect(ols.forecasts[1][0]).toBeCloseTo(3 + 2 / 3, 10);
		expect(ols.forecasts[2][0]).toBeCloseTo(5 + 2 / 3, 10);
		expect(ols.forecasts[0][0]).toBeCloseTo(9 + 1 / 3, 10);
	});

	it('top-down and middle-out without a tree fall back to bottom-up (said in `used`)', () => {
		const { hier } = small();
		const base = [[100], [30], [10], [1], [3], [7]];
		expect(reconcile(hier, base, 'top-down').used).toBe('bottom-up');
		expect(reconcile(hier, base, 'middle-out').used).toBe('bottom-up');
	});
});

/** A shop of products (hierarchy-fixtures) with higher levels and more noise than the default. */
const shop = (k: number, n: number, seed = 1): HierarchyCell[] =>
	shopCells(k, n, seed, { base: 4, noise: 4 });

/**
 * A forecaster that knows the future of `full` (the cells over history + h): each node's true next h
 * values × factor(node level); the last value where the future is not known (the final forecast).
 */
function oracle(full: HierarchyCell[], factor: (level: string) => number): NodeForecaster {
	const { hier, nodes } = hierarchyOf(full);
	const truth = new Map(
		aggregate(
			hier,
			full.map((c) => c.y),
		).map((y, i) => [nodes[i].key, y]),
	);
	return async (y, node, h) => {
		const all = truth.get(node.key)!;
		const f =
			y.length + h <= all.length
				? all.slice(y.length, y.length + h).map((v) => v * factor(node.level))
				: new Float64Array(h).fill(y[y.length - 1]);
		return { point: f, intervals: [], model: 'oracle' };
	};
}

describe('the hierarchy’s tree and every method', () => {
	it('goes total → categories → cells → products; the cells are the middle level', () => {
		const { hier, nodes } = hierarchyOf(shop(4, 10));
		const tree = treeOf(hier, nodes);
		const key = (i: number): string => (i < 0 ? '-' : nodes[i].key);
		const parentOf = (k: string): string => key(tree.parent[nodes.findIndex((x) => x.key === k)]);
		expect(parentOf('cat:hats')).toBe('total');
		expect(parentOf('store:shop')).toBe('-');
		expect(parentOf('cell:bags\u0001online')).toBe('cat:bags');
		expect(parentOf('slice:hats\u0001P0\u0001shop')).toBe('cell:hats\u0001shop');
		expect(parentOf('prod:bags\u0001P1')).toBe('cell:bags\u0001online');
		expect(parentOf('prod:hats\u0001P0')).toBe('-');
		expect(tree.middle.map(key).sort()).toEqual([
			'cell:bags\u0001online',
			'cell:bags\u0001shop',
			'cell:hats\u0001online',
			'cell:hats\u0001shop',
		]);
		expect(candidateMethods(tree)).toEqual([...RECONCILE_METHODS]);
		// categories at the bottom, right under the total: no middle level, so no middle-out
		const flat = hierarchyOf([
			{ category: 'a', store: null },
			{ category: 'b', store: null },
		]);
		expect(candidateMethods(treeOf(flat.hier, flat.nodes))).not.toContain('middle-out');
	});

	it('adds up at every level with each method: products to categories and to the total', async () => {
		const data = shop(7, 40, 3);
		const noisy = oracle(data, (level) => (level === 'total' ? 1.3 : level === 'cell' ? 0.9 : 1.1));
		for (const m of RECONCILE_METHODS) {
			const res = await forecastHierarchy(data, 5, noisy, { methods: [m] });
			expect(res.method).toBe(m);
			expect(worstGap(res, (i) => childrenOf(res.nodes, i))).toBeLessThan(1e-8);
			expect(worstGap(res, (i) => productsOf(res.nodes, i))).toBeLessThan(1e-8);
			for (const p of res.point) for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
			// every method's forecasts come with the result (to pick on screen), the chosen one as chosen
			expect(Object.keys(res.byMethod).sort()).toEqual([...RECONCILE_METHODS].sort());
			expect(res.byMethod[m]!.point).toEqual(res.point);
			for (const other of RECONCILE_METHODS) {
				const alt = { ...res, point: res.byMethod[other]!.point };
				expect(worstGap(alt, (i) => childrenOf(res.nodes, i))).toBeLessThan(1e-8);
				expect(worstGap(alt, (i) => productsOf(res.nodes, i))).toBeLessThan(1e-8);
			}
		}
	});

	it('chooses among every method automatically, and among fewer when told', async () => {
		const data = shop(6, 40, 11);
		expect(AUTO_METHODS).toEqual(RECONCILE_METHODS);
		// top-down is exact here; restricted to bottom-up and MinT-shrink, one of those is used
		const res = await forecastHierarchy(
			data,
			5,
			oracle(data, (level) => (level === 'total' ? 1 : 1.5)),
			{ methods: ['bottom-up', 'mint-shrink'] },
		);
		expect(['bottom-up', 'mint-shrink']).toContain(res.method);
		expect(Object.keys(res.choice!.scores).sort()).toEqual([...RECONCILE_METHODS].sort());
		expect(res.choice!.scores['top-down']).toBeLessThan(1e-9);
	});

	it('chooses top-down when only the total is right and everything below is off by one factor', async () => {
		const data = shop(6, 40, 11);
		const res = await forecastHierarchy(
			data,
			5,
			oracle(data, (level) => (level === 'total' ? 1 : 1.5)),
		);
		expect(res.method).toBe('top-down');
		expect(res.choice!.scores['top-down']).toBeLessThan(1e-9);
		for (const m of RECONCILE_METHODS)
			if (m !== 'top-down') expect(res.choice!.scores[m]).toBeGreaterThan(0.01);
	});

	it('chooses middle-out when the category × store cells are right and the rest is off', async () => {
		const data = shop(6, 40, 13);
		const res = await forecastHierarchy(
			data,
			5,
			oracle(data, (level) => (level === 'cell' ? 1 : 1.5)),
		);
		expect(res.method).toBe('middle-out');
		expect(res.choice!.scores['middle-out']).toBeLessThan(1e-9);
		expect(res.choice!.scores['top-down']).toBeGreaterThan(0.01);
	});
});
