// The benches' --every flag (tests/bench/harness.ts everyPerSet): a list that names some sets takes
// the others whole (k = 1) instead of silently at their defaults (`--every retail:2,m4:5` used to run
// StockX and Walmart at every 2nd series in deep-ensemble.ts).
import { describe, expect, it } from 'vitest';
import { everyPerSet } from '../../bench/harness';

const KEYS = ['stockx', 'retail', 'walmart', 'm4'];
const EVERY = { m4: 10, retail: 4, aus: 15, stockx: 2, walmart: 2 };

describe('everyPerSet', () => {
	it('uses the defaults without --every, 1 for a set without one', () => {
		expect(everyPerSet(undefined, [...KEYS, 'other'], EVERY)).toEqual({
			stockx: 2,
			retail: 4,
			walmart: 2,
			m4: 10,
			other: 1,
		});
	});

	it('takes one k for every set', () => {
		expect(everyPerSet('3', KEYS, EVERY)).toEqual({ stockx: 3, retail: 3, walmart: 3, m4: 3 });
	});

	it('takes a list for the sets it names and the others whole, not at their defaults', () => {
		expect(everyPerSet('retail:2,m4:5', KEYS, EVERY)).toEqual({
			stockx: 1,
			retail: 2,
			walmart: 1,
			m4: 5,
		});
		// a known set that is not run this time is fine
		expect(everyPerSet('aus:5,retail:2', ['retail'], EVERY)).toEqual({ retail: 2 });
	});

	it('refuses a typo or a k that is not a whole number ≥ 1', () => {
		expect(() => everyPerSet('retial:2', KEYS, EVERY)).toThrow(/retial/);
		expect(() => everyPerSet('retail:0', KEYS, EVERY)).toThrow(/whole number/);
		expect(() => everyPerSet('retail:x,m4:5', KEYS, EVERY)).toThrow(/whole number/);
		expect(() => everyPerSet('two', KEYS, EVERY)).toThrow(/whole number/);
		expect(() => everyPerSet('retail', ['retail'], EVERY)).toThrow(/whole number/);
	});
});
