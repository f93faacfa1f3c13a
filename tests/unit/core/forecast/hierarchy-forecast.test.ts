// Hierarchy forecasts of category × store cells: every parent equals the sum of its children in
// every period (also after negative MinT values are clamped), the method is chosen on held-out
// periods (MinT-shrink wins when the cells' own forecasts are biased but the totals are not), and a
// history too short to hold periods out falls back to bottom-up. Real engine for the end-to-end case.
import { describe, expect, it } from 'vitest';
import { RECONCILE_METHODS } from '../../../../src/core/forecast/hierarchy';
import {
	BACKTEST_ORIGINS,
	backtestOrigins,
	calibrateIntervals,
	childrenOf,
	conformalQuantile,
	chooseMethod,
	combineOrigins,
	forecastHierarchy,
	hierarchyOf,
	INTERVAL_CALIBRATION,
	moveIntervals,
	type HierarchyCell,
	type HierarchyNode,
	type NodeForecaster,
	type OriginScores,
	RECONCILE_RULE,
	widenByDisagreement,
} from '../../../../src/core/forecast/hierarchy-forecast';
import { engine, rng, worstGap } from './hierarchy-fixtures';

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

/**
 * A forecaster that knows what comes in `data` (the cells over every period): each node's true next
 * values × factor(node, origin); the last value where the future is not known (the final forecast).
 */
function oracleOf(
	data: HierarchyCell[],
	factor: (node: HierarchyNode, origin: number) => number,
): NodeForecaster {
	const n = data[0].y.length;
	// a node's whole series, from the cells
	const seriesOf = (node: HierarchyNode): Float64Array => {
		const y = new Float64Array(n);
		for (const c of data)
			if (
				node.level === 'total' ||
				(node.level === 'category' && c.category === node.category) ||
				(node.level === 'store' && c.store === node.store) ||
				(node.level === 'cell' && c.category === node.category && c.store === node.store)
			)
				for (let t = 0; t < n; t++) y[t] += c.y[t];
		return y;
	};
	return async (y, node, horizon) => {
		const o = y.length;
		const f = factor(node, o);
		const future = seriesOf(node).subarray(o, o + horizon);
		const point =
			o + horizon <= n
				? Float64Array.from(future, (v) => v * f)
				: new Float64Array(horizon).fill(y[o - 1]);
		return { point, intervals: [], model: 'oracle' };
	};
}

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

