// Personas: segments of post authors (or of review voices when a file names no authors) from what they
// do and what they talk about, each described by data the UI puts into words (issue 14).
//
// Each unit (an author, or one review when authors are unknown) becomes a vector of three blocks:
//  - interests: its term/hashtag frequencies over the most used keys (TF, L2-normalised);
//  - aspects: the share of its texts naming each aspect (尺码/size, 质量/quality, …);
//  - behaviour: z-scores of log texts, log(1 + engagement per text) and mean tone.
// k-means++ (Arthur & Vassilvitskii 2007) for k = 2…maxK, seeded, keeps the k with the best mean
// silhouette (Rousseeuw 1987) on a sample. Each cluster is then summarised: size, texts per member,
// engagement, tone, the keys that distinguish it (share in the cluster × log lift over everyone),
// aspects with their praise/complaint counts, the part of the day it posts in and, when the file has it,
// the median age. An archetype (critics, fans, influencers, regulars, casual) is picked by rules on those
// summaries. Pure TypeScript; the market worker runs it on imported posts and reviews.
import { aspectOf, type Aspect } from './lexicon';
import { rng } from './sentiment';

/** One text as the persona finder sees it. */
export interface PersonaDoc {
	/** Author id; '' when unknown (each text is then its own voice). */
	author: string;
	/** Epoch ms (wall clock of the export), or null. */
	ts: number | null;
	terms: readonly string[];
	hashtags: readonly string[];
	/** likes + shares + comments (0 when unknown). */
	engagement: number;
	/** Tone: > 0 positive, < 0 negative, 0 neutral (classifier or lexicon). */
	tone: number;
	/** Age of the author when the file gives it. */
	age?: number | null;
	/** false for a news post (src/core/signals/news.ts): its words are not review aspects. */
	aspects?: boolean;
}

export type Archetype = 'critics' | 'fans' | 'influencers' | 'regulars' | 'casual';
export type Daypart = 'morning' | 'afternoon' | 'evening' | 'night';
export type Level = 'high' | 'average' | 'low';

/** One persona, described by numbers and codes (the view turns them into words). */
export interface Persona {
	archetype: Archetype;
	/** Units (authors or voices) in it, and their share of all units. */
	members: number;
	share: number;
	texts: number;
	textsPerMember: number;
	/** Activity: texts per member vs everyone's (high ≥ 1.5×, low ≤ 0.67×). */
	activity: Level;
	engagementPerText: number;
	engagement: Level;
	/** Share of its texts with a positive tone, and with a negative one. */
	positive: number;
	negative: number;
	/** Distinctive keys, best first (hashtags with '#'). */
	interests: string[];
	/** Aspects its texts name, most named first. */
	aspects: { aspect: Aspect; pos: number; neg: number }[];
	/** When it posts most (null without times). */
	daypart: Daypart | null;
	/** Median age (null when the file has none). */
	medianAge: number | null;
}

/** What the persona finder reports. */
export interface PersonaReport {
	/** 'author': units are authors; 'voice': units are single texts (no author column). */
	unit: 'author' | 'voice';
	units: number;
	k: number;
	silhouette: number;
	personas: Persona[];
	/** True when most texts name an author but the names are masked (Tmall's "t***1"): not authors. */
	masked?: boolean;
}

/**
 * A masked user name, as marketplaces export them ("t***1", "天***w"): the first and last characters of
 * many different shoppers' names, so it is no author (one Tmall mask covers 184 reviews).
 */
export function isMaskedAuthor(author: string): boolean {
	return /\*{2,}/.test(author);
}

/** Options of {@link findPersonas}. */
export interface PersonaOptions {
	maxK?: number;
	/** Keys in the interest block. */
	vocabulary?: number;
	seed?: number;
	/** Cap on units clustered (the most active ones are kept). */
	maxUnits?: number;
}

const ASPECTS: Aspect[] = [
	'size',
	'quality',
	'colour',
	'price',
	'delivery',
	'fabric',
	'workmanship',
	'service',
	'style',
];

interface Unit {
	docs: PersonaDoc[];
	keys: Map<string, number>;
}

