// ReviewRatings: the Customers screen's "ratings from reviews" card — the train worker compares the
// mean, the baseline predictor and matrix factorisation on each reviewer's latest rating and answers
// what a chosen reviewer would rate highly. The latest request wins.
import type { RatingsReport } from '../../workers/train-api';
import type { TrainClient } from '../lib/workers/train-client';
import { LatestRequest } from './latest.svelte';

export class ReviewRatings extends LatestRequest<RatingsReport> {
	reviewer = $state('');

	#client: TrainClient;

	constructor(client: TrainClient) {
		super();
		this.#client = client;
	}

	/** Fit (or reuse) the rating models and, when a reviewer is chosen, list their suggestions. */
	async load(reviewer = this.reviewer): Promise<void> {
		this.reviewer = reviewer;
		await this.latest(() => this.#client.reviewRatings(reviewer || undefined, 10));
	}
}
