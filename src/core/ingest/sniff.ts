// Recognises what kind of file the user picked (CSV/TSV/semicolon CSV, JSON, Parquet, XLSX) from its
// extension and first bytes, and explains wrong picks (images, PDFs, archives) in plain words.
// Pure TypeScript; used by the data worker before anything is loaded into DuckDB.
import { parseCsv } from './csv';
import { createDecoder } from './text-decoder';
import { msg, type Message } from '../messages';
import type { FileFormat } from './types';

/**
 * What the sniffer concluded: a format we can read, or why not, as a message code (`msg`, worded by the
 * view) and as an English trace (`message`, for logs and the CLI).
 */
export type SniffResult =
	| { ok: true; format: FileFormat }
	| { ok: false; code: 'wrong-type' | 'empty-file'; message: string; msg: Message };

interface Magic {
	bytes: number[];
	what: string;
	/** The `kind` param of `sniff_looks_like` (the catalog words it). */
	kind: string;
}

/** Signatures of common files that are not sales tables. */
const NOT_TABLES: Magic[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', kind: 'png' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', kind: 'jpeg' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', kind: 'gif' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', kind: 'pdf' },
	{ bytes: [0x1f, 0x8b], what: 'a gzip-compressed file', kind: 'gzip' },
	{ bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive', kind: 'rar' },
	{ bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive', kind: '7z' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Office 97 file', kind: 'xls' },
	{ bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF media file (WebP/WAV/AVI)', kind: 'riff' },
	{ bytes: [0x00, 0x00, 0x01, 0x00], what: 'an icon file', kind: 'ico' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
	return magic.every((b, i) => bytes[i] === b);
}

/** Lower-case extension without the dot ('' if none). */
export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** Decides the file format from the name and the first bytes (at least 8 KiB when available). */
export function sniffFormat(fileName: string, head: Uint8Array): SniffResult {
	if (head.length === 0)
		return {
			ok: false,
			code: 'empty-file',
			message: `${fileName} is empty.`,
			msg: msg('sniff_empty', { file: fileName }),
		};
	const ext = extensionOf(fileName);
	if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return { ok: true, format: 'parquet' };
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
		// XLSX is a zip whose entries live under xl/ and include [Content_Types].xml.
		const names = createDecoder('latin1').decode(head.subarray(0, 65536));
		if (names.includes('xl/') || names.includes('[Content_Types].xml') || ext === 'xlsx')
			return { ok: true, format: 'xlsx' };
		return {
			ok: false,
			code: 'wrong-type',
			message: `${fileName} looks like a zip archive, not a data table. Unzip it and pick the CSV file inside.`,
			msg: msg('sniff_zip', { file: fileName }),
		};
	}
	for (const m of NOT_TABLES) {
		if (startsWith(head, m.bytes))
			return {
				ok: false,
				code: 'wrong-type',
				message: `${fileName} looks like ${m.what}, not a data table. Pick a CSV, TSV, Excel (.xlsx), JSON or Parquet file exported from your shop system.`,
				msg: msg('sniff_looks_like', { file: fileName, kind: m.kind }),
			};
	}
	if (ext === 'parquet' || ext === 'xlsx')
		return {
			ok: false,
			code: 'wrong-type',
			message: `${fileName} is named .${ext} but its content is not a ${ext === 'xlsx' ? 'Excel workbook' : 'Parquet file'}.`,
			msg: msg(ext === 'xlsx' ? 'sniff_not_xlsx' : 'sniff_not_parquet', { file: fileName }),
		};
	// Text-like: look at the first non-blank character for JSON.
	const text = createDecoder('latin1')
		.decode(head.subarray(0, 4096))
		.replace(/^[\s\ufeff\u00ef\u00bb\u00bf\u00ff\u00fe\0]+/, '');
	if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl' || /^[[{]/.test(text))
		return { ok: true, format: 'json' };
	if (ext === 'tsv' || ext === 'tab') return { ok: true, format: 'tsv' };
	if (ext === 'txt' && looksBinary(head))
		return {
			ok: false,
			code: 'wrong-type',
			message: `${fileName} looks like a binary file, not a data table.`,
			msg: msg('sniff_binary', { file: fileName }),
		};
	if (looksBinary(head))
		return {
			ok: false,
			code: 'wrong-type',
			message: `${fileName} looks like a binary file, not a data table. Pick a CSV, TSV, Excel (.xlsx), JSON or Parquet file.`,
			msg: msg('sniff_binary', { file: fileName }),
		};
	return { ok: true, format: 'csv' };
}

/** Control bytes other than tab/CR/LF (and NULs outside a UTF-16 pattern) mean binary content. */
function looksBinary(head: Uint8Array): boolean {
	const n = Math.min(head.length, 4096);
	let ctrl = 0;
	let nul = 0;
	for (let i = 0; i < n; i++) {
		const b = head[i];
		if (b === 0) nul++;
		else if (b < 9 || (b > 13 && b < 32)) ctrl++;
	}
	// UTF-16 text has NULs in about half of the bytes but no other control bytes.
	if (nul > 0 && nul >= n * 0.3 && ctrl === 0) return false;
	return ctrl > n * 0.01 || nul > 0;
}

/** Delimiters we try, in order of preference when counts tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Picks the field delimiter from the first lines of decoded text: the candidate that splits the
 * header into the most fields and gives the same field count on the following lines (quotes respected,
 * read by the one CSV reader in ./csv.ts).
 */
export function sniffDelimiter(text: string): string {
	let best = ',';
	let bestScore = -1;
	for (const d of DELIMITERS) {
		const counts = parseCsv(text, { delimiter: d, maxRows: 30 }).map((r) => r.length);
		if (counts.length === 0 || counts[0] < 2) continue;
		const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
		const score = consistent * 1000 + counts[0];
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}
