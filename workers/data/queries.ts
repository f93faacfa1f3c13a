// Queries of stored sales datasets: sales per period as a SeriesBatch (querySeries, with the average price
// paid as a regressor), the product summary, and every sale and return line in column layout.
import type { ProductSummary } from '../../src/core/ingest/types';
import {
	carryOver,
	nextPeriod,
	periodEdges,
	periodStart,
	typicalStep,
} from '../../src/core/series/calendar';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import { weekStartOf } from '../../src/core/series/week-start';
import { SHOP_TOTAL } from '../../src/core/forecast/batch';
import { LAUNCH_DONORS_READ_MAX, LAUNCH_LEAD_ZEROS } from '../../src/core/forecast/launch';
import { numberColumn, stringColumn } from './arrow';
import type { DataContext } from './context';
import type { GroupColumn } from './products';
import { DESCRIPTION_CATEGORY_SQL } from './category-sql';
import { lit, periodSql } from './sql';
import { ensureLoaded, metaOf } from './store';

export interface SeriesQuery {
	/** Products to return, or null for one series '__total__' over all products. */
	productIds: string[] | null;
	freq: Frequency;
	measure: 'units' | 'revenue';
	/**
	 * Also return each series' average price paid per period (revenue ÷ units of its sales lines, so a
	 * line of 10 units weighs ten times a line of 1; carried over periods without sales) as the regressor
	 * 'price', when the dataset has prices per unit: a units column, or lines of one unit at a unit
	 * price. Not from a revenue column alone (every line then counts as one unit, so revenue ÷ units was
	 * the line's sales themselves: on Walmart's store-weeks a "price" equal to the forecast series, which
	 * took every effect from the calendar's holidays, shown as "+0% (±0%)"). A per-period median was used before: with most lines at one
	 * list price it stayed flat while the prices paid moved (#9 item 14).
	 */
	withPrice?: boolean;
	/** `productIds` name categories or stores instead of products (Explore's group views). */
	groupBy?: GroupColumn;
	/**
	 * Also return each product's category (batch.categories: the mapped column, else the description's
	 * last word, '' when neither), so a short product can borrow its category's yearly peak.
	 */
	withCategory?: boolean;
}

/** Sale and return lines in column layout (see OrderLines in src/core/recommend/interactions.ts). */
export interface OrderLineColumns {
	customer: (string | null)[];
	product: string[];
	order: (string | null)[];
	ds: Float64Array;
	quantity: Float64Array;
	revenue: Float64Array;
	description: (string | null)[];
	store: (string | null)[];
	/** 1 for a return line, 0 for a sale. */
	isReturn: Uint8Array;
}

