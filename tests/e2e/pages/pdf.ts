// The text of a PDF the app downloaded, page by page, read with pdf.js (the e2e checks of the report
// and purchase-order PDFs).
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** All text items of the PDF at `path`, joined by spaces, one line per page. */
export async function pdfText(path: string): Promise<string> {
	const pdf = await getDocument({
		data: new Uint8Array(readFileSync(path)),
		disableFontFace: true,
		useSystemFonts: false,
	}).promise;
	let text = '';
	for (let i = 1; i <= pdf.numPages; i++) {
		const content = await (await pdf.getPage(i)).getTextContent();
		text += content.items.map((x) => ('str' in x ? x.str : '')).join(' ') + '\n';
	}
	return text;
}
