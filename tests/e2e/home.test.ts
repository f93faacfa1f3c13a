// E2E: the home dashboard on the demo data. After the demo is imported the Home tab lists this week's
// reorders, rising and falling products, alerts (unusual orders from the risk code) and the recent
// forecast accuracy; every line has a non-empty reason and a link that opens the right screen on the
// right product; a returning visitor lands on Home; in Chinese no English is left but data values.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SLOW_MS, type AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import type { Session } from './pages/browser';
import { pdfText } from './pages/pdf';
import { visitMarks } from './pages/startup-marks';

async function lines(page: Page, list: string) {
	return page.getByTestId(list).getByTestId('home-line').all();
}

/** Words of the demo's countries (data values an unusual-order reason names, e.g. "Channel Islands"). */
const DEMO_COUNTRY_WORDS = [
	...new Set(
		gunzipSync(readFileSync(new URL('../../public/demo/online-retail.csv.gz', import.meta.url)))
			.toString('utf8')
			.split('\n')
			.slice(1)
			.flatMap((l) => l.slice(l.lastIndexOf(',') + 1).match(/[A-Za-z]+/g) ?? []),
	),
];

/** Latin words in the dashboard's lines other than the data values (codes, titles, countries) they name. */
async function englishInReasons(page: Page): Promise<string[]> {
	return page.evaluate((countryWords) => {
		const left: string[] = [];
		const countries = new Set(countryWords);
		const root = document.querySelector('main')!;
		for (const li of root.querySelectorAll('[data-testid="home-line"]')) {
			const data = new Set<string>();
			for (const el of li.querySelectorAll(
				'[data-testid="home-link"], [data-testid="home-subject"]',
			))
				for (const w of (el.textContent ?? '').match(/[A-Za-z]+/g) ?? []) data.add(w);
			for (const w of (li.textContent ?? '').match(/[A-Za-z]+/g) ?? [])
				if (!data.has(w) && !countries.has(w))
					left.push(`${w} ← ${li.textContent?.trim().slice(0, 80)}`);
			const label = li.querySelector('a')?.getAttribute('aria-label') ?? '';
			for (const w of label.match(/[A-Za-z]+/g) ?? [])
				if (!data.has(w)) left.push(`${w} ← aria-label ${label}`);
		}
		for (const el of root.querySelectorAll(
			'h2, .desc, [data-testid="home-accuracy-line"], [data-testid="home-note"]',
		))
			for (const w of (el.textContent ?? '').match(/[A-Za-z]+/g) ?? [])
				left.push(`${w} ← ${el.textContent?.trim().slice(0, 80)}`);
		return left;
	}, DEMO_COUNTRY_WORDS);
}

