// Rendering a ChartSpec with ECharts outside the on-screen wrapper: as an SVG string (also in Node, for
// tests and reports) and as a PNG (browser). ECharts itself is loaded here, lazily, on first use.
import { formatNumber, formatPeriod, formatShortDate, formatShortDay } from '../../lib/format';
import { currentLocale } from '../../lib/i18n/locale';
import type * as EChartsSetup from './echarts';
import type { ECharts } from './echarts';
import {
	DEFAULT_PALETTE,
	initialWindow,
	toOption,
	type ChartPalette,
	type ChartSpec,
	type ChartX,
} from './spec';

type EChartsModule = typeof EChartsSetup;
let loading: Promise<EChartsModule> | null = null;

/** ECharts with the parts the charts use, imported once on first use (a separate chunk). */
export function loadECharts(): Promise<EChartsModule> {
	loading ??= import('./echarts');
	return loading;
}

/**
 * Fetches and evaluates the ECharts chunk when the browser is idle after start, so drawing the first chart
 * is not one long task (the chunk stays out of the main bundle).
 */
export function preloadECharts(): void {
	if (typeof window === 'undefined') return;
	const go = () => void loadECharts().catch(() => undefined);
	if ('requestIdleCallback' in window) window.requestIdleCallback(go, { timeout: 4000 });
	else setTimeout(go, 1500);
}

/** Resolves in a later task: lets the page breathe between loading, starting and drawing a chart. */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** ECharts' built-in locale for a UI language (its own words: zoom handles, dates). */
export function echartsLocale(locale: string): 'ZH' | 'EN' {
	return locale.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
}

/** Short axis labels for each x, in the UI language ("Dec 2010" / "2010年12月", "6 Dec" / "12月6日"). */
export function axisLabels(x: ChartX): string[] {
	if (x.kind === 'category') return [...x.labels];
	const out: string[] = [];
	for (let i = 0; i < x.values.length; i++) {
		const v = x.values[i];
		if (x.kind === 'value') out.push(x.format ? x.format(v) : formatNumber(v));
		else out.push(x.freq === 'month' ? formatPeriod(v, 'month') : formatShortDay(v));
	}
	return out;
}

/** Room one label of a weekly or daily axis takes with its year ("30 Dec 2010", 2010年12月30日), px. */
export const AXIS_LABEL_PX = 84;

/** How many such labels an axis `width` px wide has room for (at least 2). */
export function labelSlots(width: number): number {
	return Math.max(2, Math.floor((width - 40) / AXIS_LABEL_PX));
}

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

/**
 * The labelled ticks of a weekly or daily axis over the points `from`–`to` shown, about `slots` of
 * them, and their texts: the first point of each calendar year shown gets a tick, then every `step`-th
 * point where it leaves room. The first tick and every tick in another year than the tick before it
 * carry the year ("6 Dec 2010 … 3 Jan 2011 … 31 Jan"; 2010年12月6日 … 2011年1月3日 … 1月31日), in the
 * UI language's date format. Null for other axes (months carry their year in every label).
 */
export function periodTicks(
	x: ChartX,
	from: number,
	to: number,
	slots: number,
): Map<number, string> | null {
	if (x.kind !== 'period' || x.freq === 'month') return null;
	const lo = Math.max(0, from);
	const hi = Math.min(x.values.length - 1, to);
	if (hi < lo) return new Map();
	const step = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, slots)));
	// ticks nearer than this to a kept one are dropped (their labels would overlap)
	const gap = Math.max(1, Math.round(step * 0.6));
	const kept: number[] = [];
	const keep = (i: number) => {
		if (kept.every((k) => Math.abs(k - i) >= gap)) kept.push(i);
	};
	for (let i = lo + 1; i <= hi; i++) if (yearOf(x.values[i]) !== yearOf(x.values[i - 1])) keep(i);
	for (let i = lo; i <= hi; i += step) keep(i);
	kept.sort((a, b) => a - b);
	const out = new Map<number, string>();
	kept.forEach((i, k) => {
		const v = x.values[i];
		const newYear = k === 0 || yearOf(v) !== yearOf(x.values[kept[k - 1]]);
		out.set(i, newYear ? formatShortDate(v) : formatShortDay(v));
	});
	return out;
}

/** The ticks of a chart `width` px wide over its first window (see periodTicks). */
export function initialTicks(spec: ChartSpec, width: number): Map<number, string> | null {
	const [from, to] = initialWindow(spec);
	return periodTicks(spec.x, from, to, labelSlots(width));
}

/** Full labels for the readout and the table ("Week of 6 Dec 2010"). */
export function longLabels(x: ChartX): string[] {
	if (x.kind !== 'period') return axisLabels(x);
	return Array.from(x.values, (v) => formatPeriod(v, x.freq));
}

/** The app's chart colours, read from CSS custom properties on `el` (ECharts needs concrete colours). */
export function readPalette(el: Element): ChartPalette {
	const css = getComputedStyle(el);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return {
		...DEFAULT_PALETTE,
		history: v('--chart-history', DEFAULT_PALETTE.history),
		forecast: v('--chart-forecast', DEFAULT_PALETTE.forecast),
		grid: v('--border', DEFAULT_PALETTE.grid),
		text: v('--text', DEFAULT_PALETTE.text),
		muted: v('--muted', DEFAULT_PALETTE.muted),
		surface: v('--surface', DEFAULT_PALETTE.surface),
		unusual: v('--danger', DEFAULT_PALETTE.unusual),
		promotion: v('--warning', DEFAULT_PALETTE.promotion),
		// single quotes: ECharts writes the font into an SVG attribute unescaped (a " would break the PNG)
		font: css.fontFamily.replaceAll('"', "'") || DEFAULT_PALETTE.font,
	};
}

export interface RenderOptions {
	width: number;
	height: number;
	formatValue?: (v: number) => string;
	palette?: ChartPalette;
	/** ECharts' own words; default the UI language (labels always follow the UI language). */
	locale?: string;
}

/** The chart as a standalone SVG document (no DOM needed: ECharts' server-side mode). */
export async function chartSvg(spec: ChartSpec, opts: RenderOptions): Promise<string> {
	const { echarts } = await loadECharts();
	const chart: ECharts = echarts.init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: opts.width,
		height: opts.height,
		locale: echartsLocale(opts.locale ?? currentLocale()),
	});
	try {
		chart.setOption(
			toOption(spec, {
				xLabels: axisLabels(spec.x),
				xTicks: initialTicks(spec, opts.width),
				formatValue: opts.formatValue ?? formatNumber,
				palette: opts.palette ?? DEFAULT_PALETTE,
			}),
		);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/** Draws an SVG document onto a canvas (`scale` × its size, on `background`) and returns it as a PNG. */
export async function svgToPng(
	svg: string,
	width: number,
	height: number,
	{ scale = 2, background = '#ffffff' }: { scale?: number; background?: string } = {},
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be drawn.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('No 2D canvas.');
		ctx.fillStyle = background;
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))),
				'image/png',
			),
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A chart as a PNG (for reports): `scale` 2 by default, so it stays sharp when printed. */
export async function chartPng(
	spec: ChartSpec,
	opts: RenderOptions & { scale?: number },
): Promise<Blob> {
	const svg = await chartSvg(spec, opts);
	return svgToPng(svg, opts.width, opts.height, {
		scale: opts.scale,
		background: (opts.palette ?? DEFAULT_PALETTE).surface,
	});
}
