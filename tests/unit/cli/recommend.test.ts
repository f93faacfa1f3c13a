// The recommend CLI end to end: a real sales export (the first 20,000 lines of the UCI Online Retail
// file, gzip'ed as shipped) through the app's importer, output columns and ranks, and bad input
// giving a message that names the problem.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/ingest/csv';
import { parseRecommendArgs, runRecommend } from '../../../src/cli/recommend';
import { demoHead } from '../data/harness';

const dir = mkdtempSync(join(tmpdir(), 'tc-recommend-'));
const input = join(dir, 'online-retail-head.csv.gz');

describe('npm run recommend', () => {
	let rows: string[][];
	beforeAll(async () => {
		writeFileSync(input, gzipSync(demoHead(20_000)));
		const out = join(dir, 'recs.csv');
		await runRecommend(['--input', input, '--as-of', '2011-01-20', '--k', '5', '--output', out]);
		rows = parseCsv(readFileSync(out, 'utf8'));
	}, 120_000);

	it('writes customer_id,rank,product_id,score with k ranked rows for every customer with a purchase', () => {
		expect(rows[0]).toEqual(['customer_id', 'rank', 'product_id', 'score']);
		const body = rows.slice(1).filter((r) => r.length === 4);
		const byCustomer = new Map<string, string[][]>();
		for (const r of body) byCustomer.set(r[0], [...(byCustomer.get(r[0]) ?? []), r]);
		// Customers who bought before 20 Jan 2011 in these lines (Dec 2010 to mid Jan): hundreds.
		expect(byCustomer.size).toBeGreaterThan(300);
		for (const list of byCustomer.values()) {
			expect(list.map((r) => r[1])).toEqual(['1', '2', '3', '4', '5']);
			const scores = list.map((r) => Number(r[3]));
			for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
			expect(new Set(list.map((r) => r[2])).size).toBe(5);
		}
		// A known customer of December 2010 is there; customers only seen after the as-of date are not.
		expect(byCustomer.has('17850')).toBe(true);
	});

	it('rejects bad flags with the reason', () => {
		expect(() => parseRecommendArgs(['--input', 'x.csv'])).toThrow(/--as-of is required/);
		expect(() => parseRecommendArgs(['--input', 'x.csv', '--as-of', '20/01/2011'])).toThrow(
			/YYYY-MM-DD/,
		);
		// a day that does not exist (V8's Date.parse reads it as 2 March)
		expect(() => parseRecommendArgs(['--input', 'x.csv', '--as-of', '2011-02-30'])).toThrow(
			/--as-of must be a date written YYYY-MM-DD, got "2011-02-30"/,
		);
		expect(parseRecommendArgs(['--input', 'x.csv', '--as-of', '2011-01-20']).asOf).toBe(
			Date.UTC(2011, 0, 20),
		);
		expect(() =>
			parseRecommendArgs(['--input', 'x.csv', '--as-of', '2011-01-20', '--k', '0']),
		).toThrow(/--k/);
		expect(() =>
			parseRecommendArgs(['--input', 'x.csv', '--as-of', '2011-01-20', '--top', '3']),
		).toThrow(/Unknown option --top/);
	});

	it('names a missing file and a file without customers', async () => {
		await expect(
			runRecommend(['--input', join(dir, 'nope.csv'), '--as-of', '2011-01-20']),
		).rejects.toThrow(/Cannot read .*nope\.csv: ENOENT/);
		const noCustomer = join(dir, 'no-customer.csv');
		writeFileSync(noCustomer, 'Date,SKU,Qty\n2024-01-01,A,1\n2024-01-02,B,2\n');
		await expect(runRecommend(['--input', noCustomer, '--as-of', '2024-02-01'])).rejects.toThrow(
			/no-customer\.csv: no customer column was recognised/,
		);
	});

	it('names a row it skipped for a bad date (file, row, column), in words', async () => {
		const lines = demoHead(2_000).split('\n');
		lines[37] = lines[37].replace(/2010-12-\d\d /, '2010-13-45 ');
		const bad = join(dir, 'bad-date.csv');
		writeFileSync(bad, lines.join('\n'));
		const log: string[] = [];
		await runRecommend(['--input', bad, '--as-of', '2010-12-05', '--k', '3'], (l) => log.push(l));
		expect(log.filter((l) => l.startsWith('warning:'))).toEqual([
			expect.stringMatching(
				/^warning: bad-date\.csv, row 37, column "InvoiceDate": .*"2010-13-45 .*" is not a date/,
			),
		]);
	});

	it('says a missing --output folder before reading the export', async () => {
		const log: string[] = [];
		await expect(
			runRecommend(
				['--input', input, '--as-of', '2011-01-20', '--output', join(dir, 'gone', 'r.csv')],
				(l) => log.push(l),
			),
		).rejects.toThrow(/--output .*r\.csv: the folder .*gone does not exist\./);
		expect(log).toEqual([]);
	});
});
