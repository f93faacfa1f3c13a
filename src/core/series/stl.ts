// Seasonal-trend decomposition: STL (Cleveland, Cleveland, McRae & Terpenning 1990, J. Official
// Statistics 6, 3–73), a line-by-line port of R's stats::stl Fortran (stl.f), and MSTL for several
// periods (Bandara, Hyndman & Bergmeir 2021, arXiv:2107.13462) as forecast::mstl. Used by the
// explanation panel (trend / seasonal strength) and for seasonal adjustment (e.g. STL + ETS, m = 52).
//
//   y_t = T_t + S_t + R_t. Inner loop (×inner): detrend, smooth each cycle-subseries with loess
//   (window sWindow, degree sDegree), low-pass filter it (MA_m, MA_m, MA_3, loess lWindow), subtract
//   to get S_t; deseasonalise and loess-smooth (tWindow) to get T_t. Outer loop (×outer): bisquare
//   robustness weights from R_t, 6·median|R_t| scale.
// Matches R to ~1e-13; with many robust passes a weight can land on a threshold where 1e-14
// rounding differences flip it, after which results differ from R by ~1e-4 (still a valid STL fit).

/** Options for {@link stl}; defaults are R's stl() defaults. */
export interface StlOptions {
	/** Seasonal loess window (odd, ≥ 3) or 'periodic'. Default 'periodic'. */
	sWindow?: number | 'periodic';
	/** Seasonal loess degree 0 or 1. Default 0. */
	sDegree?: 0 | 1;
	/** Trend window. Default nextodd(ceil(1.5·period / (1 − 1.5/sWindow))). */
	tWindow?: number;
	tDegree?: 0 | 1;
	/** Low-pass window. Default nextodd(period). */
	lWindow?: number;
	lDegree?: 0 | 1;
	sJump?: number;
	tJump?: number;
	lJump?: number;
	/** Robust fitting (outer loop with bisquare weights). Default false. */
	robust?: boolean;
	/** Inner iterations. Default 2 (1 when robust). */
	inner?: number;
	/** Outer (robustness) iterations. Default 0 (15 when robust). */
	outer?: number;
}

/** An additive decomposition y = trend + seasonal + remainder. */
export interface StlResult {
	trend: Float64Array;
	seasonal: Float64Array;
	remainder: Float64Array;
	/** Robustness weights (all 1 unless robust). */
	weights: Float64Array;
}

/** MSTL result: one seasonal component per (kept) period, in ascending period order. */
export interface MstlResult {
	trend: Float64Array;
	seasonals: { period: number; seasonal: Float64Array }[];
	remainder: Float64Array;
}

// stl.f writes these constants as single-precision literals (.999, .001); keep R's exact values.
const C999 = Math.fround(0.999);
const C001 = Math.fround(0.001);

const nextOdd = (x: number): number => {
	const r = Math.round(x);
	return r % 2 === 0 ? r + 1 : r;
};

// The tricube weights of the last bandwidth h, by integer distance r = |j − xs| (every caller's xs
// and j are integers): loess evaluates the same few bandwidths at every point of every pass.
let triH = NaN;
let triLen = 0;
let triTab = new Float64Array(64);

/**
 * Tricube weights for distances 0…maxR at bandwidth h: 1 within 0.001·h, (1 − (r/h)³)³ within
 * 0.999·h, else 0 (a point that Fortran's stlest leaves out: its zero weight adds nothing to any sum).
 */
function tricube(h: number, maxR: number): Float64Array {
	if (h !== triH) {
		triH = h;
		triLen = 0;
	}
	if (maxR >= triLen) {
		if (maxR >= triTab.length) {
			const grown = new Float64Array(Math.max(2 * triTab.length, maxR + 1));
			grown.set(triTab.subarray(0, triLen));
			triTab = grown;
		}
		const h9 = C999 * h;
		const h1 = C001 * h;
		for (let r = triLen; r <= maxR; r++) {
			if (r > h9) triTab[r] = 0;
			else if (r <= h1) triTab[r] = 1;
			else {
				// (1 − (r/h)³)³ by multiplications, as Fortran compiles its integer powers
				const t = r / h;
				const u = 1 - t * t * t;
				triTab[r] = u * u * u;
			}
		}
		triLen = maxR + 1;
	}
	return triTab;
}

/**
 * The k-th smallest (0-based) of a, by quickselect; a is reordered so that a[0..k) ≤ a[k] ≤ a(k..].
 * For finite values: the same value that sorting and indexing give (−0 and +0 aside, which it treats
 * as equal; STL selects among absolute values).
 */
