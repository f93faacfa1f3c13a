// A product too short to show its own yearly peak borrows its category's (issue #11), before the
// shop total's and the shipped retail profile's, and the forecast says where the peak came from.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	categoryTotals,
	groupTotals,
	prepareBatch,
	SHOP_TOTAL,
	withSeason,
} from '../../../../src/core/forecast/batch';
import { borrowSeason } from '../../../../src/core/forecast/seasonal-prior';
import type { SeriesBatch } from '../../../../src/core/types';

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2021, 0, 4);
const LONG = 130;
const SHORT = 30;

/** Winter coats peak around week 48, swimwear around week 26; the total's peak is mixed. */
function shop(): SeriesBatch {
	const parts: { id: string; cat: string; y: (t: number) => number; from: number }[] = [
		{
			id: 'coat-a',
			cat: 'COAT',
			from: 0,
			y: (t) => 50 * (1 + 0.8 * Math.cos((2 * Math.PI * (t - 48)) / 52)) + 5,
		},
		{
			id: 'coat-b',
			cat: 'COAT',
			from: 0,
			y: (t) => 30 * (1 + 0.8 * Math.cos((2 * Math.PI * (t - 48)) / 52)) + 3,
		},
		{
			id: 'swim-a',
			cat: 'SWIM',
			from: 0,
			y: (t) => 90 * (1 + 0.8 * Math.cos((2 * Math.PI * (t - 26)) / 52)) + 5,
		},
		{
			id: 'swim-b',
			cat: 'SWIM',
			from: 0,
			y: (t) => 60 * (1 + 0.8 * Math.cos((2 * Math.PI * (t - 26)) / 52)) + 5,
		},
		{ id: 'coat-new', cat: 'COAT', from: LONG - SHORT, y: () => 20 },
		{ id: 'hat-new', cat: 'HAT', from: LONG - SHORT, y: () => 20 },
	];
	const ds: number[] = [];
	const y: number[] = [];
	const indptr = [0];
	for (const p of parts) {
		for (let t = p.from; t < LONG; t++) {
			ds.push(START + t * WEEK);
			y.push(p.y(t));
		}
		indptr.push(ds.length);
	}
	return {
		ids: parts.map((p) => p.id),
		indptr: Int32Array.from(indptr),
		ds: Float64Array.from(ds),
		y: Float64Array.from(y),
		categories: parts.map((p) => p.cat),
	};
}

/** Week of the horizon (0-based) with the largest borrowed index. */
const peakStep = (a: Float64Array): number => a.indexOf(Math.max(...a));

