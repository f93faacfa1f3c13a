// Fusion of market signals into a forecast (issue 14), for the Forecast screen: each weekly signal
// (search interest of a term, posts about a top topic) that covers the product's sales up to its last week
// is a regressor candidate. Its lead is measured on the weeks before the held-out windows (prewhitened
// cross-correlation, src/core/signals/leadlag.ts); only a signal that leads by ≥ 1 week is tried, lagged
// by that lead, in the engine's regression / ARIMA with regressors (fusionBacktest: rolling held-out
// windows, MASE; at least MIN_ORIGINS of them). It is kept only when the backtest with it beats both the
// same models without it and the automatic engine the Forecast screen uses (positive lift), so adding a
// signal never replaces a forecast that backtests better; then the forecast with it is returned. Every candidate
// comes back with its status so the screen can say when a signal was and was not used. Data only.
import { forecastAuto } from '../../src/core/engine';
import { fusionBacktest, lagSeries, leadLag } from '../../src/core/signals/leadlag';

/**
 * The Monday week (a signal's key) that a sales week starting at `ds` is compared with: the one holding
 * its middle day. The same week for Monday weeks; for a shop whose weeks start on Sunday, the Monday
 * after (where Google's Sunday weeks are keyed too: search-weekly.ts).
 */
export function signalWeekOf(ds: number): number {
	const mid = Math.floor(ds / DAY) * DAY + 3 * DAY;
	return mid - ((new Date(mid).getUTCDay() + 6) % 7) * DAY;
}

/** A weekly signal: week start (Monday, epoch ms) → value. */
export interface WeeklySignal {
	kind: 'search' | 'topic';
	name: string;
	weekly: Map<number, number>;
	/** Weeks with no value inside the signal's span count as 0 (post volumes) or are gaps (search). */
	zeroFill: boolean;
}

export type FusionStatus = 'used' | 'worse' | 'no-lead' | 'short' | 'stale';

/** What happened to one candidate. */
export interface FusionCandidate {
	kind: WeeklySignal['kind'];
	name: string;
	status: FusionStatus;
	/** Weeks of overlap with the sales. */
	weeks: number;
	lag: number | null;
	maseWith: number | null;
	maseWithout: number | null;
	maseAuto: number | null;
	origins: number;
	/** The forecast with the signal (only when used). */
	forecast: { point: number[]; lo80: number[]; hi80: number[] } | null;
}

