// Workers speak codes, never parse English (#10 item 3): DuckDB's rejected CSV lines are told apart by
// the reject's error_type, console errors by DuckDB's structured error (errors_as_json), the separator goes to the
// message as the character (each language words it), and a failed series note is a code with the raw
// text kept only as `detail`. Real DuckDB in Node.
import { describe, expect, it, beforeAll } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';
import {
	consoleFailure,
	duckDbDetail,
	duckDbErrorType,
	duckDbFailure,
	hardenDuckDb,
	isOutOfMemory,
	readableDuckDbError,
	unknownCalls,
} from '../../../workers/data/duckdb-guard';
import { makeService, startDuckDb, toInput } from './harness';

let ctx: Awaited<ReturnType<typeof makeService>>;
let service: typeof ctx.service;
beforeAll(async () => {
	ctx = await makeService();
	service = ctx.service;
	await service.listDatasets(); // the service hardens its DuckDB (no file, URL or extension access)
}, 60_000);

const malformed = async (name: string, text: string) => {
	const p = await service.previewFile(toInput(name, text));
	const issue = p.issues.find((i) => i.code === 'malformed-rows');
	expect(issue, JSON.stringify(p.issues)).toBeDefined();
	return { p, msg: issue!.msg! };
};

describe('rejected CSV lines: a code from DuckDB’s reject error_type', () => {
	it('an unterminated quote in a tab-separated file: the tab is a character, worded per language', async () => {
		const { p, msg } = await malformed(
			'sales.tsv',
			'date\tsku\tqty\n2011-01-18\tA\t1\n2011-01-19\t"B"x\t2\n2011-01-20\tC\t3\n',
		);
		expect(msg.code).toBe('import_malformed_quote');
		expect(msg.params).toMatchObject({ line: 3, n: 1, separator: '\t' });
		expect(p.rowCount).toBe(2);
		expect(translate('en', msg.code, msg.params)).toContain('Expected tab-separated fields');
		const zh = translate('zh-CN', msg.code, msg.params);
		expect(zh).toContain('以 制表符 分隔');
		expect(zh).not.toMatch(/\btab\b/);
	});

	it('a row with more fields than the header in a semicolon file', async () => {
		const { msg } = await malformed('semi.csv', 'date;sku;qty\n2011-01-18;A;1\n2011-01-19;B;2;9\n');
		expect(msg.code).toBe('import_malformed_fields');
		expect(msg.params).toMatchObject({ line: 3, separator: ';' });
		expect(translate('en', msg.code, msg.params)).toContain('Expected “;”-separated fields');
	});

	it('rows with fewer fields than the header are padded, not rejected', async () => {
		const p = await service.previewFile(
			toInput('short.csv', 'date,sku,qty,note\n2011-01-18,A,1\n2011-01-19,B,2,x\n'),
		);
		expect(p.issues.map((i) => i.code)).not.toContain('malformed-rows');
		expect(p.rowCount).toBe(2);
	});
});