describe('choice over several backtest origins', () => {
	it('places the origins h apart while enough history is left before them', () => {
		expect(backtestOrigins(60, 8, 16, 2)).toEqual([52, 44]);
		expect(backtestOrigins(60, 8, 16, 3)).toEqual([52, 44, 36]);
		// a second origin would leave 12 < 16 periods: one origin, as before
		expect(backtestOrigins(36, 12, 16, 2)).toEqual([24]);
		expect(backtestOrigins(20, 8, 16, 2)).toEqual([]);
		expect(backtestOrigins(60, 8, 16, 0)).toEqual([52]);
	});

	it('combines the origins by the geometric mean, leaving out a method missing at one', () => {
		const scores = combineOrigins([
			{ origin: 52, base: 1, scores: { 'bottom-up': 2, 'top-down': 1, ols: 3 }, scored: 6 },
			{ origin: 44, base: 1, scores: { 'bottom-up': 8, 'top-down': 9 }, scored: 6 },
		]);
		expect(scores['bottom-up']).toBeCloseTo(4, 12);
		expect(scores['top-down']).toBeCloseTo(3, 12);
		expect(scores.ols).toBeUndefined();
		// one origin: its own scores
		expect(
			combineOrigins([{ origin: 52, base: 1, scores: { 'bottom-up': 2 }, scored: 6 }])['bottom-up'],
		).toBe(2);
	});

	it('chooses by every origin: top-down when it loses a little at the latest and wins by far at the one before', async () => {
		const data = cells(60, 5);
		const n = 60;
		const h = 6;
		// forecasts that know what comes: everything below the total off by `below`, the total by `top`
		// (at the latest origin, 54: below 2 % high, total 10 %; at 48: below 50 %, total 1 %)
		const oracle = oracleOf(data, (node, o) => {
			const [below, top] = o === n - h ? [1.02, 1.1] : o === n - 2 * h ? [1.5, 1.01] : [1, 1];
			return node.level === 'total' ? top : below;
		});
		const methods = ['bottom-up', 'top-down'] as const;
		const one = await forecastHierarchy(data, h, oracle, { methods, origins: 1 });
		expect(one.choice!.origins.map((o) => o.origin)).toEqual([54]);
		expect(one.method).toBe('bottom-up');
		const two = await forecastHierarchy(data, h, oracle, { methods, origins: 2 });
		expect(two.choice!.origins.map((o) => o.origin)).toEqual([54, 48]);
		expect(two.method).toBe('top-down');
		// the latest origin's scores are the one-origin run's; the choice's are their geometric means
		expect(two.choice!.origins[0].scores).toEqual(one.choice!.scores);
		for (const m of methods)
			expect(two.choice!.scores[m]).toBeCloseTo(
				Math.sqrt(two.choice!.origins[0].scores[m]! * two.choice!.origins[1].scores[m]!),
				12,
			);
		// the app's default is two origins
		expect(BACKTEST_ORIGINS).toBe(2);
		const app = await forecastHierarchy(data, h, oracle, { methods });
		expect(app.method).toBe('top-down');
		expect(app.choice!.origins).toHaveLength(2);
	});

	it('counts every origin’s forecasts in the progress, and uses one origin when two do not fit', async () => {
		const calls: number[] = [];
		const last: NodeForecaster = async (y, _node, h) => {
			calls.push(y.length);
			return { point: new Float64Array(h).fill(y[y.length - 1]), intervals: [], model: 'naive' };
		};
		const seen: [number, number][] = [];
		await forecastHierarchy(cells(40, 2), 8, last, {
			onProgress: (d, t) => void seen.push([d, t]),
		});
		// 3 × 2 cells + 3 categories + 2 stores + the total = 12 nodes, at origins 32 and 24 and on all 40
		expect(seen[seen.length - 1]).toEqual([36, 36]);
		expect([...new Set(calls)]).toEqual([32, 24, 40]);
		calls.length = 0;
		// 30 periods, h 8: a second origin would leave 14 < 16
		const short = await forecastHierarchy(cells(30, 2), 8, last);
		expect(short.choice!.origins.map((o) => o.origin)).toEqual([22]);
		expect([...new Set(calls)]).toEqual([22, 30]);
	});
});

