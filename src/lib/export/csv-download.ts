// Saves a table as a CSV file from the browser (the Forecast screen's Download CSV). The text comes from
// the one formula-safe CSV writer in src/core/ingest/csv.ts, so every export quotes and neutralises alike.
import { toCsv, type CsvValue } from '../../core/ingest/csv';

export type { CsvValue };

/** Writes `rows` (header first) with the formula-safe writer and hands the file to the browser. */
export function downloadCsv(fileName: string, rows: readonly (readonly CsvValue[])[]): void {
	downloadBlob(fileName, new Blob([toCsv(rows)], { type: 'text/csv' }));
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
