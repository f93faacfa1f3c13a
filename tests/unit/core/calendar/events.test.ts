// The built-in holiday and festival calendar: known dates (China's 2024 Spring Festival with its
// make-up working days, 七夕, 年货节, US Black Friday), the shop's edits, and events as weekly
// regressor columns and effects.
import { describe, expect, it } from 'vitest';
import {
	calendarRegressors,
	CN_WORKDAY,
	defaultCountry,
	eventEffects,
	shopCalendar,
	yearsOf,
} from '../../../../src/core/calendar/events';

const days = (events: ReturnType<typeof shopCalendar>, key: string): string[] =>
	events.find((e) => e.key === key)?.days ?? [];

describe('shopCalendar', () => {
	it("has China's official holidays with their make-up working days and the festivals", () => {
		const cn = shopCalendar('CN', 2024, 2024);
		expect(days(cn, 'spring-festival')).toEqual([
			'2024-02-10',
			'2024-02-11',
			'2024-02-12',
			'2024-02-13',
			'2024-02-14',
			'2024-02-15',
			'2024-02-16',
			'2024-02-17',
		]);
		// 2024: Sunday 4 Feb and Sunday 18 Feb were working days (调休)
		expect(days(cn, CN_WORKDAY)).toEqual(expect.arrayContaining(['2024-02-04', '2024-02-18']));
		expect(days(cn, 'double11')).toEqual(['2024-11-11']);
		expect(days(cn, '618')).toEqual(['2024-06-16', '2024-06-17', '2024-06-18']);
		expect(days(cn, 'qixi')).toEqual(['2024-08-10']);
		// 年货节: the two weeks ending ten days before the Spring Festival (10 Feb 2024)
		const nh = days(cn, 'nianhuo');
		expect([nh[0], nh[nh.length - 1], nh.length]).toEqual(['2024-01-17', '2024-01-31', 15]);
		expect(days(cn, 'black-friday')).toEqual([]);
		expect(cn.find((e) => e.key === 'spring-festival')?.names).toEqual([
			'Spring Festival',
			'春节',
			'春节',
		]);
	});

	it('has Western holidays and shopping days, without doubling a holiday that is also a festival', () => {
		const us = shopCalendar('US', 2024, 2025);
		expect(days(us, 'thanksgiving-day')).toEqual(['2024-11-28', '2025-11-27']);
		expect(days(us, 'black-friday')).toEqual(['2024-11-29', '2025-11-28']);
		expect(days(us, 'cyber-monday')).toEqual(['2024-12-02', '2025-12-01']);
		expect(days(us, 'christmas-peak')).toHaveLength(48);
		const gb = shopCalendar('GB', 2024, 2024);
		expect(gb.filter((e) => e.key === 'boxing-day')).toEqual([
			expect.objectContaining({ kind: 'holiday', days: ['2024-12-26'] }),
		]);
	});

	it("applies the shop's edits: added days, a removed day, a removed event", () => {
		const cal = shopCalendar('US', 2024, 2024, {
			add: [
				{ key: 'summer-sale', date: '2024-07-01' },
				{ key: 'summer-sale', date: '2024-07-02' },
				{ key: 'black-friday', date: '2024-11-30' },
				{ key: 'bad', date: '1 July' },
			],
			remove: [{ key: 'columbus-day' }, { key: 'cyber-monday', date: '2024-12-02' }],
		});
		expect(cal.find((e) => e.key === 'summer-sale')).toEqual({
			key: 'summer-sale',
			kind: 'custom',
			days: ['2024-07-01', '2024-07-02'],
		});
		expect(days(cal, 'black-friday')).toEqual(['2024-11-29', '2024-11-30']);
		expect(
			cal.some((e) => e.key === 'columbus-day' || e.key === 'cyber-monday' || e.key === 'bad'),
		).toBe(false);
	});

	it('defaults the country from the currency, then the locale', () => {
		expect(defaultCountry('en-GB', 'CNY')).toBe('CN');
		expect(defaultCountry('zh-CN')).toBe('CN');
		expect(defaultCountry('en-AU')).toBe('AU');
		expect(defaultCountry('de')).toBe('DE');
		expect(defaultCountry(undefined)).toBe('US');
	});
});

