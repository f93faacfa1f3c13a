// Parquet reader: a Parquet file as CSV text (hyparquet, loaded lazily), so it takes the same path as CSV.
import { cellText, csvField } from './csv';

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
