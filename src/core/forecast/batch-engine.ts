// What a batch of series learns once for all of them before each is forecast, and the engine options
// of series i built from it: the season a short series borrows (its category's, the shop's, else the
// shipped retail profile: batch.ts withSeason), the batch's launch curve (launch.ts), its spike curve
// (spike.ts) and the pooled cross-learning model (pooled.ts, chosen like a built-in; the batch is then
// checked with pooledGate). One builder for every caller that forecasts a batch: the forecast worker's
// product batch (workers/forecast-api.ts) and the nodes of a reconciled hierarchy
// (workers/forecast/hierarchy.ts, via forecastBatchNodes below), the CLI (src/cli/forecast.ts) and the
// accuracy benches (tests/bench/engine-options.ts), so all run the engine alike.
import { forecastAutoAsync } from '../engine';
import type { AutoForecastOptions, AutoForecastResult } from '../engine-types';
import type { CancelSignal } from '../backtest';
import type { SeriesBatch } from '../types';
import { batchTotal, categoryTotals, groupTotals, withSeason } from './batch';
import { registerBuiltins } from './builtins';
import { batchLaunchCurves, launchDonors, withLaunchCurveOf } from './launch';
import { pooledFromBatch, pooledGate, usesPooled, type PooledModel } from './pooled';
import { CandidateRegistry } from './registry';
import { batchSpikeCurve } from './spike';
import { SHRINK_DEFAULT } from './season-shrink';

/** The batch's shared parts, and the options of each of its series. */
export interface BatchEngine {
	/** The built-ins and, unless left out, the batch's pooled model (trusted). */
	registry: CandidateRegistry;
	/** The pooled model registered, or null. */
	pooled: PooledModel | null;
	/** Takes the pooled model out of the registry again (the batch failed pooledGate). */
	dropPooled(): void;
	/**
	 * The engine options of series i: `options` with the borrowed season (unless it has one), the
	 * launch curve for its age, the spike curve and its id.
	 */
	optionsFor(i: number, options: AutoForecastOptions): AutoForecastOptions;
}

export interface BatchEngineOptions {
	/** Register the pooled model (default true; only in an automatic choice or a list naming 'pooled'). */
	pooled?: boolean;
	/** How the pooled model is made (the worker keeps one per batch read); default pooledFromBatch. */
	pooledOf?: (batch: SeriesBatch) => PooledModel | null;
	/**
	 * Give each series its target for the seasonal shrinkage (season-shrink.ts; default SHRINK_DEFAULT):
	 * its category's or the shop's sales without its own.
	 */
	shrink?: boolean;
	/**
	 * Borrow a season for short series (default true). A batch without real dates (ds all 0: the CLI's
	 * input without ISO dates) gives neither a borrowed season nor shrink targets (`shrink` false).
	 */
	borrow?: boolean;
	/** Learn the batch's launch curve (default true; the benches leave it out to measure it). */
	launch?: boolean;
	/** Learn the batch's spike curve (default true; the benches leave it out to measure it). */
	spike?: boolean;
	/** The registry to add the pooled model to (the CLI's deep models'); default the built-ins. */
	registry?: CandidateRegistry;
}

/** The batch's shared parts for forecasts `horizon` periods ahead with `models`. */
export function batchEngine(
	batch: SeriesBatch,
	engine: Pick<AutoForecastOptions, 'horizon' | 'models'>,
	use: BatchEngineOptions = {},
): BatchEngine {
	let registry = use.registry;
	if (!registry) {
		registry = new CandidateRegistry();
		registerBuiltins(registry);
	}
	const { models } = engine;
	const pooled =
		use.pooled !== false && (!models || models === 'auto' || models.includes('pooled'))
			? (use.pooledOf ?? ((b: SeriesBatch) => pooledFromBatch(b)))(batch)
			: null;
	let drop = pooled ? registry.register(pooled.candidate(true)) : null;
	// the season a short product borrows: the dataset's category and shop totals when the read
	// brought them, else this batch's own sums
	const groups = groupTotals(batch);
	const sum = groups ? groups.total : batchTotal(batch);
	const byCategory = groups ? groups.categories : categoryTotals(batch);
	// how the shop's earlier launches went on: the curve a product only weeks old follows, learnt from
	// the whole dataset's launches when the read brought them (a product forecast alone), else the batch
	const launches =
		use.launch === false ? null : batchLaunchCurves(launchDonors(batch), engine.horizon);
	// how much of the batch's earlier sudden jumps lasted: a series ending on one is fitted at its
	// usual level plus that share (none with under 5 such jumps)
	const spikes = use.spike === false ? null : batchSpikeCurve(batch, engine.horizon);
	return {
		registry,
		pooled,
		dropPooled() {
			drop?.();
			drop = null;
		},
		optionsFor(i, options) {
			return {
				...withSeason(
					batch,
					i,
					options,
					sum,
					byCategory,
					use.shrink ?? SHRINK_DEFAULT,
					use.borrow !== false,
				),
				...(launches ? withLaunchCurveOf(launches, batch, i) : {}),
				...(spikes ? { spikeCurve: spikes } : {}),
				seriesId: batch.ids[i],
			};
		},
	};
}

