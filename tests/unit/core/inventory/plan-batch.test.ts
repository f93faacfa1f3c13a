// The plan's per-product steps shared by the plan worker and the plan CLI (core plan-batch.ts): the
// as-of cut of a raw weekly batch (batchUntil, then prepareBatch's partial-week rule), and the series,
// censoring and horizon of one product (planJob).
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../../../src/core/forecast/batch';
import { batchUntil, planJob, stockItemOf } from '../../../../src/core/inventory/plan-batch';
import { planEngine } from '../../../../src/core/inventory/plan-engine';
import type { SeriesBatch } from '../../../../src/core/types';

const DAY = 86_400_000;
const MON = Date.UTC(2024, 0, 1); // a Monday
const weeks = (n: number) => Float64Array.from({ length: n }, (_, k) => MON + 7 * k * DAY);

/** Two products and the shop total on 5 Monday weeks, daily data 2024-01-01 … 2024-02-04 (a Sunday). */
function raw(): SeriesBatch {
	const ds = weeks(5);
	const edges = { firstPartial: false, lastPartial: false, dateMin: MON, dateMax: MON + 34 * DAY };
	return {
		ids: ['A', 'B'],
		indptr: Int32Array.from([0, 5, 10]),
		ds: Float64Array.from([...ds, ...ds]),
		y: Float64Array.from([1, 2, 3, 4, 5, 0, 0, 7, 8, 9]),
		edges,
		categories: ['c', 'c'],
		groups: {
			ids: ['__total__'],
			indptr: Int32Array.from([0, 5]),
			ds,
			y: Float64Array.from([1, 2, 10, 12, 14]),
			edges,
		},
	};
}

describe('batchUntil', () => {
	it('cuts every series and the group totals after the as-of week; a partial week goes', () => {
		// Wednesday 2024-01-17: its week is partial, so prepareBatch leaves it out
		const wed = batchUntil(raw(), MON + 16 * DAY, DAY, 'week');
		expect(Array.from(wed.y)).toEqual([1, 2, 3, 0, 0, 7]);
		expect(Array.from(wed.groups!.y)).toEqual([1, 2, 10]);
		expect(wed.edges).toMatchObject({ lastPartial: true, dateMax: MON + 16 * DAY });
		const prepared = prepareBatch(wed, 'week', 0);
		expect(Array.from(prepared.batch.y)).toEqual([1, 2, 0, 0]);
		expect(Array.from(prepared.batch.groups!.y)).toEqual([1, 2]);
		expect(prepared.leftOut.droppedLast).toBe(MON + 14 * DAY);
		// Sunday 2024-01-21 ends its week: kept
		const sun = prepareBatch(batchUntil(raw(), MON + 20 * DAY, DAY, 'week'), 'week', 0).batch;
		expect(Array.from(sun.ds.subarray(0, 3))).toEqual(Array.from(weeks(3)));
		expect(Array.from(sun.y)).toEqual([1, 2, 3, 0, 0, 7]);
		// weekly data (a step of 7 days) dated on Mondays: the as-of Monday's week is complete
		const weekly = batchUntil(raw(), MON + 14 * DAY, 7 * DAY, 'week');
		expect(weekly.edges?.lastPartial).toBe(false);
	});

	it('a batch whose data ends by the as-of day is returned as it is', () => {
		const b = raw();
		expect(batchUntil(b, MON + 34 * DAY, DAY, 'week')).toBe(b);
		expect(batchUntil(b, MON + 60 * DAY, DAY, 'week')).toBe(b);
	});
});

describe('planJob', () => {
	it('starts at the first sale, censors stock-out weeks and covers the trailing ones', () => {
		const b = prepareBatch(raw(), 'week', 0).batch;
		const engine = planEngine(b, 'quick', false);
		const item = stockItemOf('B', { productId: 'B', onHand: -3 }, defaults, 2);
		expect(item).toMatchObject({ onHand: 0, leadTimeMeanDays: 14, moq: 0, pack: 1, price: 2 });
		const settings = {
			reviewDays: 7,
			service: { kind: 'fill' as const, level: 0.95 },
			overstockDays: 60,
		};
		const plain = planJob(b, 1, engine, item, settings, 'quick');
		// B's first sale is in week 3: weeks before it are not demand
		expect(plain.first).toBe(b.indptr[1] + 2);
		expect(Array.from(plain.y)).toEqual([7, 8, 9]);
		// the overstock window (60 days → 9 weeks) is longer than lead time + review (3 weeks)
		expect(plain.horizon).toBe(9);
		expect(plain.options).toEqual(plain.base);
		// nothing on hand in the last week: censored, and the forecast covers it too
		const out = planJob(b, 1, engine, item, settings, 'quick', [
			{ productId: 'B', ds: MON + 30 * DAY, onHand: 0 },
		]);
		expect(out.censored).toBe(1);
		expect(out.trailing).toBe(1);
		expect(Number.isNaN(out.y[2])).toBe(true);
		expect(out.horizon).toBe(10);
	});
});

const defaults = { leadTimeMeanDays: 14, leadTimeSdDays: 0, moq: 0, pack: 1 };
