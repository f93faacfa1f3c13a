// Small dense linear algebra for the models: Householder-QR least squares (regression, ETS
// initial states), Cholesky solves, and polynomial roots (ETS admissibility, ARIMA stationarity).
// Matrices are column arrays (one Float64Array per column) to match FitOptions.xreg.

/** Result of an ordinary least-squares fit. */
export interface LeastSquaresResult {
	/** Coefficients, one per column (NaN for columns dropped as collinear). */
	coef: Float64Array;
	fitted: Float64Array;
	residuals: Float64Array;
	/** Numerical rank of X. */
	rank: number;
	/** (X'X)⁻¹ restricted to the kept columns (NaN rows/cols for dropped ones), column-major p×p. */
	xtxInv: Float64Array;
	/** Residual sum of squares. */
	rss: number;
}

/**
 * Least squares min ‖y − Xβ‖² by Householder QR with R's lm-style rank detection: a column whose
 * remaining norm is below tol·(original norm) is treated as collinear and gets coefficient NaN.
 * Reference: Golub & Van Loan (2013) Matrix Computations, §5.2 and §5.3.
 */
export function leastSquares(
	cols: readonly ArrayLike<number>[],
	y: ArrayLike<number>,
	tol = 1e-7,
): LeastSquaresResult {
	const n = y.length;
	const p = cols.length;
	const A: Float64Array[] = cols.map((c) => Float64Array.from(c));
	const b = Float64Array.from(y);
	const keep: number[] = [];
	for (let j = 0; j < p; j++) {
		const a = A[j];
		let orig = 0;
		for (let i = 0; i < n; i++) orig += cols[j][i] * cols[j][i];
		orig = Math.sqrt(orig);
		const k = keep.length;
		let norm = 0;
		for (let i = k; i < n; i++) norm += a[i] * a[i];
		norm = Math.sqrt(norm);
		if (k >= n || norm <= tol * Math.max(orig, 1e-300) || orig === 0) continue;
		// Householder vector v with v[k] = a[k] + sign·norm, zeroing a[k+1..n).
		const alpha = a[k] >= 0 ? -norm : norm;
		const v = new Float64Array(n);
		for (let i = k; i < n; i++) v[i] = a[i];
		v[k] -= alpha;
		let vv = 0;
		for (let i = k; i < n; i++) vv += v[i] * v[i];
		const beta = vv > 0 ? 2 / vv : 0;
		const apply = (x: Float64Array): void => {
			let s = 0;
			for (let i = k; i < n; i++) s += v[i] * x[i];
			s *= beta;
			for (let i = k; i < n; i++) x[i] -= s * v[i];
		};
		for (let jj = j; jj < p; jj++) apply(A[jj]);
		apply(b);
		keep.push(j);
	}
	const r = keep.length;
	// Back-substitute R β = Qᵀy on kept columns (R[i][c] = A[keep[c]][i]).
	const beta = new Float64Array(r);
	for (let c = r - 1; c >= 0; c--) {
		let s = b[c];
		for (let c2 = c + 1; c2 < r; c2++) s -= A[keep[c2]][c] * beta[c2];
		beta[c] = s / A[keep[c]][c];
	}
	const coef = new Float64Array(p).fill(NaN);
	keep.forEach((j, c) => (coef[j] = beta[c]));
	const fitted = new Float64Array(n);
	for (let c = 0; c < r; c++) {
		const col = cols[keep[c]];
		for (let i = 0; i < n; i++) fitted[i] += col[i] * beta[c];
	}
	const residuals = new Float64Array(n);
	let rss = 0;
	for (let i = 0; i < n; i++) {
		residuals[i] = y[i] - fitted[i];
		rss += residuals[i] * residuals[i];
	}
	// (X'X)⁻¹ = R⁻¹ R⁻ᵀ on kept columns.
	const Rinv = new Float64Array(r * r); // column-major
	for (let c = 0; c < r; c++) {
		Rinv[c * r + c] = 1 / A[keep[c]][c];
		for (let i = c - 1; i >= 0; i--) {
			let s = 0;
			for (let k = i + 1; k <= c; k++) s += A[keep[k]][i] * Rinv[c * r + k];
			Rinv[c * r + i] = -s / A[keep[i]][i];
		}
	}
	const xtxInv = new Float64Array(p * p).fill(NaN);
	for (let a = 0; a < r; a++) {
		for (let c = 0; c < r; c++) {
			let s = 0;
			for (let k = Math.max(a, c); k < r; k++) s += Rinv[k * r + a] * Rinv[k * r + c];
			xtxInv[keep[c] * p + keep[a]] = s;
		}
	}
	return { coef, fitted, residuals, rank: r, xtxInv, rss };
}

/**
 * The Householder QR of leastSquares built one column at a time, for nested models that share their
 * first columns (regression's Fourier K = 0…10 search): the reflections, rank decisions and Qᵀy are
 * bit-identical to leastSquares' on the same columns in the same order, and the residual sum of
 * squares of the columns added so far is ‖(Qᵀy)[rank…n)‖² (equal to leastSquares' Σ(y − Xβ̂)² up to
 * rounding). `clone()` forks the state so that different columns can follow a shared prefix.
 */
