// Newsvendor quantity for one-season fashion items: one buy before the season, leftovers sold off at a
// salvage value. Pure TypeScript; used by plan.ts.
//
// Underage cost c_u = price − cost (a sale lost), overage cost c_o = cost − salvage (a unit left over).
// The expected profit is maximised by the critical-ratio quantile Q* = F⁻¹(c_u / (c_u + c_o))
// = F⁻¹((p − c) / (p − v)) of season demand (Silver, Pyke & Thomas 2017, §11.2; Axsäter 2015, §9.2).
import { quantile, type DemandDistribution } from './demand';

/** Critical ratio (p − c) / (p − v); 0 when the item loses money at full price. */
export function criticalRatio(price: number, cost: number, salvage: number): number {
	if (!(price > 0) || !(cost >= 0) || !(salvage >= 0))
		throw new RangeError('price must be > 0; cost and salvage ≥ 0');
	if (salvage >= cost) throw new RangeError('salvage value must be below the unit cost');
	if (price <= cost) return 0;
	return (price - cost) / (price - salvage);
}

/** Newsvendor order quantity (whole units) for season demand `season`. */
export function newsvendorQuantity(
	season: DemandDistribution,
	price: number,
	cost: number,
	salvage: number,
): { ratio: number; quantity: number } {
	const ratio = criticalRatio(price, cost, salvage);
	if (ratio <= 0) return { ratio, quantity: 0 };
	return { ratio, quantity: Math.round(quantile(season, Math.min(ratio, 1 - 1e-9))) };
}
