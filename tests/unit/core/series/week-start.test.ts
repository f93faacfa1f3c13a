// Weeks that start on the shop's first day of the week (walk14: a US shop saw "Week of Aug 28, 2017", a
// Monday, while its reports start weeks on Sunday): the default by country (CLDR firstDay, Intl and the
// table agree), Sunday weeks in the period grid, edges, forecast dates, the plan's as-of cut and the
// holiday → week mapping; Monday weeks (the default) unchanged.
import { describe, expect, it } from 'vitest';
import { calendarRegressors, shopCalendar } from '../../../../src/core/calendar/events';
import { batchUntil } from '../../../../src/core/inventory/plan-batch';
import {
	DAY_MS,
	futureDates,
	periodEdges,
	periodStart,
	trimPartialPeriods,
} from '../../../../src/core/series/calendar';
import {
	MONDAY,
	SUNDAY,
	tableWeekStart,
	weekShiftDays,
	weekStartOf,
	weekStartOfCountry,
} from '../../../../src/core/series/week-start';
import { CALENDAR_COUNTRIES } from '../../../../src/core/calendar/events';
import type { SeriesBatch } from '../../../../src/core/types';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the first day of the week by country', () => {
	it.each(['US', 'CA', 'MX', 'BR', 'JP', 'IL', 'PH'])('%s starts weeks on Sunday', (c) => {
		expect(weekStartOfCountry(c)).toBe(SUNDAY);
		expect(tableWeekStart(c)).toBe(SUNDAY);
	});
	it.each(['GB', 'CN', 'DE', 'FR', 'IE', 'AU', 'PL'])('%s starts weeks on Monday', (c) => {
		expect(weekStartOfCountry(c)).toBe(MONDAY);
		expect(tableWeekStart(c)).toBe(MONDAY);
	});
	it('gives Saturday where CLDR does, and Monday for anything unknown', () => {
		expect(weekStartOfCountry('EG')).toBe(6);
		expect(weekStartOfCountry('')).toBe(MONDAY);
		expect(weekStartOfCountry('not a country')).toBe(MONDAY);
		expect(weekStartOfCountry('us', false)).toBe(SUNDAY);
	});
	it('reads the same from Intl.Locale as from the fallback table for every calendar country', () => {
		for (const c of CALENDAR_COUNTRIES)
			expect([c, weekStartOfCountry(c, true)]).toEqual([c, weekStartOfCountry(c, false)]);
	});
	it('keeps Monday for a dataset stored without one', () => {
		expect(weekStartOf({})).toBe(MONDAY);
		expect(weekStartOf(null)).toBe(MONDAY);
		expect(weekStartOf({ weekStart: 0 })).toBe(SUNDAY);
		expect(weekStartOf({ weekStart: 9 })).toBe(MONDAY);
		expect([weekShiftDays(MONDAY), weekShiftDays(SUNDAY), weekShiftDays(6)]).toEqual([0, 1, 2]);
	});
});

