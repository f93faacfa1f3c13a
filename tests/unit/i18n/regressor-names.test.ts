// The engine's notes about a regressor name the app's own columns in the reader's language
// (walkthrough 2026-12-07: the Forecast screen in 简体中文 said “price”（每期的值）在所用的历史中始终不变).
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';

describe('regressor names in engine notes', () => {
	it('says the price column in Chinese and English', () => {
		const zh = translate('zh-CN', 'engine_note_regressor_constant', { name: 'price' });
		expect(zh).toContain('“价格”');
		expect(zh).not.toMatch(/[A-Za-z]/);
		expect(translate('en', 'engine_note_regressor_constant', { name: 'price' })).toContain(
			"'Price' (its value per period)",
		);
	});

	it('names promotions, signals and the promotion share', () => {
		expect(translate('zh-CN', 'engine_note_regressor_untested', { name: 'promotion' })).toContain(
			'“促销”',
		);
		expect(translate('zh-CN', 'engine_note_regressor_collinear', { name: 'signal' })).toContain(
			'“市场信号”',
		);
		expect(translate('en', 'engine_note_regressor_collinear', { name: 'promo:share' })).toContain(
			'Share of sales on promotion',
		);
	});

	it("keeps a user's own column name (the CLI's regressors)", () => {
		expect(translate('en', 'engine_note_regressor_constant', { name: 'Temperature' })).toContain(
			"'Temperature'",
		);
	});
});
