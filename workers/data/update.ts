// Changes to a stored dataset: appending a freshly cleaned import (lines already stored dropped) and
// re-applying the owner's choice of non-product codes; both rewrite it through store.saveTable.
import type {
	AppendSummary,
	DatasetMeta,
	ImportIssue,
	ImportReport,
} from '../../src/core/ingest/types';
import type { DataContext } from './context';
import { addExcludedColumn, applyNonProduct, exclusionIssues } from './exclusions';
import { cancelMatchedSales, SAME_BUYER } from './sales/clean';
import { ensureLoaded, metaOf, saveTable } from './store';

/**
 * Adds a freshly cleaned import (`fresh`) to a stored dataset. Lines already stored are dropped:
 * same order id + product + date + quantity, or, without an order id, the same whole line. A shop's
 * next export repeats the days it overlaps, and what happened to those orders since is in it: the
 * newer file's order status wins (an order refunded or cancelled since is left out now, one counted
 * again is counted), and its returns cancel the matching sales stored before (the merged lines go
 * through the same return matching as one import of both files). The merged table replaces the stored
 * one in one transaction (saveTable), so a failure loses nothing.
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
	// a table stored by an earlier version may lack the rule columns
	q(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS excluded VARCHAR DEFAULT NULL`);
	q(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS cancelled BOOLEAN DEFAULT false`);
	// A line with a partial refund (sales/adjust.ts) is the same line by the units it sold, whatever
	// was refunded since: 2 sold in the stored export, 2 sold and 1 refunded in this one.
	const refunds = hasColumn(ctx, table, 'sold_qty') || hasColumn(ctx, fresh, 'sold_qty');
	if (refunds)
		for (const t of [table, fresh])
			q(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS sold_qty DOUBLE DEFAULT NULL`);
	const pair = refunds
		? `o.product_id = n.product_id AND o.ds = n.ds AND coalesce(o.sold_qty, o.quantity) = coalesce(n.sold_qty, n.quantity)`
		: `o.product_id = n.product_id AND o.ds = n.ds AND o.quantity = n.quantity`;
	q(`CREATE OR REPLACE TEMP TABLE ap_dup AS SELECT DISTINCT n.src_row FROM ${fresh} n
		JOIN ${table} o ON ${pair}
		WHERE (n.order_id IS NOT NULL AND o.order_id = n.order_id)
			OR (n.order_id IS NULL AND o.order_id IS NULL AND ${['unit_price', 'revenue', 'customer_id', 'store', 'description'].map(same).join(' AND ')})`);
	// Stored lines whose order the new file says was refunded/cancelled since ('out'), or is no longer ('back').
	q(`CREATE OR REPLACE TEMP TABLE ap_status AS SELECT DISTINCT o.rowid AS rid, n.excluded AS excl,
			n.order_status AS st, o.order_id AS oid, o.quantity AS qty,
			o.excluded IS NULL AS going_out
		FROM ${table} o JOIN ${fresh} n ON ${pair} AND n.order_id IS NOT NULL AND o.order_id = n.order_id
		WHERE (o.excluded IS NULL AND NOT o.is_return AND n.excluded = 'status')
			OR (o.excluded = 'status' AND n.excluded IS NULL AND NOT n.is_return)`);
	try {
		const span = rows(`SELECT
				(SELECT count(*) FROM ap_dup)::DOUBLE AS dups,
				(SELECT epoch_ms(min(ds))::DOUBLE FROM ${table}) AS old_min,
				(SELECT epoch_ms(max(ds))::DOUBLE FROM ${table}) AS old_max,
				(SELECT epoch_ms(min(ds))::DOUBLE FROM ${fresh}) AS new_min,
				(SELECT epoch_ms(max(ds))::DOUBLE FROM ${fresh}) AS new_max`)[0];
		const status = rows(`SELECT count(*) FILTER (WHERE going_out)::DOUBLE AS out_lines,
				count(DISTINCT oid) FILTER (WHERE going_out)::DOUBLE AS out_orders,
				coalesce(sum(qty) FILTER (WHERE going_out), 0)::DOUBLE AS out_units,
				count(*) FILTER (WHERE NOT going_out)::DOUBLE AS back_lines,
				count(DISTINCT oid) FILTER (WHERE NOT going_out)::DOUBLE AS back_orders
			FROM ap_status`)[0];
		q(`UPDATE ${table} SET excluded = a.excl, order_status = a.st, is_return = a.excl IS NOT NULL
			FROM ap_status a WHERE ${table}.rowid = a.rid`);
		const refunded = refunds ? refundsSince(ctx, table, fresh, pair) : { lines: 0, units: 0 };
		q(`DELETE FROM ${fresh} WHERE src_row IN (SELECT src_row FROM ap_dup)`);
		const added =
			rows(`SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE NOT is_return)::DOUBLE AS sales
			FROM ${fresh}`)[0];
		const from = Math.max(Number(span.old_min), Number(span.new_min));
		const to = Math.min(Number(span.old_max), Number(span.new_max));
		const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
		const append: AppendSummary = {
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
		/** An info note of this append, its code also its message. */
		const note = (code: string, count: number, params: Record<string, number>) =>
			issues.push({ severity: 'info', code, file, count, message: code, params: { ...params } });
		const out = { lines: Number(status.out_lines), orders: Number(status.out_orders) };
		if (out.lines > 0) {
			append.statusLeftOut = { ...out, units: Number(status.out_units) };
			note('import_append_status_out', out.lines, append.statusLeftOut);
		}
		if (refunded.lines > 0) {
			append.refundedSince = refunded;
			note('import_append_refunds', refunded.lines, refunded);
		}
		const back = { lines: Number(status.back_lines), orders: Number(status.back_orders) };
		if (back.lines > 0) {
			append.statusCountedAgain = back;
			note('import_append_status_back', back.lines, back);
		}
		const merged = `${table}_merged`;
		q(`DROP TABLE IF EXISTS ${merged}`);
		q(`CREATE TABLE ${merged} AS SELECT * FROM ${table} UNION ALL BY NAME SELECT * FROM ${fresh}
			ORDER BY ds, src_row`);
		q(`DROP TABLE ${table}`);
		q(`ALTER TABLE ${merged} RENAME TO ${table}`);
		// Returns and sales of both files matched as one import would: a return in this file cancels
		// the sale stored from the earlier one (same customer or order, product and quantity, 30 days).
		const cancelledBefore = countCancelled(ctx, table);
		q(`UPDATE ${table} SET cancelled = false, is_return = excluded IS NOT NULL WHERE cancelled`);
		cancelMatchedSales(
			ctx,
			table,
			'rowid',
			SAME_BUYER,
			'(NOT s.is_return OR s.excluded IS NOT NULL) AND NOT s.cancelled',
		);
		const cancelledAfter = countCancelled(ctx, table);
		const cancelled = {
			lines: Math.max(0, cancelledAfter.lines - cancelledBefore.lines),
			units: Math.max(0, cancelledAfter.units - cancelledBefore.units),
		};
		if (cancelled.lines > 0) {
			append.cancelledStored = cancelled;
			issues.push({
				severity: 'info',
				code: 'import_append_cancelled',
				file,
				count: cancelled.lines,
				message: 'import_append_cancelled',
				params: { name: meta.name, lines: cancelled.lines, units: cancelled.units },
			});
		}
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
		q('DROP TABLE IF EXISTS ap_status');
	}
}

