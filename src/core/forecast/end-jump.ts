// A series that ends on a jump (issue #11, StockX, RESULTS.md v2.5b): the latest week holds a release,
// a promotion or a viral spike far above the series' own recent level (StockX brand Off-White: 166, 144,
// 577, 748 sold). How much of a fresh jump lasts is unknown; models with a trend (ARIMA, drift, ETS) read
// it as the start of a rising line and forecast above it (850 → 917 a week rising, while 372–1,007 sold).
// The rule: no forecast above a ceiling set by the jump. The jump test uses the series' own robust spread
// (median and MAD of the 8 values before the last), so it adapts to each series' noise. Thresholds fixed
// before measuring, not tuned. Pure TypeScript.
import type { AutoForecastResult } from '../engine-types';
import { msg, type Message } from '../messages';

/** Values before the last that set the usual level and spread. */
export const JUMP_WINDOW = 8;
/** How many robust standard deviations (1.4826 × MAD) above the median the last value must be. */
export const JUMP_Z = 4;
/** And how many times the median, at least. */
export const JUMP_RATIO = 1.5;

/** The ceiling: 'last' = the jump itself (C1), 'half' = halfway from the usual level to it (C2). */
export type JumpCap = 'last' | 'half';
/** The shipped variant (RESULTS.md v2.5b). */
export const JUMP_CAP: JumpCap = 'half';

function median(a: readonly number[]): number {
	const s = [...a].sort((x, y) => x - y);
	const k = s.length >> 1;
	return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/**
 * Whether y ends on a jump: at least JUMP_WINDOW + 2 points, the JUMP_WINDOW values before the last all
 * > 0 and below it, the last more than JUMP_Z robust standard deviations and JUMP_RATIO × above their
 * median, and the season (m > 1) does not explain it (the value one season earlier was not at least
 * halfway up). Returns the last value and the usual level (the median), or null.
 */
export function endJump(y: ArrayLike<number>, m = 1): { last: number; base: number } | null {
	const n = y.length;
	if (n < JUMP_WINDOW + 2) return null;
	const last = y[n - 1];
	if (!Number.isFinite(last)) return null;
	const w: number[] = [];
	for (let i = n - 1 - JUMP_WINDOW; i < n - 1; i++) {
		const v = y[i];
		if (!Number.isFinite(v) || !(v > 0) || !(v < last)) return null;
		w.push(v);
	}
	const base = median(w);
	const spread = 1.4826 * median(w.map((v) => Math.abs(v - base)));
	if (!(last - base > JUMP_Z * spread) || !(last >= JUMP_RATIO * base)) return null;
	if (m > 1 && n - 1 - m >= 0 && y[n - 1 - m] >= (base + last) / 2) return null;
	return { last, base };
}

/** The ceiling of the forecast of a series ending on jump `j`. */
export function jumpCeiling(j: { last: number; base: number }, cap: JumpCap = JUMP_CAP): number {
	return cap === 'last' ? j.last : (j.base + j.last) / 2;
}

/**
 * r with its point forecast capped at `ceiling` at every step and both ends of each interval moved down
 * by the same amount, with a note; r itself when no step is above the ceiling.
 */
export function capAtJump(
	r: AutoForecastResult,
	j: { last: number; base: number },
	ceiling: number,
): AutoForecastResult {
	const cut = Float64Array.from(r.point, (v) => (v > ceiling ? v - ceiling : 0));
	if (!cut.some((c) => c > 0)) return r;
	// a lower end at or above 0 stays at or above 0
	const down = (v: Float64Array): Float64Array =>
		Float64Array.from(v, (x, i) => Math.max(x - (cut[i] ?? 0), Math.min(x, 0)));
	return {
		...r,
		point: down(r.point),
		intervals: r.intervals.map((iv) => ({ ...iv, lower: down(iv.lower), upper: down(iv.upper) })),
		notes: [...r.notes, jumpNote(j, ceiling)],
	};
}

/** The note that the forecast was kept from rising above a fresh jump (catalog engine_note_end_jump). */
export function jumpNote(j: { last: number; base: number }, ceiling: number): Message {
	return msg('engine_note_end_jump', {
		value: Math.round(j.last),
		base: Math.round(j.base),
		cap: Math.round(ceiling),
	});
}