export class IncrementalQR {
	readonly n: number;
	/** Householder vectors (each full length n, zero above its pivot row) and their 2 / vᵀv. */
	#v: Float64Array[];
	#beta: number[];
	#b: Float64Array;
	readonly #tol: number;

	constructor(y: ArrayLike<number>, tol = 1e-7, from?: IncrementalQR) {
		this.n = y.length;
		this.#tol = tol;
		this.#v = from ? [...from.#v] : [];
		this.#beta = from ? [...from.#beta] : [];
		this.#b = from ? Float64Array.from(from.#b) : Float64Array.from(y);
	}

	/** Numerical rank of the columns added so far. */
	get rank(): number {
		return this.#v.length;
	}

	/** An independent copy (the reflections are shared read-only). */
	clone(): IncrementalQR {
		return new IncrementalQR(this.#b, this.#tol, this);
	}

	/** Add the next column; false when it is collinear with the earlier ones (leastSquares drops it). */
	add(col: ArrayLike<number>): boolean {
		const n = this.n;
		const a = Float64Array.from(col);
		const k0 = this.#v.length;
		for (let k = 0; k < k0; k++) this.#reflect(k, a);
		let orig = 0;
		for (let i = 0; i < n; i++) orig += col[i] * col[i];
		orig = Math.sqrt(orig);
		const k = k0;
		let norm = 0;
		for (let i = k; i < n; i++) norm += a[i] * a[i];
		norm = Math.sqrt(norm);
		if (k >= n || norm <= this.#tol * Math.max(orig, 1e-300) || orig === 0) return false;
		const alpha = a[k] >= 0 ? -norm : norm;
		const v = new Float64Array(n);
		for (let i = k; i < n; i++) v[i] = a[i];
		v[k] -= alpha;
		let vv = 0;
		for (let i = k; i < n; i++) vv += v[i] * v[i];
		this.#v.push(v);
		this.#beta.push(vv > 0 ? 2 / vv : 0);
		this.#reflect(k, this.#b);
		return true;
	}

	/** Residual sum of squares of y on the kept columns. */
	rss(): number {
		let s = 0;
		for (let i = this.#v.length; i < this.n; i++) s += this.#b[i] * this.#b[i];
		return s;
	}

	#reflect(k: number, x: Float64Array): void {
		const v = this.#v[k];
		const n = this.n;
		let s = 0;
		for (let i = k; i < n; i++) s += v[i] * x[i];
		s *= this.#beta[k];
		for (let i = k; i < n; i++) x[i] -= s * v[i];
	}
}

/** Cholesky factor L (lower, row-major n×n) of a symmetric positive-definite row-major matrix; null if not SPD. */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
	const L = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let s = a[i * n + j];
			for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
			if (i === j) {
				if (!(s > 0)) return null;
				L[i * n + i] = Math.sqrt(s);
			} else {
				L[i * n + j] = s / L[j * n + j];
			}
		}
	}
	return L;
}

/** Solve A x = b given A's Cholesky factor L (row-major), by forward and back substitution. */
export function choleskySolve(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
	const z = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= L[i * n + k] * z[k];
		z[i] = s / L[i * n + i];
	}
	const x = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let s = z[i];
		for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
		x[i] = s / L[i * n + i];
	}
	return x;
}

/** Solve a general square system (row-major) by Gaussian elimination with partial pivoting; null if singular. */
export function solve(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array | null {
	const M = Float64Array.from(a);
	const x = Float64Array.from(b);
	for (let c = 0; c < n; c++) {
		let piv = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[piv * n + c])) piv = r;
		if (Math.abs(M[piv * n + c]) < 1e-300) return null;
		if (piv !== c) {
			for (let k = 0; k < n; k++) {
				const t = M[c * n + k];
				M[c * n + k] = M[piv * n + k];
				M[piv * n + k] = t;
			}
			const t = x[c];
			x[c] = x[piv];
			x[piv] = t;
		}
		for (let r = c + 1; r < n; r++) {
			const f = M[r * n + c] / M[c * n + c];
			if (f === 0) continue;
			for (let k = c; k < n; k++) M[r * n + k] -= f * M[c * n + k];
			x[r] -= f * x[c];
		}
	}
	for (let r = n - 1; r >= 0; r--) {
		let s = x[r];
		for (let k = r + 1; k < n; k++) s -= M[r * n + k] * x[k];
		x[r] = s / M[r * n + r];
	}
	return x;
}

