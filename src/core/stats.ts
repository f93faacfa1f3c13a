// Small statistical helpers shared by the models and the engine: normal and Student-t
// distribution functions, a seeded PRNG, autocorrelations and the KPSS unit-root test.
// Pure TypeScript, used by src/core/models/* and src/core/engine.ts.

/**
 * Standard normal quantile Φ⁻¹(p), Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16.
 * Reference: Wichura, M. J. (1988) Applied Statistics 37, 477–484. Returns ±Infinity at 0/1, NaN outside.
 */
export function qnorm(p: number): number {
	if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const q = p - 0.5;
	if (Math.abs(q) <= 0.425) {
		const r = 0.180625 - q * q;
		return (
			(q *
				(((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r +
					45921.95393154987) *
					r +
					13731.69376550946) *
					r +
					1971.5909503065513) *
					r +
					133.14166789178438) *
					r +
					3.3871328727963665)) /
			(((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r +
				21213.794301586597) *
				r +
				5394.196021424751) *
				r +
				687.1870074920579) *
				r +
				42.31333070160091) *
				r +
				1)
		);
	}
	let r = q < 0 ? p : 1 - p;
	r = Math.sqrt(-Math.log(r));
	let val: number;
	if (r <= 5) {
		r -= 1.6;
		val =
			(((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
				1.2704582524523684) *
				r +
				3.6478483247632045) *
				r +
				5.769497221460691) *
				r +
				4.630337846156546) *
				r +
				1.4234371107496835) /
			(((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
				0.14810397642748008) *
				r +
				0.6897673349851) *
				r +
				1.6763848301838038) *
				r +
				2.053191626637759) *
				r +
				1);
	} else {
		r -= 5;
		val =
			(((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
				0.026532189526576124) *
				r +
				0.29656057182850487) *
				r +
				1.7848265399172913) *
				r +
				5.463784911164114) *
				r +
				6.657904643501103) /
			(((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
				0.0007868691311456133) *
				r +
				0.014875361290850615) *
				r +
				0.1369298809227358) *
				r +
				0.599832206555888) *
				r +
				1);
	}
	return q < 0 ? -val : val;
}

/** Standard normal CDF Φ(x) via the complementary error function (|error| < 1.2e-7 relative). */
export function pnorm(x: number): number {
	return 0.5 * erfc(-x / Math.SQRT2);
}

