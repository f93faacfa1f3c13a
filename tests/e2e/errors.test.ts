// E2E: files that can't be used as-is get a specific, readable message (binary junk is refused; a
// GBK-encoded CSV is recognised and decoded), ambiguous dates are asked about, HTML in names stays
// text, and Cancel stops a long import.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import {
	AMBIGUOUS_DATES_CSV,
	GBK_CSV,
	HTML_NAMES_CSV,
	MALFORMED_CSV,
	SPIKE_CSV,
	retailFull,
} from './pages/fixtures';

describe('problem files', () => {
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

	it('explains why a malformed file cannot be imported', async () => {
		const outcome = await app.pickFile(MALFORMED_CSV);
		const page = session.page;
		if (outcome === 'error') {
			const message = (await page.getByTestId('import-error-message').textContent()) ?? '';
			expect(message).toMatch(/malformed-sales\.csv looks like .*not a data table/i);
		} else {
			// The worker may stage it but must flag it as an error that blocks the import.
			const errors = page.locator('[data-testid="issue"].issue-error');
			expect(await errors.count()).toBeGreaterThan(0);
			expect(await errors.first().textContent()).toMatch(/not a data table/i);
			expect(await page.getByTestId('confirm-import').isDisabled()).toBe(true);
		}
		// The screen is not blank: the picker is still there to try another file.
		await page.getByTestId('nav-import').click();
		expect(await page.getByRole('heading', { name: 'Trendcast' }).isVisible()).toBe(true);
	});

	it('recognises a GBK-encoded CSV and shows its Chinese text correctly', async () => {
		const page = session.page;
		if (await page.getByTestId('mapping-table').isVisible()) {
			await page.getByRole('button', { name: 'Choose another file' }).click();
		}
		expect(await app.pickFile(GBK_CSV)).toBe('mapping');
		expect(await page.getByTestId('preview-summary').textContent()).toMatch(/GBK|GB18030|GB2312/i);
		const table = (await page.getByTestId('mapping-table').textContent()) ?? '';
		expect(table).toContain('商品名称');
		expect(table).toContain('羊毛围巾');
		expect(table).not.toContain('\uFFFD');
		expect(await app.roleOf('日期')).toBe('date');
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(10);
	});

	it('points out a one-off week and forecasts without it on request', async () => {
		const page = session.page;
		await app.startNewImport();
		expect(await app.pickFile(SPIKE_CSV)).toBe('mapping');
		await app.confirmImport();
		await app.exploreSales();
		await app.goTo('forecast');
		await app.pickForecastProduct('scarf', 'SCARF-01');
		await app.makeForecast();
		const note = page.getByTestId('outlier-note');
		await note.waitFor();
		expect(await note.textContent()).toMatch(
			/Week of 25 Mar 2024: 5,000, where about \d+ would be usual/,
		);
		const upper = async () =>
			Number(
				(
					(await page.getByTestId('forecast-table').locator('tbody tr td').nth(2).textContent()) ??
					''
				)
					.split('–')
					.pop()!
					.replace(/[^\d.]/g, ''),
			);
		const before = await upper();
		await page.getByTestId('outlier-toggle').click();
		await expect.poll(() => note.textContent(), { timeout: 60_000 }).toMatch(/Treated as one-offs/);
		// without the spike the likely range of the first week is far narrower
		expect(await upper()).toBeLessThan(before / 3);
	});

	it('shows HTML in product names as plain text', async () => {
		const page = session.page;
		await app.startNewImport();
		expect(await app.pickFile(HTML_NAMES_CSV)).toBe('mapping');
		await app.setRole('SKU', 'product');
		await app.setRole('Product', 'description');
		expect(await app.roleOf('Product')).toBe('description');
		await app.confirmImport();
		await app.exploreSales();
		const table = (await page.getByTestId('product-table').textContent()) ?? '';
		expect(table).toContain('<b>Bold</b> Belt');
		expect(table).toContain('<img src=x onerror="window.__xss=1">Scarf');
		expect(
			await page
				.locator('[data-testid="product-table"] img, [data-testid="product-table"] b')
				.count(),
		).toBe(0);
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
		).toBeUndefined();
	});

	it('asks whether dates are day-first or month-first, and uses the answer', async () => {
		const page = session.page;
		await app.startNewImport();
		expect(await app.pickFile(AMBIGUOUS_DATES_CSV)).toBe('mapping');
		const choice = page.getByTestId('date-order');
		await choice.waitFor();
		expect(await choice.textContent()).toMatch(/03\/01\/2024 is 3 January 2024/);
		expect(await choice.textContent()).toMatch(/03\/01\/2024 is 1 March 2024/);
		await page.getByTestId('date-mdy').check();
		await app.confirmImport();
		const item = page.getByTestId('dataset-item').filter({ hasText: 'ambiguous-dates' });
		expect(await item.textContent()).toMatch(/1 Mar 2024 – 4 Oct 2024/);
	});

	it('cancels a long import and can import again afterwards', async () => {
		const page = session.page;
		const big = retailFull();
		await app.startNewImport();
		await page.getByTestId('file-input').setInputFiles(big);
		await page.getByTestId('import-progress').waitFor();
		await page.getByTestId('cancel-button').click();
		// Back at the picker, with no error: the data worker was stopped and is started afresh.
		await page.getByTestId('file-drop').waitFor();
		expect(await page.getByTestId('import-progress').count()).toBe(0);
		expect(await page.getByTestId('import-error').count()).toBe(0);
		expect(await app.pickFile(GBK_CSV)).toBe('mapping');
	});

	it('stays on the app origin', () => {
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
