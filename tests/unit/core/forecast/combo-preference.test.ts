// The combination's preference over the best single model (src/core/forecast/combo-preference.ts):
// 1.6 for monthly series with two seasons, 1.3 otherwise (issue #11, RESULTS.md "Engine v2.4").
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	COMBO_PREFERENCE,
	comboPreference,
	SEASONAL_COMBO_PREFERENCE,
} from '../../../../src/core/forecast/combo-preference';
import { mulberry32, normalSampler } from '../../../../src/core/stats';
import { choiceReason } from '../../../../src/views/Forecast/choice';

describe('comboPreference', () => {
	it('is 1.6 for monthly series with two seasons of history, 1.3 for weekly, daily, quarterly, short', () => {
		expect(comboPreference(12, 72)).toBe(SEASONAL_COMBO_PREFERENCE);
		expect(comboPreference(4, 80)).toBe(COMBO_PREFERENCE);
		expect(comboPreference(7, 700)).toBe(COMBO_PREFERENCE);
		expect(comboPreference(12, 23)).toBe(COMBO_PREFERENCE);
		expect(comboPreference(52, 520)).toBe(COMBO_PREFERENCE);
		expect(comboPreference(1, 100)).toBe(COMBO_PREFERENCE);
		expect(SEASONAL_COMBO_PREFERENCE).toBeGreaterThan(COMBO_PREFERENCE);
	});

	it('makes a monthly series keep the blend where a single model backtests 1.46× better', () => {
		// a trending monthly series: ETS backtests clearly better than the blend with seasonal naive,
		// but by less than 1.6× — the blend is chosen (at 1.3 it was ETS alone)
		const rnd = normalSampler(mulberry32(15));
		const y = Float64Array.from(
			{ length: 72 },
			(_, t) => 100 + 2.05 * t + 12 * Math.sin((2 * Math.PI * t) / 12) + 3 * rnd(),
		);
		const r = forecastAuto(y, { horizon: 12, season: 12, models: ['snaive', 'ets'] });
		const best = r.leaderboard
			.filter((x) => Number.isFinite(x.mase))
			.sort((a, b) => a.mase - b.mase)[0];
		const chosen = r.leaderboard.find((x) => x.model === r.model)!;
		expect(best.model).toBe('ets');
		expect(r.model).toBe('combo(ets,snaive)');
		expect(chosen.mase).toBeGreaterThan(best.mase * COMBO_PREFERENCE);
		expect(chosen.mase).toBeLessThanOrEqual(best.mase * SEASONAL_COMBO_PREFERENCE);
		// the Forecast screen explains it with the same margin
		const why = choiceReason(r.leaderboard, r.model, { season: 12, n: 72 });
		expect(why.kind).toBe('blend-rule');
		if (why.kind === 'blend-rule') expect(why.marginPct).toBe(60);
		// the same series read as weekly data keeps the 1.3 rule's explanation
		const weekly = choiceReason(r.leaderboard, r.model, { season: 52, n: 72 });
		if (weekly.kind === 'blend-rule') expect(weekly.marginPct).toBe(30);
	});
});
