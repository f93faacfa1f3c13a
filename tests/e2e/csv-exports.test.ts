// E2E for the CSV downloads of the screens (issue #16): a shop whose product names and a customer id
// start like spreadsheet formulas (= @ + -) is imported, then the Explore, Forecast, Plan and
// Customers tables (and Market's reviews per product, from real Tmall reviews with one item id made
// formula-like) are downloaded and read back: same cells as on screen, every formula-like text
// neutralised with a leading apostrophe (OWASP CSV injection), numbers left as numbers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/core/ingest/csv';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

const PRODUCTS: [string, string, number][] = [
	['P1', '=HYPERLINK("http://evil.example","click")', 12],
	['P2', '@SUM(A1:A9)', 8],
	['P3', '+44 silk scarf', 20],
	['P4', 'Linen dress, "blue"', 35],
];
const EVIL_CUSTOMER = '=1+2';
const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';
/** A product id of the Tmall reviews renamed like a formula. */
const EVIL_ITEM = '@jeanswest-1';

/** 40 weeks of orders by 24 customers (one of them named like a formula), seeded. */
function shopCsv(): string {
	let s = 7;
	const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	const lines = ['date,order_id,customer_id,product_id,description,quantity,price'];
	let order = 0;
	for (let w = 0; w < 40; w++)
		for (let k = 0; k < 6; k++) {
			const day = new Date(Date.UTC(2024, 0, 1 + 7 * w + k)).toISOString().slice(0, 10);
			const c = Math.floor(rnd() * 24);
			const customer = c === 0 ? EVIL_CUSTOMER : `C${c}`;
			order++;
			for (const [id, name, price] of PRODUCTS)
				if (rnd() < 0.6) {
					const q = 1 + Math.floor(rnd() * 4 + w / 10);
					const cell = /[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
					lines.push(`${day},O${order},${customer},${id},${cell},${q},${price}.00`);
				}
		}
	return `${lines.join('\n')}\n`;
}

async function downloadCsv(page: Page, testid: string): Promise<string[][]> {
	const button = page.getByTestId(testid).first();
	await button.waitFor({ timeout: SLOW_MS });
	const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(file.suggestedFilename()).toMatch(/\.csv$/);
	return parseCsv(readFileSync((await file.path())!, 'utf8'));
}

describe('CSV downloads of the screens', () => {
	const baseUrl = inject('baseUrl');
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-csv-'));
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
		const file = join(dir, 'formula-shop.csv');
		writeFileSync(file, shopCsv());
		await app.startNewImport();
		expect(await app.pickFile(file)).toBe('mapping');
		await app.confirmImport();
		await app.exploreSales();
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('Explore: the product list, formula-like names neutralised, numbers as on screen', async () => {
		const page = session.page;
		const csv = await downloadCsv(page, 'product-csv');
		expect(csv[0].slice(0, 5)).toEqual([
			'product_id',
			'description',
			'category',
			'units',
			'revenue',
		]);
		const byId = new Map(csv.slice(1).map((r) => [r[0], r]));
		expect([...byId.keys()].sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
		expect(byId.get('P1')![1]).toBe(`'${PRODUCTS[0][1]}`);
		expect(byId.get('P2')![1]).toBe(`'${PRODUCTS[1][1]}`);
		expect(byId.get('P3')![1]).toBe(`'${PRODUCTS[2][1]}`);
		expect(byId.get('P4')![1]).toBe(PRODUCTS[3][1]);
		// the units on screen (formatted) are the CSV's number
		const row = page.getByTestId('product-row').filter({ hasText: 'Linen dress' });
		const cells = (await row.locator('td').allInnerTexts()).map((x) => x.replace(/,/g, ''));
		expect(cells).toContain(byId.get('P4')![3]);
		expect(Number(byId.get('P4')![4])).toBeCloseTo(Number(byId.get('P4')![3]) * 35, 6);
	});

	it('Forecast: the forecast table and the method comparison', async () => {
		const page = session.page;
		await page.getByTestId('product-search').fill('Linen');
		await app.pickProduct(0);
		await app.makeForecast();
		await page.locator('details:has([data-testid="forecast-table-csv"]) > summary').click();
		const csv = await downloadCsv(page, 'forecast-table-csv');
		expect(csv[0]).toEqual(['period', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95']);
		const body = csv.slice(1);
		expect(body.length).toBeGreaterThanOrEqual(4);
		for (const r of body) {
			expect(r[0]).toMatch(/^\d{4}-\d\d-\d\d$/);
			const [f, lo80, hi80, lo95, hi95] = r.slice(1).map(Number);
			expect(lo95).toBeLessThanOrEqual(lo80 + 1e-9);
			expect(lo80).toBeLessThanOrEqual(f + 1e-9);
			expect(f).toBeLessThanOrEqual(hi80 + 1e-9);
			expect(hi80).toBeLessThanOrEqual(hi95 + 1e-9);
		}
		const methods = await downloadCsv(page, 'leaderboard-csv');
		expect(methods.length).toBeGreaterThan(2);
		for (const r of methods.slice(1)) for (const c of r) expect(c).not.toMatch(/^[=+@]/);
	});

	it('Plan: every product with its description neutralised and numbers', async () => {
		const page = session.page;
		await app.goTo('plan');
		await page.getByTestId('plan-row').first().waitFor({ timeout: SLOW_MS });
		const csv = await downloadCsv(page, 'plan-csv');
		// headers in the UI language, naming their units
		expect(csv[0].slice(0, 4)).toEqual([
			'Product ID',
			'Description',
			'Supplier',
			'On hand (units)',
		]);
		const byId = new Map(csv.slice(1).map((r) => [r[0], r]));
		expect(byId.get('P1')?.[1]).toBe(`'${PRODUCTS[0][1]}`);
		expect(byId.get('P2')?.[1]).toBe(`'${PRODUCTS[1][1]}`);
		expect(await page.getByTestId('plan-row').count()).toBe(byId.size);
		const col = csv[0].indexOf('Reorder point (units)');
		expect(col).toBeGreaterThan(0);
		for (const r of byId.values()) expect(Number.isFinite(Number(r[col]))).toBe(true);
	});

	it('Customers: the segment table adds up and a customer named like a formula is neutralised', async () => {
		const page = session.page;
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('segment-table').waitFor({ timeout: SLOW_MS });
		const csv = await downloadCsv(page, 'segment-table-csv');
		expect(csv[0]).toEqual([
			'segment',
			'customers',
			'revenue',
			'revenue_share',
			'avg_orders',
			'avg_recency_days',
			'change',
		]);
		const total = csv.slice(1).reduce((a, r) => a + Number(r[1]), 0);
		expect(total).toBe(24);
		const onScreen = await page
			.locator('[data-testid="segment-table"] tbody tr td:nth-child(2)')
			.allInnerTexts();
		expect(onScreen.map((x) => x.replace(/[^\d]/g, ''))).toEqual(csv.slice(1).map((r) => r[1]));
		// the segment holding the formula-like customer, exported for a campaign
		let found = false;
		for (const button of await page.locator('[data-testid^="segment-export-"]').all()) {
			const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
			const rows = parseCsv(readFileSync((await file.path())!, 'utf8'));
			expect(rows[0][0]).toBe('customer_id');
			for (const r of rows.slice(1)) {
				expect(r[0]).not.toBe(EVIL_CUSTOMER);
				if (r[0] === `'${EVIL_CUSTOMER}`) found = true;
			}
		}
		expect(found).toBe(true);
	});

	it('Market: the reviews per product, a formula-like product id neutralised', async () => {
		const page = session.page;
		// 400 real Tmall reviews; the first item's id made formula-like
		const lines = gunzipSync(readFileSync(join(DATA, 'zh_reviews/tmall_clothing_reviews.csv.gz')))
			.toString('utf8')
			.split('\n')
			.slice(0, 401)
			.map((l) => l.replace(/^jeanswest,35537140021,/, `jeanswest,${EVIL_ITEM},`));
		const file = join(dir, 'reviews.csv');
		writeFileSync(file, `${lines.join('\n')}\n`);
		await page.getByTestId('nav-market').click();
		await page.getByTestId('market-file').setInputFiles(file);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: SLOW_MS })
			.toMatch(/reviews\.csv: [\d,]+ rows as Reviews/);
		const csv = await downloadCsv(page, 'market-products-csv');
		expect(csv[0]).toEqual(['product', 'reviews', 'positive_share', 'praised_for', 'complaints']);
		const evil = csv.find((r) => r[0] === `'${EVIL_ITEM}`);
		expect(evil, JSON.stringify(csv.slice(0, 4))).toBeDefined();
		expect(Number(evil![1])).toBeGreaterThan(0);
		for (const r of csv.slice(1)) {
			expect(r[0]).not.toBe(EVIL_ITEM);
			const share = Number(r[2]);
			expect(share >= 0 && share <= 1).toBe(true);
		}
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
