// Which automatic ARIMA instance fits the final model (issue #11 speed, speed6 in
// tests/bench/results/SPEED.md): on weekly data without regressors whose oldest backtest window is
// as long as auto.arima's (260 points) the backtest's own instance, so the final fit tries only the
// orders the oldest window screened (one full stepwise search a series); on shorter series, monthly
// data and with regressors a fresh instance that searches in full.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../src/core/engine';
import { registerBuiltins } from '../../../src/core/forecast/builtins';
import { CandidateRegistry } from '../../../src/core/forecast/registry';
import type { Forecaster } from '../../../src/core/types';

/** A registry whose 'arima' records, per instance made, the lengths of the series it fitted. */
function countingRegistry(): { reg: CandidateRegistry; instances: number[][] } {
	const base = new CandidateRegistry();
	registerBuiltins(base);
	const arima = base.get('arima')!;
	const instances: number[][] = [];
	const reg = new CandidateRegistry();
	reg.register({
		...arima,
		forecaster: (o) => {
			const inner = arima.forecaster!(o);
			const fits: number[] = [];
			instances.push(fits);
			const f: Forecaster = {
				name: inner.name,
				fit: (y, opts) => {
					fits.push(y.length);
					return inner.fit(y, opts);
				},
			};
			return f;
		},
	});
	registerBuiltins(reg);
	return { reg, instances };
}

function series(n: number, m: number): Float64Array {
	return Float64Array.from(
		{ length: n },
		(_, t) =>
			200 + 0.4 * t + 30 * Math.sin((2 * Math.PI * t) / m) + 12 * Math.sin(t * 12.9898) ** 3,
	);
}

describe('the final fit of automatic ARIMA', () => {
	it('long weekly series, no regressors: the backtest instance fits the whole series too', () => {
		const y = series(300, 52);
		const { reg, instances } = countingRegistry();
		forecastAuto(y, { horizon: 13, season: 52, models: ['arima'] }, { registry: reg });
		expect(instances).toHaveLength(1);
		const fits = instances[0];
		// the origins, oldest first, then the whole series
		expect(fits.length).toBeGreaterThanOrEqual(3);
		expect(fits[fits.length - 1]).toBe(300);
		expect(fits.slice(0, -1).every((n, i, a) => n < 300 && (i === 0 || n > a[i - 1]))).toBe(true);
	});

	it('weekly but short (the oldest window under 260 points): a fresh full search', () => {
		const y = series(200, 52);
		const { reg, instances } = countingRegistry();
		forecastAuto(y, { horizon: 13, season: 52, models: ['arima'] }, { registry: reg });
		expect(instances).toHaveLength(2);
		expect(instances[1]).toEqual([200]);
	});

	it('monthly: a fresh instance searches the whole series in full', () => {
		const y = series(120, 12);
		const { reg, instances } = countingRegistry();
		forecastAuto(y, { horizon: 12, season: 12, models: ['arima'] }, { registry: reg });
		expect(instances).toHaveLength(2);
		expect(instances[1]).toEqual([120]);
		expect(instances[0].every((n) => n < 120)).toBe(true);
	});

	it('weekly with a regressor: a fresh instance searches the whole series in full', () => {
		const n = 300;
		const y = series(n, 52);
		const promo = Float64Array.from({ length: n + 13 }, (_, t) => (t % 9 === 4 ? 1 : 0));
		for (let t = 0; t < n; t++) y[t] += 25 * promo[t];
		const { reg, instances } = countingRegistry();
		forecastAuto(
			y,
			{
				horizon: 13,
				season: 52,
				models: ['arima'],
				regressors: { names: ['promo'], history: [promo.slice(0, n)], future: [promo.slice(n)] },
			},
			{ registry: reg },
		);
		expect(instances).toHaveLength(2);
		expect(instances[1]).toEqual([n]);
	});
});
