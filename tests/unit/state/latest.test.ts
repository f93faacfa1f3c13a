// "Latest request wins" (src/state/latest.svelte.ts) as the state classes built on it use it: an answer
// to an older request never replaces a newer one, a failed query clears the stale result (SQL console),
// and closing a dataset drops the load in flight (customers); the classes with several request streams
// (Explore: products, groups, series; the import's mapping check) run each through runLatest.
import { describe, expect, it } from 'vitest';
import type { SqlResult } from '../../../workers/data-api';
import type { CustomerInsights } from '../../../workers/data/customers';
import type { DataClient } from '../../../src/lib/workers/data-client';
import type { ImportPreview, MappingCheck } from '../../../src/core/ingest/types';
import type { SeriesBatch } from '../../../src/core/types';
import { CustomersState } from '../../../src/state/customers.svelte';
import type { DatasetStore } from '../../../src/state/dataset-store.svelte';
import { ExploreState } from '../../../src/state/explore.svelte';
import { ImportFlow } from '../../../src/state/import-flow.svelte';
import { SqlConsole } from '../../../src/state/sql-console.svelte';

/** Calls of one client method that settle only when the test says so, in any order. */
function deferred<T>() {
	const calls: { args: unknown[]; resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
	const fn = (...args: unknown[]) =>
		new Promise<T>((resolve, reject) => calls.push({ args, resolve, reject }));
	return { calls, fn };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LatestRequest', () => {
	it('SQL console: the later query wins whatever answers first; a failure clears the result', async () => {
		const q = deferred<SqlResult>();
		const sql = new SqlConsole({ runSql: q.fn } as unknown as DataClient);
		const answer = (n: number) => ({ columns: ['n'], rows: [[n]] }) as unknown as SqlResult;

		sql.text = 'SELECT 1';
		const first = sql.run('d1');
		sql.text = 'SELECT 2';
		const second = sql.run('d1');
		expect(sql.running).toBe(true);
		expect(q.calls.map((c) => c.args[1])).toEqual(['SELECT 1', 'SELECT 2']);
		q.calls[1].resolve(answer(2));
		await second;
		expect(sql.result).toEqual(answer(2));
		expect(sql.running).toBe(false);
		q.calls[0].resolve(answer(1)); // the older answer arrives late: dropped
		await first;
		expect(sql.result).toEqual(answer(2));

		const third = sql.run('d1');
		q.calls[2].reject(Object.assign(new Error('read-only'), { name: 'SqlError' }));
		await third;
		expect(sql.result).toBeNull();
		expect(sql.error).toMatchObject({ name: 'SqlError', message: 'read-only' });
	});

	it('customers: another dataset or closing drops the older load', async () => {
		const q = deferred<CustomerInsights>();
		const state = new CustomersState({ customerInsights: q.fn } as unknown as DataClient);
		const ins = (id: string) => ({ id }) as unknown as CustomerInsights;

		const a = state.open('A');
		const b = state.open('B');
		q.calls[1].resolve(ins('B'));
		await b;
		q.calls[0].resolve(ins('A'));
		await a;
		expect(state.datasetId).toBe('B');
		expect(state.insights).toEqual(ins('B'));

		const c = state.open('C');
		expect(state.loading).toBe(true);
		state.close();
		expect(state.loading).toBe(false);
		q.calls[2].reject(new Error('worker died'));
		await c;
		await tick();
		expect(state.insights).toBeNull();
		expect(state.error).toBeNull();
		expect(state.loading).toBe(false);
	});

	it('explore: an older series answer is dropped, a failure is shown, closing drops the product load', async () => {
		const series = deferred<SeriesBatch>();
		const summary = deferred<unknown[]>();
		const state = new ExploreState({
			querySeries: series.fn,
			productSummary: summary.fn,
		} as unknown as DataClient);
		const batch = (id: string) => ({ ids: [id] }) as unknown as SeriesBatch;
		const opened = state.open('A');
		// While the product list loads the totals are unknown, not zero ("0 products, £0.00").
		expect(state.totals).toBeNull();
		summary.calls[0].resolve([]);
		await opened;
		expect(state.totals).toEqual({ units: 0, revenue: 0, orders: 0, products: 0 });

		state.productId = 'P1';
		const a = state.loadSeries();
		state.productId = 'P2';
		const b = state.loadSeries();
		expect(series.calls.map((c) => (c.args[1] as { productIds: string[] }).productIds)).toEqual([
			['P1'],
			['P2'],
		]);
		series.calls[1].resolve(batch('P2'));
		await b;
		expect(state.seriesLoading).toBe(false);
		series.calls[0].resolve(batch('P1'));
		await a;
		expect(state.series).toEqual(batch('P2'));

		const c = state.loadSeries();
		series.calls[2].reject(Object.assign(new Error('gone'), { name: 'DataError' }));
		await c;
		expect(state.error).toMatchObject({ name: 'DataError' });
		expect(state.series).toEqual(batch('P2'));

		const reopened = state.open('B');
		expect(state.productsLoading).toBe(true);
		state.close();
		expect(state.productsLoading).toBe(false);
		summary.calls[1].resolve([{ productId: 'late' }]);
		await reopened;
		expect(state.products).toEqual([]);
	});

	it('import: the latest mapping check wins; a reset drops the one in flight', async () => {
		const check = deferred<MappingCheck>();
		const preview = {
			importId: 'i1',
			fileName: 'a.csv',
			columns: [{ name: 'Day' }, { name: 'When' }],
			mapping: { date: 'Day' },
			dateOrder: 'ymd',
			dateOrderAmbiguous: false,
			issues: [],
		} as unknown as ImportPreview;
		const flow = new ImportFlow(
			{ previewFile: async () => preview, validateMapping: check.fn } as unknown as DataClient,
			{} as DatasetStore,
		);
		await flow.start({ name: 'a.csv' } as never);
		expect(flow.step).toBe('mapping');
		const answer = (code: string): MappingCheck => ({
			issues: [{ code, severity: 'warning' } as never],
			dateOrder: 'dmy',
			dateOrderAmbiguous: false,
		});
		flow.setRole('When', 'date');
		flow.setRole('Day', 'date');
		expect(flow.checking).toBe(true);
		expect(check.calls.map((c) => (c.args[1] as { date: string }).date)).toEqual(['When', 'Day']);
		check.calls[1].resolve(answer('second'));
		await tick();
		expect(flow.checking).toBe(false);
		check.calls[0].resolve(answer('first'));
		await tick();
		expect(flow.mappingIssues.map((i) => i.code)).toEqual(['second']);
		expect(flow.dateOrder).toBe('dmy');

		flow.setRole('When', 'date');
		flow.reset();
		check.calls[2].resolve(answer('after reset'));
		await tick();
		expect(flow.mappingIssues).toEqual([]);
		expect(flow.checking).toBe(false);
	});
});
