// Table-driven tests of the data service's pure helpers: the read-only SQL gate, period arithmetic
// (Monday weeks, months), Arrow file → stream conversion, CSV header parsing and quota detection.
import { describe, expect, it } from 'vitest';
import type { Frequency } from '../../../src/core/types';
import { carryOver, nextPeriod, periodStart } from '../../../src/core/series/calendar';
import { arrowFileToStream } from '../../../workers/data/arrow';
import { headerOf } from '../../../workers/data/readers/csv';
import { inIndexRun } from '../../../workers/data/sales/mapping-check';
import { checkReadOnlySql } from '../../../workers/data/sql-console';
import { isQuotaError } from '../../../workers/data/store';

describe('checkReadOnlySql', () => {
	const allowed: [sql: string, out: string][] = [
		['SELECT * FROM sales', 'SELECT * FROM sales'],
		['  select 1;  ', 'select 1'],
		['WITH t AS (SELECT 1) SELECT * FROM t', 'WITH t AS (SELECT 1) SELECT * FROM t'],
		['DESCRIBE sales', 'DESCRIBE sales'],
		['SHOW TABLES', 'SHOW TABLES'],
		['SUMMARIZE sales', 'SUMMARIZE sales'],
		["SELECT 'delete me; drop' AS x", "SELECT 'delete me; drop' AS x"],
		['-- top products\nSELECT 1', 'SELECT 1'],
		['SELECT "update" FROM sales', 'SELECT "update" FROM sales'],
		['SELECT already_read FROM sales', 'SELECT already_read FROM sales'],
	];
	it.each(allowed)('allows %j', (sql, out) => expect(checkReadOnlySql(sql)).toBe(out));

	const rejected: [sql: string, code: string][] = [
		['', 'import_sql_empty'],
		['DROP TABLE sales', 'import_sql_read_only'],
		['DELETE FROM sales', 'import_sql_read_only'],
		['SELECT 1; SELECT 2', 'import_sql_one_statement'],
		['WITH x AS (SELECT 1) INSERT INTO sales SELECT * FROM x', 'import_sql_word_refused'],
		["COPY sales TO 'out.csv'", 'import_sql_file_access'],
		["ATTACH 'x.db'", 'import_sql_file_access'],
		['SELECT 1 /* ; */; CREATE TABLE x (a INT)', 'import_sql_one_statement'],
		['PRAGMA database_list', 'import_sql_read_only'],
		['SET threads = 4', 'import_sql_read_only'],
		["SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')", 'import_sql_file_access'],
		["SELECT * FROM read_csv_auto ('data.csv')", 'import_sql_file_access'],
		["SELECT content FROM read_text('/etc/passwd')", 'import_sql_file_access'],
		["SELECT * FROM read_parquet('s3://bucket/x.parquet')", 'import_sql_file_access'],
		["SELECT * FROM READ_JSON_AUTO('x.json')", 'import_sql_file_access'],
		["SELECT * FROM glob('*')", 'import_sql_file_access'],
		["SELECT * FROM 'https://example.com/sales.csv'", 'import_sql_file_access'],
		['SELECT * FROM "orders.parquet"', 'import_sql_file_access'],
		["SELECT * FROM sales WHERE description = 'file:///x'", 'import_sql_file_access'],
		["SELECT * FROM sniff_csv('x')", 'import_sql_file_access'],
		['INSTALL httpfs', 'import_sql_read_only'],
		// a misspelt SELECT is named as such, not as a write
		['SELEC 1', 'import_sql_not_a_command'],
		['slect * from sales', 'import_sql_not_a_command'],
		["SELECT 1 UNION SELECT * FROM read_blob('x')", 'import_sql_file_access'],
	];
	it.each(rejected)('rejects %j', (sql, code) => {
		expect(() => checkReadOnlySql(sql)).toThrow();
		try {
			checkReadOnlySql(sql);
		} catch (e) {
			expect((e as Error).name).toBe('ReadOnlySql');
			expect((e as { code?: string }).code).toBe(code);
		}
	});

	it("names the file or web address of a dollar-quoted string (not DuckDB's own words)", () => {
		for (const [sql, name] of [
			['SELECT * FROM $$https://example.com/x.csv$$', 'https://example.com/x.csv'],
			['SELECT * FROM $t$/tmp/long.csv$t$ LIMIT 2', '/tmp/long.csv'],
		]) {
			expect(() => checkReadOnlySql(sql)).toThrow();
			try {
				checkReadOnlySql(sql);
			} catch (e) {
				expect(e).toMatchObject({ code: 'import_sql_file_access', params: { name } });
			}
		}
		expect(checkReadOnlySql("SELECT $$it's$$ AS x, '$' AS y")).toBe(
			"SELECT $$it's$$ AS x, '$' AS y",
		);
	});

	it('allows strings that only look a little like paths', () => {
		const sql = "SELECT replace(product_id, '/', '-') AS p, strftime(ds, '%d/%m') FROM sales";
		expect(checkReadOnlySql(sql)).toBe(sql);
	});
});

