// Rolling-origin forecasts of the global deep models for the engine's backtest (src/ml/candidates.ts
// registers them). At each origin k = K … 1 a fresh model is trained on every series with the last
// k·h points of each series held out (its targets never reach them; early stopping uses the h points
// before), then forecasts h points from the end n − k·h of every series — exactly the windows the
// engine scores its own models on. A final model (k = 0) forecasts from the end of every series.
// So a deep model is scored on data it never trained on, like the statistical models refitted at each
// origin. Series are assumed to share their calendar end (a shop's products, a dataset's panel).
// Runs in the train worker and in Node (the CLI's --deep, the bench) on any tfjs backend.

import type { CancelSignal } from '../core/backtest';
import type { ExternalForecastAt } from '../core/forecast/external';
import type { Frequency, SeriesBatch } from '../core/types';
import {
	DEEP_CHECK_MIN_LENGTH,
	deepCandidateName,
	engineOrigins,
	type DeepForecastTable,
} from './candidates';
import { forecastWindows, makeWindows, type DeepCalendar, type WindowConfig } from './features';
import type { DeepKind } from './kinds';
import { QUANTILES, type ModelSpec } from './models';
import { compiledModel, disposeModel, predictWindows, trainModel } from './train';
import { setWeightBlob, type WeightBlob } from './weights';
import { cancelledError } from '../core/messages';

/** How the deep candidates are trained for the engine. */
export interface DeepBacktestOptions {
	kinds: readonly DeepKind[];
	horizon: number;
	freq: Frequency;
	/** Past periods a model sees (default max(8, 2·horizon)). */
	lookback?: number;
	/** Width multiplier of the models (default 0.5). */
	width?: number;
	/** Most epochs per training (default 8; early stopping after `patience` without improvement). */
	epochs?: number;
	patience?: number;
	batchSize?: number;
	learningRate?: number;
	/**
	 * Hold the last horizon before each cut-off out of training for early stopping (default true).
	 * false: every model trains on all targets before its cut-off for `epochs` epochs (a short
	 * series then keeps h more target weeks, and a backtest model sees as much recent data, relative
	 * to its cut-off, as the final one).
	 */
	validation?: boolean;
	/** Training windows per model (a seeded sample; default 2,000). */
	maxWindows?: number;
	/** Backtest origins (default: as many as the engine uses for this horizon). */
	origins?: number;
	/** Also train on the whole history for the final forecast (default true; false when a saved model gives it). */
	final?: boolean;
	seed?: number;
	/**
	 * Models trained per origin (different window samples and initial weights), their quantile
	 * forecasts averaged: a small seed ensemble steadies a model trained on a few thousand windows.
	 */
	seeds?: number;
	/** Input features per period, per kind (default N_FEATURES; BASE_FEATURES for a pretrained start). */
	features?: number | ((kind: DeepKind) => number);
	/** The shop's holiday calendar (features 6 and 12); without it the fixed holidays of holidays.ts. */
	calendar?: DeepCalendar;
	/**
	 * The short check (src/ml/candidates.ts deepDecision, tests/bench/results/DEEP.md "deep10"): also train each
	 * kind on every series cut this many periods before its end (series with DEEP_CHECK_MIN_LENGTH
	 * periods left; the run's options, its final model only: the cut periods are never trained on) and
	 * add its forecast from the cut to the table, flagged `check` (never a backtest window).
	 */
	inner?: number;
	/** Weights to start from for a model of this spec (the shipped pretrained MLP), or null. */
	initial?(spec: ModelSpec): WeightBlob | null;
	signal?: CancelSignal;
	/** Before each training: which model, which origin (K … 0; 0 = final), how many trainings in all. */
	onStage?(s: { kind: DeepKind; origin: number; step: number; steps: number }): void;
	/** After each epoch of a training. */
	onEpoch?(s: {
		kind: DeepKind;
		origin: number;
		epoch: number;
		loss: number;
		valLoss: number;
	}): void;
}

export interface DeepBacktestResult {
	/** By candidate name ('deep-mlp', …): forecasts by series id and window end. */
	tables: Record<string, DeepForecastTable>;
	/** Seconds of training and forecasting per candidate name. */
	seconds: Record<string, number>;
	/** Origins a model could not be trained for (too little history before them). */
	skipped: { name: string; origin: number }[];
	/** Training windows per candidate at the final origin. */
	windows: Record<string, number>;
}

/** A cancel, said as a message code (`code` + `params`, like workers/data/coded-error.ts); `name` is what callers branch on. */
const abortError = (): Error => cancelledError('models_backtest_cancelled');

