// The reconciled product → category × store hierarchy's shape for the Forecast screen's level views (views import
// core only as types): which nodes are a node's parts, and the dates a forecast is for.
import {
	OTHER_PRODUCT,
	childrenOf as coreChildrenOf,
	productsOf as coreProductsOf,
	type HierarchyNode,
} from '../core/forecast/hierarchy-forecast';
import { futureDates as coreFutureDates } from '../core/series/calendar';
import {
	RECONCILE_METHODS as CORE_METHODS,
	type ReconcileMethod,
} from '../core/forecast/hierarchy';

export type { ReconcileMethod };

/** Every reconciliation method, in the order the screen lists them. */
export const RECONCILE_METHODS: readonly ReconcileMethod[] = CORE_METHODS;
import type { Frequency } from '../core/types';

/** Key of a pooled rest of the hierarchy (other categories, stores or products). */
export const OTHER_KEY = OTHER_PRODUCT;

/** Indexes of the nodes that add up to node `i` (categories or stores of the total; cells of a group). */
export function childrenOf(nodes: readonly HierarchyNode[], i: number): number[] {
	return coreChildrenOf(nodes, i);
}

/** Indexes of the product-level nodes that add up to node `i` (a category or the total). */
export function productsOf(nodes: readonly HierarchyNode[], i: number): number[] {
	return coreProductsOf(nodes, i);
}

/** Starts of the `h` periods after the period starting at `last`. */
export function futureDates(last: number, h: number, freq: Frequency): Float64Array {
	return coreFutureDates(last, h, freq);
}
