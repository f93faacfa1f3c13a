// The forecast worker's API: runs the automatic engine (src/core/engine.ts) over every series of a
// batch, reports progress per chunk of series, stops between series on cancel(jobId), and moves the
// result arrays back with Comlink.transfer. Imported by forecast.worker.ts and by the unit tests.
import { transfer } from 'comlink';
import { codedError, messageOf } from './data/coded-error';
import type { AutoForecastOptions, AutoForecastResult } from '../src/core/engine-types';
import type { SeriesBatch } from '../src/core/types';
import type { Progress } from '../src/core/ingest/types';
import { forecastAutoAsync } from '../src/core/engine';
import { msg, type Message } from '../src/core/messages';
import { batchTotal, withRegressors, withSeason, type LeftOut } from '../src/core/forecast/batch';
import { modelUsesRegressors } from '../src/core/forecast/registry';
import { linkApi, SeriesLink, untilAborted, type SeriesKeys } from './data/series-port';
import {
	calendarRegressors,
	eventEffects,
	shopCalendar,
	yearsOf,
	type CalendarEdits,
	type CalendarEvent,
	type EventEffect,
} from '../src/core/calendar/events';
import type { Frequency } from '../src/core/types';
import { batchEngine } from '../src/core/forecast/batch-engine';
import { pooledFromBatch, pooledNote, type PooledModel } from '../src/core/forecast/pooled';
import { holdoutTails, type HoldoutTails } from '../src/core/forecast/holdout';
import { registerDeepCandidates, type DeepForecastTable } from '../src/ml/candidates';
import {
	DEFAULT_MAX_PRODUCTS,
	hierarchyBuffers,
	runHierarchyOf,
	type HierarchyAnswer,
	type HierarchyKeys,
	type HierarchyOptions,
} from './forecast/hierarchy';

export type {
	HierarchyAnswer,
	HierarchyInfo,
	HierarchyKeys,
	HierarchyOptions,
	HierarchyResult,
} from './forecast/hierarchy';
import { promotionStep, type PromotionOption } from './forecast/promotions';
import { measureEvents, unmeasuredAhead, type UnmeasuredEvent } from '../src/core/calendar/measure';
import type { PromotionUplift } from '../src/core/forecast/promotions';
export type { PromotionOption } from './forecast/promotions';

/** One series' forecast, tagged with its id. */
export interface SeriesForecast extends AutoForecastResult {
	seriesId: string;
	/** Holiday and festival effects on past periods, with 95 % intervals (when a calendar was given). */
	events?: EventEffect[];
	/**
	 * The calendar's other events, each measured alone on past sales (src/core/calendar/measure.ts):
	 * not in the forecast. Only for a batch of one series (the product or total on screen).
	 */
	measuredEvents?: EventEffect[];
	/**
	 * Events of the calendar in the forecast's horizon that touched fewer than two past periods, so
	 * they could not be measured and do not change the forecast (one past Black Friday). Only for a
	 * batch of one series, as measuredEvents.
	 */
	unmeasuredEvents?: UnmeasuredEvent[];
	/**
	 * false: none of the methods tried uses the calendar's columns (e.g. the quick method), so the
	 * events above are measured on past sales only and are not in the forecast.
	 */
	calendarUsed?: boolean;
	/** Past promotions' uplift with 95 % intervals (when promotions were imported for it). */
	promotions?: PromotionUplift[];
}

/** The shop's holiday and festival calendar (Settings), for the batch's period starts. */
export interface CalendarOption {
	country: string;
	freq: Frequency;
	edits?: CalendarEdits;
}

/** Engine options plus the batch-level calendar. */
export type BatchOptions = AutoForecastOptions & {
	calendar?: CalendarOption;
	/** Imported promotions per series (workers/forecast/promotions.ts). */
	promotions?: PromotionOption;
	/**
	 * The pooled (cross-learning) candidate fitted on all of the batch's products
	 * (src/core/forecast/pooled.ts), chosen like a built-in (`trusted`) in an automatic choice of 3
	 * or more products. On by default (v2.3); the caller then checks the batch with pooledGate and,
	 * where it fails and some forecast used the pooled model, forecasts again with `pooled: false`
	 * (src/state/forecast-run.svelte.ts; tests/bench/results/RESULTS.md v2.3).
	 */
	pooled?: boolean;
	/**
	 * Each product's seasonal indices shrunk towards its category's / the shop's
	 * (src/core/forecast/season-shrink.ts: candidates 'theta~shrunk', 'ets~shrunk'); default
	 * SHRINK_DEFAULT (tests/bench/results/RESULTS.md v2.4), false leaves them out.
	 */
	shrink?: boolean;
	/**
	 * With deep tables: the gain their mix with the statistical choice must show per series
	 * (src/ml/candidates.ts DEEP_MIX_GAIN, decided for the batch by deepGate); null or absent: no mix.
	 */
	deepMix?: number | null;
};