/** Sales (units or revenue) per period of products, groups or the total, as a SeriesBatch (typed arrays). */
export async function querySeries(
	ctx: DataContext,
	datasetId: string,
	query: SeriesQuery,
): Promise<SeriesBatch> {
	const { q } = ctx;
	const meta = await metaOf(ctx, datasetId);
	const table = await ensureLoaded(ctx, datasetId);
	const { freq } = query;
	// the dataset's own first day of the week (Sunday for a US shop), Monday for datasets stored before
	const weekStart = weekStartOf(meta);
	const period = `epoch_ms(${periodSql(freq, weekStart)})::DOUBLE AS p`;
	const measure = query.measure === 'revenue' ? 'revenue' : 'quantity';
	const grid: number[] = [];
	for (
		let p = periodStart(meta.dateMin, freq, weekStart);
		p <= meta.dateMax;
		p = nextPeriod(p, freq)
	)
		grid.push(p);
	const ids = query.productIds ?? ['__total__'];
	// The ids are products, or categories / stores when the query groups by one (Explore).
	const col = query.groupBy ? `coalesce(${query.groupBy}, '')` : 'product_id';
	const where = query.productIds
		? ` AND ${col} IN (${query.productIds.length ? query.productIds.map(lit).join(', ') : 'NULL'})`
		: '';
	const key = query.productIds ? col : `'__total__'`;
	const res = q(`SELECT ${key} AS id, ${period}, coalesce(sum(${measure}), 0)::DOUBLE AS y
		FROM ${table} WHERE NOT is_return${where} GROUP BY ALL`);
	const rid = stringColumn(res, 'id');
	const rp = numberColumn(res, 'p');
	const ry = numberColumn(res, 'y');
	const n = grid.length;
	const slot = new Map<number, number>(grid.map((p, i) => [p, i]));
	const seriesIndex = new Map<string, number>();
	ids.forEach((s, i) => {
		if (!seriesIndex.has(s)) seriesIndex.set(s, i);
	});
	const indptr = new Int32Array(ids.length + 1);
	const ds = new Float64Array(n * ids.length);
	const y = new Float64Array(n * ids.length);
	for (let i = 0; i < ids.length; i++) {
		indptr[i + 1] = (i + 1) * n;
		ds.set(grid, i * n);
	}
	for (let k = 0; k < rid.length; k++) {
		const si = seriesIndex.get(rid[k] ?? '');
		const pi = slot.get(rp[k]);
		if (si === undefined || pi === undefined) continue;
		y[si * n + pi] += ry[k];
	}
	// Duplicate ids in the request get the same values as their first occurrence.
	ids.forEach((s, i) => {
		const first = seriesIndex.get(s)!;
		if (first !== i) y.set(y.subarray(first * n, first * n + n), i * n);
	});
	const edges = periodEdges(
		meta.dateMin,
		meta.dateMax,
		dateStepOf(ctx, datasetId, table),
		freq,
		weekStart,
	);
	const batch: SeriesBatch = { ids: [...ids], indptr, ds, y, edges };
	const catExpr = meta.mapping.category
		? `coalesce(category::VARCHAR, '')`
		: meta.mapping.description
			? DESCRIPTION_CATEGORY_SQL
			: null;
	if (query.withCategory && query.productIds && !query.groupBy && catExpr) {
		const cr = q(`SELECT product_id AS id, mode(${catExpr}) AS c
			FROM ${table} WHERE NOT is_return${where} GROUP BY ALL`);
		const cid = stringColumn(cr, 'id');
		const cc = stringColumn(cr, 'c');
		const byId = new Map<string, string>();
		for (let k = 0; k < cid.length; k++) byId.set(cid[k] ?? '', cc[k] ?? '');
		batch.categories = ids.map((s) => byId.get(s) ?? '');
	}
	if (query.withCategory && query.productIds && !query.groupBy)
		batch.groups = groupSeries(ctx, table, grid, measure, catExpr, batch, period);
	// a product read alone (or a few) learns its launch curve from the whole dataset's launches
	if (
		query.withCategory &&
		query.productIds &&
		!query.groupBy &&
		query.productIds.length <= LAUNCH_DONORS_READ_MAX
	)
		batch.launches = launchSeries(ctx, table, grid, measure, catExpr, batch.edges, period);
	// a price paid per unit needs units: a units column, or lines of one unit each at a unit price
	const { quantity, unitPrice, revenue } = meta.mapping;
	if (query.withPrice && (quantity || (unitPrice && !revenue))) {
		const price = new Float64Array(n * ids.length).fill(NaN);
		const pr = q(`SELECT ${key} AS id, ${period}, (sum(revenue) / sum(quantity))::DOUBLE AS price
			FROM ${table} WHERE NOT is_return AND revenue IS NOT NULL AND quantity > 0${where}
			GROUP BY ALL`);
		const pid = stringColumn(pr, 'id');
		const pp = numberColumn(pr, 'p');
		const pv = numberColumn(pr, 'price');
		for (let k = 0; k < pid.length; k++) {
			const si = seriesIndex.get(pid[k] ?? '');
			const pi = slot.get(pp[k]);
			if (si !== undefined && pi !== undefined && Number.isFinite(pv[k]))
				price[si * n + pi] = pv[k];
		}
		ids.forEach((s, i) => {
			const first = seriesIndex.get(s)!;
			if (first !== i) price.set(price.subarray(first * n, first * n + n), i * n);
		});
		if (carryOver(price, n)) batch.regressors = { names: ['price'], values: [price] };
	}
	return batch;
}

/**
 * The whole dataset's sales of the batch's categories and of the shop ('__total__', SHOP_TOTAL) on the
 * batch's grid: what a short product borrows its yearly peak from, also when it is read alone.
 */
