/// <reference types="node" />
// Reads a shop's sales export in Node exactly as the app's importer does: the data worker's service
// (workers/data-service.ts) over real DuckDB-WASM (its Node blocking build) and an in-memory IndexedDB,
// with the automatic column mapping. The CLIs (recommend, plan, ...) use it so a file that imports in
// the app imports here, with the same cleaning, returns, cancellations and the same error messages.
import { translate } from '../lib/i18n/translate';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as DuckDbBlocking from '@duckdb/duckdb-wasm/blocking';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTrendcastDb } from '../lib/db/db';
import type { DatasetMeta, ImportIssue } from '../core/ingest/types';
import { createDataService } from '../../workers/data-service';
import { datasetTable } from '../../workers/data/sql';

type DuckModule = typeof DuckDbBlocking;

/** An input problem, printed without a stack trace (exit code 1). */
export class CliError extends Error {
	override name = 'CliError';
}

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist');

/** A committed import: its metadata and a way to read the stored table with SQL. */
export interface ImportedSales {
	meta: DatasetMeta;
	/** Rows of a read-only query over the view `lines` (the stored sales table, returns flagged). */
	query(sql: string): Record<string, unknown>[];
	/** Problems the importer reported (warnings and info; errors throw). */
	issues: ImportIssue[];
}

/** Imports a sales export file with the app's importer and automatic mapping. */
export async function importSalesExport(path: string): Promise<ImportedSales> {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new CliError(
			`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
		);
	}
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
	const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
	const service = createDataService({ duckdb: bindings, db });
	const name = basename(path);
	// A copy: a small Buffer from readFileSync is a view into a shared pool, so its .buffer holds more.
	const input = { name, bytes: Uint8Array.from(bytes).buffer as ArrayBuffer };
	let meta: DatasetMeta;
	try {
		const preview = await service.previewFile(input);
		const blocking = preview.issues.find((i) => i.severity === 'error');
		if (blocking) throw new CliError(describeIssue(blocking));
		if (!preview.mapping.date)
			throw new CliError(
				`${name}: no date column was recognised; columns: ${preview.columns.map((c) => c.name).join(', ')}`,
			);
		meta = await service.commitImport(preview.importId, {
			mapping: preview.mapping,
			dateOrder: preview.dateOrder,
			datasetName: name,
		});
	} catch (e) {
		if (e instanceof CliError) throw e;
		throw new CliError(`${name}: ${(e as Error).message}`);
	}
	// Load the stored table into DuckDB through the service (runSql loads it), then query directly.
	await service.runSql(meta.id, 'SELECT 1');
	const conn = bindings.connect();
	conn.query(`CREATE OR REPLACE TEMP VIEW lines AS SELECT * FROM ${datasetTable(meta.id)}`);
	return {
		meta,
		issues: meta.report.issues,
		query: (sql) =>
			conn
				.query(sql)
				.toArray()
				.map((r) => r.toJSON() as Record<string, unknown>),
	};
}

/** One import issue as a CLI line: file, row, column, what. */
export function describeIssue(i: ImportIssue): string {
	const where = [
		i.file,
		i.row !== undefined ? `row ${i.row}` : '',
		i.column ? `column "${i.column}"` : '',
	]
		.filter(Boolean)
		.join(', ');
	const text = i.msg
		? translate('en', i.msg.code, i.msg.params)
		: i.params
			? translate('en', i.code, i.params)
			: i.message;
	return `${where}: ${text}`;
}
