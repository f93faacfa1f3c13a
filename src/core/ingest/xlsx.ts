// Reads the first sheet of an .xlsx workbook into CSV text, so workbooks take the same path as CSV files.
// Our own reader (it replaced read-excel-file, whose XML loop recursed once per chunk and overflowed the
// stack above ~45k rows in a busy worker, and whose Math.floor of Excel's serial day fractions turned
// 08:24:00 into 08:23:59). It unzips with fflate's streaming inflater, counting every decompressed byte
// and stopping at `maxBytes` (a zip bomb is refused within that budget, not after gigabytes), then scans
// the sheet XML with indexOf/regex (no DOM, no recursion), shared strings, styles (date formats) and the
// 1900/1904 date system. Dates become "YYYY-MM-DD HH:MM:SS" (wall-clock, rounded to the millisecond).
// Pure TypeScript: runs in the data worker and in Node tests.
import { Unzip, UnzipInflate } from 'fflate';
import { csvCell } from './csv';
import { createDecoder } from './text-decoder';

/** Thrown when the workbook cannot be read; `code` says why (the data worker maps it to a message). */
export class XlsxError extends Error {
	constructor(
		readonly code: 'xlsx_too_big' | 'xlsx_damaged' | 'xlsx_no_sheet',
		message: string,
		/** For 'xlsx_too_big': the limit in bytes. */
		readonly limitBytes = 0,
	) {
		super(message);
		this.name = 'XlsxError';
	}
}

/** Options of {@link xlsxToCsv}. */
export interface XlsxReadOptions {
	/** Most bytes all needed parts may decompress to, together (zip-bomb guard). */
	maxBytes: number;
}

const DAY_MS = 86_400_000;
/** Excel serial day of 1970-01-01 in the 1900 date system (which counts a 29 Feb 1900 that never was). */
const EXCEL_1900_UNIX_DAYS = 25_569;
/** The 1904 date system starts 1,462 days later. */
const EXCEL_1904_OFFSET_DAYS = 1_462;

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, incl. the CJK locale ones). */
const BUILT_IN_DATE_FORMATS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58,
]);

/** True for a custom number format code that shows a date or a time ("yyyy-mm-dd", "h:mm", "[$-804]yyyy"年"). */
export function isDateFormatCode(code: string): boolean {
	const first = code.split(';')[0] ?? '';
	const bare = first
		.replace(/"[^"]*"/g, '') // literal text
		.replace(/\\./g, '') // escaped characters
		.replace(/\[(?![hms]+\])[^\]]*\]/gi, ''); // [Red], [$-409]; keep [h] [mm] [ss] (elapsed time)
	if (/general/i.test(bare)) return false;
	return /[dmyhs]/i.test(bare.replace(/[eE][+-]/g, ''));
}

