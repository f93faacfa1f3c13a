// The data service behind a real MessageChannel with Comlink, as the UI's DataClient talks to the
// worker: structured-clone-safe results (plain numbers, no BigInt/Arrow objects), progress through a
// Comlink proxy, a transferred input buffer, and errors that keep their `name` across the boundary.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/core/ingest/types';
import type { DataWorkerApi } from '../../../workers/data-api';
import { makeService } from '../data/harness';

const ports: MessagePort[] = [];
let remote: Comlink.Remote<DataWorkerApi>;

beforeAll(async () => {
	const { service } = await makeService();
	const { port1, port2 } = new MessageChannel();
	ports.push(port1, port2);
	Comlink.expose(service, nodeEndpoint(port1));
	remote = Comlink.wrap<DataWorkerApi>(nodeEndpoint(port2));
}, 60_000);
afterAll(() => {
	for (const p of ports.splice(0)) p.close();
});

const CSV = [
	'Order Number,Order Date,SKU,Product Name,Quantity,Item Cost',
	'1001,2024-01-01 10:00,TEE,Tee,2,10',
	'1002,2024-01-03 11:00,TEE,Tee,1,10',
	'1003,2024-01-16 12:00,DRESS,Dress,1,"1,200.00"',
	'1004,2024-01-16 12:30,DRESS,Dress,-1,"1,200.00"',
].join('\n');

describe('data worker API over a MessageChannel', () => {
	it('previews a transferred file, commits, and returns plain clonable data', async () => {
		const bytes = new TextEncoder().encode(CSV).buffer as ArrayBuffer;
		const progress: Progress[] = [];
		const onProgress = Comlink.proxy((p: Progress) => void progress.push(p));
		const preview = await remote.previewFile(
			Comlink.transfer({ name: 'orders.csv', bytes }, [bytes]),
			onProgress,
		);
		expect(bytes.byteLength).toBe(0); // moved, not copied
		expect(preview.rowCount).toBe(4);
		expect(preview.mapping).toMatchObject({
			order: 'Order Number',
			date: 'Order Date',
			product: 'SKU',
		});
		const meta = await remote.commitImport(
			preview.importId,
			{ mapping: preview.mapping, dateOrder: preview.dateOrder, datasetName: 'Orders' },
			onProgress,
		);
		expect(meta.report).toMatchObject({ rowsRead: 4, rowsImported: 3, returnRows: 1 });
		for (const v of [meta.dateMin, meta.dateMax, meta.bytes, meta.rowCount, meta.productCount])
			expect(typeof v).toBe('number');
		await new Promise((r) => setTimeout(r, 20)); // progress calls are fire-and-forget
		expect(progress.map((p) => p.phase)).toEqual(
			expect.arrayContaining(['reading', 'cleaning', 'saving']),
		);

		const summary = await remote.productSummary(meta.id);
		const dress = summary.find((s) => s.productId === 'DRESS')!;
		expect(dress).toMatchObject({ units: 1, revenue: 1200, orders: 1, description: 'Dress' });
		for (const v of Object.values(dress)) expect(['number', 'string']).toContain(typeof v);

		const series = await remote.querySeries(meta.id, {
			productIds: ['TEE', 'DRESS'],
			freq: 'week',
			measure: 'revenue',
		});
		expect(series.ds).toBeInstanceOf(Float64Array);
		expect(series.indptr).toBeInstanceOf(Int32Array);
		// Weeks of 2024-01-01, 01-08 (no sales: zero) and 01-15.
		expect(Array.from(series.y)).toEqual([30, 0, 0, 0, 0, 1200]);
		expect((await remote.listDatasets()).map((d) => d.name)).toEqual(['Orders']);
	}, 60_000);

	it('keeps error names across the boundary', async () => {
		await expect(
			remote.commitImport('missing', { mapping: {}, dateOrder: 'ymd', datasetName: 'x' }),
		).rejects.toMatchObject({ name: 'ImportNotFound' });
		await expect(remote.runSql('nope', 'DROP TABLE sales')).rejects.toMatchObject({
			name: 'ReadOnlySql',
		});
		await expect(remote.productSummary('nope')).rejects.toMatchObject({ name: 'DatasetNotFound' });
	});
});
