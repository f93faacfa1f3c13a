// The forecast worker's API: runs the automatic engine (src/core/engine.ts) over every series of a
// batch, reports progress per chunk of series, stops between series on cancel(jobId), and moves the
// result arrays back with Comlink.transfer. Imported by forecast.worker.ts and by the unit tests.
import { transfer } from 'comlink';
import { codedError } from './data/coded-error';
import type { AutoForecastOptions, AutoForecastResult } from '../src/core/engine-types';
import type { SeriesBatch } from '../src/core/types';
import type { Progress } from '../src/core/ingest/types';
import { forecastAutoAsync } from '../src/core/engine';
import { msg, type Message } from '../src/core/messages';
import { borrowSeason } from '../src/core/forecast/seasonal-prior';
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
import { registerBuiltins } from '../src/core/forecast/builtins';
import { CandidateRegistry } from '../src/core/forecast/registry';
import { pooledFromBatch } from '../src/core/forecast/pooled';
import { registerDeepCandidates, type DeepForecastTable } from '../src/ml/candidates';
import {
	hierarchyBuffers,
	runHierarchy,
	type HierarchyRequest,
	type HierarchyResult,
} from './forecast/hierarchy';

export type { HierarchyRequest, HierarchyResult } from './forecast/hierarchy';
import { promotionStep, type PromotionOption } from './forecast/promotions';
import type { PromotionUplift } from '../src/core/forecast/promotions';
export type { PromotionOption } from './forecast/promotions';