describe('DuckDB errors by exception type', () => {
	it('reads DuckDB’s structured error (type, subtype, name); maps console failures to codes', async () => {
		// a connection hardened as the data worker hardens its own (workers/data/context.ts)
		const conn = (await startDuckDb()).connect();
		hardenDuckDb(conn);
		const fail = (sql: string): unknown => {
			try {
				conn.query(sql);
			} catch (e) {
				return e;
			}
			throw new Error(`no error: ${sql}`);
		};
		const access = fail("SELECT * FROM read_csv('/etc/passwd')");
		expect(duckDbErrorType(access)).toBe('Permission');
		expect(consoleFailure(access).code).toBe('import_sql_file_access');
		// errors_as_json is a setting of the hardened connection (the one the data worker queries on)
		expect(
			conn.query("SELECT current_setting('errors_as_json') AS j").toArray()[0].toJSON(),
		).toEqual({ j: true });
		// a function of an extension that is not loaded: a Catalog error without a subtype; the function
		// named is the call DuckDB's catalogs do not know (count and the keyword CAST are known)
		const sql = "SELECT count(*), CAST(1 AS INTEGER), json_extract('{}', '$.a')";
		const ext = fail(sql);
		expect(duckDbFailure(ext)).toMatchObject({ type: 'Catalog', subtype: null });
		expect(unknownCalls((s) => conn.query(s), sql)).toEqual(['json_extract']);
		expect(consoleFailure(ext, () => unknownCalls((s) => conn.query(s), sql))).toEqual({
			code: 'import_sql_extension',
			params: { name: 'json_extract' },
		});
		// a collation of an extension: no call to name
		const icu = fail("SELECT 'x' COLLATE de");
		expect(consoleFailure(icu).code).toBe('import_sql_extension_unnamed');
		// a table that does not exist anywhere: DuckDB's MISSING_ENTRY, worded by the app (was DuckDB's
		// English "Table with name no_such_table does not exist!" on a Chinese screen too), with the
		// nearest table of the user's (not DuckDB's own duckdb_tables)
		const missing = fail('SELECT * FROM no_such_table');
		expect(duckDbErrorType(missing)).toBe('Catalog');
		expect(duckDbFailure(missing)).toMatchObject({
			subtype: 'MISSING_ENTRY',
			extra: { name: 'no_such_table' },
		});
		expect(consoleFailure(missing)).toEqual({
			code: 'import_sql_no_table',
			params: { name: 'no_such_table', hint: 'sales' },
		});
		conn.query('CREATE TEMP TABLE shop_sales (product_id VARCHAR, quantity DOUBLE)');
		expect(consoleFailure(fail('SELECT * FROM shop_sale')).params).toEqual({
			name: 'shop_sale',
			hint: 'shop_sales',
		});
		// a column that does not exist: the app's words, DuckDB's nearest column
		expect(consoleFailure(fail('SELECT quantty FROM shop_sales'))).toEqual({
			code: 'import_sql_no_column',
			params: { name: 'quantty', hint: 'quantity' },
		});
		const typo = fail('SELECT nosuchfn(1)');
		expect(duckDbFailure(typo)?.subtype).toBe('MISSING_ENTRY');
		expect(consoleFailure(typo, () => ['nosuchfn'])).toEqual({
			code: 'import_sql_no_function',
			params: { name: 'nosuchfn', hint: expect.any(String), window: 'no' },
		});
		const syntax = fail('SELEC 1');
		expect(duckDbErrorType(syntax)).toBe('Parser');
		expect(isOutOfMemory(syntax)).toBe(false);
		// a syntax error in the user's own text: the console runs `SELECT * FROM (<query>) LIMIT n`, and
		// DuckDB named the wrapper's ")" for a query that stops early (what the user saw before)
		const head = 'SELECT * FROM (';
		const cut = 'SELECT product_id FROM shop_sales WHERE';
		const early = fail(`${head}${cut}) LIMIT 10`);
		expect(duckDbDetail(early)).toBe('syntax error at or near ")"');
		expect(consoleFailure(early, undefined, { statement: cut, offset: head.length })).toEqual({
			code: 'import_sql_syntax_end',
		});
		const comma = 'SELECT product_id quantity units FROM shop_sales';
		expect(
			consoleFailure(fail(`${head}${comma}) LIMIT 10`), undefined, {
				statement: comma,
				offset: head.length,
			}),
		).toEqual({ code: 'import_sql_syntax', params: { near: 'units' } });
		expect(consoleFailure(syntax, undefined, { statement: 'SELEC 1', offset: 0 })).toEqual({
			code: 'import_sql_syntax',
			params: { near: 'SELEC' },
		});
		// the next usual slips (were DuckDB's English): a function or operator given the wrong kind of
		// values, named as the user wrote it ("LIKE", not DuckDB's "~~")
		conn.query(
			"INSERT INTO shop_sales VALUES ('A', 2), ('85123A', 3); CREATE TEMP TABLE shop_returns (product_id VARCHAR, quantity DOUBLE, ds DATE); INSERT INTO shop_returns VALUES ('A', 1, DATE '2024-01-02')",
		);
		const typedAs = (statement: string) =>
			consoleFailure(fail(`${head}${statement}) LIMIT 10`), undefined, {
				statement,
				offset: head.length,
			});
		const sum = fail('SELECT sum(product_id) FROM shop_sales');
		expect(duckDbFailure(sum)?.subtype).toBe('NO_MATCHING_FUNCTION');
		expect(consoleFailure(sum)).toEqual({
			code: 'import_sql_wrong_args',
			params: { name: 'sum', args: 'text' },
		});
		expect(typedAs('SELECT * FROM shop_sales WHERE product_id LIKE 5')).toEqual({
			code: 'import_sql_wrong_args',
			params: { name: 'LIKE', args: 'text,number' },
		});
		expect(typedAs('SELECT lower(quantity) FROM shop_sales').params).toEqual({
			name: 'lower',
			args: 'number',
		});
		// a value of the wrong kind: the user's value and column, the kind it should have been
		expect(typedAs('SELECT * FROM shop_sales WHERE product_id = 85123')).toEqual({
			code: 'import_sql_convert',
			params: { value: 'A', kind: 'number', column: 'product_id' },
		});
		expect(typedAs("SELECT * FROM shop_sales WHERE quantity = 'ten'")).toEqual({
			code: 'import_sql_convert',
			params: { value: 'ten', kind: 'number', column: '' },
		});
		expect(typedAs("SELECT * FROM shop_returns WHERE ds > 'last week'")).toEqual({
			code: 'import_sql_convert',
			params: { value: 'last week', kind: 'date', column: '' },
		});
		expect(typedAs('SELECT * FROM shop_sales WHERE product_id > 5')).toEqual({
			code: 'import_sql_compare',
			params: { a: 'text', b: 'number' },
		});
		// a column two joined tables share: the names DuckDB offers, the user's aliases
		expect(
			typedAs('SELECT product_id FROM shop_sales s JOIN shop_returns r ON s.quantity = r.quantity'),
		).toEqual({
			code: 'import_sql_ambiguous',
			params: { name: 'product_id', options: 's.product_id\nr.product_id' },
		});
		expect(typedAs('SELECT product_id, sum(quantity) FROM shop_sales')).toEqual({
			code: 'import_sql_group_by',
			params: { name: 'product_id' },
		});
		// each worded in both languages with the user's words, no DuckDB English
		const said = (m: ReturnType<typeof consoleFailure>) =>
			[translate('en', m.code, m.params), translate('zh-CN', m.code, m.params)] as const;
		const [likeEn, likeZh] = said(typedAs('SELECT * FROM shop_sales WHERE product_id LIKE 5'));
		expect(likeEn).toContain('“LIKE” does not work on these values (text, number)');
		expect(likeZh).toContain('“LIKE”不能用于这些值（文本、数字）');
		const [ambEn, ambZh] = said(
			typedAs('SELECT product_id FROM shop_sales s JOIN shop_returns r ON s.quantity = r.quantity'),
		);
		expect(ambEn).toContain('s.product_id or r.product_id');
		expect(ambZh).toContain('s.product_id 或 r.product_id');
		const [convEn, convZh] = said(typedAs('SELECT * FROM shop_sales WHERE product_id = 85123'));
		expect(convEn).toContain('The column “product_id” holds “A”, which is not a number');
		expect(convZh).toContain('列“product_id”中有“A”，它不是数字');
		for (const text of [likeEn, likeZh, ambEn, ambZh, convEn, convZh])
			expect(text).not.toMatch(
				/No function matches|Could not convert|Ambiguous reference|INT32|VARCHAR,/,
			);
		// a function that does not exist, and a window function without OVER, in the app's words
		const [fnEn, fnZh] = said(typedAs('SELECT nosuchfn(quantity) FROM shop_sales'));
		expect(fnEn).toMatch(/^There is no function “nosuchfn”\./);
		expect(fnZh).toMatch(/^没有名为“nosuchfn”的函数。/);
		const [winEn, winZh] = said(typedAs('SELECT row_number() FROM shop_sales'));
		expect(winEn).toBe(
			'“row_number” is a window function: it needs OVER (…), e.g. row_number() OVER (ORDER BY ds).',
		);
		expect(winZh).toContain('“row_number”是窗口函数，需要加上 OVER (…)');
		// anything else: the app's sentence with the useful part (line and column in the user's query,
		// the word there, the names DuckDB quotes); DuckDB's whole text only as the detail, never cut
		const order = typedAs('SELECT product_id,\n  quantity\nFROM shop_sales\nORDER BY 50');
		expect(order).toMatchObject({
			code: 'import_sql_failed',
			params: { kind: 'binder', line: 4, column: 10, near: '50', names: '' },
		});
		expect(order.params?.detail).toBe('ORDER term out of range - should be between 1 and 2');
		const [orderEn, orderZh] = said(order);
		expect(orderEn).toBe(
			'DuckDB could not run this query: a name, a number or a clause does not fit there at line 4, column 10 (near “50”). Check that part of the query.',
		);
		expect(orderZh).toBe(
			'DuckDB 无法运行此查询：某个名称、数字或子句放在这里不合适（第 4 行第 10 列，“50”附近）。请检查查询的这一部分。',
		);
		const join = typedAs('SELECT quantity FROM shop_sales s JOIN shop_returns r USING (foo)');
		expect(join.params).toMatchObject({ kind: 'binder', names: 'foo' });
		const [joinEn, joinZh] = said(join);
		expect(joinEn).toContain('It points to “foo”.');
		expect(joinZh).toContain('涉及 “foo”。');
		// DuckDB's own schema prefix and advice ("AS my_alias") are not the user's names
		expect(typedAs('SELECT * FROM shop_sales, shop_sales').params?.names).toBe('shop_sales');
		const overflow = typedAs('SELECT 2147483647::INTEGER + 1');
		expect(overflow.params).toMatchObject({ kind: 'range', line: 0 });
		for (const m of [order, join, overflow])
			for (const lang of ['en', 'zh-CN'] as const)
				expect(translate(lang, m.code, m.params)).not.toMatch(
					/ORDER term|does not exist on left|Overflow in|INT32|memory\.main/,
				);
		// a file the query tries to read: named from the query, not DuckDB's sentence cut at 80 characters
		expect(
			consoleFailure(access, undefined, {
				statement: "SELECT * FROM read_csv('/etc/passwd')",
				offset: 0,
			}),
		).toEqual({ code: 'import_sql_file_access', params: { name: '/etc/passwd' } });
		// passed on worded as DuckDB words it, the structure kept
		const readable = readableDuckDbError(syntax) as Error;
		expect(readable.message).toBe('Parser Error: syntax error at or near "SELEC"');
		expect(duckDbErrorType(readable)).toBe('Parser');
		conn.close();
	});

	it('out of memory: DuckDB’s type, an allocation RangeError, a wasm trap; not other text', () => {
		const oom = JSON.stringify({
			exception_type: 'Out of Memory',
			exception_message: 'failed to allocate data of size 4 GiB',
		});
		expect(isOutOfMemory(new Error(oom))).toBe(true);
		// the same words as plain text are not read
		expect(
			isOutOfMemory(new Error('Out of Memory Error: failed to allocate data of size 4 GiB')),
		).toBe(false);
		let alloc: unknown;
		try {
			new Array(-1);
		} catch (e) {
			alloc = e;
		}
		expect(isOutOfMemory(alloc)).toBe(true);
		expect(isOutOfMemory(new WebAssembly.RuntimeError('memory access out of bounds'))).toBe(true);
		// the words alone, without DuckDB's type or an engine error class, are not read
		expect(isOutOfMemory(new Error('query failed to allocate a result, out of memory'))).toBe(
			false,
		);
	});
});
