// Market signals in batches of weekly series (the batch forecast and the plan, issue 14): asks the market
// worker only when a search or posts file is imported.
import type { BatchFusionReport } from '../../workers/data/fusion';
import type { MarketClient } from '../lib/workers/market-client';

/** fuseBatch when a search or posts file is imported, else null (the market worker does no fitting). */
export async function fuseWhenSignals(
	market: Pick<MarketClient, 'list' | 'fuseBatch'>,
	series: { id: string; name: string; ds: ArrayLike<number>; y: ArrayLike<number> }[],
	horizon: number,
): Promise<BatchFusionReport | null> {
	if (series.length === 0) return null;
	const sets = await market.list();
	if (!sets.some((s) => s.kind === 'search' || s.kind === 'posts')) return null;
	return market.fuseBatch(series, horizon);
}
