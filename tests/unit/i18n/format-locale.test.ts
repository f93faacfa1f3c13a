// lib/format.ts follows the UI language (not the browser's).
import { afterEach, describe, expect, it } from 'vitest';
import { bindLocale } from '../../../src/lib/i18n/locale';
import type { Locale } from '../../../src/lib/i18n/types';
import {
	formatBytes,
	formatNumber,
	formatPeriod,
	periodName,
	previewSummary,
} from '../../../src/lib/format';

let locale: Locale = 'en';
bindLocale(() => locale);
afterEach(() => {
	locale = 'en';
});

describe('formatting in the UI language', () => {
	const nov29 = Date.UTC(2010, 10, 29);

	it('writes English periods the British way by default', () => {
		expect(formatPeriod(nov29, 'week')).toBe('Week of 29 Nov 2010');
		expect(periodName('week')).toBe('weeks');
		expect(formatBytes(512)).toBe('512 bytes');
	});

	it('switches numbers, dates and words to Chinese with the UI', () => {
		locale = 'zh-CN';
		expect(formatPeriod(nov29, 'week')).toBe('2010年11月29日 当周');
		expect(formatPeriod(nov29, 'month')).toBe('2010年11月');
		expect(periodName('month')).toBe('个月');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatBytes(512)).toBe('512 字节');
	});

	it('says a file’s encoding and separator only where it has them (walk12: "XLSX · UTF-8 · 以“,”分隔")', () => {
		locale = 'zh-CN';
		const gbk = { rowCount: 4191, format: 'csv', encoding: 'gb18030', delimiter: ',' };
		expect(previewSummary(gbk)).toBe('4,191 行 · CSV · 简体中文（GBK / GB18030） · 以“,”分隔');
		expect(previewSummary({ ...gbk, format: 'tsv', delimiter: '\t' })).toMatch(/以“制表符”分隔$/);
		// the worker reads a workbook as UTF-8 CSV: the owner's file had no encoding or separator
		const xlsx = { rowCount: 1500, format: 'xlsx', encoding: 'utf-8', delimiter: ',' };
		expect(previewSummary(xlsx)).toBe('1,500 行 · XLSX');
		expect(previewSummary({ ...xlsx, format: 'parquet' })).toBe('1,500 行 · PARQUET');
		expect(previewSummary({ ...xlsx, format: 'json' })).toBe('1,500 行 · JSON · UTF-8');
		locale = 'en';
		expect(previewSummary(xlsx)).toBe('1,500 rows · XLSX');
	});
});
