// Unpivots a staged wide table (one column per period, src/core/ingest/wide.ts) into long rows: the
// other columns, the period's start date, the period label and its value, one row per row and period.
// Relative periods (weeks after release) are placed from the release date column: period k starts
// k weeks after it. The staged table is replaced in place, so the rest of the import is unchanged.
import { guessMapping } from '../../src/core/ingest/columns';
import { inferDateOrder, parseDate } from '../../src/core/ingest/parse';
import type { ColumnMapping, ImportIssue } from '../../src/core/ingest/types';
import { detectWideLayout } from '../../src/core/ingest/wide';
import { codedIssue } from './issues';
import { ident, lit } from './sql';

export interface SqlRunner {
	q(sql: string): unknown;
	rows(sql: string): Record<string, unknown>[];
}

/** What unpivoting did: the new columns the mapping must use, and the issue telling the user. */
export interface Unpivoted {
	dateColumn: string;
	valueColumn: string;
	issue: ImportIssue;
}

const DAY = 86_400_000;

function freeName(taken: readonly string[], name: string): string {
	let n = name;
	for (let k = 2; taken.includes(n); k++) n = `${name} ${k}`;
	return n;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Unpivots `table` (columns `columns`, plus `__row`) when its header is a wide layout. Returns null
 * for an ordinary table, an error issue (and leaves the table) for periods that cannot be placed in time.
 */
export function unpivotWide(
	sql: SqlRunner,
	table: string,
	columns: readonly string[],
	fileName: string,
): Unpivoted | { error: ImportIssue } | null {
	const sample = sql.rows(`SELECT * EXCLUDE (__row) FROM ${table} ORDER BY __row LIMIT 50`);
	const guessed: ColumnMapping = guessMapping(
		columns.map((name) => ({
			name,
			sample: sample.map((r) => r[name]).filter((v): v is string => typeof v === 'string'),
		})),
	);
	const layout = detectWideLayout(columns, guessed.date);
	if (!layout) return null;
	const periodCols = layout.columns.map((i) => columns[i]);
	const first = periodCols[0];
	const last = periodCols[periodCols.length - 1];
	const n = periodCols.length;
	if (layout.kind === 'relative' && !layout.anchor)
		return {
			error: codedIssue('error', 'wide-no-anchor', fileName, 'import_wide_no_anchor', {
				file: fileName,
				first,
				last,
				n,
			}),
		};
	const keep = columns.filter((c) => !periodCols.includes(c));
	const dateColumn = freeName(columns, 'Period start');
	const periodColumn = freeName([...columns, dateColumn], 'Period');
	const valueColumn = freeName([...columns, dateColumn, periodColumn], 'Units');
	// Period column → its start: a date (calendar) or a week offset (relative).
	const periods = periodCols
		.map((c, k) =>
			layout.kind === 'calendar'
				? `(${lit(c)}, ${lit(iso(layout.dates[k]))}, 0)`
				: `(${lit(c)}, NULL, ${layout.offsets[k]})`,
		)
		.join(', ');
	sql.q(`CREATE OR REPLACE TEMP TABLE wide_p AS SELECT * FROM (VALUES ${periods}) t(name, day, k)`);
	const tmp = `${table}_long`;
	try {
		let start = 'p.day';
		let anchorJoin = '';
		if (layout.kind === 'relative') {
			// The release dates, parsed by the core date parser (distinct values, joined back).
			const anchor = layout.anchor!;
			const raw = sql
				.rows(
					`SELECT DISTINCT ${ident(anchor)} AS v FROM ${table} WHERE ${ident(anchor)} IS NOT NULL`,
				)
				.map((r) => String(r.v));
			const order = inferDateOrder(raw).order;
			const parsed = raw
				.map((v) => [v, parseDate(v, order, { allowSerial: true })] as const)
				.filter((x): x is readonly [string, number] => x[1] !== null);
			sql.q(
				`CREATE OR REPLACE TEMP TABLE wide_a AS SELECT * FROM (VALUES ${
					parsed.length
						? parsed.map(([v, ms]) => `(${lit(v)}, ${ms}::DOUBLE)`).join(', ')
						: `(NULL::VARCHAR, NULL::DOUBLE)`
				}) t(raw, ms)`,
			);
			anchorJoin = `LEFT JOIN wide_a a ON a.raw = u.${ident(anchor)}`;
			start = `strftime(epoch_ms((a.ms + p.k::DOUBLE * ${7 * DAY})::BIGINT), '%Y-%m-%d')`;
		}
		const keepSel = keep.map((c) => `u.${ident(c)}`).join(', ');
		sql.q(`CREATE TABLE ${tmp} AS SELECT row_number() OVER (ORDER BY u.__row, p.k, p.name) AS __row,
				${keepSel ? `${keepSel},` : ''} ${start} AS ${ident(dateColumn)},
				u.__period AS ${ident(periodColumn)}, u.__value AS ${ident(valueColumn)}
			FROM (UNPIVOT (SELECT * FROM ${table}) ON ${periodCols.map(ident).join(', ')}
				INTO NAME __period VALUE __value) u
			JOIN wide_p p ON p.name = u.__period ${anchorJoin}
			WHERE NULLIF(trim(u.__value), '') IS NOT NULL`);
		const rows = Number(sql.rows(`SELECT count(*)::DOUBLE AS n FROM ${tmp}`)[0]?.n ?? 0);
		sql.q(`DROP TABLE ${table}`);
		sql.q(`ALTER TABLE ${tmp} RENAME TO ${table}`);
		const issue =
			layout.kind === 'relative'
				? codedIssue('info', 'wide-unpivoted', fileName, 'import_wide_relative', {
						file: fileName,
						first,
						last,
						n,
						anchor: layout.anchor!,
						rows,
					})
				: codedIssue('info', 'wide-unpivoted', fileName, 'import_wide_calendar', {
						file: fileName,
						first,
						last,
						n,
						rows,
					});
		return { dateColumn, valueColumn, issue };
	} finally {
		sql.q(`DROP TABLE IF EXISTS ${tmp}`);
		sql.q('DROP TABLE IF EXISTS wide_p');
		sql.q('DROP TABLE IF EXISTS wide_a');
	}
}
