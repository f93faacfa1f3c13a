// Optimised Theta method (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016, IJF 32:1151–1161,
// OTM): on the seasonally adjusted series x (thetaf's classical multiplicative adjustment, as Theta),
// the θ-line Z_t = θ·x_t + (1 − θ)(A + B·t) is smoothed by SES and combined with the regression line,
// x̂_{n+h} = (1 − 1/θ)(A + B(n + h)) + ℓ_n/θ, with θ ≥ 1 chosen by the in-sample one-step MSE
// (θ = 2 is close to the standard Theta method). A candidate for seasonal monthly data (issue #11).
import type {
	FitOptions,
	Forecast,
	Forecaster,
	FittedForecaster,
	PredictOptions,
} from '../../../src/core/types';
import { SES } from '../../../src/core/models/ets';
import { decompose, futureSeasonal, seasonalityTest } from '../../../src/core/series/classical';
import { checkHorizon, checkSeries, gaussianIntervals } from '../../../src/core/models/model-utils';

const THETAS = [1, 1.5, 2, 2.5, 3, 4, 5];

export class OptimisedTheta implements Forecaster {
	readonly name = 'otm';

	fit(y: Float64Array, opts?: FitOptions): FittedForecaster {
		checkSeries(y, 'otm');
		const n = y.length;
		if (n < 8) throw new RangeError('otm: needs 8 points');
		const m = Math.round(opts?.season ?? 1);
		let figure: Float64Array | null = null;
		if (m > 1 && n > 2 * m && y.every((v) => v > 0) && seasonalityTest(y, m, 2)) {
			const f = decompose(y, m, 'multiplicative').figure;
			if (f.every((v) => Math.abs(v) >= 1e-4)) figure = f;
		}
		const si = (t: number): number => (figure ? figure[t % m] : 1);
		const x = y.map((v, t) => v / si(t));
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
		const B = sxy / sxx;
		const A = xm - B * tm;
		let best: { theta: number; mse: number; level: number; sigma: number; alpha: number } | null =
			null;
		for (const theta of THETAS) {
			const z = x.map((v, t) => theta * v + (1 - theta) * (A + B * t));
			let ses;
			try {
				ses = new SES().fit(z);
			} catch {
				continue;
			}
			const fitted = ses.predictInSample();
			let se = 0;
			let c = 0;
			for (let t = 1; t < n; t++) {
				const f = (1 - 1 / theta) * (A + B * t) + fitted[t] / theta;
				if (Number.isFinite(f)) {
					se += (x[t] - f) ** 2;
					c++;
				}
			}
			const mse = se / Math.max(1, c);
			if (!best || mse < best.mse)
				best = {
					theta,
					mse,
					level: ses.predict(1).point[0],
					sigma: Math.sqrt(mse),
					alpha: ses.params.alpha,
				};
		}
		if (!best) throw new RangeError('otm: no θ-line could be smoothed');
		const b = best;
		const name = this.name;
		return {
			name,
			predict(horizon: number, popts: PredictOptions = {}): Forecast {
				const h = checkHorizon(horizon);
				const s = figure ? futureSeasonal(figure, n, h) : null;
				const point = new Float64Array(h);
				const se = new Float64Array(h);
				for (let j = 0; j < h; j++) {
					const xf = (1 - 1 / b.theta) * (A + B * (n + j)) + b.level / b.theta;
					point[j] = xf * (s ? s[j] : 1);
					se[j] = b.sigma * Math.sqrt(1 + j * b.alpha * b.alpha);
				}
				return { point, intervals: gaussianIntervals(point, se, popts.levels ?? []) };
			},
			predictInSample: () => Float64Array.from(y, () => NaN),
			toState: () => ({ model: name, params: { theta: b.theta, A, B, alpha: b.alpha } }),
		};
	}
}
