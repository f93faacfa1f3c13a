// The engine options the accuracy benches give each series, as the app's forecast worker and the CLI do:
// horizon, season, 80 / 95 % levels, the shipped retail profile as the borrowed season where dates are
// known, the series' regressors, and the batch-learnt launch and spike curves (src/core/forecast/launch.ts,
// spike.ts; learnt from every series' training part, never a test part). One builder, so the validation
// tool (selection.ts) and the accuracy check (quick-accuracy.ts) run the engine as shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { batchTotal } from '../../src/core/forecast/batch';
import {
	SHRINK_DEFAULT,
	shrinkTarget,
	type SeasonShrinkTarget,
} from '../../src/core/forecast/season-shrink';
import { batchLaunchCurves } from '../../src/core/forecast/launch';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { batchSpikeCurve, type SpikeCurve } from '../../src/core/forecast/spike';
import type { SeriesBatch } from '../../src/core/types';
import { regressorsOf, type Series } from './run';

/** The shared data (as run.ts reads it). */
const DATA = '/work/shared/data';

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
	/** Each series' target of the seasonal shrinkage (null: none), as the app's withSeason gives it. */
	shrink?: (SeasonShrinkTarget | null)[] | null;
}

/** The batch's launch and spike curves (either left out to measure it). */
export function benchCurves(
	series: readonly { id: string; train: Float64Array }[],
	h: number,
	use: { launch?: boolean; spike?: boolean; shrink?: boolean; key?: string } = {},
): BenchCurves {
	const batch = trainBatch(series);
	return {
		launches: use.launch === false ? null : batchLaunchCurves(batch, h),
		spike: use.spike === false ? null : batchSpikeCurve(batch, h),
		shrink: (use.shrink ?? SHRINK_DEFAULT) ? shrinkTargets(series, use.key) : null,
	};
}

/**
 * The shrink targets of a data set's series: the total of all its series' training parts on each
 * period (the shop total; the benches have no categories) without the series' own, matched by period
 * start. Only for dated series (weekly sets; Australian retail gets its months from the file here,
 * run.ts leaves them out); M4 has no calendar.
 */
function shrinkTargets(
	series: readonly { id: string; train: Float64Array; ds?: Float64Array }[],
	key?: string,
): (SeasonShrinkTarget | null)[] | null {
	const months = key === 'aus' ? ausMonths() : null;
	const ds = series.map((s) => s.ds ?? months?.get(s.id)?.subarray(0, s.train.length) ?? null);
	if (ds.some((d, i) => !d || d.length !== series[i].train.length)) return null;
	const total = batchTotal({
		...trainBatch(series),
		ds: Float64Array.from(ds.flatMap((d) => [...d!])),
	});
	if (!total) return null;
	return series.map((s, i) =>
		shrinkTarget(ds[i]!, s.train, [{ ...total, name: 'total', source: 'group' }]),
	);
}

/** Month starts (UTC ms) of each Australian retail series, in file order. */
function ausMonths(): Map<string, Float64Array> {
	const lines = readFileSync(join(DATA, 'aus_retail/aus_retail_monthly_train.csv'), 'utf8')
		.trim()
		.split('\n');
	const by = new Map<string, number[]>();
	for (const line of lines.slice(1)) {
		const f = line.split(',');
		// industry names may hold commas: series_id and date are the third and second columns from the right
		const id = f[f.length - 3];
		let a = by.get(id);
		if (!a) by.set(id, (a = []));
		a.push(Date.parse(`${f[f.length - 2]}T00:00:00Z`));
	}
	return new Map([...by].map(([k, v]) => [k, Float64Array.from(v)]));
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
		...(curves.shrink?.[i] ? { seasonShrink: curves.shrink[i]! } : {}),
	};
}
