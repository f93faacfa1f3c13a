// English says "1 unit" and "2 units": the `{n|unit|units}` form of a catalog string, `plural()` in a
// message function, and a sweep of the whole English catalog with every count at 1. Fails when a
// message says "1 products", "1 weeks ago" or "none of its 1 holidays" (seen on the Forecast screen).
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/catalog';
import { isOne, plural } from '../../../src/lib/i18n/plural';
import { translate } from '../../../src/lib/i18n/translate';

/** Nouns counted somewhere in the catalog: after a lone "1" they must be singular. */
const COUNTED =
	/(?<![\d.,])1 (units|rows|values|columns|days|periods|epochs|products|weeks|styles|customers|lines|orders|minutes|returns|reviews|ratings|reviewers|characters|forecasts|holidays|points|backtests|promotions|posts|launches|months|times|observations|bytes|texts|buckets|authors|personas|voices|checks|datasets|variants|sales rows)\b/;

/** A message rendered with every param at 1 (its `…Text` form "1"), strings and functions alike. */
function atOne(value: unknown): string {
	if (typeof value === 'function') {
		const params = new Proxy({}, { get: (_t, k) => (String(k).endsWith('Text') ? '1' : 1) });
		return String((value as (p: object) => string)(params));
	}
	const text = String(value);
	const names = [...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]);
	return text
		.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_w, _n, one: string) => one)
		.replace(/\{(\w+)\}/g, (w, n: string) => (names.includes(n) ? '1' : w));
}

describe('English plurals', () => {
	it('picks the singular for exactly one, the plural for 0, fractions and more', () => {
		expect(isOne('en', 1)).toBe(true);
		expect(isOne('en', '1')).toBe(true);
		for (const n of [0, 2, 1.5, 1234, '1,234', 'x', Number.NaN]) expect(isOne('en', n)).toBe(false);
		expect(plural(1, 'unit', 'units')).toBe('unit');
		expect(plural(0, 'unit', 'units')).toBe('units');
		// Chinese has no plural forms: never the singular branch
		expect(isOne('zh-CN', 1)).toBe(false);
	});

	it('formats {n|one|other} in catalog strings, with the count itself formatted', () => {
		expect(translate('en', 'report_of_read', { n: 1 })).toBe('of 1 row read');
		expect(translate('en', 'report_of_read', { n: 12345 })).toBe('of 12,345 rows read');
		expect(translate('en', 'plan_whatif_bands', { weeks: 1 })).toBe(
			'Over the next 1 week; in brackets the 80 % band.',
		);
		expect(translate('zh-CN', 'report_of_read', { n: 1 })).not.toMatch(/\|/);
	});

	it('says the one holiday of a calendar in the singular (the Forecast screen said "its 1 holidays")', () => {
		expect(translate('en', 'home_decomp_events_unused', { n: 1 })).toBe(
			'Holidays: the method chosen does not use the shop’s calendar, so its one holiday or festival does not change this forecast.',
		);
		expect(translate('en', 'home_decomp_events_unused', { n: 5 })).toContain(
			'none of its 5 holidays and festivals',
		);
		expect(
			translate('en', 'home_accuracy_latest_exact', { ago: 1, forecast: 1, h: 1, actual: 1 }),
		).toBe('The forecast made 1 week ago expected 1 unit for the 1 week since, and 1 sold.');
	});

	it('no English message says "1 <things>" when its counts are 1', () => {
		const wrong: string[] = [];
		for (const [key, value] of Object.entries(en as Record<string, unknown>)) {
			const text = atOne(value);
			const m = COUNTED.exec(text);
			if (m) wrong.push(`${key}: “…${m[0]}…”`);
		}
		expect(wrong).toEqual([]);
	});
});
