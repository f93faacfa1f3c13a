// Rolling-origin backtest: origin placement, leakage-free training windows, residuals by step,
// duplicate-name rejection and failure handling.
import { describe, expect, it } from 'vitest';
import { backtest, backtestOrigins } from '../../../src/core/backtest';
import { Naive, SeasonalNaive } from '../../../src/core/models/naive';
import type { FittedForecaster, Forecaster } from '../../../src/core/types';

/** A model that records the training windows it saw and forecasts their last value. */
function spy(name: string, seen: number[][], fail?: (n: number) => boolean): Forecaster {
	return {
		name,
		fit(y: Float64Array): FittedForecaster {
			seen.push([...y]);
			if (fail?.(y.length)) throw new Error('too short');
			const last = y[y.length - 1];
			return {
				name,
				predict: (h) => ({ point: new Float64Array(h).fill(last), intervals: [] }),
				predictInSample: () => new Float64Array(y.length),
				toState: () => ({ model: name, params: {} }),
			};
		},
	};
}

describe('backtestOrigins', () => {
	it('places origins h apart ending at n − h, oldest first', () => {
		expect(backtestOrigins(20, 3, 3)).toEqual([11, 14, 17]);
		expect(backtestOrigins(20, 3, 3, 1)).toEqual([15, 16, 17]);
	});
	it('drops origins whose training window would be shorter than minTrain', () => {
		expect(backtestOrigins(10, 3, 5, 3, 4)).toEqual([4, 7]);
		expect(backtestOrigins(5, 3, 3, 3, 4)).toEqual([]);
	});
});

describe('backtest', () => {
	const y = Float64Array.from({ length: 24 }, (_, t) => t);
	it('fits on data strictly before each origin and scores the next h values', () => {
		const seen: number[][] = [];
		const bt = backtest(y, [spy('spy', seen)], { horizon: 4, origins: 3 });
		expect(bt.origins).toEqual([12, 16, 20]);
		expect(seen.map((w) => w.length)).toEqual([12, 16, 20]);
		expect(seen.map((w) => w[w.length - 1])).toEqual([11, 15, 19]);
		expect([...bt.actuals[0]]).toEqual([12, 13, 14, 15]);
		// last-value forecast of a unit ramp: error at step j is j + 1
		const r = bt.models[0].residualsByStep;
		expect(r.length).toBe(4);
		expect(r.map((s) => [...s])).toEqual([
			[1, 1, 1],
			[2, 2, 2],
			[3, 3, 3],
			[4, 4, 4],
		]);
		// MASE: MAE 2.5 over a lag-1 scale of 1
		expect(bt.models[0].mase).toBeCloseTo(2.5, 12);
	});
	it('caps the training window at maxTrain', () => {
		const seen: number[][] = [];
		backtest(y, [spy('spy', seen)], { horizon: 4, origins: 2, maxTrain: 5 });
		expect(seen.map((w) => w.length)).toEqual([5, 5]);
		expect(seen[1]).toEqual([15, 16, 17, 18, 19]);
	});
	it('rejects duplicate model names', () => {
		expect(() => backtest(y, [new Naive(), new Naive()], { horizon: 2 })).toThrow(
			/Duplicate model name "naive"/,
		);
	});
	it('records failures without stopping other models', () => {
		const seen: number[][] = [];
		const bt = backtest(y, [spy('fragile', seen, (n) => n < 16), new SeasonalNaive()], {
			horizon: 4,
			origins: 3,
			season: 4,
		});
		const fragile = bt.models[0];
		expect(fragile.failures.length).toBe(1);
		expect(fragile.forecasts[0]).toBeNull();
		expect(fragile.residualsByStep[0].length).toBe(2);
		expect(bt.models[1].failures).toEqual([]);
		// seasonal naive on a ramp with season 4: error is 4 at every step, scale (lag 4) is 4
		expect(bt.models[1].mase).toBeCloseTo(1, 12);
	});
	it('computes interval coverage at 80 % and 95 %', () => {
		const bt = backtest(y, [new Naive()], { horizon: 2, origins: 3, levels: [0.8, 0.95] });
		expect(bt.models[0].coverage80).toBeGreaterThanOrEqual(0);
		expect(bt.models[0].coverage95).toBeLessThanOrEqual(1);
	});
	it('stops with an AbortError when the signal is aborted', () => {
		const signal = { aborted: true };
		expect(() => backtest(y, [new Naive()], { horizon: 2, signal })).toThrow(/cancelled/);
	});
});