/**
 * Whether every root of c[0] + c[1] z + … + c[d] z^d has modulus below `radius`, by the Schur–Cohn
 * (Jury) recursion on p(radius·z): with k = a₀/a_d, all roots of p lie inside the unit circle iff
 * |k| < 1 and all roots of (p(z) − k·z^d·p(1/z))/z do (Jury 1964; Henrici 1974, §6.8). O(d²), no
 * iteration, no allocation beyond two scratch arrays (pass `scratch` of length ≥ 2(d+1) to avoid even
 * those): it replaces root finding where only "inside or not" is asked (ETS admissibility, ARIMA
 * stationarity), which was a fifth of the automatic choice's time on monthly series. Trailing zero
 * coefficients are dropped; a constant has no roots (true); NaN coefficients give false.
 */
export function rootsWithin(c: ArrayLike<number>, radius = 1, scratch?: Float64Array): boolean {
	let d = c.length - 1;
	while (d > 0 && c[d] === 0) d--;
	if (d <= 0) return !(d === 0 && Number.isNaN(c[0]));
	const w = d + 1;
	const buf = scratch && scratch.length >= 2 * w ? scratch : new Float64Array(2 * w);
	// the polynomial being reduced lives at buf[a, a + d], the next one at buf[b, b + d − 1]
	let a = 0;
	let b = w;
	let r = 1;
	for (let i = 0; i <= d; i++) {
		buf[i] = c[i] * r;
		r *= radius;
	}
	while (d > 0) {
		const k = buf[a] / buf[a + d];
		if (!(Math.abs(k) < 1)) return false;
		for (let i = 0; i < d; i++) buf[b + i] = buf[a + i + 1] - k * buf[a + d - 1 - i];
		const t = a;
		a = b;
		b = t;
		d--;
	}
	return true;
}

/**
 * Complex roots of c[0] + c[1] z + … + c[d] z^d (R's polyroot order) by Durand–Kerner iteration,
 * optionally warm-started from `init` (same degree, distinct values). Trailing zero coefficients are
 * dropped. Returns [re[], im[]].
 */
export function polyRoots(
	c: ArrayLike<number>,
	init?: { re: ArrayLike<number>; im: ArrayLike<number> },
): { re: Float64Array; im: Float64Array } {
	let d = c.length - 1;
	while (d > 0 && c[d] === 0) d--;
	const re = new Float64Array(d);
	const im = new Float64Array(d);
	if (d === 0) return { re, im };
	const lead = c[d];
	const a = Float64Array.from({ length: d + 1 }, (_, i) => c[i] / lead);
	// Initial guesses on a circle of radius from the Cauchy bound.
	let bound = 0;
	for (let i = 0; i < d; i++) bound = Math.max(bound, Math.abs(a[i]));
	const rad = Math.min(1 + bound, 1e6) * 0.5 + 0.1;
	if (init && init.re.length === d) {
		// warm start (e.g. the previous optimiser step's roots): a few quadratic steps suffice
		for (let k = 0; k < d; k++) {
			re[k] = init.re[k];
			im[k] = init.im[k];
		}
	} else {
		for (let k = 0; k < d; k++) {
			const ang = (2 * Math.PI * k) / d + 0.4;
			re[k] = rad * Math.cos(ang);
			im[k] = rad * Math.sin(ang);
		}
	}
	for (let it = 0; it < 500; it++) {
		let delta = 0;
		for (let k = 0; k < d; k++) {
			// p(z_k) by Horner
			let pr = 1;
			let pi = 0;
			for (let i = d - 1; i >= 0; i--) {
				const nr = pr * re[k] - pi * im[k] + a[i];
				pi = pr * im[k] + pi * re[k];
				pr = nr;
			}
			// denominator Π (z_k − z_j)
			let dr = 1;
			let di = 0;
			for (let j = 0; j < d; j++) {
				if (j === k) continue;
				const xr = re[k] - re[j];
				const xi = im[k] - im[j];
				const nr = dr * xr - di * xi;
				di = dr * xi + di * xr;
				dr = nr;
			}
			const den = dr * dr + di * di || 1e-300;
			const qr = (pr * dr + pi * di) / den;
			const qi = (pi * dr - pr * di) / den;
			re[k] -= qr;
			im[k] -= qi;
			delta = Math.max(
				delta,
				Math.sqrt((qr * qr + qi * qi) / Math.max(1, re[k] * re[k] + im[k] * im[k])),
			);
		}
		if (delta < 1e-14) break;
	}
	return { re, im };
}

/** Smallest modulus among the roots of c[0] + c[1] z + … (Infinity for a constant polynomial). */
export function minRootModulus(c: ArrayLike<number>): number {
	const { re, im } = polyRoots(c);
	let m = Infinity;
	for (let i = 0; i < re.length; i++) m = Math.min(m, Math.hypot(re[i], im[i]));
	return m;
}

/** Largest modulus among the roots of c[0] + c[1] z + … (0 for a constant polynomial). */
export function maxRootModulus(c: ArrayLike<number>): number {
	const { re, im } = polyRoots(c);
	let m = 0;
	for (let i = 0; i < re.length; i++) m = Math.max(m, Math.hypot(re[i], im[i]));
	return m;
}
