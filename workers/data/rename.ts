// Renaming a stored dataset (the dataset list on Import and Settings): a shop that adds each week's export
// to one dataset keeps the first file's name ("orders_week1") until it is renamed.
import type { DatasetMeta } from '../../src/core/ingest/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import { announceDatasetsChanged } from '../../src/lib/db/changes';
import { codedError } from './coded-error';

/** The longest dataset name kept (characters, after trimming). */
export const MAX_DATASET_NAME = 120;

/** Renames a stored dataset; the name is trimmed and must hold 1 to MAX_DATASET_NAME characters. */
export async function renameDataset(
	db: TrendcastDb,
	datasetId: string,
	name: string,
): Promise<DatasetMeta> {
	const next = name.trim().replace(/\s+/g, ' ');
	if (next.length === 0 || [...next].length > MAX_DATASET_NAME)
		throw codedError('InvalidName', 'data_dataset_name_invalid', { max: MAX_DATASET_NAME });
	let meta: DatasetMeta | undefined;
	await db.transaction('rw', db.datasets, async () => {
		const before = await db.datasets.get(datasetId);
		if (!before) throw codedError('DatasetNotFound', 'data_dataset_gone');
		meta = { ...before, name: next };
		await db.datasets.put(meta);
	});
	announceDatasetsChanged(datasetId);
	return meta!;
}
