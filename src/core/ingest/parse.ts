// Parses the numbers and dates found in shop exports: thousands separators in both conventions,
// currency symbols/codes, accounting negatives, ISO and day/month/year dates (with order inference),
// month names and Excel serial numbers. Pure TypeScript; the data worker applies these functions to the
// distinct values of each column (so every row is cleaned by exactly this code), tests call them directly.
import type { DateOrder } from './types';

/** Decimal separator of a number column. */
export type DecimalSeparator = '.' | ',';

/** Options for {@link parseNumber}. */
export interface NumberOptions {
	/** Decimal separator; 'auto' decides per value (both separators present → the last one). */
	decimal?: DecimalSeparator | 'auto';
	/** Accept "12%" as 0.12 (rejected by default: a percentage is no quantity or price). */
	allowPercent?: boolean;
}

const CURRENCY_RE =
	/^(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|[£$€¥￥₩₹]|GBP|USD|EUR|CNY|RMB|JPY|CHF|AUD|CAD|NZD|SEK|NOK|DKK|PLN|HKD|INR|kr|zł|元)/i;
const CURRENCY_END_RE =
	/(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|[£$€¥￥₩₹]|GBP|USD|EUR|CNY|RMB|JPY|CHF|AUD|CAD|NZD|SEK|NOK|DKK|PLN|HKD|INR|kr|zł|元)$/i;