export function selectKth(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		// median of three as the pivot
		const x = a[lo];
		const y = a[(lo + hi) >>> 1];
		const z = a[hi];
		const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

/** Local weighted (tricube) fit at xs over y[nleft..nright] (1-based), Fortran stlest. */
function est(
	y: ArrayLike<number>,
	yOff: number,
	n: number,
	len: number,
	ideg: number,
	xs: number,
	nleft: number,
	nright: number,
	w: Float64Array,
	userw: boolean,
	rw: ArrayLike<number>,
	rwOff: number,
): number | null {
	const range = n - 1;
	let h = Math.max(xs - nleft, nright - xs);
	if (len > n) h += Math.trunc((len - n) / 2);
	const tri = tricube(h, Math.max(xs - nleft, nright - xs));
	let a = 0;
	if (userw)
		for (let j = nleft; j <= nright; j++) {
			const v = tri[Math.abs(j - xs)] * rw[rwOff + j - 1];
			w[j] = v;
			a += v;
		}
	else
		for (let j = nleft; j <= nright; j++) {
			const v = tri[Math.abs(j - xs)];
			w[j] = v;
			a += v;
		}
	if (a <= 0) return null;
	// Fortran's loops fused where one only reads what the previous wrote at the same j: the same
	// operations on the same values in the same order, so the same bits
	let ys = 0;
	if (h > 0 && ideg > 0) {
		let aa = 0;
		for (let j = nleft; j <= nright; j++) {
			const v = w[j] / a;
			w[j] = v;
			aa += v * j;
		}
		let b = xs - aa;
		let c = 0;
		for (let j = nleft; j <= nright; j++) c += w[j] * (j - aa) * (j - aa);
		if (Math.sqrt(c) > C001 * range) {
			b /= c;
			for (let j = nleft; j <= nright; j++) ys += w[j] * (b * (j - aa) + 1) * y[yOff + j - 1];
			return ys;
		}
		for (let j = nleft; j <= nright; j++) ys += w[j] * y[yOff + j - 1];
		return ys;
	}
	for (let j = nleft; j <= nright; j++) ys += (w[j] / a) * y[yOff + j - 1];
	return ys;
}

/** Loess smoothing of y (length n) into ys with jumps and linear interpolation, Fortran stless. */
function ess(
	y: ArrayLike<number>,
	yOff: number,
	n: number,
	len: number,
	ideg: number,
	njump: number,
	userw: boolean,
	rw: ArrayLike<number>,
	rwOff: number,
	ys: Float64Array,
	ysOff: number,
	work: Float64Array,
): void {
	if (n < 2) {
		ys[ysOff] = y[yOff];
		return;
	}
	const newnj = Math.min(njump, n - 1);
	let nleft = 1;
	let nright = n;
	const put = (i: number): void => {
		const v = est(y, yOff, n, len, ideg, i, nleft, nright, work, userw, rw, rwOff);
		ys[ysOff + i - 1] = v === null ? y[yOff + i - 1] : v;
	};
	if (len >= n) {
		nleft = 1;
		nright = n;
		for (let i = 1; i <= n; i += newnj) put(i);
	} else if (newnj === 1) {
		const nsh = Math.trunc((len + 1) / 2);
		nleft = 1;
		nright = len;
		for (let i = 1; i <= n; i++) {
			if (i > nsh && nright !== n) {
				nleft++;
				nright++;
			}
			put(i);
		}
	} else {
		const nsh = Math.trunc((len + 1) / 2);
		for (let i = 1; i <= n; i += newnj) {
			if (i < nsh) {
				nleft = 1;
				nright = len;
			} else if (i >= n - nsh + 1) {
				nleft = n - len + 1;
				nright = n;
			} else {
				nleft = i - nsh + 1;
				nright = len + i - nsh;
			}
			put(i);
		}
	}
	if (newnj !== 1) {
		for (let i = 1; i <= n - newnj; i += newnj) {
			const delta = (ys[ysOff + i + newnj - 1] - ys[ysOff + i - 1]) / newnj;
			for (let j = i + 1; j <= i + newnj - 1; j++)
				ys[ysOff + j - 1] = ys[ysOff + i - 1] + delta * (j - i);
		}
		const k = Math.trunc((n - 1) / newnj) * newnj + 1;
		if (k !== n) {
			put(n);
			if (k !== n - 1) {
				const delta = (ys[ysOff + n - 1] - ys[ysOff + k - 1]) / (n - k);
				for (let j = k + 1; j <= n - 1; j++)
					ys[ysOff + j - 1] = ys[ysOff + k - 1] + delta * (j - k);
			}
		}
	}
}

/** Moving average of length len: out has n − len + 1 values (Fortran stlma). */
function ma(x: Float64Array, n: number, len: number, out: Float64Array): void {
	const newn = n - len + 1;
	let v = 0;
	for (let i = 0; i < len; i++) v += x[i];
	out[0] = v / len;
	for (let j = 1; j < newn; j++) {
		v = v - x[j - 1] + x[j + len - 1];
		out[j] = v / len;
	}
}

/**
 * STL decomposition of y with seasonal period `period` (≥ 2, n > 2·period), as R's stats::stl.
 * Throws RangeError when the series is too short.
 */
export function stl(y: Float64Array, period: number, opts: StlOptions = {}): StlResult {
	const n = y.length;
	const np0 = Math.round(period);
	if (np0 < 2 || n <= 2 * np0)
		throw new RangeError('stl: series is not periodic or has less than two periods');
	const periodic = opts.sWindow === undefined || opts.sWindow === 'periodic';
	let sWindow = periodic ? 10 * n + 1 : (opts.sWindow as number);
	const sDegree = periodic ? 0 : (opts.sDegree ?? 0);
	const tWindow = opts.tWindow ?? nextOdd(Math.ceil((1.5 * np0) / (1 - 1.5 / sWindow)));
	const lWindow = opts.lWindow ?? nextOdd(np0);
	const tDegree = opts.tDegree ?? 1;
	const lDegree = opts.lDegree ?? tDegree;
	const robust = opts.robust ?? false;
	const inner = opts.inner ?? (robust ? 1 : 2);
	const outer = opts.outer ?? (robust ? 15 : 0);
	const sJump = opts.sJump ?? Math.ceil(sWindow / 10);
	const tJump = opts.tJump ?? Math.ceil(tWindow / 10);
	const lJump = opts.lJump ?? Math.ceil(lWindow / 10);
	// stl.f: enforce ≥ 3 and odd windows, period ≥ 2
	const odd = (v: number): number => {
		const w = Math.max(3, v);
		return w % 2 === 0 ? w + 1 : w;
	};
	sWindow = odd(sWindow);
	const nt = odd(tWindow);
	const nl = odd(lWindow);
	const np = Math.max(2, np0);

	const trend = new Float64Array(n);
	const season = new Float64Array(n);
	const rw = new Float64Array(n);
	const w1 = new Float64Array(n + 2 * np);
	const w2 = new Float64Array(n + 2 * np);
	const w3 = new Float64Array(n + 2 * np);
	const w4 = new Float64Array(n + 2 * np);
	const sub = new Float64Array(Math.ceil(n / np) + 2);
	const subW = new Float64Array(Math.ceil(n / np) + 2);
	const subOut = new Float64Array(Math.ceil(n / np) + 3);
	const lw = new Float64Array(n + 2 * np + 2);
	const r = outer > 0 ? new Float64Array(n) : lw;
	const rs = outer > 0 ? new Float64Array(n) : lw;
	let userw = false;

	const stlss = (): void => {
		// cycle-subseries smoothing of w1 (length n) into w2 (length n + 2np)
		for (let j = 1; j <= np; j++) {
			const k = Math.trunc((n - j) / np) + 1;
			for (let i = 1; i <= k; i++) {
				sub[i - 1] = w1[(i - 1) * np + j - 1];
				if (userw) subW[i - 1] = rw[(i - 1) * np + j - 1];
			}
			ess(sub, 0, k, sWindow, sDegree, sJump, userw, subW, 0, subOut, 1, lw);
			const nright = Math.min(sWindow, k);
			const a = est(sub, 0, k, sWindow, sDegree, 0, 1, nright, lw, userw, subW, 0);
			subOut[0] = a === null ? subOut[1] : a;
			const nleft = Math.max(1, k - sWindow + 1);
			const b = est(sub, 0, k, sWindow, sDegree, k + 1, nleft, k, lw, userw, subW, 0);
			subOut[k + 1] = b === null ? subOut[k] : b;
			for (let m = 1; m <= k + 2; m++) w2[(m - 1) * np + j - 1] = subOut[m - 1];
		}
	};

	const stlstp = (): void => {
		for (let it = 0; it < inner; it++) {
			for (let i = 0; i < n; i++) w1[i] = y[i] - trend[i];
			stlss();
			// low-pass: MA(np), MA(np), MA(3) of w2 (length n+2np) → w3 (length n)
			ma(w2, n + 2 * np, np, w3);
			ma(w3, n + np + 1, np, w4);
			ma(w4, n + 2, 3, w3);
			ess(w3, 0, n, nl, lDegree, lJump, false, w4, 0, w1, 0, lw);
			for (let i = 0; i < n; i++) season[i] = w2[np + i] - w1[i];
			for (let i = 0; i < n; i++) w1[i] = y[i] - season[i];
			ess(w1, 0, n, nt, tDegree, tJump, userw, rw, 0, trend, 0, lw);
		}
	};

	for (let k = 0; ;) {
		stlstp();
		k++;
		if (k > outer) break;
		// robustness weights (stlrwt): bisquare with scale 6·median|r|
		for (let i = 0; i < n; i++) r[i] = Math.abs(y[i] - trend[i] - season[i]);
		rs.set(r);
		const mid1 = Math.trunc(n / 2) + 1;
		const mid2 = n - mid1 + 1;
		// the two middle order statistics (Fortran sorts with psort): a selection, the same values
		const hi = selectKth(rs, mid1 - 1);
		let lo = hi;
		if (mid2 !== mid1) {
			lo = rs[0];
			for (let i = 1; i < mid1 - 1; i++) if (rs[i] > lo) lo = rs[i];
		}
		const cmad = 3 * (hi + lo);
		const c9 = C999 * cmad;
		const c1 = C001 * cmad;
		for (let i = 0; i < n; i++) {
			rw[i] = r[i] <= c1 ? 1 : r[i] <= c9 ? (1 - (r[i] / cmad) ** 2) ** 2 : 0;
		}
		userw = true;
	}
	if (outer <= 0) rw.fill(1);
	if (periodic) {
		const sums = new Float64Array(np);
		const counts = new Float64Array(np);
		for (let i = 0; i < n; i++) {
			sums[i % np] += season[i];
			counts[i % np]++;
		}
		for (let i = 0; i < n; i++) season[i] = sums[i % np] / counts[i % np];
	}
	const remainder = new Float64Array(n);
	for (let i = 0; i < n; i++) remainder[i] = y[i] - season[i] - trend[i];
	return { trend, seasonal: season, remainder, weights: rw };
}

/**
 * MSTL (forecast::mstl): periods ≥ n/2 are dropped, the rest sorted ascending and each seasonal
 * component re-estimated by STL (sWindow 11, 15, 19, …) over `iterate` passes (1 for a single period).
 * With no usable period the trend is a loess smooth (R uses supsmu there) and there are no seasonals.
 */
export function mstl(
	y: Float64Array,
	periods: number[],
	opts: { iterate?: number; sWindow?: number[]; robust?: boolean } = {},
): MstlResult {
	const n = y.length;
	const ps = periods
		.map((p) => Math.round(p))
		.filter((p) => p > 1 && p < n / 2)
		.sort((a, b) => a - b);
	if (ps.length === 0) {
		const trend = new Float64Array(n);
		const lw = new Float64Array(n + 2);
		const len = nextOdd(Math.max(3, Math.ceil(0.3 * n)));
		ess(y, 0, n, len, 1, 1, false, y, 0, trend, 0, lw);
		return { trend, seasonals: [], remainder: y.map((v, i) => v - trend[i]) };
	}
	const iterate = ps.length === 1 ? 1 : Math.max(1, opts.iterate ?? 2);
	const sw = opts.sWindow ?? ps.map((_, i) => 7 + 4 * (i + 1));
	const seas: Float64Array[] = ps.map(() => new Float64Array(n));
	const deseas = Float64Array.from(y);
	let trend: Float64Array = new Float64Array(n);
	for (let j = 0; j < iterate; j++) {
		for (let i = 0; i < ps.length; i++) {
			for (let t = 0; t < n; t++) deseas[t] += seas[i][t];
			const fit = stl(deseas, ps[i], { sWindow: sw[i] ?? sw[sw.length - 1], robust: opts.robust });
			seas[i] = fit.seasonal;
			trend = fit.trend;
			for (let t = 0; t < n; t++) deseas[t] -= seas[i][t];
		}
	}
	return {
		trend,
		seasonals: ps.map((period, i) => ({ period, seasonal: seas[i] })),
		remainder: deseas.map((v, t) => v - trend[t]),
	};
}

/**
 * Strength of trend and seasonality in [0, 1] (Wang, Smith & Hyndman 2006; FPP3 §4.3):
 * F_T = max(0, 1 − Var(R)/Var(T + R)), F_S = max(0, 1 − Var(R)/Var(S + R)).
 */
export function decompositionStrength(d: {
	trend: Float64Array;
	seasonal?: Float64Array;
	remainder: Float64Array;
}): { trend: number; seasonal: number } {
	const variance = (f: (i: number) => number, n: number): number => {
		let m = 0;
		for (let i = 0; i < n; i++) m += f(i);
		m /= n;
		let v = 0;
		for (let i = 0; i < n; i++) v += (f(i) - m) ** 2;
		return v / Math.max(1, n - 1);
	};
	const n = d.remainder.length;
	const vr = variance((i) => d.remainder[i], n);
	const vt = variance((i) => d.trend[i] + d.remainder[i], n);
	const s = d.seasonal;
	const vs = s ? variance((i) => s[i] + d.remainder[i], n) : 0;
	return {
		trend: vt > 0 ? Math.max(0, 1 - vr / vt) : 0,
		seasonal: s && vs > 0 ? Math.max(0, 1 - vr / vs) : 0,
	};
}
