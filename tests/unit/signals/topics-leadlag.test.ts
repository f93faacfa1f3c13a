// Burst detection on a planted burst and on the real Weibo file; lead-lag recovers a planted lag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPosts } from '../../../src/core/ingest/schemas/posts';
import { fusionBacktest, grangerTest, leadLag } from '../../../src/core/signals/leadlag';
import { rng } from '../../../src/core/signals/sentiment';
import { detectBursts, findTopics, type TopicDoc } from '../../../src/core/signals/topics';
import { analyzeText } from '../../../src/core/text/tokenize';
import { csvTextToTable } from '../../../workers/data/read-table';

const DATA = join(__dirname, '../../../../shared/data');
const DAY = 86_400_000;

describe('bursts', () => {
	it('finds a planted burst and nothing in steady Poisson noise', () => {
		const rand = rng(7);
		const totals = Array.from({ length: 60 }, () => 200);
		const counts = totals.map(() => 5 + Math.round((rand() - 0.5) * 4));
		expect(detectBursts(counts, totals)).toEqual([]);
		counts[40] = 30;
		const b = detectBursts(counts, totals);
		expect(b.map((x) => x.index)).toEqual([40]);
		expect(b[0].z).toBeGreaterThan(4);
	});

	it('topics: a planted hashtag burst on day 27 of 30 is found, rising, linked to its product', () => {
		const rand = rng(3);
		const docs: TopicDoc[] = [];
		for (let d = 0; d < 30; d++)
			for (let k = 0; k < 50; k++) {
				const burst = d === 27 && k < 25;
				docs.push({
					ts: Date.UTC(2024, 0, 1) + d * DAY + k * 60_000,
					terms: burst ? ['satin', 'dress'] : [rand() < 0.5 ? 'shoe' : 'bag', 'sale'],
					hashtags: burst ? ['satindress'] : rand() < 0.05 ? ['satindress'] : [],
					engagement: 0,
				});
			}
		const rep = findTopics(docs, {
			bucket: 'day',
			products: [
				{ id: 'P1', terms: ['satin', 'dress', 'midi'] },
				{ id: 'P2', terms: ['leather', 'bag'] },
			],
		});
		expect(rep.buckets.length).toBe(30);
		const b = rep.bursts.find((x) => x.key === 'satindress');
		expect(b?.start).toBe(Date.UTC(2024, 0, 28));
		expect(rep.rising.map((k) => k.key)).toContain('satindress');
		const c = rep.clusters.find((x) => x.keys.includes('satindress'));
		expect(c?.products[0]?.id).toBe('P1');
	});

	it('ranks the top topics by engagement: fewer posts with many likes beat more posts with none', () => {
		const docs: TopicDoc[] = [];
		for (let k = 0; k < 40; k++)
			docs.push({
				ts: Date.UTC(2024, 0, 1) + k * 3_600_000,
				terms: k < 24 ? ['cardigan'] : ['trench'],
				hashtags: [],
				engagement: k < 24 ? 0 : 500,
			});
		const rep = findTopics(docs, { bucket: 'day', minCount: 2 });
		// 24 cardigan posts weigh 24; 16 trench posts weigh 16 × (1 + ln 501) ≈ 115
		expect(rep.top.map((x) => x.key)).toEqual(['trench', 'cardigan']);
		expect(rep.top[0].weighted).toBeCloseTo(16 * (1 + Math.log(501)), 6);
		expect(rep.top[1].count).toBe(24);
	});

	it('finds the COVID-19 topics of late January 2020 in the real Weibo posts', async () => {
		const text = gunzipSync(
			readFileSync(join(DATA, 'social_posts/weibo_cctv_2020.csv.gz')),
		).toString('utf8');
		const posts = readPosts(csvTextToTable('weibo_cctv_2020.csv', text));
		expect(posts.records.length).toBe(7951);
		expect(posts.mapping).toMatchObject({
			ts: 'created_at',
			text: 'text',
			hashtags: 'hashtags',
			likes: 'likes',
		});
		const docs = posts.records.map((p) => ({
			ts: p.ts,
			terms: analyzeText(p.text).terms,
			hashtags: p.hashtags,
			engagement: p.likes + p.shares + p.comments,
		}));
		const rep = findTopics(docs, { bucket: 'week' });
		expect(rep.buckets.length).toBe(22);
		const early = rep.bursts.filter((b) => b.start < Date.UTC(2020, 1, 10));
		expect(early.some((b) => /疫情|肺炎|武汉/.test(b.key))).toBe(true);
	}, 60_000);
});

describe('lead-lag', () => {
	it('recovers a planted lag of 3 after prewhitening an autocorrelated signal', () => {
		const rand = rng(11);
		const n = 150;
		const x: number[] = [];
		let a = 0;
		for (let t = 0; t < n; t++) x.push((a = 0.7 * a + (rand() - 0.5) * 2));
		const y = x.map((_v, t) => (t >= 3 ? 2 * x[t - 3] : 0) + (rand() - 0.5) * 0.8 + 10);
		const r = leadLag(x, y);
		expect(r.bestLag).toBe(3);
		expect(r.lags[3].significant).toBe(true);
		expect(r.grangerP).toBeLessThan(0.001);
		// No lead in independent noise.
		const z = x.map(() => rand());
		expect(grangerTest(z, y, 3)).toBeGreaterThan(0.01);
	});

	it('fusion: a leading signal lowers the held-out MASE of regression/ARIMA', () => {
		const rand = rng(5);
		const n = 120;
		const x: number[] = [];
		let a = 0;
		for (let t = 0; t < n; t++) x.push((a = 0.8 * a + (rand() - 0.5) * 4) + 20);
		const y = x.map((_v, t) => (t >= 4 ? 3 * x[t - 4] : 60) + (rand() - 0.5) * 2);
		const f = fusionBacktest(y, x, { horizon: 4, origins: 3 });
		expect(f.lag).toBe(4);
		expect(f.lift).toBeLessThan(0.7);
	}, 60_000);
});
