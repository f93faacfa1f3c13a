// The "Your data" screen's invitation to try the demo says what the demo holds: the months its sales
// cover, read from the shipped file (it once promised "a year" of a file of nine months).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src/lib/i18n/catalog/import-view';

/** First and last invoice date (UTC ms) of the shipped demo file. */
function demoSpan(): { first: Date; last: Date } {
	const text = gunzipSync(
		readFileSync(new URL('../../../public/demo/online-retail.csv.gz', import.meta.url)),
	).toString();
	const lines = text.split('\n');
	// InvoiceDate is the 4th field from the end (descriptions may hold commas)
	expect(lines[0].split(',').at(-4)).toBe('InvoiceDate');
	let first = Infinity;
	let last = -Infinity;
	for (const line of lines.slice(1)) {
		if (!line) continue;
		const t = Date.parse(line.split(',').at(-4)!.slice(0, 10) + 'T00:00:00Z');
		if (t < first) first = t;
		if (t > last) last = t;
	}
	return { first: new Date(first), last: new Date(last) };
}

describe('the demo pitch', () => {
	it('names the months the demo’s sales cover, in English and Chinese', () => {
		const { first, last } = demoSpan();
		const month = (d: Date): string =>
			d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) + ` ${d.getUTCFullYear()}`;
		expect(en.importview_demo_pitch).toContain(`${month(first)} to ${month(last)}`);
		const zh = (d: Date): string => `${d.getUTCFullYear()} 年 ${d.getUTCMonth() + 1} 月`;
		expect(zhCN.importview_demo_pitch).toContain(`${zh(first)}至 ${zh(last)}`);
		expect(en.importview_demo_pitch).not.toMatch(/\ba (full |whole )?year\b/);
	});
});
