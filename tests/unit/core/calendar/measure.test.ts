// Every holiday of the shop's calendar measured on past sales (issue #11 audit): the forecast takes at
// most four calendar columns, so on a US shop's store-weeks ending in July (as Walmart's) Thanksgiving
// and Black Friday were never measured; measureEvents gives each other event its own estimate with a
// 95 % interval, and the forecast worker returns them for the one series on screen.
import { describe, expect, it } from 'vitest';
import { measureEvents, unmeasuredAhead } from '../../../../src/core/calendar/measure';
import { shopCalendar } from '../../../../src/core/calendar/events';
import { api } from '../../../../workers/forecast-api';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const THANKSGIVING = ['2010-11-25', '2011-11-24'].map((d) => Date.parse(d + 'T00:00:00Z'));

/** Weekly sales, Mondays from 1 Feb 2010 to July 2012, +50 % in Thanksgiving's week. */
function storeWeeks(): { ds: Float64Array; y: Float64Array } {
	const n = 130;
	const ds = Float64Array.from({ length: n }, (_, t) => Date.UTC(2010, 1, 1) + t * WEEK);
	const y = Float64Array.from({ length: n }, (_, t) => {
		const lift = THANKSGIVING.some((d) => d >= ds[t] && d < ds[t] + WEEK) ? 1.5 : 1;
		return Math.round(1000 * lift + 20 * Math.sin(t * 1.7));
	});
	return { ds, y };
}

describe('measureEvents', () => {
	it('measures each event alone, with an interval around the planted lift', () => {
		const { ds, y } = storeWeeks();
		const events = shopCalendar('US', 2010, 2012);
		const all = measureEvents(events, ds, 'week', y, 12);
		const tg = all.find((e) => e.key === 'thanksgiving-day');
		expect(tg).toBeDefined();
		expect(tg!.kind).toBe('holiday');
		expect(tg!.periods).toBe(2);
		expect(tg!.effect).toBeGreaterThan(0.4);
		expect(tg!.effect).toBeLessThan(0.6);
		expect(tg!.effect - tg!.halfWidth).toBeGreaterThan(0);
		// Black Friday is the same week: measured alone, it shows that week's lift too
		expect(all.find((e) => e.key === 'black-friday')!.effect).toBeGreaterThan(0.4);
		// a day with no lift is about nothing, its interval across zero
		const july4 = all.find((e) => e.key === 'independence-day')!;
		expect(Math.abs(july4.effect)).toBeLessThan(0.05);
		expect(july4.effect - july4.halfWidth).toBeLessThan(0);
		// the events the forecast measured already are left out
		expect(
			measureEvents(events, ds, 'week', y, 12, ['thanksgiving-day']).some(
				(e) => e.key === 'thanksgiving-day',
			),
		).toBe(false);
	});

	it('reads a growing shop’s early festival against the level of its own weeks, never below −100 %', () => {
		// a shop growing from 100 to ~1,650 a week since Dec 2014; Spring Festival 2015 (18–24 Feb) takes
		// 40 % of each of its days' sales: 5 days of the week of 16 Feb, 2 of the next, so a week half
		// inside the festival (its typical share) sells 20 % less than the line there
		const n = 40;
		const ds = Float64Array.from({ length: n }, (_, t) => Date.UTC(2014, 11, 1) + t * WEEK);
		const days = [
			'2015-02-18',
			'2015-02-19',
			'2015-02-20',
			'2015-02-21',
			'2015-02-22',
			'2015-02-23',
			'2015-02-24',
		];
		const share = (t: number) =>
			days.filter((d) => {
				const x = Date.parse(d + 'T00:00:00Z');
				return x >= ds[t] && x < ds[t] + WEEK;
			}).length / 7;
		const y = Float64Array.from({ length: n }, (_, t) =>
			Math.round((100 + 40 * t) * (1 - 0.4 * share(t)) + 15 * Math.sin(t * 1.3)),
		);
		const all = measureEvents(shopCalendar('CN', 2014, 2016), ds, 'week', y, 12);
		const sf = all.find((e) => e.key === 'spring-festival')!;
		// against the whole history's mean (~880 a week, not the ~540 of February) it read −11 %
		expect(sf.effect).toBeGreaterThan(-0.24);
		expect(sf.effect).toBeLessThan(-0.16);
		for (const e of all) expect(e.effect).toBeGreaterThanOrEqual(-1);
	});
});

