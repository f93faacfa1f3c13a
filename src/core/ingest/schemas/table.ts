// Shared pieces of the dataset-kind schemas (posts, search, reviews, catalog): the raw table every
// reader produces (header + string cells, as the data worker's CSV/XLSX/Parquet/JSON readers give them),
// role → column matching by en + zh header synonyms, and issues that name file, row and column.
// Pure TypeScript; used by the data worker (workers/data/signals-service.ts), the CLIs and tests.
import { normalizeHeader } from '../columns';
import type { ImportIssue } from '../types';

/** A table as read from a file: every cell is text; `rows[i]` is data row i + 1 (header excluded). */
export interface RawTable {
	fileName: string;
	header: string[];
	rows: string[][];
}

/** What a schema gives back: typed records plus the problems found, each located. */
export interface SchemaResult<T> {
	records: T[];
	issues: ImportIssue[];
	/** Role → column used. */
	mapping: Record<string, string>;
}

/** Removes zero-width and BOM characters that exports hide in headers and cells (U+200B–U+200D, U+2060, U+FEFF). */
export function stripInvisible(s: string): string {
	return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * Picks one column per role: an exact synonym beats containment; roles are filled in the given order
 * and a column serves one role only; `override` fixes a role's column ('' = none). `synonyms` are already normalised (normalizeHeader).
 */
export function matchRoles<R extends string>(
	header: readonly string[],
	synonyms: Record<R, readonly string[]>,
	override: Partial<Record<R, string>> = {},
): Partial<Record<R, string>> {
	const used = new Set<string>();
	const out: Partial<Record<R, string>> = {};
	// an override of '' means "no column" (the user unset a role the headers would match)
	const off = new Set<R>();
	for (const [role, col] of Object.entries(override) as [R, string][]) {
		if (col === '') off.add(role);
		else if (col && header.includes(col)) {
			out[role] = col;
			used.add(col);
		}
	}
	const norm = header.map((h) => normalizeHeader(stripInvisible(h)));
	// Two passes: exact matches for every role first, then containment.
	for (const exact of [true, false]) {
		for (const role of Object.keys(synonyms) as R[]) {
			if (out[role] !== undefined || off.has(role)) continue;
			const list = synonyms[role];
			let best = -1;
			let bestRank = Infinity;
			norm.forEach((h, i) => {
				if (used.has(header[i]) || h === '') return;
				list.forEach((syn, rank) => {
					const hit = exact ? h === syn : syn.length >= 3 && h.includes(syn);
					if (hit && rank < bestRank) {
						best = i;
						bestRank = rank;
					}
				});
			});
			if (best >= 0) {
				out[role] = header[best];
				used.add(header[best]);
			}
		}
	}
	return out;
}

/** An issue located at a file, a 1-based data row and a column. */
export function issueAt(
	severity: ImportIssue['severity'],
	code: string,
	file: string,
	message: string,
	row?: number,
	column?: string,
): ImportIssue {
	const issue: ImportIssue = { severity, code, file, message };
	if (row !== undefined) issue.row = row;
	if (column !== undefined) issue.column = column;
	return issue;
}

/**
 * Collects per-row problems of one kind into one issue (first row + count), so a file with 10,000 bad
 * cells gives one line, not 10,000.
 */
export class IssueCounter {
	readonly #first = new Map<string, ImportIssue>();
	add(issue: ImportIssue): void {
		const key = `${issue.code}\u0000${issue.column ?? ''}`;
		const seen = this.#first.get(key);
		if (seen) seen.count = (seen.count ?? 1) + 1;
		else this.#first.set(key, { ...issue, count: 1 });
	}
	list(): ImportIssue[] {
		return [...this.#first.values()];
	}
}

/** Parses a count cell ("1,234", "1.2k", "1.0", "1万", blank → 0); null when not a number. */
export function parseCount(raw: string | undefined): number | null {
	if (raw === undefined) return 0;
	const s = stripInvisible(raw).trim().replace(/,/g, '');
	if (s === '') return 0;
	const m = /^(\d+(?:\.\d+)?)\s*([kKmM万亿w]?)\+?$/.exec(s);
	if (!m) return null;
	const mult: Record<string, number> = {
		'': 1,
		k: 1e3,
		K: 1e3,
		m: 1e6,
		M: 1e6,
		w: 1e4,
		万: 1e4,
		亿: 1e8,
	};
	return Number(m[1]) * (mult[m[2]] ?? 1);
}

/** Normalises a list of synonyms once (module load). */
export function synonymTable<R extends string>(
	raw: Record<R, readonly string[]>,
): Record<R, string[]> {
	const out = {} as Record<R, string[]>;
	for (const [role, list] of Object.entries(raw) as [R, string[]][])
		out[role] = list.map((s) => normalizeHeader(s));
	return out;
}
