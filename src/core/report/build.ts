// Builds a ReportDoc from results the app already has: the product totals (Explore), the batch
// forecast, the inventory plan's reorders and optionally the total sales series. Pure: the Report screen
// gathers the inputs, this decides what goes in (aggregates only, never a sale line or a customer).
import { msg } from '../messages';
import {
	REPORT_KIND,
	REPORT_LIMITS,
	REPORT_VERSION,
	type ReportDoc,
	type ReportSection,
	type ReportTableSection,
} from './types';

export interface ReportProductInput {
	productId: string;
	description: string;
	units: number;
	revenue: number;
	orders: number;
}

export interface ReportForecastInput {
	productId: string;
	description: string;
	/** Sum of the point forecast over the horizon. */
	total: number;
	/** Forecast for the next period. */
	next: number;
	/** Backtest MASE of the chosen method (NaN = not measured). */
	mase: number;
}

export interface ReportReorderInput {
	productId: string;
	description: string;
	supplier: string;
	onHand: number;
	reorderPoint: number;
	orderQty: number;
	daysOfCover: number;
	unitCost: number | null;
}

export interface ReportInput {
	title: string;
	dataset: string;
	currency: string;
	period: { from: number; to: number };
	createdAt: number;
	/** Every product of the dataset (totals are taken over all of them). */
	products: readonly ReportProductInput[];
	/** How many top products the table lists (by revenue). */
	topN?: number;
	/** How many reorders and forecast rows the tables list (the most urgent / largest first). */
	maxRows?: number;
	/** Batch forecast, if one was run for this dataset. */
	forecast?: {
		freq: 'day' | 'week' | 'month';
		horizon: number;
		rows: readonly ReportForecastInput[];
	} | null;
	/** Plan rows with an order to place, if the plan was computed. */
	reorders?: readonly ReportReorderInput[] | null;
	/** Total sales per period (e.g. weekly units), the last points are kept. */
	series?: {
		freq: 'day' | 'week' | 'month';
		ds: readonly number[];
		values: readonly number[];
	} | null;
	/** Sections made elsewhere (e.g. the home dashboard), appended as they are. */
	extra?: readonly ReportSection[];
	/** The dataset's sales lines and what its import left out: explains "Order lines" (orderLinesOf). */
	lines?: ReportLinesInput | null;
}

/** Sales lines of a dataset and, when one import made it, the rows that import left out. */
export interface ReportLinesInput {
	/** Lines counted as sales. */
	sales: number;
	/** Rows read and the ones left out, only where they add up to `sales` (one import, not appended). */
	read?: {
		rows: number;
		status: number;
		nonProduct: number;
		returns: number;
		duplicates: number;
		invalid: number;
	};
}

/**
 * The lines of a dataset for the report, from its metadata: the sales lines, and the import's rows
 * read and left out when the dataset is one import whose counts add up (an appended dataset's report
 * holds the last file's only, so it gets none: never a wrong breakdown).
 */
