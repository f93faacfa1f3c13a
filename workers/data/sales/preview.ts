// Preview of a sales file: read it (readers/decode-file.ts), stage it in DuckDB (staging.ts), unpivot a
// wide layout, guess the column mapping and date order from a sample, list the issues and the currency,
// and keep the staged table for commit (commit.ts) or for another dataset kind reading its rows.
import { guessMapping } from '../../../src/core/ingest/columns';
import { megabytes } from '../../../src/core/ingest/limits';
import type {
	ColumnRole,
	DateOrder,
	FileFormat,
	ImportIssue,
	ImportPreview,
	PreviewColumn,
} from '../../../src/core/ingest/types';
import { stringColumn } from '../arrow';
import { codedError } from '../coded-error';
import { progress, type DataContext, type FileInput, type ProgressFn } from '../context';
import { detectStagedCurrency } from '../currency';
import { isOutOfMemory } from '../duckdb-guard';
import { codedIssue } from '../issues';
import { decodeFile } from '../readers/decode-file';
import { dateOrderOf, dropStaged, stageDelimited } from '../staging';
import { unpivotWide } from '../wide';
import { dateOrderIssue, previewIssues } from './mapping-check';

/** Sample rows read for the preview and the mapping guess. */
const PREVIEW_ROWS = 200;

function emptyPreview(
	importId: string,
	fileName: string,
	format: FileFormat,
	encoding: string,
	issues: ImportIssue[],
): ImportPreview {
	return {
		importId,
		fileName,
		format,
		encoding,
		rowCount: 0,
		columns: [],
		mapping: {},
		dateOrder: 'ymd',
		dateOrderAmbiguous: false,
		issues,
	};
}

/** previewFile with DuckDB's out-of-memory errors turned into a limit message naming the file. */
export async function previewFile(
	ctx: DataContext,
	file: FileInput,
	onProgress?: ProgressFn,
): Promise<ImportPreview> {
	try {
		return await previewFileInner(ctx, file, onProgress);
	} catch (e) {
		if (!isOutOfMemory(e)) throw e;
		for (const id of [...ctx.staged.keys()]) dropStaged(ctx, id);
		throw codedError('ImportTooBig', 'import_out_of_memory', {
			file: file.name,
			mb: megabytes(file.bytes.byteLength),
		});
	}
}

async function previewFileInner(
	ctx: DataContext,
	file: FileInput,
	onProgress?: ProgressFn,
): Promise<ImportPreview> {
	const { q, rows, scalar } = ctx;
	for (const id of [...ctx.staged.keys()]) dropStaged(ctx, id);
	const importId = ctx.newId();
	const issues: ImportIssue[] = [];
	const read = await decodeFile(file, ctx.unpackLimit, issues, onProgress);
	if (!read.ok) return emptyPreview(importId, read.fileName, read.format, read.encoding, issues);
	const { fileName, format, encoding, csvBytes, delimiter, header, scan } = read;
	const table = `stg_${importId.replace(/[^A-Za-z0-9_]/g, '_')}`;
	const ok = stageDelimited(ctx, table, fileName, csvBytes, delimiter, header, issues);
	if (!ok) return emptyPreview(importId, fileName, format, encoding, issues);
	// A quote opened and closed lines later (or never) makes DuckDB read lines as one field: say which.
	if (scan.quote) {
		const { line, endLine, swallowed } = scan.quote;
		// DuckDB's "malformed line" at the same line says less (it counts 1 line where the rest was lost).
		const same = issues.findIndex(
			(i) => i.code === 'malformed-rows' && i.msg?.params?.line === line,
		);
		if (same >= 0) issues.splice(same, 1);
		issues.push(
			codedIssue(
				'warning',
				'unbalanced-quote',
				fileName,
				endLine === null ? 'import_quote_never_closed' : 'import_quote_swallowed',
				{ file: fileName, line, endLine: endLine ?? 0, n: swallowed, lines: scan.lines },
			),
		);
	}

	// One column per period (VISUELLE's weeks 0…11 after release, months 2024-01 …): long rows.
	const wide = unpivotWide({ q, rows }, table, header, fileName);
	if (wide && 'error' in wide) {
		issues.push(wide.error);
		q(`DROP TABLE IF EXISTS ${table}`);
		return emptyPreview(importId, fileName, format, encoding, issues);
	}
	if (wide) issues.push(wide.issue);

	progress(onProgress, 'analysing', 3, 4);
	const columns = stringColumn(q(`DESCRIBE ${table}`), 'column_name').filter(
		(c): c is string => c !== null && c !== '__row',
	);
	const rowCount = scalar(`SELECT count(*)::DOUBLE FROM ${table}`);
	const sampleTable = q(
		`SELECT * EXCLUDE (__row) FROM ${table} ORDER BY __row LIMIT ${PREVIEW_ROWS}`,
	);
	const previewCols: PreviewColumn[] = columns.map((name) => {
		const vals = stringColumn(sampleTable, name).filter(
			(v): v is string => v !== null && v.trim() !== '',
		);
		return { name, sample: vals };
	});
	const mapping = guessMapping(previewCols);
	if (wide) {
		// The unpivoted period start and value are the date and quantity, whatever else looked like one.
		for (const role of Object.keys(mapping) as ColumnRole[])
			if (mapping[role] === wide.dateColumn || mapping[role] === wide.valueColumn)
				delete mapping[role];
		mapping.date = wide.dateColumn;
		mapping.quantity = wide.valueColumn;
		delete mapping.revenue;
	}
	const roleOf = new Map<string, ColumnRole>();
	for (const [role, col] of Object.entries(mapping) as [ColumnRole, string][])
		roleOf.set(col, role);
	for (const c of previewCols) {
		c.sample = c.sample.slice(0, 5);
		const role = roleOf.get(c.name);
		if (role) c.role = role;
	}
	let dateOrder: DateOrder = 'ymd';
	let dateOrderAmbiguous = false;
	if (mapping.date) {
		const guess = dateOrderOf(ctx, table, mapping.date);
		dateOrder = guess.order;
		dateOrderAmbiguous = guess.ambiguous;
		if (guess.ambiguous) issues.push(dateOrderIssue(fileName, mapping.date, guess));
	}
	issues.push(...previewIssues(fileName, columns, rowCount, mapping));
	const currency = detectStagedCurrency(rows, table, columns, mapping, encoding);
	ctx.staged.set(importId, {
		importId,
		table,
		fileName,
		format,
		encoding,
		columns,
		rowCount,
		issues: issues.filter((i) => i.severity !== 'info'),
		dateOrder,
	});
	progress(onProgress, 'analysing', 4, 4);
	return {
		importId,
		fileName,
		format,
		encoding,
		...(delimiter ? { delimiter } : {}),
		rowCount,
		columns: previewCols,
		mapping,
		dateOrder,
		dateOrderAmbiguous,
		issues,
		...(currency ? { currency } : {}),
	};
}
