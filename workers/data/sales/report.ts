// The sales kind's import report: rows read, kept, duplicate, invalid, returned and cancelled, counted
// over the normalized and stored tables, with the info issues (first row of each) the Import view shows;
// an import that keeps no sale throws the first problem as the reason.
import type { ColumnMapping, ImportIssue, ImportReport } from '../../../src/core/ingest/types';
import { codedError } from '../coded-error';
import type { DataContext } from '../context';
import { exclusionIssues } from '../exclusions';
import { codedIssue } from '../issues';
import type { LineAdjustments } from './adjust';
import { CANCEL_WINDOW_DAYS, refundSql } from './clean';

/** What the stored table holds, for the dataset's metadata. */
export interface StoredCounts {
	products: number;
	dmin: number;
	dmax: number;
}

/**
 * Counts normalized table `N` and stored table `out` into the report (its `issues` is `issues`, which
 * gets the exclusion and info issues); throws NoValidRows when no sale was kept.
 */
export function importReport(
	ctx: DataContext,
	N: string,
	out: string,
	validWhere: string,
	file: string,
	mapping: ColumnMapping,
	issues: ImportIssue[],
	statusSummary: ImportReport['status'],
	nonProduct: NonNullable<ImportReport['nonProduct']>,
	adjusted: LineAdjustments = { issues: [] },
): { report: ImportReport; stored: StoredCounts } {
	const { rows, scalar } = ctx;
	const counts = rows(`SELECT
			(SELECT count(*) FROM ${N})::DOUBLE AS rows_read,
			(SELECT count(*) FROM ${N} WHERE dup)::DOUBLE AS dups,
			(SELECT count(*) FROM ${N} WHERE NOT dup AND NOT (${validWhere}))::DOUBLE AS invalid,
			count(*) FILTER (WHERE is_return AND NOT cancelled AND excluded IS NULL)::DOUBLE AS returns,
			coalesce(sum(abs(quantity)) FILTER (WHERE is_return AND NOT cancelled AND excluded IS NULL), 0)::DOUBLE AS return_units,
			count(*) FILTER (WHERE ${refundSql(mapping)})::DOUBLE AS refunds,
			count(*) FILTER (WHERE cancelled)::DOUBLE AS cancelled,
			coalesce(sum(quantity) FILTER (WHERE cancelled), 0)::DOUBLE AS cancelled_units,
			count(*) FILTER (WHERE NOT is_return)::DOUBLE AS imported,
			count(DISTINCT product_id) FILTER (WHERE NOT is_return)::DOUBLE AS products,
			epoch_ms(min(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmin,
			epoch_ms(max(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmax
		FROM ${out}`)[0];
	// lines DuckDB could not split into the header's columns were skipped while staging (named in the
	// issues): they were read and left out, so they count in both
	const malformed = issues.reduce(
		(n, i) => n + (i.code === 'malformed-rows' ? (i.count ?? 0) : 0),
		0,
	);
	const report: ImportReport = {
		rowsRead: Number(counts.rows_read) + malformed,
		rowsImported: Number(counts.imported),
		returnRows: Number(counts.returns),
		returnUnits: Number(counts.return_units),
		duplicateRows: Number(counts.dups),
		invalidRows: Number(counts.invalid) + malformed,
		cancelledRows: Number(counts.cancelled),
		cancelledUnits: Number(counts.cancelled_units),
		...(statusSummary ? { status: statusSummary } : {}),
		nonProduct,
		...(adjusted.refunds ? { refunds: adjusted.refunds } : {}),
		...(adjusted.discounts ? { discounts: adjusted.discounts } : {}),
		issues,
	};
	issues.push(...exclusionIssues(file, mapping.status, statusSummary, nonProduct));
	issues.push(...adjusted.issues);
	if (report.duplicateRows > 0) {
		const first = scalar(`SELECT min(src_row)::DOUBLE FROM ${N} WHERE dup`);
		issues.push(
			codedIssue(
				'info',
				'duplicates',
				file,
				'data_issue_duplicates',
				{ n: report.duplicateRows, first },
				{ row: first, count: report.duplicateRows },
			),
		);
	}
	if (report.cancelledRows) {
		const first = scalar(`SELECT min(src_row)::DOUBLE FROM ${out} WHERE cancelled`);
		const n = report.cancelledRows;
		issues.push(
			codedIssue(
				'info',
				'cancelled',
				file,
				'data_issue_cancelled',
				{
					n,
					days: CANCEL_WINDOW_DAYS,
					first,
					units: report.cancelledUnits ?? 0,
					byOrder: mapping.order ? 'yes' : 'no',
				},
				{ row: first, count: n },
			),
		);
	}
	if (report.returnRows > 0) {
		const first = scalar(
			`SELECT min(src_row)::DOUBLE FROM ${out} WHERE is_return AND NOT cancelled AND excluded IS NULL`,
		);
		issues.push(
			codedIssue(
				'info',
				'returns',
				file,
				'data_issue_returns',
				{
					n: report.returnRows,
					units: report.returnUnits,
					byOrder: mapping.order ? 'yes' : 'no',
					// the status column that marks refund lines (Square's "Event Type"), when it did
					byStatus: Number(counts.refunds) > 0 && mapping.status ? mapping.status : '',
					// the refunded-quantity column that made lines refunded whole returns (sales/adjust.ts)
					byRefund:
						(adjusted.refunds?.fullLines ?? 0) > 0
							? (mapping.refundQty ?? mapping.refundAmount ?? '')
							: '',
				},
				{ row: first, count: report.returnRows },
			),
		);
	}
	if (report.rowsImported === 0) {
		// The first problem says why (it names file, row and column); else no row was a sale.
		const why = issues.find((i) => i.severity === 'error');
		if (why?.msg) throw codedError('NoValidRows', why.msg.code, why.msg.params);
		if (why?.params) throw codedError('NoValidRows', why.code, why.params);
		throw codedError('NoValidRows', 'data_no_valid_rows', { file });
	}
	return {
		report,
		stored: {
			products: Number(counts.products),
			dmin: Number(counts.dmin),
			dmax: Number(counts.dmax),
		},
	};
}