describe('home dashboard', () => {
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		({ session, app } = await openAppSession({ demo: true }));
	});

	afterAll(async () => {
		await session?.close();
	});

	it('lists reorders, movers, alerts and accuracy with reasons and links', async () => {
		const page = session.page;
		// "No alerts" must not show while the plan, whose stock alerts it would deny, is still worked out
		await page.evaluate(() => {
			const w = window as unknown as { __noneWhilePlanning: boolean };
			w.__noneWhilePlanning = false;
			const timer = setInterval(() => {
				const none = document.querySelector('[data-testid="home-alert-lines-none"]');
				const planning = document.querySelector('[data-testid="home-plan-loading"]');
				if (none && planning) w.__noneWhilePlanning = true;
				if (document.querySelector('[data-testid="home-reorder-lines"]')) clearInterval(timer);
			}, 25);
		});
		await page.getByTestId('nav-home').click();
		await page.getByTestId('home-reorder-lines').waitFor({ timeout: SLOW_MS });
		expect(
			await page.evaluate(
				() => (window as unknown as { __noneWhilePlanning: boolean }).__noneWhilePlanning,
			),
		).toBe(false);
		await page.getByTestId('home-alert-lines').waitFor({ timeout: SLOW_MS });
		await page.getByTestId('home-accuracy').waitFor({ timeout: SLOW_MS });
		for (const list of [
			'home-reorder-lines',
			'home-rising-lines',
			'home-falling-lines',
			'home-alert-lines',
		]) {
			const ls = await lines(page, list);
			expect(ls.length, list).toBeGreaterThan(0);
			for (const l of ls) {
				const reason = (await l.getByTestId('home-reason').textContent())?.trim() ?? '';
				expect(reason.length, list).toBeGreaterThan(15);
				expect(reason).not.toMatch(/home_|plan_|risk_|\{/);
			}
		}
		// the demo has no stock file: the dashboard says so instead of stock-out alerts
		expect(
			await page.locator('[data-testid="home-note"][data-code="home_note_no_stock"]').count(),
		).toBe(1);
		const alertKinds = await page
			.getByTestId('home-alert-lines')
			.getByTestId('home-line')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
		expect(alertKinds).toContain('unusual_order');
		// an order from a rare country names the country, not only its share of orders
		const rare = (
			await page.getByTestId('home-alert-lines').getByTestId('home-reason').allTextContents()
		).filter((r) => /country or channel with only/.test(r));
		for (const r of rare) expect(r).toMatch(/^From [A-Z][A-Za-z ]+, a country or channel/);
		const acc = await page.getByTestId('home-accuracy-line').allTextContents();
		expect(acc[0]).toMatch(/^Forecasts of the next 4 weeks were usually within ±\d+% of what sold/);
		expect(acc.some((a) => /The forecast made \d+ weeks ago expected [\d,]+ units/.test(a))).toBe(
			true,
		);
		expect(acc.some((a) => /best sellers/.test(a))).toBe(true);

		// a reorder opens the Plan screen searching that product
		const reorder = page.getByTestId('home-reorder-lines').getByTestId('home-line').first();
		const code = (await reorder.getByTestId('home-subject').textContent())?.trim() ?? '';
		expect(await reorder.getByTestId('home-link').getAttribute('aria-label')).toMatch(
			/^Open in Plan: /,
		);
		await reorder.getByTestId('home-link').click();
		expect(await page.getByTestId('nav-plan').getAttribute('aria-current')).toBe('page');
		expect(new URL(page.url()).searchParams.get('view')).toBe('plan');
		// a rising product opens its forecast
		await page.getByTestId('nav-home').click();
		const rising = page.getByTestId('home-rising-lines').getByTestId('home-line').first();
		await rising.waitFor({ timeout: SLOW_MS });
		const risingCode = (await rising.getByTestId('home-subject').textContent())?.trim() ?? '';
		await rising.getByTestId('home-link').click();
		expect(await page.getByTestId('nav-forecast').getAttribute('aria-current')).toBe('page');
		expect(await page.getByTestId('forecast-product-input').getAttribute('data-value')).toBe(
			risingCode,
		);
		// its forecast explains itself: accuracy and what moved since last week, in plain words
		await app.makeForecast();
		await page.getByTestId('explain-moved').first().waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('explain-accuracy').first().textContent()).toMatch(
			/this forecast was off by about \d+% of what sold/,
		);
		expect(await page.getByTestId('explain-moved').first().textContent()).toMatch(
			/^The forecast made one week earlier expected [\d,.]+ for the same \d+ weeks; it is now [\d,.]+/,
		);
		expect(await page.getByTestId('explain-moved').nth(1).textContent()).toMatch(
			/^The latest week sold [\d,.]+/,
		);
		// what makes it up: the trend first, then holidays (the shop's calendar), each one sentence
		const parts = page.getByTestId('explain-part');
		expect(await parts.first().getAttribute('data-code')).toMatch(/^home_decomp_trend_/);
		expect(await parts.first().textContent()).toMatch(
			/^Trend: the underlying level (rose \d+%|fell \d+%|rose from [\d,.]+ to [\d,.]+ a week|stayed about the same) over the last \d+ weeks\.$/,
		);
		const said = await parts.allTextContents();
		const codes = await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		console.info(`forecast of ${risingCode} in plain words:\n${said.join('\n')}`);
		expect(codes.some((c) => c?.startsWith('home_decomp_event'))).toBe(true);
		for (const line of said) expect(line).not.toMatch(/[{}]|undefined|NaN/);
		const explained = [
			...(await page.getByTestId('explain-accuracy').allTextContents()),
			...said,
			...(await page.getByTestId('explain-moved').allTextContents()),
		].map((x) => x.trim());
		// the report carries the same words, on screen and in its PDF
		await page.getByTestId('nav-report').click();
		await expect
			.poll(() => page.getByTestId('report-inc-explain').textContent(), { timeout: SLOW_MS })
			.toContain(`The forecast of ${risingCode} in plain words`);
		const notes = page.locator('[data-testid="report-section"][data-id="forecast_explained"]');
		expect((await notes.locator('li').allTextContents()).map((x) => x.trim())).toEqual(explained);
		const [pdf] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('report-pdf').click(),
		]);
		const text = (await pdfText((await pdf.path())!)).replace(/\s+/g, ' ');
		expect(text).toContain(`Forecast of ${risingCode}`);
		expect(text).toMatch(/Trend: the underlying level/);
		// an unusual order opens Customers
		await page.getByTestId('nav-home').click();
		await page
			.locator(
				'[data-testid="home-alert-lines"] [data-kind="unusual_order"] [data-testid="home-link"]',
			)
			.first()
			.click();
		expect(await page.getByTestId('nav-customers').getAttribute('aria-current')).toBe('page');
		expect(code.length).toBeGreaterThan(0);
	});

	it('a returning visitor lands on Home, and the Chinese dashboard has no English but data', async () => {
		const page = session.page;
		await app.open('/?lang=zh-CN');
		await expect
			.poll(() => page.getByTestId('nav-home').getAttribute('aria-current'), { timeout: SLOW_MS })
			.toBe('page');
		await page.getByTestId('home-reorder-lines').waitFor({ timeout: SLOW_MS });
		await page.getByTestId('home-alert-lines').waitFor({ timeout: SLOW_MS });
		await page.getByTestId('home-accuracy').waitFor({ timeout: SLOW_MS });
		// this visit loaded the stored demo into DuckDB once, and Home's own lines were built before the
		// customer insights (its risk flags, which join later) were asked for
		const marks = await visitMarks(page);
		expect(marks.filter((m) => m.name === 'load:inserted')).toHaveLength(1);
		const at = (name: string) => marks.find((m) => m.name === name)?.t ?? NaN;
		expect(at('home:dashboard')).toBeLessThan(at('customers:start'));
		expect(await page.getByTestId('home-accuracy-line').first().textContent()).toMatch(
			/^对未来 4 周的预测，通常与实际销量相差在 ±\d+% 以内/,
		);
		expect(await englishInReasons(page)).toEqual([]);
		// a rising product's forecast in plain words, in Chinese, and the same words in the report
		await page.getByTestId('home-rising-lines').getByTestId('home-link').first().click();
		await app.makeForecast();
		const parts = page.getByTestId('explain-part');
		await parts.first().waitFor({ timeout: SLOW_MS });
		expect(await parts.first().textContent()).toMatch(
			/^趋势：过去 \d+ 周里，基础销量(上升了 \d+%|下降了 \d+%|从每周 [\d,.]+ 升到 [\d,.]+|基本持平)。$/,
		);
		const said = (await parts.allTextContents()).map((x) => x.trim());
		for (const line of said) expect(line).not.toMatch(/[A-Za-z{}]/);
		await page.getByTestId('nav-report').click();
		const notes = page.locator('[data-testid="report-section"][data-id="forecast_explained"]');
		await notes.waitFor({ timeout: SLOW_MS });
		expect(await notes.locator('h3').textContent()).toMatch(/的预测，简单来说$/);
		const inReport = (await notes.locator('li').allTextContents()).map((x) => x.trim());
		for (const line of said) expect(inReport).toContain(line);
	});
});
