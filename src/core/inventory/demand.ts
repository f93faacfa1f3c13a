// Demand over a protection period (lead time + review period) from the forecast distribution, for the
// inventory plan (policy.ts), the plan CLI and the forecast worker. Pure TypeScript.
//
// The engine gives, per future period j, a mean μ_j and an interval; σ_j = (upper₈₀ − lower₈₀) / (2·z₀.₉).
// Demand over D days is Σ_j w_j·Y_j with w_j the share of period j inside [0, D). Its variance is NOT
// Σ w_j² σ_j² (that treats periods as independent, and neither "mean × days" nor that is what a
// forecast with an uncertain level says). We use the covariance of the local-level (ETS(A,N,N))
// innovations model, which is what a widening interval means there (Snyder, Koehler & Ord 2002,
// "Forecasting for inventory control with exponential smoothing", IJF 18:5–18; Hyndman et al. 2008,
// "Forecasting with Exponential Smoothing", ch. 6 "lead-time demand"):
//   σ₁ = one-step noise, q_i = σ_{i+1}² − σ_i² (growth of uncertainty = level shocks),
//   Cov(Y_i, Y_j) = σ_i² − σ₁² + σ₁·√q_i   for i < j,    Var(Y_j) = σ_j².
// For SES with smoothing α (σ_j² = σ²(1 + (j−1)α²)) this is exactly its covariance; when the interval
// does not widen (q = 0) the periods are independent. A period only partly inside [0, D) (share f)
// contributes f·σ₁² of noise (noise scales with time) and f²·(σ_j² − σ₁²) of level uncertainty.
//
// Lead time is uncertain: L ~ Normal(mean, sd) discretised on whole days (truncated at 0). Demand over
// L + R is then a mixture over L of normals N(M(L+R), V(L+R)) — not the textbook
// σ² = E[L]σ_d² + d²Var(L) normal approximation (Silver, Pyke & Thomas 2017, "Inventory and Production
// Management in Supply Chains", 4th ed., eq. 6.x; Axsäter 2015, "Inventory Control", §5.2), whose mean
// and variance the mixture has too, but whose shape (skew when the lead time varies) it keeps.
import { pnorm, qnorm } from '../stats';

/** One normal component of a demand mixture. */
export interface DemandComponent {
	weight: number;
	mean: number;
	sd: number;
}

/** Demand over a period as a mixture of normals (one component per possible lead time). */
export interface DemandDistribution {
	components: DemandComponent[];
	mean: number;
	sd: number;
}

/** Per-period forecast: means, standard deviations and the length of one period in days. */
export interface PeriodForecast {
	mean: Float64Array;
	sd: Float64Array;
	periodDays: number;
}

/** Lead time in days: mean and standard deviation (0 = known exactly). */
export interface LeadTime {
	meanDays: number;
	sdDays: number;
}

const Z90 = qnorm(0.9);

