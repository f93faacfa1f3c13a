// Shift-JIS (Japanese Excel exports) is recognised and decoded, not read as GBK (which turned the text
// into unrelated Chinese characters and lost the quantities); GBK files stay GBK.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding } from '../../../src/core/ingest/encoding';

/** A Shift-JIS encoder for tests: the reverse of the platform's Shift-JIS decoder over all 2-byte codes. */
function encodeShiftJis(text: string): Uint8Array {
	const table = new Map<string, number[]>();
	const dec = new TextDecoder('shift_jis');
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if (lead > 0x9f && lead < 0xe0) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail === 0x7f) continue;
			const ch = dec.decode(new Uint8Array([lead, trail]));
			if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
		}
	}
	const out: number[] = [];
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c < 0x80) out.push(c);
		else {
			const b = table.get(ch);
			if (!b) throw new Error(`no Shift-JIS code for ${ch}`);
			out.push(...b);
		}
	}
	return new Uint8Array(out);
}

const JAPANESE_CSV = [
	'日付,商品コード,商品名,数量,単価',
	'2024-01-18,TS-01,ボーダーTシャツ,3,1980',
	'2024-01-18,DR-07,花柄ワンピース,1,5980',
	'2024-01-19,SC-02,ウールのマフラー,2,2480',
	'2024-01-20,TS-01,ボーダーTシャツ,5,1980',
].join('\n');

describe('Shift-JIS', () => {
	const bytes = encodeShiftJis(JAPANESE_CSV);

	it('is detected as Shift-JIS, not GBK, and decodes to the original text', () => {
		expect(detectEncoding(bytes).encoding).toBe('shift_jis');
		const { text } = decodeBytes(bytes);
		expect(text).toBe(JAPANESE_CSV);
		// Read as GBK these bytes are valid too, but the words are gone: the case the sniffer must avoid.
		expect(new TextDecoder('gb18030').decode(bytes)).not.toContain('商品名');
	});

	it('leaves GBK files as GBK', () => {
		const gbk = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/gbk-sales.csv')));
		expect(detectEncoding(gbk).encoding).toBe('gb18030');
		const zh = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ingest/zh-gbk.csv')));
		expect(detectEncoding(zh).encoding).toBe('gb18030');
	});
});

describe('UTF-8 check', () => {
	it('works in chunks: a character split across the 16 MB boundary is valid, a broken one is not', async () => {
		const { isValidUtf8 } = await import('../../../src/core/ingest/encoding');
		const big = new Uint8Array(16 * 1024 * 1024 + 2).fill(0x61);
		big.set([0xe2, 0x82, 0xac], 16 * 1024 * 1024 - 1); // € straddling the chunk edge
		expect(isValidUtf8(big)).toBe(true);
		big[16 * 1024 * 1024] = 0x41; // break the continuation byte
		expect(isValidUtf8(big)).toBe(false);
	});
});
