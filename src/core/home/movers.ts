// What is rising and falling: each series' units over its last `window` periods against the `window`
// periods before, ranked by the change in units (so a product going from 2 to 6 does not outrank one
// going from 400 to 700). Pure; used by the home dashboard (dashboard.ts) in the home worker.
import type { Message } from '../messages';
import { msg } from '../messages';

/** One series on the move. */
export interface Mover {
	id: string;
	/** Sum over the last `window` periods, and over the `window` before. */
	recent: number;
	previous: number;
	/** recent ÷ previous − 1 (Infinity when previous is 0). */
	change: number;
	direction: 'rising' | 'falling';
	/** One sentence: "sold 320 in the last 4 weeks, up 45 % from 220 in the 4 weeks before". */
	reason: Message;
}

export interface MoverOptions {
	/** Periods compared (default 4). */
	window?: number;
	/** Least units over both windows together for a series to count (default 20). */
	minUnits?: number;
	/** Least relative change to call it rising/falling (default 0.2 = 20 %). */
	minChange?: number;
	/** At most this many each way (default 5). */
	limit?: number;
	/** Message code prefix of the reasons ('home_reason' → home_reason_rising / _falling / _new). */
	codePrefix?: string;
}

/** A batch of series in the engine's layout (ids, indptr, values). */
export interface SeriesSlices {
	ids: readonly string[];
	indptr: ArrayLike<number>;
	y: ArrayLike<number>;
}

const sum = (y: ArrayLike<number>, from: number, to: number): number => {
	let s = 0;
	for (let i = Math.max(0, from); i < to; i++) if (Number.isFinite(y[i])) s += y[i];
	return s;
};

/**
 * Rising and falling series of a batch: the last `window` periods of each series against the
 * `window` before. Series shorter than 2·window are left out. Biggest change in units first.
 */
export function findMovers(
	batch: SeriesSlices,
	opts: MoverOptions = {},
): { rising: Mover[]; falling: Mover[] } {
	const w = Math.max(1, Math.round(opts.window ?? 4));
	const minUnits = opts.minUnits ?? 20;
	const minChange = opts.minChange ?? 0.2;
	const limit = opts.limit ?? 5;
	const prefix = opts.codePrefix ?? 'home_reason';
	const rising: Mover[] = [];
	const falling: Mover[] = [];
	for (let i = 0; i < batch.ids.length; i++) {
		const from = batch.indptr[i];
		const to = batch.indptr[i + 1];
		if (to - from < 2 * w) continue;
		const recent = sum(batch.y, to - w, to);
		const previous = sum(batch.y, to - 2 * w, to - w);
		if (recent + previous < minUnits) continue;
		const change = previous > 0 ? recent / previous - 1 : Infinity;
		const params = {
			recent: Math.round(recent),
			previous: Math.round(previous),
			weeks: w,
			change: Number.isFinite(change) ? Math.round(Math.abs(change) * 100) : 0,
		};
		if (change >= minChange) {
			rising.push({
				id: batch.ids[i],
				recent,
				previous,
				change,
				direction: 'rising',
				reason: msg(previous > 0 ? `${prefix}_rising` : `${prefix}_new`, params),
			});
		} else if (change <= -minChange) {
			falling.push({
				id: batch.ids[i],
				recent,
				previous,
				change,
				direction: 'falling',
				reason: msg(`${prefix}_falling`, params),
			});
		}
	}
	const byUnits = (a: Mover, b: Mover) =>
		Math.abs(b.recent - b.previous) - Math.abs(a.recent - a.previous) || a.id.localeCompare(b.id);
	return {
		rising: rising.sort(byUnits).slice(0, limit),
		falling: falling.sort(byUnits).slice(0, limit),
	};
}
