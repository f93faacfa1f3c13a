// The Forecast screen's deep candidates: when the open dataset has a saved deep model (Models tab) of
// the same periods and horizon, the train worker trains models of its configuration at the engine's
// backtest origins and forecasts with the saved model itself (workers/train backtestTables); the
// forecast worker then ranks, combines and keeps it only where it lowers the backtest error.
import type { Frequency, SeriesBatch } from '../core/types';
import type { DeepForecastTable } from '../ml/candidates';
import type { DataClient } from '../lib/workers/data-client';
import type { DeepModelRow, TrainClient } from '../lib/workers/train-client';
import { trimPartialPeriods } from '../core/series/calendar';
import { isAbortError } from '../lib/workers/errors';

/** Most products a model trains on (the best sellers); more adds little but time. */
export const MAX_PRODUCTS = 2000;

/**
 * Every product's series (the MAX_PRODUCTS best sellers) with its price, without a partly covered
 * first or last period (it would look like a slump): what a deep model trains on.
 */
export async function productSeries(
	data: DataClient,
	datasetId: string,
	freq: Frequency,
): Promise<SeriesBatch> {
	const products = await data.productSummary(datasetId);
	const ids = [...products]
		.sort((a, b) => b.units - a.units)
		.slice(0, MAX_PRODUCTS)
		.map((p) => p.productId);
	const raw = await data.querySeries(datasetId, {
		productIds: ids,
		freq,
		measure: 'units',
		withPrice: true,
	});
	return trimPartialPeriods(raw).batch;
}

export interface DeepRequest {
	datasetId: string;
	productIds: string[] | null;
	freq: Frequency;
	measure: string;
	horizon: number;
}

export class DeepCandidates {
	readonly #data: DataClient;
	readonly #train: TrainClient;

	constructor(data: DataClient, train: TrainClient) {
		this.#data = data;
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
			const batch = await productSeries(this.#data, req.datasetId, model.freq);
			return await this.#train.backtestTables(model.id, batch, opts);
		} catch (e) {
			if (isAbortError(e) || opts.signal?.aborted) throw e;
			return null;
		}
	}
}