function groupSeries(
	ctx: DataContext,
	table: string,
	grid: number[],
	measure: string,
	catExpr: string | null,
	batch: SeriesBatch,
	period: string,
): SeriesBatch {
	const cats = catExpr ? [...new Set(batch.categories ?? [])].filter(Boolean) : [];
	const ids = [...cats, SHOP_TOTAL];
	const n = grid.length;
	const slot = new Map<number, number>(grid.map((p, i) => [p, i]));
	const y = new Float64Array(n * ids.length);
	const ds = new Float64Array(n * ids.length);
	for (let i = 0; i < ids.length; i++) ds.set(grid, i * n);
	const add = (res: ReturnType<DataContext['q']>, idOf: (k: number) => number): void => {
		const rp = numberColumn(res, 'p');
		const ry = numberColumn(res, 'y');
		for (let k = 0; k < rp.length; k++) {
			const i = idOf(k);
			const t = slot.get(rp[k]);
			if (i >= 0 && t !== undefined) y[i * n + t] += ry[k];
		}
	};
	if (cats.length > 0) {
		const res = ctx.q(`SELECT ${catExpr} AS c, ${period}, coalesce(sum(${measure}), 0)::DOUBLE AS y
			FROM ${table} WHERE NOT is_return AND ${catExpr} IN (${cats.map(lit).join(', ')})
			GROUP BY ALL`);
		const rc = stringColumn(res, 'c');
		const index = new Map(cats.map((c, i) => [c, i]));
		add(res, (k) => index.get(rc[k] ?? '') ?? -1);
	}
	add(
		ctx.q(`SELECT ${period}, coalesce(sum(${measure}), 0)::DOUBLE AS y
			FROM ${table} WHERE NOT is_return GROUP BY ALL`),
		() => ids.length - 1,
	);
	return {
		ids,
		indptr: Int32Array.from({ length: ids.length + 1 }, (_, i) => i * n),
		ds,
		y,
		...(batch.edges ? { edges: batch.edges } : {}),
	};
}

/**
 * Every product of the dataset first sold at least LAUNCH_LEAD_ZEROS periods into the grid, on the
 * grid (zeros before its first sale), with its category: the launches a product only weeks old
 * learns its curve from (src/core/forecast/launch.ts), also when it is read alone.
 */
function launchSeries(
	ctx: DataContext,
	table: string,
	grid: number[],
	measure: string,
	catExpr: string | null,
	edges: SeriesBatch['edges'],
	period: string,
): SeriesBatch {
	const n = grid.length;
	const empty: SeriesBatch = {
		ids: [],
		indptr: new Int32Array(1),
		ds: new Float64Array(0),
		y: new Float64Array(0),
		categories: [],
		...(edges ? { edges } : {}),
	};
	if (n <= LAUNCH_LEAD_ZEROS) return empty;
	const res = ctx.q(`WITH s AS (
			SELECT product_id AS id, ${period}, coalesce(sum(${measure}), 0)::DOUBLE AS y
			FROM ${table} WHERE NOT is_return GROUP BY ALL),
		f AS (SELECT id FROM s WHERE y > 0 GROUP BY id HAVING min(p) >= ${grid[LAUNCH_LEAD_ZEROS]})
		SELECT s.id, s.p, s.y FROM s JOIN f USING (id) ORDER BY s.id`);
	const rid = stringColumn(res, 'id');
	const rp = numberColumn(res, 'p');
	const ry = numberColumn(res, 'y');
	const index = new Map<string, number>();
	for (const id of rid) if (!index.has(id ?? '')) index.set(id ?? '', index.size);
	const ids = [...index.keys()];
	if (ids.length === 0) return empty;
	const slot = new Map<number, number>(grid.map((p, i) => [p, i]));
	const y = new Float64Array(n * ids.length);
	const ds = new Float64Array(n * ids.length);
	for (let i = 0; i < ids.length; i++) ds.set(grid, i * n);
	for (let k = 0; k < rid.length; k++) {
		const t = slot.get(rp[k]);
		if (t !== undefined) y[index.get(rid[k] ?? '')! * n + t] += ry[k];
	}
	const byId = new Map<string, string>();
	if (catExpr) {
		const cr = ctx.q(`SELECT product_id AS id, mode(${catExpr}) AS c
			FROM ${table} WHERE NOT is_return GROUP BY ALL`);
		const cid = stringColumn(cr, 'id');
		const cc = stringColumn(cr, 'c');
		for (let k = 0; k < cid.length; k++) byId.set(cid[k] ?? '', cc[k] ?? '');
	}
	return {
		ids,
		indptr: Int32Array.from({ length: ids.length + 1 }, (_, i) => i * n),
		ds,
		y,
		categories: ids.map((id) => byId.get(id) ?? ''),
		...(edges ? { edges } : {}),
	};
}

