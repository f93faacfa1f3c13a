// Progress and cancel of the two long jobs a new user waits for: the Market report (market worker; a
// minute on 18k reviews + 8k posts) and the Customers insights (data worker; ~100 s on 324k lines).
// Both send { phase, done, total } as message codes, throttled like the forecast worker's; the Market
// report stops between chunks of texts when cancelled, and a stopped report leaves nothing half-built;
// the Customers insights pause between their steps (other calls answered) and stop there on a cancel.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import type { Progress } from '../../../src/core/ingest/types';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { translate } from '../../../src/lib/i18n/translate';
import { createCustomerJobs } from '../../../workers/data/customers';
import { createJobs } from '../../../workers/data/jobs';
import { PROGRESS_INTERVAL_MS, throttleProgress } from '../../../workers/data/progress';
import type { OrderLineColumns } from '../../../workers/data/queries';
import { createSignalsService } from '../../../workers/data/signals-service';

const DAY = 86_400_000;
const file = (name: string, text: string) => ({
	name,
	bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
});
const newDb = () => openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A service with 1,200 posts and 600 reviews imported. */
async function marketWithTexts() {
	const s = createSignalsService({ db: newDb(), engines: async () => nodeEngines() });
	const posts = ['created_at,text,likes'];
	for (let i = 0; i < 1200; i++)
		posts.push(
			`${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString()},"${i % 7 ? 'linen dress sale' : 'new #satin skirt drop'} ${i}",${i % 5}`,
		);
	await s.importSignals(file('posts.csv', posts.join('\n')));
	const reviews = ['product,rating,review'];
	for (let i = 0; i < 600; i++)
		reviews.push(
			`A${i % 3},${i % 2 ? 5 : 1},"${i % 2 ? 'lovely fabric, fits well' : 'too small, poor quality'}"`,
		);
	await s.importSignals(file('reviews.csv', reviews.join('\n')));
	return s;
}

describe('throttled progress', () => {
	it('sends at most one report per interval within a phase, and every phase change and last step', () => {
		let now = 0;
		const sent: Progress[] = [];
		const p = throttleProgress(
			(x) => sent.push(x),
			() => now,
		);
		p({ phase: 'a', done: 1, total: 10 });
		now += 10;
		p({ phase: 'a', done: 2, total: 10 }); // too soon: dropped
		now += PROGRESS_INTERVAL_MS;
		p({ phase: 'a', done: 3, total: 10 });
		now += 1;
		p({ phase: 'b', done: 4, total: 10 }); // a new phase: sent
		now += 1;
		p({ phase: 'b', done: 10, total: 10 }); // the last: sent
		expect(sent.map((x) => `${x.phase}${x.done}`)).toEqual(['a1', 'a3', 'b4', 'b10']);
	});
});

