// Words of a report: a ReportDoc's message codes and numbers in the reader's language, as cells for the
// screen, rows for a CSV and a worded PdfRequest for the report worker (which lays out, never words).
import { withUnit, type CsvValue } from '../../lib/export/csv-download';
import {
	formatDate,
	formatMomentDate,
	formatMoney,
	formatNumber,
	formatPercent,
	momentIsoDay,
} from '../../lib/format';
import { i18n, t, tm } from '../../lib/i18n';
import { productLabel } from '../../lib/product-label';
import type { PdfBlock, PdfRequest } from '../../lib/workers/report-client';
import { sayExplain } from '../Forecast/explain-words';
import type {
	ReportCell,
	ReportDoc,
	ReportSection,
	ReportTableSection,
	ReportValueKind,
} from '../../core/report/types';

/** A value as shown on screen and in the PDF. */
export function formatValue(v: ReportCell, kind: ReportValueKind, currency: string): string {
	if (v === null) return '–';
	// a product id the import gave rows without one ("(all products)") in the reader's words
	if (typeof v === 'string') return productLabel(v);
	switch (kind) {
		case 'money':
			return formatMoney(v, currency);
		case 'percent':
			// one decimal: a top product's share of a big shop's revenue is often under 1 % ("0.5%", not "0%");
			// always one, so the column lines up ("8.0%" over "19.5%", not "8%")
			return formatPercent(v / 100, 1, true);
		case 'date':
			return formatDate(v);
		case 'count':
		case 'units':
			return formatNumber(v);
		default:
			return String(v);
	}
}

/** Right-aligned columns: everything but text. */
export const isNumeric = (kind: ReportValueKind) => kind !== 'text';

/**
 * A table section as CSV rows (header first): raw numbers, so a spreadsheet can compute with them; the
 * header says what a raw number is in ("Revenue (GBP)", "Share of revenue (%)": 2.16 is per cent).
 */
export function tableCsv(s: ReportTableSection, currency: string): CsvValue[][] {
	const unit = (kind: ReportValueKind) =>
		kind === 'money' ? currency : kind === 'percent' ? '%' : undefined;
	return [
		s.columns.map((c) => withUnit(tm(c.label), unit(c.kind))),
		...s.rows.map((r) => r.map((c) => c ?? '')),
	];
}

/** The subtitle lines under a report's title; "Made" on the owner's clock (`timeZone` for tests). */
export function subtitle(doc: ReportDoc, timeZone?: string): string[] {
	return [
		// the colon in the catalog: a full-width "：" without a space in Chinese, ": " in English
		t('report_dataset', { name: doc.dataset }),
		t('report_period', { from: formatDate(doc.period.from), to: formatDate(doc.period.to) }),
		t('report_made', { date: formatMomentDate(doc.createdAt, timeZone) }),
	];
}

function pdfBlock(s: ReportSection, currency: string): PdfBlock {
	if (s.type === 'kpis')
		return {
			type: 'kpis',
			title: tm(s.title),
			items: s.items.map((k) => ({
				label: tm(k.label),
				value: formatValue(k.value, k.kind, currency),
				...(k.note ? { note: tm(k.note) } : {}),
			})),
		};
	if (s.type === 'series')
		return {
			type: 'series',
			title: tm(s.title),
			values: s.values,
			from: formatDate(s.ds[0]),
			to: formatDate(s.ds[s.ds.length - 1]),
			max: t('report_chart_max', {
				value: formatValue(Math.max(...s.values, 0), s.kind, currency),
			}),
		};
	if (s.type === 'notes')
		return {
			type: 'notes',
			title: tm(s.title),
			lines: s.items.map((m) => sayExplain(m, s.freq, (v) => formatValue(v, s.kind, currency))),
		};
	return {
		type: 'table',
		title: tm(s.title),
		...(s.note ? { note: tm(s.note) } : {}),
		headers: s.columns.map((c) => tm(c.label)),
		align: s.columns.map((c) => (isNumeric(c.kind) ? 'right' : 'left')),
		rows: s.rows.map((r) => r.map((v, i) => formatValue(v, s.columns[i].kind, currency))),
	};
}

/** The report in words, for the report worker's PDF. */
export function reportPdfRequest(doc: ReportDoc): PdfRequest {
	return {
		title: doc.title,
		subtitle: subtitle(doc),
		blocks: doc.sections.map((s) => pdfBlock(s, doc.currency)),
		footer: t('report_footer'),
		lang: i18n.locale,
	};
}

/** `trendcast-report-<title>-YYYY-MM-DD.<ext>`, letters and digits of any script kept. */
export function reportFileName(doc: ReportDoc, ext: string, timeZone?: string): string {
	const slug = doc.title
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	const day = momentIsoDay(doc.createdAt, timeZone);
	return `trendcast-report${slug ? `-${slug}` : ''}-${day}.${ext}`;
}

/** Where a read-only report comes from: a link's payload text, a file's bytes, or a kept report. */
export type SharedSource =
	| { kind: 'link'; text: string }
	| { kind: 'file'; bytes: Uint8Array }
	| { kind: 'kept'; doc: ReportDoc };

/**
 * Under a downloaded PDF: the characters its built-in font (a GB2312 subset) could not draw, e.g. a
 * Hong Kong shop's 針織開衫, so the owner knows why they are blank there. Null when every one was drawn.
 */
export function missingGlyphsNote(chars: readonly string[]): string | null {
	return chars.length === 0
		? null
		: t('report_pdf_missing_glyphs', { n: chars.length, chars: chars.join(' ') });
}
