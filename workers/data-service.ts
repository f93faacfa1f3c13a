// The data worker's logic, with DuckDB and Dexie injected so the same code runs in the browser worker
// (DuckDB-WASM blocking build, IndexedDB) and in Node tests (duckdb-node-blocking, fake-indexeddb).
// Import = decode/sniff → all-VARCHAR staging table → clean with the pure parsers of src/core/ingest
// applied to each column's DISTINCT values (joined back in SQL) → normalized table → gzip'ed Arrow IPC
// bytes + metadata written to Dexie in one transaction. Datasets are loaded back into DuckDB lazily.
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { guessMapping } from '../src/core/ingest/columns';
import { DecodeError, decodeBytes, detectEncoding } from '../src/core/ingest/encoding';
import {
	DATE_PLACEHOLDER_PATTERN,
	dateShare,
	inferDateOrder,
	isDatePlaceholder,
	inferDecimalSeparator,
	parseDate,
	parseNumber,
	type DecimalSeparator,
} from '../src/core/ingest/parse';
import { csvCell, parseCsv } from '../src/core/ingest/csv';
import { sniffDelimiter, sniffFormat } from '../src/core/ingest/sniff';
import { createProductQueries } from './data/products';
import { createHierarchyQueries } from './data/hierarchy';
import {
	carryOver,
	nextPeriod,
	periodEdges,
	periodStart,
	typicalStep,
} from '../src/core/series/calendar';
import type {
	ColumnMapping,
	ColumnRole,
	DatasetMeta,
	DateOrder,
	FileFormat,
	ImportIssue,
	ImportOptions,
	ImportPreview,
	ImportReport,
	MappingCheck,
	PreviewColumn,
	ProductSummary,
	Progress,
} from '../src/core/ingest/types';
import type { MessageParam } from '../src/core/messages';
import type { Frequency, SeriesBatch } from '../src/core/types';
import { announceDatasetsChanged } from '../src/lib/db/changes';
import type { DatasetBlobRow, TrendcastDb } from '../src/lib/db/db';
import { deleteModelsOfDataset } from '../src/lib/db/models';
import {
	addExcludedColumn,
	applyNonProduct,
	applyOrderStatus,
	exclusionIssues,
} from './data/exclusions';
import type {
	DataWorkerApi,
	FileInput,
	OrderLineColumns,
	ProgressFn,
	SeriesQuery,
	SqlResult,
	StorageInfo,
} from './data-api';
import { codedError } from './data/coded-error';
import { isOutOfMemory } from './data/duckdb-guard';
import { GunzipError, gunzipLimited } from './data/decompress';
import { codedIssue } from './data/issues';
import {
	decompressedLimit,
	EARLIEST_SALE_YEAR,
	LATEST_SALE_AHEAD_DAYS,
	MAX_COLUMNS,
	MAX_LINE_BYTES,
	MAX_QUANTITY,
	megabytes,
} from '../src/core/ingest/limits';
import { scanLines } from '../src/core/ingest/lines';
import {
	fieldOf,
	JsonRecordsError,
	parseJsonRecords,
	recordKeys,
} from '../src/core/ingest/json-records';
import { XlsxError, xlsxToCsv as readXlsx } from '../src/core/ingest/xlsx';
import { checkConsoleSql, consoleFailure, hardenDuckDb, STAGING_DIR } from './data/duckdb-guard';
import { datasetTable, ident, lit } from './data/sql';
import { detectStagedCurrency, setDatasetCurrency } from './data/currency';
import { unpivotWide } from './data/wide';
import { isCurrencyCode } from '../src/core/ingest/currency';

export { datasetTable, ident, lit };

/** How dataset bytes are stored in `datasetBlobs`. */
export const BLOB_FORMAT = 'arrow-ipc-stream+gzip';
/** Rows returned by runSql at most; `truncated` says when more existed. */
export const SQL_ROW_CAP = 1000;
/** Sample rows read for the preview and the mapping guess. */
const PREVIEW_ROWS = 200;
/** Distinct date values scanned to infer the day/month order in the preview. */
const DATE_SCAN_VALUES = 20_000;
/** A return cancels a sale to the same customer of the same product and quantity this many days before. */
export const CANCEL_WINDOW_DAYS = 30;
/** Product id used when the file has no product column. */
export const ALL_PRODUCTS_ID = '(all products)';
/** Product id for rows whose product cell is blank. */
export const BLANK_PRODUCT_ID = '(blank)';
/** Fixed id of the demo dataset: tabs importing the demo at the same time store it once. */
export const DEMO_DATASET_ID = 'demo-online-retail';
/** The demo is a UK shop: its prices are in pounds (the file does not say so). */
export const DEMO_CURRENCY = 'GBP';

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

interface Staged {
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

type ArrowTable = ReturnType<DuckDBConnection['query']>;

/** An Error with a stable `name` the UI can branch on (class identity is lost across Comlink). */
export function namedError(name: string, message: string): Error {
	const err = new Error(message);
	err.name = name;
	return err;
}

/** Quotes one CSV field (RFC 4180) for DuckDB: data, not an export, so no formula neutralising. */
function csvField(value: string): string {
	return csvCell(value, { formulaSafe: false, quoteAll: true });
}

function defaultId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Gunzips bytes with the platform DecompressionStream (browsers, workers, Node ≥ 18). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Gzips bytes with the platform CompressionStream. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * DuckDB's runQuery returns the Arrow IPC *file* format ("ARROW1" … footer … "ARROW1"), but
 * insertArrowFromIPCStream wants the *stream* format. The file format is the stream (with its
 * end-of-stream marker) between an 8-byte header and the footer, so we cut it out.
 */
export function arrowFileToStream(bytes: Uint8Array): Uint8Array {
	const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
	const isFile = magic.every((b, i) => bytes[i] === b && bytes[bytes.length - 6 + i] === b);
	if (!isFile) return bytes;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const footerLength = view.getInt32(bytes.length - 10, true);
	return bytes.subarray(8, bytes.length - 10 - footerLength);
}

/** True for IndexedDB/Dexie quota errors, whatever wraps them. */
export function isQuotaError(e: unknown): boolean {
	let cur: unknown = e;
	for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
		const o = cur as { name?: string; inner?: unknown; message?: string };
		if (o.name === 'QuotaExceededError' || /quota/i.test(o.message ?? '')) return true;
		cur = o.inner;
	}
	return false;
}

function formatMb(bytes: number): string {
	return `${megabytes(bytes)} MB`;
}

/** The message code for lines DuckDB rejected, by reason (never DuckDB's own words). */
function malformedCode(duckdbText: string): string {
	if (/unterminated quote/i.test(duckdbText)) return 'import_malformed_quote';
	if (/Maximum line size/i.test(duckdbText)) return 'import_malformed_long';
	if (/Expected Number of Columns/i.test(duckdbText)) return 'import_malformed_fields';
	return 'import_malformed_other';
}

/** The separator as a word for messages ('tab' for a tab). */
function separatorName(delimiter: string): string {
	return delimiter === '\t' ? 'tab' : `“${delimiter}”`;
}

/**
 * Whether header cell i belongs to a run of three or more consecutive integers ("0,1,2,…,11"), the
 * column names pandas and spreadsheets give wide tables: names, not a first row of data.
 */
export function inIndexRun(columns: readonly string[], i: number): boolean {
	const int = (k: number) =>
		/^\d{1,4}$/.test(columns[k]?.trim() ?? '') ? Number(columns[k]) : NaN;
	if (Number.isNaN(int(i))) return false;
	let lo = i;
	let hi = i;
	while (lo > 0 && int(lo - 1) === int(lo) - 1) lo--;
	while (hi < columns.length - 1 && int(hi + 1) === int(hi) + 1) hi++;
	return hi - lo + 1 >= 3;
}

const TRUNC: Record<Frequency, string> = { day: 'day', week: 'week', month: 'month' };

const ORDER_EXAMPLE: Record<DateOrder, string> = {
	dmy: 'day/month/year like 18/01/2011',
	mdy: 'month/day/year like 01/18/2011',
	ymd: 'year-month-day like 2011-01-18',
};

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

/** Strings of one Arrow column (nulls kept as null). */
function stringColumn(table: ArrowTable, name: string): (string | null)[] {
	const col = table.getChild(name);
	if (!col) return [];
	const out: (string | null)[] = [];
	for (const v of col) out.push(v == null ? null : String(v));
	return out;
}