describe('margin rule (hier2b): bottom-up / MinT-shrink kept unless another method beats them clearly', () => {
	const all = RECONCILE_METHODS;
	// Walmart V2's backtest (HIERARCHY.md hier2b): WLS-structural lower than MinT-shrink by under 1 %
	const walmart: OriginScores[] = [
		{
			origin: 78,
			base: 0.727,
			scores: { 'bottom-up': 0.727, 'mint-shrink': 0.7268, 'wls-struct': 0.723, 'top-down': 0.724 },
			scored: 46,
		},
		{
			origin: 65,
			base: 0.715,
			scores: { 'bottom-up': 0.715, 'mint-shrink': 0.7149, 'wls-struct': 0.713, 'top-down': 0.714 },
			scored: 46,
		},
	];

	it('lowest: the lowest score wins, however small the gap (the app’s rule)', () => {
		expect(chooseMethod(walmart, all, { kind: 'lowest' })).toEqual({
			method: 'wls-struct',
			kept: null,
		});
		expect(RECONCILE_RULE).toEqual({ kind: 'lowest' });
	});

	it('anchors: the better of bottom-up and MinT-shrink, saying what it was kept over', () => {
		const r = chooseMethod(walmart, all, { kind: 'anchors' });
		expect(r.method).toBe('mint-shrink');
		expect(r.kept?.anchor).toBe('mint-shrink');
		expect(r.kept?.method).toBe('wls-struct');
		const sa = Math.sqrt(0.7268 * 0.7149);
		const sc = Math.sqrt(0.723 * 0.713);
		expect(r.kept?.gap).toBeCloseTo(1 - sc / sa, 12);
		expect(r.kept?.margin).toBe(Infinity);
	});

	it('fixed margin: another method only when lower by more than the margin', () => {
		expect(chooseMethod(walmart, all, { kind: 'fixed', margin: 0.05 }).method).toBe('mint-shrink');
		expect(chooseMethod(walmart, all, { kind: 'fixed', margin: 0.001 }).method).toBe('wls-struct');
		// top-down 10 % lower than bottom-up at one origin: beyond 5 %
		const clear: OriginScores[] = [
			{
				origin: 40,
				base: 1,
				scores: { 'bottom-up': 1, 'mint-shrink': 1.02, 'top-down': 0.9 },
				scored: 9,
			},
		];
		expect(chooseMethod(clear, all, { kind: 'fixed', margin: 0.05 })).toEqual({
			method: 'top-down',
			kept: null,
		});
		expect(chooseMethod(clear, all, { kind: 'fixed', margin: 0.2 }).kept).toEqual({
			anchor: 'bottom-up',
			method: 'top-down',
			gap: expect.closeTo(0.1, 12),
			margin: 0.2,
		});
	});

	it('origin noise: the margin is the anchor’s own change between the origins; none with one origin', () => {
		const r = chooseMethod(walmart, all, { kind: 'origin-noise' });
		expect(r.method).toBe('mint-shrink');
		expect(r.kept?.margin).toBeCloseTo(1 - 0.7149 / 0.7268, 12);
		// top-down 5 % below at both origins, while the anchor moves 1.6 %: beaten clearly
		const td = walmart.map((o) => ({
			...o,
			scores: { ...o.scores, 'top-down': 0.95 * o.scores['mint-shrink']! },
		}));
		expect(chooseMethod(td, all, { kind: 'origin-noise' }).method).toBe('top-down');
		// one origin: no measure of the noise, the anchor stays
		const one = chooseMethod(td.slice(0, 1), all, { kind: 'origin-noise' });
		expect(one.method).toBe('mint-shrink');
		expect(one.kept?.margin).toBeNaN();
	});

	it('the lowest wins when no anchor is among the methods, and an anchor that is lowest needs no margin', () => {
		expect(chooseMethod(walmart, ['wls-struct', 'top-down'], { kind: 'anchors' }).method).toBe(
			'wls-struct',
		);
		const bu: OriginScores[] = [
			{
				origin: 40,
				base: 1,
				scores: { 'bottom-up': 0.8, 'mint-shrink': 0.9, ols: 0.85 },
				scored: 9,
			},
		];
		expect(chooseMethod(bu, all, { kind: 'fixed', margin: 0.05 })).toEqual({
			method: 'bottom-up',
			kept: null,
		});
	});

	it('forecastHierarchy takes the rule from its options; by default the lowest score wins', async () => {
		const data = cells(60, 7);
		const h = 6;
		// every node below the total 3 % high, the total 2 %: top-down (the total split by the
		// forecasts' proportions) is 2 % off everywhere, bottom-up 3 %
		const oracle = oracleOf(data, (node) => (node.level === 'total' ? 1.02 : 1.03));
		const methods = ['bottom-up', 'top-down'] as const;
		const app = await forecastHierarchy(data, h, oracle, { methods });
		expect(app.method).toBe('top-down');
		const gap = 1 - app.choice!.scores['top-down']! / app.choice!.scores['bottom-up']!;
		expect(gap).toBeGreaterThan(0.2);
		expect(gap).toBeLessThan(0.5);
		const anchors = await forecastHierarchy(data, h, oracle, {
			methods,
			rule: { kind: 'anchors' },
		});
		expect(anchors.method).toBe('bottom-up');
		// the same scores, another choice
		expect(anchors.choice!.scores).toEqual(app.choice!.scores);
		const wide = await forecastHierarchy(data, h, oracle, {
			methods,
			rule: { kind: 'fixed', margin: 0.5 },
		});
		expect(wide.method).toBe('bottom-up');
		const narrow = await forecastHierarchy(data, h, oracle, {
			methods,
			rule: { kind: 'fixed', margin: 0.05 },
		});
		expect(narrow.method).toBe('top-down');
	});
});

