// Window dataset for the global deep models: every series of a shop (a SeriesBatch) is cut into
// windows of `lookback` past periods + `horizon` future periods, each a [T = lookback + horizon, F]
// matrix of features per period, and a target of the `horizon` future values. Pure TypeScript (no
// tfjs): the train worker, the CLI, the pretraining script and the tests share it.
//
// Scaling: values and targets are taken relative to the window's last observed value (its anchor)
// and divided by the mean absolute change over its observed lookback, (y − anchor) / scale, the
// naive forecast's in-sample error as in MASE (Hyndman & Koehler 2006) and like DeepAR's per-item
// scale (Salinas et al. 2020, IJF 36:1181–1191, §3.3). So an output of 0 is the naive forecast and one
// network serves products selling 2 and 2,000 a week, smooth or noisy (a mean-|y| scale left smooth
// high-level series such as M4's a few per cent off everywhere, MASE 4–20). A lookback without
// changes takes its mean |y|, then its series' scale (mean |y| over the training part), then 1. The
// model sees log1p(mean |y|) as a level feature; forecasts are mapped back by `inverseScale`.
//
// Features per period (F = N_FEATURES):
//   0 (y − anchor) / scale (0 in the future)   5 cos day-of-week  (daily data only, else 0)
//   1 observed (1 past, 0 future or padding)    6 holiday in the period: the shop's calendar
//                                                  (WindowConfig.calendar: public holidays,
//                                                  festivals, the shop's own days), else holidays.ts
//   2 sin day-of-year                            7 price / mean lookback price − 1 (0 without price)
//   3 cos day-of-year                            8 promotion or other regressor (÷ its max |value|;
//                                                  otherRegressorIndex picks one: promotions first)
//   4 sin day-of-week  (daily data only, else 0) 9 log1p(mean |y|) / 10 (volume level)
//  10 product age: log1p(weeks since the series' first sale) / log1p(156), capped at 1 (0 before it)
//  11 Q4: the period starts in October–December (the shop's peak season)
//  12 share of the period's days that are make-up working days (调休上班; the shop's calendar only)
//  13 signal: a market signal series (the app's 'market-signal', already lagged so that a period sees only
//     weeks before it) or another regressor besides price and feature 8's (a CLI column), ÷ its
//     largest |value| up to the window's end; the future holds the known values, else the last one
// A series shorter than the lookback is padded on the left with zeros and observed = 0. Models saved
// before features 10–11 existed read the first LEGACY_FEATURES (WindowConfig.features); models with
// a pretrained start (trained on 12) and models saved before 2026-12-07 read the first BASE_FEATURES.

import { shopCalendar, type CalendarEdits } from '../core/calendar/events';
import type { Frequency, SeriesBatch } from '../core/types';
import { holidayInPeriod } from './holidays';

/** Features per period (new models). */
export const N_FEATURES = 14;
/** Features per period before the make-up working day and signal features (the pretrained starts). */
export const BASE_FEATURES = 12;
export { DEEP_SHOP_INPUTS } from './shop-inputs';
/** Features per period of models saved before the age and Q4 features (their specs carry no count). */
export const LEGACY_FEATURES = 10;
/** Features a model or window config uses: its own count, else N_FEATURES. */
export const featuresOf = (x: { features?: number }): number => x.features ?? N_FEATURES;
/** Weeks at which the age feature reaches 1 (three years). */
const AGE_CAP_WEEKS = 156;
/** Scaled inputs are clipped to ±CLIP (a launch week can be hundreds of typical changes). */
const CLIP = 50;

/** Window shape shared by a model and its data. */
export interface WindowConfig {
	lookback: number;
	horizon: number;
	freq: Frequency;
	/** Features per period (default N_FEATURES; LEGACY_FEATURES for models saved before 2026-12-06). */
	features?: number;
	/**
	 * The shop's holiday calendar (the statistical engine's: src/core/calendar/events.ts shopCalendar
	 * with the shop's edits) for feature 6 and 12; without it feature 6 is the fixed list of holidays.ts.
	 */
	calendar?: DeepCalendar;
}

/** A shop calendar as a deep model reads and saves it. */
export interface DeepCalendar {
	/** ISO 3166-1 alpha-2 (a country of CALENDAR_COUNTRIES; another one has the festivals only). */
	country: string;
	edits?: CalendarEdits;
}

/** The calendar's days (UTC day numbers): events (holidays, festivals, the shop's own) and make-up working days. */
interface CalendarDays {
	event: Set<number>;
	workday: Set<number>;
}

