// Which currency a sales file's money is in, read from the file where it says so: a currency column
// (Shopify "Currency", WooCommerce "Order Currency", 币种 / 货币), a code or symbol in the price and
// revenue headers ("Price (GBP)", "金额(元)"), or symbols and codes in the amount cells (£12.50,
// ¥99, 99元, 12,50 €), or, failing those, a country column ("Country", "Shipping Country", 国家) whose
// lines are nearly all from one country (that country's currency is suggested, and the screen says
// so). Pure TypeScript: the data worker feeds it the distinct values of the columns. When the file
// does not say, the import screen asks (default from the browser's region).

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

/** Header of a column that holds each line's country (of the customer, the shipping address …). */
const COUNTRY_HEADER_RE =
	/^(?:(?:shipping|billing|ship[\s_-]*to|bill[\s_-]*to|customer|buyer|delivery|destination|order|store|shop)?[\s_-]*country(?:[\s_-]*(?:code|name|iso))?(?:[\s_/-]*region)?|(?:收货|收件|买家|客户|发货|销售)?(?:国家|国家\/地区|国家或地区|国家地区|国别)(?:代码)?)$/i;

/** True for the header of a column holding each line's country ("Country", 国家 …). */
export function isCountryHeader(name: string): boolean {
	return COUNTRY_HEADER_RE.test(name.trim());
}

/**
 * Header of a column that holds each line's state, province or region (StockX's "Buyer Region",
 * "Shipping Province", 省份): where no column names a country, the places it names can.
 */
const REGION_HEADER_RE =
	/^(?:(?:shipping|billing|ship[\s_-]*to|bill[\s_-]*to|customer|buyer|delivery|destination)?[\s_-]*(?:region|state|province|state[\s_/-]*province|province[\s_/-]*state|county)(?:[\s_-]*(?:code|name))?|(?:收货|收件|买家|客户)?(?:省份|省|省市|所在省份|所在地区|地区|省\/直辖市|省\/自治区\/直辖市))$/i;

/** True for the header of a column holding each line's state or province ("Buyer Region", 省份 …). */
export function isRegionHeader(name: string): boolean {
	return REGION_HEADER_RE.test(name.trim());
}

const US_STATES =
	'alabama:AL alaska:AK arizona:AZ arkansas:AR california:CA colorado:CO connecticut:CT delaware:DE florida:FL georgia:GA hawaii:HI idaho:ID illinois:IL indiana:IN iowa:IA kansas:KS kentucky:KY louisiana:LA maine:ME maryland:MD massachusetts:MA michigan:MI minnesota:MN mississippi:MS missouri:MO montana:MT nebraska:NE nevada:NV new_hampshire:NH new_jersey:NJ new_mexico:NM new_york:NY north_carolina:NC north_dakota:ND ohio:OH oklahoma:OK oregon:OR pennsylvania:PA rhode_island:RI south_carolina:SC south_dakota:SD tennessee:TN texas:TX utah:UT vermont:VT virginia:VA washington:WA west_virginia:WV wisconsin:WI wyoming:WY district_of_columbia:DC puerto_rico:PR';
const CA_PROVINCES =
	'alberta british_columbia manitoba new_brunswick newfoundland_and_labrador nova_scotia ontario prince_edward_island quebec québec saskatchewan northwest_territories nunavut yukon';
const AU_STATES =
	'new_south_wales victoria queensland western_australia south_australia tasmania australian_capital_territory northern_territory';
const CN_PROVINCES =
	'北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆';

/** A state or province as a file writes it ("California", "CA", "Ontario", 广东省) → its country. */
const COUNTRY_OF_REGION: ReadonlyMap<string, string> = new Map([
	...US_STATES.split(' ').flatMap((e) => {
		const [name, code] = e.split(':');
		return [
			[name.replace(/_/g, ' '), 'US'],
			[code.toLowerCase(), 'US'],
		] as [string, string][];
	}),
	...CA_PROVINCES.split(' ').map((n) => [n.replace(/_/g, ' '), 'CA'] as [string, string]),
	...AU_STATES.split(' ').map((n) => [n.replace(/_/g, ' '), 'AU'] as [string, string]),
	...CN_PROVINCES.split(' ').map((n) => [n, 'CN'] as [string, string]),
]);

/** The country (ISO 3166 alpha-2) of a state or province as a file writes it; else null. */
export function countryOfRegion(value: string): string | null {
	const s = value.trim().replace(/\s+/g, ' ').toLowerCase();
	if (s === '') return null;
	const direct = COUNTRY_OF_REGION.get(s);
	if (direct) return direct;
	// 广东省, 上海市, 广西壮族自治区, 内蒙古自治区; "广东省深圳市" (a province then a city)
	const zh = /^(内蒙古|黑龙江|[\u4e00-\u9fff]{2})/.exec(s)?.[1];
	return zh ? (COUNTRY_OF_REGION.get(zh) ?? null) : null;
}

const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');

