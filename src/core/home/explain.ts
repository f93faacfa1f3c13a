// Explanations for the Forecast screen in plain words, from what the engine already returns: how the
// forecast moved since the one made a period earlier (same engine, history without the latest period),
// and how close the chosen method came on held-out past periods. Pure; words are in the i18n catalog
// (src/lib/i18n/catalog/home.ts).
import type { LeaderboardRow } from '../engine-types';
import { msg, type Message } from '../messages';
import { wholePercent } from './accuracy';

/** The forecast made one period earlier against the one made now, over the periods both cover. */
export interface ForecastMove {
	/** Periods compared (the current horizon). */
	periods: number;
	/** Sum of last period's forecast over those periods, and of today's. */
	before: number;
	now: number;
	/** now ÷ before − 1 (NaN when before is 0). */
	change: number;
	/** What last period's forecast expected for the period that has since been sold, and what sold. */
	lastForecast: number;
	lastActual: number;
	modelBefore: string;
	modelNow: string;
	/** The move in plain words (codes home_moved_*). */
	messages: Message[];
}

/** Within this share the forecast "stayed about the same". */
const SAME = 0.02;

/**
 * Compare a forecast made one period earlier (`previous`, horizon ≥ h + 1, its first value forecasting
 * the period just sold) with the current one (`current`, horizon h). `lastActual` is what sold in that
 * period.
 */
export function forecastMove(
	previous: { point: ArrayLike<number>; model: string },
	current: { point: ArrayLike<number>; model: string },
	lastActual: number,
): ForecastMove | null {
	const h = current.point.length;
	if (h === 0 || previous.point.length < h + 1) return null;
	let before = 0;
	let now = 0;
	for (let j = 0; j < h; j++) {
		before += Number.isFinite(previous.point[j + 1]) ? previous.point[j + 1] : 0;
		now += Number.isFinite(current.point[j]) ? current.point[j] : 0;
	}
	if (!Number.isFinite(before + now)) return null;
	const change = before > 0 ? now / before - 1 : NaN;
	const lastForecast = Number.isFinite(previous.point[0]) ? previous.point[0] : 0;
	const messages: Message[] = [];
	const base = { periods: h, before: Math.round(before), now: Math.round(now) };
	if (!Number.isFinite(change) || Math.abs(change) < SAME)
		messages.push(msg('home_moved_same', base));
	else
		messages.push(
			msg(change > 0 ? 'home_moved_up' : 'home_moved_down', {
				...base,
				pct: wholePercent(change),
			}),
		);
	const miss = lastForecast > 0 ? lastActual / lastForecast - 1 : NaN;
	const lastParams = { forecast: Math.round(lastForecast), actual: Math.round(lastActual) };
	if (Number.isFinite(miss) && Math.abs(miss) >= 0.1) {
		messages.push(
			msg(miss > 0 ? 'home_moved_last_more' : 'home_moved_last_less', {
				...lastParams,
				pct: wholePercent(miss),
			}),
		);
	} else messages.push(msg('home_moved_last_close', lastParams));
	return {
		periods: h,
		before,
		now,
		change,
		lastForecast,
		lastActual,
		modelBefore: previous.model,
		modelNow: current.model,
		messages,
	};
}

/**
 * The chosen method's held-out accuracy in plain words: the typical miss as a share of what sold
 * (its backtest WAPE) and how often what sold fell inside the 80 % range. Empty without a backtest.
 */
export function accuracyInWords(leaderboard: readonly LeaderboardRow[], model: string): Message[] {
	const row = leaderboard.find((r) => r.model === model);
	if (!row || !Number.isFinite(row.wape)) return [];
	const out = [msg('home_explain_accuracy', { pct: wholePercent(row.wape) })];
	if (Number.isFinite(row.coverage80))
		out.push(msg('home_explain_coverage', { pct: Math.round(row.coverage80 * 100) }));
	return out;
}
