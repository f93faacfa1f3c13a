// ForecastRun: one forecast request (one series, or a batch of products) with progress, cancel and
// the result kept whole in $state.raw. The forecast worker reads the series from the data worker itself
// and applies the batch rules (core/forecast/batch.ts); this class sends only the dataset id and keys. Used by the Forecast view. Results belong to the dataset they
// were made from: `show(datasetId)` puts the open dataset's own results on screen (or none), keeps the
// others aside for when their dataset is opened again, and stops a job of the dataset left behind.
// With a keeper (the batch card; the single forecast at the screen's top), a finished result is kept in
// the data worker per dataset version (workers/data/kept-forecasts.ts) and `restoreKept` shows it on a
// return visit without running anything (one series: with its "one period earlier" forecast, kept
// again once that is made).
import { methodOptions } from '../lib/forecast-method';
import type { CalendarEdits } from '../core/calendar/events';
import type { Progress } from '../core/ingest/types';
import type { Frequency, SeriesBatch } from '../core/types';
import type { SeriesForecast } from '../../workers/forecast-api';
import type { LeftOut } from '../core/forecast/batch';
import type { DataClient } from '../lib/workers/data-client';
import type {
	ForecastClient,
	SeriesForecastResponse,
	SeriesKeys,
} from '../lib/workers/forecast-client';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';
import type { Measure } from './explore.svelte';
import {
	checkSeriesOf,
	DEEP_MIX_GAIN,
	deepCheckCut,
	deepMixes,
	deepNote,
	deepSeriesLengths,
	forecastWithDeep,
	withDeepRows,
	type DeepDecision,
} from '../lib/deep-gate';
import { pooledGate, usesPooled } from '../lib/pooled-gate';
import type { DeepCandidates, DeepRefusal } from './deep-candidates';
import type { KeptForecastKind } from '../../workers/data/kept-forecasts';

/** The periods every series of a result shares: the history's length, its season, the dates ahead. */
export interface ForecastGrid {
	/** Starts of the forecast's periods. */
	future: Float64Array;
	/** Seasonal period the methods used (52 weeks, 12 months, 7 days). */
	season: number;
	/** Periods of history per series (after partial periods were left out). */
	periods: number;
}

export type ForecastStatus = 'idle' | 'running' | 'done' | 'cancelled';
/** 'quick' = seasonal naive + ETS (the baseline slice); 'auto' lets the engine choose. */
export type ModelChoice = 'quick' | 'auto';

export interface ForecastRequest {
	datasetId: string;
	/** null = all products together. */
	productIds: string[] | null;
	freq: Frequency;
	measure: Measure;
	horizon: number;
	models: ModelChoice;
	/** Replace one-off spikes by typical values before fitting (the shop owner's call). */
	cleanOutliers?: boolean;
	/** The shop's holiday and festival calendar (Settings): its events become forecast drivers. */
	calendar?: { country: string; edits?: CalendarEdits };
}

/** What a run shows for one dataset, kept while another dataset is open. */
interface Snapshot {
	status: ForecastStatus;
	request: ForecastRequest | null;
	history: SeriesBatch | null;
	grid: ForecastGrid | null;
	results: SeriesForecast[];
	leftOut: LeftOut | null;
	error: UiError | null;
	previous: PreviousForecast | null;
	keptAt: number | null;
}

/**
 * The same forecast made one period earlier (the history without its latest period), for "what moved
 * since last week"; `lastActual` is what sold in that latest period.
 */
export interface PreviousForecast {
	seriesId: string;
	point: Float64Array;
	model: string;
	lastActual: number;
}

const EMPTY: Snapshot = {
	status: 'idle',
	request: null,
	history: null,
	grid: null,
	results: [],
	leftOut: null,
	error: null,
	previous: null,
	keptAt: null,
};

/** Where a result is kept between visits (the data worker), and which result of the screen it is. */
export interface ForecastKeeper {
	client: Pick<DataClient, 'keptForecast' | 'keepForecast'>;
	kind: KeptForecastKind;
}

/** What a kept forecast holds besides its request. */
interface KeptResult {
	history: SeriesBatch | null;
	grid: ForecastGrid | null;
	results: SeriesForecast[];
	leftOut: LeftOut | null;
	/** One series: the forecast made one period earlier, once made (absent: not made before it was kept). */
	previous?: PreviousForecast | null;
}

