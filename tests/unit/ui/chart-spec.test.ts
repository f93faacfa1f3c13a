// The chart contract's data shaping (ChartSpec → ECharts option, table, readout) and a real ECharts render
// of it in Node (server-side SVG): bands stacked on their lower edge, the forecast joined to the history,
// markers, zoom over long histories, and Chinese axis labels in the Chinese UI.
import { afterEach, describe, expect, it } from 'vitest';
import { forecastSpec } from '../../../src/components/chart/series-spec';
import {
	axisLabels,
	chartSvg,
	labelSlots,
	loadECharts,
	periodTicks,
} from '../../../src/components/chart/render';
import {
	DEFAULT_PALETTE,
	chartTable,
	firstDrawSteps,
	hasZoom,
	isoDay,
	nearestIndex,
	readoutParts,
	toOption,
	type ChartSpec,
} from '../../../src/components/chart/spec';
import { bindLocale } from '../../../src/lib/i18n/locale';
import type { Locale } from '../../../src/lib/i18n/types';

let locale: Locale = 'en';
bindLocale(() => locale);
afterEach(() => {
	locale = 'en';
});

const WEEK = 7 * 86_400_000;
const start = Date.UTC(2011, 0, 3);
const weeks = (n: number, from = start) => Array.from({ length: n }, (_, i) => from + i * WEEK);

/** 4 weeks of history, 2 of forecast with 80/95 % bands, one unusual week. */
function sample(): ChartSpec {
	return forecastSpec({
		ds: weeks(4),
		y: [10, 12, 40, 11],
		forecast: {
			ds: weeks(2, start + 4 * WEEK),
			point: [13, 14],
			intervals: [
				{ level: 0.95, lower: [5, 4], upper: [21, 24] },
				{ level: 0.8, lower: [8, 8], upper: [18, 20] },
			],
		},
		freq: 'week',
		label: 'Sales of X',
		historyName: 'Sales',
		forecastName: 'Forecast',
		markers: [{ index: 2, kind: 'unusual', label: 'Unusual value' }],
	});
}

type Series = {
	id: string;
	data: (number | null)[];
	stack?: string;
	markPoint?: { data: unknown[] };
};
const ctx = { xLabels: [], formatValue: String, palette: DEFAULT_PALETTE };

describe('forecastSpec', () => {
	it('puts history and forecast on one period axis, each NaN where the other is', () => {
		const s = sample();
		expect(s.x.kind === 'period' && Array.from(s.x.values)).toEqual(weeks(6));
		expect(Array.from(s.series[0].values)).toEqual([10, 12, 40, 11, NaN, NaN]);
		expect(Array.from(s.series[1].values)).toEqual([NaN, NaN, NaN, NaN, 13, 14]);
		expect(s.bands?.map((b) => Array.from(b.upper))).toEqual([
			[NaN, NaN, NaN, NaN, 21, 24],
			[NaN, NaN, NaN, NaN, 18, 20],
		]);
	});

	it('keeps only markers that point into the history', () => {
		const s = forecastSpec({
			...{ ds: weeks(3), y: [1, 2, 3], freq: 'week', label: 'l' },
			historyName: 'S',
			forecastName: 'F',
			markers: [
				{ index: 1, kind: 'promotion', label: 'p' },
				{ index: 7, kind: 'unusual', label: 'u' },
			],
		});
		expect(s.markers?.map((m) => m.index)).toEqual([1]);
	});
});

