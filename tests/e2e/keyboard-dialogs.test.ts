// E2E (issue #16): the import and the app's dialogs from the keyboard alone, in a fresh profile. The
// file is chosen with setInputFiles (the OS file chooser is outside the page); from then on only keys:
// the column → role pickers are reached with Tab, a mapping is corrected with the arrow keys and
// type-ahead, the import is confirmed with Enter. The app's dialogs are inline confirmations (delete a
// dataset, restore a backup): the focus moves into them, Escape closes them and gives the focus back to
// the control that opened them, and a confirmed delete leaves the focus on the list, not lost.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';
import { focused, openByKeyboard, tabTo, tabUntil } from './pages/keys';

const CSV = [
	'Date,SKU,Pieces,Price',
	...Array.from({ length: 30 }, (_, i) => {
		const d = new Date(Date.UTC(2024, 0, 1 + i * 7)).toISOString().slice(0, 10);
		return [`${d},TEE-01,${10 + (i % 5)},12.5`, `${d},CAP-02,${3 + (i % 3)},8`].join('\n');
	}),
].join('\n');

describe('keyboard only: import and dialogs', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let file: string;

	beforeAll(async () => {
		session = await launchSession();
		await new AppPage(session.page, baseUrl).open();
		file = join(tmpdir(), `kbd-sales-${Date.now()}.csv`);
		writeFileSync(file, CSV + '\n');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('maps, corrects and confirms an import with Tab, arrows, typing and Enter', async () => {
		const page = session.page;
		await openByKeyboard(page, 'import');
		await page.getByTestId('file-input').setInputFiles(file);
		await page.getByTestId('mapping-table').waitFor({ timeout: SLOW_MS });
		const role = (column: string) =>
			page.locator(`[data-testid="role-select"][data-column="${column}"]`).inputValue();
		/** Up the focused picker's list to "not used". */
		const unset = async (column: string) => {
			for (let i = 0; i < 15 && (await role(column)) !== ''; i++)
				await page.keyboard.press('ArrowUp');
			expect(await role(column)).toBe('');
		};
		// every role picker is a Tab stop with a name and a focus ring
		await openByKeyboard(page, 'import');
		for (const column of ['Date', 'SKU', 'Pieces', 'Price']) {
			const f = await tabUntil(page, column, (x) => x.column === column);
			expect(f.testid).toBe('role-select');
			expect(f.ring).toBe(true);
			expect(
				await page
					.locator(`[data-testid="role-select"][data-column="${column}"]`)
					.getAttribute('aria-label'),
			).toContain(column);
		}
		// the refund and discount roles are offered (refund15)
		expect(
			await page
				.locator('[data-testid="role-select"][data-column="Price"] option')
				.allTextContents(),
		).toEqual(
			expect.arrayContaining([
				'Units refunded later',
				'Amount refunded (line)',
				'Discount (line)',
				'Discount (whole order)',
			]),
		);
		// the date unmapped with the arrows: the import is refused until it is mapped again
		await tabUntil(page, 'Date', (x) => x.column === 'Date', { back: true });
		expect(await role('Date')).toBe('date');
		await unset('Date');
		await page.getByTestId('mapping-missing').waitFor();
		expect(await page.getByTestId('confirm-import').isDisabled()).toBe(true);
		// corrected by type-ahead: "D" → "Date of sale"
		await page.keyboard.type('D');
		await expect.poll(() => role('Date')).toBe('date');
		await page.getByTestId('mapping-missing').waitFor({ state: 'detached' });
		// "Pieces" walked up the whole list with the arrows, then "Quantity sold" by type-ahead: passing
		// over "Product code" and "Date of sale" on the way must not take them from SKU and Date
		const sku = await role('SKU');
		expect(sku).toBe('product');
		await tabUntil(page, 'Pieces', (x) => x.column === 'Pieces');
		await unset('Pieces');
		await page.keyboard.type('Q');
		await expect.poll(() => role('Pieces')).toBe('quantity');
		expect(await role('Date')).toBe('date');
		expect(await role('SKU')).toBe(sku);
		await tabTo(page, 'confirm-import');
		await page.keyboard.press('Enter');
		await page.getByTestId('import-report').waitFor({ timeout: SLOW_MS });
		expect(
			Number(((await page.getByTestId('rows-imported').textContent()) ?? '').replace(/\D/g, '')),
		).toBe(60);
	});

	it('delete asks inline: focus moves in, Escape keeps the data and gives the focus back', async () => {
		const page = session.page;
		await openByKeyboard(page, 'import');
		await tabTo(page, 'delete-dataset', 200);
		await page.keyboard.press('Enter');
		await page.getByTestId('delete-confirm').waitFor();
		// it says what goes with the data (models, marks, promotions) and what stays (stock)
		expect(await page.getByTestId('delete-what').textContent()).toMatch(/models.*stock counts/);
		// the focus is in the question, on the safe answer
		expect((await focused(page)).testid).toBe('keep-dataset');
		await page.keyboard.press('Escape');
		await page.getByTestId('delete-confirm').waitFor({ state: 'detached' });
		await expect.poll(async () => (await focused(page)).testid).toBe('delete-dataset');
		expect(await page.getByTestId('dataset-item').count()).toBe(1);
		// "Keep" with Enter also returns the focus
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await focused(page)).testid).toBe('keep-dataset');
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await focused(page)).testid).toBe('delete-dataset');
		// confirmed with Shift+Tab to "Delete" and Enter: the data goes, the focus stays on the list
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await focused(page)).testid).toBe('keep-dataset');
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page)).testid).toBe('confirm-delete');
		await page.keyboard.press('Enter');
		await page.getByTestId('no-datasets').waitFor({ timeout: SLOW_MS });
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.classList.contains('datasets')))
			.toBe(true);
	});

	it('restore asks inline: focus moves in, Escape cancels and returns to the file button', async () => {
		const page = session.page;
		// in Chinese, switched from the keyboard
		await tabTo(page, 'lang-select', 200);
		if ((await page.getByTestId('lang-select').inputValue()) !== 'zh-CN')
			await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		await openByKeyboard(page, 'settings');
		const backup = join(tmpdir(), `kbd-backup-${Date.now()}.json`);
		writeFileSync(backup, '{}');
		// our button, in Chinese (the browser's own file button said "Choose File" in an English browser)
		await tabTo(page, 'backup-restore-pick', 200);
		expect(await page.getByTestId('backup-restore-pick').textContent()).toBe('从备份文件恢复');
		await page.getByTestId('backup-restore-file').setInputFiles(backup);
		await page.getByTestId('backup-confirm').waitFor();
		expect((await focused(page)).testid).toBe('backup-restore-cancel');
		expect(await page.getByTestId('backup-restore-cancel').textContent()).toContain('取消');
		await page.keyboard.press('Escape');
		await page.getByTestId('backup-confirm').waitFor({ state: 'detached' });
		await expect.poll(async () => (await focused(page)).testid).toBe('backup-restore-pick');
		expect(session.pageErrors).toEqual([]);
	});
});