/** What runs the forecasts: the one forecast worker, or for the batch the pool (forecast-pool.ts). */
export type SeriesForecaster = Pick<ForecastClient, 'forecastSeries'>;

export class ForecastRun {
	/** The dataset whose results are on screen (null before one is opened). */
	datasetId = $state<string | null>(null);
	status = $state<ForecastStatus>('idle');
	progress = $state.raw<Progress | null>(null);
	request = $state.raw<ForecastRequest | null>(null);
	history = $state.raw<SeriesBatch | null>(null);
	/** The periods of the forecast (from the worker: core/forecast/batch.ts). */
	grid = $state.raw<ForecastGrid | null>(null);
	results = $state.raw<SeriesForecast[]>([]);
	/** When the current run started (ms since epoch), for a time-left estimate. */
	startedAt = 0;
	/** Incomplete first/last periods left out of the history (views say them with partialPeriodNotes). */
	leftOut = $state.raw<LeftOut | null>(null);
	error = $state<UiError | null>(null);
	/** The saved deep model refused for this run (left out, the rest of the forecast goes on), or null. */
	deepRefused = $state.raw<DeepRefusal | null>(null);
	/** The forecast made one period earlier (single series only; null while not known). */
	previous = $state.raw<PreviousForecast | null>(null);
	previousStatus = $state<'idle' | 'running' | 'done' | 'none'>('idle');
	/** When the result on screen was made, if it came back from a visit before (null: made now). */
	keptAt = $state<number | null>(null);

	/** The stored content of the dataset on screen (datasetVersion): what a result is kept for. */
	#version = '';
	#keeper: ForecastKeeper | null;
	/** Dataset versions whose kept result was looked for (or shown) already: asked once (plain, as nothing renders it). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#looked = new Set<string>();

	#prevAbort: AbortController | null = null;
	#forecast: SeriesForecaster;
	/** The dataset's saved deep model as a candidate (automatic choice only). */
	#deep: DeepCandidates | null;
	#abort: AbortController | null = null;
	/** Results of the datasets not on screen, by dataset id (not drawn, so not reactive). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#saved = new Map<string, Snapshot>();

	/** Imported promotions (data worker), added to the forecast of the products they name. */
	#data: Pick<DataClient, 'promotionsFor'> | null;

	constructor(
		forecast: SeriesForecaster,
		deep: DeepCandidates | null = null,
		data: Pick<DataClient, 'promotionsFor'> | null = null,
		keeper: ForecastKeeper | null = null,
	) {
		this.#keeper = keeper;
		this.#data = data;
		this.#forecast = forecast;
		this.#deep = deep;
	}

