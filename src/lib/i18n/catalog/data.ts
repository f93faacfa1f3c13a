// What the data worker says (workers/data/*, core/ingest/sniff.ts): wrong files, errors of a stale import, a stored dataset or the
// demo, the storage quota, and the import report's lines on duplicates, cancelled sales and returns.
import { plural } from '../plural';
import type { Catalog } from '../types';

/** The date order the import expected, for a date it could not read (param `order`: dmy, mdy, ymd). */
const ORDER_EN: Record<string, string> = {
	dmy: 'day/month/year like 18/01/2011',
	mdy: 'month/day/year like 01/18/2011',
	ymd: 'year-month-day like 2011-01-18',
};
const ORDER_ZH: Record<string, string> = {
	dmy: '日/月/年，如 18/01/2011',
	mdy: '月/日/年，如 01/18/2011',
	ymd: '年-月-日，如 2011-01-18',
};
/** The order of `data_bad_date` (reports stored before it had `order` carry the English `example`). */
function orderOf(p: Record<string, unknown>): 'dmy' | 'mdy' | 'ymd' {
	const o = String(p.order ?? p.example ?? '');
	if (o === 'dmy' || o.startsWith('day/')) return 'dmy';
	if (o === 'mdy' || o.startsWith('month/')) return 'mdy';
	return 'ymd';
}
const KIND_EN: Record<string, string> = {
	png: 'a PNG image',
	jpeg: 'a JPEG image',
	gif: 'a GIF image',
	pdf: 'a PDF document',
	gzip: 'a gzip-compressed file',
	rar: 'a RAR archive',
	'7z': 'a 7-Zip archive',
	xls: 'an old Excel (.xls) or Office 97 file',
	riff: 'a RIFF media file (WebP/WAV/AVI)',
	ico: 'an icon file',
};
const KIND_ZH: Record<string, string> = {
	png: 'PNG 图片',
	jpeg: 'JPEG 图片',
	gif: 'GIF 图片',
	pdf: 'PDF 文档',
	gzip: 'gzip 压缩文件',
	rar: 'RAR 压缩包',
	'7z': '7-Zip 压缩包',
	xls: '旧版 Excel（.xls）或 Office 97 文件',
	riff: 'RIFF 媒体文件（WebP/WAV/AVI）',
	ico: '图标文件',
};

