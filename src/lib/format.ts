// Number, money, size and date formatting for the UI, in the UI language (src/lib/i18n): shop owners read
// these, so every number gets thousands separators and dates are shown in UTC (the data worker stores
// period starts as UTC ms). Called from templates, so a language switch re-renders them.
import { CURRENCY_CODES } from '../core/ingest/currency';
import type { TrimmedBatch } from '../core/series/calendar';
import type { LeftOut } from '../core/forecast/batch';
import type { Frequency } from '../core/types';
import type { MessageParam } from '../core/messages';
import type { MessageCode } from './i18n/catalog';
import { currentLocale, intlLocale } from './i18n/locale';
import { translate } from './i18n/translate';

/** The currency used for revenue, guessed from the browser's region (changeable in Settings). */
export function guessCurrency(
	locale: string = typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB',
): string {
	const l = locale.toLowerCase();
	if (l === 'en-gb' || l.endsWith('-gb')) return 'GBP';
	if (l === 'en-us' || l.endsWith('-us')) return 'USD';
	if (/^(de|fr|it|es|nl|pt|fi|el|sk|sl|et|lv|lt|ga|mt)\b/.test(l)) return 'EUR';
	if (l.startsWith('zh')) return 'CNY';
	if (l.startsWith('ja')) return 'JPY';
	return 'USD';
}

/** The currencies the app knows (ISO 4217 codes). */
export const CURRENCIES: readonly string[] = CURRENCY_CODES;

/** The currencies a picker offers, with `current` added when it is not among them. */
export function currencyChoices(current: string | undefined): string[] {
	const list: string[] = [...CURRENCY_CODES];
	if (current && !list.includes(current)) list.unshift(current);
	return list;
}

/** Words in the UI language (lib code has no access to the view's `t`). */
function w(code: MessageCode, params?: Record<string, MessageParam>): string {
	return translate(currentLocale(), code, params);
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** One cached Intl formatter per UI language and option set. */
function nf(key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
	const loc = intlLocale(currentLocale());
	const k = `n:${loc}:${key}`;
	let f = formats.get(k) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat(loc, opts);
		formats.set(k, f);
	}
	return f;
}

function df(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const loc = intlLocale(currentLocale());
	const k = `d:${loc}:${key}`;
	let f = formats.get(k) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat(loc, { ...opts, timeZone: 'UTC' });
		formats.set(k, f);
	}
	return f;
}

const intFmt = () => nf('int', { maximumFractionDigits: 0 });
const oneDecimal = () => nf('1dp', { maximumFractionDigits: 1 });

/** 12345.6 → "12,346"; small non-integers keep one decimal. */
export function formatNumber(n: number): string {
	if (!Number.isFinite(n)) return '–';
	return Math.abs(n) < 10 && !Number.isInteger(n) ? oneDecimal().format(n) : intFmt().format(n);
}

/** Money with the currency symbol and no pennies above 1,000. */
export function formatMoney(n: number, currency: string): string {
	if (!Number.isFinite(n)) return '–';
	const big = Math.abs(n) >= 1000;
	try {
		return nf(`money:${currency}:${big}`, {
			style: 'currency',
			currency,
			maximumFractionDigits: big ? 0 : 2,
		}).format(n);
	} catch {
		return intFmt().format(n);
	}
}

const ENCODING_CODES: Record<string, MessageCode> = {
	'utf-16be': 'fmt_encoding_utf16be',
	gbk: 'fmt_encoding_gbk',
	gb18030: 'fmt_encoding_gb18030',
	shift_jis: 'import_encoding_shift_jis',
	'windows-1252': 'fmt_encoding_windows1252',
};
const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16' };

/** 'gb18030' → 'Chinese (GBK / GB18030)'; unknown labels are shown as they are. */
export function encodingName(label: string): string {
	const l = label.toLowerCase();
	const code = ENCODING_CODES[l];
	return code ? w(code) : (ENCODING_NAMES[l] ?? label);
}

/**
 * The line above the mapping table: "4,191 rows · CSV · Chinese (GBK / GB18030) · separated by ','". The
 * text encoding is said only for text files (CSV, TSV, JSON) and the separator only for CSV and TSV: an
 * Excel workbook or a Parquet file has neither (the worker reads them as UTF-8 CSV, which the owner
 * never saw, so "XLSX · UTF-8 · separated by ','" was wrong).
 */
export function previewSummary(p: {
	rowCount: number;
	format: string;
	encoding: string;
	delimiter?: string;
}): string {
	const text = p.format === 'csv' || p.format === 'tsv' || p.format === 'json';
	const parts = [w('importview_rows', { n: p.rowCount }), p.format.toUpperCase()];
	if (text) parts.push(encodingName(p.encoding));
	if (p.delimiter && (p.format === 'csv' || p.format === 'tsv'))
		parts.push(
			w('importview_separated_by', {
				sep: p.delimiter === '\t' ? w('importview_tab') : p.delimiter,
			}),
		);
	return parts.join(' · ');
}

const PHASES: Record<string, MessageCode> = {
	reading: 'fmt_phase_reading',
	decoding: 'fmt_phase_decoding',
	analysing: 'fmt_phase_analysing',
	loading: 'fmt_phase_loading',
	cleaning: 'fmt_phase_cleaning',
	saving: 'fmt_phase_saving',
	downloading: 'fmt_phase_downloading',
	forecast: 'fmt_phase_forecast',
	history: 'fmt_phase_history',
	deep: 'models_phase_backtest',
	customers_lines: 'fmt_phase_customers_lines',
	customers_segments: 'fmt_phase_customers_segments',
	customers_recommend: 'fmt_phase_customers_recommend',
	customers_risk: 'fmt_phase_customers_risk',
	market_posts: 'fmt_phase_market_posts',
	market_topics: 'fmt_phase_market_topics',
	market_reviews: 'fmt_phase_market_reviews',
	market_sentiment: 'fmt_phase_market_sentiment',
	market_search: 'fmt_phase_market_search',
};

