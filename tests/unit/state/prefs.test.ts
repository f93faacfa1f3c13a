// The shop calendar's country (issue #11 audit): until the shop picks one in Settings it follows the
// open dataset's currency, so a shop selling in CNY gets China's calendar (双十一, 618, the make-up
// working days) even in an English browser; the country picked is kept for the next visit. A new
// dataset's weeks start on that country's first day (week16).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prefs } from '../../../src/state/prefs.svelte';
import type { DatasetStore } from '../../../src/state/dataset-store.svelte';

function memoryStorage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		clear: () => m.clear(),
		getItem: (k) => m.get(k) ?? null,
		key: (i) => [...m.keys()][i] ?? null,
		removeItem: (k) => void m.delete(k),
		setItem: (k, v) => void m.set(k, String(v)),
	};
}

/** A dataset store with one dataset open, sold in `currency`. */
const openIn = (currency: string) => ({ selected: { currency } }) as unknown as DatasetStore;

describe('the calendar country', () => {
	beforeEach(() => {
		globalThis.localStorage = memoryStorage();
		localStorage.setItem('trendcast.currency', 'GBP');
	});
	afterEach(() => {
		delete (globalThis as { localStorage?: Storage }).localStorage;
	});

	it('follows the open dataset’s currency until the shop picks one', () => {
		expect(new Prefs(openIn('CNY')).country).toBe('CN');
		expect(new Prefs(openIn('USD')).country).toBe('US');
		expect(new Prefs(openIn('CNY')).countryGuessed).toBe(true);
		// no dataset open: the device's currency
		expect(new Prefs(null).country).toBe('GB');
	});

	it('keeps the country picked in Settings, whatever the currency, for the next visit', () => {
		const prefs = new Prefs(openIn('CNY'));
		prefs.setCountry('DE');
		expect(prefs.country).toBe('DE');
		expect(prefs.countryGuessed).toBe(false);
		expect(new Prefs(openIn('CNY')).country).toBe('DE');
		// an unknown code changes nothing
		prefs.setCountry('XX');
		expect(prefs.country).toBe('DE');
	});

	it('gives a new dataset its country’s first day of the week (week16: Sunday for a US shop)', () => {
		const prefs = new Prefs(null);
		expect(prefs.weekStartFor('USD')).toBe(0);
		expect(prefs.weekStartFor('GBP')).toBe(1);
		expect(prefs.weekStartFor('CNY')).toBe(1);
		// the country picked in Settings wins over the file's currency
		prefs.setCountry('US');
		expect(prefs.weekStartFor('GBP')).toBe(0);
	});
});
