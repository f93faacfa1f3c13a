// Why the engine chose the method it did, from its leaderboard, so the Forecast screen can say it in
// words that agree with the errors it shows (a blend can be chosen over a single method that scored a
// little better: src/core/engine.ts prefers the combination unless one method is clearly ahead).
import type { LeaderboardRow } from '../../core/engine-types';

/**
 * How much better (MASE ratio) a single method must backtest to be used instead of the blend. Mirrors
 * COMBO_PREFERENCE and SEASONAL_COMBO_PREFERENCE in src/core/forecast/combo-preference.ts (a test keeps
 * them equal; views import core as types only): 1.6 for monthly series with two seasons.
 */
export const BLEND_PREFERENCE = 1.3;
export const SEASONAL_BLEND_PREFERENCE = 1.6;
const blendPreference = (season: number, n: number): number =>
	season === 12 && n >= 2 * season ? SEASONAL_BLEND_PREFERENCE : BLEND_PREFERENCE;

export type ChoiceReason =
	/** The chosen method had the lowest error. */
	| { kind: 'lowest'; chosen: LeaderboardRow }
	/** A blend was chosen although a single method scored a little better. */
	| { kind: 'blend-rule'; chosen: LeaderboardRow; best: LeaderboardRow; marginPct: number }
	/** No error could be measured (MASE undefined): chosen by the percentage error instead. */
	| { kind: 'by-percent'; chosen: LeaderboardRow }
	/** Nothing could be tested on past sales: a simple fallback. */
	| { kind: 'untested' }
	/** Anything else (e.g. a tie broken by the order of methods). */
	| { kind: 'other'; chosen: LeaderboardRow; best: LeaderboardRow };

const isBlend = (model: string) => /^\w+\(.*\)$/.test(model);

/** The reason behind `chosen`, judged by the same key as the engine (MASE, else sMAPE). */
export function choiceReason(
	rows: readonly LeaderboardRow[],
	chosen: string,
	/** The series' season and length, for the engine's preference factor (comboPreference). */
	series?: { season: number; n: number },
): ChoiceReason {
	const row = rows.find((r) => r.model === chosen);
	if (!row || (!Number.isFinite(row.mase) && !Number.isFinite(row.smape)))
		return { kind: 'untested' };
	const anyMase = rows.some((r) => Number.isFinite(r.mase));
	if (!anyMase) return { kind: 'by-percent', chosen: row };
	const best = rows
		.filter((r) => Number.isFinite(r.mase))
		.reduce((a, b) => (b.mase < a.mase ? b : a));
	if (!Number.isFinite(row.mase)) return { kind: 'other', chosen: row, best };
	if (row.mase <= best.mase * (1 + 1e-9)) return { kind: 'lowest', chosen: row };
	if (isBlend(row.model) && !isBlend(best.model))
		return {
			kind: 'blend-rule',
			chosen: row,
			best,
			marginPct: Math.round(
				((series ? blendPreference(series.season, series.n) : BLEND_PREFERENCE) - 1) * 100,
			),
		};
	return { kind: 'other', chosen: row, best };
}
