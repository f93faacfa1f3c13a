// The report worker's API: lays out a PDF (the report, or a purchase order) with pdfmake and keeps the
// reports an owner chose to import from a link or file (Dexie table `reports`, version 8). The view
// hands over texts already in the reader's language (workers produce no words); the worker only lays
// them out. Chinese and English share one embedded font, a GB2312 subset of Noto Sans CJK SC (SIL OFL,
// public/fonts/, made by tests/tools/make-cjk-font.ts); pdfkit embeds only the glyphs the PDF uses, so
// a one-page report is tens of kilobytes. Imported by report.worker.ts and the Node tests.
// pdfmake 0.3's API and document definition are typed by @types/pdfmake (0.3.x).
import type * as PdfMake from 'pdfmake/build/pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontCoverage, missingChars, type Coverage } from '../src/core/report/font-coverage';
import type { ReportDoc } from '../src/core/report/types';
import type { TrendcastDb, ReportRow } from '../src/lib/db/db';
import { codedError } from './data/coded-error';

/** A block of key figures: label over value, in a row. */
export interface PdfKpis {
	type: 'kpis';
	title: string;
	items: { label: string; value: string; note?: string }[];
}

/** A table; `align` per column, numbers right-aligned. */
export interface PdfTable {
	type: 'table';
	title: string;
	note?: string;
	headers: string[];
	align: ('left' | 'right')[];
	rows: string[][];
	/** A last row in bold (totals). */
	footer?: string[];
}

/** A small line chart of one series, with the first and last period named under it. */
export interface PdfSeries {
	type: 'series';
	title: string;
	values: number[];
	from: string;
	to: string;
	max: string;
}

export interface PdfText {
	type: 'text';
	text: string;
	muted?: boolean;
}

/** A titled list of sentences (the forecast in plain words). */
export interface PdfNotes {
	type: 'notes';
	title: string;
	lines: string[];
}

export type PdfBlock = PdfKpis | PdfTable | PdfSeries | PdfText | PdfNotes;

/** Everything a PDF shows, already worded and formatted by the view. */
export interface PdfRequest {
	title: string;
	/** Lines under the title (dataset, period, date). */
	subtitle: string[];
	blocks: PdfBlock[];
	/** Small print at the bottom of every page. */
	footer: string;
	/** Document language (PDF metadata). */
	lang: string;
	/** `landscape` for wide tables. */
	orientation?: 'portrait' | 'landscape';
}

/** A kept report, as listed. */
export interface SavedReport {
	id: string;
	title: string;
	dataset: string;
	createdAt: number;
	savedAt: number;
}

export interface ReportApiDeps {
	/** Bytes of the OpenType font with Latin and Chinese glyphs. */
	loadFont: () => Promise<Uint8Array>;
	/** The Dexie database (opened on first use). */
	db: () => TrendcastDb;
}

const FONT = 'TrendcastSans';
const BRAND = '#7a2e62';
const MUTED = '#5f5866';

type Pdf = typeof PdfMake;

function toBase64(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin);
}