describe('toOption', () => {
	it('stacks each band as its lower edge plus its height, widest first, and joins the forecast', () => {
		const opt = toOption(sample(), ctx) as { series: Series[] };
		const byId = new Map(opt.series.map((s) => [s.id, s]));
		expect(opt.series.slice(0, 4).map((s) => s.id)).toEqual([
			'band-0.95-lower',
			'band-0.95-height',
			'band-0.8-lower',
			'band-0.8-height',
		]);
		expect(byId.get('band-0.8-lower')!.data).toEqual([null, null, null, null, 8, 8]);
		expect(byId.get('band-0.8-height')!.data).toEqual([null, null, null, null, 10, 12]);
		expect(byId.get('band-0.95-height')!.stack).toBe('band-0.95');
		// the dashed forecast starts at the last observed week, so the two lines read as one
		expect(byId.get('s1')!.data).toEqual([null, null, null, 11, 13, 14]);
		expect(byId.get('s0')!.data).toEqual([10, 12, 40, 11, null, null]);
		expect(byId.get('markers')!.markPoint!.data).toEqual([
			expect.objectContaining({ coord: [2, 40], name: 'Unusual value' }),
		]);
	});

	it('zooms a long daily history, opening at the requested start', () => {
		const long: ChartSpec = {
			label: 'l',
			x: {
				kind: 'period',
				values: Array.from({ length: 400 }, (_, i) => i * 86_400_000),
				freq: 'day',
			},
			series: [{ name: 's', values: new Float64Array(400).fill(1) }],
			zoom: 'auto',
			zoomFrom: 280,
		};
		expect(hasZoom(long)).toBe(true);
		expect(hasZoom({ ...long, zoom: false })).toBe(false);
		const opt = toOption(long, ctx) as { dataZoom: { startValue: number; endValue: number }[] };
		expect(opt.dataZoom.map((d) => [d.startValue, d.endValue])).toEqual([
			[280, 399],
			[280, 399],
		]);
		const short = { ...long, x: { ...long.x, values: [0, 1] } } as ChartSpec;
		expect(hasZoom(short)).toBe(false);
	});
});

describe('table and readout', () => {
	it('gives the table the same numbers the readout says, bands narrowest first', () => {
		const s = sample();
		const table = chartTable(s);
		expect(table.columns).toEqual([
			{ kind: 'series', name: 'Sales' },
			{ kind: 'series', name: 'Forecast' },
			{ kind: 'lower', level: 0.8 },
			{ kind: 'upper', level: 0.8 },
			{ kind: 'lower', level: 0.95 },
			{ kind: 'upper', level: 0.95 },
			{ kind: 'markers' },
		]);
		expect(table.rows[2]).toEqual({
			index: 2,
			cells: [40, null, null, null, null, null],
			markers: 'Unusual value',
		});
		expect(table.rows[5].cells).toEqual([null, 14, 8, 20, 4, 24]);
		const r = readoutParts(s, 5);
		expect(r.values).toEqual([{ name: 'Forecast', value: 14 }]);
		expect(r.band).toEqual({ level: 0.8, lower: 8, upper: 20 });
		expect(readoutParts(s, 2).markers).toEqual(['Unusual value']);
	});

	it('finds the nearest x and writes CSV dates as ISO days', () => {
		expect(nearestIndex([0, 10, 20, 30], 14)).toBe(1);
		expect(nearestIndex([0, 10, 20, 30], 26)).toBe(3);
		expect(nearestIndex([], 1)).toBe(-1);
		expect(isoDay(Date.UTC(2010, 11, 6))).toBe('2010-12-06');
	});
});

describe('rendered by ECharts (server-side SVG)', () => {
	it('draws the bands, lines and axis labels in the UI language', async () => {
		const en = await chartSvg(sample(), { width: 600, height: 300 });
		expect(en).toMatch(/^<svg[^>]*width="600"[^>]*height="300"/);
		expect(en).toContain('3 Jan');
		expect((en.match(/<path/g) ?? []).length).toBeGreaterThan(6);

		locale = 'zh-CN';
		const zh = await chartSvg(sample(), { width: 600, height: 300 });
		expect(zh).toContain('1月3日');
		expect(zh).not.toContain('Jan');
	});
});

