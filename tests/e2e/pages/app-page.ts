// Page object for the Trendcast app: the steps a shop owner takes, named as such, so the tests read
// like the user's story. Selectors are the data-testid attributes in src/.
import type { Page } from 'playwright-core';

/** Long enough for DuckDB-WASM to start and ingest on a 2-core machine. */
export const SLOW_MS = 120_000;

export class AppPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	async open(path = ''): Promise<void> {
		await this.page.goto(new URL(path, this.baseUrl).href);
		await this.page.getByRole('heading', { name: 'Trendcast' }).waitFor();
	}

	async reload(): Promise<void> {
		await this.page.reload();
		await this.page.getByRole('heading', { name: 'Trendcast' }).waitFor();
	}

	/** Go to a screen with the tab bar. */
	async goTo(
		view: 'import' | 'explore' | 'forecast' | 'plan' | 'models' | 'settings',
	): Promise<void> {
		await this.page.getByTestId(`nav-${view}`).click();
	}

	/**
	 * Open Explore in a session started from the demo profile (`launchSession({ demo })`): the demo is
	 * stored already, as for a returning visitor, and Explore lists its products.
	 */
	async openDemo(path = '?view=explore'): Promise<void> {
		await this.open(path);
		await this.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
	}

	async tryDemo(): Promise<void> {
		await this.page.getByTestId('demo-button').click();
		await this.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
	}

	/** Open "Your data" ready for a new file (leaving the report of the last import, if shown). */
	async startNewImport(): Promise<void> {
		await this.goTo('import');
		if (await this.page.getByTestId('import-done').isVisible())
			await this.page.getByRole('button', { name: 'Import another file' }).click();
	}

	/** Pick a file with the file input; resolves when the mapping table (or an error) shows. */
	async pickFile(path: string): Promise<'mapping' | 'error'> {
		await this.page.getByTestId('file-input').setInputFiles(path);
		const mapping = this.page.getByTestId('mapping-table');
		const error = this.page.getByTestId('import-error');
		await mapping.or(error).first().waitFor({ timeout: SLOW_MS });
		return (await mapping.isVisible()) ? 'mapping' : 'error';
	}

	/** The role chosen for a column in the mapping table. */
	async roleOf(column: string): Promise<string> {
		return this.page.locator(`[data-testid="role-select"][data-column="${column}"]`).inputValue();
	}

	/** Correct the role of a column with its dropdown. */
	async setRole(column: string, role: string): Promise<void> {
		await this.page
			.locator(`[data-testid="role-select"][data-column="${column}"]`)
			.selectOption(role);
	}

	async confirmImport(): Promise<void> {
		await this.page.getByTestId('confirm-import').click();
		await this.page.getByTestId('import-report').waitFor({ timeout: SLOW_MS });
	}

	async rowsImported(): Promise<number> {
		const text = (await this.page.getByTestId('rows-imported').textContent()) ?? '';
		return Number(text.replace(/[^\d]/g, ''));
	}

	async exploreSales(): Promise<void> {
		await this.page.getByTestId('go-explore').click();
		await this.expectProducts();
	}

	/** Products are listed and the sales chart has a line. */
	async expectProducts(): Promise<number> {
		await this.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
		// ECharts has drawn the sales chart (SVG paths: grid and the history line) and it has periods to read
		const chart = this.page.getByTestId('sales-chart');
		await chart.locator('[data-ready="true"]').waitFor({ timeout: SLOW_MS });
		// a plain locator wait (not expect.poll/expect, which only work inside a test, not in a beforeAll)
		await chart.locator('svg path').nth(2).waitFor({ state: 'attached', timeout: SLOW_MS });
		const periods = Number(await chart.getByRole('slider').getAttribute('aria-valuemax'));
		if (!(periods > 0)) throw new Error(`The sales chart has no periods to read (${periods}).`);
		return this.page.getByTestId('product-row').count();
	}

	/** Click a product in the list; the chart shows that product. */
	async pickProduct(index = 0): Promise<string> {
		const pick = this.page.getByTestId('product-pick').nth(index);
		const id = (await pick.getAttribute('data-product')) ?? '';
		await pick.click();
		await this.page.getByTestId('show-all').waitFor();
		return id;
	}

	async setFrequency(label: 'Daily' | 'Weekly' | 'Monthly'): Promise<void> {
		await this.page.getByTestId('freq-switch').getByRole('radio', { name: label }).click();
	}

	/**
	 * Choose what to forecast with the picker's type-ahead: type `text`, then pick the option whose
	 * value is `productId` ('' = all products together).
	 */
	async pickForecastProduct(text: string, productId: string): Promise<void> {
		const input = this.page.getByTestId('forecast-product-input');
		await input.click();
		await input.fill(text);
		const option = this.page
			.getByTestId('forecast-product-list')
			.locator(`[role="option"][data-value="${productId}"]`);
		await option.waitFor({ timeout: SLOW_MS });
		await option.click();
		await this.page
			.locator(`[data-testid="forecast-product-input"][data-value="${productId}"]`)
			.waitFor();
	}

	/** Run a forecast on the Forecast screen and wait for the chart with bands. */
	async makeForecast(): Promise<void> {
		await this.goTo('forecast');
		await this.page.getByTestId('run-forecast').click();
		await this.page
			.getByTestId('chart-band')
			.or(this.page.getByTestId('forecast-error'))
			.first()
			.waitFor({ timeout: SLOW_MS });
		const error = this.page.getByTestId('forecast-error');
		if (await error.isVisible()) throw new Error(`Forecast failed: ${await error.textContent()}`);
	}

	/** Main-thread long tasks recorded by the init script, as { start, duration } (ms). */
	async longTasks(): Promise<{ start: number; duration: number }[] | null> {
		return this.page.evaluate(
			() =>
				(window as unknown as { __longTasks: { start: number; duration: number }[] | null })
					.__longTasks,
		);
	}

	async now(): Promise<number> {
		return this.page.evaluate(() => performance.now());
	}

	/** Wait until a service worker controls the page (reloading once if it claimed none). */
	async waitForServiceWorkerControl(): Promise<void> {
		await this.page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		const controlled = await this.page.evaluate(() => !!navigator.serviceWorker.controller);
		if (!controlled) await this.reload();
		await this.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, {
			timeout: SLOW_MS,
		});
	}
}
