// Dates chosen by hand: Unix timestamps (seconds or milliseconds, told apart by size), Excel serials,
// and "pending" placeholders that neither count against a date column nor as unreadable dates.
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/core/ingest/columns';
import {
	dateShare,
	inferDateOrder,
	isDatePlaceholder,
	parseDate,
	parseEpoch,
} from '../../../src/core/ingest/parse';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('Unix timestamps', () => {
	it.each([
		['1295308800', '2011-01-18T00:00:00.000Z'],
		['1295308800000', '2011-01-18T00:00:00.000Z'],
		['1295339400.5', '2011-01-18T08:30:00.500Z'],
		['946684800', '2000-01-01T00:00:00.000Z'],
		['1735689600123', '2025-01-01T00:00:00.123Z'],
	])('%s → %s', (raw, expected) => {
		expect(iso(parseEpoch(raw))).toBe(expected);
		expect(iso(parseDate(raw, 'ymd', { allowEpoch: true }))).toBe(expected);
	});

	it.each(['12345', '123456789', '99999999999', '5000000000', '99999999999999', '12.5'])(
		'%s is no timestamp',
		(raw) => expect(parseEpoch(raw)).toBeNull(),
	);

	it('is only read when allowed, and detected from a column of them', () => {
		expect(parseDate('1295308800', 'ymd')).toBeNull();
		const g = inferDateOrder(['1295308800', '1295395200', 'pending', '1295481600']);
		expect(g.epoch).toBe(true);
		expect(g.serial).toBe(false);
		expect(inferDateOrder(['40561', '40562']).epoch).toBe(false);
	});
});

describe('placeholders in a date column', () => {
	it('are recognised in English and Chinese', () => {
		for (const s of ['pending', ' Pending ', 'N/A', '-', '待付款', '未支付'])
			expect(isDatePlaceholder(s)).toBe(true);
		for (const s of ['2011-01-18', 'pend', 'p', '0']) expect(isDatePlaceholder(s)).toBe(false);
	});

	it('do not count against a column that is half "pending"', () => {
		const half = ['2024-03-01 10:00', 'pending', '2024-03-02 11:00', 'pending', 'pending'];
		expect(dateShare(half, 'ymd')).toBe(1);
		expect(dateShare(['pending', 'pending'], 'ymd')).toBe(0);
		const mapping = guessMapping([
			{ name: 'Paid at', sample: half },
			{ name: 'Lineitem sku', sample: ['A', 'B', 'A', 'C', 'A'] },
			{ name: 'Lineitem quantity', sample: ['1', '2', '1', '1', '3'] },
		]);
		expect(mapping.date).toBe('Paid at');
	});
});
