// The deep models' promotion input (issue #13): the same imported promotions the Forecast screen
// gives the statistical engine (data worker promotionsFor: each product's own and its category's),
// as the regressor 'promotion' — the share of each period's days under a promotion
// (src/core/forecast/promotions.ts promotionColumns) — over the history and, as regressorsAhead,
// the `horizon` periods after each series, so a model trained with it forecasts with the plan. And the
// market signals (issue #13): a search series imported on the Market screen whose term matches a
// product, as the regressor 'market-signal', lagged one week (withSignals).
import { promotionColumns } from '../../src/core/forecast/promotions';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';
import { futureDates } from '../../src/core/series/calendar';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import { periodDays } from '../forecast/promotions';
import { SIGNAL_INPUT } from '../../src/ml/features';
import { signalMatches, signalWeekOf, type WeeklySignal } from '../data/fusion';

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

/** The regressor name of a market signal series (src/ml/features.ts feature 13). */
export { SIGNAL_INPUT };

const WEEK_MS = 7 * 86_400_000;

/**
 * `batch` (weekly) with the regressor 'market-signal': for each series the first market signal whose name
 * matches the product's (`names`: id → id and description; workers/data/fusion.ts signalMatches),
 * lagged by one week, so the value of week t is the signal's week t − 1 (known when week t begins);
 * NaN before the signal starts or in its gaps. `regressorsAhead` holds the next week's value (the
 * signal's last sales week) when known; later weeks carry it (features.ts). `batch` itself when no
 * series matches a signal or the data are not weekly. Series without a match get NaN (feature 0).
 */
export function withSignals(
	batch: SeriesBatch,
	signals: readonly WeeklySignal[],
	names: Record<string, string>,
	freq: Frequency,
	horizon: number,
): SeriesBatch {
	if (freq !== 'week' || signals.length === 0) return batch;
	const n = batch.ids.length;
	const past = new Float64Array(batch.indptr[n]).fill(NaN);
	const ahead = new Float64Array(n * horizon).fill(NaN);
	let any = false;
	batch.ids.forEach((id, i) => {
		const from = batch.indptr[i];
		const to = batch.indptr[i + 1];
		const s = signals.find((x) => signalMatches(names[id] ?? id, x));
		if (!s || to <= from) return;
		const lo = Math.min(...s.weekly.keys());
		const hi = Math.max(...s.weekly.keys());
		const at = (w: number): number =>
			s.weekly.get(w) ?? (s.zeroFill && w >= lo && w <= hi ? 0 : NaN);
		for (let t = from; t < to; t++) {
			const v = at(signalWeekOf(batch.ds[t]) - WEEK_MS);
			past[t] = v;
			if (Number.isFinite(v)) any = true;
		}
		if (horizon > 0) ahead[i * horizon] = at(signalWeekOf(batch.ds[to - 1]));
	});
	if (!any) return batch;
	const names0 = [...(batch.regressors?.names ?? [])];
	const values = [...(batch.regressors?.values ?? [])];
	const k = names0.indexOf(SIGNAL_INPUT);
	if (k >= 0) values.splice(k, 1, past);
	else {
		names0.push(SIGNAL_INPUT);
		values.push(past);
	}
	const prev = batch.regressorsAhead;
	const nan = () => new Float64Array(n * (prev?.horizon ?? horizon)).fill(NaN);
	const aheadValues = names0.map((name) => {
		if (name === SIGNAL_INPUT) {
			if (!prev || prev.horizon === horizon) return ahead;
			const out = nan();
			for (let i = 0; i < n; i++) out[i * prev.horizon] = ahead[i * horizon];
			return out;
		}
		const j = batch.regressors?.names.indexOf(name) ?? -1;
		return (j >= 0 ? prev?.values[j] : undefined) ?? nan();
	});
	return {
		...batch,
		regressors: { names: names0, values },
		regressorsAhead: { horizon: prev?.horizon ?? horizon, values: aheadValues },
	};
}
