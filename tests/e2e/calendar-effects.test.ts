// E2E (issue #11 audit) as a US shop with store-weeks like Walmart's (store, date, weekly sales: no
// units column): the Forecast screen measures every holiday of its calendar with a range, Thanksgiving
// included (in Sunday weeks, which the owner picks in Settings: week16), a day the shop adds in
// Settings reaches the forecast, and the forecast is of the sales
// amount (without units every line counted as one unit: "1 unit a week"). Before, the sales amount ÷ one
// "unit" per line became a price regressor equal to the sales, which took every holiday's effect
// ("+0% (±0%)"), and only the four calendar columns the forecast used were measured at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import type { Session } from './pages/browser';

const DAY = 86_400_000;
/** Fridays from 5 Feb 2010 to 27 Jul 2012 (130 weeks), as Walmart's store-weeks. */
function storeWeeks(): string {
	const lines = ['Store,Date,Weekly_Sales'];
	const lift: Record<string, number> = {
		'2010-11-26': 1.5, // Thanksgiving's week
		'2011-11-25': 1.5,
		'2010-06-18': 1.8, // the shop's anniversary sale
		'2011-06-17': 1.8,
	};
	for (let w = 0; w < 130; w++) {
		const d = new Date(Date.UTC(2010, 1, 5) + w * 7 * DAY).toISOString().slice(0, 10);
		const v = 1_600_000 * (lift[d] ?? 1) + 30_000 * Math.sin(w * 1.7);
		lines.push(`1,${d},${v.toFixed(2)}`);
	}
	return lines.join('\n') + '\n';
}

describe('holiday effects of a US shop’s store-weeks', () => {
	let session: Session;
	let app: AppPage;
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-calendar-'));

	beforeAll(async () => {
		({ session, app } = await openAppSession());
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('measures each holiday with a range, and uses a day the shop added', async () => {
		const page = session.page;
		const file = join(dir, 'store-weeks.csv');
		writeFileSync(file, storeWeeks());
		await app.startNewImport();
		expect(await app.pickFile(file)).toBe('mapping');
		await app.setRole('Store', 'product');
		await app.setRole('Weekly_Sales', 'revenue');
		await app.confirmImport();
		await app.goTo('settings');
		await page.getByTestId('calendar-country').selectOption('US');
		// imported in an en-GB browser (GBP: the UK's Monday weeks), the dataset keeps its weeks until
		// the owner changes them; the card says a US shop's weeks start on Sunday, and the owner switches
		const weekStart = page.getByTestId('calendar-week-start');
		expect(await weekStart.inputValue()).toBe('1');
		expect(await page.getByTestId('calendar-week-start-note').textContent()).toMatch(
			/United States usually start their weeks on Sunday/,
		);
		await weekStart.selectOption('0');
		await expect.poll(() => weekStart.inputValue()).toBe('0');
		for (const date of ['2010-06-18', '2011-06-17']) {
			await page.getByTestId('calendar-name').fill('Anniversary sale');
			await page.getByTestId('calendar-date').fill(date);
			await page.getByTestId('calendar-add').click();
		}
		await app.goTo('forecast');
		await app.pickForecastProduct('1', '1');
		// no units column: the forecast is of the sales amount (each line would be "1 unit")
		expect(
			await page
				.getByRole('radiogroup', { name: 'Measure' })
				.getByRole('radio', { name: 'Revenue' })
				.isChecked(),
		).toBe(true);
		await app.makeForecast();
		const card = page.getByTestId('calendar-effects');
		await card.waitFor();
		// the forecast's weeks start on Sunday: the readout of its last week names a Sunday
		const slider = page.getByTestId('forecast-chart').getByRole('slider');
		await slider.focus();
		await page.keyboard.press('End');
		const said = (await slider.getAttribute('aria-valuetext')) ?? '';
		const week = /^Week of (.+?):/.exec(said)?.[1] ?? '';
		expect(new Date(Date.parse(`${week} UTC`)).getUTCDay(), said).toBe(0);
		const lines = await card.locator('li').allTextContents();
		const effect = (name: RegExp): number => {
			const line = lines.find((l) => name.test(l));
			expect(line, `${name} in ${lines.join(' | ')}`).toBeDefined();
			const m = /: ([+-−]?\d+)% \(±(\d+)%\)$/.exec(line!.trim());
			expect(m, line).not.toBeNull();
			return Number(m![1].replace('−', '-'));
		};
		// a price equal to the sales took every effect: "+0% (±0%)" for every holiday
		expect(lines.some((l) => !/: [+-]?0% \(±0%\)$/.test(l.trim()))).toBe(true);
		expect(effect(/^Thanksgiving Day/)).toBeGreaterThan(30);
		expect(effect(/^Anniversary sale/)).toBeGreaterThan(50);
		expect(effect(/^Independence Day/)).toBeLessThan(15);
		// the same in Chinese
		await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
		await expect.poll(() => card.textContent()).toMatch(/感恩节：\+\d+%（±\d+%）/);
		await page.getByRole('combobox', { name: '语言' }).selectOption('en');
	});
});
