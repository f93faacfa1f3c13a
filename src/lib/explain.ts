// "In plain words" as messages (src/core/home/explain.ts) for the Forecast screen and the report: how
// close the forecast came on held-out periods, what makes it up, and what moved since the forecast made
// one period earlier. Views word the messages (views/Forecast/explain-words.ts); state and views import
// core only as types, so they reach these pure functions here.
import type { Decomposition, Driver, LeaderboardRow } from '../core/engine-types';
import type { PromotionUplift } from '../core/forecast/promotions';
import {
	accuracyInWords,
	decompositionInWords,
	forecastMove,
	type ExplainEvent,
	type ExplainSignal,
	type ForecastMove,
} from '../core/home/explain';
import type { Message } from '../core/messages';
import { seasonFor } from '../core/series/calendar';
import type { Frequency } from '../core/types';

export interface ExplainInput {
	freq: Frequency;
	/** The forecast and the method that made it, with the backtest's leaderboard. */
	point: ArrayLike<number>;
	model: string;
	leaderboard: readonly LeaderboardRow[];
	/** The same forecast made one period earlier, and what sold in that period. */
	previous?: { point: ArrayLike<number>; model: string; lastActual: number } | null;
	decomposition?: Decomposition;
	/** Season length in periods; the frequency's usual season when left out. */
	season?: number;
	events?: readonly ExplainEvent[];
	/** The chosen method does not use the holiday calendar (the worker's calendarUsed === false). */
	calendarUnused?: boolean;
	drivers?: readonly Driver[];
	promotions?: readonly PromotionUplift[];
	signalsTried?: number;
	signal?: ExplainSignal | null;
}

export interface Explanation {
	accuracy: Message[];
	/** What makes the forecast up (empty without a decomposition). */
	parts: Message[];
	/** What moved since the earlier forecast (null without one). */
	move: ForecastMove | null;
}

/** Everything "In plain words" says about one forecast, as messages. */
export function explainForecast(i: ExplainInput): Explanation {
	const d = i.decomposition;
	return {
		accuracy: accuracyInWords(i.leaderboard, i.model),
		parts: d
			? decompositionInWords({
					trend: d.trend,
					seasonal: d.seasonal,
					season: i.season ?? seasonFor(i.freq),
					point: i.point,
					events: i.events,
					calendarUnused: i.calendarUnused ?? false,
					drivers: i.drivers,
					promotions: i.promotions,
					signalsTried: i.signalsTried ?? 0,
					signal: i.signal ?? null,
				})
			: [],
		move: i.previous
			? forecastMove(i.previous, { point: i.point, model: i.model }, i.previous.lastActual)
			: null,
	};
}
