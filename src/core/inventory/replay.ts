// Replays a reorder policy over periods the plan did not see (the plan benchmark, tests): at the start
// of each period orders due arrive, then the policy looks at on hand + on order and, when that is at or
// below its reorder point, orders up to its order-up-to level (arriving `leadPeriods` later); the
// period's demand is served from stock and what finds no stock is lost (lost sales, no backorders).
// Pure TypeScript.

/** The levels a policy sets at one review. */
export interface ReviewLevels {
	reorderPoint: number;
	orderUpTo: number;
}

export interface ReplayResult {
	demand: number;
	sold: number;
	lost: number;
	/** sold / demand (1 when there was no demand). */
	fillRate: number;
	/** Mean units on hand at the end of a period. */
	meanOnHand: number;
	/** Periods that ended with unmet demand. */
	stockoutPeriods: number;
	orders: number;
}

/**
 * Runs the policy over `demand` (one value per period). `levels(t)` gives the levels at the review of
 * period t (computed from data before t). Starts with `initialOnHand` and nothing on order.
 */
export function replayPolicy(
	demand: ArrayLike<number>,
	leadPeriods: number,
	levels: (t: number) => ReviewLevels,
	initialOnHand: number,
): ReplayResult {
	const n = demand.length;
	const arriving = new Float64Array(n + leadPeriods + 1);
	let onHand = Math.max(0, initialOnHand);
	let onOrder = 0;
	let total = 0;
	let sold = 0;
	let held = 0;
	let stockouts = 0;
	let orders = 0;
	for (let t = 0; t < n; t++) {
		onHand += arriving[t];
		onOrder -= arriving[t];
		const { reorderPoint, orderUpTo } = levels(t);
		const position = onHand + onOrder;
		if (position <= reorderPoint && orderUpTo > position) {
			const q = orderUpTo - position;
			if (leadPeriods === 0) onHand += q;
			else {
				arriving[t + leadPeriods] += q;
				onOrder += q;
			}
			orders++;
		}
		const d = Math.max(0, demand[t]);
		const s = Math.min(onHand, d);
		onHand -= s;
		total += d;
		sold += s;
		if (s < d - 1e-9) stockouts++;
		held += onHand;
	}
	return {
		demand: total,
		sold,
		lost: total - sold,
		fillRate: total > 0 ? sold / total : 1,
		meanOnHand: n > 0 ? held / n : 0,
		stockoutPeriods: stockouts,
		orders,
	};
}
