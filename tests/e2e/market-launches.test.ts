// E2E: new products learned from the shop's own sales. The demo's products first sold inside its year
// become past launches (first sale, 12 weeks after it); with a search file imported the Market screen
// offers the new-product form, a typed title finds the past products sharing its words, and each similar
// product says why (shared words, season, price).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../shared/data');

describe('new products from the shop’s own launches', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession({ demo: true });
		app = new AppPage(session.page, baseUrl);
		await app.openDemo('/?view=explore&lang=en');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('learns launch curves from the sales and explains the similar products', async () => {
		const page = session.page;
		await app.open('/?view=market&lang=en');
		await page
			.getByTestId('market-file')
			.setInputFiles(join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv'));
		const fromSales = page.getByTestId('market-np-from-sales');
		await expect
			.poll(() => fromSales.textContent().catch(() => ''), { timeout: 180_000, interval: 250 })
			.toMatch(/^[\d,]+ of these launches were found in your own sales/);
		expect(await page.getByTestId('market-np-backtest').textContent()).toMatch(
			/Tested by hiding your latest \d+ launches.*Your own launch curve/s,
		);
		// the launch regression is backtested beside the similar products, and the card says which forecasts
		expect(await page.getByTestId('market-np-regression').textContent()).toMatch(
			/A sales-level model of your launches.*\d+(\.\d)?%/,
		);
		await page.getByTestId('market-np-title').fill('Red heart T-light holder');
		await page.getByTestId('market-np-launch').fill('2011-12-05');
		await page.getByTestId('market-np-run').click();
		await expect
			.poll(() => page.getByTestId('market-np-result').textContent(), { timeout: 60_000 })
			.toMatch(/Expected sales in the first 12 weeks/);
		const why = page.getByTestId('market-np-why').first();
		expect(await why.textContent()).toMatch(/shared words: [^;]*(heart|light|holder)/);
		expect(await page.getByTestId('market-np-similar').locator('tbody tr').count()).toBe(5);
		// the same in Chinese
		await app.open('/?view=market&lang=zh-CN');
		await expect
			.poll(
				() =>
					page
						.getByTestId('market-np-from-sales')
						.textContent()
						.catch(() => ''),
				{
					timeout: 180_000,
				},
			)
			.toMatch(/次上新取自您自己的销售记录/);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
