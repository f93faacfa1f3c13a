// A minimal XLSX writer for tests: one sheet, inline strings, numbers, and dates as Excel serial numbers
// with a date-time number format (what Excel itself stores). Zipped with fflate (the app's unzipper).
// Used by the XLSX import tests to make large workbooks on the fly.
import { zipSync, strToU8 } from 'fflate';

/** A cell: text, a number, a Date (written as an Excel serial day number), or empty. */
export type XlsxCell = string | number | Date | null;

/** Days from Excel's 1900 epoch (with its 29 Feb 1900) to 1970-01-01. */
const EXCEL_UNIX_OFFSET_DAYS = 25569;
const DAY_MS = 86_400_000;

/** Excel serial day number of a UTC Date, as Excel writes it (17 significant digits). */
export function excelSerial(d: Date): number {
	return d.getTime() / DAY_MS + EXCEL_UNIX_OFFSET_DAYS;
}

function esc(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function colName(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

function cellXml(v: XlsxCell, ref: string): string {
	if (v === null || v === '') return '';
	if (v instanceof Date) return `<c r="${ref}" s="1"><v>${excelSerial(v)}</v></c>`;
	if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
	return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

/** The sheet XML, built in parts so 200k+ rows do not make one giant string concatenation chain. */
function sheetXml(rows: readonly XlsxCell[][]): Uint8Array[] {
	const parts: Uint8Array[] = [
		strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
		),
	];
	let buf: string[] = [];
	rows.forEach((row, r) => {
		buf.push(
			`<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${colName(c)}${r + 1}`)).join('')}</row>`,
		);
		if (buf.length === 5000) {
			parts.push(strToU8(buf.join('')));
			buf = [];
		}
	});
	parts.push(strToU8(`${buf.join('')}</sheetData></worksheet>`));
	return parts;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

/** An .xlsx workbook with one sheet "Sales" holding `rows` (the first row is the header). */
export function writeXlsx(rows: readonly XlsxCell[][]): Uint8Array {
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		),
		'xl/workbook.xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets></workbook>',
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
		),
		'xl/styles.xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
		),
		'xl/worksheets/sheet1.xml': concat(sheetXml(rows)),
	};
	return zipSync(files, { level: 1 });
}
