// A dataset with a sales amount and no units column (Walmart's store-weeks: store, date, weekly sales)
// opens on the amount (issue #11 audit): every line counts as one unit there, so the Forecast screen's
// default "Units" forecast a store at 1 unit a week (naive) until the shop found the switch.
import { describe, expect, it } from 'vitest';
import { ExploreState } from '../../../src/state/explore.svelte';
import type { DataClient } from '../../../src/lib/workers/data-client';

const client = { productSummary: async () => [] } as unknown as DataClient;

describe('the measure a dataset opens on', () => {
	it('is the sales amount when the data has no units column', async () => {
		const explore = new ExploreState(client);
		expect(explore.measure).toBe('units');
		await explore.open('walmart', 'v1', true);
		expect(explore.measure).toBe('revenue');
	});

	it('is left as the shop chose it for data with units, and when the same dataset is read again', async () => {
		const explore = new ExploreState(client);
		await explore.open('shop', 'v1', false);
		expect(explore.measure).toBe('units');
		await explore.open('walmart', 'v1', true);
		explore.measure = 'units';
		await explore.open('walmart', 'v2', true);
		expect(explore.measure).toBe('units');
	});
});
