// CONTRACT SKELETON (to be implemented by the engine work): the forecast worker's API.
import type { AutoForecastOptions, AutoForecastResult } from '../src/core/engine-types';
import type { SeriesBatch } from '../src/core/types';
import type { Progress } from '../src/core/ingest/types';

export interface SeriesForecast extends AutoForecastResult {
	seriesId: string;
}

export interface ForecastWorkerApi {
	/** Forecast every series of the batch with the engine; progress per series chunk. */
	forecastBatch(
		batch: SeriesBatch,
		options: AutoForecastOptions,
		jobId: string,
		onProgress?: (p: Progress) => void,
	): Promise<SeriesForecast[]>;
	/** Stop a running forecastBatch between series (it rejects with an AbortError). */
	cancel(jobId: string): void;
}
