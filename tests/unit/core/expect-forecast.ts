// Shared assertion for engine results: h finite points and nested 80 % / 95 % intervals
// (lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95 at every step).
import { expect } from 'vitest';
import type { AutoForecastResult } from '../../../src/core/engine-types';

export function expectWellFormed(r: AutoForecastResult, h: number): void {
	expect(r.point.length).toBe(h);
	expect(r.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
	const [i80, i95] = r.intervals;
	for (let j = 0; j < h; j++) {
		expect(Number.isFinite(r.point[j])).toBe(true);
		expect(i95.lower[j]).toBeLessThanOrEqual(i80.lower[j]);
		expect(i80.lower[j]).toBeLessThanOrEqual(r.point[j]);
		expect(r.point[j]).toBeLessThanOrEqual(i80.upper[j]);
		expect(i80.upper[j]).toBeLessThanOrEqual(i95.upper[j]);
	}
}
