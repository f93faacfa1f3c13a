// Forecasts of a shop's whole hierarchy (total → category → store/channel, bottom = category × store
// cells), reconciled so that every parent is the sum of its children (src/core/forecast/hierarchy.ts:
// bottom-up or MinT-shrink). Which of the two is used is chosen by a backtest: every node is forecast
// from the history without its last h periods, both reconciliations are scored on those h periods
// (MASE averaged over all nodes, as tests/bench/hierarchy.ts), and the better one is used on the
// whole history (bottom-up when they tie or the history is too short to hold h periods out).
// Reconciled bottom forecasts are kept at or above 0 (demand) and summed up again, so the numbers
// still add up. Each node's intervals are its own model's, moved by what reconciliation changed its
// point forecast by. Pure TypeScript: the node forecaster (the engine, in the forecast worker) is
// passed in.
import type { Interval } from '../types';
import {
	aggregate,
	buildHierarchy,
	naiveResiduals,
	reconcile,
	type Hierarchy,
	type ReconcileMethod,
} from './hierarchy';

export type HierarchyLevel = 'total' | 'category' | 'store' | 'cell';

/** One bottom series: the sales of a category in a store (either may be null when not mapped). */
export interface HierarchyCell {
	category: string | null;
	store: string | null;
	y: Float64Array;
}

/** A node of the hierarchy. */
export interface HierarchyNode {
	/** Unique key: 'total', 'cat:<name>', 'store:<name>' or 'cell:<category>\u0001<store>'. */
	key: string;
	level: HierarchyLevel;
	category: string | null;
	store: string | null;
}

export interface NodeForecast {
	point: Float64Array;
	intervals: Interval[];
	model: string;
}

/** Forecasts one node's history h periods ahead (the engine). */
export type NodeForecaster = (
	y: Float64Array,
	node: HierarchyNode,
	horizon: number,
) => Promise<NodeForecast>;

/** The backtest that chose the reconciliation: MASE averaged over every node on the held-out periods. */
export interface ReconcileChoice {
	/** Periods the forecasts were made from (the history without its last `horizon`). */
	origin: number;
	horizon: number;
	/** Mean MASE (lag-1 scale) over the nodes: the incoherent base forecasts and the two methods. */
	base: number;
	bottomUp: number;
	mintShrink: number;
	/** Nodes scored (a node with a constant history has no scale). */
	scored: number;
}

export interface HierarchyForecast {
	nodes: HierarchyNode[];
	/** History of every node (sums of its cells). */
	history: Float64Array[];
	/** Each node's own (incoherent) forecast. */
	base: NodeForecast[];
	/** Reconciled point forecasts: every parent is the sum of its children. */
	point: Float64Array[];
	/** Reconciled intervals (the base intervals moved with the point). */
	intervals: Interval[][];
	method: ReconcileMethod;
	/** Shrinkage intensity of MinT's covariance, when MinT is used. */
	lambda?: number;
	/** Null when the history is too short to hold `horizon` periods out (bottom-up is used). */
	choice: ReconcileChoice | null;
}

const keyOfCell = (c: { category: string | null; store: string | null }): string =>
	`cell:${c.category ?? ''}\u0001${c.store ?? ''}`;

/**
 * The hierarchy of the cells: total, categories, stores, then the cells. With only categories (or
 * only stores) the cells are the categories (stores) themselves, the level below the total.
 */
export function hierarchyOf(cells: readonly Omit<HierarchyCell, 'y'>[]): {
	hier: Hierarchy;
	nodes: HierarchyNode[];
} {
	const both = cells.some((c) => c.category !== null) && cells.some((c) => c.store !== null);
	const bottomLevel = (c: Omit<HierarchyCell, 'y'>): HierarchyLevel =>
		both ? 'cell' : c.category !== null ? 'category' : c.store !== null ? 'store' : 'cell';
	const bottomKey = (c: Omit<HierarchyCell, 'y'>): string => {
		const level = bottomLevel(c);
		return level === 'category'
			? `cat:${c.category}`
			: level === 'store'
				? `store:${c.store}`
				: keyOfCell(c);
	};
	const hier = buildHierarchy(
		cells.map((c) => ({
			id: bottomKey(c),
			groups: both ? [`cat:${c.category ?? ''}`, `store:${c.store ?? ''}`] : [],
		})),
	);
	const byKey = new Map<string, Omit<HierarchyCell, 'y'>>(cells.map((c) => [bottomKey(c), c]));
	const nodes = hier.nodes.map((key): HierarchyNode => {
		if (key === 'total') return { key, level: 'total', category: null, store: null };
		const cell = byKey.get(key);
		if (cell) return { key, level: bottomLevel(cell), category: cell.category, store: cell.store };
		if (key.startsWith('cat:'))
			return { key, level: 'category', category: key.slice(4), store: null };
		return { key, level: 'store', category: null, store: key.slice(6) };
	});
	return { hier, nodes };
}

