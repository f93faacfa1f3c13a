// The engine options the accuracy benches give each series, as the app's forecast worker and the CLI do:
// horizon, season, 80 / 95 % levels, the shipped retail profile as the borrowed season where dates are
// known, the series' regressors, and the batch-learnt launch and spike curves and shrink targets, built
// by the app's own batchEngine (src/core/forecast/batch-engine.ts; learnt from every series' training
// part, never a test part). One builder, so the validation tool (selection.ts) and the accuracy check
// (quick-accuracy.ts) run the engine as shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { batchEngine, type BatchEngine } from '../../src/core/forecast/batch-engine';
import { SHRINK_DEFAULT } from '../../src/core/forecast/season-shrink';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import type { SeriesBatch } from '../../src/core/types';
import { regressorsOf, type Series } from './run';

/** The shared data (as run.ts reads it). */
const DATA = '/work/shared/data';

/**
 * The training parts of a data set's series as one SeriesBatch (what the app's batch holds), with
 * their period starts where given, else ds 0.
 */
export function trainBatch(
	series: readonly { id: string; train: Float64Array }[],
	dates?: readonly ArrayLike<number>[] | null,
): SeriesBatch {
	const indptr = new Int32Array(series.length + 1);
	series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.train.length));
	const y = new Float64Array(indptr[series.length]);
	series.forEach((s, i) => y.set(s.train, indptr[i]));
	const ds = new Float64Array(y.length);
	dates?.forEach((d, i) => ds.set(d, indptr[i]));
	return { ids: series.map((s) => s.id), indptr, ds, y };
}

/** What the batch learns once for all its series (batchEngine), and how many get a shrink target. */
export interface BenchCurves {
	engine: BatchEngine;
	/** Series given a target of the seasonal shrinkage. */
	shrunk: number;
}

/**
 * The batch's shared parts as the app's batchEngine learns them (launch and spike curves, shrink
 * targets; either left out to measure it), without the pooled model (the benches measure the engine
 * series by series) and without a borrowed season from the batch (benchOptions gives dated series the
 * shipped retail profile). The shrink targets: the total of all series' training parts on each period
 * (the shop total; the benches have no categories) without the series' own, matched by period start;
 * only for dated series (weekly sets; Australian retail gets its months from the file here, run.ts
 * leaves them out); M4 has no calendar.
 */
export function benchCurves(
	series: readonly { id: string; train: Float64Array; ds?: Float64Array }[],
	h: number,
	use: { launch?: boolean; spike?: boolean; shrink?: boolean; key?: string } = {},
): BenchCurves {
	const dates = seriesDates(series, use.key);
	const engine = batchEngine(
		trainBatch(series, dates),
		{ horizon: h, models: 'auto' },
		{
			pooled: false,
			borrow: false,
			shrink: !!dates && (use.shrink ?? SHRINK_DEFAULT),
			launch: use.launch !== false,
			spike: use.spike !== false,
		},
	);
	let shrunk = 0;
	for (let i = 0; i < series.length; i++)
		if (engine.optionsFor(i, { horizon: h, season: 1 }).seasonShrink) shrunk++;
	return { engine, shrunk };
}

/** Each series' period starts (its own, or Australian retail's months from the file), or null. */
function seriesDates(
	series: readonly { id: string; train: Float64Array; ds?: Float64Array }[],
	key?: string,
): Float64Array[] | null {
	const months = key === 'aus' ? ausMonths() : null;
	const ds = series.map((s) => s.ds ?? months?.get(s.id)?.subarray(0, s.train.length) ?? null);
	if (ds.some((d, i) => !d || d.length !== series[i].train.length)) return null;
	return ds as Float64Array[];
}

/** Month starts (UTC ms) of each Australian retail series, in file order. */
export function ausMonths(): Map<string, Float64Array> {
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
	return curves.engine.optionsFor(i, {
		horizon: ds.h,
		season: ds.m,
		levels: [0.8, 0.95],
		...(s.ds ? { seasonalPrior: profilePrior(s.ds, ds.m === 12 ? 'month' : 'week', ds.h, 1) } : {}),
		...(regressors ? { regressors } : {}),
	});
}
