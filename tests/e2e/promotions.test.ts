// E2E for promotions (issue #11) on the demo data: a small promotions CSV (one product's own
// promotions and one of no product, which is reported by row) is imported on the Forecast screen,
// listed with the dataset it applies to (the open one by default; moved to every dataset and back on
// the list), and the product's forecast says in words what each past promotion added, with a range;
// "All products" says it takes no promotions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

const CSV = [
	'product,start,end,discount',
	'85123A,2011-03-07,2011-03-13,20%',
	'85123A,2011-06-06,2011-06-12,30%',
	'85123A,2011-09-05,2011-09-11,20%',
	',2011-04-01,2011-04-02,10%',
	'85123A,2011-12-19,2011-12-25,25%',
].join('\n');

describe('Promotions on the Forecast screen', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	let file: string;

	beforeAll(async () => {
		file = join(mkdtempSync(join(tmpdir(), 'promo-')), 'promotions.csv');
		writeFileSync(file, CSV + '\n');
		session = await launchSession({ demo: true });
		app = new AppPage(session.page, baseUrl);
		await app.openDemo();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('imports a promotions file and shows each past promotion’s uplift for the product', async () => {
		const page = session.page;
		await app.goTo('forecast');
		// a new file applies to the open dataset unless the person picks every dataset
		const picked = page.getByTestId('promo-target').locator('option:checked');
		expect(await picked.textContent()).toBe('this dataset (Demo: UK online gift shop)');
		await page.getByTestId('promo-file').setInputFiles(file);
		await page.getByTestId('promo-import-result').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('promo-import-result').textContent()).toContain(
			'4 promotions read from promotions.csv',
		);
		expect(await page.getByTestId('promo-issues').textContent()).toMatch(
			/row 4: no product and no category/,
		);
		expect(await page.getByTestId('promo-sets').textContent()).toContain('promotions.csv: 4');
		// imported for the open dataset (the default), and the list says so
		expect(await page.getByTestId('promo-import-result').textContent()).toMatch(
			/Applies to Demo: UK online gift shop\./,
		);
		const scope = page.getByTestId('promo-set-scope');
		expect(await scope.textContent()).toBe('Applies to Demo: UK online gift shop.');
		// the person says it applies to every dataset, then back to the demo
		const target = page.getByTestId('promo-set-target');
		await target.selectOption({ label: 'every dataset' });
		await expect.poll(() => scope.textContent()).toBe('Applies to every dataset.');
		await target.selectOption({ label: 'Demo: UK online gift shop' });
		await expect.poll(() => scope.textContent()).toBe('Applies to Demo: UK online gift shop.');

		await app.pickForecastProduct('85123A', '85123A');
		await page.getByTestId('forecast-models').selectOption('quick');
		await app.makeForecast();
		const items = page.getByTestId('promo-uplifts').locator('li');
		await items.first().waitFor({ timeout: SLOW_MS });
		expect(await items.count()).toBe(3);
		const words = await items.allTextContents();
		for (const w of words) expect(w).toMatch(/85123A, .*20% off|85123A, .*30% off/);
		for (const w of words) expect(w).toMatch(/95% range [+−-]?\d+%? to [+−-]?\d+%?/);
		// each interval is around its estimate
		const nums = await items.evaluateAll((li) =>
			li.map((x) => ['data-lo', 'data-extra', 'data-hi'].map((a) => Number(x.getAttribute(a)))),
		);
		for (const [lo, mid, hi] of nums) {
			expect(lo).toBeLessThan(mid);
			expect(hi).toBeGreaterThan(mid);
		}
		// "In plain words" speaks of the promotions too (a share, or "no clear effect")
		const parts = page.getByTestId('explain-part');
		const codes = await parts.evaluateAll((li) => li.map((x) => x.getAttribute('data-code')));
		const promo = codes.filter((c) => c?.startsWith('home_decomp_promo'));
		expect(promo).toHaveLength(1);
		const said = await page
			.locator(`[data-testid="explain-part"][data-code="${promo[0]}"]`)
			.textContent();
		expect(said).toMatch(/^Promotions: /);
		expect(await page.getByTestId('promo-all-products').count()).toBe(0);
	});

	it('says that All products is forecast without promotions', async () => {
		const page = session.page;
		await app.pickForecastProduct('', '');
		await page.getByTestId('forecast-models').selectOption('quick');
		await app.makeForecast();
		await page.getByTestId('promo-all-products').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('promo-all-products').textContent()).toMatch(
			/“All products” is forecast with the holiday calendar but without imported promotions/,
		);
	});
});
