// The market worker's service in Node: real files imported through the schemas into Dexie (fake
// IndexedDB, version 5 tables), kinds detected, errors named, and the Market report built from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { translate } from '../../../src/lib/i18n/translate';
import { createSignalsService } from '../../../workers/data/signals-service';

const DATA = join(__dirname, '../../../../shared/data');
const file = (name: string, text: string) => ({
	name,
	bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
});

function service() {
	const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
	return createSignalsService({ db, engines: async () => nodeEngines() });
}

describe('signals service', () => {
	it('imports a Google Trends export, posts and reviews, detects kinds and builds the report', async () => {
		const s = service();
		const yeezy = readFileSync(
			join(DATA, 'search_interest/yeezy_us_weekly_multiTimeline.csv'),
			'utf8',
		);
		const search = await s.importSignals(file('yeezy.csv', yeezy));
		expect(search).toMatchObject({ kind: 'search', rowCount: 205, frequency: 'week' });
		const posts = ['created_at,text,likes,retweets'];
		const start = Date.UTC(2018, 0, 1);
		for (let d = 0; d < 40; d++)
			for (let k = 0; k < 10; k++) {
				const burst = d === 30 && k < 8;
				posts.push(
					`${new Date(start + d * 86_400_000 + k * 60_000).toISOString()},"${burst ? 'new #yeezy boost drop' : 'coffee morning'} ${k}",${k},0`,
				);
			}
		const p = await s.importSignals(file('posts.csv', posts.join('\n')));
		expect(p).toMatchObject({ kind: 'posts', rowCount: 400 });
		const reviews = ['product,rating,review'];
		for (let i = 0; i < 60; i++)
			reviews.push(
				`A${i % 3},${i % 2 ? 5 : 1},"${i % 2 ? '质量很好，颜色漂亮' : '尺码偏小，质量差'}"`,
			);
		const rv = await s.importSignals(file('reviews.csv', reviews.join('\n')));
		expect(rv.kind).toBe('reviews');
		expect((await s.listSignals()).length).toBe(3);
		// Weekly sales that follow the search series one week later.
		const set = (await s.marketReport(null)).search[0].series[0];
		const ds: number[] = [];
		const y: number[] = [];
		set.ds.forEach((t, i) => {
			ds.push(t + 86_400_000); // Google's Sunday weeks → Monday weeks
			y.push(i > 0 ? 10 * set.y[i - 1] + 5 : 5);
		});
		const rep = await s.marketReport({ name: 'total', ds, y });
		expect(rep.topics[0].report.bursts.some((b) => b.key === 'yeezy')).toBe(true);
		const f = rep.leadLag.find((x) => x.signalKind === 'search');
		expect(f?.bestLag).toBe(1);
		expect(rep.reviews[0].model?.accuracy).toBeGreaterThan(0.9);
		const a0 = rep.reviews[0].products[0].aspects.map((a) => a.aspect);
		expect(a0).toEqual(expect.arrayContaining(['quality', 'size']));
		// Personas: the reviews name no authors → two voices, the 1-star one complains about size.
		const voices = rep.personas.find((x) => x.source === 'reviews')!.report;
		expect(voices.unit).toBe('voice');
		expect(voices.k).toBe(2);
		expect(voices.personas.map((x) => x.members)).toEqual([30, 30]);
		const critics = voices.personas.find((x) => x.archetype === 'critics')!;
		expect(critics.negative).toBe(1);
		expect(critics.aspects.map((x) => x.aspect)).toEqual(expect.arrayContaining(['size']));
		expect(rep.personas.find((x) => x.source === 'posts')?.report.personas.length).toBeGreaterThan(
			0,
		);
		await s.deleteSignals(search.id);
		expect((await s.listSignals()).map((x) => x.kind).sort()).toEqual(['posts', 'reviews']);
	}, 60_000);

	it('says the labels were too few (rows per label and the minimum), not that there were none', async () => {
		const s = service();
		const reviews = ['product,label,review'];
		for (let i = 0; i < 8; i++)
			reviews.push(`A,${i < 5 ? 1 : 0},"${i < 5 ? '质量很好，颜色漂亮' : '尺码偏小，质量差'}"`);
		await s.importSignals(file('few-labels.csv', reviews.join('\n')));
		const rv = (await s.marketReport(null)).reviews[0];
		expect(rv.model).toBeNull();
		expect(rv.thin).toEqual({
			target: 'label',
			counts: [
				{ label: '1', n: 5 },
				{ label: '0', n: 3 },
			],
			min: 10,
			minTotal: 50,
		});
		const p = { counts: '5 “1”, 3 “0”', min: rv.thin!.min, minTotal: rv.thin!.minTotal };
		expect(translate('en', 'market_model_thin', p)).toBe(
			'Too few labelled reviews to learn from (5 “1”, 3 “0”): the classifier needs 2 labels, at least 10 reviews of each and 50 in all. Sentiment comes from the word lists.',
		);
		expect(translate('zh-CN', 'market_model_thin', p)).toContain('每种至少 10 条');
	}, 60_000);

	it('takes no review aspects (size, price, quality …) from a news feed, but does from shoppers', async () => {
		const s = service();
		const news = ['created_at,text'];
		const shop = ['created_at,author,text'];
		const start = Date.UTC(2020, 0, 1);
		const at = (d: number) => new Date(start + d * 3_600_000).toISOString();
		const heads = ['【猪肉价格回落】', '【空气质量】', '【春运首日】', '【暖心】'];
		const shopper = ['尺码偏小，不满意', '价格很好，满意', '质量很好，喜欢', '面料太差，失望'];
		for (let d = 0; d < 40; d++) {
			news.push(`${at(d)},"${heads[d % 4]}各地价格、质量和尺码标准…详情↓ ${d}"`);
			shop.push(`${at(d)},u${d % 10},"${shopper[d % 4]} ${d % 7 ? '' : '#穿搭'}"`);
		}
		await s.importSignals(file('cctv.csv', news.join('\n')));
		await s.importSignals(file('shoppers.csv', shop.join('\n')));
		const personas = (await s.marketReport(null)).personas;
		const feed = personas.find((p) => p.name.startsWith('cctv'))!;
		expect(feed.news).toBe(40);
		expect(feed.report.personas.length).toBeGreaterThan(0);
		expect(feed.report.personas.flatMap((p) => p.aspects)).toEqual([]);
		const shoppers = personas.find((p) => p.name.startsWith('shoppers'))!;
		expect(shoppers.news).toBe(0);
		expect(shoppers.report.personas.flatMap((p) => p.aspects).length).toBeGreaterThan(0);
		expect(translate('zh-CN', 'market_personas_news', { n: 40 })).toContain(
			'40 条帖子被识别为新闻',
		);
	}, 60_000);

	it('names the file and the expected columns when a posts file has no text column', async () => {
		const s = service();
		await expect(
			s.importSignals(file('bad.csv', 'created_at,likes\n2020-01-01,3\n'), 'posts'),
		).rejects.toThrow(/bad\.csv: no column for "text"/);
		await expect(
			s.importSignals(file('bad2.csv', 'Week,x: (US)\n2024-01-07,1\nnope,2\n')),
		).rejects.toThrow(/Row 2 .*column "Week"/);
	});

	it('says a missing column and a bad search export as message codes (the UI words them in zh or en)', async () => {
		const s = service();
		await expect(
			s.importSignals(file('帖子.csv', '发布时间,点赞\n2020-01-01,3\n'), 'posts'),
		).rejects.toMatchObject({
			code: 'market_error_missing_column',
			params: { file: '帖子.csv', kind: 'posts', role: 'text', columns: '发布时间, 点赞' },
		});
		await expect(
			s.importSignals(file('t.csv', 'Week,x: (US)\n2024-01-07,1\nnope,2\n')),
		).rejects.toMatchObject({
			code: 'market_error_search_date',
			params: { file: 't.csv', row: 2, column: 'Week' },
		});
	});

	it('reads a gzip-compressed export (.csv.gz, as the sales import does) and names a damaged one', async () => {
		const s = service();
		// The first 200 real Tmall reviews, packed as the shared file is.
		const lines = gunzipSync(readFileSync(join(DATA, 'zh_reviews/tmall_clothing_reviews.csv.gz')))
			.toString('utf8')
			.split('\n');
		const starts = lines.flatMap((l, i) => (/^(jeanswest|uniqlo),/.test(l) ? [i] : []));
		const packed = gzipSync(lines.slice(0, starts[200]).join('\n'));
		const name = 'tmall_clothing_reviews.csv.gz';
		const bytes = packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength);
		expect(await s.signalColumns({ name, bytes })).toMatchObject({ kind: 'reviews' });
		const set = await s.importSignals({ name, bytes });
		expect(set.kind).toBe('reviews');
		// 200 reviews, less the few with no text
		expect(set.rowCount).toBeGreaterThan(190);
		const broken = new Uint8Array(packed.subarray(0, 40)); // a copy: its own 40-byte buffer
		await expect(
			s.importSignals({ name: 'x.csv.gz', bytes: broken.buffer as ArrayBuffer }),
		).rejects.toMatchObject({ code: 'import_bad_gzip', params: { file: 'x.csv.gz' } });
	});

	it('words a file that is no table without calling it a sales table (the Market takes posts and reviews)', async () => {
		const png = new Uint8Array(
			readFileSync(join(__dirname, '../../fixtures/ingest/not-a-table.png')),
		);
		const err = (await service()
			.importSignals({ name: 'posts.png', bytes: png.buffer as ArrayBuffer })
			.catch((e: unknown) => e)) as { code: string; params: Record<string, string> };
		expect(err.code).toBe('sniff_looks_like');
		const en = translate('en', err.code as never, err.params);
		const zh = translate('zh-CN', err.code as never, err.params);
		expect(en).toMatch(/^posts\.png looks like a PNG image, not a data table\./);
		expect(en).not.toMatch(/sales/);
		expect(zh).not.toMatch(/销售/);
	});

	it('imports posts from a JSON export (an array of records, as scraping tools write it)', async () => {
		const s = service();
		const json = JSON.stringify(
			Array.from({ length: 12 }, (_x, k) => ({
				created_at: `2021-12-01 ${String(k).padStart(2, '0')}:02:59+00:00`,
				text: k % 2 ? `my #Shein order ${k} 😍` : `new #Poshmark listing ${k}`,
				likes: k,
				author_id: `a${k}`,
			})),
		);
		const meta = await s.importSignals(file('tweets.json', json));
		expect(meta).toMatchObject({ kind: 'posts', rowCount: 12 });
		expect(meta.mapping).toMatchObject({
			ts: 'created_at',
			text: 'text',
			likes: 'likes',
			author: 'author_id',
		});
		const rep = await s.marketReport(null);
		expect(rep.topics[0].report.top.map((k) => (k.isHashtag ? '#' : '') + k.key)).toEqual(
			expect.arrayContaining(['#shein', '#poshmark']),
		);
	});

	it("reads a catalog's past launches with the columns the owner chose", async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const s = createSignalsService({ db, engines: async () => nodeEngines() });
		// "on shelf" names no known role: guessed, the launch date is missing and no launch is kept
		const text =
			'sku,name,category,on shelf,0,1,2\n' +
			'A1,red dress,dresses,2024-03-04,10,8,6\n' +
			'B2,blue coat,coats,2024-09-02,4,5,7\n';
		const f = file('catalog.csv', text);
		const guessed = await s.importSignals(f, 'catalog');
		expect(guessed.mapping.launch).toBeUndefined();
		const none = (await db.signalRecords.get(`${guessed.id}#launches`))?.records ?? [];
		expect(none).toHaveLength(0);
		const chosen = await s.importSignals(f, 'catalog', { launch: 'on shelf' }, guessed.id);
		const launches = (await db.signalRecords.get(`${chosen.id}#launches`))?.records as {
			id: string;
			launch: number;
			curve: number[];
		}[];
		expect(launches.map((p) => [p.id, new Date(p.launch).toISOString().slice(0, 10)])).toEqual([
			['A1', '2024-03-04'],
			['B2', '2024-09-02'],
		]);
		expect(launches[1].curve).toEqual([4, 5, 7]);
	});

	it('imports with the columns the owner chose, replacing the same file imported before', async () => {
		const s = service();
		const text =
			'when,msg,hearts,score\n' +
			'2024-01-01 10:00,love this red dress,3,9\n' +
			'2024-01-02 11:00,the denim jacket fits,5,7\n';
		const f = file('export.csv', text);
		// "when" and "msg" name no known role: the time and text columns are missing
		await expect(s.importSignals(f, 'posts')).rejects.toMatchObject({
			code: 'market_error_missing_column',
		});
		const cols = await s.signalColumns(f, 'posts');
		expect(cols?.kind).toBe('posts');
		expect(cols?.columns).toEqual(['when', 'msg', 'hearts', 'score']);
		expect(cols?.roles.find((r) => r.role === 'text')).toEqual({ role: 'text', required: true });
		expect(cols?.mapping.text).toBeUndefined();
		expect(cols?.mapping.likes).toBe('hearts');
		const first = await s.importSignals(f, 'posts', { ts: 'when', text: 'msg' });
		expect(first.mapping).toMatchObject({ ts: 'when', text: 'msg', likes: 'hearts' });
		expect(first.columns).toEqual(['when', 'msg', 'hearts', 'score']);
		// again, with "hearts" unset ('' = none) and "score" as likes, replacing the first import
		const second = await s.importSignals(
			f,
			'posts',
			{ ts: 'when', text: 'msg', likes: 'score' },
			first.id,
		);
		expect(second.mapping.likes).toBe('score');
		const none = await s.importSignals(
			f,
			'posts',
			{ ts: 'when', text: 'msg', likes: '' },
			second.id,
		);
		expect(none.mapping.likes).toBeUndefined();
		expect((await s.listSignals()).map((x) => x.id)).toEqual([none.id]);
		const rep = await s.marketReport(null);
		expect(rep.topics).toHaveLength(1);
		expect(rep.topics[0].posts).toBe(2);
		// a search export has no columns to map
		expect(
			await s.signalColumns(
				file('y.csv', 'Category: All categories\n\nWeek,x: (US)\n2024-01-07,1\n'),
			),
		).toBeNull();
	});
});
