// The what-if's fitted price effect in words a shop owner can use: the forecast's price regressor is
// "units a week per one unit of money", which reads oddly for a £0.85 item (a step of £1 is more than its
// price) and at two decimals. Told instead for a 10 % price rise: the step in money and the units lost.

/** The price rise the effect is told for, in per cent of the current price. */
export const PRICE_STEP_PCT = 10;

/**
 * `effect`: the fitted change of weekly units per one unit of price (negative: a dearer item sells
 * less); `price`: today's price. Returns the message params of plan_whatif_price_effect: the step in
 * money (rounded to the penny), and the weekly units that step loses (one decimal under 10, else whole).
 */
export function priceEffectWords(
	effect: number,
	price: number,
): { pct: number; step: number; units: number } {
	const step = Math.round(price * PRICE_STEP_PCT) / 100 || 0;
	const lost = Math.max(0, (-effect * (price * PRICE_STEP_PCT)) / 100);
	const units = lost < 10 ? Math.round(lost * 10) / 10 : Math.round(lost);
	return { pct: PRICE_STEP_PCT, step, units };
}
