// What a chart shows, as plain data (no DOM, no ECharts): the contract every chart in the app is built on.
// `toOption` turns a spec into an Apache ECharts option, `chartTable` into the rows of its table view and
// CSV, `readoutParts` into the words of the keyboard readout. Pure, so they are unit-tested in Node and the
// same spec renders on screen, as a PNG and as SVG for a report.

/** A forecast aligned to future period starts, as SeriesChart draws it. */
export interface ChartForecast {
	ds: ArrayLike<number>;
	point: ArrayLike<number>;
	intervals: { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> }[];
}

/** Period frequencies a chart's time axis knows (the same as core's Frequency). */
export type ChartFreq = 'day' | 'week' | 'month';

/** The horizontal axis: period starts (UTC ms), labelled categories, or numbers (for scatter plots). */
export type ChartX =
	| { kind: 'period'; values: ArrayLike<number>; freq: ChartFreq }
	| { kind: 'category'; labels: readonly string[]; title?: string }
	| { kind: 'value'; values: ArrayLike<number>; title: string; format?: (v: number) => string };

export type ChartSeriesRole = 'history' | 'forecast' | 'other';

/** One line, bar set or point cloud, one value per x (NaN or missing = no value there). */
export interface ChartSeries {
	/** Already translated: legend, readout and table column. */
	name: string;
	type?: 'line' | 'bar' | 'scatter';
	values: ArrayLike<number>;
	/** Colour by role (history / forecast use the app's chart colours); `color` overrides. */
	role?: ChartSeriesRole;
	color?: string;
	dashed?: boolean;
	/** Draw the line joined to the previous series' last value before this one starts (forecast after history). */
	joinPrevious?: boolean;
}

/** A likely range (80 %, 95 %) drawn as a shaded band; NaN where there is none. */
export interface ChartBand {
	level: number;
	lower: ArrayLike<number>;
	upper: ArrayLike<number>;
	color?: string;
}

export type ChartMarkerKind = 'unusual' | 'promotion' | 'event';

/** A point (or, with `end`, a stretch of x) to point out: an unusual value, a promotion. */
export interface ChartMarker {
	index: number;
	/** Last index of a stretch (inclusive); absent for a single point. */
	end?: number;
	/** Already translated; said in the readout and the table. */
	label: string;
	kind: ChartMarkerKind;
}

export interface ChartSpec {
	/** Accessible name, table caption and PNG file name hint (already translated). */
	label: string;
	x: ChartX;
	series: ChartSeries[];
	bands?: ChartBand[];
	markers?: ChartMarker[];
	/** A zoom slider and wheel/drag zoom: 'auto' = when there are more than 180 points. */
	zoom?: boolean | 'auto';
	/** With zoom: the first x index shown at first (e.g. the recent part of a long daily history). */
	zoomFrom?: number;
	/** Force y to start at zero (default: when no value is negative). */
	yFromZero?: boolean;
}

/** Concrete colours (ECharts cannot read CSS variables); read from the page by the wrapper. */
export interface ChartPalette {
	history: string;
	forecast: string;
	/** Colours for series without a role, in order. */
	others: readonly string[];
	grid: string;
	text: string;
	muted: string;
	surface: string;
	unusual: string;
	promotion: string;
	event: string;
	font: string;
}

export const DEFAULT_PALETTE: ChartPalette = {
	history: '#3c6e9f',
	forecast: '#b4487f',
	others: ['#2e7d4f', '#a86400', '#6b4fa3', '#1b8a8a', '#b3261e'],
	grid: '#eadfe6',
	text: '#2a2228',
	muted: '#6b5f68',
	surface: '#ffffff',
	unusual: '#b3261e',
	promotion: '#a86400',
	event: '#6b4fa3',
	font: 'system-ui, sans-serif',
};

/** Zoom appears by itself above this many points ('auto'). */
export const AUTO_ZOOM_POINTS = 180;

export function xLength(x: ChartX): number {
	return x.kind === 'category' ? x.labels.length : x.values.length;
}

export function hasZoom(spec: ChartSpec): boolean {
	return spec.zoom === true || (spec.zoom === 'auto' && xLength(spec.x) > AUTO_ZOOM_POINTS);
}

const finite = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Index of the value in sorted `xs` nearest to `x` (-1 when empty). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = xs.length - 1;
	if (hi < 0) return -1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (xs[mid] < x) lo = mid;
		else hi = mid;
	}
	return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** Bands widest first, so the narrower one is drawn on top. */
export function sortedBands(spec: ChartSpec): ChartBand[] {
	return [...(spec.bands ?? [])].sort((a, b) => b.level - a.level);
}

