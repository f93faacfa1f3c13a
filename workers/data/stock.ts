// The stock kind's reader: a stock and supply file (on hand, on order, lead time, MOQ, pack, cost, price,
// supplier; or a dated stock history) read with the sales import's own readers and staging
// (read-staged.ts), then mapped and parsed by the stock schema (src/core/ingest/schemas/stock.ts). Used
// by the data worker (kinds.ts) and the plan CLI.
import {
	parseStock,
	type StockMapping,
	type StockParseResult,
} from '../../src/core/ingest/schemas/stock';
import type { FileInput } from './context';
import { readStaged, type StagedFiles, type StagedSchema } from './read-staged';

export type { StagedFiles } from './read-staged';

/** The stock schema as read-staged.ts uses it (with the user's mapping, if any). */
export function stockSchema(mapping?: StockMapping): StagedSchema<StockParseResult> {
	return {
		parse: (fileName, columns, rows) => parseStock(fileName, columns, rows, mapping),
		empty: (issue) => ({ mapping: {}, rows: [], history: [], issues: [issue] }),
		codes: { unreadable: 'plan_stock_unreadable', malformedRows: 'plan_stock_malformed_rows' },
	};
}

/** Reads and parses a stock file; problems come back as issues naming file, row and column. */
export async function readStockFile(
	service: StagedFiles,
	file: FileInput,
	mapping?: StockMapping,
): Promise<StockParseResult> {
	return readStaged(service, file, stockSchema(mapping));
}
