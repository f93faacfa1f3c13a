// auto.arima's CSS search minimises with BFGS; for non-seasonal ARMA (every weekly model at m = 52)
// the gradient is analytic (reverse mode through the CSS recursion, issue #11 speed) instead of
// 2(p + q + k) central differences. It must be the gradient of the very objective BFGS evaluates:
// checked here against fine central differences, with differencing, seasonal differencing, a mean,
// a drift and user regressors.
import { describe, expect, it } from 'vitest';
import { arimaInternals } from '../../../../src/core/models/arima';

const N = 90;
const y = Float64Array.from(
	{ length: N },
	(_, t) => 100 + 0.8 * t + 6 * Math.sin(t / 3) + 4 * Math.cos(t * 1.7) + ((t * 37) % 11),
);
const drift = Float64Array.from({ length: N }, (_, t) => t + 1);
const promo = Float64Array.from({ length: N }, (_, t) => (t % 9 === 4 ? 1 : 0));
const ones = new Float64Array(N).fill(1);

const cases: [
	string,
	{ p: number; d: number; q: number; D: number; m: number },
	Float64Array[],
	number[],
][] = [
	['ARMA(2,0,2) + mean', { p: 2, d: 0, q: 2, D: 0, m: 1 }, [ones], [0.4, -0.2, 0.3, 0.1, 120]],
	['ARIMA(1,1,1) + drift', { p: 1, d: 1, q: 1, D: 0, m: 1 }, [drift], [0.3, -0.4, 0.7]],
	['ARIMA(0,1,3)', { p: 0, d: 1, q: 3, D: 0, m: 1 }, [], [-0.5, 0.2, 0.1]],
	[
		'ARIMA(3,1,0) + drift + promotion',
		{ p: 3, d: 1, q: 0, D: 0, m: 1 },
		[drift, promo],
		[0.2, -0.1, 0.05, 0.8, 5],
	],
	[
		'ARIMA(1,0,1)(0,1,0)[12] + drift + promotion',
		{ p: 1, d: 0, q: 1, D: 1, m: 12 },
		[drift, promo],
		[0.5, 0.2, 0.6, -3],
	],
	['ARIMA(2,1,2)(0,1,0)[7]', { p: 2, d: 1, q: 2, D: 1, m: 7 }, [], [0.1, 0.2, -0.6, 0.15]],
];

describe('analytic gradient of the CSS objective', () => {
	for (const [label, o, cols, par0] of cases)
		it(label, () => {
			const s = { ...o, P: 0, Q: 0 };
			const par = Float64Array.from(par0);
			const g = arimaInternals.cssGradient(y, s, cols, par);
			expect(g).not.toBeNull();
			const f = (x: Float64Array): number => arimaInternals.cssObjective(y, s, cols, x);
			for (let i = 0; i < par.length; i++) {
				const h = 1e-6 * Math.max(1, Math.abs(par[i]));
				const a = Float64Array.from(par);
				const b = Float64Array.from(par);
				a[i] += h;
				b[i] -= h;
				const num = (f(a) - f(b)) / (2 * h);
				expect(Math.abs(g![i] - num)).toBeLessThan(1e-6 + 1e-5 * Math.abs(num));
			}
		});
});

// Without regressors BFGS's gradient reuses the residuals of the objective's evaluation at the same
// point instead of running the CSS recursion again (issue #11 speed, speed5): the same numbers, to
// the last bit, as the gradient's own recursion.
describe('gradient from the objective’s residuals', () => {
	for (const [label, o, cols, par0] of cases) {
		if (cols.length > 0) continue;
		it(label, () => {
			const s = { ...o, P: 0, Q: 0 };
			const par = Float64Array.from(par0);
			const own = arimaInternals.cssGradient(y, s, [], par);
			const reused = arimaInternals.cssGradientAfterObjective(y, s, par);
			expect(own).not.toBeNull();
			expect(Array.from(reused!)).toEqual(Array.from(own!));
		});
	}
	it('ARIMA(2,0,1), no mean', () => {
		const s = { p: 2, d: 0, q: 1, P: 0, D: 0, Q: 0, m: 1 };
		const z = Float64Array.from(y, (v, t) => v - 100 - 0.8 * t);
		const par = Float64Array.from([0.5, -0.2, 0.4]);
		const own = arimaInternals.cssGradient(z, s, [], par);
		expect(Array.from(arimaInternals.cssGradientAfterObjective(z, s, par)!)).toEqual(
			Array.from(own!),
		);
	});
});
