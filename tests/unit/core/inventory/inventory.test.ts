// Known answers and properties of the inventory core (src/core/inventory): demand over lead time +
// review period, safety stock / reorder point for cycle service and fill rate, MOQ and pack rounding,
// newsvendor, order split, budget allocation, censored demand and the policy replay.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	cdf,
	demandOverDays,
	expectedShortage,
	leadTimeDays,
	normalLoss,
	protectionDemand,
	quantile,
	sdFromInterval,
	type PeriodForecast,
} from '../../../../src/core/inventory/demand';
import {
	daysOfCover,
	MIN_ORDER_NEED,
	orderQuantity,
	policyLevels,
	roundToRules,
	wholeUnitsUp,
} from '../../../../src/core/inventory/policy';
import { criticalRatio, newsvendorQuantity } from '../../../../src/core/inventory/newsvendor';
import { splitOrder } from '../../../../src/core/inventory/split';
import { allocateBudget } from '../../../../src/core/inventory/budget';
import { censorStockouts, stockoutPeriods } from '../../../../src/core/inventory/censor';
import { replayPolicy } from '../../../../src/core/inventory/replay';
import {
	fromFirstSale,
	periodForecastFrom,
	planProduct,
	alertStake,
	rankAlerts,
	type StockItem,
} from '../../../../src/core/inventory/plan';

const flat = (mean: number, sd: number, h: number, periodDays = 7): PeriodForecast => ({
	mean: new Float64Array(h).fill(mean),
	sd: new Float64Array(h).fill(sd),
	periodDays,
});
const Z95 = 1.6448536269514722;

describe('demand over lead time + review period', () => {
	it('independent periods: mean and variance add (3 weeks of N(10, 3²))', () => {
		const d = demandOverDays(flat(10, 3, 8), 21);
		expect(d.mean).toBeCloseTo(30, 10);
		expect(d.variance).toBeCloseTo(27, 10);
	});

	it('a half period adds half the mean and half the noise variance', () => {
		const d = demandOverDays(flat(10, 3, 8), 24.5);
		expect(d.mean).toBeCloseTo(35, 10);
		expect(d.variance).toBeCloseTo(3.5 * 9, 10);
	});

	it('widening intervals: the exact SES (local level) variance of a 4-period sum', () => {
		// σ_j² = σ²(1 + (j−1)α²), σ = 1, α = 0.5: Var(Σ₁⁴ Y) = Σ_i (1 + α(4 − i))² = 13.5
		const alpha = 0.5;
		const sd = Float64Array.from({ length: 6 }, (_, j) => Math.sqrt(1 + j * alpha * alpha));
		const d = demandOverDays({ mean: new Float64Array(6).fill(5), sd, periodDays: 1 }, 4);
		expect(d.variance).toBeCloseTo(13.5, 10);
		// more than treating the periods as independent (4 + 0.25·(0+1+2+3) = 5.5)
	});

	it('is not mean × days: a period beyond the horizon repeats the last mean', () => {
		const f: PeriodForecast = {
			mean: Float64Array.of(10, 20),
			sd: Float64Array.of(1, 1),
			periodDays: 7,
		};
		expect(demandOverDays(f, 28).mean).toBeCloseTo(10 + 20 + 20 + 20, 10);
	});

	it('σ from an 80 % interval', () => {
		const sd = sdFromInterval(
			Float64Array.of(10 - 1.2815515655446004 * 4),
			Float64Array.of(10 + 1.2815515655446004 * 4),
		);
		expect(sd[0]).toBeCloseTo(4, 8);
	});

	it('lead-time spread: mixture mean E[L]·d and variance ≈ E[L]σ² + d²Var(L) (Silver, Pyke & Thomas)', () => {
		const f = flat(7, Math.sqrt(7 * 4), 20); // 1 unit/day, daily variance 4
		const lt = leadTimeDays({ meanDays: 14, sdDays: 3 });
		expect(lt.reduce((a, b) => a + b.p, 0)).toBeCloseTo(1, 12);
		const d = protectionDemand(f, { meanDays: 14, sdDays: 3 }, 0);
		expect(d.mean).toBeCloseTo(14, 2);
		// discretising L on whole days adds 1/12 day² to its variance
		expect(d.sd ** 2).toBeCloseTo(14 * 4 + 1 * (9 + 1 / 12), 0);
		const fixed = protectionDemand(f, { meanDays: 14, sdDays: 0 }, 0);
		expect(fixed.sd ** 2).toBeCloseTo(56, 8);
	});

	it('quantile inverts the CDF; normal loss G(0) = φ(0), G(1) = 0.0833', () => {
		const d = protectionDemand(flat(10, 3, 8), { meanDays: 10, sdDays: 2 }, 7);
		const x = quantile(d, 0.9);
		expect(cdf(d, x)).toBeCloseTo(0.9, 6);
		expect(normalLoss(0)).toBeCloseTo(0.3989423, 6);
		expect(normalLoss(1)).toBeCloseTo(0.0833155, 5);
		expect(expectedShortage(d, 1e6)).toBeCloseTo(0, 8);
	});
});