/** ISO 3166 alpha-2 → currency, for the countries whose currency the picker offers. */
const CURRENCY_OF_ISO2: Readonly<Record<string, string>> = {
	...Object.fromEntries(EURO.map((c) => [c, 'EUR'])),
	GB: 'GBP',
	UK: 'GBP',
	US: 'USD',
	CN: 'CNY',
	HK: 'HKD',
	TW: 'TWD',
	JP: 'JPY',
	KR: 'KRW',
	SG: 'SGD',
	AU: 'AUD',
	NZ: 'NZD',
	CA: 'CAD',
	CH: 'CHF',
	SE: 'SEK',
	NO: 'NOK',
	DK: 'DKK',
	PL: 'PLN',
	CZ: 'CZK',
	IN: 'INR',
	BR: 'BRL',
	MX: 'MXN',
	RU: 'RUB',
	TR: 'TRY',
	AE: 'AED',
	ZA: 'ZAR',
};

/** Country names (English, Chinese) and alpha-3 codes → alpha-2 (lower case, spaces squeezed). */
const ISO2_OF_NAME: Readonly<Record<string, string>> = {
	'united kingdom': 'GB',
	'great britain': 'GB',
	britain: 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	'northern ireland': 'GB',
	gbr: 'GB',
	英国: 'GB',
	'united states': 'US',
	'united states of america': 'US',
	usa: 'US',
	'u.s.': 'US',
	'u.s.a.': 'US',
	america: 'US',
	美国: 'US',
	china: 'CN',
	"people's republic of china": 'CN',
	'mainland china': 'CN',
	prc: 'CN',
	chn: 'CN',
	中国: 'CN',
	中国大陆: 'CN',
	中华人民共和国: 'CN',
	'hong kong': 'HK',
	hkg: 'HK',
	香港: 'HK',
	中国香港: 'HK',
	taiwan: 'TW',
	twn: 'TW',
	台湾: 'TW',
	中国台湾: 'TW',
	japan: 'JP',
	jpn: 'JP',
	日本: 'JP',
	'south korea': 'KR',
	korea: 'KR',
	'republic of korea': 'KR',
	kor: 'KR',
	韩国: 'KR',
	singapore: 'SG',
	sgp: 'SG',
	新加坡: 'SG',
	australia: 'AU',
	aus: 'AU',
	澳大利亚: 'AU',
	'new zealand': 'NZ',
	nzl: 'NZ',
	新西兰: 'NZ',
	canada: 'CA',
	can: 'CA',
	加拿大: 'CA',
	switzerland: 'CH',
	che: 'CH',
	瑞士: 'CH',
	sweden: 'SE',
	swe: 'SE',
	瑞典: 'SE',
	norway: 'NO',
	nor: 'NO',
	挪威: 'NO',
	denmark: 'DK',
	dnk: 'DK',
	丹麦: 'DK',
	poland: 'PL',
	pol: 'PL',
	波兰: 'PL',
	'czech republic': 'CZ',
	czechia: 'CZ',
	cze: 'CZ',
	捷克: 'CZ',
	india: 'IN',
	ind: 'IN',
	印度: 'IN',
	brazil: 'BR',
	bra: 'BR',
	巴西: 'BR',
	mexico: 'MX',
	mex: 'MX',
	墨西哥: 'MX',
	russia: 'RU',
	'russian federation': 'RU',
	rus: 'RU',
	俄罗斯: 'RU',
	turkey: 'TR',
	türkiye: 'TR',
	tur: 'TR',
	土耳其: 'TR',
	'united arab emirates': 'AE',
	uae: 'AE',
	are: 'AE',
	阿联酋: 'AE',
	'south africa': 'ZA',
	zaf: 'ZA',
	南非: 'ZA',
	germany: 'DE',
	deu: 'DE',
	德国: 'DE',
	france: 'FR',
	fra: 'FR',
	法国: 'FR',
	italy: 'IT',
	ita: 'IT',
	意大利: 'IT',
	spain: 'ES',
	esp: 'ES',
	西班牙: 'ES',
	netherlands: 'NL',
	'the netherlands': 'NL',
	holland: 'NL',
	nld: 'NL',
	荷兰: 'NL',
	belgium: 'BE',
	bel: 'BE',
	比利时: 'BE',
	austria: 'AT',
	aut: 'AT',
	奥地利: 'AT',
	ireland: 'IE',
	eire: 'IE',
	irl: 'IE',
	爱尔兰: 'IE',
	portugal: 'PT',
	prt: 'PT',
	葡萄牙: 'PT',
	finland: 'FI',
	fin: 'FI',
	芬兰: 'FI',
	greece: 'GR',
	grc: 'GR',
	希腊: 'GR',
	luxembourg: 'LU',
	lux: 'LU',
	卢森堡: 'LU',
	cyprus: 'CY',
	malta: 'MT',
	slovenia: 'SI',
	slovakia: 'SK',
	estonia: 'EE',
	latvia: 'LV',
	lithuania: 'LT',
	croatia: 'HR',
};

