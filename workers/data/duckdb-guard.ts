// Keeps DuckDB-WASM inside the app: no file, URL or extension access, for imports and for the SQL console.
// - hardenDuckDb(): external access off (only our own registered files under STAGING_DIR can be read),
//   no extension auto-install/auto-load (json/parquet would be fetched from extensions.duckdb.org), and
//   the configuration locked so a console query cannot turn any of it back on. Measured on
//   DuckDB-WASM 1.32 (DuckDB 1.4.3): read_csv('http://…'), read_text, glob and SET are then refused.
// - checkConsoleSql(): the SQL console's gate — one read-only statement, and no table function or
//   string that names a file or URL — with a message code saying why.
// - consoleFailure() / isOutOfMemory(): a DuckDB error → a message code, by DuckDB's structured error
//   (errors_as_json: exception type, subtype, the name it could not find) and the JS error class, never
//   its sentence; a function from an extension that is not loaded is named from the statement's calls
//   that DuckDB's own catalogs (duckdb_functions, duckdb_keywords) do not know.
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Message } from '../../src/core/messages';
import { codedError } from './coded-error';

/** The only directory DuckDB may read: the buffers the data worker registers itself. */
export const STAGING_DIR = '/trendcast-files/';

/** Statements run once on a fresh connection, in this order (lock last). */
export const HARDENING_SQL = [
	// errors as structured JSON (type, subtype, names): decided by data, never by English text
	'SET errors_as_json = true',
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

/** First words of DuckDB's other statements (refused as writes); any other first word is a misspelling. */
const STATEMENT_START =
	/^(insert|update|delete|create|drop|alter|copy|attach|detach|install|load|force|pragma|set|reset|export|import|call|checkpoint|vacuum|begin|start|commit|rollback|abort|end|use|prepare|execute|deallocate|merge|truncate|comment|analyze|upsert|replace|grant|revoke)\b/i;
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
		// dollar-quoted strings ($$…$$, $tag$…$tag$): DuckDB reads a file or URL named by one too
		.replace(/\$([A-Za-z_]\w*)?\$([\s\S]*?)\$\1\$/g, (_m, _t, s: string) => (quoted.push(s), "''"))
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
	if (!READ_ONLY_START.test(trimmed)) {
		// "SELEC 1" is a typo, not a write: say so rather than "only read-only queries".
		const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(trimmed)?.[0];
		if (word && !STATEMENT_START.test(trimmed))
			throw refuse('import_sql_not_a_command', { word: word.slice(0, 40) });
		throw refuse('import_sql_read_only');
	}
	const bad = WRITE_WORDS.exec(trimmed);
	if (bad) throw refuse('import_sql_word_refused', { word: bad[1].toUpperCase() });
	return noComments.trim().replace(/;\s*$/, '');
}

/** What DuckDB says about a failure, from its structured error (errors_as_json). */
export interface DuckDbFailure {
	/** DuckDB's exception type: 'Catalog', 'Permission', 'Parser', 'Out of Memory', … */
	type: string;
	/** Its subtype when DuckDB gives one ('MISSING_ENTRY', 'SYNTAX_ERROR', …), else null. */
	subtype: string | null;
	/** DuckDB's own text (a technical detail for power users, never matched). */
	message: string;
	/** The rest of DuckDB's fields (name, type, position, candidates …). */
	extra: Record<string, unknown>;
}

/** DuckDB's structured error behind `e` (kept on it by readableDuckDbError, or its JSON message), or null. */
export function duckDbFailure(e: unknown): DuckDbFailure | null {
	const kept = (e as { duckdb?: DuckDbFailure } | null)?.duckdb;
	if (kept) return kept;
	const text = String((e as Error)?.message ?? '');
	// DuckDB writes the JSON object alone, or (parser errors) after its type
	const at = text.indexOf('{');
	if (at < 0) return null;
	let o: Record<string, unknown>;
	try {
		o = JSON.parse(text.slice(at)) as Record<string, unknown>;
	} catch {
		return null;
	}
	if (typeof o?.exception_type !== 'string') return null;
	const { exception_type, exception_message, error_subtype, ...extra } = o;
	return {
		type: exception_type,
		subtype: typeof error_subtype === 'string' ? error_subtype : null,
		message: typeof exception_message === 'string' ? exception_message : '',
		extra,
	};
}

