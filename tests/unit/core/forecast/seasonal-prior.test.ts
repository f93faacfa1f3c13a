// Borrowed seasonality for short histories (issue #11): the shipped retail profile, a group's
// season, and the engine's '~season' candidates that use them.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	borrowsSeason,
	groupPrior,
	nextPeriod,
	profileIndex,
	profilePrior,
	weekOfYear,
} from '../../../../src/core/forecast/seasonal-prior';
import { mulberry32, normalSampler } from '../../../../src/core/stats';

const WEEK = 7 * 86_400_000;
/** Mondays from 2021-03-01 on. */
const mondays = (n: number): Float64Array =>
	Float64Array.from({ length: n }, (_, t) => Date.UTC(2021, 2, 1) + t * WEEK);

describe('dates of years 0001–0099 (the CLI reads them)', () => {
	/** The same day `years` later (the Gregorian calendar repeats every 400 years). */
	const at = (y: number, m: number, d: number): number => {
		const t = new Date(Date.UTC(2000, m, d));
		t.setUTCFullYear(y);
		return t.getTime();
	};
	it('are weeks of their own year and months after their own month, not the 1900s’', () => {
		for (const [m, d] of [
			[0, 4],
			[5, 15],
			[11, 20],
		])
			expect(weekOfYear(at(98, m, d))).toBe(weekOfYear(at(2098, m, d)));
		expect(new Date(nextPeriod(at(99, 11, 1), 'month', 1)).toISOString().slice(0, 10)).toBe(
			'0100-01-01',
		);
		expect(new Date(nextPeriod(at(98, 10, 1), 'month', 3)).toISOString().slice(0, 10)).toBe(
			'0099-02-01',
		);
		const p = profilePrior(
			Float64Array.from({ length: 20 }, (_, t) => at(1, 0, 1) + t * WEEK),
			'week',
			4,
		);
		expect([...p.history, ...p.future].every((v) => Number.isFinite(v) && v > 0)).toBe(true);
	});
});

describe('the shipped retail profile', () => {
	it('peaks in the weeks before Christmas and in December, averages 1', () => {
		expect(weekOfYear(Date.UTC(2021, 0, 4))).toBe(0);
		expect(weekOfYear(Date.UTC(2021, 11, 20))).toBe(50);
		expect(profileIndex(Date.UTC(2021, 11, 20), 'week')).toBeGreaterThan(1.4);
		expect(profileIndex(Date.UTC(2021, 5, 7), 'week')).toBeLessThan(1.1);
		expect(profileIndex(Date.UTC(2021, 11, 1), 'month')).toBeGreaterThan(1.5);
		let s = 0;
		for (let k = 0; k < 12; k++) s += profileIndex(Date.UTC(2021, k, 1), 'month');
		expect(s / 12).toBeCloseTo(1, 2);
		const p = profilePrior(mondays(30), 'week', 13);
		expect(p.history).toHaveLength(30);
		expect(p.future).toHaveLength(13);
		expect(p.source).toBe('profile');
	});

	it('a group with two years gives its own season, aligned with the product', () => {
		const m = 12;
		const season = [1, 0.8, 0.9, 1, 1, 1, 0.9, 0.9, 1, 1.1, 1.2, 1.2];
		const total = Float64Array.from({ length: 36 }, (_, t) => 500 * (1 + 0.01 * t) * season[t % m]);
		const p = groupPrior(total, m, 10, 6, 'all products');
		expect(p).not.toBeNull();
		// the product's 10 periods are the group's last 10 (26…35); the horizon continues at 36
		const ratio = p!.history[0] / p!.history[9];
		expect(ratio).toBeCloseTo(season[26 % m] / season[35 % m], 1);
		expect(p!.future[0] / p!.future[1]).toBeCloseTo(season[0] / season[1], 1);
		expect(groupPrior(total.slice(0, 20), m, 10, 6, 'x')).toBeNull();
	});
});

