// The engine options the accuracy benches give each series, as the app's forecast worker and the CLI do:
// horizon, season, 80 / 95 % levels, the shipped retail profile as the borrowed season where dates are
// known, the series' regressors, and the batch-learnt launch and spike curves (src/core/forecast/launch.ts,
// spike.ts; learnt from every series' training part, never a test part). One builder, so the validation
// tool (selection.ts) and the accuracy check (quick-accuracy.ts) run the engine as shipped.
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { batchLaunchCurves } from '../../src/core/forecast/launch';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { batchSpikeCurve, type SpikeCurve } from '../../src/core/forecast/spike';
import type { SeriesBatch } from '../../src/core/types';
import { regressorsOf, type Series } from './run';

/** The training parts of a data set's series as one SeriesBatch (what the app's batch holds). */
export function trainBatch(series: readonly { id: string; train: Float64Array }[]): SeriesBatch {
	const indptr = new Int32Array(series.length + 1);
	series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.train.length));
	const y = new Float64Array(indptr[series.length]);
	series.forEach((s, i) => y.set(s.train, indptr[i]));
	return { ids: series.map((s) => s.id), indptr, ds: new Float64Array(y.length), y };
}

/** What the batch learns once for all its series. */
export interface BenchCurves {
	launches: ReturnType<typeof batchLaunchCurves> | null;
	spike: SpikeCurve | null;
}

/** The batch's launch and spike curves (either left out to measure it). */
export function benchCurves(
	series: readonly { id: string; train: Float64Array }[],
	h: number,
	use: { launch?: boolean; spike?: boolean } = {},
): BenchCurves {
	const batch = trainBatch(series);
	return {
		launches: use.launch === false ? null : batchLaunchCurves(batch, h),
		spike: use.spike === false ? null : batchSpikeCurve(batch, h),
	};
}

/** The options for series i of a data set (regressors unless `noRegressors`). */
export function benchOptions(
	ds: { h: number; m: number; series: readonly Series[] },
	i: number,
	curves: BenchCurves,
	noRegressors = false,
): AutoForecastOptions {
	const s = ds.series[i];
	const regressors = noRegressors ? undefined : regressorsOf(s, ds.h);
	const launchCurve = curves.launches?.curveFor(i);
	return {
		horizon: ds.h,
		season: ds.m,
		levels: [0.8, 0.95],
		seriesId: s.id,
		...(s.ds ? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, 1) } : {}),
		...(regressors ? { regressors } : {}),
		...(launchCurve ? { launchCurve } : {}),
		...(curves.spike ? { spikeCurve: curves.spike } : {}),
	};
}
