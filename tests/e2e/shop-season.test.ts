// E2E (issue #11) as the owner of a shop with three years of sales and a coat launched this spring:
// the coat's forecast starts at its first sale and borrows its category's November peak, and the
// Forecast screen says so in words, in English and in Chinese; the shop's holiday and festival
// calendar follows its country (China: 双十一, 618, the official holidays) and can be edited.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_MS, type AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import type { Session } from './pages/browser';
import { shopCsv } from '../fixtures/shop-season/shop';

describe('a new product’s yearly peak, and the shop calendar', () => {
	let session: Session;
	let app: AppPage;
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-season-'));

	beforeAll(async () => {
		({ session, app } = await openAppSession());
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('forecasts a coat launched this spring with its category’s peak and says where it came from', async () => {
		const page = session.page;
		const file = join(dir, 'shop.csv');
		writeFileSync(file, shopCsv());
		await app.startNewImport();
		expect(await app.pickFile(file)).toBe('mapping');
		expect(await app.roleOf('Category')).toBe('category');
		await app.confirmImport();
		await app.goTo('forecast');
		await app.pickForecastProduct('COAT-NEW', 'COAT-NEW');
		await app.makeForecast();
		const said = (await page.getByRole('status').allTextContents()).join('\n') + '\n';
		// from its first sale, not from the data's first week (110 weeks of zeros before it)
		expect(said).toMatch(/first sale is 110 periods into the data/);
		expect(said).toContain(
			'The yearly peak is borrowed from its category, Coats, which has two years of history',
		);
		expect(await page.getByTestId('chosen-model').getAttribute('data-model')).toMatch(/~season/);
		// the same words in Chinese after the language switch
		await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
		await expect
			.poll(async () => (await page.getByRole('status').allTextContents()).join('\n'))
			.toContain('年度高峰借自它所属的品类“Coats”');
		await page.getByRole('combobox', { name: '语言' }).selectOption('en');
	});

	it('takes the calendar from the shop’s country, and the shop edits it', async () => {
		const page = session.page;
		await app.goTo('settings');
		await page.getByTestId('calendar-country').selectOption('CN');
		const upcoming = page.getByTestId('calendar-upcoming');
		await page.getByText('Built-in days this year and next').click();
		await expect.poll(() => upcoming.textContent(), { timeout: SLOW_MS }).toMatch(/Singles’ Day/);
		const days = await upcoming.locator('li').allTextContents();
		for (const name of [/Singles’ Day/, /618/, /Double 12/, /520/, /Qixi/, /Spring Festival/])
			expect(
				days.some((d) => name.test(d)),
				String(name),
			).toBe(true);
		// a make-up working day (调休) of China's official calendar is there as a day of its own
		expect(days.some((d) => /Make-up working days/.test(d))).toBe(true);
		// take out one built-in day, add the shop's own
		const first = upcoming.locator('li').filter({ hasText: /618/ }).first();
		const removedText = (await first.textContent())!.replace(/\s*Remove\s*$/, '').trim();
		await first.getByRole('button').click();
		expect(await page.getByTestId('calendar-removed').textContent()).toContain(removedText);
		await page.getByTestId('calendar-name').fill('Shop anniversary');
		await page.getByTestId('calendar-date').fill('2023-10-20');
		await page.getByTestId('calendar-add').click();
		expect(await page.getByTestId('calendar-added').textContent()).toMatch(
			/(20 Oct 2023|Oct 20, 2023) · Shop anniversary/,
		);
		// kept for the next visit
		await app.reload();
		await app.goTo('settings');
		expect(await page.getByTestId('calendar-country').inputValue()).toBe('CN');
		expect(await page.getByTestId('calendar-added').textContent()).toContain('Shop anniversary');
		expect(await page.getByTestId('calendar-removed').textContent()).toContain(removedText);
	});
});
