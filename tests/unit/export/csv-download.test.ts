// The text of the app's CSV downloads: a UTF-8 BOM first, so Excel opens Chinese names and £ signs
// as written, and still formula-safe and readable by our own reader.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/ingest/csv';
import { csvFileText, UTF8_BOM } from '../../../src/lib/export/csv-download';

describe('csvFileText', () => {
	const rows = [
		['product_id', 'description', 'revenue'],
		['A1', '碎花连衣裙', 12.5],
		['B2', '=HYPERLINK("x")', '£3'],
	];

	it('starts with a UTF-8 BOM so Excel reads non-ASCII text as UTF-8', () => {
		const text = csvFileText(rows);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(UTF8_BOM).toBe('\uFEFF');
		// encoded as UTF-8 the file opens with EF BB BF
		expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('keeps the rows intact and formula-safe behind the BOM', () => {
		const back = parseCsv(csvFileText(rows));
		expect(back[0][0]).toBe('product_id');
		expect(back[1]).toEqual(['A1', '碎花连衣裙', '12.5']);
		expect(back[2][1]).toBe(`'=HYPERLINK("x")`);
	});
});
