// Table-driven tests of number and date parsing and of day/month order inference (awkward cases from
// real exports: thousands separators both ways, currencies, accounting negatives, Excel serials).
import { describe, expect, it } from 'vitest';
import {
	dateShare,
	inferDateOrder,
	inferDecimalSeparator,
	inferDecimalSeparators,
	parseDate,
	parseNumber,
	type DecimalSeparator,
} from '../../../src/core/ingest/parse';
import type { DateOrder } from '../../../src/core/ingest/types';

describe('parseNumber', () => {
	const cases: [raw: string, decimal: DecimalSeparator | 'auto', expected: number | null][] = [
		['6', 'auto', 6],
		['-12', 'auto', -12],
		['2.55', 'auto', 2.55],
		['1,234.50', 'auto', 1234.5],
		['1.234,50', 'auto', 1234.5],
		['1 234,50', 'auto', 1234.5],
		['1\u00a0234,50', 'auto', 1234.5],
		['1\u202f234.50', 'auto', 1234.5],
		["1'234.50", 'auto', 1234.5],
		['12,345,678', 'auto', 12345678],
		['12.345.678', 'auto', 12345678],
		['£1,234.50', 'auto', 1234.5],
		['$19.99', 'auto', 19.99],
		['€ 9,99', 'auto', 9.99],
		['9,99 €', 'auto', 9.99],
		['¥1,299', 'auto', 1299],
		['GBP 12.00', 'auto', 12],
		['12.00 USD', 'auto', 12],
		['(12.50)', 'auto', -12.5],
		['($1,000.00)', 'auto', -1000],
		['12-', 'auto', -12],
		['-£5.00', 'auto', -5],
		['£-5.00', 'auto', -5],
		['\u22123', 'auto', -3],
		['+4', 'auto', 4],
		['0,5', 'auto', 0.5],
		['.5', 'auto', 0.5],
		['1e3', 'auto', 1000],
		// With a column-level decimal separator, "1.234" and "1,234" are resolved by the column.
		['1.234', ',', 1234],
		['1,234', ',', 1.234],
		['1,234', '.', 1234],
		['1.234', '.', 1.234],
		// Rejected: not plain numbers.
		['12%', 'auto', null],
		['abc', 'auto', null],
		['12abc', 'auto', null],
		['1,23,4', 'auto', null],
		['1.2.3,4.5', 'auto', null],
		['', 'auto', null],
		['   ', 'auto', null],
		['12 34 5', 'auto', null],
		['2011-01-18', 'auto', null],
	];
	it.each(cases.map(([raw, decimal, expected]) => ({ raw, decimal, expected })))(
		'"$raw" ($decimal) → $expected',
		({ raw, decimal, expected }) => {
			const got = parseNumber(raw, { decimal });
			if (expected === null) expect(got).toBeNull();
			else expect(got).toBeCloseTo(expected, 10);
		},
	);

	it('accepts percentages only when asked', () => {
		expect(parseNumber('12%')).toBeNull();
		expect(parseNumber('12%', { allowPercent: true })).toBeCloseTo(0.12, 12);
		expect(parseNumber(null)).toBeNull();
	});
});

describe('inferDecimalSeparator', () => {
	const cases: [samples: string[], expected: DecimalSeparator][] = [
		[['2.55', '3.39', '1,234.50'], '.'],
		[['2,55', '3,39', '1.234,50'], ','],
		[['1.234,50'], ','],
		[['12,5', '7'], ','],
		[['1,234', '5,678'], '.'],
		[['1.234.567'], ','],
		[['6', '12', '24'], '.'],
		[[], '.'],
	];
	it.each(cases)('%j → %s', (samples, expected) => {
		expect(inferDecimalSeparator(samples)).toBe(expected);
	});
});

