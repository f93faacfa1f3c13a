// Post topics reach the forecast's fusion straight from the stored posts (no Market report built first),
// and leave it when the posts are deleted: the market worker's service in Node with fake IndexedDB.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { createSignalsService } from '../../../workers/data/signals-service';

const DAY = 86_400_000;
const file = (name: string, text: string) => ({
	name,
	bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
});

describe('topic signals from stored posts', () => {
	it('are fusion candidates without a Market report, used when they lead sales, gone once deleted', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const s = createSignalsService({ db, engines: async () => nodeEngines() });
		// 60 Monday weeks; posts about linen vary week to week, sales follow them one week later.
		const start = Date.UTC(2018, 0, 1); // a Monday
		let seed = 3;
		const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const counts = Array.from({ length: 60 }, () => 2 + Math.floor(rand() * 25));
		const rows = ['created_at,text,likes,retweets'];
		counts.forEach((c, w) => {
			for (let k = 0; k < c; k++)
				rows.push(
					`${new Date(start + w * 7 * DAY + DAY + k * 60_000).toISOString()},"#linen ${k}",1,0`,
				);
			for (let k = 0; k < 8; k++)
				rows.push(
					`${new Date(start + w * 7 * DAY + 2 * DAY + k * 60_000).toISOString()},"coffee ${k}",0,0`,
				);
		});
		const posts = await s.importSignals(file('posts.csv', rows.join('\n')));
		expect(posts.kind).toBe('posts');
		const ds = counts.map((_c, w) => start + w * 7 * DAY);
		const y = counts.map((_c, w) => 20 + 4 * (w > 0 ? counts[w - 1] : 10) + (w % 3));
		const r = await s.fuseSignals({ name: 'Linen shirt', ds, y }, 1);
		const topics = r.candidates.filter((c) => c.kind === 'topic');
		expect(topics.length).toBeGreaterThan(0);
		const linen = topics.find((c) => /linen/.test(c.name));
		expect(linen).toBeDefined();
		expect(linen!.lag).toBe(1);
		expect(linen!.status).toBe('used');
		expect(linen!.maseWith!).toBeLessThan(linen!.maseWithout!);
		await s.deleteSignals(posts.id);
		const after = await s.fuseSignals({ name: 'Linen shirt', ds, y }, 1);
		expect(after.candidates.filter((c) => c.kind === 'topic')).toEqual([]);
	}, 60_000);
});
