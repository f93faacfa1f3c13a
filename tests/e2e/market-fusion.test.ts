// E2E: market signals on the Forecast screen. Weekly sales that follow the real Yeezy search interest two
// weeks later (planted: 5 + 2 × searches two weeks before) are imported on "Your data", the real Google
// Trends export on the Market tab; the Forecast screen then says the searches lead the sales by 2 weeks,
// improved the backtest and were used, and draws the forecast with them; the batch forecast and the plan
// use the searches for that product too and say so with the lift.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../shared/data');
const DAY = 86_400_000;

describe('Market signals in the forecast', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	let salesFile = '';
	const trendsFile = join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv');

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		const rows = readFileSync(trendsFile, 'utf8')
			.split('\n')
			.filter((l) => /^\d{4}-\d\d-\d\d,/.test(l))
			.map((l) => {
				const [d, v] = l.split(',');
				return {
					monday: Date.parse(`${d}T00:00:00Z`) + DAY,
					v: v.trim() === '<1' ? 0.5 : Number(v),
				};
			});
		const lines = ['date,product,quantity'];
		rows.forEach((r, i) => {
			const lead = i >= 2 ? rows[i - 2].v : rows[0].v;
			lines.push(`${new Date(r.monday).toISOString().slice(0, 10)},YZY-350,${5 + 2 * lead}`);
		});
		salesFile = join(mkdtempSync(join(tmpdir(), 'tc-fusion-')), 'yeezy_sales.csv');
		writeFileSync(salesFile, lines.join('\n') + '\n');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('uses the leading search signal and says so', async () => {
		const page = session.page;
		await app.open('/?lang=en');
		await app.startNewImport();
		expect(await app.pickFile(salesFile)).toBe('mapping');
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(205);
		await app.open('/?view=market&lang=en');
		await page.getByTestId('market-file').setInputFiles(trendsFile);
		await expect
			.poll(() => page.getByTestId('market-search').textContent(), { timeout: 60_000 })
			.toMatch(/yeezy \(United States\): 205 week values/);
		await app.open('/?view=forecast&lang=en');
		await app.makeForecast();
		const lines = page.getByTestId('fusion-lines');
		await expect
			.poll(() => lines.textContent(), { timeout: 300_000, interval: 250 })
			.toMatch(
				/Searches for “yeezy” lead these sales by 2 weeks and made the backtest more accurate/,
			);
		expect(await lines.textContent()).toMatch(/used in the forecast below/);
		const chart = page.getByTestId('fusion-chart');
		expect(await chart.getByRole('slider').getAttribute('aria-label')).toMatch(
			/Forecast with Searches for “yeezy”/,
		);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});

	it('uses it in the batch forecast and in the plan, per product, with its lift', async () => {
		const page = session.page;
		await app.goTo('forecast');
		await page.getByTestId('batch-method').selectOption('quick');
		await page.getByTestId('run-batch').click();
		const signal = page.getByTestId('batch-signal').first();
		await expect
			.poll(() => signal.textContent().catch(() => ''), { timeout: 300_000, interval: 250 })
			.toMatch(
				/^Searches for “yeezy”, 2 weeks ahead: error [\d.]+ with it, [\d.]+ without \(\d+% lower\)$/,
			);
		expect(await page.getByTestId('batch-fusion-summary').textContent()).toMatch(
			/more accurate for 1 of 1 product;/,
		);
		// the CSV carries the forecast with the signal and names it
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('batch-csv').click(),
		]);
		const csv = readFileSync((await download.path())!, 'utf8')
			.trim()
			.split('\n');
		expect(csv[0]).toBe(
			'product_id,description,period,model,method,forecast,lo80,hi80,lo95,hi95,signal,signal_lag_weeks,mase_with_signal,mase_without_signal',
		);
		expect(csv[1]).toMatch(
			/^YZY-350,.*,signal,Searches for “yeezy”,[\d.]+,[\d.]+,[\d.]+,,,search:yeezy,2,[\d.]+,[\d.]+$/,
		);
		await app.goTo('plan');
		const row = page.locator('[data-testid="plan-row"][data-product="YZY-350"]');
		await expect
			.poll(
				() =>
					row
						.getByTestId('plan-signal')
						.textContent()
						.catch(() => ''),
				{
					timeout: 300_000,
					interval: 250,
				},
			)
			.toMatch(/^Demand uses Searches for “yeezy” \(2 weeks ahead\): backtest error \d+% lower$/);
		expect(await page.getByTestId('plan-signal-summary').textContent()).toMatch(
			/used in the demand of 1 of 1 product /,
		);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
