// The sales kind's row problems: one scan of the normalized table counts each problem (missing or bad
// date, pending date, bad or implausible quantity, bad amount, blank product) with its first row, column
// and value, as issues naming file, row and column; and the WHERE clause of the rows that are kept.
import { DATE_PLACEHOLDER_PATTERN } from '../../../src/core/ingest/parse';
import {
	EARLIEST_SALE_YEAR,
	LATEST_SALE_AHEAD_DAYS,
	MAX_QUANTITY,
} from '../../../src/core/ingest/limits';
import type { ColumnMapping, DateOrder, ImportIssue } from '../../../src/core/ingest/types';
import type { MessageParam } from '../../../src/core/messages';
import type { DataContext } from '../context';
import { lit } from '../sql';
import { BLANK_PRODUCT_ID } from './clean';

interface ProblemSpec {
	where: string;
	rawCol: string;
	severity: ImportIssue['severity'];
	code: string;
	column: string;
	/** A catalog key (the issue's `msg`), or the old trace function for `params` issues. */
	describe: string | ((value: string, row: number, n: number) => string);
	/** For message-code issues: the catalog params (the view words them). */
	params?: (value: string, row: number, n: number) => Record<string, MessageParam>;
}

/**
 * Counts the problems of normalized table `N` (built by clean.ts) into `issues`; returns the WHERE
 * clause of the valid rows (not duplicate, a plausible date and quantity).
 */
export function countProblems(
	ctx: DataContext,
	N: string,
	file: string,
	mapping: ColumnMapping & { date: string },
	dateOrder: DateOrder,
	issues: ImportIssue[],
): string {
	const specs: ProblemSpec[] = [];
	const problem = (
		where: string,
		rawCol: string,
		severity: ImportIssue['severity'],
		code: string,
		column: string,
		describe: ProblemSpec['describe'],
		params?: ProblemSpec['params'],
	) => specs.push({ where, rawCol, severity, code, column, describe, params });
	problem(
		"raw_date IS NULL OR trim(raw_date) = ''",
		'raw_date',
		'error',
		'missing-date',
		mapping.date,
		'data_missing_date',
		(_v, row, n) => ({ row, n, column: mapping.date }),
	);
	// "pending" and the like: an order not dated yet (unpaid), left out and said so, not an error.
	const placeholder = `regexp_matches(lower(trim(raw_date)), ${lit(DATE_PLACEHOLDER_PATTERN)})`;
	problem(
		`ds_ms IS NULL AND ${placeholder}`,
		'raw_date',
		'warning',
		'import_pending_dates',
		mapping.date,
		() => 'import_pending_dates',
		(value, row, n) => ({ n, row, value, column: mapping.date }),
	);
	problem(
		`trim(raw_date) <> '' AND ds_ms IS NULL AND NOT ${placeholder}`,
		'raw_date',
		'error',
		'bad-date',
		mapping.date,
		'data_bad_date',
		(value, row, n) => ({
			row,
			n,
			value,
			column: mapping.date,
			// the catalogues word the expected order (was English text in every language)
			order: dateOrder,
		}),
	);
	if (mapping.quantity) {
		const qc = mapping.quantity;
		problem(
			"ds_ms IS NOT NULL AND (raw_qty IS NULL OR trim(raw_qty) = '')",
			'raw_qty',
			'error',
			'missing-quantity',
			qc,
			'data_missing_quantity',
			(_v, row, n) => ({ row, n, column: qc }),
		);
		problem(
			"ds_ms IS NOT NULL AND trim(raw_qty) <> '' AND quantity IS NULL",
			'raw_qty',
			'error',
			'bad-quantity',
			qc,
			'data_bad_quantity',
			(value, row, n) => ({ row, n, value, column: qc }),
		);
	}
	// Plausible values only: a quantity of 1e308 overflows every total, and a date before 1990 or more
	// than a year ahead is a typo or a placeholder that would stretch the forecast into 2100.
	const dateFrom = Date.UTC(EARLIEST_SALE_YEAR, 0, 1);
	const dateTo = ctx.now() + LATEST_SALE_AHEAD_DAYS * 86_400_000;
	const plausibleDate = `ds_ms BETWEEN ${dateFrom} AND ${dateTo}`;
	problem(
		`ds_ms IS NOT NULL AND NOT (${plausibleDate})`,
		'raw_date',
		'error',
		'import_date_implausible',
		mapping.date,
		() => 'import_date_implausible',
		(value, row, n) => ({
			n,
			row,
			value,
			column: mapping.date,
			from: new Date(dateFrom).toISOString().slice(0, 10),
			to: new Date(dateTo).toISOString().slice(0, 10),
		}),
	);
	const plausibleQty = `(quantity IS NULL OR abs(quantity) <= ${MAX_QUANTITY})`;
	if (mapping.quantity) {
		const qc = mapping.quantity;
		problem(
			`ds_ms IS NOT NULL AND NOT ${plausibleQty}`,
			'raw_qty',
			'error',
			'import_quantity_implausible',
			qc,
			() => 'import_quantity_implausible',
			(value, row, n) => ({ n, row, value, column: qc, max: MAX_QUANTITY }),
		);
	}
	const validWhere = `NOT dup AND ds_ms IS NOT NULL AND ${plausibleDate} AND ${plausibleQty}${mapping.quantity ? ' AND quantity IS NOT NULL' : ''}`;
	// an unreadable refund or discount cell: the line is kept without it (no refund, no discount)
	for (const [role, rawCol, valCol, code] of [
		['unitPrice', 'raw_price', 'unit_price', 'bad-price'],
		['revenue', 'raw_revenue', 'revenue_v', 'bad-revenue'],
		['refundQty', 'raw_refund_qty', 'refund_qty', 'bad-refund'],
		['refundAmount', 'raw_refund_amount', 'refund_amount', 'bad-refund'],
		['discount', 'raw_discount', 'line_discount', 'bad-discount'],
		['orderDiscount', 'raw_order_discount', 'order_discount', 'bad-discount'],
	] as const) {
		const col = mapping[role];
		if (!col) continue;
		problem(
			`ds_ms IS NOT NULL AND trim(${rawCol}) <> '' AND ${valCol} IS NULL`,
			rawCol,
			'warning',
			code,
			col,
			'data_bad_amount',
			(value, row, n) => ({ row, n, value, column: col }),
		);
	}
	if (mapping.product)
		problem(
			`${validWhere.replace('NOT dup AND ', '')} AND blank_product`,
			'raw_date',
			'warning',
			'missing-product',
			mapping.product,
			'data_missing_product',
			(_v, row, n) => ({ row, n, column: mapping.product!, blank: BLANK_PRODUCT_ID }),
		);
	scan(ctx, N, file, specs, issues);
	return validWhere;
}