/** Years the festivals are laid out for (the public holidays' table covers 2010–2035). */
const CAL_YEARS = [2000, 2040] as const;
const calendarCache = new Map<string, CalendarDays>();
/** The same calendar object again (every window of a config): no key to build. */
const byObject = new WeakMap<DeepCalendar, CalendarDays>();

/** The days of a shop calendar (cached by country and edits). */
export function calendarDays(cal: DeepCalendar): CalendarDays {
	const known = byObject.get(cal);
	if (known) return known;
	const key = JSON.stringify([cal.country.toUpperCase(), cal.edits ?? {}]);
	let days = calendarCache.get(key);
	if (days) {
		byObject.set(cal, days);
		return days;
	}
	days = { event: new Set(), workday: new Set() };
	for (const e of shopCalendar(cal.country, CAL_YEARS[0], CAL_YEARS[1], cal.edits ?? {}))
		for (const d of e.days)
			(e.kind === 'workday' ? days.workday : days.event).add(
				Math.floor(Date.parse(d + 'T00:00:00Z') / DAY_MS),
			);
	if (calendarCache.size > 16) calendarCache.clear();
	calendarCache.set(key, days);
	byObject.set(cal, days);
	return days;
}

/** Days of the period of `freq` starting at the UTC day `day` (a month: to its end). */
function daysIn(day: number, freq: Frequency): number {
	if (freq === 'day') return 1;
	if (freq === 'week') return 7;
	const d = new Date(day * DAY_MS);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).getTime() / DAY_MS - day;
}

/**
 * Features 6 and 12 of the period of `freq` starting at `startMs`: whether it holds an event day of
 * the shop's calendar (else, without one, a holiday of holidays.ts), and the share of its days that
 * are make-up working days.
 */
export function calendarFeatures(
	startMs: number,
	freq: Frequency,
	cal: DeepCalendar | undefined,
): [event: number, workday: number] {
	if (!cal) return [holidayInPeriod(startMs, freq) ? 1 : 0, 0];
	const days = calendarDays(cal);
	const first = Math.floor(startMs / DAY_MS);
	const n = daysIn(first, freq);
	let event = 0;
	let work = 0;
	for (let k = 0; k < n; k++) {
		if (days.event.has(first + k)) event = 1;
		if (days.workday.has(first + k)) work++;
	}
	return [event, work / n];
}

/** A built dataset: inputs [n, T, F] and targets [n, horizon], both scaled. */
export interface WindowSet {
	n: number;
	x: Float32Array;
	y: Float32Array;
	/** Scale of each window (multiply the model's output by it). */
	scale: Float32Array;
	/** Anchor of each window: its last observed value (added back after scaling). */
	anchor: Float32Array;
}

