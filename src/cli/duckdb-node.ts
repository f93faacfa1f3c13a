/// <reference types="node" />
// DuckDB-WASM's blocking Node build for the CLIs (the same CSV reader the data worker uses in the
// browser), started once per process.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDbBlocking from '@duckdb/duckdb-wasm/blocking';

type DuckModule = typeof DuckDbBlocking;
/** Instantiated DuckDB bindings. */
export type NodeDuckDb = Awaited<ReturnType<DuckModule['createDuckDB']>>;

const require = createRequire(import.meta.url);

/** Starts an in-memory DuckDB (blocking Node build). */
export async function startNodeDuckDb(): Promise<NodeDuckDb> {
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
	return bindings;
}
