// Bad input the importer must name instead of failing silently or with an engine's words (issue #9, items
// 7–9): CR-only line endings, a quote that swallows lines, a 10,000-column file, a 5 MB line, broken NDJSON,
// a 100,000-deep JSON document, a JSON record without `constructor`, absurd quantities and dates, and an
// empty file. Each case goes through the real data service (DuckDB-WASM in Node); the words checked are
// the English catalog text the user sees.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue, ImportPreview } from '../../../src/core/ingest/types';
import { scanLines } from '../../../src/core/ingest/lines';
import { parseJsonRecords } from '../../../src/core/ingest/json-records';
import { issueText, makeService, toInput } from './harness';

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	({ service } = await makeService(undefined, { now: () => Date.UTC(2024, 5, 1) }));
}, 60_000);

const byCode = (p: ImportPreview, code: string): ImportIssue | undefined =>
	p.issues.find((i) => i.code === code);

/** 30 daily rows of one SKU, header first. */
function days(n = 30): string[] {
	const lines = ['date,sku,qty'];
	for (let i = 1; i <= n; i++) lines.push(`2024-01-${String(i).padStart(2, '0')},S${i},${i}`);
	return lines;
}

async function commit(p: ImportPreview) {
	return service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: p.fileName,
	});
}

describe('line endings and quotes', () => {
	it('reads a CR-only file (old Mac Excel) as rows, not as one line of junk columns', async () => {
		const p = await service.previewFile(toInput('cr-only.csv', days().join('\r')));
		expect(p.columns.map((c) => c.name)).toEqual(['date', 'sku', 'qty']);
		expect(p.rowCount).toBe(30);
		expect((await commit(p)).report.rowsImported).toBe(30);
	});

	it('names the line of a quote that is never closed, and how many lines it took', async () => {
		const lines = days();
		lines[11] = '2024-01-11,"S11,11';
		const p = await service.previewFile(toInput('open-quote.csv', lines.join('\n')));
		const issue = byCode(p, 'unbalanced-quote');
		expect(issue?.msg?.code).toBe('import_quote_never_closed');
		expect(issueText(issue)).toBe(
			'Line 12 of open-quote.csv opens a quote (") that is never closed, so the 19 lines after it were not read as rows. Fix or remove that quote and import again.',
		);
	});

	it('names the lines a quote closed three lines later swallowed', async () => {
		const lines = days();
		lines[15] = '2024-01-15,"S15,15';
		lines[18] = '2024-01-18,S18",18';
		const p = await service.previewFile(toInput('late-quote.csv', lines.join('\n')));
		expect(p.rowCount).toBe(27); // DuckDB's reading: lines 16–19 are one row
		expect(issueText(byCode(p, 'unbalanced-quote'))).toMatch(
			/^Line 16 of late-quote\.csv opens a quote \("\) that only closes on line 19, so 3 lines were read as part of one cell/,
		);
	});

	it('leaves real multi-line cells alone', () => {
		const text = 'date,sku,note\n2024-01-01,A,"first line\nsecond line"\n2024-01-02,B,ok\n';
		const scan = scanLines(new TextEncoder().encode(text), ',', 3);
		expect(scan).toMatchObject({ lines: 4, quote: null, quoteProblems: 0 });
	});
});

describe('limits instead of running out of memory', () => {
	it('refuses 10,000 columns with the limit and what to do', async () => {
		const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
		const row = Array.from({ length: 10_000 }, (_, i) => `${i}`).join(',');
		const p = await service.previewFile(toInput('wide.csv', `${header}\n${row}\n`));
		const issue = byCode(p, 'too-many-columns');
		expect(issue?.severity).toBe('error');
		expect(issueText(issue)).toMatch(
			/^wide\.csv has 10,000 columns; Trendcast reads at most 1,000\./,
		);
	});

	it('refuses a 5 MB single line, naming the line', async () => {
		const p = await service.previewFile(
			toInput('one-line.csv', `date,sku,qty\n2024-01-01,${'x'.repeat(5_000_000)},1\n`),
		);
		expect(issueText(byCode(p, 'line-too-long'))).toMatch(
			/^Line 2 of one-line\.csv is 4\.8 MB long; .* lines over 1 MB are not read/,
		);
		const q = await service.previewFile(toInput('no-breaks.csv', 'x'.repeat(5_000_000)));
		expect(byCode(q, 'line-too-long')?.msg?.params).toMatchObject({ line: 1 });
	});
});

describe('JSON', () => {
	it('names the broken NDJSON line', async () => {
		const ndjson = [
			'{"date":"2024-01-01","sku":"A","qty":1}',
			'{"date":"2024-01-02","sku":"B","qty":2}',
			'{"date":"2024-01-03","sku":"C",',
			'{"date":"2024-01-04","sku":"D","qty":4}',
		].join('\n');
		const p = await service.previewFile(toInput('orders.ndjson', ndjson));
		expect(issueText(byCode(p, 'json-bad-line'))).toMatch(
			/^Line 3 of orders\.ndjson is not valid JSON/,
		);
	});

	it('says a 100,000-deep document is nested too deep', async () => {
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		const p = await service.previewFile(toInput('deep.json', deep));
		expect(byCode(p, 'json-too-deep')?.msg?.code).toBe('import_json_too_deep');
		expect(() => parseJsonRecords(`[{"a": ${deep}}]`)).toThrow(/too_deep/);
	});

	it('reads only own fields: no `function Object()` for a record without `constructor`', async () => {
		const json = JSON.stringify([
			{ date: '2024-01-01', sku: 'A', qty: 1, constructor: 'x' },
			{ date: '2024-01-02', sku: 'B', qty: 2 },
		]);
		const p = await service.previewFile(toInput('proto.json', json));
		const meta = await commit(p);
		const r = await service.runSql(meta.id, 'SELECT count(*) FROM sales');
		expect(r.rows[0][0]).toBe(2);
		const col = p.columns.find((c) => c.name === 'constructor');
		expect(col?.sample).toEqual(['x']);
		const recs = parseJsonRecords('[{"__proto__": {"polluted": 1}, "a": 1}]');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(recs[0])).toEqual(['__proto__', 'a']);
	});
});

describe('silently wrong values', () => {
	it('leaves out absurd quantities and implausible dates, and says so', async () => {
		const lines = days(10);
		lines[3] = '2024-01-03,S3,1e308';
		lines[5] = '1900-01-01,S5,5';
		lines[7] = '2099-12-31,S7,7';
		const p = await service.previewFile(toInput('absurd.csv', lines.join('\n')));
		const meta = await commit(p);
		expect(meta.report.rowsImported).toBe(7);
		const issues = meta.report.issues;
		expect(issueText(issues.find((i) => i.code === 'import_quantity_implausible'))).toBe(
			'1 data row has a quantity above 1,000,000 in column “qty” (“1e308”, first at data row 3): not a real sale. It was left out.',
		);
		expect(issueText(issues.find((i) => i.code === 'import_date_implausible'))).toBe(
			'2 data rows have a date outside 1990-01-01 – 2025-06-02 in column “date” (“1900-01-01”, first at data row 5): a typo or a placeholder, not a sale. They were left out.',
		);
		expect(meta.dateMax).toBe(Date.UTC(2024, 0, 10));
	});
});
