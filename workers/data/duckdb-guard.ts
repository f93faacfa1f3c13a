// Keeps DuckDB-WASM inside the app: no file, URL or extension access, for imports and for the SQL console.
// - hardenDuckDb(): external access off (only our own registered files under STAGING_DIR can be read),
//   no extension auto-install/auto-load (json/parquet would be fetched from extensions.duckdb.org), and
//   the configuration locked so a console query cannot turn any of it back on. Measured on
//   DuckDB-WASM 1.32 (DuckDB 1.4.3): read_csv('http://…'), read_text, glob and SET are then refused.
// - checkConsoleSql(): the SQL console's gate — one read-only statement, and no table function or
//   string that names a file or URL — with a message code saying why.
// - consoleFailure() / isOutOfMemory(): a DuckDB error → a message code, by DuckDB's exception type (the
//   "<type> Error:" enum every DuckDB message starts with) and the JS error class, never its sentence.
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

/**
 * DuckDB's exception types (ExceptionTypeToString in DuckDB's exception.cpp): every DuckDB error
 * message starts with "<type> Error: ". The type is an enum name, read as a token, not the sentence.
 */
const DUCKDB_ERROR_TYPES = new Set([
	'Invalid',
	'Out of Range',
	'Conversion',
	'Unknown Type',
	'Decimal',
	'Mismatch Type',
	'Divide by Zero',
	'Object Size',
	'Invalid type',
	'Serialization',
	'TransactionContext',
	'Not implemented',
	'Expression',
	'Catalog',
	'Parser',
	'Binder',
	'Planner',
	'Scheduler',
	'Executor',
	'Constraint',
	'Index',
	'Stat',
	'Connection',
	'Syntax',
	'Settings',
	'Optimizer',
	'NullPointer',
	'IO',
	'INTERRUPT',
	'FATAL',
	'INTERNAL',
	'Invalid Input',
	'Out of Memory',
	'Permission',
	'Parameter Not Resolved',
	'Parameter Not Allowed',
	'Dependency',
	'HTTP',
	'Missing Extension',
	'Auto-load',
	'Sequence',
	'INVALID CONFIGURATION',
]);

/** The DuckDB exception type of an error ('Catalog', 'Permission', 'Out of Memory', …), or null. */
export function duckDbErrorType(e: unknown): string | null {
	const text = String((e as Error)?.message ?? e);
	const end = text.indexOf(' Error: ');
	if (end <= 0) return null;
	const type = text.slice(0, end);
	return DUCKDB_ERROR_TYPES.has(type) ? type : null;
}

/**
 * True for running out of memory: DuckDB's "Out of Memory" type, the engine's allocation failures
 * (RangeError: array buffer / array / string too large) and a wasm trap (memory access out of bounds).
 */
export function isOutOfMemory(e: unknown): boolean {
	if (duckDbErrorType(e) === 'Out of Memory') return true;
	if (e instanceof RangeError) return true;
	const Trap = (globalThis as { WebAssembly?: { RuntimeError?: new () => Error } }).WebAssembly
		?.RuntimeError;
	return Trap !== undefined && e instanceof Trap;
}

/** Extensions DuckDB knows (what its Catalog errors name for a function it lacks). */
const DUCKDB_EXTENSIONS = new Set([
	'json',
	'parquet',
	'icu',
	'httpfs',
	'fts',
	'excel',
	'inet',
	'spatial',
	'tpch',
	'tpcds',
	'autocomplete',
	'sqlite_scanner',
	'postgres_scanner',
	'mysql_scanner',
	'delta',
	'iceberg',
	'aws',
	'azure',
	'vss',
	'substrait',
	'arrow',
]);

/** The extension a Catalog error names (a known extension's name as a token of it), or null. */
function missingExtension(e: unknown): string | null {
	if (duckDbErrorType(e) !== 'Catalog') return null;
	const text = String((e as Error)?.message ?? e).split('\n')[0];
	// the object DuckDB could not find is quoted; the extension name stands unquoted after it
	const unquoted = text.replace(/"[^"]*"/g, ' ');
	return unquoted.split(/[^A-Za-z0-9_]+/).find((w) => DUCKDB_EXTENSIONS.has(w)) ?? null;
}

/** A console query's DuckDB error → a message code (the DuckDB line goes along as a detail for power users). */
export function consoleFailure(e: unknown): Message {
	if (duckDbErrorType(e) === 'Permission')
		return { code: 'import_sql_file_access', params: { name: duckDbDetail(e).slice(0, 80) } };
	const ext = missingExtension(e);
	if (ext !== null) return { code: 'import_sql_extension', params: { name: ext } };
	if (isOutOfMemory(e)) return { code: 'import_sql_out_of_memory' };
	return { code: 'import_sql_error', params: { detail: duckDbDetail(e) } };
}
