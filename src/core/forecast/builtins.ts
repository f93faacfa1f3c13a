// The built-in statistical models as registry candidates (src/core/forecast/registry.ts). Each one
// wraps a synchronous Forecaster; `forecaster()` is what the engine backtests and fits.
import type { Forecaster } from '../types';
import { Drift, MovingAverage, Naive, Naive2, SeasonalNaive } from '../models/naive';
import { Theta } from '../models/theta';
import { ADIDA, Croston, IMAPA, SBA, TSB } from '../models/intermittent';
import { AutoETS } from '../models/ets';
import { AutoARIMA } from '../models/arima';
import { LinearRegressionModel } from '../models/regression';
import { StlEts } from '../models/stlf';
import type { Candidate, CandidateFamily, CandidateRegistry } from './registry';

/** auto.arima is the slowest model: it sees at most this many recent points. */
export const MAX_ARIMA_POINTS = 260;
/**
 * With `screen` (the engine's backtest: one instance fits a series' growing windows, oldest first,
 * then the whole series), automatic ETS and ARIMA select among all their models once, on the oldest
 * window, and later fits try only that window's best few (AutoEtsOptions.screen,
 * AutoArimaOptions.screen). Measured in tests/bench/results/SPEED.md.
 */
export const ETS_SCREEN = 3;
export const ARIMA_SCREEN = 3;
/**
 * Weekly data (season > 24, no seasonal ARMA terms) in the engine: auto.arima's stepwise search ranks
 * the orders by the linear Hannan–Rissanen screen and fits by CSS only this many best ones
 * (AutoArimaOptions.hrScreen; issue #11 speed, round 8 in tests/bench/results/SPEED.md). 0 = off.
 */
export const ARIMA_HR_SCREEN = 0;
/**
 * Weekly data (season > 24) in the engine: automatic ETS estimates once, at the oldest backtest
 * origin, filters the later origins with those estimates and warm-starts the final fit from them
 * (AutoEtsOptions.fitOnce; issue #11 speed, round 8 in tests/bench/results/SPEED.md).
 */
export const ETS_FIT_ONCE_WEEKLY = false;
/**
 * Automatic ETS without a season of its own (weekly data, whose season STL takes out first; a
 * non-seasonal series; a borrowed season) keeps only damped trends: an undamped trend carried over a
 * 12–13-week horizon overshoots when sales flatten (issue #11). Validation horizon (one before the
 * reported one), MASE: M4 Weekly every 10th 2.400 → 2.337, StockX pooled WAPE 0.720 → 0.631, online
 * retail 1.3574 → 1.3545. Seasonal monthly ETS keeps undamped trends: on Australian retail every 5th
 * damping everywhere cost MASE 2.009 → 2.036.
 */
export const dampedOnlyFor = (season: number): boolean => season > 24 || season <= 1;

/**
 * Relative tolerance of the optimisers of automatic ETS (Nelder–Mead on −2 log L, a few hundred to
 * thousands in size) and auto.arima's CSS search (BFGS on ½ log σ², about 1–10) in the engine, instead
 * of R's 1.5e-8 / 1e-8: a change of 1e-6 of the criterion is ~1e-3 AIC units, far below any margin
 * that decides a model, and it saves about a third of their iterations (issue #11 speed, speed5 in
 * tests/bench/results/SPEED.md). Explicit fits and the R reference tests keep R's tolerances.
 */
export const ENGINE_REL_TOL = 1e-6;

type Make = (o: { season: number; ma?: number; screen?: boolean }) => Forecaster;

const BUILTINS: [string, CandidateFamily, number, Make][] = [
	['naive', 'naive', 1, () => new Naive()],
	['snaive', 'naive', 2, () => new SeasonalNaive()],
	['drift', 'naive', 2, () => new Drift()],
	['ma', 'naive', 2, (o) => new MovingAverage(o.ma ?? 4, 'ma')],
	['naive2', 'naive', 2, () => new Naive2()],
	['theta', 'theta', 4, () => new Theta()],
	[
		'ets',
		'exponential-smoothing',
		4,
		(o) =>
			new AutoETS({
				...(o.screen ? { screen: ETS_SCREEN, relTol: ENGINE_REL_TOL } : {}),
				...(o.screen && o.season > 24 && ETS_FIT_ONCE_WEEKLY ? { fitOnce: true } : {}),
				...(dampedOnlyFor(o.season) ? { dampedOnly: true } : {}),
			}),
	],
	[
		'arima',
		'arima',
		8,
		// Seasonal ARMA terms at lag 52 make the Kalman state ~100-dimensional (tens of seconds per
		// fit); for long periods only seasonal differencing is searched.
		(o) =>
			new AutoARIMA({
				maxLength: MAX_ARIMA_POINTS,
				...(o.season > 24 ? { maxSP: 0, maxSQ: 0 } : {}),
				...(o.screen
					? { screen: ARIMA_SCREEN, cssRefit: 'all' as const, cssRelTol: ENGINE_REL_TOL }
					: {}),
				...(o.screen && o.season > 24 && ARIMA_HR_SCREEN > 0 ? { hrScreen: ARIMA_HR_SCREEN } : {}),
			}),
	],
	['stlf', 'decomposition', 8, () => new StlEts()],
	['regression', 'regression', 4, () => new LinearRegressionModel()],
	['croston', 'intermittent', 2, () => new Croston()],
	['sba', 'intermittent', 2, () => new SBA()],
	['tsb', 'intermittent', 2, () => new TSB()],
	['adida', 'intermittent', 2, () => new ADIDA()],
	['imapa', 'intermittent', 2, () => new IMAPA()],
];

/** Names of the built-in models, in registry order. */
export const BUILTIN_NAMES = BUILTINS.map((b) => b[0]);

/** A built-in as a registry candidate. */
function builtin(name: string, family: CandidateFamily, minLength: number, make: Make): Candidate {
	return {
		name,
		family,
		minLength,
		auto: false,
		usesRegressors: name === 'regression' || name === 'arima',
		forecaster: make,
		fit(y, ctx) {
			const fitted = make({ season: ctx.season }).fit(y, { season: ctx.season, xreg: ctx.xreg });
			return { predict: (h, levels, future) => fitted.predict(h, { levels, xreg: future?.xreg }) };
		},
	};
}

/** Register every built-in model in `reg`. */
export function registerBuiltins(reg: CandidateRegistry): void {
	for (const [name, family, minLength, make] of BUILTINS)
		if (!reg.has(name)) reg.register(builtin(name, family, minLength, make));
}