describe('periodStart / nextPeriod', () => {
	const d = (s: string) => Date.parse(`${s}Z`);
	const cases: [at: string, freq: Frequency, start: string, next: string][] = [
		['2011-01-18T10:01:00', 'day', '2011-01-18', '2011-01-19'],
		['2011-01-18T10:01:00', 'week', '2011-01-17', '2011-01-24'], // Tuesday → Monday
		['2011-01-17T00:00:00', 'week', '2011-01-17', '2011-01-24'], // Monday stays
		['2011-01-23T23:59:59', 'week', '2011-01-17', '2011-01-24'], // Sunday → previous Monday
		['2010-12-01T08:26:00', 'week', '2010-11-29', '2010-12-06'],
		['2011-01-31T12:00:00', 'month', '2011-01-01', '2011-02-01'],
		['2011-12-09T12:00:00', 'month', '2011-12-01', '2012-01-01'],
		['2012-02-29T00:00:00', 'month', '2012-02-01', '2012-03-01'],
	];
	it.each(cases)('%s %s → %s, next %s', (at, freq, start, next) => {
		const s = periodStart(d(at), freq);
		expect(new Date(s).toISOString().slice(0, 10)).toBe(start);
		expect(new Date(nextPeriod(s, freq)).toISOString().slice(0, 10)).toBe(next);
	});
});

describe('arrowFileToStream', () => {
	it('cuts the stream out of the Arrow file layout', () => {
		const stream = [1, 2, 3, 4, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
		const footer = [9, 9, 9];
		const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
		const file = new Uint8Array([
			...magic,
			0,
			0,
			...stream,
			...footer,
			footer.length,
			0,
			0,
			0,
			...magic,
		]);
		expect(Array.from(arrowFileToStream(file))).toEqual(stream);
	});
	it('passes a stream through unchanged', () => {
		const bytes = new Uint8Array([0xff, 0xff, 0xff, 0xff, 8, 0, 0, 0]);
		expect(arrowFileToStream(bytes)).toBe(bytes);
	});
});

describe('headerOf', () => {
	const cases: [text: string, delimiter: string, header: string[]][] = [
		['a,b,c\n1,2,3', ',', ['a', 'b', 'c']],
		['"Name, full","Qty"\n', ',', ['Name, full', 'Qty']],
		['date;;qty\n', ';', ['date', 'column2', 'qty']],
		['sku,sku,sku\n', ',', ['sku', 'sku_1', 'sku_2']],
		['"say ""hi"""\tx\n', '\t', ['say "hi"', 'x']],
		[' Date , SKU \r\n', ',', ['Date', 'SKU']],
	];
	it.each(cases)('%j', (text, delimiter, header) =>
		expect(headerOf(text, delimiter)).toEqual(header),
	);
});

describe('isQuotaError', () => {
	it.each([
		[new DOMException('full', 'QuotaExceededError'), true],
		[{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
		[{ name: 'DatabaseClosedError', message: 'x' }, false],
		[new Error('write failed', { cause: new DOMException('full', 'QuotaExceededError') }), true],
		[{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
		[{ name: 'UnknownError', code: 22 }, true],
		// decided by name/code, not by English text (a localised browser words it differently)
		[new Error('Quota exceeded while writing'), false],
		[{ name: 'DataError', code: 0 }, false],
		[null, false],
	])('%#', (e, expected) => expect(isQuotaError(e)).toBe(expected));
});

describe('carryOver', () => {
	it('fills gaps with the last known value and leading gaps with the first, per block', () => {
		const v = Float64Array.from([NaN, 2, NaN, NaN, 5, /* block 2 */ 7, NaN, NaN, NaN, NaN]);
		expect(carryOver(v, 5)).toBe(true);
		expect(Array.from(v)).toEqual([2, 2, 2, 2, 5, 7, 7, 7, 7, 7]);
	});
	it('says false when a block has no value at all', () => {
		expect(carryOver(Float64Array.from([1, 2, NaN, NaN]), 2)).toBe(false);
	});
});

describe('inIndexRun', () => {
	it('recognises runs of three or more consecutive integers among the header cells', () => {
		const cols = ['sku', '0', '1', '2', 'date', '7', '9'];
		expect(cols.map((_, i) => inIndexRun(cols, i))).toEqual([
			false,
			true,
			true,
			true,
			false,
			false,
			false,
		]);
		expect(inIndexRun(['2011', '12'], 0)).toBe(false);
	});
});
