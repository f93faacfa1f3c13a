// The deep models' promotion input (issue #13): the same imported promotions the Forecast screen
// gives the statistical engine (data worker promotionsFor: each product's own and its category's),
// as the regressor 'promotion' — the share of each period's days under a promotion
// (src/core/forecast/promotions.ts promotionColumns) — over the history and, as regressorsAhead,
// the `horizon` periods after each series, so a model trained with it forecasts with the plan.
import { promotionColumns } from '../../src/core/forecast/promotions';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';
import { futureDates } from '../../src/core/series/calendar';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import { periodDays } from '../forecast/promotions';

/** The regressor name of the imported promotions. */
export const PROMOTION_INPUT = 'promotion';

/**
 * `batch` with the regressor 'promotion' added (and its known values for `horizon` periods ahead),
 * or `batch` itself when no series has a promotion. Series without promotions get zeros.
 */
export function withPromotions(
	batch: SeriesBatch,
	bySeries: Record<string, readonly PromotionRecord[]>,
	freq: Frequency,
	horizon: number,
): SeriesBatch {
	const n = batch.ids.length;
	const total = batch.indptr[n];
	const past = new Float64Array(total);
	const ahead = new Float64Array(n * horizon);
	const days = periodDays(freq);
	let any = false;
	batch.ids.forEach((id, i) => {
		const promos = bySeries[id];
		const from = batch.indptr[i];
		const to = batch.indptr[i + 1];
		if (!promos?.length || to <= from) return;
		const ds = batch.ds.subarray(from, to);
		const cols = promotionColumns(promos, ds, futureDates(ds[ds.length - 1], horizon, freq), days);
		past.set(cols.on.history, from);
		ahead.set(cols.on.future, i * horizon);
		if (cols.on.history.some((v) => v > 0) || cols.on.future.some((v) => v > 0)) any = true;
	});
	if (!any) return batch;
	const names = [...(batch.regressors?.names ?? [])];
	const values = [...(batch.regressors?.values ?? [])];
	const k = names.indexOf(PROMOTION_INPUT);
	if (k >= 0) values.splice(k, 1, past);
	else {
		names.push(PROMOTION_INPUT);
		values.push(past);
	}
	const nan = () => new Float64Array(n * horizon).fill(NaN);
	const aheadValues = names.map((name) => (name === PROMOTION_INPUT ? ahead : nan()));
	return {
		...batch,
		regressors: { names, values },
		regressorsAhead: { horizon, values: aheadValues },
	};
}