export interface FusionReport {
	horizon: number;
	candidates: FusionCandidate[];
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Fewest weeks before the first held-out window. */
const MIN_TRAIN = 26;

/**
 * Fewest held-out windows a signal's lift is judged on: with one or two, a lucky window keeps a signal
 * that makes the forecast worse (status 'short' below that).
 */
export const MIN_ORIGINS = 3;

/**
 * Tries each signal as a lagged regressor of the weekly sales `y` (week starts `salesDs`, on the
 * dataset's own first day of the week). `maxCandidates` bounds the work (each costs 3 engine runs per
 * held-out window).
 */
export function fuseSignals(
	salesDs: readonly number[],
	y: readonly number[],
	signals: readonly WeeklySignal[],
	horizon: number,
	maxCandidates = 6,
): FusionReport {
	const ds = salesDs.map(signalWeekOf);
	const n = y.length;
	const out: FusionCandidate[] = [];
	for (const s of signals.slice(0, maxCandidates)) {
		const base: FusionCandidate = {
			kind: s.kind,
			name: s.name,
			status: 'short',
			weeks: 0,
			lag: null,
			maseWith: null,
			maseWithout: null,
			maseAuto: null,
			origins: 0,
			forecast: null,
		};
		const keys = [...s.weekly.keys()];
		if (keys.length === 0) {
			out.push(base);
			continue;
		}
		const lo = Math.min(...keys);
		const hi = Math.max(...keys);
		// The overlap: the longest run of sales weeks, ending at the last sales week, with a value.
		let start = n;
		while (start > 0) {
			const w = ds[start - 1];
			const has = s.weekly.has(w) || (s.zeroFill && w >= lo && w <= hi);
			if (!has) break;
			start--;
		}
		const m = n - start;
		base.weeks = m;
		if (m === 0 || (!s.weekly.has(ds[n - 1]) && !(s.zeroFill && ds[n - 1] <= hi))) {
			base.status = hi < ds[n - 1] ? 'stale' : 'short';
			out.push(base);
			continue;
		}
		const origins = Math.min(4, Math.floor((m - MIN_TRAIN) / horizon));
		if (origins < MIN_ORIGINS) {
			out.push(base);
			continue;
		}
		base.origins = origins;
		const ys = y.slice(start);
		const xs = ds.slice(start).map((w) => s.weekly.get(w) ?? 0);
		const firstOrigin = m - origins * horizon;
		const ll = leadLag(xs.slice(0, firstOrigin), ys.slice(0, firstOrigin));
		if (ll.bestLag === null || ll.bestLag < 1) {
			base.status = 'no-lead';
			base.lag = ll.bestLag;
			out.push(base);
			continue;
		}
		base.lag = ll.bestLag;
		const season = m >= 3 * 52 ? 52 : 1;
		const f = fusionBacktest(ys, xs, { horizon, origins, season, lag: ll.bestLag });
		base.maseWith = f.maseWith;
		base.maseWithout = f.maseWithout;
		base.maseAuto = f.maseAuto;
		const better =
			Number.isFinite(f.maseWith) && f.maseWith < f.maseWithout && f.maseWith < f.maseAuto;
		if (!better) {
			base.status = 'worse';
			out.push(base);
			continue;
		}
		// Signal weeks after the sales' last week are known too (a search export is often more recent).
		const ext = [...xs];
		for (let k = 1; k <= ll.bestLag; k++) {
			const v = s.weekly.get(ds[n - 1] + k * WEEK);
			if (v === undefined) break;
			ext.push(v);
		}
		const lagged = lagSeries(ext, ll.bestLag, m + horizon);
		const fc = forecastAuto(Float64Array.from(ys), {
			horizon,
			season,
			models: ['regression', 'arima'],
			regressors: {
				names: ['signal'],
				history: [lagged.slice(0, m)],
				future: [lagged.slice(m)],
			},
		});
		const b80 = fc.intervals.find((b) => Math.abs(b.level - 0.8) < 1e-6) ?? fc.intervals[0];
		base.status = 'used';
		base.forecast = {
			point: Array.from(fc.point),
			lo80: b80 ? Array.from(b80.lower) : Array.from(fc.point),
			hi80: b80 ? Array.from(b80.upper) : Array.from(fc.point),
		};
		out.push(base);
	}
	return { horizon, candidates: out };
}

/** The signal kept for one series of a batch (null: none improved its backtest), and how many were tried. */
export interface SeriesFusion {
	seriesId: string;
	used:
		| (Omit<FusionCandidate, 'forecast'> & { forecast: NonNullable<FusionCandidate['forecast']> })
		| null;
	/** Candidates tried (after the ordering by name). */
	tried: number;
	/** Why the best-scored candidate was not used, when none was. */
	reasons: Partial<Record<FusionStatus, number>>;
}

/** A signal used in a batch, its weekly values as [week start, value] pairs (for the plan worker). */
export interface UsedSignal {
	kind: WeeklySignal['kind'];
	name: string;
	zeroFill: boolean;
	weekly: [number, number][];
}

export interface BatchFusionReport {
	horizon: number;
	series: SeriesFusion[];
	/** The signals used by at least one series. */
	signals: UsedSignal[];
}

/** Lower-case words of a name (letters/digits; CJK runs kept whole). */
function words(s: string): string[] {
	return s
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 2);
}