/** The band the readout names: 80 % when there is one, else the narrowest. */
export function readoutBand(spec: ChartSpec): ChartBand | null {
	const bands = sortedBands(spec);
	return bands.find((b) => Math.abs(b.level - 0.8) < 1e-6) ?? bands[bands.length - 1] ?? null;
}

/** What the chart says about x index `i`: each series' value, the likely range and any marker there. */
export interface ReadoutParts {
	values: { name: string; value: number }[];
	band: { level: number; lower: number; upper: number } | null;
	markers: string[];
}

export function readoutParts(spec: ChartSpec, i: number): ReadoutParts {
	const values = spec.series
		.filter((s) => finite(s.values[i]))
		.map((s) => ({ name: s.name, value: s.values[i] }));
	const b = readoutBand(spec);
	const band =
		b && finite(b.lower[i]) && finite(b.upper[i])
			? { level: b.level, lower: b.lower[i], upper: b.upper[i] }
			: null;
	const markers = (spec.markers ?? [])
		.filter((m) => i >= m.index && i <= (m.end ?? m.index))
		.map((m) => m.label);
	return { values, band, markers };
}

/** The table view of a chart: one row per x, one column per series and band edge, raw numbers. */
export interface ChartTable {
	/** Column kinds after the x column, in order; the view names them in the UI language. */
	columns: (
		| { kind: 'series'; name: string }
		| { kind: 'lower' | 'upper'; level: number }
		| { kind: 'markers' }
	)[];
	rows: { index: number; cells: (number | null)[]; markers: string }[];
}

export function chartTable(spec: ChartSpec): ChartTable {
	const bands = [...(spec.bands ?? [])].sort((a, b) => a.level - b.level);
	const columns: ChartTable['columns'] = spec.series.map((s) => ({
		kind: 'series' as const,
		name: s.name,
	}));
	for (const b of bands) {
		columns.push({ kind: 'lower', level: b.level }, { kind: 'upper', level: b.level });
	}
	const marked = (spec.markers?.length ?? 0) > 0;
	if (marked) columns.push({ kind: 'markers' });
	const n = xLength(spec.x);
	const rows: ChartTable['rows'] = [];
	for (let i = 0; i < n; i++) {
		const cells: (number | null)[] = spec.series.map((s) =>
			finite(s.values[i]) ? s.values[i] : null,
		);
		for (const b of bands) {
			cells.push(finite(b.lower[i]) ? b.lower[i] : null, finite(b.upper[i]) ? b.upper[i] : null);
		}
		const markers = marked
			? (spec.markers ?? [])
					.filter((m) => i >= m.index && i <= (m.end ?? m.index))
					.map((m) => m.label)
					.join('; ')
			: '';
		rows.push({ index: i, cells, markers });
	}
	return { columns, rows };
}