/** pdfmake content of one block. */
function blockContent(b: PdfBlock, width: number): Content[] {
	const heading = (text: string): Content => ({ text, style: 'h2', margin: [0, 12, 0, 6] });
	if (b.type === 'text')
		return [{ text: b.text, color: b.muted ? MUTED : undefined, margin: [0, 2] }];
	if (b.type === 'kpis') {
		const perRow = 4;
		const rows: TableCell[][] = [];
		for (let i = 0; i < b.items.length; i += perRow) {
			const cells: TableCell[] = b.items.slice(i, i + perRow).map((k) => ({
				stack: [
					{ text: k.label, color: MUTED, fontSize: 8.5 },
					{ text: k.value, fontSize: 15, color: BRAND, margin: [0, 1, 0, 0] },
					...(k.note ? [{ text: k.note, color: MUTED, fontSize: 7.5 }] : []),
				],
				margin: [0, 0, 0, 4],
			}));
			while (cells.length < perRow) cells.push({ stack: [{ text: '' }], margin: [0, 0, 0, 0] });
			rows.push(cells);
		}
		return [
			heading(b.title),
			{ table: { widths: Array(perRow).fill('*'), body: rows }, layout: 'noBorders' },
		];
	}
	if (b.type === 'notes')
		return [heading(b.title), { ul: b.lines, margin: [0, 0, 0, 4], lineHeight: 1.15 }];
	if (b.type === 'series') {
		const h = 70;
		const n = b.values.length;
		const top = Math.max(...b.values, 0) || 1;
		const points = b.values.map((v, i) => ({
			x: n > 1 ? (i / (n - 1)) * width : 0,
			y: h - (Math.max(v, 0) / top) * h,
		}));
		return [
			heading(b.title),
			{
				canvas: [
					{ type: 'line', x1: 0, y1: h, x2: width, y2: h, lineWidth: 0.5, lineColor: '#c9c2cc' },
					...(n > 1
						? [{ type: 'polyline' as const, points, lineWidth: 1.2, lineColor: BRAND }]
						: []),
				],
			},
			{
				columns: [
					{ text: b.from, color: MUTED, fontSize: 8 },
					{ text: b.max, color: MUTED, fontSize: 8, alignment: 'center' },
					{ text: b.to, color: MUTED, fontSize: 8, alignment: 'right' },
				],
				margin: [0, 2, 0, 0],
			},
		];
	}
	const head = b.headers.map((h, i) => ({ text: h, style: 'th', alignment: b.align[i] }));
	const body: TableCell[][] = b.rows.map((r) =>
		r.map((c, i) => ({ text: c, alignment: b.align[i] })),
	);
	if (b.footer) body.push(b.footer.map((c, i) => ({ text: c, alignment: b.align[i], bold: true })));
	return [
		heading(b.title),
		...(b.note ? [{ text: b.note, color: MUTED, margin: [0, 0, 0, 4] } satisfies Content] : []),
		...(b.rows.length || b.footer
			? [
					{
						table: {
							headerRows: 1,
							widths: b.headers.map((_, i) => (b.align[i] === 'left' ? '*' : 'auto')),
							body: [head, ...body],
						},
						layout: 'lightHorizontalLines',
						fontSize: 8.5,
					},
				]
			: []),
	];
}

/** Every text a PDF request shows (titles, labels, values, cells, notes). */
export function pdfTexts(req: PdfRequest): string[] {
	const out = [req.title, ...req.subtitle, req.footer];
	for (const b of req.blocks) {
		if (b.type === 'kpis') {
			out.push(b.title);
			for (const k of b.items) out.push(k.label, k.value, k.note ?? '');
		} else if (b.type === 'table') {
			out.push(b.title, b.note ?? '', ...b.headers, ...b.rows.flat(), ...(b.footer ?? []));
		} else if (b.type === 'series') out.push(b.title, b.from, b.to, b.max);
		else if (b.type === 'text') out.push(b.text);
		else out.push(b.title, ...b.lines);
	}
	return out;
}