describe('safety stock and reorder point', () => {
	const f = flat(10, 3, 8);
	const lead = { meanDays: 14, sdDays: 0 };

	it('cycle service: s = μ + z_α·σ over L + R (normal demand, textbook formula)', () => {
		const lv = policyLevels(f, lead, 7, { kind: 'cycle', level: 0.95 });
		expect(lv.meanDemand).toBeCloseTo(30, 8);
		expect(lv.sdDemand).toBeCloseTo(Math.sqrt(27), 8);
		expect(lv.safetyStock).toBeCloseTo(Z95 * Math.sqrt(27), 5);
		expect(lv.reorderPoint).toBeCloseTo(30 + Z95 * Math.sqrt(27), 5);
		expect(lv.orderUpTo).toBeCloseTo(lv.reorderPoint + 10, 8);
	});

	it('fill rate: expected units short per cycle equal (1 − β)·E[demand over R]', () => {
		const lv = policyLevels(f, lead, 7, { kind: 'fill', level: 0.98 });
		const sLR = Math.sqrt(27);
		const sL = Math.sqrt(18);
		const esc =
			sLR * normalLoss((lv.reorderPoint - 30) / sLR) - sL * normalLoss((lv.reorderPoint - 20) / sL);
		// E[X_R⁺] of N(10, 3²) = 3·G(−10/3)
		expect(esc).toBeCloseTo(0.02 * 3 * normalLoss(-10 / 3), 6);
		expect(3 * normalLoss(-10 / 3)).toBeCloseTo(10, 3);
		// a 98 % fill rate needs less than a 98 % cycle service level here
		expect(lv.reorderPoint).toBeLessThan(
			policyLevels(f, lead, 7, { kind: 'cycle', level: 0.98 }).reorderPoint,
		);
	});

	it('more service → more stock, for both kinds (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 0.995, noNaN: true }),
				fc.double({ min: 0.5, max: 0.995, noNaN: true }),
				fc.double({ min: 0.1, max: 500, noNaN: true }),
				fc.double({ min: 0, max: 2, noNaN: true }),
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: 0, max: 10 }),
				fc.constantFrom('cycle' as const, 'fill' as const),
				(a, b, mean, cv, lt, ltSd, kind) => {
					const [lo, hi] = a <= b ? [a, b] : [b, a];
					const fc8 = flat(mean, mean * cv, 12);
					const l = { meanDays: lt, sdDays: ltSd };
					const x = policyLevels(fc8, l, 7, { kind, level: lo });
					const y = policyLevels(fc8, l, 7, { kind, level: hi });
					return (
						y.reorderPoint >= x.reorderPoint - 1e-6 * (1 + x.reorderPoint) && x.reorderPoint >= 0
					);
				},
			),
			{ numRuns: 150 },
		);
	});

	it('rejects a service level outside (0, 1)', () => {
		expect(() => policyLevels(f, lead, 7, { kind: 'cycle', level: 1 })).toThrow(RangeError);
	});
});

