// The shape every recommender shares: fit on an interaction index, then score products for a customer
// or for a product, each suggestion carrying why as a message code (src/core/messages.ts).
import type { Message } from '../messages';
import type { Interactions } from './interactions';

/** One suggested product. */
export interface Recommendation {
	/** Product index in Interactions.products. */
	item: number;
	score: number;
	/** Why, in no language yet (e.g. `rec_why_bought_with`, { product, n }). */
	why: Message;
}

/** A fitted recommender. */
export interface FittedRecommender {
	readonly method: RecommenderName;
	/** Top-k products for customer index `user`, never ones in `exclude`. */
	forUser(user: number, k: number, exclude?: ReadonlySet<number>): Recommendation[];
	/** Top-k products to show next to product `item` (never the item itself); null if the method has none. */
	forItem?(item: number, k: number): Recommendation[];
}

/** Names of the methods (stable: they appear in exports and the UI). */
export type RecommenderName =
	'popularity' | 'buy_again' | 'item_knn' | 'co_purchase' | 'ease' | 'content' | 'hybrid';

/** Fits one method on the training interactions. */
export type RecommenderFactory = (data: Interactions) => FittedRecommender;
