// Reads launch tables in VISUELLE's layout (one row per product: `external_code`, attributes, release
// date, weekly sales in columns `0`…`11`) through the catalog schema, and word-trend tables (a date
// column + one column per word, as VISUELLE's gtrends.csv or a Google Trends export) through the
// search schema. Used by the `newproduct` CLI, the data worker and the benchmark.
import { readCatalog } from '../ingest/schemas/catalog';
import { parseNumber } from '../ingest/parse';
import type { SearchInterest } from '../ingest/schemas/search';
import type { RawTable } from '../ingest/schemas/table';
import type { ImportIssue } from '../ingest/types';
import type { LaunchProduct, WordTrends } from './knn';

/** Products of a launch table; `curve` is present when the week columns are. `mapping` is the
 * owner's choice of columns (role → header, `''` for none), as for the catalog import. */
export function readLaunches(
	table: RawTable,
	mapping: Parameters<typeof readCatalog>[1] = {},
): {
	products: LaunchProduct[];
	weeks: number;
	issues: ImportIssue[];
} {
	const cat = readCatalog(table, mapping);
	const weekCols = table.header
		.map((h, i) => ({ h: h.trim(), i }))
		.filter(({ h }) => /^\d{1,3}$/.test(h))
		.sort((a, b) => Number(a.h) - Number(b.h));
	const issues = [...cat.issues];
	const products: LaunchProduct[] = [];
	if (!cat.mapping.launch && cat.records.length > 0) {
		// one line for the file, not one "no release date" per row
		issues.push({
			severity: 'error',
			code: 'newproduct-no-launch-column',
			file: table.fileName,
			message: `${table.fileName}: no column for the release date (expected a header such as "release_date", "launch_date", "上市日期"). Columns found: ${table.header.join(', ')}.`,
		});
		return { products, weeks: weekCols.length, issues };
	}
	for (const r of cat.records) {
		if (r.launch === null) {
			issues.push({
				severity: 'warning',
				code: 'newproduct-no-launch',
				file: table.fileName,
				row: r.row,
				column: cat.mapping.launch,
				message: `Row ${r.row} of ${table.fileName}: no release date; the product was skipped.`,
			});
			continue;
		}
		const attributes: Record<string, string> = { ...r.attributes };
		if (r.category) attributes.category = r.category;
		const cells = table.rows[r.row - 1];
		let curve: number[] | undefined;
		if (weekCols.length > 0) {
			curve = weekCols.map(({ i }) => parseNumber(cells[i]) ?? NaN);
			const bad = weekCols.find(
				(_w, k) => !Number.isFinite(curve![k]) && (cells[weekCols[k].i] ?? '').trim() !== '',
			);
			if (bad)
				issues.push({
					severity: 'warning',
					code: 'newproduct-bad-number',
					file: table.fileName,
					row: r.row,
					column: bad.h,
					message: `Row ${r.row} of ${table.fileName}, column "${bad.h}": "${cells[bad.i]}" is not a number.`,
				});
		}
		const title = r.title || r.description;
		products.push({
			id: r.id,
			attributes,
			price: r.price,
			launch: r.launch,
			curve,
			terms: [],
			...(title ? { title } : {}),
		});
	}
	return { products, weeks: weekCols.length, issues };
}

/** Word trends from a parsed search-interest file (terms lower-cased). */
export function wordTrends(s: SearchInterest): WordTrends {
	const series = new Map<string, number[]>();
	for (const x of s.series) series.set(x.term.toLowerCase(), x.y);
	return { weeks: s.series[0]?.ds ?? [], series };
}