/** Indices of the nodes directly below node i (categories under the total, else stores; cells under a category or store). */
export function childrenOf(nodes: readonly HierarchyNode[], i: number): number[] {
	const node = nodes[i];
	const idx = nodes.map((_, j) => j);
	if (node.level === 'total') {
		const cats = idx.filter((j) => nodes[j].level === 'category');
		return cats.length ? cats : idx.filter((j) => nodes[j].level === 'store');
	}
	if (node.level === 'category')
		return idx.filter((j) => nodes[j].level === 'cell' && nodes[j].category === node.category);
	if (node.level === 'store')
		return idx.filter((j) => nodes[j].level === 'cell' && nodes[j].store === node.store);
	return [];
}

/** MASE of a forecast with the lag-1 in-sample scale of `train`; NaN when that scale is 0. */
function mase(train: ArrayLike<number>, actual: ArrayLike<number>, f: ArrayLike<number>): number {
	let s = 0;
	for (let t = 1; t < train.length; t++) s += Math.abs(train[t] - train[t - 1]);
	const scale = s / Math.max(1, train.length - 1);
	if (!(scale > 0)) return NaN;
	let e = 0;
	for (let t = 0; t < actual.length; t++) e += Math.abs(actual[t] - f[t]);
	return e / actual.length / scale;
}

/** Reconciled, non-negative forecasts of every node: bottom values clamped at 0, summed up again. */
function reconciled(
	hier: Hierarchy,
	base: readonly Float64Array[],
	method: ReconcileMethod,
	history: readonly Float64Array[],
): { point: Float64Array[]; used: ReconcileMethod; lambda?: number } {
	const res = reconcile(hier, base, method, naiveResiduals(history));
	const first = hier.nodes.length - hier.m;
	const bottom = res.forecasts.slice(first).map((f) => f.map((v) => Math.max(0, v)));
	return {
		point: aggregate(hier, bottom),
		used: res.used,
		...(res.lambda !== undefined ? { lambda: res.lambda } : {}),
	};
}

export interface HierarchyOptions {
	/** Called after each node forecast (done, total). */
	onProgress?: (done: number, total: number) => void | Promise<void>;
	/** Least history (periods) the backtest's forecasts are made from; default max(8, 2h). */
	minTrain?: number;
}

/** Forecast every node of the cells' hierarchy h periods ahead and reconcile (method by backtest). */
export async function forecastHierarchy(
	cells: readonly HierarchyCell[],
	horizon: number,
	forecastNode: NodeForecaster,
	options: HierarchyOptions = {},
): Promise<HierarchyForecast> {
	if (cells.length === 0) throw new RangeError('forecastHierarchy: no series');
	const n = cells[0].y.length;
	if (cells.some((c) => c.y.length !== n))
		throw new RangeError('forecastHierarchy: the series differ in length');
	const h = Math.max(1, Math.floor(horizon));
	const { hier, nodes } = hierarchyOf(cells);
	const history = aggregate(
		hier,
		cells.map((c) => c.y),
	);
	const minTrain = options.minTrain ?? Math.max(8, 2 * h);
	const tune = n - h >= minTrain;
	const total = nodes.length * (tune ? 2 : 1);
	let done = 0;
	const step = async (): Promise<void> => {
		done++;
		await options.onProgress?.(done, total);
	};

	let choice: ReconcileChoice | null = null;
	let method: ReconcileMethod = 'bottom-up';
	if (tune) {
		const origin = n - h;
		const train = history.map((y) => y.slice(0, origin));
		const base: Float64Array[] = [];
		for (let i = 0; i < nodes.length; i++) {
			base.push((await forecastNode(train[i], nodes[i], h)).point);
			await step();
		}
		const bu = reconciled(hier, base, 'bottom-up', train).point;
		const mint = reconciled(hier, base, 'mint-shrink', train);
		const score = (f: readonly Float64Array[]): { mean: number; scored: number } => {
			let s = 0;
			let k = 0;
			for (let i = 0; i < nodes.length; i++) {
				const v = mase(train[i], history[i].subarray(origin), f[i]);
				if (Number.isFinite(v)) {
					s += v;
					k++;
				}
			}
			return { mean: k ? s / k : NaN, scored: k };
		};
		const sb = score(base);
		const su = score(bu);
		const sm = mint.used === 'mint-shrink' ? score(mint.point) : { mean: NaN, scored: 0 };
		choice = {
			origin,
			horizon: h,
			base: sb.mean,
			bottomUp: su.mean,
			mintShrink: sm.mean,
			scored: su.scored,
		};
		if (sm.mean < su.mean) method = 'mint-shrink';
	}

	const base: NodeForecast[] = [];
	for (let i = 0; i < nodes.length; i++) {
		base.push(await forecastNode(history[i], nodes[i], h));
		await step();
	}
	const rec = reconciled(
		hier,
		base.map((b) => b.point),
		method,
		history,
	);
	const intervals = base.map((b, i) =>
		b.intervals.map((iv): Interval => {
			const shift = (a: Float64Array): Float64Array =>
				a.map((v, t) => Math.max(0, v + rec.point[i][t] - b.point[t]));
			return { level: iv.level, lower: shift(iv.lower), upper: shift(iv.upper) };
		}),
	);
	return {
		nodes,
		history,
		base,
		point: rec.point,
		intervals,
		method: rec.used,
		...(rec.lambda !== undefined ? { lambda: rec.lambda } : {}),
		choice,
	};
}
