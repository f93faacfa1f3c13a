import { describe, expect, it } from 'vitest';
import {
	currencyOfCountry,
	countryOfRegion,
	currencyOfText,
	detectCurrency,
	isCountryHeader,
	isCurrencyCode,
	isCurrencyHeader,
	isRegionHeader,
} from '../../../src/core/ingest/currency';

describe('currencyOfText', () => {
	it.each([
		['£12.50', 'GBP'],
		['12,50 €', 'EUR'],
		['€1.234,50', 'EUR'],
		['GBP', 'GBP'],
		['12.50 EUR', 'EUR'],
		['USD 9.99', 'USD'],
		['US$9.99', 'USD'],
		['$9.99', 'USD'],
		['HK$120', 'HKD'],
		['CA$15', 'CAD'],
		['A$15', 'AUD'],
		['¥99', 'CNY'],
		['￥99', 'CNY'],
		['99元', 'CNY'],
		['RMB 99', 'CNY'],
		['CNY', 'CNY'],
		['人民币 88', 'CNY'],
		['1,200円', 'JPY'],
		['₩15,000', 'KRW'],
		['Price (GBP)', 'GBP'],
		['单价(元)', 'CNY'],
	])('%s → %s', (text, code) => {
		expect(currencyOfText(text)).toBe(code);
	});

	it('reads ¥ as yen for a Shift-JIS file, and names nothing in a plain number or word', () => {
		expect(currencyOfText('¥980', 'JPY')).toBe('JPY');
		for (const s of ['12.50', '1,234', '', 'Lineitem price', 'Total', 'Tax', 'abc'])
			expect(currencyOfText(s)).toBeNull();
	});
});

