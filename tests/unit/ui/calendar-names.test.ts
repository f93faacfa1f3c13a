// A public holiday the shop took out of its calendar is listed by its name ("New Year's Day", 元旦),
// not by its key (new-year-s-day): the edit keeps only the key and the date.
import { afterEach, describe, expect, it } from 'vitest';
import { eventName, holidayNames } from '../../../src/lib/calendar';
import { i18n } from '../../../src/lib/i18n';

afterEach(() => {
	i18n.locale = 'en';
});

/** The label the Settings calendar shows for a removed day (CalendarCard's `label`). */
function removedLabel(country: string, key: string, date: string): string {
	const n = holidayNames(country, key, date);
	return eventName(key, n ? [n[0], n[2]] : null);
}

describe('names of removed built-in days', () => {
	it('names a removed public holiday in English and Chinese', () => {
		expect(removedLabel('CN', 'new-year-s-day', '2026-01-01')).toBe("New Year's Day");
		i18n.locale = 'zh-CN';
		expect(removedLabel('CN', 'new-year-s-day', '2026-01-01')).toBe('元旦');
		expect(removedLabel('CN', 'spring-festival', '2026-02-17')).toBe('春节');
	});

	it('finds the name in another country when the shop changed its country since', () => {
		// removed while the shop was in China, listed now that it is in the UK
		expect(removedLabel('GB', 'national-day', '2026-10-01')).toBe('National Day');
	});

	it('leaves festivals to the catalog and the shop’s own names as typed', () => {
		expect(holidayNames('CN', '618', '2026-06-18')).toBeUndefined();
		expect(removedLabel('CN', '618', '2026-06-18')).toMatch(/618/);
		expect(holidayNames('GB', 'Shop anniversary', '2026-10-20')).toBeUndefined();
		expect(removedLabel('GB', 'Shop anniversary', '2026-10-20')).toBe('Shop anniversary');
	});
});
