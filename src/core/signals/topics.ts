// Hot topics from posts (or reviews): keyword and hashtag volumes per hour/day/week, engagement-weighted;
// bursts found by a robust Poisson z-score (the count of a bucket against the rate expected from the
// key's median share of the preceding buckets, Kleinberg-style "more than the usual rate", as in
// Twitter's trend detection: z = (c − λ)/√λ); rising/falling lists (smoothed log ratio of the last part of
// the span vs the part before); topic clusters by co-occurrence (Jaccard of the posts that use two
// keys, strongest pairs first, at most 6 keys a cluster); and each topic linked to the products whose text is most similar (TF-IDF cosine).
// Pure TypeScript; the data worker runs it on imported posts, tests on the real Weibo and tweet files.

/** Time bucket of the volumes. */
export type Bucket = 'hour' | 'day' | 'week';

/** A post as the topic finder sees it (terms from the text pipeline). */
export interface TopicDoc {
	ts: number;
	terms: readonly string[];
	hashtags: readonly string[];
	/** likes + shares + comments (0 when unknown). */
	engagement: number;
}

/**
 * A burst: a run of consecutive buckets where a key was used far above its usual rate (one burst per
 * run: a story that lasts three days is one burst over three days, not three bursts).
 */
export interface Burst {
	key: string;
	/** Start of the first bucket, epoch ms. */
	start: number;
	/** Start of the last bucket, epoch ms (equal to `start` for a one-bucket burst). */
	last: number;
	/** Buckets in the run. */
	buckets: number;
	/** Posts using the key over the run. */
	count: number;
	/** Posts expected over the run at the key's usual rate. */
	expected: number;
	/** The highest z of the run. */
	z: number;
}

/** One hot key (hashtag or word). */
export interface TopicKey {
	key: string;
	isHashtag: boolean;
	count: number;
	/** Σ (1 + ln(1 + engagement)) over the posts using it. */
	weighted: number;
	/** Smoothed log ratio of the recent share vs the earlier share (>0 rising). */
	trend: number;
	/** Counts per bucket, aligned with TopicReport.buckets. */
	series: number[];
}

/** A cluster of keys used together. */
export interface TopicCluster {
	label: string;
	keys: string[];
	count: number;
	/** Linked products, best first. */
	products: { id: string; score: number }[];
}

/** What the topic finder reports. */
export interface TopicReport {
	bucket: Bucket;
	/** Bucket starts, epoch ms. */
	buckets: number[];
	/** Posts per bucket. */
	totals: number[];
	top: TopicKey[];
	rising: TopicKey[];
	falling: TopicKey[];
	bursts: Burst[];
	clusters: TopicCluster[];
}

/** A product to link topics to. */
export interface ProductText {
	id: string;
	terms: readonly string[];
}

