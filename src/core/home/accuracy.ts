// How well did the forecast do lately? Forecasts are remade from the data before each of the last few
// origins (as they would have been made then) and compared with what sold since, then said in plain
// words: "usually within ±12 %". Pure; the forecaster is passed in (the engine in the home worker, a
// known rule in the tests).
import type { Message } from '../messages';
import { msg } from '../messages';

/** Forecast the next `h` values from history `y`. */
export type Forecaster = (y: Float64Array, h: number) => ArrayLike<number>;

/** One forecast made in the past, checked against what happened. */
export interface OriginCheck {
	/** Index of the first forecast period in the series (the forecast used y[0..origin)). */
	origin: number;
	/** Periods between the origin and the end of the data (the forecast was made this many periods ago). */
	periodsAgo: number;
	/** Sum of the forecast and of the actual values over the horizon. */
	forecast: number;
	actual: number;
	/** (forecast − actual) ÷ actual. */
	error: number;
}

export interface PastAccuracy {
	horizon: number;
	/** Latest origin first. */
	checks: OriginCheck[];
	/** Median absolute error over the checks (0.12 = "usually within ±12 %"). */
	typical: number;
	/** Every check erred the same way by more than 5 % on average: 'high' or 'low'; else null. */
	bias: 'high' | 'low' | null;
}

export interface AccuracyOptions {
	/** Periods each past forecast covers (default 4). */
	horizon?: number;
	/** How many past origins to check, one period apart (default 6). */
	origins?: number;
	/** Least history before an origin (default 2·horizon, at least 8). */
	minHistory?: number;
}

const sumOf = (a: ArrayLike<number>, from: number, to: number): number => {
	let s = 0;
	for (let i = from; i < to; i++) s += Number.isFinite(a[i]) ? a[i] : 0;
	return s;
};

function median(v: number[]): number {
	const s = [...v].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Rolling-origin check of the last few forecasts: origin o = n − h − j (j = 0 … origins − 1), each
 * forecast made from y[0..o) for y[o..o+h). Origins whose actual total is 0 cannot give a percentage
 * and are skipped. Null when no origin can be checked.
 */
export function pastAccuracy(
	y: Float64Array,
	forecast: Forecaster,
	opts: AccuracyOptions = {},
): PastAccuracy | null {
	const h = Math.max(1, Math.round(opts.horizon ?? 4));
	const k = Math.max(1, Math.round(opts.origins ?? 6));
	const minHistory = opts.minHistory ?? Math.max(8, 2 * h);
	const n = y.length;
	const checks: OriginCheck[] = [];
	for (let j = 0; j < k; j++) {
		const o = n - h - j;
		if (o < minHistory) break;
		const actual = sumOf(y, o, o + h);
		if (!(actual > 0)) continue;
		const f = forecast(y.slice(0, o), h);
		const fc = sumOf(f, 0, Math.min(h, f.length));
		checks.push({
			origin: o,
			periodsAgo: n - o,
			forecast: fc,
			actual,
			error: (fc - actual) / actual,
		});
	}
	if (checks.length === 0) return null;
	const typical = median(checks.map((c) => Math.abs(c.error)));
	const meanErr = checks.reduce((a, c) => a + c.error, 0) / checks.length;
	const sameSign = checks.every((c) => c.error > 0) || checks.every((c) => c.error < 0);
	const bias =
		checks.length >= 3 && sameSign && Math.abs(meanErr) > 0.05
			? meanErr > 0
				? 'high'
				: 'low'
			: null;
	return { horizon: h, checks, typical, bias };
}

/** Σ|forecast − actual| ÷ Σ actual over many products (pooled WAPE); NaN when nothing sold. */
export function pooledError(pairs: readonly { forecast: number; actual: number }[]): number {
	let err = 0;
	let act = 0;
	for (const p of pairs) {
		err += Math.abs(p.forecast - p.actual);
		act += p.actual;
	}
	return act > 0 ? err / act : NaN;
}

/** A share as a whole percent for a sentence (0.123 → 12; below 1 % says 1). */
export const wholePercent = (x: number): number =>
	x > 0 && x < 0.01 ? 1 : Math.round(Math.abs(x) * 100);

/**
 * The accuracy in plain words: how close the forecasts usually were, and the latest one against what
 * sold. Codes: home_accuracy_usual, home_accuracy_bias_high/low, home_accuracy_latest_more/less/close/exact.
 */
export function accuracyMessages(a: PastAccuracy): Message[] {
	const out: Message[] = [
		msg('home_accuracy_usual', {
			pct: wholePercent(a.typical),
			h: a.horizon,
			n: a.checks.length,
		}),
	];
	if (a.bias) out.push(msg(`home_accuracy_bias_${a.bias}`, { n: a.checks.length }));
	const last = a.checks[0];
	// "N sold, X% more / less" is said against what was expected, so X is the miss as a share of the
	// forecast (1,033 expected, 205 sold is 80 % less, never "404 % less"; 100 expected, 150 sold is
	// 50 % more), not the error's share of the sales. With nothing expected there is no percent.
	const miss = last.forecast > 0 ? (last.actual - last.forecast) / last.forecast : 0;
	const diff = wholePercent(Math.abs(miss));
	// a miss under half a percent would round up to "1% less" (387,861 expected, 387,609 sold is 0.07 %):
	// say "within 1%" instead of a percent four times too big
	const close = diff > 0 && Math.round(Math.abs(miss) * 100) === 0;
	out.push(
		msg(
			diff === 0 || !(last.forecast > 0)
				? 'home_accuracy_latest_exact'
				: close
					? 'home_accuracy_latest_close'
					: last.actual > last.forecast
						? 'home_accuracy_latest_more'
						: 'home_accuracy_latest_less',
			{
				ago: last.periodsAgo,
				h: a.horizon,
				forecast: Math.round(last.forecast),
				actual: Math.round(last.actual),
				pct: diff,
			},
		),
	);
	return out;
}
