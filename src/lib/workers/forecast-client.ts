// Main-thread client of the forecast worker (statistical models from src/core). Starts the worker on
// first use, ends it after a minute idle, and cancels a job by asking the worker (`cancel(jobId)`),
// which stops between series, so the worker and its warm code stay alive.
import * as Comlink from 'comlink';
import type { ForecastWorkerApi, SeriesForecast } from '../../../workers/forecast-api';
import type { AutoForecastOptions } from '../../core/engine-types';
import type { Progress } from '../../core/ingest/types';
import type { SeriesBatch } from '../../core/types';
import { abortError, rethrow } from './errors';

/** How long the worker may sit idle before it is terminated. */
const IDLE_TIMEOUT_MS = 60_000;

export interface ForecastCallOptions {
	signal?: AbortSignal;
	onProgress?: (p: Progress) => void;
}

export class ForecastClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<ForecastWorkerApi> | null = null;
	#running = 0;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** Rejecters of the calls in flight, so a worker that dies settles them. */
	#pending = new Set<(e: Error) => void>();

	#ensure(): Comlink.Remote<ForecastWorkerApi> {
		clearTimeout(this.#idleTimer);
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../../workers/forecast.worker.ts', import.meta.url), {
				type: 'module',
				name: 'forecast',
			});
			this.#worker.addEventListener('error', (ev) => {
				const err = new Error(ev.message || 'The forecast worker could not start.');
				err.name = 'WorkerError';
				for (const reject of this.#pending) reject(err);
				this.#pending.clear();
				this.terminate();
			});
			this.#api = Comlink.wrap<ForecastWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	/** Forecast every series of the batch. Aborting the signal cancels the job in the worker. */
	async forecastBatch(
		batch: SeriesBatch,
		options: AutoForecastOptions,
		opts: ForecastCallOptions = {},
	): Promise<SeriesForecast[]> {
		if (opts.signal?.aborted) throw abortError();
		const api = this.#ensure();
		const jobId = crypto.randomUUID();
		// Copy, don't transfer: the caller keeps the history to draw it next to the forecast.
		const plainBatch: SeriesBatch = {
			ids: [...batch.ids],
			indptr: batch.indptr.slice(),
			ds: batch.ds.slice(),
			y: batch.y.slice(),
		};
		if (batch.regressors)
			plainBatch.regressors = {
				names: [...batch.regressors.names],
				values: batch.regressors.values.map((v) => v.slice()),
			};
		const plainOptions: AutoForecastOptions = JSON.parse(JSON.stringify(options));
		const onAbort = () => void api.cancel(jobId);
		opts.signal?.addEventListener('abort', onAbort, { once: true });
		let reject!: (e: Error) => void;
		const died = new Promise<never>((_, r) => (reject = r));
		this.#pending.add(reject);
		this.#running++;
		try {
			const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
			return await Promise.race([
				api.forecastBatch(plainBatch, plainOptions, jobId, progress),
				died,
			]);
		} catch (e) {
			if (opts.signal?.aborted) throw abortError();
			return rethrow(e);
		} finally {
			this.#pending.delete(reject);
			opts.signal?.removeEventListener('abort', onAbort);
			this.#running--;
			if (this.#running === 0) {
				this.#idleTimer = setTimeout(() => this.terminate(), IDLE_TIMEOUT_MS);
			}
		}
	}

	/** Stop the worker now; the next call starts a fresh one. */
	terminate(): void {
		clearTimeout(this.#idleTimer);
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}

/** The one forecast client of the app. */
export const forecastClient = new ForecastClient();