/** ISO day of a UTC ms timestamp, for CSV cells (spreadsheets read it as a date in any language). */
export function isoDay(ms: number): string {
	return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/** How a spec is drawn: labels and colours the page supplies. */
export interface OptionContext {
	/** One label per x (category and period axes). */
	xLabels: readonly string[];
	/**
	 * The labelled ticks of a weekly or daily axis and their texts (render.ts periodTicks): drawn instead
	 * of ECharts' own choice, so the year shows where it changes.
	 */
	xTicks?: ReadonlyMap<number, string> | null;
	formatValue: (v: number) => string;
	palette: ChartPalette;
	animate?: boolean;
	/** x index under the pointer or keyboard cursor: drawn as a line and a dot. */
	cursor?: number | null;
}

type Datum = number | null;
const data = (values: ArrayLike<number>, n: number): Datum[] =>
	Array.from({ length: n }, (_, i) => (finite(values[i]) ? values[i] : null));

function seriesColor(s: ChartSeries, k: number, p: ChartPalette): string {
	if (s.color) return s.color;
	if (s.role === 'history') return p.history;
	if (s.role === 'forecast') return p.forecast;
	return p.others[k % p.others.length];
}

function lastFinite(values: ArrayLike<number>, before: number): number {
	for (let i = Math.min(before, values.length) - 1; i >= 0; i--) if (finite(values[i])) return i;
	return -1;
}

function firstFinite(values: ArrayLike<number>): number {
	for (let i = 0; i < values.length; i++) if (finite(values[i])) return i;
	return -1;
}

/** ECharts' axisLabel settings that show exactly `ticks` (index → text); none without ticks. */
export function tickLabels(ticks: ReadonlyMap<number, string> | null | undefined) {
	if (!ticks) return {};
	return {
		interval: (i: number) => ticks.has(i),
		formatter: (_value: string, i: number) => ticks.get(i) ?? '',
	};
}

/** The x indexes shown first: the zoom's starting window, or all of them. */
export function initialWindow(spec: ChartSpec): [number, number] {
	const n = xLength(spec.x);
	return [hasZoom(spec) ? Math.max(0, Math.min(n - 1, spec.zoomFrom ?? 0)) : 0, n - 1];
}

/** The id of the series that carries the cursor line and dot (kept last, merged on hover). */
export const CURSOR_SERIES_ID = 'cursor';

/** The cursor as a partial series, for `setOption` merges on pointer moves. */
export function cursorSeries(spec: ChartSpec, ctx: OptionContext): Record<string, unknown> {
	const i = ctx.cursor;
	const on = i !== null && i !== undefined && i >= 0;
	const value = on ? readoutParts(spec, i).values[0]?.value : undefined;
	const xValue = spec.x.kind === 'value' && on ? spec.x.values[i] : i;
	return {
		id: CURSOR_SERIES_ID,
		type: spec.x.kind === 'value' ? 'scatter' : 'line',
		data: [],
		silent: true,
		animation: false,
		markLine: {
			silent: true,
			animation: false,
			symbol: 'none',
			label: { show: false },
			lineStyle: { color: ctx.palette.muted, type: [2, 3], width: 1 },
			data: on ? [{ xAxis: xValue }] : [],
		},
		markPoint: {
			silent: true,
			animation: false,
			symbol: 'circle',
			symbolSize: 9,
			label: { show: false },
			itemStyle: { color: ctx.palette.history, borderColor: '#fff', borderWidth: 2 },
			data: on && finite(value) ? [{ coord: [xValue, value] }] : [],
		},
	};
}

/** The ECharts option for a spec (SVG renderer; every colour concrete). */
export function toOption(spec: ChartSpec, ctx: OptionContext): Record<string, unknown> {
	const n = xLength(spec.x);
	const p = ctx.palette;
	const valueX = spec.x.kind === 'value';
	const anyBar = spec.series.some((s) => s.type === 'bar');
	const series: Record<string, unknown>[] = [];

	// Bands: an invisible lower line with the band's height stacked on it, shaded (stack strategy
	// 'all' so a band below zero is not split by sign).
	for (const b of valueX ? [] : sortedBands(spec)) {
		const stack = `band-${b.level}`;
		const color = b.color ?? p.forecast;
		const lower = data(b.lower, n);
		const height = lower.map((lo, i) =>
			lo !== null && finite(b.upper[i]) ? b.upper[i] - lo : null,
		);
		const common = {
			type: 'line',
			stack,
			stackStrategy: 'all',
			symbol: 'none',
			silent: true,
			lineStyle: { opacity: 0 },
			animation: ctx.animate ?? false,
		};
		series.push({ ...common, id: `${stack}-lower`, data: lower });
		series.push({
			...common,
			id: `${stack}-height`,
			data: height,
			areaStyle: { color, opacity: b.level > 0.9 ? 0.14 : 0.28 },
		});
	}

	spec.series.forEach((s, k) => {
		const color = seriesColor(s, k, p);
		const type = s.type ?? 'line';
		let values = data(s.values, n);
		if (s.joinPrevious && k > 0) {
			const start = firstFinite(s.values);
			const prev = spec.series[k - 1].values;
			const j = lastFinite(prev, start);
			if (start > 0 && j === start - 1) {
				values = values.slice();
				values[j] = prev[j];
			}
		}
		const count = values.reduce((c: number, v) => c + (v === null ? 0 : 1), 0);
		const base: Record<string, unknown> = {
			id: `s${k}`,
			name: s.name,
			type,
			animation: ctx.animate ?? false,
			itemStyle: { color },
		};
		if (valueX && spec.x.kind === 'value') {
			const xs = spec.x.values;
			base.data = values.map((v, i) => (v === null ? null : [xs[i], v]));
		} else {
			base.data = values;
		}
		if (type === 'line') {
			Object.assign(base, {
				showSymbol: count === 1,
				symbolSize: 7,
				connectNulls: false,
				lineStyle: { color, width: s.dashed ? 2.2 : 1.8, type: s.dashed ? [6, 4] : 'solid' },
			});
		} else if (type === 'bar') {
			Object.assign(base, { barMaxWidth: 24 });
		} else {
			Object.assign(base, { symbolSize: 7 });
		}
		series.push(base);
	});

	// Markers sit on the first series with a value there; stretches are shaded behind the lines.
	const markers = spec.markers ?? [];
	if (markers.length && !valueX) {
		const colorOf = (m: ChartMarker) => p[m.kind];
		const points = markers
			.filter((m) => m.end === undefined)
			.map((m) => {
				const v = spec.series.map((s) => s.values[m.index]).find(finite);
				return v === undefined
					? null
					: { coord: [m.index, v], name: m.label, itemStyle: { color: colorOf(m) } };
			})
			.filter((d) => d !== null);
		const areas = markers
			.filter((m) => m.end !== undefined)
			.map((m) => [
				{ xAxis: m.index, name: m.label, itemStyle: { color: colorOf(m), opacity: 0.12 } },
				{ xAxis: m.end },
			]);
		series.push({
			id: 'markers',
			type: 'line',
			data: [],
			silent: true,
			animation: false,
			markPoint: {
				silent: true,
				animation: false,
				symbol: 'diamond',
				symbolSize: 13,
				label: { show: false },
				data: points,
			},
			markArea: { silent: true, animation: false, label: { show: false }, data: areas },
		});
	}

	series.push(cursorSeries(spec, ctx));

	const allValues: number[] = [];
	for (const s of spec.series)
		for (let i = 0; i < s.values.length; i++) allValues.push(s.values[i]);
	for (const b of spec.bands ?? [])
		for (let i = 0; i < b.lower.length; i++) allValues.push(b.lower[i]);
	const negative = allValues.some((v) => finite(v) && v < 0);
	const zoomed = hasZoom(spec) && !valueX;
	const axisText = { color: p.muted, fontFamily: p.font, fontSize: 11 };

	const xAxis = valueX
		? {
				type: 'value',
				name: spec.x.kind === 'value' ? spec.x.title : undefined,
				nameLocation: 'middle',
				nameGap: 26,
				nameTextStyle: axisText,
				scale: true,
				axisLabel: {
					...axisText,
					formatter: spec.x.kind === 'value' && spec.x.format ? spec.x.format : ctx.formatValue,
				},
				splitLine: { lineStyle: { color: p.grid } },
				axisLine: { lineStyle: { color: p.grid } },
			}
		: {
				type: 'category',
				data: Array.from({ length: n }, (_, i) => ctx.xLabels[i] ?? ''),
				boundaryGap: anyBar,
				name: spec.x.kind === 'category' ? spec.x.title : undefined,
				nameLocation: 'middle',
				nameGap: 26,
				nameTextStyle: axisText,
				axisLabel: { ...axisText, hideOverlap: true, ...tickLabels(ctx.xTicks) },
				axisTick: { alignWithLabel: true, lineStyle: { color: p.grid } },
				axisLine: { lineStyle: { color: p.grid } },
			};

	const option: Record<string, unknown> = {
		animation: ctx.animate ?? false,
		backgroundColor: 'transparent',
		textStyle: { fontFamily: p.font, color: p.text },
		grid: {
			left: 8,
			right: 24,
			top: 14,
			bottom: zoomed ? 44 : (spec.x.kind !== 'period' && spec.x.title) || valueX ? 28 : 6,
		},
		xAxis,
		yAxis: {
			type: 'value',
			scale: spec.yFromZero === false || (spec.yFromZero === undefined && negative),
			axisLabel: { ...axisText, formatter: (v: number) => ctx.formatValue(v) },
			splitLine: { lineStyle: { color: p.grid } },
		},
		series,
	};
	if (zoomed) {
		const from = Math.max(0, Math.min(n - 1, spec.zoomFrom ?? 0));
		option.dataZoom = [
			{
				type: 'inside',
				xAxisIndex: 0,
				startValue: from,
				endValue: n - 1,
				zoomOnMouseWheel: 'shift',
			},
			{
				type: 'slider',
				xAxisIndex: 0,
				startValue: from,
				endValue: n - 1,
				height: 22,
				bottom: 6,
				labelFormatter: (i: number) => ctx.xLabels[i] ?? '',
				textStyle: axisText,
				borderColor: p.grid,
				showDetail: false,
			},
		];
	}
	return option;
}

/**
 * A chart's first drawing in steps (Chart.svelte draws each in its own task, then merges `option` itself
 * over them): the grid and axes alone, then every series without data (no markers, no zoom). Each step
 * is a short task where drawing `option` in one go is one long one; merged in this order the chart ends
 * as `option` drawn in one go (series are matched by id; a series' `data` is replaced).
 */
export function firstDrawSteps(option: Record<string, unknown>): Record<string, unknown>[] {
	const series = (option.series as Record<string, unknown>[] | undefined) ?? [];
	const { dataZoom: _zoom, series: _series, ...frame } = option;
	return [
		{ ...frame, series: [] },
		{
			series: series.map((s) => {
				const { markPoint: _p, markArea: _a, markLine: _l, ...bare } = s;
				return { ...bare, data: [] };
			}),
		},
	];
}
