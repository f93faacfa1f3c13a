// Import and data-safety messages: the SQL console's refusals, file limits, decompression limits, and the
// row problems the importer reports (workers/data/*). Keys start with `import_`.
// "line N" always means a line of the file as a text editor numbers it (the header is line 1); "row N"
// means a data row (the first row under the header is row 1). Messages say which one, once.
import type { MessageParam } from '../../../core/messages';
import { plural } from '../plural';
import type { Catalog } from '../types';

/**
 * The separator a worker names (the character itself) in words. Reports stored before it was a
 * character carry 'tab' or the quoted character: shown as they were.
 */
function separatorWord(v: MessageParam | undefined, tab: string): string {
	const s = String(v ?? ',');
	if (s === '\t' || s === 'tab') return tab;
	return s.startsWith('“') ? s : `“${s}”`;
}
const sepEn = (v: MessageParam | undefined) => separatorWord(v, 'tab');

/**
 * A day the data worker names as 'YYYY-MM-DD' (an append's overlap), in words: "31 Jul 2011",
 * 2011年7月31日 (it was shown as the ISO string). Anything else is shown as it came.
 */
function dayWords(v: MessageParam | undefined, locale: 'en-GB' | 'zh-CN'): string {
	const s = String(v ?? '');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
	const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
	return new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(
		new Date(`${s}T00:00:00Z`),
	);
}
const sepZh = (v: MessageParam | undefined) => separatorWord(v, '制表符');

/** A value kind the data worker names ('text', 'number', 'date', 'yesno', 'other'; workers/data/duckdb-guard.ts typeKind). */
const KIND_EN: Record<string, string> = {
	text: 'text',
	number: 'a number',
	date: 'a date',
	yesno: 'yes/no',
	other: 'another kind of value',
};
const KIND_ZH: Record<string, string> = {
	text: '文本',
	number: '数字',
	date: '日期',
	yesno: '是/否',
	other: '其他类型的值',
};
const kindEn = (v: MessageParam | undefined) => KIND_EN[String(v)] ?? KIND_EN.other;
const kindZh = (v: MessageParam | undefined) => KIND_ZH[String(v)] ?? KIND_ZH.other;
/** The kinds of a call's arguments ("text,number") in words; bare nouns ("a number" → "number") in English. */
const argsEn = (v: MessageParam | undefined) =>
	String(v ?? '')
		.split(',')
		.filter((k) => k !== '')
		.map((k) => kindEn(k).replace(/^an? /, ''))
		.join(', ');
const argsZh = (v: MessageParam | undefined) =>
	String(v ?? '')
		.split(',')
		.filter((k) => k !== '')
		.map(kindZh)
		.join('、');
/** A list the data worker joined with ", " (order statuses) written with the Chinese enumeration comma. */
const zhList = (v: MessageParam | undefined) =>
	String(v ?? '')
		.split(', ')
		.join('、');
/** What kind of failure the SQL console met (workers/data/duckdb-guard.ts failureKind). */
const FAIL_EN: Record<string, string> = {
	syntax: 'the query is not written the way SQL expects',
	binder: 'a name, a number or a clause does not fit there',
	missing: 'something the query names does not exist',
	value: 'a value could not be read',
	range: 'a number is too large or out of range',
	unsupported: 'this way of writing it is not supported',
	other: 'the query failed',
};
const FAIL_ZH: Record<string, string> = {
	syntax: '查询的写法不符合 SQL 语法',
	binder: '某个名称、数字或子句放在这里不合适',
	missing: '查询中提到的某个名称不存在',
	value: '某个值无法读取',
	range: '某个数字太大或超出范围',
	unsupported: '不支持这种写法',
	other: '查询失败',
};
/** The place of a console failure in the user's query, and the names DuckDB quotes. */
function failedEn(p: Record<string, MessageParam>): string {
	const where = Number(p.line)
		? ` at line ${p.lineText}, column ${p.columnText}${p.near ? ` (near “${String(p.near)}”)` : ''}`
		: '';
	const names = options(p.names, ', ', '“', '”');
	return `DuckDB could not run this query: ${FAIL_EN[String(p.kind)] ?? FAIL_EN.other}${where}.${names ? ` It points to ${names}.` : ''} Check that part of the query.`;
}
function failedZh(p: Record<string, MessageParam>): string {
	const where = Number(p.line)
		? `（第 ${p.lineText} 行第 ${p.columnText} 列${p.near ? `，“${String(p.near)}”附近` : ''}）`
		: '';
	const names = options(p.names, '、', '“', '”');
	return `DuckDB 无法运行此查询：${FAIL_ZH[String(p.kind)] ?? FAIL_ZH.other}${where}。${names ? `涉及 ${names}。` : ''}请检查查询的这一部分。`;
}
/** The qualified names DuckDB offers for an ambiguous column, one a line, quoted. */
const options = (v: MessageParam | undefined, or: string, open: string, close: string) =>
	String(v ?? '')
		.split('\n')
		.filter((o) => o !== '')
		.map((o) => `${open}${o}${close}`)
		.join(or);

