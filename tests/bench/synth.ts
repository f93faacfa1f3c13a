// Synthetic retail-like weekly sales for pretraining the shipped deep model (tests/bench/deep.ts
// `--pretrain synth,…`): licence-free series in the spirit of ForecastPFN (Dooley et al. 2023,
// NeurIPS, "ForecastPFN: Synthetically-Trained Zero-Shot Forecasting": trend × seasonality × noise
// drawn from priors) and Chronos' KernelSynth (Ansari et al. 2024, "Chronos: Learning the Language of
// Time Series", §4.2: random compositions of simple parts). Each series is a latent weekly rate
//   rate_t = level · exp(trend_t + season_t + holidays_t + shift_t + walk_t) · launch_t · end_t
// observed as counts (negative binomial, so slow sellers are intermittent) or, at high rates, with
// multiplicative log-normal noise; a few one-off giant orders. Parts, each drawn per series:
//   level        log-uniform 0.05 … 5,000 a week (slow movers to best sellers) for 3 in 4 series,
//                5,000 … 2,000,000 (a shop's or a store's total) for the rest
//   trend        a log-linear slope with one possible change point
//   yearly       3 Fourier pairs of the day of year + a Q4 peak (late Nov – Dec) for most series, a
//                summer peak (swimwear) for some; a January dip after Christmas
//   holidays     Black Friday / Cyber week, Christmas week, Valentine's, Mother's Day (UK, US) spikes
//   launch       zeros before a launch inside the series, a ramp-up and a hype that decays
//   end of life  a decline to zero (discontinued products)
//   level shift  a step in the level (a new channel, lost listing)
//   walk         a random walk in log-level (slowly changing popularity)
//   outliers     one-off weeks of 5–30× (a wholesale order)
// Dates are real Mondays (2012–2025), so the model's day-of-year, holiday and Q4 features line up with
// the parts above. Deterministic: everything draws from one mulberry32 stream per series, seeded
// from (seed, series index), so a series does not depend on how many others are generated.

import type { SeriesBatch } from '../../src/core/types';
import { rng } from '../../src/ml/features';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const YEAR_DAYS = 365.2425;

/** Options of {@link synthWeekly}. */
export interface SynthOptions {
	/** Number of series. */
	n: number;
	/** Seed of the whole set (default 1). */
	seed?: number;
	/** Shortest and longest series in weeks (default 30 and 160). */
	minWeeks?: number;
	maxWeeks?: number;
}

