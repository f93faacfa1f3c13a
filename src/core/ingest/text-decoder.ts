// The platform TextDecoder (browsers, workers, Node ≥ 11 with full ICU), typed locally because
// src/core type-checks without DOM/WebWorker libs. Used by encoding.ts and sniff.ts.

/** The part of TextDecoder we use. */
export interface TextDecoderLike {
	readonly encoding: string;
	decode(input: Uint8Array, options?: { stream?: boolean }): string;
}

type TextDecoderCtor = new (label?: string, opts?: { fatal?: boolean }) => TextDecoderLike;

/** Creates a decoder for a WHATWG encoding label; `fatal` throws on malformed input. */
export function createDecoder(label: string, fatal = false): TextDecoderLike {
	const Ctor = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;
	return new Ctor(label, { fatal });
}