describe('moveIntervals: the intervals of a node follow its reconciled point', () => {
	const f64 = (...v: number[]) => Float64Array.from(v);
	// base point 1,500 with a range 0–5,000; reconciled to 100 (step 1), 3,000 (step 2), from 0 (step 3)
	const base = f64(1500, 1500, 0);
	const ivs = [{ level: 0.8, lower: f64(0, 1000, 0), upper: f64(5000, 2000, 40) }];
	const rec = f64(100, 3000, 10);

	it('shift: the same move as the point, the width kept, bounds floored at 0', () => {
		const [iv] = moveIntervals(base, ivs, rec, 'shift');
		expect([...iv.lower]).toEqual([0, 2500, 10]);
		expect([...iv.upper]).toEqual([3600, 3500, 50]);
		expect(iv.level).toBe(0.8);
	});

	it('scale: multiplied by reconciled ÷ base point; a base point of 0 is shifted', () => {
		const [iv] = moveIntervals(base, ivs, rec, 'scale');
		expect(iv.lower[0]).toBeCloseTo(0, 9);
		expect(iv.upper[0]).toBeCloseTo(5000 / 15, 9); // 100 ÷ 1,500 of 5,000
		expect(iv.lower[1]).toBeCloseTo(2000, 9);
		expect(iv.upper[1]).toBeCloseTo(4000, 9);
		expect([iv.lower[2], iv.upper[2]]).toEqual([10, 50]);
	});

	it('scale-down: scaled where the point went down, shifted where it went up', () => {
		const [iv] = moveIntervals(base, ivs, rec, 'scale-down');
		expect(iv.upper[0]).toBeCloseTo(5000 / 15, 9);
		expect([iv.lower[1], iv.upper[1]]).toEqual([2500, 3500]);
	});

	it("forecastHierarchy moves a total cut from 1,500 to its cells' sum with the chosen mode", async () => {
		const data = cells(10, 3);
		// the total's model says 1,500 ± a wide range; the cells say 5 each (bottom-up on a short history)
		const loud: NodeForecaster = async (_y, node, h) => {
			const p = node.level === 'total' ? 1500 : 5;
			return {
				point: new Float64Array(h).fill(p),
				intervals: [
					{
						level: 0.8,
						lower: new Float64Array(h).fill(0),
						upper: new Float64Array(h).fill(p * 3),
					},
				],
				model: 'test',
			};
		};
		// the moves alone, without the app's widening (INTERVAL_CALIBRATION)
		const shifted = await forecastHierarchy(data, 6, loud, {
			intervalMove: 'shift',
			intervalCalibration: null,
		});
		const scaled = await forecastHierarchy(data, 6, loud, {
			intervalMove: 'scale',
			intervalCalibration: null,
		});
		const total = shifted.nodes.findIndex((x) => x.level === 'total');
		expect(shifted.point[total][0]).toBeCloseTo(30, 9);
		expect(shifted.intervals[total][0].upper[0]).toBeCloseTo(30 + 3000, 9);
		expect(scaled.intervals[total][0].upper[0]).toBeCloseTo(90, 9);
		expect(scaled.point).toEqual(shifted.point);
	});
});

