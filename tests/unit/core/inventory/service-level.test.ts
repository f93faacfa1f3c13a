// A service level as people write it (src/core/inventory/service-level.ts), shared by the plan CLI's
// --service-level and the Plan screen's target fields: a share (0.5 … 0.9999) or a percentage
// (50 … 99.99); anything else is refused ("2" was read as 2 % by the CLI, and as 2 % by the what-if).
import { describe, expect, it } from 'vitest';
import { parseServiceLevel } from '../../../../src/core/inventory/service-level';

describe('service level: a share or a percentage', () => {
	it('reads shares and percentages alike', () => {
		for (const [raw, want] of [
			['0.95', 0.95],
			['95', 0.95],
			['95%', 0.95],
			['0.5', 0.5],
			['50', 0.5],
			['99.99', 0.9999],
			['0.9999', 0.9999],
			[' 97.5 ', 0.975],
		] as const)
			expect(parseServiceLevel(raw), raw).toBeCloseTo(want, 12);
		expect(parseServiceLevel(95)).toBeCloseTo(0.95, 12);
	});

	it('refuses what is neither (2 is not 2 %)', () => {
		for (const raw of [
			'2',
			'1',
			'0',
			'0.3',
			'49',
			'100',
			'99.999',
			'0.99999',
			'-95',
			'abc',
			'',
			'9 5',
			'NaN',
			'Infinity',
			'1e9',
		])
			expect(parseServiceLevel(raw), raw).toBeNull();
	});
});