/** How far apart the dataset's sale dates typically are (a day for till exports, a month for monthly reports). */
function dateStepOf(ctx: DataContext, id: string, table: string): number {
	let step = ctx.dateSteps.get(id);
	if (step === undefined) {
		const res = ctx.q(`SELECT DISTINCT epoch_ms(date_trunc('day', ds))::DOUBLE AS d FROM ${table}
			WHERE ds IS NOT NULL ORDER BY d`);
		step = typicalStep(numberColumn(res, 'd'));
		ctx.dateSteps.set(id, step);
	}
	return step;
}

/** Every product of a dataset with its sales totals, best sellers first. */
export async function productSummary(
	ctx: DataContext,
	datasetId: string,
): Promise<ProductSummary[]> {
	await metaOf(ctx, datasetId);
	const table = await ensureLoaded(ctx, datasetId);
	const res = ctx.q(`SELECT product_id,
			coalesce(mode(description), '') AS description, coalesce(mode(category), '') AS category,
			sum(quantity)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue,
			count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders,
			epoch_ms(min(ds))::DOUBLE AS first_sale, epoch_ms(max(ds))::DOUBLE AS last_sale
		FROM ${table} WHERE NOT is_return GROUP BY product_id ORDER BY units DESC, product_id`);
	const pid = stringColumn(res, 'product_id');
	const desc = stringColumn(res, 'description');
	const cat = stringColumn(res, 'category');
	const units = numberColumn(res, 'units');
	const revenue = numberColumn(res, 'revenue');
	const orders = numberColumn(res, 'orders');
	const first = numberColumn(res, 'first_sale');
	const last = numberColumn(res, 'last_sale');
	return pid.map((p, i) => ({
		productId: p ?? '',
		description: desc[i] ?? '',
		category: cat[i] ?? '',
		units: units[i],
		revenue: revenue[i],
		orders: orders[i],
		firstSale: first[i],
		lastSale: last[i],
	}));
}

/**
 * Every stored sale and return line of a dataset in column layout (customers, recommendations, risk):
 * cancelled sales are left out, returns carry `isReturn`. Times are epoch ms.
 */
export async function orderLines(ctx: DataContext, datasetId: string): Promise<OrderLineColumns> {
	const { q, scalar } = ctx;
	await metaOf(ctx, datasetId);
	const table = await ensureLoaded(ctx, datasetId);
	const hasCancelled =
		scalar(
			`SELECT count(*)::DOUBLE FROM information_schema.columns WHERE table_name = ${lit(table)} AND column_name = 'cancelled'`,
		) > 0;
	const res = q(
		`SELECT customer_id::VARCHAR AS c, product_id::VARCHAR AS p, order_id::VARCHAR AS o,
			epoch_ms(ds)::DOUBLE AS t, quantity::DOUBLE AS qty, coalesce(revenue, 0)::DOUBLE AS rev,
			description::VARCHAR AS d, store::VARCHAR AS s, is_return AS r
		FROM ${table} ${hasCancelled ? 'WHERE NOT cancelled' : ''} ORDER BY ds, src_row`,
	);
	const col = (name: string) => res.getChild(name)!.toArray() as unknown[];
	const strs = (name: string) =>
		col(name).map((v) => (v === null || v === undefined ? null : String(v)));
	return {
		customer: strs('c'),
		product: strs('p').map((v) => v ?? ''),
		order: strs('o'),
		ds: Float64Array.from(col('t') as number[]),
		quantity: Float64Array.from(col('qty') as number[]),
		revenue: Float64Array.from(col('rev') as number[]),
		description: strs('d'),
		store: strs('s'),
		isReturn: Uint8Array.from(col('r') as boolean[], (b) => (b ? 1 : 0)),
	};
}
