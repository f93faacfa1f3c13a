// ReportDoc: a serializable, versioned report of AGGREGATED results (KPIs, small tables, short series)
// that can travel in a link, a `.trendcast-report` file or a PDF. It never carries raw sales rows or
// customer data: only totals per product, forecast sums and plan quantities. Texts that the reader's
// app translates are message codes (`{ code, params }`); names that come from the shop's data
// (dataset, product descriptions, suppliers) are plain strings, always rendered as text.
import type { Message } from '../messages';

/** The version this app writes. Readers refuse other versions with `report_err_version`. */
export const REPORT_VERSION = 1;

/** Marks a JSON object as a Trendcast report (also the `kind` of a `.trendcast-report` file). */
export const REPORT_KIND = 'trendcast-report';

/** How a number is shown. */
export type ReportValueKind = 'text' | 'count' | 'units' | 'money' | 'percent' | 'date';

/** One key figure. */
export interface ReportKpi {
	label: Message;
	value: number | null;
	kind: ReportValueKind;
	/** Optional explanation under the figure. */
	note?: Message;
}

/** A column of a report table. */
export interface ReportColumn {
	label: Message;
	kind: ReportValueKind;
}

/** A cell: text, a number (formatted by the column's kind) or empty. */
export type ReportCell = string | number | null;

export interface ReportKpiSection {
	type: 'kpis';
	/** Stable id (`summary`, `top_products` …), also used by tests and to merge sections. */
	id: string;
	title: Message;
	items: ReportKpi[];
}

export interface ReportTableSection {
	type: 'table';
	id: string;
	title: Message;
	note?: Message;
	columns: ReportColumn[];
	rows: ReportCell[][];
}

export interface ReportSeriesSection {
	type: 'series';
	id: string;
	title: Message;
	/** Period starts, epoch ms UTC. */
	ds: number[];
	values: number[];
	kind: ReportValueKind;
}

/**
 * Sentences in plain words (the Forecast screen's explanation of one product's forecast). Their sums
 * (params before/now/forecast/actual) are in `kind`; periods are named from `freq`.
 */
export interface ReportNotesSection {
	type: 'notes';
	id: string;
	title: Message;
	freq: 'day' | 'week' | 'month';
	kind: ReportValueKind;
	items: Message[];
}

export type ReportSection =
	ReportKpiSection | ReportTableSection | ReportSeriesSection | ReportNotesSection;

/** The whole report. */
export interface ReportDoc {
	kind: typeof REPORT_KIND;
	v: typeof REPORT_VERSION;
	/** Title chosen by the owner (plain text). */
	title: string;
	/** Epoch ms when the report was made. */
	createdAt: number;
	/** Name of the dataset the figures come from. */
	dataset: string;
	/** ISO 4217 code of the money figures. */
	currency: string;
	/** First and last sale date the figures cover (epoch ms UTC). */
	period: { from: number; to: number };
	sections: ReportSection[];
}

/** Limits a report (and so a link or file someone sends) must stay within. */
export const REPORT_LIMITS = {
	sections: 40,
	rowsPerTable: 500,
	columns: 16,
	kpis: 24,
	seriesPoints: 400,
	notes: 24,
	textChars: 400,
	params: 12,
} as const;
