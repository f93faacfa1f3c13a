// Every holiday and festival of the shop's calendar measured on one series' past sales (issue #11:
// "the uplift of each past holiday estimated with an interval"). The forecast itself takes at most a
// few calendar columns (calendarRegressors: those reaching the horizon first, moving events only once
// a season covers the fixed ones), so Thanksgiving or Black Friday could go unmeasured on a US shop's
// screen. Here each other event that touched at least two past periods gets its own regression of the
// sales on a trend and that event's column alone (no Fourier terms: the change of its periods against
// the usual level, which is what a shop owner asks), as a share of the level the fitted line gives
// those periods (not of the whole history's mean, which a growing shop's early events are far below).
// Pure.
import { LinearRegressionModel } from '../models/regression';
import type { Frequency } from '../types';
import {
	calendarRegressors,
	eventEffects,
	type CalendarEvent,
	type CalendarRegressors,
	type EventEffect,
} from './events';

/**
 * Effects of the events not in `skip` (keys the forecast's own columns measured already), each from a
 * trend + event regression on `y` (the series since its first sale, `starts` its period starts), with
 * their 95 % intervals; largest first. Events whose regression cannot be fitted are left out.
 */
export function measureEvents(
	events: readonly CalendarEvent[],
	starts: ArrayLike<number>,
	freq: Frequency,
	y: Float64Array,
	horizon: number,
	skip: readonly string[] = [],
): EventEffect[] {
	if (y.length < 8) return [];
	const cal = calendarRegressors(
		events.filter((e) => !skip.includes(e.key)),
		starts,
		freq,
		horizon,
		{ maxColumns: Infinity },
	);
	const out: EventEffect[] = [];
	cal.keys.forEach((key, i) => {
		const one: CalendarRegressors = {
			keys: [key],
			names: [cal.names[i]],
			history: [cal.history[i]],
			future: [cal.future[i]],
		};
		try {
			const ex = new LinearRegressionModel({ xregNames: one.names, fourier: 0 })
				.fit(y, { season: 1, xreg: one.history })
				.explain();
			if (!(ex.df > 0)) return;
			const term = ex.terms.find((t) => t.kind === 'xreg');
			if (!term || !Number.isFinite(term.estimate) || !Number.isFinite(term.stdError)) return;
			// the level each period would have had without the event: the fit's line (trend at t = 1…n)
			const b0 = ex.terms.find((t) => t.kind === 'intercept')?.estimate ?? 0;
			const b1 = ex.terms.find((t) => t.kind === 'trend')?.estimate ?? 0;
			const baseline = Float64Array.from({ length: y.length }, (_, t) => b0 + b1 * (t + 1));
			const e = eventEffects(
				[{ name: one.names[0], estimate: term.estimate, stdError: term.stdError }],
				one,
				y,
				baseline,
			)[0];
			const ev = events.find((x) => x.key === key);
			if (e) out.push({ ...e, kind: ev?.kind, ...(ev?.names ? { names: ev.names } : {}) });
		} catch {
			// collinear with the trend (an event in every period) or too short: not measured
		}
	});
	return out.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
}

/** An event of the calendar that falls in the forecast but was too rare in the history to measure. */
export interface UnmeasuredEvent {
	key: string;
	kind?: CalendarEvent['kind'];
	names?: CalendarEvent['names'];
	/** Forecast periods (0-based) the event falls in. */
	ahead: number[];
	/** History periods it touched (fewer than the two a measure needs). */
	past: number;
}

/**
 * Events that fall in the next `horizon` periods but touched fewer than two past periods (of
 * `starts`), so neither the forecast nor measureEvents could estimate them: a US shop with 15 months of
 * history has one past Black Friday, and the Forecast screen said nothing of the one in week 1 of the
 * forecast (walk14). Keys in `skip` (measured already) are left out; first in the horizon first.
 */
export function unmeasuredAhead(
	events: readonly CalendarEvent[],
	starts: ArrayLike<number>,
	freq: Frequency,
	horizon: number,
	skip: readonly string[] = [],
): UnmeasuredEvent[] {
	if (!starts.length || !(horizon > 0)) return [];
	const out: UnmeasuredEvent[] = [];
	for (const e of events) {
		if (skip.includes(e.key) || e.kind === 'workday') continue;
		const one = calendarRegressors([e], starts, freq, horizon, { minHistory: 0, maxColumns: 1 });
		if (!one.keys.length) continue;
		const past = one.history[0].reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
		if (past >= 2) continue;
		const ahead: number[] = [];
		one.future[0].forEach((v, j) => {
			if (v > 0) ahead.push(j);
		});
		if (!ahead.length) continue;
		out.push({ key: e.key, kind: e.kind, ...(e.names ? { names: e.names } : {}), ahead, past });
	}
	return out.sort((a, b) => a.ahead[0] - b.ahead[0] || (a.key < b.key ? -1 : 1));
}
