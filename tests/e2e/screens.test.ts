// E2E for the Explore and Forecast screens (issue #9 items 12, 14, 16, 17): the forecast picker
// searches every product, a product opened from Explore is the one forecast, Explore shows sales by
// store/channel (and says when a dataset has no category column), and forecasts belong to the dataset
// they were made from.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_MS, type AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import type { Session } from './pages/browser';
import { pageOverflow } from './pages/overflow';

const SPIKE_CSV = fileURLToPath(new URL('../fixtures/spike-sales.csv', import.meta.url));
const RETAIL_CSV = fileURLToPath(
	new URL('../fixtures/ingest/online_retail_transactions.csv', import.meta.url),
);
/** A demo product far below the top 200 by revenue (about 2,000th of 3,700). */
const RARE = { id: '21640', name: 'ASSORTED TUTTI FRUTTI  FOB NOTEBOOK' };

describe('Explore and Forecast screens', () => {
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		({ session, app } = await openAppSession({ demo: true }));
	});

	afterAll(async () => {
		await session?.close();
	});

	it('the forecast picker searches all products, and a product opened from Explore is forecast', async () => {
		const page = session.page;
		// Explore: find the rare product and open it, then "Forecast this".
		await app.goTo('explore');
		await page.getByTestId('product-search').fill(RARE.id);
		await page.locator(`[data-testid="product-pick"][data-product="${RARE.id}"]`).click();
		await page.getByTestId('to-forecast').click();
		const input = page.getByTestId('forecast-product-input');
		expect(await input.getAttribute('data-value')).toBe(RARE.id);
		expect(await input.inputValue()).toContain(RARE.id);
		// "Forecast this" forecasts the product as the screen opens: no second press of the button.
		await page
			.getByTestId('chart-band')
			.or(page.getByTestId('forecast-error'))
			.first()
			.waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('forecast-error').count()).toBe(0);
		// and shown: the result is scrolled into view, not left below the form
		await expect
			.poll(() =>
				page.getByTestId('forecast-result').evaluate((e) => e.getBoundingClientRect().top),
			)
			.toBeLessThan(200);
		expect(await page.getByTestId('forecast-result').getByRole('heading').textContent()).toContain(
			'TUTTI FRUTTI',
		);

		// The picker: type part of a name, move with the keyboard, pick with Enter.
		await input.click();
		await input.fill('tutti frutti');
		const list = page.getByTestId('forecast-product-list');
		await list.locator(`[data-value="${RARE.id}"]`).waitFor({ timeout: SLOW_MS });
		await input.press('Escape');
		expect(await list.count()).toBe(0);
		await input.fill('zzz-no-such-product');
		await expect
			.poll(() => page.getByTestId('forecast-product-status').textContent(), { timeout: SLOW_MS })
			.toMatch(/No product matches/);
		// Clear the text: "All products together" comes first, then the best sellers.
		await input.fill('');
		await input.press('ArrowDown');
		await list.locator('[data-value=""]').waitFor();
		await app.pickForecastProduct('85123A', '85123A');
		expect(await page.getByTestId('forecast-product-input').inputValue()).toMatch(
			/WHITE HANGING HEART.*85123A/,
		);
		await app.pickForecastProduct('', '');
		expect(await input.inputValue()).toBe('All products together');
	});

	it('Explore shows sales by store/channel, and says when there is no category column', async () => {
		const page = session.page;
		await app.goTo('explore');
		await page.getByTestId('view-by').getByRole('radio', { name: 'Category' }).click();
		expect(await page.getByTestId('group-missing').textContent()).toMatch(/no category column/);
		await page.getByTestId('view-by').getByRole('radio', { name: 'Store or channel' }).click();
		// The demo's Country column is its channel: the UK sells most.
		const first = page.getByTestId('group-pick').first();
		await first.waitFor({ timeout: SLOW_MS });
		expect(await first.getAttribute('data-group')).toBe('United Kingdom');
		const rows = await page.getByTestId('group-row').count();
		expect(rows).toBeGreaterThan(20);
		await page.locator('[data-testid="group-pick"][data-group="France"]').click();
		await expect
			.poll(() => page.getByTestId('chart-card').getByRole('heading').first().textContent(), {
				timeout: SLOW_MS,
			})
			.toContain('France');
		await page.getByTestId('view-by').getByRole('radio', { name: 'Product' }).click();
		await page.getByTestId('product-row').first().waitFor();
	});

	it('forecasts belong to their dataset: another dataset shows none of them, nor exports them', async () => {
		const page = session.page;
		await app.goTo('forecast');
		await page.getByTestId('batch-count').selectOption('10');
		await page.getByTestId('batch-method').selectOption('quick');
		await page.getByTestId('run-batch').click();
		const rows = page.getByTestId('batch-table').locator('tbody tr');
		await expect.poll(() => rows.count(), { timeout: SLOW_MS }).toBe(10);
		await app.makeForecast();
		const demoTitle = await page.getByTestId('forecast-result').getByRole('heading').textContent();

		// A second dataset: it opens, and the Forecast screen has nothing of the demo's.
		await app.startNewImport();
		expect(await app.pickFile(SPIKE_CSV)).toBe('mapping');
		await app.confirmImport();
		await app.exploreSales();
		await app.goTo('forecast');
		await page.getByTestId('run-forecast').waitFor();
		expect(await page.getByTestId('forecast-result').count()).toBe(0);
		expect(await page.getByTestId('batch-table').count()).toBe(0);
		expect(await page.getByTestId('batch-csv').count()).toBe(0);
		expect(await page.getByTestId('forecast-product-input').inputValue()).toBe(
			'All products together',
		);

		// Back to the demo: its forecast and batch are there again.
		await app.goTo('settings');
		await page
			.getByTestId('dataset-item')
			.filter({ hasText: 'Demo: UK online gift shop' })
			.getByTestId('open-dataset')
			.click();
		await app.goTo('forecast');
		await expect.poll(() => rows.count(), { timeout: SLOW_MS }).toBe(10);
		await expect
			.poll(() => page.getByTestId('forecast-result').getByRole('heading').textContent())
			.toBe(demoTitle);
	});
	it('the Forecast screen fits a 390-px phone without sideways scrolling', async () => {
		const page = session.page;
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			await app.goTo('forecast');
			await app.makeForecast();
			await page.getByTestId('leaderboard').waitFor();
			if ((await page.getByTestId('batch-table').count()) === 0) {
				await page.getByTestId('batch-count').selectOption('10');
				await page.getByTestId('batch-method').selectOption('quick');
				await page.getByTestId('run-batch').click();
			}
			await page.getByTestId('batch-table').waitFor({ timeout: SLOW_MS });
			const overflow = await pageOverflow(page);
			expect(overflow.wide).toEqual([]);
			expect(overflow.width).toBeLessThanOrEqual(390);
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('a quick forecast says it does not use the holiday calendar, and does not count it in', async () => {
		const page = session.page;
		await app.goTo('forecast');
		await page.getByTestId('forecast-level').locator('[data-value="product"]').click();
		await app.pickForecastProduct('', '');
		await page.getByTestId('forecast-models').selectOption('quick');
		await app.makeForecast();
		const said = (await page.getByRole('status').allTextContents()).join('\n');
		expect(said).toContain('The methods tried do not use the holiday and festival calendar');
		// the demo has no price or promotion columns of its own to speak of
		expect(said).not.toContain('extra columns');
		// the holidays measured in past sales, said as not in this forecast
		await page.getByTestId('calendar-effects').waitFor();
		expect(await page.getByTestId('calendar-effects-note').textContent()).toContain(
			'does not use them',
		);
		// "In plain words" does not list a holiday ahead as part of this (flat) forecast
		expect(await page.getByTestId('explain-card').textContent()).not.toMatch(
			/of the forecast includes/,
		);
		await page.getByTestId('forecast-models').selectOption('auto');
	});

	it('an automatic choice that uses no calendar column says so, and does not count the holidays in', async () => {
		const page = session.page;
		await app.goTo('forecast');
		await page.getByTestId('forecast-models').selectOption('auto');
		await app.makeForecast();
		// on the demo's total the backtest picks a method without the calendar's columns (a blend of
		// seasonal naive and smoothing), though regression, which uses them, was tried
		const model = await page.getByTestId('chosen-model').getAttribute('data-model');
		expect(model).not.toMatch(/regression|arima/);
		// one space after the label, none before the name's own words
		expect(await page.getByTestId('chosen-model-line').textContent()).toMatch(/^Method: \S/);
		const said = (await page.getByRole('status').allTextContents()).join('\n');
		expect(said).toContain('The method chosen does not use the holiday and festival calendar');
		await page.getByTestId('calendar-effects').waitFor();
		expect(await page.getByTestId('calendar-effects-note').textContent()).toContain(
			'does not use them',
		);
		expect(await page.getByTestId('explain-card').textContent()).not.toMatch(
			/of the forecast includes/,
		);
	});

	it('Settings, Plan and Report fit a 390-px phone too (file inputs, the purchase-order table)', async () => {
		const page = session.page;
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			for (const [view, ready] of [
				['settings', 'backup-restore-pick'],
				['plan', 'plan-po-qty'],
				['report', 'report-open-pick'],
			] as const) {
				await page.getByTestId(`nav-${view}`).click();
				await page.getByTestId(ready).first().waitFor({ timeout: SLOW_MS });
				const overflow = await pageOverflow(page);
				expect(overflow.wide, view).toEqual([]);
				expect(overflow.width, view).toBeLessThanOrEqual(390);
			}
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('the column mapping of Import fits a 390-px phone: names readable, every role dropdown in sight', async () => {
		const page = session.page;
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			await app.startNewImport();
			expect(await app.pickFile(RETAIL_CSV)).toBe('mapping');
			const rows = page.getByTestId('mapping-row');
			expect(await rows.count()).toBe(8);
			for (let i = 0; i < 8; i++) {
				const row = rows.nth(i);
				const name = (await row.locator('th').boundingBox())!;
				const select = (await row.getByTestId('role-select').boundingBox())!;
				// was: a name a few letters a line (77 px for "InvoiceNo", one letter for StockX's), the dropdown past x = 390
				expect(name.width, `column ${i}`).toBeGreaterThan(120);
				expect(select.x + select.width, `column ${i}`).toBeLessThanOrEqual(390);
			}
			// "Add to …" names a stored dataset: its dropdown shrinks with the screen (was 613 px wide with the demo stored)
			const append = (await page.getByTestId('append-target').boundingBox())!;
			expect(append.x + append.width).toBeLessThanOrEqual(390);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390,
			);
			await page.getByRole('button', { name: 'Choose another file' }).click();
			await page.getByTestId('mapping-table').waitFor({ state: 'detached' });
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('"Ready to work offline" is a status line that covers neither the products nor the chart', async () => {
		const page = session.page;
		await app.goTo('explore');
		const notice = page.getByTestId('offline-ready');
		await notice.waitFor({ timeout: SLOW_MS });
		expect(await notice.evaluate((e) => getComputedStyle(e).position)).not.toBe('fixed');
		const box = (await notice.boundingBox())!;
		for (const id of ['product-table', 'sales-chart']) {
			const other = (await page.getByTestId(id).boundingBox())!;
			const overlaps =
				box.x < other.x + other.width &&
				other.x < box.x + box.width &&
				box.y < other.y + other.height &&
				other.y < box.y + box.height;
			expect(overlaps, id).toBe(false);
		}
	});
});
