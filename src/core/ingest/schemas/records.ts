// Generic record builder of the tabular dataset-kind schemas (posts.ts, reviews.ts, catalog.ts): maps
// roles to columns by en + zh synonyms (or the user's override), checks the required roles, parses
// dates/numbers with the import's own parsers and reports bad cells by file, row and column.
import { inferDateOrder, parseDate, parseNumber } from '../parse';
import type { DateOrder, ImportIssue } from '../types';
import {
	IssueCounter,
	issueAt,
	matchRoles,
	parseCount,
	stripInvisible,
	synonymTable,
	type RawTable,
	type SchemaResult,
} from './table';

/** How a role's cells are read. */
export type RoleType = 'text' | 'date' | 'number' | 'count' | 'optionalNumber';

/** A dataset kind's roles: synonyms (en + zh), type and whether the role is required. */
export interface RoleSpec {
	synonyms: readonly string[];
	type: RoleType;
	required?: boolean;
}

/** Thrown when a required column is missing; the issue names the file and the expected headers. */
export class SchemaError extends Error {
	constructor(readonly issue: ImportIssue) {
		super(issue.message);
		this.name = 'SchemaError';
	}
}

/** A record: role → text | number | null. */
export type RoleRecord<R extends string> = Record<R, string | number | null> & { row: number };

/** Reads a RawTable with a role spec into records, skipping rows without a usable required value. */
export function readRecords<R extends string>(
	kind: string,
	spec: Record<R, RoleSpec>,
	table: RawTable,
	override: Partial<Record<R, string>> = {},
): SchemaResult<RoleRecord<R>> {
	const syn = synonymTable(
		Object.fromEntries(
			Object.entries(spec).map(([r, s]) => [r, (s as RoleSpec).synonyms]),
		) as Record<R, readonly string[]>,
	);
	const mapping = matchRoles(table.header, syn, override);
	for (const [role, s] of Object.entries(spec) as [R, RoleSpec][]) {
		if (s.required && mapping[role] === undefined)
			throw new SchemaError(
				issueAt(
					'error',
					`${kind}-missing-column`,
					table.fileName,
					`${table.fileName}: no column for "${role}" (expected a header such as ${s.synonyms
						.slice(0, 4)
						.map((x) => `"${x}"`)
						.join(', ')}). Columns found: ${table.header.join(', ')}.`,
				),
			);
	}
	const col = Object.fromEntries(
		(Object.entries(mapping) as [R, string][]).map(([r, c]) => [r, table.header.indexOf(c)]),
	) as Partial<Record<R, number>>;
	// Date order from the values of each date column, as the sales import does.
	const orders = new Map<R, DateOrder>();
	for (const [role, s] of Object.entries(spec) as [R, RoleSpec][]) {
		const i = col[role];
		if (s.type !== 'date' || i === undefined) continue;
		const sample = table.rows.slice(0, 2000).map((r) => r[i] ?? '');
		orders.set(role, inferDateOrder(sample.filter((v) => v.trim() !== '')).order);
	}
	const counter = new IssueCounter();
	const records: RoleRecord<R>[] = [];
	table.rows.forEach((cells, r) => {
		const row = r + 1;
		const rec = { row } as RoleRecord<R>;
		let ok = true;
		for (const [role, s] of Object.entries(spec) as [R, RoleSpec][]) {
			const i = col[role];
			const raw = i === undefined ? undefined : stripInvisible(cells[i] ?? '').trim();
			let v: string | number | null;
			if (raw === undefined || raw === '') v = null;
			else if (s.type === 'text') v = raw;
			else if (s.type === 'date')
				v = parseDate(raw, orders.get(role) ?? 'ymd', { allowSerial: true });
			else if (s.type === 'count') v = parseCount(raw);
			else v = parseNumber(raw);
			if (raw !== undefined && raw !== '' && v === null) {
				counter.add(
					issueAt(
						s.required ? 'error' : 'warning',
						`${kind}-bad-${s.type === 'date' ? 'date' : 'number'}`,
						table.fileName,
						`Row ${row} of ${table.fileName}, column "${mapping[role]}": "${raw.slice(0, 40)}" is not ${s.type === 'date' ? 'a date' : 'a number'}${s.required ? '; the row was skipped' : '; left blank'}.`,
						row,
						mapping[role],
					),
				);
			}
			if (s.type === 'count' && v === null) v = 0;
			if (s.required && v === null) {
				if (raw === '' || raw === undefined)
					counter.add(
						issueAt(
							'warning',
							`${kind}-blank-${role}`,
							table.fileName,
							`Row ${row} of ${table.fileName}, column "${mapping[role]}" is blank; the row was skipped.`,
							row,
							mapping[role],
						),
					);
				ok = false;
			}
			(rec as Record<string, unknown>)[role] = v;
		}
		if (ok) records.push(rec);
	});
	return { records, issues: counter.list(), mapping: mapping as Record<string, string> };
}
