// The app's Quick method (src/core/forecast/quick.ts) and the engine's `seasonVariants` option it can
// use: a model list that also gets the borrowed- and shrunk-season variants the automatic choice adds.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import { methodOptions, QUICK_BORROWS_SEASON } from '../../../../src/core/forecast/quick';
import { profileIndex, profilePrior } from '../../../../src/core/forecast/seasonal-prior';
import { mulberry32, normalSampler } from '../../../../src/core/stats';

const WEEK = 7 * 86_400_000;

/** 36 weeks of a shop that follows the retail season, from March (ends mid-November), and 8 more. */
function seasonalShop(): { y: Float64Array; ds: Float64Array; future: Float64Array } {
	const ds = Float64Array.from({ length: 44 }, (_, t) => Date.UTC(2021, 2, 1) + t * WEEK);
	const z = normalSampler(mulberry32(11));
	const all = Float64Array.from(ds, (t) => 1000 * profileIndex(t, 'week') * (1 + 0.03 * z()));
	return { y: all.slice(0, 36), ds: ds.subarray(0, 36), future: all.slice(36) };
}

const mean = (a: ArrayLike<number>, from: number, to: number): number => {
	let s = 0;
	for (let j = from; j < to; j++) s += a[j];
	return s / (to - from);
};

describe('the Quick method', () => {
	it('is seasonal naive and ETS; the automatic method lets the engine choose', () => {
		expect(methodOptions('auto')).toEqual({ models: 'auto' });
		expect(methodOptions('quick', false)).toEqual({ models: ['snaive', 'ets'] });
		expect(methodOptions('quick', true)).toEqual({
			models: ['snaive', 'ets'],
			seasonVariants: true,
		});
		expect(methodOptions('quick')).toEqual(methodOptions('quick', QUICK_BORROWS_SEASON));
	});

	it('with seasonVariants, forecasts the Christmas rise from a borrowed season and says where it came from', () => {
		const { y, ds, future } = seasonalShop();
		const h = future.length;
		const base = { horizon: h, season: 52, seasonalPrior: profilePrior(ds, 'week', h) };
		const plain = forecastAuto(y, { ...base, ...methodOptions('quick', false) });
		const borrowed = forecastAuto(y, { ...base, ...methodOptions('quick', true) });
		// the list alone ignores the borrowed season: no variant, no note, no rise
		expect(plain.leaderboard.map((r) => r.model)).not.toContain('ets~season');
		expect(plain.notes.map((n) => n.code)).not.toContain('engine_note_peak_source_profile');
		expect(mean(plain.point, h - 4, h) / mean(plain.point, 0, 4)).toBeLessThan(1.05);
		// with it, ETS on the deseasonalised series joins the backtest and the rise is forecast
		expect(borrowed.leaderboard.map((r) => r.model)).toContain('ets~season');
		expect(borrowed.model).toMatch(/ets~season/);
		expect(borrowed.notes).toContainEqual({ code: 'engine_note_peak_source_profile' });
		expect(mean(borrowed.point, h - 4, h) / mean(borrowed.point, 0, 4)).toBeGreaterThan(1.15);
		const mae = (f: Float64Array): number =>
			f.reduce((s, v, j) => s + Math.abs(v - future[j]), 0) / h;
		expect(mae(borrowed.point)).toBeLessThan(0.6 * mae(plain.point));
	});

	it('with seasonVariants but nothing to borrow, is the plain list (no unknown-model error)', () => {
		const { y } = seasonalShop();
		const plain = forecastAuto(y, { horizon: 8, season: 52, ...methodOptions('quick', false) });
		const variants = forecastAuto(y, { horizon: 8, season: 52, ...methodOptions('quick', true) });
		expect(variants.model).toBe(plain.model);
		expect(Array.from(variants.point)).toEqual(Array.from(plain.point));
	});
});
