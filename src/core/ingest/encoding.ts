// Detects the text encoding of an uploaded sales export and decodes it: UTF-8 (with or without BOM),
// UTF-16 LE/BE, Shift-JIS (Japanese Excel exports), GBK/GB18030 (Chinese Excel exports) and windows-1252
// as the last resort.
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
	// Shift-JIS before GBK: Japanese bytes also decode as GBK, into unrelated Chinese characters.
	if (looksLikeShiftJis(bytes)) return { encoding: 'shift_jis', bomLength: 0 };
	if (looksLikeGbk(bytes)) return { encoding: 'gb18030', bomLength: 0 };
	return { encoding: 'windows-1252', bomLength: 0 };
}

/** Decodes `bytes` to text, choosing the encoding with {@link detectEncoding}. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	const { encoding, bomLength } = detectEncoding(bytes);
	let text = createDecoder(encoding).decode(bytes.subarray(bomLength));
	if (encoding === 'windows-1252') text = fixC1Controls(text);
	if (text.trim() === '') throw new DecodeError('empty-file', 'The file contains no text.');
	return { text, encoding, bomLength };
}

/** windows-1252 characters for bytes 0x80–0x9F (undefined bytes keep their C1 code point). */
const CP1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node's TextDecoder('windows-1252') decodes bytes 0x80–0x9F as C1 controls (latin1), unlike the
 * WHATWG Encoding standard and browsers (measured on Node 20.20, full ICU): map them to € ‚ ƒ „ … as browsers do.
 */
function fixC1Controls(text: string): string {
	return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}

/** Bytes validated per step: a 1 GB file decoded in one go exceeds the engine's longest string. */
const UTF8_CHECK_CHUNK = 16 * 1024 * 1024;

/** True when the bytes are well-formed UTF-8 (checked in chunks; a character may span two chunks). */
export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		const dec = createDecoder('utf-8', true);
		for (let i = 0; i < bytes.length; i += UTF8_CHECK_CHUNK) {
			const end = Math.min(bytes.length, i + UTF8_CHECK_CHUNK);
			dec.decode(bytes.subarray(i, end), { stream: end < bytes.length });
		}
		if (bytes.length === 0) dec.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** The first 64 KiB, cut after a line feed (never a trail byte in GBK or Shift-JIS) so no character is split. */
function probeOf(bytes: Uint8Array): Uint8Array {
	let probe = bytes.subarray(0, Math.min(bytes.length, 65536));
	if (probe.length < bytes.length) {
		const lf = probe.lastIndexOf(0x0a);
		if (lf > 0) probe = probe.subarray(0, lf + 1);
	}
	return probe;
}

/**
 * True when the bytes decode as Shift-JIS without a malformed sequence and read as Japanese: kana
 * (ひらがな, カタカナ) make up a good share of the non-ASCII characters and half-width katakana, which
 * GBK text turns into when decoded as Shift-JIS, are rare.
 */
function looksLikeShiftJis(bytes: Uint8Array): boolean {
	let text: string;
	try {
		text = createDecoder('shift_jis', true).decode(probeOf(bytes));
	} catch {
		return false;
	}
	let kana = 0;
	let halfWidth = 0;
	let cjk = 0;
	let other = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (c < 0x80) continue;
		if (c >= 0x3040 && c <= 0x30ff) kana++;
		else if (c >= 0xff61 && c <= 0xff9f) halfWidth++;
		else if (
			(c >= 0x4e00 && c <= 0x9fff) ||
			(c >= 0x3000 && c <= 0x303f) ||
			(c >= 0xff00 && c <= 0xffef)
		)
			cjk++;
		else other++;
	}
	const total = kana + halfWidth + cjk + other;
	return total > 0 && kana >= 0.1 * total && halfWidth <= 0.1 * total && other <= 0.1 * total;
}

/**
 * True when most of the two-byte GBK pairs end in an ASCII byte (0x40–0x7E): windows-1252 text with
 * an accent before a letter ("Böhm" = F6 68, "Müller" = FC 6C) decodes as valid GBK ideographs (鰄),
 * but Chinese text is mostly GB2312 characters, whose second byte is 0xA1–0xFE (walk17: a German
 * stock file's suppliers came out as "B鰄m & S鰄ne").
 */
function latinPairs(bytes: Uint8Array): boolean {
	let asciiTrail = 0;
	let highTrail = 0;
	for (let i = 0; i < bytes.length - 1; i++) {
		const b = bytes[i];
		if (b < 0x81 || b > 0xfe) continue;
		const t = bytes[i + 1];
		if (t >= 0x30 && t <= 0x39) {
			i += 3; // a GB18030 four-byte sequence
			continue;
		}
		if (t >= 0x40 && t <= 0x7e) asciiTrail++;
		else if (t >= 0x80) highTrail++;
		i++;
	}
	return asciiTrail > highTrail;
}

/**
 * True when the bytes decode as GB18030 without any malformed sequence and the non-ASCII characters
 * are mostly CJK ideographs or CJK/full-width punctuation. windows-1252 text (accents such as "é ")
 * either breaks GBK's lead/trail byte pairs or decodes to a scatter of unrelated symbols.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
	let probe = bytes.subarray(0, Math.min(bytes.length, 65536));
	if (probe.length < bytes.length) {
		// Cut at a line feed: 0x0A is never a GBK trail byte, so no character is split.
		const lf = probe.lastIndexOf(0x0a);
		if (lf > 0) probe = probe.subarray(0, lf + 1);
	}
	if (latinPairs(probe)) return false;
	let text: string;
	try {
		text = createDecoder('gb18030', true).decode(probe);
	} catch {
		return false;
	}
	let cjk = 0;
	let other = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (c < 0x80) continue;
		if (
			(c >= 0x4e00 && c <= 0x9fff) ||
			(c >= 0x3000 && c <= 0x303f) ||
			(c >= 0xff00 && c <= 0xffef)
		)
			cjk++;
		else other++;
	}
	return cjk > 0 && cjk >= 4 * other;
}
