// The forecast worker's hierarchy job: every node of the category × store hierarchy (total,
// categories, stores, cells) forecast by the automatic engine and reconciled
// (src/core/forecast/hierarchy-forecast.ts: bottom-up or MinT-shrink, chosen by a backtest).
// Called by forecast-api.ts; results are plain typed arrays (moved back with Comlink.transfer).
import { codedError } from '../data/coded-error';
import { forecastAutoAsync } from '../../src/core/engine';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import {
	forecastHierarchy,
	type HierarchyForecast,
	type HierarchyNode,
} from '../../src/core/forecast/hierarchy-forecast';
import type { Progress } from '../../src/core/ingest/types';
import { trimPartialPeriods } from '../../src/core/series/calendar';
import type { SeriesBatch } from '../../src/core/types';

/** A hierarchy job's input: the cells (one series each, same grid) with their category and store. */
export interface HierarchyRequest {
	batch: SeriesBatch;
	cells: { category: string | null; store: string | null }[];
}

export interface HierarchyResult extends HierarchyForecast {
	/** Period starts of the history (after partial edge periods are left out). */
	ds: Float64Array;
	/** The incomplete first / last period left out (epoch ms), or null. */
	droppedFirst: number | null;
	droppedLast: number | null;
}

/** Forecast and reconcile the hierarchy; `signal` stops it between node forecasts. */
export async function runHierarchy(
	req: HierarchyRequest,
	options: AutoForecastOptions,
	signal: AbortSignal,
	onProgress?: (p: Progress) => void | Promise<void>,
): Promise<HierarchyResult> {
	const trimmed = trimPartialPeriods(req.batch);
	const b = trimmed.batch;
	if (b.ids.length !== req.cells.length)
		throw new RangeError(`${req.cells.length} cells for ${b.ids.length} series`);
	const cells = req.cells.map((c, i) => ({ ...c, y: b.y.slice(b.indptr[i], b.indptr[i + 1]) }));
	const n = b.ids.length ? b.indptr[1] - b.indptr[0] : 0;
	const { regressors: _ignored, seriesId: _id, ...engine } = options;
	const res = await forecastHierarchy(
		cells,
		options.horizon,
		async (y: Float64Array, node: HierarchyNode, horizon: number) => {
			if (signal.aborted) throw codedError('AbortError', 'forecast_cancelled');
			// let a cancel message in between node forecasts
			await new Promise((r) => setTimeout(r, 0));
			const r = await forecastAutoAsync(y, { ...engine, horizon, seriesId: node.key }, { signal });
			return { point: r.point, intervals: r.intervals, model: r.model };
		},
		{ onProgress: (done, total) => onProgress?.({ phase: 'forecast', done, total }) },
	);
	return {
		...res,
		ds: b.ds.slice(0, n),
		droppedFirst: trimmed.droppedFirst,
		droppedLast: trimmed.droppedLast,
	};
}

/** The typed arrays of a result, to transfer. */
export function hierarchyBuffers(r: HierarchyResult): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (a: Float64Array): void => {
		if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
	};
	add(r.ds);
	r.history.forEach(add);
	r.point.forEach(add);
	for (const ivs of r.intervals)
		for (const iv of ivs) {
			add(iv.lower);
			add(iv.upper);
		}
	for (const b of r.base) {
		add(b.point);
		for (const iv of b.intervals) {
			add(iv.lower);
			add(iv.upper);
		}
	}
	return [...out];
}
