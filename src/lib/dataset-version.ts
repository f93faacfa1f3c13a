// Which stored content of a dataset a screen shows: rows added from the next export (append) or lines
// counted back in (non-product codes) change it, so Explore, Home, Plan and Customers read it again; so
// does a new first day of the week (the weeks are bucketed again; kept forecasts of the old weeks drop).
import type { DatasetMeta } from '../core/ingest/types';
import { MONDAY, weekStartOf } from '../core/series/week-start';

/** A key of the dataset's stored content ('' for none). */
export function datasetVersion(
	meta:
		| (Pick<DatasetMeta, 'rowCount' | 'bytes' | 'dateMin' | 'dateMax'> &
				Partial<Pick<DatasetMeta, 'weekStart'>>)
		| null
		| undefined,
): string {
	if (!meta) return '';
	const base = `${meta.rowCount}:${meta.bytes}:${meta.dateMin}:${meta.dateMax}`;
	// Monday weeks (absent) keep the key datasets had before, so their kept forecasts stay shown
	const ws = weekStartOf(meta);
	return ws === MONDAY ? base : `${base}:w${ws}`;
}
