// The rules every batch forecast follows, wherever its series come from (the forecast, train and plan
// workers read them from the data worker over a MessageChannel; the CLI from a file): leave out a
// partly covered first or last period (it would look like a slump), choose the season from the
// periods, date the forecast's periods, carry each series' latest price into the future, and borrow a
// season for short histories. Pure: no DOM, no worker.
import type { AutoForecastOptions } from '../engine-types';
import type { ProductSummary } from '../ingest/types';
import type { Frequency, SeriesBatch } from '../types';
import { futureDates, seasonFor, trimPartialPeriods, type TrimmedBatch } from '../series/calendar';
import { borrowSeason, type SeasonGroup } from './seasonal-prior';
import { SHRINK_DEFAULT, shrinkTarget } from './season-shrink';

/** Incomplete edge periods a forecast left out, and the data's own first and last dates (for notes). */
export type LeftOut = Pick<TrimmedBatch, 'droppedFirst' | 'droppedLast'> & {
	edges: SeriesBatch['edges'];
};

/** A batch ready to forecast: trimmed history, its season, and the dates of the periods ahead. */
export interface PreparedBatch {
	batch: SeriesBatch;
	leftOut: LeftOut;
	/** Seasonal period of `freq` (52 weeks, 12 months, 7 days). */
	season: number;
	/** Starts of the `horizon` periods after the history's latest period (empty without history). */
	future: Float64Array;
}

/** Drops the latest `k` periods of every series of an equal-grid batch (a forecast made `k` periods ago). */
export function dropLatest(batch: SeriesBatch, k: number): SeriesBatch {
	const n = batch.ids.length;
	if (k <= 0 || n === 0) return batch;
	const len = batch.indptr[1] - batch.indptr[0];
	const m = Math.max(0, len - k);
	const cut = (a: Float64Array): Float64Array => {
		const out = new Float64Array(m * n);
		for (let i = 0; i < n; i++) out.set(a.subarray(batch.indptr[i], batch.indptr[i] + m), i * m);
		return out;
	};
	return {
		ids: [...batch.ids],
		indptr: Int32Array.from({ length: n + 1 }, (_, i) => i * m),
		ds: cut(batch.ds),
		y: cut(batch.y),
		...(batch.edges ? { edges: batch.edges } : {}),
		...(batch.categories ? { categories: [...batch.categories] } : {}),
		...(batch.groups ? { groups: dropLatest(batch.groups, k) } : {}),
		...(batch.launches ? { launches: dropLatest(batch.launches, k) } : {}),
		...(batch.regressors
			? {
					regressors: {
						names: [...batch.regressors.names],
						values: batch.regressors.values.map(cut),
					},
				}
			: {}),
	};
}

/**
 * The batch as the data worker returned it → what is forecast: without the partly covered first or
 * last period (told back in `leftOut`), optionally without its latest `dropLast` periods, with the
 * season of `freq` and the dates of the `horizon` periods ahead.
 */
export function prepareBatch(
	raw: SeriesBatch,
	freq: Frequency,
	horizon: number,
	opts: { dropLast?: number } = {},
): PreparedBatch {
	const trimmed = trimPartialPeriods(raw);
	const batch = dropLatest(trimmed.batch, opts.dropLast ?? 0);
	const n = batch.ids.length > 0 ? batch.indptr[1] - batch.indptr[0] : 0;
	return {
		batch,
		leftOut: {
			droppedFirst: trimmed.droppedFirst,
			droppedLast: trimmed.droppedLast,
			edges: trimmed.batch.edges,
		},
		season: seasonFor(freq),
		future: n > 0 ? futureDates(batch.ds[n - 1], horizon, freq) : new Float64Array(0),
	};
}

/** Most products a global deep model trains on (the best sellers); more adds little but time. */
export const DEEP_MAX_PRODUCTS = 2000;

/** The `n` best-selling products by units (what a global deep model trains on). */
export function topSellers(summary: readonly ProductSummary[], n: number): string[] {
	return [...summary]
		.sort((a, b) => b.units - a.units)
		.slice(0, n)
		.map((p) => p.productId);
}

/**
 * The options for series i, with the batch's regressors (e.g. price) cut to that series. Their
 * future values hold the last one: the forecast assumes the price stays where it is now.
 */
export function withRegressors(
	batch: SeriesBatch,
	i: number,
	options: AutoForecastOptions,
): AutoForecastOptions {
	const reg = batch.regressors;
	if (!reg || reg.names.length === 0) return options;
	const from = batch.indptr[i];
	const to = batch.indptr[i + 1];
	const h = Math.max(0, Math.floor(options.horizon));
	return {
		...options,
		regressors: {
			names: reg.names,
			history: reg.values.map((v) => v.subarray(from, to)),
			future: reg.values.map((v) => new Float64Array(h).fill(to > from ? v[to - 1] : NaN)),
		},
	};
}

