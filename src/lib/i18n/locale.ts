// The current UI language as a plain function, for code that must also run outside Svelte (lib/format.ts in
// Node tests). i18n.svelte.ts binds it to its rune, so a template calling a formatter re-renders on a switch.
import type { Locale } from './types';

let source: () => Locale = () => 'en';

/** The UI language now ('en' until the app binds its state). */
export function currentLocale(): Locale {
	return source();
}

/** Makes `currentLocale()` read from `get` (called once by the app's i18n state). */
export function bindLocale(get: () => Locale): void {
	source = get;
}

/**
 * The Intl locale for numbers and dates in a UI language: Chinese → zh-CN; English keeps the browser's
 * English variant (en-US writes "Nov 29, 2010"), else British English like the demo shop.
 */
export function intlLocale(locale: Locale): string {
	if (locale === 'zh-CN') return 'zh-CN';
	const nav = typeof navigator === 'undefined' ? '' : navigator.language || '';
	return nav.toLowerCase().startsWith('en') ? nav : 'en-GB';
}
