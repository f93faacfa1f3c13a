// Derivative-free minimisers for model fitting (ETS, ARIMA): a line-by-line port of R's
// Nelder–Mead (`nmmin` in src/appl/optim.c, also copied by forecast's etsNelderMead) so that
// fits reproduce R's, with optional box bounds, plus golden-section search for 1-D problems.

/** Options for {@link nelderMead}; defaults are R's optim() defaults. */
export interface NelderMeadOptions {
	/** Maximum number of function evaluations (R's maxit counts evaluations). Default 500. */
	maxEval?: number;
	/** Relative convergence tolerance on the function value spread. Default sqrt(eps) ≈ 1.49e-8. */
	relTol?: number;
	/** Absolute target: stop once the best value is ≤ absTol. Default -Infinity. */
	absTol?: number;
	/** Lower bounds; points outside get +Infinity (treated as "big"), as ets' check.param does. */
	lower?: ArrayLike<number>;
	/** Upper bounds, as `lower`. */
	upper?: ArrayLike<number>;
	/** Initial simplex step; default R's 0.1·max|x0_i| (0.1 when x0 = 0). A vector gives per-coordinate steps. */
	step?: number | ArrayLike<number>;
}

/** Result of a minimisation. */
export interface OptimResult {
	x: Float64Array;
	value: number;
	evaluations: number;
	/** 0 = converged, 1 = evaluation limit reached, 10 = simplex degenerate (R's codes). */
	fail: number;
}

const BIG = 1.0e35;

/**
 * Minimise f by the Nelder–Mead simplex method (Nelder & Mead 1965) exactly as R's nmmin:
 * reflection α = 1, contraction β = 0.5, expansion γ = 2; non-finite values count as 1e35.
 * Reference: Nash, J. C. (1990) Compact Numerical Methods for Computers, Algorithm 19.
 */
