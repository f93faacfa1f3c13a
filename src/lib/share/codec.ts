// Share by URL without a server: a ReportDoc → JSON → deflate-raw (CompressionStream) → optionally
// AES-GCM encrypted with a key from a passphrase (PBKDF2-SHA256, random salt) → base64url in the URL
// fragment (`#r=…`). The fragment is never sent to any server by the browser. The same bytes, behind a
// 4-byte magic, are a `.trendcast-report` file (for reports too long for a chat app's link).
//
// Payload layout (all integers big-endian):
//   0      format version (PAYLOAD_VERSION)
//   1      flags (bit 0: encrypted)
//   2..5   length of the rest (bytes 14..)
//   6..13  first 8 bytes of SHA-256 over bytes 14.. (tells a damaged link from a wrong passphrase)
//   14..   plain:     deflate-raw(JSON)
//          encrypted: PBKDF2 iterations (u32), salt (16), iv (12), AES-GCM(deflate-raw(JSON)) with its tag
// Every failure is a coded message (share_err_*), never an exception the view has to guess about.
import { msg, type Message } from '../../core/messages';
import { parseReport } from '../../core/report/validate';
import type { ReportDoc } from '../../core/report/types';

export const PAYLOAD_VERSION = 1;
/** PBKDF2-SHA256 rounds for new links (OWASP 2023 guidance for SHA-256). */
export const PBKDF2_ITERATIONS = 600_000;
/** Links longer than this (the whole URL) are offered as a file instead: chat apps cut long links. */
export const MAX_LINK_CHARS = 8_000;
/** A decompressed report larger than this is refused (a link is small; this stops a zip bomb). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** The fragment key: `#r=<payload>`. */
export const FRAGMENT_KEY = 'r';
/** Start of a `.trendcast-report` file: "TCR" + a newline-free marker byte. */
export const FILE_MAGIC = new Uint8Array([0x54, 0x43, 0x52, 0x01]);
export const FILE_EXTENSION = '.trendcast-report';

const HEADER = 14;
const SALT = 16;
const IV = 12;
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 5_000_000;

export type DecodeResult =
	| { ok: true; doc: ReportDoc; encrypted: boolean }
	| { ok: false; error: Message; needsPassphrase?: boolean };

// ---------- base64url ----------

export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
	// A link cut short may end inside a byte: drop the dangling character (the length check then says
	// "cut short" rather than "changed").
	if (text.length % 4 === 1) text = text.slice(0, -1);
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
	try {
		const bin = atob(b64);
		const out = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
		return out;
	} catch {
		return null;
	}
}

// ---------- streams ----------

async function pipe(
	data: Uint8Array,
	stream: GenerateTransformStream,
	limit: number,
): Promise<Uint8Array> {
	const writer = stream.writable.getWriter();
	// The write and close promises reject together with the reader on bad input: read them apart.
	void writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
	void writer.close().catch(() => {});
	const reader = stream.readable.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			void reader.cancel().catch(() => {});
			throw new RangeError('too big');
		}
		parts.push(value);
	}
	const out = new Uint8Array(size);
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

type GenerateTransformStream = {
	writable: WritableStream<Uint8Array>;
	readable: ReadableStream<Uint8Array>;
};

const deflate = (d: Uint8Array) =>
	pipe(d, new CompressionStream('deflate-raw') as GenerateTransformStream, Infinity);
const inflate = (d: Uint8Array) =>
	pipe(d, new DecompressionStream('deflate-raw') as GenerateTransformStream, MAX_JSON_BYTES);

// ---------- crypto ----------

async function digest8(bytes: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(
		await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
	).slice(0, 8);
}

async function keyFrom(
	passphrase: string,
	salt: Uint8Array,
	iterations: number,
): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passphrase.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey'],
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt'],
	);
}

// ---------- encode ----------

/** The payload bytes of a report (encrypted when a non-empty passphrase is given). */
export async function encodeReport(
	doc: ReportDoc,
	passphrase?: string,
	iterations = PBKDF2_ITERATIONS,
): Promise<Uint8Array> {
	const packed = await deflate(new TextEncoder().encode(JSON.stringify(doc)));
	let body: Uint8Array;
	const encrypted = !!passphrase;
	if (passphrase) {
		const salt = crypto.getRandomValues(new Uint8Array(SALT));
		const iv = crypto.getRandomValues(new Uint8Array(IV));
		const key = await keyFrom(passphrase, salt, iterations);
		const sealed = new Uint8Array(
			await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, packed as Uint8Array<ArrayBuffer>),
		);
		body = new Uint8Array(4 + SALT + IV + sealed.length);
		new DataView(body.buffer).setUint32(0, iterations);
		body.set(salt, 4);
		body.set(iv, 4 + SALT);
		body.set(sealed, 4 + SALT + IV);
	} else body = packed;
	const out = new Uint8Array(HEADER + body.length);
	out[0] = PAYLOAD_VERSION;
	out[1] = encrypted ? 1 : 0;
	new DataView(out.buffer).setUint32(2, body.length);
	out.set(await digest8(body), 6);
	out.set(body, HEADER);
	return out;
}

