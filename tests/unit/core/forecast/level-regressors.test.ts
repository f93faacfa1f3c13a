// The calendar and promotion columns a hierarchy node would be forecast with (levels; measured and left
// off, tests/bench/results/HIERARCHY.md): a node's bottom series, the sales-weighted promotion share,
// and the calendar columns chosen on the node's own history.
import { describe, expect, it } from 'vitest';
import {
	bottomsOfNode,
	levelRegressorsOf,
	promotionShare,
} from '../../../../src/core/forecast/level-regressors';
import type { HierarchyNode } from '../../../../src/core/forecast/hierarchy-forecast';

const cells = [
	{ category: 'Hats', store: 'North', product: 'H1' },
	{ category: 'Hats', store: 'South', product: 'H1' },
	{ category: 'Bags', store: 'North', product: 'B1' },
];
const node = (n: Partial<HierarchyNode>): HierarchyNode => ({
	key: 'x',
	level: 'total',
	category: null,
	store: null,
	product: null,
	...n,
});

describe('bottomsOfNode', () => {
	it('finds the bottom series of the total, a category, a store, a cell and a product', () => {
		expect(bottomsOfNode(node({ level: 'total' }), cells)).toEqual([0, 1, 2]);
		expect(bottomsOfNode(node({ level: 'category', category: 'Hats' }), cells)).toEqual([0, 1]);
		expect(bottomsOfNode(node({ level: 'store', store: 'North' }), cells)).toEqual([0, 2]);
		expect(bottomsOfNode(node({ level: 'cell', category: 'Hats', store: 'South' }), cells)).toEqual(
			[1],
		);
		expect(
			bottomsOfNode(node({ level: 'product', category: 'Hats', product: 'H1' }), cells),
		).toEqual([0, 1]);
	});
});

describe('promotionShare', () => {
	it('weights each bottom series by its sales over the history only', () => {
		// series 0 sells 30 a period, series 1 sells 10; only series 0 is on promotion, at t = 1 and t = 4
		const ys = [new Float64Array([30, 30, 30, 999]), new Float64Array([10, 10, 10, 0])];
		const on = [new Float64Array([0, 1, 0, 0, 1]), null];
		const s = promotionShare([0, 1], ys, on, 3, 2)!;
		expect(Array.from(s.history)).toEqual([0, 0.75, 0]);
		// the future keeps the history's weights (t = 3's 999 is past the node's history)
		expect(Array.from(s.future)).toEqual([0, 0.75]);
		expect(promotionShare([1], ys, on, 3, 2)).toBeNull();
	});
});

describe('levelRegressorsOf', () => {
	const WEEK = 7 * 86_400_000;
	const ds = Float64Array.from({ length: 60 }, (_, t) => Date.UTC(2023, 0, 2) + t * WEEK);
	const y = Float64Array.from({ length: 60 }, (_, t) => 50 + (t % 5));
	const src = {
		ds,
		freq: 'week' as const,
		season: 52,
		calendar: { country: 'US' },
		cells: [{ category: 'Hats', store: null, product: 'H1', y }],
		on: [Float64Array.from({ length: 70 }, (_, t) => (t % 10 === 3 ? 1 : 0))],
	};
	it('gives a node the calendar of its own history and its promotion share, cut at its length', () => {
		const r = levelRegressorsOf(src, node({ level: 'total' }), y, 6)!;
		expect(r.names.some((n) => n.startsWith('cal:'))).toBe(true);
		expect(r.names).toContain('promo:share');
		const k = r.names.indexOf('promo:share');
		expect(r.history[k].length).toBe(60);
		expect(Array.from(r.future[k])).toEqual([0, 0, 0, 1, 0, 0]);
		// cut at 40 periods (a backtest origin): the columns end there and the future follows
		const cut = levelRegressorsOf(src, node({ level: 'total' }), y.subarray(0, 40), 6)!;
		const kc = cut.names.indexOf('promo:share');
		expect(cut.history[kc].length).toBe(40);
		expect(Array.from(cut.future[kc])).toEqual([0, 0, 0, 1, 0, 0]);
		for (const f of r.future) expect(f.length).toBe(6);
	});
	it('keeps a node’s own columns and adds only the calendar to them', () => {
		const own = {
			names: ['Holiday_Flag'],
			history: [new Float64Array(40)],
			future: [new Float64Array(6)],
		};
		const r = levelRegressorsOf(src, node({ level: 'total' }), y, 6, own)!;
		expect(r.names[0]).toBe('Holiday_Flag');
		expect(r.names).not.toContain('promo:share');
		expect(r.names.length).toBeGreaterThan(1);
	});
});