/**
 * A DuckDB error as the app passes it on: the message DuckDB words without JSON ("<type> Error: …", what
 * an unexpected failure shows), the structured error kept as `duckdb`. Other errors unchanged.
 */
export function readableDuckDbError(e: unknown): unknown {
	const f = duckDbFailure(e);
	if (!f || (e as { duckdb?: unknown }).duckdb) return e;
	const err = new Error(`${f.type} Error: ${f.message}`) as Error & { duckdb: DuckDbFailure };
	err.name = (e as Error)?.name || 'Error';
	err.duckdb = f;
	return err;
}

/** First meaningful line of a DuckDB error, for a message parameter (technical detail, not the message). */
export function duckDbDetail(e: unknown): string {
	return (
		String(duckDbFailure(e)?.message ?? (e as Error)?.message ?? e)
			.split('\n')
			.find((l) => l.trim() !== '')
			?.trim()
			.slice(0, 300) ?? ''
	);
}

/** The DuckDB exception type of an error ('Catalog', 'Permission', 'Out of Memory', …), or null. */
export function duckDbErrorType(e: unknown): string | null {
	return duckDbFailure(e)?.type ?? null;
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

/**
 * The functions `statement` calls that DuckDB does not know (in none of duckdb_functions(),
 * duckdb_keywords()), lower-case, in order: what an extension that is not loaded would have provided.
 */
export function unknownCalls(
	q: (sql: string) => { toArray(): { toJSON(): Record<string, unknown> }[] },
	statement: string,
): string[] {
	const code = statement
		.replace(/--[^\n]*/g, ' ')
		.replace(/\/\*[\s\S]*?\*\//g, ' ')
		.replace(/'(?:[^']|'')*'/g, "''")
		.replace(/"(?:[^"]|"")*"/g, '""');
	const called = [
		...new Set(
			[...code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((m) => m[1].toLowerCase()),
		),
	];
	if (called.length === 0) return [];
	const list = called.map((n) => `'${n}'`).join(', ');
	const known = new Set(
		q(
			`SELECT lower(function_name) AS n FROM duckdb_functions() WHERE lower(function_name) IN (${list}) ` +
				`UNION SELECT lower(keyword_name) FROM duckdb_keywords() WHERE lower(keyword_name) IN (${list})`,
		)
			.toArray()
			.map((r) => String(r.toJSON().n)),
	);
	return called.filter((n) => !known.has(n));
}

/** DuckDB's own catalog views, never what a shop owner meant. */
const SYSTEM_NAME = /^(duckdb_|pg_|sqlite_|information_schema)/i;

/** DuckDB's list of candidates ("a,b,c") without its own catalog views; the first, or ''. */
function firstCandidate(f: DuckDbFailure): string {
	const list = typeof f.extra.candidates === 'string' ? f.extra.candidates.split(',') : [];
	return list.map((c) => c.trim()).find((c) => c !== '' && !SYSTEM_NAME.test(c)) ?? '';
}

/**
 * What kind of value a DuckDB type holds, in a shop owner's terms (each language words the kind):
 * 'text', 'number', 'date', 'yesno' or 'other'.
 */
export function typeKind(type: string): string {
	const t = type.trim().toUpperCase();
	if (/^(VARCHAR|STRING_LITERAL|CHAR|TEXT|STRING|BPCHAR)\b/.test(t)) return 'text';
	if (
		/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?(8|16|32|64|128)?|INTEGER_LITERAL|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC|BIGNUM)\b/.test(
			t,
		)
	)
		return 'number';
	if (/^(DATE|TIMESTAMP|TIME)\b/.test(t)) return 'date';
	if (/^BOOL(EAN)?\b/.test(t)) return 'yesno';
	return 'other';
}

