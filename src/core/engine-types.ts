// Result shapes of the forecasting engine (src/core/engine.ts), shared by the forecast worker, the CLI
// and the Forecast view.
import type { Message } from './messages';
import type { Outlier } from './series/outliers';
import type { SeasonalPrior } from './forecast/seasonal-prior';
import type { LaunchCurve } from './forecast/launch';
import type { SpikeCurve } from './forecast/spike';
import type { SeasonShrinkTarget } from './forecast/season-shrink';
import type { Interval } from './types';

/** Backtest scores of one model on one series (rolling origin, averaged over origins). */
export interface LeaderboardRow {
	model: string;
	mase: number;
	smape: number;
	wape: number;
	rmse: number;
	/** Share of held-out values inside the 80% / 95% intervals (after calibration). */
	coverage80: number;
	coverage95: number;
	/** Weight of this model in the combination (0 when not used). */
	weight: number;
}

/** Additive decomposition of the history, for explanation. */
export interface Decomposition {
	trend: Float64Array;
	seasonal: Float64Array;
	remainder: Float64Array;
	/** Share of variance explained by trend and by season, in [0, 1]. */
	trendStrength: number;
	seasonalStrength: number;
}

/**
 * Exogenous regressors (price, promotion, holiday flags, ...) for {@link AutoForecastOptions}: one
 * column per regressor, in `names` order. `history[i]` is aligned with the series (same length);
 * `future[i]` holds the values over the forecast horizon (length `horizon`).
 */
export interface Regressors {
	names: string[];
	history: Float64Array[];
	future: Float64Array[];
}

/** Fitted effect of one user regressor (regression coefficient, as summary.lm). */
export interface Driver {
	name: string;
	/** Change of the forecast per unit of the regressor. */
	estimate: number;
	stdError: number;
	/** Two-sided p-value of the t test that the effect is 0. */
	pValue: number;
}

