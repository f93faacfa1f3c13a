// End-to-end test of the plan CLI (npm run plan) on a generated sales export and a stock file: checks
// the columns, the --as-of cut, per-product lead times from the stock file, censored stock-out
// weeks, and that bad input stops with a message naming file/row/column and exit 1. The first test runs
// `npm run plan -- …` as a user does, the others spawn the CLI bundled once for this file (spawn-cli.ts).
import { describe, expect, it } from 'vitest';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src/core/ingest/csv';
import { parsePlanArgs, runPlan } from '../../../src/cli/plan';
import { DEFAULT_LEAD_TIME_SD_DAYS } from '../../../src/core/inventory/plan';
import { bundledClis, npmRun } from './spawn-cli';

const dir = mkdtempSync(join(tmpdir(), 'trendcast-plan-'));
const spawnCli = bundledClis(['plan'], 180_000);

const result = (r: SpawnSyncReturns<string>) => ({
	code: r.status,
	stdout: r.stdout,
	stderr: r.stderr,
});
const run = (args: string[]) => result(spawnCli('plan', args));

function write(name: string, text: string): string {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
}

/** 2024-01-01 … 2024-04-30: A sells 10 a day, B 4 a day Mon–Fri, LATE only from May. */
function salesFile(): string {
	const lines = [
		'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
	];
	let inv = 500000;
	for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2024, 4, 20); t += 86_400_000) {
		const d = new Date(t);
		const day = d.toISOString().slice(0, 10);
		lines.push(
			`${++inv},A,"MUG, RED",${6 + (d.getUTCDate() % 9)},${day} 10:00:00,2.5,1${d.getUTCDate()},UK`,
		);
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
			lines.push(`${++inv},B,PLATE,4,${day} 11:00:00,4,2${d.getUTCDate()},UK`);
		if (t >= Date.UTC(2024, 4, 1)) lines.push(`${++inv},LATE,NEW ITEM,3,${day} 12:00:00,9,3,UK`);
	}
	return write('sales.csv', lines.join('\n') + '\n');
}

const BASE = [
	'--as-of',
	'2024-04-30',
	'--lead-time-days',
	'14',
	'--review-days',
	'7',
	'--service-level',
	'0.95',
];