/** The batch with every series cut after its last finite value (the engine forecasts from there). */
export function trimTrailingMissing(batch: SeriesBatch): SeriesBatch {
	const lens = batch.ids.map((_, i) => {
		const from = batch.indptr[i];
		let to = batch.indptr[i + 1];
		while (to > from && !Number.isFinite(batch.y[to - 1])) to--;
		return to - from;
	});
	const same = lens.every((n, i) => n === batch.indptr[i + 1] - batch.indptr[i]);
	if (same) return batch;
	const indptr = new Int32Array(lens.length + 1);
	lens.forEach((n, i) => (indptr[i + 1] = indptr[i] + n));
	const pick = (a: Float64Array): Float64Array => {
		const out = new Float64Array(indptr[lens.length]);
		lens.forEach((n, i) => out.set(a.subarray(batch.indptr[i], batch.indptr[i] + n), indptr[i]));
		return out;
	};
	const out: SeriesBatch = { ids: batch.ids, indptr, ds: pick(batch.ds), y: pick(batch.y) };
	if (batch.regressors)
		out.regressors = { names: batch.regressors.names, values: batch.regressors.values.map(pick) };
	return out;
}

/**
 * Train the deep models at every backtest origin and at the end, and return their forecasts keyed
 * for the engine (see precomputedCandidate). Throws an AbortError when `signal` is aborted.
 */
export async function deepBacktest(
	batchIn: SeriesBatch,
	opts: DeepBacktestOptions,
): Promise<DeepBacktestResult> {
	const batch = trimTrailingMissing(batchIn);
	const h = Math.max(1, Math.floor(opts.horizon));
	const inner = Math.max(0, Math.floor(opts.inner ?? 0));
	const K = Math.max(0, Math.floor(opts.origins ?? engineOrigins(h)));
	const lookback = Math.max(8, Math.floor(opts.lookback ?? 2 * h));
	const cfgFor = (kind: DeepKind): WindowConfig => {
		const f = typeof opts.features === 'function' ? opts.features(kind) : opts.features;
		return {
			lookback,
			horizon: h,
			freq: opts.freq,
			...(f ? { features: f } : {}),
			...(opts.calendar ? { calendar: opts.calendar } : {}),
		};
	};
	const lens = batch.ids.map((_, i) => batch.indptr[i + 1] - batch.indptr[i]);
	const nonNegative = batch.y.every((v) => !Number.isFinite(v) || v >= 0);
	const result: DeepBacktestResult = { tables: {}, seconds: {}, skipped: [], windows: {} };
	const last = opts.final === false ? 1 : 0;
	const steps = opts.kinds.length * (K + 1 - last + (inner > 0 ? 1 : 0));
	let step = 0;
	for (const kind of opts.kinds) {
		const name = deepCandidateName(kind);
		const table: DeepForecastTable = {};
		const t0 = performance.now();
		const cfg = cfgFor(kind);
		const spec: ModelSpec = {
			kind,
			lookback,
			horizon: h,
			width: opts.width ?? 0.5,
			...(cfg.features ? { features: cfg.features } : {}),
		};
		for (let k = K; k >= last; k--) {
			if (opts.signal?.aborted) throw abortError();
			opts.onStage?.({ kind, origin: k, step: step++, steps });
			const holdout = k * h;
			const seeds = Math.max(1, Math.floor(opts.seeds ?? 1));
			// forecast from the origin n − k·h of every series long enough to have one
			const pairs: [number, number][] = [];
			lens.forEach((n, i) => {
				if (n - holdout >= 1) pairs.push([i, n - holdout]);
			});
			let q: Float32Array | null = null;
			for (let r = 0; r < seeds; r++) {
				// one seed per origin and ensemble member: window sample, initial weights, shuffling
				const seed = (opts.seed ?? 1) + k + 1000 * r;
				const { train, val } = makeWindows(batch, cfg, {
					holdout,
					validation: opts.validation ?? true,
					maxWindows: opts.maxWindows ?? 2000,
					seed,
					partialTargets: true,
				});
				if (k === 0 && r === 0) result.windows[name] = train.n;
				if (train.n === 0) break;
				const model = compiledModel(spec, opts.learningRate ?? 1e-3, seed);
				try {
					const init = opts.initial?.(spec);
					if (init) setWeightBlob(model, init);
					const outcome = await trainModel(
						model,
						spec,
						train,
						val,
						{
							epochs: opts.epochs ?? 8,
							batchSize: opts.batchSize ?? 64,
							patience: opts.patience ?? 2,
							seed,
						},
						{
							signal: opts.signal,
							onEpoch: (e) =>
								opts.onEpoch?.({
									kind,
									origin: k,
									epoch: e.epoch,
									loss: e.loss,
									valLoss: e.valLoss,
								}),
						},
					);
					if (outcome.stopped === 'cancelled') throw abortError();
					const set = forecastWindows(batch, cfg, pairs, new Float64Array(lens.length));
					const one = await predictWindows(model, spec, set);
					if (!q) q = Float32Array.from(one);
					else for (let j = 0; j < q.length; j++) q[j] += one[j];
				} finally {
					disposeModel(model);
				}
			}
			if (!q) {
				result.skipped.push({ name, origin: k });
				continue;
			}
			if (seeds > 1) for (let j = 0; j < q.length; j++) q[j] /= seeds;
			const Qn = QUANTILES.length;
			const qq = q;
			pairs.forEach(([i, end], w) => {
				const col = (c: number): Float64Array =>
					Float64Array.from({ length: h }, (_, j) => {
						const v = qq[(w * h + j) * Qn + c];
						return nonNegative ? Math.max(0, v) : v;
					});
				const at: ExternalForecastAt = {
					end,
					point: col(2),
					intervals: [
						{ level: 0.8, lower: col(1), upper: col(3) },
						{ level: 0.95, lower: col(0), upper: col(4) },
					],
				};
				(table[batch.ids[i]] ??= []).push(at);
			});
			// let a queued cancel message in between trainings
			await new Promise((r) => setTimeout(r, 0));
		}
		result.tables[name] = table;
		result.seconds[name] = (performance.now() - t0) / 1000;
	}
	if (inner > 0) {
		// the short check's models: the same training on the batch cut `inner` periods back, final only
		const cut = cutLatest(batch, inner, DEEP_CHECK_MIN_LENGTH, h);
		if (cut.ids.length > 0) {
			const sub = await deepBacktest(cut, {
				...opts,
				inner: 0,
				origins: 0,
				final: true,
				onStage: (s) => opts.onStage?.({ ...s, origin: -1, step: step + s.step, steps }),
			});
			for (const [name, t] of Object.entries(sub.tables)) {
				const table = (result.tables[name] ??= {});
				for (const [id, list] of Object.entries(t))
					for (const at of list) (table[id] ??= []).push({ ...at, check: true });
			}
			for (const [name, sec] of Object.entries(sub.seconds))
				result.seconds[name] = (result.seconds[name] ?? 0) + sec;
		}
	}
	return result;
}