export interface AutoForecastOptions {
	horizon: number;
	/** Seasonal period; 1 = no season. */
	season: number;
	/** 'auto' (default) lets the engine choose; or a list of model names to consider. */
	models?: 'auto' | string[];
	/** Interval levels in (0, 1); default [0.8, 0.95]. */
	levels?: number[];
	/** Rolling-origin backtest origins; default chosen from the series length. */
	origins?: number;
	/** Clamp forecasts and intervals at 0 (demand); default true. */
	nonNegative?: boolean;
	/** Also return a decomposition of the history; default false. */
	decompose?: boolean;
	/**
	 * Exogenous regressors; used by 'regression' (trend + Fourier + regressors) and 'arima'
	 * (regression with ARIMA errors), ignored by the other models.
	 */
	regressors?: Regressors;
	/**
	 * Replace one-off values (isolated spikes beyond forecast::tsoutliers' 3·IQR fences, see
	 * series/outliers.ts) by typical ones before fitting; default false. Either way they are
	 * reported in `outliers` and a note.
	 */
	cleanOutliers?: boolean;
	/**
	 * A season to borrow when the series is shorter than two seasons (src/core/forecast/seasonal-prior.ts:
	 * from the category or shop total, or the shipped retail profile): candidates on the
	 * deseasonalised series ('theta~season', 'ets~season') join the backtest, and a note says where
	 * the peak came from when they are chosen.
	 */
	seasonalPrior?: SeasonalPrior;
	/**
	 * Cross-learning of the season (src/core/forecast/season-shrink.ts): the category's or shop's
	 * sales without this product, on its periods. From a season and a half of history, Theta and ETS
	 * on the series divided by its own seasonal indices shrunk towards the group's (empirical Bayes)
	 * join the backtest ('theta~shrunk', 'ets~shrunk'); a note says so when they are chosen.
	 */
	seasonShrink?: SeasonShrinkTarget;
	/**
	 * With a list of `models`: also the borrowed- and shrunk-season variants ('ets~season',
	 * 'ets~shrunk', 'theta~…') of the listed models that have them, where `seasonalPrior` /
	 * `seasonShrink` apply to the series, as the automatic choice adds them (the app's quick method:
	 * engine.ts QUICK_CHOICE). Default false: the list alone.
	 */
	seasonVariants?: boolean;
	/**
	 * A product launched after the data starts (at least 4 zeros before its first sale):
	 * 'fit' (default, see LAUNCH_DEFAULT in engine.ts) fits and judges the models from the first
	 * sale; 'classify' only judges intermittent demand on its sales since launch; false ignores
	 * launches.
	 */
	trimLaunch?: 'classify' | 'fit' | false;
	/**
	 * How the shop's earlier launches went on after their first weeks (src/core/forecast/launch.ts,
	 * learned from the batch: batchLaunchCurves). A product launched after the data starts and only
	 * 1–7 periods old gets this curve (model 'launch') instead of the short-series fallback, with a note.
	 */
	launchCurve?: LaunchCurve;
	/**
	 * A series too short to backtest (fewer than h + 4 points, at least 8) gets the median of theta,
	 * naive and ETS instead of theta alone (src/core/forecast/short-fallback.ts); false: the
	 * single fallback alone (to measure the rule). Default true.
	 */
	shortMedian?: boolean;
	/**
	 * A series too short to backtest with a zero and a sale in its last 8 values gets a flat recent
	 * level of them (short-fallback.ts RecentLevelModel): 'median', 'trimmed' (mean without the
	 * largest) or 'off' (the fallback as before). Default engine.ts SHORT_LEVEL.
	 */
	shortLevel?: 'off' | 'median' | 'trimmed';
	/**
	 * Model intervals of a history too short to calibrate are narrowed to its ordinary weeks' spread
	 * where one-off values dominate its one-step changes (engine.ts ROBUST_RANGE_RATIO); false: the
	 * models' own. Default engine.ts ROBUST_SHORT_RANGE (false: it failed its coverage rule).
	 */
	robustShortRange?: boolean;
	/**
	 * Model intervals of a history too short to calibrate (not intermittent) have their upper ends
	 * capped at SHORT_CAP_80 / SHORT_CAP_95 × the larger of the best period sold and the point
	 * (engine.ts capShortRange), with a note; 'one-origin': also intervals calibrated on a single
	 * backtest origin; false: the models' own. Default engine.ts SHORT_RANGE_CAP.
	 */
	shortRangeCap?: boolean | 'one-origin';
	/**
	 * Calibrated ranges of a series whose level at a backtest origin was at least FALL_RATIO × today's
	 * are sized to today's level, with a note (engine.ts fallScores): 'level' = errors as a share of
	 * their origin's level; 'sqrt' = over the square root of it, only where every origin's training
	 * window holds LEVEL_WINDOW values (levels: medians); 'sqrt-screened' = as 'sqrt' with levels the
	 * means of those values less the outlier screen's one-off weeks; 'sqrt-persistent' = as
	 * 'sqrt-screened' only where no value of the last LEVEL_WINDOW is above FALL_RATIO × today's level;
	 * false: the normalised scores as for every series. Default engine.ts FALL_RANGE.
	 */
	fallRange?: false | 'level' | 'sqrt' | 'sqrt-screened' | 'sqrt-persistent';
	/**
	 * A series too short to backtest that is past its peak and falling (its largest value ≥ 2 periods
	 * back, its last below 0.8 × it: a product weeks after its launch hype) gets the mean of its last
	 * value and a damped decay from it, with a note, instead of the mean of its last few values ('ma',
	 * under 8 points) or the median of theta, naive and ETS (src/core/forecast/short-fallback.ts
	 * pastPeakFallback); false: those as before (to measure the rule). Default true.
	 */
	pastPeak?: boolean;
	/**
	 * Level shifts (src/core/forecast/level-shift.ts): where the history ends on a lasting new level,
	 * the automatic choice also tries Theta and ETS without the level before the shift ('theta~shift',
	 * 'ets~shift'): 'trim' fits them on the points since the shift, 'adjust' moves the points before it
	 * to the new level; false: not tried. Default LEVEL_SHIFT_DEFAULT (decided at validation,
	 * tests/bench/results/RESULTS.md "Level shifts").
	 */
	levelShift?: 'trim' | 'adjust' | false;
	/**
	 * How much of a spike lasted in the shop's earlier spikes (src/core/forecast/spike.ts,
	 * batchSpikeCurve). A series ending on a spike (1–2 periods ≥ 3× the median of the 8 before) is
	 * fitted with the spike at that median, and the curve's share of its excess is added back, with
	 * a note. Opt-in: measured on StockX and online retail only (tests/bench/results/RESULTS.md v2.3).
	 */
	spikeCurve?: SpikeCurve;
	/** The caller's id of the series, passed to registered candidates (CandidateContext.seriesId). */
	seriesId?: string;
}

export interface AutoForecastResult {
	/** Name of what is forecast: one model, or e.g. 'combo(ets,theta,arima)'. */
	model: string;
	point: Float64Array;
	intervals: Interval[];
	leaderboard: LeaderboardRow[];
	/** True when the series was classified as intermittent (ADI ≥ 1.32). */
	intermittent: boolean;
	decomposition?: Decomposition;
	/** One-off values found in the history (index into the input series); replaced if cleanOutliers. */
	outliers?: Outlier[];
	/** Notes for the user as message codes (engine_note_*; words in src/lib/i18n/catalog/forecast.ts). */
	notes: Message[];
	/**
	 * Effects of the user regressors from a regression (trend, Fourier terms and the regressors)
	 * fitted on the whole series; present when regressors were given and could be fitted.
	 */
	drivers?: Driver[];
}