/**
 * The options for series i with the calendar's events as regressors (cal:<event>; public holidays
 * pooled, festivals and the shop's own events apart, moving events only once the series has two
 * seasons), and those columns for the effects. Columns are chosen on the series since its first sale.
 */
export function withCalendar(
	batch: SeriesBatch,
	i: number,
	options: AutoForecastOptions,
	calendar: CalendarOption | undefined,
): {
	options: AutoForecastOptions;
	columns: ReturnType<typeof calendarRegressors> | null;
	events?: CalendarEvent[];
} {
	if (!calendar) return { options, columns: null };
	const from = batch.indptr[i];
	const to = batch.indptr[i + 1];
	if (to - from < 2) return { options, columns: null };
	const ds = batch.ds.subarray(from, to);
	const h = Math.max(0, Math.floor(options.horizon));
	const [a, b] = yearsOf(ds, calendar.freq, h);
	const m = Math.round(options.season || 1);
	let first = 0;
	while (first < to - from && !(batch.y[from + first] > 0)) first++;
	const events = shopCalendar(calendar.country, a, b, calendar.edits);
	const columns = calendarRegressors(events, ds, calendar.freq, h, {
		movingOnly: m > 1 && to - from - first >= 2 * m,
	});
	if (columns.names.length === 0) return { options, columns: null };
	const own = options.regressors;
	return {
		options: {
			...options,
			regressors: {
				names: [...(own?.names ?? []), ...columns.names],
				history: [...(own?.history ?? []), ...columns.history],
				future: [...(own?.future ?? []), ...columns.future],
			},
		},
		columns,
		events,
	};
}

/** Least time between two progress calls (each is a round trip to the main thread). */
export const PROGRESS_INTERVAL_MS = 200;

const jobs = new Map<string, AbortController>();

/** This worker's port to the data worker (the UI connects it; workers/data/series-port.ts). */
const link = new SeriesLink();

/** A cancel, said as a message code (the view words it; `name` is what callers branch on). */
function abortError(): Error {
	return codedError('AbortError', 'forecast_cancelled');
}

/** Give queued messages (a cancel) a chance to arrive between series. */
const yieldToEvents = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function buffersOf(r: SeriesForecast): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (a: Float64Array | undefined): void => {
		if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
	};
	add(r.point);
	for (const iv of r.intervals) {
		add(iv.lower);
		add(iv.upper);
	}
	if (r.decomposition) {
		add(r.decomposition.trend);
		add(r.decomposition.seasonal);
		add(r.decomposition.remainder);
	}
	return [...out];
}

/** An all-NaN result carrying the reason, so one bad series does not fail the batch. */
function failedResult(options: AutoForecastOptions, note: Message): AutoForecastResult {
	const h = Math.max(0, Math.floor(options.horizon));
	const nan = (): Float64Array => new Float64Array(h).fill(NaN);
	return {
		model: 'none',
		point: nan(),
		intervals: (options.levels ?? [0.8, 0.95]).map((level) => ({
			level,
			lower: nan(),
			upper: nan(),
		})),
		leaderboard: [],
		intermittent: false,
		notes: [note],
	};
}

// The batch rules (price carry-over, batch total, borrowed season) live in core; re-exported for callers.
export { batchTotal, withRegressors, withSeason };

/** Progress at most every PROGRESS_INTERVAL_MS (and always the last). */
function throttle(
	onProgress?: (p: Progress) => void,
): ((p: Progress) => Promise<void>) | undefined {
	if (!onProgress) return undefined;
	let last = -Infinity;
	return async (p) => {
		const now = Date.now();
		if (p.done < p.total && now - last < PROGRESS_INTERVAL_MS) return;
		last = now;
		await onProgress(p);
	};
}

