import { describe, expect, it } from 'vitest';
import {
	currencyOfText,
	detectCurrency,
	isCurrencyCode,
	isCurrencyHeader,
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
});