describe('order quantity: MOQ and packs', () => {
	it('known answers', () => {
		// need 37 − 5 = 32 → MOQ 40 → 4 packs of 12 = 48
		expect(orderQuantity(5, 10, 37, { moq: 40, pack: 12 })).toBe(48);
		expect(orderQuantity(11, 10, 37, { moq: 40, pack: 12 })).toBe(0);
		expect(orderQuantity(10, 10, 37)).toBe(27);
		expect(roundToRules(24.0000001, { pack: 6 })).toBe(24);
	});

	it('shows the order-up-to level as an order from empty reaches it (132.4 read 132 beside an order of 133)', () => {
		expect(orderQuantity(0, 50, 132.4)).toBe(133);
		expect(wholeUnitsUp(132.4)).toBe(133);
		expect(wholeUnitsUp(132.0000001)).toBe(132);
		expect(wholeUnitsUp(0)).toBe(0);
		// from a whole-unit position at or below the reorder point, with no MOQ or pack, the order ends
		// exactly at the level shown
		for (const [pos, up] of [
			[0, 132.4],
			[3, 57.01],
			[-4, 9.5],
		])
			expect(pos + orderQuantity(pos, up, up)).toBe(wholeUnitsUp(up));
	});

	it('never negative; an order only for a gap of half a unit or more; when ordering: ≥ MOQ, whole packs, covers the gap (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -50, max: 500, noNaN: true }),
				fc.double({ min: 0, max: 300, noNaN: true }),
				fc.double({ min: 0, max: 300, noNaN: true }),
				fc.integer({ min: 0, max: 100 }),
				fc.integer({ min: 1, max: 48 }),
				(pos, s, extra, moq, pack) => {
					const q = orderQuantity(pos, s, s + extra, { moq, pack });
					if (q < 0) return false;
					if (q === 0) return pos > s || s + extra - pos < MIN_ORDER_NEED;
					return q >= moq && q % pack === 0 && q >= s + extra - pos - 1e-4;
				},
			),
			{ numRuns: 300 },
		);
	});

	it('days of cover at the forecast rate', () => {
		expect(daysOfCover(20, flat(7, 1, 8))).toBeCloseTo(20, 8);
		expect(daysOfCover(5, flat(0, 0, 8))).toBe(Infinity);
	});
});

describe('newsvendor', () => {
	it('critical ratio (p − c)/(p − v) and its normal quantile', () => {
		expect(criticalRatio(10, 4, 1)).toBeCloseTo(6 / 9, 12);
		expect(criticalRatio(3, 4, 1)).toBe(0);
		expect(() => criticalRatio(10, 4, 5)).toThrow(RangeError);
		const season = { components: [{ weight: 1, mean: 100, sd: 20 }], mean: 100, sd: 20 };
		// z(2/3) = 0.4307 → 108.6 → 109
		expect(newsvendorQuantity(season, 10, 4, 1)).toEqual({ ratio: 6 / 9, quantity: 109 });
	});
});

describe('size/colour split', () => {
	it('largest remainder in whole packs adds up to the order', () => {
		const mix = [
			{ id: 'S', units: 5 },
			{ id: 'M', units: 3 },
			{ id: 'L', units: 2 },
		];
		expect(splitOrder(10, mix)).toEqual([
			{ id: 'S', quantity: 5 },
			{ id: 'M', quantity: 3 },
			{ id: 'L', quantity: 2 },
		]);
		// 5 packs of 2: quotas 2.5, 1.5, 1 → 2, 1, 1 + the last pack to the larger remainder (S)
		expect(splitOrder(10, mix, 2).map((x) => x.quantity)).toEqual([6, 2, 2]);
		expect(
			splitOrder(6, [
				{ id: 'a', units: 0 },
				{ id: 'b', units: 0 },
			]).map((x) => x.quantity),
		).toEqual([3, 3]);
	});

	it('always sums to the packs ordered (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 200 }),
				fc.integer({ min: 1, max: 12 }),
				fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
				(packs, pack, units) => {
					const out = splitOrder(
						packs * pack,
						units.map((u, i) => ({ id: String(i), units: u })),
						pack,
					);
					return (
						out.reduce((a, b) => a + b.quantity, 0) === packs * pack &&
						out.every((x) => x.quantity >= 0 && x.quantity % pack === 0)
					);
				},
			),
		);
	});
});

