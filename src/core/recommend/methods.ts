// The neighbourhood and heuristic recommenders: popularity, buy again, item-kNN (cosine over who bought
// what; Sarwar et al. 2001, "Item-based collaborative filtering"), co-purchase within one order
// (association rules: support, confidence, lift; Agrawal & Srikant 1994) and a hybrid of buy-again with
// item-kNN. Each suggestion says why as a message code. Pure; deterministic.
import { msg } from '../messages';
import type { Interactions } from './interactions';
import { topK } from './top-k';
import type { FittedRecommender, Recommendation } from './types';

const DAY_MS = 86_400_000;
/** Popularity counts customers of the last this many days (recent demand beats all-time counts). */
export const POPULAR_WINDOW_DAYS = 90;
/** Buy-again weights a past purchase by exp(−age / τ). */
export const BUY_AGAIN_TAU_DAYS = 60;
/** Neighbours kept per item in the item-kNN and co-purchase models. */
export const NEIGHBOURS = 100;
/** Pairs seen in fewer orders than this are not "frequently bought together". */
export const MIN_PAIR_ORDERS = 3;

function excluded(exclude: ReadonlySet<number> | undefined) {
	return exclude ? (i: number) => exclude.has(i) : undefined;
}

/** Most customers in the recent window. */
export function fitPopularity(d: Interactions): FittedRecommender {
	const since = d.lastTime - POPULAR_WINDOW_DAYS * DAY_MS;
	const recent = new Float64Array(d.products.length);
	for (let u = 0; u < d.userItems.length; u++) {
		const items = d.userItems[u];
		const last = d.userLast[u];
		for (let j = 0; j < items.length; j++) if (last[j] >= since) recent[items[j]] += 1;
	}
	// Break ties (and fill for products nobody bought lately) with all-time popularity.
	const score = Float64Array.from(recent, (r, i) => r + d.itemPopularity[i] * 1e-6);
	return {
		method: 'popularity',
		forUser(_user, k, exclude) {
			return topK(score, k, excluded(exclude)).map(({ index, score: s }) => ({
				item: index,
				score: s,
				why: msg('rec_why_popular', { n: recent[index], days: POPULAR_WINDOW_DAYS }),
			}));
		},
	};
}

/** The customer's own past products, by how often and how lately they bought them. */
export function fitBuyAgain(d: Interactions): FittedRecommender {
	return {
		method: 'buy_again',
		forUser(user, k, exclude) {
			const items = d.userItems[user];
			const out: Recommendation[] = [];
			for (let j = 0; j < items.length; j++) {
				if (exclude?.has(items[j])) continue;
				const age = (d.lastTime - d.userLast[user][j]) / DAY_MS;
				const s = d.userCounts[user][j] * Math.exp(-age / BUY_AGAIN_TAU_DAYS);
				out.push({
					item: items[j],
					score: s,
					why: msg('rec_why_buy_again', { n: d.userCounts[user][j] }),
				});
			}
			return out.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, k);
		},
	};
}

/** Sparse neighbour lists: for each item, its best neighbours and their weights. */
interface Neighbours {
	ids: Int32Array[];
	weights: Float64Array[];
	/** Raw co-occurrence counts aligned with ids (customers or orders). */
	counts: Float64Array[];
}

/** For each item: co-occurrence with every other item over `groups` (customers or baskets). */
function neighbours(
	nItems: number,
	groups: readonly Int32Array[],
	weight: (i: number, j: number, count: number) => number,
	keep: (count: number) => boolean,
): Neighbours {
	const itemGroups: number[][] = Array.from({ length: nItems }, () => []);
	for (let g = 0; g < groups.length; g++) for (const i of groups[g]) itemGroups[i].push(g);
	const co = new Float64Array(nItems);
	const touched: number[] = [];
	const ids: Int32Array[] = [];
	const weights: Float64Array[] = [];
	const counts: Float64Array[] = [];
	const w = new Float64Array(nItems);
	for (let i = 0; i < nItems; i++) {
		for (const g of itemGroups[i]) {
			for (const j of groups[g]) {
				if (j === i) continue;
				if (co[j] === 0) touched.push(j);
				co[j] += 1;
			}
		}
		for (const j of touched) w[j] = keep(co[j]) ? weight(i, j, co[j]) : 0;
		const best = topK(w, NEIGHBOURS);
		ids.push(Int32Array.from(best, (b) => b.index));
		weights.push(Float64Array.from(best, (b) => b.score));
		counts.push(Float64Array.from(best, (b) => co[b.index]));
		for (const j of touched) {
			co[j] = 0;
			w[j] = 0;
		}
		touched.length = 0;
	}
	return { ids, weights, counts };
}