/** Whether a signal's name shares a word with a product's name (or, a CJK term, occurs in it). */
export function signalMatches(name: string, s: Pick<WeeklySignal, 'name'>): boolean {
	const own = new Set(words(name));
	const low = name.toLowerCase();
	return words(s.name.replace(/^#/, '')).some(
		(w) => own.has(w) || (/\p{Script=Han}/u.test(w) && low.includes(w)),
	);
}

/**
 * Signals ordered for one product: those whose name shares a word with the product's name (or, for a
 * CJK term, whose term occurs in it) first, then the rest in their given order.
 */
export function orderSignalsFor(name: string, signals: readonly WeeklySignal[]): WeeklySignal[] {
	const score = (s: WeeklySignal) => (signalMatches(name, s) ? 1 : 0);
	return signals
		.map((s, i) => ({ s, i, k: score(s) }))
		.sort((a, b) => b.k - a.k || a.i - b.i)
		.map((x) => x.s);
}

/**
 * Fusion over a batch of weekly series (the batch forecast and the plan): per series the candidates
 * (ordered by name match, at most `maxPerSeries`) are tried as in fuseSignals, and the used one with the
 * best backtest is kept. Leading weeks before a series' first sale are left out (they are not demand).
 */
export function fuseBatch(
	series: readonly { id: string; name: string; ds: readonly number[]; y: readonly number[] }[],
	signals: readonly WeeklySignal[],
	horizon: number,
	maxPerSeries = 3,
	shouldStop: () => boolean = () => false,
): BatchFusionReport {
	const out: SeriesFusion[] = [];
	const usedNames = new Set<string>();
	for (const s of series) {
		if (shouldStop()) break;
		let first = 0;
		while (first < s.y.length && !(s.y[first] > 0)) first++;
		const ordered = orderSignalsFor(s.name, signals);
		const r =
			signals.length > 0
				? fuseSignals(s.ds.slice(first), s.y.slice(first), ordered, horizon, maxPerSeries)
				: { horizon, candidates: [] };
		const reasons: SeriesFusion['reasons'] = {};
		let used: SeriesFusion['used'] = null;
		for (const c of r.candidates) {
			reasons[c.status] = (reasons[c.status] ?? 0) + 1;
			if (
				c.status === 'used' &&
				c.forecast &&
				(!used || (c.maseWith ?? Infinity) < (used.maseWith ?? Infinity))
			)
				used = { ...c, forecast: c.forecast };
		}
		if (used) usedNames.add(`${used.kind}|${used.name}`);
		out.push({ seriesId: s.id, used, tried: r.candidates.length, reasons });
	}
	return {
		horizon,
		series: out,
		signals: signals
			.filter((s) => usedNames.has(`${s.kind}|${s.name}`))
			.map((s) => ({
				kind: s.kind,
				name: s.name,
				zeroFill: s.zeroFill,
				weekly: [...s.weekly.entries()].sort((a, b) => a[0] - b[0]),
			})),
	};
}

/**
 * The lagged regressor of a used signal over a series' weeks `ds` plus `horizon` weeks ahead, as
 * fuseSignals builds it: over the longest run of weeks ending at the last one where the signal has a
 * value (`start` = its first index; the series is fitted from there), with the signal's values after
 * the last week used where known, then the last value carried. Null when it does not cover the last week.
 */
export function laggedRegressor(
	signal: UsedSignal,
	salesDs: readonly number[],
	lag: number,
	horizon: number,
): { start: number; history: Float64Array; future: Float64Array } | null {
	const ds = salesDs.map(signalWeekOf);
	const weekly = new Map(signal.weekly);
	const n = ds.length;
	if (n === 0 || signal.weekly.length === 0) return null;
	const lo = signal.weekly[0][0];
	const hi = signal.weekly[signal.weekly.length - 1][0];
	const at = (w: number) =>
		weekly.get(w) ?? (signal.zeroFill && w >= lo && w <= hi ? 0 : undefined);
	let start = n;
	while (start > 0 && at(ds[start - 1]) !== undefined) start--;
	if (start === n) return null;
	const xs = ds.slice(start).map((w) => at(w) ?? 0);
	for (let k = 1; k <= lag; k++) {
		const v = weekly.get(ds[n - 1] + k * WEEK);
		if (v === undefined) break;
		xs.push(v);
	}
	const m = n - start;
	const full = lagSeries(xs, lag, m + horizon);
	return { start, history: full.slice(0, m), future: full.slice(m) };
}
