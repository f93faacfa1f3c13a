// Words of the plain-word explanations (src/core/home/explain.ts): a message's params turned into the
// reader's language before the catalog fills them in: sums in the measure's format, a holiday's name
// from its key, a market signal's name from its kind. Used by the Forecast screen and the report.
import type { ExplainSignal } from '../../core/home/explain';
import type { Message } from '../../core/messages';
import type { Frequency } from '../../core/types';
import { eventName } from '../../lib/calendar';
import { explainForecast } from '../../lib/explain';
import { periodName } from '../../lib/format';
import { t, type MessageCode } from '../../lib/i18n';
import type { ForecastRun } from '../../state/forecast-run.svelte';
import { marketState } from '../../state/market.svelte';

/** Params that are sums of the measure (money or units). */
const VALUE_PARAMS = ['before', 'now', 'forecast', 'actual', 'from', 'to'];

/** One explanation in the UI language. */
export function sayExplain(
	m: Message,
	freq: Frequency,
	formatValue: (v: number) => string,
): string {
	const p: Record<string, string | number> = {
		unit: periodName(freq, false),
		units: periodName(freq, true),
	};
	const params = m.params ?? {};
	for (const [k, v] of Object.entries(params))
		p[k] = VALUE_PARAMS.includes(k) && typeof v === 'number' ? formatValue(v) : v;
	if (typeof params.event === 'string') {
		const names =
			typeof params.name_en === 'string' && typeof params.name_zh === 'string'
				? ([params.name_en, params.name_zh] as const)
				: null;
		p.event = eventName(params.event, names);
	}
	if (typeof params.signal_kind === 'string')
		p.signal = t(`market_signal_${params.signal_kind}` as MessageCode, {
			name: String(params.signal_name ?? ''),
		});
	return t(m.code as MessageCode, p);
}

/** Market signals tried on a series (the Signals card's fusion) for the plain-word explanation. */
export function signalFacts(seriesKey: string): {
	signalsTried: number;
	signal: ExplainSignal | null;
} {
	const f = marketState.fusionKey.startsWith(`${seriesKey}|`) ? marketState.fusion : null;
	const tried = f?.candidates.filter((c) => c.maseWith !== null && c.maseWithout !== null) ?? [];
	const used = tried.find((c) => c.status === 'used');
	return {
		signalsTried: tried.length,
		signal: used
			? {
					kind: used.kind,
					name: used.name,
					lag: used.lag ?? 0,
					maseWith: used.maseWith ?? NaN,
					maseWithout: used.maseWithout ?? NaN,
				}
			: null,
	};
}

/**
 * Everything "In plain words" says about the forecast on the Forecast screen, as messages (accuracy,
 * what makes it up, what moved since the forecast one period earlier), for the report; null without a
 * single-product forecast.
 */
export function forecastExplanation(run: ForecastRun): {
	productId: string;
	freq: Frequency;
	measure: 'units' | 'revenue';
	messages: Message[];
} | null {
	const req = run.request;
	const r = run.results[0];
	if (!req || !r || req.productIds?.length !== 1 || run.status !== 'done') return null;
	const prev = run.previous?.seriesId === r.seriesId ? run.previous : null;
	const e = explainForecast({
		freq: req.freq,
		point: r.point,
		model: r.model,
		leaderboard: r.leaderboard,
		previous: prev,
		decomposition: r.decomposition,
		events: r.events,
		calendarUnused: r.calendarUsed === false,
		drivers: r.drivers,
		promotions: r.promotions,
		...signalFacts(`${run.datasetId}:${r.seriesId}`),
	});
	const messages = [...e.accuracy, ...e.parts, ...(e.move?.messages ?? [])];
	return { productId: r.seriesId, freq: req.freq, measure: req.measure, messages };
}
