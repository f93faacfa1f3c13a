// Main-thread client of the training worker (TF.js), on the shared worker bridge: started on first use
// and kept (it holds the backend and a warm model); an aborted training call becomes cancel(jobId),
// which stops within one batch and keeps the last epoch's checkpoint; progress arrives through a
// Comlink proxy that the worker throttles.
import type {
	DatasetSeries,
	RatingsReport,
	BackendInfo,
	DeepForecast,
	TrainProgress,
	TrainRequest,
	TrainResult,
	TrainWorkerApi,
} from '../../../workers/train-api';
import type { SeriesBatch } from '../../core/types';
import type { DeepForecastTable } from '../../ml/candidates';
import type { DeepModelRow } from '../db/models';
import type { Remote } from 'comlink';
import { WorkerBridge, progressProxy, type BridgeCallOptions } from './bridge';
import { dataClient } from './data-client';
import { DataLink, type SeriesProvider } from './series-link';

export type {
	DatasetSeries,
	BackendInfo,
	DeepForecast,
	DeepModelRow,
	TrainProgress,
	TrainRequest,
	TrainResult,
};

/**
 * A dataset reference as is (the worker reads its series from the data worker), or a plain copy of a
 * batch (the caller keeps its own; Comlink clones typed arrays anyway).
 */
function plainBatch(batch: SeriesBatch | DatasetSeries): SeriesBatch | DatasetSeries {
	if (!('indptr' in batch)) return { datasetId: batch.datasetId, freq: batch.freq };
	const b: SeriesBatch = {
		ids: [...batch.ids],
		indptr: batch.indptr.slice(),
		ds: batch.ds.slice(),
		y: batch.y.slice(),
	};
	if (batch.regressors)
		b.regressors = {
			names: [...batch.regressors.names],
			values: batch.regressors.values.map((v) => v.slice()),
		};
	return b;
}

export class TrainClient {
	#bridge = new WorkerBridge<TrainWorkerApi>({
		start: () =>
			new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
				type: 'module',
				name: 'train',
			}),
	});
	#link: DataLink<TrainWorkerApi>;

	constructor(data: SeriesProvider = dataClient) {
		this.#link = new DataLink(data, this.#bridge);
	}

	/** A call that may read a dataset's series: the worker is linked to the data worker first. */
	#linked<R>(
		fn: (api: Remote<TrainWorkerApi>) => Promise<R>,
		opts: BridgeCallOptions<TrainWorkerApi> = {},
	): Promise<R> {
		return this.#bridge.call(async (api) => {
			await this.#link.ensure(api);
			return fn(api);
		}, opts);
	}

	/** Which backend the deep models use on this device, and why (reasons as message codes). */
	backendInfo(): Promise<BackendInfo> {
		return this.#bridge.call((api) => api.backendInfo());
	}

	/** Train a one-neuron model on the chosen backend (checks the path end to end). */
	smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		return this.#bridge.call((api) => api.smokeTest());
	}

	/** Train (or resume) a global model on every series; aborting the signal cancels within one batch. */
	train(
		req: Omit<TrainRequest, 'jobId'>,
		batch: SeriesBatch | DatasetSeries,
		opts: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {},
	): Promise<TrainResult> {
		const jobId = crypto.randomUUID();
		return this.#linked(
			(api) => api.train({ ...req, jobId }, plainBatch(batch), progressProxy(opts.onProgress)),
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/**
	 * Forecast tables of a saved model for the engine's backtest (trains one model per backtest
	 * origin; cached in the worker for the same model and data). Aborting cancels within one batch.
	 */
	backtestTables(
		id: string,
		batch: SeriesBatch | DatasetSeries,
		opts: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void } = {},
	): Promise<Record<string, DeepForecastTable>> {
		const jobId = crypto.randomUUID();
		return this.#linked(
			(api) => api.backtestTables(jobId, id, plainBatch(batch), progressProxy(opts.onProgress)),
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/** Saved models of a dataset, newest first. */
	listModels(datasetId: string): Promise<DeepModelRow[]> {
		return this.#bridge.call((api) => api.listModels(datasetId));
	}

	deleteModel(id: string): Promise<void> {
		return this.#bridge.call((api) => api.deleteModel(id));
	}

	/** Forecast every series of the batch with a saved model (no training). */
	forecast(id: string, batch: SeriesBatch | DatasetSeries): Promise<DeepForecast> {
		return this.#linked((api) => api.forecast(id, plainBatch(batch)));
	}

	/** Ratings from the stored reviews (reviewer + stars): methods compared, a reviewer's suggestions. */
	reviewRatings(reviewer?: string, k = 10): Promise<RatingsReport> {
		return this.#bridge.call((api) => api.reviewRatings(reviewer, k));
	}

	/** End the worker (it holds the TF.js backend and its memory). */
	terminate(): void {
		this.#bridge.terminate();
	}
}

/** The app's one training client. */
export const trainClient = new TrainClient();
