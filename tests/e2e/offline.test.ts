// E2E: the demo data path (products listed, forecast drawn with a band), then the service worker
// takes control, the network goes away, and after a reload the app still explores and forecasts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

describe('demo data, then offline', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('loads the demo data, lists products and draws a forecast with a band', async () => {
		const t0 = await app.now();
		await app.tryDemo();
		expect(await app.expectProducts()).toBeGreaterThan(5);
		const t1 = await app.now();
		// 326k rows are read in the data worker: the page stays responsive meanwhile.
		const slow = ((await app.longTasks()) ?? []).filter(
			(t) => t.start >= t0 && t.start <= t1 && t.duration > 200,
		);
		expect(slow).toEqual([]);
		await app.makeForecast();
		const page = session.page;
		expect(await page.getByTestId('forecast-band').count()).toBeGreaterThanOrEqual(1);
		expect(await page.getByTestId('forecast-line').getAttribute('d')).toMatch(/^M/);
		expect(await page.getByTestId('chosen-model').textContent()).not.toBe('');
		expect(await page.getByTestId('leaderboard-row').count()).toBeGreaterThanOrEqual(1);
		// The chart reads out values from the keyboard too: End jumps to the last forecast period.
		await page.getByTestId('forecast-chart').locator('svg').focus();
		await page.keyboard.press('End');
		expect(await page.getByTestId('chart-tooltip').textContent()).toMatch(
			/Forecast [\d,.]+.*range/,
		);
	});

	it('works offline after the first visit: reload, explore and forecast', async () => {
		await app.waitForServiceWorkerControl();
		await session.context.setOffline(true);
		try {
			await app.open('/?view=explore');
			await app.expectProducts();
			await app.pickProduct(0);
			await app.makeForecast();
			expect(await session.page.getByTestId('forecast-band').count()).toBeGreaterThanOrEqual(1);
		} finally {
			await session.context.setOffline(false);
		}
	});

	it('stays on the app origin', () => {
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
