// The report worker's API in Node: a PDF with English and Chinese text (the shipped subset font),
// whose text pdf.js extracts again, a purchase order with its lines and total, and kept reports in
// the app's Dexie schema (fake-indexeddb).
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { buildReport } from '../../../src/core/report/build';
import { createReportApi, type PdfRequest } from '../../../workers/report-api';
import { zhCN as reportZh } from '../../../src/lib/i18n/catalog/report';

const FONT = 'public/fonts/NotoSansSC-Trendcast.otf';

function api() {
	const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
	return createReportApi({
		loadFont: async () => new Uint8Array(readFileSync(FONT)),
		db: () => db,
	});
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
	const pdf = await getDocument({
		data: bytes.slice(),
		disableFontFace: true,
		useSystemFonts: false,
	}).promise;
	let text = '';
	for (let i = 1; i <= pdf.numPages; i++) {
		const page = await pdf.getPage(i);
		const content = await page.getTextContent();
		text += content.items.map((x) => ('str' in x ? x.str : '')).join(' ') + '\n';
	}
	return { text, pages: pdf.numPages };
}

const REQ: PdfRequest = {
	title: 'Sales report — 销售报告',
	subtitle: ['Online Retail', '2010-12-01 – 2011-12-09'],
	lang: 'zh-CN',
	footer: '由 Trendcast 生成',
	blocks: [
		{
			type: 'kpis',
			title: '概览',
			items: [
				{ label: '销售额', value: '£1,234,567' },
				{ label: 'Units sold', value: '5,432', note: '合计' },
			],
		},
		{ type: 'series', title: '每周销量', values: [3, 5, 2, 8, 6], from: 'W1', to: 'W5', max: '8' },
		{
			type: 'table',
			title: '需要补货的商品',
			headers: ['商品', 'Description', '订货量'],
			align: ['left', 'left', 'right'],
			rows: [
				['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '48'],
				['C001', '真丝连衣裙（红色）', '12'],
			],
		},
	],
};

describe('report PDF (pdfmake in the report worker)', () => {
	it('names the characters its font cannot draw (a Hong Kong shop’s 針織開衫, blank in the PDF)', async () => {
		const a = api();
		expect(await a.missingGlyphs(REQ)).toEqual([]);
		const hk: PdfRequest = {
			...REQ,
			subtitle: ['香港 · 旺角店'],
			blocks: [
				{
					type: 'table',
					title: '需要补货的商品',
					headers: ['商品', '订货量'],
					align: ['left', 'right'],
					rows: [['針織開衫', '12']],
					footer: ['合計', '12'],
				},
				{ type: 'notes', title: '预测', lines: ['牛仔褲的銷量在上升。'] },
			],
		};
		expect(await a.missingGlyphs(hk)).toEqual(['針', '織', '開', '計', '褲', '銷']);
		// the PDF itself has them as the empty glyph (pdf.js reads U+0000): why the view names them
		const { text } = await pdfText(await a.pdf(hk));
		expect(text).toContain('\u0000\u0000\u0000衫');
	});

	it('renders English and Chinese text that can be extracted again, with the font subset', async () => {
		const bytes = await api().pdf(REQ);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const { text, pages } = await pdfText(bytes);
		expect(pages).toBe(1);
		for (const s of [
			'Sales report',
			'销售报告',
			'WHITE HANGING HEART',
			'真丝连衣裙',
			'需要补货的商品',
			'£1,234,567',
		])
			expect(text).toContain(s);
		// Only the glyphs used are embedded: far smaller than the 1.6 MB font file.
		expect(bytes.length).toBeLessThan(120_000);
		expect(readFileSync(FONT).length).toBeGreaterThan(1_000_000);
	});

	it('the shipped font has every character of the Chinese report texts (none drop out of the PDF)', async () => {
		const texts = Object.values(reportZh)
			.filter((v): v is string => typeof v === 'string')
			.map((v) => v.replace(/\{\w+\}/g, '').replace(/\s+/g, ''));
		const bytes = await api().pdf({
			...REQ,
			blocks: [{ type: 'text', text: texts.join('\n') }],
		});
		const text = (await pdfText(bytes)).text.replace(/\s+/g, '');
		for (const s of texts) expect(text).toContain(s);
	});

	it('lays out a long table over several pages', async () => {
		const rows = Array.from({ length: 120 }, (_, i) => [`P${i}`, `商品 ${i}`, String(i)]);
		const bytes = await api().pdf({
			...REQ,
			blocks: [
				{ ...(REQ.blocks[2] as Extract<PdfRequest['blocks'][number], { type: 'table' }>), rows },
			],
		});
		const { text, pages } = await pdfText(bytes);
		expect(pages).toBeGreaterThan(2);
		expect(text).toContain('商品 119');
	});

	it('keeps, lists and deletes reports', async () => {
		const a = api();
		const doc = buildReport({
			title: '周报',
			dataset: 'Shop',
			currency: 'CNY',
			period: { from: 0, to: 1 },
			createdAt: 5,
			products: [{ productId: 'A', description: 'a', units: 1, revenue: 2, orders: 1 }],
		});
		const saved = await a.saveReport(doc);
		expect(saved).toMatchObject({ title: '周报', dataset: 'Shop', createdAt: 5 });
		expect((await a.listReports()).map((r) => r.id)).toEqual([saved.id]);
		expect(await a.getReport(saved.id)).toEqual(doc);
		await a.deleteReport(saved.id);
		expect(await a.listReports()).toEqual([]);
	});
});
