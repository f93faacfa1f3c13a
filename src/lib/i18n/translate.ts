// Pure message formatting (no runes), so Node tests and non-Svelte code can use it: `translate(locale, code, params)`.
import type { MessageParam } from '../../core/messages';
import { en, zhCN } from './catalog';
import { MONEY_PARAMS, moneyIn } from './money';
import { isOne } from './plural';
import type { FormattedParams, Locale, MessageValue } from './types';

const catalogs: Record<Locale, Record<string, MessageValue>> = {
	en: en as Record<string, MessageValue>,
	'zh-CN': zhCN as Record<string, MessageValue>,
};

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function numberFormat(locale: Locale): Intl.NumberFormat {
	let f = numberFormats.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
		numberFormats.set(locale, f);
	}
	return f;
}

/**
 * The app's own regressor columns → their words: the engine's notes name a column by its key
 * ('price', 'promotion', 'signal', 'promo:share'), which a reader of 简体中文 saw as “price”.
 * A user's own column (the CLI's) keeps its name.
 */
const REGRESSOR_NAMES: Readonly<Record<string, string>> = {
	price: 'regressor_name_price',
	promotion: 'regressor_name_promotion',
	promo: 'regressor_name_promotion',
	signal: 'regressor_name_signal',
	'promo:share': 'regressor_name_promo_share',
};
/** Message codes whose `name` param is a regressor column. */
const REGRESSOR_NOTES: ReadonlySet<string> = new Set([
	'engine_note_regressor_constant',
	'engine_note_regressor_untested',
	'engine_note_regressor_collinear',
]);

/**
 * The app's words for the regressor a note names (its own columns 'price', 'promotion', …), for the app's
 * screens only: the CLIs' regressors are the user's own columns, whose names stay as written even when
 * one is called 'price'.
 */
export function appMessageParams(
	locale: Locale,
	code: string,
	params: Record<string, MessageParam> | undefined,
): Record<string, MessageParam> | undefined {
	const regressor =
		params && REGRESSOR_NOTES.has(code) ? REGRESSOR_NAMES[String(params.name)] : undefined;
	return regressor ? { ...params, name: translate(locale, regressor) } : params;
}

/**
 * Formats a message in a given locale (pure; used by `t` and by tests). With `currency` (the dataset's
 * ISO 4217 code), the params that are money (money.ts MONEY_PARAMS) are written as amounts in it.
 */
export function translate(
	locale: Locale,
	code: string,
	params: Record<string, MessageParam> = {},
	currency?: string,
): string {
	const value = catalogs[locale][code] ?? catalogs.en[code];
	if (value === undefined) return code; // a missing key shows its code, never a blank
	const money = currency ? MONEY_PARAMS[code] : undefined;
	if (money) {
		params = { ...params };
		for (const k of money) {
			const v = params[k];
			const text = typeof v === 'number' ? moneyIn(locale, v, currency!) : null;
			if (text !== null) params[k] = text;
		}
	}
	const formatted: FormattedParams = { ...params };
	for (const [k, v] of Object.entries(params)) {
		if (typeof v === 'number') formatted[`${k}Text`] = numberFormat(locale).format(v);
		else if (money?.includes(k)) formatted[`${k}Text`] = v;
	}
	if (typeof value === 'function') return value(formatted);
	return value
		.replace(
			/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
			(whole, name: string, one: string, other: string) => {
				const v = params[name];
				if (v === undefined) return whole;
				return isOne(locale, v) ? one : other;
			},
		)
		.replace(/\{(\w+)\}/g, (whole, name: string) => {
			const v = params[name];
			if (v === undefined) return whole;
			return typeof v === 'number' ? numberFormat(locale).format(v) : v;
		});
}
