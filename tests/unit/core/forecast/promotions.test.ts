// Promotions in the forecast: period shares of a promotion's days, the columns of a product's own
// and its category's promotions, a planted uplift recovered with an interval that covers it, a
// baseline that the promotions do not inflate, and a future promotion lifting the forecast.
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../../src/core/ingest/schemas/promotions';
import {
	fitPromotions,
	promotionColumns,
	promotionsOf,
	shareOfDays,
} from '../../../../src/core/forecast/promotions';

const DAY = 86_400_000;
const WEEK0 = Date.UTC(2024, 0, 1); // a Monday
const week = (k: number): number => WEEK0 + 7 * k * DAY;
const weeks = (from: number, n: number) =>
	Float64Array.from({ length: n }, (_, k) => week(from + k));
const days7 = (): number => 7;

function promo(
	row: number,
	w0: number,
	w1: number,
	discount: number | null,
	product = 'A',
): PromotionRecord {
	return { row, product, category: null, start: week(w0), end: week(w1) + 6 * DAY, discount };
}

function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

describe('promotion columns', () => {
	it('counts the share of each period’s days on promotion', () => {
		// Wednesday to the next Tuesday: 5 days of week 0, 2 of week 1
		const s = shareOfDays(weeks(0, 3), days7, week(0) + 2 * DAY, week(1) + DAY);
		expect(Array.from(s)).toEqual([5 / 7, 2 / 7, 0]);
	});

	it('takes the product’s own and its category’s promotions, history and future', () => {
		const all: PromotionRecord[] = [
			promo(2, 1, 1, 0.2),
			{
				row: 3,
				product: null,
				category: 'hats',
				start: week(3),
				end: week(3) + 6 * DAY,
				discount: 0.5,
			},
			promo(4, 5, 5, null, 'B'),
			{
				row: 5,
				product: null,
				category: 'bags',
				start: week(6),
				end: week(6) + 6 * DAY,
				discount: 0.1,
			},
		];
		const mine = promotionsOf(all, 'A', 'hats');
		expect(mine.map((p) => p.row)).toEqual([2, 3]);
		const c = promotionColumns([...mine, promo(6, 5, 5, 0.3)], weeks(0, 5), weeks(5, 2), days7);
		expect(Array.from(c.on.history)).toEqual([0, 1, 0, 1, 0]);
		expect(Array.from(c.depth.history)).toEqual([0, 0.2, 0, 0.5, 0]);
		expect(Array.from(c.on.future)).toEqual([1, 0]);
		expect(Array.from(c.depth.future)).toEqual([0.3, 0]);
		expect(c.past.map((p) => p.row)).toEqual([2, 3]);
	});
});

describe('fitPromotions', () => {
	// 80 weeks: level 100 + trend, noise sd 4; promotions add 40 (20 % off) or 80 (40 % off) per week
	const n = 80;
	const r = rng(11);
	const promos = [
		promo(2, 10, 11, 0.2),
		promo(3, 25, 25, 0.4),
		promo(4, 40, 42, 0.2),
		promo(5, 55, 55, 0.4),
		promo(6, 68, 69, 0.2),
		promo(7, 82, 83, 0.4), // in the future
	];
	const lift = (p: PromotionRecord) => (p.discount === 0.4 ? 80 : 40);
	const cols = promotionColumns(promos, weeks(0, n), weeks(n, 6), days7);
	const y = Float64Array.from({ length: n }, (_, t) => {
		let v = 100 + 0.3 * t + 4 * (r() + r() + r() - 1.5) * 2;
		promos.forEach((p, i) => {
			if (i < cols.perPromotion.length) v += lift(p) * cols.perPromotion[i][t];
		});
		return v;
	});

	it('recovers each planted uplift, with a 95 % interval that covers it', () => {
		const fit = fitPromotions(y, cols, 52);
		expect(fit.uplifts).toHaveLength(5);
		for (const u of fit.uplifts) {
			const p = promos.find((x) => x.row === u.row)!;
			const truth = lift(p) * u.periods;
			expect(u.lo).toBeLessThan(truth);
			expect(u.hi).toBeGreaterThan(truth);
			expect(Math.abs(u.extra - truth)).toBeLessThan(0.25 * truth);
			expect(u.relative).toBeGreaterThan(0.2);
			expect(u.relLo).toBeLessThan(u.relative);
		}
	});

	it('keeps the promotions out of the baseline and lifts future promotion weeks', () => {
		const fit = fitPromotions(y, cols, 52);
		// promoted weeks of the baseline look like their neighbours
		for (const t of [10, 11, 25, 55]) {
			const around = (fit.baseline[t - 2] + fit.baseline[t + 2]) / 2;
			expect(Math.abs(fit.baseline[t] - around)).toBeLessThan(20);
			expect(y[t] - fit.baseline[t]).toBeGreaterThan(25);
		}
		// weeks without promotion are untouched
		expect(fit.baseline[5]).toBe(y[5]);
		// future: weeks 82–83 (40 % off) get about 80 extra, the others none
		expect(fit.futureUplift[2]).toBeGreaterThan(55);
		expect(fit.futureUplift[2]).toBeLessThan(105);
		expect(fit.futureUplift[0]).toBe(0);
		expect(fit.depthEffect).toBeGreaterThan(0);
	});

	it('says nothing without past promotions', () => {
		const none = promotionColumns([promo(9, 90, 91, 0.2)], weeks(0, n), weeks(n, 6), days7);
		const fit = fitPromotions(y, none, 52);
		expect(fit.uplifts).toEqual([]);
		expect(Array.from(fit.baseline)).toEqual(Array.from(y));
	});
});
