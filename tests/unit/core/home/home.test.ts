// The home dashboard's pure parts on series with known answers: movers (last 4 weeks vs the 4 before),
// past-forecast accuracy (rolling origins, median miss, bias), the "what moved" comparison, and the
// dashboard's assembly (reasons as message codes, links to the right screen).
import { describe, expect, it } from 'vitest';
import { findMovers } from '../../../../src/core/home/movers';
import {
	accuracyMessages,
	pastAccuracy,
	pooledError,
	wholePercent,
} from '../../../../src/core/home/accuracy';
import { accuracyInWords, forecastMove } from '../../../../src/core/home/explain';
import { buildDashboard, type HomePlanRow } from '../../../../src/core/home/dashboard';
import { forecastAuto } from '../../../../src/core/engine';
import { msg } from '../../../../src/core/messages';
import { translate } from '../../../../src/lib/i18n/translate';

function batch(series: Record<string, number[]>) {
	const ids = Object.keys(series);
	const indptr = [0];
	const y: number[] = [];
	for (const id of ids) {
		y.push(...series[id]);
		indptr.push(y.length);
	}
	return { ids, indptr: Int32Array.from(indptr), y: Float64Array.from(y) };
}

describe('findMovers', () => {
	it('compares the last 4 weeks with the 4 before and ranks by units', () => {
		const b = batch({
			up: [10, 10, 10, 10, 20, 20, 20, 20], // 40 → 80, +100 %
			bigUp: [100, 100, 100, 100, 130, 130, 130, 130], // 400 → 520, +30 %, +120 units
			down: [50, 50, 50, 50, 25, 25, 25, 25], // 200 → 100, −50 %
			flat: [30, 30, 30, 30, 31, 30, 30, 30],
			tiny: [0, 1, 0, 1, 3, 3, 3, 3], // too few units
			short: [5, 50], // too short
			fresh: [0, 0, 0, 0, 10, 5, 5, 10],
		});
		const { rising, falling } = findMovers(b);
		expect(rising.map((m) => m.id)).toEqual(['bigUp', 'up', 'fresh']);
		expect(falling.map((m) => m.id)).toEqual(['down']);
		expect(rising[1].reason).toEqual(
			msg('home_reason_rising', { recent: 80, previous: 40, weeks: 4, change: 100 }),
		);
		expect(rising[2].reason.code).toBe('home_reason_new');
		expect(falling[0].reason.params).toMatchObject({ recent: 100, previous: 200, change: 50 });
		expect(translate('en', rising[1].reason.code, rising[1].reason.params)).toBe(
			'Sold 80 in the last 4 weeks, up 100% from 40 in the 4 weeks before.',
		);
	});
});

