// Rolling-origin backtest: origin placement, leakage-free training windows, residuals by step,
// duplicate-name rejection and failure handling.
import { describe, expect, it } from 'vitest';
import { backtest, backtestOrigins } from '../../../src/core/backtest';
import { Naive, SeasonalNaive } from '../../../src/core/models/naive';
import { LinearRegressionModel } from '../../../src/core/models/regression';
import type { FitOptions, FittedForecaster, Forecaster } from '../../../src/core/types';

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

/** A model that records the regressor columns it is fitted and asked to predict with. */
function xregSpy(seen: { fit: number[][]; predict: number[][] }[]): Forecaster {
	return {
		name: 'xreg-spy',
		fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
			const fit = (opts?.xreg ?? []).map((c) => [...c]);
			return {
				name: 'xreg-spy',
				predict: (h, p) => {
					seen.push({ fit, predict: (p?.xreg ?? []).map((c) => [...c]) });
					return { point: new Float64Array(h).fill(y[y.length - 1]), intervals: [] };
				},
				predictInSample: () => new Float64Array(y.length),
				toState: () => ({ model: 'xreg-spy', params: {} }),
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
	it('passes the training-window regressors to fit and the scored window to predict', () => {
		const seen: { fit: number[][]; predict: number[][] }[] = [];
		// regressor columns hold the time index (and its negative), so slices show their positions
		const t = Float64Array.from({ length: 24 }, (_, i) => i);
		const xreg = [t, t.map((v) => -v)];
		backtest(y, [xregSpy(seen)], { horizon: 4, origins: 3, maxTrain: 10, xreg });
		expect(seen.map((s) => s.fit.map((c) => c.length))).toEqual([
			[10, 10],
			[10, 10],
			[10, 10],
		]);
		expect(seen.map((s) => s.predict.map((c) => c.length))).toEqual([
			[4, 4],
			[4, 4],
			[4, 4],
		]);
		// origin 16: fit on periods 6 … 15, predict with the actual values of periods 16 … 19
		expect(seen[1].fit[0]).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
		expect(seen[1].predict[0]).toEqual([16, 17, 18, 19]);
		expect(seen[1].predict[1]).toEqual([-16, -17, -18, -19]);
		// without xreg nothing is passed
		const plain: { fit: number[][]; predict: number[][] }[] = [];
		backtest(y, [xregSpy(plain)], { horizon: 4, origins: 2 });
		expect(plain.every((s) => s.fit.length === 0 && s.predict.length === 0)).toBe(true);
	});
	it('lets a regression use the regressors out of sample, and checks their length', () => {
		const flag = Float64Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0));
		const yy = flag.map((f, i) => 10 + 5 * f + 0.1 * i);
		const bt = backtest(yy, [new LinearRegressionModel()], { horizon: 3, xreg: [flag] });
		expect(bt.models[0].failures).toEqual([]);
		for (const r of bt.models[0].residualsByStep)
			for (const e of r) expect(Math.abs(e)).toBeLessThan(1e-8);
		expect(() => backtest(yy, [new Naive()], { horizon: 3, xreg: [flag.slice(1)] })).toThrow(
			/regressor 1 has 39 values, the series 40/,
		);
	});
	it('stops with an AbortError when the signal is aborted', () => {
		const signal = { aborted: true };
		expect(() => backtest(y, [new Naive()], { horizon: 2, signal })).toThrow(/cancelled/);
	});
});