describe('the forecast worker', () => {
	it('returns the calendar’s other events, measured, for the one series on screen', async () => {
		const { ds, y } = storeWeeks();
		const batch = { ids: ['S1'], indptr: Int32Array.from([0, ds.length]), ds, y };
		const [r] = await api.forecastBatch(
			batch,
			{ horizon: 12, season: 52, calendar: { country: 'US', freq: 'week' } },
			'measure-job',
		);
		const inForecast = (r.events ?? []).map((e) => e.key);
		expect(inForecast.length).toBeLessThanOrEqual(4);
		expect(inForecast).not.toContain('thanksgiving-day');
		const tg = r.measuredEvents?.find((e) => e.key === 'thanksgiving-day');
		expect(tg?.effect).toBeGreaterThan(0.4);
		for (const e of r.measuredEvents ?? []) expect(inForecast).not.toContain(e.key);
		// a batch of many products gets none (one small regression per event and product is not needed)
		const two = {
			ids: ['S1', 'S2'],
			indptr: Int32Array.from([0, ds.length, 2 * ds.length]),
			ds: Float64Array.from([...ds, ...ds]),
			y: Float64Array.from([...y, ...y]),
		};
		const res = await api.forecastBatch(
			two,
			{ horizon: 12, season: 52, calendar: { country: 'US', freq: 'week' } },
			'measure-job-2',
		);
		expect(res.every((x) => x.measuredEvents === undefined)).toBe(true);
	});

	it('names the events in the forecast that happened too rarely to measure (walk14: one past Black Friday)', async () => {
		// a US shop's weeks from Mon 4 Sep 2017 to Sun 18 Nov 2018: Black Friday (23 Nov 2018) and
		// Thanksgiving fall in week 1 of the forecast, Cyber Monday (26 Nov) in week 2; each touched one
		// past week, Christmas Day two (2017 and none yet in 2018: one), Labor Day two
		const n = 63;
		const ds = Float64Array.from({ length: n }, (_, t) => Date.UTC(2017, 8, 4) + t * WEEK);
		const y = Float64Array.from({ length: n }, (_, t) => 200 + 3 * t + 15 * Math.sin(t * 1.3));
		const events = shopCalendar('US', 2017, 2019);
		const un = unmeasuredAhead(events, ds, 'week', 12);
		const bf = un.find((e) => e.key === 'black-friday');
		expect(bf).toEqual({ key: 'black-friday', kind: 'festival', ahead: [0], past: 1 });
		expect(un.find((e) => e.key === 'cyber-monday')?.ahead).toEqual([1]);
		expect(un.find((e) => e.key === 'thanksgiving-day')?.names?.[0]).toBe('Thanksgiving Day');
		// Labor Day touched two past weeks (measurable) and is not in the horizon
		expect(un.map((e) => e.key)).not.toContain('labour-day');
		// first in the horizon first; a key measured already is left out
		expect(un.map((e) => e.ahead[0])).toEqual([...un.map((e) => e.ahead[0])].sort((a, b) => a - b));
		expect(
			unmeasuredAhead(events, ds, 'week', 12, ['black-friday']).map((e) => e.key),
		).not.toContain('black-friday');
		// the worker returns them for the one series on screen
		const batch = { ids: ['S1'], indptr: Int32Array.from([0, n]), ds, y };
		const [r] = await api.forecastBatch(
			batch,
			{ horizon: 12, season: 52, calendar: { country: 'US', freq: 'week' } },
			'unmeasured-job',
		);
		expect(r.unmeasuredEvents?.find((e) => e.key === 'black-friday')?.ahead).toEqual([0]);
		for (const e of r.unmeasuredEvents ?? [])
			expect([...(r.events ?? []), ...(r.measuredEvents ?? [])].map((x) => x.key)).not.toContain(
				e.key,
			);
	});
});
