// A product whose forecast reads as 0 but still gets an order (src/core/inventory/plan.ts,
// plan_reason_zero_forecast): on the demo ~400 short lumpy series past their peak get the engine's 0
// whose range widens with the horizon, and the safety stock taken from that range orders. The row says
// why, in English and Chinese: it sold recently, and the order covers the range at the service target.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	planProduct,
	PLAN_RECENT_WEEKS,
	recentBest,
	weeklyForecastMean,
	type StockItem,
} from '../../../../src/core/inventory/plan';
import { planFromForecast } from '../../../../src/core/inventory/plan-batch';
import { translate } from '../../../../src/lib/i18n/translate';
import { flat, planSettings, stockItem } from './plan-fixtures';

/** Product 23124 of the demo, weekly (its last 13 weeks). */
const P23124 = Float64Array.of(36, 57, 50, 41, 4, 271, 9, 2, 59, 6, 0, 5, 0);

const item = (over: Partial<StockItem> = {}): StockItem =>
	stockItem({ productId: '23124', ...over });
const settings = planSettings;

describe('a forecast of 0 that still orders says why', () => {
	it('reads the weekly forecast and the best recent week', () => {
		expect(weeklyForecastMean(flat(0.3, 1, 4))).toBeCloseTo(0.3);
		expect(weeklyForecastMean({ ...flat(1, 1, 4), periodDays: 1 })).toBeCloseTo(7);
		expect(recentBest(P23124, PLAN_RECENT_WEEKS)).toBe(271);
		expect(recentBest(Float64Array.of(500, 3, NaN, 2), 3)).toBe(3);
	});

	it('product 23124 through the engine: forecast 0, an order, and the row says why (en + zh)', () => {
		const r = forecastAuto(P23124, {
			horizon: 5,
			season: 52,
			levels: [0.8],
			cleanOutliers: true,
		});
		// the plan worker's forecast options (horizonFor: 5 weeks for 14 ± 3 days + a weekly review)
		const { plan } = planFromForecast(r, P23124, 0, item(), settings);
		// the defect as the owner saw it: a forecast of 0 a week (under half a unit), yet an order
		expect(Math.round(r.point.reduce((a, b) => a + Math.max(0, b), 0) / r.point.length)).toBe(0);
		expect(plan.orderQty).toBeGreaterThan(0);
		expect(plan.reason?.code).toBe('plan_reason_zero_forecast');
		expect(plan.reason?.params).toMatchObject({ best: 271, weeks: 13, days: 21, level: 95 });
		const en = translate('en', plan.reason!.code, plan.reason!.params);
		expect(en).toMatch(
			/^Ordered although the forecast is about 0 a week: it sold up to 271 in one week in the last 13 weeks, .*at your 95 % service target the order covers that range/,
		);
		expect(en).not.toMatch(/\{|\}/);
		const zh = translate('zh-CN', plan.reason!.code, plan.reason!.params);
		expect(zh).toMatch(/^虽然预测约为每周 0 件，仍建议订货：最近 13 周内单周最多卖出 271 件/);
		expect(zh).not.toMatch(/\{|\}/);
	});

	it('only where the forecast reads as 0, there is an order, and it sold recently', () => {
		// a real forecast (2 a week) that orders: the alert's numbers say enough
		expect(planProduct(flat(2, 3, 5), item(), settings, P23124).reason).toBeUndefined();
		// a forecast of 0 with stock enough: no order, nothing to explain
		expect(planProduct(flat(0, 20, 5), item({ onHand: 500 }), settings, P23124).orderQty).toBe(0);
		expect(
			planProduct(flat(0, 20, 5), item({ onHand: 500 }), settings, P23124).reason,
		).toBeUndefined();
		// no history to name a recent week from: no sentence (the alert stands alone)
		const noHistory = planProduct(flat(0, 20, 5), item(), settings);
		expect(noHistory.orderQty).toBeGreaterThan(0);
		expect(noHistory.reason).toBeUndefined();
		// nothing sold in the last quarter: its best week of the whole history is named
		const quiet = Float64Array.from([...P23124, ...new Array(14).fill(0)]);
		const old = planProduct(flat(0.4, 20, 5), item(), settings, quiet);
		expect(old.orderQty).toBeGreaterThan(0);
		expect(old.reason?.params).toMatchObject({ best: 271, weeks: 27 });
		// the service level is named as set (cycle service, 90 %)
		const cycle = planProduct(
			flat(0.2, 20, 5),
			item(),
			{ ...settings, service: { kind: 'cycle', level: 0.9 } },
			P23124,
		);
		expect(cycle.orderQty).toBeGreaterThan(0);
		expect(cycle.reason?.params).toMatchObject({ level: 90, best: 271 });
	});
});
