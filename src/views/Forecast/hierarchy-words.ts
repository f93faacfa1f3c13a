// How the reconciled hierarchy was reconciled and why, in words (the backtest's scores of every method),
// for the Forecast screen's levels and its Product level; and the names of the hierarchy's nodes.
import type { HierarchyNode, ReconcileChoice } from '../../core/forecast/hierarchy-forecast';
import type { ReconcileMethod } from '../../core/forecast/hierarchy';
import { OTHER_KEY } from '../../lib/hierarchy';
import type { HierarchyInfo } from '../../state/hierarchy-run.svelte';
import type { Frequency } from '../../core/types';
import { periodName } from '../../lib/format';
import { t } from '../../lib/i18n';

const NAMES = {
	'bottom-up': 'hierarchy_name_bottom_up',
	'mint-shrink': 'hierarchy_name_mint_shrink',
	'top-down': 'hierarchy_name_top_down',
	'middle-out': 'hierarchy_name_middle_out',
	ols: 'hierarchy_name_ols',
	'wls-struct': 'hierarchy_name_wls_struct',
} as const satisfies Record<ReconcileMethod, string>;

/** A reconciliation method's short name (the picker, the why). */
export function reconcileMethodName(m: ReconcileMethod): string {
	return t(NAMES[m]);
}

/** What a reconciliation method did, in a sentence (bottom-up says what its bottom is). */
export function reconcileMethodText(m: ReconcileMethod, hasProducts: boolean): string {
	if (m === 'bottom-up')
		return t(hasProducts ? 'hierarchy_method_bottom_up_products' : 'hierarchy_method_bottom_up');
	if (m === 'mint-shrink') return t('hierarchy_method_mint');
	if (m === 'top-down') return t('hierarchy_method_top_down');
	if (m === 'middle-out') return t('hierarchy_method_middle_out');
	if (m === 'ols') return t('hierarchy_method_ols');
	return t('hierarchy_method_wls_struct');
}

const f3 = (v: number | undefined): string =>
	v !== undefined && Number.isFinite(v) ? v.toFixed(3) : '–';

/**
 * Why the forecasts on screen were reconciled as they are: the backtest's choice `auto` with every
 * method's score (over how many origins when more than one: the scores are their geometric mean), or, when a person picked a method (`picked`), its score next to the automatic choice's.
 */
export function reconcileWhy(
	c: ReconcileChoice | null,
	freq: Frequency,
	picked: ReconcileMethod | null = null,
	auto: ReconcileMethod = 'bottom-up',
): string {
	if (picked) {
		if (!c) return t('hierarchy_why_picked_short', { name: reconcileMethodName(picked) });
		const k = c.origins?.length ?? 1;
		return t(k > 1 ? 'hierarchy_why_picked_origins' : 'hierarchy_why_picked', {
			name: reconcileMethodName(picked),
			k,
			h: c.horizon,
			unit: periodName(freq, true),
			score: f3(c.scores?.[picked]),
			auto: reconcileMethodName(auto),
			autoScore: f3(c.scores?.[auto]),
		});
	}
	if (!c) return t('hierarchy_why_short');
	const scored = (Object.keys(NAMES) as ReconcileMethod[]).filter(
		(m) => c.scores?.[m] !== undefined,
	);
	const k = c.origins?.length ?? 1;
	return t(k > 1 ? 'hierarchy_why_origins' : 'hierarchy_why', {
		k,
		h: c.horizon,
		unit: periodName(freq, true),
		name: reconcileMethodName(auto),
		list: scored
			.map((m) => t('hierarchy_score', { name: reconcileMethodName(m), score: f3(c.scores[m]) }))
			.join(', '),
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