/** Numbers of one Arrow column. */
function numberColumn(table: ArrowTable, name: string): number[] {
	const col = table.getChild(name);
	if (!col) return [];
	const out: number[] = [];
	for (const v of col) out.push(v == null ? NaN : Number(v));
	return out;
}

/** Column names from the first line: quotes removed, blanks named column1…, duplicates numbered. */
export function headerOf(text: string, delimiter: string): string[] {
	const fields = parseCsv(text, { delimiter, maxRows: 1 })[0] ?? [''];
	const seen = new Set<string>(['__row']);
	return fields.map((f, i) => {
		let name = f.trim() || `column${i + 1}`;
		for (let k = 1; seen.has(name); k++) name = `${f.trim() || `column${i + 1}`}_${k}`;
		seen.add(name);
		return name;
	});
}

/** Cell of a spreadsheet as CSV text: dates as "YYYY-MM-DD HH:MM:SS" (Excel's wall-clock time). */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
	const text = String(v);
	return csvCell(text, { formulaSafe: false });
}

/**
 * First sheet of an XLSX workbook → CSV text, so workbooks take the same path as CSV files
 * (src/core/ingest/xlsx.ts; unpacking stops at the decompressed-size budget of the file's size).
 */
export async function xlsxToCsv(
	bytes: Uint8Array,
	maxBytes = decompressedLimit(bytes.length),
): Promise<string> {
	return readXlsx(bytes, { maxBytes });
}

/** A Parquet cell as CSV text: DATE columns as "YYYY-MM-DD", timestamps as "YYYY-MM-DD HH:MM:SS". */
function parquetCellText(v: unknown, dateOnly: boolean): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return '';
		return dateOnly ? v.toISOString().slice(0, 10) : cellText(v);
	}
	if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (typeof v === 'string') return cellText(v);
	if (v instanceof Uint8Array) return cellText(new TextDecoder().decode(v));
	// Lists, structs and maps: JSON text, as for nested JSON values.
	return csvField(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)));
}

/**
 * A Parquet file → CSV text, so Parquet takes the same path as CSV files (DuckDB-WASM's own Parquet
 * reader is an extension it downloads at run time, which our CSP and offline use rule out).
 * hyparquet (pure JS; snappy built in, gzip/zstd/brotli/lz4 from hyparquet-compressors) is loaded
 * only when a Parquet file is picked.
 */
export async function parquetToCsv(bytes: Uint8Array): Promise<string> {
	const [{ parquetMetadata, parquetSchema, parquetRead }, { compressors }] = await Promise.all([
		import('hyparquet'),
		import('hyparquet-compressors'),
	]);
	const buffer = bytes.slice().buffer;
	const metadata = parquetMetadata(buffer);
	const fields = parquetSchema(metadata).children.map((c) => c.element);
	const names = fields.map((f) => f.name);
	const dateOnly = fields.map(
		(f) => f.converted_type === 'DATE' || f.logical_type?.type === 'DATE',
	);
	let rows: unknown[][] = [];
	await parquetRead({
		file: buffer,
		metadata,
		compressors,
		rowFormat: 'array',
		onComplete: (r: unknown[][]) => (rows = r),
	});
	const lines = [names.map((n) => cellText(n)).join(',')];
	for (const row of rows)
		lines.push(row.map((v, i) => parquetCellText(v, dateOnly[i] ?? false)).join(','));
	return lines.join('\n');
}

/** Stored datasets, newest first, straight from Dexie (no DuckDB needed: the worker answers at once). */
export async function listStoredDatasets(db: TrendcastDb): Promise<DatasetMeta[]> {
	const list = await db.datasets.orderBy('createdAt').reverse().toArray();
	// The demo stored before currencies were kept is in pounds all the same (a UK shop).
	return list.map((m) =>
		m.id === DEMO_DATASET_ID && !m.currency ? { ...m, currency: DEMO_CURRENCY } : m,
	);
}

/** navigator.storage.estimate() where it exists; else (Node) the stored dataset bytes with quota 0 = unknown. */
export async function estimateStorage(db: TrendcastDb): Promise<StorageInfo> {
	const storage = (
		globalThis as {
			navigator?: {
				storage?: {
					estimate?: () => Promise<{ usage?: number; quota?: number }>;
					persisted?: () => Promise<boolean>;
				};
			};
		}
	).navigator?.storage;
	if (storage?.estimate) {
		const e = await storage.estimate();
		const persisted = storage.persisted ? await storage.persisted() : false;
		return { usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0, persisted };
	}
	let used = 0;
	await db.datasetBlobs.each((b) => (used += b.data.byteLength));
	return { usedBytes: used, quotaBytes: 0, persisted: false };
}

/** Creates the data service over injected DuckDB bindings and Dexie database. */
export function createDataService(deps: DataServiceDeps): Omit<
	DataWorkerApi,
	// Computed by workers/data/customers.ts over orderLines().
	| 'customerInsights'
	| 'recommendForCustomer'
	| 'recommendForProduct'
	| 'setFlagMark'
	// Backup works on the Dexie database alone (workers/data/backup.ts).
	| 'exportBackup'
	| 'restoreBackup'
