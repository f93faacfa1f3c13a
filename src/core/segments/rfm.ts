// Customer segments from recency, frequency and monetary value (RFM; Hughes 1994): each customer gets
// 1–5 scores by quintile (5 = bought most recently / most often / spent most), named segments by the
// common RFM rules (champions, loyal, new, at risk, big spenders, hibernating, needs attention), and a
// k-means clustering of the log-scaled values (k chosen by silhouette) described in the same words.
// Size, value and the trend (how many were in the segment 90 days earlier) come with every segment.
import { mulberry32 } from '../stats';

const DAY_MS = 86_400_000;

/** The lines RFM needs (sales only; returns reduce monetary value when given as negative revenue). */
export interface CustomerLines {
	customer: readonly (string | null)[];
	order: readonly (string | null)[];
	ds: ArrayLike<number>;
	revenue: ArrayLike<number>;
}

/** Segment names (stable codes; words come from the i18n catalog `seg_name_<code>`). */
export type SegmentName =
	| 'champions'
	| 'loyal'
	| 'big_spenders'
	| 'new'
	| 'promising'
	| 'at_risk'
	| 'hibernating'
	| 'needs_attention';

/** One customer's RFM values and scores. */
export interface CustomerRfm {
	customerId: string;
	recencyDays: number;
	orders: number;
	monetary: number;
	firstDays: number;
	r: number;
	f: number;
	m: number;
	segment: SegmentName;
	cluster: number;
}

/** A described segment. */
export interface SegmentSummary {
	segment: SegmentName;
	customers: number;
	revenue: number;
	/** Share of all customers' revenue. */
	revenueShare: number;
	avgOrders: number;
	avgRecencyDays: number;
	/** Customers in this segment at as-of − 90 days (computed the same way), for the trend. */
	customersBefore: number;
}

/** Scores 1–5 by quintile of `values` (ties share a score; higher value → higher score). */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
	const n = values.length;
	const sorted = Float64Array.from(values).sort();
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		// Rank of the value = number of values strictly below it + half the ties (mid-rank).
		const v = values[i];
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid] < v) lo = mid + 1;
			else hi = mid;
		}
		let hiEq = lo;
		while (hiEq < n && sorted[hiEq] === v) hiEq++;
		const midRank = (lo + hiEq - 1) / 2;
		out[i] = Math.min(5, 1 + Math.floor((5 * (midRank + 0.5)) / n));
	}
	return out;
}

/** The named segment of R, F, M scores and the days since the first purchase. */
export function nameSegment(r: number, f: number, m: number, firstDays: number): SegmentName {
	if (firstDays <= 60 && f <= 2) return 'new';
	if (r >= 4 && f >= 4 && m >= 4) return 'champions';
	if (r <= 2 && f >= 3) return 'at_risk';
	if (m === 5) return 'big_spenders';
	if (r >= 3 && f >= 4) return 'loyal';
	if (r >= 4) return 'promising';
	if (r <= 2 && f <= 2) return 'hibernating';
	return 'needs_attention';
}

interface Raw {
	ids: string[];
	recency: Float64Array;
	orders: Float64Array;
	monetary: Float64Array;
	first: Float64Array;
}

function aggregate(lines: CustomerLines, asOf: number): Raw {
	const idx = new Map<string, number>();
	const last: number[] = [];
	const first: number[] = [];
	const money: number[] = [];
	const orders: Set<string>[] = [];
	for (let i = 0; i < lines.customer.length; i++) {
		const c = lines.customer[i];
		const t = lines.ds[i];
		if (!c || !(t < asOf)) continue;
		let k = idx.get(c);
		if (k === undefined) {
			idx.set(c, (k = last.length));
			last.push(t);
			first.push(t);
			money.push(0);
			orders.push(new Set());
		}
		if (t > last[k]) last[k] = t;
		if (t < first[k]) first[k] = t;
		money[k] += lines.revenue[i];
		orders[k].add(lines.order[i] ?? `#${Math.floor(t / DAY_MS)}`);
	}
	return {
		ids: [...idx.keys()],
		recency: Float64Array.from(last, (t) => (asOf - t) / DAY_MS),
		orders: Float64Array.from(orders, (s) => s.size),
		monetary: Float64Array.from(money),
		first: Float64Array.from(first, (t) => (asOf - t) / DAY_MS),
	};
}

