// Physical-line accounting of a delimited file, so a quote that is opened and never closed (or closed
// lines later) cannot swallow lines silently: DuckDB reads such lines as one long field (or drops the rest
// of the file), and the report would say "28 of 28 rows read". One pass over the bytes with the RFC 4180
// quote rules of src/core/ingest/csv.ts (a quote opens a field only at its start; "" is a quote inside).
// A quoted field that runs over a line break is normal (a description with a newline) unless a
// continuation line looks like a whole record (at least as many separators as the header has), or the
// quote never closes. Pure TypeScript; used by the data worker's preview.

/** A quote that swallowed lines: opened on `line`, closed on `endLine` (null: never closed). */
export interface QuoteProblem {
	/** 1-based physical line where the quoted field starts (the header is line 1). */
	line: number;
	/** Line where the quote closes, or null when it runs to the end of the file. */
	endLine: number | null;
	/** Lines read as part of that field instead of as rows. */
	swallowed: number;
}

/** What the scan found. */
export interface LineScan {
	/** Non-blank physical lines, header included (CRLF, LF and a lone CR each end a line). */
	lines: number;
	/** Longest physical line in bytes, and its line number. */
	longestLine: number;
	longestLineNumber: number;
	/** The first quote that swallowed lines, if any, and how many such quotes there were. */
	quote: QuoteProblem | null;
	quoteProblems: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Scans UTF-8 (or any ASCII-compatible) bytes of a delimited file. `delimiter` is one ASCII character;
 * `columns` is the header's field count.
 */
export function scanLines(bytes: Uint8Array, delimiter: string, columns: number): LineScan {
	const d = delimiter.charCodeAt(0);
	const need = Math.max(1, columns - 1);
	let lines = 0;
	let line = 1;
	let lineStart = 0;
	let longest = 0;
	let longestAt = 0;
	let blank = true;
	let inQuotes = false;
	let fieldStart = true;
	let openLine = 0;
	let delimsOnLine = 0;
	let looksLikeRows = false;
	let first: QuoteProblem | null = null;
	let problems = 0;
	const endLine = (i: number) => {
		if (!blank) lines++;
		if (i - lineStart > longest) {
			longest = i - lineStart;
			longestAt = line;
		}
		line++;
		blank = true;
		delimsOnLine = 0;
	};
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === LF || b === CR) {
			if (b === CR && bytes[i + 1] === LF) i++;
			if (inQuotes && delimsOnLine >= need && line > openLine) looksLikeRows = true;
			endLine(i);
			lineStart = i + 1;
			if (!inQuotes) fieldStart = true;
			continue;
		}
		if (b !== 0x20 && b !== 0x09) blank = false;
		if (inQuotes) {
			if (b === QUOTE) {
				if (bytes[i + 1] === QUOTE) i++;
				else {
					inQuotes = false;
					if (looksLikeRows) {
						problems++;
						first ??= { line: openLine, endLine: line, swallowed: line - openLine };
					}
				}
			} else if (b === d) delimsOnLine++;
		} else if (b === QUOTE && fieldStart) {
			inQuotes = true;
			openLine = line;
			looksLikeRows = false;
			fieldStart = false;
		} else if (b === d) fieldStart = true;
		else fieldStart = false;
	}
	if (lineStart < bytes.length) endLine(bytes.length);
	if (inQuotes) {
		problems++;
		first ??= { line: openLine, endLine: null, swallowed: line - 1 - openLine };
	}
	return {
		lines,
		longestLine: longest,
		longestLineNumber: longestAt,
		quote: first,
		quoteProblems: problems,
	};
}
