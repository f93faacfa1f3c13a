// FakeReviews: the Customers screen's "likely fake reviews" card — lists imported reviews, lets the
// analyst mark each fake or OK (kept in IndexedDB by the market worker), and shows the naive-Bayes
// classifier trained on those marks once both kinds have enough. The latest request wins.
import type { FakeReviewReport, MarketClient, ReviewLabel } from '../lib/workers/market-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export class FakeReviews {
	report = $state.raw<FakeReviewReport | null>(null);
	loading = $state(false);
	error = $state<UiError | null>(null);
	query = $state('');

	#client: MarketClient;
	#seq = 0;

	constructor(client: MarketClient) {
		this.#client = client;
	}

	/** Lists the reviews matching the query, scored when the model can be trained. */
	async load(query = this.query): Promise<void> {
		const seq = ++this.#seq;
		this.query = query;
		this.loading = true;
		this.error = null;
		try {
			const r = await this.#client.fakeReviews(query, 30);
			if (seq !== this.#seq) return;
			this.report = r;
		} catch (e) {
			if (seq === this.#seq) this.error = toUiError(e);
		} finally {
			if (seq === this.#seq) this.loading = false;
		}
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