describe('budget', () => {
	const prot = (mean: number, sd: number) => ({ components: [{ weight: 1, mean, sd }], mean, sd });

	it('spends on the product that saves most lost revenue per money first', () => {
		const items = [
			{
				id: 'cheap-fast',
				unitCost: 1,
				price: 5,
				position: 0,
				suggested: 20,
				protection: prot(20, 4),
			},
			{
				id: 'dear-slow',
				unitCost: 10,
				price: 12,
				position: 0,
				suggested: 20,
				protection: prot(20, 4),
			},
		];
		const r = allocateBudget(items, 20);
		expect(r.quantities[0]).toBe(20);
		expect(r.quantities[1]).toBe(0);
		expect(r.spent).toBe(20);
	});

	it('stays within budget, suggested quantities, MOQ and packs (property)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						cost: fc.integer({ min: 1, max: 50 }),
						price: fc.integer({ min: 1, max: 100 }),
						mean: fc.integer({ min: 0, max: 100 }),
						moq: fc.integer({ min: 0, max: 30 }),
						pack: fc.integer({ min: 1, max: 12 }),
						packs: fc.integer({ min: 0, max: 10 }),
					}),
					{ minLength: 1, maxLength: 6 },
				),
				fc.integer({ min: 0, max: 2000 }),
				(rows, budget) => {
					const items = rows.map((r, i) => ({
						id: String(i),
						unitCost: r.cost,
						price: r.price,
						position: 0,
						suggested: roundToRules(r.packs * r.pack, { moq: r.moq, pack: r.pack }),
						protection: prot(r.mean, 1 + r.mean / 3),
						rules: { moq: r.moq, pack: r.pack },
					}));
					const { quantities, spent } = allocateBudget(items, budget);
					return (
						spent <= budget + 1e-9 &&
						quantities.every(
							(q, i) =>
								q >= 0 &&
								q <= items[i].suggested &&
								q % rows[i].pack === 0 &&
								(q === 0 || q >= rows[i].moq),
						)
					);
				},
			),
			{ numRuns: 200 },
		);
	});
});

describe('censored demand', () => {
	it('periods with a zero stock record become missing', () => {
		const W = 7 * 86_400_000;
		const starts = [0, W, 2 * W, 3 * W];
		const out = stockoutPeriods(starts, W, [
			{ ds: W + 86_400_000, onHand: 0 },
			{ ds: 2 * W, onHand: 5 },
			{ ds: 9 * W, onHand: 0 },
		]);
		expect(out).toEqual([false, true, false, false]);
		const c = censorStockouts([4, 1, 6, 5], out);
		expect(c.censored).toBe(1);
		expect(Number.isNaN(c.y[1])).toBe(true);
		expect(c.y[2]).toBe(6);
	});
});

describe('replay of a reorder policy (lost sales)', () => {
	it('hand-checked small fixture', () => {
		// s = 10, S = 20, lead 1 period, start with 12 on hand
		// t0: pos 12 > 10, sell 5 → 7;  t1: pos 7 ≤ 10 → order 13 (due t2), sell 9 of 9 → 0... wait 7 < 9: sell 7, lose 2
		// t2: receive 13 → 13, pos 13 > 10, sell 4 → 9;  t3: pos 9 ≤ 10 → order 11 (due t4), sell 9 → 0
		const r = replayPolicy([5, 9, 4, 9], 1, () => ({ reorderPoint: 10, orderUpTo: 20 }), 12);
		expect(r.demand).toBe(27);
		expect(r.sold).toBe(25);
		expect(r.lost).toBe(2);
		expect(r.fillRate).toBeCloseTo(25 / 27, 12);
		expect(r.orders).toBe(2);
		expect(r.stockoutPeriods).toBe(1);
		expect(r.meanOnHand).toBeCloseTo((7 + 0 + 9 + 0) / 4, 12);
	});
});

