// Which shipped pretrained start (public/models/pretrained-<freq>.*) a deep model of a given
// frequency, kind and horizon begins from — without tfjs, so the Models screen, the train worker and
// the CLI share one rule: weekly data gets the weekly start, monthly data the monthly start, and daily
// data none (no daily start is shipped: the model trains from scratch and the UI says so).
import type { Frequency } from '../core/types';
import type { DeepKind } from './kinds';

/** A shipped start: the window shape its weights were pretrained for. */
export interface PretrainedStart {
	freq: Frequency;
	kind: DeepKind;
	lookback: number;
	horizon: number;
	width: number;
}

/** The shipped starts by frequency (their weights: public/models/pretrained-<freq>.{json,bin}). */
export const PRETRAINED_STARTS: Partial<Record<Frequency, PretrainedStart>> = {
	week: { freq: 'week', kind: 'mlp', lookback: 24, horizon: 12, width: 0.5 },
	month: { freq: 'month', kind: 'mlp', lookback: 24, horizon: 12, width: 0.5 },
};

/** Why no start fits: none for the frequency, or the model's kind or horizon differ from it. */
export type NoStartReason = 'freq' | 'kind' | 'horizon';

export type StartChoice =
	| { start: PretrainedStart; reason?: undefined }
	| { start: null; reason: NoStartReason; expected?: PretrainedStart };

/**
 * The start that matches a model of `freq`, `kind` and `horizon` (the app's lookback is 2 × horizon
 * and width 0.5, as the starts'), or why there is none.
 */
export function pretrainedStartFor(freq: Frequency, kind: DeepKind, horizon: number): StartChoice {
	const start = PRETRAINED_STARTS[freq];
	if (!start) return { start: null, reason: 'freq' };
	if (kind !== start.kind) return { start: null, reason: 'kind', expected: start };
	if (horizon !== start.horizon) return { start: null, reason: 'horizon', expected: start };
	return { start };
}

/** Whether a model spec (kind, lookback, horizon, width) has exactly a start's window shape. */
export function fitsStart(
	start: PretrainedStart,
	spec: { kind: string; lookback: number; horizon: number; width?: number },
): boolean {
	return (
		spec.kind === start.kind &&
		spec.lookback === start.lookback &&
		spec.horizon === start.horizon &&
		(spec.width ?? 1) === start.width
	);
}
