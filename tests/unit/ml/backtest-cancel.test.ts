// A cancelled deep backtest says so as a message code (#10: no English in src/ml), worded by the models
// catalog in both languages, and keeps the name callers branch on.
import { describe, expect, it } from 'vitest';
import { deepBacktest } from '../../../src/ml/backtest';
import { en, zhCN } from '../../../src/lib/i18n/catalog/models';
import { weeklyBatch } from './fixtures';

describe('deepBacktest cancel', () => {
	it('rejects with AbortError and the code models_backtest_cancelled', async () => {
		const err = await deepBacktest(weeklyBatch(1, 40), {
			kinds: ['mlp'],
			horizon: 4,
			freq: 'week',
			signal: { aborted: true },
		}).catch((e: unknown) => e);
		expect(err).toMatchObject({ name: 'AbortError', code: 'models_backtest_cancelled' });
		expect((err as Error).message).not.toMatch(/[A-Z][a-z]+ was/);
		expect(en.models_backtest_cancelled).toBeTruthy();
		expect(zhCN.models_backtest_cancelled).toMatch(/取消/);
	});
});