export const api = {
	/**
	 * Forecast every series of the batch; progress at most every PROGRESS_INTERVAL_MS and per chunk.
	 * `deep`: a saved deep model's forecasts at the backtest origins and the end (by candidate name,
	 * series id and window end; workers/train backtestTables) join the automatic choice as candidates.
	 */
	async forecastBatch(
		batch: SeriesBatch,
		options: BatchOptions,
		jobId: string,
		onProgress?: (p: Progress) => void,
		deep?: Record<string, DeepForecastTable>,
	): Promise<SeriesForecast[]> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			const results = await runBatch(batch, options, ac.signal, onProgress, deep);
			return transfer(results, [...new Set(results.flatMap(buffersOf))]);
		} finally {
			jobs.delete(jobId);
		}
	},

	/**
	 * Read the series of `keys` from the data worker over the link (no series through the UI thread),
	 * apply the batch rules (core/forecast/batch.ts: partial periods out, season of the periods, future
	 * dates; `dropLast` periods cut for "the forecast of a period ago") and forecast them. `withHistory`
	 * sends the history forecast back too (for a chart); a whole batch needs only the results.
	 */
	async forecastSeries(
		keys: SeriesKeys,
		options: SeriesOptions,
		jobId: string,
		onProgress?: (p: Progress) => void,
		deep?: Record<string, DeepForecastTable>,
		want: SeriesWant = {},
	): Promise<SeriesForecastResponse> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			// a pool's chunks of one job share the batch read once by this worker (its share key)
			const cached = want.share !== undefined && shared?.key === want.share ? shared.prep : null;
			const prep =
				cached ??
				(await untilAborted(
					link.prepared(keys, options.horizon, { dropLast: want.dropLast ?? 0 }),
					ac.signal,
					abortError,
				));
			if (want.share !== undefined) shared = { key: want.share, prep };
			// the hold-out check of a deep model (core/forecast/holdout.ts): what the cut periods sold,
			// for the whole batch, from the first chunk only
			const cut = want.dropLast ?? 0;
			const holdout =
				want.holdout && cut > 0 && (!want.range || want.range[0] === 0)
					? holdoutTails(
							(
								await untilAborted(
									link.prepared(keys, options.horizon, { dropLast: 0 }),
									ac.signal,
									abortError,
								)
							).batch,
							cut,
						)
					: undefined;
			const { calendar, season, ...rest } = options;
			const results = await runBatch(
				prep.batch,
				{
					...rest,
					season: season ?? prep.season,
					...(calendar ? { calendar: { ...calendar, freq: keys.freq } } : {}),
				},
				ac.signal,
				onProgress,
				deep,
				want.range,
			);
			// a shared batch stays in this worker for the next chunk: send copies, never its buffers
			const keep = want.share !== undefined;
			const history = want.withHistory ? (keep ? copyBatch(prep.batch) : prep.batch) : null;
			const future = keep ? prep.future.slice() : prep.future;
			const buffers = new Set(results.flatMap(buffersOf));
			buffers.add(future.buffer as ArrayBuffer);
			if (history)
				for (const a of [
					history.indptr,
					history.ds,
					history.y,
					...(history.regressors?.values ?? []),
				])
					buffers.add(a.buffer as ArrayBuffer);
			const periods = prep.batch.ids.length > 0 ? prep.batch.indptr[1] - prep.batch.indptr[0] : 0;
			const response: SeriesForecastResponse = {
				results,
				history,
				leftOut: prep.leftOut,
				future,
				total: prep.batch.ids.length,
				season: season ?? prep.season,
				periods,
				...(holdout ? { holdout } : {}),
			};
			return transfer(response, [...buffers]);
		} finally {
			jobs.delete(jobId);
		}
	},

	/**
	 * Read the category × store cells of `keys` from the data worker over the link, forecast every node
	 * of the hierarchy and reconcile it (workers/forecast/hierarchy.ts); only keys and the answer pass
	 * through the UI thread.
	 */
	async forecastHierarchy(
		keys: HierarchyKeys,
		options: HierarchyOptions,
		jobId: string,
		onProgress?: (p: Progress) => void,
	): Promise<HierarchyAnswer> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			const { datasetId, ...query } = keys;
			const products = 3 * (options.maxProducts ?? DEFAULT_MAX_PRODUCTS);
			const data = await untilAborted(
				link.hierarchySeries(datasetId, { ...query, products }),
				ac.signal,
				abortError,
			);
			const answer = await runHierarchyOf(data, keys, options, ac.signal, throttle(onProgress));
			return answer.result ? transfer(answer, hierarchyBuffers(answer.result)) : answer;
		} finally {
			jobs.delete(jobId);
		}
	},

	/** Stop a running forecastBatch / forecastSeries between series (it rejects with an AbortError). */
	cancel(jobId: string): void {
		jobs.get(jobId)?.abort();
	},

	...linkApi(link),
};

export type ForecastWorkerApi = typeof api;

