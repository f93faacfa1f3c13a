// Reads a file of any tabular dataset kind with the sales import's own readers and staging (decoding,
// format sniffing, Excel/Parquet/JSON conversion, DuckDB CSV staging, malformed-line reports), then hands
// its header and text cells to the kind's pure schema (src/core/ingest/schemas/<kind>.ts). Generic over
// kinds: stock.ts is one use; kinds.ts lists them all.
import type { ImportPreview } from '../../src/core/ingest/types';
import { msg, type Message } from '../../src/core/messages';
import type { FileInput } from './context';

/** The part of the data service that stages a file and hands its rows out (data-service.ts). */
export interface StagedFiles {
	previewFile(file: FileInput): Promise<ImportPreview>;
	stagedRows(importId: string): { fileName: string; columns: string[]; rows: (string | null)[][] };
	discardImport(importId: string): void;
}

/** An issue of a kind's schema: severity, where, and a message code. */
export interface KindIssue {
	severity: 'error' | 'warning';
	file: string;
	row?: number;
	column?: string;
	message: Message;
}

/** How one kind reads its staged rows. */
export interface StagedSchema<P extends { issues: KindIssue[] }> {
	/** The kind's pure parser: header + text cells → typed records and issues naming file/row/column. */
	parse(fileName: string, columns: string[], rows: (string | null)[][]): P;
	/** The result of a file that could not be read at all, holding just `issue`. */
	empty(issue: KindIssue): P;
	/** Message codes: the file is unreadable ({ file, reason }); lines were skipped ({ file, row, n }). */
	codes: { unreadable: string; malformedRows: string };
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

/** Reads and parses a file with a kind's schema; problems come back as issues naming file, row and column. */
export async function readStaged<P extends { issues: KindIssue[] }>(
	service: StagedFiles,
	file: FileInput,
	schema: StagedSchema<P>,
): Promise<P> {
	const preview = await service.previewFile(file);
	try {
		const fatal = preview.issues.find(
			(i) => i.severity === 'error' && (READ_ERRORS.has(i.code) || preview.columns.length === 0),
		);
		if (fatal || preview.columns.length === 0)
			return schema.empty({
				severity: 'error',
				file: preview.fileName,
				message: msg(schema.codes.unreadable, {
					file: preview.fileName,
					reason: fatal?.message ?? '',
				}),
			});
		const { fileName, columns, rows } = service.stagedRows(preview.importId);
		const malformed = preview.issues.filter((i) => i.code === 'malformed-rows');
		const out = schema.parse(fileName, columns, rows);
		for (const m of malformed)
			out.issues.unshift({
				severity: 'warning',
				file: fileName,
				row: m.row,
				message: msg(schema.codes.malformedRows, {
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
