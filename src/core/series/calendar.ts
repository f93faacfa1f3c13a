// Calendar periods of a sales series (UTC days, weeks starting on the shop's first day of the week —
// Monday unless told, series/week-start.ts —, calendar months) and the detection of
// incomplete first and last periods: an export that starts on a Wednesday or ends mid-month would
// otherwise show (and forecast from) a week or month with only part of its sales; and carrying a
// per-period value such as a price over periods without sales. Pure TypeScript.
import type { Frequency, PeriodEdges, SeriesBatch, WeekStart } from '../types';
import { MONDAY, weekStartDay } from './week-start';

export type { PeriodEdges };

export const DAY_MS = 86_400_000;

/** Start of the period containing `ms` (UTC); weeks start on `weekStart` (Monday unless told). */
export function periodStart(ms: number, freq: Frequency, weekStart: WeekStart = MONDAY): number {
	const day = Math.floor(ms / DAY_MS) * DAY_MS;
	if (freq === 'day') return day;
	if (freq === 'week') return weekStartDay(day, weekStart);
	const d = new Date(day);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the period after the one starting at `start`. */
export function nextPeriod(start: number, freq: Frequency): number {
	return addPeriods(start, 1, freq);
}

/** Start of the period `steps` periods after the period start `ms` (UTC). */
export function addPeriods(ms: number, steps: number, freq: Frequency): number {
	if (freq === 'day') return ms + steps * DAY_MS;
	if (freq === 'week') return ms + steps * 7 * DAY_MS;
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + steps, 1);
}

/**
 * Whether the first and last `freq` periods of data dated `dateMin … dateMax` are incomplete.
 * `stepMs` is the data's own spacing (the typical gap between consecutive distinct dates: one day for
 * till exports, seven for weekly reports, ~31 days for monthly ones). A period is partial when the
 * date one step beyond the data would still fall inside it: daily data ending on a Wednesday leaves
 * its week partial, while monthly data dated on the 1st leaves its last month complete. Weeks start on
 * `weekStart`, which the edges then carry (weekly grids not starting on Monday only).
 */
export function periodEdges(
	dateMin: number,
	dateMax: number,
	stepMs: number,
	freq: Frequency,
	weekStart: WeekStart = MONDAY,
): PeriodEdges {
	const step = Number.isFinite(stepMs) && stepMs > 0 ? stepMs : DAY_MS;
	const start = (ms: number) => periodStart(ms, freq, weekStart);
	return {
		firstPartial: start(dateMin - step) === start(dateMin),
		lastPartial: start(dateMax + step) === start(dateMax),
		dateMin,
		dateMax,
		...(freq === 'week' && weekStart !== MONDAY ? { weekStart } : {}),
	};
}

/** Median of the gaps between consecutive sorted distinct dates (NaN with fewer than two dates). */
export function typicalStep(sortedDates: ArrayLike<number>): number {
	const gaps: number[] = [];
	for (let i = 1; i < sortedDates.length; i++) {
		const g = sortedDates[i] - sortedDates[i - 1];
		if (g > 0) gaps.push(g);
	}
	if (gaps.length === 0) return NaN;
	gaps.sort((a, b) => a - b);
	return gaps[Math.floor(gaps.length / 2)];
}

/**
 * Fills each length-n block of `values` in place: NaN periods take the last known value before them
 * (a price stays what it was while nothing sold), leading NaNs the first known one. False when some
 * block has no finite value at all.
 */
export function carryOver(values: Float64Array, n: number): boolean {
	for (let s = 0; s < values.length; s += n) {
		let last = NaN;
		for (let j = s; j < s + n; j++) {
			if (Number.isFinite(values[j])) last = values[j];
			else values[j] = last;
		}
		let firstKnown = NaN;
		for (let j = s; j < s + n && Number.isNaN(firstKnown); j++)
			if (Number.isFinite(values[j])) firstKnown = values[j];
		if (Number.isNaN(firstKnown)) return false;
		for (let j = s; j < s + n && !Number.isFinite(values[j]); j++) values[j] = firstKnown;
	}
	return true;
}

/** A batch without its incomplete edge periods, and which were left out (for the user). */
export interface TrimmedBatch {
	batch: SeriesBatch;
	/** Start (UTC ms) of the incomplete first period left out, or null. */
	droppedFirst: number | null;
	/** Start (UTC ms) of the incomplete last period left out, or null. */
	droppedLast: number | null;
}

/**
 * Removes the incomplete first/last period (per `batch.edges`) from every series of a batch whose
 * series all share one grid, as the data worker returns them. Nothing is removed from a grid too
 * short to lose it (fewer than three periods when both edges are partial, fewer than two otherwise).
 */
export function trimPartialPeriods(batch: SeriesBatch): TrimmedBatch {
	const { edges } = batch;
	const k = batch.ids.length;
	const none: TrimmedBatch = { batch, droppedFirst: null, droppedLast: null };
	if (!edges || k === 0) return none;
	const n = batch.indptr[1] - batch.indptr[0];
	for (let i = 1; i < k; i++)
		if (batch.indptr[i + 1] - batch.indptr[i] !== n)
			throw new RangeError('trimPartialPeriods needs series of equal length');
	const lo = edges.firstPartial ? 1 : 0;
	const hi = edges.lastPartial ? n - 1 : n;
	if (hi - lo < 1 || (lo === 0 && hi === n)) return none;
	const m = hi - lo;
	const cut = (a: Float64Array): Float64Array => {
		const out = new Float64Array(m * k);
		for (let i = 0; i < k; i++) {
			const s = batch.indptr[i];
			out.set(a.subarray(s + lo, s + hi), i * m);
		}
		return out;
	};
	const indptr = Int32Array.from({ length: k + 1 }, (_, i) => i * m);
	const trimmed: SeriesBatch = {
		ids: [...batch.ids],
		indptr,
		ds: cut(batch.ds),
		y: cut(batch.y),
		edges: { ...edges, firstPartial: false, lastPartial: false },
	};
	if (batch.categories) trimmed.categories = [...batch.categories];
	if (batch.groups) trimmed.groups = trimPartialPeriods({ ...batch.groups, edges }).batch;
	if (batch.launches) trimmed.launches = trimPartialPeriods({ ...batch.launches, edges }).batch;
	if (batch.regressors)
		trimmed.regressors = {
			names: [...batch.regressors.names],
			values: batch.regressors.values.map(cut),
		};
	return {
		batch: trimmed,
		droppedFirst: lo === 1 ? batch.ds[batch.indptr[0]] : null,
		droppedLast: hi === n - 1 ? batch.ds[batch.indptr[0] + n - 1] : null,
	};
}

/** The seasonal period a forecast of `freq` periods uses: a year of weeks or months, a week of days. */
export function seasonFor(freq: Frequency): number {
	return freq === 'week' ? 52 : freq === 'month' ? 12 : 7;
}

/** Starts of the `h` periods after the period starting at `last`: the dates a forecast is for. */
export function futureDates(last: number, h: number, freq: Frequency): Float64Array {
	const out = new Float64Array(Math.max(0, h));
	for (let i = 0; i < out.length; i++) out[i] = addPeriods(last, i + 1, freq);
	return out;
}
