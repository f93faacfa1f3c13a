// Search-interest schema: Google Trends exports exactly as the website's download button writes them
// ("Category: All categories" preamble, a blank line, then `Week|Day|Month|Time,term: (region),…`),
// in English or Chinese locale (`类别：所有类别`, `周,连衣裙：(中国)` with full-width punctuation), with `<1`
// for tiny values, several terms per file and stray zero-width characters; plus plain tables of a date
// column and one numeric column per term. Pure TypeScript; reads the text decoded by
// src/core/ingest/encoding.ts and splits lines with src/core/csv-line.ts.
import { splitCsvLine } from '../../csv-line';
import { parseDate } from '../parse';
import type { ImportIssue } from '../types';
import { issueAt, stripInvisible } from './table';

/** Spacing of a search series. */
export type SearchFrequency = 'hour' | 'day' | 'week' | 'month';

/** One term's interest over time (0–100 on Google Trends; `<1` read as 0.5). */
export interface SearchSeries {
	term: string;
	/** Region in the header, e.g. "United States"; '' when none. */
	region: string;
	/** Period starts, epoch ms UTC. */
	ds: number[];
	/** Values; NaN where the cell was blank. */
	y: number[];
}

/** A parsed search-interest file. */
export interface SearchInterest {
	fileName: string;
	frequency: SearchFrequency;
	/** The category of the preamble ("All categories", "所有类别"), '' without preamble. */
	category: string;
	series: SearchSeries[];
	/** Cells written `<1` (kept as 0.5). */
	belowOne: number;
	issues: ImportIssue[];
}

/** Thrown when a file is not a search-interest table; `issue` names file/row/column. */
export class SearchParseError extends Error {
	constructor(readonly issue: ImportIssue) {
		super(issue.message);
		this.name = 'SearchParseError';
	}
}

/** Value written for Google's `<1`. */
export const BELOW_ONE_VALUE = 0.5;

/** Header words of the time column (en + zh locales) → frequency ('' = infer from spacing). */
const TIME_HEADERS: Record<string, SearchFrequency | ''> = {
	week: 'week',
	day: 'day',
	month: 'month',
	time: '',
	date: '',
	周: 'week',
	星期: 'week',
	日: 'day',
	天: 'day',
	日期: '',
	月: 'month',
	月份: 'month',
	时间: '',
	時間: '',
	週: 'week',
};

/** Preamble line: "Category: All categories" / "类别：所有类别" (also "Kategorie: …" etc.: any "word: text"). */
const PREAMBLE_RE = /^\s*([^,:：]{1,40})\s*[:：]\s*(.*?)\s*$/;
/** Term header cell: "yeezy: (United States)", "连衣裙：(中国)", "连衣裙: （全球）". */
const TERM_RE = /^(.*?)\s*[:：]\s*[(（]\s*(.*?)\s*[)）]\s*$/;

/** Normalises full-width ASCII forms (，：（）０-９) to ASCII and drops invisible characters. */
function normaliseWidth(s: string): string {
	return stripInvisible(s).replace(/[\uff01-\uff5e]/g, (c) =>
		String.fromCharCode(c.charCodeAt(0) - 0xfee0),
	);
}

/** "2014-01" / "2014/1" / "2014年1月" → first of the month; "2024-01-01T09" → that hour; else parseDate (ymd). */
export function parsePeriod(raw: string): number | null {
	const s = normaliseWidth(raw).trim();
	let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
	if (m) {
		const mo = Number(m[2]);
		return mo >= 1 && mo <= 12 ? Date.UTC(Number(m[1]), mo - 1, 1) : null;
	}
	m = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2})(?::(\d{2}))?(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
	if (m) {
		const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +(m[5] ?? 0));
		return Number.isFinite(t) && +m[4] < 24 ? t : null;
	}
	return parseDate(s, 'ymd');
}

/** Frequency from the typical gap between consecutive periods. */
function frequencyFromSpacing(ds: readonly number[]): SearchFrequency {
	const gaps: number[] = [];
	for (let i = 1; i < ds.length; i++) gaps.push(ds[i] - ds[i - 1]);
	gaps.sort((a, b) => a - b);
	const g = gaps[Math.floor(gaps.length / 2)] ?? 86_400_000;
	const day = 86_400_000;
	if (g < day) return 'hour';
	if (g < 5 * day) return 'day';
	if (g < 20 * day) return 'week';
	return 'month';
}

/** Reads one cell value: number, `<1` (→ 0.5), blank (→ NaN); null when unreadable. */
function cellValue(raw: string): { v: number; below: boolean } | null {
	const s = normaliseWidth(raw).trim();
	if (s === '') return { v: NaN, below: false };
	if (/^<\s*1$/.test(s)) return { v: BELOW_ONE_VALUE, below: true };
	if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
	return { v: Number(s), below: false };
}

