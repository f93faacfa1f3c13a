// The sales kind's mapping checks: the issues that depend on the column mapping (no date, quantity or
// product column; a header that looks like data; ambiguous or unreadable dates), at preview and on every
// edit of the mapping in the Import view (validateMapping).
import type { inferDateOrder } from '../../../src/core/ingest/parse';
import {
	dateShare,
	isDatePlaceholder,
	parseDate,
	parseNumber,
} from '../../../src/core/ingest/parse';
import type {
	ColumnMapping,
	DateOrder,
	ImportIssue,
	MappingCheck,
} from '../../../src/core/ingest/types';
import type { MessageParam } from '../../../src/core/messages';
import { stringColumn } from '../arrow';
import { codedError } from '../coded-error';
import type { DataContext } from '../context';
import { codedIssue } from '../issues';
import { ident } from '../sql';
import { dateOrderOf } from '../staging';

/**
 * Whether header cell i belongs to a run of three or more consecutive integers ("0,1,2,…,11"), the
 * column names pandas and spreadsheets give wide tables: names, not a first row of data.
 */
export function inIndexRun(columns: readonly string[], i: number): boolean {
	const int = (k: number) =>
		/^\d{1,4}$/.test(columns[k]?.trim() ?? '') ? Number(columns[k]) : NaN;
	if (Number.isNaN(int(i))) return false;
	let lo = i;
	let hi = i;
	while (lo > 0 && int(lo - 1) === int(lo) - 1) lo--;
	while (hi < columns.length - 1 && int(hi + 1) === int(hi) + 1) hi++;
	return hi - lo + 1 >= 3;
}

/** The warning that asks whether 01/02 is 1 February or January 2. */
export function dateOrderIssue(
	fileName: string,
	column: string,
	guess: ReturnType<typeof inferDateOrder>,
): ImportIssue {
	return guess.dmyEvidence > 0 && guess.mdyEvidence > 0
		? codedIssue(
				'warning',
				'ambiguous-date-order',
				fileName,
				'data_dates_mixed',
				{ column, dmy: guess.dmyEvidence, mdy: guess.mdyEvidence },
				{ column },
			)
		: codedIssue(
				'warning',
				'ambiguous-date-order',
				fileName,
				'data_dates_ambiguous',
				{ column },
				{ column },
			);
}

/** The mapping-dependent issues of a staged sales file. */
export function previewIssues(
	fileName: string,
	columns: string[],
	rowCount: number,
	mapping: ColumnMapping,
): ImportIssue[] {
	const out: ImportIssue[] = [];
	const add = (
		severity: ImportIssue['severity'],
		code: string,
		msgCode: string,
		params: Record<string, MessageParam> = {},
	) => out.push(codedIssue(severity, code, fileName, msgCode, { file: fileName, ...params }));
	if (rowCount === 0) add('error', 'no-rows', 'data_no_rows');
	if (columns.length < 2)
		add('error', 'too-few-columns', 'data_one_column', { column: columns[0] ?? '' });
	const valueLike = columns.filter(
		(c, i) => (parseNumber(c) !== null || parseDate(c, 'dmy') !== null) && !inIndexRun(columns, i),
	).length;
	if (columns.length > 0 && valueLike >= Math.max(1, columns.length / 2))
		add('warning', 'no-header', 'data_no_header', { first: columns.slice(0, 3).join(', ') });
	if (!mapping.date && columns.length >= 2) add('error', 'no-date-column', 'data_no_date_column');
	if (!mapping.quantity && !mapping.revenue && columns.length >= 2)
		add('warning', 'no-quantity', 'data_no_quantity');
	// money only (a store's weekly takings): a row is not a unit, so "units" would count rows
	if (!mapping.quantity && mapping.revenue && columns.length >= 2)
		add('warning', 'no-quantity', 'data_no_quantity_money', { column: mapping.revenue });
	if (!mapping.product && columns.length >= 2) add('warning', 'no-product', 'data_no_product');
	return out;
}

/**
 * Re-checks a staged import against the mapping the user is editing: the mapping-dependent
 * issues (no date/quantity/product column, ambiguous or unreadable dates) and the date order of
 * the chosen date column. The Import view calls it on every change, so picking the date column
 * by hand after a "no date column" error clears the error and enables Import.
 */
export async function validateMapping(
	ctx: DataContext,
	importId: string,
	mapping: ColumnMapping,
): Promise<MappingCheck> {
	const st = ctx.staged.get(importId);
	if (!st) throw codedError('ImportNotFound', 'data_import_not_staged');
	const issues: ImportIssue[] = [];
	let dateOrder: DateOrder = st.dateOrder;
	let dateOrderAmbiguous = false;
	const dateCol = mapping.date;
	if (dateCol && st.columns.includes(dateCol)) {
		const guess = dateOrderOf(ctx, st.table, dateCol);
		dateOrder = guess.order;
		dateOrderAmbiguous = guess.ambiguous;
		if (guess.ambiguous) issues.push(dateOrderIssue(st.fileName, dateCol, guess));
		const values = stringColumn(
			ctx.q(
				`SELECT DISTINCT ${ident(dateCol)} AS v FROM ${st.table} WHERE trim(${ident(dateCol)}) <> '' LIMIT 2000`,
			),
			'v',
		).filter((v): v is string => v !== null);
		const share = dateShare(values, guess.order, true);
		const dated = values.filter((v) => !isDatePlaceholder(v));
		if (dated.length === 0 || share < 0.5) {
			const example = dated.find(
				(v) => parseDate(v, guess.order, { allowSerial: true, allowEpoch: true }) === null,
			);
			issues.push({
				severity: 'error',
				code: 'import_date_column_unreadable',
				file: st.fileName,
				column: dateCol,
				message: 'import_date_column_unreadable',
				params: { column: dateCol, example: example ?? values[0] ?? '' },
			});
		}
	}
	issues.push(...previewIssues(st.fileName, st.columns, st.rowCount, mapping));
	return { issues, dateOrder, dateOrderAmbiguous };
}
