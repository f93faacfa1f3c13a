// FakeReviews: the Customers screen's "likely fake reviews" card — lists imported reviews, lets the
// analyst mark each fake or OK (kept in IndexedDB by the market worker), and shows the naive-Bayes
// classifier trained on those marks once both kinds have enough. The latest request wins.
import type { FakeReviewReport, MarketClient, ReviewLabel } from '../lib/workers/market-client';
import { toUiError } from '../lib/workers/errors';
import { LatestRequest } from './latest.svelte';

export class FakeReviews extends LatestRequest<FakeReviewReport> {
	query = $state('');

	#client: MarketClient;

	constructor(client: MarketClient) {
		super();
		this.#client = client;
	}

	/** Lists the reviews matching the query, scored when the model can be trained. */
	async load(query = this.query): Promise<void> {
		this.query = query;
		await this.latest(() => this.#client.fakeReviews(query, 30));
	}

	/** Marks a review (null clears), then retrains and lists again. */
	async mark(setId: string, row: number, mark: ReviewLabel | null): Promise<void> {
		try {
			await this.#client.markReview(setId, row, mark);
		} catch (e) {
			this.error = toUiError(e);
			return;
		}
		await this.load();
	}
}
