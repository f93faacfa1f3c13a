// Reconciliation known answers: the summing matrix, bottom-up sums, MinT-OLS and MinT-WLS on a
// two-product hierarchy computed by hand, the shrunk covariance against R (hts' shrink.estim run in
// R 4 on the same residuals), and coherence (every node equals the sum of its bottom series).
import { describe, expect, it } from 'vitest';
import {
	aggregate,
	bottomUp,
	buildHierarchy,
	identity,
	minT,
	naiveResiduals,
	reconcile,
	shrinkCovariance,
} from '../../../../src/core/forecast/hierarchy';

describe('hierarchy', () => {
	it('builds the summing matrix: total, groups, then the bottom series', () => {
		const h = buildHierarchy([
			{ id: 'A', groups: ['cat:x', 'store:1'] },
			{ id: 'B', groups: ['cat:x', 'store:2'] },
			{ id: 'C', groups: ['cat:y', 'store:1'] },
		]);
		expect(h.nodes).toEqual(['total', 'cat:x', 'store:1', 'store:2', 'cat:y', 'A', 'B', 'C']);
		expect(h.m).toBe(3);
		expect(Array.from(h.S)).toEqual([
			1, 1, 1, /* cat:x */ 1, 1, 0, /* store:1 */ 1, 0, 1, /* store:2 */ 0, 1, 0, /* cat:y */ 0, 0,
			1, 1, 0, 0, 0, 1, 0, 0, 0, 1,
		]);
		expect(() => buildHierarchy([{ id: 'total', groups: [] }])).toThrow(RangeError);
	});

	it('bottom-up sums the bottom forecasts', () => {
		const h = buildHierarchy([
			{ id: 'A', groups: ['cat:x'] },
			{ id: 'B', groups: ['cat:x'] },
			{ id: 'C', groups: ['cat:y'] },
		]);
		const base = [
			[99, 99],
			[99, 99],
			[99, 99],
			[1, 2],
			[3, 4],
			[5, 6],
		];
		expect(bottomUp(h, base).map((a) => Array.from(a))).toEqual([
			[9, 12],
			[4, 6],
			[5, 6],
			[1, 2],
			[3, 4],
			[5, 6],
		]);
	});

	it('MinT with W = I (OLS) and a diagonal W (WLS) match the hand computation', () => {
		// total = A + B; base forecasts total 10, A 3, B 5 (incoherent: 10 ≠ 8)
		const h = buildHierarchy([
			{ id: 'A', groups: [] },
			{ id: 'B', groups: [] },
		]);
		const base = [[10], [3], [5]];
		// OLS: b = (SᵀS)⁻¹Sᵀŷ = ⅓[[2, −1], [−1, 2]]·[13, 15] = [11/3, 17/3]
		const ols = minT(h, base, identity(3)) as Float64Array[];
		expect(ols[1][0]).toBeCloseTo(11 / 3, 6);
		expect(ols[2][0]).toBeCloseTo(17 / 3, 6);
		expect(ols[0][0]).toBeCloseTo(28 / 3, 6);
		// WLS, W = diag(4, 1, 1): SᵀW⁻¹S = [[1.25, .25], [.25, 1.25]], SᵀW⁻¹ŷ = [5.5, 7.5] → [10/3, 16/3]
		const W = new Float64Array([4, 0, 0, 0, 1, 0, 0, 0, 1]);
		const wls = minT(h, base, W) as Float64Array[];
		expect(wls[1][0]).toBeCloseTo(10 / 3, 6);
		expect(wls[2][0]).toBeCloseTo(16 / 3, 6);
		expect(wls[0][0]).toBeCloseTo(26 / 3, 6);
	});

	it('shrinks the residual covariance as hts (R) does', () => {
		const x = [
			[1.0, 1.2, 2.1],
			[-1.0, -0.8, -1.9],
			[2.0, 2.3, 4.1],
			[0.5, 0.2, 0.8],
			[-2.0, -1.7, -3.8],
			[1.5, 1.1, 2.7],
			[-0.5, -0.9, -1.2],
			[0.3, 0.6, 0.7],
		];
		const { W, lambda } = shrinkCovariance(Float64Array.from(x.flat()), 8, 3);
		expect(lambda).toBeCloseTo(0.136341419606, 9);
		const R = [1.605, 1.33651165316, 2.705410503086, 1.33651165316, 1.585, 2.651431841811];
		R.push(2.705410503086, 2.651431841811, 6.14125);
		Array.from(W).forEach((v, i) => expect(v).toBeCloseTo(R[i], 9));
	});

	it('reconciled forecasts add up at every node and step', () => {
		const h = buildHierarchy([
			{ id: 'A', groups: ['brand:1'] },
			{ id: 'B', groups: ['brand:1'] },
			{ id: 'C', groups: ['brand:2'] },
			{ id: 'D', groups: ['brand:2'] },
		]);
		const hist = aggregate(
			h,
			[0, 1, 2, 3].map((j) =>
				Float64Array.from({ length: 40 }, (_, t) => 10 + j + Math.sin(t * (j + 1)) * (j + 2)),
			),
		);
		const base = h.nodes.map((_, i) => Float64Array.from([5 + i, 7 + 2 * i, 3 * i]));
		const r = reconcile(h, base, 'mint-shrink', naiveResiduals(hist));
		expect(r.used).toBe('mint-shrink');
		expect(r.lambda).toBeGreaterThanOrEqual(0);
		for (let t = 0; t < 3; t++) {
			const [total, b1, b2, a, b, c, d] = r.forecasts.map((f) => f[t]);
			expect(b1).toBeCloseTo(a + b, 9);
			expect(b2).toBeCloseTo(c + d, 9);
			expect(total).toBeCloseTo(a + b + c + d, 9);
		}
		expect(reconcile(h, base, 'bottom-up').used).toBe('bottom-up');
	});
});