/** The user's own word at DuckDB's error position (a name or an operator), or null. */
function userWord(
	f: DuckDbFailure,
	typed: { statement: string; offset: number } | undefined,
): string | null {
	if (!typed) return null;
	const at = Number(f.extra.position) - typed.offset;
	if (!Number.isInteger(at) || at < 0) return null;
	const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[^\sA-Za-z0-9_()'"]+)/.exec(typed.statement.slice(at));
	return m ? m[0].slice(0, 40) : null;
}

/**
 * Type slips and ambiguous names. DuckDB 1.4 gives these no subtype and no field (only a position), so
 * its sentence is read with anchored patterns for the user's own names and values; any other wording
 * falls through to the generic message with DuckDB's text as a detail (tests pin the patterns).
 */
function typeSlip(f: DuckDbFailure): Message | null {
	const text = f.message;
	if (f.type === 'Conversion') {
		const cast =
			/^Could not convert string '(.*)' to ([A-Z][A-Z0-9_]*)(?: when casting from source column (\S+))?/s.exec(
				text,
			);
		if (cast)
			return {
				code: 'import_sql_convert',
				params: { value: cast[1].slice(0, 40), kind: typeKind(cast[2]), column: cast[3] ?? '' },
			};
		const date = /^invalid (?:date|timestamp)\w* field format: "(.*)"/s.exec(text);
		if (date)
			return {
				code: 'import_sql_convert',
				params: { value: date[1].slice(0, 40), kind: 'date', column: '' },
			};
		return null;
	}
	if (f.type !== 'Binder') return null;
	const compare = /^Cannot compare values of type (.+?) and type (.+?) - /.exec(text);
	if (compare)
		return {
			code: 'import_sql_compare',
			params: { a: typeKind(compare[1]), b: typeKind(compare[2]) },
		};
	const ambiguous = /^Ambiguous reference to column name "([^"]+)" \(use: (.*)\)\s*$/s.exec(text);
	if (ambiguous) {
		const options = [...ambiguous[2].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
		return {
			code: 'import_sql_ambiguous',
			params: { name: ambiguous[1], options: options.slice(0, 4).join('\n') },
		};
	}
	const group = /^column "([^"]+)" must appear in the GROUP BY clause/.exec(text);
	if (group) return { code: 'import_sql_group_by', params: { name: group[1] } };
	return null;
}

/**
 * The usual slips in a typed query, worded by the app rather than by DuckDB's English: a syntax error
 * (where, in the user's own text: the console wraps a SELECT in `SELECT * FROM (…) LIMIT n`, and DuckDB
 * named the wrapper's ")"), a table or a column that does not exist (with DuckDB's nearest name), a
 * function or operator given the wrong kind of values, a value of the wrong kind, a column name two
 * joined tables share, a column neither grouped nor summed.
 */
function typoFailure(
	f: DuckDbFailure | null,
	typed: { statement: string; offset: number } | undefined,
): Message | null {
	if (!f) return null;
	const name = typeof f.extra.name === 'string' ? f.extra.name : '';
	if (f.type === 'Catalog' && f.subtype === 'MISSING_ENTRY' && f.extra.type === 'Table' && name)
		return { code: 'import_sql_no_table', params: { name, hint: firstCandidate(f) || 'sales' } };
	if (f.type === 'Binder' && f.subtype === 'COLUMN_NOT_FOUND' && name)
		return { code: 'import_sql_no_column', params: { name, hint: firstCandidate(f) } };
	if (
		f.type === 'Binder' &&
		f.subtype === 'NO_MATCHING_FUNCTION' &&
		typeof f.extra.call === 'string'
	) {
		// the function or operator as the user wrote it ("LIKE", not DuckDB's "~~"), its arguments' kinds
		const word = userWord(f, typed) ?? name;
		const args = /\((.*)\)\s*$/s.exec(f.extra.call)?.[1] ?? '';
		const kinds = args === '' ? [] : args.split(/,\s*/).map(typeKind);
		if (word)
			return { code: 'import_sql_wrong_args', params: { name: word, args: kinds.join(',') } };
	}
	const worded = typeSlip(f);
	if (worded) return worded;
	if (f.type === 'Parser' && f.subtype === 'SYNTAX_ERROR' && typed) {
		const at = Number(f.extra.position) - typed.offset;
		if (!Number.isInteger(at) || at < 0) return null;
		const rest = typed.statement.slice(at).trim();
		if (rest === '') return { code: 'import_sql_syntax_end' };
		return { code: 'import_sql_syntax', params: { near: rest.split(/\s+/)[0].slice(0, 40) } };
	}
	return null;
}

/**
 * A console query's DuckDB error → a message code (DuckDB's own text goes along as a detail for power
 * users). A Catalog error without a subtype is an entry of an extension that is not loaded (DuckDB gives
 * a missing entry the subtype MISSING_ENTRY); `unknown` names the function the statement calls for it.
 */
