// The Plan screen's pure helpers as its state uses them (state imports core only as types): a shop's
// variants (size, colour) grouped into styles, so a purchase order lists a style's variants together.
import { groupStyles as coreGroupStyles, type Style } from '../core/inventory/variants';
import type { ProductSummary } from '../core/ingest/types';

/** Share of an unsold one-season item's cost recovered at the end (the newsvendor's default). */
export { DEFAULT_SALVAGE_SHARE, typicalPrices } from '../core/inventory/plan';

/** Products grouped into styles by their variant columns (src/core/inventory/variants.ts). */
export function groupStyles(products: readonly ProductSummary[]): Style[] {
	return coreGroupStyles(products);
}
