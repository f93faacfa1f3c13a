// Unit tests for the UI's number/date formatting and period arithmetic (UTC).
import { describe, expect, it } from 'vitest';
import {
	addPeriods,
	encodingName,
	formatBytes,
	guessCurrency,
	seasonFor,
} from '../../../src/lib/format';

describe('addPeriods', () => {
	it('steps days, weeks and calendar months in UTC', () => {
		const t = Date.UTC(2011, 0, 31);
		expect(addPeriods(t, 1, 'day')).toBe(Date.UTC(2011, 1, 1));
		expect(addPeriods(t, 2, 'week')).toBe(Date.UTC(2011, 1, 14));
		expect(addPeriods(Date.UTC(2011, 10, 1), 3, 'month')).toBe(Date.UTC(2012, 1, 1));
	});
});

describe('labels', () => {
	it('maps frequencies to seasons', () => {
		expect([seasonFor('day'), seasonFor('week'), seasonFor('month')]).toEqual([7, 52, 12]);
	});
	it('formats sizes', () => {
		expect(formatBytes(512)).toBe('512 bytes');
		expect(formatBytes(1536)).toMatch(/^1[.,]5 KB$/);
	});
	it('names encodings and currencies', () => {
		expect(encodingName('gb18030')).toMatch(/GBK/);
		expect(encodingName('x-custom')).toBe('x-custom');
		expect(guessCurrency('en-GB')).toBe('GBP');
		expect(guessCurrency('de-DE')).toBe('EUR');
		expect(guessCurrency('en-US')).toBe('USD');
	});
});