describe('Sunday weeks', () => {
	it('put a Sunday sale in the week starting that Sunday and a Saturday one in the week before', () => {
		// walk14's week: Sun 27 Aug 2017 … Sat 2 Sep 2017
		expect(iso(periodStart(d('2017-08-27') + 15 * 3_600_000, 'week', SUNDAY))).toBe('2017-08-27');
		expect(iso(periodStart(d('2017-08-28'), 'week', SUNDAY))).toBe('2017-08-27');
		expect(iso(periodStart(d('2017-09-02') + 23 * 3_600_000, 'week', SUNDAY))).toBe('2017-08-27');
		expect(iso(periodStart(d('2017-08-26'), 'week', SUNDAY))).toBe('2017-08-20');
		expect(iso(periodStart(d('2017-09-03'), 'week', SUNDAY))).toBe('2017-09-03');
	});
	it('leave Monday weeks as they were (the default)', () => {
		expect(iso(periodStart(d('2017-08-27'), 'week'))).toBe('2017-08-21');
		expect(iso(periodStart(d('2017-08-28'), 'week'))).toBe('2017-08-28');
		expect(periodStart(d('2017-08-27'), 'week', MONDAY)).toBe(periodStart(d('2017-08-27'), 'week'));
		expect(periodEdges(d('2017-08-27'), d('2017-09-09'), DAY_MS, 'week')).toEqual({
			firstPartial: true,
			lastPartial: true,
			dateMin: d('2017-08-27'),
			dateMax: d('2017-09-09'),
		});
		// days and months do not depend on the week start
		expect(periodStart(d('2017-08-27'), 'month', SUNDAY)).toBe(d('2017-08-01'));
		expect(periodStart(d('2017-08-27') + 5, 'day', SUNDAY)).toBe(d('2017-08-27'));
	});
	it('make the edges of Sunday-to-Saturday data complete, and carry the week start', () => {
		// Sun 27 Aug … Sat 9 Sep 2017: two whole Sunday weeks (Monday weeks: both edges partial)
		const e = periodEdges(d('2017-08-27'), d('2017-09-09'), DAY_MS, 'week', SUNDAY);
		expect(e).toEqual({
			firstPartial: false,
			lastPartial: false,
			dateMin: d('2017-08-27'),
			dateMax: d('2017-09-09'),
			weekStart: SUNDAY,
		});
	});
	it('give forecast dates that step from a Sunday, Sundays all', () => {
		const last = periodStart(d('2017-09-01'), 'week', SUNDAY);
		const f = Array.from(futureDates(last, 3, 'week'), iso);
		expect(f).toEqual(['2017-09-03', '2017-09-10', '2017-09-17']);
		for (const t of futureDates(last, 3, 'week')) expect(new Date(t).getUTCDay()).toBe(0);
	});
	it('put Thanksgiving and Black Friday in the Sunday week holding them', () => {
		// Thanksgiving Thu 23 Nov 2017, Black Friday Fri 24 Nov: the week of Sun 19 Nov
		const starts: number[] = [];
		for (
			let t = periodStart(d('2016-01-03'), 'week', SUNDAY);
			t <= d('2017-12-30');
			t += 7 * DAY_MS
		)
			starts.push(t);
		const events = shopCalendar('US', 2016, 2018).filter((e) =>
			['thanksgiving-day', 'black-friday'].includes(e.key),
		);
		expect(events.map((e) => e.key).sort()).toEqual(['black-friday', 'thanksgiving-day']);
		const cal = calendarRegressors(events, starts, 'week', 4, { maxColumns: Infinity });
		for (const key of ['thanksgiving-day', 'black-friday']) {
			const col = cal.history[cal.keys.indexOf(key)];
			const weeks = starts.filter((_, i) => col[i] > 0).map(iso);
			expect([key, weeks]).toEqual([key, ['2016-11-20', '2017-11-19']]);
		}
	});
	it('cut a plan batch at an as-of Sunday in the Sunday week that starts on it', () => {
		// daily sales Sun 6 Aug … Sat 2 Sep 2017 on Sunday weeks; the plan as of Sun 27 Aug
		const grid = [d('2017-08-06'), d('2017-08-13'), d('2017-08-20'), d('2017-08-27')];
		const raw: SeriesBatch = {
			ids: ['A'],
			indptr: Int32Array.from([0, 4]),
			ds: Float64Array.from(grid),
			y: Float64Array.from([7, 7, 7, 7]),
			edges: periodEdges(d('2017-08-06'), d('2017-09-02'), DAY_MS, 'week', SUNDAY),
		};
		const cut = batchUntil(raw, d('2017-08-27'), DAY_MS, 'week');
		expect(Array.from(cut.ds, iso)).toEqual([
			'2017-08-06',
			'2017-08-13',
			'2017-08-20',
			'2017-08-27',
		]);
		expect(cut.edges).toMatchObject({ lastPartial: true, weekStart: SUNDAY });
		// the partial last week is then left out, and the week start stays with the batch
		const t = trimPartialPeriods(cut);
		expect(Array.from(t.batch.ds, iso)).toEqual(['2017-08-06', '2017-08-13', '2017-08-20']);
		expect(t.batch.edges?.weekStart).toBe(SUNDAY);
	});
});