/** Whether `table` has column `name`. */
function hasColumn(ctx: DataContext, table: string, name: string): boolean {
	return (
		ctx.scalar(`SELECT count(*)::DOUBLE FROM information_schema.columns
			WHERE table_name = '${table}' AND column_name = '${name}'`) > 0
	);
}

/**
 * Stored sales lines this file says were refunded since (or refunded otherwise than stored): they take
 * the file's quantity, revenue and return flag, as the newer file's status wins. Lines left out or
 * cancelled on either side are the other rules'. Returns the lines changed and the sold units taken off.
 */
function refundsSince(
	ctx: DataContext,
	table: string,
	fresh: string,
	pair: string,
): { lines: number; units: number } {
	ctx.q(`CREATE OR REPLACE TEMP TABLE ap_refund AS SELECT o.rowid AS rid,
			any_value(n.quantity) AS nq, any_value(n.revenue) AS nr, any_value(n.is_return) AS nret,
			any_value(n.sold_qty) AS ns, any_value(o.quantity) AS oq, any_value(o.is_return) AS oret
		FROM ${table} o JOIN ${fresh} n ON ${pair} AND n.order_id IS NOT NULL AND o.order_id = n.order_id
		WHERE o.excluded IS NULL AND n.excluded IS NULL AND NOT o.cancelled AND NOT n.cancelled
			AND (o.sold_qty IS NOT NULL OR n.sold_qty IS NOT NULL)
			AND (o.quantity <> n.quantity OR o.is_return <> n.is_return)
		GROUP BY o.rowid`);
	try {
		const r = ctx.rows(`SELECT count(*)::DOUBLE AS lines, coalesce(sum(
				CASE WHEN oret THEN 0 ELSE oq END - CASE WHEN nret THEN 0 ELSE nq END), 0)::DOUBLE AS units
			FROM ap_refund`)[0];
		ctx.q(`UPDATE ${table} SET quantity = a.nq, revenue = a.nr, is_return = a.nret, sold_qty = a.ns
			FROM ap_refund a WHERE ${table}.rowid = a.rid`);
		return { lines: Number(r?.lines ?? 0), units: Number(r?.units ?? 0) };
	} finally {
		ctx.q('DROP TABLE IF EXISTS ap_refund');
	}
}

/** Cancelled sales of a table: lines and units. */
function countCancelled(ctx: DataContext, table: string): { lines: number; units: number } {
	const r = ctx.rows(`SELECT count(*)::DOUBLE AS n, coalesce(sum(quantity), 0)::DOUBLE AS u
		FROM ${table} WHERE cancelled`)[0];
	return { lines: Number(r.n), units: Number(r.u) };
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
