// Deep models as candidates of the engine's registry (src/core/forecast/registry.ts). A global model is
// trained once per backtest origin on ALL series (src/ml/backtest.ts, in the train worker or the CLI),
// and its forecasts are looked up here by series id and training-window end: the engine then backtests,
// ranks, combines and calibrates them like its own models. An end without a forecast fails that origin,
// so a model is never scored on a window whose targets it was trained on (its owner only supplies
// ends at or after each training cut-off). Pure TypeScript (no tfjs): the forecast worker imports it.

import type { ExternalForecastAt } from '../core/forecast/external';
import type { Candidate, CandidateRegistry } from '../core/forecast/registry';
import type { Forecast } from '../core/types';

/** Precomputed forecasts of one deep model: by series id, one per training-window end. */
export type DeepForecastTable = Record<string, ExternalForecastAt[]>;

/** Candidate name of a deep model kind ('deep-mlp', 'deep-nbeats', …). */
export const deepCandidateName = (kind: string): string => `deep-${kind}`;

/**
 * Backtest origins the engine uses for horizon h at most (src/core/engine.ts: enough for ~24 pooled
 * conformal scores, 3 to 6); a deep model must supply a forecast at each of them to be ranked.
 */
export function engineOrigins(h: number): number {
	return Math.min(6, Math.max(3, Math.ceil(24 / Math.max(1, h))));
}

/** A registry candidate that answers from `table` (family 'deep', in the automatic choice). */
export function precomputedCandidate(name: string, table: DeepForecastTable): Candidate {
	const byId = new Map<string, Map<number, ExternalForecastAt>>();
	for (const [id, list] of Object.entries(table))
		byId.set(id, new Map(list.map((a) => [a.end, a])));
	return {
		name,
		family: 'deep',
		minLength: 1,
		auto: true,
		fit(_y, ctx) {
			const at = ctx.seriesId !== undefined ? byId.get(ctx.seriesId)?.get(ctx.end) : undefined;
			if (!at) throw new Error(`${name} has no forecast from ${ctx.end} points`);
			return {
				predict(h, levels): Forecast {
					if (at.point.length < h) throw new Error(`${name} forecasts ${at.point.length} steps`);
					return {
						point: at.point.slice(0, h),
						intervals: at.intervals
							.filter((iv) => levels.some((l) => Math.abs(l - iv.level) < 1e-9))
							.map((iv) => ({
								level: iv.level,
								lower: iv.lower.slice(0, h),
								upper: iv.upper.slice(0, h),
							})),
					};
				},
			};
		},
	};
}

/**
 * Register one candidate per deep model (name → table); returns a function that removes them all.
 * A name already registered throws (remove the previous run's candidates first).
 */
export function registerDeepCandidates(
	reg: CandidateRegistry,
	tables: Record<string, DeepForecastTable>,
): () => void {
	const offs: (() => void)[] = [];
	for (const [name, table] of Object.entries(tables)) {
		offs.push(reg.register(precomputedCandidate(name, table)));
	}
	return () => offs.forEach((off) => off());
}
