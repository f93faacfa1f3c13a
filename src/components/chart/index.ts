// Chart components barrel.
export { default as SeriesChart } from './SeriesChart.svelte';
export type { ChartForecast } from './scales';