function keysOf(d: PersonaDoc): string[] {
	const out = new Set<string>();
	for (const t of d.terms) if (!t.startsWith('NOT_') && t.length > 1) out.add(t);
	for (const h of d.hashtags) out.add('#' + h.toLowerCase());
	return [...out];
}

function sqDist(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
	return s;
}

/** Seeded k-means++ with Lloyd iterations; returns the assignment. */
export function kMeans(points: Float64Array[], k: number, seed = 1, iters = 25): number[] {
	const n = points.length;
	const rand = rng(seed);
	const dim = points[0]?.length ?? 0;
	const centers: Float64Array[] = [Float64Array.from(points[Math.floor(rand() * n)])];
	const d2 = points.map((p) => sqDist(p, centers[0]));
	while (centers.length < k) {
		const total = d2.reduce((a, b) => a + b, 0);
		let r = rand() * total;
		let pick = n - 1;
		for (let i = 0; i < n; i++) {
			r -= d2[i];
			if (r <= 0) {
				pick = i;
				break;
			}
		}
		centers.push(Float64Array.from(points[pick]));
		for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i], sqDist(points[i], centers.at(-1)!));
	}
	const assign = new Array<number>(n).fill(-1);
	for (let it = 0; it < iters; it++) {
		let moved = 0;
		for (let i = 0; i < n; i++) {
			let best = 0;
			let bd = Infinity;
			for (let c = 0; c < k; c++) {
				const d = sqDist(points[i], centers[c]);
				if (d < bd) {
					bd = d;
					best = c;
				}
			}
			if (assign[i] !== best) moved++;
			assign[i] = best;
		}
		if (moved <= n / 1000) break;
		const sums = Array.from({ length: k }, () => new Float64Array(dim));
		const counts = new Array<number>(k).fill(0);
		for (let i = 0; i < n; i++) {
			counts[assign[i]]++;
			const s = sums[assign[i]];
			for (let j = 0; j < dim; j++) s[j] += points[i][j];
		}
		for (let c = 0; c < k; c++)
			if (counts[c] > 0) for (let j = 0; j < dim; j++) centers[c][j] = sums[c][j] / counts[c];
	}
	return assign;
}

/** Mean silhouette of an assignment (Euclidean), over the given sample of indices. */
export function silhouette(points: Float64Array[], assign: number[], k: number, sample: number[]) {
	let total = 0;
	let counted = 0;
	for (const i of sample) {
		const sum = new Array<number>(k).fill(0);
		const cnt = new Array<number>(k).fill(0);
		for (const j of sample) {
			if (j === i) continue;
			sum[assign[j]] += Math.sqrt(sqDist(points[i], points[j]));
			cnt[assign[j]]++;
		}
		const own = assign[i];
		if (cnt[own] === 0) continue;
		const a = sum[own] / cnt[own];
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && cnt[c] > 0) b = Math.min(b, sum[c] / cnt[c]);
		if (!Number.isFinite(b)) continue;
		total += (b - a) / Math.max(a, b, 1e-12);
		counted++;
	}
	return counted ? total / counted : -1;
}

function median(xs: number[]): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function daypartOf(ts: number): Daypart {
	const h = new Date(ts).getUTCHours();
	return h >= 5 && h < 12
		? 'morning'
		: h >= 12 && h < 18
			? 'afternoon'
			: h >= 18
				? 'evening'
				: 'night';
}

function level(x: number, ref: number): Level {
	if (!(ref > 0)) return x > 0 ? 'high' : 'average';
	return x >= 1.5 * ref ? 'high' : x <= ref / 1.5 ? 'low' : 'average';
}

/**
 * Finds personas among the authors of `docs` (or among the texts when authors are missing or almost all
 * distinct). Needs ≥ 8 units; returns no personas otherwise.
 */
