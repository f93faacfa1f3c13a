// The batch rules the Forecast screen used to apply itself, now in core: the season a frequency gets and
// the dates the forecast periods start on (month ends, leap years and year turns included).
import { describe, expect, it } from 'vitest';
import { futureDates, seasonFor } from '../../../../src/core/series/calendar';

describe('seasonFor', () => {
	it('is a year of weeks or months and a week of days', () => {
		expect(seasonFor('week')).toBe(52);
		expect(seasonFor('month')).toBe(12);
		expect(seasonFor('day')).toBe(7);
	});
});

describe('futureDates', () => {
	const iso = (a: Float64Array) => Array.from(a, (v) => new Date(v).toISOString().slice(0, 10));

	it('continues months across a year end, on the 1st', () => {
		expect(iso(futureDates(Date.UTC(2011, 10, 1), 3, 'month'))).toEqual([
			'2011-12-01',
			'2012-01-01',
			'2012-02-01',
		]);
	});

	it('continues Monday weeks and days, through 29 February', () => {
		expect(iso(futureDates(Date.UTC(2012, 1, 20), 2, 'week'))).toEqual([
			'2012-02-27',
			'2012-03-05',
		]);
		expect(iso(futureDates(Date.UTC(2012, 1, 28), 2, 'day'))).toEqual(['2012-02-29', '2012-03-01']);
	});

	it('gives no dates for no horizon', () => {
		expect(futureDates(0, 0, 'week').length).toBe(0);
	});
});
