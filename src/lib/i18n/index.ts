// Public face of the i18n module: views import `t`, `tm` and `i18n` from here.
export {
	clauseSep,
	i18n,
	listSep,
	LOCALES,
	matchLocale,
	sentences,
	t,
	te,
	tm,
	tmMoney,
} from './i18n.svelte';
export { translate } from './translate';
export { msg } from './message';
export type { MessageCode } from './catalog';
export type { Locale } from './types';
