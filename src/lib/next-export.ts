// A shop's next export has the columns of the one it imported before: this finds the stored dataset a
// new file most likely continues, so the Import screen can offer to add the rows there (a returning
// owner otherwise ends up with a second dataset that holds only the last 30 days).
import { DEMO_DATASET_ID } from '../core/demo';
import type { ColumnMapping, DatasetMeta } from '../core/ingest/types';

/** The roles a mapping gives, with their columns, in a fixed order. */
function layoutKey(mapping: ColumnMapping | undefined): string {
	return JSON.stringify(
		Object.entries(mapping ?? {})
			.filter(([, col]) => !!col)
			.sort(([a], [b]) => a.localeCompare(b)),
	);
}

/**
 * The newest stored dataset (never the demo) whose columns carry the same roles as `mapping`: the
 * same export layout. Null when none does (or the mapping gives no role).
 */
export function sameLayoutDataset(
	datasets: readonly Pick<DatasetMeta, 'id' | 'name' | 'createdAt' | 'mapping'>[],
	mapping: ColumnMapping,
): Pick<DatasetMeta, 'id' | 'name' | 'createdAt' | 'mapping'> | null {
	const key = layoutKey(mapping);
	if (key === '[]') return null;
	const same = datasets.filter((d) => d.id !== DEMO_DATASET_ID && layoutKey(d.mapping) === key);
	return same.sort((a, b) => b.createdAt - a.createdAt)[0] ?? null;
}
