// Reads a stock and supply file (on hand, on order, lead time, MOQ, pack, cost, price, supplier; or a
// dated stock history) with the data service's own readers — the same decoding, format sniffing,
// Excel/Parquet/JSON conversion and CSV staging as a sales file — then maps and parses it with the
// stock schema (src/core/ingest/schemas/stock.ts). Used by the data worker and the plan CLI.
import { msg } from '../../src/core/messages';
import {
	parseStock,
	type StockMapping,
	type StockParseResult,
} from '../../src/core/ingest/schemas/stock';
import type { ImportPreview } from '../../src/core/ingest/types';
import type { FileInput } from './context';

/** The part of the data service that stages a file and hands its rows out (data-service.ts). */
export interface StagedFiles {
	previewFile(file: FileInput): Promise<ImportPreview>;
	stagedRows(importId: string): { fileName: string; columns: string[]; rows: (string | null)[][] };
	discardImport(importId: string): void;
}

/** Issue codes of the sales preview that concern reading the file at all (not sales columns). */
const READ_ERRORS = new Set([
	'bad-gzip',
	'empty-file',
	'unreadable',
	'malformed-csv',
	'xlsx-unreadable',
	'parquet-unreadable',
	'no-rows',
	'too-few-columns',
	'wrong-type',
]);

/** Reads and parses a stock file; problems come back as issues naming file, row and column. */
export async function readStockFile(
	service: StagedFiles,
	file: FileInput,
	mapping?: StockMapping,
): Promise<StockParseResult> {
	const preview = await service.previewFile(file);
	try {
		const fatal = preview.issues.find(
			(i) => i.severity === 'error' && (READ_ERRORS.has(i.code) || preview.columns.length === 0),
		);
		if (fatal || preview.columns.length === 0)
			return {
				mapping: {},
				rows: [],
				history: [],
				issues: [
					{
						severity: 'error',
						file: preview.fileName,
						message: msg('plan_stock_unreadable', {
							file: preview.fileName,
							reason: fatal?.message ?? '',
						}),
					},
				],
			};
		const { fileName, columns, rows } = service.stagedRows(preview.importId);
		const malformed = preview.issues.filter((i) => i.code === 'malformed-rows');
		const out = parseStock(fileName, columns, rows, mapping);
		for (const m of malformed)
			out.issues.unshift({
				severity: 'warning',
				file: fileName,
				row: m.row,
				message: msg('plan_stock_malformed_rows', {
					file: fileName,
					row: m.row ?? 0,
					n: m.count ?? 1,
				}),
			});
		return out;
	} finally {
		service.discardImport(preview.importId);
	}
}