> & {
	/** Releases DuckDB resources of a staged import (tests, cancel). */
	discardImport(importId: string): void;
	/** Every row of a staged file as text cells (other dataset kinds: workers/data/stock.ts). */
	stagedRows(importId: string): { fileName: string; columns: string[]; rows: (string | null)[][] };
} {
	const { duckdb, db } = deps;
	const conn = duckdb.connect();
	// No file, URL or extension access from here on, and the console cannot turn it back on.
	hardenDuckDb(conn);
	const now = deps.now ?? (() => Date.now());
	const newId = deps.newId ?? defaultId;
	const unpackLimit = deps.unpackLimit ?? decompressedLimit;
	const staged = new Map<string, Staged>();
	const loaded = new Set<string>();
	/** The typical gap between consecutive sale dates of each loaded dataset (ms). */
	const dateSteps = new Map<string, number>();
	let fileSeq = 0;

	const q = (sql: string): ArrowTable => conn.query(sql);
	const rows = (sql: string): Record<string, unknown>[] =>
		q(sql)
			.toArray()
			.map((r) => r.toJSON() as Record<string, unknown>);
	const scalar = (sql: string): number => Number(Object.values(rows(sql)[0] ?? {})[0] ?? 0);

	function progress(fn: ProgressFn | undefined, phase: string, done: number, total: number) {
		if (!fn) return;
		try {
			// A Comlink proxy returns a promise; never wait for the UI thread.
			void Promise.resolve(fn({ phase, done, total } satisfies Progress)).catch(() => {});
		} catch {
			/* progress is best effort */
		}
	}

	function dropStaged(importId: string) {
		const st = staged.get(importId);
		if (!st) return;
		q(`DROP TABLE IF EXISTS ${st.table}`);
		staged.delete(importId);
	}

	function registerText(text: string): string {
		const name = `${STAGING_DIR}tc_${++fileSeq}.csv`;
		duckdb.registerFileText(name, text);
		return name;
	}

	/** Loads bytes into an all-VARCHAR staging table with a 1-based `__row`; returns issues found. */
	function stageDelimited(
		table: string,
		fileName: string,
		bytes: Uint8Array,
		delimiter: string,
		header: string[],
		issues: ImportIssue[],
	): boolean {
		const name = `${STAGING_DIR}tc_${++fileSeq}.csv`;
		duckdb.registerFileBuffer(name, bytes);
		// Our own header and dialect: DuckDB's sniffer fails on a malformed file before we can report rows.
		const cols = header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ');
		let opts = `delim=${lit(delimiter)}, header=true, auto_detect=false, columns={${cols}}, quote='"', escape='"'`;
		const create = (extra = '') =>
			q(
				`CREATE TABLE ${table} AS SELECT row_number() OVER () AS __row, * FROM read_csv(${lit(name)}, ${opts}${extra})`,
			);
		try {
			try {
				create();
				return true;
			} catch (e) {
				// Rows with fewer fields than the header (Excel drops trailing empty cells) are normal: pad
				// them with NULLs. Not always: with null_padding an unterminated quote passes silently.
				const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(
					String((e as Error).message),
				);
				if (!m || Number(m[2]) >= Number(m[1])) throw e;
				// DuckDB's parallel scanner rejects null_padding together with quoted newlines.
				opts += ', null_padding=true, parallel=false';
				create();
				return true;
			}
		} catch (e) {
			const first = String((e as Error).message ?? e)
				.split('\n')
				.filter((l) => l.trim() !== '')
				.slice(0, 2)
				.join(' ')
				.replaceAll(name, fileName);
			// Retry skipping malformed lines, and report where they are.
			try {
				create(', store_rejects=true');
				const rej = rows(
					`SELECT count(DISTINCT line)::INT AS n, min(line)::INT AS line, arg_min(error_message, line) AS msg FROM reject_errors`,
				)[0];
				const n = Number(rej?.n ?? 0);
				if (n > 0) {
					const line = Number(rej.line);
					issues.push(
						codedIssue(
							'warning',
							'malformed-rows',
							fileName,
							malformedCode(String(rej.msg)),
							{ file: fileName, line, n, separator: separatorName(delimiter) },
							{ count: n },
						),
					);
				}
				return true;
			} catch (e2) {
				if (isOutOfMemory(e2) || isOutOfMemory(first)) throw e2;
				issues.push(
					codedIssue('error', 'malformed-csv', fileName, 'import_not_a_table', {
						file: fileName,
						separator: separatorName(delimiter),
					}),
				);
				return false;
			} finally {
				q('DROP TABLE IF EXISTS reject_errors');
				q('DROP TABLE IF EXISTS reject_scans');
			}
		} finally {
			duckdb.dropFile(name);
		}
	}

	/** JSON array of objects (or {data: [...]}, or NDJSON) → CSV text for the same path as CSV files. */
	function jsonToCsv(text: string): string {
		const records = parseJsonRecords(text);
		const keys = recordKeys(records);
		const lines = [keys.map(csvField).join(',')];
		for (const r of records) {
			lines.push(
				keys
					.map((k) => {
						const v = fieldOf(r, k);
						if (v === null || v === undefined) return '';
						return csvField(typeof v === 'object' ? JSON.stringify(v) : String(v));
					})
					.join(','),
			);
		}
		return lines.join('\n');
	}

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

	/** Date order of a mapped date column from up to DATE_SCAN_VALUES distinct values. */
	function dateOrderOf(table: string, column: string) {
		const values = stringColumn(
			q(
				`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL LIMIT ${DATE_SCAN_VALUES}`,
			),
			'v',
		).filter((v): v is string => v !== null);
		return inferDateOrder(values);
	}

	/** previewFile with DuckDB's out-of-memory errors turned into a limit message naming the file. */
	async function previewFile(file: FileInput, onProgress?: ProgressFn): Promise<ImportPreview> {
		try {
			return await previewFileInner(file, onProgress);
		} catch (e) {
			if (!isOutOfMemory(e)) throw e;
			for (const id of [...staged.keys()]) dropStaged(id);
			throw codedError('ImportTooBig', 'import_out_of_memory', {
				file: file.name,
				mb: megabytes(file.bytes.byteLength),
			});
		}
	}

	async function previewFileInner(
		file: FileInput,
		onProgress?: ProgressFn,
	): Promise<ImportPreview> {
		for (const id of [...staged.keys()]) dropStaged(id);
		const importId = newId();
		let fileName = file.name;
		let bytes: Uint8Array = new Uint8Array(file.bytes);
		progress(onProgress, 'reading', 0, 4);
		const issues: ImportIssue[] = [];
		if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
			try {
				bytes = await gunzipLimited(bytes, unpackLimit(bytes.length));
				fileName = fileName.replace(/\.gz$/i, '');
			} catch (e) {
				const tooBig = e instanceof GunzipError && e.code === 'too_big';
				issues.push(
					tooBig
						? codedIssue('error', 'decompression-limit', file.name, 'import_unpacked_too_big', {
								file: file.name,
								limitMb: megabytes((e as GunzipError).limitBytes),
							})
						: codedIssue('error', 'bad-gzip', file.name, 'import_bad_gzip', { file: file.name }),
				);
				return emptyPreview(importId, file.name, 'csv', '', issues);
			}
		}
		// A server may already have undone the gzip (Content-Encoding: gzip), so strip the name too.
		fileName = fileName.replace(/\.gz$/i, '');
		const sniffed = sniffFormat(fileName, bytes.subarray(0, 65536));
		if (!sniffed.ok) {
			issues.push(
				sniffed.code === 'empty-file'
					? codedIssue('error', 'empty-file', fileName, 'import_empty_file', { file: fileName })
					: {
							severity: 'error',
							code: sniffed.code,
							file: fileName,
							message: sniffed.message,
							msg: sniffed.msg,
						},
			);
			return emptyPreview(importId, fileName, 'csv', '', issues);
		}
		const format = sniffed.format;
		if (format === 'xlsx') {
			try {
				bytes = new TextEncoder().encode(await xlsxToCsv(bytes, unpackLimit(bytes.length)));
			} catch (e) {
				issues.push(
					e instanceof XlsxError && e.code === 'xlsx_too_big'
						? codedIssue('error', 'decompression-limit', fileName, 'import_unpacked_too_big', {
								file: fileName,
								limitMb: megabytes(e.limitBytes),
							})
						: codedIssue('error', 'xlsx-unreadable', fileName, 'import_xlsx_unreadable', {
								file: fileName,
								detail: String((e as Error)?.message ?? e).slice(0, 200),
							}),
				);
				return emptyPreview(importId, fileName, format, '', issues);
			}
		}
		if (format === 'parquet') {
			try {
				bytes = new TextEncoder().encode(await parquetToCsv(bytes));
			} catch {
				issues.push(
					codedIssue('error', 'parquet-unreadable', fileName, 'data_parquet_unreadable', {
						file: fileName,
					}),
				);
				return emptyPreview(importId, fileName, format, '', issues);
			}
		}
		progress(onProgress, 'decoding', 1, 4);
		const table = `stg_${importId.replace(/[^A-Za-z0-9_]/g, '_')}`;
		let encoding = 'binary';
		let csvBytes: Uint8Array;
		let headText: string;
		try {
			const enc = detectEncoding(bytes);
			encoding = enc.encoding;
			if (format !== 'json' && enc.encoding === 'utf-8') {
				csvBytes = bytes.subarray(enc.bomLength);
				headText = new TextDecoder('utf-8').decode(csvBytes.subarray(0, 65536));
				if (headText.trim() === '')
					throw new DecodeError('empty-file', 'The file contains no text.');
			} else {
				const decoded = decodeBytes(bytes);
				const text = format === 'json' ? jsonToCsv(decoded.text) : decoded.text;
				csvBytes = new TextEncoder().encode(text);
				headText = text.slice(0, 65536);
			}
		} catch (e) {
			if (e instanceof JsonRecordsError) {
				issues.push(
					codedIssue(
						'error',
						`json-${e.code.replace('_', '-')}`,
						fileName,
						`import_json_${e.code}`,
						{
							file: fileName,
							line: e.line,
						},
					),
				);
				return emptyPreview(importId, fileName, format, encoding, issues);
			}
			const empty = e instanceof DecodeError && e.code === 'empty-file';
			if (empty) {
				issues.push(
					codedIssue('error', 'empty-file', fileName, 'import_empty_file', { file: fileName }),
				);
				return emptyPreview(importId, fileName, format, encoding, issues);
			}
			issues.push(
				codedIssue('error', 'unreadable', fileName, 'data_unreadable', {
					file: fileName,
					format: format.toUpperCase(),
				}),
			);
			return emptyPreview(importId, fileName, format, encoding, issues);
		}
		const cut = headText.lastIndexOf('\n');
		const delimiter =
			format === 'tsv'
				? '\t'
				: format === 'json' || format === 'xlsx' || format === 'parquet'
					? ','
					: sniffDelimiter(cut > 0 ? headText.slice(0, cut) : headText);
		progress(onProgress, 'loading', 2, 4);
		// Limits first, so a file DuckDB could not hold in memory gets a plain answer (file, what, what to do).
		const header = headerOf(headText, delimiter);
		const scan = scanLines(csvBytes, delimiter, header.length);
		if (scan.longestLine > MAX_LINE_BYTES) {
			issues.push(
				codedIssue('error', 'line-too-long', fileName, 'import_line_too_long', {
					file: fileName,
					line: scan.longestLineNumber,
					mb: megabytes(scan.longestLine),
					maxMb: megabytes(MAX_LINE_BYTES),
				}),
			);
			return emptyPreview(importId, fileName, format, encoding, issues);
		}
		if (header.length > MAX_COLUMNS) {
			issues.push(
				codedIssue('error', 'too-many-columns', fileName, 'import_too_many_columns', {
					file: fileName,
					n: header.length,
					max: MAX_COLUMNS,
				}),
			);
			return emptyPreview(importId, fileName, format, encoding, issues);
		}
		const ok = stageDelimited(table, fileName, csvBytes, delimiter, header, issues);
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
			const guess = dateOrderOf(table, mapping.date);
			dateOrder = guess.order;
			dateOrderAmbiguous = guess.ambiguous;
			if (guess.ambiguous) issues.push(dateOrderIssue(fileName, mapping.date, guess));
		}
		issues.push(...previewIssues(fileName, columns, rowCount, mapping));
		const currency = detectStagedCurrency(rows, table, columns, mapping, encoding);
		staged.set(importId, {
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

	/** The warning that asks whether 01/02 is 1 February or January 2. */
	function dateOrderIssue(
		fileName: string,
		column: string,
		guess: ReturnType<typeof inferDateOrder>,
	): ImportIssue {
		return guess.dmyEvidence > 0 && guess.mdyEvidence > 0
			? codedIssue(
					'warning',
					'ambiguous-date-order',
					fileName,
					'data_dates_mixed',
					{ column, dmy: guess.dmyEvidence, mdy: guess.mdyEvidence },
					{ column },
				)
			: codedIssue(
					'warning',
					'ambiguous-date-order',
					fileName,
					'data_dates_ambiguous',
					{ column },
					{ column },
				);
	}

	/**
	 * Re-checks a staged import against the mapping the user is editing: the mapping-dependent
	 * issues (no date/quantity/product column, ambiguous or unreadable dates) and the date order of
	 * the chosen date column. The Import view calls it on every change, so picking the date column
	 * by hand after a "no date column" error clears the error and enables Import.
	 */
	async function validateMapping(importId: string, mapping: ColumnMapping): Promise<MappingCheck> {
		const st = staged.get(importId);
		if (!st) throw codedError('ImportNotFound', 'data_import_not_staged');
		const issues: ImportIssue[] = [];
		let dateOrder: DateOrder = st.dateOrder;
		let dateOrderAmbiguous = false;
		const dateCol = mapping.date;
		if (dateCol && st.columns.includes(dateCol)) {
			const guess = dateOrderOf(st.table, dateCol);
			dateOrder = guess.order;
			dateOrderAmbiguous = guess.ambiguous;
			if (guess.ambiguous) issues.push(dateOrderIssue(st.fileName, dateCol, guess));
			const values = stringColumn(
				q(
					`SELECT DISTINCT ${ident(dateCol)} AS v FROM ${st.table} WHERE trim(${ident(dateCol)}) <> '' LIMIT 2000`,
				),
				'v',
			).filter((v): v is string => v !== null);
			const share = dateShare(values, guess.order, true);
			const dated = values.filter((v) => !isDatePlaceholder(v));
			if (dated.length === 0 || share < 0.5) {
				const example = dated.find(
					(v) => parseDate(v, guess.order, { allowSerial: true, allowEpoch: true }) === null,
				);
				issues.push({
					severity: 'error',
					code: 'import_date_column_unreadable',
					file: st.fileName,
					column: dateCol,
					message: 'import_date_column_unreadable',
					params: { column: dateCol, example: example ?? values[0] ?? '' },
				});
			}
		}
		issues.push(...previewIssues(st.fileName, st.columns, st.rowCount, mapping));
		return { issues, dateOrder, dateOrderAmbiguous };
	}

	function previewIssues(
		fileName: string,
		columns: string[],
		rowCount: number,
		mapping: ColumnMapping,
	): ImportIssue[] {
		const out: ImportIssue[] = [];
		const add = (
			severity: ImportIssue['severity'],
			code: string,
			msgCode: string,
			params: Record<string, MessageParam> = {},
		) => out.push(codedIssue(severity, code, fileName, msgCode, { file: fileName, ...params }));
		if (rowCount === 0) add('error', 'no-rows', 'data_no_rows');
		if (columns.length < 2)
			add('error', 'too-few-columns', 'data_one_column', { column: columns[0] ?? '' });
		const valueLike = columns.filter(
			(c, i) =>
				(parseNumber(c) !== null || parseDate(c, 'dmy') !== null) && !inIndexRun(columns, i),
		).length;
		if (columns.length > 0 && valueLike >= Math.max(1, columns.length / 2))
			add('warning', 'no-header', 'data_no_header', { first: columns.slice(0, 3).join(', ') });
		if (!mapping.date && columns.length >= 2) add('error', 'no-date-column', 'data_no_date_column');
		if (!mapping.quantity && !mapping.revenue && columns.length >= 2)
			add('warning', 'no-quantity', 'data_no_quantity');
		if (!mapping.product && columns.length >= 2) add('warning', 'no-product', 'data_no_product');
		return out;
	}

	/** Builds a raw → value lookup table in DuckDB from JS-parsed distinct values. */
	function buildLookup(
		table: string,
		column: string,
		parse: (raw: string) => number | null,
	): string {
		const values = stringColumn(
			q(`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL`),
			'v',
		);
		const lines = ['raw,v'];
		for (const raw of values) {
			if (raw === null) continue;
			const v = parse(raw);
			if (v !== null && Number.isFinite(v)) lines.push(`${csvField(raw)},${v}`);
		}
		const file = registerText(lines.join('\n'));
		const lookup = `lk_${fileSeq}`;
		q(
			`CREATE TEMP TABLE ${lookup} AS SELECT * FROM read_csv(${lit(file)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={'raw': 'VARCHAR', 'v': 'DOUBLE'})`,
		);
		duckdb.dropFile(file);
		return lookup;
	}

	function decimalOf(table: string, column: string): DecimalSeparator {
		const values = stringColumn(
			q(
				`SELECT DISTINCT ${ident(column)} AS v FROM ${table} WHERE ${ident(column)} IS NOT NULL LIMIT 5000`,
			),
			'v',
		).filter((v): v is string => v !== null);
		return inferDecimalSeparator(values);
	}

	/** commitImport with DuckDB's out-of-memory errors turned into a limit message naming the file and rows. */
	async function commitImport(
		importId: string,
		options: ImportOptions,
		onProgress?: ProgressFn,
	): Promise<DatasetMeta> {
		const st = staged.get(importId);
		try {
			return await commitImportInner(importId, options, onProgress);
		} catch (e) {
			if (!isOutOfMemory(e)) throw e;
			dropStaged(importId);
			throw codedError('ImportTooBig', 'import_commit_out_of_memory', {
				file: st?.fileName ?? '',
				rows: st?.rowCount ?? 0,
			});
		}
	}

	async function commitImportInner(
		importId: string,
		options: ImportOptions,
		onProgress?: ProgressFn,
	): Promise<DatasetMeta> {
		return commitStaged(importId, options, onProgress);
	}

	/**
	 * Commits a staged import. `fixedId` stores it under that id; with it, a dataset already stored
	 * under the id (written meanwhile by another tab) is kept and returned, checked inside the write
	 * transaction, so the same import never lands twice.
	 */
	async function commitStaged(
		importId: string,
		options: ImportOptions,
		onProgress?: ProgressFn,
		fixedId?: string,
	): Promise<DatasetMeta> {
		const st = staged.get(importId);
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
		const file = st.fileName;
		const T = st.table;
		const temps: string[] = [];
		const id = fixedId ?? newId();
		const out = datasetTable(id);
		const phases = 6;
		progress(onProgress, 'cleaning', 0, phases);
		try {
			// 1. Exact duplicates over all original columns. Without a quantity or revenue column each
			// line is one unit sold, so identical lines are separate sales and all are kept.
			const allCols = st.columns.map(ident).join(', ');
			const linesAreUnits = !mapping.quantity && !mapping.revenue;
			q(
				// The first row of each group of identical rows is kept (a hash aggregate: ~4× faster than a window).
				linesAreUnits
					? `CREATE TEMP TABLE dup_${T} AS SELECT __row FROM ${T}`
					: `CREATE TEMP TABLE dup_${T} AS SELECT min(__row) AS __row FROM ${T} GROUP BY ${allCols}`,
			);
			temps.push(`dup_${T}`);
			progress(onProgress, 'cleaning', 1, phases);

			// 2. Parse distinct dates and numbers with the pure core parsers.
			const dateGuess = dateOrderOf(T, mapping.date);
			const dateLk = buildLookup(T, mapping.date, (raw) =>
				parseDate(raw, dateOrder, { allowSerial: dateGuess.serial, allowEpoch: dateGuess.epoch }),
			);
			temps.push(dateLk);
			const numLk: Partial<Record<'quantity' | 'unitPrice' | 'revenue', string>> = {};
			for (const role of ['quantity', 'unitPrice', 'revenue'] as const) {
				const col = mapping[role];
				if (!col) continue;
				const decimal = decimalOf(T, col);
				numLk[role] = buildLookup(T, col, (raw) => parseNumber(raw, { decimal }));
				temps.push(numLk[role]!);
			}
			progress(onProgress, 'cleaning', 2, phases);

			// 3. Normalized rows.
			const text = (role: ColumnRole) =>
				mapping[role] ? `NULLIF(trim(s.${ident(mapping[role]!)}), '')` : 'NULL::VARCHAR';
			const raw = (role: ColumnRole) =>
				mapping[role] ? `s.${ident(mapping[role]!)}` : 'NULL::VARCHAR';
			const joins = [
				`LEFT JOIN ${dateLk} ld ON ld.raw = s.${ident(mapping.date)}`,
				...(['quantity', 'unitPrice', 'revenue'] as const)
					.filter((r) => numLk[r])
					.map((r) => `LEFT JOIN ${numLk[r]} l_${r} ON l_${r}.raw = s.${ident(mapping[r]!)}`),
			];
			const num = (r: 'quantity' | 'unitPrice' | 'revenue') =>
				numLk[r] ? `l_${r}.v` : 'NULL::DOUBLE';
			const productExpr = mapping.product
				? `coalesce(${text('product')}, ${lit(BLANK_PRODUCT_ID)})`
				: lit(ALL_PRODUCTS_ID);
			q(`CREATE TEMP TABLE norm_${T} AS SELECT
					s.__row::INTEGER AS src_row, d.__row IS NULL AS dup,
					${text('order')} AS order_id, ld.v AS ds_ms, ${productExpr} AS product_id,
					${text('description')} AS description, ${text('category')} AS category,
					${text('store')} AS store, ${text('customer')} AS customer_id, ${text('status')} AS order_status,
					${num('quantity')} AS quantity, ${num('unitPrice')} AS unit_price, ${num('revenue')} AS revenue_v,
					${raw('date')} AS raw_date, ${raw('quantity')} AS raw_qty,
					${raw('unitPrice')} AS raw_price, ${raw('revenue')} AS raw_revenue,
					${mapping.product ? `${text('product')} IS NULL` : 'false'} AS blank_product
				FROM ${T} s LEFT JOIN dup_${T} d ON d.__row = s.__row ${joins.join(' ')}`);
			temps.push(`norm_${T}`);
			const N = `norm_${T}`;
			progress(onProgress, 'cleaning', 3, phases);

			// 4. Count problems, each with its first row, column and value.
			const issues: ImportIssue[] = [
				...st.issues.filter((i) => i.code === 'malformed-rows' || i.code === 'unbalanced-quote'),
			];
			interface ProblemSpec {
				where: string;
				rawCol: string;
				severity: ImportIssue['severity'];
				code: string;
				column: string;
				/** A catalog key (the issue's `msg`), or the old trace function for `params` issues. */
				describe: string | ((value: string, row: number, n: number) => string);
				/** For message-code issues: the catalog params (the view words them). */
				params?: (value: string, row: number, n: number) => Record<string, MessageParam>;
			}
			const specs: ProblemSpec[] = [];
			const problem = (
				where: string,
				rawCol: string,
				severity: ImportIssue['severity'],
				code: string,
				column: string,
				describe: ProblemSpec['describe'],
				params?: ProblemSpec['params'],
			) => specs.push({ where, rawCol, severity, code, column, describe, params });
			/** One scan for all problems: count, first row and its value per problem. */
			const countProblems = () => {
				if (specs.length === 0) return;
				const selects = specs.map(
					(p, i) =>
						`count(*) FILTER (WHERE ${p.where})::INT AS n${i}, min(src_row) FILTER (WHERE ${p.where})::INT AS r${i}, arg_min(${p.rawCol}, src_row) FILTER (WHERE ${p.where}) AS v${i}`,
				);
				const r = rows(`SELECT ${selects.join(', ')} FROM ${N} WHERE NOT dup`)[0] ?? {};
				specs.forEach((p, i) => {
					const n = Number(r[`n${i}`] ?? 0);
					if (n === 0) return;
					const row = Number(r[`r${i}`]);
					const value = String(r[`v${i}`] ?? '');
					issues.push({
						severity: p.severity,
						code: p.code,
						file,
						row,
						column: p.column,
						count: n,
						...(typeof p.describe === 'string'
							? {
									message: `${p.describe} ${JSON.stringify(p.params?.(value, row, n) ?? {})}`,
									msg: { code: p.describe, params: p.params?.(value, row, n) ?? {} },
								}
							: {
									message: p.describe(value, row, n),
									...(p.params ? { params: p.params(value, row, n) } : {}),
								}),
					});
				});
			};
			problem(
				"raw_date IS NULL OR trim(raw_date) = ''",
				'raw_date',
				'error',
				'missing-date',
				mapping.date,
				'data_missing_date',
				(_v, row, n) => ({ row, n, column: mapping.date! }),
			);
			// "pending" and the like: an order not dated yet (unpaid), left out and said so, not an error.
			const placeholder = `regexp_matches(lower(trim(raw_date)), ${lit(DATE_PLACEHOLDER_PATTERN)})`;
			problem(
				`ds_ms IS NULL AND ${placeholder}`,
				'raw_date',
				'warning',
				'import_pending_dates',
				mapping.date,
				() => 'import_pending_dates',
				(value, row, n) => ({ n, row, value, column: mapping.date! }),
			);
			problem(
				`trim(raw_date) <> '' AND ds_ms IS NULL AND NOT ${placeholder}`,
				'raw_date',
				'error',
				'bad-date',
				mapping.date,
				'data_bad_date',
				(value, row, n) => ({
					row,
					n,
					value,
					column: mapping.date!,
					example: ORDER_EXAMPLE[dateOrder],
				}),
			);
			if (mapping.quantity) {
				const qc = mapping.quantity;
				problem(
					"ds_ms IS NOT NULL AND (raw_qty IS NULL OR trim(raw_qty) = '')",
					'raw_qty',
					'error',
					'missing-quantity',
					qc,
					'data_missing_quantity',
					(_v, row, n) => ({ row, n, column: qc }),
				);
				problem(
					"ds_ms IS NOT NULL AND trim(raw_qty) <> '' AND quantity IS NULL",
					'raw_qty',
					'error',
					'bad-quantity',
					qc,
					'data_bad_quantity',
					(value, row, n) => ({ row, n, value, column: qc }),
				);
			}
			// Plausible values only: a quantity of 1e308 overflows every total, and a date before 1990 or more
			// than a year ahead is a typo or a placeholder that would stretch the forecast into 2100.
			const dateFrom = Date.UTC(EARLIEST_SALE_YEAR, 0, 1);
			const dateTo = now() + LATEST_SALE_AHEAD_DAYS * 86_400_000;
			const plausibleDate = `ds_ms BETWEEN ${dateFrom} AND ${dateTo}`;
			problem(
				`ds_ms IS NOT NULL AND NOT (${plausibleDate})`,
				'raw_date',
				'error',
				'import_date_implausible',
				mapping.date,
				() => 'import_date_implausible',
				(value, row, n) => ({
					n,
					row,
					value,
					column: mapping.date!,
					from: new Date(dateFrom).toISOString().slice(0, 10),
					to: new Date(dateTo).toISOString().slice(0, 10),
				}),
			);
			const plausibleQty = `(quantity IS NULL OR abs(quantity) <= ${MAX_QUANTITY})`;
			if (mapping.quantity) {
				const qc = mapping.quantity;
				problem(
					`ds_ms IS NOT NULL AND NOT ${plausibleQty}`,
					'raw_qty',
					'error',
					'import_quantity_implausible',
					qc,
					() => 'import_quantity_implausible',
					(value, row, n) => ({ n, row, value, column: qc, max: MAX_QUANTITY }),
				);
			}
			const validWhere = `NOT dup AND ds_ms IS NOT NULL AND ${plausibleDate} AND ${plausibleQty}${mapping.quantity ? ' AND quantity IS NOT NULL' : ''}`;
			for (const [role, rawCol, valCol] of [
				['unitPrice', 'raw_price', 'unit_price'],
				['revenue', 'raw_revenue', 'revenue_v'],
			] as const) {
				const col = mapping[role];
				if (!col) continue;
				problem(
					`ds_ms IS NOT NULL AND trim(${rawCol}) <> '' AND ${valCol} IS NULL`,
					rawCol,
					'warning',
					role === 'unitPrice' ? 'bad-price' : 'bad-revenue',
					col,
					'data_bad_amount',
					(value, row, n) => ({ row, n, value, column: col }),
				);
			}
			if (mapping.product)
				problem(
					`${validWhere.replace('NOT dup AND ', '')} AND blank_product`,
					'raw_date',
					'warning',
					'missing-product',
					mapping.product,
					'data_missing_product',
					(_v, row, n) => ({ row, n, column: mapping.product!, blank: BLANK_PRODUCT_ID }),
				);
			countProblems();
			progress(onProgress, 'cleaning', 4, phases);

			// 5. The stored table: valid, de-duplicated rows; returns flagged.
			const returnExpr = mapping.order
				? `coalesce(quantity < 0, false) OR coalesce(regexp_matches(order_id, '^[Cc][0-9]'), false)`
				: 'coalesce(quantity < 0, false)';
			q(`CREATE TABLE ${out} AS SELECT
					order_id, epoch_ms(ds_ms::BIGINT) AS ds, product_id, description, category, store, customer_id,
					coalesce(quantity, 1)::DOUBLE AS quantity, unit_price,
					coalesce(revenue_v, coalesce(quantity, 1) * unit_price)::DOUBLE AS revenue,
					(${returnExpr}) AS is_return, src_row, order_status
				FROM ${N} WHERE ${validWhere} ORDER BY ds, src_row`);
			// 6. A return that matches an earlier sale to the same customer (same product and quantity,
			// within CANCEL_WINDOW_DAYS) cancels it: the sale was never kept, so it is not demand (the
			// demo's 74,215 jars ordered and cancelled on 18 Jan 2011). Each return cancels at most one
			// sale, the latest before it; each sale is cancelled at most once.
			q(`ALTER TABLE ${out} ADD COLUMN cancelled BOOLEAN DEFAULT false`);
			if (mapping.customer) {
				q(`UPDATE ${out} SET cancelled = true, is_return = true WHERE src_row IN (
					SELECT s_row FROM (
						SELECT r.src_row AS r_row, s.src_row AS s_row, r.ds AS r_ds
						FROM ${out} r JOIN ${out} s
							ON s.product_id = r.product_id AND s.customer_id = r.customer_id
							AND s.quantity = -r.quantity AND s.ds <= r.ds
							AND r.ds - s.ds <= INTERVAL ${CANCEL_WINDOW_DAYS} DAY
						WHERE r.is_return AND r.quantity < 0 AND r.customer_id IS NOT NULL
							AND NOT s.is_return
						QUALIFY row_number() OVER (PARTITION BY r.src_row ORDER BY s.ds DESC, s.src_row DESC) = 1
					) QUALIFY row_number() OVER (PARTITION BY s_row ORDER BY r_ds, r_row) = 1)`);
			}
			// 7. Lines that are not demand: refunded/cancelled orders, postage and fees (workers/data/exclusions.ts).
			const sqlRunner = { q, rows };
			addExcludedColumn(sqlRunner, out);
			const statusSummary = mapping.status ? applyOrderStatus(sqlRunner, out) : undefined;
			// Appending keeps the target dataset's choice of non-product codes counted as products.
			const include = options.appendTo
				? ((await metaOf(options.appendTo)).includeNonProduct ?? [])
				: (options.includeNonProduct ?? []);
			const nonProduct = applyNonProduct(sqlRunner, out, new Set(include));
			const counts = rows(`SELECT
					(SELECT count(*) FROM ${N})::DOUBLE AS rows_read,
					(SELECT count(*) FROM ${N} WHERE dup)::DOUBLE AS dups,
					(SELECT count(*) FROM ${N} WHERE NOT dup AND NOT (${validWhere}))::DOUBLE AS invalid,
					count(*) FILTER (WHERE is_return AND NOT cancelled AND excluded IS NULL)::DOUBLE AS returns,
					coalesce(sum(abs(quantity)) FILTER (WHERE is_return AND NOT cancelled AND excluded IS NULL), 0)::DOUBLE AS return_units,
					count(*) FILTER (WHERE cancelled)::DOUBLE AS cancelled,
					coalesce(sum(quantity) FILTER (WHERE cancelled), 0)::DOUBLE AS cancelled_units,
					count(*) FILTER (WHERE NOT is_return)::DOUBLE AS imported,
					count(DISTINCT product_id) FILTER (WHERE NOT is_return)::DOUBLE AS products,
					epoch_ms(min(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmin,
					epoch_ms(max(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmax
				FROM ${out}`)[0];
			const report: ImportReport = {
				rowsRead: Number(counts.rows_read),
				rowsImported: Number(counts.imported),
				returnRows: Number(counts.returns),
				returnUnits: Number(counts.return_units),
				duplicateRows: Number(counts.dups),
				invalidRows: Number(counts.invalid),
				cancelledRows: Number(counts.cancelled),
				cancelledUnits: Number(counts.cancelled_units),
				...(statusSummary ? { status: statusSummary } : {}),
				nonProduct,
				issues,
			};
			issues.push(...exclusionIssues(file, mapping.status, statusSummary, nonProduct));
			if (report.duplicateRows > 0) {
				const first = scalar(`SELECT min(src_row)::DOUBLE FROM ${N} WHERE dup`);
				issues.push(
					codedIssue(
						'info',
						'duplicates',
						file,
						'data_issue_duplicates',
						{ n: report.duplicateRows, first },
						{ row: first, count: report.duplicateRows },
					),
				);
			}
			if (report.cancelledRows) {
				const first = scalar(`SELECT min(src_row)::DOUBLE FROM ${out} WHERE cancelled`);
				const n = report.cancelledRows;
				issues.push(
					codedIssue(
						'info',
						'cancelled',
						file,
						'data_issue_cancelled',
						{ n, days: CANCEL_WINDOW_DAYS, first, units: report.cancelledUnits ?? 0 },
						{ row: first, count: n },
					),
				);
			}
			if (report.returnRows > 0) {
				const first = scalar(
					`SELECT min(src_row)::DOUBLE FROM ${out} WHERE is_return AND NOT cancelled AND excluded IS NULL`,
				);
				issues.push(
					codedIssue(
						'info',
						'returns',
						file,
						'data_issue_returns',
						{
							n: report.returnRows,
							units: report.returnUnits,
							byOrder: mapping.order ? 'yes' : 'no',
						},
						{ row: first, count: report.returnRows },
					),
				);
			}
			if (report.rowsImported === 0) {
				// The first problem says why (it names file, row and column); else no row was a sale.
				const why = issues.find((i) => i.severity === 'error');
				if (why?.msg) throw codedError('NoValidRows', why.msg.code, why.msg.params);
				if (why?.params) throw codedError('NoValidRows', why.code, why.params);
				throw codedError('NoValidRows', 'data_no_valid_rows', { file });
			}
			progress(onProgress, 'saving', 5, phases);
			if (options.appendTo) {
				const merged = await appendInto(options.appendTo, out, report, file);
				q(`DROP TABLE IF EXISTS ${out}`);
				dropStaged(importId);
				progress(onProgress, 'saving', phases, phases);
				return merged;
			}

			// The currency the user confirmed, else the one the file names (none: the UI asks later).
			const currency =
				options.currency && isCurrencyCode(options.currency)
					? options.currency
					: detectStagedCurrency(rows, T, st.columns, mapping, st.encoding)?.code;
			// 6. Bytes + metadata, written together in one transaction.
			const ipc = arrowFileToStream(
				conn.useUnsafe((b, c) => b.runQuery(c, `SELECT * FROM ${out}`)),
			);
			const data = await gzip(ipc);
			const meta: DatasetMeta = {
				id,
				name: options.datasetName.trim() || file,
				fileName: file,
				createdAt: now(),
				rowCount: report.rowsImported,
				productCount: Number(counts.products),
				dateMin: Number(counts.dmin),
				dateMax: Number(counts.dmax),
				bytes: data.byteLength,
				mapping: { ...mapping },
				report,
				...(options.includeNonProduct?.length
					? { includeNonProduct: [...options.includeNonProduct] }
					: {}),
				...(currency ? { currency } : {}),
			};
			const blob: DatasetBlobRow = { id, format: BLOB_FORMAT, data, rawBytes: ipc.byteLength };
			let stored: DatasetMeta | undefined;
			try {
				await db.transaction('rw', db.datasets, db.datasetBlobs, async () => {
					stored = fixedId ? await db.datasets.get(id) : undefined;
					if (stored) return;
					await db.datasetBlobs.put(blob);
					await db.datasets.put(meta);
				});
			} catch (e) {
				if (isQuotaError(e))
					throw codedError('QuotaExceededError', 'data_quota', {
						name: meta.name,
						size: formatMb(data.byteLength),
					});
				throw e;
			}
			loaded.add(id);
			dropStaged(importId);
			announceDatasetsChanged(id);
			progress(onProgress, 'saving', phases, phases);
			return stored ?? meta;
		} catch (e) {
			q(`DROP TABLE IF EXISTS ${out}`);
			throw e;
		} finally {
			for (const t of temps) q(`DROP TABLE IF EXISTS ${t}`);
		}
	}

	/** Makes sure the dataset's table is in DuckDB, loading its bytes from Dexie on first use. */
	async function ensureLoaded(id: string): Promise<string> {
		const table = datasetTable(id);
		if (loaded.has(id)) return table;
		const row = await db.datasetBlobs.get(id);
		if (!row) throw codedError('DatasetNotFound', 'data_dataset_gone');
		if (row.format !== BLOB_FORMAT)
			throw codedError('DatasetNotFound', 'data_unknown_format', { format: row.format });
		const ipc = await gunzip(row.data);
		q(`DROP TABLE IF EXISTS ${table}`);
		conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
		loaded.add(id);
		return table;
	}

	async function metaOf(id: string): Promise<DatasetMeta> {
		const meta = await db.datasets.get(id);
		if (!meta) throw codedError('DatasetNotFound', 'data_dataset_gone');
		return meta;
	}

	async function querySeries(datasetId: string, query: SeriesQuery): Promise<SeriesBatch> {
		const meta = await metaOf(datasetId);
		const table = await ensureLoaded(datasetId);
		const { freq } = query;
		const measure = query.measure === 'revenue' ? 'revenue' : 'quantity';
		const grid: number[] = [];
		for (let p = periodStart(meta.dateMin, freq); p <= meta.dateMax; p = nextPeriod(p, freq))
			grid.push(p);
		const ids = query.productIds ?? ['__total__'];
		// The ids are products, or categories / stores when the query groups by one (Explore).
		const col = query.groupBy ? `coalesce(${query.groupBy}, '')` : 'product_id';
		const where = query.productIds
			? ` AND ${col} IN (${query.productIds.length ? query.productIds.map(lit).join(', ') : 'NULL'})`
			: '';
		const key = query.productIds ? col : `'__total__'`;
		const res = q(`SELECT ${key} AS id, epoch_ms(date_trunc('${TRUNC[freq]}', ds))::DOUBLE AS p,
				coalesce(sum(${measure}), 0)::DOUBLE AS y
			FROM ${table} WHERE NOT is_return${where} GROUP BY ALL`);
		const rid = stringColumn(res, 'id');
		const rp = numberColumn(res, 'p');
		const ry = numberColumn(res, 'y');
		const n = grid.length;
		const slot = new Map<number, number>(grid.map((p, i) => [p, i]));
		const seriesIndex = new Map<string, number>();
		ids.forEach((s, i) => {
			if (!seriesIndex.has(s)) seriesIndex.set(s, i);
		});
		const indptr = new Int32Array(ids.length + 1);
		const ds = new Float64Array(n * ids.length);
		const y = new Float64Array(n * ids.length);
		for (let i = 0; i < ids.length; i++) {
			indptr[i + 1] = (i + 1) * n;
			ds.set(grid, i * n);
		}
		for (let k = 0; k < rid.length; k++) {
			const si = seriesIndex.get(rid[k] ?? '');
			const pi = slot.get(rp[k]);
			if (si === undefined || pi === undefined) continue;
			y[si * n + pi] += ry[k];
		}
		// Duplicate ids in the request get the same values as their first occurrence.
		ids.forEach((s, i) => {
			const first = seriesIndex.get(s)!;
			if (first !== i) y.set(y.subarray(first * n, first * n + n), i * n);
		});
		const edges = periodEdges(meta.dateMin, meta.dateMax, dateStepOf(datasetId, table), freq);
		const batch: SeriesBatch = { ids: [...ids], indptr, ds, y, edges };
		if (query.withPrice) {
			const price = new Float64Array(n * ids.length).fill(NaN);
			const pr = q(`SELECT ${key} AS id, epoch_ms(date_trunc('${TRUNC[freq]}', ds))::DOUBLE AS p,
					(sum(revenue) / sum(quantity))::DOUBLE AS price
				FROM ${table} WHERE NOT is_return AND revenue IS NOT NULL AND quantity > 0${where}
				GROUP BY ALL`);
			const pid = stringColumn(pr, 'id');
			const pp = numberColumn(pr, 'p');
			const pv = numberColumn(pr, 'price');
			for (let k = 0; k < pid.length; k++) {
				const si = seriesIndex.get(pid[k] ?? '');
				const pi = slot.get(pp[k]);
				if (si !== undefined && pi !== undefined && Number.isFinite(pv[k]))
					price[si * n + pi] = pv[k];
			}
			ids.forEach((s, i) => {
				const first = seriesIndex.get(s)!;
				if (first !== i) price.set(price.subarray(first * n, first * n + n), i * n);
			});
			if (carryOver(price, n)) batch.regressors = { names: ['price'], values: [price] };
		}
		return batch;
	}

	/** How far apart the dataset's sale dates typically are (a day for till exports, a month for monthly reports). */
	function dateStepOf(id: string, table: string): number {
		let step = dateSteps.get(id);
		if (step === undefined) {
			const res = q(`SELECT DISTINCT epoch_ms(date_trunc('day', ds))::DOUBLE AS d FROM ${table}
				WHERE ds IS NOT NULL ORDER BY d`);
			step = typicalStep(numberColumn(res, 'd'));
			dateSteps.set(id, step);
		}
		return step;
	}

	async function productSummary(datasetId: string): Promise<ProductSummary[]> {
		await metaOf(datasetId);
		const table = await ensureLoaded(datasetId);
		const res = q(`SELECT product_id,
				coalesce(mode(description), '') AS description, coalesce(mode(category), '') AS category,
				sum(quantity)::DOUBLE AS units, coalesce(sum(revenue), 0)::DOUBLE AS revenue,
				count(DISTINCT coalesce(order_id, '#' || src_row::VARCHAR))::DOUBLE AS orders,
				epoch_ms(min(ds))::DOUBLE AS first_sale, epoch_ms(max(ds))::DOUBLE AS last_sale
			FROM ${table} WHERE NOT is_return GROUP BY product_id ORDER BY units DESC, product_id`);
		const pid = stringColumn(res, 'product_id');
		const desc = stringColumn(res, 'description');
		const cat = stringColumn(res, 'category');
		const units = numberColumn(res, 'units');
		const revenue = numberColumn(res, 'revenue');
		const orders = numberColumn(res, 'orders');
		const first = numberColumn(res, 'first_sale');
		const last = numberColumn(res, 'last_sale');
		return pid.map((p, i) => ({
			productId: p ?? '',
			description: desc[i] ?? '',
			category: cat[i] ?? '',
			units: units[i],
			revenue: revenue[i],
			orders: orders[i],
			firstSale: first[i],
			lastSale: last[i],
		}));
	}

	async function runSql(datasetId: string, sql: string): Promise<SqlResult> {
		const statement = checkConsoleSql(sql);
		await metaOf(datasetId);
		const table = await ensureLoaded(datasetId);
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
		try {
			res = q(wrap ? `SELECT * FROM (${statement}) LIMIT ${SQL_ROW_CAP + 1}` : statement);
		} catch (e) {
			const m = consoleFailure(e);
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

	/**
	 * Every stored sale and return line of a dataset in column layout (customers, recommendations, risk):
	 * cancelled sales are left out, returns carry `isReturn`. Times are epoch ms.
	 */
	async function orderLines(datasetId: string): Promise<OrderLineColumns> {
		await metaOf(datasetId);
		const table = await ensureLoaded(datasetId);
		const hasCancelled =
			scalar(
				`SELECT count(*)::DOUBLE FROM information_schema.columns WHERE table_name = ${lit(table)} AND column_name = 'cancelled'`,
			) > 0;
		const res = q(
			`SELECT customer_id::VARCHAR AS c, product_id::VARCHAR AS p, order_id::VARCHAR AS o,
				epoch_ms(ds)::DOUBLE AS t, quantity::DOUBLE AS qty, coalesce(revenue, 0)::DOUBLE AS rev,
				description::VARCHAR AS d, store::VARCHAR AS s, is_return AS r
			FROM ${table} ${hasCancelled ? 'WHERE NOT cancelled' : ''} ORDER BY ds, src_row`,
		);
		const col = (name: string) => res.getChild(name)!.toArray() as unknown[];
		const strs = (name: string) =>
			col(name).map((v) => (v === null || v === undefined ? null : String(v)));
		return {
			customer: strs('c'),
			product: strs('p').map((v) => v ?? ''),
			order: strs('o'),
			ds: Float64Array.from(col('t') as number[]),
			quantity: Float64Array.from(col('qty') as number[]),
			revenue: Float64Array.from(col('rev') as number[]),
			description: strs('d'),
			store: strs('s'),
			isReturn: Uint8Array.from(col('r') as boolean[], (b) => (b ? 1 : 0)),
		};
	}

	const listDatasets = () => listStoredDatasets(db);

	/**
	 * Writes a changed stored table back with its metadata, bytes and metadata in one transaction.
	 * If the write fails nothing stored changes, and the table is dropped from DuckDB so the next query
	 * reloads the stored version.
	 */
	async function saveTable(table: string, meta: DatasetMeta, recount = true): Promise<DatasetMeta> {
		const id = meta.id;
		try {
			const c = rows(`SELECT count(*) FILTER (WHERE NOT is_return)::DOUBLE AS imported,
					count(DISTINCT product_id) FILTER (WHERE NOT is_return)::DOUBLE AS products,
					epoch_ms(min(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmin,
					epoch_ms(max(ds) FILTER (WHERE NOT is_return))::DOUBLE AS dmax
				FROM ${table}`)[0];
			const ipc = arrowFileToStream(
				conn.useUnsafe((b, cn) => b.runQuery(cn, `SELECT * FROM ${table}`)),
			);
			const data = await gzip(ipc);
			const next: DatasetMeta = {
				...meta,
				rowCount: Number(c.imported),
				productCount: Number(c.products),
				dateMin: Number(c.dmin),
				dateMax: Number(c.dmax),
				bytes: data.byteLength,
				report: recount ? { ...meta.report, rowsImported: Number(c.imported) } : meta.report,
			};
			const blob: DatasetBlobRow = { id, format: BLOB_FORMAT, data, rawBytes: ipc.byteLength };
			await db.transaction('rw', db.datasets, db.datasetBlobs, async () => {
				if (!(await db.datasets.get(id))) throw codedError('DatasetNotFound', 'data_dataset_gone');
				await db.datasetBlobs.put(blob);
				await db.datasets.put(next);
			});
			dateSteps.delete(id);
			announceDatasetsChanged(id);
			return next;
		} catch (e) {
			q(`DROP TABLE IF EXISTS ${table}`);
			loaded.delete(id);
			dateSteps.delete(id);
			throw e;
		}
	}

	/**
	 * Adds a freshly cleaned import (`fresh`) to a stored dataset. Lines already stored are dropped:
	 * same order id + product + date + quantity, or, without an order id, the same whole line. The
	 * merged table replaces the stored one in one transaction (saveTable), so a failure loses nothing.
	 */
	async function appendInto(
		targetId: string,
		fresh: string,
		report: ImportReport,
		file: string,
	): Promise<DatasetMeta> {
		const meta = await metaOf(targetId);
		const table = await ensureLoaded(targetId);
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
	async function setNonProductIncluded(
		datasetId: string,
		productIds: string[],
	): Promise<DatasetMeta> {
		const meta = await metaOf(datasetId);
		const table = await ensureLoaded(datasetId);
		const sqlRunner = { q, rows };
		addExcludedColumn(sqlRunner, table);
		const nonProduct = applyNonProduct(sqlRunner, table, new Set(productIds));
		const issues = [
			...meta.report.issues.filter((i) => i.code !== 'import_non_product'),
			...exclusionIssues(meta.fileName, undefined, undefined, nonProduct),
		];
		return saveTable(table, {
			...meta,
			includeNonProduct: [...productIds],
			report: { ...meta.report, nonProduct, issues },
		});
	}

	async function deleteDataset(id: string): Promise<void> {
		q(`DROP TABLE IF EXISTS ${datasetTable(id)}`);
		loaded.delete(id);
		dateSteps.delete(id);
		// its deep models go with it (weights are only meaningful for its series)
		await db.transaction(
			'rw',
			[db.datasets, db.datasetBlobs, db.flagMarks, db.models, db.modelWeights],
			async () => {
				await db.datasetBlobs.delete(id);
				await db.datasets.delete(id);
				await db.flagMarks.where('datasetId').equals(id).delete();
				await deleteModelsOfDataset(db, id);
			},
		);
		announceDatasetsChanged(id);
	}

	async function storageInfo(): Promise<StorageInfo> {
		return deps.estimate ? deps.estimate() : estimateStorage(db);
	}

	async function loadDemo(onProgress?: ProgressFn): Promise<DatasetMeta> {
		// Already stored (by this tab or another): open it rather than store a copy.
		const existing = await db.datasets.get(DEMO_DATASET_ID);
		if (existing) return existing;
		progress(onProgress, 'downloading', 0, 1);
		let buf: ArrayBuffer;
		if (deps.fetchDemo) buf = await deps.fetchDemo();
		else {
			const res = await fetch(deps.demoUrl ?? '/demo/online-retail.csv.gz');
			if (!res.ok) throw codedError('DemoUnavailable', 'data_demo_http', { status: res.status });
			buf = await res.arrayBuffer();
		}
		const preview = await previewFile({ name: 'online-retail.csv.gz', bytes: buf }, onProgress);
		const err = preview.issues.find((i) => i.severity === 'error');
		if (err)
			throw codedError('DemoUnavailable', err.msg?.code ?? err.code, err.msg?.params ?? err.params);
		return commitStaged(
			preview.importId,
			{
				mapping: preview.mapping,
				dateOrder: preview.dateOrder,
				datasetName: 'Demo: UK online gift shop',
				currency: DEMO_CURRENCY,
			},
			onProgress,
			DEMO_DATASET_ID,
		);
	}

	return {
		previewFile,
		validateMapping,
		setNonProductIncluded,
		setDatasetCurrency: (datasetId: string, currency: string) =>
			setDatasetCurrency(db, datasetId, currency),
		commitImport,
		loadDemo,
		listDatasets,
		deleteDataset,
		storageInfo,
		productSummary,
		querySeries,
		runSql,
		...createProductQueries({ rows, ensureLoaded, metaOf }),
		...createHierarchyQueries({ rows, ensureLoaded, metaOf, querySeries }),
		orderLines,
		discardImport: dropStaged,
		stagedRows(importId: string) {
			const st = staged.get(importId);
			if (!st) throw codedError('ImportNotFound', 'data_import_not_staged');
			const t = q(`SELECT * EXCLUDE (__row) FROM ${st.table} ORDER BY __row`);
			const cols = st.columns.map((c) => stringColumn(t, c));
			const rows = Array.from({ length: t.numRows }, (_, r) => cols.map((c) => c[r]));
			return { fileName: st.fileName, columns: st.columns, rows };
		},
	};
}
