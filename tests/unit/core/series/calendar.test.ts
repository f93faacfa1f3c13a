// Calendar periods and incomplete edge periods (src/core/series/calendar.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DAY_MS,
	addPeriods,
	periodEdges,
	periodStart,
	trimPartialPeriods,
	typicalStep,
} from '../../../../src/core/series/calendar';
import type { Frequency, SeriesBatch } from '../../../../src/core/types';
import { partialPeriodNotes } from '../../../../src/lib/format';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('periodEdges', () => {
	it.each<[string, string, number, Frequency, boolean, boolean]>([
		// till export Wed 1 Dec 2010 … Sun 11 Sep 2011, by week: first week partial, last complete
		['2010-12-01', '2011-09-11', DAY_MS, 'week', true, false],
		// … ending on a Wednesday: last week partial too
		['2010-12-06', '2011-09-07', DAY_MS, 'week', false, true],
		// by day nothing is partial
		['2010-12-01', '2011-09-07', DAY_MS, 'day', false, false],
		// by month: starts on the 1st, ends on the 7th
		['2010-12-01', '2011-09-07', DAY_MS, 'month', false, true],
		// ends on the last day of a month
		['2010-12-01', '2011-08-31', DAY_MS, 'month', false, false],
		// monthly report dated on the 1st (ABS retail): every month complete
		['1982-04-01', '2016-12-01', 31 * DAY_MS, 'month', false, false],
		// weekly report dated on Saturdays, grouped into Monday weeks: complete
		['2015-01-03', '2016-12-31', 7 * DAY_MS, 'week', false, false],
		// weekly report grouped by month: the last month is cut off mid-way (the first week
		// reaches back into December, so January counts as covered)
		['2015-01-03', '2016-12-10', 7 * DAY_MS, 'month', false, true],
	])('%s … %s, step %d ms, by %s', (from, to, step, freq, first, last) => {
		const e = periodEdges(d(from), d(to), step, freq);
		expect([e.firstPartial, e.lastPartial]).toEqual([first, last]);
	});

	it('never calls a period partial when the data covers it day by day', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 20_000 }),
				fc.integer({ min: 1, max: 60 }),
				fc.constantFrom<Frequency>('day', 'week', 'month'),
				(startDay, periods, freq) => {
					const p0 = periodStart(startDay * DAY_MS, freq);
					const end = addPeriods(p0, periods, freq) - DAY_MS;
					const e = periodEdges(p0, end, DAY_MS, freq);
					return !e.firstPartial && !e.lastPartial;
				},
			),
		);
	});
});

describe('typicalStep', () => {
	it('is the median gap between distinct dates', () => {
		expect(typicalStep([d('2011-01-01'), d('2011-01-02'), d('2011-01-03'), d('2011-01-10')])).toBe(
			DAY_MS,
		);
		const months = Array.from({ length: 24 }, (_, i) => Date.UTC(2015, i, 1));
		expect(typicalStep(months)).toBe(31 * DAY_MS);
		expect(typicalStep([d('2011-01-01')])).toBeNaN();
	});
});

describe('trimPartialPeriods', () => {
	const grid = [d('2010-11-29'), d('2010-12-06'), d('2010-12-13'), d('2010-12-20')];
	const batch = (firstPartial: boolean, lastPartial: boolean): SeriesBatch => ({
		ids: ['a', 'b'],
		indptr: Int32Array.from([0, 4, 8]),
		ds: Float64Array.from([...grid, ...grid]),
		y: Float64Array.from([1, 2, 3, 4, 10, 20, 30, 40]),
		edges: { firstPartial, lastPartial, dateMin: d('2010-12-01'), dateMax: d('2010-12-22') },
	});

	it('drops the partial first and last period of every series', () => {
		const t = trimPartialPeriods(batch(true, true));
		expect(Array.from(t.batch.indptr)).toEqual([0, 2, 4]);
		expect(Array.from(t.batch.y)).toEqual([2, 3, 20, 30]);
		expect(Array.from(t.batch.ds, iso)).toEqual([
			'2010-12-06',
			'2010-12-13',
			'2010-12-06',
			'2010-12-13',
		]);
		expect(iso(t.droppedFirst!)).toBe('2010-11-29');
		expect(iso(t.droppedLast!)).toBe('2010-12-20');
		expect(t.batch.edges).toMatchObject({ firstPartial: false, lastPartial: false });
		expect(partialPeriodNotes(t, 'week')).toEqual([
			'Week of 29 Nov 2010 is left out: your data starts on 1 Dec 2010, part-way through it.',
			'Week of 20 Dec 2010 is left out: your data ends on 22 Dec 2010, part-way through it, so its sales are incomplete.',
		]);
	});

	it('trims the regressors like the sales', () => {
		const b = batch(true, false);
		b.regressors = { names: ['price'], values: [Float64Array.from([5, 6, 7, 8, 1, 2, 3, 4])] };
		const t = trimPartialPeriods(b);
		expect(t.batch.regressors?.names).toEqual(['price']);
		expect(Array.from(t.batch.regressors!.values[0])).toEqual([6, 7, 8, 2, 3, 4]);
	});

	it('keeps a complete batch as it is', () => {
		const b = batch(false, false);
		const t = trimPartialPeriods(b);
		expect(t.batch).toBe(b);
		expect([t.droppedFirst, t.droppedLast]).toEqual([null, null]);
		expect(partialPeriodNotes(t, 'week')).toEqual([]);
	});

	it('drops only the last period when only it is partial', () => {
		const t = trimPartialPeriods(batch(false, true));
		expect(Array.from(t.batch.y)).toEqual([1, 2, 3, 10, 20, 30]);
		expect(t.droppedFirst).toBeNull();
	});

	it('leaves a grid too short to lose its edges', () => {
		const b: SeriesBatch = {
			ids: ['a'],
			indptr: Int32Array.from([0, 2]),
			ds: Float64Array.from(grid.slice(0, 2)),
			y: Float64Array.from([1, 2]),
			edges: { firstPartial: true, lastPartial: true, dateMin: 0, dateMax: 0 },
		};
		expect(trimPartialPeriods(b).batch).toBe(b);
	});
});