describe('widenByDisagreement (hiercal2, C4): each side widened by the gap between the reconciled and own point', () => {
	const f64 = (...v: number[]) => Float64Array.from(v);
	const Z80 = 1.2815515655446004; // Φ⁻¹(0.9)
	const Z95 = 1.959963984540054; // Φ⁻¹(0.975)
	// own point 1,500 (steps 1–2) and 50 (step 3); reconciled to 3,000, 1,400 and 50 (no gap)
	const base = f64(1500, 1500, 50);
	const rec = f64(3000, 1400, 50);
	const ivs = [
		{ level: 0.8, lower: f64(1000, 1000, 40), upper: f64(2000, 2000, 70) },
		{ level: 95, lower: f64(800, 800, 30), upper: f64(2400, 2400, 90) },
	];

	it('√(half-width² + (z·gap)²) on each side, z of each level, asymmetry kept, floored at 0', () => {
		const [i80, i95] = widenByDisagreement(base, ivs, rec);
		// step 1: gap +1,500; 80 %: half-widths 500 below, 500 above; 95 %: 700 below, 900 above
		expect(i80.lower[0]).toBeCloseTo(3000 - Math.hypot(500, Z80 * 1500), 9);
		expect(i80.upper[0]).toBeCloseTo(3000 + Math.hypot(500, Z80 * 1500), 9);
		expect(i95.lower[0]).toBe(0); // 3,000 − 3,022.1 floored
		expect(i95.upper[0]).toBeCloseTo(3000 + Math.hypot(900, Z95 * 1500), 9);
		// step 2: gap −100
		expect(i80.lower[1]).toBeCloseTo(1400 - Math.hypot(500, Z80 * 100), 9);
		expect(i95.upper[1]).toBeCloseTo(1400 + Math.hypot(900, Z95 * 100), 9);
		// step 3: no gap, the shift's range
		expect([i80.lower[2], i80.upper[2], i95.lower[2], i95.upper[2]]).toEqual([40, 70, 30, 90]);
		expect([i80.level, i95.level]).toEqual([0.8, 95]);
	});

	it('never narrows the shifted range', () => {
		const widened = widenByDisagreement(base, ivs, rec);
		moveIntervals(base, ivs, rec, 'shift').forEach((iv, k) => {
			for (let t = 0; t < 3; t++) {
				expect(widened[k].lower[t]).toBeLessThanOrEqual(iv.lower[t]);
				expect(widened[k].upper[t]).toBeGreaterThanOrEqual(iv.upper[t]);
			}
		});
	});

	it('forecastHierarchy applies it without a backtest; only nodes whose point moved are widened', async () => {
		const data = cells(10, 3); // too short for a backtest: bottom-up
		const loud: NodeForecaster = async (_y, node, h) => {
			const p = node.level === 'total' ? 1500 : 5;
			return {
				point: new Float64Array(h).fill(p),
				intervals: [
					{
						level: 0.8,
						lower: new Float64Array(h).fill(0),
						upper: new Float64Array(h).fill(p * 3),
					},
				],
				model: 'test',
			};
		};
		const res = await forecastHierarchy(data, 6, loud, { intervalCalibration: 'disagreement' });
		const total = res.nodes.findIndex((x) => x.level === 'total');
		expect(res.choice).toBeNull();
		expect(res.point[total][0]).toBeCloseTo(30, 9);
		// gap 30 − 1,500; own range 1,500 below and 3,000 above the own point
		expect(res.intervals[total][0].upper[0]).toBeCloseTo(30 + Math.hypot(3000, Z80 * 1470), 9);
		expect(res.intervals[total][0].lower[0]).toBe(0);
		expect(res.calibrated[total]).toBe(true);
		const cell = res.nodes.findIndex((x) => x.level === 'cell');
		expect(res.calibrated[cell]).toBe(false);
		expect([res.intervals[cell][0].lower[0], res.intervals[cell][0].upper[0]]).toEqual([0, 15]);
		// the app's default (it passed the rule written before measuring, HIERARCHY.md hiercal2)
		expect(INTERVAL_CALIBRATION).toBe('disagreement');
		expect((await forecastHierarchy(data, 6, loud)).intervals).toEqual(res.intervals);
	});
});

