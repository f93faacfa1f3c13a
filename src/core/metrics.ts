// Forecast accuracy metrics used by the backtest, the engine's leaderboard and the bench.
// Every function returns NaN (never ±Infinity) when a denominator is zero or an input is not finite,
// so a bad score is visible instead of silently winning or losing a comparison.
// References: Hyndman & Koehler (2006, IJF 22:679–688) for MASE; Makridakis, Spiliotis &
// Assimakopoulos (2020, IJF 36:54–74) for M4's sMAPE, MASE and OWA; M5 guidelines for RMSSE.

type Num = ArrayLike<number>;

function checkSameLength(a: Num, b: Num, what: string): void {
	if (a.length !== b.length)
		throw new RangeError(`${what}: lengths differ (${a.length} vs ${b.length})`);
}

/** Mean of the values; NaN for an empty input or any non-finite value. */
function meanOf(values: Num): number {
	if (values.length === 0) return NaN;
	let s = 0;
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) return NaN;
		s += values[i];
	}
	return s / values.length;
}

/** NaN unless x is finite. */
const finiteOrNaN = (x: number): number => (Number.isFinite(x) ? x : NaN);

/** Mean absolute error. */
export function mae(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'mae');
	return meanOf(Array.from(actual, (y, i) => Math.abs(y - forecast[i])));
}

/** Root mean squared error. */
export function rmse(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'rmse');
	return Math.sqrt(meanOf(Array.from(actual, (y, i) => (y - forecast[i]) ** 2)));
}

/** Mean absolute percentage error in percent; NaN if any actual is 0. */
export function mape(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'mape');
	return finiteOrNaN(
		meanOf(Array.from(actual, (y, i) => (100 * Math.abs(y - forecast[i])) / Math.abs(y))),
	);
}

/**
 * Symmetric MAPE as in M4, in [0, 200]: (200/h) Σ |y − ŷ| / (|y| + |ŷ|). A period where both
 * are 0 is a perfect forecast and counts 0 (M4 has no zeros; retail data does).
 */
export function smape(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'smape');
	return meanOf(
		Array.from(actual, (y, i) => {
			const f = forecast[i];
			const d = Math.abs(y) + Math.abs(f);
			if (d === 0 && Number.isFinite(y) && Number.isFinite(f)) return 0;
			return (200 * Math.abs(y - f)) / d;
		}),
	);
}

/** Mean absolute lag-m difference of the in-sample data (MASE scale); NaN if n ≤ m. */
export function naiveScale(insample: Num, m = 1): number {
	const lag = Math.max(1, Math.round(m));
	if (insample.length <= lag) return NaN;
	const d: number[] = [];
	for (let t = lag; t < insample.length; t++) d.push(Math.abs(insample[t] - insample[t - lag]));
	return meanOf(d);
}

/**
 * Mean absolute scaled error: MAE / (in-sample MAE of the seasonal naive with lag m). M4 uses m = 1
 * for weekly data. NaN when the scale is 0 (constant history) or undefined.
 */
export function mase(actual: Num, forecast: Num, insample: Num, m = 1): number {
	const scale = naiveScale(insample, m);
	if (!(scale > 0)) return NaN;
	return finiteOrNaN(mae(actual, forecast) / scale);
}

/** Root mean squared scaled error (M5): √(MSE / mean squared lag-m in-sample difference). */
export function rmsse(actual: Num, forecast: Num, insample: Num, m = 1): number {
	checkSameLength(actual, forecast, 'rmsse');
	const lag = Math.max(1, Math.round(m));
	if (insample.length <= lag) return NaN;
	const d: number[] = [];
	for (let t = lag; t < insample.length; t++) d.push((insample[t] - insample[t - lag]) ** 2);
	const scale = meanOf(d);
	if (!(scale > 0)) return NaN;
	const mse = meanOf(Array.from(actual, (y, i) => (y - forecast[i]) ** 2));
	return finiteOrNaN(Math.sqrt(mse / scale));
}

/** Weighted absolute percentage error Σ|y − ŷ| / Σ|y| (as a fraction); NaN if Σ|y| = 0. */
export function wape(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'wape');
	let num = 0;
	let den = 0;
	for (let i = 0; i < actual.length; i++) {
		num += Math.abs(actual[i] - forecast[i]);
		den += Math.abs(actual[i]);
	}
	if (!(den > 0)) return NaN;
	return finiteOrNaN(num / den);
}

/** Coefficient of determination 1 − SSE/SST; NaN when the actuals are constant. */
export function r2(actual: Num, forecast: Num): number {
	checkSameLength(actual, forecast, 'r2');
	const mean = meanOf(actual);
	let sse = 0;
	let sst = 0;
	for (let i = 0; i < actual.length; i++) {
		sse += (actual[i] - forecast[i]) ** 2;
		sst += (actual[i] - mean) ** 2;
	}
	if (!(sst > 0)) return NaN;
	return finiteOrNaN(1 - sse / sst);
}

/** Mean pinball (quantile) loss of the τ-quantile forecast q: mean of max(τ(y − q), (τ − 1)(y − q)). */
export function pinball(actual: Num, quantile: Num, tau: number): number {
	checkSameLength(actual, quantile, 'pinball');
	if (!(tau > 0 && tau < 1)) throw new RangeError(`pinball: tau must be in (0, 1), got ${tau}`);
	return meanOf(
		Array.from(actual, (y, i) => {
			const u = y - quantile[i];
			return Math.max(tau * u, (tau - 1) * u);
		}),
	);
}

/** Share of actuals inside [lower, upper] (inclusive), in [0, 1]; NaN for empty input. */
export function coverage(actual: Num, lower: Num, upper: Num): number {
	checkSameLength(actual, lower, 'coverage');
	checkSameLength(actual, upper, 'coverage');
	return meanOf(Array.from(actual, (y, i) => (y >= lower[i] && y <= upper[i] ? 1 : 0)));
}

/**
 * Mean scaled interval score (M4): mean over the horizon of (U − L) + (2/α)(L − y)·[y < L] +
 * (2/α)(y − U)·[y > U], divided by the in-sample MAE of the lag-m naive (the MASE scale), for the
 * (1 − α) interval [L, U]. NaN when that scale is 0 or undefined.
 */
export function msis(
	actual: Num,
	lower: Num,
	upper: Num,
	insample: Num,
	alpha = 0.05,
	m = 1,
): number {
	checkSameLength(actual, lower, 'msis');
	checkSameLength(actual, upper, 'msis');
	const scale = naiveScale(insample, m);
	if (!(scale > 0)) return NaN;
	const k = 2 / alpha;
	const s = meanOf(
		Array.from(actual, (y, i) => {
			const l = lower[i];
			const u = upper[i];
			return u - l + (y < l ? k * (l - y) : 0) + (y > u ? k * (y - u) : 0);
		}),
	);
	return finiteOrNaN(s / scale);
}

/**
 * Overall weighted average (M4): ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), each averaged over
 * all series beforehand. NaN when a Naive2 average is 0 or not finite.
 */
export function owa(
	smapeModel: number,
	maseModel: number,
	smapeNaive2: number,
	maseNaive2: number,
): number {
	if (!(smapeNaive2 > 0) || !(maseNaive2 > 0)) return NaN;
	return finiteOrNaN(0.5 * (smapeModel / smapeNaive2 + maseModel / maseNaive2));
}
