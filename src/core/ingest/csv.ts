// The one CSV reader and writer of the app (RFC 4180). Every export (the Forecast screen's Download CSV,
// the CLIs' output) writes through `toCsv`/`csvRow`, which quote CR, LF, quotes and the separator and
// neutralise text a spreadsheet would run as a formula (OWASP "CSV injection": a leading = + - @ tab or
// CR, also after spaces, gets a ' in front; plain negative numbers stay numbers). The data worker uses
// the same writer with `formulaSafe: false` to turn XLSX/Parquet/JSON into CSV text for DuckDB, and the
// CLIs, the delimiter sniffer and the tests read CSV with `parseCsv`/`parseCsvLine`.

/** A value for one cell: numbers are written as JavaScript prints them, null/undefined/NaN as empty. */
export type CsvValue = string | number | null | undefined;

/** How to write CSV. */
export interface CsvWriteOptions {
	/** Field separator; default ','. */
	delimiter?: string;
	/** Neutralise formula-like text (default true: anything a person may open in a spreadsheet). */
	formulaSafe?: boolean;
	/** Line ending; default '\n'. */
	eol?: string;
	/** Quote every text cell, needed or not (e.g. so DuckDB reads a JSON value as one string). */
	quoteAll?: boolean;
}

/** How to read CSV. */
export interface CsvReadOptions {
	/** Field separator; default ','. */
	delimiter?: string;
	/** Stop after this many records (e.g. to sniff the first lines of a big file). */
	maxRows?: number;
	/** Leave out records whose only cell is blank (blank lines); default true. */
	skipBlank?: boolean;
}

/** A plain number, e.g. -12, -0.5, 3e-4: written as is even though it may start with '-' or '+'. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Text a spreadsheet treats as a formula: = + - @ tab or CR first, possibly after spaces. */
const FORMULA_START = /^[ \u00a0]*[=+\-@\t\r]/;

/** True when a spreadsheet would read `text` as a formula (and it is not a plain number). */
export function isFormulaLike(text: string): boolean {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text.trim());
}

/** `text` with a leading ' when a spreadsheet would run it as a formula (OWASP's advice), else unchanged. */
export function neutralizeFormula(text: string): string {
	return isFormulaLike(text) ? `'${text}` : text;
}

/** One cell as CSV text: neutralised (unless `formulaSafe: false`), quoted when it needs quotes. */
export function csvCell(value: CsvValue, opts: CsvWriteOptions = {}): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const delimiter = opts.delimiter ?? ',';
	const text = opts.formulaSafe === false ? value : neutralizeFormula(value);
	const needsQuotes =
		opts.quoteAll === true ||
		text.includes('"') ||
		text.includes('\n') ||
		text.includes('\r') ||
		text.includes(delimiter) ||
		// Leading/trailing spaces survive only inside quotes in many readers.
		(text !== '' && text.trim() !== text);
	return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record as CSV text (no line ending). */
export function csvRow(cells: readonly CsvValue[], opts: CsvWriteOptions = {}): string {
	const line = cells.map((c) => csvCell(c, opts)).join(opts.delimiter ?? ',');
	// A record of one empty cell would be a blank line, which readers skip.
	return line === '' && cells.length === 1 ? '""' : line;
}

/** Records (the header first, if any) as CSV text, each line ended by `eol`. */
export function toCsv(rows: readonly (readonly CsvValue[])[], opts: CsvWriteOptions = {}): string {
	const eol = opts.eol ?? '\n';
	let out = '';
	for (const r of rows) out += csvRow(r, opts) + eol;
	return out;
}

/**
 * CSV text → records of cells (RFC 4180): double quotes around a field may hold the separator, CR, LF
 * and doubled quotes; records end at LF, CRLF or a lone CR; a leading BOM is dropped. A quote inside
 * an unquoted field is kept as text, and an unterminated quote runs to the end of the text.
 */
export function parseCsv(text: string, opts: CsvReadOptions = {}): string[][] {
	const d = opts.delimiter ?? ',';
	const max = opts.maxRows ?? Infinity;
	const skipBlank = opts.skipBlank ?? true;
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let fieldStart = true;
	/** Whether the record so far had a quoted field or any character at all. */
	let hadQuote = false;
	let dirty = false;
	const endRow = () => {
		row.push(cell);
		if (!(skipBlank && row.length === 1 && !hadQuote && row[0].trim() === '')) rows.push(row);
		row = [];
		cell = '';
		fieldStart = true;
		hadQuote = false;
		dirty = false;
	};
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (; i < text.length && rows.length < max; i++) {
		const c = text[i];
		if (c !== '\n' && c !== '\r') dirty = true;
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else cell += c;
		} else if (c === '"' && fieldStart) {
			quoted = true;
			hadQuote = true;
			fieldStart = false;
		} else if (c === d) {
			row.push(cell);
			cell = '';
			fieldStart = true;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else {
			cell += c;
			fieldStart = false;
		}
	}
	if (rows.length < max && (dirty || quoted)) endRow();
	return rows;
}

/** One CSV line → its cells (quotes removed, doubled quotes unescaped). */
export function parseCsvLine(line: string, delimiter = ','): string[] {
	return parseCsv(line, { delimiter, maxRows: 1, skipBlank: false })[0] ?? [''];
}
