// The engine's candidate registry: every model the automatic choice can backtest, rank and combine
// is a Candidate registered here by name. The built-in statistical models register themselves from
// src/core/forecast/builtins.ts; other code (the deep models of the train worker, a pooled/global
// model, a test) registers its own candidates at run time without core importing them (no tfjs
// here). An external candidate joins the same rolling-origin backtest, the same ranking, the same
// inverse-error combination and the same conformal interval calibration as the built-ins.
//
//   registry.register({
//     name: 'lstm', family: 'deep', minLength: 40,
//     async fit(y, ctx) { const net = await train(y, ctx); return { predict: (h, levels) => net.forecast(h, levels) }; },
//   });
//   await forecastAutoAsync(y, { horizon: 12, season: 52 });   // 'lstm' is now a candidate
//
// `fit` and `predict` may return promises; the synchronous `forecastAuto` then skips that
// candidate with a note, `forecastAutoAsync` awaits it.

import type { CancelSignal } from '../backtest';
import type { Forecast, Forecaster } from '../types';

/** Broad kind of a model (for the leaderboard and for diversity in combinations). */
export type CandidateFamily =
	| 'naive'
	| 'exponential-smoothing'
	| 'arima'
	| 'theta'
	| 'regression'
	| 'decomposition'
	| 'intermittent'
	| 'global'
	| 'deep'
	| (string & {});

/** What a candidate is told when it is fitted. */
export interface CandidateContext {
	/** Seasonal period (1 = none). */
	season: number;
	/** The horizon it will be asked to predict. */
	horizon: number;
	/** Interval levels that will be asked for. */
	levels: readonly number[];
	/** Exogenous regressors aligned with y (one column per regressor), when the series has any. */
	xreg?: readonly Float64Array[];
	/** Names of those regressors. */
	xregNames?: readonly string[];
	/**
	 * End (exclusive) of this training window as an index into the series the caller gave the
	 * engine: a pooled/global model must not use any series' data from that period on. Equals the
	 * input length for the final fit.
	 */
	end: number;
	/** True for the final fit on the whole history (false at backtest origins). */
	final: boolean;
	/** The caller's id of the series (AutoForecastOptions.seriesId), e.g. for a pooled model's cache. */
	seriesId?: string;
	/** Aborted when the user cancels; a long fit should check it and throw. */
	signal?: CancelSignal;
}

/** A fitted candidate: point forecast and one interval per level (intervals may be empty). */
export interface FittedCandidate {
	predict(
		h: number,
		levels: readonly number[],
		future?: { xreg?: readonly Float64Array[] },
	): Forecast | Promise<Forecast>;
}

/** A model the engine can choose. */
export interface Candidate {
	/** Unique name: shown in the leaderboard, accepted by `models: [...]` and the CLI. */
	name: string;
	family: CandidateFamily;
	/** Fewest observations (after cleaning) it needs; shorter series skip it. */
	minLength: number;
	/**
	 * Whether it joins the automatic choice (`models: 'auto'`) when the series is long enough.
	 * Built-ins decide in autoCandidates (false here); external candidates default to true.
	 */
	auto?: boolean;
	/** Uses the exogenous regressors (then it is given them). */
	usesRegressors?: boolean;
	/**
	 * External candidates only: also score the equal-weight combination of this candidate with the
	 * statistical choice (the engine's pick among the candidates without external ones), named
	 * `mix(<choice>,<name>)`. It is chosen where its backtest error is at most `mix` × the statistical
	 * choice's (1 = only an improvement; above 1 a prior for the combination; Infinity = always) unless
	 * an external candidate chosen on its own backtests lower. A deep model is then a combination
	 * member, not only a stand-alone winner.
	 */
	mix?: number;
	/**
	 * External candidates only: chosen like a built-in (no EXTERNAL_GAIN / MIN_EXTERNAL_ORIGINS rule),
	 * because the caller gated it for the whole batch on the series' backtests together (the pooled
	 * cross-learning model: src/core/forecast/pooled.ts pooledGate).
	 */
	trusted?: boolean;
	fit(y: Float64Array, ctx: CandidateContext): FittedCandidate | Promise<FittedCandidate>;
	/**
	 * Built-ins only: the synchronous Forecaster behind `fit` (the engine backtests these in one
	 * pass). External candidates leave it out.
	 */
	forecaster?(opts: { season: number; ma?: number; screen?: boolean }): Forecaster;
}

/** The open list of candidates. */
export class CandidateRegistry {
	readonly #byName = new Map<string, Candidate>();

	/** Add a candidate; returns a function that removes it again. Names must be unique. */
	register(c: Candidate): () => void {
		if (!c.name || !/^[\w.:-]+$/.test(c.name))
			throw new RangeError(`Candidate name '${c.name}': use letters, digits, _ . : -`);
		if (this.#byName.has(c.name))
			throw new RangeError(`A candidate named '${c.name}' is already registered.`);
		if (!(c.minLength >= 1)) throw new RangeError(`Candidate '${c.name}': minLength must be ≥ 1.`);
		this.#byName.set(c.name, c);
		return () => {
			if (this.#byName.get(c.name) === c) this.#byName.delete(c.name);
		};
	}

	get(name: string): Candidate | undefined {
		return this.#byName.get(name);
	}

	has(name: string): boolean {
		return this.#byName.has(name);
	}

	/** Every registered name, in registration order. */
	names(): string[] {
		return [...this.#byName.keys()];
	}

	/** Candidates without a built-in Forecaster (registered from outside core). */
	external(): Candidate[] {
		return [...this.#byName.values()].filter((c) => !c.forecaster);
	}
}

/** The registry the engine uses unless the caller passes its own (EngineRunOptions.registry). */
export const registry = new CandidateRegistry();

/** A thenable check that works across realms (worker boundaries, Comlink proxies). */
export function isPromiseLike<T>(v: unknown): v is PromiseLike<T> {
	return (
		(typeof v === 'object' || typeof v === 'function') &&
		v !== null &&
		typeof (v as { then?: unknown }).then === 'function'
	);
}

/**
 * Whether the forecast named `model` (one method, or a combination such as 'combo(snaive,ets)' or
 * 'mix(combo(ets,regression),deep-mlp)') has a member that uses the exogenous regressors: regression,
 * ARIMA, or a registered candidate marked usesRegressors. Variants on seasonally adjusted data
 * ('regression~season') are fitted without them.
 */
export function modelUsesRegressors(model: string, registry?: CandidateRegistry): boolean {
	return model
		.split(/[(),]/)
		.map((x) => x.trim())
		.some((x) => x === 'regression' || x === 'arima' || registry?.get(x)?.usesRegressors === true);
}
