// The Forecast screen's words for the reconciliation choice: with one backtest origin it says the last
// h periods were forecast; with several (hier2: the choice over 2 origins) it says how many and that the
// scores are their geometric mean, in English and Chinese, for the automatic choice and a picked method.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReconcileChoice } from '../../../src/core/forecast/hierarchy-forecast';
import { i18n } from '../../../src/lib/i18n';
import { reconcileWhy } from '../../../src/views/Forecast/hierarchy-words';

const origin = (o: number, bu: number, td: number) => ({
	origin: o,
	base: 1,
	scores: { 'bottom-up': bu, 'top-down': td },
	scored: 13,
});

const choice = (origins: ReconcileChoice['origins']): ReconcileChoice => ({
	origin: origins[0].origin,
	horizon: 6,
	base: 1.2,
	bottomUp: 0.9,
	mintShrink: NaN,
	scores: { 'bottom-up': 0.9, 'top-down': 0.8 },
	scored: 13,
	origins,
});

describe('reconcileWhy', () => {
	afterEach(() => {
		i18n.locale = 'en';
	});

	it('says one backtest of the last h periods when there was one origin', () => {
		i18n.locale = 'en';
		const w = reconcileWhy(choice([origin(54, 0.9, 0.8)]), 'week', null, 'top-down');
		expect(w).toMatch(/forecasting the last 6 weeks/);
		expect(w).toMatch(/lowest MASE.*Bottom-up 0\.900.*Top-down \(forecast proportions\) 0\.800/);
		expect(w).not.toMatch(/geometric mean/);
	});

	it('says how many origins and that the scores are their geometric mean, in English and Chinese', () => {
		const c = choice([origin(54, 0.5, 0.9), origin(48, 1.62, 0.71)]);
		i18n.locale = 'en';
		const en = reconcileWhy(c, 'week', null, 'top-down');
		expect(en).toMatch(/backtest at 2 points in the past/);
		expect(en).toMatch(/geometric mean over the 2 backtests/);
		expect(en).toMatch(/lowest MASE.*Bottom-up 0\.900.*Top-down \(forecast proportions\) 0\.800/);
		const picked = reconcileWhy(c, 'week', 'bottom-up', 'top-down');
		expect(picked).toMatch(
			/You picked Bottom-up.*at 2 points in the past, geometric mean.*MASE 0\.900/,
		);
		i18n.locale = 'zh-CN';
		const zh = reconcileWhy(c, 'week', null, 'top-down');
		expect(zh).toMatch(/在过去 2 个时点/);
		expect(zh).toMatch(/2 次回测的几何平均/);
		expect(reconcileWhy(c, 'week', 'bottom-up', 'top-down')).toMatch(
			/您选择了自下而上.*取几何平均.*0\.900/,
		);
	});
});
