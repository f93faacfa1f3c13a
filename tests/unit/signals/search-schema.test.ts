// Google Trends exports as the website writes them: every real file in ../shared/data/search_interest,
// plus hand-made `<1`, Chinese-locale (类别：所有类别, full-width punctuation) and hourly cases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/ingest/encoding';
import {
	looksLikeSearchInterest,
	parseSearchInterest,
	SearchParseError,
} from '../../../src/core/ingest/schemas/search';

const DIR = join(__dirname, '../../../../shared/data/search_interest');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : p.endsWith('.csv') ? [p] : [];
	});
}

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('Google Trends exports from the website (real files)', () => {
	const all = files(DIR);
	it('finds the 177 real exports', () => expect(all.length).toBe(177));

	it.each([
		[
			'yeezy_us_weekly_multiTimeline.csv',
			'week',
			['yeezy'],
			'United States',
			205,
			'2015-05-03',
			'2019-03-31',
		],
		[
			'bigbazaar_dmart_india_monthly_multiTimeline.csv',
			'month',
			['Big Bazaar', 'DMart'],
			'India',
			85,
			'2014-01-01',
			'2021-01-01',
		],
		[
			'daily_city_2025/Berlin/BabyBodysuit_Berlin.csv',
			'day',
			['Baby bodysuit'],
			'Berlin',
			31,
			'2025-04-27',
			'2025-05-27',
		],
		[
			'daily_city_2025/Berlin/GymLeggings_Berlin.csv',
			'day',
			['gym leggings'],
			'Berlin',
			31,
			'2025-04-27',
			'2025-05-27',
		],
	])('%s', (file, freq, terms, region, n, first, last) => {
		const text = decodeBytes(new Uint8Array(readFileSync(join(DIR, file)))).text;
		expect(looksLikeSearchInterest(text)).toBe(true);
		const s = parseSearchInterest(file, text);
		expect(s.frequency).toBe(freq);
		expect(s.category).toBe('All categories');
		expect(s.series.map((x) => x.term)).toEqual(terms);
		expect(s.series[0].region).toBe(region);
		expect(s.series[0].ds.length).toBe(n);
		expect(s.series[0].ds[0]).toBe(day(first));
		expect(s.series[0].ds.at(-1)).toBe(day(last));
	});

	it('parses every real file: one term per daily city file, no zero-width character left, values 0–100', () => {
		let zeroWidth = 0;
		for (const f of all) {
			const raw = readFileSync(f, 'utf8');
			if (/\u2060/.test(raw)) zeroWidth++;
			const s = parseSearchInterest(f, decodeBytes(new Uint8Array(readFileSync(f))).text);
			for (const x of s.series) {
				expect(x.term).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
				expect(x.term.length).toBeGreaterThan(0);
				for (const v of x.y) expect(v >= 0 && v <= 100).toBe(true);
			}
			expect(s.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		}
		expect(zeroWidth).toBe(3);
	});
});

describe('hand-made Google Trends cases', () => {
	it('reads <1 as 0.5 and counts it', () => {
		const s = parseSearchInterest(
			't.csv',
			'Category: All categories\n\nWeek,satin dress: (Worldwide)\n2024-01-07,<1\n2024-01-14,3\n',
		);
		expect(s.series[0].y).toEqual([0.5, 3]);
		expect(s.belowOne).toBe(1);
		expect(s.issues[0].code).toBe('search-below-one');
	});

	it('reads the Chinese-locale export with full-width punctuation and several terms', () => {
		const text =
			'\ufeff类别：所有类别\r\n\r\n周,连衣裙：(中国),卫衣: （中国）\r\n2024-01-07,45,<1\r\n2024-01-14,５０,12\r\n';
		const s = parseSearchInterest('zh.csv', text);
		expect(s.category).toBe('所有类别');
		expect(s.frequency).toBe('week');
		expect(s.series.map((x) => [x.term, x.region])).toEqual([
			['连衣裙', '中国'],
			['卫衣', '中国'],
		]);
		expect(s.series[0].y).toEqual([45, 50]);
		expect(s.series[1].y).toEqual([0.5, 12]);
	});

	it('reads hourly "Time" exports and a zero-width character before the term', () => {
		const s = parseSearchInterest(
			'h.csv',
			'Category: All categories\n\nTime,\u2060zara: (United States)\n2024-01-01T09,10\n2024-01-01T10,20\n',
		);
		expect(s.frequency).toBe('hour');
		expect(s.series[0].term).toBe('zara');
		expect(s.series[0].ds[1] - s.series[0].ds[0]).toBe(3_600_000);
	});

	it('names the row and column of a bad date, and keeps bad values as blanks with a warning', () => {
		expect(() =>
			parseSearchInterest('b.csv', 'Week,x: (US)\n2024-01-07,1\nnot a date,2\n'),
		).toThrowError(/Row 2 .*column "Week"/);
		try {
			parseSearchInterest('b.csv', 'Week,x: (US)\n2024-01-07,1\nnot a date,2\n');
		} catch (e) {
			expect(e).toBeInstanceOf(SearchParseError);
			expect((e as SearchParseError).issue).toMatchObject({
				row: 2,
				column: 'Week',
				file: 'b.csv',
			});
		}
		const s = parseSearchInterest('v.csv', 'Week,x: (US)\n2024-01-07,abc\n2024-01-14,2\n');
		expect(Number.isNaN(s.series[0].y[0])).toBe(true);
		expect(s.issues[0]).toMatchObject({ code: 'search-bad-value', row: 1, column: 'x: (US)' });
	});

	it('rejects a file that is not a search export', () => {
		expect(() => parseSearchInterest('n.csv', 'hello world\n')).toThrowError(/expected a header/);
		expect(looksLikeSearchInterest('created_at,text\n2020-01-01,hi\n')).toBe(false);
	});
});