/** What forecastBatchNodes did with the pooled model. */
export interface PooledUse {
	/** Forecasts that had chosen it. */
	chosen: number;
	/** pooledGate's ratio (NaN: not scored). */
	ratio: number;
	/** Kept: the batch passed the gate. */
	kept: boolean;
}

/**
 * Forecast every series of a batch with the batch's shared parts (batchEngine), as the forecast
 * worker's product batch: the pooled model stays where the series together pass pooledGate, else the
 * series that used it are forecast again without it. `extra(i)`: more options for series i (e.g. its
 * regressors); `onEach` after each first-pass forecast (cancel checks, progress).
 */
export async function forecastBatchNodes(
	batch: SeriesBatch,
	options: AutoForecastOptions,
	run: {
		signal?: CancelSignal;
		extra?: (i: number) => Partial<AutoForecastOptions> | undefined;
		onEach?: (i: number) => void | Promise<void>;
		pooled?: boolean;
	} = {},
): Promise<{ results: AutoForecastResult[]; pooled: PooledUse | null }> {
	const engine = batchEngine(batch, options, { pooled: run.pooled });
	const results: AutoForecastResult[] = [];
	const one = (i: number): Promise<AutoForecastResult> =>
		forecastAutoAsync(
			batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]),
			engine.optionsFor(i, { ...options, ...run.extra?.(i) }),
			{ registry: engine.registry, ...(run.signal ? { signal: run.signal } : {}) },
		);
	for (let i = 0; i < batch.ids.length; i++) {
		results.push(await one(i));
		await run.onEach?.(i);
	}
	if (!engine.pooled) return { results, pooled: null };
	const chosen = results.filter((r) => usesPooled(r.model)).length;
	const gate = pooledGate(results);
	if (chosen > 0 && !gate.pass) {
		engine.dropPooled();
		for (let i = 0; i < results.length; i++)
			if (usesPooled(results[i].model)) results[i] = await one(i);
	}
	return { results, pooled: { chosen, ratio: gate.ratio, kept: gate.pass } };
}

/**
 * The engine options of a series (BatchEngine.optionsFor) for the same series given to the engine
 * from period `from` on (e.g. the inventory plan's, from its first sale): the borrowed season's
 * history indices and the shrink target's group sales lose their first `from` periods too, so they
 * stay aligned with the values forecast.
 */
export function optionsFromPeriod(options: AutoForecastOptions, from: number): AutoForecastOptions {
	if (from <= 0) return options;
	const { seasonalPrior: prior, seasonShrink: shrink } = options;
	return {
		...options,
		...(prior ? { seasonalPrior: { ...prior, history: prior.history.slice(from) } } : {}),
		...(shrink ? { seasonShrink: { ...shrink, y: shrink.y.slice(from) } } : {}),
	};
}

/**
 * A short fingerprint of what a batch gave one series (borrowed season, shrink target, launch and
 * spike curves): part of a forecast cache key, so a cached forecast is not reused when they change.
 */
export function batchOptionsKey(options: AutoForecastOptions): string {
	const parts = [
		options.seasonalPrior,
		options.seasonShrink,
		options.launchCurve,
		options.spikeCurve,
		options.seasonVariants,
	];
	const text = JSON.stringify(parts, (_k, v: unknown) =>
		ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
	);
	// FNV-1a, 32 bits
	let h = 0x811c9dc5;
	for (let k = 0; k < text.length; k++) {
		h ^= text.charCodeAt(k);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(36);
}
