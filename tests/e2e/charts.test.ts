// E2E: the chart wrapper on the demo data (ECharts underneath, under the app's CSP): the keyboard readout
// and the table view say the same numbers, the table downloads as CSV, the chart as a real PNG of the
// chart's size, and in Chinese the axis is labelled with Chinese dates.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitCsvLine } from '../../src/core/csv-line';
import { AppPage } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

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

	it('reads the forecast the same in the readout and the table, and downloads both', async () => {
		const page = session.page;
		await app.tryDemo();
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
		const slider = chart.getByRole('slider');
		await slider.focus();
		await page.keyboard.press('Home');
		expect(await slider.getAttribute('aria-valuetext')).toMatch(/^\d{4}年\d+月\d+日 当周：/);
		expect(await chart.getByTestId('chart-table-toggle').textContent()).toBe('以表格显示');
		expect(cspErrors).toEqual([]);
	});
});
