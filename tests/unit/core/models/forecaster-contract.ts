// Shared contract suite every model in src/core/models passes (statsforecast's assert_class idea):
// shapes, in-sample length, ordered finite intervals, determinism and a serialisable state.
import { expect, it } from 'vitest';
import type { FitOptions, Forecaster, PredictOptions } from '../../../../src/core/types';

/** One data case for the contract. */
export interface ContractCase {
	label: string;
	y: Float64Array;
	fit?: FitOptions;
	predict?: (horizon: number) => PredictOptions;
}

/** Registers the contract tests for one model factory over the given cases. */
export function forecasterContract(
	make: () => Forecaster,
	cases: ContractCase[],
	expectedName?: string,
): void {
	const H = 14;
	for (const c of cases) {
		it(`${c.label}: fit/predict shapes and ordered intervals`, () => {
			const model = make();
			if (expectedName) expect(model.name).toBe(expectedName);
			const fitted = model.fit(c.y, c.fit);
			expect(fitted.name).toBe(model.name);
			const extra = c.predict?.(H) ?? {};
			const fc = fitted.predict(H, { ...extra, levels: [0.8, 0.95] });
			expect(fc.point.length).toBe(H);
			expect(fc.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
			const [i80, i95] = fc.intervals;
			for (let t = 0; t < H; t++) {
				expect(Number.isFinite(fc.point[t])).toBe(true);
				expect(i95.lower[t]).toBeLessThanOrEqual(i80.lower[t] + 1e-9);
				expect(i80.lower[t]).toBeLessThanOrEqual(fc.point[t] + 1e-9);
				expect(fc.point[t]).toBeLessThanOrEqual(i80.upper[t] + 1e-9);
				expect(i80.upper[t]).toBeLessThanOrEqual(i95.upper[t] + 1e-9);
				expect(Number.isFinite(i95.lower[t]) && Number.isFinite(i95.upper[t])).toBe(true);
			}
			// intervals widen (weakly) is not guaranteed for every model, but must be non-degenerate overall
			expect(i95.upper[H - 1] - i95.lower[H - 1]).toBeGreaterThan(0);
			const ins = fitted.predictInSample();
			expect(ins.length).toBe(c.y.length);
			expect(ins.some((v) => Number.isFinite(v))).toBe(true);
			if (fitted.aicc !== undefined && !Number.isNaN(fitted.aicc)) {
				expect(Number.isFinite(fitted.aicc)).toBe(true);
			}
			const st = fitted.toState();
			expect(st.model).toBe(model.name);
			expect(JSON.parse(JSON.stringify(st))).toEqual(st);
		});
		it(`${c.label}: deterministic and point-only predict agrees`, () => {
			const a = make().fit(c.y, c.fit);
			const b = make().fit(c.y, c.fit);
			const extra = c.predict?.(H) ?? {};
			const fa = a.predict(H, { ...extra, levels: [0.9] });
			const fb = b.predict(H, { ...extra, levels: [0.9] });
			expect(Array.from(fa.point)).toEqual(Array.from(fb.point));
			expect(Array.from(fa.intervals[0].upper)).toEqual(Array.from(fb.intervals[0].upper));
			const plain = a.predict(H, extra);
			expect(plain.intervals).toEqual([]);
			expect(() => a.predict(H, { ...extra, levels: [95] })).toThrow(RangeError);
			for (let t = 0; t < H; t++) expect(plain.point[t]).toBeCloseTo(fa.point[t], 9);
			expect(Array.from(a.predictInSample())).toEqual(Array.from(b.predictInSample()));
		});
	}
}

/** Deterministic test series: trend + monthly season + noise, strictly positive. */
export function seasonalSeries(n: number, m = 12, seed = 7): Float64Array {
	let s = seed >>> 0;
	const rnd = (): number => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 4294967296 - 0.5;
	};
	return Float64Array.from(
		{ length: n },
		(_, t) => 100 + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / m) + 5 * rnd(),
	);
}