describe('intervals calibrated on the backtest (hiercal): split-conformal around the reconciled point', () => {
	const f64 = (...v: number[]) => Float64Array.from(v);
	/** Gaussian noise from the fixtures' generator (Box–Muller). */
	const gauss = (r: () => number): number =>
		Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
	/** 4 categories × 6 stores of level + N(0, 5²) noise, n + h periods. */
	const noisy = (len: number, seed: number): HierarchyCell[] => {
		const r = rng(seed);
		const out: HierarchyCell[] = [];
		for (const category of ['a', 'b', 'c', 'd'])
			for (const store of ['s1', 's2', 's3', 's4', 's5', 's6']) {
				const level = 30 + 40 * r();
				out.push({
					category,
					store,
					y: Float64Array.from({ length: len }, () => level + 5 * gauss(r)),
				});
			}
		return out;
	};
	// an overconfident model: the history's mean, with 80 / 95 % ranges a tenth of what the noise needs
	const overconfident: NodeForecaster = async (y, _node, h) => {
		let mean = 0;
		for (const v of y) mean += v / y.length;
		let sd = 0;
		for (const v of y) sd += (v - mean) ** 2 / Math.max(1, y.length - 1);
		sd = Math.sqrt(sd);
		const iv = (level: number, z: number) => ({
			level,
			lower: new Float64Array(h).fill(mean - 0.1 * z * sd),
			upper: new Float64Array(h).fill(mean + 0.1 * z * sd),
		});
		return {
			point: new Float64Array(h).fill(mean),
			intervals: [iv(0.8, 1.28), iv(0.95, 1.96)],
			model: 'test',
		};
	};

	it('conformalQuantile: the ⌈(1 − α)(N + 1)⌉-th smallest score; NaN when that is beyond N', () => {
		const scores = Array.from({ length: 20 }, (_, k) => 20 - k); // 20, 19, …, 1
		expect(conformalQuantile(scores, 0.2)).toBe(17); // ⌈0.8 · 21⌉ = 17
		expect(conformalQuantile(scores, 0.05)).toBe(20); // ⌈0.95 · 21⌉ = 20
		expect(conformalQuantile(scores.slice(0, 18), 0.05)).toBeNaN(); // ⌈0.95 · 19⌉ = 19 > 18
	});

	it('shifted model intervals undercover; calibrated ones reach near-nominal coverage', async () => {
		const n = 60;
		const h = 6;
		const cover = { shift: [0, 0], conformal: [0, 0], width: [0, 0], cqr: [0, 0] };
		let points = 0;
		let totalCalibrated = 0;
		for (const seed of [1, 2, 3, 4, 5]) {
			const full = noisy(n + h, seed);
			const data = full.map((c) => ({ ...c, y: c.y.slice(0, n) }));
			const shift = await forecastHierarchy(data, h, overconfident, { intervalCalibration: null });
			const conformal = await forecastHierarchy(data, h, overconfident, {
				intervalCalibration: 'conformal',
			});
			const width = await forecastHierarchy(data, h, overconfident, {
				intervalCalibration: 'conformal-width',
			});
			const cqr = await forecastHierarchy(data, h, overconfident, {
				intervalCalibration: 'conformal-shift',
			});
			expect(conformal.point).toEqual(shift.point);
			expect(shift.calibrated.every((c) => !c)).toBe(true);
			const { hier } = hierarchyOf(data);
			// every node's actuals over the h periods after the history
			const actual = hier.nodes.map((_, i) => {
				const y = new Float64Array(h);
				for (let j = 0; j < hier.m; j++)
					if (hier.S[i * hier.m + j]) for (let t = 0; t < h; t++) y[t] += full[j].y[n + t];
				return y;
			});
			conformal.nodes.forEach((node, i) => {
				// the total alone: 2 origins × 6 steps = 12 scores < 20, so it keeps the shift
				if (node.level === 'total') {
					expect(conformal.calibrated[i]).toBe(false);
					expect(conformal.intervals[i]).toEqual(shift.intervals[i]);
					totalCalibrated += width.calibrated[i] ? 1 : 0;
					return;
				}
				expect(conformal.calibrated[i]).toBe(true);
				expect(width.calibrated[i]).toBe(true);
				expect(cqr.calibrated[i]).toBe(true);
				for (let t = 0; t < h; t++) {
					points++;
					const y = actual[i][t];
					[0, 1].forEach((k) => {
						const inside = (iv: { lower: Float64Array; upper: Float64Array }) =>
							y >= iv.lower[t] && y <= iv.upper[t] ? 1 : 0;
						cover.shift[k] += inside(shift.intervals[i][k]);
						cover.conformal[k] += inside(conformal.intervals[i][k]);
						cover.width[k] += inside(width.intervals[i][k]);
						cover.cqr[k] += inside(cqr.intervals[i][k]);
						expect(conformal.intervals[i][k].lower[t]).toBeLessThanOrEqual(conformal.point[i][t]);
						expect(conformal.intervals[i][k].upper[t]).toBeGreaterThanOrEqual(
							conformal.point[i][t],
						);
					});
				}
			});
		}
		expect(totalCalibrated).toBe(0);
		const rate = (v: number) => v / points;
		expect(rate(cover.shift[0])).toBeLessThan(0.3);
		expect(rate(cover.shift[1])).toBeLessThan(0.4);
		for (const c of [cover.conformal, cover.width, cover.cqr]) {
			expect(rate(c[0])).toBeGreaterThan(0.7);
			expect(rate(c[0])).toBeLessThan(0.92);
			expect(rate(c[1])).toBeGreaterThan(0.88);
		}
	});

	// 20 nodes of one level, h = 1: node i's backtest error is i + 1 and its scale 1, so the scores are 1…20
	const nodes = Array.from({ length: 20 }, () => ({ level: 'product' as const }));
	const ivs = (p: number, w: number) => [
		{ level: 0.8, lower: f64(p - w), upper: f64(p + w) },
		{ level: 0.95, lower: f64(p - w), upper: f64(p + w) },
	];
	// history 0, 1, 0, 1, …: the MASE scale is 1 at every length; node i forecast −(i + 1) for period 10 (0)
	const history = nodes.map(() => Float64Array.from({ length: 12 }, (_, t) => t % 2));
	const origin = {
		origin: 10,
		base: nodes.map(() => ({ point: f64(10), intervals: ivs(10, 1) })),
		point: nodes.map((_, i) => f64(-(i + 1))),
	};
	const base = nodes.map(() => ({ point: f64(50), intervals: ivs(50, 2) }));
	const point = nodes.map(() => f64(40));
	const fallback = nodes.map(() => ivs(40, 2));

	it('conformal: reconciled point ± the pooled quantile × the node’s MASE scale; conformal-width: × its model’s half-width', () => {
		const c1 = calibrateIntervals(nodes, history, 11, [origin], base, point, fallback, 'conformal');
		expect(c1.calibrated.every(Boolean)).toBe(true);
		expect([c1.intervals[0][0].lower[0], c1.intervals[0][0].upper[0]]).toEqual([23, 57]); // 40 ∓ 17 · 1
		expect([c1.intervals[0][1].lower[0], c1.intervals[0][1].upper[0]]).toEqual([20, 60]); // 40 ∓ 20 · 1
		// scores ÷ the origin model's half-width 1, final half-width 2: 40 ∓ 17 · 2, floored at 0
		const c2 = calibrateIntervals(
			nodes,
			history,
			11,
			[origin],
			base,
			point,
			fallback,
			'conformal-width',
		);
		expect([c2.intervals[0][0].lower[0], c2.intervals[0][0].upper[0]]).toEqual([6, 74]);
		expect([c2.intervals[0][1].lower[0], c2.intervals[0][1].upper[0]]).toEqual([0, 80]);
	});

	it('conformal-shift: today’s shifted interval widened by what the backtest’s shifted intervals missed, or narrowed', () => {
		// history 100, 101, …: scale 1, the actual at period 10 is 100
		const hist = nodes.map(() => Float64Array.from({ length: 12 }, (_, t) => 100 + (t % 2)));
		const at10 = (
			lo: (i: number) => number,
			hi: (i: number) => number,
			rec: (i: number) => number,
		) => ({
			origin: 10,
			base: nodes.map((_, i) => ({
				point: f64(100),
				intervals: [0.8, 0.95].map((level) => ({ level, lower: f64(lo(i)), upper: f64(hi(i)) })),
			})),
			point: nodes.map((_, i) => f64(rec(i))),
		});
		const today = nodes.map(() => [
			{ level: 0.8, lower: f64(30), upper: f64(50) },
			{ level: 0.95, lower: f64(30), upper: f64(50) },
		]);
		// the model said 99–101, reconciliation moved it up by i + 11: missed by 10 + i (scores 10…29)
		const missed = at10(
			() => 99,
			() => 101,
			(i) => 111 + i,
		);
		const wide = calibrateIntervals(
			nodes,
			hist,
			11,
			[missed],
			base,
			point,
			today,
			'conformal-shift',
		);
		expect([wide.intervals[0][0].lower[0], wide.intervals[0][0].upper[0]]).toEqual([4, 76]); // ∓ 26
		expect([wide.intervals[0][1].lower[0], wide.intervals[0][1].upper[0]]).toEqual([1, 79]); // ∓ 29
		// ranges of ± (i + 3) around the actual: scores −3…−22, q80 = −6, q95 = −3: narrowed, kept around 40
		const roomy = at10(
			(i) => 97 - i,
			(i) => 103 + i,
			() => 100,
		);
		const narrow = calibrateIntervals(
			nodes,
			hist,
			11,
			[roomy],
			base,
			point,
			today,
			'conformal-shift',
		);
		expect([narrow.intervals[0][0].lower[0], narrow.intervals[0][0].upper[0]]).toEqual([36, 44]);
		expect([narrow.intervals[0][1].lower[0], narrow.intervals[0][1].upper[0]]).toEqual([33, 47]);
		const tight = [{ level: 0.8, lower: f64(38), upper: f64(42) }];
		const kept = calibrateIntervals(
			nodes,
			hist,
			11,
			[roomy],
			base,
			point,
			nodes.map(() => tight),
			'conformal-shift',
		);
		expect([kept.intervals[0][0].lower[0], kept.intervals[0][0].upper[0]]).toEqual([40, 40]);
	});

	it('no leak: an origin whose scored periods end after the forecast origin is not used', () => {
		// forecast from 10 periods: the origin at 10 is scored on period 10, after it, so nothing is calibrated
		const early = calibrateIntervals(
			nodes,
			history,
			10,
			[origin],
			base,
			point,
			fallback,
			'conformal',
		);
		expect(early.calibrated.some(Boolean)).toBe(false);
		expect(early.intervals).toEqual(fallback);
		// changing what happened after the forecast origin changes nothing; before it, it does
		const later = history.map((y) => y.map((v, t) => (t >= 10 ? v + 7 : v)));
		const late = calibrateIntervals(nodes, later, 10, [origin], base, point, fallback, 'conformal');
		expect(late.intervals).toEqual(early.intervals);
		const used = calibrateIntervals(nodes, later, 11, [origin], base, point, fallback, 'conformal');
		expect(used.intervals[0][0].upper[0]).not.toBe(57);
	});

	it('too few scores in a level: its nodes keep the moved model intervals', () => {
		const few = calibrateIntervals(
			nodes.slice(0, 19),
			history.slice(0, 19),
			11,
			[{ ...origin, base: origin.base.slice(0, 19), point: origin.point.slice(0, 19) }],
			base.slice(0, 19),
			point.slice(0, 19),
			fallback.slice(0, 19),
			'conformal',
		);
		expect(few.calibrated.some(Boolean)).toBe(false);
		expect(few.intervals).toEqual(fallback.slice(0, 19));
	});
});