describe('a weekly axis over the turn of a year', () => {
	/** 20 weeks from Monday 1 Nov 2010 to 14 Mar 2011. */
	const turn = (): ChartSpec =>
		forecastSpec({
			ds: weeks(20, Date.UTC(2010, 10, 1)),
			y: Array.from({ length: 20 }, (_, i) => 10 + (i % 5)),
			freq: 'week',
			label: 'Sales of X',
			historyName: 'Sales',
			forecastName: 'Forecast',
		});

	it('labels the first tick and the first week of the new year with the year, the others without', () => {
		const x = turn().x;
		const en = periodTicks(x, 0, 19, labelSlots(600))!;
		expect([...en.keys()]).toEqual([0, 4, 9, 12, 16]);
		expect([...en.values()]).toEqual(['1 Nov 2010', '29 Nov', '3 Jan 2011', '24 Jan', '21 Feb']);
		// zoomed into 2011 alone: its first tick still says the year
		expect(periodTicks(x, 10, 19, labelSlots(600))!.values().next().value).toBe('10 Jan 2011');
		locale = 'zh-CN';
		const zh = [...periodTicks(x, 0, 19, labelSlots(600))!.values()];
		expect(zh).toEqual(['2010年11月1日', '11月29日', '2011年1月3日', '1月24日', '2月21日']);
		// months carry their year in every label: ECharts' own choice stays
		expect(periodTicks({ ...x, freq: 'month' } as ChartSpec['x'], 0, 19, 6)).toBeNull();
	});

	it('draws the years on the rendered axis, in the UI language', async () => {
		const en = await chartSvg(turn(), { width: 600, height: 300 });
		expect(en).toContain('>1 Nov 2010<');
		expect(en).toContain('>3 Jan 2011<');
		expect(en).toContain('>24 Jan<');
		locale = 'zh-CN';
		const zh = await chartSvg(turn(), { width: 600, height: 300 });
		expect(zh).toContain('>2011年1月3日<');
		expect(zh).not.toContain('Jan');
	});
});

describe('the first drawing in steps (axes, series, data)', () => {
	/** ECharts' SVG with its instance's id taken out of ids and classes numbered by first use. */
	function canonical(svg: string): string {
		const names = new Map<string, string>();
		return svg.replace(/zr\d+-/g, 'zr-').replace(/zr-cls-\d+/g, (c) => {
			if (!names.has(c)) names.set(c, `cls-${names.size}`);
			return names.get(c)!;
		});
	}

	/** The SVG of ECharts drawing `options` one after another (merged) in one instance. */
	async function drawn(...options: [Record<string, unknown>, object?][]): Promise<string> {
		const { echarts } = await loadECharts();
		const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
		try {
			for (const [o, how] of options) chart.setOption(o, how);
			return canonical(chart.renderToSVGString());
		} finally {
			chart.dispose();
		}
	}

	it('ends as the option drawn in one go: bands, markers, zoom over a long daily history', async () => {
		const long: ChartSpec = {
			label: 'l',
			x: {
				kind: 'period',
				values: Array.from({ length: 400 }, (_, i) => Date.UTC(2011, 0, 1) + i * 86_400_000),
				freq: 'day',
			},
			series: [{ name: 's', values: Float64Array.from({ length: 400 }, (_, i) => 5 + (i % 7)) }],
			markers: [{ index: 300, kind: 'unusual', label: 'Unusual value' }],
			zoom: 'auto',
			zoomFrom: 280,
		};
		for (const spec of [sample(), long]) {
			const option = toOption(spec, { ...ctx, xLabels: axisLabels(spec.x) });
			const [axes, frame] = firstDrawSteps(option);
			// first the grid and axes alone; then every series (by id), without data, markers or zoom
			expect(axes.series).toEqual([]);
			expect(axes.xAxis).toBe(option.xAxis);
			const series = frame.series as { id: string; data: unknown[]; markPoint?: unknown }[];
			expect(series.map((x) => x.id)).toEqual((option.series as { id: string }[]).map((x) => x.id));
			expect(series.every((x) => x.data.length === 0 && x.markPoint === undefined)).toBe(true);
			expect(axes.dataZoom).toBeUndefined();
			expect(frame.dataZoom).toBeUndefined();
			const oneGo = await drawn([option, { notMerge: true }]);
			const framed = await drawn([axes, { notMerge: true }], [frame]);
			expect(framed).not.toBe(oneGo);
			expect(await drawn([axes, { notMerge: true }], [frame], [option])).toBe(oneGo);
		}
	});
});
