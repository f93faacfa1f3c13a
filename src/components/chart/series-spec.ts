// Builds the ChartSpec of a sales series with an optional forecast (history, dashed forecast joined to it,
// likely-range bands, markers), one x per period: the data shaping behind SeriesChart, pure and tested.
import type { ChartForecast, ChartFreq, ChartMarker, ChartSpec } from './spec';

export interface ForecastSpecInput {
	ds: ArrayLike<number>;
	y: ArrayLike<number>;
	forecast?: ChartForecast | null;
	freq: ChartFreq;
	label: string;
	historyName: string;
	forecastName: string;
	type?: 'line' | 'bar';
	/** Indexes into the history. */
	markers?: ChartMarker[];
	zoom?: boolean | 'auto';
	zoomFrom?: number;
}

export function forecastSpec(o: ForecastSpecInput): ChartSpec {
	const nHist = o.ds.length;
	const nFc = o.forecast ? o.forecast.ds.length : 0;
	const n = nHist + nFc;
	const xs = new Float64Array(n);
	for (let i = 0; i < nHist; i++) xs[i] = o.ds[i];
	for (let j = 0; j < nFc; j++) xs[nHist + j] = o.forecast!.ds[j];
	const hist = new Float64Array(n).fill(NaN);
	for (let i = 0; i < nHist; i++) hist[i] = o.y[i];
	const spec: ChartSpec = {
		label: o.label,
		x: { kind: 'period', values: xs, freq: o.freq },
		series: [{ name: o.historyName, values: hist, role: 'history', type: o.type ?? 'line' }],
		markers: o.markers?.filter((m) => m.index >= 0 && m.index < nHist),
		zoom: o.zoom ?? 'auto',
		zoomFrom: o.zoomFrom,
	};
	if (o.forecast && nFc > 0) {
		const padded = (v: ArrayLike<number>) => {
			const out = new Float64Array(n).fill(NaN);
			for (let j = 0; j < nFc; j++) out[nHist + j] = v[j];
			return out;
		};
		spec.series.push({
			name: o.forecastName,
			values: padded(o.forecast.point),
			role: 'forecast',
			dashed: true,
			joinPrevious: true,
		});
		spec.bands = o.forecast.intervals.map((b) => ({
			level: b.level,
			lower: padded(b.lower),
			upper: padded(b.upper),
		}));
	}
	return spec;
}
