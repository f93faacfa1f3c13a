// Loss patterns of issue #11 that the engine must not repeat.
import { describe, expect, it } from 'vitest';
import { backtest } from '../../../src/core/backtest';
import {
	forecastAuto,
	makeModel,
	SEASONAL_COMBO_STRENGTH,
	strongSeason,
} from '../../../src/core/engine';
import { decompositionStrength, stl } from '../../../src/core/series/stl';
import { dampedOnlyFor } from '../../../src/core/forecast/builtins';
import { AutoETS } from '../../../src/core/models/ets';
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

	it('keeps them out on a moderately seasonal series too (strength 0.3–0.6)', () => {
		// a ±4 yearly wave on a random-walk level (seasonal strength 0.44): with the earlier 0.6
		// threshold the blend was combo(drift,theta,naive), a flat line through the season
		const r2 = normalSampler(mulberry32(3));
		let lv = 100;
		const z = Float64Array.from({ length: 72 }, (_, t) => {
			lv += 4 * r2();
			return lv + 4 * Math.sin((2 * Math.PI * t) / 12) + 3 * r2();
		});
		const strength = decompositionStrength(stl(z, 12, { sWindow: 'periodic' })).seasonal;
		expect(strength).toBeGreaterThan(0.3);
		expect(strength).toBeLessThan(0.6);
		const r = forecastAuto(z, {
			horizon: 12,
			season: 12,
			models: ['naive', 'drift', 'snaive', 'theta'],
		});
		expectWellFormed(r, 12);
		expect(r.model).toMatch(/\(/);
		expect(r.model).not.toMatch(/\((?:[^)]*,)?(naive|drift)[,)]/);
		expect(strongSeason(z, 12)).toBe(strength >= SEASONAL_COMBO_STRENGTH);
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

describe('regression stays out of combinations (first-step jump)', () => {
	// quarterly trend + season that turns down in the last two years: the regression's straight
	// trend line sits above the last values, so its first step would jump up
	const rnd = normalSampler(mulberry32(11));
	const y = Float64Array.from({ length: 48 }, (_, t) => {
		const trend = t < 40 ? 100 + 2 * t : 180 - 6 * (t - 40);
		return trend + [8, -4, 6, -10][t % 4] + 2 * rnd();
	});

	it('is backtested and ranked alone, never blended', () => {
		const r = forecastAuto(y, {
			horizon: 4,
			season: 4,
			models: ['regression', 'ets', 'theta', 'naive'],
		});
		expectWellFormed(r, 4);
		const singles = r.leaderboard.filter((x) => !x.model.includes('('));
		const rank = singles.findIndex((x) => x.model === 'regression');
		// it ranks among the best three singles: without the rule it would join their blend
		expect(rank).toBeGreaterThanOrEqual(0);
		expect(rank).toBeLessThan(3);
		for (const row of r.leaderboard)
			if (row.model.includes('(')) expect(row.model).not.toMatch(/regression/);
		if (r.model !== 'regression') {
			// the first step starts near the last value, not back on the fitted line
			const last = y[y.length - 1];
			expect(Math.abs(r.point[0] - last)).toBeLessThan(0.15 * last);
		}
	});
});

describe('the fixed comb of ETS, ARIMA and Theta', () => {
	const rnd = normalSampler(mulberry32(5));
	let level = 50;
	const y = Float64Array.from({ length: 80 }, (_, t) => {
		level += 0.4 + 2 * rnd();
		return level + 4 * Math.sin(t / 3) + 3 * rnd();
	});

	it('is a candidate scored as the plain mean of the three at every backtest origin', () => {
		const opts = { horizon: 8, season: 1, origins: 3 };
		const r = forecastAuto(y, { ...opts, models: ['ets', 'arima', 'theta', 'naive'] });
		const row = r.leaderboard.find((x) => x.model === 'comb(ets,arima,theta)');
		expect(row).toBeDefined();
		// the same backtest by hand: the equal-weight mean of the three at each origin
		const names = ['ets', 'arima', 'theta'];
		const bt = backtest(
			y,
			names.map((m) => makeModel(m, { season: 1, screen: true })!),
			{ horizon: 8, origins: 3, season: 1, levels: [0.8], minTrain: 4 },
		);
		const mases = bt.origins.map((_, k) => {
			let ae = 0;
			for (let j = 0; j < 8; j++) {
				const mean = bt.models.reduce((s, m) => s + m.forecasts[k]![j], 0) / 3;
				ae += Math.abs(bt.actuals[k][j] - mean);
			}
			return ae / 8 / bt.scales[k];
		});
		expect(row!.mase).toBeCloseTo(mases.reduce((a, b) => a + b, 0) / mases.length, 9);
		// and it differs from the inverse-MASE weighted blend of the same three
		const combo = r.leaderboard.find((x) => /^combo\(/.test(x.model));
		expect(combo?.mase).not.toBeCloseTo(row!.mase, 9);
	});

	it('is left out when fewer than two of the three ran', () => {
		const r = forecastAuto(y, { horizon: 8, season: 1, models: ['ets', 'naive', 'drift'] });
		expect(r.leaderboard.some((x) => x.model.startsWith('comb('))).toBe(false);
	});
});

describe('weekly ETS trends are damped', () => {
	// three years of weekly sales on a steady climb: an undamped trend fits best in-sample
	const rnd = normalSampler(mulberry32(3));
	const y = Float64Array.from(
		{ length: 156 },
		(_, t) => 200 + 3 * t + 30 * Math.sin((2 * Math.PI * t) / 52) + 4 * rnd(),
	);

	it('keeps only damped trends without a season of its own, undamped ones for monthly data', () => {
		const trendOf = (season: number): unknown =>
			makeModel('ets', { season })!.fit(y, { season }).toState().params.trend;
		expect(new AutoETS().fit(y, { season: 52 }).toState().params.trend).toBe('A');
		expect(trendOf(52)).not.toBe('A');
		expect(trendOf(1)).not.toBe('A');
		expect(dampedOnlyFor(12)).toBe(false);
		expect(AutoETS.candidates(y, 1, { dampedOnly: true }).map((s) => s.trend)).not.toContain('A');
	});
});

describe('a launch too short to backtest (v2.2)', () => {
	it('is forecast by the mean of its last weeks, not by its last (peak) week', () => {
		// StockX: a sneaker's first three weeks after launch, 2, 436, 632 sold
		const y = Float64Array.from([0, 0, 0, 0, 0, 0, 2, 436, 632]);
		const r = forecastAuto(y, { horizon: 12, season: 52 });
		expect(r.model).toBe('ma');
		for (const v of r.point) expect(v).toBeCloseTo((2 + 436 + 632) / 3, 6);
		expect(r.notes.map((n) => n.code)).toContain('engine_note_too_short_to_backtest');
	});
});

describe('a regressor that changes only after the backtest windows (v2.2)', () => {
	it('is left out of the final fit with a note; a column the backtest saw is used', () => {
		const n = 104;
		const h = 13;
		const z = normalSampler(mulberry32(11));
		const y = Float64Array.from(
			{ length: n },
			(_, t) => 1000 + 200 * Math.sin((2 * Math.PI * t) / 52) + 30 * z(),
		);
		// a markdown column that is 0 until the last 10 weeks (Walmart's markdowns)
		const md = Float64Array.from({ length: n + h }, (_, t) => (t >= n - 10 ? 5000 + 100 * t : 0));
		const run = (future: Float64Array) =>
			forecastAuto(y, {
				horizon: h,
				season: 52,
				regressors: { names: ['MarkDown1'], history: [md.slice(0, n)], future: [future] },
			});
		const r = run(md.slice(n));
		expect(r.notes).toContainEqual({
			code: 'engine_note_regressor_untested',
			params: { name: 'MarkDown1' },
		});
		// left out: its future values do not move the forecast
		expect(Array.from(run(md.slice(n).map((v) => 100 * v)).point)).toEqual(Array.from(r.point));
		// a column that varied in the backtest windows is used (the same check can fail)
		const early = Float64Array.from({ length: n + h }, (_, t) => (t % 7 === 3 ? 1 : 0));
		const yp = y.map((v, t) => v + 300 * early[t]);
		const promo = (f: Float64Array) =>
			forecastAuto(yp, {
				horizon: h,
				season: 52,
				regressors: { names: ['promo'], history: [early.slice(0, n)], future: [f] },
			});
		expect(Array.from(promo(early.slice(n)).point)).not.toEqual(
			Array.from(promo(early.slice(n).map(() => 0)).point),
		);
	});
});
