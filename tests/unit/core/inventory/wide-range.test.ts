// A product whose safety stock is many times its expected demand because one past week dwarfs its
// usual sales (src/core/inventory/plan.ts, plan_reason_wide_range): StockX's Nike Air Presto Off-White
// (2018) sold 323 and 470 in its launch weeks, then ~30 a week; the forecast's range keeps the launch
// and the Plan ordered 2,253 against 93 expected over the lead time (a walk of the StockX export). The
// row says why, with that week, so the owner can judge whether it was a one-off.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	historyPeak,
	planProduct,
	PLAN_RECENT_WEEKS,
	recentMedian,
} from '../../../../src/core/inventory/plan';
import { planFromForecast } from '../../../../src/core/inventory/plan-batch';
import { translate } from '../../../../src/lib/i18n/translate';
import { flat, planSettings, stockItem } from './plan-fixtures';

/** Weekly sales of Nike-Air-Presto-Off-White-Black-2018 on StockX, from its first sale (May 2018). */
const PRESTO = Float64Array.of(
	1,
	0,
	0,
	0,
	0,
	0,
	0,
	8,
	13,
	21,
	323,
	470,
	150,
	124,
	50,
	43,
	46,
	36,
	32,
	29,
	30,
	33,
	36,
	29,
	57,
	23,
	25,
);
const item = stockItem({
	productId: 'Nike-Air-Presto-Off-White-Black-2018',
	price: 160,
	unitCost: 100,
});
const settings = planSettings;

describe('an order far above the expected demand says which week widened the range', () => {
	it('finds the biggest week and the usual recent week', () => {
		expect(historyPeak(PRESTO)).toEqual({ value: 470, ago: 15 });
		expect(historyPeak(Float64Array.of(0, 0))).toBeNull();
		expect(recentMedian(PRESTO, PLAN_RECENT_WEEKS)).toBe(33);
		expect(recentMedian(Float64Array.of(5, NaN, 1, 3), 3)).toBe(2);
	});

	it('the Presto through the engine: safety stock many times the demand, and the row says why (en + zh)', () => {
		const r = forecastAuto(PRESTO, { horizon: 5, season: 52, levels: [0.8], cleanOutliers: true });
		const { plan } = planFromForecast(r, PRESTO, 0, item, settings);
		expect(plan.orderQty).toBeGreaterThan(0);
		expect(plan.safetyStock).toBeGreaterThan(3 * plan.meanDemand);
		expect(plan.reason?.code).toBe('plan_reason_wide_range');
		expect(plan.reason?.params).toMatchObject({ peak: 470, ago: 15, usual: 33, level: 95 });
		const en = translate('en', plan.reason!.code, plan.reason!.params);
		expect(en).toContain('one week 15 weeks before the last sold 470');
		expect(en).toContain('a usual recent week sells 33');
		expect(translate('zh-CN', plan.reason!.code, plan.reason!.params)).toContain(
			'因为 15 周前有一周卖出了 470 件',
		);
	});

	it('says nothing for a steady product, a spike that is its usual, or an order already covered', () => {
		const steady = Float64Array.from({ length: 30 }, (_, t) => 40 + ((t * 7) % 11));
		const f = (mean: number, sd: number) => flat(mean, sd, 5);
		// wide range but no week dwarfing the usual: no sentence
		expect(planProduct(f(40, 200), item, settings, steady).reason).toBeUndefined();
		// the Presto's history with a narrow range: safety stock under 3 × demand, no sentence
		expect(planProduct(f(33, 5), item, settings, PRESTO).reason).toBeUndefined();
		// the same wide range with stock on hand: no order, no sentence
		const stocked = { ...item, onHand: 100_000 };
		expect(planProduct(f(33, 300), stocked, settings, PRESTO).reason).toBeUndefined();
		// and with no stock it orders and says why
		expect(planProduct(f(33, 300), item, settings, PRESTO).reason?.code).toBe(
			'plan_reason_wide_range',
		);
	});
});
