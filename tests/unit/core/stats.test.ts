import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	acf,
	kpss,
	mulberry32,
	normalSampler,
	pnorm,
	qnorm,
	qt,
	pt,
} from '../../../src/core/stats';

describe('qnorm', () => {
	it('matches R qnorm to 1e-12', () => {
		expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(qnorm(0.9)).toBeCloseTo(1.2815515655446004, 12);
		expect(qnorm(0.5)).toBe(0);
		expect(qnorm(1e-10)).toBeCloseTo(-6.361340902404056, 10);
		expect(qnorm(0.025)).toBeCloseTo(-1.959963984540054, 12);
	});
	it('handles edges', () => {
		expect(qnorm(0)).toBe(-Infinity);
		expect(qnorm(1)).toBe(Infinity);
		expect(qnorm(1.5)).toBeNaN();
	});
	it('inverts pnorm', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
				expect(pnorm(qnorm(p))).toBeCloseTo(p, 6);
			}),
		);
	});
});

describe('Student t', () => {
	it('matches R qt/pt', () => {
		expect(qt(0.975, 10)).toBeCloseTo(2.228138851986274, 8);
		expect(qt(0.9, 3)).toBeCloseTo(1.63774435369621, 8);
		expect(qt(0.05, 5)).toBeCloseTo(-2.015048372669157, 8);
		expect(pt(qt(0.8, 4.5), 4.5)).toBeCloseTo(0.8, 10);
	});
});

describe('PRNG and acf', () => {
	it('is deterministic and roughly standard normal', () => {
		const a = normalSampler(mulberry32(42));
		const b = normalSampler(mulberry32(42));
		let s = 0;
		let s2 = 0;
		for (let i = 0; i < 20000; i++) {
			const x = a();
			expect(x).toBe(b());
			s += x;
			s2 += x * x;
		}
		expect(Math.abs(s / 20000)).toBeLessThan(0.03);
		expect(Math.abs(s2 / 20000 - 1)).toBeLessThan(0.05);
	});
	it('acf of a sine has a negative half-period lag', () => {
		const y = Float64Array.from({ length: 120 }, (_, i) => Math.sin((2 * Math.PI * i) / 12));
		const r = acf(y, 12);
		expect(r[0]).toBe(1);
		expect(r[6]).toBeLessThan(-0.9);
		expect(r[12]).toBeGreaterThan(0.85);
	});
	it('kpss rejects a random walk and accepts white noise', () => {
		const z = normalSampler(mulberry32(1));
		const wn = Float64Array.from({ length: 200 }, () => z());
		const rw = new Float64Array(200);
		for (let i = 1; i < 200; i++) rw[i] = rw[i - 1] + z();
		expect(kpss(wn).pValue).toBeGreaterThan(0.05);
		expect(kpss(rw).pValue).toBeLessThan(0.05);
	});
});
