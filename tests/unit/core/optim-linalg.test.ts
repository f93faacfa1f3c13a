import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nelderMead, goldenSection } from '../../../src/core/optim/nelder-mead';
import { bfgs } from '../../../src/core/optim/bfgs';
import {
	cholesky,
	choleskySolve,
	IncrementalQR,
	leastSquares,
	polyRoots,
	rootsWithin,
	solve,
} from '../../../src/core/linalg';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

describe('optimisers reproduce R optim()', () => {
	it('Nelder–Mead: same path as optim(c(-1.2, 1), fr)', () => {
		const r = nelderMead(rosenbrock, [-1.2, 1]);
		// R 4.x: par 1.000260 1.000506, value 8.825241e-08, 195 function evaluations
		expect(r.x[0]).toBeCloseTo(1.00026, 5);
		expect(r.x[1]).toBeCloseTo(1.000506, 5);
		expect(r.value).toBeCloseTo(8.825241e-8, 12);
		expect(r.evaluations).toBe(195);
	});
	it('BFGS: same result as optim(c(-1.2, 1), fr, method = "BFGS")', () => {
		const r = bfgs(rosenbrock, [-1.2, 1]);
		// R 4.x: par 0.9998044 0.9996084, value 3.827383e-08, counts 118 function + 38 gradient
		expect(r.x[0]).toBeCloseTo(0.9998044, 6);
		expect(r.x[1]).toBeCloseTo(0.9996084, 6);
		expect(r.value).toBeCloseTo(3.827383e-8, 12);
		expect(r.evaluations).toBe(118 + 38 * 4);
	});
	it('bounds make Nelder–Mead stay inside the box', () => {
		const r = nelderMead((x) => (x[0] - 3) ** 2, [0.5], { lower: [0], upper: [1] });
		expect(r.x[0]).toBeLessThanOrEqual(1);
		expect(r.x[0]).toBeGreaterThan(0.99);
	});
	it('golden section finds a parabola minimum', () => {
		expect(goldenSection((x) => (x - 0.3) ** 2, 0, 1).x).toBeCloseTo(0.3, 6);
	});
});

describe('linear algebra', () => {
	it('least squares recovers coefficients and drops a collinear column', () => {
		const n = 30;
		const t = Float64Array.from({ length: n }, (_, i) => i);
		const one = new Float64Array(n).fill(1);
		const y = t.map((v) => 2 + 0.5 * v + Math.sin(v));
		const r = leastSquares([one, t, t.map((v) => 2 * v)], y);
		expect(r.rank).toBe(2);
		expect(Number.isNaN(r.coef[2])).toBe(true);
		const direct = leastSquares([one, t], y);
		expect(r.coef[0]).toBeCloseTo(direct.coef[0], 10);
		expect(r.coef[1]).toBeCloseTo(direct.coef[1], 10);
	});
	it('property: residuals are orthogonal to the columns', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 8, maxLength: 30 }),
				(ys) => {
					const n = ys.length;
					const cols = [
						new Float64Array(n).fill(1),
						Float64Array.from({ length: n }, (_, i) => i),
						Float64Array.from({ length: n }, (_, i) => Math.cos(i)),
					];
					const r = leastSquares(cols, ys);
					for (let j = 0; j < cols.length; j++) {
						if (Number.isNaN(r.coef[j])) continue;
						let dot = 0;
						for (let i = 0; i < n; i++) dot += cols[j][i] * r.residuals[i];
						expect(Math.abs(dot)).toBeLessThan(1e-7 * (1 + r.rss + n));
					}
				},
			),
			{ numRuns: 50, seed: 1 },
		);
	});
	it('property: IncrementalQR keeps the rank and RSS of leastSquares on every prefix, and forks', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 8, maxLength: 30 }),
				(ys) => {
					const n = ys.length;
					const t = Float64Array.from({ length: n }, (_, i) => i);
					const cols = [
						new Float64Array(n).fill(1),
						t,
						t.map((v) => 3 * v - 1), // collinear: dropped
						t.map((v) => Math.cos(v)),
						t.map((v) => Math.sin(v / 2)),
					];
					const qr = new IncrementalQR(ys);
					cols.forEach((c, j) => {
						qr.add(c);
						const ls = leastSquares(cols.slice(0, j + 1), ys);
						expect(qr.rank).toBe(ls.rank);
						expect(Math.abs(qr.rss() - ls.rss)).toBeLessThan(1e-9 * (1 + ls.rss));
					});
					// a fork sees its own extra column only
					const base = new IncrementalQR(ys);
					base.add(cols[0]);
					const fork = base.clone();
					fork.add(cols[3]);
					expect(base.rank).toBe(1);
					expect(fork.rank).toBe(leastSquares([cols[0], cols[3]], ys).rank);
					expect(base.rss()).toBeCloseTo(leastSquares([cols[0]], ys).rss, 8);
				},
			),
			{ numRuns: 50, seed: 2 },
		);
	});
	it('Cholesky and Gaussian elimination solve the same SPD system', () => {
		const A = [4, 2, 0.6, 2, 5, 1, 0.6, 1, 3];
		const b = [1, 2, 3];
		const L = cholesky(A, 3);
		expect(L).not.toBeNull();
		const x1 = choleskySolve(L as Float64Array, 3, b);
		const x2 = solve(A, 3, b) as Float64Array;
		for (let i = 0; i < 3; i++) expect(x1[i]).toBeCloseTo(x2[i], 12);
		expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
	});
	it('polynomial roots: (z − 2)(z + 0.5)(z² + 1)', () => {
		// z⁴ − 1.5z³ + 0z² − 1.5z − 1 → R order c(-1, -1.5, 0, -1.5, 1)
		const { re, im } = polyRoots([-1, -1.5, 0, -1.5, 1]);
		const mods = Array.from(re, (r, i) => Math.hypot(r, im[i])).sort((a, b) => a - b);
		expect(mods[0]).toBeCloseTo(0.5, 10);
		expect(mods[1]).toBeCloseTo(1, 10);
		expect(mods[2]).toBeCloseTo(1, 10);
		expect(mods[3]).toBeCloseTo(2, 10);
	});
});

describe('rootsWithin (Schur–Cohn) agrees with the roots', () => {
	it('decides max |root| < radius as polyRoots does, away from the boundary', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 14 }),
				fc.double({ min: 0.5, max: 1.5, noNaN: true }),
				(c, radius) => {
					c[c.length - 1] = 1;
					const { re, im } = polyRoots(c);
					let mx = 0;
					for (let i = 0; i < re.length; i++) mx = Math.max(mx, Math.hypot(re[i], im[i]));
					fc.pre(Number.isFinite(mx) && Math.abs(mx - radius) > 1e-6);
					expect(rootsWithin(c, radius)).toBe(mx < radius);
				},
			),
			{ numRuns: 300 },
		);
		// (z − 0.5)(z + 0.9): inside the unit circle, not inside 0.8
		expect(rootsWithin([-0.45, 0.4, 1])).toBe(true);
		expect(rootsWithin([-0.45, 0.4, 1], 0.8)).toBe(false);
		expect(rootsWithin([5])).toBe(true);
		expect(rootsWithin([NaN, 1])).toBe(false);
	});
});
