// The automatic choice of recommender: every method is fitted on the orders before a validation cut
// (as-of minus a few weeks) and scored on the weeks up to the as-of date; the best nDCG@k wins and is
// refitted on everything before the as-of date. Popularity and buy-again always take part, so the
// chosen method is never worse than them on the shop's own recent weeks.
import { fitEase } from './ease';
import { fitContent } from './content';
import { buildInteractions, type Interactions, type OrderLines } from './interactions';
import { backtestSteps, type RankingScores } from './evaluate';
import { fitBuyAgain, fitCoPurchase, fitHybrid, fitItemKnn, fitPopularity } from './methods';
import type { FittedRecommender, Recommendation, RecommenderName } from './types';
import { runSteps, type Steps } from '../steps';

const DAY_MS = 86_400_000;
/** Length of the validation window before the as-of date. */
export const VALIDATION_DAYS = 28;

/** Every method by name. */
export const RECOMMENDERS: Record<RecommenderName, (d: Interactions) => FittedRecommender> = {
	popularity: fitPopularity,
	buy_again: fitBuyAgain,
	item_knn: (d) => fitItemKnn(d),
	co_purchase: fitCoPurchase,
	ease: (d) => fitEase(d),
	content: (d) => fitContent(d),
	hybrid: (d) => fitHybrid(d, fitItemKnn(d)),
};

/** The result of the automatic choice. */
export interface RecommenderChoice {
	chosen: RecommenderName;
	/** Validation scores of every method, best first. */
	validation: RankingScores[];
	model: FittedRecommender;
	data: Interactions;
}

/**
 * Chooses a method on the weeks before `asOf` and refits it on all lines before `asOf`; `onStep` hears
 * each method's backtest as it ends (done of total methods: the Customers screen's progress). The
 * arguments: (lines, asOf, k, methods, onStep).
 */
export function chooseRecommender(
	...args: Parameters<typeof chooseRecommenderSteps>
): RecommenderChoice {
	return runSteps(chooseRecommenderSteps(...args));
}

/**
 * chooseRecommender in steps (core/steps.ts): it yields after each fit and between chunks of scored
 * customers, so the data worker can answer other screens and stop it on a cancel.
 */
export function* chooseRecommenderSteps(
	lines: OrderLines,
	asOf: number,
	k = 10,
	methods: readonly RecommenderName[] = Object.keys(RECOMMENDERS) as RecommenderName[],
	onStep?: (done: number, total: number) => void,
): Steps<RecommenderChoice> {
	const cut = asOf - VALIDATION_DAYS * DAY_MS;
	const validation = (yield* backtestSteps(
		lines,
		cut,
		VALIDATION_DAYS,
		methods.map((m) => RECOMMENDERS[m]),
		k,
		onStep && ((done) => onStep(done, methods.length)),
	)).sort((a, b) => b.ndcg - a.ndcg);
	// Too few returning customers in the window to compare: fall back to the hybrid default.
	const chosen: RecommenderName =
		validation[0] && validation[0].customers >= 20 ? validation[0].method : 'hybrid';
	const data = buildInteractions(lines, asOf);
	yield;
	return { chosen, validation, model: RECOMMENDERS[chosen](data), data };
}

/** One output row of "for every customer" lists. */
export interface CustomerRecommendation {
	customerId: string;
	rank: number;
	productId: string;
	score: number;
	why: Recommendation['why'];
}

/**
 * Top-k for every customer with a purchase before the as-of date. A method that has fewer than k for a
 * customer (buy again for a one-product customer) is topped up with the most popular products.
 */
export function recommendAll(choice: RecommenderChoice, k: number): CustomerRecommendation[] {
	const out: CustomerRecommendation[] = [];
	const { data, model } = choice;
	const popular = fitPopularity(data);
	for (let u = 0; u < data.customers.length; u++) {
		const recs = model.forUser(u, k);
		if (recs.length < k) {
			const have = new Set(recs.map((r) => r.item));
			const top = popular.forUser(u, k - recs.length, have);
			const floor = recs.length ? recs[recs.length - 1].score : 1;
			// Keep scores decreasing: the top-ups rank below the method's own suggestions.
			for (const r of top) recs.push({ ...r, score: (floor * r.score) / (top[0].score * 2 || 1) });
		}
		recs.forEach((r, i) =>
			out.push({
				customerId: data.customers[u],
				rank: i + 1,
				productId: data.products[r.item],
				score: r.score,
				why: r.why,
			}),
		);
	}
	return out;
}
