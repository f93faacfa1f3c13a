// Which characters an OpenType / TrueType font can draw, read from its `cmap` table (the Unicode
// subtables, format 4 for the Basic Multilingual Plane and format 12 beyond it; OpenType spec, "cmap —
// Character to Glyph Index Mapping Table"). The PDF's embedded font is a GB2312 subset of Noto Sans SC:
// a character outside it (traditional 針織開衫 of a Hong Kong or Taiwan shop, a name's 玥 or 喆) is drawn
// as the empty glyph 0, so the report worker lists such characters and the view says which ones.
// Pure; no DOM.

/** A code point → has-a-glyph test of one font. */
export type Coverage = (codePoint: number) => boolean;

const u16 = (v: DataView, at: number) => v.getUint16(at);
const u32 = (v: DataView, at: number) => v.getUint32(at);

/** Glyph of `c` in a format 4 subtable at `at` (0 = none). */
function format4(v: DataView, at: number, c: number): number {
	if (c > 0xffff) return 0;
	const segX2 = u16(v, at + 6);
	const ends = at + 14;
	const starts = ends + segX2 + 2;
	const deltas = starts + segX2;
	const ranges = deltas + segX2;
	// binary search for the first segment whose end code is ≥ c
	let lo = 0;
	let hi = segX2 / 2 - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (u16(v, ends + 2 * mid) < c) lo = mid + 1;
		else hi = mid;
	}
	const start = u16(v, starts + 2 * lo);
	if (c < start || c > u16(v, ends + 2 * lo)) return 0;
	const delta = u16(v, deltas + 2 * lo);
	const rangeAt = ranges + 2 * lo;
	const range = u16(v, rangeAt);
	if (range === 0) return (c + delta) & 0xffff;
	const g = u16(v, rangeAt + range + 2 * (c - start));
	return g === 0 ? 0 : (g + delta) & 0xffff;
}

/** Glyph of `c` in a format 12 subtable at `at` (0 = none). */
function format12(v: DataView, at: number, c: number): number {
	const groups = u32(v, at + 12);
	let lo = 0;
	let hi = groups - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const g = at + 16 + 12 * mid;
		if (c < u32(v, g)) hi = mid - 1;
		else if (c > u32(v, g + 4)) lo = mid + 1;
		else return u32(v, g + 8) + (c - u32(v, g));
	}
	return 0;
}

/**
 * The coverage of the font in `bytes` (an .otf / .ttf file). Throws on a file without a Unicode cmap
 * subtable of format 4 or 12.
 */
export function fontCoverage(bytes: Uint8Array): Coverage {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = u16(v, 4);
	let cmap = -1;
	for (let i = 0; i < tables; i++) {
		const rec = 12 + 16 * i;
		if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === 'cmap') cmap = u32(v, rec + 8);
	}
	if (cmap < 0) throw new Error('font has no cmap table');
	let best: { at: number; format: number } | null = null;
	for (let i = 0; i < u16(v, cmap + 2); i++) {
		const rec = cmap + 4 + 8 * i;
		const platform = u16(v, rec);
		const encoding = u16(v, rec + 2);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode) continue;
		const at = cmap + u32(v, rec + 4);
		const format = u16(v, at);
		// format 12 covers every plane: prefer it over format 4
		if (format === 12 || (format === 4 && best === null)) best = { at, format };
	}
	if (best === null) throw new Error('font has no Unicode cmap subtable of format 4 or 12');
	const { at, format } = best;
	const seen = new Map<number, boolean>();
	return (c) => {
		let has = seen.get(c);
		if (has === undefined) {
			has = (format === 12 ? format12(v, at, c) : format4(v, at, c)) !== 0;
			seen.set(c, has);
		}
		return has;
	};
}

/**
 * The distinct characters of `texts` that `has` cannot draw, in order of first appearance, at most
 * `max` of them. White space and control characters are left out (they are never drawn).
 */
export function missingChars(texts: Iterable<string>, has: Coverage, max = 20): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const text of texts)
		for (const ch of text) {
			if (seen.has(ch)) continue;
			seen.add(ch);
			if (/[\s\p{Cc}\p{Cf}]/u.test(ch)) continue;
			if (!has(ch.codePointAt(0) as number)) {
				out.push(ch);
				if (out.length >= max) return out;
			}
		}
	return out;
}
