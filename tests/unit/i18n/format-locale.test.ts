// lib/format.ts follows the UI language (not the browser's).
import { afterEach, describe, expect, it } from 'vitest';
import { bindLocale } from '../../../src/lib/i18n/locale';
import type { Locale } from '../../../src/lib/i18n/types';
import { formatBytes, formatNumber, formatPeriod, periodName } from '../../../src/lib/format';

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
});