export function findPersonas(
	docs: readonly PersonaDoc[],
	opts: PersonaOptions = {},
): PersonaReport {
	const maxK = opts.maxK ?? 5;
	const seed = opts.seed ?? 20240501;
	const masked = docs.filter((d) => isMaskedAuthor(d.author)).length;
	const withAuthor = docs.filter((d) => d.author !== '' && !isMaskedAuthor(d.author));
	const authors = new Set(withAuthor.map((d) => d.author));
	// Authors are a unit only when most texts name one and authors repeat (≥ 1.2 texts each).
	const byAuthor =
		withAuthor.length >= docs.length * 0.8 && withAuthor.length >= authors.size * 1.2;
	let units: Unit[] = [];
	if (byAuthor) {
		const m = new Map<string, PersonaDoc[]>();
		for (const d of withAuthor) m.set(d.author, [...(m.get(d.author) ?? []), d]);
		units = [...m.values()].map((ds) => ({ docs: ds, keys: new Map() }));
	} else units = docs.map((d) => ({ docs: [d], keys: new Map() }));
	const maxUnits = opts.maxUnits ?? 20_000;
	if (units.length > maxUnits)
		units = units.sort((a, b) => b.docs.length - a.docs.length).slice(0, maxUnits);
	const maskedNames = !byAuthor && masked >= docs.length * 0.5;
	const empty: PersonaReport = {
		...(maskedNames ? { masked: true } : {}),
		unit: byAuthor ? 'author' : 'voice',
		units: units.length,
		k: 0,
		silhouette: NaN,
		personas: [],
	};
	if (units.length < 8) return empty;

	// Vocabulary: keys used by the most units.
	const df = new Map<string, number>();
	for (const u of units) {
		for (const d of u.docs)
			for (const key of keysOf(d)) u.keys.set(key, (u.keys.get(key) ?? 0) + 1);
		for (const key of u.keys.keys()) df.set(key, (df.get(key) ?? 0) + 1);
	}
	const vocab = [...df.entries()]
		.filter(([, c]) => c >= 2 && c < units.length * 0.9)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, opts.vocabulary ?? 40)
		.map(([key]) => key);
	const vIndex = new Map(vocab.map((key, i) => [key, i]));

	// Behaviour features, z-scored.
	const beh = units.map((u) => {
		const n = u.docs.length;
		const eng = u.docs.reduce((s, d) => s + d.engagement, 0) / n;
		const tone = u.docs.reduce((s, d) => s + Math.sign(d.tone), 0) / n;
		return [Math.log(n), Math.log1p(eng), tone];
	});
	const mu = [0, 1, 2].map((j) => beh.reduce((s, b) => s + b[j], 0) / beh.length);
	const sd = [0, 1, 2].map((j) =>
		Math.sqrt(beh.reduce((s, b) => s + (b[j] - mu[j]) ** 2, 0) / beh.length),
	);
	const dim = vocab.length + ASPECTS.length + 3;
	const points = units.map((u, ui) => {
		const v = new Float64Array(dim);
		let norm = 0;
		for (const [key, c] of u.keys) {
			const j = vIndex.get(key);
			if (j !== undefined) {
				v[j] = c;
				norm += c * c;
			}
		}
		if (norm > 0) for (let j = 0; j < vocab.length; j++) v[j] /= Math.sqrt(norm);
		for (const d of u.docs) {
			if (d.aspects === false) continue;
			const seen = new Set<Aspect>();
			for (const t of d.terms) {
				const a = aspectOf(t);
				if (a) seen.add(a);
			}
			for (const a of seen) v[vocab.length + ASPECTS.indexOf(a)] += 0.7 / u.docs.length;
		}
		for (let j = 0; j < 3; j++)
			v[vocab.length + ASPECTS.length + j] =
				sd[j] > 1e-9 ? ((beh[ui][j] - mu[j]) / sd[j]) * (0.5 / Math.sqrt(3)) : 0;
		return v;
	});

	// k by silhouette on a sample of ≤ 400 units.
	const rand = rng(seed + 1);
	const idx = units.map((_u, i) => i);
	for (let i = idx.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[idx[i], idx[j]] = [idx[j], idx[i]];
	}
	const sample = idx.slice(0, 400);
	let best = { k: 0, s: -Infinity, assign: [] as number[] };
	for (let k = 2; k <= Math.min(maxK, units.length - 1); k++) {
		const assign = kMeans(points, k, seed + k);
		const used = new Set(assign).size;
		if (used < k) continue;
		const s = silhouette(points, assign, k, sample);
		if (s > best.s + 1e-9) best = { k, s, assign };
	}
	if (best.k === 0) return empty;

	// Everyone's reference levels.
	const allTexts = units.reduce((s, u) => s + u.docs.length, 0);
	const refTexts = allTexts / units.length;
	const refEng =
		units.reduce((s, u) => s + u.docs.reduce((a, d) => a + d.engagement, 0), 0) / allTexts;
	const keyShareAll = new Map<string, number>();
	for (const key of df.keys()) keyShareAll.set(key, df.get(key)! / units.length);

	const personas: Persona[] = [];
	for (let c = 0; c < best.k; c++) {
		const members = units.filter((_u, i) => best.assign[i] === c);
		if (members.length === 0) continue;
		const texts = members.flatMap((u) => u.docs);
		const n = texts.length;
		const engPerText = texts.reduce((s, d) => s + d.engagement, 0) / n;
		const positive = texts.filter((d) => d.tone > 0).length / n;
		const negative = texts.filter((d) => d.tone < 0).length / n;
		// Distinctive keys: share of members using it × log(lift), used by ≥ 10 % of the members.
		const cdf = new Map<string, number>();
		for (const u of members) for (const key of u.keys.keys()) cdf.set(key, (cdf.get(key) ?? 0) + 1);
		const interests = [...cdf.entries()]
			.map(([key, cnt]) => {
				const share = cnt / members.length;
				const lift = share / (keyShareAll.get(key) ?? share);
				return { key, share, score: share * Math.log(Math.max(lift, 1e-9)), cnt };
			})
			.filter((x) => x.share >= 0.1 && x.cnt >= 2 && x.score > 0)
			.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
			.slice(0, 5)
			.map((x) => x.key);
		const aspects = new Map<Aspect, { pos: number; neg: number }>();
		for (const d of texts) {
			if (d.aspects === false) continue;
			const seen = new Set<Aspect>();
			for (const t of d.terms) {
				const a = aspectOf(t);
				if (a) seen.add(a);
			}
			for (const a of seen) {
				const e = aspects.get(a) ?? { pos: 0, neg: 0 };
				if (d.tone > 0) e.pos++;
				else if (d.tone < 0) e.neg++;
				aspects.set(a, e);
			}
		}
		const parts = new Map<Daypart, number>();
		for (const d of texts)
			if (d.ts !== null) parts.set(daypartOf(d.ts), (parts.get(daypartOf(d.ts)) ?? 0) + 1);
		const daypart = parts.size ? [...parts.entries()].sort((a, b) => b[1] - a[1])[0][0] : null;
		const ages = members
			.map((u) => u.docs.find((d) => d.age != null && Number.isFinite(d.age))?.age)
			.filter((a): a is number => typeof a === 'number');
		const textsPerMember = n / members.length;
		const activity = byAuthor ? level(textsPerMember, refTexts) : 'average';
		const engagement = level(engPerText, refEng);
		const archetype: Archetype =
			negative >= 0.4 && negative > positive
				? 'critics'
				: engagement === 'high'
					? 'influencers'
					: activity === 'high'
						? 'regulars'
						: positive >= 0.6
							? 'fans'
							: 'casual';
		personas.push({
			archetype,
			members: members.length,
			share: members.length / units.length,
			texts: n,
			textsPerMember,
			activity,
			engagementPerText: engPerText,
			engagement,
			positive,
			negative,
			interests,
			aspects: [...aspects.entries()]
				.map(([aspect, v]) => ({ aspect, ...v }))
				.sort((a, b) => b.pos + b.neg - (a.pos + a.neg)),
			daypart,
			medianAge: ages.length ? median(ages) : null,
		});
	}
	personas.sort((a, b) => b.members - a.members);
	return {
		...(maskedNames ? { masked: true } : {}),
		unit: byAuthor ? 'author' : 'voice',
		units: units.length,
		k: best.k,
		silhouette: best.s,
		personas,
	};
}
