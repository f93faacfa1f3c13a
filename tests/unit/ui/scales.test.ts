// Unit tests for the chart scale helpers used by SeriesChart (ticks, nearest point, paths).
import { describe, expect, it } from 'vitest';
import {
	bandPath,
	linePath,
	linear,
	nearestIndex,
	niceTicks,
} from '../../../src/components/chart/scales';

describe('niceTicks', () => {
	it.each([
		[0, 170, [0, 50, 100, 150, 200]],
		[0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
		[0, 1234, [0, 500, 1000, 1500]],
		[-20, 80, [-20, 0, 20, 40, 60, 80]],
	])('covers [%d, %d] with round steps', (min, max, want) => {
		const ticks = niceTicks(min, max, 5);
		expect(ticks).toEqual(want);
		expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
		expect(ticks[0]).toBeLessThanOrEqual(min);
	});

	it('handles a flat or empty range', () => {
		expect(niceTicks(5, 5).length).toBeGreaterThan(1);
		expect(niceTicks(NaN, 1)).toEqual([]);
	});
});

describe('nearestIndex', () => {
	const xs = [0, 10, 20, 30];
	it.each([
		[-5, 0],
		[4, 0],
		[6, 1],
		[25.1, 3],
		[99, 3],
	])('%d → %d', (x, want) => expect(nearestIndex(xs, x)).toBe(want));
	it('returns -1 for no points', () => expect(nearestIndex([], 1)).toBe(-1));
});

describe('paths', () => {
	const sx = linear(0, 2, 0, 200);
	const sy = linear(0, 10, 100, 0);
	it('skips non-finite values in a line', () => {
		expect(linePath([0, 1, 2], [0, NaN, 10], sx, sy)).toBe('M0.0,100.0M200.0,0.0');
	});
	it('closes a band', () => {
		expect(bandPath([0, 2], [0, 0], [10, 10], sx, sy)).toBe(
			'M0.0,0.0L200.0,0.0L200.0,100.0L0.0,100.0Z',
		);
	});
});