describe('calendarRegressors and eventEffects', () => {
	const monday = Date.UTC(2024, 10, 4); // Monday 4 Nov 2024
	const starts = Array.from({ length: 8 }, (_, i) => monday + i * 7 * 86_400_000);

	it('gives each week the share of its days on the event, over history and horizon', () => {
		const events = shopCalendar('GB', 2024, 2025);
		const r = calendarRegressors(events, starts, 'week', 4, {
			maxColumns: 10,
			minHistory: 1,
			pool: false,
		});
		const col = (key: string): number[] => {
			const i = r.keys.indexOf(key);
			return [...r.history[i], ...r.future[i]];
		};
		// weeks from 4 Nov: Black Friday (29 Nov) in the week of 25 Nov; Christmas peak 1–24 Dec
		expect(col('black-friday')).toEqual([0, 0, 0, 1 / 7, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(col('christmas-peak').map((v) => Math.round(v * 7))).toEqual([
			0, 0, 0, 1, 7, 7, 7, 2, 0, 0, 0, 0,
		]);
		// Christmas Day is in the last history week (23 Dec); New Year's Day only in the horizon (week
		// of 30 Dec): its effect cannot be estimated, so it is left out
		expect(col('christmas-day')).toEqual([0, 0, 0, 0, 0, 0, 0, 1 / 7, 0, 0, 0, 0]);
		expect(r.keys).not.toContain('new-year-s-day');
		expect(r.names[0].startsWith('cal:')).toBe(true);
		expect(yearsOf(starts, 'week', 4)).toEqual([2024, 2025]);
	});

	it('puts events that reach the horizon first and caps the columns', () => {
		const events = shopCalendar('GB', 2024, 2025);
		const r = calendarRegressors(events, starts.slice(0, 7), 'week', 2, {
			maxColumns: 1,
			minHistory: 1,
			pool: false,
		});
		expect(r.keys).toEqual(['christmas-peak']);
	});

	it('pools the public holidays into one column and, with a season, keeps moving events only', () => {
		const weeks = Array.from({ length: 110 }, (_, i) => Date.UTC(2022, 0, 3) + i * 7 * 86_400_000);
		const events = shopCalendar('GB', 2022, 2024);
		const pooled = calendarRegressors(events, weeks, 'week', 8, { maxColumns: 10, pool: true });
		expect(pooled.keys).toContain('public-holidays');
		expect(pooled.keys).toContain('christmas-peak');
		expect(pooled.keys).not.toContain('christmas-day');
		const moving = calendarRegressors(events, weeks, 'week', 8, {
			maxColumns: 10,
			movingOnly: true,
			pool: true,
		});
		expect(moving.keys).not.toContain('christmas-peak');
		expect(moving.keys).toContain('black-friday');
		// Easter Monday 2022 (18 Apr) moves; Christmas Day (and its substitute, 27 Dec 2022) is fixed
		const i = moving.keys.indexOf('public-holidays');
		const weekOf = (d: string): number => weeks.findIndex((w) => w > Date.parse(d)) - 1;
		expect(moving.history[i][weekOf('2022-04-18T12:00:00Z')]).toBeCloseTo(1 / 7, 12);
		expect(moving.history[i][weekOf('2022-04-15T12:00:00Z')]).toBeCloseTo(1 / 7, 12);
		expect(moving.history[i][weekOf('2022-12-26T12:00:00Z')]).toBe(0);
	});

	it('turns a coefficient into the effect of a typical event week, with a 95 % interval', () => {
		const cal = {
			keys: ['christmas-peak'],
			names: ['cal:christmas-peak'],
			history: [Float64Array.from([0, 0, 1, 1, 0.5, 0])],
			future: [new Float64Array(2)],
		};
		const y = [100, 100, 150, 150, 110, 90]; // mean 116.67
		const [e] = eventEffects([{ name: 'cal:christmas-peak', estimate: 60, stdError: 10 }], cal, y);
		const typical = 2.5 / 3;
		expect(e.key).toBe('christmas-peak');
		expect(e.effect).toBeCloseTo((60 * typical) / (700 / 6), 12);
		expect(e.halfWidth).toBeCloseTo((1.96 * 10 * typical) / (700 / 6), 12);
		expect(e.periods).toBe(3);
		expect(e.ahead).toEqual([]);
		cal.future[0][1] = 1;
		expect(
			eventEffects([{ name: 'cal:christmas-peak', estimate: 60, stdError: 10 }], cal, y)[0].ahead,
		).toEqual([1]);
	});

	it('divides an effect by the level of the event’s own periods when the fit gives one', () => {
		const cal = {
			keys: ['nianhuo'],
			names: ['cal:nianhuo'],
			history: [Float64Array.from([0, 1, 1, 0, 0, 0])],
			future: [Float64Array.from([0, 0])],
		};
		const y = [100, 120, 130, 300, 400, 500]; // mean 258.3
		const drivers = [{ name: 'cal:nianhuo', estimate: -60, stdError: 10 }];
		// without a baseline: a share of the history's mean
		expect(eventEffects(drivers, cal, y)[0].effect).toBeCloseTo(-60 / (1550 / 6), 10);
		// with the fit's line there (150 and 170): a share of 160
		const line = [130, 150, 170, 190, 210, 230];
		const e = eventEffects(drivers, cal, y, line)[0];
		expect(e.effect).toBeCloseTo(-60 / 160, 10);
		expect(e.halfWidth).toBeCloseTo((1.96 * 10) / 160, 10);
		// a fall larger than the level (−157 % on a Tmall walk) is not a share: left out
		expect(eventEffects([{ ...drivers[0], estimate: -250 }], cal, y, line)).toEqual([]);
		// no level to compare with (the line below 0 there): left out
		expect(
			eventEffects(
				drivers,
				cal,
				y,
				line.map((v) => v - 200),
			),
		).toEqual([]);
	});
});