/** One series' random stream, seeded from the set's seed and its index. */
function stream(
	seed: number,
	i: number,
): {
	u: () => number;
	normal: () => number;
	gamma: (shape: number) => number;
	poisson: (lambda: number) => number;
	chance: (p: number) => boolean;
	between: (a: number, b: number) => number;
} {
	const u = rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
	// warm up: mulberry32 streams of nearby seeds start correlated
	for (let k = 0; k < 4; k++) u();
	const normal = (): number => {
		const a = Math.max(u(), 1e-12);
		return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
	};
	// Marsaglia & Tsang (2000) gamma(shape, 1); shape < 1 by the boost u^(1/shape)
	const gamma = (shape: number): number => {
		if (shape < 1) return gamma(shape + 1) * Math.pow(Math.max(u(), 1e-12), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			const w = u();
			if (w < 1 - 0.0331 * x * x * x * x) return d * v;
			if (Math.log(Math.max(w, 1e-300)) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
		}
	};
	const poisson = (lambda: number): number => {
		if (lambda <= 0) return 0;
		if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
		const l = Math.exp(-lambda);
		let k = 0;
		let p = 1;
		do {
			k++;
			p *= u();
		} while (p > l);
		return k - 1;
	};
	return {
		u,
		normal,
		gamma,
		poisson,
		chance: (p) => u() < p,
		between: (a, b) => a + (b - a) * u(),
	};
}

/** Day of the year (0-based, fractional) of a UTC time. */
const dayOfYear = (t: number): number => {
	const d = new Date(t);
	return (t - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS;
};

/** UTC time of the n-th (1-based) given weekday (0 = Sunday) of a month; n = -1: the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
	if (n > 0) {
		const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
		return Date.UTC(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1));
	}
	const lastDay = new Date(Date.UTC(year, month + 1, 0));
	return lastDay.getTime() - ((lastDay.getUTCDay() - weekday + 7) % 7) * DAY_MS;
}

/** Whether [start, start + 7 days) contains `t`. */
const inWeek = (start: number, t: number): boolean => t >= start && t < start + WEEK_MS;

/** Holiday days of a year that move sales (each series reacts to a random subset). */
function holidays(year: number): Record<string, number> {
	const thanksgiving = nthWeekday(year, 10, 4, 4);
	return {
		blackFriday: thanksgiving + DAY_MS,
		cyberMonday: thanksgiving + 4 * DAY_MS,
		christmas: Date.UTC(year, 11, 25),
		preChristmas: Date.UTC(year, 11, 16),
		valentine: Date.UTC(year, 1, 14),
		mothersUS: nthWeekday(year, 4, 0, 2),
		singlesDay: Date.UTC(year, 10, 11),
	};
}

/** Weekly retail-like series (see the file comment): a SeriesBatch with Monday period starts. */
export function synthWeekly(opts: SynthOptions): SeriesBatch {
	const seed = opts.seed ?? 1;
	const minW = Math.max(8, Math.floor(opts.minWeeks ?? 30));
	const maxW = Math.max(minW, Math.floor(opts.maxWeeks ?? 160));
	const ids: string[] = [];
	const ys: Float64Array[] = [];
	const dss: Float64Array[] = [];
	// the Monday 2025-12-29; series end on a random Monday of 2016–2025
	const lastMonday = Date.UTC(2025, 11, 29);
	for (let i = 0; i < opts.n; i++) {
		const r = stream(seed, i);
		const len = Math.floor(r.between(minW, maxW + 1));
		const end = lastMonday - Math.floor(r.u() * 520) * WEEK_MS;
		const ds = Float64Array.from({ length: len }, (_, t) => end - (len - 1 - t) * WEEK_MS);
		// most series a product's weekly units, a quarter a shop's or a store's total (Walmart ~1.5M)
		const logLevel = r.chance(0.75)
			? r.between(Math.log(0.05), Math.log(5000))
			: r.between(Math.log(5000), Math.log(2e6));
		const level = Math.exp(logLevel);
		// trend: slope per week in log units, one possible change point
		const slope0 = r.normal() * 0.006;
		const cp = r.chance(0.35) ? Math.floor(r.u() * len) : len;
		const slope1 = r.chance(0.5) ? r.normal() * 0.01 : slope0 * r.between(-1, 0.5);
		// yearly season: Fourier terms + a Q4 / summer peak + January dip
		const amp = r.chance(0.8) ? r.between(0, 0.35) : 0;
		const coef = Array.from({ length: 6 }, () => (r.normal() * amp) / Math.sqrt(3));
		const q4 = r.chance(0.7) ? r.between(0.2, 1.6) : 0;
		const q4Centre = r.between(325, 355); // late November … late December
		const q4Width = r.between(8, 30);
		const summer = r.chance(0.15) ? r.between(0.3, 1.2) : 0;
		const summerCentre = r.between(150, 215);
		const janDip = r.chance(0.5) ? r.between(0, 0.6) : 0;
		// holidays each series reacts to, with their size (log units)
		const react = {
			blackFriday: r.chance(0.45) ? r.between(0.2, 1.2) : 0,
			cyberMonday: r.chance(0.25) ? r.between(0.1, 0.6) : 0,
			christmas: r.chance(0.5) ? r.between(-0.8, 0.3) : 0,
			preChristmas: r.chance(0.35) ? r.between(0.1, 0.8) : 0,
			valentine: r.chance(0.15) ? r.between(0.2, 1) : 0,
			mothersUS: r.chance(0.1) ? r.between(0.2, 0.8) : 0,
			singlesDay: r.chance(0.1) ? r.between(0.2, 1.2) : 0,
		};
		// launch inside the series: zeros before, ramp-up, hype decaying to the base level
		const launch = r.chance(0.35) ? Math.floor(r.u() * len * 0.7) : -1;
		const ramp = Math.floor(r.between(0, 4));
		const hype = r.chance(0.6) ? Math.exp(r.between(0, Math.log(8))) - 1 : 0;
		const hypeDecay = r.between(1.5, 20);
		// end of life
		const eol = r.chance(0.1) ? Math.floor(r.between(0.5, 0.95) * len) : len;
		const eolSpeed = r.between(2, 12);
		// level shift
		const shiftAt = r.chance(0.25) ? Math.floor(r.u() * len) : len;
		const shift = r.normal() * 0.6;
		// random walk in log level
		const walkSd = r.chance(0.4) ? r.between(0.01, 0.1) : 0;
		// observation noise: negative binomial dispersion (counts) / log-normal sd (large rates)
		const nbShape = Math.exp(r.between(Math.log(0.5), Math.log(50)));
		const logSd = r.between(0.03, 0.35);
		const ar = r.between(0, 0.8);
		const outliers = r.chance(0.12) ? 1 + Math.floor(r.u() * 2) : 0;
		const y = new Float64Array(len);
		let walk = 0;
		let eps = 0;
		const years = new Map<number, Record<string, number>>();
		for (let t = 0; t < len; t++) {
			const when = ds[t];
			const year = new Date(when).getUTCFullYear();
			const mid = when + 3.5 * DAY_MS;
			const doy = dayOfYear(mid);
			const w = (2 * Math.PI * doy) / YEAR_DAYS;
			let log =
				(t < cp ? slope0 * t : slope0 * cp + slope1 * (t - cp)) +
				coef[0] * Math.sin(w) +
				coef[1] * Math.cos(w) +
				coef[2] * Math.sin(2 * w) +
				coef[3] * Math.cos(2 * w) +
				coef[4] * Math.sin(3 * w) +
				coef[5] * Math.cos(3 * w);
			// circular distance in days to the peak centres
			const dist = (c: number): number => {
				const d = Math.abs(doy - c);
				return Math.min(d, YEAR_DAYS - d);
			};
			log += q4 * Math.exp(-0.5 * (dist(q4Centre) / q4Width) ** 2);
			log += summer * Math.exp(-0.5 * (dist(summerCentre) / 25) ** 2);
			if (doy < 21) log -= janDip;
			for (const y0 of [year - 1, year, year + 1]) {
				if (!years.has(y0)) years.set(y0, holidays(y0));
				const days = years.get(y0)!;
				for (const [name, size] of Object.entries(react))
					if (size !== 0 && inWeek(when, days[name])) log += size;
			}
			if (t >= shiftAt) log += shift;
			walk += walkSd * r.normal();
			log += walk;
			let mult = 1;
			if (launch >= 0) {
				if (t < launch) mult = 0;
				else {
					const age = t - launch;
					mult =
						(ramp > 0 ? Math.min(1, (age + 1) / (ramp + 1)) : 1) *
						(1 + hype * Math.exp(-age / hypeDecay));
				}
			}
			if (t >= eol) mult *= Math.exp(-(t - eol) / eolSpeed);
			const rate = level * Math.exp(log) * mult;
			if (rate < 200) {
				// negative binomial: Poisson with a gamma-distributed rate (mean rate)
				const lam = rate > 0 ? (rate * r.gamma(nbShape)) / nbShape : 0;
				y[t] = r.poisson(lam);
			} else {
				eps = ar * eps + Math.sqrt(1 - ar * ar) * logSd * r.normal();
				y[t] = Math.round(rate * Math.exp(eps - (logSd * logSd) / 2));
			}
		}
		for (let k = 0; k < outliers; k++) {
			const t = Math.floor(r.u() * len);
			if (y[t] > 0 || launch < 0 || t >= launch)
				y[t] = Math.round(Math.max(y[t], 1) * r.between(5, 30));
		}
		ids.push(`synth-${seed}-${i}`);
		ys.push(y);
		dss.push(ds);
	}
	const indptr = new Int32Array(opts.n + 1);
	ys.forEach((y, i) => (indptr[i + 1] = indptr[i] + y.length));
	const y = new Float64Array(indptr[opts.n]);
	const ds = new Float64Array(indptr[opts.n]);
	ys.forEach((v, i) => {
		y.set(v, indptr[i]);
		ds.set(dss[i], indptr[i]);
	});
	return { ids, indptr, ds, y };
}

/** Chinese New Year's day (UTC) of the years the monthly series span. */
const CNY: Record<number, [number, number]> = {
	2010: [1, 14],
	2011: [1, 3],
	2012: [0, 23],
	2013: [1, 10],
	2014: [0, 31],
	2015: [1, 19],
	2016: [1, 8],
	2017: [0, 28],
	2018: [1, 16],
	2019: [1, 5],
	2020: [0, 25],
	2021: [1, 12],
	2022: [1, 1],
	2023: [0, 22],
	2024: [1, 10],
	2025: [0, 29],
	2026: [1, 17],
};

/** Share of the days [from, to) that fall in the month starting at `start` (UTC ms). */
function shareInMonth(start: number, from: number, to: number): number {
	const d = new Date(start);
	const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
	const overlap = Math.max(0, Math.min(end, to) - Math.max(start, from));
	return overlap / (to - from);
}

/** Options of {@link synthMonthly}. */
export interface SynthMonthlyOptions {
	/** Number of series. */
	n: number;
	/** Seed of the whole set (default 1). */
	seed?: number;
	/** Shortest and longest series in months (default 8 and 96). */
	minMonths?: number;
	maxMonths?: number;
}

/**
 * Monthly retail-like series (the pretraining corpus of the shipped monthly start,
 * public/models/pretrained-month.*): the weekly generator's parts at a monthly step — a latent rate
 *   rate_t = level · exp(trend_t + season_t + festivals_t + shift_t + walk_t) · launch_t · end_t
 * observed as negative-binomial counts (slow sellers) or with log-normal noise. Parts, per series:
 *   level      log-uniform 1 … 20,000 a month for 3 in 4 series, 20,000 … 8,000,000 (shop totals)
 *   trend      a log-linear slope with one possible change point (a trend change)
 *   yearly     2 Fourier pairs of the month + a December / Q4 peak for most series, a summer peak for
 *              some, a January dip
 *   festivals  Chinese New Year (the 年货节 weeks before it lift, the holiday week itself dips; split
 *              over the months by days, so it moves between January and February), 618 (June),
 *              11.11 and Black Friday (November), each series reacting to a random subset
 *   launch     zeros before a launch inside the series, a ramp-up and a hype that decays (months)
 *   end of life a decline to zero; level shift; random walk; one-off giant orders
 * Dates are real month starts (series end in 2016–2025). Deterministic per (seed, series index).
 */
export function synthMonthly(opts: SynthMonthlyOptions): SeriesBatch {
	const seed = opts.seed ?? 1;
	const minM = Math.max(4, Math.floor(opts.minMonths ?? 8));
	const maxM = Math.max(minM, Math.floor(opts.maxMonths ?? 96));
	const ids: string[] = [];
	const ys: Float64Array[] = [];
	const dss: Float64Array[] = [];
	for (let i = 0; i < opts.n; i++) {
		const r = stream(seed ^ 0x6d6f6e74, i);
		const len = Math.floor(r.between(minM, maxM + 1));
		// last month: December 2025 minus 0 … 119 months
		const endIndex = 2025 * 12 + 11 - Math.floor(r.u() * 120);
		const monthStart = (k: number): number => Date.UTC(Math.floor(k / 12), k % 12, 1);
		const ds = Float64Array.from({ length: len }, (_, t) => monthStart(endIndex - (len - 1 - t)));
		const logLevel = r.chance(0.75)
			? r.between(Math.log(1), Math.log(20000))
			: r.between(Math.log(20000), Math.log(8e6));
		const level = Math.exp(logLevel);
		const slope0 = r.normal() * 0.025;
		const cp = r.chance(0.35) ? Math.floor(r.u() * len) : len;
		const slope1 = r.chance(0.5) ? r.normal() * 0.04 : slope0 * r.between(-1, 0.5);
		const amp = r.chance(0.8) ? r.between(0, 0.3) : 0;
		const coef = Array.from({ length: 4 }, () => (r.normal() * amp) / Math.sqrt(2));
		const dec = r.chance(0.7) ? r.between(0.15, 1.2) : 0;
		const novShare = r.between(0, 0.7);
		const summer = r.chance(0.15) ? r.between(0.2, 0.9) : 0;
		const summerMonth = Math.floor(r.between(5, 8));
		const janDip = r.chance(0.5) ? r.between(0, 0.5) : 0;
		const react = {
			cnyBefore: r.chance(0.3) ? r.between(0.1, 0.8) : 0,
			cnyHoliday: r.chance(0.3) ? r.between(-1.2, -0.1) : 0,
			m618: r.chance(0.25) ? r.between(0.1, 0.9) : 0,
			singles: r.chance(0.3) ? r.between(0.1, 1.2) : 0,
			blackFriday: r.chance(0.3) ? r.between(0.05, 0.5) : 0,
		};
		const launch = r.chance(0.35) ? Math.floor(r.u() * len * 0.7) : -1;
		const ramp = Math.floor(r.between(0, 3));
		const hype = r.chance(0.5) ? Math.exp(r.between(0, Math.log(5))) - 1 : 0;
		const hypeDecay = r.between(0.7, 6);
		const eol = r.chance(0.1) ? Math.floor(r.between(0.5, 0.95) * len) : len;
		const eolSpeed = r.between(0.7, 4);
		const shiftAt = r.chance(0.25) ? Math.floor(r.u() * len) : len;
		const shift = r.normal() * 0.5;
		const walkSd = r.chance(0.4) ? r.between(0.02, 0.15) : 0;
		const nbShape = Math.exp(r.between(Math.log(0.5), Math.log(50)));
		const logSd = r.between(0.03, 0.3);
		const ar = r.between(0, 0.6);
		const outliers = r.chance(0.08) ? 1 : 0;
		const y = new Float64Array(len);
		let walk = 0;
		let eps = 0;
		for (let t = 0; t < len; t++) {
			const start = ds[t];
			const d = new Date(start);
			const year = d.getUTCFullYear();
			const month = d.getUTCMonth();
			const w = (2 * Math.PI * (month + 0.5)) / 12;
			let log =
				(t < cp ? slope0 * t : slope0 * cp + slope1 * (t - cp)) +
				coef[0] * Math.sin(w) +
				coef[1] * Math.cos(w) +
				coef[2] * Math.sin(2 * w) +
				coef[3] * Math.cos(2 * w);
			if (month === 11) log += dec;
			if (month === 10) log += dec * novShare;
			if (month === summerMonth) log += summer;
			if (month === 0) log -= janDip;
			if (month === 5) log += react.m618;
			if (month === 10) log += react.singles + react.blackFriday;
			for (const y0 of [year, year + 1]) {
				const c = CNY[y0];
				if (!c) continue;
				const day = Date.UTC(y0, c[0], c[1]);
				log += react.cnyBefore * 1.5 * shareInMonth(start, day - 21 * DAY_MS, day);
				log += react.cnyHoliday * 2 * shareInMonth(start, day, day + 7 * DAY_MS);
			}
			if (t >= shiftAt) log += shift;
			walk += walkSd * r.normal();
			log += walk;
			let mult = 1;
			if (launch >= 0) {
				if (t < launch) mult = 0;
				else {
					const age = t - launch;
					mult =
						(ramp > 0 ? Math.min(1, (age + 1) / (ramp + 1)) : 1) *
						(1 + hype * Math.exp(-age / hypeDecay));
				}
			}
			if (t >= eol) mult *= Math.exp(-(t - eol) / eolSpeed);
			const rate = level * Math.exp(log) * mult;
			if (rate < 500) {
				const lam = rate > 0 ? (rate * r.gamma(nbShape)) / nbShape : 0;
				y[t] = r.poisson(lam);
			} else {
				eps = ar * eps + Math.sqrt(1 - ar * ar) * logSd * r.normal();
				y[t] = Math.round(rate * Math.exp(eps - (logSd * logSd) / 2));
			}
		}
		for (let k = 0; k < outliers; k++) {
			const t = Math.floor(r.u() * len);
			if (launch < 0 || t >= launch) y[t] = Math.round(Math.max(y[t], 1) * r.between(2, 8));
		}
		ids.push(`synth-month-${seed}-${i}`);
		ys.push(y);
		dss.push(ds);
	}
	const indptr = new Int32Array(opts.n + 1);
	ys.forEach((y, i) => (indptr[i + 1] = indptr[i] + y.length));
	const y = new Float64Array(indptr[opts.n]);
	const ds = new Float64Array(indptr[opts.n]);
	ys.forEach((v, i) => {
		y.set(v, indptr[i]);
		ds.set(dss[i], indptr[i]);
	});
	return { ids, indptr, ds, y };
}
