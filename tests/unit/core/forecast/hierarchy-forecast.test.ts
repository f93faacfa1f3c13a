// Hierarchy forecasts of category × store cells: every parent equals the sum of its children in
// every period (also after negative MinT values are clamped), the method is chosen on held-out
// periods (MinT-shrink wins when the cells' own forecasts are biased but the totals are not), and a
// history too short to hold periods out falls back to bottom-up. Real engine for the end-to-end case.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { RECONCILE_METHODS } from '../../../../src/core/forecast/hierarchy';
import {
	childrenOf,
	forecastHierarchy,
	hierarchyOf,
	type HierarchyCell,
	type NodeForecaster,
} from '../../../../src/core/forecast/hierarchy-forecast';

function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/** 3 categories × 2 stores, weekly-ish noisy levels. */
function cells(n: number, seed = 1): HierarchyCell[] {
	const r = rng(seed);
	const out: HierarchyCell[] = [];
	for (const category of ['bags', 'hats', 'socks'])
		for (const store of ['online', 'shop']) {
			const level = 20 + 30 * r();
			out.push({
				category,
				store,
				y: Float64Array.from({ length: n }, (_, t) => level + 5 * Math.sin(t / 3) + 6 * r()),
			});
		}
	return out;
}

/** The worst gap between each parent and the sum of its children, over nodes and periods. */
function worstGap(res: Awaited<ReturnType<typeof forecastHierarchy>>): number {
	let worst = 0;
	res.nodes.forEach((_, i) => {
		const kids = childrenOf(res.nodes, i);
		if (!kids.length) return;
		for (let t = 0; t < res.point[i].length; t++) {
			const s = kids.reduce((a, j) => a + res.point[j][t], 0);
			worst = Math.max(worst, Math.abs(s - res.point[i][t]));
		}
	});
	return worst;
}

const engine: NodeForecaster = async (y, _node, h) => {
	const r = forecastAuto(y, { horizon: h, season: 1, models: ['ets', 'theta'], levels: [0.8] });
	return { point: r.point, intervals: r.intervals, model: r.model };
};

describe('hierarchyOf', () => {
	it('has the total, categories, stores and cells; children are categories, then cells', () => {
		const { nodes } = hierarchyOf(cells(10));
		expect(nodes.filter((n) => n.level === 'category').map((n) => n.category)).toEqual([
			'bags',
			'hats',
			'socks',
		]);
		expect(nodes.filter((n) => n.level === 'store').map((n) => n.store)).toEqual([
			'online',
			'shop',
		]);
		expect(nodes.filter((n) => n.level === 'cell')).toHaveLength(6);
		expect(childrenOf(nodes, 0).map((j) => nodes[j].key)).toEqual([
			'cat:bags',
			'cat:hats',
			'cat:socks',
		]);
		const shop = nodes.findIndex((n) => n.key === 'store:shop');
		expect(childrenOf(nodes, shop).map((j) => nodes[j].category)).toEqual([
			'bags',
			'hats',
			'socks',
		]);
		// categories only: they are the bottom, under the total
		const only = hierarchyOf([
			{ category: 'a', store: null },
			{ category: 'b', store: null },
		]).nodes;
		expect(only.map((n) => n.key)).toEqual(['total', 'cat:a', 'cat:b']);
		expect(childrenOf(only, 0)).toEqual([1, 2]);
	});
});

describe('forecastHierarchy', () => {
	it('adds up at every level with the real engine, with intervals around the point', async () => {
		const res = await forecastHierarchy(cells(60), 8, engine);
		expect(res.choice).not.toBeNull();
		expect(res.choice!.origin).toBe(52);
		expect(RECONCILE_METHODS).toContain(res.method);
		expect(worstGap(res)).toBeLessThan(1e-8);
		// history of the total is the sum of the cells
		const sum = cells(60).reduce((a, c) => a + c.y.reduce((s, v) => s + v, 0), 0);
		expect(res.history[0].reduce((s, v) => s + v, 0)).toBeCloseTo(sum, 6);
		res.point.forEach((p, i) => {
			const iv = res.intervals[i][0];
			for (let t = 0; t < p.length; t++) {
				expect(iv.lower[t]).toBeLessThanOrEqual(p[t] + 1e-9);
				expect(iv.upper[t]).toBeGreaterThanOrEqual(p[t] - 1e-9);
			}
		});
	});

	it('chooses MinT-shrink when the cells forecast too low but the totals are right, bottom-up when they are right', async () => {
		const data = cells(60, 7);
		// the "models": last value, but cells are biased 40 % low (like sparse products)
		const biased: NodeForecaster = async (y, node, h) => {
			const last = y[y.length - 1];
			const f = node.level === 'cell' ? 0.6 * last : last;
			return { point: new Float64Array(h).fill(f), intervals: [], model: 'test' };
		};
		const res = await forecastHierarchy(data, 6, biased, { methods: ['bottom-up', 'mint-shrink'] });
		expect(res.method).toBe('mint-shrink');
		expect(res.choice!.mintShrink).toBeLessThan(res.choice!.bottomUp);
		expect(worstGap(res)).toBeLessThan(1e-8);
		const honest: NodeForecaster = async (y, node, h) => {
			const last = y[y.length - 1];
			// cells right, the aggregates 50 % too high
			const f = node.level === 'cell' ? last : 1.5 * last;
			return { point: new Float64Array(h).fill(f), intervals: [], model: 'test' };
		};
		const res2 = await forecastHierarchy(data, 6, honest, {
			methods: ['bottom-up', 'mint-shrink'],
		});
		expect(res2.method).toBe('bottom-up');
		expect(res2.choice!.bottomUp).toBeLessThan(res2.choice!.mintShrink);
	});

	it('keeps sums coherent when reconciled cells would go below zero, and uses bottom-up on a short history', async () => {
		const data = cells(10, 3);
		const wild: NodeForecaster = async (_y, node, h) => ({
			point: new Float64Array(h).fill(node.level === 'total' ? -500 : 5),
			intervals: [],
			model: 'test',
		});
		const res = await forecastHierarchy(data, 6, wild);
		expect(res.choice).toBeNull();
		expect(res.method).toBe('bottom-up');
		for (const p of res.point) for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
		expect(worstGap(res)).toBeLessThan(1e-8);
		expect(res.point[0][0]).toBeCloseTo(30, 9); // 6 cells × 5
	});
});
