// Time-split evaluation of recommenders on the shop's own orders: fit on purchases before a cut, then
// ask for each returning customer's top k and compare with what they bought in the following weeks.
// HR@k (any hit), precision@k, recall@k and nDCG@k (binary relevance; Järvelin & Kekäläinen 2002).
import { buildInteractions, type Interactions, type OrderLines } from './interactions';
import type { FittedRecommender, RecommenderName } from './types';
import { runSteps, type Steps } from '../steps';

const DAY_MS = 86_400_000;
/** Customers scored between two steps of the stepped backtest (a pause or cancel point in a worker). */
export const SCORE_CHUNK = 200;

/** Averages over the evaluated customers. */
export interface RankingScores {
	method: RecommenderName;
	hr: number;
	precision: number;
	recall: number;
	ndcg: number;
	/** Customers evaluated (bought before the cut and within the test window). */
	customers: number;
	/** Customers scored per second (fit excluded). */
	customersPerSecond: number;
	fitMs: number;
}

/** What returning customers bought in [cut, cut + days): customer index (train) → product indices. */
export function heldOutPurchases(
	lines: OrderLines,
	train: Interactions,
	cut: number,
	days: number,
): Map<number, Set<number>> {
	const cust = new Map(train.customers.map((c, i) => [c, i]));
	const prod = new Map(train.products.map((p, i) => [p, i]));
	const end = cut + days * DAY_MS;
	const out = new Map<number, Set<number>>();
	for (let r = 0; r < lines.product.length; r++) {
		const t = lines.ds[r];
		if (t < cut || t >= end || !(lines.quantity[r] > 0)) continue;
		const c = lines.customer[r];
		const u = c === null ? undefined : cust.get(c);
		const p = prod.get(lines.product[r]);
		// New customers and never-seen products cannot be recommended to/at all: not scored here.
		if (u === undefined || p === undefined) continue;
		let s = out.get(u);
		if (!s) out.set(u, (s = new Set()));
		s.add(p);
	}
	return out;
}

/** Scores one fitted method on held-out purchases (model, truth, k, fit ms). */
export function scoreRanking(...args: Parameters<typeof scoreRankingSteps>): RankingScores {
	return runSteps(scoreRankingSteps(...args));
}

/** scoreRanking in steps of SCORE_CHUNK customers (the time between steps is not counted). */
export function* scoreRankingSteps(
	model: FittedRecommender,
	truth: Map<number, Set<number>>,
	k: number,
	fitMs = 0,
): Steps<RankingScores> {
	let hr = 0;
	let precision = 0;
	let recall = 0;
	let ndcg = 0;
	let busyMs = 0;
	let t0 = Date.now();
	let done = 0;
	for (const [user, bought] of truth) {
		const recs = model.forUser(user, k);
		let hits = 0;
		let dcg = 0;
		recs.forEach((r, rank) => {
			if (bought.has(r.item)) {
				hits += 1;
				dcg += 1 / Math.log2(rank + 2);
			}
		});
		let idcg = 0;
		for (let rank = 0; rank < Math.min(k, bought.size); rank++) idcg += 1 / Math.log2(rank + 2);
		hr += hits > 0 ? 1 : 0;
		precision += hits / k;
		recall += hits / bought.size;
		ndcg += idcg > 0 ? dcg / idcg : 0;
		if (++done % SCORE_CHUNK === 0 && done < truth.size) {
			busyMs += Date.now() - t0;
			yield;
			t0 = Date.now();
		}
	}
	const n = truth.size || 1;
	const secs = (busyMs + Date.now() - t0) / 1000;
	return {
		method: model.method,
		hr: hr / n,
		precision: precision / n,
		recall: recall / n,
		ndcg: ndcg / n,
		customers: truth.size,
		customersPerSecond: secs > 0 ? truth.size / secs : Infinity,
		fitMs,
	};
}

/**
 * Fits every factory on lines before `cut` and scores them on the next `days` (`onStep` after each):
 * (lines, cut, days, factories, k, onStep).
 */
export function backtestRecommenders(...args: Parameters<typeof backtestSteps>): RankingScores[] {
	return runSteps(backtestSteps(...args));
}

/** backtestRecommenders in steps: after the data, after each fit and between chunks of customers. */
export function* backtestSteps(
	lines: OrderLines,
	cut: number,
	days: number,
	factories: readonly ((d: Interactions) => FittedRecommender)[],
	k = 10,
	onStep?: (done: number) => void,
): Steps<RankingScores[]> {
	const train = buildInteractions(lines, cut);
	const truth = heldOutPurchases(lines, train, cut, days);
	yield;
	const out: RankingScores[] = [];
	for (let i = 0; i < factories.length; i++) {
		const t0 = Date.now();
		const model = factories[i](train);
		const fitMs = Date.now() - t0;
		yield;
		out.push(yield* scoreRankingSteps(model, truth, k, fitMs));
		onStep?.(i + 1);
	}
	return out;
}
