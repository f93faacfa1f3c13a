// The Customers and Market states show the worker's progress while they load and stop the work on
// Cancel: the abort reaches the client (the data / market worker is asked to stop that job),
// the screen says it stopped (no error), and a newer load is not mistaken for the cancelled one.
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/core/ingest/types';
import type { DataClient } from '../../../src/lib/workers/data-client';
import type { MarketClient, SignalSetMeta } from '../../../src/lib/workers/market-client';
import { CustomersState } from '../../../src/state/customers.svelte';
import { MarketState } from '../../../src/state/market.svelte';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A long call that reports progress and settles only by abort (AbortError), as the bridge does. */
function longCall(calls: { signal?: AbortSignal; onProgress?: (p: Progress) => void }[]) {
	return (opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void }) => {
		calls.push(opts);
		return new Promise<never>((_, reject) =>
			opts.signal?.addEventListener('abort', () =>
				reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
			),
		);
	};
}

describe('Cancel of the long loads', () => {
	it('Customers: progress while loading, Cancel aborts the call and says it stopped', async () => {
		const calls: { signal?: AbortSignal; onProgress?: (p: Progress) => void }[] = [];
		const call = longCall(calls);
		const state = new CustomersState({
			customerInsights: (_id: string, opts: Parameters<typeof call>[0]) => call(opts),
		} as unknown as DataClient);
		const run = state.open('A');
		await tick();
		calls[0].onProgress?.({ phase: 'customers_recommend', done: 40, total: 100 });
		expect(state.loading).toBe(true);
		expect(state.progress).toEqual({ phase: 'customers_recommend', done: 40, total: 100 });
		state.cancel();
		expect(calls[0].signal?.aborted).toBe(true);
		await run;
		expect(state.loading).toBe(false);
		expect(state.cancelled).toBe(true);
		expect(state.progress).toBeNull();
		expect(state.error).toBeNull();
		// another dataset stops the older load (the worker stops that job only) and shows no cancel
		void state.open('B');
		await tick();
		expect(state.cancelled).toBe(false);
		void state.open('C');
		await tick();
		expect(calls[1].signal?.aborted).toBe(true);
		expect(state.cancelled).toBe(false);
		expect(state.loading).toBe(true);
		calls[2].onProgress?.({ phase: 'customers_segments', done: 10, total: 100 });
		expect(state.progress?.phase).toBe('customers_segments');
		state.cancel();
		expect(calls[2].signal?.aborted).toBe(true);
	});

	it('Market: the report’s progress, and Cancel asks the worker to stop', async () => {
		const calls: { signal?: AbortSignal; onProgress?: (p: Progress) => void }[] = [];
		const call = longCall(calls);
		const set = { id: 's1', kind: 'posts', name: 'p.csv', rowCount: 10 } as SignalSetMeta;
		const market = {
			list: async () => [set],
			report: (_id: string | null, opts: Parameters<typeof call>[0]) => call(opts),
		} as unknown as MarketClient;
		const state = new MarketState(market);
		const run = state.refresh(null);
		await tick();
		calls[0].onProgress?.({ phase: 'market_posts', done: 250, total: 1000 });
		expect(state.busy).toBe(true);
		expect(state.progress?.done).toBe(250);
		state.cancel();
		expect(calls[0].signal?.aborted).toBe(true);
		await run;
		expect(state.busy).toBe(false);
		expect(state.cancelled).toBe(true);
		expect(state.error).toBeNull();
	});
});
