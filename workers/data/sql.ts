// SQL text helpers of the data worker: quoting identifiers and literals, the DuckDB table of a dataset,
// the period a sale falls in.
import type { Frequency, WeekStart } from '../../src/core/types';
import { MONDAY, weekShiftDays } from '../../src/core/series/week-start';

/** Quotes an SQL identifier. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes an SQL string literal. */
export function lit(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** DuckDB table holding a stored dataset. */
export function datasetTable(id: string): string {
	return `ds_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * The start of the `freq` period holding column `col` as DuckDB truncates it, with weeks starting on
 * `weekStart`: DuckDB's date_trunc('week') gives Monday weeks, so other weeks shift the day by
 * weekShiftDays first and back after (a Sunday sale lands in the week starting that Sunday).
 */
export function periodSql(freq: Frequency, weekStart: WeekStart = MONDAY, col = 'ds'): string {
	const k = freq === 'week' ? weekShiftDays(weekStart) : 0;
	if (k === 0) return `date_trunc('${freq}', ${col})`;
	return `(date_trunc('week', ${col} + INTERVAL ${k} DAY) - INTERVAL ${k} DAY)`;
}