/** Options of forecastSeries: the season defaults to the periods' (core), the calendar takes their freq. */
export type SeriesOptions = Omit<AutoForecastOptions, 'season'> & {
	season?: number;
	promotions?: BatchOptions['promotions'];
	calendar?: Omit<CalendarOption, 'freq'>;
	deepMix?: BatchOptions['deepMix'];
	pooled?: BatchOptions['pooled'];
	shrink?: BatchOptions['shrink'];
};

/** What forecastSeries answers. */
export interface SeriesForecastResponse {
	results: SeriesForecast[];
	/** The history that was forecast (partial periods out), when asked for. */
	history: SeriesBatch | null;
	/** The partly covered periods left out. */
	leftOut: LeftOut;
	/** Starts of the forecast's periods. */
	future: Float64Array;
	/** Seasonal period used. */
	season: number;
	/** Periods of history per series (every series of a batch shares the grid). */
	periods: number;
	/** Series in the batch read (results cover only `range` when one was asked). */
	total?: number;
	/** With `holdout` and `dropLast`: what each series sold in the cut periods (the whole batch). */
	holdout?: HoldoutTails;
}

/** What forecastSeries is asked for besides the forecasts (see there). */
export interface SeriesWant {
	withHistory?: boolean;
	dropLast?: number;
	/** With `dropLast`: send back what the cut periods sold (a deep model's hold-out check). */
	holdout?: boolean;
	/** Forecast only the series [from, to) of the batch; the batch-wide parts still see all of it. */
	range?: [number, number];
	/** Key of a pool job (src/lib/workers/forecast-pool.ts): the batch read is kept for its next chunk. */
	share?: string;
}

/** The batch a pool job's chunks share in this worker (only the latest job's). */
let shared: { key: string; prep: Awaited<ReturnType<SeriesLink['prepared']>> } | null = null;

function copyBatch(b: SeriesBatch): SeriesBatch {
	return {
		ids: [...b.ids],
		indptr: b.indptr.slice(),
		ds: b.ds.slice(),
		y: b.y.slice(),
		...(b.regressors
			? {
					regressors: {
						names: [...b.regressors.names],
						values: b.regressors.values.map((v) => v.slice()),
					},
				}
			: {}),
	};
}

/**
 * The pooled model of a batch, kept while the batch is (the chunks of one pool job share the batch
 * read, so its global fits, cached per cut-off, are made once per worker, not once per chunk).
 */
const pooledModels = new WeakMap<SeriesBatch, PooledModel | null>();
function pooledFor(batch: SeriesBatch): PooledModel | null {
	if (!pooledModels.has(batch)) pooledModels.set(batch, pooledFromBatch(batch));
	return pooledModels.get(batch) ?? null;
}

