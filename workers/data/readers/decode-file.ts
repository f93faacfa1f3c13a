// Any supported file → delimited UTF-8 bytes, its header and a line scan, or the issues that stop it:
// gunzip (within the unpack budget) → sniff the format → XLSX/Parquet/JSON converted to CSV → decode
// the text encoding → the delimiter → the line and column limits. The step before DuckDB staging.
import { DecodeError, decodeBytes, detectEncoding } from '../../../src/core/ingest/encoding';
import { JsonRecordsError } from '../../../src/core/ingest/json-records';
import { MAX_COLUMNS, MAX_LINE_BYTES, megabytes } from '../../../src/core/ingest/limits';
import { scanLines } from '../../../src/core/ingest/lines';
import { sniffDelimiter, sniffFormat } from '../../../src/core/ingest/sniff';
import type { FileFormat, ImportIssue } from '../../../src/core/ingest/types';
import { XlsxError } from '../../../src/core/ingest/xlsx';
import { progress, type FileInput, type ProgressFn } from '../context';
import { GunzipError, gunzipLimited } from '../decompress';
import { codedIssue } from '../issues';
import { headerOf } from './csv';
import { jsonToCsv } from './json';
import { parquetToCsv } from './parquet';
import { xlsxToCsv } from './xlsx';

/** A file that could be read: its delimited bytes, header and line scan. */
export interface DecodedFile {
	ok: true;
	fileName: string;
	format: FileFormat;
	encoding: string;
	csvBytes: Uint8Array;
	delimiter: string;
	header: string[];
	scan: ReturnType<typeof scanLines>;
}

/** A file that could not be read: what is known of it, and the issues saying why. */
export interface UnreadFile {
	ok: false;
	fileName: string;
	format: FileFormat;
	encoding: string;
}

/** Reads a file for staging; issues (warnings and the stopping error) are appended to `issues`. */
export async function decodeFile(
	file: FileInput,
	unpackLimit: (packedBytes: number) => number,
	issues: ImportIssue[],
	onProgress?: ProgressFn,
): Promise<DecodedFile | UnreadFile> {
	let fileName = file.name;
	let bytes: Uint8Array = new Uint8Array(file.bytes);
	progress(onProgress, 'reading', 0, 4);
	const fail = (format: FileFormat, encoding: string, name = fileName): UnreadFile => ({
		ok: false,
		fileName: name,
		format,
		encoding,
	});
	if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
		try {
			bytes = await gunzipLimited(bytes, unpackLimit(bytes.length));
			fileName = fileName.replace(/\.gz$/i, '');
		} catch (e) {
			const tooBig = e instanceof GunzipError && e.code === 'too_big';
			issues.push(
				tooBig
					? codedIssue('error', 'decompression-limit', file.name, 'import_unpacked_too_big', {
							file: file.name,
							limitMb: megabytes((e as GunzipError).limitBytes),
						})
					: codedIssue('error', 'bad-gzip', file.name, 'import_bad_gzip', { file: file.name }),
			);
			return fail('csv', '', file.name);
		}
	}
	// A server may already have undone the gzip (Content-Encoding: gzip), so strip the name too.
	fileName = fileName.replace(/\.gz$/i, '');
	const sniffed = sniffFormat(fileName, bytes.subarray(0, 65536));
	if (!sniffed.ok) {
		issues.push(
			sniffed.code === 'empty-file'
				? codedIssue('error', 'empty-file', fileName, 'import_empty_file', { file: fileName })
				: {
						severity: 'error',
						code: sniffed.code,
						file: fileName,
						message: sniffed.message,
						msg: sniffed.msg,
					},
		);
		return fail('csv', '');
	}
	const format = sniffed.format;
	if (format === 'xlsx') {
		try {
			bytes = new TextEncoder().encode(await xlsxToCsv(bytes, unpackLimit(bytes.length)));
		} catch (e) {
			issues.push(
				e instanceof XlsxError && e.code === 'xlsx_too_big'
					? codedIssue('error', 'decompression-limit', fileName, 'import_unpacked_too_big', {
							file: fileName,
							limitMb: megabytes(e.limitBytes),
						})
					: codedIssue('error', 'xlsx-unreadable', fileName, 'import_xlsx_unreadable', {
							file: fileName,
							detail: String((e as Error)?.message ?? e).slice(0, 200),
						}),
			);
			return fail(format, '');
		}
	}
	if (format === 'parquet') {
		try {
			bytes = new TextEncoder().encode(await parquetToCsv(bytes));
		} catch {
			issues.push(
				codedIssue('error', 'parquet-unreadable', fileName, 'data_parquet_unreadable', {
					file: fileName,
				}),
			);
			return fail(format, '');
		}
	}
	progress(onProgress, 'decoding', 1, 4);
	let encoding = 'binary';
	let csvBytes: Uint8Array;
	let headText: string;
	try {
		const enc = detectEncoding(bytes);
		encoding = enc.encoding;
		if (format !== 'json' && enc.encoding === 'utf-8') {
			csvBytes = bytes.subarray(enc.bomLength);
			headText = new TextDecoder('utf-8').decode(csvBytes.subarray(0, 65536));
			if (headText.trim() === '') throw new DecodeError('empty-file', 'The file contains no text.');
		} else {
			const decoded = decodeBytes(bytes);
			const text = format === 'json' ? jsonToCsv(decoded.text) : decoded.text;
			csvBytes = new TextEncoder().encode(text);
			headText = text.slice(0, 65536);
		}
	} catch (e) {
		if (e instanceof JsonRecordsError) {
			issues.push(
				codedIssue('error', `json-${e.code.replace('_', '-')}`, fileName, `import_json_${e.code}`, {
					file: fileName,
					line: e.line,
				}),
			);
			return fail(format, encoding);
		}
		const empty = e instanceof DecodeError && e.code === 'empty-file';
		if (empty) {
			issues.push(
				codedIssue('error', 'empty-file', fileName, 'import_empty_file', { file: fileName }),
			);
			return fail(format, encoding);
		}
		issues.push(
			codedIssue('error', 'unreadable', fileName, 'data_unreadable', {
				file: fileName,
				format: format.toUpperCase(),
			}),
		);
		return fail(format, encoding);
	}
	const cut = headText.lastIndexOf('\n');
	const delimiter =
		format === 'tsv'
			? '\t'
			: format === 'json' || format === 'xlsx' || format === 'parquet'
				? ','
				: sniffDelimiter(cut > 0 ? headText.slice(0, cut) : headText);
	progress(onProgress, 'loading', 2, 4);
	// Limits first, so a file DuckDB could not hold in memory gets a plain answer (file, what, what to do).
	const header = headerOf(headText, delimiter);
	const scan = scanLines(csvBytes, delimiter, header.length);
	if (scan.longestLine > MAX_LINE_BYTES) {
		issues.push(
			codedIssue('error', 'line-too-long', fileName, 'import_line_too_long', {
				file: fileName,
				line: scan.longestLineNumber,
				mb: megabytes(scan.longestLine),
				maxMb: megabytes(MAX_LINE_BYTES),
			}),
		);
		return fail(format, encoding);
	}
	if (header.length > MAX_COLUMNS) {
		issues.push(
			codedIssue('error', 'too-many-columns', fileName, 'import_too_many_columns', {
				file: fileName,
				n: header.length,
				max: MAX_COLUMNS,
			}),
		);
		return fail(format, encoding);
	}
	return { ok: true, fileName, format, encoding, csvBytes, delimiter, header, scan };
}