describe('plan CLI', { timeout: 300_000 }, () => {
	const sales = salesFile();

	it('writes the issue columns, one row per product with sales up to --as-of', () => {
		const out = join(dir, 'plan.csv');
		// as a user runs it: the package.json script (tsx on src/cli/plan.ts)
		const r = result(npmRun('plan', ['--input', sales, ...BASE, '--output', out]));
		expect(r.stderr).toMatch(/plan: 2\/2 products/);
		expect(r.code).toBe(0);
		const rows = parseCsv(readFileSync(out, 'utf8'));
		expect(rows[0]).toEqual([
			'product_id',
			'mean_demand',
			'safety_stock',
			'reorder_point',
			'order_up_to',
		]);
		const by = new Map(rows.slice(1).map((r) => [r[0], r.slice(1).map(Number)]));
		expect([...by.keys()].sort()).toEqual(['A', 'B']);
		const [mean, ss, rop, out2] = by.get('A')!;
		// A sells 10 a day on average: about 210 over 14 + 7 days
		expect(mean).toBeGreaterThan(170);
		expect(mean).toBeLessThan(250);
		expect(ss).toBeGreaterThan(0);
		expect(rop).toBeCloseTo(mean + ss, 1);
		expect(out2).toBeGreaterThan(rop);
		// B: 4 a day on 5 of 7 days ≈ 60 over 21 days
		expect(by.get('B')![0]).toBeGreaterThan(45);
		expect(by.get('B')![0]).toBeLessThan(75);
	});

	const args = (extra: string[]) => parsePlanArgs(['--input', sales, ...BASE, ...extra]);
	const quiet = () => {};

	it('takes per-product lead times from a stock file and leaves stock-out weeks out', async () => {
		const stock = write(
			'stock.csv',
			'商品编码,库存,交期,日期\nA,30,28,2024-04-30\nB,0,,2024-04-10\nB,12,,2024-04-30\n',
		);
		const log: string[] = [];
		const rows = await runPlan(args(['--stock', stock]), (l) => log.push(l));
		expect(log.join('\n')).toMatch(/1 out-of-stock week\(s\) were left out/);
		// 28 + 7 days instead of 14 + 7
		expect(rows.find((x) => x.productId === 'A')!.meanDemand).toBeGreaterThan(280);
	});

	it('says import problems in words, once, naming file, row and column (never a message code)', async () => {
		const lines = readFileSync(sales, 'utf8').split('\n');
		lines[37] = lines[37].replace(/2024-\d\d-\d\d 1/, '2024-13-45 1');
		const badDate = write('bad-date.csv', lines.join('\n'));
		const log: string[] = [];
		await runPlan(parsePlanArgs(['--input', badDate, ...BASE]), (l) => log.push(l));
		const warning = log.filter((l) => l.startsWith('warning:'));
		expect(warning).toHaveLength(1);
		expect(warning[0]).toMatch(
			/^warning: bad-date\.csv, row 37, column "InvoiceDate": .*"2024-13-45 10:00:00" is not a date/,
		);
		const noDate = write('no-date.csv', 'sku,qty\nA,1\nB,2\n');
		const r = run(['--input', noDate, ...BASE]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			/^error: no-date\.csv: No column of no-date\.csv looks like a sale date/,
		);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).not.toMatch(/data_|\{"/);
	});

	it('says a missing --output folder before planning, in one line', () => {
		const r = run(['--input', sales, ...BASE, '--output', join(dir, 'gone', 'plan.csv')]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^error: --output .*plan\.csv: the folder .*gone does not exist\.\n$/);
	});

	it('bad input: a message naming file, row and column (exit 1 from the command line)', async () => {
		const missing = run(['--input', join(dir, 'nope.csv'), ...BASE]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/Cannot read the sales file .*nope\.csv/);

		const noDate = write('nodate.csv', 'sku,qty\nA,1\nB,2\n');
		await expect(runPlan(parsePlanArgs(['--input', noDate, ...BASE]), quiet)).rejects.toThrow(
			/nodate\.csv.*date/i,
		);

		await expect(
			runPlan(
				parsePlanArgs([
					'--input',
					sales,
					...BASE.map((a) => (a === '2024-04-30' ? '2023-01-01' : a)),
				]),
				quiet,
			),
		).rejects.toThrow(/no sales on or before 2023-01-01 \(the file has sales from 2024-01-01/);

		const badStock = write('bad-stock.csv', 'sku,on hand,lead time\nA,5,14\nB,lots,7\n');
		await expect(runPlan(args(['--stock', badStock]), quiet)).rejects.toThrow(
			/bad-stock\.csv, row 2, column "on hand": "lots" is not a number/,
		);
	});

	it('checks its options', () => {
		expect(() => parsePlanArgs(['--input', 'x', ...BASE.slice(0, -1), '150'])).toThrow(
			/--service-level/,
		);
		expect(() => parsePlanArgs(['--input', 'x', ...BASE, '--nope', '1'])).toThrow(
			/Unknown option --nope/,
		);
		expect(() => parsePlanArgs(['--input', 'x', '--as-of', '30/04/2024'])).toThrow(/YYYY-MM-DD/);
		expect(parsePlanArgs(['--input', 'x', ...BASE.slice(0, -1), '95']).service).toEqual({
			kind: 'fill',
			level: 0.95,
		});
		// a share (0.5 … 0.9999) or a percentage (50 … 99.99): "2" was read as 2 %
		expect(
			parsePlanArgs(['--input', 'x', ...BASE.slice(0, -1), '99.99']).service.level,
		).toBeCloseTo(0.9999, 12);
		for (const bad of ['2', '1', '100', '0.2', 'high'])
			expect(() => parsePlanArgs(['--input', 'x', ...BASE.slice(0, -1), bad])).toThrow(
				new RegExp(
					`^--service-level must be a share from 0\\.5 to 0\\.9999 \\(e\\.g\\. 0\\.95\\) or a percentage from 50 to 99\\.99 \\(e\\.g\\. 95\\); got "${bad}"\\.$`,
				),
			);
		// the lead-time spread defaults to the Plan screen's 3 days (it was 0)
		expect(DEFAULT_LEAD_TIME_SD_DAYS).toBe(3);
		expect(parsePlanArgs(['--input', 'x', ...BASE]).leadTimeSdDays).toBe(DEFAULT_LEAD_TIME_SD_DAYS);
		expect(
			parsePlanArgs(['--input', 'x', ...BASE, '--lead-time-sd-days', '0']).leadTimeSdDays,
		).toBe(0);
	});
});
