// Whether the Forecast screen shows the single forecast kept from a visit before
// (src/views/Forecast/kept.ts): the screen's frequency, measure and calendar must be those that made it,
// and the product too unless none is picked yet; horizon and method are taken from it.
import { describe, expect, it } from 'vitest';
import { calendarKey, keptSingleFits, type SingleScreen } from '../../../src/views/Forecast/kept';
import type { ForecastRequest } from '../../../src/state/forecast-run.svelte';

const edits = { remove: [{ key: 'boxing_day' }] };
const kept: ForecastRequest = {
	datasetId: 'D',
	productIds: ['P1'],
	freq: 'week',
	measure: 'units',
	horizon: 20,
	models: 'quick',
	calendar: { country: 'GB', edits },
};
const screen: SingleScreen = {
	freq: 'week',
	measure: 'units',
	calendar: calendarKey('GB', { remove: [{ key: 'boxing_day' }] }),
	productId: null,
};

describe('the kept single forecast fits the screen', () => {
	it('fits with no product picked yet, or the same product; horizon and method do not matter', () => {
		expect(keptSingleFits(kept, screen)).toBe(true);
		expect(keptSingleFits(kept, { ...screen, productId: 'P1' })).toBe(true);
		expect(keptSingleFits({ ...kept, horizon: 3, models: 'auto' }, screen)).toBe(true);
		// "All products together" kept, none picked
		expect(keptSingleFits({ ...kept, productIds: null }, screen)).toBe(true);
		// the outliers left out by the owner's own choice: said on the result itself
		expect(keptSingleFits({ ...kept, cleanOutliers: true }, screen)).toBe(true);
	});

	it('does not fit another product, frequency, measure or calendar', () => {
		expect(keptSingleFits(kept, { ...screen, productId: 'P2' })).toBe(false);
		expect(keptSingleFits({ ...kept, productIds: null }, { ...screen, productId: 'P1' })).toBe(
			false,
		);
		expect(keptSingleFits(kept, { ...screen, freq: 'day' })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, measure: 'revenue' })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, calendar: calendarKey('CN', edits) })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, calendar: calendarKey('GB', undefined) })).toBe(false);
		// made without the calendar, or a batch's request: not this screen's
		expect(keptSingleFits({ ...kept, calendar: undefined }, screen)).toBe(false);
		expect(keptSingleFits({ ...kept, productIds: ['P1', 'P2'] }, screen)).toBe(false);
	});
});
