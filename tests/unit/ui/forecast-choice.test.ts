// The Forecast screen's words for the method choice (issue #9 item 14): "chosen" agrees with the error
// shown (a blend chosen over a slightly better single method says so), and a seasonal method without a
// full season of history is named as what it did (last week's value).
import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from '../../../src/core/engine-types';
import { COMBO_PREFERENCE } from '../../../src/core/engine';
import { SEASONAL_COMBO_PREFERENCE } from '../../../src/core/forecast/combo-preference';
import { translate } from '../../../src/lib/i18n/translate';
import {
	BLEND_PREFERENCE,
	choiceReason,
	SEASONAL_BLEND_PREFERENCE,
} from '../../../src/views/Forecast/choice';
import { effectiveModel, modelLabel, technicalName } from '../../../src/views/Forecast/model-names';

const row = (model: string, mase: number, smape = 10): LeaderboardRow => ({
	model,
	mase,
	smape,
	wape: 0.2,
	rmse: 1,
	coverage80: NaN,
	coverage95: NaN,
	weight: 0,
});

describe('choiceReason', () => {
	it('REGENCY: a blend at 0.52 chosen over a single method at 0.47 is explained by the blend rule', () => {
		const rows = [row('theta', 0.47), row('combo(theta,ets,arima)', 0.52), row('ets', 0.55)];
		const r = choiceReason(rows, 'combo(theta,ets,arima)');
		expect(r.kind).toBe('blend-rule');
		if (r.kind !== 'blend-rule') return;
		expect(r.best.model).toBe('theta');
		expect(r.marginPct).toBe(30);
		const words = translate('en', 'forecast_choice_blend_rule', {
			method: 'Blend',
			best: 'Theta',
			bestError: '0.47',
			chosenError: '0.52',
			margin: r.marginPct,
		});
		expect(words).toContain('error 0.47 against 0.52');
		expect(words).toContain('at least 30% better');
	});

	it('says "lowest error" only when the chosen method has it', () => {
		expect(choiceReason([row('ets', 0.8), row('theta', 0.9)], 'ets').kind).toBe('lowest');
		expect(choiceReason([row('ets', 0.8), row('theta', 0.9)], 'theta').kind).toBe('other');
	});

	it('falls back to the percentage error, or to "untested"', () => {
		expect(choiceReason([row('naive', NaN, 5), row('ets', NaN, 7)], 'naive').kind).toBe(
			'by-percent',
		);
		expect(choiceReason([], 'naive').kind).toBe('untested');
		expect(choiceReason([row('ets', NaN, NaN)], 'ets').kind).toBe('untested');
	});

	it('uses the engine’s own preference for blends', () => {
		expect(BLEND_PREFERENCE).toBe(COMBO_PREFERENCE);
		expect(SEASONAL_BLEND_PREFERENCE).toBe(SEASONAL_COMBO_PREFERENCE);
	});
});

describe('method names', () => {
	it('names seasonal naive by what it did: last week with 40 weeks of data, last year with 60', () => {
		const weekly40 = { freq: 'week' as const, n: 40, season: 52 };
		expect(effectiveModel('snaive', weekly40)).toBe('naive');
		expect(modelLabel('snaive', weekly40)).toBe('Same as last week');
		expect(modelLabel('snaive', { ...weekly40, n: 60 })).toBe('Same week last year');
		expect(modelLabel('naive2', { freq: 'month', n: 30, season: 12 })).toBe('Same as last month');
		expect(modelLabel('naive2', { freq: 'month', n: 40, season: 12 })).toBe(
			"Last month's value, adjusted for the season",
		);
	});

	it('plain words for blends, technical names on demand, unknown ids as they are', () => {
		expect(modelLabel('combo(ets,theta)')).toBe(
			'Blend of Smoothing (level, trend and season as needed), Smoothing plus the long-run trend',
		);
		expect(technicalName('combo(ets,theta)')).toBe(
			'Inverse-MASE weighted combination: ETS (AICc-selected), Theta',
		);
		// the mix of the statistical choice (itself a blend) and a deep model: nested members
		expect(modelLabel('mix(combo(ets,theta),deep-mlp)')).toBe(
			'Blend of Blend of Smoothing (level, trend and season as needed), Smoothing plus the long-run trend, Your deep model (MLP (fast))',
		);
		expect(technicalName('mix(combo(ets,theta),deep-mlp)')).toBe(
			'Equal-weight mix of the statistical choice and the deep model: Inverse-MASE weighted combination: ETS (AICc-selected), Theta, Global deep model (mlp), retrained at each backtest origin',
		);
		// a season shrunk towards the shop's (the engine's '~shrunk' candidates), inside a blend too
		expect(modelLabel('combo(ets~shrunk,theta)')).toBe(
			'Blend of Smoothing (level, trend and season as needed) with its yearly season blended with the shop’s, Smoothing plus the long-run trend',
		);
		expect(technicalName('theta~shrunk')).toMatch(
			/^Theta on seasonally adjusted data \(own seasonal indices shrunk/,
		);
		// a model fitted without the level before a level shift (the engine's '~shift' candidates)
		expect(modelLabel('combo(ets,theta~shift)')).toBe(
			'Blend of Smoothing (level, trend and season as needed), Smoothing plus the long-run trend without the sales level from before the shift',
		);
		expect(technicalName('ets~shift')).toBe(
			'ETS (AICc-selected) without the level before a detected level shift',
		);
		// a short series past its peak (engine: the mean of its last value and the decay since the peak)
		expect(modelLabel('mean(naive,decay)', { freq: 'week', n: 7, season: 52 })).toBe(
			'Blend of Same as last week, The fall since the peak going on, slowing down',
		);
		expect(technicalName('mean(naive,decay)')).toBe(
			'Mean: Naive, Damped geometric decay from the last value at the rate since the peak',
		);
		expect(modelLabel('lstm')).toBe('lstm');
		for (const m of ['ets', 'arima', 'theta', 'croston'])
			expect(modelLabel(m)).not.toMatch(/[A-Z]{3}/);
	});
});
