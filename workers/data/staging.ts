// DuckDB staging of an import: delimited bytes → an all-VARCHAR table with a 1-based `__row` (malformed
// lines skipped and reported), the date order and decimal separator of a column, raw → parsed lookup
// tables built from the pure core parsers over DISTINCT values, and the staged-import bookkeeping.
import {
	inferDateOrder,
	inferDecimalSeparator,
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

/** The message code for lines DuckDB rejected, by reason (never DuckDB's own words). */
function malformedCode(duckdbText: string): string {
	if (/unterminated quote/i.test(duckdbText)) return 'import_malformed_quote';
	if (/Maximum line size/i.test(duckdbText)) return 'import_malformed_long';
	if (/Expected Number of Columns/i.test(duckdbText)) return 'import_malformed_fields';
	return 'import_malformed_other';
}

/** The separator as a word for messages ('tab' for a tab). */
function separatorName(delimiter: string): string {
	return delimiter === '\t' ? 'tab' : `“${delimiter}”`;
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
	const { duckdb, q, rows } = ctx;
	const name = `${STAGING_DIR}tc_${ctx.nextSeq()}.csv`;
	duckdb.registerFileBuffer(name, bytes);
	// Our own header and dialect: DuckDB's sniffer fails on a malformed file before we can report rows.
	const cols = header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ');
	let opts = `delim=${lit(delimiter)}, header=true, auto_detect=false, columns={${cols}}, quote='"', escape='"'`;
	const create = (extra = '') =>
		q(
			`CREATE TABLE ${table} AS SELECT row_number() OVER () AS __row, * FROM read_csv(${lit(name)}, ${opts}${extra})`,
		);
	try {
		try {
			create();
			return true;
		} catch (e) {
			// Rows with fewer fields than the header (Excel drops trailing empty cells) are normal: pad
			// them with NULLs. Not always: with null_padding an unterminated quote passes silently.
			const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(String((e as Error).message));
			if (!m || Number(m[2]) >= Number(m[1])) throw e;
			// DuckDB's parallel scanner rejects null_padding together with quoted newlines.
			opts += ', null_padding=true, parallel=false';
			create();
			return true;
		}
	} catch (e) {
		const first = String((e as Error).message ?? e)
			.split('\n')
			.filter((l) => l.trim() !== '')
			.slice(0, 2)
			.join(' ')
			.replaceAll(name, fileName);
		// Retry skipping malformed lines, and report where they are.
		try {
			create(', store_rejects=true');
			const rej = rows(
				`SELECT count(DISTINCT line)::INT AS n, min(line)::INT AS line, arg_min(error_message, line) AS msg FROM reject_errors`,
			)[0];
			const n = Number(rej?.n ?? 0);
			if (n > 0) {
				const line = Number(rej.line);
				issues.push(
					codedIssue(
						'warning',
						'malformed-rows',
						fileName,
						malformedCode(String(rej.msg)),
						{ file: fileName, line, n, separator: separatorName(delimiter) },
						{ count: n },
					),
				);
			}
			return true;
		} catch (e2) {
			if (isOutOfMemory(e2) || isOutOfMemory(first)) throw e2;
			issues.push(
				codedIssue('error', 'malformed-csv', fileName, 'import_not_a_table', {
					file: fileName,
					separator: separatorName(delimiter),
				}),
			);
			return false;
		} finally {
			q('DROP TABLE IF EXISTS reject_errors');
			q('DROP TABLE IF EXISTS reject_scans');
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
	return inferDateOrder(values);
}

/** The decimal separator of a number column, from up to 5,000 distinct values. */
export function decimalOf(ctx: DataContext, table: string, column: string): DecimalSeparator {
	const values = stringColumn(
		ctx.q(
			`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL LIMIT 5000`,
		),
		'v',
	).filter((v): v is string => v !== null);
	return inferDecimalSeparator(values);
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
