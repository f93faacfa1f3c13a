// E2E: the Customers screen on the demo data in Chromium — segments with their export, the chosen
// recommender and a "for this customer" list with reasons, a risk flag marked OK that stays marked after
// a reload (IndexedDB), a backup restored after the dataset was deleted, and the screen in Chinese.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

describe('customers: segments, recommendations, risk', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
		await app.tryDemo();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('shows RFM segments of the demo customers, each exportable for a campaign', async () => {
		const page = session.page;
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('segment-table').waitFor({ timeout: SLOW_MS });
		const rows = page.locator('[data-testid="segment-table"] tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(5);
		// Every customer is in exactly one segment: the counts add up to the demo's 4,000-odd customers.
		const counts = await page
			.locator('[data-testid="segment-table"] tbody tr td:nth-child(2)')
			.allInnerTexts();
		const total = counts.map((c) => Number(c.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(3000);
		expect(total).toBeLessThan(5000);
		const download = page.waitForEvent('download');
		await page.getByTestId('segment-export-champions').click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('trendcast-segment-champions.csv');
		const text = await (await file.createReadStream()).toArray();
		const csv = Buffer.concat(text).toString('utf8');
		expect(csv.split('\n')[0]).toBe('customer_id,segment,recency_days,orders,monetary,r,f,m');
		expect(csv.split('\n').filter((l) => l.includes(',champions,')).length).toBeGreaterThan(50);
	});

	it('chooses a recommender by backtest and explains a customer list', async () => {
		const page = session.page;
		await page.getByTestId('customers-tab-recommend').click();
		await expect.poll(() => page.getByTestId('rec-chosen').count()).toBe(1);
		await page.getByTestId('rec-customer-input').fill('17850');
		await page.getByTestId('rec-customer-go').click();
		const items = page.locator('[data-testid="rec-customer-list"] li');
		await items.first().waitFor();
		expect(await items.count()).toBe(10);
		expect(await items.first().innerText()).toMatch(/Bought it|bought|customers|order/);
		await page.getByTestId('rec-customer-input').fill('no-such-customer');
		await page.getByTestId('rec-customer-go').click();
		await page.getByTestId('rec-customer-list-unknown').waitFor();
		// "For this product": the demo's best seller gets a list with reasons, twice (the model is kept).
		for (let i = 0; i < 2; i++) {
			await page.getByTestId('rec-product-input').fill('85123A');
			await page.getByTestId('rec-product-go').click();
			const similar = page.locator('[data-testid="rec-product-list"] li');
			await similar.first().waitFor();
			expect(await similar.count()).toBeGreaterThan(0);
			expect(await similar.first().innerText()).not.toContain('85123A)');
		}
	});

	it('keeps a flag marked OK after a reload', async () => {
		const page = session.page;
		await page.getByTestId('customers-tab-risk').click();
		const first = page.locator('[data-testid="risk-table"] tbody tr').first();
		await first.waitFor();
		const flagId = await first.getAttribute('data-flag');
		expect(flagId).toBeTruthy();
		await first.getByTestId('risk-mark-ok').click();
		// Marked flags leave the list unless asked for.
		await expect.poll(() => page.locator(`tr[data-flag="${flagId}"]`).count()).toBe(0);

		await app.reload();
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('customers-tab-risk').click({ timeout: SLOW_MS });
		await page.getByTestId('risk-table').waitFor();
		expect(await page.locator(`tr[data-flag="${flagId}"]`).count()).toBe(0);
		await page.getByTestId('risk-show-ok').check();
		const row = page.locator(`tr[data-flag="${flagId}"]`);
		await row.waitFor();
		expect(await row.innerText()).toMatch(/Checked: OK/);
	});

	it('backs everything up, and restores it after the dataset was deleted', async () => {
		const page = session.page;
		await app.goTo('settings');
		const download = page.waitForEvent('download');
		await page.getByTestId('backup-download').click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^trendcast-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const path = join(mkdtempSync(join(tmpdir(), 'tc-backup-')), file.suggestedFilename());
		await file.saveAs(path);
		expect(statSync(path).size).toBeGreaterThan(1_000_000);

		const name = await page.getByTestId('dataset-name').first().innerText();
		await page.getByTestId('delete-dataset').first().click();
		await page.getByTestId('confirm-delete').click();
		await page.getByTestId('no-datasets').waitFor();

		// A file that is not a backup is refused and changes nothing.
		const bogus = join(mkdtempSync(join(tmpdir(), 'tc-bogus-')), 'notes.json');
		writeFileSync(bogus, '{"hello": 1}');
		await page.getByTestId('backup-restore-file').setInputFiles(bogus);
		await page.getByTestId('backup-restore-yes').click();
		expect(await page.getByTestId('backup-error').innerText()).toMatch(/not a Trendcast backup/);

		await page.getByTestId('backup-restore-file').setInputFiles(path);
		await page.getByTestId('backup-restore-yes').click();
		await page.getByTestId('backup-done').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('backup-done').innerText()).toMatch(/Restored 1 dataset/);
		await expect.poll(() => page.getByTestId('dataset-name').first().innerText()).toBe(name);
		// The restored dataset opens: its products are listed again.
		await app.goTo('explore');
		await page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
	});

	it('reads in Chinese and never left the origin', async () => {
		const page = session.page;
		await app.open('?lang=zh-CN&view=customers');
		await page.getByTestId('customers-tab-segments').click({ timeout: SLOW_MS });
		await page.getByTestId('segment-table').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('segment-table').innerText()).toMatch(/核心顾客|忠实顾客/);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
