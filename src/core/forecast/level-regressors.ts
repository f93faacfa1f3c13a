// The shop's calendar and promotions at the hierarchy's nodes (issue #11, levels): what a category,
// store or the total would be forecast with if the levels took the regressors a product takes.
//   - calendar: the columns of the shop's holiday and festival calendar, chosen on the node's own
//     history exactly as a product's (src/core/calendar/events.ts calendarRegressors: moving events
//     only once the node has two seasons since its first sale);
//   - promotions: one column `promo:share`, the share of the node's sales on promotion in each
//     period: Σ_j w_j·on_j(t) / Σ_j w_j over the node's bottom series j, with w_j the series' sales
//     over the node's history and on_j(t) the share of period t's days it is on promotion (its own
//     promotions and its category's; src/core/forecast/promotions.ts).
// Whether the levels use them is decided by LEVEL_REGRESSORS (tests/bench/results/HIERARCHY.md,
// section "Calendar and promotions at the levels"). Pure TypeScript.
import type { Regressors } from '../engine-types';
import type { Frequency } from '../types';
import { calendarRegressors, shopCalendar, yearsOf, type CalendarEdits } from '../calendar/events';
import type { HierarchyNode } from './hierarchy-forecast';

/** The bottom series a node adds up (its category, store and product, where the node names them). */
export function bottomsOfNode(
	node: Pick<HierarchyNode, 'level' | 'category' | 'store' | 'product'>,
	cells: readonly { category: string | null; store: string | null; product?: string | null }[],
): number[] {
	const out: number[] = [];
	cells.forEach((c, j) => {
		if (node.level === 'total') out.push(j);
		else if (
			(node.category === null || c.category === node.category) &&
			(node.store === null || c.store === node.store) &&
			(node.product === null || (c.product ?? null) === node.product)
		)
			out.push(j);
	});
	return out;
}

/**
 * The node's `promo:share` column over `len` history periods and `h` more: the sales-weighted
 * share of its bottom series on promotion (weights: their sales in the first `len` periods; equal
 * weights when they sold nothing). `on[j]` covers at least len + h periods. Null when no bottom
 * series of the node is ever on promotion in those periods.
 */
export function promotionShare(
	bottoms: readonly number[],
	ys: readonly ArrayLike<number>[],
	on: readonly (ArrayLike<number> | null)[],
	len: number,
	h: number,
): { history: Float64Array; future: Float64Array } | null {
	const with_ = bottoms.filter((j) => on[j] !== null);
	if (with_.length === 0) return null;
	const weight = (j: number): number => {
		let s = 0;
		const y = ys[j];
		for (let t = 0; t < Math.min(len, y.length); t++) s += Math.max(0, y[t]);
		return s;
	};
	const w = bottoms.map(weight);
	let total = w.reduce((a, b) => a + b, 0);
	const equal = !(total > 0);
	if (equal) total = bottoms.length;
	const col = new Float64Array(len + h);
	let any = false;
	bottoms.forEach((j, k) => {
		const o = on[j];
		if (!o) return;
		const wj = (equal ? 1 : w[k]) / total;
		if (!(wj > 0)) return;
		for (let t = 0; t < len + h; t++) {
			const v = t < o.length ? o[t] : 0;
			if (v > 0) {
				col[t] += wj * v;
				any = true;
			}
		}
	});
	if (!any) return null;
	return { history: col.slice(0, len), future: col.slice(len) };
}

/** What the levels are forecast with: the shop's calendar and, per bottom series, its promotion share. */
export interface LevelRegressorSource {
	/** Period starts (UTC ms) of the full history (at least as long as any node's history). */
	ds: ArrayLike<number>;
	freq: Frequency;
	season: number;
	calendar?: { country: string; edits?: CalendarEdits };
	/** Bottom series (the hierarchy's cells) with their full history. */
	cells: readonly {
		category: string | null;
		store: string | null;
		product?: string | null;
		y: ArrayLike<number>;
	}[];
	/** Per cell: share of each period's days on promotion over the history and the horizon (null: none). */
	on?: readonly (ArrayLike<number> | null)[];
}

/**
 * The regressors of a node forecast from its first `y.length` periods, `h` ahead: calendar columns
 * (`cal:<event>`) and `promo:share`; undefined when there are none. `own`: columns the node has
 * already (then it gets the calendar only: its own columns say its promotions).
 */
export function levelRegressorsOf(
	src: LevelRegressorSource,
	node: Pick<HierarchyNode, 'level' | 'category' | 'store' | 'product'>,
	y: ArrayLike<number>,
	h: number,
	own?: Regressors,
): Regressors | undefined {
	const len = y.length;
	if (len < 2) return own;
	const names: string[] = [...(own?.names ?? [])];
	const history: Float64Array[] = [...(own?.history ?? [])];
	const future: Float64Array[] = [...(own?.future ?? [])];
	if (src.calendar) {
		const ds = Float64Array.from({ length: len }, (_, t) => src.ds[t]);
		const [a, b] = yearsOf(ds, src.freq, h);
		const m = Math.round(src.season || 1);
		let first = 0;
		while (first < len && !(y[first] > 0)) first++;
		const events = shopCalendar(src.calendar.country, a, b, src.calendar.edits);
		const cols = calendarRegressors(events, ds, src.freq, h, {
			movingOnly: m > 1 && len - first >= 2 * m,
		});
		names.push(...cols.names);
		history.push(...cols.history);
		future.push(...cols.future);
	}
	if (src.on && !own) {
		const share = promotionShare(
			bottomsOfNode(node, src.cells),
			src.cells.map((c) => c.y),
			src.on,
			len,
			h,
		);
		// a column the history does not vary on says nothing the model can estimate
		if (share && share.history.some((v) => v !== share.history[0])) {
			names.push('promo:share');
			history.push(share.history);
			future.push(share.future);
		}
	}
	return names.length ? { names, history, future } : undefined;
}
