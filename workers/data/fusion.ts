// Fusion of market signals into a forecast (issue 14), for the Forecast screen: each weekly signal
// (search interest of a term, posts about a top topic) that covers the product's sales up to its last week
// is a regressor candidate. Its lead is measured on the weeks before the held-out windows (prewhitened
// cross-correlation, src/core/signals/leadlag.ts); only a signal that leads by ≥ 1 week is tried, lagged
// by that lead, in the engine's regression / ARIMA with regressors (fusionBacktest: rolling held-out
// windows, MASE). It is kept only when the backtest with it beats both the same models without it and
// the automatic engine the Forecast screen uses; then the forecast with it is returned. Every candidate
// comes back with its status so the screen can say when a signal was and was not used. Data only.
import { forecastAuto } from '../../src/core/engine';
import { fusionBacktest, lagSeries, leadLag } from '../../src/core/signals/leadlag';

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

const WEEK = 7 * 86_400_000;

/** Fewest weeks before the first held-out window. */
const MIN_TRAIN = 26;

/**
 * Tries each signal as a lagged regressor of the weekly sales `y` (week starts `ds`).
 * `maxCandidates` bounds the work (each costs 3 engine runs per held-out window).
 */
export function fuseSignals(
	ds: readonly number[],
	y: readonly number[],
	signals: readonly WeeklySignal[],
	horizon: number,
	maxCandidates = 6,
): FusionReport {
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
		if (origins < 1) {
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
