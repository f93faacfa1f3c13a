// The report's table cells in words: a share of revenue under 1 % is not shown as "0%".
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/views/Report/words';

describe('report cells', () => {
	it('shows a share of revenue with one decimal', () => {
		// REGENCY CAKESTAND's and WOOD BLACK BOARD's shares of the UCI shop's revenue
		expect(formatValue(2.16, 'percent', 'GBP')).toBe('2.2%');
		expect(formatValue(0.46, 'percent', 'GBP')).toBe('0.5%');
		expect(formatValue(25, 'percent', 'GBP')).toBe('25%');
		expect(formatValue(null, 'percent', 'GBP')).toBe('–');
	});
});
