// STL + ETS ("stlf", Hyndman & Athanasopoulos FPP3 §13.1; R's forecast::stlf): seasonally adjust with
// STL (forecast::mstl, seasonal window 11), forecast the adjusted series with automatic non-seasonal
// ETS, and add back the last cycle of the seasonal component (seasonal naive). Handles long periods
// (m = 52 weekly) that ETS itself cannot (R's ets drops seasonality for m > 24). Used by the engine.
//
//   y_t = S_t + A_t,   Â_{T+h} from ETS(·,·,N) on A,   ŷ_{T+h} = Â_{T+h} + S_{T+h−m⌈h/m⌉}
// Intervals are the ETS intervals of A shifted by the seasonal term (the seasonal part is treated
// as known, as in R).

import type { FitOptions, Forecast, Forecaster, FittedForecaster, PredictOptions } from '../types';
import { AutoETS } from './ets';
import { mstl } from '../series/stl';
import { checkHorizon, checkSeries } from './model-utils';

/** STL seasonal adjustment + automatic ETS on the adjusted series. */
export class StlEts implements Forecaster {
	readonly name = 'stlf';

	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'stlf');
		const m = Math.round(opts?.season ?? 1);
		const n = y.length;
		if (m <= 1 || n < 2 * m + 1)
			throw new RangeError(`stlf: needs season > 1 and more than 2 seasons`);
		const d = mstl(y, [m]);
		const seasonal = d.seasonals.length ? d.seasonals[0].seasonal : new Float64Array(n);
		const adj = y.map((v, t) => v - seasonal[t]);
		const ets = new AutoETS().fit(adj, { season: 1 });
		const name = this.name;
		const future = (j: number): number => seasonal[n - m + (j % m)];
		return {
			name,
			predict(horizon: number, popts: PredictOptions = {}): Forecast {
				const h = checkHorizon(horizon);
				const f = ets.predict(h, popts);
				const add = (a: Float64Array): Float64Array => a.map((v, j) => v + future(j));
				return {
					point: add(f.point),
					intervals: f.intervals.map((iv) => ({
						level: iv.level,
						lower: add(iv.lower),
						upper: add(iv.upper),
					})),
				};
			},
			predictInSample: () => ets.predictInSample().map((v, t) => v + seasonal[t]),
			toState: () => ({
				model: name,
				params: { season: m, ets: ets.method, seasonalLast: [...seasonal.slice(n - m)] },
			}),
		};
	}
}
