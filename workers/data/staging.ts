// DuckDB staging of an import: delimited bytes → an all-VARCHAR table with a 1-based `__row` (malformed
// lines skipped and reported), the date order and decimal separator of a column, raw → parsed lookup
// tables built from the pure core parsers over DISTINCT values, and the staged-import bookkeeping.
import {
	inferDateOrder,
	localeDateOrder,
	inferDecimalSeparators,
	type DecimalSeparator,
} from '../../src/core/ingest/parse';
import type { ImportIssue } from '../../src/core/ingest/types';
import { stringColumn } from './arrow';
import { codedError } from './coded-error';
import type { DataContext } from './context';
import { isOutOfMemory, STAGING_DIR } from './duckdb-guard';
import { codedIssue } from './issues';
import { csvField } from './readers/csv';
import { ident, lit } from './sql';

/** Distinct date values scanned to infer the day/month order in the preview. */
const DATE_SCAN_VALUES = 20_000;

/**
 * The message code for lines DuckDB rejected, by the reject's `error_type` (DuckDB's CSV error enum in
 * `reject_errors`, never its English message text).
 */
const MALFORMED_CODE: Record<string, string> = {
	'UNQUOTED VALUE': 'import_malformed_quote',
	'LINE SIZE OVER MAXIMUM': 'import_malformed_long',
	'TOO MANY COLUMNS': 'import_malformed_fields',
};

function malformedCode(errorType: string): string {
	return MALFORMED_CODE[errorType] ?? 'import_malformed_other';
}

/** The rejects of the last `store_rejects` scan: distinct lines, the first line and its error type. */
function rejectsOf(ctx: DataContext): { n: number; line: number; type: string } {
	const r = ctx.rows(
		`SELECT count(DISTINCT line)::INT AS n, min(line)::INT AS line, arg_min(error_type::VARCHAR, line) AS type FROM reject_errors`,
	)[0];
	return { n: Number(r?.n ?? 0), line: Number(r?.line ?? 0), type: String(r?.type ?? '') };
}

/** Loads bytes into an all-VARCHAR staging table with a 1-based `__row`; returns issues found. */
export function stageDelimited(
	ctx: DataContext,
	table: string,
	fileName: string,
	bytes: Uint8Array,
	delimiter: string,
	header: string[],
	issues: ImportIssue[],
): boolean {
	const { duckdb, q } = ctx;
	const name = `${STAGING_DIR}tc_${ctx.nextSeq()}.csv`;
	duckdb.registerFileBuffer(name, bytes);
	// Our own header and dialect: DuckDB's sniffer fails on a malformed file before we can report rows.
	const cols = header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ');
	let opts = `delim=${lit(delimiter)}, header=true, auto_detect=false, columns={${cols}}, quote='"', escape='"'`;
	const create = (extra = '') =>
		q(
			`CREATE OR REPLACE TABLE ${table} AS SELECT row_number() OVER () AS __row, * FROM read_csv(${lit(name)}, ${opts}${extra})`,
		);
	const dropRejects = () => {
		q('DROP TABLE IF EXISTS reject_errors');
		q('DROP TABLE IF EXISTS reject_scans');
	};
	// The separator goes to the message as the character itself; the catalog words it ("tab", "制表符").
	const separator = delimiter;
	try {
		try {
			create();
			return true;
		} catch (first) {
			// Skip malformed lines, and report where they are and why (DuckDB's reject_errors table).
			try {
				create(', store_rejects=true');
				const rej = rejectsOf(ctx);
				dropRejects();
				if (rej.type === 'MISSING COLUMNS') {
					// Rows with fewer fields than the header (Excel drops trailing empty cells) are normal:
					// pad them with NULLs. Not always: with null_padding an unterminated quote passes
					// silently. DuckDB's parallel scanner rejects null_padding together with quoted newlines.
					opts += ', null_padding=true, parallel=false';
					try {
						create();
						return true;
					} catch {
						create(', store_rejects=true');
						Object.assign(rej, rejectsOf(ctx));
					}
				}
				if (rej.n > 0)
					issues.push(
						codedIssue(
							'warning',
							'malformed-rows',
							fileName,
							malformedCode(rej.type),
							{ file: fileName, line: rej.line, n: rej.n, separator },
							{ count: rej.n },
						),
					);
				return true;
			} catch (e2) {
				if (isOutOfMemory(e2) || isOutOfMemory(first)) throw e2;
				issues.push(
					codedIssue('error', 'malformed-csv', fileName, 'import_not_a_table', {
						file: fileName,
						separator,
					}),
				);
				return false;
			} finally {
				dropRejects();
			}
		}
	} finally {
		duckdb.dropFile(name);
	}
}

/** Date order of a mapped date column from up to DATE_SCAN_VALUES distinct values. */
export function dateOrderOf(ctx: DataContext, table: string, column: string) {
	const values = stringColumn(
		ctx.q(
			`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL LIMIT ${DATE_SCAN_VALUES}`,
		),
		'v',
	).filter((v): v is string => v !== null);
	// dates that never say (every day ≤ 12): the order the browser's locale writes (en-US month first)
	const locale = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
	return inferDateOrder(values, localeDateOrder(locale));
}

/**
 * The decimal separator of each number column, from up to 5,000 distinct values of each; a column
 * whose values do not tell takes the file's (inferDecimalSeparators).
 */
export function decimalsOf(
	ctx: DataContext,
	table: string,
	columns: readonly string[],
): DecimalSeparator[] {
	return inferDecimalSeparators(
		columns.map((column) =>
			stringColumn(
				ctx.q(
					`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL LIMIT 5000`,
				),
				'v',
			).filter((v): v is string => v !== null),
		),
	);
}

/** Builds a raw → value lookup table in DuckDB from JS-parsed distinct values. */
export function buildLookup(
	ctx: DataContext,
	table: string,
	column: string,
	parse: (raw: string) => number | null,
): string {
	const { duckdb, q } = ctx;
	const values = stringColumn(
		q(`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL`),
		'v',
	);
	const lines = ['raw,v'];
	for (const raw of values) {
		if (raw === null) continue;
		const v = parse(raw);
		if (v !== null && Number.isFinite(v)) lines.push(`${csvField(raw)},${v}`);
	}
	const seq = ctx.nextSeq();
	const file = `${STAGING_DIR}tc_${seq}.csv`;
	duckdb.registerFileText(file, lines.join('\n'));
	const lookup = `lk_${seq}`;
	q(
		`CREATE TEMP TABLE ${lookup} AS SELECT * FROM read_csv(${lit(file)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={'raw': 'VARCHAR', 'v': 'DOUBLE'})`,
	);
	duckdb.dropFile(file);
	return lookup;
}

/** Drops a staged import's table and forgets it. */
export function dropStaged(ctx: DataContext, importId: string): void {
	const st = ctx.staged.get(importId);
	if (!st) return;
	ctx.q(`DROP TABLE IF EXISTS ${st.table}`);
	ctx.staged.delete(importId);
}

/** Every row of a staged file as text cells (other dataset kinds read the staged table this way). */
export function stagedRows(ctx: DataContext, importId: string) {
	const st = ctx.staged.get(importId);
	if (!st) throw codedError('ImportNotFound', 'data_import_not_staged');
	const t = ctx.q(`SELECT * EXCLUDE (__row) FROM ${st.table} ORDER BY __row`);
	const cols = st.columns.map((c) => stringColumn(t, c));
	const rows = Array.from({ length: t.numRows }, (_, r) => cols.map((c) => c[r]));
	return { fileName: st.fileName, columns: st.columns, rows };
}
