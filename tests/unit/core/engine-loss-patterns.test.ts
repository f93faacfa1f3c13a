// Loss patterns of issue #11 that the engine must not repeat.
import { describe, expect, it } from 'vitest';
import { forecastAuto, strongSeason } from '../../../src/core/engine';
import { mulberry32, normalSampler } from '../../../src/core/stats';
import { expectWellFormed } from './expect-forecast';

describe('strongly seasonal monthly series', () => {
	const rnd = normalSampler(mulberry32(7));
	// a December peak on a wandering level: naive and drift backtest well enough to join a blend
	let level = 100;
	const y = Float64Array.from({ length: 72 }, (_, t) => {
		level += 6 * rnd();
		const month = t % 12;
		return level * (month === 11 ? 1.3 : month === 0 ? 0.9 : 1) + 2 * rnd();
	});
	const flat = Float64Array.from({ length: 72 }, () => 100 + 5 * rnd());

	it('is recognised by its STL seasonal strength, a flat series is not', () => {
		expect(strongSeason(y, 12)).toBe(true);
		expect(strongSeason(flat, 12)).toBe(false);
		// weekly seasons and short histories are left alone
		expect(strongSeason(y, 52)).toBe(false);
		expect(strongSeason(y.subarray(0, 24), 12)).toBe(false);
	});

	it('keeps non-seasonal naive and drift out of its combinations', () => {
		const r = forecastAuto(y, {
			horizon: 12,
			season: 12,
			models: ['naive', 'drift', 'snaive', 'theta'],
		});
		expectWellFormed(r, 12);
		const weight = (name: string): number =>
			r.leaderboard.find((x) => x.model === name)?.weight ?? 0;
		expect(weight('naive')).toBe(0);
		expect(weight('drift')).toBe(0);
		expect(r.model).not.toMatch(/\((?:[^)]*,)?(naive|drift)[,)]/);
		// the December peak is forecast (the series ends in a December: the next is the last step)
		const mean = r.point.reduce((a, b) => a + b, 0) / 12;
		expect(r.point[11]).toBeGreaterThan(1.15 * mean);
	});

	it('still lets naive and drift into a blend on a series without a season', () => {
		const r = forecastAuto(flat, {
			horizon: 12,
			season: 12,
			models: ['naive', 'drift', 'snaive', 'theta'],
		});
		expect(r.model).toMatch(/naive|drift/);
	});
});
