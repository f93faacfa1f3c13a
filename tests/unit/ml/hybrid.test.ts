// The engine-correction windows and gate of the hybrid bench (tests/bench/hybrid.ts, DEEP.md "deephyb"):
// the target is the scaled residual of the engine, so engine + scale × target gives back what sold; the
// engine's path sits in the future rows of the value feature; the gate refuses a correction that hurts.
import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../../src/ml/features';
import type { SeriesBatch } from '../../../src/core/types';
import { HYBRID_LAMBDAS, applyCorrection, correctionWindows, hybridGate } from '../../bench/hybrid';

const WEEK = 7 * 86_400_000;

function batchOf(series: number[][]): SeriesBatch {
	const indptr = new Int32Array(series.length + 1);
	series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.length));
	const y = Float64Array.from(series.flat());
	const ds = Float64Array.from(
		series.flatMap((s) => s.map((_, t) => Date.UTC(2024, 0, 1) + t * WEEK)),
	);
	return { ids: series.map((_, i) => `s${i}`), indptr, ds, y };
}

describe('correction windows', () => {
	const series = [
		[5, 7, 6, 8, 9, 7, 10, 12, 11, 13, 12, 14],
		[100, 120, 90, 110, 130, 100, 140, 150, 120, 160, 170, 150],
	];
	const batch = batchOf(series);
	const cfg = { lookback: 6, horizon: 3, freq: 'week' as const };

	it('targets the scaled residual: engine + scale × target is the actual; past the limit unknown', () => {
		const engine = [
			{ series: 0, end: 8, point: [10, 10, 10] },
			{ series: 1, end: 9, point: [150, 155, 160] },
		];
		const set = correctionWindows(batch, cfg, engine, [11, 12]);
		expect(set.n).toBe(2);
		expect(Array.from(set.anchor)).toEqual([0, 0]);
		for (const [w, it] of engine.entries())
			for (let j = 0; j < 3; j++) {
				const t = it.end + j;
				const v = set.y[w * 3 + j];
				if (t >= [11, 12][it.series]) expect(v).toBeNaN();
				else expect(it.point[j] + set.scale[w] * v).toBeCloseTo(series[it.series][t], 4);
			}
		// series 0 from 8: index 10 is before its limit 11, so it is a target: (12 − 10) ÷ scale
		expect(set.y[2]).toBeCloseTo((12 - 10) / set.scale[0], 5);
		// series 1 from 9: indices 9, 10, 11 all before 12
		expect(Number.isNaN(set.y[5])).toBe(false);
	});

	it("writes the engine's path, on the window's scale, into the future rows of the value feature", () => {
		const point = [10, 11, 12];
		const set = correctionWindows(batch, cfg, [{ series: 0, end: 8, point }]);
		const F = set.x.length / (cfg.lookback + cfg.horizon);
		const a = anchorOf(batch, 0, 8);
		for (let j = 0; j < 3; j++) {
			const row = (cfg.lookback + j) * F;
			expect(set.x[row]).toBeCloseTo((point[j] - a) / set.scale[0], 5);
			expect(set.x[row + 1]).toBe(0); // not observed
		}
		// past rows: the scaled lags as the deep models see them
		expect(set.x[(cfg.lookback - 1) * F]).toBeCloseTo(0, 6); // the anchor itself
		expect(set.x[(cfg.lookback - 1) * F + 1]).toBe(1);
	});

	it('applies λ × correction and keeps demand at 0 or above', () => {
		const out = applyCorrection([10, 5, 1], [4, -2, -3], 0.5);
		expect(Array.from(out)).toEqual([12, 4, 0]);
		expect(Array.from(applyCorrection([1], [-3], 1, false))).toEqual([-2]);
	});
});

describe('hybrid gate', () => {
	const engine = [10, 10, 10, 10];
	const actual = [12, 12, 12, 12];

	it('keeps a correction that lowers the pooled MASE at the inner cut-off, with its best λ', () => {
		const g = hybridGate([
			{ engine, correction: [2, 2, 2, 2], actual, scale: 1 },
			{ engine, correction: [1, 1, 1, 1], actual, scale: 2 },
		]);
		expect(g.pass).toBe(true);
		expect(g.lambda).toBe(1);
		expect(g.ratio).toBeLessThan(0.99);
		expect(g.ratios).toHaveLength(HYBRID_LAMBDAS.length);
		expect(g.ratios[0]).toBe(1);
	});

	it('refuses a correction that hurts (λ = 0: the engine alone)', () => {
		const g = hybridGate([{ engine, correction: [-3, -3, -3, -3], actual, scale: 1 }]);
		expect(g.pass).toBe(false);
		expect(g.lambda).toBe(0);
		expect(g.ratios.slice(1).every((r) => r > 1)).toBe(true);
	});

	it('refuses a gain under the margin, and decides nothing without scored series', () => {
		// 0.5 % better at best: under the 1 % the gate asks
		const small = hybridGate([
			{ engine: [100], correction: [0.5], actual: [101], scale: 100 },
			{ engine: [100], correction: [0], actual: [200], scale: 1 },
		]);
		expect(small.ratio).toBeGreaterThan(0.99);
		expect(small.pass).toBe(false);
		const none = hybridGate([
			{ engine, correction: engine, actual: [NaN, NaN, NaN, NaN], scale: 1 },
		]);
		expect(none.n).toBe(0);
		expect(none.pass).toBe(false);
	});
});
