// The SQL console: one read-only statement (duckdb-guard.ts checks it) over a dataset's views, rows capped,
// Arrow cells turned into plain JS values; DuckDB's errors become message codes.
import { stringColumn } from './arrow';
import { codedError } from './coded-error';
import type { ArrowTable, DataContext } from './context';
import { checkConsoleSql, consoleFailure, unknownCalls } from './duckdb-guard';
import { lit } from './sql';
import { ensureLoaded, metaOf } from './store';

/** Rows returned by runSql at most; `truncated` says when more existed. */
export const SQL_ROW_CAP = 1000;

export interface SqlResult {
	columns: string[];
	rows: (string | number | boolean | null)[][];
	truncated: boolean;
}

/** The SQL console's gate (workers/data/duckdb-guard.ts), under its older name. */
export const checkReadOnlySql = checkConsoleSql;

/** Plain JS value of an Arrow cell for SqlResult rows. */
function toCell(v: unknown, typeName: string): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number') {
		if (/^(Timestamp|Date)/.test(typeName) && Number.isFinite(v))
			return new Date(v)
				.toISOString()
				.replace('T', ' ')
				.replace(/\.000Z$|Z$/, '');
		return v;
	}
	if (typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString();
	const dec = /^Decimal\[\d+e(-?\d+)\]/.exec(typeName);
	if (dec) return Number(String(v)) / 10 ** Number(dec[1]);
	try {
		return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
	} catch {
		return String(v);
	}
}

/**
 * Runs one read-only statement of the SQL console over a dataset, exposed as the views sales, returns,
 * cancelled, excluded_orders and non_product; at most SQL_ROW_CAP rows come back.
 */
export async function runSql(ctx: DataContext, datasetId: string, sql: string): Promise<SqlResult> {
	const { q } = ctx;
	const statement = checkConsoleSql(sql);
	await metaOf(ctx, datasetId);
	const table = await ensureLoaded(ctx, datasetId);
	// Datasets imported before cancellation matching have no `cancelled` column, and those imported
	// before the exclusion rules no `excluded` one.
	const has = new Set(
		stringColumn(
			q(`SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(table)}`),
			'column_name',
		),
	);
	const hide = `(${['is_return', 'cancelled', 'excluded'].filter((c) => has.has(c)).join(', ')})`;
	const cancelled = has.has('cancelled') ? 'cancelled' : 'false';
	const excluded = (reason: string) =>
		has.has('excluded') ? `excluded = ${lit(reason)}` : 'false';
	const views: Record<string, string> = {
		sales: 'NOT is_return',
		returns: `is_return AND NOT ${cancelled}${has.has('excluded') ? ' AND excluded IS NULL' : ''}`,
		cancelled,
		// Lines of refunded / cancelled / failed orders (the order-status rule).
		excluded_orders: excluded('status'),
		// Postage, fees, adjustments … (the non-product rule).
		non_product: excluded('non_product'),
	};
	for (const [name, where] of Object.entries(views))
		q(
			`CREATE OR REPLACE TEMP VIEW ${name} AS SELECT * EXCLUDE ${hide} FROM ${table} WHERE ${where}`,
		);
	const wrap = /^(select|with|from|values|table)\b/i.test(statement);
	let res: ArrowTable;
	const head = wrap ? 'SELECT * FROM (' : '';
	try {
		res = q(wrap ? `${head}${statement}) LIMIT ${SQL_ROW_CAP + 1}` : statement);
	} catch (e) {
		const m = consoleFailure(e, () => unknownCalls(q, statement), {
			statement,
			offset: head.length,
		});
		throw codedError('SqlError', m.code, m.params);
	}
	const fields = res.schema.fields;
	const columns = fields.map((f) => f.name);
	const types = fields.map((f) => String(f.type));
	const all = res.toArray();
	const truncated = all.length > SQL_ROW_CAP;
	const out = all.slice(0, SQL_ROW_CAP).map((r) => {
		const o = r.toJSON() as Record<string, unknown>;
		return columns.map((c, i) => toCell(o[c], types[i]));
	});
	return { columns, rows: out, truncated };
}