/** Options of {@link findTopics}. */
export interface TopicOptions {
	bucket?: Bucket;
	/** Keys kept (by engagement-weighted volume). */
	topN?: number;
	/** Minimum posts using a key. */
	minCount?: number;
	/** z above which a bucket is a burst (default 4). */
	zThreshold?: number;
	/** Buckets of history behind each burst test (default 7). */
	window?: number;
	products?: readonly ProductText[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Start of the bucket holding `ts` (weeks start on Monday, UTC wall-clock). */
export function bucketStart(ts: number, bucket: Bucket): number {
	if (bucket === 'hour') return Math.floor(ts / HOUR) * HOUR;
	const d = Math.floor(ts / DAY) * DAY;
	if (bucket === 'day') return d;
	const dow = (new Date(d).getUTCDay() + 6) % 7;
	return d - dow * DAY;
}

function step(bucket: Bucket): number {
	return bucket === 'hour' ? HOUR : bucket === 'day' ? DAY : 7 * DAY;
}

/** Picks a bucket giving 20–400 buckets over the span. */
export function chooseBucket(minTs: number, maxTs: number): Bucket {
	const span = maxTs - minTs;
	if (span <= 10 * DAY) return 'hour';
	if (span <= 400 * DAY) return 'day';
	return 'week';
}

function median(a: number[]): number {
	if (a.length === 0) return 0;
	const s = [...a].sort((x, y) => x - y);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Bursts of one count series: bucket t is a burst when c_t ≥ 3, c_t ≥ 2λ_t and z_t = (c_t − λ_t)/√λ_t
 * ≥ zThreshold, with λ_t = N_t × (median share of the key over the previous `window` buckets, floored
 * at a quarter of its overall share). The median ignores earlier bursts, so a burst does not hide the next.
 */
export function detectBursts(
	counts: readonly number[],
	totals: readonly number[],
	opts: { zThreshold?: number; window?: number } = {},
): { index: number; expected: number; z: number }[] {
	const zT = opts.zThreshold ?? 4;
	const W = opts.window ?? 7;
	const sumC = counts.reduce((a, c) => a + c, 0);
	const sumN = totals.reduce((a, c) => a + c, 0);
	const floor = sumN > 0 ? (0.25 * sumC) / sumN : 0;
	const out: { index: number; expected: number; z: number }[] = [];
	for (let t = 1; t < counts.length; t++) {
		const shares: number[] = [];
		for (let k = Math.max(0, t - W); k < t; k++)
			if (totals[k] > 0) shares.push(counts[k] / totals[k]);
		const share = Math.max(median(shares), floor, 1e-9);
		const lambda = Math.max(totals[t] * share, 0.5);
		const c = counts[t];
		const z = (c - lambda) / Math.sqrt(lambda);
		if (c >= 3 && c >= 2 * lambda && z >= zT) out.push({ index: t, expected: lambda, z });
	}
	return out;
}

/**
 * One burst per run of consecutive bursting buckets of a key: each bucket's test window overlaps the
 * next one's, so a story lasting several buckets would otherwise be listed once per bucket.
 */
export function mergeBursts(
	k: Pick<TopicKey, 'key' | 'series'>,
	found: readonly { index: number; expected: number; z: number }[],
	buckets: readonly number[],
): Burst[] {
	const out: Burst[] = [];
	let prev = -2;
	for (const b of found) {
		const cur = out[out.length - 1];
		if (cur && b.index === prev + 1) {
			cur.last = buckets[b.index];
			cur.buckets++;
			cur.count += k.series[b.index];
			cur.expected += b.expected;
			cur.z = Math.max(cur.z, b.z);
		} else
			out.push({
				key: k.key,
				start: buckets[b.index],
				last: buckets[b.index],
				buckets: 1,
				count: k.series[b.index],
				expected: b.expected,
				z: b.z,
			});
		prev = b.index;
	}
	return out;
}

/** Finds hot keys, bursts, rising/falling keys and clusters in a set of posts. */
export function findTopics(docs: readonly TopicDoc[], opts: TopicOptions = {}): TopicReport {
	const topN = opts.topN ?? 30;
	const minCount = opts.minCount ?? 5;
	if (docs.length === 0)
		return {
			bucket: opts.bucket ?? 'day',
			buckets: [],
			totals: [],
			top: [],
			rising: [],
			falling: [],
			bursts: [],
			clusters: [],
		};
	let minTs = Infinity;
	let maxTs = -Infinity;
	for (const d of docs) {
		minTs = Math.min(minTs, d.ts);
		maxTs = Math.max(maxTs, d.ts);
	}
	const bucket = opts.bucket ?? chooseBucket(minTs, maxTs);
	const first = bucketStart(minTs, bucket);
	const st = step(bucket);
	const nb = Math.floor((bucketStart(maxTs, bucket) - first) / st) + 1;
	const buckets = Array.from({ length: nb }, (_v, i) => first + i * st);
	const index = (ts: number) => Math.round((bucketStart(ts, bucket) - first) / st);
	const totals = new Array<number>(nb).fill(0);
	// Per key: posts using it (ids), per-bucket counts, weighted volume.
	const posts = new Map<string, number[]>();
	const weighted = new Map<string, number>();
	const isTag = new Set<string>();
	docs.forEach((d, i) => {
		totals[index(d.ts)]++;
		const w = 1 + Math.log1p(Math.max(0, d.engagement));
		const keys = new Set<string>();
		for (const h of d.hashtags) {
			keys.add(`#${h}`);
			isTag.add(`#${h}`);
		}
		for (const t of d.terms) if (!t.startsWith('NOT_') && t.length >= 2) keys.add(t);
		for (const k of keys) {
			let p = posts.get(k);
			if (!p) posts.set(k, (p = []));
			p.push(i);
			weighted.set(k, (weighted.get(k) ?? 0) + w);
		}
	});
	// A hashtag's own words would double it: drop a plain term that equals a kept hashtag.
	const candidates = [...posts.entries()]
		.filter(([k, p]) => p.length >= minCount && !(!isTag.has(k) && posts.has(`#${k}`)))
		.sort((a, b) => (weighted.get(b[0]) ?? 0) - (weighted.get(a[0]) ?? 0));
	const pool = candidates.slice(0, Math.max(topN * 4, 100));
	const recentFrom = first + Math.floor(nb * 0.75) * st;
	const keyInfo = pool.map(([k, p]): TopicKey => {
		const series = new Array<number>(nb).fill(0);
		let recent = 0;
		for (const i of p) {
			series[index(docs[i].ts)]++;
			if (docs[i].ts >= recentFrom) recent++;
		}
		const recentN = totals.slice(Math.floor(nb * 0.75)).reduce((a, c) => a + c, 0);
		const earlyN = docs.length - recentN;
		const trend =
			Math.log((recent + 1) / (recentN + 2)) - Math.log((p.length - recent + 1) / (earlyN + 2));
		return {
			key: k.startsWith('#') ? k.slice(1) : k,
			isHashtag: k.startsWith('#'),
			count: p.length,
			weighted: weighted.get(k) ?? 0,
			trend,
			series,
		};
	});
	const bursts: Burst[] = [];
	for (const k of keyInfo)
		bursts.push(...mergeBursts(k, detectBursts(k.series, totals, opts), buckets));
	bursts.sort((a, b) => b.z - a.z);
	const top = keyInfo.slice(0, topN);
	const byTrend = [...keyInfo].sort((a, b) => b.trend - a.trend);
	const rising = byTrend.filter((k) => k.trend > 0.3).slice(0, 10);
	const falling = byTrend
		.reverse()
		.filter((k) => k.trend < -0.3)
		.slice(0, 10);
	const clusters = clusterKeys(
		top.map((k) => ({ key: k.key, posts: posts.get(k.isHashtag ? `#${k.key}` : k.key) ?? [] })),
		docs,
		opts.products ?? [],
	);
	return { bucket, buckets, totals, top, rising, falling, bursts: bursts.slice(0, 50), clusters };
}

/** Keys whose post sets overlap at least this much (Jaccard) are clustered together. */
const MIN_JACCARD = 0.25;
/** Most keys in one cluster. */
const MAX_CLUSTER = 6;

/** Clusters of keys whose post sets overlap (strongest pairs first), each linked to products. */
function clusterKeys(
	keys: { key: string; posts: number[] }[],
	docs: readonly TopicDoc[],
	products: readonly ProductText[],
): TopicCluster[] {
	const sets = keys.map((k) => new Set(k.posts));
	const parent = keys.map((_k, i) => i);
	const size = keys.map(() => 1);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const pairs: { i: number; j: number; jac: number }[] = [];
	for (let i = 0; i < keys.length; i++)
		for (let j = i + 1; j < keys.length; j++) {
			let inter = 0;
			for (const p of sets[i]) if (sets[j].has(p)) inter++;
			const jac = inter / (sets[i].size + sets[j].size - inter);
			if (jac >= MIN_JACCARD) pairs.push({ i, j, jac });
		}
	// Strongest pairs first; a cluster stops growing at MAX_CLUSTER keys so chains do not swallow all.
	pairs.sort((a, b) => b.jac - a.jac);
	for (const { i, j } of pairs) {
		const a = find(i);
		const b = find(j);
		if (a === b || size[a] + size[b] > MAX_CLUSTER) continue;
		parent[b] = a;
		size[a] += size[b];
	}
	const groups = new Map<number, number[]>();
	keys.forEach((_k, i) => {
		const r = find(i);
		groups.set(r, [...(groups.get(r) ?? []), i]);
	});
	const idf = productIdf(products);
	return [...groups.values()]
		.map((members) => {
			const all = new Set<number>();
			for (const m of members) for (const p of keys[m].posts) all.add(p);
			// The cluster's words: its keys plus the terms its posts use most.
			const tf = new Map<string, number>();
			for (const m of members)
				for (const w of keys[m].key.split(/\s+/)) tf.set(w, (tf.get(w) ?? 0) + 3);
			for (const p of all)
				for (const t of docs[p].terms) tf.set(t, (tf.get(t) ?? 0) + 1 / all.size);
			return {
				label: keys[members[0]].key,
				keys: members.map((m) => keys[m].key),
				count: all.size,
				products: linkProducts(tf, products, idf),
			};
		})
		.sort((a, b) => b.count - a.count);
}

function productIdf(products: readonly ProductText[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const p of products) for (const t of new Set(p.terms)) df.set(t, (df.get(t) ?? 0) + 1);
	const idf = new Map<string, number>();
	for (const [t, c] of df) idf.set(t, Math.log((1 + products.length) / (1 + c)) + 1);
	return idf;
}

/** Products most similar to a bag of words (TF-IDF cosine), score ≥ 0.1, best 3. */
export function linkProducts(
	words: Map<string, number>,
	products: readonly ProductText[],
	idf: Map<string, number> = productIdf(products),
): { id: string; score: number }[] {
	let qn = 0;
	const q = new Map<string, number>();
	for (const [w, c] of words) {
		const v = c * (idf.get(w) ?? 0);
		if (v > 0) {
			q.set(w, v);
			qn += v * v;
		}
	}
	if (qn === 0) return [];
	const out: { id: string; score: number }[] = [];
	for (const p of products) {
		const tf = new Map<string, number>();
		for (const t of p.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
		let dot = 0;
		let pn = 0;
		for (const [t, c] of tf) {
			const v = c * (idf.get(t) ?? 0);
			pn += v * v;
			dot += v * (q.get(t) ?? 0);
		}
		const score = pn > 0 ? dot / Math.sqrt(pn * qn) : 0;
		if (score >= 0.1) out.push({ id: p.id, score });
	}
	return out.sort((a, b) => b.score - a.score).slice(0, 3);
}
