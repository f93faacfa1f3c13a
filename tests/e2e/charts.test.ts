// E2E: the chart wrapper on the demo data (ECharts underneath, under the app's CSP): the chart chunk is
// loaded only with the first chart and is as big (gzipped) as the README's dependency table says; the
// first draw is four steps in separate tasks (long tasks reported); the keyboard readout and the table view say the
// same numbers, the table downloads as CSV, the chart as a real PNG of the chart's size, and in Chinese
// the axis is labelled with Chinese dates, with the year where it changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitCsvLine } from '../../src/core/csv-line';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built chart chunk (the dynamic import of src/components/chart/echarts.ts). */
const CHART_CHUNK = /^echarts-[\w-]+\.js$/;
/** How far the built chunk may drift from the README's figures before the README must be updated. */
const SIZE_TOLERANCE = 0.05;

/** The chart chunk's sizes (kB) as the README's dependency table states them. */
function readmeChartSizes(): { raw: number; gzip: number } {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const row = readme.split('\n').find((l) => l.startsWith('| `echarts` |'));
	expect(row, 'README dependency table has no echarts row').toBeDefined();
	const m = row!.match(/chart chunk is (\d+(?:\.\d+)?) kB, \*\*(\d+(?:\.\d+)?) kB gzipped\*\*/);
	expect(m, `README echarts row states no chunk size: ${row}`).not.toBeNull();
	return { raw: Number(m![1]), gzip: Number(m![2]) };
}

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length). */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('charts', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	const cspErrors: string[] = [];

	beforeAll(async () => {
		session = await launchSession();
		session.page.on('console', (m) => {
			if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
		});
		app = new AppPage(session.page, baseUrl);
		await app.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('builds the chart chunk at the size the README states (gzipped, within 5 %)', () => {
		const dir = join(ROOT, 'dist/assets');
		const chunks = readdirSync(dir).filter((n) => CHART_CHUNK.test(n));
		expect(chunks, 'one chart chunk in dist/assets').toHaveLength(1);
		const code = readFileSync(join(dir, chunks[0]));
		const measured = { raw: code.length / 1000, gzip: gzipSync(code).length / 1000 };
		const stated = readmeChartSizes();
		console.log(
			`chart chunk ${chunks[0]}: ${measured.raw.toFixed(1)} kB, ${measured.gzip.toFixed(1)} kB gzipped ` +
				`(README: ${stated.raw} kB, ${stated.gzip} kB gzipped)`,
		);
		expect(Math.abs(measured.gzip / stated.gzip - 1)).toBeLessThanOrEqual(SIZE_TOLERANCE);
		expect(Math.abs(measured.raw / stated.raw - 1)).toBeLessThanOrEqual(SIZE_TOLERANCE);
		// kept out of the main bundle: the page does not load it, the entry imports it only dynamically
		expect(readFileSync(join(ROOT, 'dist/index.html'), 'utf8')).not.toContain('echarts-');
		const entries = readdirSync(dir).filter((n) => /^index-[\w-]+\.js$/.test(n));
		expect(entries).toHaveLength(1);
		const entry = readFileSync(join(dir, entries[0]), 'utf8');
		const file = chunks[0].replace(/[.-]/g, '\\$&');
		expect(entry).toMatch(new RegExp(`import\\(\\s*[\`"']\\./${file}`));
		expect(entry).not.toMatch(new RegExp(`from\\s*[\`"']\\./${file}`));
	});

	it('fetches the chart chunk once, when idle after start, and reports the first draw', async () => {
		const page = session.page;
		const chartLoads = () =>
			page.evaluate(() =>
				performance
					.getEntriesByType('resource')
					.filter((e) => /\/echarts-[\w-]+\.js$/.test(e.name))
					.map((e) => ({ start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
			);
		// The empty app (no dataset, no chart) fetches the chunk when the browser is first idle (at the
		// latest 4 s after start: render.ts preloadECharts), so the first chart does not evaluate it.
		await expect.poll(chartLoads, { timeout: 15_000 }).toHaveLength(1);
		const [load] = await chartLoads();
		const tasks0 = await app.longTasks();
		expect(tasks0, 'Long Tasks API unavailable').not.toBeNull();
		const evaluating = (tasks0 ?? []).filter((t) => t.start >= load.start);

		const t0 = await app.now();
		await app.tryDemo();
		await page
			.getByTestId('sales-chart')
			.locator('[data-ready="true"]')
			.waitFor({ timeout: SLOW_MS });
		const t1 = await app.now();
		expect(await chartLoads()).toHaveLength(1);
		// The first draw is four steps (Chart.svelte: start ECharts, grid and axes, the series' views, the
		// data), each a 'chart-first-draw' measure, in order, and each in its own task: no long task spans
		// two of them (drawn in one task it was one 64–671 ms task on a loaded machine).
		const steps = await page.evaluate(() =>
			performance
				.getEntriesByName('chart-first-draw')
				.map((e) => ({
					...(e as PerformanceMeasure).detail,
					start: e.startTime,
					end: e.startTime + e.duration,
				}))
				.filter((e) => e.chart === 'sales-chart')
				.slice(0, 4),
		);
		expect(steps.map((s) => s.step)).toEqual(['init', 'axes', 'series', 'data']);
		for (let k = 1; k < steps.length; k++)
			expect(steps[k].start).toBeGreaterThanOrEqual(steps[k - 1].end);
		const all = (await app.longTasks()) ?? [];
		for (const task of all) {
			const inside = steps.filter(
				(s) => s.start >= task.start - 1 && s.end <= task.start + task.duration + 1,
			);
			expect(inside.length, `one task ran ${inside.map((s) => s.step).join(' + ')}`).toBeLessThan(
				2,
			);
		}
		// The demo loads in the data worker meanwhile; long tasks reported (offline.test bounds them).
		const during = all.filter((t) => t.start >= t0 && t.start <= t1);
		const longest = (ts: { duration: number }[]) => Math.max(0, ...ts.map((t) => t.duration));
		const drawTasks = all.filter((t) =>
			steps.some((s) => s.start <= t.start + t.duration && s.end >= t.start),
		);
		console.log(
			`charts e2e: first draw steps ${steps.map((s) => `${s.step} ${(s.end - s.start).toFixed(0)} ms`).join(', ')}; ` +
				`longest task of the first draw ${longest(drawTasks).toFixed(0)} ms`,
		);
		console.log(
			`charts e2e: chart chunk fetched ${load.start.toFixed(0)}–${load.end.toFixed(0)} ms after start; ` +
				`long tasks from then until the demo: ${evaluating.length} (longest ${longest(evaluating).toFixed(0)} ms); ` +
				`demo + first chart drawn in ${(t1 - t0).toFixed(0)} ms with ${during.length} long tasks ` +
				`(longest ${longest(during).toFixed(0)} ms; ms before the chart was ready: ` +
				`${during.map((t) => `${(t1 - t.start).toFixed(0)}→${t.duration.toFixed(0)}`).join(', ')})`,
		);
		expect(session.pageErrors).toEqual([]);
	});

	it('reads the forecast the same in the readout and the table, and downloads both', async () => {
		const page = session.page;
		await app.makeForecast();
		const chart = page.getByTestId('forecast-chart');
		await chart.locator('[data-ready="true"]').waitFor();

		// The keyboard readout of the last forecast week: "Week of …: Forecast 1,234, 80% range 1,000 – 1,500"
		const slider = chart.getByRole('slider');
		await slider.focus();
		await page.keyboard.press('End');
		const said = (await slider.getAttribute('aria-valuetext'))!;
		const m = said.match(/^(.+): Forecast ([\d,.]+), 80% range ([\d,.]+) – ([\d,.]+)$/);
		expect(m, said).not.toBeNull();
		const [, week, value, low, high] = m!;
		expect(await chart.getByTestId('chart-tooltip').textContent()).toContain(value);

		await chart.getByTestId('chart-table-toggle').click();
		expect(await chart.getByTestId('chart-table-toggle').getAttribute('aria-pressed')).toBe('true');
		const table = chart.getByTestId('chart-table');
		const head = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
		expect(head.slice(0, 5)).toEqual(['Period', 'Sales', 'Forecast', '80% low', '80% high']);
		const last = table.locator('tbody tr').last();
		const cells = (await last.locator('th, td').allTextContents()).map((s) => s.trim());
		expect(cells.slice(0, 5)).toEqual([week, '', value, low, high]);
		// every history week and every forecast week is a row
		const rows = await table.locator('tbody tr').count();
		expect(rows).toBeGreaterThan(40);

		const [csvFile] = await Promise.all([
			page.waitForEvent('download'),
			chart.getByTestId('chart-csv').click(),
		]);
		expect(csvFile.suggestedFilename()).toMatch(/^trendcast-forecast-chart-\d{4}-\d\d-\d\d\.csv$/);
		const lines = readFileSync((await csvFile.path())!, 'utf8')
			.trim()
			.split(/\r?\n/);
		expect(splitCsvLine(lines[0], ',').slice(0, 5)).toEqual(head.slice(0, 5));
		expect(lines.length).toBe(rows + 1);
		const lastCsv = splitCsvLine(lines[lines.length - 1], ',');
		expect(lastCsv[0]).toMatch(/^\d{4}-\d\d-\d\d$/);
		expect(lastCsv[1]).toBe('');
		// the CSV holds the unformatted number the table shows rounded
		expect(Math.round(Number(lastCsv[2])).toLocaleString('en-GB')).toBe(value);

		await chart.getByTestId('chart-table-toggle').click();
		await slider.waitFor();
		const box = (await chart.locator('[data-ready="true"]').boundingBox())!;
		const [pngFile] = await Promise.all([
			page.waitForEvent('download'),
			chart.getByTestId('chart-png').click(),
		]);
		expect(pngFile.suggestedFilename()).toMatch(/^trendcast-forecast-chart-\d{4}-\d\d-\d\d\.png$/);
		const png = readFileSync((await pngFile.path())!);
		const size = pngSize(png);
		// drawn at twice the size on screen, so it stays sharp in a document
		expect(Math.abs(size.width - 2 * box.width)).toBeLessThanOrEqual(4);
		expect(Math.abs(size.height - 2 * box.height)).toBeLessThanOrEqual(4);
		expect(png.length).toBeGreaterThan(5_000);
		expect(cspErrors).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});

	it('labels the axis with Chinese dates and reads out in Chinese under ?lang=zh-CN', async () => {
		const page = session.page;
		await app.open('/?lang=zh-CN&view=explore');
		const chart = page.getByTestId('sales-chart');
		await chart.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
		const labels = await chart.locator('svg text').allTextContents();
		expect(labels.join(' ')).toMatch(/\d+月\d+日/);
		expect(labels.join(' ')).not.toMatch(/[A-Za-z]{3}/);
		// the demo's weeks run from Dec 2010 into 2011: the first tick and the new year's say the year
		expect(labels.find((l) => /月\d+日$/.test(l))).toMatch(/^2010年1[12]月\d+日$/);
		expect(labels.join(' ')).toMatch(/2011年1月\d+日/);
		const slider = chart.getByRole('slider');
		await slider.focus();
		await page.keyboard.press('Home');
		expect(await slider.getAttribute('aria-valuetext')).toMatch(/^\d{4}年\d+月\d+日 当周：/);
		expect(await chart.getByTestId('chart-table-toggle').textContent()).toBe('以表格显示');
		expect(cspErrors).toEqual([]);
	});
});
