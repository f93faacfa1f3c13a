// E2E for two import paths (issue #9 items 10 and 5): a slice of the real VISUELLE train.csv (one column
// per week after release) is unpivoted into weekly rows and imported; and a second export added to a
// stored dataset keeps only the rows not stored yet, giving the same sales as one import of both.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_MS, type AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import type { Session } from './pages/browser';

const VISUELLE = fileURLToPath(new URL('../fixtures/visuelle-slice.csv', import.meta.url));
const DEMO = fileURLToPath(new URL('../../public/demo/online-retail.csv.gz', import.meta.url));

describe('wide layouts and adding to a dataset', () => {
	let session: Session;
	let app: AppPage;
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-layouts-'));

	beforeAll(async () => {
		({ session, app } = await openAppSession());
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const issue = (code: string) =>
		session.page.locator(`[data-testid="issue"][data-code="${code}"]`);

	it('unpivots VISUELLE’s week columns 0…11 from the release date and imports one row per week', async () => {
		const rows = readFileSync(VISUELLE, 'utf8').trimEnd().split('\n').slice(1);
		// Weeks with a value ≥ 0 are sales (VISUELLE has a negative week: a return).
		const sales = rows.flatMap((r) => r.split(',').slice(0, 12)).filter((v) => Number(v) >= 0);
		await app.startNewImport();
		expect(await app.pickFile(VISUELLE)).toBe('mapping');
		expect(await issue('wide-unpivoted').textContent()).toMatch(
			/one column per week after release \(0 … 11, 12 columns\).*“release_date”/s,
		);
		expect(await app.roleOf('Period start')).toBe('date');
		expect(await app.roleOf('Units')).toBe('quantity');
		expect(await app.roleOf('external_code')).toBe('product');
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(sales.length);
		await app.exploreSales();
		expect(await session.page.getByTestId('product-row').count()).toBeGreaterThan(0);
	});

	it('adds a second export to a stored dataset without counting the overlap twice', async () => {
		const lines = gunzipSync(readFileSync(DEMO)).toString('utf8').split('\n').slice(0, 4001);
		const part = (name: string, from: number, to: number) => {
			const path = join(dir, name);
			writeFileSync(path, [lines[0], ...lines.slice(from, to)].join('\n') + '\n');
			return path;
		};
		const importAs = async (path: string, name: string) => {
			await app.startNewImport();
			expect(await app.pickFile(path)).toBe('mapping');
			await session.page.getByTestId('dataset-name-input').fill(name);
			await app.confirmImport();
		};
		const totalUnits = async () => {
			await app.goTo('explore');
			await session.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
			return session.page.getByTestId('total-units').textContent();
		};
		// The whole period in one file, for reference.
		await importAs(part('all.csv', 1, 4001), 'All at once');
		const wholeUnits = await totalUnits();
		// The first part, then the second (overlapping by 1,000 lines) added to it.
		await importAs(part('jan.csv', 1, 2501), 'Shop');
		const firstUnits = await totalUnits();
		await app.startNewImport();
		expect(await app.pickFile(part('feb.csv', 1501, 4001))).toBe('mapping');
		// the same columns as "Shop" (the newest such dataset): offered, not chosen for the owner (walk13)
		expect(await session.page.getByTestId('append-target').inputValue()).toBe('');
		await session.page.getByTestId('append-suggestion-yes').click();
		expect(await session.page.getByTestId('append-suggestion').count()).toBe(0);
		expect(
			await session.page.getByTestId('append-target').locator('option:checked').textContent(),
		).toBe('“Shop” (remove rows already stored)');
		await app.confirmImport();
		expect(await issue('import_append_summary').textContent()).toMatch(
			/Added to “Shop”: [\d,]+ new rows; [\d,]+ rows were already stored and skipped \(the file and the stored data overlap from \d{1,2} [A-Z][a-z]{2} 20\d\d to \d{1,2} [A-Z][a-z]{2} 20\d\d\)/,
		);
		// the days already stored have their own figure, apart from the file's duplicates (walk13)
		expect(
			Number((await session.page.getByTestId('already-stored').textContent())?.replace(/\D/g, '')),
		).toBeGreaterThan(900);
		expect(
			await session.page.getByTestId('import-done').getByRole('heading').first().textContent(),
		).toBe('Added to “Shop”');
		await expect.poll(totalUnits, { timeout: SLOW_MS }).toBe(wholeUnits);
		expect(wholeUnits).not.toBe(firstUnits);
		// Still one "Shop", and it survives a reload with the merged sales.
		await app.goTo('settings');
		const names = await session.page.getByTestId('dataset-name').allTextContents();
		expect(names.filter((n) => n === 'Shop')).toHaveLength(1);
		// A dataset that now holds two exports can be named for what it is (it keeps the first name).
		const page = session.page;
		const shop = page.getByTestId('dataset-item').filter({ hasText: 'Shop' });
		await shop.getByTestId('rename-dataset').click();
		const input = shop.getByTestId('rename-input');
		expect(await input.inputValue()).toBe('Shop');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
			'rename-input',
		);
		await input.fill('   ');
		await input.press('Enter');
		expect(await shop.getByTestId('rename-error').innerText()).toBe(
			'A dataset name needs at least 1 character and at most 120 characters.',
		);
		await input.fill('Shop, Jan–Feb');
		await input.press('Enter');
		await expect
			.poll(() => page.getByTestId('dataset-name').allTextContents())
			.toContain('Shop, Jan–Feb');
		await app.reload();
		expect(await totalUnits()).toBe(wholeUnits);
		await app.goTo('settings');
		expect(await page.getByTestId('dataset-name').allTextContents()).toContain('Shop, Jan–Feb');
	});
});
