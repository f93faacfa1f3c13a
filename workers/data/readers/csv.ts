// CSV text helpers of the readers: quoting a field for DuckDB, a spreadsheet cell as CSV, the header line.
import { csvCell, parseCsv } from '../../../src/core/ingest/csv';

/** Quotes one CSV field (RFC 4180) for DuckDB: data, not an export, so no formula neutralising. */
export function csvField(value: string): string {
	return csvCell(value, { formulaSafe: false, quoteAll: true });
}

/** Cell of a spreadsheet as CSV text: dates as "YYYY-MM-DD HH:MM:SS" (Excel's wall-clock time). */
export function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
	const text = String(v);
	return csvCell(text, { formulaSafe: false });
}

/** Column names from the first line: quotes removed, blanks named column1…, duplicates numbered. */
export function headerOf(text: string, delimiter: string): string[] {
	const fields = parseCsv(text, { delimiter, maxRows: 1 })[0] ?? [''];
	const seen = new Set<string>(['__row']);
	return fields.map((f, i) => {
		let name = f.trim() || `column${i + 1}`;
		for (let k = 1; seen.has(name); k++) name = `${f.trim() || `column${i + 1}`}_${k}`;
		seen.add(name);
		return name;
	});
}