describe('inferDecimalSeparators (one file)', () => {
	it('a column of whole counts takes the file\'s decimal comma (walk17: Menge "1.200" read as 1.2)', () => {
		const menge = ['4', '1', '1.200', '12'];
		const einzelpreis = ['43,70 €', '28,85 €', '1.234,56 €'];
		expect(inferDecimalSeparators([menge, einzelpreis])).toEqual([',', ',']);
		expect(parseNumber('1.200', { decimal: inferDecimalSeparators([menge, einzelpreis])[0] })).toBe(
			1200,
		);
		// a column that tells keeps its own; an English file is unchanged
		expect(
			inferDecimalSeparators([
				['2.5', '3'],
				['1,5', '2,25'],
			]),
		).toEqual(['.', ',']);
		expect(
			inferDecimalSeparators([
				['6', '12'],
				['2.55', '3.39'],
			]),
		).toEqual(['.', '.']);
		expect(inferDecimalSeparators([['1,200'], []])).toEqual(['.', '.']);
	});
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseDate', () => {
	const cases: [raw: string, order: DateOrder, expected: string | null][] = [
		['2011-01-18', 'ymd', '2011-01-18T00:00:00.000Z'],
		['2011-01-18 10:01', 'ymd', '2011-01-18T10:01:00.000Z'],
		['2010-12-01 08:26:00', 'dmy', '2010-12-01T08:26:00.000Z'],
		['2011-01-18T10:01:02.5Z', 'ymd', '2011-01-18T10:01:02.500Z'],
		// A time-zone suffix is ignored: the shop's wall clock decides the day.
		['2023-05-01 23:22:33 -0400', 'ymd', '2023-05-01T23:22:33.000Z'],
		['2011/1/8', 'ymd', '2011-01-08T00:00:00.000Z'],
		['18/01/2011 10:01', 'dmy', '2011-01-18T10:01:00.000Z'],
		['18.01.2011', 'dmy', '2011-01-18T00:00:00.000Z'],
		['01/18/2011', 'mdy', '2011-01-18T00:00:00.000Z'],
		['01/02/2011', 'dmy', '2011-02-01T00:00:00.000Z'],
		['01/02/2011', 'mdy', '2011-01-02T00:00:00.000Z'],
		['1/2/11 3:04 PM', 'mdy', '2011-01-02T15:04:00.000Z'],
		['12/30/2011 12:15 am', 'mdy', '2011-12-30T00:15:00.000Z'],
		['Jan 18, 2011', 'dmy', '2011-01-18T00:00:00.000Z'],
		['January 18 2011 10:01', 'dmy', '2011-01-18T10:01:00.000Z'],
		['18 Jan 2011', 'mdy', '2011-01-18T00:00:00.000Z'],
		['18-Jan-11', 'dmy', '2011-01-18T00:00:00.000Z'],
		['Tue, 18 Jan 2011', 'dmy', '2011-01-18T00:00:00.000Z'],
		['18. März 2011', 'dmy', '2011-03-18T00:00:00.000Z'],
		['2011年1月18日', 'dmy', '2011-01-18T00:00:00.000Z'],
		['2011年1月18日 10:01', 'dmy', '2011-01-18T10:01:00.000Z'],
		['20110118', 'dmy', '2011-01-18T00:00:00.000Z'],
		// walk12: Chinese exports' 上午 / 下午 (a.m. / p.m.), spaced 年 月 日, and 时 分 without seconds
		['2024/11/11 下午 8:13:05', 'ymd', '2024-11-11T20:13:05.000Z'],
		['2024/11/11 8:13 下午', 'ymd', '2024-11-11T20:13:00.000Z'],
		['2024/11/11 上午 12:05', 'ymd', '2024-11-11T00:05:00.000Z'],
		['2024年11月11日 下午8:13', 'ymd', '2024-11-11T20:13:00.000Z'],
		['2024 年 11 月 11 日', 'ymd', '2024-11-11T00:00:00.000Z'],
		['2024 年 11 月 11 日 20:13', 'ymd', '2024-11-11T20:13:00.000Z'],
		['2024年11月11日 20时13分', 'ymd', '2024-11-11T20:13:00.000Z'],
		['11/12/2024 下午 1:00', 'dmy', '2024-12-11T13:00:00.000Z'],
		['2024/11/11 下午 13:00', 'ymd', null],
		['2024年13月1日', 'ymd', null],
		// Rejected.
		['31/02/2011', 'dmy', null],
		['2011-13-01', 'ymd', null],
		['18/01/2011', 'mdy', null],
		['2011-01-18 25:00', 'ymd', null],
		['13:00', 'dmy', null],
		['yesterday', 'dmy', null],
		['40561', 'dmy', null],
		['', 'dmy', null],
	];
	it.each(cases.map(([raw, order, expected]) => ({ raw, order, expected })))(
		'"$raw" ($order) → $expected',
		({ raw, order, expected }) => {
			expect(iso(parseDate(raw, order))).toBe(expected);
		},
	);

	it('reads Excel serial day numbers when allowed', () => {
		expect(iso(parseDate('40561', 'dmy', { allowSerial: true }))).toBe('2011-01-18T00:00:00.000Z');
		expect(iso(parseDate('40561.5', 'dmy', { allowSerial: true }))).toBe(
			'2011-01-18T12:00:00.000Z',
		);
		expect(parseDate('123', 'dmy', { allowSerial: true })).toBeNull();
	});
});

describe('inferDateOrder', () => {
	const cases: [samples: string[], order: DateOrder, ambiguous: boolean][] = [
		[['2010-12-01 08:26:00', '2011-01-18 10:01:00'], 'ymd', false],
		[['01/02/2011', '18/01/2011'], 'dmy', false],
		[['01/02/2011', '01/18/2011'], 'mdy', false],
		[['01/02/2011', '03/04/2011'], 'dmy', true],
		[['13/01/2011', '01/13/2011'], 'dmy', true],
		[['18.01.2011 10:01', '05.02.2011'], 'dmy', false],
		[['Jan 18, 2011'], 'ymd', false],
	];
	it.each(cases)('%j → %s (ambiguous %s)', (samples, order, ambiguous) => {
		const g = inferDateOrder(samples);
		expect(g.order).toBe(order);
		expect(g.ambiguous).toBe(ambiguous);
	});

	it('finds the order of day/month dates with 上午 / 下午 times (walk12)', () => {
		expect(inferDateOrder(['13/11/2024 下午 1:00', '01/02/2024 上午 9:00']).order).toBe('dmy');
		expect(inferDateOrder(['11/13/2024 下午 1:00']).order).toBe('mdy');
	});

	it('uses the fallback order when nothing proves it', () => {
		expect(inferDateOrder(['01/02/2011'], 'mdy')).toMatchObject({ order: 'mdy', ambiguous: true });
	});

	it('recognises a column of Excel serial numbers', () => {
		expect(inferDateOrder(['40561', '40562', '40570']).serial).toBe(true);
		expect(dateShare(['40561', '40562'], 'ymd', true)).toBe(1);
		expect(dateShare(['40561', 'abc'], 'ymd', false)).toBe(0);
	});
});
