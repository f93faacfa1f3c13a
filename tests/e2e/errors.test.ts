// E2E: files that can't be used as-is get a specific, readable message: binary junk is refused with
// an error, and a GBK-encoded (Chinese Windows) CSV is recognised as GBK and decoded correctly.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import { GBK_CSV, MALFORMED_CSV } from './pages/fixtures';

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
			expect(message).toMatch(/malformed-sales\.csv looks like .*not a sales table/i);
		} else {
			// The worker may stage it but must flag it as an error that blocks the import.
			const errors = page.locator('[data-testid="issue"].issue-error');
			expect(await errors.count()).toBeGreaterThan(0);
			expect(await errors.first().textContent()).toMatch(/not a sales table/i);
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

	it('stays on the app origin', () => {
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
