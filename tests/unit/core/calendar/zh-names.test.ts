// Every public holiday of the built-in calendar has a Simplified-Chinese name, so the zh-CN interface
// never shows an English (or Japanese/Korean) one: fails when `npm run build:calendar` adds a holiday
// without an entry in scripts/calendar-zh.ts.
import { describe, expect, it } from 'vitest';
import table from '../../../../src/core/calendar/holidays.json' with { type: 'json' };
import { shopCalendar } from '../../../../src/core/calendar/events';

const notChinese = /[A-Za-z\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]/;

describe('holiday names in Chinese', () => {
	it('every holiday of every country has a zh-CN name without Latin letters, kana or hangul', () => {
		const countries = (table as { countries: Record<string, { names: Record<string, string[]> }> })
			.countries;
		const missing: string[] = [];
		let n = 0;
		for (const [code, c] of Object.entries(countries))
			for (const [key, names] of Object.entries(c.names)) {
				n++;
				const zh = names[2];
				if (names.length !== 3 || !zh || notChinese.test(zh)) missing.push(`${code} ${key}`);
			}
		expect(n).toBeGreaterThan(200);
		expect(missing).toEqual([]);
	});
	it("a Western shop's calendar names its holidays in Chinese (UK: Boxing Day, Christmas)", () => {
		const events = shopCalendar('GB', 2024, 2024).filter((e) => e.kind === 'holiday');
		const byKey = new Map(events.map((e) => [e.key, e.names]));
		expect(byKey.get('boxing-day')).toEqual(['Boxing Day', 'Boxing Day', '节礼日']);
		expect(byKey.get('christmas-day')?.[2]).toBe('圣诞节');
		for (const e of events) expect(e.names?.[2]).not.toMatch(notChinese);
	});
});
