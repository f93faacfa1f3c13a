// Test harness for the data service in Node: real DuckDB (duckdb-node-blocking, STACK-NOTES) and a
// fresh fake-indexeddb per test, plus helpers to read the demo CSV. Used by tests/unit/data/*.test.ts
// and tests/bench/import.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type * as DuckDbBlocking from '@duckdb/duckdb-wasm/blocking';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ImportIssue } from '../../../src/core/ingest/types';
import { openTrendcastDb, type TrendcastDb } from '../../../src/lib/db/db';
import { translate } from '../../../src/lib/i18n/translate';
import { createDataService, type DataServiceDeps } from '../../../workers/data-service';

type DuckModule = typeof DuckDbBlocking;
type Bindings = Awaited<ReturnType<DuckModule['createDuckDB']>>;

const require = createRequire(import.meta.url);
/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST = join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist');

/** Starts a fresh in-memory DuckDB (blocking Node build). */
export async function startDuckDb(): Promise<Bindings> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as DuckModule;
	const bindings = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(DIST, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(DIST, 'duckdb-eh.wasm'), mainWorker: '' },
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME,
	);
	await bindings.instantiate(() => {});
	return bindings;
}

/** A fresh, empty fake IndexedDB opened through the app's Dexie factory. */
export function freshDb(): TrendcastDb {
	return openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A service over a new DuckDB and the given (or a fresh) database. */
export async function makeService(
	db: TrendcastDb = freshDb(),
	extra: Partial<DataServiceDeps> = {},
) {
	const duckdb = await startDuckDb();
	let seq = 0;
	const service = createDataService({
		duckdb,
		db,
		newId: () => `t${Date.now().toString(36)}${++seq}`,
		...extra,
	});
	return { service, db, duckdb };
}

/** The demo file shipped with the app (UCI Online Retail, gzip CSV). */
export const DEMO_GZ = join(ROOT, 'public/demo/online-retail.csv.gz');

/** The first `lines` lines (header included) of the demo CSV, as text. */
export function demoHead(lines: number): string {
	const text = gunzipSync(readFileSync(DEMO_GZ)).toString('utf8');
	let pos = 0;
	for (let i = 0; i < lines && pos >= 0; i++) pos = text.indexOf('\n', pos + 1);
	return pos < 0 ? text : text.slice(0, pos + 1);
}

/** Bytes of a string as an ArrayBuffer (what the UI sends). */
export function toInput(name: string, text: string | Uint8Array) {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return { name, bytes: bytes.slice().buffer as ArrayBuffer };
}

/** A data service whose database holds one imported dataset 'Shop' (the first `rows` demo lines). */
export async function shopStored(rows: number) {
	const { service, db } = await makeService();
	const preview = await service.previewFile(toInput('shop.csv', demoHead(rows)));
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName: 'Shop',
	});
	return { service, db, meta };
}

/** The English words the user sees for an issue (its message code through the catalog, else its text). */
export function issueText(
	issue: ImportIssue | undefined,
	locale: Parameters<typeof translate>[0] = 'en',
): string {
	if (!issue) return '';
	if (issue.msg) return translate(locale, issue.msg.code, issue.msg.params);
	return issue.params ? translate(locale, issue.code, issue.params) : issue.message;
}

export { splitCsvLine } from '../../../src/core/csv-line';
