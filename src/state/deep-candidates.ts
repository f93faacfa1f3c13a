// The Forecast screen's deep candidates: when the open dataset has a saved deep model (Models tab) of
// the same periods and horizon, the train worker trains models of its configuration at the engine's
// backtest origins and forecasts with the saved model itself (workers/train backtestTables); the
// forecast worker then ranks, combines and keeps it only where it lowers the backtest error.
import type { Frequency } from '../core/types';
import type { DeepForecastTable } from '../ml/candidates';
import type { DeepModelRow, TrainClient } from '../lib/workers/train-client';
import { isAbortError } from '../lib/workers/errors';

export interface DeepRequest {
	datasetId: string;
	productIds: string[] | null;
	freq: Frequency;
	measure: string;
	horizon: number;
}

export class DeepCandidates {
	readonly #train: TrainClient;

	constructor(train: TrainClient) {
		this.#train = train;
	}

	/** The saved model that can join this forecast: ready, same periods, horizon and measure. */
	async modelFor(req: DeepRequest): Promise<DeepModelRow | null> {
		if (req.productIds === null || req.measure !== 'units') return null;
		const rows = await this.#train.listModels(req.datasetId);
		return (
			rows.find(
				(r) =>
					r.status === 'ready' &&
					r.freq === req.freq &&
					r.horizon === req.horizon &&
					r.measure === 'units',
			) ?? null
		);
	}

	/**
	 * Candidate tables of the dataset's saved model, or null when it has none that fits. A failure
	 * other than a cancel leaves the deep model out (the statistical forecast goes on without it).
	 */
	async tables(
		req: DeepRequest,
		opts: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void },
	): Promise<Record<string, DeepForecastTable> | null> {
		try {
			const model = await this.modelFor(req);
			if (!model) return null;
			// the train worker reads the best sellers' series from the data worker itself
			const series = { datasetId: req.datasetId, freq: model.freq };
			return await this.#train.backtestTables(model.id, series, opts);
		} catch (e) {
			if (isAbortError(e) || opts.signal?.aborted) throw e;
			return null;
		}
	}
}
