// E2E: what a shop owner gets on the Market screen from their own files (issue 14), in the built app.
// Weekly sales that follow the real Yeezy search interest two weeks later are imported on "Your data";
// then on the Market tab: a posts export whose headers the app does not know (real brand tweets with
// renamed columns) fails with the file and the missing role named, the owner picks the columns and it
// imports; hot topics have no clitic tokens ('s, i’m), rising and falling lists and topic clusters linked
// to the catalog's products; the real labelled Chinese clothing reviews train the classifier in the
// worker and its held-out accuracy/F1 is shown beside the word-list baseline; the real Google Trends
// export leads the sales by 2 weeks (lag 0–8, Granger p); in Chinese, a hand-made Chinese-locale export
// (类别：所有类别, full-width punctuation, <1) imports and a missing column is named in Chinese.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/core/ingest/csv';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../shared/data');
const DAY = 86_400_000;

describe('Market signals from the owner’s own files', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	/** What the Market screen says it imported (empty while the line is not there yet). */
	const importedText = () =>
		session.page
			.getByTestId('market-imported')
			.textContent()
			.catch(() => '');
	const trendsFile = join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv');
	let dir = '';
	let salesFile = '';
	let postsFile = '';
	let catalogFile = '';
	let zhTrendsFile = '';
	let zhBadFile = '';

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		dir = mkdtempSync(join(tmpdir(), 'tc-market-signals-'));
		// sales = 5 + 2 × the search interest two weeks before (Monday weeks)
		const rows = readFileSync(trendsFile, 'utf8')
			.split('\n')
			.filter((l) => /^\d{4}-\d\d-\d\d,/.test(l))
			.map((l) => {
				const [d, v] = l.split(',');
				return {
					monday: Date.parse(`${d}T00:00:00Z`) + DAY,
					v: v.trim() === '<1' ? 0.5 : Number(v),
				};
			});
		const sales = ['date,product,quantity'];
		rows.forEach((r, i) => {
			const lead = i >= 2 ? rows[i - 2].v : rows[0].v;
			sales.push(`${new Date(r.monday).toISOString().slice(0, 10)},YZY-350,${5 + 2 * lead}`);
		});
		salesFile = join(dir, 'yeezy_sales.csv');
		writeFileSync(salesFile, sales.join('\n') + '\n');
		// 1,500 real brand tweets with headers no synonym knows: when / msg / hearts / boosts
		const tweets = parseCsv(
			gunzipSync(readFileSync(join(DATA, 'social_posts/brand_tweets_2021-12.csv.gz'))).toString(
				'utf8',
			),
		);
		const h = tweets[0];
		const col = (name: string) => h.indexOf(name);
		const out = [['when', 'msg', 'hearts', 'boosts', 'who']];
		for (const r of tweets.slice(1, 1501))
			out.push([
				r[col('created_at')],
				r[col('text')],
				r[col('likes')],
				r[col('retweets')],
				r[col('author_id')],
			]);
		postsFile = join(dir, 'my_tweets_export.csv');
		writeFileSync(postsFile, toCsv(out));
		catalogFile = join(dir, 'catalog.csv');
		writeFileSync(
			catalogFile,
			'product_id,title,description,category,price,launch_date\n' +
				'P1,Pink holiday party dress,pink satin dress for the holiday season,dresses,59,2021-11-01\n' +
				'P2,Ice rink puffer jacket,warm puffer jacket for the ice rink,jackets,89,2021-10-01\n' +
				'P3,Closet bundle,bundle of closet listing items for poshmark,bundles,20,2021-09-01\n',
		);
		// the Chinese-locale export as the website writes it (BOM, full-width colon and brackets, <1,
		// a zero-width space), and a posts file without any text column
		zhTrendsFile = join(dir, 'zh_multiTimeline.csv');
		writeFileSync(
			zhTrendsFile,
			'\ufeff类别：所有类别\n\n周,连衣裙：（中国）,\u200b卫衣：（中国）\n' +
				'2024-01-07,45,<1\n2024-01-14,50,3\n2024-01-21,61,4\n2024-01-28,70,5\n',
		);
		zhBadFile = join(dir, '帖子导出.csv');
		writeFileSync(zhBadFile, '发布时间,点赞数\n2024-01-01 10:00,3\n');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('maps unknown columns, finds topics, trains the classifier and measures the lead', async () => {
		const page = session.page;
		await app.open('/?lang=en');
		await app.startNewImport();
		expect(await app.pickFile(salesFile)).toBe('mapping');
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(205);
		await app.open('/?view=market&lang=en');
		const input = page.getByTestId('market-file');
		// unknown headers: the error names the file and the role, the columns form opens
		await input.setInputFiles(postsFile);
		await expect
			.poll(
				() =>
					page
						.getByTestId('market-error')
						.textContent()
						.catch(() => ''),
				{ timeout: 60_000 },
			)
			.toMatch(
				/^my_tweets_export\.csv: no column was recognised as “Time”\. Columns found: when, msg, hearts, boosts, who\./,
			);
		const form = page.getByTestId('market-columns');
		await form.waitFor();
		const role = (r: string) =>
			form.locator(`[data-testid="market-role-select"][data-role="${r}"]`);
		await role('ts').selectOption('when');
		await role('text').selectOption('msg');
		await role('likes').selectOption('hearts');
		await role('shares').selectOption('boosts');
		await page.getByTestId('market-apply-columns').click();
		await expect
			.poll(importedText, { timeout: 60_000 })
			.toMatch(/my_tweets_export\.csv: 1,500 rows as Social posts/);
		expect(await page.getByTestId('market-mapping').textContent()).toMatch(
			/Time ← when; Text ← msg; .*Likes ← hearts; Shares ← boosts/,
		);
		expect(await form.count()).toBe(0);
		// hot topics of the tweets: engagement-weighted top keys without clitics, rising/falling lists
		const top = page.getByTestId('market-top').first();
		await expect
			.poll(() => top.locator('tbody tr').count(), { timeout: 120_000 })
			.toBeGreaterThan(5);
		const keys = (await top.locator('tbody tr td:first-child').allTextContents()).map((x) =>
			x.trim(),
		);
		expect(keys).toContain('#poshmark');
		expect(keys.filter((k) => /['’]/.test(k))).toEqual([]);
		expect(await page.getByTestId('market-rising').first().textContent()).toMatch(/\p{L}+, \p{L}/u);
		expect(await page.getByTestId('market-falling').first().textContent()).toMatch(
			/\p{L}+, \p{L}/u,
		);
		expect(await page.getByTestId('market-bursts').first().textContent()).not.toMatch(/^\s*['’]/m);
		// personas of the tweets speak of posts, not reviews
		await expect
			.poll(() => page.getByTestId('market-personas').first().textContent(), { timeout: 120_000 })
			.toMatch(/% of the posts \(/);
		// a catalog links the topic clusters to products by their text
		await input.setInputFiles(catalogFile);
		await expect
			.poll(() => page.getByTestId('market-clusters').first().textContent(), { timeout: 120_000 })
			.toMatch(/poshmark.*— matches products: [^—]*P3/);
		// the real labelled Chinese reviews: classifier trained in the worker, held-out scores shown
		await input.setInputFiles(join(DATA, 'zh_reviews/clothing_sentiment_train.csv'));
		const model = page.getByTestId('market-model').first();
		await expect
			.poll(() => model.textContent().catch(() => ''), { timeout: 180_000 })
			.toMatch(/^A classifier trained on 5,600 of your labelled reviews \(your labels\)/);
		const m =
			/accuracy (\d(?:\.\d+)?) and F1 (\d(?:\.\d+)?) on 1,400 held-out reviews; the word-list baseline scores (\d(?:\.\d+)?) and (\d(?:\.\d+)?)\./.exec(
				(await model.textContent()) ?? '',
			);
		expect(m).not.toBeNull();
		const [acc, f1, lexAcc, lexF1] = m!.slice(1).map(Number);
		expect(acc).toBeGreaterThanOrEqual(0.93);
		expect(f1).toBeGreaterThanOrEqual(0.93);
		expect(acc).toBeGreaterThan(lexAcc + 0.05);
		expect(f1).toBeGreaterThan(lexF1 + 0.05);
		// the real search export leads the planted sales by 2 weeks, with its significance
		await input.setInputFiles(trendsFile);
		await expect
			.poll(
				() =>
					page
						.getByTestId('market-leadlag')
						.textContent()
						.catch(() => ''),
				{
					timeout: 120_000,
				},
			)
			.toMatch(
				/Searches for “yeezy” lead your sales by 2 weeks \(correlation (0\.9\d|1); Granger test p (< 0\.001|= 0\.0\d+)\)/,
			);
		expect(session.pageErrors).toEqual([]);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});

	it('in Chinese: reads a Chinese-locale Trends export and names a missing column in Chinese', async () => {
		const page = session.page;
		await app.open('/?view=market&lang=zh-CN');
		const input = page.getByTestId('market-file');
		await input.setInputFiles(zhTrendsFile);
		await expect
			.poll(importedText, { timeout: 60_000 })
			.toMatch(/已导入 zh_multiTimeline\.csv：4 行，类型为搜索热度/);
		expect(await page.getByTestId('market-issues').textContent()).toMatch(/有 1 个值写作“<1”/);
		// the report is rebuilt with every file (the 7,000 reviews are trained again): wait for it
		await expect
			.poll(() => page.getByTestId('market-search').allTextContents(), { timeout: 180_000 })
			.toContainEqual(
				expect.stringMatching(/连衣裙（中国）：4 个周数据.*卫衣（中国）：4 个周数据/s),
			);
		await input.setInputFiles(zhBadFile);
		await expect
			.poll(
				() =>
					page
						.getByTestId('market-error')
						.textContent()
						.catch(() => ''),
				{ timeout: 60_000 },
			)
			.toBe('帖子导出.csv：没有识别出“正文”列。文件中的列：发布时间, 点赞数。请在下方选择。');
		expect(await page.getByTestId('market-columns').textContent()).toMatch(
			/正文（必填）|正文 \(必填\)/,
		);
		expect(session.pageErrors).toEqual([]);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});
});
