// Which stored content of a dataset a screen shows: rows added from the next export (append) or lines
// counted back in (non-product codes) change it, so Explore, Home, Plan and Customers read it again.
import type { DatasetMeta } from '../core/ingest/types';

/** A key of the dataset's stored content ('' for none). */
export function datasetVersion(
	meta: Pick<DatasetMeta, 'rowCount' | 'bytes' | 'dateMin' | 'dateMax'> | null | undefined,
): string {
	return meta ? `${meta.rowCount}:${meta.bytes}:${meta.dateMin}:${meta.dateMax}` : '';
}
