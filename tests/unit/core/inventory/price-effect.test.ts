// The what-if's price effect in words: told for a 10 % rise of today's price, in money and units.
import { describe, expect, it } from 'vitest';
import { priceEffectWords } from '../../../../src/core/inventory/price-effect';
import { msg } from '../../../../src/core/messages';
import { translate } from '../../../../src/lib/i18n/translate';

describe('price effect in words', () => {
	it('tells a cheap item’s effect for a 10 % rise, not for one unit of money', () => {
		// −503.54 units a week per £1 on an £0.85 item: a 10 % rise (£0.09) loses ~43 units a week
		expect(priceEffectWords(-503.54, 0.85)).toEqual({ pct: 10, step: 0.09, units: 43 });
		// small effects keep one decimal
		expect(priceEffectWords(-0.4, 12.5)).toEqual({ pct: 10, step: 1.25, units: 0.5 });
		// a positive or zero fitted effect never reads as units lost
		expect(priceEffectWords(0.3, 10).units).toBe(0);
	});

	it('reads with the currency in English and Chinese', () => {
		const m = msg('plan_whatif_price_effect', priceEffectWords(-503.54, 0.85));
		expect(translate('en', m.code, m.params, 'GBP')).toBe(
			'From its sales history: a price 10% higher (£0.09 more) sells about 43 fewer units a week.',
		);
		expect(translate('zh-CN', m.code, m.params, 'CNY')).toBe(
			'根据销售记录：价格提高 10%（贵 ¥0.09），每周约少卖 43 件。',
		);
	});
});