/** A worker's progress phase code ('cleaning') in words ('Cleaning the rows'). */
export function phaseLabel(phase: string | undefined, fallback: string): string {
	if (!phase) return fallback;
	const code = PHASES[phase];
	return code ? w(code) : fallback;
}

/** 0.834 → "83%" (with `digits` 1: 0.0046 → "0.5%"). */
export function formatPercent(share: number, digits = 0, fixed = false): string {
	if (!Number.isFinite(share)) return '–';
	const opts: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: digits };
	// `fixed`: always `digits` decimals, so a column of them lines up ("8.0%" over "19.5%")
	if (fixed) opts.minimumFractionDigits = digits;
	return nf(`pct${digits}${fixed ? 'f' : ''}`, opts).format(share);
}

/** Scores such as MASE: two decimals. */
export function formatScore(n: number): string {
	return Number.isFinite(n) ? n.toFixed(2) : '–';
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '–';
	const units = ['KB', 'MB', 'GB', 'TB'];
	if (bytes < 1024) return w('fmt_bytes', { n: bytes });
	let v = bytes / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${oneDecimal().format(v)} ${units[i]}`;
}

const dayFmt = () => df('day', { day: 'numeric', month: 'short', year: 'numeric' });
const monthFmt = () => df('month', { month: 'short', year: 'numeric' });

/** A period start (UTC ms) as the shop owner would say it for this frequency. */
export function formatPeriod(ms: number, freq: Frequency): string {
	if (!Number.isFinite(ms)) return '–';
	if (freq === 'month') return monthFmt().format(ms);
	if (freq === 'week') return w('fmt_week_of', { date: dayFmt().format(ms) });
	return dayFmt().format(ms);
}

/** Day and month only, for chart axes ("6 Dec"). */
export function formatShortDay(ms: number): string {
	return Number.isFinite(ms) ? df('short', { day: 'numeric', month: 'short' }).format(ms) : '–';
}

/** Day, month and year, short, for a chart axis where a year begins ("3 Jan 2011"; 2011年1月3日). */
export function formatShortDate(ms: number): string {
	return Number.isFinite(ms)
		? df('short-year', { day: 'numeric', month: 'short', year: 'numeric' }).format(ms)
		: '–';
}

/** A calendar date with the month in words ("3 January 2024"; 2024年1月3日). */
export function formatLongDate(ms: number): string {
	return Number.isFinite(ms)
		? df('long', { day: 'numeric', month: 'long', year: 'numeric' }).format(ms)
		: '–';
}

/** A calendar date (UTC ms). */
export function formatDate(ms: number): string {
	return Number.isFinite(ms) ? dayFmt().format(ms) : '–';
}

/**
 * The day of a moment (epoch ms: when a report was made, a model trained) as the owner's clock says
 * it, in the device's time zone (`timeZone` for tests): formatDate reads UTC calendar dates, so a report
 * made at 7:40 pm in New York said "Made Dec 8" (walk14).
 */
export function formatMomentDate(ms: number, timeZone?: string): string {
	if (!Number.isFinite(ms)) return '–';
	return new Intl.DateTimeFormat(intlLocale(currentLocale()), {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		...(timeZone ? { timeZone } : {}),
	}).format(ms);
}

/** The yyyy-mm-dd of a moment in the device's time zone (file names; `timeZone` for tests). */
export function momentIsoDay(ms: number, timeZone?: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		...(timeZone ? { timeZone } : {}),
	}).formatToParts(ms);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

export { addPeriods } from '../core/series/calendar';

/** The batch rule lives in core (the CLI and workers use it too); re-exported for the views. */
export { seasonFor } from '../core/series/calendar';

/** Name of a frequency's period ("weeks", "months", "days"; 周 / 月 / 天). */
export function periodName(freq: Frequency, plural = true): string {
	const code: MessageCode =
		freq === 'day'
			? plural
				? 'fmt_days'
				: 'fmt_day'
			: freq === 'week'
				? plural
					? 'fmt_weeks'
					: 'fmt_week'
				: plural
					? 'fmt_months'
					: 'fmt_month';
	return w(code);
}

/** The incomplete edge periods a forecast left out (core/forecast/batch.ts), without the series. */
export type { LeftOut };

/**
 * Sentences telling which incomplete edge periods a forecast left out (see trimPartialPeriods), e.g.
 * "Week of 5 Sept 2011 is left out: your data ends on 7 Sept 2011, part-way through it."
 */
export function partialPeriodNotes(trimmed: TrimmedBatch | LeftOut, freq: Frequency): string[] {
	const { droppedFirst, droppedLast } = trimmed;
	const edges = 'batch' in trimmed ? trimmed.batch.edges : trimmed.edges;
	const out: string[] = [];
	if (droppedFirst !== null && edges)
		out.push(
			w('fmt_left_out_first', {
				period: formatPeriod(droppedFirst, freq),
				date: formatDate(edges.dateMin),
			}),
		);
	if (droppedLast !== null && edges)
		out.push(
			w('fmt_left_out_last', {
				period: formatPeriod(droppedLast, freq),
				date: formatDate(edges.dateMax),
			}),
		);
	return out;
}
