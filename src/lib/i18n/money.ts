// Which message params are amounts of money: core and the workers send them as plain numbers (they do
// not know the dataset's currency), and the view formats them with the dataset's currency in the UI
// language (translate(..., currency)), like every other amount on screen (lib/format.ts formatMoney).
import type { Locale } from './types';
import { intlLocale } from './locale';

/** Message code → the names of its params that are money. */
export const MONEY_PARAMS: Readonly<Record<string, readonly string[]>> = {
	// Customers: order risk reasons (src/core/anomaly/orders.ts)
	risk_why_amount_high: ['value', 'typical'],
	risk_why_amount_low: ['value', 'typical'],
	risk_why_unit_price_high: ['value', 'typical'],
	risk_why_unit_price_low: ['value', 'typical'],
	risk_why_small_order_burst: ['max'],
	// Import notes (workers/data/exclusions.ts)
	import_status_excluded: ['revenue'],
	import_non_product: ['revenue'],
	// workers/data/sales/adjust.ts
	import_refunds_partial: ['revenue'],
	import_discounts_line: ['amount'],
	import_discounts_order: ['amount'],
	// Plan: the budget note (workers/plan-api.ts)
	plan_note_budget: ['budget', 'wanted', 'spent'],
	// Plan: what-if, the price step the fitted price effect is told for (workers/plan-api.ts)
	plan_whatif_price_effect: ['step'],
};

const formats = new Map<string, Intl.NumberFormat | null>();

/**
 * `n` in `currency` for a UI language, as lib/format.ts formatMoney writes it (symbol, no pennies above
 * 1,000); null for a currency code Intl does not know.
 */
export function moneyIn(locale: Locale, n: number, currency: string): string | null {
	if (!Number.isFinite(n)) return null;
	const big = Math.abs(n) >= 1000;
	const key = `${intlLocale(locale)}|${currency}|${big}`;
	let f = formats.get(key);
	if (f === undefined) {
		try {
			f = new Intl.NumberFormat(intlLocale(locale), {
				style: 'currency',
				currency,
				maximumFractionDigits: big ? 0 : 2,
			});
		} catch {
			f = null;
		}
		formats.set(key, f);
	}
	return f ? f.format(n) : null;
}