function scoreAll(raw: Raw): { r: Uint8Array; f: Uint8Array; m: Uint8Array; seg: SegmentName[] } {
	const r = quintileScores(Float64Array.from(raw.recency, (d) => -d));
	const f = quintileScores(raw.orders);
	const m = quintileScores(raw.monetary);
	const seg = raw.ids.map((_, i) => nameSegment(r[i], f[i], m[i], raw.first[i]));
	return { r, f, m, seg };
}

/** k-means (k-means++ seeding, Lloyd iterations) on rows of `x` (n × d). Deterministic for a seed. */
export function kMeans(
	x: Float64Array[],
	k: number,
	seed = 1,
	iterations = 50,
): { labels: Int32Array; centres: Float64Array[] } {
	const n = x.length;
	const rand = mulberry32(seed);
	const d2 = (a: Float64Array, b: Float64Array) => {
		let s = 0;
		for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
		return s;
	};
	const centres: Float64Array[] = [Float64Array.from(x[Math.floor(rand() * n)])];
	const best = new Float64Array(n).fill(Infinity);
	while (centres.length < k) {
		let total = 0;
		for (let i = 0; i < n; i++) {
			best[i] = Math.min(best[i], d2(x[i], centres[centres.length - 1]));
			total += best[i];
		}
		let pick = rand() * total;
		let i = 0;
		for (; i < n - 1; i++) if ((pick -= best[i]) <= 0) break;
		centres.push(Float64Array.from(x[i]));
	}
	const labels = new Int32Array(n);
	for (let it = 0; it < iterations; it++) {
		let moved = 0;
		for (let i = 0; i < n; i++) {
			let bl = 0;
			let bd = Infinity;
			for (let c = 0; c < k; c++) {
				const dd = d2(x[i], centres[c]);
				if (dd < bd) [bd, bl] = [dd, c];
			}
			if (labels[i] !== bl || it === 0) moved++;
			labels[i] = bl;
		}
		const sums = centres.map((c) => new Float64Array(c.length));
		const counts = new Float64Array(k);
		for (let i = 0; i < n; i++) {
			counts[labels[i]]++;
			for (let j = 0; j < x[i].length; j++) sums[labels[i]][j] += x[i][j];
		}
		for (let c = 0; c < k; c++)
			if (counts[c] > 0)
				for (let j = 0; j < sums[c].length; j++) centres[c][j] = sums[c][j] / counts[c];
		if (moved === 0) break;
	}
	return { labels, centres };
}

/** Mean silhouette on a deterministic sample of at most `sample` points. */
export function silhouette(x: Float64Array[], labels: Int32Array, k: number, sample = 600): number {
	const n = x.length;
	const step = Math.max(1, Math.floor(n / sample));
	let total = 0;
	let count = 0;
	for (let i = 0; i < n; i += step) {
		const sums = new Float64Array(k);
		const cnt = new Float64Array(k);
		for (let j = 0; j < n; j += step) {
			if (j === i) continue;
			let s = 0;
			for (let q = 0; q < x[i].length; q++) s += (x[i][q] - x[j][q]) ** 2;
			sums[labels[j]] += Math.sqrt(s);
			cnt[labels[j]]++;
		}
		const own = labels[i];
		if (cnt[own] === 0) continue;
		const a = sums[own] / cnt[own];
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && cnt[c] > 0) b = Math.min(b, sums[c] / cnt[c]);
		if (!Number.isFinite(b)) continue;
		total += (b - a) / Math.max(a, b);
		count++;
	}
	return count ? total / count : 0;
}