export function orderLinesOf(meta: {
	rowCount: number;
	report: {
		rowsRead: number;
		returnRows: number;
		duplicateRows: number;
		invalidRows: number;
		cancelledRows?: number;
		status?: { excluded: { lines: number } };
		nonProduct?: { lines: number };
		append?: unknown;
	};
}): ReportLinesInput {
	const r = meta.report;
	const read = {
		rows: r.rowsRead,
		status: r.status?.excluded.lines ?? 0,
		nonProduct: r.nonProduct?.lines ?? 0,
		returns: r.returnRows + (r.cancelledRows ?? 0),
		duplicates: r.duplicateRows,
		invalid: r.invalidRows,
	};
	const sum =
		meta.rowCount + read.status + read.nonProduct + read.returns + read.duplicates + read.invalid;
	return !r.append && sum === read.rows && read.rows > meta.rowCount
		? { sales: meta.rowCount, read }
		: { sales: meta.rowCount };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Leaves out a table's description column when it says nothing: every description empty or the
 * product id itself (a Tmall export keyed by 宝贝标题 has no separate name), which left a blank
 * column that pushed the table past a 390-px phone.
 */
function dropEmptyDescriptions(t: ReportTableSection): void {
	const i = t.columns.findIndex((c) => c.label.code === 'report_col_description');
	if (i < 1) return;
	if (!t.rows.every((r) => r[i] === '' || r[i] === null || r[i] === r[0])) return;
	t.columns = t.columns.filter((_, j) => j !== i);
	t.rows = t.rows.map((r) => r.filter((_, j) => j !== i));
}

/** The report of the given results. */
export function buildReport(input: ReportInput): ReportDoc {
	const topN = Math.min(input.topN ?? 10, REPORT_LIMITS.rowsPerTable);
	// A report travels in a link: long tables would push it past what chat apps keep.
	const maxRows = Math.min(input.maxRows ?? 25, REPORT_LIMITS.rowsPerTable);
	let units = 0;
	let revenue = 0;
	let orders = 0;
	for (const p of input.products) {
		units += p.units;
		revenue += p.revenue;
		orders += p.orders;
	}
	const sections: ReportSection[] = [];
	const reorders = (input.reorders ?? []).filter((r) => r.orderQty > 0);
	const orderValue = reorders.reduce((a, r) => a + r.orderQty * (r.unitCost ?? 0), 0);
	// orders to place and not one unit cost known (no stock file, or one without costs): the value is
	// unknown, not £0.00 (as the Plan screen says since 03c06b5); some costs missing: a lower bound, said so
	const noCost = reorders.filter((r) => r.unitCost === null).length;
	const valueUnknown = reorders.length > 0 && noCost === reorders.length;
	const fc = input.forecast && input.forecast.rows.length > 0 ? input.forecast : null;
	const kpis: ReportSection = {
		type: 'kpis',
		id: 'summary',
		title: msg('report_sec_summary'),
		items: [
			{ label: msg('report_kpi_revenue'), value: round2(revenue), kind: 'money' },
			{ label: msg('report_kpi_units'), value: units, kind: 'units' },
			{
				label: msg('report_kpi_orders'),
				value: orders,
				kind: 'count',
				...(input.lines
					? {
							note: input.lines.read
								? msg('report_kpi_orders_note_read', {
										sales: input.lines.sales,
										read: input.lines.read.rows,
										status: input.lines.read.status,
										nonProduct: input.lines.read.nonProduct,
										returns: input.lines.read.returns,
										duplicates: input.lines.read.duplicates,
										invalid: input.lines.read.invalid,
									})
								: msg('report_kpi_orders_note', { sales: input.lines.sales }),
						}
					: {}),
			},
			{ label: msg('report_kpi_products'), value: input.products.length, kind: 'count' },
		],
	};
	if (fc)
		kpis.items.push({
			label: msg(`report_kpi_forecast_${fc.freq}`, { n: fc.horizon }),
			value: round2(fc.rows.reduce((a, r) => a + r.total, 0)),
			kind: 'units',
			note: msg('report_kpi_forecast_note', { n: fc.rows.length }),
		});
	if (input.reorders)
		kpis.items.push(
			{ label: msg('report_kpi_reorders'), value: reorders.length, kind: 'count' },
			valueUnknown
				? {
						label: msg('report_kpi_order_value'),
						value: null,
						kind: 'money',
						note: msg('report_kpi_order_value_unknown'),
					}
				: {
						label: msg('report_kpi_order_value'),
						value: round2(orderValue),
						kind: 'money',
						...(noCost > 0 ? { note: msg('report_kpi_order_value_partial', { n: noCost }) } : {}),
					},
		);
	sections.push(kpis);

	if (input.series && input.series.values.length > 0) {
		const keep = Math.min(input.series.values.length, input.series.freq === 'day' ? 90 : 52);
		const from = input.series.values.length - keep;
		sections.push({
			type: 'series',
			id: 'sales_series',
			title: msg(`report_sec_series_${input.series.freq}`),
			ds: input.series.ds.slice(from),
			values: input.series.values.slice(from).map(round2),
			kind: 'units',
		});
	}

	const top = [...input.products].sort((a, b) => b.revenue - a.revenue).slice(0, topN);
	sections.push({
		type: 'table',
		id: 'top_products',
		title: msg('report_sec_top_products', { n: top.length }),
		columns: [
			{ label: msg('report_col_product'), kind: 'text' },
			{ label: msg('report_col_description'), kind: 'text' },
			{ label: msg('report_col_units'), kind: 'units' },
			{ label: msg('report_col_revenue'), kind: 'money' },
			{ label: msg('report_col_share'), kind: 'percent' },
		],
		rows: top.map((p) => [
			p.productId,
			p.description,
			p.units,
			round2(p.revenue),
			revenue > 0 ? round2((100 * p.revenue) / revenue) : null,
		]),
	});

	if (fc) {
		const rows = [...fc.rows].sort((a, b) => b.total - a.total).slice(0, maxRows);
		sections.push({
			type: 'table',
			id: 'forecast',
			title: msg(`report_sec_forecast_${fc.freq}`, { n: fc.horizon }),
			...(fc.rows.length > rows.length
				? { note: msg('report_rows_shown', { shown: rows.length, total: fc.rows.length }) }
				: {}),
			columns: [
				{ label: msg('report_col_product'), kind: 'text' },
				{ label: msg('report_col_description'), kind: 'text' },
				{ label: msg('report_col_next'), kind: 'units' },
				{ label: msg('report_col_total'), kind: 'units' },
				{ label: msg('report_col_mase'), kind: 'count' },
			],
			rows: rows.map((r) => [
				r.productId,
				r.description,
				round2(r.next),
				round2(r.total),
				Number.isFinite(r.mase) ? round2(r.mase) : null,
			]),
		});
	}

	if (input.reorders) {
		sections.push({
			type: 'table',
			id: 'reorders',
			title: msg('report_sec_reorders'),
			...(reorders.length === 0
				? { note: msg('report_reorders_none') }
				: reorders.length > maxRows
					? { note: msg('report_reorders_shown', { shown: maxRows, total: reorders.length }) }
					: {}),
			columns: [
				{ label: msg('report_col_product'), kind: 'text' },
				{ label: msg('report_col_description'), kind: 'text' },
				{ label: msg('report_col_supplier'), kind: 'text' },
				{ label: msg('report_col_on_hand'), kind: 'units' },
				{ label: msg('report_col_reorder_point'), kind: 'units' },
				{ label: msg('report_col_order'), kind: 'units' },
				{ label: msg('report_col_cover'), kind: 'count' },
			],
			rows: [...reorders]
				.sort((a, b) => a.daysOfCover - b.daysOfCover || b.orderQty - a.orderQty)
				.slice(0, maxRows)
				.map((r) => [
					r.productId,
					r.description,
					r.supplier,
					r.onHand,
					round2(r.reorderPoint),
					r.orderQty,
					Number.isFinite(r.daysOfCover) ? Math.round(r.daysOfCover) : null,
				]),
		});
	}
	for (const s of input.extra ?? []) sections.push(s);
	for (const s of sections) if (s.type === 'table') dropEmptyDescriptions(s);

	return {
		kind: REPORT_KIND,
		v: REPORT_VERSION,
		title: input.title.slice(0, REPORT_LIMITS.textChars),
		createdAt: input.createdAt,
		dataset: input.dataset.slice(0, REPORT_LIMITS.textChars),
		currency: input.currency,
		period: input.period,
		sections: sections.slice(0, REPORT_LIMITS.sections),
	};
}
