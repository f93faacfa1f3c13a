// Changes to a stored dataset: appending a freshly cleaned import (lines already stored dropped) and
// re-applying the owner's choice of non-product codes; both rewrite it through store.saveTable.
import type { DatasetMeta, ImportIssue, ImportReport } from '../../src/core/ingest/types';
import type { DataContext } from './context';
import { addExcludedColumn, applyNonProduct, exclusionIssues } from './exclusions';
import { ensureLoaded, metaOf, saveTable } from './store';

/**
 * Adds a freshly cleaned import (`fresh`) to a stored dataset. Lines already stored are dropped:
 * same order id + product + date + quantity, or, without an order id, the same whole line. The
 * merged table replaces the stored one in one transaction (saveTable), so a failure loses nothing.
 */
export async function appendInto(
	ctx: DataContext,
	targetId: string,
	fresh: string,
	report: ImportReport,
	file: string,
): Promise<DatasetMeta> {
	const { q, rows } = ctx;
	const meta = await metaOf(ctx, targetId);
	const table = await ensureLoaded(ctx, targetId);
	const same = (c: string) => `o.${c} IS NOT DISTINCT FROM n.${c}`;
	q(`CREATE OR REPLACE TEMP TABLE ap_dup AS SELECT DISTINCT n.src_row FROM ${fresh} n
		JOIN ${table} o ON o.product_id = n.product_id AND o.ds = n.ds AND o.quantity = n.quantity
		WHERE (n.order_id IS NOT NULL AND o.order_id = n.order_id)
			OR (n.order_id IS NULL AND o.order_id IS NULL AND ${['unit_price', 'revenue', 'customer_id', 'store', 'description'].map(same).join(' AND ')})`);
	try {
		const span = rows(`SELECT
				(SELECT count(*) FROM ap_dup)::DOUBLE AS dups,
				(SELECT epoch_ms(min(ds))::DOUBLE FROM ${table}) AS old_min,
				(SELECT epoch_ms(max(ds))::DOUBLE FROM ${table}) AS old_max,
				(SELECT epoch_ms(min(ds))::DOUBLE FROM ${fresh}) AS new_min,
				(SELECT epoch_ms(max(ds))::DOUBLE FROM ${fresh}) AS new_max`)[0];
		q(`DELETE FROM ${fresh} WHERE src_row IN (SELECT src_row FROM ap_dup)`);
		const added =
			rows(`SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE NOT is_return)::DOUBLE AS sales
			FROM ${fresh}`)[0];
		const from = Math.max(Number(span.old_min), Number(span.new_min));
		const to = Math.min(Number(span.old_max), Number(span.new_max));
		const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
		const append = {
			targetName: meta.name,
			newRows: Number(added.n),
			newSales: Number(added.sales),
			duplicateRows: Number(span.dups),
			...(from <= to ? { overlapFrom: from, overlapTo: to } : {}),
		};
		const issues: ImportIssue[] = [
			...report.issues,
			{
				severity: 'info',
				code: from <= to ? 'import_append_summary' : 'import_append_summary_no_overlap',
				file,
				count: append.duplicateRows,
				message: 'import_append_summary',
				params: {
					name: meta.name,
					added: append.newRows,
					dups: append.duplicateRows,
					from: from <= to ? day(from) : '',
					to: from <= to ? day(to) : '',
				},
			},
		];
		const merged = `${table}_merged`;
		q(`DROP TABLE IF EXISTS ${merged}`);
		q(`CREATE TABLE ${merged} AS SELECT * FROM ${table} UNION ALL BY NAME SELECT * FROM ${fresh}
			ORDER BY ds, src_row`);
		q(`DROP TABLE ${table}`);
		q(`ALTER TABLE ${merged} RENAME TO ${table}`);
		return await saveTable(
			ctx,
			table,
			{
				...meta,
				fileName: file,
				report: { ...report, rowsImported: append.newSales, append, issues },
			},
			false,
		);
	} finally {
		q('DROP TABLE IF EXISTS ap_dup');
	}
}

/**
 * Counts the given non-product codes (postage, fees …) as products after all, and leaves the other
 * ones out again; the choice is kept with the dataset.
 */
export async function setNonProductIncluded(
	ctx: DataContext,
	datasetId: string,
	productIds: string[],
): Promise<DatasetMeta> {
	const meta = await metaOf(ctx, datasetId);
	const table = await ensureLoaded(ctx, datasetId);
	const sqlRunner = { q: ctx.q, rows: ctx.rows };
	addExcludedColumn(sqlRunner, table);
	const nonProduct = applyNonProduct(sqlRunner, table, new Set(productIds));
	const issues = [
		...meta.report.issues.filter((i) => i.code !== 'import_non_product'),
		...exclusionIssues(meta.fileName, undefined, undefined, nonProduct),
	];
	return saveTable(ctx, table, {
		...meta,
		includeNonProduct: [...productIds],
		report: { ...meta.report, nonProduct, issues },
	});
}
