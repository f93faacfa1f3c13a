// Main-thread client of the forecast worker (statistical models from src/core). The bridge starts the
// worker on first use, ends it after a minute idle, and cancels a job by asking the worker (`cancel(jobId)`),
// which stops between series, so the worker and its warm code stay alive. The worker reads a dataset's
// series itself from the data worker over a MessageChannel (series-link.ts): forecastSeries sends only
// the dataset id and series keys.
import type {
	BatchOptions,
	ForecastWorkerApi,
	HierarchyAnswer,
	HierarchyKeys,
	HierarchyOptions,
	SeriesForecast,
	SeriesForecastResponse,
	SeriesOptions,
	SeriesWant,
} from '../../../workers/forecast-api';
import type { SeriesKeys } from '../../../workers/data/series-port';
import type { Progress } from '../../core/ingest/types';
import type { SeriesBatch } from '../../core/types';
import type { DeepForecastTable } from '../../ml/candidates';
import { progressProxy, WorkerBridge, type BridgeEndpoint } from './bridge';
import { dataClient } from './data-client';
import { DataLink, type SeriesProvider } from './series-link';

export type { SeriesForecastResponse, SeriesKeys, SeriesOptions, SeriesWant };

/** How long the worker may sit idle before it is terminated. */
const IDLE_TIMEOUT_MS = 60_000;

export interface ForecastCallOptions {
	signal?: AbortSignal;
	onProgress?: (p: Progress) => void;
}

/** Plain copy (Svelte state proxies can't be structured-cloned). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class ForecastClient {
	#bridge: WorkerBridge<ForecastWorkerApi>;
	#link: DataLink<ForecastWorkerApi>;

	/** `start`: how the worker starts (tests: a MessageChannel to the API); default the real worker. */
	constructor(data: SeriesProvider = dataClient, start?: () => BridgeEndpoint) {
		this.#bridge = new WorkerBridge<ForecastWorkerApi>({
			idleMs: IDLE_TIMEOUT_MS,
			start:
				start ??
				(() =>
					new Worker(new URL('../../../workers/forecast.worker.ts', import.meta.url), {
						type: 'module',
						name: 'forecast',
					})),
		});
		this.#link = new DataLink(data, this.#bridge);
	}

	/**
	 * Forecast the series of `keys`, read by the worker from the data worker (partial periods left out,
	 * season and future dates from the periods: core/forecast/batch.ts). Aborting cancels the job.
	 */
	forecastSeries(
		keys: SeriesKeys,
		options: SeriesOptions,
		opts: ForecastCallOptions = {},
		deep?: Record<string, DeepForecastTable>,
		want: SeriesWant = {},
	): Promise<SeriesForecastResponse> {
		const jobId = crypto.randomUUID();
		const k = plain(keys);
		const o = plain(options);
		const w = { ...want };
		return this.#bridge.call(
			async (api) => {
				await this.#link.ensure(api);
				return api.forecastSeries(k, o, jobId, progressProxy(opts.onProgress), deep, w);
			},
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/** Forecast every series of a batch the caller holds (e.g. a file's). Aborting cancels the job. */
	async forecastBatch(
		batch: SeriesBatch,
		options: BatchOptions,
		opts: ForecastCallOptions = {},
		deep?: Record<string, DeepForecastTable>,
	): Promise<SeriesForecast[]> {
		const jobId = crypto.randomUUID();
		// Copy, don't transfer: the caller keeps its batch.
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
		const plainOptions: BatchOptions = plain(options);
		// The engine stops between series: cancel the job and keep the worker (and its warm code).
		return this.#bridge.call(
			(api) =>
				api.forecastBatch(plainBatch, plainOptions, jobId, progressProxy(opts.onProgress), deep),
			{ signal: opts.signal, onAbort: (api) => api.cancel(jobId) },
		);
	}

	/**
	 * Forecast a dataset's category × store hierarchy and reconcile it: the worker reads the cells from
	 * the data worker itself (the season defaults to the periods'). Aborting cancels the job.
	 */
	forecastHierarchy(
		keys: HierarchyKeys,
		options: HierarchyOptions,
		opts: ForecastCallOptions = {},
	): Promise<HierarchyAnswer> {
		const jobId = crypto.randomUUID();
		const k = plain(keys);
		const o = plain(options);
		return this.#bridge.call(
			async (api) => {
				await this.#link.ensure(api);
				return api.forecastHierarchy(k, o, jobId, progressProxy(opts.onProgress));
			},
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
