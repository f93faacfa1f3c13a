// The shop's own past launches from its sales (issue 14): a product whose first sale falls inside the
// sales history (not in its first week: that product was already on sale) is a launch on the week of its
// first sale, or on its catalog launch date when the catalog gives one; its curve is its weekly units in
// the `horizon` weeks from there (only launches with that many whole weeks of history). Title, category
// and price (revenue ÷ units) come from the sales. The new-product forecaster (knn.ts) learns from these
// as from a catalog's launch table. Pure TypeScript.
import type { LaunchProduct } from './knn';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** What the sales say of one product (the data worker's product summary). */
export interface ShopProduct {
	productId: string;
	description: string;
	category: string;
	units: number;
	revenue: number;
}

/** Weekly units per product (the data worker's querySeries batch, week starts ascending). */
export interface WeeklyBatch {
	ids: readonly string[];
	indptr: ArrayLike<number>;
	ds: ArrayLike<number>;
	y: ArrayLike<number>;
}

/** Catalog facts of a product: its launch date and attributes (both optional). */
export interface CatalogFacts {
	launch: number | null;
	attributes: Record<string, string>;
}

/**
 * Past launches from the shop's weekly sales. `dataStart` is the first week of the whole history (a
 * product first sold then is not a launch unless the catalog dates its launch later).
 */
export function shopLaunches(
	products: readonly ShopProduct[],
	batch: WeeklyBatch,
	horizon: number,
	dataStart: number,
	catalog: ReadonlyMap<string, CatalogFacts> = new Map(),
): LaunchProduct[] {
	const byId = new Map(products.map((p) => [p.productId, p]));
	const out: LaunchProduct[] = [];
	batch.ids.forEach((id, i) => {
		const from = batch.indptr[i];
		const to = batch.indptr[i + 1];
		let first = from;
		while (first < to && !(batch.y[first] > 0)) first++;
		if (first >= to) return;
		const facts = catalog.get(id);
		let start = first;
		if (facts?.launch != null) {
			// launched before the history begins: its first weeks are not in the data
			if (facts.launch < dataStart) return;
			// the week holding the catalog's launch date
			start = from;
			while (start < to && batch.ds[start] + WEEK <= facts.launch) start++;
			if (start >= to || start > first + 1) start = first; // a launch date after sales began: first sale
		} else if (batch.ds[first] <= dataStart) return;
		if (start + horizon > to) return;
		const curve: number[] = [];
		for (let k = 0; k < horizon; k++) {
			const v = batch.y[start + k];
			curve.push(Number.isFinite(v) ? Math.max(0, v) : 0);
		}
		const p = byId.get(id);
		const attributes: Record<string, string> = { ...(facts?.attributes ?? {}) };
		if (p?.category && !attributes.category) attributes.category = p.category;
		out.push({
			id,
			attributes,
			price: p && p.units > 0 && p.revenue > 0 ? p.revenue / p.units : null,
			launch: batch.ds[start],
			curve,
			terms: [],
			...(p?.description ? { title: p.description } : {}),
		});
	});
	return out;
}

/** Most of the shop's launches its new-product model learns from (the best sellers among them). */
export const SHOP_LAUNCHES_MAX = 500;

/**
 * The products first sold inside the history (not in its first week) with `weeks` whole weeks of
 * sales after it, best sellers (revenue) first, at most `max`: the shop's own past launches.
 * `firstWeek` / `lastWeek`: starts of the history's first and last week (epoch ms).
 */
export function launchCandidates(
	summary: readonly { productId: string; firstSale: number; revenue: number }[],
	firstWeek: number,
	lastWeek: number,
	weeks = 12,
	max = SHOP_LAUNCHES_MAX,
): string[] {
	return summary
		.filter((p) => p.firstSale >= firstWeek + WEEK && p.firstSale + weeks * WEEK <= lastWeek + WEEK)
		.sort((a, b) => b.revenue - a.revenue)
		.slice(0, max)
		.map((p) => p.productId);
}
