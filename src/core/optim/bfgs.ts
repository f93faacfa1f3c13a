// Quasi-Newton minimiser for smooth objectives (ARIMA CSS and exact likelihood): a port of R's
// `vmmin` (BFGS, src/appl/optim.c) with optim()'s central-difference gradient and parscale, so that
// ARIMA fits follow R's stats::arima closely.

/** Options for {@link bfgs}; defaults are R's optim(method = "BFGS") defaults. */
export interface BfgsOptions {
	/** Maximum iterations (gradient evaluations). Default 100. */
	maxIter?: number;
	/** Relative tolerance on the objective. Default 1e-8. */
	relTol?: number;
	/** Absolute tolerance: stop when f ≤ absTol. Default -Infinity. */
	absTol?: number;
	/** Scale of each parameter: the search runs on x / parscale. Default 1. */
	parscale?: ArrayLike<number>;
	/** Finite-difference step in scaled units. Default 1e-3. */
	ndeps?: number;
	/**
	 * Analytic gradient of f at x (unscaled), written into g; returns false where it cannot give one
	 * (then that gradient is the central difference). Default: central differences only.
	 */
	gradient?: (x: Float64Array, g: Float64Array) => boolean;
}

/** Result of a BFGS minimisation. */
export interface BfgsResult {
	x: Float64Array;
	value: number;
	/** 0 converged, 1 iteration limit reached (R's codes). */
	fail: number;
	evaluations: number;
}

/**
 * Minimise f by BFGS with backtracking (R's vmmin; Nash 1990, Algorithm 21). Gradients are central
 * differences (f(x + h) − f(x − h)) / 2h in scaled coordinates, as optim() does without a gradient,
 * unless `opts.gradient` gives the analytic one.
 */
export function bfgs(
	f: (x: Float64Array) => number,
	x0: ArrayLike<number>,
	opts: BfgsOptions = {},
): BfgsResult {
	const n = x0.length;
	const maxit = opts.maxIter ?? 100;
	const reltol = opts.relTol ?? 1e-8;
	const abstol = opts.absTol ?? -Infinity;
	const ndeps = opts.ndeps ?? 1e-3;
	const scale = Float64Array.from({ length: n }, (_, i) => opts.parscale?.[i] ?? 1);
	const stepredn = 0.2;
	const acctol = 0.0001;
	const reltest = 10.0;
	let evaluations = 0;
	const xs = new Float64Array(n);
	const fn = (p: Float64Array): number => {
		for (let i = 0; i < n; i++) xs[i] = p[i] * scale[i];
		evaluations++;
		return f(xs);
	};
	const analytic = opts.gradient;
	const ga = new Float64Array(n);
	const grad = (p: Float64Array, g: Float64Array): void => {
		if (analytic) {
			for (let i = 0; i < n; i++) xs[i] = p[i] * scale[i];
			let ok = analytic(xs, ga);
			for (let i = 0; ok && i < n; i++) {
				g[i] = ga[i] * scale[i];
				if (!Number.isFinite(g[i])) ok = false;
			}
			if (ok) return;
		}
		const q = Float64Array.from(p);
		for (let i = 0; i < n; i++) {
			q[i] = p[i] + ndeps;
			const v1 = fn(q);
			q[i] = p[i] - ndeps;
			const v2 = fn(q);
			g[i] = (v1 - v2) / (2 * ndeps);
			if (!Number.isFinite(g[i])) g[i] = 0;
			q[i] = p[i];
		}
	};
	const b = Float64Array.from({ length: n }, (_, i) => x0[i] / scale[i]);
	if (n === 0) {
		return { x: new Float64Array(0), value: f(new Float64Array(0)), fail: 0, evaluations: 1 };
	}
	let fv = fn(b);
	if (!Number.isFinite(fv))
		return { x: Float64Array.from(x0), value: Infinity, fail: 2, evaluations };
	let Fmin = fv;
	const g = new Float64Array(n);
	const t = new Float64Array(n);
	const X = new Float64Array(n);
	const c = new Float64Array(n);
	const B: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
	grad(b, g);
	let gradcount = 1;
	let iter = 1;
	let ilast = gradcount;
	let count: number;
	do {
		if (ilast === gradcount) {
			for (let i = 0; i < n; i++) {
				B[i].fill(0);
				B[i][i] = 1;
			}
		}
		for (let i = 0; i < n; i++) {
			X[i] = b[i];
			c[i] = g[i];
		}
		let gradproj = 0;
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let j = 0; j <= i; j++) s -= B[i][j] * g[j];
			for (let j = i + 1; j < n; j++) s -= B[j][i] * g[j];
			t[i] = s;
			gradproj += s * g[i];
		}
		if (gradproj < 0) {
			let steplength = 1.0;
			let accpoint = false;
			do {
				count = 0;
				for (let i = 0; i < n; i++) {
					b[i] = X[i] + steplength * t[i];
					if (reltest + X[i] === reltest + b[i]) count++;
				}
				if (count < n) {
					fv = fn(b);
					accpoint = Number.isFinite(fv) && fv <= Fmin + gradproj * steplength * acctol;
					if (!accpoint) steplength *= stepredn;
				}
			} while (!(count === n || accpoint));
			const enough = fv > abstol && Math.abs(fv - Fmin) > reltol * (Math.abs(Fmin) + reltol);
			if (!enough) {
				count = n;
				Fmin = fv;
			}
			if (count < n) {
				Fmin = fv;
				grad(b, g);
				gradcount++;
				iter++;
				let D1 = 0;
				for (let i = 0; i < n; i++) {
					t[i] *= steplength;
					c[i] = g[i] - c[i];
					D1 += t[i] * c[i];
				}
				if (D1 > 0) {
					let D2 = 0;
					for (let i = 0; i < n; i++) {
						let s = 0;
						for (let j = 0; j <= i; j++) s += B[i][j] * c[j];
						for (let j = i + 1; j < n; j++) s += B[j][i] * c[j];
						X[i] = s;
						D2 += s * c[i];
					}
					D2 = 1 + D2 / D1;
					for (let i = 0; i < n; i++) {
						for (let j = 0; j <= i; j++)
							B[i][j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
					}
				} else {
					ilast = gradcount;
				}
			} else if (ilast < gradcount) {
				count = 0;
				ilast = gradcount;
			}
		} else {
			count = 0;
			if (ilast === gradcount) count = n;
			else ilast = gradcount;
		}
		if (iter >= maxit) break;
		if (gradcount - ilast > 2 * n) ilast = gradcount;
	} while (count !== n || ilast !== gradcount);
	const x = Float64Array.from(b, (v, i) => v * scale[i]);
	return { x, value: Fmin, fail: iter < maxit ? 0 : 1, evaluations };
}
