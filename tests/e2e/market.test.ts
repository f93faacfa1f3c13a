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

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../shared/data');

describe('Market screen', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	let postsFile = '';

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		const text = gunzipSync(
			readFileSync(join(DATA, 'social_posts/weibo_cctv_2020.csv.gz')),
		).toString('utf8');
		// The first ~2,000 posts: 1 Jan → early February 2020.
		let pos = 0;
		for (let i = 0; i <= 2000 && pos >= 0; i++) pos = text.indexOf('\n2020-', pos + 1);
		postsFile = join(mkdtempSync(join(tmpdir(), 'tc-market-')), 'weibo_posts.csv');
		writeFileSync(postsFile, text.slice(0, pos + 1));
		await app.open('/?view=market');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('imports a Trends export and a posts file, then shows topics and bursts', async () => {
		const page = session.page;
		const input = page.getByTestId('market-file');
		await input.setInputFiles(join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv'));
		await expect
			.poll(() => page.getByTestId('market-search').textContent(), { timeout: 60_000 })
			.toMatch(/yeezy \(United States\): 205 week values/);
		await input.setInputFiles(postsFile);
		await expect
			.poll(() => page.getByTestId('market-imported').textContent(), { timeout: 60_000 })
			.toMatch(/weibo_posts\.csv: 2,000 rows as Social posts/);
		await expect
			.poll(() => page.getByTestId('market-bursts').textContent(), { timeout: 120_000 })
			.toMatch(/(疫情|肺炎|冠状病毒).*posts in the day of/);
		const top = (await page.getByTestId('market-top').textContent()) ?? '';
		expect(top).toMatch(/肺炎|冠状病毒|疫情/);
		// Switch to Chinese: the same report in zh-CN.
		await app.open('/?view=market&lang=zh-CN');
		await expect
			.poll(() => page.getByTestId('market-bursts').textContent(), { timeout: 120_000 })
			.toMatch(/这一天有 \d+ 条帖子/);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
