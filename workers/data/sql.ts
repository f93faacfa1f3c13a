// SQL text helpers of the data worker: quoting identifiers and literals, the DuckDB table of a dataset.

/** Quotes an SQL identifier. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes an SQL string literal. */
export function lit(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** DuckDB table holding a stored dataset. */
export function datasetTable(id: string): string {
	return `ds_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