/** True when the text looks like a Google Trends export or a date + numbers table. */
export function looksLikeSearchInterest(text: string): boolean {
	const lines = text.split(/\r\n|\r|\n/, 6).map((l) => normaliseWidth(l).trim());
	if (/^(category|类别|類別)\s*:/i.test(lines[0] ?? '')) return true;
	return lines.some((l) => {
		const first = splitCsvLine(l)[0]?.trim().toLowerCase() ?? '';
		return first in TIME_HEADERS && TERM_RE.test(splitCsvLine(l)[1] ?? '');
	});
}

/**
 * Parses a Google Trends export (or a plain date + value-per-term table). Throws SearchParseError
 * naming the line and column when the file is not one; bad cells become issues and NaN.
 */
export function parseSearchInterest(fileName: string, text: string): SearchInterest {
	const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
	let i = 0;
	let category = '';
	// Preamble: "Category: …" and blank lines before the header.
	while (i < lines.length) {
		const raw = normaliseWidth(lines[i]).trim();
		if (raw === '') {
			i++;
			continue;
		}
		const cells = splitCsvLine(raw);
		const first = cells[0].trim().toLowerCase();
		if (cells.length >= 2 && first in TIME_HEADERS) break;
		const pre = PREAMBLE_RE.exec(raw);
		if (pre && cells.length === 1 && i < 3) {
			category = pre[2];
			i++;
			continue;
		}
		// A plain table: header of a date column + term columns.
		if (cells.length >= 2) break;
		throw new SearchParseError(
			issueAt(
				'error',
				'search-no-header',
				fileName,
				`Line ${i + 1} of ${fileName}: expected a header such as "Week,term: (region)" (a Google Trends export), found "${raw.slice(0, 60)}".`,
				i + 1,
			),
		);
	}
	if (i >= lines.length)
		throw new SearchParseError(
			issueAt(
				'error',
				'search-no-header',
				fileName,
				`${fileName} has no header line such as "Week,term: (region)".`,
			),
		);
	const headerLine = i + 1;
	const header = splitCsvLine(normaliseWidth(lines[i])).map((c) => c.trim());
	const timeWord = header[0].toLowerCase();
	let frequency: SearchFrequency | '' = TIME_HEADERS[timeWord] ?? '';
	const series: SearchSeries[] = header.slice(1).map((cell) => {
		const m = TERM_RE.exec(cell);
		return m
			? { term: m[1], region: m[2], ds: [], y: [] }
			: { term: cell, region: '', ds: [], y: [] };
	});
	if (series.length === 0 || series.some((s) => s.term === ''))
		throw new SearchParseError(
			issueAt(
				'error',
				'search-no-terms',
				fileName,
				`Line ${headerLine} of ${fileName}: the header names no search term after "${header[0]}".`,
				undefined,
				header[0],
			),
		);
	const issues: ImportIssue[] = [];
	let belowOne = 0;
	let badCells = 0;
	let dataRow = 0;
	const ds: number[] = [];
	for (i = i + 1; i < lines.length; i++) {
		const raw = lines[i];
		if (stripInvisible(raw).trim() === '') continue;
		dataRow++;
		const cells = splitCsvLine(raw);
		const t = parsePeriod(cells[0] ?? '');
		if (t === null) {
			throw new SearchParseError(
				issueAt(
					'error',
					'search-bad-date',
					fileName,
					`Row ${dataRow} (line ${i + 1}) of ${fileName}, column "${header[0]}": "${(cells[0] ?? '').slice(0, 40)}" is not a date.`,
					dataRow,
					header[0],
				),
			);
		}
		if (ds.length > 0 && t <= ds[ds.length - 1]) {
			throw new SearchParseError(
				issueAt(
					'error',
					'search-unordered',
					fileName,
					`Row ${dataRow} (line ${i + 1}) of ${fileName}, column "${header[0]}": ${cells[0]} does not come after the row before it.`,
					dataRow,
					header[0],
				),
			);
		}
		ds.push(t);
		series.forEach((s, k) => {
			const c = cellValue(cells[k + 1] ?? '');
			if (c === null) {
				if (badCells++ === 0)
					issues.push(
						issueAt(
							'warning',
							'search-bad-value',
							fileName,
							`Row ${dataRow} (line ${i + 1}) of ${fileName}, column "${header[k + 1]}": "${cells[k + 1]}" is not a number from 0 to 100; left blank.`,
							dataRow,
							header[k + 1],
						),
					);
				s.y.push(NaN);
			} else {
				if (c.below) belowOne++;
				s.y.push(c.v);
			}
			s.ds.push(t);
		});
	}
	if (badCells > 1) issues[0].count = badCells;
	if (ds.length === 0)
		throw new SearchParseError(
			issueAt('error', 'search-no-rows', fileName, `${fileName} has a header but no data rows.`),
		);
	if (frequency === '') frequency = frequencyFromSpacing(ds);
	if (belowOne > 0)
		issues.push({
			...issueAt(
				'info',
				'search-below-one',
				fileName,
				`${belowOne} value(s) written "<1" were read as ${BELOW_ONE_VALUE}.`,
			),
			count: belowOne,
		});
	return { fileName, frequency, category, series, belowOne, issues };
}
