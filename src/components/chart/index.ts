// Chart components: the accessible wrapper (Chart), the sales/forecast adapter (SeriesChart), the training
// curves (LossChart), a forecast's table view (ForecastTable), the ChartSpec contract and off-screen rendering (SVG string, PNG) for reports.
export { default as Chart } from './Chart.svelte';
export { default as SeriesChart } from './SeriesChart.svelte';
export { default as LossChart } from './LossChart.svelte';
export { default as ForecastTable } from './ForecastTable.svelte';
export { forecastSpec, type ForecastSpecInput } from './series-spec';
export { chartPng, chartSvg, svgToPng, type RenderOptions } from './render';
export type {
	ChartBand,
	ChartForecast,
	ChartMarker,
	ChartMarkerKind,
	ChartSeries,
	ChartSpec,
	ChartX,
} from './spec';