/** What sharing a report gives: a link, or (too long for chat apps) only a file. */
export interface ShareLink {
	/** The full link; null when longer than MAX_LINK_CHARS. */
	url: string | null;
	/** Length the link has (or would have). */
	length: number;
	/** The same payload as a `.trendcast-report` file. */
	file: Uint8Array;
	encrypted: boolean;
}

/** Link (when short enough) and file for a report; `base` is the app's address without fragment. */
export async function shareReport(
	doc: ReportDoc,
	base: string,
	passphrase?: string,
	iterations?: number,
): Promise<ShareLink> {
	const payload = await encodeReport(doc, passphrase, iterations);
	const url = `${base.split('#')[0]}#${FRAGMENT_KEY}=${toBase64Url(payload)}`;
	const file = new Uint8Array(FILE_MAGIC.length + payload.length);
	file.set(FILE_MAGIC);
	file.set(payload, FILE_MAGIC.length);
	return {
		url: url.length <= MAX_LINK_CHARS ? url : null,
		length: url.length,
		file,
		encrypted: !!passphrase,
	};
}

// ---------- decode ----------

const fail = (code: string, params?: Record<string, string | number>): DecodeResult => ({
	ok: false,
	error: msg(code, params),
});

/** Whether the payload is encrypted (so the view asks for the passphrase first); null if unreadable. */
export function isEncrypted(payload: Uint8Array): boolean | null {
	return payload.length >= HEADER && payload[0] === PAYLOAD_VERSION ? (payload[1] & 1) === 1 : null;
}

/** Reads payload bytes back into a checked report, or says exactly what is wrong. */
export async function decodeReport(
	payload: Uint8Array,
	passphrase?: string,
): Promise<DecodeResult> {
	if (payload.length === 0) return fail('share_err_empty');
	if (payload[0] !== PAYLOAD_VERSION)
		return fail('share_err_version', { version: payload[0], ours: PAYLOAD_VERSION });
	if (payload.length < HEADER) return fail('share_err_truncated');
	const flags = payload[1];
	if (flags > 1) return fail('share_err_tampered');
	const want = new DataView(payload.buffer, payload.byteOffset).getUint32(2);
	const body = payload.subarray(HEADER);
	if (body.length < want) return fail('share_err_truncated', { have: body.length, want });
	if (body.length > want) return fail('share_err_tampered');
	const sum = await digest8(body);
	if (sum.some((b, i) => b !== payload[6 + i])) return fail('share_err_tampered');
	const encrypted = flags === 1;
	let packed: Uint8Array;
	if (encrypted) {
		if (!passphrase)
			return { ok: false, error: msg('share_err_need_passphrase'), needsPassphrase: true };
		if (body.length < 4 + SALT + IV + 16) return fail('share_err_tampered');
		const iterations = new DataView(body.buffer, body.byteOffset).getUint32(0);
		if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
			return fail('share_err_tampered');
		const key = await keyFrom(passphrase, body.subarray(4, 4 + SALT), iterations);
		try {
			packed = new Uint8Array(
				await crypto.subtle.decrypt(
					{ name: 'AES-GCM', iv: body.slice(4 + SALT, 4 + SALT + IV) },
					key,
					body.slice(4 + SALT + IV),
				),
			);
		} catch {
			return { ok: false, error: msg('share_err_passphrase'), needsPassphrase: true };
		}
	} else packed = body;
	let json: Uint8Array;
	try {
		json = await inflate(packed);
	} catch (e) {
		return e instanceof RangeError ? fail('share_err_too_big') : fail('share_err_damaged');
	}
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		return fail('share_err_damaged');
	}
	const parsed = parseReport(value);
	return parsed.ok ? { ok: true, doc: parsed.doc, encrypted } : { ok: false, error: parsed.error };
}

/** The payload of a `#r=…` fragment (or of a whole link); null when there is none. */
export function payloadTextFromHash(hash: string): string | null {
	const i = hash.indexOf('#');
	const frag = i >= 0 ? hash.slice(i + 1) : hash;
	const params = new URLSearchParams(frag);
	return params.get(FRAGMENT_KEY);
}

/** Bytes of a link's payload text, or the coded reason they cannot be read. */
export function payloadFromText(text: string): Uint8Array | Message {
	const trimmed = text.trim();
	if (!trimmed) return msg('share_err_empty');
	return fromBase64Url(trimmed) ?? msg('share_err_tampered');
}

/** Bytes of a `.trendcast-report` file's payload, or the coded reason it is not one. */
export function payloadFromFile(bytes: Uint8Array): Uint8Array | Message {
	if (bytes.length < FILE_MAGIC.length || FILE_MAGIC.some((b, i) => bytes[i] !== b))
		return msg('share_err_not_file');
	return bytes.subarray(FILE_MAGIC.length);
}
