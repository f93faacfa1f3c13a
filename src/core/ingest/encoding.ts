// Detects the text encoding of an uploaded sales export and decodes it: UTF-8 (with or without BOM),
// UTF-16 LE/BE, GBK/GB18030 (Chinese Excel exports) and windows-1252 as the last resort.
// Used by the data worker (preview + commit) and by unit tests; pure TypeScript, TextDecoder only.
import { createDecoder } from './text-decoder';

/** Error codes thrown by the decoder; callers map them to ImportIssue codes. */
export class DecodeError extends Error {
	constructor(
		readonly code: 'empty-file' | 'binary-file',
		message: string,
	) {
		super(message);
		this.name = 'DecodeError';
	}
}

/** Result of decoding a file. */
export interface DecodedText {
	text: string;
	/** WHATWG encoding label: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'. */
	encoding: string;
	/** Length of the byte-order mark that was skipped (0 if none). */
	bomLength: number;
}

/** Bytes inspected to guess UTF-16 without a BOM. */
const PROBE_BYTES = 4096;

/** Guesses the encoding of `bytes` without decoding the whole file twice. */
export function detectEncoding(bytes: Uint8Array): { encoding: string; bomLength: number } {
	if (bytes.length === 0) throw new DecodeError('empty-file', 'The file is empty.');
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { encoding: 'utf-8', bomLength: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
	// UTF-16 without BOM: ASCII text has a NUL in every other byte.
	const n = Math.min(bytes.length, PROBE_BYTES) & ~1;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenNul++;
		if (bytes[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	if (pairs >= 2 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05)
		return { encoding: 'utf-16le', bomLength: 0 };
	if (pairs >= 2 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05)
		return { encoding: 'utf-16be', bomLength: 0 };
	if (isValidUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0 };
	if (looksLikeGbk(bytes)) return { encoding: 'gb18030', bomLength: 0 };
	return { encoding: 'windows-1252', bomLength: 0 };
}

/** Decodes `bytes` to text, choosing the encoding with {@link detectEncoding}. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	const { encoding, bomLength } = detectEncoding(bytes);
	const text = createDecoder(encoding).decode(bytes.subarray(bomLength));
	if (text.trim() === '') throw new DecodeError('empty-file', 'The file contains no text.');
	return { text, encoding, bomLength };
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		createDecoder('utf-8', true).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * True when the bytes decode as GB18030 without replacement characters and at least one decoded
 * character is a CJK ideograph (U+4E00–U+9FFF): windows-1252 text would give Latin letters instead.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
	const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
	let text: string;
	try {
		text = createDecoder('gb18030', true).decode(probe);
	} catch {
		// The probe may end mid-character; decode non-fatally and count replacement characters.
		text = createDecoder('gb18030').decode(probe);
	}
	let cjk = 0;
	let bad = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (c >= 0x4e00 && c <= 0x9fff) cjk++;
		else if (c === 0xfffd) bad++;
	}
	return cjk > 0 && bad <= 1;
}
