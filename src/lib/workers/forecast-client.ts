// Main-thread client of the forecast worker (statistical models from src/core). The bridge starts the
// worker on first use, ends it after a minute idle, and cancels a job by asking the worker (`cancel(jobId)`),
// which stops between series, so the worker and its warm code stay alive.
import type {
	BatchOptions,
	ForecastWorkerApi,
	HierarchyRequest,
	HierarchyResult,
	SeriesForecast,
} from '../../../workers/forecast-api';
import type { AutoForecastOptions } from '../../core/engine-types';
import type { Progress } from '../../core/ingest/types';
import type { SeriesBatch } from '../../core/types';
import type { DeepForecastTable } from '../../ml/candidates';
import { progressProxy, WorkerBridge } from './bridge';

/** How long the worker may sit idle before it is terminated. */
const IDLE_TIMEOUT_MS = 60_000;

export interface ForecastCallOptions {
	signal?: AbortSignal;
	onProgress?: (p: Progress) => void;
}

export class ForecastClient {
	#bridge = new WorkerBridge<ForecastWorkerApi>({
		idleMs: IDLE_TIMEOUT_MS,
		start: () =>
			new Worker(new URL('../../../workers/forecast.worker.ts', import.meta.url), {
				type: 'module',
				name: 'forecast',
			}),
	});

	/** Forecast every series of the batch. Aborting the signal cancels the job in the worker. */
	async forecastBatch(
		batch: SeriesBatch,
		options: BatchOptions,
		opts: ForecastCallOptions = {},
		deep?: Record<string, DeepForecastTable>,
	): Promise<SeriesForecast[]> {
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
		const plainOptions: BatchOptions = JSON.parse(JSON.stringify(options));
		// The engine stops between series: cancel the job and keep the worker (and its warm code).
		return this.#bridge.call(
			(api) =>
				api.forecastBatch(plainBatch, plainOptions, jobId, progressProxy(opts.onProgress), deep),
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/** Forecast a category × store hierarchy and reconcile it; aborting cancels the job. */
	async forecastHierarchy(
		req: HierarchyRequest,
		options: AutoForecastOptions,
		opts: ForecastCallOptions = {},
	): Promise<HierarchyResult> {
		const jobId = crypto.randomUUID();
		const plain: HierarchyRequest = {
			batch: {
				ids: [...req.batch.ids],
				indptr: req.batch.indptr.slice(),
				ds: req.batch.ds.slice(),
				y: req.batch.y.slice(),
				...(req.batch.edges ? { edges: { ...req.batch.edges } } : {}),
			},
			cells: req.cells.map((c) => ({ ...c })),
		};
		const plainOptions: AutoForecastOptions = JSON.parse(JSON.stringify(options));
		return this.#bridge.call(
			(api) => api.forecastHierarchy(plain, plainOptions, jobId, progressProxy(opts.onProgress)),
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/** Stop the worker now; the next call starts a fresh one. */
	terminate(): void {
		this.#bridge.terminate();
	}
}

/** The one forecast client of the app. */
export const forecastClient = new ForecastClient();
