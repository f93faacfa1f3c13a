// Strings of the import rules: order status, non-product lines, appending to a dataset, wide layouts,
// date columns chosen by hand. Issue codes from the data worker are keys here (ImportIssue.params).
import type { Catalog } from '../types';

export const en = {
	import_pending_dates: (p) =>
		`${p.n === 1 ? '1 row has' : `${p.nText} rows have`} no date yet in column “${p.column}” (“${p.value}”, first at row ${p.rowText}), for example unpaid orders; ${p.n === 1 ? 'it was' : 'they were'} left out.`,
	import_date_column_unreadable: (p) =>
		`Column “${p.column}” does not hold dates (e.g. “${p.example}”). Choose the column with the sale date: dates like 2011-01-18 or 18/01/2011, Unix timestamps or Excel day numbers.`,
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	import_pending_dates: (p) =>
		`“${p.column}”列中有 ${p.nText} 行还没有日期（“${p.value}”，首次出现在第 ${p.rowText} 行），例如尚未付款的订单；这些行已略过。`,
	import_date_column_unreadable: (p) =>
		`“${p.column}”列不是日期（例如“${p.example}”）。请选择记录销售日期的列：如 2011-01-18 或 18/01/2011 的日期、Unix 时间戳或 Excel 日期序号。`,
};
