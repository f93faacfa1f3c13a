// Import and data-safety messages: the SQL console's refusals, file limits, decompression limits, and the
// row problems the importer reports (workers/data-service.ts and workers/data/*). Keys start with `import_`.
// "line N" always means a line of the file as a text editor numbers it (the header is line 1); "row N"
// means a data row (the first row under the header is row 1). Messages say which one, once.
import type { Catalog } from '../types';

export const en = {
	import_sql_empty: 'Type a query first, e.g. SELECT * FROM sales.',
	import_sql_one_statement: 'Run one statement at a time (remove the extra “;”).',
	import_sql_read_only:
		'Only read-only queries are allowed here: SELECT, WITH, DESCRIBE, SHOW or SUMMARIZE.',
	import_sql_word_refused:
		'“{word}” is not allowed: this console is read-only (SELECT, WITH, DESCRIBE, SHOW).',
	import_sql_file_access:
		'This console only reads the tables of the open dataset (sales, returns, cancelled). Reading files or web addresses is switched off, so nothing leaves your device (refused: {name}).',
	import_sql_extension:
		'That function needs the DuckDB “{name}” extension, which would be downloaded from the internet; Trendcast works offline and does not load extensions.',
	import_sql_out_of_memory:
		'The query needed more memory than the browser allows. Narrow it with WHERE or GROUP BY, or add a LIMIT.',
	import_sql_error: 'DuckDB could not run the query: {detail}',
	import_unpacked_too_big:
		'{file} unpacks to more than {limitMb} MB, far more than its packed size suggests for a sales table (or simply too much for the browser). It was not read any further. If it is a real export, split it (e.g. one file per year) or export it as an uncompressed CSV.',
	import_bad_gzip:
		'{file} is a damaged gzip file: it could not be unpacked. Export it again, or unpack it yourself and import the CSV inside.',
	import_xlsx_unreadable:
		'{file} could not be read as an Excel workbook ({detail}). In Excel choose File › Save As › “CSV UTF-8 (comma delimited)” and import that file.',
	// Import rules: dates chosen by hand, order status, non-product lines, appending, wide layouts.
	import_pending_dates: (p) =>
		`${p.n === 1 ? '1 row has' : `${p.nText} rows have`} no date yet in column “${p.column}” (“${p.value}”, first at row ${p.rowText}), for example unpaid orders; ${p.n === 1 ? 'it was' : 'they were'} left out.`,
	import_date_column_unreadable: (p) =>
		`Column “${p.column}” does not hold dates (e.g. “${p.example}”). Choose the column with the sale date: dates like 2011-01-18 or 18/01/2011, Unix timestamps or Excel day numbers.`,
	role_status: 'Order status',
	import_status_excluded: (p) =>
		`${p.ordersText} refunded, cancelled or failed order${p.orders === 1 ? '' : 's'} (${p.linesText} line${p.lines === 1 ? '' : 's'}, ${p.unitsText} units, revenue ${p.revenueText}; status ${p.statuses}) ${p.orders === 1 ? 'is' : 'are'} left out of the sales. SQL table: excluded_orders.`,
	import_status_pending: (p) =>
		`${p.ordersText} order${p.orders === 1 ? ' is' : 's are'} not paid or shipped yet (${p.statuses}; ${p.linesText} lines, ${p.unitsText} units): counted as sales, because the customer asked for the goods.`,
	import_non_product: (p) =>
		`${p.linesText} line${p.lines === 1 ? ' is' : 's are'} postage, fees or adjustments, not products (${p.codes}; ${p.unitsText} units, revenue ${p.revenueText}): left out of products and forecasts. SQL table: non_product.`,
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
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	import_sql_empty: '请先输入查询，例如 SELECT * FROM sales。',
	import_sql_one_statement: '一次只能运行一条语句（请删除多余的“;”）。',
	import_sql_read_only: '这里只允许只读查询：SELECT、WITH、DESCRIBE、SHOW 或 SUMMARIZE。',
	import_sql_word_refused: '不允许使用“{word}”：此控制台是只读的（SELECT、WITH、DESCRIBE、SHOW）。',
	import_sql_file_access:
		'此控制台只能读取当前数据集的表（sales、returns、cancelled）。读取文件或网址的功能已关闭，数据不会离开您的设备（已拒绝：{name}）。',
	import_sql_extension:
		'该函数需要 DuckDB 的“{name}”扩展，而扩展需要从互联网下载；Trendcast 离线运行，不加载任何扩展。',
	import_sql_out_of_memory:
		'此查询所需内存超出了浏览器的限制。请用 WHERE 或 GROUP BY 缩小范围，或加上 LIMIT。',
	import_sql_error: 'DuckDB 无法运行此查询：{detail}',
	import_unpacked_too_big:
		'{file} 解压后超过 {limitMb} MB，远超销售表格应有的大小（或超出浏览器的处理能力），已停止读取。如果这是真实的导出文件，请拆分（例如每年一个文件），或导出为未压缩的 CSV。',
	import_bad_gzip:
		'{file} 是一个损坏的 gzip 文件，无法解压。请重新导出，或自行解压后导入其中的 CSV。',
	import_xlsx_unreadable:
		'无法将 {file} 读取为 Excel 工作簿（{detail}）。请在 Excel 中选择“文件 › 另存为 › CSV UTF-8（逗号分隔）”，然后导入该文件。',
	// Import rules: dates chosen by hand, order status, non-product lines, appending, wide layouts.
	import_pending_dates: (p) =>
		`“${p.column}”列中有 ${p.nText} 行还没有日期（“${p.value}”，首次出现在第 ${p.rowText} 行），例如尚未付款的订单；这些行已略过。`,
	import_date_column_unreadable: (p) =>
		`“${p.column}”列不是日期（例如“${p.example}”）。请选择记录销售日期的列：如 2011-01-18 或 18/01/2011 的日期、Unix 时间戳或 Excel 日期序号。`,
	role_status: '订单状态',
	import_status_excluded: (p) =>
		`${p.ordersText} 个已退款、已取消或失败的订单（${p.linesText} 行，${p.unitsText} 件，金额 ${p.revenueText}；状态：${p.statuses}）不计入销售。SQL 表：excluded_orders。`,
	import_status_pending: (p) =>
		`${p.ordersText} 个订单尚未付款或发货（${p.statuses}；${p.linesText} 行，${p.unitsText} 件）：仍计入销售，因为顾客已经下单。`,
	import_non_product: (p) =>
		`${p.linesText} 行是运费、手续费或调整项，不是商品（${p.codes}；${p.unitsText} 件，金额 ${p.revenueText}）：不列入商品和预测。SQL 表：non_product。`,
	import_non_product_title: '非商品：运费、手续费和调整项',
	import_non_product_help: '这些行未计入商品和预测。勾选某个编码即可将其仍然算作商品。',
	import_non_product_code: '编码',
	import_non_product_description: '描述',
	import_non_product_lines: '行数',
	import_non_product_revenue: '金额',
	import_non_product_count_as_product: '算作商品',
	import_non_product_include_label: '将 {code} 算作商品',
	import_non_product_apply: '保存选择',
};
