// The Forecast screen's deep candidates: when the open dataset has a saved deep model (Models tab) of
// the same periods and horizon, the train worker trains models of its configuration at the engine's
// backtest origins and forecasts with the saved model itself (workers/train backtestTables); the
// forecast worker then ranks, combines and keeps it only where it lowers the backtest error.
import type { Frequency } from '../core/types';
import type { DeepForecastTable } from '../ml/candidates';
import type { DeepModelRow, TrainClient } from '../lib/workers/train-client';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';

export interface DeepRequest {
	datasetId: string;
	productIds: string[] | null;
	freq: Frequency;
	measure: string;
	horizon: number;
}

/** A saved model that could have joined the forecast but was refused, and why (the view words it). */
export interface DeepRefusal {
	model: Pick<DeepModelRow, 'id' | 'kind' | 'createdAt' | 'freq' | 'horizon'>;
	/** The train worker's reason, e.g. models_error_promotions_missing. */
	error: UiError;
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
	 * other than a cancel leaves the deep model out (the statistical forecast goes on without it); when
	 * the saved model itself was refused (e.g. its promotions are gone: models_error_promotions_missing),
	 * `onRefused` hears which model and why, so the screen can say it instead of dropping it silently.
	 */
	async tables(
		req: DeepRequest,
		opts: {
			signal?: AbortSignal;
			onProgress?: (p: { done: number; total: number }) => void;
			onRefused?: (r: DeepRefusal) => void;
		},
	): Promise<Record<string, DeepForecastTable> | null> {
		let model: DeepModelRow | null = null;
		try {
			model = await this.modelFor(req);
			if (!model) return null;
			// the train worker reads the best sellers' series from the data worker itself
			const series = { datasetId: req.datasetId, freq: model.freq };
			const { signal, onProgress } = opts;
			return await this.#train.backtestTables(model.id, series, { signal, onProgress });
		} catch (e) {
			if (isAbortError(e) || opts.signal?.aborted) throw e;
			if (model) {
				const { id, kind, createdAt, freq, horizon } = model;
				opts.onRefused?.({ model: { id, kind, createdAt, freq, horizon }, error: toUiError(e) });
			}
			return null;
		}
	}
}
