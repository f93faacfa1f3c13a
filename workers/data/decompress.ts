// Gunzip with a size budget: the platform DecompressionStream is read chunk by chunk and cancelled as
// soon as the output passes `maxBytes`, so a gzip bomb (a few MB that unpack to gigabytes) is refused
// within the budget instead of filling the worker's memory first. Used by the data worker's previewFile.

/** Thrown by gunzipLimited: the output passed the budget (`limitBytes`), or the gzip data is damaged. */
export class GunzipError extends Error {
	constructor(
		readonly code: 'too_big' | 'damaged',
		readonly limitBytes = 0,
	) {
		super(code === 'too_big' ? `gzip output over ${limitBytes} bytes` : 'damaged gzip data');
		this.name = 'GunzipError';
	}
}

/** Gunzips `bytes`, stopping with GunzipError('too_big') once the output exceeds `maxBytes`. */
export async function gunzipLimited(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
	const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'))
		.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) {
				await reader.cancel().catch(() => {});
				throw new GunzipError('too_big', maxBytes);
			}
			chunks.push(value);
		}
	} catch (e) {
		if (e instanceof GunzipError) throw e;
		throw new GunzipError('damaged');
	}
	const out = new Uint8Array(total);
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.length;
	}
	return out;
}