describe('product plan and alerts', () => {
	const stock = (over: Partial<StockItem>): StockItem => ({
		productId: 'A',
		onHand: 7,
		onOrder: 0,
		leadTimeMeanDays: 21,
		leadTimeSdDays: 0,
		moq: 0,
		pack: 1,
		price: 10,
		unitCost: 4,
		...over,
	});
	const settings = {
		reviewDays: 0,
		service: { kind: 'cycle' as const, level: 0.95 },
		overstockDays: 120,
	};

	it('says how much to order and why, as a message code', () => {
		const p = planProduct(flat(10, 4, 8), stock({}), settings);
		expect(p.meanDemand).toBeCloseTo(30, 8);
		expect(p.orderQty).toBe(Math.ceil(p.orderUpTo - 7));
		expect(p.alert).toEqual({
			code: 'plan_alert_order',
			params: { qty: p.orderQty, mean: 30, sd: 7, days: 21, onHand: 7, onOrder: 0 },
		});
		expect(p.revenueAtRisk).toBeGreaterThan(0);
	});

	it('flags overstock and ranks alerts by money at stake', () => {
		const a = planProduct(flat(10, 4, 8), stock({ productId: 'A' }), settings);
		const b = planProduct(flat(1, 1, 8), stock({ productId: 'B', onHand: 500 }), settings);
		const c = planProduct(
			flat(10, 4, 8),
			stock({ productId: 'C', onHand: 1, price: 100 }),
			settings,
		);
		expect(b.alert?.code).toBe('plan_alert_overstock');
		expect(rankAlerts([a, b, c]).map((p) => p.productId)).toEqual(
			['C', 'B', 'A'].sort((x, y) => {
				const v = { A: a, B: b, C: c } as const;
				const m = (p: typeof a) => p.revenueAtRisk + p.overstockValue;
				return m(v[y as 'A']) - m(v[x as 'A']);
			}),
		);
		expect(rankAlerts([a, b, c])[0].productId).toBe('C');
	});

	it('an overstock alert shows the stock tied up, not its far-tail revenue at risk (walk17: "€0.00 revenue at risk")', () => {
		// 1,200 on hand of a slow item: a sliver of stock-out risk remains in the demand's tail
		const b = planProduct(flat(8, 60, 8), stock({ productId: 'B', onHand: 1200 }), settings);
		expect(b.alert?.code).toBe('plan_alert_overstock');
		expect(b.revenueAtRisk).toBeGreaterThan(0);
		expect(alertStake(b)).toEqual({ kind: 'overstock', amount: b.overstockValue });
		const a = planProduct(flat(10, 4, 8), stock({ productId: 'A' }), settings);
		expect(alertStake(a)).toEqual({ kind: 'revenue', amount: a.revenueAtRisk });
	});
});

describe('forecast → per-period distribution', () => {
	const result = (lower: number[], upper: number[]) => ({
		model: 'x',
		point: Float64Array.of(10, 10),
		intervals: [{ level: 0.8, lower: Float64Array.from(lower), upper: Float64Array.from(upper) }],
		leaderboard: [],
		intermittent: false,
		notes: [],
	});

	it('caps a degenerate interval at 3 × the history σ × √h', () => {
		// history σ = 1 but mean 10 → scale max(σ, mean, 1) = 10; cap 30 and 30√2
		const f = periodForecastFrom(result([-1e6, -1e6], [1e6, 1e6]), 7, [9, 10, 11]);
		expect(f.sd[0]).toBeCloseTo(30, 10);
		expect(f.sd[1]).toBeCloseTo(30 * Math.SQRT2, 10);
		const ok = periodForecastFrom(result([5, 4], [15, 16]), 7, [9, 10, 11]);
		expect(ok.sd[0]).toBeCloseTo(5 / 1.2815515655446004, 8);
	});

	it('reads σ at the interval nearest the level asked for (80 % by default)', () => {
		const r = {
			...result([5, 4], [15, 16]),
			intervals: [
				{ level: 0.95, lower: Float64Array.of(0, 0), upper: Float64Array.of(20, 20) },
				{ level: 0.8, lower: Float64Array.of(5, 4), upper: Float64Array.of(15, 16) },
			],
		};
		// the 80 % interval, although listed second
		expect(periodForecastFrom(r, 7).sd[0]).toBeCloseTo(5 / 1.2815515655446004, 8);
		// a 95 % target: σ from the 95 % interval (half-width 10 ÷ z 0.975)
		expect(periodForecastFrom(r, 7, undefined, 0.95).sd[0]).toBeCloseTo(10 / 1.959963984540054, 8);
		expect(periodForecastFrom(r, 7, undefined, 0.9).sd[0]).toBeCloseTo(10 / 1.959963984540054, 8);
	});

	it('drops the weeks before a product was first sold', () => {
		expect(Array.from(fromFirstSale(Float64Array.of(0, 0, 3, 0, 2)))).toEqual([3, 0, 2]);
		expect(Array.from(fromFirstSale(Float64Array.of(0, 0)))).toEqual([0]);
	});
});