/** One series' forecast, tagged with its id. */
export interface SeriesForecast extends AutoForecastResult {
	seriesId: string;
	/** Holiday and festival effects on past periods, with 95 % intervals (when a calendar was given). */
	events?: EventEffect[];
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
	 * Add the pooled (cross-learning) candidate fitted on all of the batch's products
	 * (src/core/forecast/pooled.ts). Off by default: on the bench it was never kept on online retail,
	 * StockX or Walmart, cost ~50 % more time, and lost OWA on M4 Weekly
	 * (tests/bench/results/RESULTS.md).
	 */
	pooled?: boolean;
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

/**
 * The options for series i, with the batch's regressors (e.g. price) cut to that series. Their
 * future values hold the last one: the forecast assumes the price stays where it is now.
 */
export function withRegressors(
	batch: SeriesBatch,
	i: number,
	options: AutoForecastOptions,
): AutoForecastOptions {
	const reg = batch.regressors;
	if (!reg || reg.names.length === 0) return options;
	const from = batch.indptr[i];
	const to = batch.indptr[i + 1];
	const h = Math.max(0, Math.floor(options.horizon));
	return {
		...options,
		regressors: {
			names: reg.names,
			history: reg.values.map((v) => v.subarray(from, to)),
			future: reg.values.map((v) => new Float64Array(h).fill(to > from ? v[to - 1] : NaN)),
		},
	};
}

/** Sum of every series of the batch per period start (the batch's total), when it has several. */
export function batchTotal(batch: SeriesBatch): { ds: Float64Array; y: Float64Array } | null {
	if (batch.ids.length < 2) return null;
	const sums = new Map<number, number>();
	for (let k = 0; k < batch.ds.length; k++) {
		const v = batch.y[k];
		sums.set(batch.ds[k], (sums.get(batch.ds[k]) ?? 0) + (Number.isFinite(v) ? v : 0));
	}
	const ds = Float64Array.from(sums.keys()).sort();
	return { ds, y: ds.map((t) => sums.get(t) ?? 0) };
}

/**
 * The options for series i with a borrowed season where its history is shorter than two seasons:
 * the batch total's when that has two, else the shipped retail profile (src/core/forecast/seasonal-prior.ts).
 */
export function withSeason(
	batch: SeriesBatch,
	i: number,
	options: AutoForecastOptions,
	total: { ds: Float64Array; y: Float64Array } | null,
): AutoForecastOptions {
	if (options.seasonalPrior) return options;
	const ds = batch.ds.subarray(batch.indptr[i], batch.indptr[i + 1]);
	const prior = borrowSeason(
		ds,
		Math.max(0, Math.floor(options.horizon)),
		Math.round(options.season || 1),
		total ? { ...total, name: 'total' } : undefined,
	);
	return prior ? { ...options, seasonalPrior: prior } : options;
}

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
		const { calendar, promotions, pooled: withPooled, ...engineOptions } = options;
		const ac = new AbortController();
		jobs.set(jobId, ac);
		// this batch's candidates: the built-ins, on request the pooled (cross-learning) model fitted on
		// all of the batch's products (src/core/forecast/pooled.ts), and deep models trained elsewhere
		const registry = new CandidateRegistry();
		registerBuiltins(registry);
		const pooled = withPooled ? pooledFromBatch(batch) : null;
		if (pooled) registry.register(pooled.candidate());
		if (deep && Object.keys(deep).length > 0) registerDeepCandidates(registry, deep);
		try {
			const total = batch.ids.length;
			if (batch.indptr.length !== total + 1)
				throw new RangeError(`indptr has ${batch.indptr.length} entries for ${total} series`);
			const chunk = Math.max(1, Math.ceil(total / 50));
			const sum = batchTotal(batch);
			const results: SeriesForecast[] = [];
			let lastSent = -Infinity;
			const report = async (done: number): Promise<void> => {
				const now = Date.now();
				if (!onProgress || (done < total && now - lastSent < PROGRESS_INTERVAL_MS)) return;
				lastSent = now;
				await onProgress({ phase: 'forecast', done, total });
			};
			await report(0);
			for (let i = 0; i < total; i++) {
				if (i % chunk === 0) await yieldToEvents();
				if (ac.signal.aborted) throw abortError();
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
				try {
					const cal = withCalendar(batch, i, withRegressors(batch, i, engineOptions), calendar);
					// candidates registered in this worker's registry (src/core/forecast/registry.ts),
					// e.g. deep models trained elsewhere, are awaited here
					r = await forecastAutoAsync(
						y,
						{
							...withSeason(batch, i, cal.options, sum),
							seriesId: batch.ids[i],
						},
						{ signal: ac.signal, registry },
					);
					// the calendar's columns are shown as events; engine notes naming them are not for people
					if (cal.columns)
						r = {
							...r,
							notes: r.notes.filter((n) => !String(n.params?.name ?? '').startsWith('cal:')),
						};
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
					if (promo) r = promo.finish(r);
				} catch (err) {
					// cancellation and bad options (unknown model, horizon) fail the whole job
					if ((err as Error).name === 'AbortError' || err instanceof RangeError) throw err;
					r = failedResult(
						options,
						msg('engine_note_series_failed', { error: (err as Error).message }),
					);
				}
				results.push({ seriesId: batch.ids[i], ...r, ...(events ? { events } : {}) });
				if ((i + 1) % chunk === 0 || i + 1 === total) await report(i + 1);
			}
			return transfer(results, results.flatMap(buffersOf));
		} finally {
			jobs.delete(jobId);
		}
	},

	/** Forecast a category × store hierarchy and reconcile it (workers/forecast/hierarchy.ts). */
	async forecastHierarchy(
		req: HierarchyRequest,
		options: AutoForecastOptions,
		jobId: string,
		onProgress?: (p: Progress) => void,
	): Promise<HierarchyResult> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			const r = await runHierarchy(req, options, ac.signal, throttle(onProgress));
			return transfer(r, hierarchyBuffers(r));
		} finally {
			jobs.delete(jobId);
		}
	},

	/** Stop a running forecastBatch between series (it rejects with an AbortError). */
	cancel(jobId: string): void {
		jobs.get(jobId)?.abort();
	},
};

export type ForecastWorkerApi = typeof api;
