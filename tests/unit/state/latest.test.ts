// "Latest request wins" (src/state/latest.svelte.ts) as the state classes built on it use it: an answer
// to an older request never replaces a newer one, a failed query clears the stale result (SQL console),
// and closing a dataset drops the load in flight (customers).
import { describe, expect, it } from 'vitest';
import type { SqlResult } from '../../../workers/data-api';
import type { CustomerInsights } from '../../../workers/data/customers';
import type { DataClient } from '../../../src/lib/workers/data-client';
import { CustomersState } from '../../../src/state/customers.svelte';
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
});
