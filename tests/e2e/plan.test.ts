// E2E: demo sales → Plan screen → the example stock file → a reorder list with one-sentence reasons;
// changing the service level moves the order quantities; a purchase-order draft is edited and
// downloaded as CSV (content checked); a what-if answers; no request leaves the app's origin.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/core/ingest/csv';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

describe('inventory plan', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession({ demo: true });
		app = new AppPage(session.page, baseUrl);
		await app.openDemo();
	});

	afterAll(async () => {
		await session?.close();
	});

	/** Order quantity per product of the rows shown. */
	async function orders(): Promise<Map<string, number>> {
		const rows = session.page.getByTestId('plan-row');
		const out = new Map<string, number>();
		for (const r of await rows.all()) {
			const id = (await r.getAttribute('data-product')) ?? '';
			const q = (await r.getByTestId('plan-order-qty').textContent()) ?? '';
			out.set(id, Number(q.replace(/[^\d.]/g, '')));
		}
		return out;
	}
	const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

	it('plans the demo with the example stock: alerts with reasons, a sortable table', async () => {
		const page = session.page;
		await app.goTo('plan');
		await page.getByTestId('plan-row').first().waitFor({ timeout: SLOW_MS });
		// the plan says it orders for the Forecast screen's forecast (PLAN_USES_FORECAST_OPTIONS), and
		// how it differs for stock
		expect(await page.getByTestId('plan-view').textContent()).toMatch(
			/the same forecast of each product as on the Forecast screen.*can borrow the season of its category.*a jump in the last weeks is not expected to fall back.*can differ a little from the Forecast screen's/,
		);
		await page.getByTestId('plan-demo-stock').click();
		await expect
			.poll(() => page.getByTestId('plan-stock-report').textContent(), { timeout: SLOW_MS })
			.toMatch(/stock\.csv\.gz: stock of 200 products imported/);
		await page.getByTestId('plan-alert').first().waitFor({ timeout: SLOW_MS });
		const reason = await page.getByTestId('plan-alert').first().locator('.reason').textContent();
		expect(reason).toMatch(
			/^Order [\d,]+: [\d,]+ ± [\d,]+ expected over the \d+-day lead time and review period, [\d,.]+ in stock, [\d,.]+ on order\.$/,
		);
		expect(await page.getByTestId('plan-alert').count()).toBeGreaterThan(3);
		// sorted by revenue at risk by default; sort by the order column
		await page.getByTestId('plan-sort-orderQty').click();
		await expect
			.poll(async () => {
				const q = [...(await orders()).values()];
				return q.every((v, i) => i === 0 || q[i - 1] >= v);
			})
			.toBe(true);
	});

	it('a forecast of 0 that still orders says why on its row', async () => {
		const page = session.page;
		// 22188 (in the example stock): a lumpy series past its peak, forecast 0 a week, yet an order
		const lumpy = page.locator('[data-testid="plan-row"][data-product="22188"]');
		await page.getByTestId('plan-search').fill('22188');
		try {
			await expect
				.poll(() => lumpy.getByTestId('plan-reason').textContent(), { timeout: SLOW_MS })
				.toMatch(
					/^Ordered although the forecast is about 0 a week: it sold up to [\d,]+ in one week in the last \d+ weeks, .* at your 95 % service target the order covers that range/,
				);
			const qty = await lumpy.getByTestId('plan-order-qty').textContent();
			expect(Number(qty?.replace(/\D/g, ''))).toBeGreaterThan(0);
		} finally {
			await page.getByTestId('plan-search').fill('');
		}
	});

	it('a higher service level orders more, a lower one less', async () => {
		const page = session.page;
		// start from a settled plan: no run in progress and the same total read twice (the step before
		// clears its search, which redraws the table; a full run read 169,020 then 176,844 with nothing
		// changed in between)
		await page.getByTestId('plan-busy').waitFor({ state: 'detached', timeout: SLOW_MS });
		let at95 = total(await orders());
		await expect
			.poll(
				async () => {
					const now = total(await orders());
					const same = now === at95;
					at95 = now;
					return same;
				},
				{ timeout: SLOW_MS },
			)
			.toBe(true);
		// "2" is neither a share nor a percentage: said, not applied (the CLI read it as 2 %)
		await page.getByTestId('plan-service-level').fill('2');
		await page.getByTestId('plan-service-level').dispatchEvent('change');
		expect(await page.getByTestId('plan-service-level-error').textContent()).toMatch(
			/Service level "2": give a share from 0\.5 to 0\.9999 \(e\.g\. 0\.95\) or a percentage from 50 to 99\.99/,
		);
		expect(await page.getByTestId('plan-service-level').getAttribute('aria-invalid')).toBe('true');
		expect(total(await orders())).toBe(at95);
		// a share is read as one: 0.8 = 80 %
		await page.getByTestId('plan-service-level').fill('0.8');
		await page.getByTestId('plan-service-level').dispatchEvent('change');
		await expect.poll(async () => total(await orders()), { timeout: SLOW_MS }).toBeLessThan(at95);
		expect(await page.getByTestId('plan-service-level').inputValue()).toBe('80');
		expect(await page.getByTestId('plan-service-level-error').count()).toBe(0);
		await page.getByTestId('plan-service-level').fill('99');
		await page.getByTestId('plan-service-level').dispatchEvent('change');
		await expect
			.poll(async () => total(await orders()), { timeout: SLOW_MS })
			.toBeGreaterThan(at95);
	});

	it('edits a purchase order and downloads it as CSV', async () => {
		const page = session.page;
		const po = page.getByTestId('plan-po').first();
		await po.waitFor();
		const qty = po.getByTestId('plan-po-qty').first();
		const product = (await qty.getAttribute('data-product')) ?? '';
		await qty.fill('7');
		await qty.dispatchEvent('change');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			po.getByTestId('plan-po-csv').click(),
		]);
		const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
		// headers in the UI language, naming the units and the demo's currency
		expect(rows[0]).toHaveLength(9);
		expect(rows[0].slice(0, 2)).toEqual(['Supplier', 'Product ID']);
		expect(rows[0].slice(5)).toEqual([
			'Quantity (units)',
			'Pack size (units)',
			'Unit cost (GBP)',
			'Line total (GBP)',
		]);
		const line = rows.find((r) => r[1] === product)!;
		expect(line[5]).toBe('7');
		expect(Number(line[8])).toBeCloseTo(7 * Number(line[7]), 2);
		for (const r of rows.slice(1)) {
			expect(r).toHaveLength(9);
			expect(Number(r[5])).toBeGreaterThan(0);
			if (r[1] !== product) expect(Number(r[5]) % Number(r[6])).toBe(0);
		}
	});

	it('what-if: a higher service level for one product raises its reorder point', async () => {
		const page = session.page;
		const select = page.getByTestId('plan-whatif-product');
		// Before a product is picked the scenario fields are off and a line says what to do first.
		expect(await page.getByTestId('plan-whatif-hint').textContent()).toMatch(
			/Choose a product first/,
		);
		expect(await page.getByTestId('plan-whatif-price').isDisabled()).toBe(true);
		const first = await select.locator('option').nth(1).getAttribute('value');
		await select.selectOption(first!);
		await page.getByTestId('plan-whatif-result').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('plan-whatif-hint').count()).toBe(0);
		expect(await page.getByTestId('plan-whatif-price').isDisabled()).toBe(false);
		// a what-if level of "2" was planned as 2 %: now said, not applied
		await page.getByTestId('plan-whatif-level').fill('2');
		await page.getByTestId('plan-whatif-level').dispatchEvent('change');
		expect(await page.getByTestId('plan-whatif-level-error').textContent()).toMatch(
			/Service level "2": give a share/,
		);
		await page.getByTestId('plan-whatif-level').fill('99.5');
		await page.getByTestId('plan-whatif-level').dispatchEvent('change');
		expect(await page.getByTestId('plan-whatif-level-error').count()).toBe(0);
		const order = (id: string) =>
			page
				.getByTestId(`plan-whatif-${id}`)
				.getByTestId('plan-whatif-rop')
				.textContent()
				.then((t) => Number((t ?? '').replace(/[^\d.]/g, '')));
		await expect
			.poll(async () => (await order('scenario')) - (await order('base')), { timeout: SLOW_MS })
			.toBeGreaterThan(0);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('plan-whatif-csv').click(),
		]);
		const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
		expect(rows[0][0]).toBe('Case');
		expect(rows[0]).toContain('Reorder point (units)');
		expect(rows[0].find((h) => h.startsWith('Revenue over'))).toMatch(
			/^Revenue over \d+ weeks \(GBP\)$/,
		);
		expect(rows.slice(1).map((r) => r[0])).toEqual(['As today', 'Scenario']);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});

	it('a one-season item is bought once by the newsvendor rule, from the stock file', async () => {
		const page = session.page;
		const id = (await page.getByTestId('plan-row').first().getAttribute('data-product'))!;
		const file = join(tmpdir(), `season-stock-${Date.now()}.csv`);
		writeFileSync(
			file,
			`SKU,On hand,Unit cost,Price,Clearance price,Season end\n${id},0,2,10,0.5,2012-02-28\n`,
		);
		await page.getByTestId('plan-stock-file').setInputFiles(file);
		const row = page.locator(`[data-testid="plan-row"][data-product="${id}"]`);
		await page.getByTestId('plan-search').fill(id);
		await expect
			.poll(() => row.getByTestId('plan-season').textContent(), { timeout: SLOW_MS })
			.toMatch(/^One-season item: have [\d,]+ for the \d+ days left \(critical ratio 84 %\)\.$/);
		const alert = page.getByTestId('plan-alert').filter({ hasText: 'One-season buy' });
		await expect.poll(() => alert.count(), { timeout: SLOW_MS }).toBeGreaterThan(0);
		// a lower clearance value buys less: the ratio is (10 − 2)/(10 − v)
		const qty = async () =>
			Number(((await row.getByTestId('plan-order-qty').textContent()) ?? '').replace(/\D/g, ''));
		const before = await qty();
		writeFileSync(
			file,
			`SKU,On hand,Unit cost,Price,Clearance price,Season end\n${id},0,8,10,0,2012-02-28\n`,
		);
		await page.getByTestId('plan-stock-file').setInputFiles(file);
		await expect
			.poll(() => row.getByTestId('plan-season').textContent(), { timeout: SLOW_MS })
			.toMatch(/critical ratio 20 %/);
		expect(await qty()).toBeLessThan(before);
		await page.getByTestId('plan-search').fill('');
	});

	it('sizes of a style are planned together and the order is split over them', async () => {
		const page = session.page;
		// a small Shopify-style export: one dress in three sizes (M sells most) and a mug
		const lines = ['Created at,Lineitem name,Lineitem sku,Lineitem quantity,Lineitem price'];
		for (let d = 0; d < 300; d++) {
			const day = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
			if (d % 2 === 0) lines.push(`${day},Wrap Dress - S,WD-S,1,60`);
			lines.push(`${day},Wrap Dress - M,WD-M,${1 + (d % 3 === 0 ? 1 : 0)},60`);
			if (d % 3 === 0) lines.push(`${day},Wrap Dress - L,WD-L,1,60`);
			lines.push(`${day},Mug,MUG1,2,8`);
		}
		const file = join(tmpdir(), `styles-${Date.now()}.csv`);
		writeFileSync(file, lines.join('\n') + '\n');
		await app.startNewImport();
		expect(await app.pickFile(file)).toBe('mapping');
		await app.confirmImport();
		await app.goTo('plan');
		const style = page.locator('[data-testid="plan-row"][data-product^="style:"]');
		await style.first().waitFor({ timeout: SLOW_MS });
		expect(await style.count()).toBe(1);
		expect(await page.locator('[data-testid="plan-row"][data-product="WD-M"]').count()).toBe(0);
		await expect
			.poll(() => style.getByTestId('plan-variants').textContent(), { timeout: SLOW_MS })
			.toMatch(/^Split by sales mix: S [\d,]+ · M [\d,]+ · L [\d,]+$/);
		const parts = ((await style.getByTestId('plan-variants').textContent()) ?? '')
			.match(/\d+/g)!
			.map(Number);
		const order = Number(
			((await style.getByTestId('plan-order-qty').textContent()) ?? '').replace(/\D/g, ''),
		);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(order);
		expect(order).toBeGreaterThan(0);
		expect(parts[1]).toBeGreaterThan(parts[0]);
		// the purchase order lists the sizes, not the style
		const po = page.getByTestId('plan-po').first();
		await expect.poll(() => po.getByTestId('plan-po-variant').count()).toBe(3);
		// unticking plans each size on its own
		await page.getByTestId('plan-per-style').uncheck();
		await page
			.locator('[data-testid="plan-row"][data-product="WD-M"]')
			.waitFor({ timeout: SLOW_MS });
		expect(await style.count()).toBe(0);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});
});
