// Types of the i18n catalogs (see catalog/common.ts for the pattern every area copies).
import type { MessageParam } from '../../core/messages';

/** The languages of the UI. */
export type Locale = 'en' | 'zh-CN';

/**
 * Params as a message function sees them: the raw values, plus `<name>Text` for every number,
 * already formatted for the locale (thousands separators), e.g. `p.n` = 1234, `p.nText` = "1,234".
 */
export type FormattedParams = Record<string, MessageParam>;

/**
 * A message: a string with `{name}` placeholders (numbers are formatted for the locale), or a
 * function for plurals and other grammar.
 */
export type MessageValue = string | ((p: FormattedParams) => string);

/** One language's messages of one area. */
export type Catalog<K extends string = string> = Record<K, MessageValue>;