/** Standard normal density. */
export function dnorm(x: number): number {
	return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal loss function G(k) = E[(Z − k)⁺] = φ(k) − k(1 − Φ(k)) (Silver, Pyke & Thomas,
 * appendix B).
 */
export function normalLoss(k: number): number {
	return dnorm(k) - k * (1 - pnorm(k));
}

/**
 * σ_j of each forecast period from an interval at `level` (the engine's 80 % by default):
 * (upper − lower) / (2·z). Missing or degenerate widths become 0.
 */
export function sdFromInterval(
	lower: Float64Array,
	upper: Float64Array,
	level = 0.8,
): Float64Array {
	const z = level === 0.8 ? Z90 : qnorm(0.5 + level / 2);
	return lower.map((lo, j) => {
		const w = (upper[j] - lo) / (2 * z);
		return Number.isFinite(w) && w > 0 ? w : 0;
	});
}

/**
 * Mean and variance of demand over [0, days) for a fixed length (the covariance model above).
 * Periods beyond the forecast repeat its last period's mean and grow its uncertainty at the last rate.
 */
export function demandOverDays(
	f: PeriodForecast,
	days: number,
): { mean: number; variance: number } {
	if (!(days > 0)) return { mean: 0, variance: 0 };
	const P = f.periodDays;
	const nFull = Math.floor(days / P + 1e-9);
	const frac = days / P - nFull;
	const n = nFull + (frac > 1e-9 ? 1 : 0);
	const H = f.mean.length;
	if (H === 0) return { mean: 0, variance: 0 };
	// extend mean and variance beyond the horizon: last mean, last variance increment
	const mu = new Float64Array(n);
	const v = new Float64Array(n);
	const lastInc = H >= 2 ? Math.max(0, f.sd[H - 1] ** 2 - f.sd[H - 2] ** 2) : 0;
	for (let j = 0; j < n; j++) {
		if (j < H) {
			mu[j] = Math.max(0, f.mean[j]);
			v[j] = f.sd[j] ** 2;
		} else {
			mu[j] = Math.max(0, f.mean[H - 1]);
			v[j] = f.sd[H - 1] ** 2 + (j - H + 1) * lastInc;
		}
	}
	// the variance must not shrink with the horizon for this model: running maximum
	for (let j = 1; j < n; j++) v[j] = Math.max(v[j], v[j - 1]);
	const s1sq = v[0];
	const s1 = Math.sqrt(s1sq);
	const w = (j: number) => (j < nFull ? 1 : frac);
	let mean = 0;
	let variance = 0;
	for (let j = 0; j < n; j++) {
		const wj = w(j);
		mean += wj * mu[j];
		variance += wj * s1sq + wj * wj * (v[j] - s1sq);
	}
	for (let i = 0; i < n; i++) {
		const qi = i + 1 < n ? Math.max(0, v[i + 1] - v[i]) : 0;
		const cov = v[i] - s1sq + s1 * Math.sqrt(qi);
		if (cov === 0) continue;
		let wLater = 0;
		for (let j = i + 1; j < n; j++) wLater += w(j);
		variance += 2 * w(i) * wLater * cov;
	}
	return { mean, variance: Math.max(0, variance) };
}

/**
 * Probabilities of whole-day lead times for L ~ Normal(meanDays, sdDays) truncated at 0, on
 * meanDays ± 4·sd (a point mass when sd = 0; a fractional mean is split between its two days).
 */
export function leadTimeDays(lt: LeadTime): { days: number; p: number }[] {
	const m = Math.max(0, lt.meanDays);
	const sd = Math.max(0, lt.sdDays);
	if (sd < 1e-9) {
		const lo = Math.floor(m);
		const f = m - lo;
		return f < 1e-9
			? [{ days: lo, p: 1 }]
			: [
					{ days: lo, p: 1 - f },
					{ days: lo + 1, p: f },
				];
	}
	const a = Math.max(0, Math.floor(m - 4 * sd));
	const b = Math.ceil(m + 4 * sd);
	const out: { days: number; p: number }[] = [];
	let total = 0;
	for (let d = a; d <= b; d++) {
		// P(d − ½ ≤ L < d + ½), day 0 takes everything below ½
		const lo = d === 0 ? 0 : pnorm((d - 0.5 - m) / sd);
		const hi = pnorm((d + 0.5 - m) / sd);
		const p = Math.max(0, hi - lo);
		if (p > 0) {
			out.push({ days: d, p });
			total += p;
		}
	}
	return out.map((x) => ({ days: x.days, p: x.p / total }));
}

/** Mixture over the lead time of demand over L + extraDays (extraDays = review period R, or 0). */
export function protectionDemand(
	f: PeriodForecast,
	lead: LeadTime,
	extraDays: number,
): DemandDistribution {
	const components = leadTimeDays(lead).map(({ days, p }) => {
		const d = demandOverDays(f, days + extraDays);
		return { weight: p, mean: d.mean, sd: Math.sqrt(d.variance) };
	});
	return mixture(components);
}

/** A mixture with its overall mean and standard deviation. */
export function mixture(components: DemandComponent[]): DemandDistribution {
	let mean = 0;
	let m2 = 0;
	for (const c of components) {
		mean += c.weight * c.mean;
		m2 += c.weight * (c.sd * c.sd + c.mean * c.mean);
	}
	return { components, mean, sd: Math.sqrt(Math.max(0, m2 - mean * mean)) };
}

/** P(X ≤ x). */
export function cdf(d: DemandDistribution, x: number): number {
	let s = 0;
	for (const c of d.components)
		s += c.weight * (c.sd > 0 ? pnorm((x - c.mean) / c.sd) : x >= c.mean ? 1 : 0);
	return s;
}

/** Expected shortage E[(X − x)⁺] (normal loss function per component). */
export function expectedShortage(d: DemandDistribution, x: number): number {
	let s = 0;
	for (const c of d.components)
		s += c.weight * (c.sd > 0 ? c.sd * normalLoss((x - c.mean) / c.sd) : Math.max(0, c.mean - x));
	return s;
}

/** Smallest x with P(X ≤ x) ≥ p (bisection on the mixture CDF); never below 0. */
export function quantile(d: DemandDistribution, p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
	let lo = Infinity;
	let hi = -Infinity;
	for (const c of d.components) {
		lo = Math.min(lo, c.mean - 10 * c.sd);
		hi = Math.max(hi, c.mean + 10 * c.sd);
	}
	lo = Math.max(0, lo);
	if (cdf(d, lo) >= p) return lo;
	for (let i = 0; i < 80 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
		const mid = 0.5 * (lo + hi);
		if (cdf(d, mid) >= p) hi = mid;
		else lo = mid;
	}
	return hi;
}
