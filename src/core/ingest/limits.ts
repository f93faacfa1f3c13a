// Size limits of the importer, checked before DuckDB or the browser runs out of memory, so the user reads
// what was too big and what to do instead of an engine's out-of-memory text. Pure constants + helpers,
// used by the data worker (workers/data/*) and by the tests.

const MB = 1024 * 1024;

/** Decompressed bytes a .gz or .xlsx may unpack to: 50× its packed size, at least 200 MB, at most 1.5 GB. */
export const DECOMPRESSION_RATIO = 50;
export const DECOMPRESSED_FLOOR_BYTES = 200 * MB;
export const DECOMPRESSED_CAP_BYTES = 1536 * MB;

/** The decompressed-size budget of a compressed file of `packedBytes` (zip-bomb guard). */
export function decompressedLimit(packedBytes: number): number {
	return Math.min(
		DECOMPRESSED_CAP_BYTES,
		Math.max(DECOMPRESSED_FLOOR_BYTES, DECOMPRESSION_RATIO * packedBytes),
	);
}

/** Columns a file may have: shop exports have tens, a few hundred at most. */
export const MAX_COLUMNS = 1000;

/** Longest line (bytes) a CSV may have; DuckDB's own limit is 2 MB, and no sales row comes close. */
export const MAX_LINE_BYTES = 1 * MB;

/** Megabytes, rounded for a message: one decimal below 10 MB, whole numbers above; never "0.0". */
export function megabytes(bytes: number): number {
	const mb = bytes / MB;
	if (mb >= 10) return Math.round(mb);
	const r = Math.round(mb * 10) / 10;
	return r === 0 && bytes > 0 ? 0.1 : r;
}

/** Largest quantity one sales line may have (the UCI demo's biggest real order line is 80,995). */
export const MAX_QUANTITY = 1_000_000;

/** Sale dates before 1 January of this year are typos or placeholders (1900-01-01), not sales. */
export const EARLIEST_SALE_YEAR = 1990;
/** Sale dates more than this many days after today are typos or placeholders (2099-12-31). */
export const LATEST_SALE_AHEAD_DAYS = 366;
