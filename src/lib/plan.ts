// The Plan screen's pure helpers as its state uses them (state imports core only as types): a shop's
// variants (size, colour) grouped into styles, so a purchase order lists a style's variants together.
import { groupStyles as coreGroupStyles, type Style } from '../core/inventory/variants';
import type { ProductSummary } from '../core/ingest/types';

/** Products grouped into styles by their variant columns (src/core/inventory/variants.ts). */
export function groupStyles(products: readonly ProductSummary[]): Style[] {
	return coreGroupStyles(products);
}
