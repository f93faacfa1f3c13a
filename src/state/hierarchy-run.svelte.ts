// HierarchyRun: the Forecast screen's category / store / total levels. Asks the forecast worker for the
// dataset's hierarchy: it reads the sales per category × store cell from the data worker itself (over
// their MessageChannel, not through this thread), forecasts every node and reconciles it (bottom-up or
// MinT-shrink, chosen by backtest). Keeps the result whole in $state.raw. A result belongs to the
// dataset (and request) it was made from. With a keeper, the last result per dataset is kept in the data
// worker per dataset version (workers/data/kept-forecasts.ts, kind 'levels': the request, the columns'
// info, the result, already without the backtest's own forecasts, and the reconciliation the owner
// picked) and `restoreKept` shows it, with that pick, on a return visit without running anything.
import { methodOptions } from '../lib/forecast-method';
import type { Progress } from '../core/ingest/types';
import type { Frequency } from '../core/types';
import type { ForecastClient } from '../lib/workers/forecast-client';
import type { DataClient } from '../lib/workers/data-client';
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

/** Where the levels are kept between visits (the data worker; kind 'levels'). */
export type HierarchyKeeper = Pick<DataClient, 'keptForecast' | 'keepForecast'>;

/**
 * What a kept 'levels' row holds besides its request: the job's answer with a result, and the
 * reconciliation the owner picked instead of the backtest's choice (absent or null: the automatic one).
 */
export interface KeptLevels {
	info: HierarchyInfo;
	result: HierarchyResult;
	pick?: ReconcileMethod | null;
}

export class HierarchyRun {
	status = $state<HierarchyStatus>('idle');
	progress = $state.raw<Progress | null>(null);
	request = $state.raw<HierarchyRequest | null>(null);
	result = $state.raw<HierarchyResult | null>(null);
	info = $state.raw<HierarchyInfo | null>(null);
	error = $state<UiError | null>(null);
	/** When the result on screen was made, if it came back from a visit before (null: made now). */
	keptAt = $state<number | null>(null);

	#forecast: Pick<ForecastClient, 'forecastHierarchy'>;
	#abort: AbortController | null = null;
	#keeper: HierarchyKeeper | null;
	/** The dataset open and its stored content (datasetVersion): what a result is kept for. */
	#datasetId: string | null = null;
	#version = '';
	/** Dataset versions whose kept levels were looked for (or shown) already (plain: nothing renders it). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#looked = new Set<string>();
	/** The result on screen as kept (its dataset version and when it was made): kept again with a pick. */
	#kept: { version: string; savedAt: number } | null = null;

	constructor(
		forecast: Pick<ForecastClient, 'forecastHierarchy'>,
		keeper: HierarchyKeeper | null = null,
	) {
		this.#forecast = forecast;
		this.#keeper = keeper;
	}

	/**
	 * The dataset open and its stored content. Rows added to the open dataset since (another export): a
	 * kept result no longer says what is stored and leaves the screen.
	 */
	show(id: string | null, version = ''): void {
		if (
			id === this.#datasetId &&
			version !== this.#version &&
			this.keptAt !== null &&
			this.status === 'done'
		) {
			this.status = 'idle';
			this.result = null;
			this.info = null;
			this.request = null;
			this.keptAt = null;
			this.#kept = null;
		}
		this.#datasetId = id;
		this.#version = version;
	}

	/** Nothing of the open dataset is on screen (no result, run, error or "no levels" answer). */
	#empty(id: string): boolean {
		if (this.status === 'running') return false;
		return this.request?.datasetId !== id || (this.status !== 'done' && this.error === null);
	}

	/**
	 * Shows the levels kept for the dataset open at its stored version (a return visit), when nothing of
	 * it is on screen and `accept` says their options are the screen's; true when shown. Asked once per
	 * dataset version while nothing matches; a stamp that does not match is never shown.
	 */
	async restoreKept(accept: (req: HierarchyRequest) => boolean): Promise<boolean> {
		const keeper = this.#keeper;
		const id = this.#datasetId;
		const version = this.#version;
		const key = `${id}|${version}`;
		if (!keeper || id === null || !version || !this.#empty(id) || this.#looked.has(key))
			return false;
		this.#looked.add(key);
		let kept: Awaited<ReturnType<HierarchyKeeper['keptForecast']>>;
		try {
			kept = await keeper.keptForecast(id, 'levels', version);
		} catch {
			// levels not kept are only run again
			return false;
		}
		if (!kept || this.#datasetId !== id || this.#version !== version || !this.#empty(id))
			return false;
		const req = kept.request as HierarchyRequest;
		if (req.datasetId !== id || !accept(req)) {
			// other options: looked for again when the screen's options change
			this.#looked.delete(key);
			return false;
		}
		const r = kept.result as KeptLevels;
		this.request = req;
		this.info = r.info;
		this.result = r.result;
		this.error = null;
		this.pick = r.pick && r.result.byMethod[r.pick] ? r.pick : null;
		this.keptAt = kept.savedAt;
		this.#kept = { version, savedAt: kept.savedAt };
		this.status = 'done';
		return true;
	}

	/**
	 * The reconciliation a person picked instead of the backtest's choice (null: the automatic one). Every
	 * method's forecasts come with the result (byMethod), so a pick shows at once, without forecasting again.
	 */
	pick = $state<ReconcileMethod | null>(null);

	/**
	 * Picks a reconciliation (null: the automatic one) and keeps the pick with the result on screen, so a
	 * return visit shows the method the owner chose; the result keeps the day it was made.
	 */
	setPick(method: ReconcileMethod | null): void {
		this.pick = method;
		const kept = this.#kept;
		const req = this.request;
		if (!this.#keeper || !kept || !req || !this.result || !this.info || this.status !== 'done')
			return;
		const row: KeptLevels = { info: this.info, result: this.result, pick: method };
		void this.#keeper
			.keepForecast(req.datasetId, 'levels', kept.version, req, row, kept.savedAt)
			.catch(() => undefined);
	}

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
		this.keptAt = null;
		this.#kept = null;
		// kept for the stored content open when the run started (not if it changes meanwhile)
		const version = req.datasetId === this.#datasetId ? this.#version : '';
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
			// a dataset without levels has nothing to keep (its answer comes at once)
			if (result && this.#keeper && version) {
				const pick = this.pick && result.byMethod[this.pick] ? this.pick : null;
				const kept: KeptLevels = { info, result, pick };
				const savedAt = Date.now();
				this.#kept = { version, savedAt };
				// the dataset left and opened again in this visit: shown from what is kept now
				this.#looked.delete(`${req.datasetId}|${version}`);
				void this.#keeper
					.keepForecast(req.datasetId, 'levels', version, req, kept, savedAt)
					.catch(() => undefined);
			}
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