export function createReportApi(deps: ReportApiDeps) {
	let ready: Promise<Pdf> | null = null;
	let font: Promise<Uint8Array> | null = null;
	let coverage: Coverage | null = null;

	function fontBytes(): Promise<Uint8Array> {
		font ??= deps.loadFont();
		font.catch(() => (font = null));
		return font;
	}

	function pdfLib(): Promise<Pdf> {
		// pdfmake (1 MB) is loaded on the first PDF only, not to list kept reports.
		ready ??= Promise.all([fontBytes(), import('pdfmake/build/pdfmake')]).then(([font, mod]) => {
			const lib = mod.default as { default?: Pdf } | Pdf;
			const pm = ('default' in lib && lib.default ? lib.default : lib) as Pdf;
			pm.addVirtualFileSystem({ 'trendcast-sans.otf': toBase64(font) });
			const f = 'trendcast-sans.otf';
			pm.addFonts({ [FONT]: { normal: f, bold: f, italics: f, bolditalics: f } });
			return pm;
		});
		ready.catch(() => (ready = null));
		return ready;
	}

	return {
		/** The PDF of `req` (bytes; the client saves them as a file). */
		async pdf(req: PdfRequest): Promise<Uint8Array> {
			let pm: Pdf;
			try {
				pm = await pdfLib();
			} catch (e) {
				throw codedError('ReportError', 'report_err_pdf', { detail: String(e).slice(0, 200) });
			}
			const landscape = req.orientation === 'landscape';
			const width = (landscape ? 841.89 : 595.28) - 80;
			const doc: TDocumentDefinitions = {
				pageSize: 'A4',
				pageOrientation: landscape ? 'landscape' : 'portrait',
				pageMargins: [40, 40, 40, 50],
				info: { title: req.title, creator: 'Trendcast', producer: 'Trendcast (pdfmake)' },
				language: req.lang,
				defaultStyle: { font: FONT, fontSize: 9.5, lineHeight: 1.15 },
				styles: {
					h1: { fontSize: 18, color: BRAND, margin: [0, 0, 0, 4] },
					h2: { fontSize: 12, color: BRAND },
					th: { color: MUTED, fontSize: 8.5 },
				},
				footer: (page: number, pages: number) => ({
					columns: [
						{ text: req.footer, color: MUTED, fontSize: 7.5 },
						{ text: `${page} / ${pages}`, alignment: 'right', color: MUTED, fontSize: 7.5 },
					],
					margin: [40, 16, 40, 0],
				}),
				content: [
					{ text: req.title, style: 'h1' },
					...req.subtitle.map((s) => ({ text: s, color: MUTED })),
					...req.blocks.flatMap((b) => blockContent(b, width)),
				],
			};
			try {
				return new Uint8Array(await pm.createPdf(doc).getBuffer());
			} catch (e) {
				throw codedError('ReportError', 'report_err_pdf', { detail: String(e).slice(0, 200) });
			}
		},

		/**
		 * The characters of `req` the embedded font cannot draw (at most 20, in order): a GB2312 subset, so
		 * a Hong Kong shop's 針織開衫 or a name's 玥 would come out as blanks. The view names them.
		 */
		async missingGlyphs(req: PdfRequest): Promise<string[]> {
			try {
				coverage ??= fontCoverage(await fontBytes());
			} catch (e) {
				throw codedError('ReportError', 'report_err_pdf', { detail: String(e).slice(0, 200) });
			}
			return missingChars(pdfTexts(req), coverage);
		},

		/** Keep a report (from a link or a file) on this device. */
		async saveReport(doc: ReportDoc): Promise<SavedReport> {
			const row: ReportRow = {
				id: crypto.randomUUID(),
				title: doc.title,
				dataset: doc.dataset,
				createdAt: doc.createdAt,
				savedAt: Date.now(),
				doc,
			};
			await deps.db().reports.put(row);
			return meta(row);
		},

		/** Kept reports, newest first. */
		async listReports(): Promise<SavedReport[]> {
			const rows = await deps.db().reports.orderBy('savedAt').reverse().toArray();
			return rows.map(meta);
		},

		async getReport(id: string): Promise<ReportDoc | null> {
			return (await deps.db().reports.get(id))?.doc ?? null;
		},

		async deleteReport(id: string): Promise<void> {
			await deps.db().reports.delete(id);
		},
	};
}

function meta(r: ReportRow): SavedReport {
	return {
		id: r.id,
		title: r.title,
		dataset: r.dataset,
		createdAt: r.createdAt,
		savedAt: r.savedAt,
	};
}

export type ReportWorkerApi = ReturnType<typeof createReportApi>;