	/**
	 * Show the results made from dataset `id` (none if it has none yet). A job still running for the
	 * dataset on screen is stopped: its results would belong to a dataset no longer shown.
	 */
	show(id: string | null, version = ''): void {
		if (id === this.datasetId) {
			// rows added since (another export): a kept result no longer says what is stored
			if (version !== this.#version && this.keptAt !== null && this.status === 'done') {
				this.status = 'idle';
				this.request = null;
				this.history = null;
				this.grid = null;
				this.results = [];
				this.leftOut = null;
				this.keptAt = null;
			}
			this.#version = version;
			return;
		}
		this.#version = version;
		if (this.#abort) {
			this.#abort.abort();
			this.#abort = null;
			this.progress = null;
			this.status = 'cancelled';
		}
		this.#prevAbort?.abort();
		if (this.datasetId !== null) this.#saved.set(this.datasetId, this.#snapshot());
		this.datasetId = id;
		this.deepRefused = null;
		const s = (id !== null ? this.#saved.get(id) : undefined) ?? EMPTY;
		this.status = s.status;
		this.request = s.request;
		this.history = s.history;
		this.grid = s.grid;
		this.results = s.results;
		this.leftOut = s.leftOut;
		this.error = s.error;
		this.previous = s.previous;
		this.previousStatus = s.previous ? 'done' : 'idle';
		this.keptAt = s.keptAt;
	}

	/**
	 * Shows the result kept for the dataset on screen at its stored version (a return visit), when
	 * nothing is on screen yet and `accept` says its options are the screen's; true when shown.
	 * Asked once per dataset version while nothing matches; a stamp that does not match is never shown.
	 */
	async restoreKept(accept: (req: ForecastRequest) => boolean): Promise<boolean> {
		const keeper = this.#keeper;
		const id = this.datasetId;
		const version = this.#version;
		const key = `${id}|${version}`;
		const empty = () => this.status === 'idle' && this.results.length === 0;
		if (!keeper || id === null || !version || !empty() || this.#looked.has(key)) return false;
		this.#looked.add(key);
		let kept: Awaited<ReturnType<ForecastKeeper['client']['keptForecast']>>;
		try {
			kept = await keeper.client.keptForecast(id, keeper.kind, version);
		} catch {
			// a forecast not kept is only run again
			return false;
		}
		if (!kept || this.datasetId !== id || this.#version !== version || !empty()) return false;
		const req = kept.request as ForecastRequest;
		if (req.datasetId !== id || !accept(req)) {
			// other options: looked for again when the screen's options change
			this.#looked.delete(key);
			return false;
		}
		const r = kept.result as KeptResult;
		this.request = req;
		this.history = r.history;
		this.grid = r.grid;
		this.results = r.results;
		this.leftOut = r.leftOut;
		this.error = null;
		this.keptAt = kept.savedAt;
		this.status = 'done';
		if (r.previous) {
			this.previous = r.previous;
			this.previousStatus = 'done';
		} else if (r.results.length === 1 && r.history) {
			// kept before its "one period earlier" forecast was made (the owner left at once): made now
			// and kept with it, under the day the forecast was made
			this.#previousThenKeep(r.history, req, version, r, kept.savedAt);
		}
		return true;
	}

	/** Forget the results of datasets no longer stored (e.g. deleted, then imported again). */
	retain(ids: readonly string[]): void {
		for (const id of [...this.#saved.keys()]) if (!ids.includes(id)) this.#saved.delete(id);
	}

	#snapshot(): Snapshot {
		return {
			status: this.status === 'running' ? 'cancelled' : this.status,
			request: this.request,
			history: this.history,
			grid: this.grid,
			results: this.results,
			leftOut: this.leftOut,
			error: this.error,
			previous: this.previous,
			keptAt: this.keptAt,
		};
	}

	/** Fetch the history and forecast it; a new run cancels the one before. */
	async run(req: ForecastRequest): Promise<void> {
		// A run is always for the dataset on screen.
		if (req.datasetId !== this.datasetId) this.show(req.datasetId);
		this.#abort?.abort();
		this.#prevAbort?.abort();
		this.previous = null;
		this.previousStatus = 'idle';
		this.keptAt = null;
		// kept for the stored content on screen when the run started (not if it changes meanwhile)
		const version = this.#version;
		const ac = new AbortController();
		this.#abort = ac;
		this.status = 'running';
		this.startedAt = Date.now();
		this.error = null;
		this.deepRefused = null;
		this.progress = { phase: 'history', done: 0, total: 1 };
		this.request = req;
		this.results = [];
		this.leftOut = null;
		try {
			// a saved deep model of the dataset joins the automatic choice (trained per backtest origin);
			// not for monthly data (deepMixes: it never made monthly forecasts better at validation)
			const deep =
				req.models === 'auto' && this.#deep && deepMixes(req.freq)
					? await this.#deep.tables(
							{ ...req, measure: req.measure },
							{
								signal: ac.signal,
								onProgress: (p) => (this.progress = { phase: 'deep', ...p }),
								onRefused: (r) => {
									if (this.#abort === ac) this.deepRefused = r;
								},
							},
						)
					: null;
			if (ac.signal.aborted) return;
			// imported promotions of these products: forecast on the baseline, future promotions added
			const promos =
				req.productIds?.length && this.#data
					? await this.#data.promotionsFor(req.datasetId, req.productIds, ac.signal)
					: {};
			if (ac.signal.aborted) return;
			const one = req.productIds !== null && req.productIds.length === 1;
			const run = (mode: 'mix' | 'none', pooled = true, only?: string[], check = 0) =>
				this.#forecast.forecastSeries(
					only ? { ...keysOf(req), productIds: only } : keysOf(req),
					{
						horizon: req.horizon,
						...methodOptions(req.models),
						levels: [0.8, 0.95],
						// One series on screen: also explain it (trend / season split).
						decompose: check === 0 && (req.productIds === null || one),
						cleanOutliers: req.cleanOutliers ?? false,
						deepMix: mode === 'mix' ? DEEP_MIX_GAIN : null,
						pooled,
						...(req.calendar ? { calendar: req.calendar } : {}),
						...(Object.keys(promos).length
							? { promotions: { freq: req.freq, bySeries: promos } }
							: {}),
					},
					{ signal: ac.signal, onProgress: (p) => (this.progress = p) },
					mode === 'mix' ? (deep ?? undefined) : undefined,
					// a chart draws the history of one series (or the total); a whole batch needs none; the
					// deep model's short check forecasts without the last `check` periods and gets them back
					check > 0
						? { dropLast: check, holdout: true }
						: { withHistory: req.productIds === null || one },
				);
			// the deep model mixed with the statistical choice, kept where the series together say it
			// helps: the short check (the forecasts made ⌈h/2⌉ periods ago without it, scored with the deep
			// model's own from then, trained without those periods) and the mix's own backtest
			// (src/ml/candidates.ts deepDecision); else the forecasts without it (its backtest rows listed)
			let res!: Awaited<ReturnType<typeof run>>;
			let mode: 'mix' | 'none' = 'none';
			let mixed: typeof res.results = [];
			let decision: DeepDecision | null = null;
			if (deep) {
				const cut = deepCheckCut(req.horizon);
				const out = await forecastWithDeep(
					async (m) => {
						res = await run(m);
						if (m === 'mix') mixed = res.results;
						return res.results;
					},
					(results) => ({
						lengths: deepSeriesLengths(
							deep,
							results.map((r) => r.seriesId),
						),
						horizon: req.horizon,
						freq: req.freq,
					}),
					async () => {
						const c = await run('none', true, undefined, cut);
						return checkSeriesOf(c.results, c.holdout ?? {}, deep, cut);
					},
				);
				decision = out.decision;
				mode = out.decision.keep ? 'mix' : 'none';
				res = { ...res, results: [...out.results] };
			} else res = await run('none');
			// the pooled (cross-learning) model stays where the products together say it helps
			// (core/forecast/pooled.ts pooledGate); else the products that used it again without it
			// (as the CLI does: a batch of thousands is not forecast twice), and its rows leave the
			// other products' leaderboards
			if (
				!ac.signal.aborted &&
				res.results.some((r) => usesPooled(r.model)) &&
				!pooledGate(res.results).pass
			) {
				res = await this.#withoutPooled(res, req.productIds, (ids) => run(mode, false, ids));
				if (mode === 'none' && mixed.length > 0)
					res = { ...res, results: withDeepRows(res.results, mixed) };
			}
			// why the deep model was mixed in or not, on every forecast it concerns
			if (decision) {
				const d = { ...decision, horizon: decision.cut };
				res = { ...res, results: res.results.map((r) => deepNote(r, d)) };
			}
			if (ac.signal.aborted) return;
			this.history = res.history;
			this.grid = { future: res.future, season: res.season, periods: res.periods };
			// A week or month the data only partly covers was left out (it would look like a slump).
			this.leftOut = res.leftOut;
			this.results = res.results;
			this.status = 'done';
			const kept: KeptResult = {
				history: res.history,
				grid: this.grid,
				results: res.results,
				leftOut: res.leftOut,
			};
			const madeAt = Date.now();
			if (res.results.length > 0) this.#keep(req, version, kept, madeAt);
			if (res.results.length === 1 && res.history)
				this.#previousThenKeep(res.history, req, version, kept, madeAt);
		} catch (e) {
			// A job replaced by a newer one, or left behind by show(), says nothing on screen.
			if (this.#abort !== ac) return;
			if (isAbortError(e) || ac.signal.aborted) {
				this.status = 'cancelled';
			} else {
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

	/**
	 * A batch forecast without the pooled model: the products whose chosen forecast used it are
	 * forecast again without it (all of them when the request is the shop total or one product), the
	 * others keep their forecast, with the pooled model's rows taken out of their leaderboards.
	 */
	async #withoutPooled(
		res: SeriesForecastResponse,
		productIds: string[] | null,
		again: (ids: string[] | undefined) => Promise<SeriesForecastResponse>,
	): Promise<SeriesForecastResponse> {
		const redo = res.results.filter((r) => usesPooled(r.model)).map((r) => r.seriesId);
		if (!productIds || productIds.length <= 1 || redo.length === res.results.length)
			return again(undefined);
		// a local lookup, never rendered (a plain record would answer "constructor" for such a product id)
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const fresh = new Map((await again(redo)).results.map((r) => [r.seriesId, r]));
		return {
			...res,
			results: res.results.map(
				(r) =>
					fresh.get(r.seriesId) ?? {
						...r,
						leaderboard: r.leaderboard.filter((x) => !usesPooled(x.model)),
					},
			),
		};
	}

	/** Keeps a result made from the stored content `version` at `madeAt` (with a keeper; else nothing). */
	#keep(req: ForecastRequest, version: string, kept: KeptResult, madeAt: number): void {
		if (!this.#keeper || !version) return;
		void this.#keeper.client
			.keepForecast(req.datasetId, this.#keeper.kind, version, req, kept, madeAt)
			.catch(() => undefined);
	}

	/** "One period earlier" in the background, then the result kept again with it (same day made). */
	#previousThenKeep(
		history: SeriesBatch,
		req: ForecastRequest,
		version: string,
		kept: KeptResult,
		madeAt: number,
	): void {
		void this.#runPrevious(history, req).then((previous) => {
			if (previous) this.#keep(req, version, { ...kept, previous }, madeAt);
		});
	}

	/**
	 * The same forecast from the history without its latest period (one series), in the background;
	 * what it made, or null (too short, failed, or stopped by a newer run).
	 */
	async #runPrevious(history: SeriesBatch, req: ForecastRequest): Promise<PreviousForecast | null> {
		const n = history.indptr[1] - history.indptr[0];
		if (history.ids.length !== 1 || n < 8) {
			this.previousStatus = 'none';
			return null;
		}
		const ac = new AbortController();
		this.#prevAbort = ac;
		this.previousStatus = 'running';
		try {
			// the worker reads the same series again and cuts the latest period (core/forecast/batch.ts)
			const res = await this.#forecast.forecastSeries(
				keysOf(req),
				{
					horizon: req.horizon + 1,
					...methodOptions(req.models),
					levels: [0.8],
					cleanOutliers: req.cleanOutliers ?? false,
				},
				{ signal: ac.signal },
				undefined,
				{ dropLast: 1 },
			);
			const [r] = res.results;
			if (ac.signal.aborted || !r) return null;
			const previous: PreviousForecast = {
				seriesId: r.seriesId,
				point: r.point,
				model: r.model,
				lastActual: history.y[n - 1],
			};
			this.previous = previous;
			this.previousStatus = 'done';
			return previous;
		} catch {
			// "what moved" is an extra: without it the forecast still stands
			if (!ac.signal.aborted) this.previousStatus = 'none';
			return null;
		} finally {
			if (this.#prevAbort === ac) this.#prevAbort = null;
		}
	}

	/** Seconds the running job still needs at its pace so far (NaN before the first series is done). */
	secondsLeft(): number {
		const p = this.progress;
		if (this.status !== 'running' || !p || p.phase !== 'forecast' || p.done < 1) return NaN;
		return (((Date.now() - this.startedAt) / p.done) * (p.total - p.done)) / 1000;
	}

	cancel(): void {
		// Only the forecast job is cancelled (the worker stops between series); the data worker stays.
		this.#abort?.abort();
		this.#prevAbort?.abort();
	}

	/** Latest value of a regressor of series `id` (what the forecast assumes it stays at), or NaN. */
	lastRegressor(id: string, name: string): number {
		const h = this.history;
		const k = h?.regressors?.names.indexOf(name) ?? -1;
		const i = h ? h.ids.indexOf(id) : -1;
		if (!h?.regressors || k < 0 || i < 0 || h.indptr[i + 1] <= h.indptr[i]) return NaN;
		return h.regressors.values[k][h.indptr[i + 1] - 1];
	}

	/** History of one series of the batch as typed-array views. */
	seriesOf(id: string): { ds: Float64Array; y: Float64Array } | null {
		const h = this.history;
		if (!h) return null;
		const i = h.ids.indexOf(id);
		if (i < 0) return null;
		return {
			ds: h.ds.subarray(h.indptr[i], h.indptr[i + 1]),
			y: h.y.subarray(h.indptr[i], h.indptr[i + 1]),
		};
	}
}

/** The series a request reads: one product's with its price (a candidate driver), else units only. */
function keysOf(req: ForecastRequest): SeriesKeys {
	return {
		datasetId: req.datasetId,
		productIds: req.productIds ? [...req.productIds] : null,
		freq: req.freq,
		measure: req.measure,
		// One product: its price is a candidate driver (regression, ARIMA with regressors).
		withPrice: req.productIds?.length === 1,
		// Products (one or several): each one's category, and the dataset's category and shop totals,
		// whose yearly peak a short product may borrow.
		...((req.productIds?.length ?? 0) > 0 ? { withCategory: true } : {}),
	};
}
