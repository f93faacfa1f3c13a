// The forecast worker's hierarchy job: every node of the product → category × store hierarchy (total,
// categories, stores, cells, products capped by capProducts) forecast by the automatic engine and reconciled
// (src/core/forecast/hierarchy-forecast.ts: bottom-up, MinT-shrink / WLS / OLS, top-down or middle-out,
// chosen by a backtest), the nodes forecast as one batch with the product batch's engine options.
// Called by forecast-api.ts; results are plain typed arrays (moved back with Comlink.transfer).
import { codedError } from '../data/coded-error';
import { forecastBatchNodes } from '../../src/core/forecast/batch-engine';
import { nodeBatch, peakSourceNotes } from '../../src/core/forecast/hierarchy-forecast';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import {
	capProducts,
	forecastHierarchy,
	type HierarchyCell,
	type HierarchyForecast,
} from '../../src/core/forecast/hierarchy-forecast';
import type { Progress } from '../../src/core/ingest/types';
import { futureDates, seasonFor, trimPartialPeriods } from '../../src/core/series/calendar';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import type { HierarchyData, HierarchyQuery } from '../data/hierarchy';

/** A hierarchy job's input: the cells (one series each, same grid) with their category and store. */
export interface HierarchyRequest {
	batch: SeriesBatch;
	cells: { category: string | null; store: string | null; product?: string }[];
	/** Most products kept apart (capProducts; default 40). */
	maxProducts?: number;
}

/** The product level's cap: how many products were kept apart and pooled. */
export interface ProductLevelInfo {
	kept: number;
	/** Every other product of the dataset (forecast within its category's "other products"). */
	pooled: number;
	/** Products the data worker gave (the biggest that sold in at least 2 periods), before the cap. */
	candidates: number;
}

/** The backtest's own forecasts (`backtests`) stay in the worker: the screen does not use them. */
export interface HierarchyResult extends Omit<HierarchyForecast, 'backtests'> {
	/** Period starts of the history (after partial edge periods are left out). */
	ds: Float64Array;
	/** The incomplete first / last period left out (epoch ms), or null. */
	droppedFirst: number | null;
	droppedLast: number | null;
	/** Starts of the forecast's periods (empty without history). */
	future: Float64Array;
	/** With a product level: what its cap did. */
	products?: ProductLevelInfo;
}

/** Which hierarchy to forecast: a dataset's cells, read by the forecast worker from the data worker. */
export type HierarchyKeys = HierarchyQuery & { datasetId: string };

/**
 * Engine options of a hierarchy job: the season defaults to the periods' (52 weeks, 12 months, 7 days);
 * `maxProducts` products are kept apart at the bottom (default 40; 0: no product level).
 */
export type HierarchyOptions = Omit<AutoForecastOptions, 'season'> & {
	season?: number;
	maxProducts?: number;
};

/** Products kept apart by default (the data worker gives 3 × as many candidates). */
export const DEFAULT_MAX_PRODUCTS = 40;

/** What the cells' query said about the dataset's columns. */
export type HierarchyInfo = Omit<HierarchyData, 'batch' | 'cells'>;

/** A hierarchy job's answer: the dataset's columns, and the reconciled forecast (null: no hierarchy). */
export interface HierarchyAnswer {
	info: HierarchyInfo;
	result: HierarchyResult | null;
}

/** The data has a hierarchy to reconcile: cells, and a category or a store column. */
export function hasHierarchy(data: HierarchyData): boolean {
	return data.cells.length > 0 && (data.categorySource !== null || data.hasStore);
}

/**
 * The hierarchy of `keys` from its cells (read over the link): the season of its periods (core), then
 * forecast and reconciled by runHierarchy; no forecast when the dataset has no hierarchy.
 */