/** Complementary error function, Numerical Recipes' Chebyshev fit (erfcc), relative error < 1.2e-7. */
export function erfc(x: number): number {
	const z = Math.abs(x);
	const t = 1 / (1 + 0.5 * z);
	const r =
		t *
		Math.exp(
			-z * z -
				1.26551223 +
				t *
					(1.00002368 +
						t *
							(0.37409196 +
								t *
									(0.09678418 +
										t *
											(-0.18628806 +
												t *
													(0.27886807 +
														t *
															(-1.13520398 +
																t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
		);
	return x >= 0 ? r : 2 - r;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9), relative error ~1e-15. */
export function lgamma(x: number): number {
	const c = [
		0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
		-176.6150291621406, 12.507343278686905, -0.13857109526572012, 0.000009984369578019572,
		1.5056327351493116e-7,
	];
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
	const xx = x - 1;
	let a = c[0];
	const t = xx + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (xx + i);
	return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes betacf). */
export function pbeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const bt = Math.exp(
		lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x),
	);
	if (x < (a + 1) / (a + b + 2)) return (bt * betacf(x, a, b)) / a;
	return 1 - (bt * betacf(1 - x, b, a)) / b;
}

function betacf(x: number, a: number, b: number): number {
	const FPMIN = 1e-300;
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < FPMIN) d = FPMIN;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 3e-16) break;
	}
	return h;
}

/** Student-t CDF with `df` degrees of freedom (df may be fractional; Infinity gives the normal). */
export function pt(x: number, df: number): number {
	if (!Number.isFinite(df)) return pnorm(x);
	const tail = 0.5 * pbeta(df / (df + x * x), df / 2, 0.5);
	return x >= 0 ? 1 - tail : tail;
}

/** Student-t quantile: normal start refined by bisection + Newton-free secant on pt (|error| < 1e-10). */
export function qt(p: number, df: number): number {
	if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (!Number.isFinite(df) || df > 1e7) return qnorm(p);
	if (p < 0.5) return -qt(1 - p, df);
	let lo = 0;
	let hi = Math.max(1, qnorm(p) * 2);
	while (pt(hi, df) < p) hi *= 2;
	for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
		const mid = 0.5 * (lo + hi);
		if (pt(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return 0.5 * (lo + hi);
}

/** A seeded PRNG (mulberry32) returning uniforms in [0, 1); deterministic for a given seed. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard-normal generator built on a uniform source (Box–Muller, caches the second draw). */
export function normalSampler(uniform: () => number): () => number {
	let spare = NaN;
	return () => {
		if (!Number.isNaN(spare)) {
			const s = spare;
			spare = NaN;
			return s;
		}
		let u = uniform();
		while (u <= 0) u = uniform();
		const v = uniform();
		const r = Math.sqrt(-2 * Math.log(u));
		spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	};
}

/** Sample autocorrelations r_0..r_maxLag (r_0 = 1), using the biased (1/n) autocovariance as R's acf. */
export function acf(y: ArrayLike<number>, maxLag: number): Float64Array {
	const n = y.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += y[i];
	mean /= n;
	let c0 = 0;
	for (let i = 0; i < n; i++) c0 += (y[i] - mean) ** 2;
	const out = new Float64Array(maxLag + 1);
	for (let k = 0; k <= maxLag; k++) {
		let s = 0;
		for (let i = k; i < n; i++) s += (y[i] - mean) * (y[i - k] - mean);
		out[k] = c0 > 0 ? s / c0 : k === 0 ? 1 : 0;
	}
	return out;
}

/** Result of the KPSS level-stationarity test. */
export interface KpssResult {
	statistic: number;
	/** Interpolated p-value, clamped to [0.01, 0.1] like tseries::kpss.test. */
	pValue: number;
	lags: number;
}

/**
 * KPSS test of level stationarity (Kwiatkowski et al. 1992), as urca::ur.kpss(type = "mu",
 * lags = "short") used by forecast::ndiffs: η = Σ S_t² / (n² σ̂²) with S_t the partial sums of
 * demeaned y and σ̂² the Newey–West long-run variance with l Bartlett lags (default urca's "short",
 * trunc(4 (n/100)^{1/4}); forecast::ndiffs passes trunc(3√n / 13)).
 * Critical values 0.347 (10%), 0.463 (5%), 0.574 (2.5%), 0.739 (1%).
 */
export function kpss(y: ArrayLike<number>, lags?: number): KpssResult {
	const n = y.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += y[i];
	mean /= n;
	const e = new Float64Array(n);
	for (let i = 0; i < n; i++) e[i] = y[i] - mean;
	let s = 0;
	let eta = 0;
	for (let i = 0; i < n; i++) {
		s += e[i];
		eta += s * s;
	}
	eta /= n * n;
	const l = lags ?? Math.trunc(4 * Math.pow(n / 100, 0.25));
	let s2 = 0;
	for (let i = 0; i < n; i++) s2 += e[i] * e[i];
	s2 /= n;
	for (let k = 1; k <= l; k++) {
		let c = 0;
		for (let i = k; i < n; i++) c += e[i] * e[i - k];
		s2 += (2 * (1 - k / (l + 1)) * c) / n;
	}
	const statistic = s2 > 0 ? eta / s2 : 0;
	const cv = [0.347, 0.463, 0.574, 0.739];
	const pv = [0.1, 0.05, 0.025, 0.01];
	let pValue: number;
	if (statistic <= cv[0]) pValue = 0.1;
	else if (statistic >= cv[3]) pValue = 0.01;
	else {
		let i = 0;
		while (statistic > cv[i + 1]) i++;
		pValue = pv[i] + ((statistic - cv[i]) * (pv[i + 1] - pv[i])) / (cv[i + 1] - cv[i]);
	}
	return { statistic, pValue, lags: l };
}

/** Throws RangeError unless every interval level lies strictly between 0 and 1 (e.g. 0.8, 0.95). */
export function checkLevels(levels: readonly number[]): void {
	for (const l of levels) {
		if (!(l > 0 && l < 1)) throw new RangeError(`interval level must be in (0, 1), got ${l}`);
	}
}