export function nelderMead(
	f: (x: Float64Array) => number,
	x0: ArrayLike<number>,
	opts: NelderMeadOptions = {},
): OptimResult {
	const n = x0.length;
	const maxit = opts.maxEval ?? 500;
	const intol = opts.relTol ?? 1.490116119384765625e-8;
	const abstol = opts.absTol ?? -Infinity;
	const { lower, upper } = opts;
	const alpha = 1;
	const bet = 0.5;
	const gamm = 2;
	const fn = (x: Float64Array): number => {
		if (lower || upper) {
			for (let i = 0; i < n; i++) {
				if ((lower && x[i] < lower[i]) || (upper && x[i] > upper[i])) return Infinity;
			}
		}
		return f(x);
	};
	const Bvec = Float64Array.from(x0);
	if (n === 0) {
		return { x: Bvec, value: fn(Bvec), evaluations: 1, fail: 0 };
	}
	const n1 = n + 1;
	const C = n + 2;
	// P[i][j]: rows 0..n-1 coordinates, row n the function value; columns 0..n+1 (C-1 = centroid).
	const P: Float64Array[] = Array.from({ length: n1 }, () => new Float64Array(C));
	let fv = fn(Bvec);
	if (!Number.isFinite(fv)) {
		return { x: Bvec, value: Infinity, evaluations: 1, fail: 2 };
	}
	let funcount = 1;
	const convtol = intol * (Math.abs(fv) + intol);
	P[n1 - 1][0] = fv;
	for (let i = 0; i < n; i++) P[i][0] = Bvec[i];
	let L = 1;
	let size = 0;
	let step = 0;
	for (let i = 0; i < n; i++) if (0.1 * Math.abs(Bvec[i]) > step) step = 0.1 * Math.abs(Bvec[i]);
	if (step === 0) step = 0.1;
	for (let j = 2; j <= n1; j++) {
		for (let i = 0; i < n; i++) P[i][j - 1] = Bvec[i];
		let trystep =
			opts.step === undefined ? step : typeof opts.step === 'number' ? opts.step : opts.step[j - 2];
		while (P[j - 2][j - 1] === Bvec[j - 2]) {
			P[j - 2][j - 1] = Bvec[j - 2] + trystep;
			trystep *= 10;
		}
		size += trystep;
	}
	let oldsize = size;
	let calcvert = true;
	let fail = 0;
	let VH: number, VL: number, VR: number, H: number;
	do {
		if (calcvert) {
			for (let j = 0; j < n1; j++) {
				if (j + 1 !== L) {
					for (let i = 0; i < n; i++) Bvec[i] = P[i][j];
					fv = fn(Bvec);
					if (!Number.isFinite(fv)) fv = BIG;
					funcount++;
					P[n1 - 1][j] = fv;
				}
			}
			calcvert = false;
		}
		VL = P[n1 - 1][L - 1];
		VH = VL;
		H = L;
		for (let j = 1; j <= n1; j++) {
			if (j !== L) {
				const v = P[n1 - 1][j - 1];
				if (v < VL) {
					L = j;
					VL = v;
				}
				if (v > VH) {
					H = j;
					VH = v;
				}
			}
		}
		if (VH <= VL + convtol || VL <= abstol) break;
		for (let i = 0; i < n; i++) {
			let temp = -P[i][H - 1];
			for (let j = 0; j < n1; j++) temp += P[i][j];
			P[i][C - 1] = temp / n;
		}
		for (let i = 0; i < n; i++) Bvec[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
		fv = fn(Bvec);
		if (!Number.isFinite(fv)) fv = BIG;
		funcount++;
		VR = fv;
		if (VR < VL) {
			P[n1 - 1][C - 1] = fv;
			for (let i = 0; i < n; i++) {
				const t = gamm * Bvec[i] + (1 - gamm) * P[i][C - 1];
				P[i][C - 1] = Bvec[i];
				Bvec[i] = t;
			}
			fv = fn(Bvec);
			if (!Number.isFinite(fv)) fv = BIG;
			funcount++;
			if (fv < VR) {
				for (let i = 0; i < n; i++) P[i][H - 1] = Bvec[i];
				P[n1 - 1][H - 1] = fv;
			} else {
				for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
				P[n1 - 1][H - 1] = VR;
			}
		} else {
			if (VR < VH) {
				for (let i = 0; i < n; i++) P[i][H - 1] = Bvec[i];
				P[n1 - 1][H - 1] = VR;
			}
			for (let i = 0; i < n; i++) Bvec[i] = (1 - bet) * P[i][H - 1] + bet * P[i][C - 1];
			fv = fn(Bvec);
			if (!Number.isFinite(fv)) fv = BIG;
			funcount++;
			if (fv < P[n1 - 1][H - 1]) {
				for (let i = 0; i < n; i++) P[i][H - 1] = Bvec[i];
				P[n1 - 1][H - 1] = fv;
			} else if (VR >= VH) {
				calcvert = true;
				size = 0;
				for (let j = 0; j < n1; j++) {
					if (j + 1 !== L) {
						for (let i = 0; i < n; i++) {
							P[i][j] = bet * (P[i][j] - P[i][L - 1]) + P[i][L - 1];
							size += Math.abs(P[i][j] - P[i][L - 1]);
						}
					}
				}
				if (size < oldsize) {
					oldsize = size;
				} else {
					fail = 10;
					break;
				}
			}
		}
	} while (funcount <= maxit);
	const x = new Float64Array(n);
	for (let i = 0; i < n; i++) x[i] = P[i][L - 1];
	if (funcount > maxit) fail = 1;
	return { x, value: P[n1 - 1][L - 1], evaluations: funcount, fail };
}

/** Minimise a unimodal 1-D function on [a, b] by golden-section search (Kiefer 1953). */
export function goldenSection(
	f: (x: number) => number,
	a: number,
	b: number,
	tol = 1e-8,
	maxIter = 200,
): { x: number; value: number } {
	const g = (Math.sqrt(5) - 1) / 2;
	let c = b - g * (b - a);
	let d = a + g * (b - a);
	let fc = f(c);
	let fd = f(d);
	for (let i = 0; i < maxIter && Math.abs(b - a) > tol * (Math.abs(c) + Math.abs(d) + tol); i++) {
		if (fc < fd) {
			b = d;
			d = c;
			fd = fc;
			c = b - g * (b - a);
			fc = f(c);
		} else {
			a = c;
			c = d;
			fc = fd;
			d = a + g * (b - a);
			fd = f(d);
		}
	}
	return fc < fd ? { x: c, value: fc } : { x: d, value: fd };
}
