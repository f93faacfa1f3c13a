// Table-driven tests of encoding detection and file-type sniffing on small fixtures
// (tests/fixtures/ingest: GBK, UTF-16 with/without BOM, windows-1252, empty, PNG, real shared-data heads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, detectEncoding } from '../../../src/core/ingest/encoding';
import { sniffDelimiter, sniffFormat } from '../../../src/core/ingest/sniff';

const FIX = join(__dirname, '../../fixtures/ingest');
const read = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

describe('detectEncoding / decodeBytes', () => {
	const cases: [file: string, encoding: string, contains: string][] = [
		['zh-utf8.csv', 'utf-8', '连衣裙'],
		['zh-gbk.csv', 'gb18030', '连衣裙'],
		['de-semicolon.csv', 'utf-8', 'Café Crème'],
		['de-utf16-bom.csv', 'utf-16le', 'Größe M'],
		['de-utf16le-nobom.csv', 'utf-16le', 'Größe M'],
		['de-utf16be-nobom.csv', 'utf-16be', 'Größe M'],
		['de-cp1252.csv', 'windows-1252', '1.234,50 €'],
		['utf8-bom.csv', 'utf-8', 'date,sku,qty'],
		['online_retail_transactions.csv', 'utf-8', 'WHITE HANGING HEART'],
		['womens_clothing_reviews_reviews.csv', 'utf-8', 'Clothing ID'],
	];
	it.each(cases)('%s → %s', (file, encoding, contains) => {
		const { text, encoding: got } = decodeBytes(read(file));
		expect(got).toBe(encoding);
		expect(text).toContain(contains);
		expect(text).not.toContain('\ufffd');
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
	});

	it('skips a UTF-8 BOM and reports its length', () => {
		expect(detectEncoding(read('utf8-bom.csv'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
		expect(decodeBytes(read('utf8-bom.csv')).text.startsWith('date')).toBe(true);
	});

	it('throws a specific error for an empty file', () => {
		expect(() => decodeBytes(read('empty.csv'))).toThrow(DecodeError);
		try {
			decodeBytes(read('empty.csv'));
		} catch (e) {
			expect((e as DecodeError).code).toBe('empty-file');
		}
		expect(() => decodeBytes(new TextEncoder().encode('  \n\n'))).toThrow(/no text/);
	});

	it('does not take Latin-1 accents for Chinese', () => {
		const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]); // "Café,1\n" in cp1252
		expect(detectEncoding(bytes).encoding).toBe('windows-1252');
	});

	it('does not take German umlauts before a letter for Chinese (walk17: "B鰄m & S鰄ne")', () => {
		// every accent here is followed by a letter: the pairs are valid GBK ideographs
		const text =
			'Artikelnummer;Lieferant\r\nDE-1000;Müller Textil GmbH\r\nDE-1001;Böhm & Söhne\r\n';
		const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0)); // windows-1252 = Latin-1 here
		expect(detectEncoding(bytes).encoding).toBe('windows-1252');
		expect(decodeBytes(bytes).text).toContain('Böhm & Söhne');
		// Chinese in GBK is still Chinese: 供应商 = B9 A9 D3 A6 C9 CC
		const zh = new Uint8Array([0xb9, 0xa9, 0xd3, 0xa6, 0xc9, 0xcc, 0x3b, 0x31, 0x0a]);
		expect(detectEncoding(zh).encoding).toBe('gb18030');
	});
});

describe('sniffFormat', () => {
	const cases: [name: string, head: Uint8Array, expected: string][] = [
		['sales.csv', read('online_retail_transactions.csv'), 'csv'],
		['sales.tsv', new TextEncoder().encode('a\tb\n1\t2\n'), 'tsv'],
		['export.json', new TextEncoder().encode('[{"date":"2011-01-01"}]'), 'json'],
		['noext', new TextEncoder().encode('  {"data": []}'), 'json'],
		['x.parquet', new TextEncoder().encode('PAR1\x15\x04'), 'parquet'],
		[
			'book.xlsx',
			new Uint8Array([
				0x50,
				0x4b,
				0x03,
				0x04,
				...new TextEncoder().encode('....[Content_Types].xml'),
			]),
			'xlsx',
		],
		['zh.csv', read('zh-gbk.csv'), 'csv'],
		['utf16.csv', read('de-utf16-bom.csv'), 'csv'],
	];
	it.each(cases.map(([name, head, expected]) => ({ name, head, expected })))(
		'$name → $expected',
		({ name, head, expected }) => {
			const r = sniffFormat(name, head);
			expect(r.ok && r.format).toBe(expected);
		},
	);

	const wrong: [name: string, head: Uint8Array, pattern: RegExp][] = [
		['photo.csv', read('not-a-table.png'), /photo\.csv looks like a PNG image, not a data table/],
		['report.pdf', new TextEncoder().encode('%PDF-1.7\n'), /looks like a PDF document/],
		[
			'archive.zip',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x61, 0x2e, 0x63]),
			/zip archive/,
		],
		['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /old Excel/],
		['fake.parquet', new TextEncoder().encode('a,b\n1,2\n'), /not a Parquet file/],
		['blob.bin', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1, 2]), /binary file/],
	];
	it.each(wrong.map(([name, head, pattern]) => ({ name, head, pattern })))(
		'$name is rejected with a specific message',
		({ name, head, pattern }) => {
			const r = sniffFormat(name, head);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.code).toBe('wrong-type');
				expect(r.message).toMatch(pattern);
			}
		},
	);

	it('reports an empty file', () => {
		const r = sniffFormat('empty.csv', read('empty.csv'));
		expect(r).toMatchObject({ ok: false, code: 'empty-file' });
	});
});

describe('sniffDelimiter', () => {
	const cases: [text: string, delimiter: string][] = [
		[decodeBytes(read('online_retail_transactions.csv')).text, ','],
		[decodeBytes(read('de-semicolon.csv')).text, ';'],
		['date\tsku\tqty\n2011-01-01\tA\t1\n', '\t'],
		['date|sku|qty\n2011-01-01|A|1\n', '|'],
		// Commas inside quotes must not win over the real delimiter.
		['a;b;c\n"1,5";"x,y,z";3\n"2,5";"q";4\n', ';'],
		[decodeBytes(read('womens_clothing_reviews_reviews.csv')).text, ','],
	];
	it.each(cases)('case %#', (text, delimiter) => {
		expect(sniffDelimiter(text)).toBe(delimiter);
	});
});
