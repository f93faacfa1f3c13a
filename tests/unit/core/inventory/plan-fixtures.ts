// The plan inputs the per-product plan tests share (stopped, zero-forecast, wide-range): a flat weekly
// forecast, a stock item with the Plan screen's defaults (14 ± 3 days lead time, no stock), and the
// screen's settings (weekly review, 95 % fill rate).
import type { PeriodForecast } from '../../../../src/core/inventory/demand';
import type { StockItem } from '../../../../src/core/inventory/plan';

/** `h` weeks of the same mean and σ. */
export const flat = (mean: number, sd: number, h: number): PeriodForecast => ({
	mean: new Float64Array(h).fill(mean),
	sd: new Float64Array(h).fill(sd),
	periodDays: 7,
});

/** A product with nothing in stock or on order, 14 ± 3 days lead time, no MOQ, packs of 1. */
export const stockItem = (over: Partial<StockItem> = {}): StockItem => ({
	productId: 'P',
	onHand: 0,
	onOrder: 0,
	leadTimeMeanDays: 14,
	leadTimeSdDays: 3,
	moq: 0,
	pack: 1,
	price: 2,
	unitCost: 1,
	...over,
});

/** Weekly review, 95 % fill rate, overstock past 120 days. */
export const planSettings = {
	reviewDays: 7,
	service: { kind: 'fill' as const, level: 0.95 },
	overstockDays: 120,
};
