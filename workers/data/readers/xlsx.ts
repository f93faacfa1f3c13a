// XLSX reader: the first sheet of a workbook as CSV text, so workbooks take the same path as CSV files.
import { decompressedLimit } from '../../../src/core/ingest/limits';
import { xlsxToCsv as readXlsx } from '../../../src/core/ingest/xlsx';

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