/** Spaces used as thousands separators: ASCII, no-break and narrow no-break space, apostrophe. */
const GROUP_SPACE_RE = /[\s\u00a0\u202f']/g;

/** Parses one number; returns null when the text is not a plain number. */
export function parseNumber(
	raw: string | null | undefined,
	opts: NumberOptions = {},
): number | null {
	if (raw == null) return null;
	let s = raw.trim();
	if (s === '') return null;
	let negative = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	s = s.replace(/^[-\u2212]\s*/, () => {
		negative = !negative;
		return '';
	});
	// Currency before or after the number, possibly around the sign: "-£5", "£-5", "5 EUR".
	s = s.replace(CURRENCY_RE, '').trim();
	s = s.replace(CURRENCY_END_RE, '').trim();
	if (/^[-\u2212]/.test(s)) {
		negative = !negative;
		s = s.slice(1).trim();
	}
	if (/[-\u2212]$/.test(s)) {
		negative = !negative;
		s = s.slice(0, -1).trim();
	}
	let scale = 1;
	if (s.endsWith('%')) {
		if (!opts.allowPercent) return null;
		scale = 0.01;
		s = s.slice(0, -1).trim();
	}
	s = s.replace(/^\+/, '');
	if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) return sign(Number(s) * scale, negative);
	const compact = s.replace(GROUP_SPACE_RE, '');
	// Spaces are only allowed as digit grouping: "1 234,50".
	if (compact !== s && !/^\d{1,3}(?:[\s\u00a0\u202f']\d{3})+(?:[.,]\d+)?$/.test(s)) return null;
	const value = parseDigits(compact, opts.decimal ?? 'auto');
	return value === null ? null : sign(value * scale, negative);
}

function sign(v: number, negative: boolean): number {
	return negative ? -v : v;
}

/** Digits with at most one kind of grouping separator and one decimal separator. */
function parseDigits(s: string, decimal: DecimalSeparator | 'auto'): number | null {
	if (!/^(?:\d+|\d*[.,]\d+|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d*)?|\d+[.,])$/.test(s)) return null;
	const dots = (s.match(/\./g) ?? []).length;
	const commas = (s.match(/,/g) ?? []).length;
	let dec: DecimalSeparator;
	if (decimal !== 'auto') dec = decimal;
	else if (dots && commas) dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
	else if (commas === 1 && !/,\d{3}$/.test(s)) dec = ',';
	else if (dots > 1) dec = ',';
	else dec = '.';
	const group = dec === '.' ? ',' : '.';
	const parts = s.split(dec);
	if (parts.length > 2) return null;
	const [intPart, frac = ''] = parts;
	if (intPart.includes(group) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(intPart)) return null;
	if (frac.includes(group)) return null;
	const n = Number(`${intPart.split(group).join('') || '0'}.${frac || '0'}`);
	return Number.isFinite(n) ? n : null;
}

/**
 * Chooses the decimal separator of a column from sample values: "1.234,50", "12,5" or "0,99" vote
 * for ',', "1,234.50", "12.5" for '.'; "1,234" or "1.234" alone do not vote. Ties give '.'.
 */
export function inferDecimalSeparator(samples: readonly string[]): DecimalSeparator {
	const { comma, dot } = decimalVotes(samples);
	return comma > dot ? ',' : '.';
}

/**
 * The decimal separator of each number column of one file. A column whose values do not tell (whole
 * counts, "1.200" among "4" and "12") takes the file's: a German export's Menge "1.200" beside
 * Einzelpreis "43,70 €" is 1,200 units, not 1.2 (walk17).
 */
export function inferDecimalSeparators(
	columns: readonly (readonly string[])[],
): DecimalSeparator[] {
	const votes = columns.map(decimalVotes);
	const comma = votes.reduce((n, v) => n + v.comma, 0);
	const dot = votes.reduce((n, v) => n + v.dot, 0);
	const file: DecimalSeparator = comma > dot ? ',' : '.';
	return votes.map((v) => (v.comma + v.dot === 0 ? file : v.comma > v.dot ? ',' : '.'));
}

/** Votes of sample values for a decimal comma or point ("1,234" or "1.234" alone do not vote). */
function decimalVotes(samples: readonly string[]): { comma: number; dot: number } {
	let comma = 0;
	let dot = 0;
	for (const raw of samples) {
		const s = raw.replace(/[^\d.,]/g, '');
		const lastDot = s.lastIndexOf('.');
		const lastComma = s.lastIndexOf(',');
		if (lastDot >= 0 && lastComma >= 0) {
			if (lastComma > lastDot) comma++;
			else dot++;
		} else if (lastComma >= 0) {
			if (!/,\d{3}$/.test(s) || (s.match(/,/g) ?? []).length > 1) {
				if ((s.match(/,/g) ?? []).length === 1) comma++;
			}
		} else if (lastDot >= 0) {
			if (!/\.\d{3}$/.test(s)) dot++;
			else if ((s.match(/\./g) ?? []).length > 1) comma++;
		}
	}
	return { comma, dot };
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {};
(
	[
		['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'jän'],
		['feb', 'february', 'februar', 'févr', 'fevr', 'février', 'febrero'],
		['mar', 'march', 'märz', 'mär', 'mrz', 'mars', 'marzo'],
		['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
		['may', 'mai', 'mayo'],
		['jun', 'june', 'juni', 'juin', 'junio'],
		['jul', 'july', 'juli', 'juil', 'juillet', 'julio'],
		['aug', 'august', 'août', 'aout', 'ago', 'agosto'],
		['sep', 'sept', 'september', 'septembre', 'septiembre', 'set'],
		['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre'],
		['nov', 'november', 'novembre', 'noviembre'],
		['dec', 'december', 'dez', 'dezember', 'déc', 'decembre', 'décembre', 'dic', 'diciembre'],
	] as const
).forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const NUMERIC_RE = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`, 'i');
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST_RE = new RegExp(
	String.raw`^(?:[a-zé]+,?\s+)?([a-zéûä]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})${TIME}$`,
	'i',
);
const DAY_FIRST_RE = new RegExp(
	String.raw`^(?:[a-zé]+,?\s+)?(\d{1,2})\.?(?:st|nd|rd|th)?[\s-]+([a-zéûä]+)\.?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
	'i',
);
const CJK_RE =
	/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:时]\s*(\d{2})(?:\s*[:分]\s*(\d{2})\s*秒?|\s*分)?)?$/;
/** The date part of "2024年11月11日 20:13" or "2024 年 11 月 11 日 下午 8:13", put as 2024-11-11 for ISO_RE. */
const CJK_DATE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?=\s|$)/;
/**
 * 上午 / 下午 (a.m. / p.m.) before or after a clock time, as Chinese Windows, Excel and many Chinese
 * exports write it ("2024/11/11 下午 8:13:05", "2024/11/11 8:13 下午").
 */
