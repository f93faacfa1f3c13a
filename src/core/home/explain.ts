// Explanations for the Forecast screen in plain words, from what the engine already returns: how the
// forecast moved since the one made a period earlier (same engine, history without the latest period),
// and how close the chosen method came on held-out past periods. Pure; words are in the i18n catalog
// (src/lib/i18n/catalog/home.ts).
import type { LeaderboardRow } from '../engine-types';
import { msg, type Message } from '../messages';
import type { PromotionUplift } from '../forecast/promotions';
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

/** A holiday or festival measured in past sales (EventEffect from src/core/calendar/events.ts). */
export interface ExplainEvent {
	key: string;
	effect: number;
	halfWidth: number;
	/** English, local and Chinese names of a public holiday (others are named from their key). */
	names?: readonly [string, string, string];
	/** Forecast periods (0-based) the event falls in. */
	ahead?: readonly number[];
}

/** A market signal tried as a regressor (the market worker's fusion report). */
export interface ExplainSignal {
	kind: string;
	name: string;
	lag: number;
	/** Backtest MASE with and without the signal. */
	maseWith: number;
	maseWithout: number;
}

export interface DecompositionInput {
	/** STL split of the history (trend + season + rest). */
	trend: ArrayLike<number>;
	seasonal: ArrayLike<number>;
	/** Season length in periods (1 = none). */
	season: number;
	/** The forecast (its length is the horizon). */
	point: ArrayLike<number>;
	/** Holidays and festivals with their measured effects. */
	events?: readonly ExplainEvent[];
	/**
	 * The chosen method does not use the holiday calendar (e.g. a blend of seasonal naive and ETS): the
	 * events are not listed as parts of this forecast; one sentence says so instead.
	 */
	calendarUnused?: boolean;
	/** Fitted regressor effects; 'promo' (share of a period on promotion) is a promotion. */
	drivers?: readonly { name: string; estimate: number; stdError: number }[];
	/** Imported promotions' estimated uplifts (src/core/forecast/promotions.ts), when the shop has any. */
	promotions?: readonly PromotionUplift[];
	/** Signals tried (0 = none imported) and the one kept, if any. */
	signalsTried?: number;
	signal?: ExplainSignal | null;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Below this share a part "hardly matters". */
const SMALL = 0.03;
/** Trend change over at most this many periods. */
const TREND_SPAN = 12;

function mean(v: ArrayLike<number>, from = 0, to = v.length): number {
	let s = 0;
	let k = 0;
	for (let i = from; i < to; i++)
		if (Number.isFinite(v[i])) {
			s += v[i];
			k++;
		}
	return k ? s / k : NaN;
}

/**
 * The forecast split into the parts a shop owner can act on, each one sentence (codes home_decomp_*):
 * the trend (how the underlying level moved over the last periods), the season (how much the time of
 * year adds to or takes from the forecast periods against an average period), holidays and festivals
 * measured in past sales (those that fall in the forecast first), promotions and market signals where
 * present. Percentages are of the level (the latest trend value). Parts without data are left out;
 * parts with data but no clear effect say so.
 */
export function decompositionInWords(input: DecompositionInput): Message[] {
	const out: Message[] = [];
	const n = input.trend.length;
	const h = input.point.length;
	const level = n ? input.trend[n - 1] : NaN;
	if (n >= 2 && level > 0) {
		const span = Math.min(n - 1, TREND_SPAN);
		const from = input.trend[n - 1 - span];
		const change = from > 0 ? level / from - 1 : NaN;
		if (!Number.isFinite(change) || Math.abs(change) < SMALL)
			out.push(msg('home_decomp_trend_flat', { n: span }));
		else if (change > 1)
			// from next to nothing (a product that took off): "rose from 3 to 42 a week" says more than +1,300 %
			out.push(msg('home_decomp_trend_from', { n: span, from: round1(from), to: round1(level) }));
		else
			out.push(
				msg(change > 0 ? 'home_decomp_trend_up' : 'home_decomp_trend_down', {
					n: span,
					pct: wholePercent(change),
				}),
			);
	}
	const m = Math.round(input.season);
	if (m > 1 && n >= m && h > 0 && level > 0) {
		// the season's values for the forecast periods continue the last full season
		let s = 0;
		for (let j = 0; j < h; j++) s += input.seasonal[n - m + (j % m)];
		const share = s / h / level;
		let peak = 0;
		for (let j = 1; j < Math.min(h, m); j++)
			if (input.seasonal[n - m + j] > input.seasonal[n - m + peak]) peak = j;
		if (!Number.isFinite(share) || Math.abs(share) < SMALL)
			out.push(msg('home_decomp_season_flat', { periods: h }));
		else
			out.push(
				msg(share > 0 ? 'home_decomp_season_up' : 'home_decomp_season_down', {
					periods: h,
					pct: wholePercent(share),
					peak: peak + 1,
				}),
			);
	}
	const events = [...(input.events ?? [])].filter(
		(e) => Number.isFinite(e.effect) && Number.isFinite(e.halfWidth),
	);
	if (events.length && input.calendarUnused)
		out.push(msg('home_decomp_events_unused', { n: events.length }));
	else if (events.length) {
		const coming = (e: ExplainEvent) => (e.ahead?.length ? 1 : 0);
		events.sort((a, b) => coming(b) - coming(a) || Math.abs(b.effect) - Math.abs(a.effect));
		let said = 0;
		for (const e of events) {
			const clear = Math.abs(e.effect) > e.halfWidth;
			if (!clear && !coming(e)) continue;
			if (said++ >= 3) break;
			const p = {
				event: e.key,
				...(e.names ? { name_en: e.names[0], name_zh: e.names[2] } : {}),
				pct: wholePercent(e.effect),
				range: wholePercent(e.halfWidth),
			};
			const dir = !clear ? 'unclear' : e.effect > 0 ? 'up' : 'down';
			// an unclear effect is said as a number with its range ("-56% ± 178%"): its sign is kept,
			// as the words carry no direction (walk16: 调休上班日 -56% on the card, "56% ± 178%" here)
			if (dir === 'unclear' && e.effect < 0) p.pct = -p.pct;
			if (coming(e))
				out.push(
					msg(`home_decomp_event_${dir}_ahead`, { ...p, ahead: (e.ahead as number[])[0] + 1 }),
				);
			else out.push(msg(`home_decomp_event_${dir}`, p));
		}
		if (said === 0) out.push(msg('home_decomp_events_none', { n: events.length }));
	}
	const promo = input.drivers?.find((d) => d.name === 'promo');
	const uplifts = (input.promotions ?? []).filter(
		(u) => u.periods > 0 && Number.isFinite(u.relative),
	);
	if (!promo && uplifts.length) {
		// the imported promotions' own uplifts: their average share (weighted by promoted periods),
		// said as clear when at least one promotion's 95 % range leaves out zero in that direction
		let w = 0;
		let s = 0;
		for (const u of uplifts) {
			w += u.periods;
			s += u.periods * u.relative;
		}
		const effect = s / w;
		const clear = uplifts.some((u) => (effect > 0 ? u.relLo > 0 : u.relHi < 0));
		if (Number.isFinite(effect) && clear && Math.abs(effect) >= 0.005)
			out.push(
				msg(effect > 0 ? 'home_decomp_promo_up' : 'home_decomp_promo_down', {
					pct: wholePercent(effect),
				}),
			);
		else out.push(msg('home_decomp_promo_unclear'));
	}
	if (promo && Number.isFinite(promo.estimate)) {
		const histLevel = mean(input.trend);
		const effect = histLevel > 0 ? promo.estimate / histLevel : NaN;
		const clear = Math.abs(promo.estimate) > 1.96 * promo.stdError;
		if (Number.isFinite(effect) && clear)
			out.push(
				msg(effect > 0 ? 'home_decomp_promo_up' : 'home_decomp_promo_down', {
					pct: wholePercent(effect),
				}),
			);
		else out.push(msg('home_decomp_promo_unclear'));
	}
	if (input.signal)
		out.push(
			msg('home_decomp_signal_used', {
				signal_kind: input.signal.kind,
				signal_name: input.signal.name,
				lag: input.signal.lag,
				with: Math.round(input.signal.maseWith * 100) / 100,
				without: Math.round(input.signal.maseWithout * 100) / 100,
			}),
		);
	else if ((input.signalsTried ?? 0) > 0)
		out.push(msg('home_decomp_signal_none', { n: input.signalsTried ?? 0 }));
	return out;
}
