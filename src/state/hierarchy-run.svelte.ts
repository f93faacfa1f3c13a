// HierarchyRun: the Forecast screen's category / store / total levels. Reads the dataset's sales per
// category × store cell (data worker), forecasts every node of that hierarchy and reconciles it
// (forecast worker: bottom-up or MinT-shrink, chosen by backtest), and keeps the result whole in
// $state.raw. A result belongs to the dataset (and request) it was made from.
import type { Progress } from '../core/ingest/types';
import type { Frequency } from '../core/types';
import { seasonFor } from '../core/series/calendar';
import type { DataClient } from '../lib/workers/data-client';
import type { ForecastClient } from '../lib/workers/forecast-client';
import type { HierarchyData } from '../../workers/data-api';
import type { HierarchyResult } from '../../workers/forecast-api';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';
import type { Measure } from './explore.svelte';
import type { ModelChoice } from './forecast-run.svelte';

export type HierarchyStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface HierarchyRequest {
	datasetId: string;
	freq: Frequency;
	measure: Measure;
	horizon: number;
	models: ModelChoice;
}

/** What the cells' query said about the dataset's columns. */
export type HierarchyInfo = Omit<HierarchyData, 'batch' | 'cells'>;

export class HierarchyRun {
	status = $state<HierarchyStatus>('idle');
	progress = $state.raw<Progress | null>(null);
	request = $state.raw<HierarchyRequest | null>(null);
	result = $state.raw<HierarchyResult | null>(null);
	info = $state.raw<HierarchyInfo | null>(null);
	error = $state<UiError | null>(null);

	#data: DataClient;
	#forecast: ForecastClient;
	#abort: AbortController | null = null;

	constructor(data: DataClient, forecast: ForecastClient) {
		this.#data = data;
		this.#forecast = forecast;
	}

	/** The result when it was made from dataset `id`. */
	resultFor(id: string | null): HierarchyResult | null {
		return id !== null && this.request?.datasetId === id ? this.result : null;
	}

	async run(req: HierarchyRequest): Promise<void> {
		this.#abort?.abort();
		const ac = new AbortController();
		this.#abort = ac;
		this.status = 'running';
		this.error = null;
		this.result = null;
		this.info = null;
		this.request = req;
		this.progress = { phase: 'history', done: 0, total: 1 };
		try {
			const data = await this.#data.hierarchySeries(
				req.datasetId,
				{ freq: req.freq, measure: req.measure },
				ac.signal,
			);
			if (ac.signal.aborted) return;
			const { batch, cells, ...info } = data;
			this.info = info;
			if (cells.length === 0 || (!info.categorySource && !info.hasStore)) {
				this.status = 'done';
				return;
			}
			const result = await this.#forecast.forecastHierarchy(
				{ batch, cells },
				{
					horizon: req.horizon,
					season: seasonFor(req.freq),
					models: req.models === 'quick' ? ['snaive', 'ets'] : 'auto',
					levels: [0.8, 0.95],
				},
				{ signal: ac.signal, onProgress: (p) => (this.progress = p) },
			);
			if (ac.signal.aborted) return;
			this.result = result;
			this.status = 'done';
		} catch (e) {
			if (this.#abort !== ac) return;
			if (isAbortError(e) || ac.signal.aborted) this.status = 'cancelled';
			else {
				this.error = toUiError(e);
				this.status = 'idle';
			}
		} finally {
			if (this.#abort === ac) {
				this.progress = null;
				this.#abort = null;
			}
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}
}