export async function runHierarchyOf(
	data: HierarchyData,
	keys: HierarchyKeys,
	options: HierarchyOptions,
	signal: AbortSignal,
	onProgress?: (p: Progress) => void | Promise<void>,
): Promise<HierarchyAnswer> {
	const { batch, cells, ...info } = data;
	if (!hasHierarchy(data)) return { info, result: null };
	const { season, maxProducts, ...rest } = options;
	const result = await runHierarchy(
		{ batch, cells, ...(maxProducts !== undefined ? { maxProducts } : {}) },
		{ ...rest, season: season ?? seasonFor(keys.freq) },
		signal,
		onProgress,
		keys.freq,
	);
	// the products the read pooled already are forecast with "other products" too: say all of them
	const pre = data.otherProducts ?? 0;
	if (result.products && pre > 0)
		result.products = {
			...result.products,
			pooled: result.products.pooled + pre,
		};
	return { info, result };
}

/** Forecast and reconcile the hierarchy; `signal` stops it between node forecasts. */
export async function runHierarchy(
	req: HierarchyRequest,
	options: AutoForecastOptions,
	signal: AbortSignal,
	onProgress?: (p: Progress) => void | Promise<void>,
	freq?: Frequency,
): Promise<HierarchyResult> {
	const trimmed = trimPartialPeriods(req.batch);
	const b = trimmed.batch;
	if (b.ids.length !== req.cells.length)
		throw new RangeError(`${req.cells.length} cells for ${b.ids.length} series`);
	const all: HierarchyCell[] = req.cells.map((c, i) => ({
		...c,
		y: b.y.slice(b.indptr[i], b.indptr[i + 1]),
	}));
	const withProducts = all.some((c) => c.product !== undefined);
	const capped = withProducts
		? capProducts(all, {
				maxProducts: req.maxProducts ?? DEFAULT_MAX_PRODUCTS,
				horizon: options.horizon,
			})
		: null;
	const cells = capped ? capped.cells : all;
	const n = b.ids.length ? b.indptr[1] - b.indptr[0] : 0;
	const { regressors: _ignored, seriesId: _id, ...engine } = options;
	const ds = b.ds.subarray(0, n);
	const { backtests: _backtests, ...res } = await forecastHierarchy(
		cells,
		options.horizon,
		{
			// the distinct nodes as one batch, with the product batch's shared parts (borrowed season,
			// launch and spike curves, the gated pooled model: core/forecast/batch-engine.ts)
			nodes: async (ys, nodes, horizon, step) => {
				const { results } = await forecastBatchNodes(
					nodeBatch(ys, nodes, ds),
					{ ...engine, horizon },
					{
						signal,
						onEach: async () => {
							await step();
							// let a cancel message in between node forecasts
							await new Promise((r) => setTimeout(r, 0));
							if (signal.aborted) throw codedError('AbortError', 'forecast_cancelled');
						},
					},
				);
				return results.map((r) => {
					const peak = peakSourceNotes(r.notes);
					return {
						point: r.point,
						intervals: r.intervals,
						model: r.model,
						...(peak.length ? { peakSource: peak } : {}),
					};
				});
			},
		},
		{ onProgress: (done, total) => onProgress?.({ phase: 'forecast', done, total }) },
	);
	return {
		...res,
		ds: b.ds.slice(0, n),
		droppedFirst: trimmed.droppedFirst,
		droppedLast: trimmed.droppedLast,
		future: freq && n > 0 ? futureDates(b.ds[n - 1], options.horizon, freq) : new Float64Array(0),
		...(capped
			? {
					products: {
						kept: capped.kept.length,
						pooled: capped.pooled,
						candidates: capped.kept.length + capped.pooled,
					},
				}
			: {}),
	};
}

/** The typed arrays of a result, to transfer. */
export function hierarchyBuffers(r: HierarchyResult): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (a: Float64Array): void => {
		if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
	};
	add(r.ds);
	add(r.future);
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
	for (const alt of Object.values(r.byMethod)) {
		alt.point.forEach(add);
		for (const ivs of alt.intervals)
			for (const iv of ivs) {
				add(iv.lower);
				add(iv.upper);
			}
	}
	return [...out];
}