/** Sum of every series of the batch per period start (the batch's total), when it has several. */
export function batchTotal(batch: SeriesBatch): { ds: Float64Array; y: Float64Array } | null {
	if (batch.ids.length < 2) return null;
	const sums = new Map<number, number>();
	for (let k = 0; k < batch.ds.length; k++) {
		const v = batch.y[k];
		sums.set(batch.ds[k], (sums.get(batch.ds[k]) ?? 0) + (Number.isFinite(v) ? v : 0));
	}
	const ds = Float64Array.from(sums.keys()).sort();
	return { ds, y: ds.map((t) => sums.get(t) ?? 0) };
}

/**
 * Sum per period start of the batch's series in each category (batch.categories; '' = none), for
 * categories of at least two series (one product's own sales are not a category's season).
 */
export function categoryTotals(
	batch: SeriesBatch,
): Map<string, { ds: Float64Array; y: Float64Array }> {
	const out = new Map<string, { ds: Float64Array; y: Float64Array }>();
	const cats = batch.categories;
	if (!cats || cats.length !== batch.ids.length) return out;
	const members = new Map<string, number[]>();
	cats.forEach((c, i) => {
		if (c) members.set(c, [...(members.get(c) ?? []), i]);
	});
	for (const [c, idx] of members) {
		if (idx.length < 2) continue;
		const sums = new Map<number, number>();
		for (const i of idx)
			for (let k = batch.indptr[i]; k < batch.indptr[i + 1]; k++) {
				const v = batch.y[k];
				sums.set(batch.ds[k], (sums.get(batch.ds[k]) ?? 0) + (Number.isFinite(v) ? v : 0));
			}
		const ds = Float64Array.from(sums.keys()).sort();
		out.set(c, { ds, y: ds.map((t) => sums.get(t) ?? 0) });
	}
	return out;
}

/** Group id of the shop total in SeriesBatch.groups. */
export const SHOP_TOTAL = '__total__';

/**
 * The season groups of a batch whose query returned them (SeriesBatch.groups: the whole dataset's
 * category and shop totals), else null (then the batch's own sums stand in: batchTotal, categoryTotals).
 */
export function groupTotals(batch: SeriesBatch): {
	total: { ds: Float64Array; y: Float64Array } | null;
	categories: Map<string, { ds: Float64Array; y: Float64Array }>;
} | null {
	const g = batch.groups;
	if (!g) return null;
	let total: { ds: Float64Array; y: Float64Array } | null = null;
	const categories = new Map<string, { ds: Float64Array; y: Float64Array }>();
	for (let i = 0; i < g.ids.length; i++) {
		const s = {
			ds: g.ds.subarray(g.indptr[i], g.indptr[i + 1]),
			y: g.y.subarray(g.indptr[i], g.indptr[i + 1]),
		};
		if (g.ids[i] === SHOP_TOTAL) total = s;
		else if (g.ids[i]) categories.set(g.ids[i], s);
	}
	return { total, categories };
}

/**
 * The options for series i with a borrowed season where its history since its first sale is shorter
 * than two seasons (a product launched late in a long dataset counts from its launch, as the engine
 * fits it): its category's (categoryTotals) when that has two, else the batch total's, else the
 * shipped retail profile (seasonal-prior.ts). And, unless `shrink` is false, the same groups' sales
 * without the product's own as the target its own season is shrunk towards (season-shrink.ts; the
 * engine uses it from a season and a half of history). `borrow` false: no borrowed season (only the
 * shrink target).
 */
export function withSeason(
	batch: SeriesBatch,
	i: number,
	options: AutoForecastOptions,
	total: { ds: Float64Array; y: Float64Array } | null,
	categories?: ReadonlyMap<string, { ds: Float64Array; y: Float64Array }>,
	shrink = SHRINK_DEFAULT,
	borrow = true,
): AutoForecastOptions {
	const ds = batch.ds.subarray(batch.indptr[i], batch.indptr[i + 1]);
	const y = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
	const groups: SeasonGroup[] = [];
	const cat = batch.categories?.[i];
	const own = cat ? categories?.get(cat) : undefined;
	if (cat && own) groups.push({ ...own, name: cat, source: 'category' });
	if (total) groups.push({ ...total, name: 'total' });
	const target =
		shrink && !options.seasonShrink
			? shrinkTarget(
					ds,
					y,
					groups.map((g) => ({ ...g, source: g.source ?? 'group' })),
				)
			: null;
	if (target) options = { ...options, seasonShrink: target };
	if (options.seasonalPrior || !borrow) return options;
	let first = 0;
	while (first < y.length && !(y[first] > 0)) first++;
	const prior = borrowSeason(
		ds,
		Math.max(0, Math.floor(options.horizon)),
		Math.round(options.season || 1),
		groups,
		first,
	);
	return prior ? { ...options, seasonalPrior: prior } : options;
}
