// E2E for the Forecast screen's levels (issue #11, hierarchy): on the demo data the biggest products,
// the total, a category and a store are forecast together and reconciled; the chosen method and why
// are said, and each level's parts add up to it (the table of parts, its sum, and the node's own
// forecast): products to their category and to the total. The Product level shows a product's
// reconciled forecast, the same number as in its category's product table. The other reconciliations
// (top-down, middle-out, …) can be picked; their categories and stores add up to the total too.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

describe('Forecast levels: category, store, total', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession({ demo: true });
		app = new AppPage(session.page, baseUrl);
		await app.openDemo();
	});

	afterAll(async () => {
		await session?.close();
	});

	/** A product of the category picked in the second test: its reconciled forecast and its category's. */
	let picked: { id: string; value: number; category: number } | null = null;

	/** The parts' sum and the node's own forecast over the horizon, as the table holds them. */
	async function sums(testid: string): Promise<{ parts: number[]; sum: number; own: number }> {
		const table = session.page.getByTestId(testid);
		const parts = await table
			.getByTestId('hierarchy-part')
			.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value'))));
		const sum = Number(await table.getByTestId('hierarchy-sum').getAttribute('data-value'));
		const own = Number(await table.getByTestId('hierarchy-own').getAttribute('data-value'));
		return { parts, sum, own };
	}

	it('forecasts the total and its categories, which add up, and says how it reconciled', async () => {
		const page = session.page;
		// the dataset's products, as Explore counts them
		const all = Number(
			(await page.getByTestId('total-products').textContent())!.replace(/[^\d]/g, ''),
		);
		await app.goTo('forecast');
		await page.getByTestId('forecast-level').locator('[data-value="total"]').click();
		await page.getByTestId('forecast-models').selectOption('quick');
		await page.getByTestId('run-forecast').click();
		const result = page.getByTestId('hierarchy-result');
		await result
			.or(page.getByTestId('hierarchy-error'))
			.first()
			.waitFor({ timeout: SLOW_MS * 2 });
		expect(await page.getByTestId('hierarchy-error').count()).toBe(0);
		await result.getByTestId('chart-band').first().waitFor();
		expect(await result.getByRole('heading').first().textContent()).toContain('All sales');
		const method = await page.getByTestId('hierarchy-method').getAttribute('data-method');
		expect(['bottom-up', 'mint-shrink', 'wls-struct', 'ols', 'top-down', 'middle-out']).toContain(
			method,
		);
		expect(await page.getByTestId('hierarchy-method').textContent()).toMatch(/backtest.*MASE/);
		// why this total differs from the Product level's "All products" (forecast directly, unreconciled)
		expect(await page.getByTestId('hierarchy-total-vs-all').textContent()).toMatch(
			/reconciled so that the levels add up.*“All products” is forecast directly/,
		);
		// the levels say plainly that they use neither the calendar nor promotions (HIERARCHY.md, levels)
		expect(await page.getByTestId('hierarchy-drivers').textContent()).toMatch(
			/Holiday calendar and promotions: not used at this level/,
		);
		// how the ranges are made: the own ranges moved and widened by the gap (HIERARCHY.md, hiercal2)
		expect(await page.getByTestId('hierarchy-ranges').textContent()).toMatch(
			/own forecasts’ ranges, moved to the reconciled forecast and widened/,
		);
		// the demo has no category column: categories come from the descriptions, and it says so
		await page.getByTestId('hierarchy-category-source').waitFor();

		const cats = await sums('hierarchy-children');
		expect(cats.parts.length).toBeGreaterThan(3);
		expect(cats.own).toBeGreaterThan(0);
		expect(Math.abs(cats.sum - cats.own)).toBeLessThan(0.05);
		const rounded = cats.parts.reduce((a, b) => a + b, 0);
		expect(Math.abs(rounded - cats.own)).toBeLessThan(0.01 * cats.parts.length + 0.01);
		// the same total split by store adds up too
		const stores = await sums('hierarchy-store-children');
		expect(stores.parts.length).toBeGreaterThan(1);
		expect(Math.abs(stores.own - cats.own)).toBeLessThan(0.01);
		expect(Math.abs(stores.sum - stores.own)).toBeLessThan(0.05);
		const total = Number(await page.getByTestId('hierarchy-summary').getAttribute('data-total'));
		expect(Math.abs(total - cats.own)).toBeLessThan(0.01);
		// and split by product: the biggest products one by one, the rest as each category's "other
		// products", adding up to the same total
		await page.getByTestId('hierarchy-products-note').waitFor();
		// its count of the other products is every product but those forecast one by one (it once
		// counted only the ones the forecast worker's cap pooled: 93 of the demo's 3,684)
		const note = (await page.getByTestId('hierarchy-products-note').textContent())!;
		const [one, others] = [...note.matchAll(/\b(\d[\d,]*)\b/g)].map((m) =>
			Number(m[1].replace(/,/g, '')),
		);
		expect(one + others).toBe(all);
		expect(note).toContain(others.toLocaleString('en-GB'));
		const products = await sums('hierarchy-product-children');
		expect(products.parts.length).toBeGreaterThan(10);
		expect(Math.abs(products.own - cats.own)).toBeLessThan(0.01);
		expect(Math.abs(products.sum - products.own)).toBeLessThan(0.05);
		// the period-by-period table is the product forecast's (one ForecastTable): a row per period
		const table = page.getByTestId('hierarchy-table');
		expect((await table.locator('thead th').allTextContents()).map((h) => h.trim())).toEqual([
			'Period',
			'Forecast',
			'Likely range (80%)',
		]);
		const horizon = Number(
			(await page.getByTestId('hierarchy-summary').textContent())!.match(/Next (\d+)/)![1],
		);
		expect(await table.locator('tbody tr').count()).toBe(horizon);
		expect(await table.locator('tbody tr').last().locator('td').nth(2).textContent()).toMatch(
			/^[\d,.]+ – [\d,.]+$/,
		);
	});

	it('shows the other reconciliations on request, each adding up: top-down and middle-out', async () => {
		const page = session.page;
		await page.getByTestId('forecast-level').locator('[data-value="total"]').click();
		const pick = page.getByTestId('hierarchy-method-pick');
		const auto = await page.getByTestId('hierarchy-method').getAttribute('data-method');
		// the automatic choice says every method's backtest score
		expect(await page.getByTestId('hierarchy-method').textContent()).toMatch(
			/lowest MASE.*Bottom-up [\d.]+.*MinT-shrink [\d.]+.*Top-down.*Middle-out/s,
		);
		const values = await pick
			.locator('option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(values).toEqual(
			expect.arrayContaining(['auto', 'bottom-up', 'mint-shrink', 'top-down', 'middle-out']),
		);
		for (const [method, words] of [
			['top-down', /top-down.*You picked Top-down.*MASE [\d.]+/s],
			['middle-out', /middle-out.*You picked Middle-out.*MASE [\d.]+/s],
		] as const) {
			await pick.selectOption(method);
			const said = page.getByTestId('hierarchy-method');
			await expect.poll(() => said.getAttribute('data-method')).toBe(method);
			expect(await said.getAttribute('data-auto')).toBe(auto);
			expect(await said.textContent()).toMatch(words);
			// on screen: the categories add up to the total, and so do the stores and the products
			const cats = await sums('hierarchy-children');
			expect(cats.parts.length).toBeGreaterThan(3);
			expect(Math.abs(cats.sum - cats.own)).toBeLessThan(0.05);
			const total = Number(await page.getByTestId('hierarchy-summary').getAttribute('data-total'));
			expect(Math.abs(total - cats.own)).toBeLessThan(0.01);
			const stores = await sums('hierarchy-store-children');
			expect(Math.abs(stores.own - cats.own)).toBeLessThan(0.01);
			expect(Math.abs(stores.sum - stores.own)).toBeLessThan(0.05);
			const products = await sums('hierarchy-product-children');
			expect(Math.abs(products.sum - products.own)).toBeLessThan(0.05);
			// a category's own cells add up to it too
			await page.getByTestId('forecast-level').locator('[data-value="category"]').click();
			await page.getByTestId('hierarchy-result').getByTestId('chart-band').first().waitFor();
			expect(await page.getByTestId('hierarchy-method').getAttribute('data-method')).toBe(method);
			const cat = await sums('hierarchy-children');
			expect(Math.abs(cat.sum - cat.own)).toBeLessThan(0.05);
			await page.getByTestId('forecast-level').locator('[data-value="total"]').click();
			await page.getByTestId('hierarchy-result').getByTestId('chart-band').first().waitFor();
		}
		await pick.selectOption('auto');
		await expect
			.poll(() => page.getByTestId('hierarchy-method').getAttribute('data-method'))
			.toBe(auto);
	});

	it('shows a category and a store, each the sum of its cells', async () => {
		const page = session.page;
		await page.getByTestId('forecast-level').locator('[data-value="category"]').click();
		const result = page.getByTestId('hierarchy-result');
		await result.getByTestId('chart-band').first().waitFor({ timeout: SLOW_MS });
		const select = page.getByTestId('hierarchy-node');
		const options = await select.locator('option').allTextContents();
		expect(options.length).toBeGreaterThan(3);
		await select.selectOption({ index: 1 });
		expect(await result.getByRole('heading').first().textContent()).toContain(options[1]);
		// the note on the total's difference from "All products" is for the total only
		expect(await page.getByTestId('hierarchy-total-vs-all').count()).toBe(0);
		expect(await page.getByTestId('hierarchy-drivers').textContent()).toMatch(
			/not used at this level/,
		);
		const cat = await sums('hierarchy-children');
		expect(cat.parts.length).toBeGreaterThan(1);
		expect(Math.abs(cat.sum - cat.own)).toBeLessThan(0.05);
		// the category's products add up to it
		const prods = await sums('hierarchy-product-children');
		expect(prods.parts.length).toBeGreaterThan(1);
		expect(Math.abs(prods.sum - cat.own)).toBeLessThan(0.05);
		const kept = await page
			.getByTestId('hierarchy-product-children')
			.getByTestId('hierarchy-part')
			.evaluateAll((rows) =>
				rows
					.map((r) => ({
						id: r.getAttribute('data-product') ?? '',
						value: Number(r.getAttribute('data-value')),
					}))
					.filter((r) => r.id !== '' && !r.id.startsWith('\u0000')),
			);
		expect(kept.length).toBeGreaterThan(0);
		picked = { ...kept[0], category: cat.own };

		await page.getByTestId('forecast-level').locator('[data-value="store"]').click();
		await result.getByTestId('chart-band').first().waitFor({ timeout: SLOW_MS });
		expect(await result.getByRole('heading').first().textContent()).toContain('United Kingdom');
		const store = await sums('hierarchy-children');
		expect(store.parts.length).toBeGreaterThan(1);
		expect(Math.abs(store.sum - store.own)).toBeLessThan(0.05);
	});

	it('shows a product’s reconciled forecast on the Product level: the one its category adds up', async () => {
		const page = session.page;
		expect(picked).not.toBeNull();
		const { id, value, category } = picked!;
		await page.getByTestId('forecast-level').locator('[data-value="product"]').click();
		await app.pickForecastProduct(id, id);
		const card = page.getByTestId('hierarchy-product');
		await card.waitFor();
		expect(await card.getByRole('heading').first().textContent()).toContain(id);
		const total = Number(
			await page.getByTestId('hierarchy-product-summary').getAttribute('data-total'),
		);
		expect(Math.abs(total - value)).toBeLessThan(0.01);
		const intro = page.getByTestId('hierarchy-product-intro');
		expect(
			Math.abs(Number(await intro.getAttribute('data-category-total')) - category),
		).toBeLessThan(0.05);
		expect(await intro.textContent()).toMatch(/adds up to the category/);
		expect(await page.getByTestId('hierarchy-product-drivers').textContent()).toMatch(
			/use neither the holiday calendar nor promotions/,
		);
		expect(await page.getByTestId('hierarchy-product-ranges').textContent()).toMatch(
			/widened by how far reconciling moved it/,
		);
		// which reconciliation and why, as on the other levels
		expect(await page.getByTestId('hierarchy-product-why').textContent()).toMatch(/backtest.*MASE/);
		const horizon = Number(
			(await page.getByTestId('hierarchy-product-summary').textContent())!.match(/Next (\d+)/)![1],
		);
		expect(await page.getByTestId('hierarchy-product-table').locator('tbody tr').count()).toBe(
			horizon,
		);
	});
});