export const en = {
	import_sql_empty: 'Type a query first, e.g. SELECT * FROM sales.',
	import_sql_one_statement: 'Run one statement at a time (remove the extra “;”).',
	import_sql_read_only:
		'Only read-only queries are allowed here: SELECT, WITH, DESCRIBE, SHOW or SUMMARIZE.',
	import_sql_not_a_command:
		'“{word}” is not an SQL command: start the query with SELECT, WITH, DESCRIBE, SHOW or SUMMARIZE (check the spelling).',
	import_sql_word_refused:
		'“{word}” is not allowed: this console is read-only (SELECT, WITH, DESCRIBE, SHOW).',
	import_sql_file_access: (p) =>
		`This console only reads the tables of the open dataset (sales, returns, cancelled). Reading files or web addresses is switched off, so nothing leaves your device${p.name ? ` (refused: ${String(p.name)})` : ''}.`,
	import_sql_extension:
		'“{name}” comes from a DuckDB extension, which would be downloaded from the internet; Trendcast works offline and does not load extensions.',
	import_sql_extension_unnamed:
		'That query needs a DuckDB extension, which would be downloaded from the internet; Trendcast works offline and does not load extensions.',
	import_sql_out_of_memory:
		'The query needed more memory than the browser allows. Narrow it with WHERE or GROUP BY, or add a LIMIT.',
	// the app's sentence; DuckDB's own text ({detail}) is shown apart as a technical detail (SqlPanel)
	import_sql_error:
		'DuckDB did not accept this query. Its technical detail (in English) is below: check the names and values it quotes.',
	import_sql_error_detail: 'Technical detail from DuckDB',
	import_sql_failed: failedEn,
	import_sql_no_function: (p) =>
		p.window === 'yes'
			? `“${String(p.name)}” is a window function: it needs OVER (…), e.g. ${String(p.name)}() OVER (ORDER BY ds).`
			: `There is no function “${String(p.name)}”.${p.hint ? ` Did you mean “${String(p.hint)}”?` : ''}`,
	import_sql_wrong_args: (p) =>
		`“${String(p.name)}” does not work on these values (${argsEn(p.args)}). Use a column of the right kind, or convert it first, e.g. TRY_CAST(product_id AS DOUBLE) or CAST(quantity AS VARCHAR).`,
	import_sql_compare: (p) =>
		`${kindEn(p.a).replace(/^./, (c) => c.toUpperCase())} cannot be compared with ${kindEn(p.b)} here. Put the value in quotes to compare as text (product_id = '85123'), or convert one side with TRY_CAST.`,
	import_sql_convert: (p) =>
		p.column
			? `The column “${String(p.column)}” holds “${String(p.value)}”, which is not ${kindEn(p.kind)}. Compare it with a value in quotes (${String(p.column)} = '…'), or use TRY_CAST, which gives NULL for such values.`
			: p.kind === 'date'
				? `“${String(p.value)}” is not a date. Write dates as 'YYYY-MM-DD', e.g. date >= '2024-01-31'.`
				: `“${String(p.value)}” is not ${kindEn(p.kind)}, so it cannot be compared with that column. Write ${kindEn(p.kind)} there, or compare as text with CAST(column AS VARCHAR).`,
	import_sql_ambiguous: (p) =>
		`More than one table here has a column “${String(p.name)}”. Say which one you mean: ${options(p.options, ' or ', '', '')}.`,
	import_sql_group_by: (p) =>
		`“${String(p.name)}” is neither grouped nor summed. Add it to GROUP BY, or wrap it, e.g. any_value(${String(p.name)}).`,
	import_sql_syntax:
		'The query has a syntax error near “{near}”. Check the commas, quotes and brackets there.',
	import_sql_syntax_end:
		'The query stops too early: something is missing at its end (a table, a condition, a bracket?).',
	import_sql_no_table: 'There is no table “{name}”. Did you mean “{hint}”?',
	import_sql_no_column: (p) =>
		p.hint
			? `There is no column “${p.name}” here. Did you mean “${p.hint}”?`
			: `There is no column “${p.name}” here. DESCRIBE sales lists the columns.`,
	import_unpacked_too_big:
		'{file} unpacks to more than {limitMb} MB, far more than its packed size suggests for a table of data (or simply too much for the browser). It was not read any further. If it is a real export, split it (e.g. one file per year) or export it as an uncompressed CSV.',
	import_bad_gzip:
		'{file} is a damaged gzip file: it could not be unpacked. Export it again, or unpack it yourself and import the CSV inside.',
	import_xlsx_unreadable:
		'{file} could not be read as an Excel workbook ({detail}). In Excel choose File › Save As › “CSV UTF-8 (comma delimited)” and import that file.',
	// Import rules: dates chosen by hand, order status, non-product lines, appending, wide layouts.
	import_pending_dates: (p) =>
		`${p.n === 1 ? '1 row has' : `${p.nText} rows have`} no date yet in column “${p.column}” (“${p.value}”, first at row ${p.rowText}), for example unpaid orders; ${p.n === 1 ? 'it was' : 'they were'} left out.`,
	import_date_column_unreadable: (p) =>
		`Column “${p.column}” does not hold dates (e.g. “${p.example}”). Choose the column with the sale date: dates like 2011-01-18 or 18/01/2011, Unix timestamps or Excel day numbers.`,
	// Limits and damaged files (importsec): "line N" = a line of the file as an editor numbers it (header = line 1).
	import_line_too_long:
		'Line {line} of {file} is {mb} MB long; a sales row is a few hundred bytes, and lines over {maxMb} MB are not read. The file is probably not a table with one sale per line (or its line breaks were lost): export it again as CSV.',
	import_too_many_columns:
		'{file} has {n} {n|column|columns}; Trendcast reads at most {max}. A sales export needs a date, a product and a quantity column: remove the other columns (or export fewer), then import again.',
	import_out_of_memory:
		'{file} ({mb} MB) is too big to read in this browser: it ran out of memory. Split the file (e.g. one file per year or per quarter) and import the parts into separate datasets.',
	import_commit_out_of_memory: (p) =>
		`${p.file} (${p.rowsText} ${p.rows === 1 ? 'row' : 'rows'}) is too big to clean and store in this browser: it ran out of memory. Nothing was stored. Split the file (e.g. one file per year) and import the parts separately.`,
	import_quote_never_closed: (p) =>
		`Line ${p.lineText} of ${p.file} opens a quote (") that is never closed, so ${p.n === 1 ? 'the line after it was' : `the ${p.nText} lines after it were`} not read as rows. Fix or remove that quote and import again.`,
	import_quote_swallowed: (p) =>
		`Line ${p.lineText} of ${p.file} opens a quote (") that only closes on line ${p.endLineText}, so ${p.n === 1 ? '1 line was' : `${p.nText} lines were`} read as part of one cell instead of as rows. Fix that quote and import again.`,
	import_malformed_quote: (p) =>
		`Line ${p.lineText} of ${p.file} has a quote (") that is not closed on that line; ${p.n === 1 ? 'it was' : `${p.nText} such lines were`} skipped. Expected ${sepEn(p.separator)}-separated fields with balanced double quotes.`,
	import_malformed_long: (p) =>
		`Line ${p.lineText} of ${p.file} is longer than 2 MB; ${p.n === 1 ? 'it was' : `${p.nText} such lines were`} skipped.`,
	import_malformed_fields: (p) =>
		`Line ${p.lineText} of ${p.file} has more fields than the header line; ${p.n === 1 ? 'it was' : `${p.nText} such lines were`} skipped. Expected ${sepEn(p.separator)}-separated fields with balanced double quotes.`,
	import_malformed_other: (p) =>
		`Line ${p.lineText} of ${p.file} could not be read; ${p.n === 1 ? 'it was' : `${p.nText} malformed lines were`} skipped. Expected ${sepEn(p.separator)}-separated fields with balanced double quotes.`,
	import_not_a_table: (p) =>
		`${p.file} could not be read as a table. Expected a header line and ${sepEn(p.separator)}-separated fields with balanced double quotes.`,
	import_json_bad_line:
		'Line {line} of {file} is not valid JSON. The file was read as NDJSON (one record per line): fix or remove that line and import again.',
	import_json_too_deep:
		'{file} is nested more than 64 levels deep, which no sales export is. Export the sales as a JSON array of records (one object per sale) or as CSV.',
	import_json_not_records:
		'{file} holds no list of records. Expected a JSON array of objects, one per sale (e.g. [{"date": "2024-01-18", "sku": "A-1", "qty": 2}]), or one such object per line.',
	import_date_implausible: (p) =>
		`${p.n === 1 ? '1 data row has' : `${p.nText} data rows have`} a date outside ${p.from} – ${p.to} in column “${p.column}” (“${p.value}”, first at data row ${p.rowText}): a typo or a placeholder, not a sale. ${p.n === 1 ? 'It was' : 'They were'} left out.`,
	import_quantity_implausible: (p) =>
		`${p.n === 1 ? '1 data row has' : `${p.nText} data rows have`} a quantity above ${p.maxText} in column “${p.column}” (“${p.value}”, first at data row ${p.rowText}): not a real sale. ${p.n === 1 ? 'It was' : 'They were'} left out.`,
	import_empty_file: '{file} is empty: expected a header line and at least one sales row.',
	import_encoding_shift_jis: 'Japanese (Shift-JIS)',
	role_status: 'Order status / refund',
	import_status_excluded: (p) =>
		`${p.ordersText} refunded, cancelled or failed order${p.orders === 1 ? '' : 's'} (${p.linesText} line${p.lines === 1 ? '' : 's'}, ${p.unitsText} ${plural(p.units, 'unit', 'units')}, revenue ${p.revenueText}; status ${p.statuses}) ${p.orders === 1 ? 'is' : 'are'} left out of the sales. SQL table: excluded_orders.`,
	import_status_pending: (p) =>
		`${p.ordersText} order${p.orders === 1 ? ' is' : 's are'} not paid or shipped yet (${p.statuses}; ${p.linesText} ${plural(p.lines, 'line', 'lines')}, ${p.unitsText} ${plural(p.units, 'unit', 'units')}): counted as sales, because the customer asked for the goods.`,
	import_non_product: (p) =>
		`${p.linesText} line${p.lines === 1 ? ' is' : 's are'} postage, fees or adjustments, not products (${p.codes}; ${p.unitsText} ${plural(p.units, 'unit', 'units')}, revenue ${p.revenueText}): left out of products and forecasts. SQL table: non_product.`,
	import_refunds_partial: (p) =>
		`${p.linesText} ${plural(p.lines, 'sales line was', 'sales lines were')} refunded in part or whole later (column “${p.column}”): ${p.unitsText} ${plural(p.units, 'unit', 'units')} and revenue ${p.revenueText} taken off the sales${p.full === 0 ? '' : `; ${p.fullText} ${plural(p.full, 'line was', 'lines were')} refunded whole and ${p.full === 1 ? 'counts' : 'count'} as ${plural(p.full, 'a return', 'returns')}`}. Orders already left out by their status are not reduced again.`,
	import_refunds_already_net: (p) =>
		`“${p.quantity}” already leaves the refunded units out, so “${p.column}” is not taken off again.`,
	import_discounts_line: (p) =>
		`Discounts of column “${p.column}” taken off the revenue of ${p.linesText} ${plural(p.lines, 'line', 'lines')} (${p.ordersText} ${plural(p.orders, 'order', 'orders')}): ${p.amountText} in all. Quantities are unchanged.`,
	import_discounts_order: (p) =>
		`Order discounts of column “${p.column}” shared out over ${p.ordersText} ${plural(p.orders, 'order', 'orders')}’ products by their revenue (${p.linesText} ${plural(p.lines, 'line', 'lines')}): ${p.amountText} taken off the revenue. Quantities are unchanged.`,
	import_discounts_included: (p) =>
		`“${p.revenue}” is already after discounts, so “${p.column}” is not taken off again.`,
	import_discounts_no_order:
		'“{column}” is the whole order’s discount, but no order number column is chosen, so it cannot be shared out over the order’s lines: the revenue is before this discount. Choose the order column to take it off.',
	import_non_product_title: 'Not products: postage, fees and adjustments',
	import_non_product_help:
		'These lines were left out of your products and forecasts. Tick a code to count it as a product after all.',
	import_non_product_code: 'Code',
	import_non_product_description: 'Description',
	import_non_product_lines: 'Lines',
	import_non_product_revenue: 'Revenue',
	import_non_product_count_as_product: 'Count as product',
	import_non_product_include_label: 'Count {code} as a product',
	import_non_product_apply: 'Save choice',
	import_append_summary: (p) =>
		`Added to “${p.name}”: ${p.addedText} new row${p.added === 1 ? '' : 's'}; ${p.dupsText} row${p.dups === 1 ? ' was' : 's were'} already stored and skipped (the file and the stored data overlap from ${dayWords(p.from, 'en-GB')} to ${dayWords(p.to, 'en-GB')}).`,
	import_append_summary_no_overlap: (p) =>
		`Added to “${p.name}”: ${p.addedText} new row${p.added === 1 ? '' : 's'}; ${p.dupsText} already stored. The file does not overlap the stored period.`,
	import_append_status_out: (p) =>
		`${p.linesText} ${plural(p.lines, 'line', 'lines')} of ${p.ordersText} ${plural(p.orders, 'order', 'orders')} stored before ${p.lines === 1 ? 'is' : 'are'} now refunded or cancelled in this file: ${p.unitsText} ${plural(p.units, 'unit is', 'units are')} no longer counted as sales.`,
	import_append_refunds: (p) =>
		`${p.linesText} ${plural(p.lines, 'line', 'lines')} stored before ${p.lines === 1 ? 'was' : 'were'} refunded in part or whole since, says this file: ${p.unitsText} ${plural(p.units, 'unit is', 'units are')} no longer counted as sales.`,
	import_append_status_back: (p) =>
		`${p.linesText} ${plural(p.lines, 'line', 'lines')} of ${p.ordersText} ${plural(p.orders, 'order', 'orders')} left out before (refunded or cancelled) ${p.lines === 1 ? 'is' : 'are'} counted as sales again: this file no longer says so.`,
	import_append_cancelled: (p) =>
		`Returns in this file cancel ${p.linesText} ${plural(p.lines, 'sale', 'sales')} stored before (${p.unitsText} ${plural(p.units, 'unit', 'units')}; same customer or order, product and quantity, within 30 days): no longer counted as demand.`,
	import_append_target: 'Add the rows to',
	import_append_suggest:
		'This file has the same columns as “{name}”. If it is your next export from the same shop, add it there: rows already stored are skipped, and the forecasts, models and plan of “{name}” go on with the new weeks. As a new dataset it would hold only this file’s days.',
	import_append_suggest_yes: 'Add to “{name}”',
	import_append_new_dataset: 'A new dataset',
	import_append_existing: (p) => `“${p.name}” (remove rows already stored)`,
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	import_sql_empty: '请先输入查询，例如 SELECT * FROM sales。',
	import_sql_one_statement: '一次只能运行一条语句（请删除多余的“;”）。',
	import_sql_read_only: '这里只允许只读查询：SELECT、WITH、DESCRIBE、SHOW 或 SUMMARIZE。',
	import_sql_not_a_command:
		'“{word}”不是 SQL 命令：请以 SELECT、WITH、DESCRIBE、SHOW 或 SUMMARIZE 开头（请检查拼写）。',
	import_sql_word_refused: '不允许使用“{word}”：此控制台是只读的（SELECT、WITH、DESCRIBE、SHOW）。',
	import_sql_file_access: (p) =>
		`此控制台只能读取当前数据集的表（sales、returns、cancelled）。读取文件或网址的功能已关闭，数据不会离开您的设备${p.name ? `（已拒绝：${String(p.name)}）` : ''}。`,
	import_sql_extension:
		'“{name}”来自 DuckDB 的扩展，而扩展需要从互联网下载；Trendcast 离线运行，不加载任何扩展。',
	import_sql_extension_unnamed:
		'此查询需要 DuckDB 的扩展，而扩展需要从互联网下载；Trendcast 离线运行，不加载任何扩展。',
	import_sql_out_of_memory:
		'此查询所需内存超出了浏览器的限制。请用 WHERE 或 GROUP BY 缩小范围，或加上 LIMIT。',
	import_sql_error:
		'DuckDB 未能运行此查询。下方是它给出的技术说明（英文）：请检查其中引用的名称和值。',
	import_sql_error_detail: 'DuckDB 的技术说明',
	import_sql_failed: failedZh,
	import_sql_no_function: (p) =>
		p.window === 'yes'
			? `“${String(p.name)}”是窗口函数，需要加上 OVER (…)，例如 ${String(p.name)}() OVER (ORDER BY ds)。`
			: `没有名为“${String(p.name)}”的函数。${p.hint ? `您是否想用“${String(p.hint)}”？` : ''}`,
	import_sql_wrong_args: (p) =>
		`“${String(p.name)}”不能用于这些值（${argsZh(p.args)}）。请改用类型合适的列，或先转换，例如 TRY_CAST(product_id AS DOUBLE) 或 CAST(quantity AS VARCHAR)。`,
	import_sql_compare: (p) =>
		`此处不能将${kindZh(p.a)}与${kindZh(p.b)}比较。若要按文本比较，请给值加上引号（product_id = '85123'），或用 TRY_CAST 转换其中一方。`,
	import_sql_convert: (p) =>
		p.column
			? `列“${String(p.column)}”中有“${String(p.value)}”，它不是${kindZh(p.kind)}。请与加引号的值比较（${String(p.column)} = '…'），或使用 TRY_CAST（遇到这类值时得到 NULL）。`
			: p.kind === 'date'
				? `“${String(p.value)}”不是日期。日期请写成 'YYYY-MM-DD'，例如 date >= '2024-01-31'。`
				: `“${String(p.value)}”不是${kindZh(p.kind)}，不能与该列比较。请在此处写${kindZh(p.kind)}，或用 CAST(列 AS VARCHAR) 按文本比较。`,
	import_sql_ambiguous: (p) =>
		`这里不止一个表有“${String(p.name)}”列。请写明用哪一个：${options(p.options, ' 或 ', '', '')}。`,
	import_sql_group_by: (p) =>
		`“${String(p.name)}”既未分组也未汇总。请把它加入 GROUP BY，或用函数包起来，例如 any_value(${String(p.name)})。`,
	import_sql_syntax: '查询在“{near}”附近有语法错误，请检查那里的逗号、引号和括号。',
	import_sql_syntax_end: '查询没有写完：结尾缺少内容（表名、条件或括号？）。',
	import_sql_no_table: '没有名为“{name}”的表。您是否想用“{hint}”？',
	import_sql_no_column: (p) =>
		p.hint
			? `这里没有名为“${p.name}”的列。您是否想用“${p.hint}”？`
			: `这里没有名为“${p.name}”的列。可运行 DESCRIBE sales 查看所有列。`,
	import_unpacked_too_big:
		'{file} 解压后超过 {limitMb} MB，远超数据表格应有的大小（或超出浏览器的处理能力），已停止读取。如果这是真实的导出文件，请拆分（例如每年一个文件），或导出为未压缩的 CSV。',
	import_bad_gzip:
		'{file} 是一个损坏的 gzip 文件，无法解压。请重新导出，或自行解压后导入其中的 CSV。',
	import_xlsx_unreadable:
		'无法将 {file} 读取为 Excel 工作簿（{detail}）。请在 Excel 中选择“文件 › 另存为 › CSV UTF-8（逗号分隔）”，然后导入该文件。',
	// Import rules: dates chosen by hand, order status, non-product lines, appending, wide layouts.
	import_pending_dates: (p) =>
		`“${p.column}”列中有 ${p.nText} 行还没有日期（“${p.value}”，首次出现在第 ${p.rowText} 行），例如尚未付款的订单；这些行已略过。`,
	import_date_column_unreadable: (p) =>
		`“${p.column}”列不是日期（例如“${p.example}”）。请选择记录销售日期的列：如 2011-01-18 或 18/01/2011 的日期、Unix 时间戳或 Excel 日期序号。`,
	// 限制与损坏的文件：“第 N 行”指文件中的行（表头为第 1 行）。
	import_line_too_long:
		'{file} 的第 {line} 行长达 {mb} MB；一条销售记录通常只有几百字节，超过 {maxMb} MB 的行不会读取。该文件可能不是每行一笔销售的表格（或换行符已丢失），请重新导出为 CSV。',
	import_too_many_columns:
		'{file} 有 {n} 列，Trendcast 最多读取 {max} 列。销售导出只需要日期、商品和数量列：请删除其他列（或导出更少的列）后再导入。',
	import_out_of_memory:
		'{file}（{mb} MB）太大，浏览器内存不足，无法读取。请拆分文件（例如每年或每季度一个文件），分别导入为不同的数据集。',
	import_commit_out_of_memory: (p) =>
		`${p.file}（${p.rowsText} 行）太大，浏览器内存不足，无法清理和保存，未保存任何数据。请拆分文件（例如每年一个文件）后分别导入。`,
	import_quote_never_closed: (p) =>
		`${p.file} 的第 ${p.lineText} 行有一个引号（"）始终没有闭合，因此其后的 ${p.nText} 行没有被读取为数据行。请修正或删除该引号后重新导入。`,
	import_quote_swallowed: (p) =>
		`${p.file} 的第 ${p.lineText} 行有一个引号（"）直到第 ${p.endLineText} 行才闭合，因此有 ${p.nText} 行被当作同一个单元格读取，而不是数据行。请修正该引号后重新导入。`,
	import_malformed_quote: (p) =>
		`${p.file} 的第 ${p.lineText} 行有一个引号（"）在该行内没有闭合；已跳过 ${p.nText} 行此类数据。应为以 ${sepZh(p.separator)} 分隔、双引号成对的字段。`,
	import_malformed_long: (p) =>
		`${p.file} 的第 ${p.lineText} 行超过 2 MB；已跳过 ${p.nText} 行此类数据。`,
	import_malformed_fields: (p) =>
		`${p.file} 的第 ${p.lineText} 行的字段比表头多；已跳过 ${p.nText} 行此类数据。应为以 ${sepZh(p.separator)} 分隔、双引号成对的字段。`,
	import_malformed_other: (p) =>
		`无法读取 ${p.file} 的第 ${p.lineText} 行；已跳过 ${p.nText} 行格式错误的数据。应为以 ${sepZh(p.separator)} 分隔、双引号成对的字段。`,
	import_not_a_table: (p) =>
		`无法将 ${p.file} 读取为表格。应有一行表头，以及以 ${sepZh(p.separator)} 分隔、双引号成对的字段。`,
	import_json_bad_line:
		'{file} 的第 {line} 行不是有效的 JSON。该文件按 NDJSON（每行一条记录）读取：请修正或删除该行后重新导入。',
	import_json_too_deep:
		'{file} 的嵌套超过 64 层，这不是销售导出文件应有的结构。请将销售数据导出为 JSON 记录数组（每笔销售一个对象）或 CSV。',
	import_json_not_records:
		'{file} 中没有记录列表。应为 JSON 对象数组，每笔销售一个对象（例如 [{"date": "2024-01-18", "sku": "A-1", "qty": 2}]），或每行一个这样的对象。',
	import_date_implausible: (p) =>
		`“${p.column}”列中有 ${p.nText} 个数据行的日期不在 ${p.from} 至 ${p.to} 之间（“${p.value}”，首次出现在第 ${p.rowText} 个数据行），应是录入错误或占位值，而非真实销售，已略过。`,
	import_quantity_implausible: (p) =>
		`“${p.column}”列中有 ${p.nText} 个数据行的数量超过 ${p.maxText}（“${p.value}”，首次出现在第 ${p.rowText} 个数据行），不是真实销售，已略过。`,
	import_empty_file: '{file} 是空文件：应至少包含一行表头和一行销售记录。',
	import_encoding_shift_jis: '日语（Shift-JIS）',
	role_status: '订单状态 / 退款',
	import_status_excluded: (p) =>
		`${p.ordersText} 个已退款、已取消或失败的订单（${p.linesText} 行，${p.unitsText} 件，金额 ${p.revenueText}；状态：${zhList(p.statuses)}）不计入销售。SQL 表：excluded_orders。`,
	import_status_pending: (p) =>
		`${p.ordersText} 个订单尚未付款或发货（${zhList(p.statuses)}；${p.linesText} 行，${p.unitsText} 件）：仍计入销售，因为顾客已经下单。`,
	import_non_product: (p) =>
		`${p.linesText} 行是运费、手续费或调整项，不是商品（${p.codes}；${p.unitsText} 件，金额 ${p.revenueText}）：不列入商品和预测。SQL 表：non_product。`,
	import_refunds_partial: (p) =>
		`${p.linesText} 个销售行事后部分或全部退款（“${p.column}”列）：从销售中扣除 ${p.unitsText} 件、金额 ${p.revenueText}${p.full === 0 ? '' : `；其中 ${p.fullText} 行全部退款，算作退货`}。已按订单状态排除的订单不再重复扣减。`,
	import_refunds_already_net: (p) => `“${p.quantity}”已不含退款件数，因此不再扣除“${p.column}”。`,
	import_discounts_line: (p) =>
		`已从 ${p.linesText} 行（${p.ordersText} 个订单）的金额中扣除“${p.column}”列的优惠，共 ${p.amountText}。数量不变。`,
	import_discounts_order: (p) =>
		`“${p.column}”列的整单优惠按金额比例分摊到 ${p.ordersText} 个订单的商品行（${p.linesText} 行）：共从金额中扣除 ${p.amountText}。数量不变。`,
	import_discounts_included: (p) => `“${p.revenue}”已是优惠后的金额，因此不再扣除“${p.column}”。`,
	import_discounts_no_order:
		'“{column}”是整单优惠，但没有选择订单号列，无法分摊到订单的各行：金额是扣除这项优惠之前的。选择订单号列即可扣除。',
	import_non_product_title: '非商品：运费、手续费和调整项',
	import_non_product_help: '这些行未计入商品和预测。勾选某个编码即可将其仍然算作商品。',
	import_non_product_code: '编码',
	import_non_product_description: '描述',
	import_non_product_lines: '行数',
	import_non_product_revenue: '金额',
	import_non_product_count_as_product: '算作商品',
	import_non_product_include_label: '将 {code} 算作商品',
	import_non_product_apply: '保存选择',
	import_append_summary: (p) =>
		`已添加到“${p.name}”：新增 ${p.addedText} 行；${p.dupsText} 行已存储，已跳过（文件与已存数据在 ${dayWords(p.from, 'zh-CN')} 至 ${dayWords(p.to, 'zh-CN')} 期间重叠）。`,
	import_append_summary_no_overlap: (p) =>
		`已添加到“${p.name}”：新增 ${p.addedText} 行；${p.dupsText} 行已存储。文件与已存数据的时间段没有重叠。`,
	import_append_status_out: (p) =>
		`之前已存储的 ${p.ordersText} 个订单（${p.linesText} 行）在这个文件里已退款或已取消：这 ${p.unitsText} 件不再计入销售。`,
	import_append_refunds: (p) =>
		`这个文件显示，之前已存储的 ${p.linesText} 行此后部分或全部退款：这 ${p.unitsText} 件不再计入销售。`,
	import_append_status_back: (p) =>
		`之前因退款或取消未计入的 ${p.ordersText} 个订单（${p.linesText} 行）重新计入销售：这个文件里已不再是退款或取消状态。`,
	import_append_cancelled: (p) =>
		`这个文件里的退货抵消了之前已存储的 ${p.linesText} 笔销售（${p.unitsText} 件；同一顾客或订单、同一商品和数量，30 天内）：不再计入需求。`,
	import_append_target: '将这些行添加到',
	import_append_suggest:
		'这个文件的列与“{name}”相同。如果它是同一店铺的下一次导出，请添加到“{name}”：已存储的行会跳过，“{name}”的预测、模型和补货计划会接着用上新的几周。作为新数据集，它只包含这个文件里的日期。',
	import_append_suggest_yes: '添加到“{name}”',
	import_append_new_dataset: '新的数据集',
	import_append_existing: (p) => `“${p.name}”（去除已存储的行）`,
};
