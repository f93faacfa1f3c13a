// The market worker's fake-review job in Node: a reviews file imported through the real schema into
// Dexie (fake-indexeddb), the analyst's fake/OK marks kept, too few marks reported, then the
// classifier trained on the marks flags the unmarked planted fake reviews and says why.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { createFakeReviewJobs } from '../../../workers/data/fake-reviews';
import { createSignalsService } from '../../../workers/data/signals-service';

const FAKE = (i: number) =>
	`best dress ever amazing amazing my husband loved it ${['wow', 'so happy', 'must buy', 'perfect'][i % 4]}`;
const GENUINE = (i: number) =>
	`${['seam', 'zipper', 'hem', 'collar'][i % 4]} came loose after washing and the size runs small`;

describe('fake-review jobs', () => {
	it('keeps marks, says how many more are needed, then flags unmarked fakes', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const engines = async () => ({});
		const signals = createSignalsService({ db, engines });
		const lines = ['product_id,rating,date,review'];
		for (let i = 0; i < 12; i++) {
			lines.push(`P${i},5,2024-03-0${1 + (i % 9)},${FAKE(i)}`);
			lines.push(`P${i},3,2024-03-0${1 + (i % 9)},${GENUINE(i)}`);
		}
		const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
		const set = await signals.importSignals(
			{ name: 'reviews.csv', bytes: bytes.buffer as ArrayBuffer },
			'reviews',
		);
		const jobs = createFakeReviewJobs({ db, engines });
		let r = await jobs.report('', 100);
		expect(r.reviews).toBe(24);
		expect(r.trained).toBe(false);
		expect(r.missing).toEqual({ fake: 8, genuine: 8 });
		const fakes = r.rows.filter((x) => x.text.includes('husband'));
		const genuine = r.rows.filter((x) => !x.text.includes('husband'));
		for (const x of fakes.slice(0, 8)) await jobs.markReview(set.id, x.row, 'fake');
		for (const x of genuine.slice(0, 5)) await jobs.markReview(set.id, x.row, 'genuine');
		r = await jobs.report('', 100);
		expect(r.trained).toBe(false);
		expect(r.missing).toEqual({ fake: 0, genuine: 3 });
		expect(r.status).toEqual({ code: 'fake_too_few', params: { fake: 0, genuine: 3, min: 8 } });
		for (const x of genuine.slice(5, 8)) await jobs.markReview(set.id, x.row, 'genuine');
		// A fresh job (a reload) reads the marks back from IndexedDB.
		r = await createFakeReviewJobs({ db, engines }).report('', 100);
		expect(r.trained).toBe(true);
		expect([r.nFake, r.nGenuine]).toEqual([8, 8]);
		expect(r.accuracyMethod).toBe('leave_one_out');
		expect(r.accuracy!).toBeGreaterThanOrEqual(0.9);
		expect(r.flagged).toBe(4);
		const unmarkedFakes = r.rows.filter((x) => x.mark === null && x.text.includes('husband'));
		expect(unmarkedFakes).toHaveLength(4);
		for (const x of unmarkedFakes) {
			expect(x.p!).toBeGreaterThan(0.9);
			expect(x.why?.code).toBe('fake_why_words');
			expect(String(x.why?.params?.words)).toMatch(/amazing|husband|best/);
		}
		// Most likely fake first; a search narrows the list; an undone mark is forgotten.
		expect(r.rows[0].p!).toBeGreaterThan(r.rows[r.rows.length - 1].p!);
		expect((await jobs.report('zipper', 100)).rows.every((x) => x.text.includes('zipper'))).toBe(
			true,
		);
		await jobs.markReview(set.id, fakes[0].row, null);
		r = await jobs.report('', 100);
		expect([r.nFake, r.trained]).toEqual([7, false]);
	});
});
