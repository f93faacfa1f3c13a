// The sales chart (components/chart): legend, summary for screen readers and the keyboard readout.
import type { Catalog } from '../types';

export const en = {
	chart_no_sales: '{label}: no sales in this period.',
	chart_summary: '{label}: {n} periods from {from} to {to}, total {total}.',
	chart_summary_forecast: 'Forecast for the next {n} periods shown dashed.',
	chart_keys_hint: 'Use the arrow keys to read each period.',
	chart_no_period: 'No period selected',
	chart_sales: 'Sales',
	chart_forecast: 'Forecast',
	chart_forecast_value: 'Forecast {value}',
	chart_range: '{pct}% range {lower} – {upper}',
	chart_likely_range: '{pct}% likely range',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	chart_no_sales: '{label}：此时段没有销售。',
	chart_summary: '{label}：从 {from} 到 {to} 共 {n} 个时段，合计 {total}。',
	chart_summary_forecast: '虚线为未来 {n} 个时段的预测。',
	chart_keys_hint: '用方向键逐个读取各时段。',
	chart_no_period: '未选择时段',
	chart_sales: '销售',
	chart_forecast: '预测',
	chart_forecast_value: '预测 {value}',
	chart_range: '{pct}% 区间 {lower} – {upper}',
	chart_likely_range: '{pct}% 可能区间',
};
