// Signals in the batch forecast and the plan (issue 14): over a batch, a product whose sales follow a
// search series 2 weeks later gets that signal (the backtest improves), a product whose sales are noise
// gets none; the plan worker then forecasts the first product's demand with the lagged signal, so its mean
// demand follows the signal's latest values, and says so on the row; the second stays on its history.
import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/core/signals/sentiment';
import {
	fuseBatch,
	laggedRegressor,
	orderSignalsFor,
	type WeeklySignal,
} from '../../../workers/data/fusion';
import { planApi } from '../../../workers/plan-api';
import { planSignalsFrom } from '../../../src/state/plan-helpers';

const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2023, 0, 2); // a Monday

function gauss(rand: () => number): number {
	return Math.sqrt(-2 * Math.log(Math.max(1e-12, rand()))) * Math.cos(2 * Math.PI * rand());
}

describe('market signals in batches (batch forecast, plan)', () => {
	const rand = rng(7);
	const n = 90;
	const ds = Array.from({ length: n }, (_v, i) => T0 + i * WEEK);
	const x: number[] = [50];
	for (let i = 1; i < n + 2; i++) x.push(50 + 0.6 * (x[i - 1] - 50) + 8 * gauss(rand));
	// Product A: 6 weeks before its first sale, then 20 + 3 × the searches of 2 weeks before.
	const yA = ds.map((_w, i) => (i < 6 ? 0 : 20 + 3 * x[i - 2] + gauss(rand)));
	const yB = ds.map(() => 100 + 10 * gauss(rand));
	const search: WeeklySignal = {
		kind: 'search',
		name: 'linen dress',
		weekly: new Map(x.map((v, i) => [T0 + i * WEEK, v])),
		zeroFill: false,
	};
	const noise: WeeklySignal = {
		kind: 'search',
		name: 'umbrella',
		weekly: new Map(ds.map((w) => [w, 50 + 8 * gauss(rand)])),
		zeroFill: false,
	};

	let cached: ReturnType<typeof fuseBatch> | null = null;
	const report = () =>
		(cached ??= fuseBatch(
			[
				{ id: 'A', name: 'A linen dress', ds, y: yA },
				{ id: 'B', name: 'B umbrella', ds, y: yB },
			],
			[noise, search],
			4,
		));

	it('orders signals by the product name, keeps the one that helps, per product', () => {
		expect(orderSignalsFor('A1 Linen dress, blue', [noise, search]).map((s) => s.name)).toEqual([
			'linen dress',
			'umbrella',
		]);
		expect(orderSignalsFor('连衣裙 夏季', [noise, { ...search, name: '连衣裙' }])[0].name).toBe(
			'连衣裙',
		);
		const r = report();
		expect(r.series.map((s) => s.seriesId)).toEqual(['A', 'B']);
		const a = r.series[0];
		expect(a.used?.name).toBe('linen dress');
		expect(a.used?.lag).toBe(2);
		expect(a.used!.maseWith!).toBeLessThan(a.used!.maseWithout!);
		// its forecast follows the known searches: week k ≈ 20 + 3·x[n+k−2]
		for (let k = 0; k < 2; k++)
			expect(Math.abs(a.used!.forecast.point[k] - (20 + 3 * x[n + k - 2]))).toBeLessThan(5);
		expect(a.tried).toBe(2);
		expect(r.series[1].used).toBeNull();
		expect(r.signals.map((s) => s.name)).toEqual(['linen dress']);
		expect(r.signals[0].weekly[0]).toEqual([T0, x[0]]);
	}, 60_000);

	it('builds the lagged regressor over the overlap, with known values ahead', () => {
		const used = {
			kind: 'search' as const,
			name: 's',
			zeroFill: false,
			weekly: [3, 4, 5, 6].map((k) => [T0 + k * WEEK, k * 10] as [number, number]),
		};
		const r = laggedRegressor(
			used,
			[0, 1, 2, 3, 4].map((k) => T0 + k * WEEK),
			1,
			3,
		)!;
		expect(r.start).toBe(3);
		expect(Array.from(r.history)).toEqual([30, 30]);
		// lag 1: only week 5 (50) is known beyond the last week, then carried
		expect(Array.from(r.future)).toEqual([40, 50, 50]);
		expect(laggedRegressor(used, [T0 + 9 * WEEK], 1, 2)).toBeNull();
	});

	it('the plan forecasts demand with the kept signal and names it on the row', async () => {
		const signals = planSignalsFrom(report());
		expect(Object.keys(signals!.used)).toEqual(['A']);
		const batch = {
			ids: ['A', 'B'],
			indptr: Int32Array.from([0, n, 2 * n]),
			ds: Float64Array.from([...ds, ...ds]),
			y: Float64Array.from([...yA, ...yB]),
		};
		const req = {
			cacheKey: 'fusion-plan',
			batch,
			prices: { A: 30, B: 10 },
			stock: [],
			history: [],
			defaults: { leadTimeMeanDays: 7, leadTimeSdDays: 1, moq: 0, pack: 1 },
			settings: {
				reviewDays: 7,
				service: { kind: 'cycle' as const, level: 0.9 },
				overstockDays: 28,
			},
			models: 'quick' as const,
		};
		const withSig = await planApi.planBatch({ ...req, signals: signals! }, 'job-fusion-1');
		const without = await planApi.planBatch(req, 'job-fusion-2');
		const a = withSig.rows.find((r) => r.productId === 'A')!;
		const b = withSig.rows.find((r) => r.productId === 'B')!;
		expect(a.signal).toMatchObject({ kind: 'search', name: 'linen dress', lag: 2 });
		expect(b.signal).toBeUndefined();
		expect(without.rows.find((r) => r.productId === 'A')!.signal).toBeUndefined();
		// demand over lead time + review (2 weeks) follows the searches already known for those weeks
		const expected = 20 + 3 * x[n - 2] + 20 + 3 * x[n - 1];
		const aWithout = without.rows.find((r) => r.productId === 'A')!;
		expect(Math.abs(a.meanDemand - expected)).toBeLessThan(0.05 * expected);
		expect(Math.abs(a.meanDemand - expected)).toBeLessThan(
			Math.abs(aWithout.meanDemand - expected),
		);
		expect(b.meanDemand).toBeCloseTo(without.rows.find((r) => r.productId === 'B')!.meanDemand, 6);
	}, 60_000);
});
