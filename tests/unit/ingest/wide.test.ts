import { describe, expect, it } from 'vitest';
import {
	detectWideLayout,
	periodHeaderDate,
	periodHeaderOffset,
} from '../../../src/core/ingest/wide';

const VISUELLE =
	'0,1,2,3,4,5,6,7,8,9,10,11,external_code,season,category,release_date,day,week,month,year,image_path,color,fabric,extra'.split(
		',',
	);

describe('wide layouts', () => {
	it('reads period headers: months, days, ISO weeks, month names, 年月; offsets', () => {
		expect(periodHeaderDate('2024-01')).toBe(Date.UTC(2024, 0, 1));
		expect(periodHeaderDate('2024年3月')).toBe(Date.UTC(2024, 2, 1));
		expect(periodHeaderDate('Feb 2024')).toBe(Date.UTC(2024, 1, 1));
		expect(periodHeaderDate('2024-01-08')).toBe(Date.UTC(2024, 0, 8));
		expect(periodHeaderDate('2024-W01')).toBe(Date.UTC(2024, 0, 1));
		expect(periodHeaderDate('2021-W01')).toBe(Date.UTC(2021, 0, 4));
		for (const h of ['qty', '12', 'Date', '2024', 'week'])
			expect(periodHeaderDate(h), h).toBeNull();
		expect(periodHeaderOffset('0')).toBe(0);
		expect(periodHeaderOffset('week 3')).toBe(3);
		expect(periodHeaderOffset('W12')).toBe(12);
		expect(periodHeaderOffset('第2周')).toBe(2);
		expect(periodHeaderOffset('qty')).toBeNull();
	});

	it('finds VISUELLE: columns 0…11 are weeks after the release_date column', () => {
		const w = detectWideLayout(VISUELLE);
		expect(w).toEqual({
			kind: 'relative',
			columns: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
			offsets: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
			anchor: 'release_date',
		});
	});

	it('finds calendar period columns, 1-based week runs, and a missing release date', () => {
		const cal = detectWideLayout(['sku', 'name', '2024-01', '2024-02', '2024-03', '2024-04']);
		expect(cal).toMatchObject({ kind: 'calendar', columns: [2, 3, 4, 5] });
		const rel = detectWideLayout(['sku', 'launch date', 'week 1', 'week 2', 'week 3', 'week 4']);
		expect(rel).toMatchObject({ kind: 'relative', offsets: [0, 1, 2, 3], anchor: 'launch date' });
		expect(detectWideLayout(['sku', '0', '1', '2', '3', '4'])).toMatchObject({
			kind: 'relative',
			anchor: null,
		});
		// A guessed date column anchors when none is named like a release date.
		expect(detectWideLayout(['sku', 'created', '1', '2', '3', '4'], 'created')).toMatchObject({
			anchor: 'created',
		});
	});

	it('leaves ordinary long tables alone', () => {
		for (const h of [
			['Date', 'SKU', 'Quantity', 'Price'],
			[
				'InvoiceNo',
				'StockCode',
				'Description',
				'Quantity',
				'InvoiceDate',
				'UnitPrice',
				'CustomerID',
				'Country',
			],
			['2024-01-05', 'A', '3', '2.50'], // a headerless first line is no wide header
			['sku', '2024-01', '2024-02', '2024-03'], // too few periods
			['sku', '2024-03', '2024-01', '2024-02', '2023-12'], // not in order
		])
			expect(detectWideLayout(h), h.join(',')).toBeNull();
	});
});
