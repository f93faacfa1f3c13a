// E2E: the Market screen in the built app — import a real Google Trends export and a slice of the real
// Weibo posts (Chinese, #话题# tags) → the market worker segments them with jieba-wasm under the app's CSP,
// finds the late-January 2020 bursts, and lists the search series; nothing is requested from elsewhere.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import { pageOverflow } from './pages/overflow';
import { seenTexts, watchTestId } from './pages/seen';

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../shared/data');

describe('Market screen', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	let postsFile = '';
	let reviewsFile = '';
	let catalogFile = '';

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		const text = gunzipSync(
			readFileSync(join(DATA, 'social_posts/weibo_cctv_2020.csv.gz')),
		).toString('utf8');
		// The first ~2,000 posts: 1 Jan → early February 2020.
		let pos = 0;
		for (let i = 0; i <= 2000 && pos >= 0; i++) pos = text.indexOf('\n2020-', pos + 1);
		const dir = mkdtempSync(join(tmpdir(), 'tc-market-'));
		postsFile = join(dir, 'weibo_posts.csv');
		writeFileSync(postsFile, text.slice(0, pos + 1));
		// 1,500 real Tmall reviews (with masked nicknames) and two seasons of VISUELLE launches.
		const reviews = gunzipSync(readFileSync(join(DATA, 'zh_reviews/tmall_clothing_reviews.csv.gz')))
			.toString('utf8')
			.split('\n');
		reviewsFile = join(dir, 'tmall_reviews.csv');
		writeFileSync(reviewsFile, reviews.slice(0, 1501).join('\n'));
		const launches = readFileSync(join(DATA, 'visuelle/train.csv'), 'utf8').trim().split('\n');
		catalogFile = join(dir, 'launches.csv');
		writeFileSync(
			catalogFile,
			[launches[0], ...launches.slice(1).filter((l) => /,(SS19|AW19),/.test(l))].join('\n'),
		);
		await app.open('/?view=market');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('imports a Trends export and a posts file, then shows topics and bursts', async () => {
		const page = session.page;
		// the app's styled picker (as on Import), not the browser's bare file input: a named drop area,
		// and the file input is reached by Tab from the kind select and named by the button's words
		expect(await page.getByTestId('market-file-drop').getAttribute('aria-label')).toBe(
			'Import a market file',
		);
		await page.getByTestId('market-kind').focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
			'market-file',
		);
		expect(await page.getByLabel('Choose a file…').getAttribute('data-testid')).toBe('market-file');
		const input = page.getByTestId('market-file');
		await input.setInputFiles(join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv'));
		await expect
			.poll(() => page.getByTestId('market-search').textContent(), { timeout: 60_000 })
			.toMatch(/yeezy \(United States\): 205 week values/);
		await watchTestId(page, 'market-progress');
		await input.setInputFiles(postsFile);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
			.toMatch(/weibo_posts\.csv: 2,000 rows as Social posts/);
		await expect
			.poll(() => page.getByTestId('market-bursts').textContent(), { timeout: 120_000 })
			.toMatch(/(疫情|肺炎|冠状病毒).*posts (in the day of|over \d+ days, )/);
		// while the posts were analysed: the phase, a share done and a Cancel (was: one static line)
		const progress = await seenTexts(page, 'market-progress');
		expect(progress.some((x) => /^(Reading the posts|Finding topics and bursts)\b/.test(x))).toBe(
			true,
		);
		expect(progress.some((x) => /\d+%.*Cancel \| \d+$/.test(x))).toBe(true);
		const top = (await page.getByTestId('market-top').textContent()) ?? '';
		expect(top).toMatch(/肺炎|冠状病毒|疫情/);
		// Volume over time: the chart of all posts, then of one chosen topic.
		const chart = page.getByTestId('market-volume-chart').first();
		expect(await chart.getByRole('slider').getAttribute('aria-label')).toMatch(
			/Posts per daily bucket: all posts/,
		);
		const keySelect = page.getByTestId('market-volume-key').first();
		const firstKey = (await keySelect.locator('option').nth(1).getAttribute('value')) ?? '';
		await keySelect.selectOption(firstKey);
		await expect
			.poll(() => chart.getByRole('slider').getAttribute('aria-label'))
			.toContain(`Posts per daily bucket: ${firstKey}`);
		// The legend and the table view name the series "Posts", not "Sales".
		const legendHead = async () => {
			const c = page.getByTestId('market-volume-chart').first();
			if ((await c.getByTestId('chart-table-toggle').getAttribute('aria-pressed')) !== 'true')
				await c.getByTestId('chart-table-toggle').click();
			return (await c.getByTestId('chart-table').locator('thead th').allTextContents()).map((x) =>
				x.trim(),
			);
		};
		expect((await legendHead())[1]).toBe('Posts');
		// Switch to Chinese: the same report in zh-CN.
		await app.open('/?view=market&lang=zh-CN');
		await expect
			.poll(() => page.getByTestId('market-bursts').textContent(), { timeout: 120_000 })
			.toMatch(/(这一天有|连续 \d+ 天共有) \d+ 条帖子/);
		expect(await page.getByTestId('market-file-drop').textContent()).toContain('选择文件…');
		expect((await legendHead())[1]).toBe('帖子数');
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});

	it('describes reviewer personas and forecasts a new product from past launches', async () => {
		const page = session.page;
		// back to English with the language switch, as a user does: a page load would build the whole
		// report (posts, search) again (the report after a page load: the tests before and after this one)
		await page.getByRole('combobox', { name: '语言' }).selectOption('en');
		const input = page.getByTestId('market-file');
		await input.setInputFiles(reviewsFile);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
			.toMatch(/tmall_reviews\.csv: 1,481 rows as Reviews/);
		// the reviews' personas (the CCTV posts' come after them and, being news, name no aspects)
		const personas = page
			.getByTestId('market-personas')
			.filter({ hasText: /of the review(er)?s/ })
			.first();
		await expect.poll(() => personas.textContent(), { timeout: 120_000 }).toMatch(/% of the/);
		const text = (await personas.textContent()) ?? '';
		expect(text).toMatch(/(Fans|Critics|Regulars|Casual voices|Influencers)/);
		expect(text).toMatch(/They (praise|complain about) /);
		expect(await personas.locator('section').count()).toBeGreaterThanOrEqual(2);
		// Sentiment over time of the most reviewed product (monthly share of positive reviews).
		expect(
			await page
				.getByTestId('market-sentiment-chart')
				.first()
				.getByRole('slider')
				.getAttribute('aria-label'),
		).toMatch(/Share of positive reviews per month: \d+/);
		// Past launches with weekly sales, then Google Trends words for the attributes.
		await input.setInputFiles(catalogFile);
		await expect
			.poll(() => page.getByTestId('market-np-backtest').textContent(), { timeout: 120_000 })
			.toMatch(/Tested by hiding your latest \d+ launches/);
		expect(await page.getByTestId('market-np-search').textContent()).toContain(
			'No imported search interest',
		);
		await page.getByTestId('market-kind').selectOption('search');
		await input.setInputFiles(join(DATA, 'visuelle/gtrends.csv'));
		await expect
			.poll(() => page.getByTestId('market-np-search').textContent(), { timeout: 120_000 })
			.toMatch(/Search interest in .*long sleeve.* is (used|not used)/);
		await page.getByTestId('market-np-attr-category').selectOption('long sleeve');
		await page.getByTestId('market-np-launch').fill('2020-01-06');
		await page.getByTestId('market-np-run').click();
		await expect
			.poll(() => page.getByTestId('market-np-result').textContent(), { timeout: 60_000 })
			.toMatch(/Expected sales in the first 12 weeks/);
		expect(await page.getByTestId('market-np-table').locator('tbody tr').count()).toBe(12);
		// The similar past launches, with why: VISUELLE has attributes and no titles.
		expect(await page.getByTestId('market-np-why').first().textContent()).toMatch(
			/^same category long sleeve.*; (same launch month|launched \d months apart in the year)/,
		);
		expect(await page.getByTestId('market-np-chart').isVisible()).toBe(true);
		// The same screen in Chinese (the language switch; the next test reloads the screen).
		await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
		await expect
			.poll(() => page.getByTestId('market-np-backtest').textContent(), { timeout: 120_000 })
			.toMatch(/隐藏最近的 \d+ 次上新/);
		await expect
			.poll(() => page.getByTestId('market-personas').last().textContent(), { timeout: 120_000 })
			.toMatch(/占全部/);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});

	it('with reviews, posts and launches imported, the screen fits a 390-px phone in English', async () => {
		const page = session.page;
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			await app.open('/?view=market&lang=en');
			await page.getByTestId('market-products').first().waitFor({ timeout: 120_000 });
			await page.getByTestId('market-personas').last().waitFor({ timeout: 120_000 });
			// the page load built the past launches' model again from the stored catalog
			await expect
				.poll(() => page.getByTestId('market-np-backtest').textContent(), { timeout: 120_000 })
				.toMatch(/Tested by hiding your latest \d+ launches/);
			const overflow = await pageOverflow(page);
			// was: the reviews' product table 511 px wide, the whole page scrolled sideways
			expect(overflow.wide).toEqual([]);
			expect(overflow.width).toBeLessThanOrEqual(390);
			// the CCTV posts are news: no review aspects from them, and the screen says so
			expect(await page.getByTestId('market-personas-news').first().textContent()).toMatch(
				/^\s*2,000 posts read as news/,
			);
			// a Trends export with a long file name (a single word): its "Imported …" line breaks on a
			// phone (walkthrough 2026-12-07: the page was 449 px wide)
			await page
				.getByTestId('market-file')
				.setInputFiles(
					join(DATA, 'search_interest/bigbazaar_dmart_india_monthly_multiTimeline.csv'),
				);
			await expect
				.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
				.toContain('bigbazaar_dmart_india_monthly_multiTimeline.csv');
			expect((await pageOverflow(page)).width).toBeLessThanOrEqual(390);
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});
});
