// Commit of a staged sales file: check the mapping, clean (clean.ts), count problems (problems.ts), leave
// out lines that are not demand (exclusions.ts), report (report.ts), then append to a stored dataset
// (update.ts) or store a new one (store.ts). DuckDB running out of memory becomes a limit message.
import { isCurrencyCode } from '../../../src/core/ingest/currency';
import { isWeekStart, MONDAY } from '../../../src/core/series/week-start';
import type {
	ColumnRole,
	DatasetMeta,
	ImportIssue,
	ImportOptions,
} from '../../../src/core/ingest/types';
import { codedError } from '../coded-error';
import { progress, type DataContext, type ProgressFn } from '../context';
import { detectStagedCurrency } from '../currency';
import { isOutOfMemory } from '../duckdb-guard';
import { addExcludedColumn, applyNonProduct, applyOrderStatus } from '../exclusions';
import { datasetTable } from '../sql';
import { dropStaged } from '../staging';
import { metaOf, storeNew } from '../store';
import { appendInto } from '../update';
import { applyLineAdjustments } from './adjust';
import { buildStoredTable, normalize } from './clean';
import { countProblems } from './problems';
import { importReport } from './report';

/** commitStaged with DuckDB's out-of-memory errors turned into a limit message naming the file and rows. */
export async function commitImport(
	ctx: DataContext,
	importId: string,
	options: ImportOptions,
	onProgress?: ProgressFn,
): Promise<DatasetMeta> {
	const st = ctx.staged.get(importId);
	try {
		return await commitStaged(ctx, importId, options, onProgress);
	} catch (e) {
		if (!isOutOfMemory(e)) throw e;
		dropStaged(ctx, importId);
		throw codedError('ImportTooBig', 'import_commit_out_of_memory', {
			file: st?.fileName ?? '',
			rows: st?.rowCount ?? 0,
		});
	}
}

/**
 * Commits a staged import. `fixedId` stores it under that id; with it, a dataset already stored
 * under the id (written meanwhile by another tab) is kept and returned, checked inside the write
 * transaction, so the same import never lands twice.
 */
export async function commitStaged(
	ctx: DataContext,
	importId: string,
	options: ImportOptions,
	onProgress?: ProgressFn,
	fixedId?: string,
): Promise<DatasetMeta> {
	const { q, rows } = ctx;
	const st = ctx.staged.get(importId);
	if (!st) throw codedError('ImportNotFound', 'data_import_not_staged');
	const { mapping, dateOrder } = options;
	for (const [role, col] of Object.entries(mapping) as [ColumnRole, string | undefined][])
		if (col !== undefined && !st.columns.includes(col))
			throw codedError('InvalidMapping', 'data_column_not_in_file', {
				column: col,
				role,
				file: st.fileName,
			});
	if (!mapping.date) throw codedError('InvalidMapping', 'data_choose_date');
	const dated = { ...mapping, date: mapping.date };
	const file = st.fileName;
	const temps: string[] = [];
	const id = fixedId ?? ctx.newId();
	const out = datasetTable(id);
	const phases = 6;
	progress(onProgress, 'cleaning', 0, phases);
	try {
		// 1.–3. Duplicates, parsed values, normalized rows.
		const N = normalize(ctx, st, dated, dateOrder, temps, (k) =>
			progress(onProgress, 'cleaning', k, phases),
		);
		// 4. Count problems, each with its first row, column and value.
		const issues: ImportIssue[] = [
			...st.issues.filter((i) => i.code === 'malformed-rows' || i.code === 'unbalanced-quote'),
		];
		const validWhere = countProblems(ctx, N, file, dated, dateOrder, issues);
		progress(onProgress, 'cleaning', 4, phases);
		// 5.–6. The stored table: valid rows, returns flagged, cancelled sales matched.
		buildStoredTable(ctx, N, out, validWhere, mapping);
		// 7. Lines that are not demand: refunded/cancelled orders, postage and fees (workers/data/exclusions.ts).
		const sqlRunner = { q, rows };
		addExcludedColumn(sqlRunner, out);
		const statusSummary = mapping.status ? applyOrderStatus(sqlRunner, out) : undefined;
		// Appending keeps the target dataset's choice of non-product codes counted as products.
		const include = options.appendTo
			? ((await metaOf(ctx, options.appendTo)).includeNonProduct ?? [])
			: (options.includeNonProduct ?? []);
		const nonProduct = applyNonProduct(sqlRunner, out, new Set(include));
		// 8. Discounts and partial refunds off the lines still counted as sales (sales/adjust.ts).
		const adjusted = applyLineAdjustments(ctx, N, out, file, mapping);
		const { report, stored } = importReport(
			ctx,
			N,
			out,
			validWhere,
			file,
			mapping,
			issues,
			statusSummary,
			nonProduct,
			adjusted,
		);
		progress(onProgress, 'saving', 5, phases);
		if (options.appendTo) {
			const merged = await appendInto(ctx, options.appendTo, out, report, file);
			q(`DROP TABLE IF EXISTS ${out}`);
			dropStaged(ctx, importId);
			progress(onProgress, 'saving', phases, phases);
			return merged;
		}

		// The currency the user confirmed, else the one the file names (none: the UI asks later).
		const currency =
			options.currency && isCurrencyCode(options.currency)
				? options.currency
				: detectStagedCurrency(rows, st.table, st.columns, mapping, st.encoding)?.code;
		// 9. Bytes + metadata, written together in one transaction.
		const meta = await storeNew(
			ctx,
			out,
			{
				id,
				name: options.datasetName.trim() || file,
				fileName: file,
				createdAt: ctx.now(),
				rowCount: report.rowsImported,
				productCount: stored.products,
				dateMin: stored.dmin,
				dateMax: stored.dmax,
				bytes: 0, // set by storeNew
				mapping: { ...mapping },
				report,
				...(options.includeNonProduct?.length
					? { includeNonProduct: [...options.includeNonProduct] }
					: {}),
				// Monday is kept as absent (the weeks of every dataset stored before)
				...(isWeekStart(options.weekStart) && options.weekStart !== MONDAY
					? { weekStart: options.weekStart }
					: {}),
				...(currency ? { currency } : {}),
			},
			fixedId !== undefined,
		);
		dropStaged(ctx, importId);
		progress(onProgress, 'saving', phases, phases);
		return meta;
	} catch (e) {
		q(`DROP TABLE IF EXISTS ${out}`);
		throw e;
	} finally {
		for (const t of temps) q(`DROP TABLE IF EXISTS ${t}`);
	}
}
