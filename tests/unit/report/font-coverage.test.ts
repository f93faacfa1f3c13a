// The report PDF's font coverage: which characters the shipped GB2312 subset of Noto Sans SC can draw
// (walk12: a Hong Kong shop's 針織開衫 came out of the PDF as blanks, pdf.js reads them as U+0000), read
// from the font's cmap, format 4 (the shipped font) and format 12 (a font built here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontCoverage, missingChars } from '../../../src/core/report/font-coverage';

const SHIPPED = new Uint8Array(readFileSync('public/fonts/NotoSansSC-Trendcast.otf'));

/** A font file holding only a cmap table with one format 12 subtable (platform 3, encoding 10). */
function format12Font(groups: [number, number, number][]): Uint8Array {
	const sub = 16 + 12 * groups.length;
	const cmapLen = 4 + 8 + sub;
	const buf = new DataView(new ArrayBuffer(12 + 16 + cmapLen));
	buf.setUint32(0, 0x00010000);
	buf.setUint16(4, 1);
	'cmap'.split('').forEach((c, i) => buf.setUint8(12 + i, c.charCodeAt(0)));
	buf.setUint32(20, 28); // offset
	buf.setUint32(24, cmapLen);
	buf.setUint16(30, 1); // one encoding record
	buf.setUint16(32, 3);
	buf.setUint16(34, 10);
	buf.setUint32(36, 12);
	const at = 28 + 12;
	buf.setUint16(at, 12);
	buf.setUint32(at + 4, sub);
	buf.setUint32(at + 12, groups.length);
	groups.forEach(([s, e, g], i) => {
		buf.setUint32(at + 16 + 12 * i, s);
		buf.setUint32(at + 20 + 12 * i, e);
		buf.setUint32(at + 24 + 12 * i, g);
	});
	return new Uint8Array(buf.buffer);
}

describe('fontCoverage', () => {
	it('reads the shipped font: ASCII, Latin-1, GB2312 and the UI’s characters, not traditional ones', () => {
		const has = fontCoverage(SHIPPED);
		for (const ch of 'Aa0£¥é针织开衫牛仔裤连衣裙“”…—（）￥')
			expect(has(ch.codePointAt(0)!), ch).toBe(true);
		for (const ch of '針織開褲連玥喆₹😀') expect(has(ch.codePointAt(0)!), ch).toBe(false);
	});

	it('reads a format 12 subtable (characters beyond the Basic Multilingual Plane)', () => {
		const has = fontCoverage(
			format12Font([
				[0x41, 0x5a, 1],
				[0x20bb7, 0x20bb7, 27],
			]),
		);
		expect([0x41, 0x5a, 0x20bb7].map(has)).toEqual([true, true, true]);
		expect([0x40, 0x5b, 0x61, 0x20bb6].map(has)).toEqual([false, false, false, false]);
	});

	it('refuses a file without a cmap', () => {
		expect(() => fontCoverage(new Uint8Array(12))).toThrow(/cmap/);
	});
});

describe('missingChars', () => {
	it('lists each character the font cannot draw once, in order, white space left out', () => {
		const has = fontCoverage(SHIPPED);
		expect(missingChars(['針織開衫 A-01', '牛仔褲\n針織', '玥\t'], has)).toEqual([
			'針',
			'織',
			'開',
			'褲',
			'玥',
		]);
		expect(missingChars(['修身牛仔裤 UN-001', '¥1,299.00'], has)).toEqual([]);
		expect(missingChars(['針織開褲連'], has, 2)).toEqual(['針', '織']);
	});
});
