// With forecastOptions (core plan-engine.ts; on by default: PLAN_USES_FORECAST_OPTIONS) the Plan
// forecasts each product with the Forecast screen's engine options (core batchEngine): a
// product with 40 weeks of sales in a category whose sales peak in November and December borrows that
// season in its demand over the lead time, as its forecast on the Forecast screen does (the plan used
// to forecast it from its own weeks alone, the same whatever its category did).
import { describe, expect, it } from 'vitest';
import { planApi, type PlanBatchRequest } from '../../../workers/plan-api';
import type { SeriesBatch } from '../../../src/core/types';
import { PLAN_USES_FORECAST_OPTIONS } from '../../../src/core/inventory/plan-engine';

const WEEK = 7 * 86_400_000;
const END = Date.UTC(2023, 9, 30); // Monday 30 Oct 2023: the weeks ahead are November's
const N = 156;
const ds = Array.from({ length: N }, (_, t) => END - (N - 1 - t) * WEEK);
/** The category's year: a summer high, a winter low and a November–December peak. */
const season = (t: number) => {
	const d = new Date(ds[t]);
	const doy = (ds[t] - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000;
	return (1 - 0.5 * Math.cos((2 * Math.PI * doy) / 365)) * (d.getUTCMonth() >= 10 ? 3 : 1);
};
// deterministic noise in [-1, 1]
const noise = (k: number) => Math.sin(k * 12.9898) * 0.5 + Math.cos(k * 78.233) * 0.5;

/** Six products of three years in 'toys' (peaked or flat) and 'NEW', 40 weeks old, in 'toys'. */
function batch(peaked: boolean): SeriesBatch {
	const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'NEW'];
	const y: number[] = [];
	ids.forEach((id, p) => {
		for (let t = 0; t < N; t++) {
			// NEW's own weeks (February to October) are the same in both batches
			if (id === 'NEW') y.push(t < N - 40 ? 0 : Math.round((20 + 2 * noise(t + 1000)) * season(t)));
			else y.push(Math.round((30 + 5 * p + 4 * noise(p * 1000 + t)) * (peaked ? season(t) : 1)));
		}
	});
	return {
		ids,
		indptr: Int32Array.from(ids.map((_, i) => i * N).concat(ids.length * N)),
		ds: Float64Array.from(ids.flatMap(() => ds)),
		y: Float64Array.from(y),
		categories: ids.map(() => 'toys'),
	};
}

function request(
	peaked: boolean,
	models: 'auto' | 'quick',
	forecastOptions: boolean | 'default' = true,
): PlanBatchRequest {
	return {
		cacheKey: `plan-season-${peaked}`,
		...(forecastOptions !== 'default' ? { forecastOptions } : {}),
		batch: batch(peaked),
		prices: {},
		stock: [],
		history: [],
		defaults: { leadTimeMeanDays: 28, leadTimeSdDays: 0, moq: 0, pack: 1 },
		settings: { reviewDays: 7, service: { kind: 'cycle', level: 0.9 }, overstockDays: 28 },
		models,
	};
}

describe('plan forecasts with the Forecast screen options (batchEngine)', () => {
	it("a 40-week product borrows its category's November peak in its demand over the lead time", async () => {
		const withPeak = await planApi.planBatch(request(true, 'auto'), 'season-1');
		const flat = await planApi.planBatch(request(false, 'auto'), 'season-2');
		const a = withPeak.rows.find((r) => r.productId === 'NEW')!;
		const b = flat.rows.find((r) => r.productId === 'NEW')!;
		// its forecast uses the season borrowed from its category (as on the Forecast screen)
		expect(a.model).toContain('~season');
		// its own weeks are the same in both batches; with a category that peaks in November the
		// demand over the 4 weeks of lead time + 1 of review (November) is higher (measured: 71.7
		// vs 58.6 units; the plan without the category's season planned both alike)
		expect(a.meanDemand).toBeGreaterThan(1.15 * b.meanDemand);
		expect(a.orderUpTo).toBeGreaterThan(1.1 * b.orderUpTo);
	});

	it("the quick method stays on the product's own weeks, as the Forecast screen's quick method", async () => {
		const withPeak = await planApi.planBatch(request(true, 'quick'), 'season-3');
		const flat = await planApi.planBatch(request(false, 'quick'), 'season-4');
		const a = withPeak.rows.find((r) => r.productId === 'NEW')!;
		const b = flat.rows.find((r) => r.productId === 'NEW')!;
		expect(a.meanDemand).toBeCloseTo(b.meanDemand, 6);
	});

	it('on by default (PLAN_USES_FORECAST_OPTIONS, PLAN.md "planrep"): the plan borrows the season; off, it does not', async () => {
		expect(PLAN_USES_FORECAST_OPTIONS).toBe(true);
		const dflt = await planApi.planBatch(request(true, 'auto', 'default'), 'season-5');
		const off = await planApi.planBatch(request(false, 'auto', false), 'season-6');
		const offPeaked = await planApi.planBatch(request(true, 'auto', false), 'season-7');
		const a = dflt.rows.find((r) => r.productId === 'NEW')!;
		// the default orders for the category's November peak, as the Forecast screen's forecast
		expect(a.model).toContain('~season');
		const o = off.rows.find((r) => r.productId === 'NEW')!;
		expect(a.meanDemand).toBeGreaterThan(1.15 * o.meanDemand);
		// off, the category does not matter: the same forecast as in the flat batch
		const op = offPeaked.rows.find((r) => r.productId === 'NEW')!;
		expect(op.model).not.toContain('~season');
		expect(op.meanDemand).toBeCloseTo(o.meanDemand, 6);
	});
});
