// The dataset kinds the data worker imports, one entry each: its pure schema (src/core/ingest/schemas/),
// how a file is read into it and where it is stored. Sales is the interactive kind (preview → the user's
// mapping → commit: sales/*.ts, stored as a DuckDB table in Dexie); the one-shot kinds are read → parsed
// → stored by importKind(). A new kind = a schema module + a KINDS entry + an API method calling importKind.
import type { StockParseResult } from '../../src/core/ingest/schemas/stock';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { FileInput } from './context';
import type { StagedFiles } from './read-staged';
import { readStockFile } from './stock';
import { storeStock, type StockImportSummary } from './stock-store';

/** A kind imported in one step: read and parse a file, then store it. */
export interface OneShotKind<Parsed, Summary> {
	/** Reads a file with the shared readers and parses it with the kind's schema. */
	read(files: StagedFiles, file: FileInput): Promise<Parsed>;
	/** Stores what was parsed (Dexie), as the kind does: replace, add or merge. */
	store(db: TrendcastDb, fileName: string, parsed: Parsed): Promise<Summary>;
}

/** The one-shot kinds by name. */
export const KINDS = {
	/** Stock and supply (schemas/stock.ts → stock-store.ts: replaces the stored stock). */
	stock: {
		read: (files, file) => readStockFile(files, file),
		store: storeStock,
	} satisfies OneShotKind<StockParseResult, StockImportSummary>,
};

/** Reads, parses and stores a file of one kind: `importKind(KINDS.stock, service, db, file)`. */
export async function importKind<Parsed, Summary>(
	kind: OneShotKind<Parsed, Summary>,
	files: StagedFiles,
	db: TrendcastDb,
	file: FileInput,
): Promise<Summary> {
	return kind.store(db, file.name, await kind.read(files, file));
}
