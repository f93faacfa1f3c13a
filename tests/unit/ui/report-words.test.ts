// The report's words: a share of revenue under 1 % is not shown as "0%"; the subtitle and the PDF chart's
// scale are in the reader's language, with Chinese punctuation in Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_KIND, REPORT_VERSION, type ReportDoc } from '../../../src/core/report/types';
import { i18n, msg } from '../../../src/lib/i18n';
import { formatDate } from '../../../src/lib/format';
import {
	formatValue,
	reportFileName,
	reportPdfRequest,
	subtitle,
	tableCsv,
} from '../../../src/views/Report/words';

afterEach(() => {
	i18n.locale = 'en';
});

describe('report cells', () => {
	it('shows a share of revenue with one decimal, always one so the column lines up', () => {
		// REGENCY CAKESTAND's and WOOD BLACK BOARD's shares of the UCI shop's revenue
		expect(formatValue(2.16, 'percent', 'GBP')).toBe('2.2%');
		expect(formatValue(0.46, 'percent', 'GBP')).toBe('0.5%');
		expect(formatValue(25, 'percent', 'GBP')).toBe('25.0%');
		expect(formatValue(8, 'percent', 'GBP')).toBe('8.0%');
		expect(formatValue(null, 'percent', 'GBP')).toBe('–');
	});
});

describe('report table CSV', () => {
	it('names the unit of raw money and per-cent columns in the header, in the reader’s language', () => {
		const table = {
			type: 'table' as const,
			id: 'top_products',
			title: msg('report_sec_top_products', { n: 1 }),
			columns: [
				{ label: msg('report_col_units'), kind: 'units' as const },
				{ label: msg('report_col_revenue'), kind: 'money' as const },
				{ label: msg('report_col_share'), kind: 'percent' as const },
			],
			rows: [[12, 345.5, 2.16]],
		};
		expect(tableCsv(table, 'GBP')).toEqual([
			['Units', 'Revenue (GBP)', 'Share of revenue (%)'],
			[12, 345.5, 2.16],
		]);
		i18n.locale = 'zh-CN';
		expect(tableCsv(table, 'CNY')[0]).toEqual(['销量', '销售额 (CNY)', '销售额占比 (%)']);
	});
});

describe('report subtitle and PDF chart', () => {
	const doc: ReportDoc = {
		kind: REPORT_KIND,
		v: REPORT_VERSION,
		title: 'Sales report',
		createdAt: Date.UTC(2026, 11, 7),
		dataset: '示例：英国网上礼品店',
		currency: 'CNY',
		period: { from: Date.UTC(2010, 11, 1), to: Date.UTC(2011, 8, 11) },
		sections: [
			{
				type: 'series',
				id: 'weekly_units',
				title: msg('report_sec_summary'),
				ds: [Date.UTC(2011, 8, 5)],
				values: [1200],
				kind: 'units',
			},
		],
	};

	it('writes "Dataset: …" and "Period: …" in English', () => {
		const [dataset, period] = subtitle(doc);
		expect(dataset).toBe('Dataset: 示例：英国网上礼品店');
		expect(period).toMatch(/^Period: .*2010 – .*2011$/);
		const chart = reportPdfRequest(doc).blocks[0] as { max: string };
		expect(chart.max).toBe('max 1,200');
	});

	it('dates "Made" and the file name by the owner’s clock, not UTC (walk14: 7:40 pm in New York said tomorrow)', () => {
		// 00:40 UTC on 8 Dec is 19:40 on 7 Dec in New York and 08:40 on 8 Dec in Shanghai
		const evening = { ...doc, title: 'Weekly', createdAt: Date.UTC(2026, 11, 8, 0, 40) };
		expect(subtitle(evening, 'America/New_York')[2]).toBe(
			`Made ${formatDate(Date.UTC(2026, 11, 7))}`,
		);
		expect(subtitle(evening, 'Asia/Shanghai')[2]).toBe(`Made ${formatDate(Date.UTC(2026, 11, 8))}`);
		expect(reportFileName(evening, 'pdf', 'America/New_York')).toBe(
			'trendcast-report-Weekly-2026-12-07.pdf',
		);
		expect(reportFileName(evening, 'pdf', 'Asia/Shanghai')).toBe(
			'trendcast-report-Weekly-2026-12-08.pdf',
		);
	});

	it('uses a full-width colon and Chinese words in Chinese, also on the PDF chart', () => {
		i18n.locale = 'zh-CN';
		const [dataset, period] = subtitle(doc);
		expect(dataset).toBe('数据集：示例：英国网上礼品店');
		expect(period).toMatch(/^期间：2010年12月1日 – 2011年9月11日$/);
		const chart = reportPdfRequest(doc).blocks[0] as { max: string };
		expect(chart.max).toBe('最高 1,200');
		expect(chart.max).not.toMatch(/max/);
	});
});
