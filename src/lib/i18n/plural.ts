// Singular or plural for a count: the `{n|unit|units}` form of a catalog string (translate.ts) and
// `plural()` in a message function. Chinese has no plural forms, so only English uses them.
import type { MessageParam } from '../../core/messages';
import type { Locale } from './types';

const pluralRules = new Map<Locale, Intl.PluralRules>();
/**
 * Whether a count takes the singular in `locale` ("1 unit", but "0 units", "1.5 units", "2 units"):
 * the `{n|unit|units}` form of a catalog string, and `plural()` in a message function.
 */
export function isOne(locale: Locale, n: MessageParam): boolean {
	const v = typeof n === 'number' ? n : Number(n);
	if (!Number.isFinite(v)) return false;
	let rules = pluralRules.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		pluralRules.set(locale, rules);
	}
	return rules.select(v) === 'one';
}

/** English words for a count in a message function: `plural(p.n, 'unit', 'units')`. */
export function plural(n: MessageParam, one: string, other: string): string {
	return isOne('en', n) ? one : other;
}
