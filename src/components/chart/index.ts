// Chart components barrel.
export { default as SeriesChart } from './SeriesChart.svelte';
export { default as LossChart } from './LossChart.svelte';
export type { ChartForecast } from './scales';