export const en = {
	data_parquet_unreadable:
		'{file} could not be read as a Parquet file: it looks damaged or incomplete. Export it again from the program that made it, or export the data as CSV.',
	data_unreadable:
		'{file} could not be read as {format}: it looks damaged, or it is not a {format} file. Export it again, or export the data as CSV.',
	data_dates_mixed: (p) =>
		`Column “${p.column}” mixes day-first and month-first dates (${p.dmyText} ${plural(p.dmy, 'value proves', 'values prove')} day-first, ${p.mdyText} month-first): choose the order used by most rows.`,
	data_dates_ambiguous:
		'Every date in column “{column}” has day and month ≤ 12, so 01/02 could be 1 February or January 2: choose the order your shop system uses.',
	data_no_rows: '{file} has a header line but no data rows.',
	data_one_column:
		'{file} has only one column (“{column}”). Expected at least a date and a product or quantity column, separated by commas, semicolons or tabs.',
	data_no_header:
		'The first line of {file} looks like data ({first}), not column names. Add a header line such as “date,sku,quantity” so the first sale is not lost.',
	data_no_date_column:
		'No column of {file} looks like a sale date (expected a header like “Date”, “InvoiceDate” or “Created at” with values like 2011-01-18 or 18/01/2011). Choose the date column by hand.',
	data_no_quantity:
		'No quantity column found (e.g. “Quantity”, “Qty”, “Lineitem quantity”): each row will count as one unit sold.',
	data_no_quantity_money:
		'No quantity column found: {file} gives its sales as money only (“{column}”), so each row will count as one unit and “Units sold” will count rows. Read this file by Revenue (Explore and Forecast: choose Revenue).',
	data_no_product:
		'No product column found (e.g. “SKU”, “StockCode”, “Product ID”): all rows will form one series.',
	data_missing_date: (p) =>
		`Row ${p.rowText}, column "${p.column}": the date is empty. ${p.nText} ${p.n === 1 ? 'row' : 'rows'} without a date ${p.n === 1 ? 'was' : 'were'} skipped.`,
	data_bad_date: (p) =>
		`Row ${p.rowText}, column "${p.column}": "${p.value}" is not a date (expected ${ORDER_EN[orderOf(p)]}). ${p.nText} ${p.n === 1 ? 'row' : 'rows'} with unreadable dates ${p.n === 1 ? 'was' : 'were'} skipped.`,
	data_missing_quantity: (p) =>
		`Row ${p.rowText}, column "${p.column}": the quantity is empty. ${p.nText} ${p.n === 1 ? 'row' : 'rows'} without a quantity ${p.n === 1 ? 'was' : 'were'} skipped.`,
	data_bad_quantity: (p) =>
		`Row ${p.rowText}, column "${p.column}": "${p.value}" is not a quantity (expected a number like 6, -2 or 1,250). ${p.nText} ${p.n === 1 ? 'row' : 'rows'} with unreadable quantities ${p.n === 1 ? 'was' : 'were'} skipped.`,
	data_bad_amount: (p) =>
		`Row ${p.rowText}, column "${p.column}": "${p.value}" is not an amount (expected a number like 2.55, £1,234.50 or 1.234,50). ${p.nText} ${p.n === 1 ? 'row was' : 'rows were'} kept without this amount.`,
	data_missing_product: (p) =>
		`Row ${p.rowText}, column "${p.column}": the product is empty. ${p.nText} ${p.n === 1 ? 'row was' : 'rows were'} kept under product "${p.blank}".`,
	import_wide_relative: (p) =>
		`${p.file} has one column per week after release (${p.first} … ${p.last}, ${p.nText} ${plural(p.n, 'column', 'columns')}): each row was turned into one row per week, week ${p.first} starting on the date in column “${p.anchor}”, and the values read as units sold (${p.rowsText} ${plural(p.rows, 'row', 'rows')}). Change the roles below if they are amounts.`,
	import_wide_calendar: (p) =>
		`${p.file} has one column per period (${p.first} … ${p.last}, ${p.nText} ${plural(p.n, 'column', 'columns')}): each row was turned into one row per period, and the values read as units sold (${p.rowsText} ${plural(p.rows, 'row', 'rows')}). Change the roles below if they are amounts.`,
	import_wide_no_anchor:
		'{file} has one column per period counted from each product’s release ({first} … {last}), but no release date column to place them in time. Add a column with each product’s release date (for example “release_date”), or export one row per sale or per period with its date.',
	data_currency_invalid:
		'“{currency}” is not a currency code: choose one such as GBP, EUR, USD or CNY.',
	data_week_start_invalid: '“{day}” is not a day of the week: choose Monday, Sunday or Saturday.',
	data_dataset_name_invalid:
		'A dataset name needs at least 1 character and at most {max} {max|character|characters}.',
	data_currency_label: 'Currency of the prices',
	data_currency_from_column: 'Read from the file’s column “{column}”.',
	data_currency_from_header: 'Read from the column name “{column}”.',
	data_currency_from_cells: 'Read from the amounts in column “{column}”.',
	data_currency_from_country:
		'Suggested from column “{column}”: most lines are from {country}, whose currency is {code}. Change it above if the prices are in another currency.',
	data_currency_from_region:
		'Suggested from column “{column}”: nearly all its places (the most frequent is {country}) are in one country, whose currency is {code}. Change it above if the prices are in another currency.',
	data_currency_asked:
		'The file does not say which currency its prices are in: check the currency above (you can change it later in Settings).',
	data_currency_of_dataset: 'Currency of “{name}”',
	data_import_not_staged:
		'This import is no longer staged (the worker restarted or another file was opened): pick the file again.',
	data_column_not_in_file: 'Column “{column}” is not in {file}.',
	data_choose_date: 'Choose which column holds the sale date.',
	data_no_valid_rows:
		'No sales rows could be imported from {file}: every row was a return, a duplicate or invalid.',
	data_quota:
		'Not enough storage space on this device to save “{name}” ({size}). Nothing was changed: delete an older dataset in Settings, or allow more storage for this site, and import again.',
	data_dataset_gone: 'This dataset is no longer stored on this device.',
	data_unknown_format: 'Unknown stored format “{format}”.',
	data_demo_http: 'The demo data could not be loaded (HTTP {status}).',
	data_issue_duplicates: (p) =>
		p.n === 1
			? `1 row was an exact copy of an earlier row (row ${p.firstText}) and was dropped.`
			: `${p.nText} ${plural(p.n, 'row', 'rows')} were exact copies of an earlier row (first at row ${p.firstText}) and were dropped.`,
	data_issue_cancelled: (p) =>
		`${p.n === 1 ? '1 sale was' : `${p.nText} sales were`} cancelled by a later return from the same customer${p.byOrder === 'yes' ? ' or order' : ''} (same product and quantity within ${p.daysText} ${plural(p.days, 'day', 'days')}; first at row ${p.firstText}): ${p.units === 1 ? '1 unit' : `${p.unitsText} units`} not counted as sales.`,
	data_issue_returns: (p) =>
		`${p.n === 1 ? '1 return or cancellation row' : `${p.nText} return or cancellation rows`} (${p.units === 1 ? '1 unit' : `${p.unitsText} units`}; negative quantity${p.byOrder === 'yes' ? ' or an order number starting with C' : ''}${p.byStatus ? ` or “Refund” in ${p.byStatus}` : ''}${p.byRefund ? ` or refunded whole in “${p.byRefund}”` : ''}) ${p.n === 1 ? 'is' : 'are'} kept apart and not counted as sales.`,
	sniff_empty: '{file} is empty.',
	sniff_zip:
		'{file} looks like a zip archive, not a data table. Unzip it and pick the CSV file inside.',
	sniff_looks_like: (p) =>
		`${p.file} looks like ${KIND_EN[p.kind] ?? p.kind}, not a data table. Pick a CSV, TSV, Excel (.xlsx), JSON or Parquet file exported from your shop system.`,
	sniff_not_xlsx: '{file} is named .xlsx but its content is not an Excel workbook.',
	sniff_not_parquet: '{file} is named .parquet but its content is not a Parquet file.',
	sniff_binary:
		'{file} looks like a binary file, not a data table. Pick a CSV, TSV, Excel (.xlsx), JSON or Parquet file.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	data_parquet_unreadable:
		'无法将 {file} 作为 Parquet 文件读取：文件似乎已损坏或不完整。请用生成它的程序重新导出，或导出为 CSV。',
	data_unreadable:
		'无法将 {file} 作为 {format} 读取：文件似乎已损坏，或不是 {format} 文件。请重新导出，或导出为 CSV。',
	data_dates_mixed: (p) =>
		`“${p.column}”列混用了日在前和月在前的日期（分别有 ${p.dmyText} 个和 ${p.mdyText} 个值可以证明）：请选择大多数行使用的顺序。`,
	data_dates_ambiguous:
		'“{column}”列中每个日期的日和月都不大于 12，所以 01/02 既可能是 2 月 1 日，也可能是 1 月 2 日：请选择您的店铺系统使用的顺序。',
	data_no_rows: '{file} 只有标题行，没有数据行。',
	data_one_column:
		'{file} 只有一列（“{column}”）。至少需要一个日期列和一个商品或数量列，并用逗号、分号或制表符分隔。',
	data_no_header:
		'{file} 的第一行看起来是数据（{first}），而不是列名。请添加一个标题行，例如“date,sku,quantity”，以免丢失第一笔销售。',
	data_no_date_column:
		'{file} 中没有哪一列看起来像销售日期（应有“Date”“InvoiceDate”或“Created at”这样的列名，值如 2011-01-18 或 18/01/2011）。请手动选择日期列。',
	data_no_quantity:
		'未找到数量列（例如“Quantity”“Qty”“Lineitem quantity”）：每一行按售出一件计算。',
	data_no_quantity_money:
		'未找到数量列：{file} 只给出销售金额（“{column}”），因此每一行按一件计算，“销量（件）”实际是行数。请按销售额查看此文件（在浏览和预测中选择“销售额”）。',
	data_no_product: '未找到商品列（例如“SKU”“StockCode”“Product ID”）：所有行将组成一个序列。',
	data_missing_date: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：日期为空。${p.nText} 行没有日期，已跳过。`,
	data_bad_date: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：“${p.value}”不是日期（应为${ORDER_ZH[orderOf(p)]}）。${p.nText} 行日期无法读取，已跳过。`,
	data_missing_quantity: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：数量为空。${p.nText} 行没有数量，已跳过。`,
	data_bad_quantity: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：“${p.value}”不是数量（应为 6、-2 或 1,250 这样的数字）。${p.nText} 行数量无法读取，已跳过。`,
	data_bad_amount: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：“${p.value}”不是金额（应为 2.55、£1,234.50 或 1.234,50 这样的数字）。${p.nText} 行保留，但不含此金额。`,
	data_missing_product: (p) =>
		`第 ${p.rowText} 行“${p.column}”列：商品为空。${p.nText} 行归入商品“（空白）”保留。`,
	import_wide_relative: (p) =>
		`${p.file} 每列是上市后的一周（${p.first} … ${p.last}，共 ${p.nText} 列）：每一行已展开为每周一行，第 ${p.first} 周从“${p.anchor}”列中的日期开始，数值按销量（件）读取（共 ${p.rowsText} 行）。如果这些数值是金额，请在下面更改列的用途。`,
	import_wide_calendar: (p) =>
		`${p.file} 每列是一个时间段（${p.first} … ${p.last}，共 ${p.nText} 列）：每一行已展开为每个时间段一行，数值按销量（件）读取（共 ${p.rowsText} 行）。如果这些数值是金额，请在下面更改列的用途。`,
	import_wide_no_anchor:
		'{file} 每列是从商品上市起计算的一个时间段（{first} … {last}），但没有上市日期列，无法确定这些时间段的日期。请添加一列写明每个商品的上市日期（例如“release_date”），或按每笔销售或每个时间段一行并带日期的格式导出。',
	data_currency_invalid: '“{currency}”不是货币代码：请选择 GBP、EUR、USD 或 CNY 等。',
	data_week_start_invalid: '“{day}”不是一周中的某一天：请选择星期一、星期日或星期六。',
	data_dataset_name_invalid: '数据集名称需要 1 到 {max} 个字符。',
	data_currency_label: '价格使用的货币',
	data_currency_from_column: '从文件的“{column}”列读取。',
	data_currency_from_header: '从列名“{column}”读取。',
	data_currency_from_cells: '从“{column}”列的金额读取。',
	data_currency_from_country:
		'根据“{column}”列推荐：大多数记录来自 {country}，其货币为 {code}。如果价格使用其他货币，请在上方修改。',
	data_currency_from_region:
		'根据“{column}”列推荐：其中的地区几乎都在同一个国家（最常见的是 {country}），其货币为 {code}。如果价格使用其他货币，请在上方修改。',
	data_currency_asked:
		'文件中没有注明价格使用的货币：请确认上面的货币（之后也可以在“设置”中更改）。',
	data_currency_of_dataset: '“{name}”使用的货币',
	data_import_not_staged: '这次导入已失效（后台已重启或打开了其他文件），请重新选择文件。',
	data_column_not_in_file: '{file} 中没有列“{column}”。',
	data_choose_date: '请选择包含销售日期的列。',
	data_no_valid_rows: '{file} 中没有可导入的销售行：每一行都是退货、重复行或无效行。',
	data_quota:
		'本设备存储空间不足，无法保存“{name}”（{size}）。没有做任何更改：请在“设置”中删除较早的数据集，或允许本网站使用更多存储空间，然后重新导入。',
	data_dataset_gone: '本设备上已不再保存此数据集。',
	data_unknown_format: '未知的存储格式“{format}”。',
	data_demo_http: '无法加载示例数据（HTTP {status}）。',
	data_issue_duplicates: (p) =>
		`${p.nText} 行与之前的某一行完全相同（首次出现在第 ${p.firstText} 行），已删除。`,
	data_issue_cancelled: (p) =>
		`${p.nText} 笔销售被同一客户${p.byOrder === 'yes' ? '或同一订单' : ''}之后的退货取消（相同商品和数量，${p.daysText} 天内；首次出现在第 ${p.firstText} 行）：${p.unitsText} 件不计入销售。`,
	data_issue_returns: (p) =>
		`${p.nText} 行退货或取消记录（${p.unitsText} 件；数量为负${p.byOrder === 'yes' ? '或订单号以 C 开头' : ''}${p.byStatus ? `或“${p.byStatus}”列为 Refund（退款）` : ''}${p.byRefund ? `或“${p.byRefund}”列显示整行退款` : ''}）单独保存，不计入销售。`,
	sniff_empty: '{file} 是空文件。',
	sniff_zip: '{file} 看起来是 zip 压缩包，而不是数据表格。请先解压，再选择其中的 CSV 文件。',
	sniff_looks_like: (p) =>
		`${p.file} 看起来是${KIND_ZH[p.kind] ?? p.kind}，而不是数据表格。请选择从店铺系统导出的 CSV、TSV、Excel（.xlsx）、JSON 或 Parquet 文件。`,
	sniff_not_xlsx: '{file} 的扩展名是 .xlsx，但内容不是 Excel 工作簿。',
	sniff_not_parquet: '{file} 的扩展名是 .parquet，但内容不是 Parquet 文件。',
	sniff_binary:
		'{file} 看起来是二进制文件，而不是数据表格。请选择 CSV、TSV、Excel（.xlsx）、JSON 或 Parquet 文件。',
};
