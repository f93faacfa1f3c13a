// Censored demand: sales in a period when the product was out of stock show what was on the shelf,
// not what customers wanted. Those periods become missing values (NaN) before forecasting; the engine
// then interpolates them with a note (engine.ts → fillGaps), so a stock-out does not teach the forecast
// that nobody wants the product (Nahmias 1994, "Demand estimation in lost sales inventory systems",
// Naval Research Logistics 41:739–757). Pure TypeScript.

/** One stock record: units on hand at the end of a day (UTC ms). */
export interface StockRecord {
	ds: number;
	onHand: number;
}

/**
 * For each period [starts[i], starts[i] + periodMs), whether a stock record in it shows zero (or less)
 * on hand. Records outside every period are ignored.
 */
export function stockoutPeriods(
	starts: ArrayLike<number>,
	periodMs: number,
	history: StockRecord[],
): boolean[] {
	const out = new Array<boolean>(starts.length).fill(false);
	if (starts.length === 0) return out;
	const first = starts[0];
	for (const r of history) {
		if (!(r.onHand <= 0)) continue;
		const i = Math.floor((r.ds - first) / periodMs);
		if (i >= 0 && i < starts.length && r.ds >= starts[i] && r.ds < starts[i] + periodMs)
			out[i] = true;
	}
	return out;
}

/** The series with stock-out periods set to NaN (missing), and how many were. */
export function censorStockouts(
	y: ArrayLike<number>,
	stockedOut: ArrayLike<boolean>,
): { y: Float64Array; censored: number } {
	const out = Float64Array.from(y);
	let censored = 0;
	for (let i = 0; i < out.length; i++)
		if (stockedOut[i]) {
			out[i] = NaN;
			censored++;
		}
	return { y: out, censored };
}
