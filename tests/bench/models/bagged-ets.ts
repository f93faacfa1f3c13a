// Bagged ETS (Bergmeir, Hyndman & Benítez 2016, IJF 32:303–312; forecast::baggedETS): Box–Cox
// transform (λ by Guerrero's method in [0, 1]), STL decomposition, moving-block bootstrap of the
// remainder (blocks of 2m), each bootstrapped series back-transformed and forecast by ETS; the point
// forecast is the median over the bootstrapped series (the original series included). Where
// forecast::baggedETS selects an ETS model for each of 100 series, this fits the original series'
// selected specification to each bootstrapped one (AutoETS screen 1) with fewer series, for cost.
import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	PredictOptions,
} from '../../../src/core/types';
import { AutoETS } from '../../../src/core/models/ets';
import { stl } from '../../../src/core/series/stl';
import { checkHorizon, checkSeries } from '../../../src/core/models/model-utils';

/** Bootstrapped series per fit (the original one included). */
export const BAGS = 10;

/** Box–Cox transform (λ = 0: log). */
export function boxCox(y: ArrayLike<number>, lambda: number): Float64Array {
	return Float64Array.from(y, (v) => (lambda === 0 ? Math.log(v) : (v ** lambda - 1) / lambda));
}
/** Inverse Box–Cox transform. */
export function invBoxCox(x: ArrayLike<number>, lambda: number): Float64Array {
	return Float64Array.from(x, (v) =>
		lambda === 0 ? Math.exp(v) : Math.max(0, lambda * v + 1) ** (1 / lambda),
	);
}

/**
 * Guerrero's λ as forecast::BoxCox.lambda(method = 'guerrero', lower = 0, upper = 1): the λ in
 * [0, 1] minimising the coefficient of variation of sd/mean^(1−λ) over the last complete seasons.
 */
export function guerreroLambda(y: ArrayLike<number>, m: number): number {
	const period = Math.max(2, Math.round(m));
	const n = y.length;
	const years = Math.floor(n / period);
	if (years < 2) return 1;
	const start = n - years * period;
	const mu: number[] = [];
	const sd: number[] = [];
	for (let k = 0; k < years; k++) {
		let s = 0;
		for (let j = 0; j < period; j++) s += y[start + k * period + j];
		const mean = s / period;
		let v = 0;
		for (let j = 0; j < period; j++) v += (y[start + k * period + j] - mean) ** 2;
		mu.push(mean);
		sd.push(Math.sqrt(v / (period - 1)));
	}
	const cv = (lam: number): number => {
		const rat = sd.map((s, k) => s / mu[k] ** (1 - lam));
		const mean = rat.reduce((a, b) => a + b, 0) / rat.length;
		const v = rat.reduce((a, b) => a + (b - mean) ** 2, 0) / (rat.length - 1);
		return Math.sqrt(v) / mean;
	};
	let best = 1;
	let bestV = Infinity;
	for (let i = 0; i <= 100; i++) {
		const lam = i / 100;
		const v = cv(lam);
		if (Number.isFinite(v) && v < bestV) {
			bestV = v;
			best = lam;
		}
	}
	return best;
}

/** Small seeded generator (mulberry32). */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Moving-block bootstrap of x (forecast:::MBB): random blocks of `bs`, a random offset, length n. */
function mbb(x: Float64Array, bs: number, rand: () => number): Float64Array {
	const n = x.length;
	const blocks = Math.floor(n / bs) + 2;
	const all: number[] = [];
	for (let b = 0; b < blocks; b++) {
		const s = Math.floor(rand() * (n - bs + 1));
		for (let j = 0; j < bs; j++) all.push(x[s + j]);
	}
	const off = Math.floor(rand() * bs);
	return Float64Array.from(all.slice(off, off + n));
}

/**
 * Bootstrapped versions of y (forecast::bld.mbb.bootstrap): the first is y itself; the others are
 * trend + season + a block-bootstrapped remainder of y's STL decomposition on the Box–Cox scale.
 */
export function bootstrapSeries(
	y: Float64Array,
	m: number,
	count: number,
	seed = 1,
): Float64Array[] {
	const positive = y.every((v) => v > 0);
	const lambda = positive ? guerreroLambda(y, m) : 1;
	const x = positive ? boxCox(y, lambda) : Float64Array.from(y);
	const d = stl(x, m, { sWindow: 'periodic' });
	const bs = Math.min(2 * m, Math.floor(y.length / 2));
	const rand = rng(seed + y.length * 7919);
	const out: Float64Array[] = [Float64Array.from(y)];
	for (let b = 1; b < count; b++) {
		const r = mbb(d.remainder, bs, rand);
		const xb = x.map((_, t) => d.trend[t] + d.seasonal[t] + r[t]);
		out.push(positive ? invBoxCox(xb, lambda) : xb);
	}
	return out;
}

/** Bagged ETS for seasonal series (1 < m ≤ 24, n > 2m). */
export class BaggedETS implements Forecaster {
	readonly name = 'bets';
	readonly #bags: number;
	/** One AutoETS shared by every fit of this instance: it selects once, on the first (oldest) window. */
	readonly #ets = new AutoETS({ screen: 1 });

	constructor(opts: { bags?: number } = {}) {
		this.#bags = opts.bags ?? BAGS;
	}

	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'bets');
		const m = Math.round(opts?.season ?? 1);
		if (m <= 1 || m > 24 || y.length <= 2 * m)
			throw new RangeError('bets: needs a season of 2–24 and more than two seasons');
		const series = bootstrapSeries(y, m, this.#bags);
		const fits = series.map((s) => this.#ets.fit(s, { season: m }));
		const first = fits[0];
		const name = this.name;
		return {
			name,
			predict(horizon: number, popts: PredictOptions = {}): Forecast {
				const h = checkHorizon(horizon);
				const base = first.predict(h, popts);
				const fs = fits.map((f, i) => (i === 0 ? base.point : f.predict(h).point));
				const point = new Float64Array(h);
				for (let j = 0; j < h; j++) {
					const v = fs.map((f) => f[j]).sort((a, b) => a - b);
					const mid = v.length >> 1;
					point[j] = v.length % 2 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
				}
				// the original fit's intervals, moved with the point forecast
				const intervals = base.intervals.map((iv) => ({
					...iv,
					lower: iv.lower.map((v, j) => v + point[j] - base.point[j]),
					upper: iv.upper.map((v, j) => v + point[j] - base.point[j]),
				}));
				return { point, intervals };
			},
			predictInSample: () => first.predictInSample(),
			toState: () => ({ model: name, params: { bags: fits.length } }),
		};
	}
}