/** Everything the Segments screen shows. */
export interface SegmentReport {
	asOf: number;
	customers: CustomerRfm[];
	segments: SegmentSummary[];
	/** Clusters found by k-means, each described by its centre's scores and nearest named segment. */
	clusters: {
		cluster: number;
		size: number;
		r: number;
		f: number;
		m: number;
		segment: SegmentName;
	}[];
	silhouette: number;
}

/** RFM scores, named segments with trend, and k-means clusters (k = 3…6 by silhouette). */
export function segmentCustomers(lines: CustomerLines, asOf: number, seed = 1): SegmentReport {
	const raw = aggregate(lines, asOf);
	const { r, f, m, seg } = scoreAll(raw);
	const before = aggregate(lines, asOf - 90 * DAY_MS);
	const beforeSeg = scoreAll(before).seg;
	const n = raw.ids.length;
	// Standardised log values for clustering (recency negated: higher = better, as the scores).
	const feats = [
		Float64Array.from(raw.recency, (v) => -Math.log1p(v)),
		Float64Array.from(raw.orders, (v) => Math.log1p(v)),
		Float64Array.from(raw.monetary, (v) => Math.log1p(Math.max(0, v))),
	].map((col) => {
		const mean = col.reduce((a, b) => a + b, 0) / (col.length || 1);
		const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / (col.length || 1)) || 1;
		return Float64Array.from(col, (v) => (v - mean) / sd);
	});
	const x = Array.from({ length: n }, (_, i) =>
		Float64Array.of(feats[0][i], feats[1][i], feats[2][i]),
	);
	let bestK = 0;
	let bestS = -Infinity;
	let bestLabels: Int32Array = new Int32Array(n);
	if (n >= 12) {
		for (let k = 3; k <= Math.min(6, n - 1); k++) {
			const { labels } = kMeans(x, k, seed);
			const s = silhouette(x, labels, k);
			if (s > bestS + 1e-9) [bestK, bestS, bestLabels] = [k, s, labels];
		}
	}
	const customers: CustomerRfm[] = raw.ids.map((id, i) => ({
		customerId: id,
		recencyDays: raw.recency[i],
		orders: raw.orders[i],
		monetary: raw.monetary[i],
		firstDays: raw.first[i],
		r: r[i],
		f: f[i],
		m: m[i],
		segment: seg[i],
		cluster: bestLabels[i],
	}));
	const totalRevenue = customers.reduce((a, c) => a + Math.max(0, c.monetary), 0) || 1;
	const names: SegmentName[] = [
		'champions',
		'loyal',
		'big_spenders',
		'new',
		'promising',
		'at_risk',
		'hibernating',
		'needs_attention',
	];
	const segments = names
		.map((name) => {
			const members = customers.filter((c) => c.segment === name);
			const revenue = members.reduce((a, c) => a + c.monetary, 0);
			return {
				segment: name,
				customers: members.length,
				revenue,
				revenueShare: Math.max(0, revenue) / totalRevenue,
				avgOrders: members.reduce((a, c) => a + c.orders, 0) / (members.length || 1),
				avgRecencyDays: members.reduce((a, c) => a + c.recencyDays, 0) / (members.length || 1),
				customersBefore: beforeSeg.filter((s) => s === name).length,
			};
		})
		.filter((s) => s.customers > 0 || s.customersBefore > 0);
	const clusters = Array.from({ length: bestK }, (_, c) => {
		const members = customers.filter((x) => x.cluster === c);
		const mean = (key: 'r' | 'f' | 'm') =>
			members.reduce((a, x) => a + x[key], 0) / (members.length || 1);
		const cr = mean('r');
		const cf = mean('f');
		const cm = mean('m');
		const firstDays = members.reduce((a, x) => a + x.firstDays, 0) / (members.length || 1);
		return {
			cluster: c,
			size: members.length,
			r: cr,
			f: cf,
			m: cm,
			segment: nameSegment(Math.round(cr), Math.round(cf), Math.round(cm), firstDays),
		};
	});
	return { asOf, customers, segments, clusters, silhouette: bestK ? bestS : 0 };
}