/**
 * Every series of `batch` without its last `k` periods, those with at least `min` periods left; its
 * regressors' values in the `horizon` periods after the cut are given as known ahead (regressorsAhead).
 */
export function cutLatest(batch: SeriesBatch, k: number, min: number, horizon = k): SeriesBatch {
	const keep: number[] = [];
	batch.ids.forEach((_, i) => {
		if (batch.indptr[i + 1] - batch.indptr[i] - k >= min) keep.push(i);
	});
	const indptr = new Int32Array(keep.length + 1);
	keep.forEach((i, w) => (indptr[w + 1] = indptr[w] + batch.indptr[i + 1] - batch.indptr[i] - k));
	const pick = (a: Float64Array): Float64Array => {
		const out = new Float64Array(indptr[keep.length]);
		keep.forEach((i, w) =>
			out.set(a.subarray(batch.indptr[i], batch.indptr[i] + indptr[w + 1] - indptr[w]), indptr[w]),
		);
		return out;
	};
	const out: SeriesBatch = {
		ids: keep.map((i) => batch.ids[i]),
		indptr,
		ds: pick(batch.ds),
		y: pick(batch.y),
	};
	if (batch.regressors) {
		const reg = batch.regressors;
		out.regressors = { names: reg.names, values: reg.values.map(pick) };
		// what the regressors held in the cut periods (then beyond the end, the planned values): known
		// at the cut, as planned promotions are at the end
		const ahead = batch.regressorsAhead;
		out.regressorsAhead = {
			horizon,
			values: reg.values.map((col, r) => {
				const v = new Float64Array(keep.length * horizon).fill(NaN);
				keep.forEach((i, w) => {
					const n = batch.indptr[i + 1] - batch.indptr[i];
					for (let j = 0; j < horizon; j++) {
						const t = n - k + j;
						const a = t - n;
						v[w * horizon + j] =
							t < n
								? col[batch.indptr[i] + t]
								: ahead && a < ahead.horizon
									? ahead.values[r][i * ahead.horizon + a]
									: NaN;
					}
				});
				return v;
			}),
		};
	}
	return out;
}
