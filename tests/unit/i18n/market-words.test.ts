// Market's lead-lag sentences: the target is always "your sales", so the pronoun is plural (walk11:
// "Searches for “yeezy” move with your sales … without leading it").
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';

describe('lead-lag sentences', () => {
	it('a same-week signal does not lead "them" (your sales)', () => {
		const target = translate('en', 'market_sales', {});
		const s = translate('en', 'market_same_week', {
			signal: 'Searches for “yeezy”',
			plural: 1,
			target,
			rText: '0.62',
		});
		expect(s).toBe(
			'Searches for “yeezy” move with your sales in the same week (correlation 0.62), without leading them.',
		);
	});
});
