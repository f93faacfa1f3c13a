// subset-font ships no types; the font tool (make-cjk-font.ts) uses its one function.
declare module 'subset-font' {
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: {
			targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
			noHinting?: boolean;
			noLayoutClosure?: boolean;
			keepFeatures?: string[];
		},
	): Promise<Uint8Array>;
}
