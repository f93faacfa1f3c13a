// The bench data sets (tests/bench/run.ts loaders) as one SeriesBatch each for the deep models: shared
// by deep-ensemble.ts (the engine with and without --deep) and deep.ts (pretraining, zero-shot,
// fine-tuned, from scratch).
import type { Frequency, SeriesBatch } from '../../src/core/types';
import type { Dataset } from './run';

const WEEK = 7 * 86_400_000;

/** A bench data set's training parts as one batch (period starts: the known calendar, else weekly/monthly steps). */
export function batchOf(ds: Dataset): { batch: SeriesBatch; freq: Frequency } {
	const freq: Frequency = ds.m === 12 ? 'month' : 'week';
	const indptr = new Int32Array(ds.series.length + 1);
	ds.series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.train.length));
	const n = indptr[ds.series.length];
	const y = new Float64Array(n);
	const dsArr = new Float64Array(n);
	const names = ds.series[0]?.xreg?.names ?? [];
	const values = names.map(() => new Float64Array(n));
	ds.series.forEach((s, i) => {
		y.set(s.train, indptr[i]);
		for (let t = 0; t < s.train.length; t++) {
			// no calendar: end every series on the same (arbitrary) period, weekly or monthly
			const back = s.train.length - 1 - t;
			dsArr[indptr[i] + t] =
				s.ds?.[t] ??
				(freq === 'month' ? Date.UTC(2019, 11 - back, 1) : Date.UTC(2019, 11, 30) - back * WEEK);
		}
		s.xreg?.values.forEach((c, k) => values[k].set(c.subarray(0, s.train.length), indptr[i]));
	});
	const batch: SeriesBatch = { ids: ds.series.map((s) => s.id), indptr, ds: dsArr, y };
	if (names.length) batch.regressors = { names, values };
	return { batch, freq };
}
