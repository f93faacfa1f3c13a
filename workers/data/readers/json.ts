// JSON reader: an array of objects (or {data: [...]}, or NDJSON) as CSV text for the same path as CSV files.
import { fieldOf, parseJsonRecords, recordKeys } from '../../../src/core/ingest/json-records';
import { csvField } from './csv';

/** JSON array of objects (or {data: [...]}, or NDJSON) → CSV text for the same path as CSV files. */
export function jsonToCsv(text: string): string {
	const records = parseJsonRecords(text);
	const keys = recordKeys(records);
	const lines = [keys.map(csvField).join(',')];
	for (const r of records) {
		lines.push(
			keys
				.map((k) => {
					const v = fieldOf(r, k);
					if (v === null || v === undefined) return '';
					return csvField(typeof v === 'object' ? JSON.stringify(v) : String(v));
				})
				.join(','),
		);
	}
	return lines.join('\n');
}
