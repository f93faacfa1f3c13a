// Shared forecasting types: the Forecaster contract every model implements, and the column layout
// (SeriesBatch) in which many series cross worker boundaries. Pure TypeScript, no DOM.

/** A prediction interval at one coverage level in (0, 1), e.g. 0.8 or 0.95. */
export interface Interval {
	level: number;
	lower: Float64Array;
	upper: Float64Array;
}

/** Point forecast plus zero or more intervals (one per requested level). */
export interface Forecast {
	point: Float64Array;
	intervals: Interval[];
}

/** Options for fitting a model to one series. */
export interface FitOptions {
	/** Seasonal period (1 = none), e.g. 52 for weekly, 12 for monthly, 7 for daily. */
	season?: number;
	/** Exogenous regressors, one column per regressor, each of length y.length. */
	xreg?: readonly Float64Array[];
	/**
	 * The engine's final fit of a model whose instance also fitted the backtest's windows (a model may
	 * then estimate differently, e.g. AutoEtsOptions.fitOnce). Default false.
	 */
	final?: boolean;
}

/** Options for predicting from a fitted model. */
export interface PredictOptions {
	/** Interval levels in (0, 1). Default: none. */
	levels?: readonly number[];
	/** Future values of the regressors, one column per regressor, each of length horizon. */
	xreg?: readonly Float64Array[];
}

/** Serializable model state (JSON-safe plus typed arrays), persisted by lib/db. */
export interface ModelState {
	model: string;
	params: Record<string, number | string | boolean | number[]>;
}

/** A model before fitting. `fit` returns a new fitted object; nothing predicts before fitting. */
export interface Forecaster {
	readonly name: string;
	fit(y: Float64Array, opts?: FitOptions): FittedForecaster;
}

/** A fitted model. */
export interface FittedForecaster {
	readonly name: string;
	predict(horizon: number, opts?: PredictOptions): Forecast;
	/** One-step-ahead in-sample fitted values, same length as y (NaN where undefined). */
	predictInSample(): Float64Array;
	/** Information criterion when the model has a likelihood (AICc), else undefined. */
	readonly aicc?: number;
	toState(): ModelState;
}

/**
 * Many series in one column layout (statsforecast's GroupedArray): series i occupies
 * ds/y[indptr[i] .. indptr[i+1]). ds are epoch milliseconds (UTC) of each period start.
 */
export interface SeriesBatch {
	ids: string[];
	indptr: Int32Array;
	ds: Float64Array;
	y: Float64Array;
	/** Whether the first / last period of the shared grid holds only part of its days. */
	edges?: PeriodEdges;
	/**
	 * Exogenous regressors laid out like `y` (same indptr), one column per name, e.g. the average
	 * unit price per period ('price'). Finite wherever y is.
	 */
	regressors?: { names: string[]; values: Float64Array[] };
	/**
	 * Known values of `regressors` after each series' end (planned promotions): per regressor, series
	 * i's next `horizon` periods at [i·horizon, (i+1)·horizon); NaN = unknown. The deep models read
	 * them for the periods they forecast (src/ml/features.ts), else hold the last value.
	 */
	regressorsAhead?: { horizon: number; values: Float64Array[] };
	/**
	 * Category of each series ('' = none), when the query asked for it: a product too short to show
	 * its own yearly peak borrows its category's (src/core/forecast/batch.ts withSeason).
	 */
	categories?: string[];
	/**
	 * The sales of the batch's categories and of the whole shop ('__total__'), over the whole dataset
	 * (not only this batch's series) on the same periods, when the query asked for categories: what a
	 * short series borrows its yearly peak from, also when it is forecast alone (withSeason).
	 */
	groups?: SeriesBatch;
	/**
	 * The whole dataset's products launched after its data start, on the same periods (zeros before
	 * their first sale), with their categories, when a query of a few products asked for categories:
	 * what a product weeks old learns its launch curve from when forecast alone
	 * (src/core/forecast/launch.ts launchDonors).
	 */
	launches?: SeriesBatch;
}

/** Which edge periods of a series grid hold only part of their days (see series/calendar.ts). */
export interface PeriodEdges {
	/** The first period starts before the data does. */
	firstPartial: boolean;
	/** The data ends before the last period does. */
	lastPartial: boolean;
	/** First and last dates with data (UTC ms). */
	dateMin: number;
	dateMax: number;
	/**
	 * The first day of the grid's weeks when it is not Monday (series/week-start.ts): set by the data
	 * worker for a dataset whose weeks start on Sunday, so whatever cuts or extends the batch later
	 * (the plan's as-of date) keeps its weeks. Absent: Monday.
	 */
	weekStart?: WeekStart;
}

/**
 * The first day of a shop's weeks, as `Date.prototype.getUTCDay` numbers it: 0 Sunday, 1 Monday …
 * 6 Saturday (CLDR's firstDay; series/week-start.ts).
 */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Calendar frequency of a regular series. */
export type Frequency = 'day' | 'week' | 'month';