const ZH_MERIDIEM_RE =
	/(上午|下午)\s*(\d{1,2}:\d{2}(?::\d{2})?)|(\d{1,2}:\d{2}(?::\d{2})?)\s*(上午|下午)/;

/** The same date and time with 上午 / 下午 as am / pm after the time, and 年月日 as an ISO date. */
function westernised(s: string): string {
	return s
		.replace(
			ZH_MERIDIEM_RE,
			(
				_m,
				a: string | undefined,
				t1: string | undefined,
				t2: string | undefined,
				b: string | undefined,
			) => `${t1 ?? t2} ${(a ?? b) === '上午' ? 'am' : 'pm'}`,
		)
		.replace(CJK_DATE_RE, '$1-$2-$3');
}

/** Earliest and latest Excel serial day numbers we accept as dates (1954-10-03 … 2119-01-18). */
const EXCEL_SERIAL_MIN = 20000;
const EXCEL_SERIAL_MAX = 80000;
/** Days between Excel's day 0 (1899-12-30, after the 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

function fullYear(y: string): number {
	const n = Number(y);
	if (y.length === 4) return n;
	return n < 70 ? 2000 + n : 1900 + n;
}

function build(
	y: number,
	mo: number,
	d: number,
	h = '0',
	mi = '0',
	s = '0',
	frac = '',
	ampm = '',
): number | null {
	let hour = Number(h || 0);
	const minute = Number(mi || 0);
	const second = Number(s || 0);
	if (ampm) {
		const pm = ampm[0].toLowerCase() === 'p';
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (pm ? 12 : 0);
	}
	if (mo < 1 || mo > 12 || d < 1 || hour > 23 || minute > 59 || second > 60) return null;
	if (y < 1900 || y > 2200) return null;
	const ms =
		Date.UTC(y, mo - 1, d, hour, minute, second) + Math.round(Number(`0.${frac || 0}`) * 1000);
	// Date.UTC rolls 31 February over into March: reject such days.
	if (new Date(ms).getUTCDate() !== d) return null;
	return ms;
}

/** Options for {@link parseDate}. */
export interface DateOptions {
	/** Accept Excel serial day numbers (e.g. 40561 = 2011-01-18). */
	allowSerial?: boolean;
	/** Accept Unix epoch seconds (1295308800) or milliseconds (1295308800000), told apart by size. */
	allowEpoch?: boolean;
}

/** Epoch seconds of 1990-01-01 and 2100-01-01: integers in this range read as seconds. */
const EPOCH_S_MIN = 631_152_000;
const EPOCH_S_MAX = 4_102_444_800;

/**
 * A Unix timestamp → epoch ms, or null. Seconds (9–10 digits, 1990–2099) and milliseconds
 * (12–13 digits, same years) cannot be confused: their ranges are a thousand times apart.
 */
export function parseEpoch(s: string): number | null {
	if (!/^\d{9,13}(?:\.\d+)?$/.test(s)) return null;
	const v = Number(s);
	if (v >= EPOCH_S_MIN && v < EPOCH_S_MAX) return Math.round(v * 1000);
	if (v >= EPOCH_S_MIN * 1000 && v < EPOCH_S_MAX * 1000) return Math.round(v);
	return null;
}

/**
 * Words that stand for "no date yet" in a date column (an unpaid order's "Paid at" says "pending"):
 * such rows are reported as undated, and they do not count against a column being a date column.
 * Used as an RE2 pattern in SQL too, so keep it to plain alternation.
 */
