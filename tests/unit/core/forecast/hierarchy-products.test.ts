// The product level of the reconciled hierarchy (issue #11): products (and each category's pooled
// rest) under category × store under category / store under the total. Reconciled forecasts add up
// exactly at every level — products to their category and to the total, slices to their product and
// store — with bottom-up and with MinT-shrink; the cap keeps the biggest products that sell often
// enough, pools the rest per category × store, and loses no sales.
import { describe, expect, it } from 'vitest';
import {
	capProducts,
	childrenOf,
	forecastHierarchy,
	hierarchyOf,
	OTHER_PRODUCT,
	productsOf,
	type HierarchyCell,
	type NodeForecaster,
} from '../../../../src/core/forecast/hierarchy-forecast';
import {
	aggregate,
	minT,
	minTDirect,
	naiveResiduals,
	shrinkCovariance,
} from '../../../../src/core/forecast/hierarchy';
import { engine, rng, shop, worstGap } from './hierarchy-fixtures';

describe('hierarchy with a product level', () => {
	it('has products, their store slices, cells, categories, stores and the total', () => {
		const { nodes, hier } = hierarchyOf(shop(4, 10));
		const keys = nodes.map((n) => n.key);
		expect(keys[0]).toBe('total');
		// P0, P2 sell in both stores: a product node over two slices; P1, P3 are bottoms themselves
		expect(nodes.filter((n) => n.level === 'product').map((n) => n.product)).toEqual([
			'P0',
			'P2',
			'P1',
			'P3',
		]);
		expect(nodes.filter((n) => n.level === 'slice')).toHaveLength(4);
		expect(hier.m).toBe(6);
		const p0 = keys.indexOf('prod:hats\u0001P0');
		expect(childrenOf(nodes, p0).map((j) => nodes[j].store)).toEqual(['online', 'shop']);
		const bags = keys.indexOf('cat:bags');
		expect(productsOf(nodes, bags).map((j) => nodes[j].product)).toEqual(['P2', 'P1']);
		const cell = keys.indexOf('cell:bags\u0001online');
		expect(childrenOf(nodes, cell).map((j) => nodes[j].product)).toEqual(['P1', 'P2']);
		// without stores the products are the bottom, under their categories
		const flat = hierarchyOf(
			shop(4, 10)
				.map((c) => ({ ...c, store: null }))
				.slice(0, 1),
		).nodes;
		expect(flat.map((n) => n.key)).toEqual(['total', 'cat:hats', 'prod:hats\u0001P0']);
	});

	it('adds up exactly at every level with the real engine: products to categories and the total', async () => {
		const res = await forecastHierarchy(shop(6, 48), 6, engine);
		expect(res.choice).not.toBeNull();
		expect(worstGap(res, (i) => childrenOf(res.nodes, i))).toBeLessThan(1e-8);
		expect(worstGap(res, (i) => productsOf(res.nodes, i))).toBeLessThan(1e-8);
		const total = res.point[0].reduce((a, b) => a + b, 0);
		const products = productsOf(res.nodes, 0).reduce(
			(a, j) => a + res.point[j].reduce((s, v) => s + v, 0),
			0,
		);
		expect(Math.abs(products - total)).toBeLessThan(1e-8);
	});

	it('adds up with MinT-shrink too, when products forecast too low and the tops do not', async () => {
		const biased: NodeForecaster = async (y, node, h) => {
			const last = (y[y.length - 1] + y[y.length - 2] + y[y.length - 3]) / 3;
			const f = node.level === 'product' || node.level === 'slice' ? 0.5 * last : last;
			return { point: new Float64Array(h).fill(f), intervals: [], model: 'test' };
		};
		const res = await forecastHierarchy(shop(8, 48, 5), 6, biased, {
			methods: ['bottom-up', 'mint-shrink'],
		});
		expect(res.method).toBe('mint-shrink');
		expect(res.lambda).toBeGreaterThanOrEqual(0);
		expect(worstGap(res, (i) => childrenOf(res.nodes, i))).toBeLessThan(1e-8);
		expect(worstGap(res, (i) => productsOf(res.nodes, i))).toBeLessThan(1e-8);
		for (const p of res.point) for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
	});

	it('forecasts nodes with the same series once (a cell holding one product)', async () => {
		const cells: HierarchyCell[] = [
			{ category: 'a', store: 's', product: 'x', y: Float64Array.from({ length: 30 }, () => 3) },
			{ category: 'b', store: 's', product: 'y', y: Float64Array.from({ length: 30 }, () => 4) },
		];
		const seen: string[] = [];
		const counting: NodeForecaster = async (y, node, h) => {
			seen.push(node.key);
			return { point: new Float64Array(h).fill(y[y.length - 1]), intervals: [], model: 't' };
		};
		const res = await forecastHierarchy(cells, 4, counting);
		// total = store s; cat:a = cell a|s = product x: 3 distinct series, forecast three times
		// (backtests from 26 and 22 periods, then the final)
		expect(seen).toHaveLength(9);
		expect(res.point[res.nodes.findIndex((n) => n.key === 'cell:a\u0001s')][0]).toBe(3);
		expect(res.point[0][0]).toBe(7);
	});
});