/** The currency of a country as a file writes it ("United Kingdom", "US", "USA", 英国); else null. */
export function currencyOfCountry(value: string): string | null {
	const s = value.trim().replace(/\s+/g, ' ');
	if (/^[A-Za-z]{2}$/.test(s)) return CURRENCY_OF_ISO2[s.toUpperCase()] ?? null;
	const iso2 = ISO2_OF_NAME[s.toLowerCase()];
	return iso2 ? (CURRENCY_OF_ISO2[iso2] ?? null) : null;
}

/**
 * Share of a column's lines from one country for its currency to be suggested: the "great majority"
 * (the UCI demo's United Kingdom is 91 % of its lines, a US shop's export with some Canadian
 * buyers passes; a shop selling across Europe and Britain half and half is asked).
 */
export const COUNTRY_MAJORITY = 0.8;

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

/**
 * Where the currency was read ('country': from the country most lines are from; 'region': from the
 * country nearly all the states or provinces of a region column are in).
 */
export type CurrencySource = 'column' | 'header' | 'cells' | 'country' | 'region';

export interface CurrencyGuess {
	/** ISO 4217 code. */
	code: string;
	source: CurrencySource;
	/** The column it was read from. */
	column: string;
	/** Other currencies the same column names (a file mixing currencies): the most frequent wins. */
	others: string[];
	/**
	 * With source 'country': the country as the file writes it ("United Kingdom"); with 'region': the
	 * most frequent place in the column ("California"), an example of what was read.
	 */
	country?: string;
}

/** A column as the detector sees it: its header and some distinct values (with counts if known). */
export interface CurrencyColumn {
	name: string;
	values: readonly string[];
	counts?: readonly number[];
	/** Lines with a value in this column (when `values` are only the most frequent); else Σ counts. */
	total?: number;
}

export interface CurrencyInput {
	/** Every column of the file (currency and country columns are looked for among them). */
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
 * The currency of the country nearly all of a country column's lines are from (at least
 * COUNTRY_MAJORITY of the lines with a value), or null.
 */
function countryGuess(columns: readonly CurrencyColumn[]): CurrencyGuess | null {
	for (const col of columns) {
		if (!isCountryHeader(col.name) || col.values.length === 0) continue;
		const count = (i: number) => col.counts?.[i] ?? 1;
		let top = 0;
		for (let i = 1; i < col.values.length; i++) if (count(i) > count(top)) top = i;
		const total = col.total ?? col.values.reduce((a, _, i) => a + count(i), 0);
		const code = currencyOfCountry(col.values[top]);
		if (code && total > 0 && count(top) >= COUNTRY_MAJORITY * total)
			return {
				code,
				source: 'country',
				column: col.name,
				others: [],
				country: col.values[top].trim(),
			};
	}
	// no country column: the states or provinces of a region column, counted by their country
	for (const col of columns) {
		if (!isRegionHeader(col.name) || isCountryHeader(col.name) || col.values.length === 0) continue;
		const count = (i: number) => col.counts?.[i] ?? 1;
		const total = col.total ?? col.values.reduce((a, _, i) => a + count(i), 0);
		const byCountry = new Map<string, number>();
		let top = -1;
		col.values.forEach((v, i) => {
			const iso2 = countryOfRegion(v);
			if (!iso2) return;
			byCountry.set(iso2, (byCountry.get(iso2) ?? 0) + count(i));
			if (top < 0 || count(i) > count(top)) top = i;
		});
		const best = [...byCountry.entries()].sort((a, b) => b[1] - a[1])[0];
		const code = best ? (CURRENCY_OF_ISO2[best[0]] ?? null) : null;
		if (code && total > 0 && best[1] >= COUNTRY_MAJORITY * total)
			return {
				code,
				source: 'region',
				column: col.name,
				others: [],
				country: col.values[top].trim(),
			};
	}
	return null;
}

/** Currencies written with a bare "$" (which of them a file means is ambiguous). */
const DOLLARS: ReadonlySet<string> = new Set([
	'USD',
	'CAD',
	'AUD',
	'NZD',
	'SGD',
	'HKD',
	'TWD',
	'MXN',
]);

/** True when every amount that names a currency names it by a bare "$" (no US$, USD, C$ …). */
function bareDollarsOnly(col: CurrencyColumn): boolean {
	return col.values.every((v) => {
		const c = currencyOfText(v);
		return c === null || (c === 'USD' && !/US\$|USD/i.test(v));
	});
}

/**
 * The file's currency, or null when the file does not say. A currency column wins (most frequent
 * code), then a code or symbol in a price/revenue header, then symbols in the price/revenue cells,
 * then the country most lines are from (a country column: "Country", "Shipping Country", 国家). A
 * bare "$" in the cells is read as USD unless that country writes its own dollar with "$" (Canada,
 * Australia …); with no dominant country it stays USD, and a file naming nothing stays asked.
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
	const country = countryGuess(input.columns);
	for (const col of amounts) {
		const t = tally(col, yen, false);
		if (!t) continue;
		if (country && DOLLARS.has(country.code) && country.code !== 'USD' && bareDollarsOnly(col))
			return country;
		return { ...t, source: 'cells', column: col.name };
	}
	return country;
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
