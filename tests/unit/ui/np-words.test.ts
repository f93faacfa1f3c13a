// The new-product form says its category attribute in the UI language (walkthrough 2026-12-07: the
// Market screen in 简体中文 labelled the select "category"), and in Chinese does not claim search
// interest was imported when none was.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n';
import { translate } from '../../../src/lib/i18n/translate';
import { npAttrLabel } from '../../../src/views/Market/np-words';

describe('new-product words', () => {
	afterEach(() => i18n.setLocale('en'));

	it('labels the category attribute in the UI language, a catalog column by its name', () => {
		i18n.setLocale('zh-CN');
		expect(npAttrLabel('category')).toBe('品类');
		expect(npAttrLabel('fabric')).toBe('fabric');
		expect(npAttrLabel('category', true)).toBe('品类');
		i18n.setLocale('en');
		expect(npAttrLabel('category')).toBe('Category');
		// inside "same category long sleeve" (the reasons a past launch is similar)
		expect(npAttrLabel('category', true)).toBe('category');
	});

	it('says no matching search interest without claiming a file was imported', () => {
		expect(translate('zh-CN', 'market_np_search_none')).toMatch(/^没有/);
	});
});