describe('MinT-shrink in the projection form', () => {
	it('gives the direct form’s forecasts on a product hierarchy, and they add up', () => {
		const cells = shop(12, 40, 9);
		const { hier } = hierarchyOf(cells);
		const hist = aggregate(
			hier,
			cells.map((c) => c.y),
		);
		const r = rng(4);
		// base forecasts that do not add up
		const base = hist.map((y) => Float64Array.from({ length: 5 }, () => y[39] * (0.7 + 0.6 * r())));
		const res = naiveResiduals(hist);
		const { W, lambda } = shrinkCovariance(res.R, res.T, hier.nodes.length);
		expect(lambda).toBeGreaterThan(0);
		const proj = minT(hier, base, W)!;
		const direct = minTDirect(hier, base, W)!;
		let worst = 0;
		proj.forEach((f, i) =>
			f.forEach((v, t) => (worst = Math.max(worst, Math.abs(v - direct[i][t])))),
		);
		expect(worst).toBeLessThan(1e-7);
		// coherent: each sum row equals the sum of its bottom rows
		const first = hier.nodes.length - hier.m;
		const again = aggregate(hier, proj.slice(first));
		again.forEach((f, i) => f.forEach((v, t) => expect(v).toBeCloseTo(proj[i][t], 9)));
		// and not bottom-up: MinT moved the bottom forecasts
		expect(proj.slice(first).some((f, j) => Math.abs(f[0] - base[first + j][0]) > 1e-6)).toBe(true);
	});
});

describe('capProducts', () => {
	it('keeps the biggest products that sell often enough, pools the rest per category × store', () => {
		const cells = shop(30, 40, 2);
		// P1 is big but sold in 3 weeks only: pooled
		const p1 = cells.find((c) => c.product === 'P1')!;
		p1.y = Float64Array.from({ length: 40 }, (_, t) => (t < 3 ? 400 : 0));
		const capped = capProducts(cells, { maxProducts: 5, horizon: 6 });
		// by volume: a product sold in both stores sells about twice as much
		expect(capped.kept.map((k) => k.product)).toEqual(['P0', 'P2', 'P4', 'P6', 'P8']);
		expect(capped.pooled).toBe(25);
		const pools = capped.cells.filter((c) => c.product === OTHER_PRODUCT);
		// hats and bags, each in online and shop
		expect(pools.map((c) => `${c.category}/${c.store}`).sort()).toEqual([
			'bags/online',
			'bags/shop',
			'hats/online',
			'hats/shop',
		]);
		// nothing lost: every category × store sums the same before and after
		const sums = (cs: HierarchyCell[]): Map<string, number> => {
			const m = new Map<string, number>();
			for (const c of cs)
				m.set(
					`${c.category}/${c.store}`,
					(m.get(`${c.category}/${c.store}`) ?? 0) + c.y.reduce((a, b) => a + b, 0),
				);
			return m;
		};
		expect(sums(capped.cells)).toEqual(sums(cells));
	});

	it('stops at the bottom-series cap and merges pools that arrive already pooled', () => {
		const cells = shop(10, 40, 3);
		cells.push({
			category: 'hats',
			store: 'online',
			product: OTHER_PRODUCT,
			y: new Float64Array(40).fill(1),
		});
		// P0 (2 slices) + P2 (2) + P1 (1) = 5 ≤ 5; then P4 (2) or P3 (1) would pass 5
		const capped = capProducts(cells, { maxProducts: 10, maxBottoms: 5, minActive: 1 });
		expect(capped.kept.map((k) => k.product)).toEqual(['P0', 'P2', 'P1']);
		expect(capped.cells.filter((c) => c.product !== OTHER_PRODUCT)).toHaveLength(5);
		const hatsOnline = capped.cells.filter(
			(c) => c.product === OTHER_PRODUCT && c.category === 'hats' && c.store === 'online',
		);
		expect(hatsOnline).toHaveLength(1);
		const expected =
			40 +
			cells
				.filter(
					(c) =>
						c.category === 'hats' &&
						c.store === 'online' &&
						['P3', 'P6', 'P9'].includes(c.product!),
				)
				.reduce((a, c) => a + c.y.reduce((s, v) => s + v, 0), 0);
		expect(hatsOnline[0].y.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 9);
		// the capped cells still make a hierarchy that reconciles
		expect(() => hierarchyOf(capped.cells)).not.toThrow();
	});
});
