// E2E: demo sales → Plan screen → the example stock file → a reorder list with one-sentence reasons;
// changing the service level moves the order quantities; a purchase-order draft is edited and
// downloaded as CSV (content checked); a what-if answers; no request leaves the app's origin.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/core/ingest/csv';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

describe('inventory plan', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
		await app.tryDemo();
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

	it('a higher service level orders more, a lower one less', async () => {
		const page = session.page;
		const at95 = total(await orders());
		await page.getByTestId('plan-service-level').fill('80');
		await page.getByTestId('plan-service-level').dispatchEvent('change');
		await expect.poll(async () => total(await orders()), { timeout: SLOW_MS }).toBeLessThan(at95);
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
		expect(rows[0]).toEqual([
			'supplier',
			'product_id',
			'description',
			'quantity',
			'pack_size',
			'unit_cost',
			'line_total',
		]);
		const line = rows.find((r) => r[1] === product)!;
		expect(line[3]).toBe('7');
		expect(Number(line[6])).toBeCloseTo(7 * Number(line[5]), 2);
		for (const r of rows.slice(1)) {
			expect(r).toHaveLength(7);
			expect(Number(r[3])).toBeGreaterThan(0);
			if (r[1] !== product) expect(Number(r[3]) % Number(r[4])).toBe(0);
		}
	});

	it('what-if: a higher service level for one product raises its reorder point', async () => {
		const page = session.page;
		const select = page.getByTestId('plan-whatif-product');
		const first = await select.locator('option').nth(1).getAttribute('value');
		await select.selectOption(first!);
		await page.getByTestId('plan-whatif-result').waitFor({ timeout: SLOW_MS });
		await page.getByTestId('plan-whatif-level').fill('99.5');
		await page.getByTestId('plan-whatif-level').dispatchEvent('change');
		const order = (id: string) =>
			page
				.getByTestId(`plan-whatif-${id}`)
				.getByTestId('plan-whatif-rop')
				.textContent()
				.then((t) => Number((t ?? '').replace(/[^\d.]/g, '')));
		await expect
			.poll(async () => (await order('scenario')) - (await order('base')), { timeout: SLOW_MS })
			.toBeGreaterThan(0);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});
});
