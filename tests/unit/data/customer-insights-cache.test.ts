// The customer insights kept per dataset version (Dexie version 11, workers/data/customers.ts): a new
// visit (a new data worker over the same IndexedDB) answers from the cache without reading the lines,
// with the analyst's marks of today; a rewritten table, another stamp, a deleted dataset or `fresh`
// work them out again. Real DuckDB (Node) over the first demo lines, fake-indexeddb.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCustomerJobs, insightsStamp } from '../../../workers/data/customers';
import { shopStored } from './harness';

type Shop = Awaited<ReturnType<typeof shopStored>>;

/** The customer jobs of a new data worker (a reload), counting its reads of the dataset's lines. */
function visit({ service, db }: Shop) {
	const reads = { n: 0 };
	const jobs = createCustomerJobs({
		orderLines: (id) => (reads.n++, service.orderLines(id)),
		db,
	});
	return { jobs, reads };
}

describe('customer insights cached per dataset version', () => {
	// one stored dataset for both tests (in order): the second starts from the first's cached row
	let s: Shop;
	beforeAll(async () => {
		s = await shopStored(1500);
	}, 120_000);

	it('a new visit shows them from the cache without reading the lines, with its marks', async () => {
		const first = visit(s);
		const ins = await first.jobs.insights(s.meta.id);
		expect(first.reads.n).toBe(1);
		expect(ins.hasCustomers).toBe(true);
		expect(ins.flags.length).toBeGreaterThan(0);
		const row = await s.db.customerInsights.get(s.meta.id);
		expect(row?.stamp).toBe(insightsStamp((await s.db.datasets.get(s.meta.id))!));
		// kept: the answer says when at once (the screen's "worked out on … and kept" note)
		expect(ins.savedAt).toBe(row!.savedAt);
		const flagId = ins.flags[0].id;
		await first.jobs.setFlagMark(s.meta.id, flagId, true);

		const again = visit(s);
		const hit = await again.jobs.insights(s.meta.id);
		expect(again.reads.n).toBe(0);
		expect(hit.savedAt).toBe(row!.savedAt);
		// the same insights, the mark made after they were kept applied
		expect(hit).toEqual({
			...ins,
			flags: ins.flags.map((f) => (f.id === flagId ? { ...f, markedOk: true } : f)),
		});
		// lookups fit the chosen method only, and answer as the first visit's model does
		const customer = ins.segments!.customers[0].customerId;
		const list = await again.jobs.forCustomer(s.meta.id, customer);
		expect(again.reads.n).toBe(1);
		expect(list).toEqual(await first.jobs.forCustomer(s.meta.id, customer));
		expect(list!.length).toBeGreaterThan(0);
	}, 120_000);

	it('works them out again after the table is written, for another stamp, or when asked', async () => {
		expect(await s.db.customerInsights.count()).toBe(1);

		// a rewrite of the stored table (here: non-product codes counted as products) drops the row
		await s.service.setNonProductIncluded(s.meta.id, ['POST']);
		expect(await s.db.customerInsights.count()).toBe(0);
		const after = visit(s);
		const redone = await after.jobs.insights(s.meta.id);
		expect(after.reads.n).toBe(1);
		const stamp = insightsStamp((await s.db.datasets.get(s.meta.id))!);
		const kept = await s.db.customerInsights.get(s.meta.id);
		expect(kept?.stamp).toBe(stamp);
		expect(redone.savedAt).toBe(kept!.savedAt);

		// a row of another stamp (another tab's write, an older analysis) is never shown
		await s.db.customerInsights.update(s.meta.id, { stamp: 'old', insights: { bogus: 1 } });
		const stale = visit(s);
		const ins = await stale.jobs.insights(s.meta.id);
		expect(stale.reads.n).toBe(1);
		expect(ins.segments?.customers.length).toBeGreaterThan(0);
		const rewritten = await s.db.customerInsights.get(s.meta.id);
		expect(rewritten?.stamp).toBe(stamp);
		expect(ins.savedAt).toBe(rewritten!.savedAt);

		// "Work them out again": fresh skips a valid row, keeps the new answer and says when at once
		await s.db.customerInsights.update(s.meta.id, { savedAt: 1 });
		const fresh = visit(s);
		const again = await fresh.jobs.insights(s.meta.id, undefined, undefined, true);
		expect(fresh.reads.n).toBe(1);
		const row = await s.db.customerInsights.get(s.meta.id);
		expect(row!.savedAt).toBeGreaterThan(1);
		expect(again.savedAt).toBe(row!.savedAt);

		// deleted with its dataset
		await s.service.deleteDataset(s.meta.id);
		expect(await s.db.customerInsights.count()).toBe(0);
	}, 120_000);
});