describe('detectCurrency', () => {
	const plain = { name: 'Lineitem price', values: ['12.50', '3.00', '7.25'] };

	it('takes the Shopify Currency column (most frequent code) over anything else', () => {
		const g = detectCurrency({
			columns: [
				{ name: 'Currency', values: ['GBP', 'EUR'], counts: [120, 3] },
				{ name: 'Lineitem price', values: ['$12.50'] },
			],
			amountColumns: ['Lineitem price'],
		});
		expect(g).toEqual({ code: 'GBP', source: 'column', column: 'Currency', others: ['EUR'] });
	});

	it('recognises currency headers in English and Chinese, not look-alikes', () => {
		for (const h of ['Currency', 'Order Currency', 'currency_code', '币种', '货币'])
			expect(isCurrencyHeader(h), h).toBe(true);
		for (const h of ['Currency converted price', 'Price', 'Customer'])
			expect(isCurrencyHeader(h), h).toBe(false);
	});

	it('reads a code in the price header, then symbols in the cells', () => {
		expect(
			detectCurrency({
				columns: [{ name: 'Price (EUR)', values: ['1,50'] }],
				amountColumns: ['Price (EUR)'],
			})?.code,
		).toBe('EUR');
		const cells = detectCurrency({
			columns: [plain, { name: 'Total', values: ['£10.00', '£3.50', '12.00'] }],
			amountColumns: ['Lineitem price', 'Total'],
		});
		expect(cells).toMatchObject({ code: 'GBP', source: 'cells', column: 'Total' });
		expect(
			detectCurrency({
				columns: [{ name: '金额', values: ['99元', '¥12'] }],
				amountColumns: ['金额'],
			})?.code,
		).toBe('CNY');
		expect(
			detectCurrency({
				columns: [{ name: '価格', values: ['¥980', '¥1,200'] }],
				amountColumns: ['価格'],
				encoding: 'shift_jis',
			})?.code,
		).toBe('JPY');
	});

	it('says nothing when the file does not name a currency (the import screen asks)', () => {
		expect(detectCurrency({ columns: [plain], amountColumns: ['Lineitem price'] })).toBeNull();
		// A currency column with no recognisable code does not count.
		expect(
			detectCurrency({
				columns: [{ name: 'Currency', values: ['n/a'] }, plain],
				amountColumns: ['Lineitem price'],
			}),
		).toBeNull();
	});

	it('accepts only codes Intl can format', () => {
		expect(isCurrencyCode('GBP')).toBe(true);
		expect(isCurrencyCode('gbp')).toBe(false);
		expect(isCurrencyCode('XX')).toBe(false);
	});

	describe('from the country nearly all lines are from', () => {
		const price = { name: 'Price', values: ['12.50', '3.00'] };
		const country = (values: string[], counts: number[], name = 'Country', total?: number) => ({
			name,
			values,
			counts,
			...(total !== undefined ? { total } : {}),
		});

		it('suggests a US shop’s dollars from its Country column, naming the column and country', () => {
			const g = detectCurrency({
				columns: [price, country(['United States', 'Canada'], [940, 60])],
				amountColumns: ['Price'],
			});
			expect(g).toEqual({
				code: 'USD',
				source: 'country',
				column: 'Country',
				others: [],
				country: 'United States',
			});
		});

		it('reads English and Chinese headers, names, ISO codes; the UK demo’s country is pounds', () => {
			for (const h of [
				'Country',
				'Shipping Country',
				'Billing Country',
				'country_code',
				'国家',
				'收货国家',
				'Country/Region',
			])
				expect(isCountryHeader(h), h).toBe(true);
			for (const h of ['Country of origin', 'Countryside', 'County', 'Currency'])
				expect(isCountryHeader(h), h).toBe(false);
			expect(currencyOfCountry('United Kingdom')).toBe('GBP');
			expect(currencyOfCountry(' united  states ')).toBe('USD');
			expect(currencyOfCountry('US')).toBe('USD');
			expect(currencyOfCountry('USA')).toBe('USD');
			expect(currencyOfCountry('英国')).toBe('GBP');
			expect(currencyOfCountry('中国')).toBe('CNY');
			expect(currencyOfCountry('Germany')).toBe('EUR');
			expect(currencyOfCountry('FR')).toBe('EUR');
			expect(currencyOfCountry('Unspecified')).toBeNull();
			expect(currencyOfCountry('XX')).toBeNull();
			// the UCI demo: United Kingdom on 91 % of its lines, EIRE and Germany next
			expect(
				detectCurrency({
					columns: [
						{ name: 'UnitPrice', values: ['2.55', '3.39'] },
						country(
							['United Kingdom', 'Germany', 'France', 'EIRE'],
							[495478, 9495, 8557, 8196],
							'Country',
							541909,
						),
					],
					amountColumns: ['UnitPrice'],
				}),
			).toMatchObject({
				code: 'GBP',
				source: 'country',
				column: 'Country',
				country: 'United Kingdom',
			});
			expect(
				detectCurrency({
					columns: [price, country(['中国', '中国香港'], [50, 2], '收货国家')],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'CNY', source: 'country', column: '收货国家', country: '中国' });
		});

		it('stays asked when no country has the great majority, or the country is not known', () => {
			// half Britain, half the euro area
			expect(
				detectCurrency({
					columns: [price, country(['United Kingdom', 'Germany', 'France'], [50, 30, 20])],
					amountColumns: ['Price'],
				}),
			).toBeNull();
			// the top values are only the most frequent: `total` counts every line with a country
			expect(
				detectCurrency({
					columns: [price, country(['United States'], [700], 'Country', 1000)],
					amountColumns: ['Price'],
				}),
			).toBeNull();
			expect(
				detectCurrency({
					columns: [price, country(['Unspecified'], [100])],
					amountColumns: ['Price'],
				}),
			).toBeNull();
			// a column that is not a country column is not read as one
			expect(
				detectCurrency({
					columns: [price, country(['United States'], [100], 'Country of origin')],
					amountColumns: ['Price'],
				}),
			).toBeNull();
		});

		it('never overrides what the file says; picks which dollar a bare "$" is', () => {
			const uk = country(['United Kingdom'], [100]);
			expect(
				detectCurrency({
					columns: [{ name: 'Currency', values: ['EUR'], counts: [100] }, price, uk],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'EUR', source: 'column' });
			expect(
				detectCurrency({
					columns: [{ name: 'Price (USD)', values: ['3'] }, uk],
					amountColumns: ['Price (USD)'],
				}),
			).toMatchObject({ code: 'USD', source: 'header' });
			expect(
				detectCurrency({
					columns: [{ name: 'Price', values: ['€3.00'] }, uk],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'EUR', source: 'cells' });
			// "$12.50" from a Canadian shop: Canadian dollars; US$ says which dollar itself
			const cad = country(['Canada'], [100]);
			expect(
				detectCurrency({
					columns: [{ name: 'Price', values: ['$12.50', '$3'] }, cad],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'CAD', source: 'country', country: 'Canada' });
			expect(
				detectCurrency({
					columns: [{ name: 'Price', values: ['US$12.50'] }, cad],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'USD', source: 'cells' });
			// a bare "$" with no dominant country is read as before (dollars, from the cells)
			expect(
				detectCurrency({
					columns: [{ name: 'Price', values: ['$12.50'] }],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'USD', source: 'cells' });
		});
	});
	describe('from the states or provinces of a region column (no country column)', () => {
		const region = (name: string, values: string[], counts: number[], total?: number) => ({
			name,
			values,
			counts,
			...(total !== undefined ? { total } : {}),
		});
		it('reads StockX’s “Buyer Region” of US states as US dollars (it showed pounds in a UK browser)', () => {
			const buyers = region(
				'Buyer Region',
				['California', 'New York', 'Oregon', 'Florida', 'Texas', 'Delaware'],
				[12000, 9000, 6000, 4000, 3500, 2000],
			);
			expect(
				detectCurrency({
					columns: [{ name: 'Sale Price', values: ['1097.0', '685'] }, buyers],
					amountColumns: ['Sale Price'],
				}),
			).toEqual({
				code: 'USD',
				source: 'region',
				column: 'Buyer Region',
				others: [],
				country: 'California',
			});
		});
		it('knows US postal codes, Canadian and Australian names, Chinese provinces with or without 省/市', () => {
			for (const [v, c] of [
				['CA', 'US'],
				['ny', 'US'],
				['District of Columbia', 'US'],
				['Ontario', 'CA'],
				['Québec', 'CA'],
				['New South Wales', 'AU'],
				['广东省', 'CN'],
				['上海市', 'CN'],
				['内蒙古自治区', 'CN'],
				['黑龙江省哈尔滨市', 'CN'],
				['浙江', 'CN'],
			])
				expect(countryOfRegion(v)).toBe(c);
			for (const v of ['North', 'Kent', '', '火星', 'XX']) expect(countryOfRegion(v)).toBeNull();
			expect(isRegionHeader('Buyer Region')).toBe(true);
			expect(isRegionHeader('Shipping Province')).toBe(true);
			expect(isRegionHeader('收货省份')).toBe(true);
			expect(isRegionHeader('Product Region Code Extra')).toBe(false);
		});
		it('reads Chinese provinces as yuan', () => {
			expect(
				detectCurrency({
					columns: [region('省份', ['广东省', '浙江省', '上海市', '北京市'], [40, 30, 20, 10])],
					amountColumns: [],
				}),
			).toMatchObject({ code: 'CNY', source: 'region', country: '广东省' });
		});
		it('stays asked when the places are split between countries or mostly unknown', () => {
			// 70 % US, 30 % Canada: under the 80 % majority
			const split = region('State/Province', ['California', 'Ontario'], [70, 30]);
			expect(detectCurrency({ columns: [split], amountColumns: [] })).toBeNull();
			// known US states are only 50 of the 100 lines (the rest are places it cannot place)
			const partial = region('Region', ['Texas', 'North', 'South'], [50, 30, 20]);
			expect(detectCurrency({ columns: [partial], amountColumns: [] })).toBeNull();
			// the total counts the lines beyond the values read
			const top = region('Region', ['Texas'], [50], 100);
			expect(detectCurrency({ columns: [top], amountColumns: [] })).toBeNull();
		});
		it('lets a country column, and symbols in the amounts, win over the region column', () => {
			const states = region('Shipping Province', ['California'], [100]);
			const uk = { name: 'Shipping Country', values: ['United Kingdom'], counts: [100] };
			expect(detectCurrency({ columns: [states, uk], amountColumns: [] })).toMatchObject({
				code: 'GBP',
				source: 'country',
			});
			expect(
				detectCurrency({
					columns: [{ name: 'Price', values: ['€3.00'] }, states],
					amountColumns: ['Price'],
				}),
			).toMatchObject({ code: 'EUR', source: 'cells' });
		});
	});
});
