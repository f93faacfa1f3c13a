// E2E for money per dataset (issue #9 item 17): in a US-English browser the UK demo still shows pounds
// (the currency belongs to the dataset, not the browser); a file that names no currency is asked at
// import, unless nearly all its lines are from one country (a "Shipping Country" column); a currency changed in Settings is kept across a reload (and said to relabel, not convert); the
// dataset list shows and edits it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

describe('currency per dataset', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-currency-'));

	beforeAll(async () => {
		session = await launchSession({ locale: 'en-US' });
		app = new AppPage(session.page, baseUrl);
		await app.open();
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const revenue = () => session.page.getByTestId('total-revenue').textContent();
	/** The demo dataset's currency as stored in IndexedDB (what a reload reads back). */
	const storedCurrency = () =>
		session.page.evaluate(
			() =>
				new Promise<string | null>((resolve) => {
					const open = indexedDB.open('trendcast');
					open.onerror = () => resolve(null);
					open.onsuccess = () => {
						const get = open.result
							.transaction('datasets')
							.objectStore('datasets')
							.get('demo-online-retail');
						get.onsuccess = () => {
							open.result.close();
							resolve((get.result as { currency?: string } | undefined)?.currency ?? null);
						};
						get.onerror = () => resolve(null);
					};
				}),
		);

	it('shows the UK demo in pounds in a US browser, on Explore and Forecast', async () => {
		await app.tryDemo();
		await expect.poll(revenue).toMatch(/^£[\d,]+$/);
		expect(await session.page.getByTestId('product-table').textContent()).toContain('£');
		// A product's price driver speaks in the dataset's currency too.
		await session.page.getByTestId('product-search').fill('PARTY BUNTING');
		await app.pickProduct(0);
		await app.makeForecast();
		const price = session.page.getByTestId('price-driver');
		await price.waitFor({ timeout: SLOW_MS });
		expect(await price.textContent()).toMatch(/£\d+\.\d\d/);
		expect(await price.textContent()).not.toContain('$');
	});

	it('keeps a currency changed in Settings across a reload', async () => {
		await app.goTo('settings');
		const select = session.page.getByTestId('currency-select');
		expect(await select.inputValue()).toBe('GBP');
		// next to the choice: it relabels the amounts, it does not convert them
		expect(await session.page.getByTestId('currency-relabel').innerText()).toMatch(
			/only changes the symbol .*not converted/,
		);
		expect(await select.getAttribute('aria-describedby')).toBe('currency-relabel');
		await select.selectOption('EUR');
		await expect
			.poll(() => session.page.getByTestId('dataset-currency').first().inputValue())
			.toBe('EUR');
		// The list shows the choice at once; the data worker stores it: reload once it is stored.
		await expect.poll(storedCurrency, { timeout: SLOW_MS }).toBe('EUR');
		await app.reload();
		await app.goTo('explore');
		await expect.poll(revenue, { timeout: SLOW_MS }).toMatch(/^€[\d,]+$/);
		await app.goTo('settings');
		expect(await session.page.getByTestId('currency-select').inputValue()).toBe('EUR');
		// Back to pounds from the dataset list.
		await session.page.getByTestId('dataset-currency').first().selectOption('GBP');
		await app.goTo('explore');
		await expect.poll(revenue).toMatch(/^£[\d,]+$/);
	});

	it('asks for the currency of a file that names none, and reads it from one that does', async () => {
		const plain = join(dir, 'till.csv');
		writeFileSync(
			plain,
			'date,sku,qty,price\n2024-01-02,A,1,3.50\n2024-01-09,A,2,3.50\n2024-01-16,B,4,10.00\n',
		);
		await app.startNewImport();
		expect(await app.pickFile(plain)).toBe('mapping');
		const picker = session.page.getByTestId('import-currency');
		// Not in the file: the browser's region (en-US) is the default, and the screen says to check it.
		expect(await picker.inputValue()).toBe('USD');
		expect(await session.page.getByTestId('import-currency-source').textContent()).toMatch(
			/does not say/,
		);
		await picker.selectOption('CNY');
		await app.confirmImport();
		await app.exploreSales();
		await expect.poll(revenue).toMatch(/^CN¥[\d.,]+$/);

		const euro = join(dir, 'shop.csv');
		writeFileSync(
			euro,
			'Created at,Lineitem sku,Lineitem quantity,Lineitem price,Currency\n2024-01-02,A,1,3.50,EUR\n2024-01-09,A,2,3.50,EUR\n',
		);
		await app.startNewImport();
		expect(await app.pickFile(euro)).toBe('mapping');
		expect(await picker.inputValue()).toBe('EUR');
		expect(await session.page.getByTestId('import-currency-source').textContent()).toContain(
			'Currency',
		);

		// no currency, but a country column nearly all from one country: its currency, said so
		await session.page.getByRole('button', { name: 'Choose another file' }).click();
		await session.page.getByTestId('mapping-table').waitFor({ state: 'detached' });
		const uk = join(dir, 'uk.csv');
		writeFileSync(
			uk,
			'date,sku,qty,price,Shipping Country\n2024-01-02,A,1,3.50,United Kingdom\n2024-01-09,A,2,3.50,United Kingdom\n',
		);
		await app.startNewImport();
		expect(await app.pickFile(uk)).toBe('mapping');
		expect(await picker.inputValue()).toBe('GBP');
		expect(await session.page.getByTestId('import-currency-source').textContent()).toBe(
			'Suggested from column “Shipping Country”: most lines are from United Kingdom, whose currency is GBP. Change it above if the prices are in another currency.',
		);
	});
});