describe('Market report progress and cancel', () => {
	it('reports its phases and the texts segmented out of all posts and reviews', async () => {
		const s = await marketWithTexts();
		const seen: Progress[] = [];
		const rep = await s.marketReport(null, { onProgress: (p) => seen.push(p) });
		expect(rep.topics[0].posts).toBe(1200);
		const phases = [...new Set(seen.map((p) => p.phase))];
		expect([...phases].sort()).toEqual([
			'market_posts',
			'market_reviews',
			'market_sentiment',
			'market_topics',
		]);
		// topics follow the posts, the sentiment model the reviews
		const at = (ph: string) => seen.findIndex((p) => p.phase === ph);
		expect(at('market_topics')).toBeGreaterThan(at('market_posts'));
		expect(at('market_sentiment')).toBeGreaterThan(at('market_reviews'));
		expect(seen.every((p) => p.total === 1800)).toBe(true);
		// never backwards, and the reviews end at all texts
		seen.forEach((p, i) => i > 0 && expect(p.done).toBeGreaterThanOrEqual(seen[i - 1].done));
		const texts = seen.filter((p) => p.phase === 'market_posts' || p.phase === 'market_reviews');
		expect(texts[texts.length - 1].done).toBe(1800);
		// every phase has words in both languages
		for (const ph of phases)
			for (const l of ['en', 'zh-CN'] as const)
				expect(translate(l, `fmt_phase_${ph}`)).not.toBe(`fmt_phase_${ph}`);
	}, 60_000);

	it('a cancel stops it between chunks of texts and keeps no half-built topics', async () => {
		const s = await marketWithTexts();
		const ac = new AbortController();
		const seen: Progress[] = [];
		let stoppedAt = -1;
		const run = s.marketReport(null, {
			signal: ac.signal,
			onProgress: (p) => {
				seen.push(p);
				if (stoppedAt < 0 && p.done > 0) {
					stoppedAt = p.done;
					ac.abort();
				}
			},
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError', code: 'market_cancelled' });
		// it stopped at the next check (between sets, or after the chunk of texts in progress), well
		// short of the 1,800 texts
		expect(stoppedAt).toBeGreaterThan(0);
		expect(Math.max(...seen.map((p) => p.done))).toBeLessThanOrEqual(stoppedAt + 250);
		expect(Math.max(...seen.map((p) => p.done))).toBeLessThan(1800);
		// the next report runs in full
		const rep = await s.marketReport(null);
		expect(rep.reviews[0].products.length).toBe(3);
	}, 60_000);
});

/** 3,000 order lines of 120 customers over 40 products, a line every 2.4 hours from 1 Jan 2024. */
function shopLines(): OrderLineColumns {
	const n = 3000;
	const customer: string[] = [];
	const product: string[] = [];
	const order: string[] = [];
	const ds = new Float64Array(n);
	const quantity = new Float64Array(n).fill(1);
	const revenue = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const c = i % 120;
		customer.push(`C${c}`);
		product.push(`P${(c * 7 + i) % 40}`);
		order.push(`O${Math.floor(i / 2)}`);
		ds[i] = Date.UTC(2024, 0, 1) + Math.floor(i / 10) * DAY;
		revenue[i] = 5 + (i % 13);
	}
	return {
		customer,
		product,
		order,
		ds,
		quantity,
		revenue,
		description: product.map((p) => `Item ${p}`),
		store: customer.map(() => 'UK'),
		isReturn: new Uint8Array(n),
	};
}

/** Counts the timer tasks that run until stop() (another screen's calls waiting for the worker). */
function otherCalls() {
	let on = true;
	let answered = 0;
	const loop = (async () => {
		while (on) {
			await new Promise((r) => setTimeout(r, 0));
			answered++;
		}
	})();
	return {
		async stop() {
			on = false;
			await loop;
			return answered;
		},
	};
}

describe('Customers insights progress and cancel', () => {
	it('reports reading, segments, each recommender backtest and risks, ending at 100 %', async () => {
		const lines = shopLines();
		const jobs = createCustomerJobs({ orderLines: async () => lines, db: newDb() });
		const seen: Progress[] = [];
		const others = otherCalls();
		const ins = await jobs.insights('d1', (p) => seen.push(p));
		// it paused between its steps (each fit, each chunk of customers scored): other calls ran
		expect(await others.stop()).toBeGreaterThanOrEqual(10);
		expect(ins.hasCustomers).toBe(true);
		expect([...new Set(seen.map((p) => p.phase))]).toEqual([
			'customers_lines',
			'customers_segments',
			'customers_recommend',
			'customers_risk',
		]);
		expect(seen.every((p) => p.total === 100)).toBe(true);
		expect(seen[seen.length - 1].done).toBe(100);
		seen.forEach((p, i) => i > 0 && expect(p.done).toBeGreaterThanOrEqual(seen[i - 1].done));
		for (const ph of new Set(seen.map((p) => p.phase)))
			for (const l of ['en', 'zh-CN'] as const)
				expect(translate(l, `fmt_phase_${ph}`)).not.toBe(`fmt_phase_${ph}`);
	}, 60_000);

	it('a cancel by job id stops only that job, between its steps, and the next one runs in full', async () => {
		const lines = shopLines();
		const customers = createCustomerJobs({ orderLines: async () => lines, db: newDb() });
		const jobs = createJobs();
		const seen: Progress[] = [];
		const run = jobs.run('j1', (signal) =>
			customers.insights(
				'd1',
				(p) => {
					seen.push(p);
					if (p.phase === 'customers_recommend') jobs.cancel('j1');
				},
				signal,
			),
		);
		// another job of the same worker is not touched by that cancel
		const other = jobs.run('j2', (signal) => customers.insights('d2', undefined, signal));
		await expect(run).rejects.toMatchObject({ name: 'AbortError', code: 'customers_cancelled' });
		expect(seen.some((p) => p.phase === 'customers_risk')).toBe(false);
		expect((await other).segments).not.toBeNull();
		expect(jobs.size).toBe(0);
		// the cancelled dataset's recommender was not kept: asked again, it is worked out in full
		const again = await customers.insights('d1');
		expect(again.recommender?.validation.length).toBeGreaterThan(0);
	}, 60_000);
});
