// Saves a table as a CSV file from the browser (the Forecast screen's Download CSV). The text comes from
// the one formula-safe CSV writer in src/core/ingest/csv.ts, so every export quotes and neutralises alike.
import { toCsv, type CsvValue } from '../../core/ingest/csv';

export type { CsvValue };

/** The byte-order mark that tells Excel a CSV file is UTF-8 (without it, Excel reads 连衣裙 as mojibake). */
export const UTF8_BOM = '\uFEFF';

/**
 * The text of a downloaded CSV file: a UTF-8 BOM, then `rows` (header first) from the formula-safe
 * writer. Excel on Windows opens a BOM-less CSV in the system code page (GBK on a Chinese Windows,
 * Windows-1252 on an English one), so Chinese product names and £ signs come out garbled; the BOM makes
 * it read UTF-8, and every CSV reader we know (ours, DuckDB, pandas, LibreOffice, Numbers) skips it.
 */
export function csvFileText(rows: readonly (readonly CsvValue[])[]): string {
	return UTF8_BOM + toCsv(rows);
}

/**
 * A column header that names what its raw numbers are in: "Revenue (GBP)", "Share of revenue (%)",
 * "Lead time (days)" — the label in the reader's language, the unit already worded by the caller.
 */
export function withUnit(label: string, unit?: string): string {
	return unit ? `${label} (${unit})` : label;
}

/** Writes `rows` (header first) with the formula-safe writer and hands the file to the browser. */
export function downloadCsv(fileName: string, rows: readonly (readonly CsvValue[])[]): void {
	downloadBlob(fileName, new Blob([csvFileText(rows)], { type: 'text/csv;charset=utf-8' }));
}

/** Hands any file (a CSV, a backup) to the browser as a download. */
export function downloadBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.click();
	// The download starts asynchronously; revoke only after the browser had time to read the URL.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `prefix-YYYY-MM-DD.ext` for today (UTC), e.g. trendcast-backup-2026-12-06.json. */
export function datedFileName(prefix: string, ext: string, now = Date.now()): string {
	return `${prefix}-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
}