/** Decodes XML character references and OOXML's _xHHHH_ escapes. */
export function unescapeXml(s: string): string {
	if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
	return s
		.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
			const l = e.toLowerCase();
			if (l === 'amp') return '&';
			if (l === 'lt') return '<';
			if (l === 'gt') return '>';
			if (l === 'quot') return '"';
			if (l === 'apos') return "'";
			const cp = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
			return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
		})
		.replace(/_x([0-9a-f]{4})_/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of an <si>/<is> element: all <t> runs, leaving out phonetic guides (<rPh>). */
function richText(xml: string): string {
	const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
	let out = '';
	const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
	for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
	return unescapeXml(out);
}

const attrRes = new Map<string, RegExp>();

/** Value of attribute `name` in an attribute string (unprefixed or with any prefix). */
function attr(attrs: string, name: string): string | undefined {
	let re = attrRes.get(name);
	if (!re) {
		re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
		attrRes.set(name, re);
	}
	const m = re.exec(attrs);
	return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Epoch ms (UTC wall clock) of an Excel serial day number, rounded to the millisecond. */
export function excelSerialToMs(serial: number, date1904 = false): number {
	const days = serial - EXCEL_1900_UNIX_DAYS + (date1904 ? EXCEL_1904_OFFSET_DAYS : 0);
	// Excel stores times as binary fractions of a day: 08:24:00 is 0.35000000000000003, and
	// (40544.35 - 25569) * 86400000 = 1293870239999.9998. Flooring (as read-excel-file did) loses a
	// second once the milliseconds are dropped; rounding to the millisecond gives the time Excel shows.
	return Math.round(days * DAY_MS);
}

/** "YYYY-MM-DD HH:MM:SS" (with ".mmm" only when there are milliseconds) of a UTC epoch ms. */
export function wallClockText(ms: number): string {
	const iso = new Date(ms).toISOString();
	const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
	return ms % 1000 === 0 ? text : `${text}.${iso.slice(20, 23)}`;
}

/** Column index (0-based) of a cell reference like "AB12". */
function columnOf(ref: string): number {
	let n = 0;
	for (let i = 0; i < ref.length; i++) {
		const c = ref.charCodeAt(i);
		if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
		else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
		else break;
	}
	return n - 1;
}

/** Decompressed parts of the zip we need, within a byte budget for all of them together. */
function unzipParts(
	bytes: Uint8Array,
	want: (name: string) => boolean,
	maxBytes: number,
): Map<string, Uint8Array> {
	const parts = new Map<string, Uint8Array>();
	let total = 0;
	let failure: Error | null = null;
	const unzip = new Unzip((file) => {
		if (!want(file.name)) return;
		const chunks: Uint8Array[] = [];
		file.ondata = (err, data, final) => {
			if (failure) return;
			if (err) {
				failure = new XlsxError('xlsx_damaged', `${file.name}: ${err.message}`);
				file.terminate();
				return;
			}
			total += data.length;
			if (total > maxBytes) {
				failure = new XlsxError(
					'xlsx_too_big',
					`the workbook unpacks to more than ${maxBytes} bytes`,
					maxBytes,
				);
				file.terminate();
				return;
			}
			chunks.push(data);
			if (final) parts.set(file.name, concat(chunks));
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		// Feed in slices so a bomb is stopped after at most one slice's worth of output beyond the budget.
		const STEP = 1 << 20;
		for (let i = 0; i < bytes.length && !failure; i += STEP)
			unzip.push(bytes.subarray(i, Math.min(bytes.length, i + STEP)), i + STEP >= bytes.length);
	} catch (e) {
		if (!failure)
			failure = new XlsxError('xlsx_damaged', String((e as Error)?.message ?? e).slice(0, 200));
	}
	if (failure) throw failure;
	return parts;
}

function concat(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.length;
	}
	return out;
}

const utf8 = (b: Uint8Array | undefined) => (b ? createDecoder('utf-8').decode(b) : '');

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolvePart(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const seg of target.split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.') parts.push(seg);
	}
	return parts.join('/');
}

/**
 * First sheet of an XLSX workbook → CSV text (header line first, blank rows left out, rows padded to the
 * widest row). Throws {@link XlsxError}.
 */
export function xlsxToCsv(bytes: Uint8Array, opts: XlsxReadOptions): string {
	const parts = unzipParts(
		bytes,
		(n) =>
			/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(
				n,
			),
		opts.maxBytes,
	);
	const lower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
	const part = (name: string) => parts.get(lower.get(name.toLowerCase()) ?? name);

	// Which sheet is first, and the date system.
	const workbook = utf8(part('xl/workbook.xml'));
	const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/i.test(workbook);
	let sheetPath: string | undefined;
	const firstSheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/i.exec(workbook);
	const rid = firstSheet ? attr(firstSheet[1], 'id') : undefined;
	if (rid) {
		const rels = utf8(part('xl/_rels/workbook.xml.rels'));
		const re = /<(?:\w+:)?Relationship\b([^>]*)\/?>/gi;
		for (let m = re.exec(rels); m; m = re.exec(rels))
			if (attr(m[1], 'Id') === rid) {
				const target = attr(m[1], 'Target');
				if (target) sheetPath = resolvePart('xl/workbook.xml', target);
			}
	}
	if (!sheetPath || !part(sheetPath))
		sheetPath = [...parts.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/i.test(k)).sort()[0];
	const sheetBytes = sheetPath ? part(sheetPath) : undefined;
	if (!sheetBytes) throw new XlsxError('xlsx_no_sheet', 'the workbook has no worksheet');

	// Shared strings.
	const shared: string[] = [];
	const sst = utf8(part('xl/sharedStrings.xml'));
	const siRe = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
	for (let m = siRe.exec(sst); m; m = siRe.exec(sst)) shared.push(m[1] ? richText(m[1]) : '');

	// Which cell styles are dates.
	const styles = utf8(part('xl/styles.xml'));
	const customDate = new Set<number>();
	const fmtRe = /<(?:\w+:)?numFmt\b([^>]*)\/?>/gi;
	for (let m = fmtRe.exec(styles); m; m = fmtRe.exec(styles)) {
		const id = Number(attr(m[1], 'numFmtId'));
		if (isDateFormatCode(attr(m[1], 'formatCode') ?? '')) customDate.add(id);
	}
	const dateStyle: boolean[] = [];
	const xfsBlock =
		/<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/i.exec(styles)?.[1] ?? '';
	const xfRe = /<(?:\w+:)?xf\b([^>]*)\/?>/gi;
	for (let m = xfRe.exec(xfsBlock); m; m = xfRe.exec(xfsBlock)) {
		const id = Number(attr(m[1], 'numFmtId') ?? 0);
		dateStyle.push(BUILT_IN_DATE_FORMATS.has(id) || customDate.has(id));
	}

	// The sheet, row by row.
	const xml = utf8(sheetBytes);
	const rows: string[][] = [];
	let width = 0;
	const rowRe = /<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
	const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
	const vRe = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
	const isRe = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
	for (let r = rowRe.exec(xml); r; r = rowRe.exec(xml)) {
		const body = r[1];
		if (!body) continue;
		const row: string[] = [];
		let next = 0;
		let any = false;
		cellRe.lastIndex = 0;
		for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
			const attrs = c[1];
			const inner = c[2] ?? '';
			const ref = attr(attrs, 'r');
			const col = ref ? columnOf(ref) : next;
			next = col + 1;
			const type = attr(attrs, 't') ?? 'n';
			let text: string;
			if (type === 'inlineStr') text = richText(isRe.exec(inner)?.[1] ?? '');
			else {
				const raw = vRe.exec(inner)?.[1];
				if (raw === undefined) continue;
				if (type === 's') text = shared[Number(raw)] ?? '';
				else if (type === 'str' || type === 'e') text = unescapeXml(raw);
				else if (type === 'b') text = raw.trim() === '1' ? 'TRUE' : 'FALSE';
				else if (type === 'd') text = unescapeXml(raw).replace('T', ' ').replace(/Z$/, '');
				else {
					const num = Number(raw);
					if (!Number.isFinite(num)) text = unescapeXml(raw);
					else if (dateStyle[Number(attr(attrs, 's') ?? 0)])
						text = wallClockText(excelSerialToMs(num, date1904));
					// Excel writes 17 significant digits (2.5499999999999998): print the shortest form.
					else text = String(num);
				}
			}
			if (text === '') continue;
			while (row.length < col) row.push('');
			row[col] = csvCell(text, { formulaSafe: false });
			any = true;
		}
		if (!any) continue;
		if (row.length > width) width = row.length;
		rows.push(row);
	}
	const lines: string[] = [];
	for (const row of rows) {
		while (row.length < width) row.push('');
		lines.push(row.join(','));
	}
	return lines.join('\n');
}