/** Scores products for a user by summing neighbour weights of the products they bought. */
function scoreFromNeighbours(
	d: Interactions,
	nb: Neighbours,
	user: number,
	k: number,
	exclude: ReadonlySet<number> | undefined,
	why: (from: number, count: number) => Recommendation['why'],
	recentOnlyDays?: number,
): Recommendation[] {
	const scores = new Float64Array(d.products.length);
	const bestFrom = new Int32Array(d.products.length).fill(-1);
	const bestPart = new Float64Array(d.products.length);
	const bestCount = new Float64Array(d.products.length);
	const items = d.userItems[user];
	const since = recentOnlyDays
		? d.userLast[user].reduce((a, b) => Math.max(a, b), 0) - recentOnlyDays * DAY_MS
		: -Infinity;
	for (let a = 0; a < items.length; a++) {
		if (d.userLast[user][a] < since) continue;
		const i = items[a];
		const ids = nb.ids[i];
		const ws = nb.weights[i];
		for (let b = 0; b < ids.length; b++) {
			const j = ids[b];
			scores[j] += ws[b];
			if (ws[b] > bestPart[j]) {
				bestPart[j] = ws[b];
				bestFrom[j] = i;
				bestCount[j] = nb.counts[i][b];
			}
		}
	}
	return topK(scores, k, excluded(exclude)).map(({ index, score }) => ({
		item: index,
		score,
		why: why(bestFrom[index], bestCount[index]),
	}));
}

/** Cosine item-kNN over the customer × product purchase matrix (binary), with a small shrinkage. */
export function fitItemKnn(d: Interactions, shrink = 10): FittedRecommender {
	const pop = d.itemPopularity;
	const nb = neighbours(
		d.products.length,
		d.userItems,
		(i, j, c) => c / (Math.sqrt(pop[i] * pop[j]) + shrink),
		(c) => c >= 2,
	);
	return {
		method: 'item_knn',
		forUser(user, k, exclude) {
			return scoreFromNeighbours(d, nb, user, k, exclude, (from, n) =>
				msg('rec_why_similar_buyers', { product: d.titles[from] || d.products[from], n }),
			);
		},
		forItem(item, k) {
			return Array.from(nb.ids[item].slice(0, k), (j, b) => ({
				item: j,
				score: nb.weights[item][b],
				why: msg('rec_why_customers_also_bought', { n: nb.counts[item][b] }),
			}));
		},
	};
}

/** Association rules within one order: confidence(i → j) among pairs with lift > 1. */
export function fitCoPurchase(d: Interactions): FittedRecommender {
	const nB = d.baskets.length;
	const inBaskets = new Float64Array(d.products.length);
	for (const b of d.baskets) for (const i of b) inBaskets[i] += 1;
	const lift = (i: number, j: number, c: number) => (c / inBaskets[i]) * (nB / inBaskets[j]);
	const nb = neighbours(
		d.products.length,
		d.baskets,
		(i, j, c) => (lift(i, j, c) > 1 ? c / inBaskets[i] : 0),
		(c) => c >= MIN_PAIR_ORDERS,
	);
	return {
		method: 'co_purchase',
		forUser(user, k, exclude) {
			return scoreFromNeighbours(
				d,
				nb,
				user,
				k,
				exclude,
				(from, n) => msg('rec_why_bought_with', { product: d.titles[from] || d.products[from], n }),
				POPULAR_WINDOW_DAYS,
			);
		},
		forItem(item, k) {
			return Array.from(nb.ids[item].slice(0, k), (j, b) => ({
				item: j,
				score: nb.weights[item][b],
				why: msg('rec_why_bought_together', {
					n: nb.counts[item][b],
					lift: Math.round(lift(item, j, nb.counts[item][b]) * 10) / 10,
				}),
			}));
		},
	};
}

/** Scales scores of one list into [0, 1] by its best score. */
function normalised(list: Recommendation[]): Map<number, Recommendation> {
	const top = list[0]?.score ?? 1;
	return new Map(list.map((r) => [r.item, { ...r, score: r.score / (top || 1) }]));
}

/**
 * Buy again mixed with another method: score = α·buyAgain + (1 − α)·other, each scaled to its best.
 * Retail customers reorder a lot, so this usually beats either alone (measured in the bench).
 */
export function fitHybrid(
	d: Interactions,
	other: FittedRecommender,
	alpha = 0.5,
): FittedRecommender {
	const again = fitBuyAgain(d);
	return {
		method: 'hybrid',
		forUser(user, k, exclude) {
			const a = normalised(again.forUser(user, 3 * k, exclude));
			const o = normalised(other.forUser(user, 3 * k, exclude));
			const merged = new Map<number, Recommendation>();
			for (const [item, r] of a) merged.set(item, { ...r, score: alpha * r.score });
			for (const [item, r] of o) {
				const prev = merged.get(item);
				const s = (1 - alpha) * r.score;
				if (prev) merged.set(item, { ...(prev.score >= s ? prev : r), score: prev.score + s });
				else merged.set(item, { ...r, score: s });
			}
			return [...merged.values()].sort((x, y) => y.score - x.score || x.item - y.item).slice(0, k);
		},
		forItem: other.forItem?.bind(other),
	};
}
