// Arrow helpers of the data worker: columns of a DuckDB result as JS arrays, Arrow IPC file → stream, gzip.
import type { ArrowTable } from './context';

/** Strings of one Arrow column (nulls kept as null). */
export function stringColumn(table: ArrowTable, name: string): (string | null)[] {
	const col = table.getChild(name);
	if (!col) return [];
	const out: (string | null)[] = [];
	for (const v of col) out.push(v == null ? null : String(v));
	return out;
}

/** Numbers of one Arrow column. */
export function numberColumn(table: ArrowTable, name: string): number[] {
	const col = table.getChild(name);
	if (!col) return [];
	const out: number[] = [];
	for (const v of col) out.push(v == null ? NaN : Number(v));
	return out;
}

/**
 * DuckDB's runQuery returns the Arrow IPC *file* format ("ARROW1" … footer … "ARROW1"), but
 * insertArrowFromIPCStream wants the *stream* format. The file format is the stream (with its
 * end-of-stream marker) between an 8-byte header and the footer, so we cut it out.
 */
export function arrowFileToStream(bytes: Uint8Array): Uint8Array {
	const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
	const isFile = magic.every((b, i) => bytes[i] === b && bytes[bytes.length - 6 + i] === b);
	if (!isFile) return bytes;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const footerLength = view.getInt32(bytes.length - 10, true);
	return bytes.subarray(8, bytes.length - 10 - footerLength);
}

/** Gunzips bytes with the platform DecompressionStream (browsers, workers, Node ≥ 18). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Gzips bytes with the platform CompressionStream. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}
