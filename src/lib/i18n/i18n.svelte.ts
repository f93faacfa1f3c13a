// The UI language and the one function views use to turn message codes into words: `t(code, params)`.
// The language comes from `?lang=zh-CN|en` in the URL, else the saved choice, else the browser's language.
// Reading `i18n.locale` inside `t` makes every template that calls `t` re-render on a switch.
import type { Message, MessageParam } from '../../core/messages';
import type { MessageCode } from './catalog';
import { bindLocale } from './locale';
import { appMessageParams, translate } from './translate';
import type { Locale } from './types';

const LOCALE_KEY = 'trendcast.locale';
/** Every UI language, in the order the switch lists them. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Picks a supported locale from a BCP 47 tag ('zh', 'zh-Hans-CN' → zh-CN; anything else → en). */
export function matchLocale(tag: string | null | undefined): Locale | null {
	if (!tag) return null;
	const l = tag.toLowerCase();
	if (l.startsWith('zh')) return 'zh-CN';
	if (l.startsWith('en')) return 'en';
	return null;
}

function initialLocale(): Locale {
	if (typeof location !== 'undefined') {
		const fromUrl = matchLocale(new URLSearchParams(location.search).get('lang'));
		if (fromUrl) {
			// A link that names a language is a choice: later visits without ?lang= keep it.
			try {
				localStorage.setItem(LOCALE_KEY, fromUrl);
			} catch {
				// Not saved in private mode.
			}
			return fromUrl;
		}
	}
	try {
		const saved = matchLocale(localStorage.getItem(LOCALE_KEY));
		if (saved) return saved;
	} catch {
		// localStorage blocked (private mode): fall through to the browser language.
	}
	if (typeof navigator !== 'undefined') return matchLocale(navigator.language) ?? 'en';
	return 'en';
}

class I18n {
	/** The current UI language. */
	locale = $state<Locale>(initialLocale());

	/** Switches the language, remembers it and sets `<html lang>`. */
	setLocale(next: Locale): void {
		this.locale = next;
		try {
			localStorage.setItem(LOCALE_KEY, next);
		} catch {
			// Not saved in private mode; the choice lasts for this visit.
		}
		if (typeof document !== 'undefined') document.documentElement.lang = next;
	}
}

/** The app's language state (one per page). */
export const i18n = new I18n();
bindLocale(() => i18n.locale);
if (typeof document !== 'undefined') document.documentElement.lang = i18n.locale;

/** The words for a message code in the current UI language. */
export function t(code: MessageCode, params?: Record<string, MessageParam>): string {
	return translate(i18n.locale, code, params);
}

/** The words for a `{ code, params }` message from core or a worker. */
export function tm(message: Message): string {
	return translate(
		i18n.locale,
		message.code,
		appMessageParams(i18n.locale, message.code, message.params),
	);
}

/**
 * Like `tm`, with the params that are money (i18n/money.ts) written as amounts in `currency` (the
 * dataset's ISO 4217 code): risk reasons, import and plan notes.
 */
export function tmMoney(message: Message, currency: string | undefined): string {
	const params = appMessageParams(i18n.locale, message.code, message.params);
	return translate(i18n.locale, message.code, params, currency);
}

/** The separator of a list's items in the current UI language: ", " in English, "、" in Chinese. */
export function listSep(): string {
	return i18n.locale === 'zh-CN' ? '、' : ', ';
}

/** The separator of a list's clauses (items that hold commas themselves): "; " or "；". */
export function clauseSep(): string {
	return i18n.locale === 'zh-CN' ? '；' : '; ';
}

/**
 * Sentences joined as the current UI language writes them: with a space in English, with none
 * after Chinese full stops (。).
 */
export function sentences(parts: readonly string[]): string {
	return parts.join(i18n.locale === 'zh-CN' ? '' : ' ');
}

/** The words for an error shown to the user: its message code when a worker gave one, else its text. */
export function te(e: { message: string; msg?: Message }): string {
	return e.msg ? tm(e.msg) : e.message;
}
