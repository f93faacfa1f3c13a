// The Drivers card's sentence on the underlying level: a fitted trend that ends below zero (a product
// whose sales stopped) is "fell to about zero", not "fell by 111 %" (walkthrough 2026-12-07, a Tmall
// hoodie whose weekly sales went from 83 to 0).
import { describe, expect, it } from 'vitest';
import { trendMove } from '../../../src/views/Forecast/trend-words';

describe('trendMove', () => {
	it('says a level that fell below zero fell to about zero', () => {
		const trend = [10, 30, 50, 60, 55, 48, 40, 33, 25, 18, 10, 4, -1, -5.5];
		const m = trendMove(trend);
		expect(m.move).toBe('to_zero');
		expect(m.change).toBe(-1);
		expect(m.span).toBe(12);
	});

	it('gives rises, falls and flat levels as a share of the start', () => {
		expect(trendMove([100, 110, 125])).toEqual({ move: 'rose', change: 0.25, span: 2 });
		expect(trendMove([100, 90, 60])).toEqual({ move: 'fell', change: -0.4, span: 2 });
		expect(trendMove([100, 101, 101])).toMatchObject({ move: 'flat', span: 2 });
		expect(trendMove([5])).toMatchObject({ move: 'flat', change: 0 });
		expect(trendMove([0, 3, 4])).toMatchObject({ move: 'flat', change: 0 });
	});
});
