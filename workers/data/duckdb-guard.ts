// Keeps DuckDB-WASM inside the app: no file, URL or extension access, for imports and for the SQL console.
// - hardenDuckDb(): external access off (only our own registered files under STAGING_DIR can be read),
//   no extension auto-install/auto-load (json/parquet would be fetched from extensions.duckdb.org), and
//   the configuration locked so a console query cannot turn any of it back on. Measured on
//   DuckDB-WASM 1.32 (DuckDB 1.4.3): read_csv('http://…'), read_text, glob and SET are then refused.
// - checkConsoleSql(): the SQL console's gate — one read-only statement, and no table function or
//   string that names a file or URL — with a message code saying why.
// - duckDbFailure(): DuckDB's own error text → a message code (never shown raw to the user).
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Message } from '../../src/core/messages';
import { codedError } from './coded-error';

/** The only directory DuckDB may read: the buffers the data worker registers itself. */
export const STAGING_DIR = '/trendcast-files/';

/** Statements run once on a fresh connection, in this order (lock last). */
export const HARDENING_SQL = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	`SET allowed_directories = ['${STAGING_DIR}']`,
	'SET enable_external_access = false',
	'SET lock_configuration = true',
] as const;

/** Applies HARDENING_SQL; throws if DuckDB does not accept one of them (never run unprotected). */
export function hardenDuckDb(conn: Pick<DuckDBConnection, 'query'>): void {
	const locked = conn
		.query(
			"SELECT current_setting('lock_configuration') AS l, current_setting('enable_external_access') AS e",
		)
		.toArray()[0]
		?.toJSON() as { l?: boolean; e?: boolean } | undefined;
	// A second service over the same database: already locked, and locked with access off.
	if (locked?.l === true && locked.e === false) return;
	for (const sql of HARDENING_SQL) conn.query(sql);
}

/** Statement keywords the console accepts as the first word. */
const READ_ONLY_START = /^(select|with|describe|show|summarize|from|values|explain|table)\b/i;
/** Words that would change state or reach outside; rejected anywhere outside string literals. */
const WRITE_WORDS =
	/\b(insert|update|delete|copy|attach|detach|create|drop|alter|pragma|set|reset|install|load|call|export|import|checkpoint|vacuum|truncate|grant|use|begin|commit|rollback)\b/i;
/**
 * Table functions that read files or URLs (core and extensions). Their use is refused before DuckDB
 * sees the query; external access is off anyway, but the user gets a clear reason.
 */
const FILE_FUNCTIONS =
	/\b(read_csv(?:_auto)?|read_text|read_blob|read_parquet|parquet_scan|parquet_metadata|parquet_schema|parquet_file_metadata|parquet_kv_metadata|read_json(?:_auto|_objects(?:_auto)?)?|read_ndjson(?:_auto|_objects)?|json_execute_serialized_sql|glob|sniff_csv|read_xlsx|st_read|sqlite_scan|sqlite_attach|postgres_scan|mysql_scan|iceberg_scan|delta_scan|httpfs_\w+|read_[a-z_]+)\s*\(/i;
/** A quoted name or string that looks like a URL or a file path (DuckDB's replacement scans read them). */
const PATH_LIKE =
	/^(?:[a-z][a-z0-9+.-]*:\/\/|file:|\.{0,2}\/[\w.-]|[a-z]:\\)|\.(?:csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|xlsx|db|duckdb|sqlite|arrow|ipc)$/i;

/** Checks that `sql` is one read-only statement naming no file or URL; returns it without a trailing semicolon. */
export function checkConsoleSql(sql: string): string {
	const noComments = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
	const quoted: string[] = [];
	const noStrings = noComments
		.replace(/'((?:[^']|'')*)'/g, (_m, s: string) => (quoted.push(s.replace(/''/g, "'")), "''"))
		.replace(/"((?:[^"]|"")*)"/g, (_m, s: string) => (quoted.push(s.replace(/""/g, '"')), '""'));
	const trimmed = noStrings.trim().replace(/;\s*$/, '');
	const refuse = (code: string, params?: Record<string, string>) =>
		codedError('ReadOnlySql', code, params);
	if (trimmed === '') throw refuse('import_sql_empty');
	if (trimmed.includes(';')) throw refuse('import_sql_one_statement');
	const fn = FILE_FUNCTIONS.exec(trimmed);
	if (fn) throw refuse('import_sql_file_access', { name: fn[1].toLowerCase() });
	const path = quoted.find((s) => PATH_LIKE.test(s.trim()));
	if (path !== undefined)
		throw refuse('import_sql_file_access', { name: path.trim().slice(0, 80) });
	if (!READ_ONLY_START.test(trimmed)) throw refuse('import_sql_read_only');
	const bad = WRITE_WORDS.exec(trimmed);
	if (bad) throw refuse('import_sql_word_refused', { word: bad[1].toUpperCase() });
	return noComments.trim().replace(/;\s*$/, '');
}

/** First meaningful line of a DuckDB error, for a message parameter (technical detail, not the message). */
export function duckDbDetail(e: unknown): string {
	return (
		String((e as Error)?.message ?? e)
			.split('\n')
			.find((l) => l.trim() !== '')
			?.trim()
			.slice(0, 300) ?? ''
	);
}

/** True for DuckDB's out-of-memory errors (and the engine's own "memory access out of bounds"). */
export function isOutOfMemory(e: unknown): boolean {
	return /Out of Memory Error|failed to allocate|memory access out of bounds|Cannot allocate|Array buffer allocation failed|Invalid array length|Invalid string length/i.test(
		String((e as Error)?.message ?? e),
	);
}

/** A console query's DuckDB error → a message code (the DuckDB line goes along as a detail for power users). */
export function consoleFailure(e: unknown): Message {
	const text = String((e as Error)?.message ?? e);
	if (/Permission Error|file system operations are disabled|external access/i.test(text))
		return { code: 'import_sql_file_access', params: { name: duckDbDetail(e).slice(0, 80) } };
	if (/exists in the \w+ extension|INSTALL \w+/i.test(text)) {
		const ext = /exists in the (\w+) extension/.exec(text)?.[1] ?? '';
		return { code: 'import_sql_extension', params: { name: ext } };
	}
	if (isOutOfMemory(e)) return { code: 'import_sql_out_of_memory' };
	return { code: 'import_sql_error', params: { detail: duckDbDetail(e) } };
}