export function consoleFailure(
	e: unknown,
	unknown: () => string[] = () => [],
	typed?: { statement: string; offset: number },
): Message {
	const f = duckDbFailure(e);
	const said = typoFailure(f, typed);
	if (said) return said;
	if (f?.type === 'Permission')
		// the file or address the query names (the user's own text), not DuckDB's sentence cut short
		return {
			code: 'import_sql_file_access',
			params: { name: /'([^'\n]{1,120})'/.exec(typed?.statement ?? '')?.[1] ?? '' },
		};
	if (
		f?.type === 'Catalog' &&
		f.subtype === 'MISSING_ENTRY' &&
		/Function/.test(String(f.extra.type))
	)
		return {
			code: 'import_sql_no_function',
			params: {
				name: String(f.extra.name ?? ''),
				hint: firstCandidate(f),
				window: WINDOW_ONLY.has(String(f.extra.name ?? '').toLowerCase()) ? 'yes' : 'no',
			},
		};
	if (f?.type === 'Catalog' && f.subtype === null) {
		let name: string | undefined;
		try {
			name = unknown()[0];
		} catch {
			name = undefined;
		}
		return name
			? { code: 'import_sql_extension', params: { name } }
			: { code: 'import_sql_extension_unnamed' };
	}
	if (isOutOfMemory(e)) return { code: 'import_sql_out_of_memory' };
	return genericFailure(e, f, typed);
}

/** Window functions that exist only with OVER (…): DuckDB calls them unknown scalar functions. */
const WINDOW_ONLY: ReadonlySet<string> = new Set([
	'row_number',
	'rank',
	'dense_rank',
	'percent_rank',
	'cume_dist',
	'ntile',
	'lag',
	'lead',
	'first_value',
	'last_value',
	'nth_value',
]);

/** The kind of failure, for the generic sentence (each language words it). */
function failureKind(f: DuckDbFailure | null): string {
	if (!f) return 'other';
	if (f.subtype === 'UNSUPPORTED') return 'unsupported';
	switch (f.type) {
		case 'Parser':
			return 'syntax';
		case 'Binder':
			return 'binder';
		case 'Catalog':
			return 'missing';
		case 'Conversion':
		case 'Invalid Input':
			return 'value';
		case 'Out of Range':
			return 'range';
		default:
			return 'other';
	}
}

/**
 * Any other failure, in the app's words: what kind it is, where in the user's query (line and column of
 * DuckDB's position, the word there) and the names or values DuckDB quotes (at most 3, its own schema
 * prefixes dropped). DuckDB's whole first line goes along as `detail`, for the collapsed technical note.
 */
function genericFailure(
	e: unknown,
	f: DuckDbFailure | null,
	typed: { statement: string; offset: number } | undefined,
): Message {
	const params: Record<string, string | number> = { kind: failureKind(f), line: 0, column: 0 };
	const at = typed ? Number(f?.extra.position) - typed.offset : NaN;
	if (typed && Number.isInteger(at) && at >= 0 && at <= typed.statement.length) {
		const before = typed.statement.slice(0, at).split('\n');
		params.line = before.length;
		params.column = before[before.length - 1].length + 1;
		const word = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[^\sA-Za-z0-9_()'"]+)/.exec(
			typed.statement.slice(at),
		);
		params.near = word ? word[0].slice(0, 40) : '';
	}
	// DuckDB qualifies a table with its own catalog ("temp".main.sales): the user wrote sales
	const first = (f?.message.split('\n')[0] ?? '').replace(
		/"?\b(?:temp|memory|system)"?\.main\./g,
		'',
	);
	const quoted = [...first.matchAll(/"([^"]{1,60})"|'([^']{1,60})'/g)]
		.map((m) => m[1] ?? m[2])
		// DuckDB's own advice ("AS my_alias") is no name of the user's
		.filter(
			(n, i, all) => n !== '' && all.indexOf(n) === i && !SYSTEM_NAME.test(n) && !/^AS\s/i.test(n),
		);
	params.names = quoted.slice(0, 3).join('\n');
	// DuckDB's whole text (never cut): the technical note quotes it as it is
	params.detail = (f?.message ?? String((e as Error)?.message ?? e)).trim();
	return { code: 'import_sql_failed', params };
}
