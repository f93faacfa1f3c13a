// A spike at the end of a series: a restock (a Yeezy at 35 a week sells 98 then 122) or one giant
// order (an 80,995-unit week). Fitted as it is, it sets the level of every model (the forecast stays
// near 113 while the next weeks sell 44, 54, 45, …). It cannot be told from the start of a new level
// by the series alone, and no backtest origin sees it, so the shop's own history decides how much of
// such a jump lasts: every earlier spike of the batch's series (a period at least SPIKE_RATIO × the
// median of the 8 before it, after periods that were not) gives, for each step j after it, the share
// of its excess over that median still there j + 1 periods later; the median share per step is the
// shop's spike curve. A series ending on a spike (1–2 periods) is fitted with the spike at its
// median level, and the forecast gets back the excess × the curve. Pure TypeScript.
import type { AutoForecastResult } from '../engine-types';
import type { SeriesBatch } from '../types';
import { msg, type Message } from '../messages';

/**
 * How far above the median of the 8 periods before it a period must be to count as a spike. Chosen at
 * validation (sum of MASE over the series it changes, engine on the adjusted series vs as it is):
 * 2 → StockX V1 33.6 → 22.7 (13 series) but pooled error up, online retail V1 40.8 → 33.4; 2.5 →
 * retail 20.8 → 14.3; 3 → StockX V1 18.6 → 9.1 (7 series), retail V1 14.7 → 9.4 (12 series).
 */
export const SPIKE_RATIO = 3;
/** Periods the level before a spike is the median of. */
export const SPIKE_BASE = 8;
/** Longest run at the end treated as one spike (a restock often sells over two weeks). */
export const SPIKE_RUN = 2;
/** Fewest earlier spikes the curve is learned from; with fewer the engine leaves the spike alone. */
export const SPIKE_MIN_EVENTS = 5;

/** What is left of a spike's excess j + 1 periods after it (median over the shop's earlier spikes). */
export interface SpikeCurve {
	/** share[j]: median of (y[t + 1 + j] − base) ÷ (y[t] − base) over earlier spikes t, in [0, 1]. */
	share: number[];
	events: number;
}

function median(a: number[]): number {
	const s = [...a].sort((x, y) => x - y);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of the SPIKE_BASE values before index t (null when there are fewer or it is not > 0). */
function baseBefore(y: ArrayLike<number>, t: number): number | null {
	if (t < SPIKE_BASE) return null;
	const w: number[] = [];
	for (let i = t - SPIKE_BASE; i < t; i++) {
		if (!Number.isFinite(y[i])) return null;
		w.push(y[i]);
	}
	const b = median(w);
	return b > 0 ? b : null;
}

/**
 * The spike a series ends on: the first index of its run (1–SPIKE_RUN periods, each ≥ SPIKE_RATIO ×
 * the median of the SPIKE_BASE periods before the run) and that median; null when it ends on none.
 */
export function endSpike(y: ArrayLike<number>): { start: number; base: number } | null {
	const n = y.length;
	for (let k = 1; k <= SPIKE_RUN; k++) {
		const start = n - k;
		const base = baseBefore(y, start);
		if (base === null) return null;
		let all = true;
		for (let i = start; i < n; i++) if (!(y[i] >= SPIKE_RATIO * base)) all = false;
		if (!all) return null;
		// the run ends where the period before it is ordinary
		if (!(y[start - 1] >= SPIKE_RATIO * base)) return { start, base };
	}
	return null;
}

/** The spike curve of a batch's series for a horizon h; null with under SPIKE_MIN_EVENTS spikes. */
export function learnSpikeCurve(
	series: readonly ArrayLike<number>[],
	h: number,
): SpikeCurve | null {
	const shares: number[][] = Array.from({ length: h }, () => []);
	let events = 0;
	for (const y of series) {
		for (let t = SPIKE_BASE; t + 1 < y.length; t++) {
			const base = baseBefore(y, t);
			if (base === null || !(y[t] >= SPIKE_RATIO * base)) continue;
			if (y[t - 1] >= SPIKE_RATIO * base) continue;
			// the run's last period (a two-period restock counts from its second week)
			let e = t;
			while (e + 1 < y.length && e - t + 1 < SPIKE_RUN && y[e + 1] >= SPIKE_RATIO * base) e++;
			if (e + 1 >= y.length) continue;
			const excess = y[e] - base;
			events++;
			for (let j = 0; j < h && e + 1 + j < y.length; j++)
				shares[j].push(Math.min(1, Math.max(0, (y[e + 1 + j] - base) / excess)));
			t = e;
		}
	}
	if (events < SPIKE_MIN_EVENTS) return null;
	const share: number[] = [];
	for (let j = 0; j < h; j++)
		share.push(shares[j].length >= SPIKE_MIN_EVENTS ? median(shares[j]) : (share[j - 1] ?? 0));
	return { share, events };
}

/** The spike curve of every series of a batch (the shop's), or null. */
export function batchSpikeCurve(batch: SeriesBatch, h: number): SpikeCurve | null {
	const all: ArrayLike<number>[] = [];
	for (let i = 0; i < batch.ids.length; i++)
		all.push(batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]));
	return learnSpikeCurve(all, h);
}

/**
 * A series that ends on a spike, ready to fit: `y` with the run at its base, and `add(j)`, what the
 * forecast gets back at step j (the last period's excess × the curve). Null when it ends on none.
 */
export function spikeAdjust(
	y: Float64Array,
	curve: SpikeCurve,
): { y: Float64Array; add: Float64Array; value: number; base: number } | null {
	const s = endSpike(y);
	if (!s) return null;
	const out = Float64Array.from(y);
	for (let i = s.start; i < y.length; i++) out[i] = s.base;
	const excess = y[y.length - 1] - s.base;
	return {
		y: out,
		add: Float64Array.from(curve.share, (c) => c * excess),
		value: y[y.length - 1],
		base: s.base,
	};
}

/** The note that a spike at the end was fitted at its usual level (catalog engine_note_end_spike). */
export function spikeNote(a: { value: number; base: number }, curve: SpikeCurve): Message {
	return msg('engine_note_end_spike', {
		value: Math.round(a.value),
		base: Math.round(a.base),
		share: Math.round((curve.share[0] ?? 0) * 100),
		n: curve.events,
	});
}

/**
 * The engine's result on the adjusted series (spikeAdjust) with the spike's lasting part added back
 * to the point forecast and both ends of every interval, and the note.
 */
export function withSpikeBack(
	r: AutoForecastResult,
	a: { add: Float64Array; value: number; base: number },
	curve: SpikeCurve,
): AutoForecastResult {
	const h = r.point.length;
	const add = (v: Float64Array): Float64Array =>
		Float64Array.from(v, (x, j) => x + (a.add[Math.min(j, a.add.length - 1)] ?? 0));
	if (h === 0) return r;
	return {
		...r,
		point: add(r.point),
		intervals: r.intervals.map((iv) => ({ ...iv, lower: add(iv.lower), upper: add(iv.upper) })),
		notes: [...r.notes, spikeNote(a, curve)],
	};
}