/** Forecast every series of the batch (the job of forecastBatch and forecastSeries). */
async function runBatch(
	batch: SeriesBatch,
	options: BatchOptions,
	signal: AbortSignal,
	onProgress?: (p: Progress) => void,
	deep?: Record<string, DeepForecastTable>,
	range?: [number, number],
): Promise<SeriesForecast[]> {
	const { calendar, promotions, pooled: withPooled, shrink, deepMix, ...engineOptions } = options;
	// this batch's shared parts (src/core/forecast/batch-engine.ts, as the hierarchy's nodes get them):
	// the built-ins, the pooled (cross-learning) model fitted on all of the batch's products (unless
	// `pooled: false`), the borrowed season, launch and spike curves; and deep models trained elsewhere
	const engine = batchEngine(batch, engineOptions, {
		pooled: withPooled,
		shrink,
		pooledOf: pooledFor,
	});
	const { registry, pooled } = engine;
	if (deep && Object.keys(deep).length > 0) registerDeepCandidates(registry, deep, deepMix ?? null);
	const total = batch.ids.length;
	if (batch.indptr.length !== total + 1)
		throw new RangeError(`indptr has ${batch.indptr.length} entries for ${total} series`);
	// a pool's chunk: only series [start, end), the batch total and pooled model still of the whole batch
	const start = Math.min(total, Math.max(0, range?.[0] ?? 0));
	const end = Math.min(total, Math.max(start, range?.[1] ?? total));
	const count = end - start;
	const chunk = Math.max(1, Math.ceil(count / 50));
	const results: SeriesForecast[] = [];
	let lastSent = -Infinity;
	const report = async (done: number): Promise<void> => {
		const now = Date.now();
		if (!onProgress || (done < count && now - lastSent < PROGRESS_INTERVAL_MS)) return;
		lastSent = now;
		await onProgress({ phase: 'forecast', done, total: count });
	};
	await report(0);
	for (let i = start; i < end; i++) {
		if ((i - start) % chunk === 0) await yieldToEvents();
		if (signal.aborted) throw abortError();
		const raw = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
		// promotions: fit on the baseline, add the future promotions' uplift back
		const promo = promotions
			? promotionStep(
					batch.ds.subarray(batch.indptr[i], batch.indptr[i + 1]),
					raw,
					engineOptions.horizon,
					Math.round(engineOptions.season || 1),
					promotions.bySeries[batch.ids[i]],
					promotions.freq,
				)
			: null;
		const y = promo ? promo.y : raw;
		let r: AutoForecastResult;
		let events: EventEffect[] | undefined;
		let calendarUsed: boolean | undefined;
		let measured: EventEffect[] = [];
		let unmeasured: UnmeasuredEvent[] = [];
		try {
			const own = withRegressors(batch, i, engineOptions);
			const cal = withCalendar(batch, i, own, calendar);
			// candidates registered in this worker's registry (src/core/forecast/registry.ts),
			// e.g. deep models trained elsewhere, are awaited here
			r = await forecastAutoAsync(y, engine.optionsFor(i, cal.options), { signal, registry });
			// the calendar's columns are shown as events; engine notes naming them are not for people;
			// where no method tried uses them, the note says the calendar (not "extra columns" the shop
			// never imported) and the events are marked as not in the forecast; the same where methods
			// that use them were tried but the chosen one (e.g. Auto's 'combo(snaive,ets)') does not
			if (cal.columns) {
				const noneTried = r.notes.some((n) => n.code === 'engine_note_regressors_unused');
				calendarUsed = !noneTried && modelUsesRegressors(r.model, registry);
				const ownColumns = (own.regressors?.names.length ?? 0) > 0;
				r = {
					...r,
					notes: [
						...r.notes
							.filter((n) => !String(n.params?.name ?? '').startsWith('cal:'))
							.map((n) =>
								n.code === 'engine_note_regressors_unused' && !ownColumns
									? msg('engine_note_calendar_unused')
									: n,
							),
						...(!noneTried && !calendarUsed ? [msg('engine_note_calendar_not_chosen')] : []),
					],
				};
			}
			if (cal.columns && r.drivers) {
				let first = 0;
				while (first < y.length && !(y[first] > 0)) first++;
				const since = y.subarray(first);
				const columns = {
					...cal.columns,
					history: cal.columns.history.map((c) => c.subarray(first)),
				};
				events = eventEffects(r.drivers, columns, since).map((e) => {
					const ev = cal.events?.find((x) => x.key === e.key);
					return { ...e, kind: ev?.kind, ...(ev?.names ? { names: ev.names } : {}) };
				});
			}
			// the one series on screen: every other event of the calendar measured on its own
			if (calendar && total === 1) {
				const ds = batch.ds.subarray(batch.indptr[i], batch.indptr[i + 1]);
				let first = 0;
				while (first < y.length && !(y[first] > 0)) first++;
				const h = Math.max(0, Math.floor(engineOptions.horizon));
				const [a, b] = ds.length ? yearsOf(ds, calendar.freq, h) : [0, -1];
				const all = cal.events ?? shopCalendar(calendar.country, a, b, calendar.edits);
				measured = measureEvents(
					all,
					ds.subarray(first),
					calendar.freq,
					y.subarray(first),
					h,
					events?.map((e) => e.key) ?? [],
				);
				unmeasured = unmeasuredAhead(all, ds.subarray(first), calendar.freq, h, [
					...(events?.map((e) => e.key) ?? []),
					...measured.map((e) => e.key),
				]);
			}
			if (promo) r = promo.finish(r);
			if (pooled) r = pooledNote(r, total);
		} catch (err) {
			// cancellation and bad options (unknown model, horizon) fail the whole job
			if ((err as Error).name === 'AbortError' || err instanceof RangeError) throw err;
			// a coded error says itself; anything else is one generic note, its raw text kept as detail
			r = failedResult(
				options,
				messageOf(err) ?? {
					...msg('engine_note_series_failed'),
					detail: String((err as Error)?.message ?? err),
				},
			);
		}
		results.push({
			seriesId: batch.ids[i],
			...r,
			...(events ? { events } : {}),
			...(events && calendarUsed === false ? { calendarUsed } : {}),
			...(measured.length ? { measuredEvents: measured } : {}),
			...(unmeasured.length ? { unmeasuredEvents: unmeasured } : {}),
		});
		if ((i + 1 - start) % chunk === 0 || i + 1 === end) await report(i + 1 - start);
	}
	return results;
}
