// Why the reconciled hierarchy used bottom-up or MinT-shrink, in words (the backtest's scores), for
// the Forecast screen's levels and its Product level; and the names of the hierarchy's nodes.
import type { HierarchyNode, ReconcileChoice } from '../../core/forecast/hierarchy-forecast';
import { OTHER_KEY } from '../../lib/hierarchy';
import type { HierarchyInfo } from '../../state/hierarchy-run.svelte';
import type { Frequency } from '../../core/types';
import { periodName } from '../../lib/format';
import { t } from '../../lib/i18n';

export function reconcileWhy(c: ReconcileChoice | null, freq: Frequency): string {
	const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
	if (!c) return t('hierarchy_why_short');
	if (!Number.isFinite(c.mintShrink)) return t('hierarchy_why_mint_failed', { bu: f3(c.bottomUp) });
	return t('hierarchy_why', {
		h: c.horizon,
		unit: periodName(freq, true),
		bu: f3(c.bottomUp),
		mint: f3(c.mintShrink),
		base: f3(c.base),
		n: c.scored,
	});
}

/** Key of a pooled rest: other categories / stores / products (core OTHER_PRODUCT, data worker OTHER_GROUP). */
const OTHER = OTHER_KEY;

/** A category's or store's name on screen: the pooled rest and the empty value in words. */
export function hierarchyGroupName(
	v: string | null,
	kind: 'category' | 'store',
	info: HierarchyInfo | null,
): string {
	if (v === OTHER)
		return t(kind === 'category' ? 'hierarchy_other_categories' : 'hierarchy_other_stores', {
			n: (kind === 'category' ? info?.otherCategories : info?.otherStores) ?? 0,
		});
	return v === null || v === '' ? t('hierarchy_none_name') : v;
}

/** A product's name on screen: its description and id, or the pooled rest of its category. */
export function hierarchyProductName(node: HierarchyNode, info: HierarchyInfo | null): string {
	if (node.product === OTHER)
		return t('hierarchy_other_products', {
			category: hierarchyGroupName(node.category, 'category', info),
		});
	const name = info?.productNames?.[node.product ?? ''];
	return name ? `${name} (${node.product})` : (node.product ?? '');
}

/** Any node's name on screen (total, category, store, category × store cell, product, product slice). */
export function hierarchyNodeName(node: HierarchyNode, info: HierarchyInfo | null): string {
	if (node.level === 'total') return t('hierarchy_total_name');
	if (node.level === 'product') return hierarchyProductName(node, info);
	if (node.level === 'slice')
		return t('hierarchy_slice_name', {
			product: hierarchyProductName(node, info),
			store: hierarchyGroupName(node.store, 'store', info),
		});
	if (node.level === 'category') return hierarchyGroupName(node.category, 'category', info);
	if (node.level === 'store') return hierarchyGroupName(node.store, 'store', info);
	return t('hierarchy_cell_name', {
		category: hierarchyGroupName(node.category, 'category', info),
		store: hierarchyGroupName(node.store, 'store', info),
	});
}
