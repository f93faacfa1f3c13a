// HierarchyRun: the Forecast screen's category / store / total levels. Asks the forecast worker for the
// dataset's hierarchy: it reads the sales per category × store cell from the data worker itself (over
// their MessageChannel, not through this thread), forecasts every node and reconciles it (bottom-up or
// MinT-shrink, chosen by backtest). Keeps the result whole in $state.raw. A result belongs to the
// dataset (and request) it was made from.
import { methodOptions } from '../lib/forecast-method';
import type { Progress } from '../core/ingest/types';
import type { Frequency } from '../core/types';
import type { ForecastClient } from '../lib/workers/forecast-client';
import type { HierarchyInfo, HierarchyResult } from '../../workers/forecast-api';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';
import type { Measure } from './explore.svelte';
import type { ModelChoice } from './forecast-run.svelte';
import type { ReconcileMethod } from '../core/forecast/hierarchy';

export type HierarchyStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface HierarchyRequest {
	datasetId: string;
	freq: Frequency;
	measure: Measure;
	horizon: number;
	models: ModelChoice;
}

export type { HierarchyInfo };

export class HierarchyRun {
	status = $state<HierarchyStatus>('idle');
	progress = $state.raw<Progress | null>(null);
	request = $state.raw<HierarchyRequest | null>(null);
	result = $state.raw<HierarchyResult | null>(null);
	info = $state.raw<HierarchyInfo | null>(null);
	error = $state<UiError | null>(null);

	#forecast: ForecastClient;
	#abort: AbortController | null = null;

	constructor(forecast: ForecastClient) {
		this.#forecast = forecast;
	}

	/**
	 * The reconciliation a person picked instead of the backtest's choice (null: the automatic one). Every
	 * method's forecasts come with the result (byMethod), so a pick shows at once, without forecasting again.
	 */
	pick = $state<ReconcileMethod | null>(null);

	/**
	 * The result when it was made from dataset `id`, with the picked method's forecasts as its point and
	 * intervals (and `method` the one shown; `auto` the backtest's choice).
	 */
	resultFor(id: string | null): (HierarchyResult & { auto: ReconcileMethod }) | null {
		const r = id !== null && this.request?.datasetId === id ? this.result : null;
		if (!r) return null;
		const alt = this.pick ? r.byMethod[this.pick] : undefined;
		return alt && this.pick
			? { ...r, point: alt.point, intervals: alt.intervals, method: this.pick, auto: r.method }
			: { ...r, auto: r.method };
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
			const { info, result } = await this.#forecast.forecastHierarchy(
				{ datasetId: req.datasetId, freq: req.freq, measure: req.measure },
				{
					horizon: req.horizon,
					...methodOptions(req.models),
					levels: [0.8, 0.95],
				},
				{ signal: ac.signal, onProgress: (p) => (this.progress = p) },
			);
			if (ac.signal.aborted) return;
			this.info = info;
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
