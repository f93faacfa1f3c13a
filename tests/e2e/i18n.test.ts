// E2E: the language switch. The demo (stored, as for a returning visitor) is shown in English, the
// header's switch turns the app to Simplified Chinese, and the Explore and Forecast screens then show
// no English word but data values (product names and codes, the dataset's name) and a short list of
// brand and method names.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

/** Names that stay as they are in Chinese UIs: the brand, formats, method acronyms, keys. */
const BRANDS = [
	'Trendcast',
	'English',
	'CSV',
	'PNG',
	'SQL',
	'MASE',
	'sMAPE',
	'WAPE',
	'ETS',
	'STL',
	'ARIMA',
	'Theta',
	'Croston',
	'SBA',
	'TSB',
	'ADIDA',
	'IMAPA',
	'MSTL',
	'UTF',
	'GBK',
	'KB',
	'MB',
	'GB',
	'Ctrl',
	'Enter',
];

/** Latin words in visible text and in labels a screen reader says, minus data values and brands. */
async function englishLeft(page: Page): Promise<string[]> {
	return page.evaluate((brands) => {
		const words = (s: string) => s.match(/[A-Za-z]+/g) ?? [];
		// Data values: whatever the data-bearing elements hold is the shop's own text.
		const data = new Set(brands.map((w) => w.toLowerCase()));
		const dataEls = document.querySelectorAll(
			'[data-testid="product-pick"], [data-testid="forecast-product"] option, .ds-name, [data-testid="dataset-name"]',
		);
		for (const el of dataEls)
			for (const w of words(el.textContent ?? '')) data.add(w.toLowerCase());
		const left = new Set<string>();
		const check = (text: string) => {
			for (const w of words(text))
				if (!data.has(w.toLowerCase())) left.add(`${w} ← “${text.trim().slice(0, 90)}”`);
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest('script, style, code, textarea')) continue;
			const option = el.closest('option');
			if (option && !option.selected) continue; // a closed select shows its chosen option only
			if (!el.checkVisibility()) continue;
			check(n.textContent ?? '');
		}
		const ATTRS = ['aria-label', 'aria-valuetext', 'title', 'placeholder'];
		for (const el of document.body.querySelectorAll(ATTRS.map((a) => `[${a}]`).join(','))) {
			if (!el.checkVisibility()) continue;
			for (const a of ATTRS) check(el.getAttribute(a) ?? '');
		}
		return [...left];
	}, BRANDS);
}

