// Standard Theta method (Assimakopoulos & Nikolopoulos 2000, IJF 16:521–530), in the SES-with-drift
// form of Hyndman & Billah (2003, IJF 19:287–290), with the classical multiplicative seasonal
// adjustment of R's forecast::thetaf (forecast 8.20). Used by the engine as a candidate model.
//
//   seasonal test: |r_m| > 1.645 √((1 + 2 Σ_{k<m} r_k²)/n) with n > 2m  →  x_t = y_t / s_t
//   ℓ_T, α from SES (ETS(A,N,N)) fitted to x;  b = OLS slope of x on t, halved (the θ = 0 line)
//   x̂_{T+h} = ℓ_T + (b/2)·((h − 1) + (1 − (1 − α)^n)/α),   ŷ_{T+h} = x̂_{T+h} · s_{T+h}
//   se_h = σ_SES √(1 + (h − 1) α²)   (thetaf's intervals; not reseasonalised, as in R)

import type { FitOptions, Forecast, Forecaster, FittedForecaster, PredictOptions } from '../types';
import { SES } from './ets';
import { decompose, futureSeasonal, seasonalityTest } from '../series/classical';
import { checkHorizon, checkSeries, gaussianIntervals } from './model-utils';

/** Standard Theta (θ = 0 and θ = 2 lines, equal weights) with thetaf's seasonal adjustment. */
export class Theta implements Forecaster {
	readonly name = 'theta';

	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'theta');
		const n = y.length;
		const m = Math.round(opts?.season ?? 1);
		let figure: Float64Array | null = null;
		if (m > 1 && n > 2 * m && y.every((v) => v > 0) && seasonalityTest(y, m, 2)) {
			const f = decompose(y, m, 'multiplicative').figure;
			if (f.every((v) => Math.abs(v) >= 1e-4)) figure = f;
		}
		const si = (t: number): number => (figure ? figure[t % m] : 1);
		const x = y.map((v, t) => v / si(t));
		// OLS slope of x on 0..n−1
		let slope = 0;
		if (n > 1) {
			const tm = (n - 1) / 2;
			let xm = 0;
			for (let t = 0; t < n; t++) xm += x[t];
			xm /= n;
			let sxy = 0;
			let sxx = 0;
			for (let t = 0; t < n; t++) {
				sxy += (t - tm) * (x[t] - xm);
				sxx += (t - tm) ** 2;
			}
			slope = sxy / sxx;
		}
		const b = slope / 2;
		const ses = new SES().fit(x);
		const alpha = Math.max(1e-10, ses.params.alpha);
		const sigma = Math.sqrt(Math.max(0, ses.sigma2));
		const name = this.name;
		return {
			name,
			predict(horizon: number, popts: PredictOptions = {}): Forecast {
				const h = checkHorizon(horizon);
				const base = ses.predict(h).point;
				const s = figure ? futureSeasonal(figure, n, h) : null;
				const point = new Float64Array(h);
				const se = new Float64Array(h);
				const tail = (1 - (1 - alpha) ** n) / alpha;
				for (let j = 0; j < h; j++) {
					point[j] = (base[j] + b * (j + tail)) * (s ? s[j] : 1);
					se[j] = sigma * Math.sqrt(j * alpha * alpha + 1);
				}
				return { point, intervals: gaussianIntervals(point, se, popts.levels ?? []) };
			},
			predictInSample: () => ses.predictInSample().map((v, t) => v * si(t)),
			toState: () => ({
				model: name,
				params: {
					alpha,
					drift: b,
					sigma,
					seasonal: figure !== null,
					figure: figure ? [...figure] : [],
				},
			}),
		};
	}
}