export const DATE_PLACEHOLDER_PATTERN =
	'^(pending|pending payment|not paid|unpaid|n/a|na|none|null|nil|tbd|tba|unknown|-+|—|–|待定|待付款|未付款|未支付|未发货|无)$';
const DATE_PLACEHOLDER_RE = new RegExp(DATE_PLACEHOLDER_PATTERN, 'i');

/** True for a placeholder such as "pending" or "N/A" in a date column. */
export function isDatePlaceholder(raw: string): boolean {
	return DATE_PLACEHOLDER_RE.test(raw.trim().toLowerCase());
}

/**
 * Parses one date/time to epoch milliseconds (UTC, wall-clock time of the shop: a time-zone suffix
 * is ignored so that daily totals follow the shop's own day). `order` applies to "01/02/2011"-style
 * values only; ISO, month names and CJK dates are unambiguous. Returns null on failure.
 */
export function parseDate(
	raw: string | null | undefined,
	order: DateOrder,
	opts: DateOptions = {},
): number | null {
	if (raw == null) return null;
	const s = raw.trim();
	if (s === '') return null;
	let m = ISO_RE.exec(s);
	if (m) return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8]);
	m = NUMERIC_RE.exec(s);
	if (m) {
		const a = +m[1];
		const b = +m[2];
		const y = fullYear(m[3]);
		if (order === 'mdy') return build(y, a, b, m[4], m[5], m[6], m[7], m[8]);
		return build(y, b, a, m[4], m[5], m[6], m[7], m[8]);
	}
	m = MONTH_FIRST_RE.exec(s);
	if (m && MONTHS[m[1].toLowerCase()])
		return build(+m[3], MONTHS[m[1].toLowerCase()], +m[2], m[4], m[5], m[6], m[7], m[8]);
	m = DAY_FIRST_RE.exec(s);
	if (m && MONTHS[m[2].toLowerCase()])
		return build(fullYear(m[3]), MONTHS[m[2].toLowerCase()], +m[1], m[4], m[5], m[6], m[7], m[8]);
	m = CJK_RE.exec(s);
	if (m) return build(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
	if (/[年午]/.test(s)) {
		const w = westernised(s);
		m = w === s ? null : ISO_RE.exec(w);
		if (m) return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8]);
		m = w === s ? null : NUMERIC_RE.exec(w);
		if (m) {
			const y = fullYear(m[3]);
			return order === 'mdy'
				? build(y, +m[1], +m[2], m[4], m[5], m[6], m[7], m[8])
				: build(y, +m[2], +m[1], m[4], m[5], m[6], m[7], m[8]);
		}
	}
	m = COMPACT_RE.exec(s);
	if (m) return build(+m[1], +m[2], +m[3]);
	if (opts.allowSerial && /^\d{5}(?:\.\d+)?$/.test(s)) {
		const v = Number(s);
		if (v >= EXCEL_SERIAL_MIN && v <= EXCEL_SERIAL_MAX)
			return Math.round((v - EXCEL_EPOCH_DAYS) * DAY_MS);
	}
	if (opts.allowEpoch) return parseEpoch(s);
	return null;
}

/** What the values of a date column say about their field order. */
export interface DateOrderGuess {
	order: DateOrder;
	/** True when "01/02/2011"-style values exist and none has a field above 12. */
	ambiguous: boolean;
	/** Values proving day-first (first field > 12) and month-first (second field > 12). */
	dmyEvidence: number;
	mdyEvidence: number;
	/** The column holds Excel serial day numbers rather than text dates. */
	serial: boolean;
	/** The column holds Unix timestamps (seconds or milliseconds). */
	epoch?: boolean;
}