/** Options for {@link makeWindows}. */
export interface WindowOptions {
	/** Trailing points of every series never used (kept for an honest backtest); default 0. */
	holdout?: number;
	/** Target windows ending in the last `horizon` points before the holdout go to validation. */
	validation?: boolean;
	/** Step between consecutive window ends of one series (default 1). */
	stride?: number;
	/** Keep at most this many training windows (a seeded random sample); default 20,000. */
	maxWindows?: number;
	/** Fewest observed lookback points a window needs (default 4). */
	minObserved?: number;
	/** Seed of the sample (default 1). */
	seed?: number;
	/**
	 * Also train on windows whose target runs past the training cut-off, with the unknown targets set
	 * to NaN (left out of the loss): a short history before a backtest origin still gives windows.
	 */
	partialTargets?: boolean;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

/** Length of one period in ms (used to date future periods past the end of a series). */
export function periodMs(freq: Frequency): number {
	return freq === 'day' ? DAY_MS : freq === 'week' ? 7 * DAY_MS : 30.436875 * DAY_MS;
}

/** Mean |y| of each series over all but its last `holdout` points (finite values only; 0 if none). */
export function seriesScales(batch: SeriesBatch, holdout = 0): Float64Array {
	const out = new Float64Array(batch.ids.length);
	for (let i = 0; i < batch.ids.length; i++) {
		const from = batch.indptr[i];
		const to = batch.indptr[i + 1] - holdout;
		let s = 0;
		let k = 0;
		for (let t = from; t < to; t++) {
			const v = batch.y[t];
			if (Number.isFinite(v)) {
				s += Math.abs(v);
				k++;
			}
		}
		out[i] = k > 0 ? s / k : 0;
	}
	return out;
}

/** mulberry32: a small seeded PRNG, so window samples are reproducible. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The regressor name of a market signal series in the app (workers/train/inputs.ts withSignals):
 * lagged, unknown after the origin, so only feature 13 reads it (a CLI column of any name is a
 * regressor with the values its rows give).
 */
export const SIGNAL_INPUT = 'market-signal';

/** A regressor name that reads as a promotion (the app's 'promotion', a CLI column 'promo', …). */
const PROMOTION_LIKE = /promo|discount|on_?sale|campaign|deal|markdown/i;

/**
 * The regressor feature 8 carries when there are several besides price: the app's 'promotion', else
 * the first promotion-like name, else the first other one besides price and the app's market signal
 * (SIGNAL_INPUT, feature 13's). −1 if none.
 */
export function otherRegressorIndex(names: readonly string[]): number {
	const exact = names.indexOf('promotion');
	if (exact >= 0) return exact;
	const own = (n: string): boolean => n !== 'price' && n !== SIGNAL_INPUT;
	const like = names.findIndex((n) => own(n) && PROMOTION_LIKE.test(n));
	return like >= 0 ? like : names.findIndex(own);
}

function otherRegressor(batch: SeriesBatch): number {
	return batch.regressors ? otherRegressorIndex(batch.regressors.names) : -1;
}

/**
 * The regressor feature 13 carries: the app's 'signal', else the first one that is neither price nor
 * feature 8's (a CLI column). −1 if none.
 */
export function signalRegressorIndex(names: readonly string[]): number {
	const exact = names.indexOf(SIGNAL_INPUT);
	if (exact >= 0) return exact;
	const other = otherRegressorIndex(names);
	return names.findIndex((n, k) => n !== 'price' && k !== other && n !== SIGNAL_INPUT);
}

/**
 * Fill one window for series `i` whose lookback ends at local index `end` (exclusive) into
 * `out[offset …]`; returns its scale. `end` may equal the series length (a forecast window).
 */
export function fillWindow(
	out: Float32Array,
	offset: number,
	batch: SeriesBatch,
	i: number,
	end: number,
	cfg: WindowConfig,
	seriesScale: number,
): number {
	const { lookback: L, horizon: h, freq } = cfg;
	const F = featuresOf(cfg);
	const T = L + h;
	const from = batch.indptr[i];
	const len = batch.indptr[i + 1] - from;
	const y = batch.y;
	const ds = batch.ds;
	// the first sale (first value > 0) dates the product's launch for the age feature
	let firstSale = -1;
	if (F > 10)
		for (let t = 0; t < len; t++)
			if (y[from + t] > 0) {
				firstSale = t;
				break;
			}
	const weeksPerPeriod = periodMs(freq) / (7 * DAY_MS);
	// scale from the observed lookback: mean |change| (MASE's naive scale), else mean |y|
	let s = 0;
	let k = 0;
	let d = 0;
	let kd = 0;
	let prev = NaN;
	for (let t = Math.max(0, end - L); t < end; t++) {
		const v = y[from + t];
		if (Number.isFinite(v)) {
			s += Math.abs(v);
			k++;
			if (Number.isFinite(prev)) {
				d += Math.abs(v - prev);
				kd++;
			}
			prev = v;
		}
	}
	const meanAbs = k > 0 ? s / k : 0;
	let scale = kd > 0 ? d / kd : 0;
	if (!(scale > 0)) scale = meanAbs;
	if (!(scale > 0)) scale = seriesScale > 0 ? seriesScale : 1;
	const anchor = anchorOf(batch, i, end);
	const price = batch.regressors?.names.indexOf('price') ?? -1;
	const other = otherRegressor(batch);
	let priceMean = 0;
	let otherMax = 0;
	if (price >= 0 || other >= 0) {
		let pk = 0;
		for (let t = Math.max(0, end - L); t < end; t++) {
			if (price >= 0) {
				const p = batch.regressors!.values[price][from + t];
				if (Number.isFinite(p)) {
					priceMean += p;
					pk++;
				}
			}
			if (other >= 0) {
				const o = Math.abs(batch.regressors!.values[other][from + t]);
				if (Number.isFinite(o)) otherMax = Math.max(otherMax, o);
			}
		}
		priceMean = pk > 0 ? priceMean / pk : 0;
		// the app's promotion is a share of the period's days (0–1): as is, so a planned promotion
		// shows also after a lookback without one
		if (other >= 0 && batch.regressors!.names[other] === 'promotion') otherMax = 1;
	}
	// the signal (feature 13) ÷ its largest |value| before the window's end (nothing later is read)
	const signal = F > 13 && batch.regressors ? signalRegressorIndex(batch.regressors.names) : -1;
	let signalMax = 0;
	if (signal >= 0)
		for (let t = 0; t < Math.min(end, len); t++) {
			const v = Math.abs(batch.regressors!.values[signal][from + t]);
			if (Number.isFinite(v)) signalMax = Math.max(signalMax, v);
		}
	const carrySignal = signal >= 0 && batch.regressors!.names[signal] === SIGNAL_INPUT;
	/** Regressor k at local index t: known ahead (batch.regressorsAhead, the plan), else the last value held. */
	const regAt = (k: number, t: number): number => {
		const ahead = batch.regressorsAhead;
		if (t >= len && ahead && t - len < ahead.horizon) {
			const a = ahead.values[k]?.[i * ahead.horizon + t - len];
			if (a !== undefined && Number.isFinite(a)) return a;
		}
		const tr = Math.min(Math.max(t, 0), Math.max(0, len - 1));
		return batch.regressors!.values[k][from + tr];
	};
	const step = periodMs(freq);
	const lastDs = len > 0 ? ds[from + Math.min(end, len) - 1] : 0;
	const level = Math.log1p(meanAbs > 0 ? meanAbs : seriesScale) / 10;
	for (let r = 0; r < T; r++) {
		const t = end - L + r; // local index of this period
		const o = offset + r * F;
		const inSeries = t >= 0 && t < len;
		const past = r < L;
		const v = inSeries ? y[from + t] : NaN;
		const observed = past && Number.isFinite(v);
		out[o] = observed ? Math.max(-CLIP, Math.min(CLIP, (v - anchor) / scale)) : 0;
		out[o + 1] = observed ? 1 : 0;
		// the date: the series' own where it exists, else stepped from the last one
		const when = inSeries
			? ds[from + t]
			: t < 0
				? ds[from] + t * step
				: lastDs + (t - end + 1) * step;
		const dayOfYear = (when / DAY_MS) % YEAR_DAYS;
		out[o + 2] = Math.sin((2 * Math.PI * dayOfYear) / YEAR_DAYS);
		out[o + 3] = Math.cos((2 * Math.PI * dayOfYear) / YEAR_DAYS);
		if (freq === 'day') {
			const dow = Math.floor(when / DAY_MS) % 7;
			out[o + 4] = Math.sin((2 * Math.PI * dow) / 7);
			out[o + 5] = Math.cos((2 * Math.PI * dow) / 7);
		} else {
			out[o + 4] = 0;
			out[o + 5] = 0;
		}
		const [event, workday] = calendarFeatures(when, freq, cfg.calendar);
		out[o + 6] = event;
		// regressors: known in the future (batch.regressorsAhead, the plan), else the last value held
		const reg = (k: number): number => regAt(k, t);
		if (price >= 0 && priceMean > 0) {
			const p = reg(price);
			out[o + 7] = Number.isFinite(p) ? Math.max(-1, Math.min(1, p / priceMean - 1)) : 0;
		} else out[o + 7] = 0;
		if (other >= 0 && otherMax > 0) {
			const p = reg(other);
			out[o + 8] = Number.isFinite(p) ? Math.max(-CLIP, Math.min(CLIP, p / otherMax)) : 0;
		} else out[o + 8] = 0;
		out[o + 9] = level;
		if (F > 10) {
			const age = firstSale >= 0 && t >= firstSale ? (t - firstSale) * weeksPerPeriod : -1;
			out[o + 10] = age < 0 ? 0 : Math.min(1, Math.log1p(age) / Math.log1p(AGE_CAP_WEEKS));
			out[o + 11] = new Date(when).getUTCMonth() >= 9 ? 1 : 0;
		}
		if (F > 12) out[o + 12] = workday;
		if (F > 13) {
			// the app's signal is known up to the origin only (lagged one week: its value at `end` is
			// the week before): the future part holds that value in training and in forecasting alike
			const v =
				signal < 0 || !(signalMax > 0)
					? NaN
					: carrySignal && t > end
						? regAt(signal, end)
						: reg(signal);
			out[o + 13] = Number.isFinite(v) ? Math.max(-CLIP, Math.min(CLIP, v / signalMax)) : 0;
		}
	}
	return scale;
}

/** The last observed value of series i before local index `end` (0 when there is none). */
export function anchorOf(batch: SeriesBatch, i: number, end: number): number {
	const from = batch.indptr[i];
	for (let t = Math.min(end, batch.indptr[i + 1] - from) - 1; t >= 0; t--) {
		const v = batch.y[from + t];
		if (Number.isFinite(v)) return v;
	}
	return 0;
}

/** Fill the target of the window ending at `end`: (y − anchor) / scale (a missing value counts as the anchor). */
function fillTarget(
	out: Float32Array,
	offset: number,
	batch: SeriesBatch,
	i: number,
	end: number,
	h: number,
	scale: number,
	anchor: number,
	limit = Infinity,
): void {
	const from = batch.indptr[i];
	for (let j = 0; j < h; j++) {
		const v = batch.y[from + end + j];
		out[offset + j] = end + j >= limit ? NaN : Number.isFinite(v) ? (v - anchor) / scale : 0;
	}
}

/**
 * Training (and validation) windows over every series. Targets never reach the last `holdout` points;
 * with `validation`, windows whose target is the last `horizon` points before the holdout form the
 * validation set and training targets end before it.
 */
export function makeWindows(
	batch: SeriesBatch,
	cfg: WindowConfig,
	opts: WindowOptions = {},
): { train: WindowSet; val: WindowSet | null; scales: Float64Array } {
	const { lookback: L, horizon: h } = cfg;
	const holdout = Math.max(0, Math.floor(opts.holdout ?? 0));
	const stride = Math.max(1, Math.floor(opts.stride ?? 1));
	const minObs = Math.max(1, Math.floor(opts.minObserved ?? 4));
	const maxWindows = Math.max(1, Math.floor(opts.maxWindows ?? 20_000));
	const scales = seriesScales(batch, holdout);
	const trainIdx: [number, number][] = [];
	const valIdx: [number, number][] = [];
	/** Per series: training targets stop before this local index. */
	const limits = new Int32Array(batch.ids.length);
	for (let i = 0; i < batch.ids.length; i++) {
		const len = batch.indptr[i + 1] - batch.indptr[i];
		const usable = len - holdout; // targets end at most here
		const withVal = opts.validation && usable - h >= minObs;
		if (withVal) valIdx.push([i, usable - h]);
		const limit = usable - (withVal ? h : 0);
		limits[i] = limit;
		const lastTrainEnd = opts.partialTargets ? limit - 1 : limit - h;
		for (let end = lastTrainEnd; end >= minObs; end -= stride) trainIdx.push([i, end]);
	}
	// seeded sample when there are too many windows (Fisher–Yates prefix)
	const rand = rng(opts.seed ?? 1);
	if (trainIdx.length > maxWindows) {
		for (let k = 0; k < maxWindows; k++) {
			const j = k + Math.floor(rand() * (trainIdx.length - k));
			[trainIdx[k], trainIdx[j]] = [trainIdx[j], trainIdx[k]];
		}
		trainIdx.length = maxWindows;
	}
	const F = featuresOf(cfg);
	const build = (idx: [number, number][], partial: boolean): WindowSet => {
		const T = L + h;
		const x = new Float32Array(idx.length * T * F);
		const y = new Float32Array(idx.length * h);
		const scale = new Float32Array(idx.length);
		const anchor = new Float32Array(idx.length);
		idx.forEach(([i, end], w) => {
			const s = fillWindow(x, w * T * F, batch, i, end, cfg, scales[i]);
			anchor[w] = anchorOf(batch, i, end);
			fillTarget(y, w * h, batch, i, end, h, s, anchor[w], partial ? limits[i] : Infinity);
			scale[w] = s;
		});
		return { n: idx.length, x, y, scale, anchor };
	};
	const valSet =
		opts.validation && valIdx.length > 0 ? build(valIdx.slice(0, maxWindows), false) : null;
	return { train: build(trainIdx, opts.partialTargets ?? false), val: valSet, scales };
}

/**
 * Forecast windows: for each (series, end) pair the lookback ending at `end` (local, exclusive) and
 * the dates of the `horizon` periods after it.
 */
export function forecastWindows(
	batch: SeriesBatch,
	cfg: WindowConfig,
	pairs: readonly (readonly [number, number])[],
	scales: Float64Array,
): WindowSet {
	const T = cfg.lookback + cfg.horizon;
	const F = featuresOf(cfg);
	const x = new Float32Array(pairs.length * T * F);
	const scale = new Float32Array(pairs.length);
	const anchor = new Float32Array(pairs.length);
	pairs.forEach(([i, end], w) => {
		scale[w] = fillWindow(x, w * T * F, batch, i, end, cfg, scales[i]);
		anchor[w] = anchorOf(batch, i, end);
	});
	return { n: pairs.length, x, y: new Float32Array(0), scale, anchor };
}

/** Undo the target scaling in place: v · scale[w] + anchor[w] for the `per` values of window w. */
export function inverseScale(
	values: Float32Array,
	set: { scale: Float32Array; anchor: Float32Array },
	per: number,
): Float32Array {
	for (let w = 0; w < set.scale.length; w++)
		for (let k = 0; k < per; k++)
			values[w * per + k] = values[w * per + k] * set.scale[w] + set.anchor[w];
	return values;
}
