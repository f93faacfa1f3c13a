// Plain helpers of the Plan screen's state (src/state/plan.svelte.ts): which products to plan and how
// plan rows group into purchase-order drafts. Their results replace state wholesale ($state.raw), so
// they use ordinary Maps and Sets.
import type { ProductSummary } from '../core/ingest/types';
import type { StockRow } from '../core/ingest/schemas/stock';
import type { PlanRow, PlanSignals } from '../../workers/plan-api';
import type { BatchFusionReport } from '../../workers/data/fusion';
import type { Style } from '../core/inventory/variants';
import { groupStyles } from '../lib/plan';

/** One line of a purchase-order draft. */
export interface PoLine {
	productId: string;
	description: string;
	quantity: number;
	pack: number;
	unitCost: number | null;
	/** The style this line is a variant of (its plan was made per style), and the variant's label. */
	style?: string;
	option?: string;
}

/** The top `topN` products by revenue plus every product of the sales that has stock data. */
export function productsToPlan(
	summary: readonly ProductSummary[],
	stock: readonly StockRow[],
	topN: number,
): string[] {
	const known = new Set(summary.map((p) => p.productId));
	const ids = new Set(
		[...summary]
			.sort((a, b) => b.revenue - a.revenue)
			.slice(0, topN)
			.map((p) => p.productId),
	);
	for (const s of stock) if (known.has(s.productId)) ids.add(s.productId);
	return [...ids];
}

/** Product id → description. */
export function descriptionsOf(summary: readonly ProductSummary[]): ReadonlyMap<string, string> {
	return new Map(summary.map((p) => [p.productId, p.description]));
}

/** Styles among the planned products, and descriptions with each style's name under its key. */
export function stylesOf(
	summary: readonly ProductSummary[],
	planned: readonly string[],
): { styles: Style[]; descriptions: ReadonlyMap<string, string> } {
	const set = new Set(planned);
	const styles = groupStyles(summary.filter((p) => set.has(p.productId)));
	const descriptions = new Map(summary.map((p) => [p.productId, p.description]));
	for (const st of styles) descriptions.set(st.key, st.label);
	return { styles, descriptions };
}

/** Drafts per supplier (by name), lines with a quantity (suggested or edited). */
export function purchaseOrders(
	rows: readonly PlanRow[],
	edits: Readonly<Record<string, number>>,
	descriptions: ReadonlyMap<string, string>,
): { supplier: string; lines: PoLine[] }[] {
	const by = new Map<string, PoLine[]>();
	for (const r of rows) {
		const supplier = r.supplier ?? '';
		const list = by.get(supplier) ?? [];
		if (r.variants) {
			// a style: one line per variant, its part of the order by the recent sales mix
			for (const v of r.variants) {
				const quantity = edits[v.productId] ?? v.quantity;
				if (!(quantity > 0) && !(v.productId in edits)) continue;
				list.push({
					productId: v.productId,
					description: descriptions.get(v.productId) ?? '',
					quantity,
					pack: r.pack,
					unitCost: r.unitCost,
					style: descriptions.get(r.productId) ?? r.productId,
					option: v.option,
				});
			}
			if (list.length > 0) by.set(supplier, list);
			continue;
		}
		const quantity = edits[r.productId] ?? r.orderQty;
		if (!(quantity > 0) && !(r.productId in edits)) continue;
		list.push({
			productId: r.productId,
			description: descriptions.get(r.productId) ?? '',
			quantity,
			pack: r.pack,
			unitCost: r.unitCost,
		});
		by.set(supplier, list);
	}
	return [...by.entries()]
		.map(([supplier, lines]) => ({ supplier, lines }))
		.sort((a, b) => a.supplier.localeCompare(b.supplier));
}

/** The plan worker's signals from a batch fusion report: the kept signal per product (null: none kept). */
export function planSignalsFrom(report: BatchFusionReport | null): PlanSignals | null {
	if (!report) return null;
	const used: PlanSignals['used'] = {};
	for (const s of report.series)
		if (s.used && s.used.lag !== null && s.used.maseWith !== null && s.used.maseWithout !== null)
			used[s.seriesId] = {
				kind: s.used.kind,
				name: s.used.name,
				lag: s.used.lag,
				maseWith: s.used.maseWith,
				maseWithout: s.used.maseWithout,
			};
	return Object.keys(used).length > 0 ? { used, weekly: report.signals } : null;
}
