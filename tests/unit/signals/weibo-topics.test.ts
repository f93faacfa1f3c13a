// The Market topics of the real Weibo file (social_posts/weibo_cctv_2020.csv.gz: 7,951 posts of one news
// account, Jan–May 2020), read and segmented as the market worker does (jieba): reporting verbs such as
// 表示 are no topic, and a burst lasting several days is listed once, with its span.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import { readPosts } from '../../../src/core/ingest/schemas/posts';
import { findTopics, mergeBursts, type TopicReport } from '../../../src/core/signals/topics';
import { ZH_FILLER_WORDS, ZH_REPORTING_VERBS, ZH_STOP } from '../../../src/core/text/stopwords';
import { analyzeText } from '../../../src/core/text/tokenize';
import { csvTextToTable } from '../../../workers/data/read-table';

const DATA = join(__dirname, '../../../../shared/data');
const DAY = 86_400_000;

describe('Market topics of the Weibo posts', () => {
	let rep: TopicReport;
	beforeAll(() => {
		const text = gunzipSync(
			readFileSync(join(DATA, 'social_posts/weibo_cctv_2020.csv.gz')),
		).toString('utf8');
		const posts = readPosts(csvTextToTable('weibo_cctv_2020.csv', text));
		expect(posts.records.length).toBe(7951);
		const engines = nodeEngines();
		const docs = posts.records.map((p) => ({
			ts: p.ts,
			terms: analyzeText(p.text, engines).terms,
			hashtags: p.hashtags,
			engagement: p.likes + p.shares + p.comments,
		}));
		// the app's bucket for 5 months of posts is the day (chooseBucket); a long list of keys
		rep = findTopics(docs, { topN: 100 });
	}, 120_000);

	it('reporting verbs (表示, 称, 透露, 指出 …) are stop words and no topic', () => {
		for (const w of ['表示', '称', '透露', '指出', '据悉']) {
			expect(ZH_REPORTING_VERBS).toContain(w);
			expect(ZH_STOP.has(w)).toBe(true);
		}
		expect(
			analyzeText('国家卫健委新闻发言人表示，疫情防控形势向好', nodeEngines()).terms,
		).not.toContain('表示');
		expect(rep.bucket).toBe('day');
		const keys = new Set([
			...rep.top.map((k) => k.key),
			...rep.rising.map((k) => k.key),
			...rep.falling.map((k) => k.key),
			...rep.bursts.map((b) => b.key),
			...rep.clusters.flatMap((c) => c.keys),
		]);
		for (const w of ZH_REPORTING_VERBS) expect(keys.has(w)).toBe(false);
		// nor time adverbs and filler (walk16: 今天 a top topic, 近日 and 通过 "rising")
		for (const w of ['今天', '近日', '通过', '网友']) expect(ZH_FILLER_WORDS).toContain(w);
		for (const w of ZH_FILLER_WORDS) expect(keys.has(w)).toBe(false);
		// the news topics themselves are still there
		expect(rep.top.slice(0, 10).map((k) => k.key)).toEqual(
			expect.arrayContaining(['疫情', '肺炎', '武汉']),
		);
	});

	it('a burst over consecutive days is listed once, with its span', () => {
		// #新型肺炎确诊病例# burst on 25, 26 and 27 January: one burst (it was listed three times)
		const tag = rep.bursts.filter((b) => b.key === '新型肺炎确诊病例');
		expect(tag).toHaveLength(1);
		expect(tag[0]).toMatchObject({
			start: Date.UTC(2020, 0, 25),
			last: Date.UTC(2020, 0, 27),
			buckets: 3,
		});
		// its count is the posts of the three days
		const i = rep.buckets.indexOf(Date.UTC(2020, 0, 25));
		const series = rep.top.find((k) => k.key === '新型肺炎确诊病例')?.series;
		if (series) expect(tag[0].count).toBe(series[i] + series[i + 1] + series[i + 2]);
		// no two bursts of one key touch or overlap
		const byKey = new Map<string, { start: number; last: number }[]>();
		for (const b of rep.bursts) byKey.set(b.key, [...(byKey.get(b.key) ?? []), b]);
		for (const list of byKey.values()) {
			list.sort((a, b) => a.start - b.start);
			for (let k = 1; k < list.length; k++)
				expect(list[k].start).toBeGreaterThan(list[k - 1].last + DAY);
		}
	});

	it('mergeBursts joins adjacent buckets only, summing counts and keeping the peak z', () => {
		const buckets = [0, 1, 2, 3, 4, 5].map((d) => d * DAY);
		const series = [1, 9, 8, 1, 7, 1];
		const found = [
			{ index: 1, expected: 1, z: 6 },
			{ index: 2, expected: 1.5, z: 5 },
			{ index: 4, expected: 1, z: 4.5 },
		];
		expect(mergeBursts({ key: 'x', series }, found, buckets)).toEqual([
			{ key: 'x', start: DAY, last: 2 * DAY, buckets: 2, count: 17, expected: 2.5, z: 6 },
			{ key: 'x', start: 4 * DAY, last: 4 * DAY, buckets: 1, count: 7, expected: 1, z: 4.5 },
		]);
	});
});
