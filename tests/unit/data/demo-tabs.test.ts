// Two tabs pressing "Try with demo data" at once: each tab has its own data worker (DuckDB) but both
// write the same IndexedDB. The demo must be stored once, and every tab hears that the list changed.
import { gzipSync } from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { onDatasetsChanged } from '../../../src/lib/db/changes';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { DEMO_DATASET_ID } from '../../../workers/data/demo';
import { demoHead, makeService } from './harness';

describe('demo import from two tabs', () => {
	it('stores one demo dataset when two workers import it concurrently, and announces it', async () => {
		const gz = gzipSync(Buffer.from(demoHead(2000)));
		const fetchDemo = async () =>
			gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer;
		const factory = new IDBFactory();
		const dbA = openTrendcastDb({ indexedDB: factory, IDBKeyRange });
		const dbB = openTrendcastDb({ indexedDB: factory, IDBKeyRange });
		const tabA = await makeService(dbA, { fetchDemo });
		const tabB = await makeService(dbB, { fetchDemo });
		const heard: string[] = [];
		const stop = onDatasetsChanged((id) => heard.push(id));
		try {
			const [a, b] = await Promise.all([tabA.service.loadDemo(), tabB.service.loadDemo()]);
			expect(a.id).toBe(DEMO_DATASET_ID);
			expect(b.id).toBe(DEMO_DATASET_ID);
			expect(await dbA.datasets.count()).toBe(1);
			expect(await dbA.datasetBlobs.count()).toBe(1);
			// A third press opens the stored demo without importing it again.
			const again = await tabB.service.loadDemo();
			expect(again.id).toBe(DEMO_DATASET_ID);
			expect(await dbB.datasets.count()).toBe(1);
			// Both tabs can read it.
			expect((await tabA.service.productSummary(DEMO_DATASET_ID)).length).toBeGreaterThan(100);
			expect((await tabB.service.productSummary(DEMO_DATASET_ID)).length).toBeGreaterThan(100);
			await expect.poll(() => heard.length).toBeGreaterThanOrEqual(1);
			expect(new Set(heard)).toEqual(new Set([DEMO_DATASET_ID]));
		} finally {
			stop();
		}
	}, 120_000);
});
