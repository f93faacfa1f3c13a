// Promotions dataset kind (issue #11): en + zh headers, discounts as shares, rows without a target or
// with an end before the start reported by row and column, and a product's promotion column per week.
import { describe, expect, it } from 'vitest';
import { promotionColumn, readPromotions } from '../../../src/core/ingest/schemas/promotions';

const day = (d: string): number => Date.parse(d + 'T00:00:00Z');

describe('promotions schema', () => {
	it('reads English headers, shares and one-day promotions, and reports bad rows', () => {
		const res = readPromotions({
			fileName: 'promos.csv',
			header: ['SKU', 'Category', 'Start date', 'End date', 'Discount'],
			rows: [
				['A1', '', '2024-11-25', '2024-12-01', '20%'],
				['', 'Dresses', '2024-12-10', '', '0.3'],
				['', '', '2024-12-12', '2024-12-13', '10'],
				['B2', '', '2024-12-20', '2024-12-18', ''],
				['C3', '', '2024-12-01', '2024-12-02', '150'],
			],
		});
		expect(res.records).toEqual([
			{
				row: 1,
				product: 'A1',
				category: null,
				start: day('2024-11-25'),
				end: day('2024-12-01'),
				discount: 0.2,
			},
			{
				row: 2,
				product: null,
				category: 'Dresses',
				start: day('2024-12-10'),
				end: day('2024-12-10'),
				discount: 0.3,
			},
			{
				row: 5,
				product: 'C3',
				category: null,
				start: day('2024-12-01'),
				end: day('2024-12-02'),
				discount: null,
			},
		]);
		expect(res.issues.map((i) => [i.code, i.row, i.column])).toEqual([
			['promotions-no-target', 3, undefined],
			['promotions-end-before-start', 4, 'End date'],
			['promotions-bad-discount', 5, 'Discount'],
		]);
	});

	it('reads Chinese headers and names a missing start column', () => {
		const res = readPromotions({
			fileName: '促销.csv',
			header: ['货号', '开始日期', '结束日期', '折扣'],
			rows: [['A1', '2024/06/01', '2024/06/18', '15']],
		});
		expect(res.records[0]).toMatchObject({ product: 'A1', discount: 0.15, end: day('2024-06-18') });
		// "8折" is 80 % of the price: 20 % off (8.5折 and 85折: 15 % off)
		const zhe = readPromotions({
			fileName: '促销.csv',
			header: ['货号', '开始日期', '折扣'],
			rows: [
				['A1', '2024-11-01', '8折'],
				['A2', '2024-11-01', '8.5折'],
				['A3', '2024-11-01', '85 折'],
				['A4', '2024-11-01', '0折'],
			],
		});
		expect(zhe.records.map((r) => r.discount)).toEqual([0.2, 0.15, 0.15, null]);
		expect(zhe.issues.map((i) => [i.code, i.row])).toEqual([['promotions-bad-discount', 4]]);
		expect(() =>
			readPromotions({ fileName: 'p.csv', header: ['sku', 'discount'], rows: [['A', '5']] }),
		).toThrow(/no column for "start"/);
	});

	it("gives a product the share of each week's days on its own or its category's promotion", () => {
		const { records } = readPromotions({
			fileName: 'p.csv',
			header: ['product', 'category', 'start', 'end'],
			rows: [
				['A1', '', '2024-11-27', '2024-12-03'],
				['', 'Dresses', '2024-12-02', '2024-12-04'],
				['B2', '', '2024-11-18', '2024-11-24'],
			],
		});
		const week = (d: string): number => day(d);
		const c = promotionColumn(
			records,
			'A1',
			'Dresses',
			[week('2024-11-18'), week('2024-11-25')],
			() => 7,
			[week('2024-12-02'), week('2024-12-09')],
		);
		// 27 Nov – 1 Dec (5 days) in the week of 25 Nov; 2–4 Dec (own and category overlap) in the next
		expect(Array.from(c.history)).toEqual([0, 5 / 7]);
		expect(Array.from(c.future)).toEqual([3 / 7, 0]);
	});
});
