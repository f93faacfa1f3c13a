// Rolling-origin backtest (time-series cross-validation, Tashman 2000, IJF 16:437–450; FPP3 §5.10)
// of several Forecasters on one series. The engine uses it to rank models, weight combinations and
// calibrate intervals from the out-of-sample errors by horizon step.
//
// Origins: the training window ends at e_k = n − h − k·step (k = 0 … origins − 1, oldest first);
// each model is fitted on y[max(0, e_k − maxTrain) .. e_k) and scored on y[e_k .. e_k + h).
// Exogenous regressors (opts.xreg) are cut the same way: the training slice goes to fit and the
// slice over the scored window to predict as the future values.

import type { Forecaster } from './types';
import { rmse, smape, wape, coverage } from './metrics';
import { cancelledError } from './messages';

/** The part of an AbortSignal the core needs (src/core has no DOM types). */
export interface CancelSignal {
	readonly aborted: boolean;
}

export interface BacktestOptions {
	horizon: number;
	/** Number of forecast origins (default 3); fewer when the series is short. */
	origins?: number;
	/** Periods between consecutive origins (default: horizon). */
	step?: number;
	/** Seasonal period passed to the models and used as MASE scale (lag m when the window allows). */
	season?: number;
	/** Interval levels to request (default [0.8, 0.95]). */
	levels?: number[];
	/** Smallest training window (default max(4, 2 + …)). */
	minTrain?: number;
	/** Fit on at most this many most recent points (speed cap); default: all. */
	maxTrain?: number;
	/** Checked between model fits; an aborted signal stops the backtest with an AbortError. */
	signal?: CancelSignal;
	/**
	 * Exogenous regressors aligned with y (one column per regressor, each y.length long), passed to
	 * every model (models without regressor support ignore them).
	 */
	xreg?: readonly Float64Array[];
}

/** Out-of-sample results of one model. */
export interface BacktestModelResult {
	model: string;
	/** Metrics averaged over origins where the model succeeded (NaN if none). */
	mase: number;
	smape: number;
	wape: number;
	rmse: number;
	coverage80: number;
	coverage95: number;
	/** Point forecasts per origin (null where the fit failed). */
	forecasts: (Float64Array | null)[];
	/** Interval bounds per origin keyed by level (empty where the model gives none). */
	intervals: ({ level: number; lower: Float64Array; upper: Float64Array }[] | null)[];
	/** residualsByStep[j]: actual − forecast at step j+1 over the successful origins. */
	residualsByStep: Float64Array[];
	/** Error messages of failed fits. */
	failures: string[];
}

export interface BacktestResult {
	/** End (exclusive) of each training window, ascending. */
	origins: number[];
	horizon: number;
	/** Actuals per origin (length h). */
	actuals: Float64Array[];
	/** MASE scale per origin (in-sample naive MAE with the season lag when possible). */
	scales: number[];
	models: BacktestModelResult[];
}

/** Training-window ends for a series of length n (ascending); empty when none fits. */
export function backtestOrigins(
	n: number,
	horizon: number,
	origins = 3,
	step = horizon,
	minTrain = 4,
): number[] {
	const out: number[] = [];
	for (let k = 0; k < origins; k++) {
		const e = n - horizon - k * step;
		if (e < minTrain) break;
		out.push(e);
	}
	return out.reverse();
}

/** Reject duplicate model names (statsforecast's _validate_model_names). */
export function checkModelNames(models: readonly Forecaster[]): void {
	const seen = new Set<string>();
	for (const m of models) {
		if (seen.has(m.name)) throw new Error(`Duplicate model name "${m.name}": names must be unique`);
		seen.add(m.name);
	}
}

/** A cancel, said as a message code (views word it); `name` is what callers branch on. */
const abortError = (): Error => cancelledError('forecast_cancelled');

const meanFinite = (xs: number[]): number => {
	const f = xs.filter(Number.isFinite);
	return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
};

