// The "All products" forecast's engine notes speak of the shop's sales, not of "the product".
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/core/messages';
import { translate } from '../../../src/lib/i18n/translate';
import { allProductsNotes } from '../../../src/views/Forecast/notes';

describe('allProductsNotes', () => {
	const notes = [
		msg('engine_note_no_two_seasons', { n: 41, need: 104 }),
		msg('engine_note_intermittent'),
		msg('engine_note_gaps_filled', { n: 2 }),
	];
	const words = (locale: 'en' | 'zh-CN') =>
		allProductsNotes(notes).map((n) => translate(locale, n.code, n.params));

	it('says "the shop" where the engine says "the product", in en and zh', () => {
		const en = words('en');
		for (const w of en) expect(w).not.toMatch(/product/i);
		expect(en[0]).toContain('41 of 104 periods');
		expect(en[0]).toContain("the shop's own seasonal pattern");
		expect(en[1]).toContain('The shop sells only now and then');
		const zh = words('zh-CN');
		for (const w of zh) expect(w).not.toContain('商品');
		expect(zh[0]).toContain('本店');
	});

	it('keeps the other notes and their order', () => {
		expect(allProductsNotes(notes).map((n) => n.code)).toEqual([
			'engine_note_no_two_seasons_all',
			'engine_note_intermittent_all',
			'engine_note_gaps_filled',
		]);
	});
});
