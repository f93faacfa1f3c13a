// Reads any supported file into a RawTable (header + text cells) for the dataset-kind schemas
// (src/core/ingest/schemas/*): the existing readers do the work — decodeBytes (UTF-8/16, GBK),
// sniffFormat/sniffDelimiter, the XLSX/Parquet readers (readers/*), and the app's one CSV reader
// (parseCsv: quoted newlines, doubled quotes). Pure of DuckDB, so the data worker's signals service, the
// CLIs and the tests share it.
import { parseCsv } from '../../src/core/ingest/csv';
import { decodeBytes } from '../../src/core/ingest/encoding';
import { decompressedLimit, megabytes } from '../../src/core/ingest/limits';
import type { RawTable } from '../../src/core/ingest/schemas/table';
import { sniffDelimiter, sniffFormat } from '../../src/core/ingest/sniff';
import { headerOf } from './readers/csv';
import { parquetToCsv } from './readers/parquet';
import { xlsxToCsv } from './readers/xlsx';
import { codedError } from './coded-error';
import { GunzipError, gunzipLimited } from './decompress';

/** Rows of at most this many are read (a guard against a runaway file in the browser). */
export const MAX_SIGNAL_ROWS = 2_000_000;

/** JSON array / {data:[…]} / NDJSON → records → CSV text (nested values as JSON). */
function jsonToTable(fileName: string, text: string): RawTable {
	let records: unknown;
	try {
		records = JSON.parse(text);
	} catch {
		// NDJSON: one record per line; a broken line is named (never the parser's own words).
		records = text.split(/\r?\n/).flatMap((l, i) => {
			if (l.trim() === '') return [];
			try {
				return [JSON.parse(l) as unknown];
			} catch {
				throw codedError('BadFile', 'import_json_bad_line', { file: fileName, line: i + 1 });
			}
		});
	}
	if (records && !Array.isArray(records) && typeof records === 'object') {
		const arr = Object.values(records as Record<string, unknown>).find(Array.isArray);
		if (arr) records = arr;
	}
	if (!Array.isArray(records))
		throw codedError('BadFile', 'import_json_not_records', { file: fileName });
	const header: string[] = [];
	const seen = new Set<string>();
	for (const r of records)
		if (r && typeof r === 'object')
			for (const k of Object.keys(r))
				if (!seen.has(k)) {
					seen.add(k);
					header.push(k);
				}
	const rows = (records as Record<string, unknown>[]).map((r) =>
		header.map((k) => {
			const v = r?.[k];
			if (v === null || v === undefined) return '';
			if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(' ');
			return typeof v === 'object' ? JSON.stringify(v) : String(v);
		}),
	);
	return { fileName, header, rows };
}

/**
 * The bytes of a file, gunzipped (within the import's unpack budget) when they are gzip data, as the
 * sales import reads a `.csv.gz` export; other bytes are returned as they are.
 */
export async function unpackedBytes(fileName: string, bytes: Uint8Array): Promise<Uint8Array> {
	if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
	try {
		return await gunzipLimited(bytes, decompressedLimit(bytes.length));
	} catch (e) {
		if (e instanceof GunzipError && e.code === 'too_big')
			throw codedError('BadFile', 'import_unpacked_too_big', {
				file: fileName,
				limitMb: megabytes(e.limitBytes),
			});
		throw codedError('BadFile', 'import_bad_gzip', { file: fileName });
	}
}

/** The decoded text of a file (CSV/TSV/JSON as is; XLSX and Parquet converted to CSV; gzip unpacked). */
export async function fileText(
	fileName: string,
	packed: Uint8Array,
): Promise<{ text: string; format: string }> {
	const bytes = await unpackedBytes(fileName, packed);
	fileName = fileName.replace(/\.gz$/i, '');
	const sniff = sniffFormat(fileName, bytes.subarray(0, 65536));
	if (!sniff.ok) throw codedError('BadFile', sniff.msg.code, sniff.msg.params);
	if (sniff.format === 'xlsx') return { text: await xlsxToCsv(bytes), format: 'xlsx' };
	if (sniff.format === 'parquet') return { text: await parquetToCsv(bytes), format: 'parquet' };
	return { text: decodeBytes(bytes).text, format: sniff.format };
}

/** Splits delimited text into a RawTable with the app's one CSV reader (src/core/ingest/csv.ts). */
export function csvTextToTable(fileName: string, text: string): RawTable {
	const delimiter = sniffDelimiter(text);
	const header = headerOf(text, delimiter);
	const records = parseCsv(text, { delimiter, maxRows: MAX_SIGNAL_ROWS + 1 });
	const rows = records.slice(1).map((r) => header.map((_h, i) => r[i] ?? ''));
	return { fileName, header, rows };
}

/** Any supported file → RawTable. */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<RawTable> {
	const { text, format } = await fileText(fileName, bytes);
	if (format === 'json') return jsonToTable(fileName, text);
	return csvTextToTable(fileName, text);
}