describe('language switch', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		// the demo as stored by the run's demo profile (importing it is not this file's subject)
		session = await launchSession({ demo: true });
		app = new AppPage(session.page, baseUrl);
		await app.openDemo();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('shows the demo’s Explore and Forecast screens in Chinese after the switch', async () => {
		const page = session.page;
		expect(await page.getByTestId('nav-explore').textContent()).toBe('Explore sales');
		// the scan sees English where there is English
		expect((await englishLeft(page)).length).toBeGreaterThan(10);

		await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
		expect(await page.getByTestId('nav-explore').textContent()).toBe('销售概览');

		await app.goTo('explore');
		await app.expectProducts();
		// the demo's name is the app's words, not the shop's: shown in Chinese (its stored id unchanged)
		expect(await page.locator('.ds-name').textContent()).toBe('示例：英国网上礼品店');
		// Chinese dates on the chart's axis, e.g. "2011年9月" or "12月6日"
		await page.locator('[data-testid="sales-chart"] [data-ready="true"]').waitFor();
		expect(
			(await page.locator('[data-testid="sales-chart"] svg text').allTextContents()).join(' '),
		).toMatch(/\d+月/);
		expect(await englishLeft(page)).toEqual([]);

		await app.makeForecast();
		await page.getByTestId('leaderboard').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('forecast-summary').textContent()).toMatch(/未来 \d+ 周/);
		// all products forecast directly: why the Total level's reconciled numbers differ, in Chinese
		expect(await page.getByTestId('all-products-vs-total').textContent()).toContain(
			'“全部”层级的预测经过协调',
		);
		expect(await englishLeft(page)).toEqual([]);
		// on a 390-px phone a week's date ("2011年9月12日 当周") breaks at its space, not between every
		// character (the walk of stop 31 saw it on four or five lines)
		const table = page.getByTestId('forecast-table');
		await table.evaluate((t) => ((t.closest('details') as HTMLDetailsElement).open = true));
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			const cell = await table.evaluate((t) => {
				const td = t.querySelector('tbody tr td') as HTMLElement;
				const range = document.createRange();
				range.selectNodeContents(td);
				const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				return { text: td.textContent?.trim(), lines: tops.size };
			});
			expect(cell.text).toMatch(/^\d{4}年\d+月\d+日/);
			expect(cell.lines, JSON.stringify(cell)).toBeLessThanOrEqual(2);
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('a file with no product column: its one product is named in Chinese, not "(all products)"; totals whole at 390 px', async () => {
		const page = session.page;
		// the app is in Chinese since the switch above (and says so in its address, checked there): the
		// tab bar, not a page load that would load the stored demo into DuckDB again
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		await app.startNewImport();
		// a till's daily totals: a date, a quantity and a (big) price, no product column
		const days = Array.from({ length: 60 }, (_, i) => {
			const d = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
			return `${d},${10 + (i % 7)},49999`;
		});
		await page.getByTestId('file-input').setInputFiles({
			name: 'till.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(['Date,Qty,Price', ...days].join('\n')),
		});
		await page.getByTestId('mapping-table').waitFor({ timeout: 120_000 });
		await app.confirmImport();
		await app.exploreSales();
		// the totals are whole on a 390-px phone, not cut with "…" (was: revenue "£38,699,…")
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			for (const id of ['total-products', 'total-units', 'total-revenue']) {
				const cell = page.getByTestId(id);
				const fit = await cell.evaluate((e) => e.scrollWidth <= e.clientWidth);
				expect(fit, `${id}: ${await cell.textContent()}`).toBe(true);
			}
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
		const pick = page.getByTestId('product-pick');
		expect(await pick.count()).toBe(1);
		expect(await pick.textContent()).toContain('全部销售（无商品列）');
		expect(await pick.textContent()).not.toContain('all products');
		await app.goTo('plan');
		await page.getByTestId('plan-row').first().waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('plan-row').first().textContent()).toContain(
			'全部销售（无商品列）',
		);
		expect(await page.getByTestId('plan-table').textContent()).not.toContain('all products');
		// no stock file, so no unit cost: said so, not "worth £0.00 at cost"
		expect(await page.getByTestId('plan-po').first().textContent()).toContain('成本未知');
		expect(await page.getByTestId('plan-view').textContent()).not.toMatch(/按成本计\s*\S?0\.00/);
		expect(await page.getByTestId('plan-whatif-product').textContent()).not.toContain(
			'all products',
		);
		// the report's product table (on screen, and for whoever opens a shared link)
		await page.getByTestId('nav-report').click();
		const table = page.getByTestId('report-table').first();
		await table.waitFor({ timeout: 120_000 });
		expect(await table.textContent()).toContain('全部销售（无商品列）');
		expect(await page.getByTestId('report-doc').textContent()).not.toContain('all products');
		// no unit cost known: the order value says so, not "£0.00" (as the plan does)
		const value = page.locator('[data-testid="report-kpi"][data-code="report_kpi_order_value"]');
		expect(await value.textContent()).toContain('成本未知');
		expect(await value.getByTestId('report-kpi-value').textContent()).not.toMatch(/0\.00/);
		// on a 390-px phone the table scrolls sideways instead of squeezing its cells: the product and
		// each number on one line (walk12: 轻薄 / 羽绒 / 服, JE- / 004; here 全部销 / 售（无商 / 品列）)
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			const lines = await table.evaluate((t) =>
				[...t.querySelectorAll('tbody tr:first-child td')].map((td) => {
					const range = document.createRange();
					range.selectNodeContents(td);
					const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
					return { text: td.textContent?.trim(), num: td.classList.contains('num'), n: tops.size };
				}),
			);
			expect(lines[0].text).toBe('全部销售（无商品列）');
			expect(lines[0].n, JSON.stringify(lines)).toBe(1);
			for (const c of lines.filter((l) => l.num)) expect(c.n, JSON.stringify(c)).toBe(1);
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('takes the language from ?lang= and keeps it on reload', async () => {
		const page = session.page;
		await app.open('/?view=explore&lang=en');
		expect(await page.getByTestId('nav-explore').textContent()).toBe('Explore sales');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await app.open('/?view=explore');
		expect(await page.getByTestId('nav-forecast').textContent()).toBe('Forecast');
		await app.open('/?view=explore&lang=zh-CN');
		expect(await page.getByTestId('nav-forecast').textContent()).toBe('预测');
		await app.open('/?view=explore');
		expect(await page.getByTestId('nav-forecast').textContent()).toBe('预测');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		// Settings opened first by a shop with data says it is loading, never "no sales data stored
		// yet" (walk12: 尚未保存任何销售数据 until the stored list had arrived)
		await page.addInitScript(`new MutationObserver(() => {
			if (document.querySelector('[data-testid="no-datasets"]')) window.__saidNone = true;
		}).observe(document, { childList: true, subtree: true });`);
		await app.open('/?view=settings');
		await page.getByTestId('dataset-list').waitFor({ timeout: 120_000 });
		expect(await page.evaluate(() => 'no-datasets: ' + ('__saidNone' in window))).toBe(
			'no-datasets: false',
		);
	});
});
