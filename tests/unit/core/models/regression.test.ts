import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LinearRegressionModel } from '../../../../src/core/models/regression';
import { forecasterContract, seasonalSeries } from './forecaster-contract';

const ref = JSON.parse(
	readFileSync(
		fileURLToPath(new URL('../../../fixtures/r-reference/regression.json', import.meta.url)),
		'utf8',
	),
) as Record<string, number[] | number> & { names: string[] };
const arr = (k: string): Float64Array => Float64Array.from(ref[k] as number[]);

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let worst = 0;
	for (let i = 0; i < b.length; i++) {
		worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
	}
	return worst;
}

describe('LinearRegressionModel matches forecast::tslm', () => {
	const model = new LinearRegressionModel({ fourier: 3, xregNames: ['promo', 'price'] });
	const fit = model.fit(arr('y'), { season: 12, xreg: [arr('promo'), arr('price')] });
	it('coefficients, standard errors, t and p values, R²', () => {
		const ex = fit.explain();
		expect(ex.terms.map((t) => t.name)).toEqual([
			'(Intercept)',
			'trend',
			'S1-12',
			'C1-12',
			'S2-12',
			'C2-12',
			'S3-12',
			'C3-12',
			'promo',
			'price',
		]);
		expect(
			maxRel(
				ex.terms.map((t) => t.estimate),
				ref.estimate as number[],
			),
		).toBeLessThan(1e-9);
		expect(
			maxRel(
				ex.terms.map((t) => t.stdError),
				ref.stdError as number[],
			),
		).toBeLessThan(1e-9);
		expect(
			maxRel(
				ex.terms.map((t) => t.tValue),
				ref.tValue as number[],
			),
		).toBeLessThan(1e-9);
		expect(
			maxRel(
				ex.terms.map((t) => t.pValue),
				ref.pValue as number[],
			),
		).toBeLessThan(1e-6);
		expect(ex.sigma).toBeCloseTo(ref.sigma as number, 10);
		expect(ex.rSquared).toBeCloseTo(ref.r2 as number, 10);
		expect(ex.adjRSquared).toBeCloseTo(ref.adjr2 as number, 10);
	});
	it('fitted values, forecasts and t intervals', () => {
		expect(maxRel(fit.predictInSample(), ref.fitted as number[])).toBeLessThan(1e-10);
		const f = fit.predict(24, {
			levels: [0.8, 0.95],
			xreg: [arr('promo_future'), arr('price_future')],
		});
		expect(maxRel(f.point, ref.mean as number[])).toBeLessThan(1e-10);
		expect(maxRel(f.intervals[0].lower, ref.lower80 as number[])).toBeLessThan(1e-8);
		expect(maxRel(f.intervals[1].upper, ref.upper95 as number[])).toBeLessThan(1e-8);
	});
	it('requires future regressors and drops collinear columns', () => {
		expect(() => fit.predict(3)).toThrow(RangeError);
		const y = seasonalSeries(48);
		const x = Float64Array.from({ length: 48 }, (_, i) => i + 1); // duplicates the trend
		const f2 = new LinearRegressionModel({ fourier: 2 }).fit(y, { season: 12, xreg: [x] });
		expect(f2.explain().terms.map((t) => t.name)).not.toContain('xreg1');
		const p = f2.predict(4, { xreg: [Float64Array.of(49, 50, 51, 52)], levels: [0.9] });
		expect(Array.from(p.point).every(Number.isFinite)).toBe(true);
	});
	it('auto K finds the seasonal pattern in a seasonal series', () => {
		const f3 = new LinearRegressionModel().fit(seasonalSeries(96), { season: 12 });
		expect(f3.explain().fourierK).toBeGreaterThanOrEqual(1);
		const flat = new LinearRegressionModel().fit(seasonalSeries(96, 1), { season: 12 });
		expect(flat.explain().fourierK).toBeLessThanOrEqual(1);
	});
	it('auto K is the fixed-K fit with the lowest AICc (the incremental QR search picks as 11 fits would)', () => {
		// seasons with and without the dropped sin(πt) column (m even and m/2 ≤ 10), regressors
		// collinear with a Fourier column, noise from a fixed LCG
		let seed = 7;
		const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
		for (const [m, n, nx] of [
			[12, 96, 0],
			[52, 300, 0],
			[7, 60, 2],
			[4, 40, 1],
			[52, 200, 1],
		] as const) {
			const y = Float64Array.from(
				{ length: n },
				(_, t) =>
					10 +
					0.05 * t +
					3 * Math.sin((2 * Math.PI * t) / m) +
					Math.cos((4 * Math.PI * t) / m) +
					rnd(),
			);
			const xreg = Array.from({ length: nx }, (_, j) =>
				j === 0
					? Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * (t + 1)) / m))
					: Float64Array.from({ length: n }, () => (rnd() > 0.3 ? 1 : 0)),
			);
			const auto = new LinearRegressionModel().fit(y, { season: m, xreg });
			let bestK = 0;
			let best = Infinity;
			for (let K = 0; K <= Math.min(Math.floor(m / 2), 10); K++) {
				if (K > 0 && 2 * K + 2 + nx > n / 2) break;
				const a = new LinearRegressionModel({ fourier: K }).fit(y, { season: m, xreg }).aicc;
				if (a < best) {
					best = a;
					bestK = K;
				}
			}
			expect(auto.explain().fourierK, `m=${m} n=${n}`).toBe(bestK);
			expect(auto.aicc).toBe(best);
		}
	});
	it('property: an exact linear series is recovered and the promo effect is explained', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -50, max: 50, noNaN: true }),
				fc.double({ min: -2, max: 2, noNaN: true }),
				fc.double({ min: 1, max: 30, noNaN: true }),
				(a, b, effect) => {
					const n = 40;
					const promo = Float64Array.from({ length: n }, (_, i) => (i % 6 === 0 ? 1 : 0));
					const y = Float64Array.from(
						{ length: n },
						(_, i) => a + b * (i + 1) + effect * promo[i] + 0.01 * Math.sin(i * 7.1),
					);
					const ex = new LinearRegressionModel({ fourier: 0, xregNames: ['promo'] })
						.fit(y, { xreg: [promo] })
						.explain();
					const term = ex.terms.find((t) => t.name === 'promo');
					expect(term?.estimate).toBeCloseTo(effect, 1);
					expect(ex.terms[1].estimate).toBeCloseTo(b, 2);
				},
			),
			{ numRuns: 30, seed: 5 },
		);
	});
});

describe('regression contract', () => {
	forecasterContract(
		() => new LinearRegressionModel(),
		[
			{ label: 'monthly seasonal', y: seasonalSeries(72), fit: { season: 12 } },
			{ label: 'non-seasonal', y: seasonalSeries(30, 1) },
			{
				label: 'with promo',
				y: seasonalSeries(60).map((v, i) => v + (i % 4 === 0 ? 10 : 0)),
				fit: {
					season: 12,
					xreg: [Float64Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? 1 : 0))],
				},
				predict: (h: number) => ({
					xreg: [Float64Array.from({ length: h }, (_, i) => ((60 + i) % 4 === 0 ? 1 : 0))],
				}),
			},
		],
		'regression',
	);
});
