// What the dataset list and the storage meter show, straight from Dexie (no DuckDB: answers at once).
import type { DatasetMeta } from '../../src/core/ingest/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { StorageInfo } from './context';
import { DEMO_CURRENCY, DEMO_DATASET_ID } from './demo';

/** Stored datasets, newest first, straight from Dexie (no DuckDB needed: the worker answers at once). */
export async function listStoredDatasets(db: TrendcastDb): Promise<DatasetMeta[]> {
	const list = await db.datasets.orderBy('createdAt').reverse().toArray();
	// The demo stored before currencies were kept is in pounds all the same (a UK shop).
	return list.map((m) =>
		m.id === DEMO_DATASET_ID && !m.currency ? { ...m, currency: DEMO_CURRENCY } : m,
	);
}

/** navigator.storage.estimate() where it exists; else (Node) the stored dataset bytes with quota 0 = unknown. */
export async function estimateStorage(db: TrendcastDb): Promise<StorageInfo> {
	const storage = (
		globalThis as {
			navigator?: {
				storage?: {
					estimate?: () => Promise<{ usage?: number; quota?: number }>;
					persisted?: () => Promise<boolean>;
				};
			};
		}
	).navigator?.storage;
	if (storage?.estimate) {
		const e = await storage.estimate();
		const persisted = storage.persisted ? await storage.persisted() : false;
		return { usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0, persisted };
	}
	let used = 0;
	await db.datasetBlobs.each((b) => (used += b.data.byteLength));
	return { usedBytes: used, quotaBytes: 0, persisted: false };
}
