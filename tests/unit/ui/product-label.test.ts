// The quiet line under a product's name in Explore, the plan, its alerts, purchase orders and the
// forecast picker: the code only when the name is a separate description, then the category.
import { describe, expect, it } from 'vitest';
import { productSubline } from '../../../src/lib/product-label';

describe('productSubline', () => {
	it('does not repeat a name that is also the product id (a Tmall export keyed by 宝贝标题)', () => {
		// walkthrough 2026-12-07: "优衣库 女装卫衣 款8596" was shown in bold and again below it
		expect(
			productSubline({
				productId: '优衣库 女装卫衣 款8596',
				description: '优衣库 女装卫衣 款8596',
				category: '卫衣',
			}),
		).toBe('卫衣');
		expect(productSubline({ productId: 'Silk scarf', description: '' })).toBe('');
	});

	it('gives the code under a separate description, with the category', () => {
		expect(
			productSubline({
				productId: '85123A',
				description: 'WHITE HANGING HEART T-LIGHT HOLDER',
				category: 'HOLDER',
			}),
		).toBe('85123A · HOLDER');
		expect(productSubline({ productId: '85123A', description: 'WHITE HANGING HEART' })).toBe(
			'85123A',
		);
	});
});