/** One scan for all problems: count, first row and its value per problem. */
function scan(
	ctx: DataContext,
	N: string,
	file: string,
	specs: ProblemSpec[],
	issues: ImportIssue[],
): void {
	if (specs.length === 0) return;
	const selects = specs.map(
		(p, i) =>
			`count(*) FILTER (WHERE ${p.where})::INT AS n${i}, min(src_row) FILTER (WHERE ${p.where})::INT AS r${i}, arg_min(${p.rawCol}, src_row) FILTER (WHERE ${p.where}) AS v${i}`,
	);
	const r = ctx.rows(`SELECT ${selects.join(', ')} FROM ${N} WHERE NOT dup`)[0] ?? {};
	specs.forEach((p, i) => {
		const n = Number(r[`n${i}`] ?? 0);
		if (n === 0) return;
		const row = Number(r[`r${i}`]);
		const value = String(r[`v${i}`] ?? '');
		issues.push({
			severity: p.severity,
			code: p.code,
			file,
			row,
			column: p.column,
			count: n,
			...(typeof p.describe === 'string'
				? {
						message: `${p.describe} ${JSON.stringify(p.params?.(value, row, n) ?? {})}`,
						msg: { code: p.describe, params: p.params?.(value, row, n) ?? {} },
					}
				: {
						message: p.describe(value, row, n),
						...(p.params ? { params: p.params(value, row, n) } : {}),
					}),
		});
	});
}
