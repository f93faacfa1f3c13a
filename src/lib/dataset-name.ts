// A dataset's name as screens show it: the built-in demo's in the user's language (it is stored under
// an English name and a fixed id), every other dataset's as the shop named it; and what its unit total
// counts.
import { DEMO_DATASET_ID, DEMO_DATASET_NAME } from '../core/demo';
import type { ColumnMapping } from '../core/ingest/types';
import { t } from './i18n';

/** The name to show for dataset `d`. */
export function datasetName(d: { id: string; name: string }): string {
	return d.id === DEMO_DATASET_ID && d.name === DEMO_DATASET_NAME
		? t('datasets_demo_name')
		: d.name;
}

/**
 * True when a mapping gives money but no quantity (a store's weekly takings, Walmart's Weekly_Sales):
 * each row then counts as one unit, so a "units" total is a count of rows and is worded so.
 */
export function unitsAreRows(
	mapping: Partial<Pick<ColumnMapping, 'quantity' | 'revenue'>> | undefined,
): boolean {
	return !!mapping && !mapping.quantity && !!mapping.revenue;
}

/** The column / measure label of Explore's units: "Rows" for a money-only file (unitsAreRows). */
export function unitsLabelKey(
	mapping: Partial<Pick<ColumnMapping, 'quantity' | 'revenue'>> | undefined,
): 'explore_rows' | 'explore_units' {
	return unitsAreRows(mapping) ? 'explore_rows' : 'explore_units';
}
