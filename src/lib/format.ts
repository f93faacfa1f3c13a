// Number, money, size and date formatting for the UI. Shop owners read these, so every number gets
// thousands separators and dates are shown in UTC (the data worker stores period starts as UTC ms).
import type { TrimmedBatch } from '../core/series/calendar';
import type { Frequency } from '../core/types';

const LOCALE = typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB';

/** The currency used for revenue, guessed from the browser language (changeable in Settings). */
export function guessCurrency(locale: string = LOCALE): string {
	const l = locale.toLowerCase();
	if (l === 'en-gb' || l.endsWith('-gb')) return 'GBP';
	if (l === 'en-us' || l.endsWith('-us')) return 'USD';
	if (/^(de|fr|it|es|nl|pt|fi|el|sk|sl|et|lv|lt|ga|mt)\b/.test(l)) return 'EUR';
	if (l.startsWith('zh')) return 'CNY';
	if (l.startsWith('ja')) return 'JPY';
	return 'USD';
}

const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const pctFmt = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const moneyCache = new Map<string, Intl.NumberFormat>();

/** 12345.6 → "12,346"; small non-integers keep one decimal. */
export function formatNumber(n: number): string {
	if (!Number.isFinite(n)) return '–';
	return Math.abs(n) < 10 && !Number.isInteger(n) ? oneDecimal.format(n) : intFmt.format(n);
}

/** Money with the currency symbol and no pennies above 1,000. */
export function formatMoney(n: number, currency: string): string {
	if (!Number.isFinite(n)) return '–';
	const big = Math.abs(n) >= 1000;
	const key = `${currency}:${big}`;
	let fmt = moneyCache.get(key);
	if (!fmt) {
		try {
			fmt = new Intl.NumberFormat(LOCALE, {
				style: 'currency',
				currency,
				maximumFractionDigits: big ? 0 : 2,
			});
		} catch {
			fmt = intFmt;
		}
		moneyCache.set(key, fmt);
	}
	return fmt.format(n);
}

const ENCODING_NAMES: Record<string, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16',
	'utf-16be': 'UTF-16 (big-endian)',
	gbk: 'Chinese (GBK)',
	gb18030: 'Chinese (GBK / GB18030)',
	'windows-1252': 'Western (Windows-1252)',
};

/** 'gb18030' → 'Chinese (GBK / GB18030)'; unknown labels are shown as they are. */
export function encodingName(label: string): string {
	return ENCODING_NAMES[label.toLowerCase()] ?? label;
}

const PHASES: Record<string, string> = {
	reading: 'Reading the file',
	decoding: 'Reading the text',
	analysing: 'Checking the columns',
	loading: 'Loading',
	cleaning: 'Cleaning the rows',
	saving: 'Saving on this device',
	downloading: 'Fetching the demo data',
	forecast: 'Forecasting',
};

/** A worker's progress phase ('cleaning') in words ('Cleaning the rows'). */
export function phaseLabel(phase: string | undefined, fallback: string): string {
	if (!phase) return fallback;
	return PHASES[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
}

/** 0.834 → "83%". */
export function formatPercent(share: number): string {
	return Number.isFinite(share) ? pctFmt.format(share) : '–';
}

/** Scores such as MASE: two decimals. */
export function formatScore(n: number): string {
	return Number.isFinite(n) ? n.toFixed(2) : '–';
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '–';
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${i === 0 ? v : oneDecimal.format(v)} ${units[i]}`;
}

const dayFmt = new Intl.DateTimeFormat(LOCALE, {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC',
});
const monthFmt = new Intl.DateTimeFormat(LOCALE, {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC',
});

/** A period start (UTC ms) as the shop owner would say it for this frequency. */
export function formatPeriod(ms: number, freq: Frequency): string {
	if (!Number.isFinite(ms)) return '–';
	if (freq === 'month') return monthFmt.format(ms);
	if (freq === 'week') return `Week of ${dayFmt.format(ms)}`;
	return dayFmt.format(ms);
}

const shortDayFmt = new Intl.DateTimeFormat(LOCALE, {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC',
});

/** Day and month only, for chart axes ("6 Dec"). */
export function formatShortDay(ms: number): string {
	return Number.isFinite(ms) ? shortDayFmt.format(ms) : '–';
}

/** A calendar date (UTC ms). */
export function formatDate(ms: number): string {
	return Number.isFinite(ms) ? dayFmt.format(ms) : '–';
}

export { addPeriods } from '../core/series/calendar';

/** Season length that matches a frequency (weekly → 52, monthly → 12, daily → 7). */
export function seasonFor(freq: Frequency): number {
	return freq === 'week' ? 52 : freq === 'month' ? 12 : 7;
}

/** Human name of a frequency ("weeks", "months", "days"). */
export function periodName(freq: Frequency, plural = true): string {
	const base = freq === 'day' ? 'day' : freq === 'week' ? 'week' : 'month';
	return plural ? `${base}s` : base;
}

/**
 * Sentences telling which incomplete edge periods a forecast left out (see trimPartialPeriods), e.g.
 * "Week of 5 Sept 2011 is left out: your data ends on 7 Sept 2011, part-way through it."
 */
export function partialPeriodNotes(trimmed: TrimmedBatch, freq: Frequency): string[] {
	const { droppedFirst, droppedLast } = trimmed;
	const edges = trimmed.batch.edges;
	const out: string[] = [];
	if (droppedFirst !== null && edges)
		out.push(
			`${formatPeriod(droppedFirst, freq)} is left out: your data starts on ${formatDate(edges.dateMin)}, part-way through it.`,
		);
	if (droppedLast !== null && edges)
		out.push(
			`${formatPeriod(droppedLast, freq)} is left out: your data ends on ${formatDate(edges.dateMax)}, part-way through it, so its sales are incomplete.`,
		);
	return out;
}
