// Makes public/fonts/NotoSansSC-Trendcast.otf, the Chinese font the PDF report embeds (run offline:
// `npx tsx tests/tools/make-cjk-font.ts [/path/to/NotoSansCJK-Regular.ttc]`). Source: Noto Sans CJK
// (SIL Open Font License 1.1, Debian package fonts-noto-cjk), its Simplified Chinese face (SC) taken out
// of the collection, then subset with harfbuzz (npm `subset-font`) to ASCII, Latin-1, common punctuation
// and symbols, all 7,445 characters of GB2312 (6,763 hanzi) and every character of the Chinese UI
// catalog. pdfmake (pdfkit) subsets it again to the glyphs a PDF uses, so a report stays small.
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { zhCN } from '../../src/lib/i18n/catalog';

const SRC = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const OUT = 'public/fonts/NotoSansSC-Trendcast.otf';

/** One face of a TrueType/OpenType collection as a standalone sfnt file. */
function faceOf(ttc: Buffer, wantName: string): Buffer {
	if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
	const n = ttc.readUInt32BE(8);
	for (let f = 0; f < n; f++) {
		const off = ttc.readUInt32BE(12 + 4 * f);
		const numTables = ttc.readUInt16BE(off + 4);
		const tables = Array.from({ length: numTables }, (_, i) => {
			const r = off + 12 + 16 * i;
			return {
				tag: ttc.toString('latin1', r, r + 4),
				sum: ttc.readUInt32BE(r + 4),
				offset: ttc.readUInt32BE(r + 8),
				length: ttc.readUInt32BE(r + 12),
			};
		});
		const name = tables.find((t) => t.tag === 'name');
		if (!name) continue;
		// The face's names are UTF-16BE in the name table; look for e.g. "Noto Sans CJK SC".
		const text = ttc.subarray(name.offset, name.offset + name.length).toString('utf16le');
		const swapped = Buffer.from(ttc.subarray(name.offset, name.offset + name.length));
		swapped.swap16?.call(swapped.length % 2 ? swapped.subarray(0, swapped.length - 1) : swapped);
		if (!text.includes(wantName) && !swapped.toString('utf16le').includes(wantName)) continue;
		const head = 12 + 16 * numTables;
		let size = head;
		for (const t of tables) size += (t.length + 3) & ~3;
		const out = Buffer.alloc(size);
		ttc.copy(out, 0, off, off + 12);
		let pos = head;
		tables.forEach((t, i) => {
			const r = 12 + 16 * i;
			out.write(t.tag, r, 'latin1');
			out.writeUInt32BE(t.sum, r + 4);
			out.writeUInt32BE(pos, r + 8);
			out.writeUInt32BE(t.length, r + 12);
			ttc.copy(out, pos, t.offset, t.offset + t.length);
			pos += (t.length + 3) & ~3;
		});
		return out;
	}
	throw new Error(`no face named ${wantName} in ${SRC}`);
}

function gb2312(): string {
	const dec = new TextDecoder('gbk');
	let s = '';
	for (let hi = 0xa1; hi <= 0xf7; hi++)
		for (let lo = 0xa1; lo <= 0xfe; lo++) {
			const c = dec.decode(new Uint8Array([hi, lo]));
			if (c !== '\ufffd' && c.length === 1) s += c;
		}
	return s;
}

const range = (a: number, b: number) =>
	Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)).join('');

const catalogText = Object.values(zhCN)
	.map((v) => (typeof v === 'string' ? v : ''))
	.join('');
const text = [
	range(0x20, 0x7e),
	range(0xa0, 0xff),
	range(0x2010, 0x205e),
	range(0x20a0, 0x20bf),
	range(0x2100, 0x215f),
	range(0x2190, 0x2199),
	range(0x2212, 0x2212),
	range(0x2264, 0x2265),
	range(0x3000, 0x303f),
	range(0xff01, 0xff5e),
	range(0xffe0, 0xffe6),
	gb2312(),
	catalogText,
].join('');

const face = faceOf(readFileSync(SRC), 'Noto Sans CJK SC');
const sub = await subsetFont(face, text, {
	targetFormat: 'sfnt',
	noHinting: true,
	noLayoutClosure: true,
	keepFeatures: ['kern'],
});
writeFileSync(OUT, sub);
console.log(`${OUT}: ${sub.length} bytes, ${new Set(text).size} characters asked`);
