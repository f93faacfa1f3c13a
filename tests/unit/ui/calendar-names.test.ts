// A public holiday the shop took out of its calendar is listed by its name ("New Year's Day", 元旦),
// not by its key (new-year-s-day): the edit keeps only the key and the date.
import { afterEach, describe, expect, it } from 'vitest';
import {
	builtInDays,
	calendarDates,
	eventName,
	holidayNames,
	runsOfDays,
	unmeasuredSentence,
} from '../../../src/lib/calendar';
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

	it('spells a US holiday the US way in English (walk14: "Labour Day" on a US shop)', () => {
		expect(removedLabel('US', 'labour-day', '2018-09-03')).toBe('Labor Day');
		const us = builtInDays('US', 2018, 2018).find((d) => d.key === 'labour-day');
		expect(us?.names?.[0]).toBe('Labor Day');
		i18n.locale = 'zh-CN';
		expect(removedLabel('US', 'labour-day', '2018-09-03')).toBe('劳动节');
	});

	it('names Germany’s holidays so a German shop knows the day (walk17: "National Holiday")', () => {
		const de = builtInDays('DE', 2026, 2026);
		const name = (key: string) => de.find((d) => d.key === key)?.names?.[0];
		expect(name('national-holiday')).toBe('German Unity Day');
		expect(name('boxing-day')).toBe('Second Day of Christmas');
		expect(name('easter-monday')).toBe('Easter Monday');
		expect(name('whit-monday')).toBe('Whit Monday');
		expect(removedLabel('DE', 'national-holiday', '2026-10-03')).toBe('German Unity Day');
		i18n.locale = 'zh-CN';
		expect(removedLabel('DE', 'national-holiday', '2026-10-03')).toBe('国庆日');
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

describe('built-in days as Settings lists them', () => {
	it('shows an event on consecutive days as one line with its first and last date', () => {
		// the UK's Christmas shopping weeks are one line, not 24; Boxing Day stays its own
		const runs = runsOfDays(builtInDays('GB', 2026, 2026));
		const christmas = runs.filter((r) => /christmas/i.test(r.key) && r.dates.length > 1);
		expect(christmas.length).toBeGreaterThan(0);
		for (const r of christmas)
			for (let i = 1; i < r.dates.length; i++)
				expect(Date.parse(r.dates[i]) - Date.parse(r.dates[i - 1])).toBe(86_400_000);
		// every built-in day is in exactly one run
		expect(runs.reduce((a, r) => a + r.dates.length, 0)).toBe(builtInDays('GB', 2026, 2026).length);
		// two events on interleaved dates keep their own runs
		expect(
			runsOfDays([
				{ key: 'a', date: '2026-01-01' },
				{ key: 'b', date: '2026-01-01' },
				{ key: 'a', date: '2026-01-02' },
				{ key: 'a', date: '2026-01-04' },
			]).map((r) => [r.key, r.dates.join(',')]),
		).toEqual([
			['a', '2026-01-01,2026-01-02'],
			['b', '2026-01-01'],
			['a', '2026-01-04'],
		]);
	});

	it('writes the dates as the UI language does, not as ISO', () => {
		const en = calendarDates(['2026-11-28', '2026-11-29', '2026-12-24']);
		expect(en).toMatch(/^(28 Nov 2026|Nov 28, 2026) – (24 Dec 2026|Dec 24, 2026)$/);
		i18n.locale = 'zh-CN';
		expect(calendarDates(['2026-11-11'])).toBe('2026年11月11日');
	});
});

describe('events coming in a forecast, too rare to measure', () => {
	const ev = (key: string, ahead: number, past = 1) => ({ key, ahead: [ahead], past });
	const names = (key: string, date: string) => {
		const n = holidayNames('US', key, date);
		return n ? { names: n } : {};
	};

	it('lists up to 3 one a line (no sentence)', () => {
		expect(unmeasuredSentence([ev('black-friday', 0), ev('cyber-monday', 1)], 'week')).toBeNull();
	});

	it('says more than 3 in one sentence naming each, in English and Chinese (walk14: 7 lines)', () => {
		const events = [
			{ ...ev('black-friday', 0) },
			{ ...ev('thanksgiving-day', 0), ...names('thanksgiving-day', '2018-11-22') },
			{ ...ev('cyber-monday', 1) },
			{ ...ev('christmas-day', 5), ...names('christmas-day', '2018-12-25') },
		];
		const en = unmeasuredSentence(events, 'week') ?? '';
		expect(en).toMatch(
			/^Black Friday \(week 1\), Thanksgiving Day \(week 1\), Cyber Monday \(week 2\),? and Christmas Day \(week 6\) fall in this forecast/,
		);
		expect(en).toContain('at least two are needed');
		i18n.locale = 'zh-CN';
		const zh = unmeasuredSentence(events, '周') ?? '';
		expect(zh).toContain('（第 1 周）');
		expect(zh).toContain('圣诞节（第 6 周）');
		expect(zh).toContain('都落在本次预测期内');
	});
});