/**
 * The order a locale writes a numeric date in, as the fallback for a file whose dates never say
 * (every day ≤ 12): month first for a locale that writes month/day/year (en-US: 11/12/2018 is
 * 12 November), else day first. A year-first locale (zh-CN, ja) also gets day first: its own files
 * write yyyy-mm-dd, and a 01/02 in them most likely comes from a European tool. walk14: a US shop's
 * ambiguous WooCommerce export was offered "Day first" on an en-US browser.
 */
export function localeDateOrder(locale: string): 'dmy' | 'mdy' {
	if (!locale) return 'dmy';
	try {
		const parts = new Intl.DateTimeFormat(locale, {
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			timeZone: 'UTC',
		})
			.formatToParts(Date.UTC(2018, 10, 12))
			.map((p) => p.type)
			.filter((t) => t === 'year' || t === 'month' || t === 'day');
		return parts.join() === 'month,day,year' ? 'mdy' : 'dmy';
	} catch {
		return 'dmy';
	}
}

/**
 * Infers the day/month order from sample values: a first field above 12 proves dmy, a second field
 * above 12 proves mdy; ISO-only columns are ymd. With no proof the order is `fallback` and ambiguous.
 */
export function inferDateOrder(
	samples: readonly string[],
	fallback: DateOrder = 'dmy',
): DateOrderGuess {
	let dmy = 0;
	let mdy = 0;
	let numeric = 0;
	let iso = 0;
	let serial = 0;
	let epoch = 0;
	let counted = 0;
	for (const raw of samples) {
		const t = raw.trim();
		const s = /[年午]/.test(t) ? westernised(t) : t;
		if (s === '' || isDatePlaceholder(s)) continue;
		counted++;
		if (parseEpoch(s) !== null) epoch++;
		if (ISO_RE.test(s) || CJK_RE.test(s)) iso++;
		const m = NUMERIC_RE.exec(s);
		if (m) {
			numeric++;
			const a = +m[1];
			const b = +m[2];
			if (a > 12 && b <= 12) dmy++;
			else if (b > 12 && a <= 12) mdy++;
		} else if (/^\d{5}(?:\.\d+)?$/.test(s)) serial++;
	}
	const isSerial = serial > 0 && serial >= counted * 0.8 && numeric === 0 && iso === 0;
	const isEpoch = epoch > 0 && epoch >= counted * 0.8 && numeric === 0 && iso === 0;
	if (numeric === 0)
		return {
			order: 'ymd',
			ambiguous: false,
			dmyEvidence: 0,
			mdyEvidence: 0,
			serial: isSerial,
			epoch: isEpoch,
		};
	if (dmy > 0 || mdy > 0)
		return {
			order: dmy >= mdy ? 'dmy' : 'mdy',
			ambiguous: dmy > 0 && mdy > 0,
			dmyEvidence: dmy,
			mdyEvidence: mdy,
			serial: false,
		};
	return {
		order: fallback === 'ymd' ? 'dmy' : fallback,
		ambiguous: true,
		dmyEvidence: 0,
		mdyEvidence: 0,
		serial: false,
	};
}

/**
 * Share (0–1) of non-empty samples that parse as dates with the given order; placeholders such as
 * "pending" are not counted either way. `allowNumeric` accepts Excel serials and Unix timestamps.
 */
export function dateShare(
	samples: readonly string[],
	order: DateOrder,
	allowNumeric = false,
): number {
	const vals = samples.filter((s) => s.trim() !== '' && !isDatePlaceholder(s));
	if (vals.length === 0) return 0;
	const opts = { allowSerial: allowNumeric, allowEpoch: allowNumeric };
	return vals.filter((s) => parseDate(s, order, opts) !== null).length / vals.length;
}

/** Share (0–1) of non-empty samples that parse as numbers. */
export function numberShare(
	samples: readonly string[],
	decimal: DecimalSeparator | 'auto' = 'auto',
): number {
	const vals = samples.filter((s) => s.trim() !== '');
	if (vals.length === 0) return 0;
	return vals.filter((s) => parseNumber(s, { decimal }) !== null).length / vals.length;
}
