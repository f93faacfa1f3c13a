// Which currency a sales file's money is in, read from the file where it says so: a currency column
// (Shopify "Currency", WooCommerce "Order Currency", 币种 / 货币), a code or symbol in the price and
// revenue headers ("Price (GBP)", "金额(元)"), or symbols and codes in the amount cells (£12.50,
// ¥99, 99元, 12,50 €). Pure TypeScript: the data worker feeds it the distinct values of the columns.
// When the file does not say, the import screen asks (default from the browser's region).

/** ISO 4217 codes written in files and offered by the picker. */
export const CURRENCY_CODES = [
	'GBP',
	'EUR',
	'USD',
	'CNY',
	'HKD',
	'TWD',
	'JPY',
	'KRW',
	'SGD',
	'AUD',
	'NZD',
	'CAD',
	'CHF',
	'SEK',
	'NOK',
	'DKK',
	'PLN',
	'CZK',
	'INR',
	'BRL',
	'MXN',
	'RUB',
	'TRY',
	'AED',
	'ZAR',
] as const;

const CODE_SET: ReadonlySet<string> = new Set(CURRENCY_CODES);

/** Header of a column that holds the currency of each line. */
const CURRENCY_HEADER_RE =
	/^(?:(?:order|line|payment|transaction|presentment|shop|store)?[\s_-]*currency(?:[\s_-]*code)?|curr|ccy|currency[\s_-]*iso|币种|货币|币别|货币代码|结算币种|交易币种)$/i;

/** True for the header of a column holding each line's currency ("Currency", 币种 …). */
export function isCurrencyHeader(name: string): boolean {
	return CURRENCY_HEADER_RE.test(name.trim());
}

/** Symbols and words that name one currency without doubt (longest first where they overlap). */
const MARKERS: readonly [RegExp, string][] = [
	[/(?<![A-Z])US\$/i, 'USD'],
	[/(?<![A-Z])HK\$/i, 'HKD'],
	[/(?<![A-Z])NT\$/i, 'TWD'],
	[/(?<![A-Z])(?:A|AU)\$/, 'AUD'],
	[/(?<![A-Z])(?:C|CA)\$/, 'CAD'],
	[/(?<![A-Z])NZ\$/i, 'NZD'],
	[/(?<![A-Z])S\$/, 'SGD'],
	[/(?<![A-Z])R\$/, 'BRL'],
	[/(?<![A-Z])MX\$/i, 'MXN'],
	[/£/, 'GBP'],
	[/€/, 'EUR'],
	[/人民币|元|RMB|CN¥/i, 'CNY'],
	[/円/, 'JPY'],
	[/₩|원/, 'KRW'],
	[/₹/, 'INR'],
	[/₽/, 'RUB'],
	[/₺/, 'TRY'],
	[/zł/i, 'PLN'],
	[/Kč/, 'CZK'],
];

/**
 * The currency one text names: an ISO code standing alone ("GBP", "12.50 EUR", "Price (USD)"), a
 * symbol (£, €, US$, HK$, ₩ …) or a word (元, 人民币, RMB, 円). `yen` decides ¥/￥, which China and
 * Japan both write (CNY unless the file came as Shift-JIS); a bare `$` is read as USD.
 */
export function currencyOfText(text: string, yen: 'CNY' | 'JPY' = 'CNY'): string | null {
	const s = text.trim();
	if (s === '') return null;
	const code = /(?:^|[^A-Za-z])([A-Za-z]{3})(?:$|[^A-Za-z])/.exec(s)?.[1]?.toUpperCase();
	if (code && CODE_SET.has(code)) return code;
	if (code === 'RMB') return 'CNY';
	for (const [re, c] of MARKERS) if (re.test(s)) return c;
	if (/[¥￥]/.test(s)) return yen;
	if (/\$/.test(s)) return 'USD';
	return null;
}

/** Where the currency was read. */
export type CurrencySource = 'column' | 'header' | 'cells';

export interface CurrencyGuess {
	/** ISO 4217 code. */
	code: string;
	source: CurrencySource;
	/** The column it was read from. */
	column: string;
	/** Other currencies the same column names (a file mixing currencies): the most frequent wins. */
	others: string[];
}

/** A column as the detector sees it: its header and some distinct values (with counts if known). */
export interface CurrencyColumn {
	name: string;
	values: readonly string[];
	counts?: readonly number[];
}

export interface CurrencyInput {
	/** Every column of the file (a currency column is looked for among them). */
	columns: readonly CurrencyColumn[];
	/** Names of the mapped price and revenue columns (headers and cells are read for symbols). */
	amountColumns: readonly string[];
	/** The file's text encoding: Shift-JIS makes ¥ the yen. */
	encoding?: string;
}

/** Tallies the currencies named by a column's values; null when none names one. */
function tally(col: CurrencyColumn, yen: 'CNY' | 'JPY', exact: boolean) {
	const n = new Map<string, number>();
	let named = 0;
	col.values.forEach((v, i) => {
		const c = exact
			? CODE_SET.has(v.trim().toUpperCase())
				? v.trim().toUpperCase()
				: currencyOfText(v, yen)
			: currencyOfText(v, yen);
		const w = col.counts?.[i] ?? 1;
		if (c) {
			n.set(c, (n.get(c) ?? 0) + w);
			named += w;
		}
	});
	if (named === 0) return null;
	const ranked = [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	return { code: ranked[0][0], others: ranked.slice(1).map(([c]) => c) };
}

/**
 * The file's currency, or null when the file does not say. A currency column wins (most frequent
 * code), then a code or symbol in a price/revenue header, then symbols in the price/revenue cells.
 */
export function detectCurrency(input: CurrencyInput): CurrencyGuess | null {
	const yen = /shift[_-]?jis|sjis|euc-jp/i.test(input.encoding ?? '') ? 'JPY' : 'CNY';
	for (const col of input.columns) {
		if (!isCurrencyHeader(col.name)) continue;
		const t = tally(col, yen, true);
		if (t) return { ...t, source: 'column', column: col.name };
	}
	const amounts = input.amountColumns
		.map((name) => input.columns.find((c) => c.name === name))
		.filter((c): c is CurrencyColumn => c !== undefined);
	for (const col of amounts) {
		const code = currencyOfText(col.name, yen);
		if (code) return { code, source: 'header', column: col.name, others: [] };
	}
	for (const col of amounts) {
		const t = tally(col, yen, false);
		if (t) return { ...t, source: 'cells', column: col.name };
	}
	return null;
}

/** True for a code Intl can format as money (guards what is stored and what the user picks). */
export function isCurrencyCode(code: string): boolean {
	if (!/^[A-Z]{3}$/.test(code)) return false;
	try {
		new Intl.NumberFormat('en', { style: 'currency', currency: code }).format(1);
		return true;
	} catch {
		return false;
	}
}
