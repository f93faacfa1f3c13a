// The data worker's shared state, handed to every job module: one hardened DuckDB connection with its
// query helpers, the Dexie database, the injected clock/ids, the staged imports and the loaded datasets.
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { decompressedLimit } from '../../src/core/ingest/limits';
import type { DateOrder, FileFormat, ImportIssue, Progress } from '../../src/core/ingest/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import { hardenDuckDb, readableDuckDbError } from './duckdb-guard';

/** A file handed to the worker. */
export interface FileInput {
	name: string;
	bytes: ArrayBuffer;
}

export interface StorageInfo {
	usedBytes: number;
	quotaBytes: number;
	persisted: boolean;
}

export type ProgressFn = (p: Progress) => void;

/** What the service needs from its host. */
export interface DataServiceDeps {
	/** Instantiated DuckDB bindings (blocking build). */
	duckdb: DuckDBBindings;
	/** The Trendcast Dexie database (src/lib/db/db.ts). */
	db: TrendcastDb;
	/** Fetches the demo file (gzip CSV); default `fetch(demoUrl)`. */
	fetchDemo?: () => Promise<ArrayBuffer>;
	/** URL of the demo file for the default fetchDemo. */
	demoUrl?: string;
	/** Storage estimate; default navigator.storage.estimate(), else the stored bytes with quota 0 (unknown). */
	estimate?: () => Promise<StorageInfo>;
	/** Clock and id source (tests inject them). */
	now?: () => number;
	newId?: () => string;
	/** Decompressed-size budget of a packed file (default decompressedLimit; tests use a small one). */
	unpackLimit?: (packedBytes: number) => number;
}

/** A file read into an all-VARCHAR staging table, waiting for the user's mapping. */
export interface Staged {
	importId: string;
	table: string;
	fileName: string;
	format: FileFormat;
	encoding: string;
	columns: string[];
	rowCount: number;
	issues: ImportIssue[];
	dateOrder: DateOrder;
}

export type ArrowTable = ReturnType<DuckDBConnection['query']>;

export interface DataContext {
	deps: DataServiceDeps;
	duckdb: DuckDBBindings;
	conn: DuckDBConnection;
	db: TrendcastDb;
	now: () => number;
	newId: () => string;
	unpackLimit: (packedBytes: number) => number;
	q: (sql: string) => ArrowTable;
	rows: (sql: string) => Record<string, unknown>[];
	/** The first cell of the first row as a number (0 when none). */
	scalar: (sql: string) => number;
	/** Next number for a registered file and its temp table (`tc_<n>.csv`, `lk_<n>`). */
	nextSeq: () => number;
	staged: Map<string, Staged>;
	/** Datasets whose table is in DuckDB. */
	loaded: Set<string>;
	/** Datasets being loaded into DuckDB (store.ensureLoaded), by id. */
	loading: Map<string, Promise<string>>;
	/** The typical gap between consecutive sale dates of each loaded dataset (ms). */
	dateSteps: Map<string, number>;
}

function defaultId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Connects to DuckDB (hardened: no file, URL or extension access) and builds the shared state. */
export function createContext(deps: DataServiceDeps): DataContext {
	const { duckdb, db } = deps;
	const conn = duckdb.connect();
	// No file, URL or extension access from here on, and the console cannot turn it back on.
	hardenDuckDb(conn);
	let fileSeq = 0;
	const q = (sql: string): ArrowTable => {
		try {
			return conn.query(sql);
		} catch (e) {
			// DuckDB's structured error kept, its message worded as DuckDB words it
			throw readableDuckDbError(e);
		}
	};
	const rows = (sql: string): Record<string, unknown>[] =>
		q(sql)
			.toArray()
			.map((r) => r.toJSON() as Record<string, unknown>);
	const nextSeq = () => ++fileSeq;
	return {
		deps,
		duckdb,
		conn,
		db,
		now: deps.now ?? (() => Date.now()),
		newId: deps.newId ?? defaultId,
		unpackLimit: deps.unpackLimit ?? decompressedLimit,
		q,
		rows,
		scalar: (sql) => Number(Object.values(rows(sql)[0] ?? {})[0] ?? 0),
		nextSeq,
		staged: new Map(),
		loaded: new Set(),
		loading: new Map(),
		dateSteps: new Map(),
	};
}

/** Reports progress to a (Comlink-proxied) callback without waiting for the UI thread. */
export function progress(fn: ProgressFn | undefined, phase: string, done: number, total: number) {
	if (!fn) return;
	try {
		// A Comlink proxy returns a promise; never wait for the UI thread.
		void Promise.resolve(fn({ phase, done, total } satisfies Progress)).catch(() => {});
	} catch {
		/* progress is best effort */
	}
}
