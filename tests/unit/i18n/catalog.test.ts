// Both languages are complete: every key of English exists in Chinese with the same placeholders,
// and no message is empty. Fails when a screen adds a string in one language only.
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src/lib/i18n/catalog';
import { translate } from '../../../src/lib/i18n/translate';

const SAMPLE = { n: 1234, nText: '1,234', name: 'X', count: 2, countText: '2' };

function placeholders(v: unknown): string[] {
	if (typeof v !== 'string') return [];
	// A set: one language may need a value twice where the other says it once.
	return [...new Set([...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

describe('message catalogs', () => {
	const enKeys = Object.keys(en).sort();
	const zhKeys = Object.keys(zhCN).sort();

	it('has the same keys in English and Chinese', () => {
		expect(zhKeys).toEqual(enKeys);
	});

	it.each(enKeys)('%s: same placeholders, non-empty in both', (key) => {
		const e = (en as Record<string, unknown>)[key];
		const z = (zhCN as Record<string, unknown>)[key];
		expect(placeholders(z)).toEqual(placeholders(e));
		for (const v of [e, z]) {
			const text = typeof v === 'function' ? (v as (p: object) => string)(SAMPLE) : v;
			expect(typeof text).toBe('string');
			expect((text as string).trim().length).toBeGreaterThan(0);
		}
	});

	it('formats numbers for the locale and falls back to the code', () => {
		expect(translate('en', 'count_products', { n: 1234 })).toBe('1,234 products');
		expect(translate('zh-CN', 'count_products', { n: 3 })).toBe('3 个商品');
		expect(translate('en', 'no_such_key')).toBe('no_such_key');
	});

	it('says one unit or line of an unusual order in the singular', () => {
		expect(translate('en', 'risk_why_units_low', { value: 1, typical: 138 })).toBe(
			'Only 1 unit (usual 138)',
		);
		expect(translate('en', 'risk_why_units_low', { value: 2, typical: 1380 })).toBe(
			'Only 2 units (usual 1,380)',
		);
		expect(translate('en', 'risk_why_lines_low', { value: 1, typical: 12 })).toBe(
			'Only 1 line (usual 12)',
		);
		expect(translate('zh-CN', 'risk_why_units_low', { value: 1, typical: 138 })).toBe(
			'仅 1 件（通常 138）',
		);
	});
});
