/// <reference types="node" />
// The app's data service (workers/data-service.ts) in Node for the CLIs: real DuckDB-WASM (blocking
// Node build) and an in-memory IndexedDB (fake-indexeddb), so a CLI reads an export exactly as the
// app's importer does (decoding, sniffing, automatic column mapping, cleaning, cancellations).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDbBlocking from '@duckdb/duckdb-wasm/blocking';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTrendcastDb } from '../lib/db/db';
import { createDataService } from '../../workers/data-service';

type DuckModule = typeof DuckDbBlocking;

/** A data service over a fresh in-memory DuckDB and IndexedDB. */
export async function nodeDataService() {
	const require = createRequire(import.meta.url);
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as DuckModule;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bindings = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME,
	);
	await bindings.instantiate(() => {});
	const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
	let seq = 0;
	return createDataService({ duckdb: bindings, db, newId: () => `cli${++seq}` });
}
