// The Plan screen's pure helpers as its state uses them (state imports core only as types): a shop's
// variants (size, colour) grouped into styles, so a purchase order lists a style's variants together.
import { groupStyles as coreGroupStyles, type Style } from '../core/inventory/variants';
import type { ProductSummary } from '../core/ingest/types';

/** Share of an unsold one-season item's cost recovered at the end (the newsvendor's default). */
export {
	alertStake,
	DEFAULT_LEAD_TIME_SD_DAYS,
	DEFAULT_SALVAGE_SHARE,
	typicalPrices,
} from '../core/inventory/plan';
/** An order-up-to level as the Plan shows it: the whole units an order reaches it by. */
export { wholeUnitsUp } from '../core/inventory/policy';
/** A service level typed as a share (0.95) or a percentage (95); null when it is neither. */
export { parseServiceLevel } from '../core/inventory/service-level';

/** Products grouped into styles by their variant columns (src/core/inventory/variants.ts). */
export function groupStyles(products: readonly ProductSummary[]): Style[] {
	return coreGroupStyles(products);
}