describe('pastAccuracy', () => {
	it('checks the last origins with the given forecaster (naive: last value held)', () => {
		// 20 weeks: 10 each, then the last 6 weeks 12, 12, 12, 12, 12, 12
		const y = Float64Array.from([...new Array(14).fill(10), 12, 12, 12, 12, 12, 12]);
		const naive = (h: number[] | Float64Array, k: number) =>
			new Float64Array(k).fill(h[h.length - 1]);
		const a = pastAccuracy(y, naive, { horizon: 4, origins: 3 })!;
		// origin 16: last value 12 → 48 vs 48; origin 15: 12 → 48 vs 48; origin 14: 10 → 40 vs 48
		expect(a.checks.map((c) => [c.origin, c.periodsAgo, c.forecast, c.actual])).toEqual([
			[16, 4, 48, 48],
			[15, 5, 48, 48],
			[14, 6, 40, 48],
		]);
		expect(a.typical).toBe(0);
		expect(a.checks[2].error).toBeCloseTo(-1 / 6, 12);
		expect(a.bias).toBeNull();
		const m = accuracyMessages(a);
		expect(m[0]).toEqual(msg('home_accuracy_usual', { pct: 0, h: 4, n: 3 }));
		expect(m[1].code).toBe('home_accuracy_latest_exact');
	});

	it('says "within 1%" for a miss under half a percent, not a rounded-up "1% less"', () => {
		// the demo's latest check: 387,861 expected, 387,609 sold (0.07 % too high)
		const y = Float64Array.from(new Array(30).fill(387_609 / 4));
		const near = (_: Float64Array, k: number) => new Float64Array(k).fill(387_861 / 4);
		const a = pastAccuracy(y, near, { horizon: 4, origins: 3 })!;
		const m = accuracyMessages(a);
		expect(m.at(-1)!.code).toBe('home_accuracy_latest_close');
		const en = translate('en', m.at(-1)!.code, m.at(-1)!.params);
		expect(en).toBe(
			'The forecast made 4 weeks ago expected 387,861 units for the 4 weeks since; 387,609 sold, within 1%.',
		);
		expect(translate('zh-CN', m.at(-1)!.code, m.at(-1)!.params)).toMatch(/相差不到 1%。$/);
		// a miss of 0.7 % still rounds to a whole 1 %
		const off = (_: Float64Array, k: number) => new Float64Array(k).fill((387_609 / 4) * 0.993);
		const b = accuracyMessages(pastAccuracy(y, off, { horizon: 4, origins: 3 })!);
		expect(translate('en', b.at(-1)!.code, b.at(-1)!.params)).toMatch(/, 1% more\.$/);
	});

	it('says the latest miss as a share of what was expected: 1,033 expected, 205 sold is 80% less, not 404%', () => {
		// a Tmall shop's season ending: the forecast made 4 weeks ago expected 1,033, 205 sold
		const y = Float64Array.from([...new Array(20).fill(1033 / 4), ...new Array(4).fill(205 / 4)]);
		const held = (h: Float64Array, k: number) => new Float64Array(k).fill(h[h.length - 1]);
		const a = pastAccuracy(y, held, { horizon: 4, origins: 1 })!;
		expect([a.checks[0].forecast, a.checks[0].actual]).toEqual([1033, 205]);
		const m = accuracyMessages(a).at(-1)!;
		expect(m).toEqual(
			msg('home_accuracy_latest_less', { ago: 4, h: 4, forecast: 1033, actual: 205, pct: 80 }),
		);
		expect(translate('zh-CN', m.code, m.params)).toBe(
			'4 周前做的预测认为此后 4 周会卖 1,033 件；实际卖出 205 件，少 80%。',
		);
		// 100 expected, 150 sold: 50% more (not 33%, the miss as a share of the sales)
		const up = Float64Array.from([...new Array(20).fill(25), ...new Array(4).fill(37.5)]);
		const more = accuracyMessages(pastAccuracy(up, held, { horizon: 4, origins: 1 })!).at(-1)!;
		expect([more.code, more.params?.pct]).toEqual(['home_accuracy_latest_more', 50]);
		// nothing expected and something sold: no percent at all
		const fromZero = Float64Array.from([...new Array(20).fill(0), ...new Array(4).fill(3)]);
		const none = accuracyMessages(pastAccuracy(fromZero, held, { horizon: 4, origins: 1 })!);
		expect(none.at(-1)).toEqual(
			msg('home_accuracy_latest_exact', { ago: 4, h: 4, forecast: 0, actual: 12, pct: 0 }),
		);
	});

	it('says a consistent bias, and the median miss', () => {
		const y = Float64Array.from(new Array(30).fill(100));
		const high = (_: Float64Array, k: number) =>
			new Float64Array(k).fill(110 + (_.length % 2) * 10);
		const a = pastAccuracy(y, high, { horizon: 2, origins: 5 })!;
		// errors alternate +10 % and +20 %: median of 5 = 10 % or 20 % depending on parity
		expect(a.checks).toHaveLength(5);
		expect(a.bias).toBe('high');
		const errs = a.checks.map((c) => Math.round(c.error * 100)).sort((p, q) => p - q);
		expect(Math.round(a.typical * 100)).toBe(errs[2]);
		const words = accuracyMessages(a).map((x) => translate('en', x.code, x.params));
		expect(words[0]).toMatch(
			/^Forecasts of the next 2 weeks were usually within ±(10|20)% of what sold \(5 checks/,
		);
		expect(words[1]).toBe('All 5 forecasts were too high: sales came in below them.');
	});

	it('with the engine: a steady series is forecast almost exactly', () => {
		const y = Float64Array.from({ length: 40 }, () => 50);
		const eng = (h: Float64Array, k: number) => forecastAuto(h, { horizon: k, season: 1 }).point;
		const a = pastAccuracy(y, eng, { horizon: 4, origins: 3 })!;
		expect(a.checks).toHaveLength(3);
		expect(a.typical).toBeLessThan(1e-6);
	});

	it('is null without enough history, and skips periods with nothing sold', () => {
		expect(pastAccuracy(Float64Array.from([1, 2, 3]), () => [1])).toBeNull();
		const y = Float64Array.from([...new Array(12).fill(5), 0, 0, 0, 0]);
		expect(pastAccuracy(y, (_, k) => new Float64Array(k), { horizon: 4, origins: 1 })).toBeNull();
	});

	it('pooled error and whole percents', () => {
		expect(
			pooledError([
				{ forecast: 10, actual: 8 },
				{ forecast: 5, actual: 12 },
			]),
		).toBeCloseTo(9 / 20, 12);
		expect(pooledError([])).toBeNaN();
		expect(wholePercent(0.004)).toBe(1);
		expect(wholePercent(-0.126)).toBe(13);
	});
});

describe('forecastMove and accuracyInWords', () => {
	it('compares the overlapping periods and the last period sold', () => {
		const prev = { point: [10, 20, 20, 20], model: 'ets' };
		const now = { point: [22, 22, 22], model: 'ets' };
		const m = forecastMove(prev, now, 13)!;
		expect(m.before).toBe(60);
		expect(m.now).toBe(66);
		expect(m.change).toBeCloseTo(0.1, 12);
		expect(m.messages[0]).toEqual(
			msg('home_moved_up', { periods: 3, before: 60, now: 66, pct: 10 }),
		);
		expect(m.messages[1]).toEqual(
			msg('home_moved_last_more', { forecast: 10, actual: 13, pct: 30 }),
		);
		expect(forecastMove({ point: [1, 2], model: 'x' }, now, 1)).toBeNull();
		const same = forecastMove(
			{ point: [10, 20], model: 'a' },
			{ point: [20.1], model: 'b' },
			10.5,
		)!;
		expect(same.messages.map((x) => x.code)).toEqual(['home_moved_same', 'home_moved_last_close']);
	});

	it('words the chosen model’s backtest', () => {
		const row = {
			model: 'ets',
			mase: 1,
			smape: 0.1,
			wape: 0.123,
			rmse: 1,
			coverage80: 0.8,
			coverage95: 0.95,
			weight: 1,
		};
		expect(accuracyInWords([row], 'ets')).toEqual([
			msg('home_explain_accuracy', { pct: 12 }),
			msg('home_explain_coverage', { pct: 80 }),
		]);
		expect(accuracyInWords([row], 'theta')).toEqual([]);
	});
});

describe('buildDashboard', () => {
	const plan = (p: Partial<HomePlanRow> & { productId: string }): HomePlanRow => ({
		orderQty: 0,
		revenueAtRisk: 0,
		overstockValue: 0,
		daysOfCover: 100,
		leadTimeMeanDays: 14,
		meanDemand: 10,
		onHand: 50,
		alert: null,
		...p,
	});
	const products = batch({
		A: [10, 10, 10, 10, 30, 30, 30, 30],
		B: [40, 40, 40, 40, 10, 10, 10, 10],
	});

	it('every line has a reason and a link to its screen', () => {
		const order = msg('plan_alert_order', { qty: 24 });
		const over = msg('plan_alert_overstock', { days: 400, excess: 90, limit: 120 });
		const d = buildDashboard({
			products,
			titles: { A: 'Red dress', B: 'B' },
			categories: batch({ Dresses: [5, 5, 5, 5, 9, 9, 9, 9] }),
			plan: {
				hasStock: true,
				rows: [
					plan({
						productId: 'A',
						orderQty: 24,
						revenueAtRisk: 90,
						alert: order,
						daysOfCover: 3,
						onHand: 4,
					}),
					plan({
						productId: 'C',
						orderQty: 6,
						revenueAtRisk: 120,
						alert: order,
						onHand: 0,
						daysOfCover: 0,
					}),
					plan({ productId: 'B', overstockValue: 300, alert: over, daysOfCover: 400 }),
				],
			},
			flags: [
				{
					id: 'o:1',
					kind: 'order_anomaly',
					subject: '581483',
					score: 0.9,
					reasons: [msg('risk_x')],
				},
				{
					id: 'o:2',
					kind: 'order_anomaly',
					subject: '5',
					score: 0.95,
					reasons: [],
					markedOk: true,
				},
				{ id: 'r:A', kind: 'review_burst', subject: 'A', score: 0.5, reasons: [msg('risk_y')] },
			],
			topics: { rising: [{ key: '#linen', trend: Math.log(3) }], falling: [] },
			accuracy: {
				horizon: 4,
				typical: 0.12,
				bias: null,
				checks: [{ origin: 10, periodsAgo: 4, forecast: 100, actual: 110, error: -1 / 11 }],
			},
			productAccuracy: { products: 20, horizon: 4, error: 0.31 },
		});
		expect(d.reorders.map((l) => [l.subject, l.link])).toEqual([
			['C', { view: 'plan', productId: 'C' }],
			['A', { view: 'plan', productId: 'A' }],
		]);
		expect(d.reorders[1].reason).toBe(order);
		expect(d.reorders[1].title).toBe('Red dress');
		expect(d.rising.map((l) => [l.kind, l.subject, l.link.view])).toEqual([
			['rising_product', 'A', 'forecast'],
			['rising_category', 'Dresses', 'explore'],
			['rising_topic', '#linen', 'market'],
		]);
		expect(d.rising[2].reason).toEqual(msg('home_reason_topic_rising', { times: 3 }));
		expect(d.falling.map((l) => l.subject)).toEqual(['B']);
		expect(d.alerts.map((l) => [l.kind, l.subject, l.reason.code])).toEqual([
			['stockout', 'C', 'home_alert_out'],
			['stockout', 'A', 'home_alert_stockout'],
			['overstock', 'B', 'plan_alert_overstock'],
			['unusual_order', '581483', 'risk_x'],
			['review_burst', 'A', 'risk_y'],
		]);
		expect(d.alerts[1].reason.params).toEqual({ days: 3, lead: 14, onHand: 4 });
		expect(d.accuracy!.lines.map((m) => m.code)).toEqual([
			'home_accuracy_usual',
			'home_accuracy_latest_more',
			'home_accuracy_products',
		]);
		expect(d.notes).toEqual([]);
		for (const l of [...d.reorders, ...d.rising, ...d.falling, ...d.alerts])
			expect(translate('zh-CN', l.reason.code, l.reason.params).length).toBeGreaterThan(0);
	});

	it('says what it could not check', () => {
		const d = buildDashboard({
			products,
			titles: {},
			plan: {
				hasStock: false,
				rows: [plan({ productId: 'A', orderQty: 3, alert: msg('plan_alert_order') })],
			},
			flags: null,
		});
		expect(d.reorders).toHaveLength(1);
		expect(d.alerts).toEqual([]);
		expect(d.notes.map((m) => m.code)).toEqual([
			'home_note_no_stock',
			'home_note_no_customers',
			'home_note_no_accuracy',
		]);
	});
});