describe('category as a season source', () => {
	const batch = shop();
	const cats = categoryTotals(batch);
	const total = {
		ds: cats.get('COAT')!.ds,
		y: cats.get('COAT')!.y.map((v, t) => v + cats.get('SWIM')!.y[t]),
	};

	it('sums each category of two or more products; a lone product is no category', () => {
		expect([...cats.keys()].sort()).toEqual(['COAT', 'SWIM']);
		const coat = cats.get('COAT')!;
		expect(coat.ds).toHaveLength(LONG);
		// the first week: coat-a + coat-b only (coat-new starts later)
		expect(coat.y[0]).toBeCloseTo(batch.y[0] + batch.y[LONG], 9);
	});

	it('borrows the category’s peak, not the total’s, for a short product', () => {
		const h = 52;
		const coat = withSeason(batch, 4, { horizon: h, season: 52 }, total, cats).seasonalPrior;
		expect(coat).toMatchObject({ source: 'category', group: 'COAT' });
		const hat = withSeason(batch, 5, { horizon: h, season: 52 }, total, cats).seasonalPrior;
		expect(hat).toMatchObject({ source: 'group', group: 'total' });
		// coats peak near week 48 of the cycle, the total (swimwear-heavy) near week 26
		const cycleWeek = (step: number): number => (LONG + step) % 52;
		expect(Math.abs(cycleWeek(peakStep(coat!.future)) - 48)).toBeLessThanOrEqual(2);
		expect(Math.abs(cycleWeek(peakStep(hat!.future)) - 26)).toBeLessThanOrEqual(6);
		// without categories the coat gets the total's (the old behaviour)
		expect(withSeason(batch, 4, { horizon: h, season: 52 }, total).seasonalPrior?.source).toBe(
			'group',
		);
	});

	it('falls back to the total, then the profile, when the category is too short', () => {
		const ds = Float64Array.from({ length: SHORT }, (_, t) => START + (LONG - SHORT + t) * WEEK);
		const shortCat = {
			ds,
			y: new Float64Array(SHORT).fill(5),
			name: 'NEW',
			source: 'category' as const,
		};
		expect(borrowSeason(ds, 8, 52, [shortCat, { ...total, name: 'total' }])?.source).toBe('group');
		expect(borrowSeason(ds, 8, 52, [shortCat])?.source).toBe('profile');
	});

	it('keeps the categories through the batch preparation', () => {
		const grid: SeriesBatch = {
			ids: ['a', 'b'],
			indptr: Int32Array.from([0, 6, 12]),
			ds: Float64Array.from({ length: 12 }, (_, k) => START + (k % 6) * WEEK),
			y: Float64Array.from({ length: 12 }, (_, k) => k + 1),
			edges: {
				firstPartial: true,
				lastPartial: false,
				dateMin: START + 3 * 86_400_000,
				dateMax: START + 5 * WEEK,
			},
			categories: ['COAT', ''],
		};
		const p = prepareBatch(grid, 'week', 4, { dropLast: 2 });
		expect(p.batch.indptr[1]).toBe(3);
		expect(p.batch.categories).toEqual(['COAT', '']);
	});

	it('borrows for a product launched late in a long history (counted from its first sale)', () => {
		// the same new coat on the whole 130-week grid: 100 weeks of zeros before its launch
		const n = LONG;
		const ds = Float64Array.from({ length: n }, (_, t) => START + t * WEEK);
		const y = Float64Array.from({ length: n }, (_, t) => (t >= LONG - SHORT ? 20 : 0));
		const one: SeriesBatch = {
			ids: ['coat-new'],
			indptr: Int32Array.from([0, n]),
			ds,
			y,
			categories: ['COAT'],
		};
		const prior = withSeason(one, 0, { horizon: 12, season: 52 }, total, cats).seasonalPrior;
		expect(prior).toMatchObject({ source: 'category', group: 'COAT' });
		expect(prior!.history).toHaveLength(n);
		// the engine fits it from its launch and uses the borrowed peak
		const r = forecastAuto(y, {
			...withSeason(one, 0, { horizon: 12, season: 52 }, total, cats),
			models: ['theta~season'],
		});
		expect(r.notes.map((x) => x.code)).toContain('engine_note_launch');
		expect(r.notes).toContainEqual({
			code: 'engine_note_peak_source_category',
			params: { group: 'COAT' },
		});
		// a product selling since the start of the 130 weeks has two seasons itself: nothing borrowed
		const old = { ...one, y: new Float64Array(n).fill(20) };
		expect(
			withSeason(old, 0, { horizon: 12, season: 52 }, total, cats).seasonalPrior,
		).toBeUndefined();
	});

	it('takes the dataset’s category and shop totals from batch.groups, for a product read alone', () => {
		const i = 4;
		const from = batch.indptr[i];
		const len = batch.indptr[i + 1] - from;
		const coat = cats.get('COAT')!;
		const g = (a: Float64Array) => a.subarray(LONG - len);
		const alone: SeriesBatch = {
			ids: ['coat-new'],
			indptr: Int32Array.from([0, len]),
			ds: batch.ds.slice(from, from + len),
			y: batch.y.slice(from, from + len),
			categories: ['COAT'],
			groups: {
				ids: ['COAT', SHOP_TOTAL],
				indptr: Int32Array.from([0, LONG, 2 * LONG]),
				ds: Float64Array.from([...coat.ds, ...total.ds]),
				y: Float64Array.from([...coat.y, ...total.y]),
			},
		};
		expect(g(coat.ds)[0]).toBe(alone.ds[0]);
		const groups = groupTotals(alone)!;
		expect([...groups.categories.keys()]).toEqual(['COAT']);
		expect(Array.from(groups.total!.y)).toEqual(Array.from(total.y));
		const own = withSeason(alone, 0, { horizon: 12, season: 52 }, groups.total, groups.categories);
		expect(own.seasonalPrior).toMatchObject({ source: 'category', group: 'COAT' });
		// the batch's own sums know nothing (one series): only the shipped profile
		const bare = { ...alone, groups: undefined };
		expect(groupTotals(bare)).toBeNull();
		expect(
			withSeason(bare, 0, { horizon: 12, season: 52 }, null, categoryTotals(bare)).seasonalPrior
				?.source,
		).toBe('profile');
		// the groups follow the batch through preparation (edges trimmed, latest periods dropped)
		const edged: SeriesBatch = {
			...alone,
			edges: { firstPartial: true, lastPartial: true, dateMin: 0, dateMax: 0 },
			groups: {
				...alone.groups!,
				edges: { firstPartial: true, lastPartial: true, dateMin: 0, dateMax: 0 },
			},
		};
		const p = prepareBatch(edged, 'week', 4, { dropLast: 3 });
		expect(p.batch.groups!.indptr[1]).toBe(LONG - 2 - 3);
		expect(p.batch.groups!.ds[0]).toBe(coat.ds[1]);
		// both end on the same period (the product's last kept week)
		expect(p.batch.groups!.ds[p.batch.groups!.indptr[1] - 1]).toBe(
			p.batch.ds[p.batch.ds.length - 1],
		);
		expect(p.batch.ds[p.batch.ds.length - 1]).toBe(START + (LONG - 5) * WEEK);
	});

	it('says in the forecast that the peak came from the category', () => {
		const i = 4;
		const y = batch.y.slice(batch.indptr[i], batch.indptr[i + 1]);
		const opts = withSeason(batch, i, { horizon: 12, season: 52 }, total, cats);
		const r = forecastAuto(y, { ...opts, models: ['theta~season'] });
		expect(r.notes).toContainEqual({
			code: 'engine_note_peak_source_category',
			params: { group: 'COAT' },
		});
	});
});
