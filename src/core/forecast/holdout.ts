// The hold-out check of a deep model's mix (helper "deepgate", tests/bench/results/DEEP.md): the
// whole forecast as the shop would have had it one horizon ago, scored on what then sold. Pure
// TypeScript: the forecast worker cuts the batch (prepareBatch's dropLast) and sends the cut periods
// back (holdoutTails); src/ml/candidates.ts decides with it for the app and the CLI.

import type { SeriesBatch } from '../types';

/**
 * One series of the hold-out check: the whole forecast as the shop would have had it one horizon
 * ago. The engine is run on every series without its last h periods
 * (the statistical forecast as it would have been chosen then: not selected on the window it is
 * scored on), the deep model's forecast from the same cut-off comes from the backtest table (its
 * model was trained without those periods), and both are scored on the h periods that followed.
 * Pooled over the shop's series, any length (a shop of 17 weeks has one such window per product).
 */
export interface HoldoutSeries {
	/** The statistical forecast from the cut-off (engine without the deep model). */
	stat: ArrayLike<number>;
	/** The deep model's forecast from the same cut-off (undefined: none). */
	deep: ArrayLike<number> | undefined;
	/** What was sold in the h periods after the cut-off. */
	actual: ArrayLike<number>;
	/** Mean absolute one-step change of the series (its MASE scale; 0 or NaN: left out of MASE). */
	scale: number;
}

/** What the hold-out check found, pooled over the shop's series. */
export interface HoldoutCheck {
	/** Mean MASE of the 50/50 mix ÷ of the statistical forecast on the window after the cut-off. */
	ratio: number;
	/** Pooled WAPE of the mix ÷ of the statistical forecast. */
	wapeRatio: number;
	/** Series scored (with a deep forecast). */
	n: number;
	/** Series where the mix was no worse. */
	won: number;
	pass: boolean;
}

/** The mix must be at most this × the statistical forecast's hold-out MASE (and WAPE). */
export const DEEP_HOLDOUT_GATE = 1;

/** Mean absolute one-step change of `y` (NaN under 2 points). */
export function holdoutScale(y: ArrayLike<number>): number {
	let s = 0;
	let k = 0;
	for (let t = 1; t < y.length; t++) {
		const d = Math.abs(y[t] - y[t - 1]);
		if (Number.isFinite(d)) {
			s += d;
			k++;
		}
	}
	return k > 0 ? s / k : NaN;
}

/** Score the 50/50 mix against the statistical forecast on the window after the cut-off. */
export function holdoutCheck(
	series: readonly HoldoutSeries[],
	gate = DEEP_HOLDOUT_GATE,
	weight = 0.5,
): HoldoutCheck {
	let ms = 0;
	let mm = 0;
	let as = 0;
	let am = 0;
	let sum = 0;
	let n = 0;
	let won = 0;
	for (const s of series) {
		if (!s.deep) continue;
		const h = Math.min(s.stat.length, s.deep.length, s.actual.length);
		if (h === 0) continue;
		let es = 0;
		let em = 0;
		let a = 0;
		let ok = true;
		for (let j = 0; j < h; j++) {
			const y = s.actual[j];
			const f = s.stat[j];
			const g = (1 - weight) * f + weight * s.deep[j];
			if (!Number.isFinite(y) || !Number.isFinite(f) || !Number.isFinite(g)) {
				ok = false;
				break;
			}
			es += Math.abs(y - f);
			em += Math.abs(y - g);
			a += Math.abs(y);
		}
		if (!ok) continue;
		n++;
		won += em <= es ? 1 : 0;
		as += es;
		am += em;
		sum += a;
		if (s.scale > 0) {
			ms += es / h / s.scale;
			mm += em / h / s.scale;
		}
	}
	const ratio = ms > 0 ? mm / ms : NaN;
	const wapeRatio = as > 0 && sum > 0 ? am / as : NaN;
	return { ratio, wapeRatio, n, won, pass: ratio <= gate && wapeRatio <= gate };
}

/** What a batch sold in its last `k` periods, per series id, with each series' MASE scale. */
export interface HoldoutTails {
	[id: string]: { actual: Float64Array; scale: number };
}

/**
 * The last `k` periods of every series of `batch` (holdoutCheck's actuals) and the holdoutScale of the
 * periods before them (the scale known at the cut, as the bench's check computes it).
 */
export function holdoutTails(batch: SeriesBatch, k: number): HoldoutTails {
	const out: HoldoutTails = {};
	batch.ids.forEach((id, i) => {
		const y = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
		if (k <= 0 || y.length <= k) return;
		out[id] = { actual: y.slice(y.length - k), scale: holdoutScale(y.subarray(0, y.length - k)) };
	});
	return out;
}