describe('the engine with a borrowed season', () => {
	/** 40 weeks of a product that follows the retail season, from March; forecast Dec–Feb. */
	const seasonalProduct = (): { y: Float64Array; ds: Float64Array } => {
		const ds = mondays(40 + 13);
		const z = normalSampler(mulberry32(4));
		const y = Float64Array.from(ds, (t) => 200 * profileIndex(t, 'week') * (1 + 0.03 * z()));
		return { y, ds };
	};

	it('forecasts the coming peak it could not see in 40 weeks, and says where it came from', () => {
		const { y: all, ds } = seasonalProduct();
		const n = 36; // history ends mid-November
		const y = all.slice(0, n);
		const h = 8;
		const prior = profilePrior(ds.subarray(0, n), 'week', h);
		const models = ['naive', 'theta', 'ets'];
		const without = forecastAuto(y, { horizon: h, season: 52, models });
		const withPrior = forecastAuto(y, {
			horizon: h,
			season: 52,
			models: [...models, 'theta~season', 'ets~season'],
			seasonalPrior: prior,
		});
		const actual = all.slice(n, n + h);
		const mae = (f: Float64Array): number =>
			f.reduce((s, v, j) => s + Math.abs(v - actual[j]), 0) / h;
		expect(mae(withPrior.point)).toBeLessThan(0.6 * mae(without.point));
		expect(withPrior.model).toMatch(/~season/);
		expect(withPrior.notes).toContainEqual({ code: 'engine_note_peak_source_profile' });
		expect(without.notes.map((x) => x.code)).not.toContain('engine_note_peak_source_profile');
	});

	it('adds the borrowed-season candidates to the automatic choice only for short histories', () => {
		const { y, ds } = seasonalProduct();
		const short = forecastAuto(y.slice(0, 30), {
			horizon: 4,
			season: 52,
			seasonalPrior: profilePrior(ds.subarray(0, 30), 'week', 4),
		});
		expect(short.leaderboard.map((r) => r.model)).toEqual(
			expect.arrayContaining(['theta~season', 'ets~season']),
		);
		expect(() =>
			forecastAuto(y.slice(0, 30), {
				horizon: 4,
				season: 52,
				seasonalPrior: profilePrior(ds.subarray(0, 29), 'week', 4),
			}),
		).toThrow(/seasonalPrior/);
	});

	it('borrows the shipped profile only under a season plus a horizon, a group season up to two', () => {
		// v2.3: from m + h weeks the series has seen the weeks it forecasts once; the national monthly
		// profile was then worse than the series' own models (Walmart stores with 78 and 91 weeks)
		const ds = mondays(90);
		const z = normalSampler(mulberry32(5));
		const y = Float64Array.from(ds, (t) => 200 * profileIndex(t, 'week') * (1 + 0.03 * z()));
		const names = (n: number, source: 'profile' | 'category'): string[] => {
			const prior = { ...profilePrior(ds.subarray(0, n), 'week', 13), source };
			return forecastAuto(y.slice(0, n), {
				horizon: 13,
				season: 52,
				seasonalPrior: prior,
			}).leaderboard.map((r) => r.model);
		};
		expect(borrowsSeason(profilePrior(ds.subarray(0, 64), 'week', 13), 64, 52, 13)).toBe(true);
		expect(borrowsSeason(profilePrior(ds.subarray(0, 65), 'week', 13), 65, 52, 13)).toBe(false);
		expect(names(64, 'profile')).toEqual(expect.arrayContaining(['theta~season', 'ets~season']));
		expect(names(78, 'profile').some((x) => x.includes('~season'))).toBe(false);
		expect(names(78, 'category')).toEqual(expect.arrayContaining(['theta~season', 'ets~season']));
		expect(
			borrowsSeason(
				{ ...profilePrior(ds.subarray(0, 90), 'week', 13), source: 'category' },
				104,
				52,
				13,
			),
		).toBe(false);
	});
});

describe('the shipped profile’s licence', () => {
	it('comes only from the ABS data (CC BY 4.0): each week takes its month’s index', async () => {
		const profile = (await import('../../../../src/core/forecast/retail-season.json')).default;
		expect(profile.about).toMatch(/CC BY 4\.0/);
		expect(profile.weekly.source).toMatch(/ABS 8501\.0/);
		expect(profile.weekly.source).not.toMatch(/Walmart/);
		// the Walmart stores data states no licence: nothing derived from it may ship
		const ratios = profile.weekly.values.map((v, w) => {
			const month = new Date(Date.UTC(2021, 0, 1 + 7 * w + 3)).getUTCMonth();
			return v / profile.monthly.values[month];
		});
		for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 3);
	});
});