/** Run a rolling-origin backtest of every model over y. */
export function backtest(
	y: Float64Array,
	models: readonly Forecaster[],
	opts: BacktestOptions,
): BacktestResult {
	checkModelNames(models);
	const h = Math.floor(opts.horizon);
	if (!(h >= 1)) throw new RangeError(`backtest: horizon must be ≥ 1, got ${opts.horizon}`);
	const m = Math.max(1, Math.round(opts.season ?? 1));
	const levels = opts.levels ?? [0.8, 0.95];
	const xreg = opts.xreg && opts.xreg.length > 0 ? opts.xreg : null;
	xreg?.forEach((c, i) => {
		if (c.length !== y.length)
			throw new RangeError(
				`backtest: regressor ${i + 1} has ${c.length} values, the series ${y.length}`,
			);
	});
	const origins = backtestOrigins(
		y.length,
		h,
		opts.origins ?? 3,
		Math.max(1, Math.floor(opts.step ?? h)),
		opts.minTrain ?? 4,
	);
	const actuals = origins.map((e) => y.slice(e, e + h));
	const scales = origins.map((e) => {
		const train = y.subarray(0, e);
		const lag = e > m ? m : 1;
		let s = 0;
		for (let t = lag; t < e; t++) s += Math.abs(train[t] - train[t - lag]);
		return e > lag ? s / (e - lag) : NaN;
	});
	const results = models.map((model) => {
		const forecasts: (Float64Array | null)[] = [];
		const intervals: BacktestModelResult['intervals'] = [];
		const failures: string[] = [];
		const perOrigin = {
			mase: [] as number[],
			smape: [] as number[],
			wape: [] as number[],
			rmse: [] as number[],
			c80: [] as number[],
			c95: [] as number[],
		};
		const res: number[][] = Array.from({ length: h }, () => []);
		origins.forEach((e, k) => {
			if (opts.signal?.aborted) throw abortError();
			const start = opts.maxTrain ? Math.max(0, e - opts.maxTrain) : 0;
			const train = y.slice(start, e);
			try {
				// The future regressor values at each origin are the actual ones (the scored window's),
				// as in statsforecast's cross_validation: the backtest measures the model given known
				// regressors, so errors in forecasting the regressors themselves are not included.
				const f = xreg
					? model
							.fit(train, { season: m, xreg: xreg.map((c) => c.slice(start, e)) })
							.predict(h, { levels, xreg: xreg.map((c) => c.slice(e, e + h)) })
					: model.fit(train, { season: m }).predict(h, { levels });
				const point = f.point;
				if (point.length !== h || !point.every(Number.isFinite))
					throw new Error('non-finite forecast');
				forecasts.push(point);
				intervals.push(f.intervals);
				const a = actuals[k];
				const scale = scales[k];
				perOrigin.mase.push(scale > 0 ? meanAbs(a, point) / scale : NaN);
				perOrigin.smape.push(smape(a, point));
				perOrigin.wape.push(wape(a, point));
				perOrigin.rmse.push(rmse(a, point));
				for (const iv of f.intervals) {
					const c = coverage(a, iv.lower, iv.upper);
					if (Math.abs(iv.level - 0.8) < 1e-9) perOrigin.c80.push(c);
					if (Math.abs(iv.level - 0.95) < 1e-9) perOrigin.c95.push(c);
				}
				for (let j = 0; j < h; j++) res[j].push(a[j] - point[j]);
			} catch (err) {
				if ((err as Error).name === 'AbortError') throw err;
				forecasts.push(null);
				intervals.push(null);
				failures.push(`${model.name} @${e}: ${(err as Error).message}`);
			}
		});
		return {
			model: model.name,
			mase: meanFinite(perOrigin.mase),
			smape: meanFinite(perOrigin.smape),
			wape: meanFinite(perOrigin.wape),
			rmse: meanFinite(perOrigin.rmse),
			coverage80: meanFinite(perOrigin.c80),
			coverage95: meanFinite(perOrigin.c95),
			forecasts,
			intervals,
			residualsByStep: res.map((r) => Float64Array.from(r)),
			failures,
		};
	});
	return { origins, horizon: h, actuals, scales, models: results };
}

function meanAbs(a: Float64Array, f: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - f[i]);
	return s / a.length;
}

/** MASE of a forecast at backtest origin k (exported for combinations scored by the engine). */
export function originMase(bt: BacktestResult, k: number, point: Float64Array): number {
	const s = bt.scales[k];
	return s > 0 ? meanAbs(bt.actuals[k], point) / s : NaN;
}
