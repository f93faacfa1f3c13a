// The batch gate of the pooled (cross-learning) model (src/core/forecast/pooled.ts), apart so the
// UI thread (src/state/forecast-run.svelte.ts) can decide on a batch without the model's code.

/**
 * The batch gate (v2.3): the pooled model stays in a batch's forecasts only where its backtest MASE
 * summed over the products is at most POOLED_GATE × that of each product's median statistical single
 * model (a reference not selected on the windows, as src/ml/candidates.ts deepGate). Chosen on the
 * validation horizons (tests/bench/results/RESULTS.md v2.3): the ratio was 0.75 on online retail and
 * 0.83 / 0.71 on Walmart (where the pooled model then lowered MASE 0.3 %, 7 % and 3 %), 1.15 / 2.93
 * on StockX, 1.12 on Australian retail and 1.12 / 0.94 on M4 Weekly, where it cost OWA at 0.94.
 */
export const POOLED_GATE = 0.9;

export interface PooledGate {
	/** Summed backtest MASE of the pooled model ÷ of the median statistical model (NaN: none scored). */
	ratio: number;
	/** Products with both scored. */
	n: number;
	pass: boolean;
}

/** Whether a leaderboard row is one statistical single model (not a combination, pooled or deep). */
const statSingle = (model: string, name: string): boolean =>
	model !== name && !model.includes('(') && !model.startsWith('deep-');

/**
 * The gate's verdict from the engine's leaderboards of a batch forecast with the pooled candidate
 * `name` among them (fails without scored products).
 */
export function pooledGate(
	results: readonly { leaderboard: readonly { model: string; mase: number }[] }[],
	name = 'pooled',
	gate = POOLED_GATE,
): PooledGate {
	let pooled = 0;
	let stat = 0;
	let n = 0;
	for (const r of results) {
		const p = r.leaderboard.find((x) => x.model === name);
		if (!p || !Number.isFinite(p.mase)) continue;
		const singles = r.leaderboard
			.filter((x) => statSingle(x.model, name) && Number.isFinite(x.mase))
			.map((x) => x.mase)
			.sort((a, b) => a - b);
		if (singles.length === 0) continue;
		pooled += p.mase;
		stat += singles[singles.length >> 1];
		n++;
	}
	const ratio = n > 0 && stat > 0 ? pooled / stat : NaN;
	return { ratio, n, pass: ratio <= gate };
}

/** Whether a forecast's chosen model (a single name or a combination's) uses the pooled model. */
export function usesPooled(model: string, name = 'pooled'): boolean {
	return model === name || new RegExp(`[(,]${name}[,)]`).test(model);
}
