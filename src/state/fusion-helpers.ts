// Market signals in batches of weekly series (the batch forecast and the plan, issue 14): asks the market
// worker only when a search or posts file is imported. The market worker reads the series from the data
// worker itself (keys only pass through this thread).
import type { BatchFusionReport } from '../../workers/data/fusion';
import type { MarketClient, SeriesKeys } from '../lib/workers/market-client';

/** fuseBatch when a search or posts file is imported, else null (the market worker does no fitting). */
export async function fuseWhenSignals(
	market: Pick<MarketClient, 'list' | 'fuseBatch'>,
	keys: SeriesKeys,
	horizon: number,
): Promise<BatchFusionReport | null> {
	if (keys.productIds !== null && keys.productIds.length === 0) return null;
	const sets = await market.list();
	if (!sets.some((s) => s.kind === 'search' || s.kind === 'posts')) return null;
	return market.fuseBatch(keys, horizon);
}
