// E2E: the Customers screen on the demo data in Chromium — segments with their export, the chosen
// recommender and a "for this customer" list with reasons, a risk flag marked OK that stays marked after
// a reload (IndexedDB; the insights then come from the device's cache), the screen in Chinese (from
// that cache), reviews marked fake/OK teaching the fake-review classifier (marks kept after a reload),
// a backup restored after the dataset was deleted, and Cancel stopping only the analysis (the same data
// worker answers Explore after it). An analysis after a restore is covered by the unit tests.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SLOW_MS, type AppPage } from './pages/app-page';
import { openAppSession } from './pages/app-session';
import { foreignRequests, type Session } from './pages/browser';
import { pageOverflow } from './pages/overflow';
import { seenTexts, watchTestId } from './pages/seen';

describe('customers: segments, recommendations, risk', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		({ session, app } = await openAppSession({ demo: true }));
	});

	afterAll(async () => {
		await session?.close();
	});

	it('shows RFM segments of the demo customers, each exportable for a campaign', async () => {
		const page = session.page;
		await watchTestId(page, 'customers-progress');
		await page.getByTestId('nav-customers').click();
		// the demo profile kept the insights of its first visit (they show at once, saying so):
		// "Work them out again" runs the analysis, as on a first visit
		await page.getByTestId('customers-refresh').click({ timeout: SLOW_MS });
		await page.getByTestId('customers-progress').waitFor();
		await page.getByTestId('segment-table').waitFor({ timeout: SLOW_MS });
		// while it worked: the phase (the recommenders' backtests are most of it), a share and a Cancel
		const progress = await seenTexts(page, 'customers-progress');
		expect(progress.some((x) => /^Testing the recommendation methods \d+%/.test(x))).toBe(true);
		expect(progress.some((x) => /Cancel \| \d+$/.test(x))).toBe(true);
		// worked out again and kept: the screen says so at once, not only on the next visit
		expect(await page.getByTestId('customers-saved').innerText()).toMatch(
			/^Worked out on .+ and kept on this device/,
		);
		// Dates in the browser's English (en-GB: day first), as on every other screen.
		expect(await page.getByTestId('customers-as-of').innerText()).toMatch(
			/^As of \d{1,2} Sept? 2011$/,
		);
		const rows = page.locator('[data-testid="segment-table"] tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(5);
		// Every customer is in exactly one segment: the counts add up to the demo's 4,000-odd customers.
		const counts = await page
			.locator('[data-testid="segment-table"] tbody tr td:nth-child(2)')
			.allInnerTexts();
		const total = counts.map((c) => Number(c.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(3000);
		expect(total).toBeLessThan(5000);
		const download = page.waitForEvent('download');
		await page.getByTestId('segment-export-champions').click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('trendcast-segment-champions.csv');
		const text = await (await file.createReadStream()).toArray();
		const bytes = Buffer.concat(text);
		// a UTF-8 BOM first, so Excel reads the file as UTF-8
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = bytes.toString('utf8').replace(/^\uFEFF/, '');
		expect(csv.split('\n')[0]).toBe('customer_id,segment,recency_days,orders,monetary,r,f,m');
		expect(csv.split('\n').filter((l) => l.includes(',champions,')).length).toBeGreaterThan(50);
	});

	it('chooses a recommender by backtest and explains a customer list', async () => {
		const page = session.page;
		await page.getByTestId('customers-tab-recommend').click();
		await expect.poll(() => page.getByTestId('rec-chosen').count()).toBe(1);
		await page.getByTestId('rec-customer-input').fill('17850');
		await page.getByTestId('rec-customer-go').click();
		const items = page.locator('[data-testid="rec-customer-list"] li');
		await items.first().waitFor();
		expect(await items.count()).toBe(10);
		expect(await items.first().innerText()).toMatch(/Bought it|bought|customers|order/);
		await page.getByTestId('rec-customer-input').fill('no-such-customer');
		await page.getByTestId('rec-customer-go').click();
		await page.getByTestId('rec-customer-list-unknown').waitFor();
		// "For this product": the demo's best seller gets a list with reasons, twice (the model is kept).
		for (let i = 0; i < 2; i++) {
			await page.getByTestId('rec-product-input').fill('85123A');
			await page.getByTestId('rec-product-go').click();
			const similar = page.locator('[data-testid="rec-product-list"] li');
			await similar.first().waitFor();
			expect(await similar.count()).toBeGreaterThan(0);
			expect(await similar.first().innerText()).not.toContain('85123A)');
		}
	});

	it('keeps a flag marked OK after a reload', async () => {
		const page = session.page;
		await page.getByTestId('customers-tab-risk').click();
		const first = page.locator('[data-testid="risk-table"] tbody tr').first();
		await first.waitFor();
		const flagId = await first.getAttribute('data-flag');
		expect(flagId).toBeTruthy();
		await first.getByTestId('risk-mark-ok').click();
		// Marked flags leave the list unless asked for.
		await expect.poll(() => page.locator(`tr[data-flag="${flagId}"]`).count()).toBe(0);

		await app.reload();
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('customers-tab-risk').click({ timeout: SLOW_MS });
		await page.getByTestId('risk-table').waitFor();
		// the reload showed the insights kept on this device for the stored demo (not worked out again)
		expect(await page.getByTestId('customers-saved').innerText()).toMatch(
			/^Worked out on .+ and kept on this device/,
		);
		expect(await page.locator(`tr[data-flag="${flagId}"]`).count()).toBe(0);
		await page.getByTestId('risk-show-ok').check();
		const row = page.locator(`tr[data-flag="${flagId}"]`);
		await row.waitFor();
		expect(await row.innerText()).toMatch(/Checked: OK/);
	});

	it('reads in Chinese (the segments kept on this device)', async () => {
		const page = session.page;
		await app.open('?lang=zh-CN&view=customers');
		await page.getByTestId('customers-tab-segments').click({ timeout: SLOW_MS });
		await page.getByTestId('segment-table').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('segment-table').innerText()).toMatch(/核心顾客|忠实顾客/);
		// on a phone the table scrolls in its box and the page stays 390 px wide (walk16: 610 px, the
		// screen-reader header of its last column placed outside the box that scrolls)
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			const overflow = await pageOverflow(page);
			expect(overflow.width).toBeLessThanOrEqual(390);
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
		expect(await page.getByTestId('customers-saved').innerText()).toMatch(
			/^已于 .+ 计算并保存在本设备上/,
		);
		// back to English for the tests after this one (the language is kept) with the language switch,
		// as a user does: a page load here would load the stored demo into DuckDB again for nothing
		await page.getByTestId('lang-select').selectOption('en');
		await expect
			.poll(() => page.getByTestId('customers-saved').innerText())
			.toMatch(/^Worked out on .+ and kept on this device/);
		// the address follows the switch, so a reload or a bookmark stays in English
		expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
	});

	it('backs everything up, and restores it after the dataset was deleted', async () => {
		const page = session.page;
		await app.goTo('settings');
		// the shop's own sale day (kept in localStorage) goes into the backup too
		await page.getByTestId('calendar-name').fill('Summer sale');
		await page.getByTestId('calendar-date').fill('2027-07-15');
		await page.getByTestId('calendar-add').click();
		const download = page.waitForEvent('download');
		await page.getByTestId('backup-download').click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^trendcast-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const path = join(mkdtempSync(join(tmpdir(), 'tc-backup-')), file.suggestedFilename());
		await file.saveAs(path);
		expect(statSync(path).size).toBeGreaterThan(1_000_000);

		const name = await page.getByTestId('dataset-name').first().innerText();
		await page.getByTestId('delete-dataset').first().click();
		await page.getByTestId('confirm-delete').click();
		await page.getByTestId('no-datasets').waitFor();
		// as on another device: the sale day is not there before the restore
		await page.getByTestId('calendar-added').getByRole('button').click();
		await page.getByTestId('calendar-added').waitFor({ state: 'detached' });

		// A file that is not a backup is refused and changes nothing.
		const bogus = join(mkdtempSync(join(tmpdir(), 'tc-bogus-')), 'notes.json');
		writeFileSync(bogus, '{"hello": 1}');
		await page.getByTestId('backup-restore-file').setInputFiles(bogus);
		await page.getByTestId('backup-restore-yes').click();
		// the file is named (was "This file is not …", with no name)
		expect(await page.getByTestId('backup-error').innerText()).toMatch(
			/“notes\.json” is not a Trendcast backup/,
		);

		await page.getByTestId('backup-restore-file').setInputFiles(path);
		await page.getByTestId('backup-restore-yes').click();
		await page.getByTestId('backup-done').waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('backup-done').innerText()).toMatch(/Restored 1 dataset/);
		await expect.poll(() => page.getByTestId('dataset-name').first().innerText()).toBe(name);
		expect(await page.getByTestId('calendar-added').innerText()).toMatch(
			/(15 Jul 2027|Jul 15, 2027) · Summer sale/,
		);
		// The restored dataset opens: its products are listed again.
		await app.goTo('explore');
		await page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
	});

	it('learns ratings from reviews with reviewers and stars, and lists what one would rate highly', async () => {
		const page = session.page;
		// planted tastes: two kinds of reviewer, two kinds of product, plus product quality and leniency
		const lines = ['product_id,reviewer,rating,date,review'];
		for (let u = 0; u < 60; u++)
			for (let k = 0; k < 8; k++) {
				const item = (u * 7 + k * 3) % 24;
				const taste = (u % 2 === 0) === item < 12 ? 1 : -1;
				const stars = Math.max(
					1,
					Math.min(5, Math.round(3 + 0.8 * taste + ((item % 4) - 1.5) * 0.6 + ((u % 3) - 1) * 0.6)),
				);
				const day = String(1 + k).padStart(2, '0');
				lines.push(`P${item},shopper${u},${stars},2024-03-${day},nice fabric and fit ${u}-${k}`);
			}
		const file = join(mkdtempSync(join(tmpdir(), 'tc-ratings-')), 'reviews.csv');
		writeFileSync(file, lines.join('\n') + '\n');
		// the app is open already (the test before left it on a screen): the tab bar, not a page load
		await page.getByTestId('nav-market').click();
		await page.getByTestId('market-file').setInputFiles(file);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
			.toMatch(/reviews\.csv: 480 rows as Reviews/);
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('ratings-load').click();
		const table = page.getByTestId('ratings-errors');
		await table.waitFor({ timeout: SLOW_MS });
		expect(await page.getByTestId('ratings-summary').innerText()).toMatch(
			/^480 ratings by 60 reviewers of 24 products\.$/,
		);
		const rmse = async (m: string) =>
			Number(
				(await table.locator(`tr[data-method="${m}"] td`).first().innerText()).replace(',', '.'),
			);
		const [mean, baseline, mf] = [await rmse('mean'), await rmse('baseline'), await rmse('mf')];
		// the tastes are learnable: factorisation beats the tendencies, which beat the average
		expect(mf).toBeLessThan(baseline);
		expect(baseline).toBeLessThan(mean);
		expect(await table.locator('tr.chosen').getAttribute('data-method')).toBe('mf');
		await page.getByTestId('ratings-reviewer').selectOption('shopper0');
		const list = page.getByTestId('ratings-suggestions').locator('li');
		await expect.poll(() => list.count(), { timeout: SLOW_MS }).toBe(10);
		const rated = new Set(
			lines.filter((l) => l.includes(',shopper0,')).map((l) => l.split(',')[0]),
		);
		for (const li of await list.allInnerTexts()) {
			expect(li).toMatch(/^P\d+ — Expected rating [\d.]+ ★/);
			expect(rated.has(li.split(' ')[0])).toBe(false);
		}
		// shopper0 likes the first twelve products: the top suggestion is one of them
		expect(Number((await list.first().innerText()).slice(1).split(' ')[0])).toBeLessThan(12);
	});

	it('learns likely fake reviews from reviews marked fake / OK, and keeps the marks after a reload', async () => {
		const page = session.page;
		const fake = ['wow', 'so happy', 'must buy', 'perfect', 'love it', 'ten stars'];
		const real = ['seam', 'zipper', 'hem', 'collar', 'button', 'pocket'];
		const lines = ['product_id,rating,date,review'];
		for (let i = 0; i < 12; i++) {
			lines.push(
				`Q${i},5,2024-04-0${1 + (i % 9)},best dress ever amazing my husband ${fake[i % 6]}`,
			);
			lines.push(`Q${i},3,2024-04-0${1 + (i % 9)},the ${real[i % 6]} came loose and it runs small`);
		}
		const file = join(mkdtempSync(join(tmpdir(), 'tc-fake-')), 'fake-reviews.csv');
		writeFileSync(file, lines.join('\n') + '\n');
		// the app is open already (the test before left it on a screen): the tab bar, not a page load
		await page.getByTestId('nav-market').click();
		await page.getByTestId('market-file').setInputFiles(file);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
			.toMatch(/fake-reviews\.csv: 24 rows as Reviews/);
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('fake-load').click();
		const status = page.getByTestId('fake-status');
		await expect
			.poll(() => status.innerText(), { timeout: SLOW_MS })
			.toMatch(/mark 8 more fake and 8 more OK/);
		const mark = async (query: string, button: string, kind: string, n: number) => {
			await page.getByTestId('fake-search').fill(query);
			await page.getByTestId('fake-search-go').click();
			const marked = page.locator(`[data-testid="fake-table"] tr[data-mark="${kind}"]`);
			// Wait for this search's list (the previous one also had 12 rows).
			await expect
				.poll(
					async () =>
						(await page.locator('[data-testid="fake-table"] tbody tr').allInnerTexts()).filter(
							(t) => t.includes(query),
						).length,
				)
				.toBe(12);
			for (let i = 0; i < n; i++) {
				await page.getByTestId(button).first().click();
				await expect.poll(() => marked.count()).toBe(i + 1);
			}
		};
		await mark('husband', 'fake-mark-fake', 'fake', 8);
		await mark('came loose', 'fake-mark-ok', 'genuine', 7);
		await expect.poll(() => status.innerText()).toMatch(/mark 0 more fake and 1 more OK/);
		await page.getByTestId('fake-mark-ok').first().click();
		await expect
			.poll(() => status.innerText(), { timeout: SLOW_MS })
			.toMatch(/Learnt from 8 fake and 8 OK reviews: \d+% right .*leave-one-out over 16/);
		const pctRight = Number((await status.innerText()).match(/(\d+)% right/)![1]);
		expect(pctRight).toBeGreaterThanOrEqual(80);
		// The unmarked planted fakes are flagged, with the words that gave them away.
		await page.getByTestId('fake-search').fill('husband');
		await page.getByTestId('fake-search-go').click();
		const unmarked = page.locator(
			'[data-testid="fake-table"] tr[data-mark=""] [data-testid="fake-verdict"]',
		);
		await expect
			.poll(() => page.locator('[data-testid="fake-table"] tbody tr').first().innerText())
			.toMatch(/husband/);
		await expect.poll(() => unmarked.count()).toBe(4);
		for (const v of await unmarked.allInnerTexts())
			expect(v).toMatch(
				/^Likely fake \(p = [\d.,]+\): wording like reviews you marked fake: '.*(amazing|husband|best)/,
			);

		// a page load of the Customers screen, as a returning visit
		await app.open('?view=customers');
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('fake-load').click({ timeout: SLOW_MS });
		await expect
			.poll(() => page.getByTestId('fake-summary').innerText(), { timeout: SLOW_MS })
			.toMatch(/you marked 8 fake and 8 OK/);
		expect(await status.innerText()).toMatch(/Learnt from 8 fake and 8 OK reviews/);
	});

	it('Cancel stops only the analysis: the data worker goes on and answers Explore', async () => {
		const page = session.page;
		// the test before left the app open on Customers, just reloaded: the tab bar, not another page
		// load (one data worker either way: the app starts one per page)
		await page.getByTestId('nav-customers').click();
		const progress = page.getByTestId('customers-progress');
		// an earlier test's visit may have finished the analysis: it is then shown from this device's
		// cache (kept per dataset version), and "Work them out again" runs it afresh
		const refresh = page.getByTestId('customers-refresh');
		await progress.or(refresh).first().waitFor({ timeout: SLOW_MS });
		if (await refresh.isVisible()) await refresh.click();
		await expect
			.poll(() => progress.innerText(), { timeout: SLOW_MS })
			.toMatch(/^Testing the recommendation methods\s+\d+%/);
		const dataWorkers = () => page.workers().filter((w) => /data\.worker/.test(w.url()));
		const worker = dataWorkers()[0];
		expect(worker).toBeDefined();
		await progress.getByTestId('cancel-button').click();
		await page.getByTestId('customers-cancelled').waitFor();
		// the worker was not ended (that cancelled every screen's query in flight): Explore's queries
		// are answered by the same one
		await page.getByTestId('nav-explore').click();
		await app.expectProducts();
		const plot = page.getByTestId('sales-chart').getByTestId('chart-plot');
		const before = await plot.getAttribute('aria-label');
		await app.pickProduct(1);
		// the chart names the product picked: its series came from the data worker
		await expect.poll(() => plot.getAttribute('aria-label'), { timeout: SLOW_MS }).not.toBe(before);
		expect(dataWorkers()).toEqual([worker]);
	}, 300_000);

	it('never left the origin and had no page error', () => {
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
