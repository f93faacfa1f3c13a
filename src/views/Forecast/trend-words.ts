// How the underlying level (STL's trend) moved over the last 12 periods, as the Drivers card says it.
// Sales cannot go below zero, but a fitted trend can (a product whose sales stopped): a fall to or
// below zero is said as "fell to about zero", never "fell by 111 %".

export type TrendMove = 'rose' | 'fell' | 'flat' | 'to_zero';

/** The move of `trend` over its last min(12, n − 1) periods; `change` is relative (0.25 = 25 %). */
export function trendMove(trend: ArrayLike<number>): {
	move: TrendMove;
	change: number;
	span: number;
} {
	const n = trend.length;
	const span = Math.max(0, Math.min(n - 1, 12));
	if (n < 2) return { move: 'flat', change: 0, span };
	const from = trend[n - 1 - span];
	const to = trend[n - 1];
	if (!(from > 0)) return { move: 'flat', change: 0, span };
	const change = (to - from) / from;
	// a level that ends at or below 5 % of where it was has in effect stopped
	if (to <= from * 0.05) return { move: 'to_zero', change: -1, span };
	return { move: change > 0.02 ? 'rose' : change < -0.02 ? 'fell' : 'flat', change, span };
}
