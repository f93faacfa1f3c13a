// ReviewRatings: the Customers screen's "ratings from reviews" card — the train worker compares the
// mean, the baseline predictor and matrix factorisation on each reviewer's latest rating and answers
// what a chosen reviewer would rate highly. The latest request wins.
import type { RatingsReport } from '../../workers/train-api';
import type { TrainClient } from '../lib/workers/train-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export class ReviewRatings {
	report = $state.raw<RatingsReport | null>(null);
	loading = $state(false);
	error = $state<UiError | null>(null);
	reviewer = $state('');

	#client: TrainClient;
	#seq = 0;

	constructor(client: TrainClient) {
		this.#client = client;
	}

	/** Fit (or reuse) the rating models and, when a reviewer is chosen, list their suggestions. */
	async load(reviewer = this.reviewer): Promise<void> {
		const seq = ++this.#seq;
		this.reviewer = reviewer;
		this.loading = true;
		this.error = null;
		try {
			const r = await this.#client.reviewRatings(reviewer || undefined, 10);
			if (seq !== this.#seq) return;
			this.report = r;
		} catch (e) {
			if (seq === this.#seq) this.error = toUiError(e);
		} finally {
			if (seq === this.#seq) this.loading = false;
		}
	}
}
