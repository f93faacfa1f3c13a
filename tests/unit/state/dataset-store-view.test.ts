// What a screen that needs data shows while the stored datasets are read back (walkthrough 2026-12-07:
// after a restore, Explore said "还没有销售数据 — 请先导入文件" for seconds while the data worker was
// still listing the restored dataset, which reads as lost data).
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import type { DataClient } from '../../../src/lib/workers/data-client';
import { DatasetStore } from '../../../src/state/dataset-store.svelte';

function clientWith(list: Promise<DatasetMeta[]>): DataClient {
	return {
		listDatasets: () => list,
		storageInfo: async () => ({ usage: 0, quota: 0 }),
	} as unknown as DataClient;
}

describe('DatasetStore.view', () => {
	it('is loading until the list arrives, then ready with a stored dataset', async () => {
		let done!: (l: DatasetMeta[]) => void;
		const store = new DatasetStore(clientWith(new Promise((r) => (done = r))));
		const refreshed = store.refresh();
		expect(store.view).toBe('loading');
		done([{ id: 'a', name: 'shop', createdAt: 1 } as DatasetMeta]);
		await refreshed;
		expect(store.view).toBe('ready');
	});

	it('is empty when nothing is stored', async () => {
		const store = new DatasetStore(clientWith(Promise.resolve([])));
		await store.refresh();
		expect(store.view).toBe('empty');
	});
});
