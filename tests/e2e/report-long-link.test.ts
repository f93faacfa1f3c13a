// E2E for the report link's size limit (issue #16): a shop whose top products have long names that do
// not compress (random Chinese characters) makes a report whose link would be longer than chat apps
// take; the Report screen says so, offers the report as a file instead, and that file opens the same
// report read-only in another browser profile.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

/** `n` characters from the CJK block, from a seeded generator (the same file every run). */
function noise(seed: number, n: number): string {
	let s = seed >>> 0;
	let out = '';
	for (let i = 0; i < n; i++) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		out += String.fromCodePoint(0x4e00 + (s % 20_000));
	}
	return out;
}

describe('report: a link too long for chat apps falls back to a file', () => {
	const baseUrl = inject('baseUrl');
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-longlink-'));
	let owner: Session;
	let friend: Session;
	let app: AppPage;

	beforeAll(async () => {
		[owner, friend] = await Promise.all([launchSession(), launchSession()]);
		app = new AppPage(owner.page, baseUrl);
		await app.open();
	});

	afterAll(async () => {
		await owner?.close();
		await friend?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('says the link is too long, offers the file, and the file opens the same report', async () => {
		// 12 products, each with a 380-character name, sold over 10 weeks.
		const lines = ['date,product_id,description,quantity,price'];
		for (let p = 0; p < 12; p++)
			for (let w = 0; w < 10; w++) {
				const day = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
				lines.push(`${day},P${p},${noise(p + 1, 380)},${1 + ((p + w) % 5)},${10 + p}.00`);
			}
		const file = join(dir, 'long-names.csv');
		writeFileSync(file, `${lines.join('\n')}\n`);
		await app.startNewImport();
		expect(await app.pickFile(file)).toBe('mapping');
		await app.confirmImport();
		await app.exploreSales();

		const page = owner.page;
		await page.getByTestId('nav-report').click();
		await page.getByTestId('report-doc').waitFor({ timeout: SLOW_MS });
		await page.getByTestId('report-title').fill('Long names 长名称');
		const top = page.locator('[data-testid="report-section"][data-id="top_products"]');
		const names = await top
			.getByTestId('report-table')
			.locator('tbody tr td:nth-child(2)')
			.allInnerTexts();
		expect(names).toHaveLength(10);
		expect(names[0]).toHaveLength(380);

		await page.getByTestId('report-make-link').click();
		const warning = page.getByTestId('report-link-too-long');
		await warning.waitFor({ timeout: SLOW_MS });
		const said = await warning.innerText();
		const m = /([\d,]+) characters/.exec(said);
		expect(m, said).not.toBeNull();
		expect(Number(m![1].replace(/,/g, ''))).toBeGreaterThan(8000);
		expect(said).toContain('8,000');
		// No link to copy: only the file.
		expect(await page.getByTestId('report-link').count()).toBe(0);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			warning.getByTestId('report-file').click(),
		]);
		expect(download.suggestedFilename()).toMatch(/\.trendcast-report$/);
		const saved = (await download.path())!;

		const other = new AppPage(friend.page, baseUrl);
		await other.open();
		await friend.page.getByTestId('nav-report').click();
		await friend.page.getByTestId('report-open-file').setInputFiles(saved);
		await friend.page.getByTestId('shared-report').waitFor({ timeout: SLOW_MS });
		expect(await friend.page.getByTestId('report-doc-title').innerText()).toBe('Long names 长名称');
		const opened = friend.page.locator('[data-testid="report-section"][data-id="top_products"]');
		expect(
			await opened.getByTestId('report-table').locator('tbody tr td:nth-child(2)').allInnerTexts(),
		).toEqual(names);
		expect(foreignRequests(owner.requests, baseUrl)).toEqual([]);
		expect(foreignRequests(friend.requests, baseUrl)).toEqual([]);
		expect(owner.pageErrors).toEqual([]);
		expect(friend.pageErrors).toEqual([]);
	});
});
