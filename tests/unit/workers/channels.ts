// Shared fixture of the worker tests that run the data worker and forecast workers over real
// MessageChannels (series-port.test.ts, forecast-pool.test.ts): channels that are all closed after the
// file, and the data service (real DuckDB) with the demo's first 60,000 lines imported as "demo":
// December 2010 to mid-January 2011, partial first and last weeks.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { demoHead, makeService, toInput } from '../data/harness';

const open: MessagePort[] = [];

/** A new MessageChannel, closed after the test file. */
export function channel(): { port1: MessagePort; port2: MessagePort } {
	const c = new MessageChannel();
	open.push(c.port1, c.port2);
	return c;
}

afterAll(() => {
	for (const p of open.splice(0)) p.close();
});

/** The data service over a fresh DuckDB with the demo's first 60,000 lines imported as "demo". */
export async function demoService(): Promise<{
	ctx: Awaited<ReturnType<typeof makeService>>;
	meta: DatasetMeta;
}> {
	const ctx = await makeService();
	const p = await ctx.service.previewFile(toInput('demo.csv', demoHead(60000)));
	const meta = await ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: 'demo',
	});
	return { ctx, meta };
}
