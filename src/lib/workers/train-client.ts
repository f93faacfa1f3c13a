// Main-thread client of the training worker (TF.js): starts it on first use and keeps it (it holds the
// backend and a warm model); turns an aborted signal into cancel(jobId), which stops training within
// one batch; progress arrives through a Comlink proxy that the worker throttles.
import * as Comlink from 'comlink';
import type {
	BackendInfo,
	DeepForecast,
	TrainProgress,
	TrainRequest,
	TrainResult,
	TrainWorkerApi,
} from '../../../workers/train-api';
import type { SeriesBatch } from '../../core/types';
import type { DeepModelRow } from '../db/models';
import { abortError, rethrow } from './errors';

export type { BackendInfo, DeepForecast, DeepModelRow, TrainProgress, TrainRequest, TrainResult };

/** A copy of a batch the caller keeps (Comlink would otherwise clone it anyway; this makes it plain). */
function plainBatch(batch: SeriesBatch): SeriesBatch {
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
	#worker: Worker | null = null;
	#api: Comlink.Remote<TrainWorkerApi> | null = null;

	#ensure(): Comlink.Remote<TrainWorkerApi> {
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
				type: 'module',
				name: 'train',
			});
			this.#api = Comlink.wrap<TrainWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	/** Which backend the deep models use on this device, and why. */
	async backendInfo(): Promise<BackendInfo> {
		try {
			return await this.#ensure().backendInfo();
		} catch (e) {
			return rethrow(e);
		}
	}

	/** Train a one-neuron model on the chosen backend (checks the path end to end). */
	async smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		try {
			return await this.#ensure().smokeTest();
		} catch (e) {
			return rethrow(e);
		}
	}

	/** Train (or resume) a global model on every series; aborting the signal cancels within one batch. */
	async train(
		req: Omit<TrainRequest, 'jobId'>,
		batch: SeriesBatch,
		opts: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {},
	): Promise<TrainResult> {
		if (opts.signal?.aborted) throw abortError();
		const api = this.#ensure();
		const jobId = crypto.randomUUID();
		const onAbort = () => void api.cancel(jobId);
		opts.signal?.addEventListener('abort', onAbort, { once: true });
		try {
			const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
			return await api.train({ ...req, jobId }, plainBatch(batch), progress);
		} catch (e) {
			if (opts.signal?.aborted) throw abortError();
			return rethrow(e);
		} finally {
			opts.signal?.removeEventListener('abort', onAbort);
		}
	}

	/** Saved models of a dataset, newest first. */
	async listModels(datasetId: string): Promise<DeepModelRow[]> {
		try {
			return await this.#ensure().listModels(datasetId);
		} catch (e) {
			return rethrow(e);
		}
	}

	async deleteModel(id: string): Promise<void> {
		try {
			await this.#ensure().deleteModel(id);
		} catch (e) {
			rethrow(e);
		}
	}

	/** Forecast every series of the batch with a saved model (no training). */
	async forecast(id: string, batch: SeriesBatch): Promise<DeepForecast> {
		try {
			return await this.#ensure().forecast(id, plainBatch(batch));
		} catch (e) {
			return rethrow(e);
		}
	}

	/** End the worker (it holds the TF.js backend and its memory). */
	terminate(): void {
		this.#api?.[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#api = null;
		this.#worker = null;
	}
}

/** The app's one training client. */
export const trainClient = new TrainClient();
