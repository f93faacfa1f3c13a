// The engine's notes about a regressor name the app's own columns in the reader's language
// (walkthrough 2026-12-07: the Forecast screen in 简体中文 said “price”（每期的值）在所用的历史中始终不变),
// on the app's screens (tm); the CLIs' regressors are the user's own columns and keep their names
// even when one is called 'price' (translate alone, as src/cli/forecast.ts writes its notes).
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../../src/core/messages';
import { i18n, tm } from '../../../src/lib/i18n';
import { appMessageParams, translate } from '../../../src/lib/i18n/translate';

const app = (locale: 'en' | 'zh-CN', code: string, name: string) =>
	translate(locale, code, appMessageParams(locale, code, { name }));

describe('regressor names in engine notes', () => {
	afterEach(() => i18n.setLocale('en'));

	it('says the price column in Chinese and English on the app’s screens', () => {
		const zh = app('zh-CN', 'engine_note_regressor_constant', 'price');
		expect(zh).toContain('“价格”');
		expect(zh).not.toMatch(/[A-Za-z]/);
		expect(app('en', 'engine_note_regressor_constant', 'price')).toContain(
			"'Price' (its value per period)",
		);
		i18n.setLocale('zh-CN');
		expect(tm(msg('engine_note_regressor_constant', { name: 'price' }))).toContain('“价格”');
	});

	it('names promotions, signals and the promotion share', () => {
		expect(app('zh-CN', 'engine_note_regressor_untested', 'promotion')).toContain('“促销”');
		expect(app('zh-CN', 'engine_note_regressor_collinear', 'signal')).toContain('“市场信号”');
		expect(app('en', 'engine_note_regressor_collinear', 'promo:share')).toContain(
			'Share of sales on promotion',
		);
	});

	it("keeps a user's own column name, and the CLI's 'price' as written", () => {
		expect(app('en', 'engine_note_regressor_constant', 'Temperature')).toContain("'Temperature'");
		expect(translate('en', 'engine_note_regressor_constant', { name: 'price' })).toContain(
			"'price' (its value per period)",
		);
	});
});
