// E2E: the import rules a shop owner sees. A date column chosen by hand after a "no date column"
// error enables Import; refunded orders and shipping lines are left out (and can be counted back); two tabs pressing "Try with demo data" store it once and each tab's list
// follows the other's changes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import { shopifyOrders } from '../unit/data/shopify-orders';

/** Writes a small CSV to a temp dir and returns its path. */
function tempCsv(name: string, lines: string[]): string {
	const path = join(mkdtempSync(join(tmpdir(), 'trendcast-rules-')), name);
	writeFileSync(path, `${lines.join('\n')}\n`);
	return path;
}

describe('import rules', () => {
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

	it('two tabs trying the demo at once store it once, and each list follows the other tab', async () => {
		const other = new AppPage(await session.context.newPage(), baseUrl);
		await other.open();
		await Promise.all([
			app.page.getByTestId('demo-button').click(),
			other.page.getByTestId('demo-button').click(),
		]);
		for (const tab of [app, other])
			await tab.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
		for (const tab of [app, other]) {
			await tab.goTo('import');
			await expect.poll(() => tab.page.getByTestId('dataset-item').count()).toBe(1);
		}
		// Deleting in one tab empties the other tab's list without a reload.
		await other.page.getByTestId('delete-dataset').click();
		await other.page.getByTestId('confirm-delete').click();
		await expect.poll(() => other.page.getByTestId('dataset-item').count()).toBe(0);
		await expect.poll(() => app.page.getByTestId('dataset-item').count()).toBe(0);
		await other.page.close();
	});

	it('enables Import once the date column is chosen by hand (Unix timestamps)', async () => {
		const csv = tempCsv('till.csv', [
			'when,sku,qty',
			'1295308800,SCARF,2',
			'1295395200,SCARF,3',
			'1295913600,HAT,1',
			'1296518400,SCARF,4',
		]);
		await app.startNewImport();
		expect(await app.pickFile(csv)).toBe('mapping');
		const page = session.page;
		await expect
			.poll(() => page.locator('[data-testid="issue"][data-code="no-date-column"]').count())
			.toBe(1);
		expect(await page.getByTestId('confirm-import').isDisabled()).toBe(true);
		await app.setRole('when', 'date');
		await expect
			.poll(() => page.locator('[data-testid="issue"][data-code="no-date-column"]').count())
			.toBe(0);
		await expect.poll(() => page.getByTestId('confirm-import').isEnabled()).toBe(true);
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(4);
	});

	it('leaves refunded orders and shipping lines out of a Shopify export, and counts them back on request', async () => {
		const { csv, expected: e } = shopifyOrders(120);
		const path = tempCsv('orders_export.csv', csv.trimEnd().split('\n'));
		await app.startNewImport();
		expect(await app.pickFile(path)).toBe('mapping');
		expect(await app.roleOf('Financial Status')).toBe('status');
		await app.confirmImport();
		const page = session.page;
		expect(await app.rowsImported()).toBe(e.soldLines);
		const excluded = page.locator('[data-testid="issue"][data-code="import_status_excluded"]');
		await expect
			.poll(() => excluded.textContent())
			.toContain(`${e.excludedOrders} refunded, cancelled or failed orders`);
		expect(await page.getByTestId('non-product-row').count()).toBe(1);
		// the shipping lines' revenue in the dataset's money, as the report above it (walk14: "1,850")
		expect(await page.getByTestId('non-product-revenue').textContent()).toMatch(/^\s*[£$€]\d/);
		await page.getByTestId('non-product-include').check();
		await page.getByTestId('non-product-apply').click();
		await expect.poll(() => app.rowsImported()).toBe(e.soldLines + e.shippingLines);
		await page.getByTestId('non-product-include').uncheck();
		await page.getByTestId('non-product-apply').click();
		await expect.poll(() => app.rowsImported()).toBe(e.soldLines);
		await app.exploreSales();
		const ids = await page
			.getByTestId('product-pick')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-product')));
		expect(ids).toHaveLength(5);
		expect(ids).not.toContain('(blank)');
	});

	it('stays on the app origin', () => {
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});
});
