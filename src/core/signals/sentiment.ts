// Text classifiers for reviews and posts (sentiment, "would recommend", fake review…), zh + en, on the
// terms of the text pipeline (src/core/text/tokenize.ts):
//  - a lexicon baseline (positive minus negative words, negation flips; lexicon.ts);
//  - multinomial Naive Bayes with Laplace smoothing (Manning et al., IR book §13.2);
//  - NB-weighted logistic regression, "NBSVM" (Wang & Manning 2012, "Baselines and Bigrams"): binary
//    uni+bigram features scaled by the NB log-count ratio, then softmax regression with L2, trained by
//    Adagrad. Multi-class via softmax (labels are any strings: 0/1, ratings, deceptive/truthful).
// Pure TypeScript: trained in the data worker on the shop's labelled reviews, by the `classify` CLI, and
// by the benchmark. Models are plain JSON-able objects.
import { ngrams } from '../text/tokenize';
import { aspectOf, NEGATIVE_WORDS, POSITIVE_WORDS, type Aspect } from './lexicon';

/** A trained classifier. */
export interface TextModel {
	kind: 'nblr' | 'nb';
	classes: string[];
	vocab: string[];
	/** Row-major [class][feature] weights. */
	weights: number[];
	bias: number[];
	/** Max n-gram length. */
	n: number;
}

/** Scores of a classifier on held-out texts. */
export interface ClassifierScores {
	n: number;
	accuracy: number;
	/** Mean F1 over classes. */
	macroF1: number;
	/** F1 of each class, in `classes` order. */
	f1: number[];
	classes: string[];
}

/** Options of {@link trainClassifier}. */
export interface TrainOptions {
	kind?: 'nblr' | 'nb';
	/** Max n-gram length (default 2). */
	n?: number;
	/** Features kept, most frequent first (default 50,000). */
	maxFeatures?: number;
	/** Minimum number of documents a feature appears in (default 2). */
	minDf?: number;
	/** Passes over the data (default 3). */
	epochs?: number;
	/** L2 strength per example (default 1e-4). */
	l2?: number;
	/** Adagrad step size (default 0.02). */
	lr?: number;
	/** Seed of the shuffling. */
	seed?: number;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Distinct feature ids of one document. */
function featurize(terms: readonly string[], n: number, index: Map<string, number>): number[] {
	const ids = new Set<number>();
	for (const g of ngrams(terms, n)) {
		const id = index.get(g);
		if (id !== undefined) ids.add(id);
	}
	return [...ids];
}

/** Trains a classifier on term lists (from analyzeText) and their labels. */
export function trainClassifier(
	docs: readonly (readonly string[])[],
	labels: readonly string[],
	opts: TrainOptions = {},
): TextModel {
	const n = opts.n ?? 2;
	const kind = opts.kind ?? 'nblr';
	const classes = [...new Set(labels)].sort();
	if (classes.length < 2) throw new Error('need at least two different labels to train');
	const K = classes.length;
	const y = labels.map((l) => classes.indexOf(l));
	// Vocabulary by document frequency.
	const df = new Map<string, number>();
	for (const d of docs) for (const g of new Set(ngrams(d, n))) df.set(g, (df.get(g) ?? 0) + 1);
	const minDf = opts.minDf ?? 2;
	const vocab = [...df.entries()]
		.filter(([, c]) => c >= minDf)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, opts.maxFeatures ?? 50_000)
		.map(([g]) => g);
	const index = new Map(vocab.map((g, i) => [g, i]));
	const X = docs.map((d) => featurize(d, n, index));
	const V = vocab.length;
	// Naive Bayes counts (binary features, Laplace α = 1).
	const counts = new Float64Array(K * V).fill(1);
	const totals = new Float64Array(K).fill(V);
	const prior = new Float64Array(K);
	X.forEach((ids, i) => {
		prior[y[i]]++;
		for (const f of ids) {
			counts[y[i] * V + f]++;
			totals[y[i]]++;
		}
	});
	const logp = new Float64Array(K * V);
	for (let k = 0; k < K; k++)
		for (let f = 0; f < V; f++) logp[k * V + f] = Math.log(counts[k * V + f] / totals[k]);
	if (kind === 'nb') {
		return {
			kind,
			classes,
			vocab,
			n,
			weights: Array.from(logp),
			bias: Array.from(prior, (p) => Math.log(p / docs.length)),
		};
	}
	// NB log-count ratio per feature: spread of the class log-probabilities (max − min), the binary r
	// of Wang & Manning generalised to K classes.
	const r = new Float64Array(V);
	for (let f = 0; f < V; f++) {
		let lo = Infinity;
		let hi = -Infinity;
		for (let k = 0; k < K; k++) {
			lo = Math.min(lo, logp[k * V + f]);
			hi = Math.max(hi, logp[k * V + f]);
		}
		r[f] = hi - lo;
	}
	const W = new Float64Array(K * V);
	const b = new Float64Array(K);
	const G = new Float64Array(K * V).fill(1e-8);
	const Gb = new Float64Array(K).fill(1e-8);
	const lr = opts.lr ?? 0.02;
	const l2 = opts.l2 ?? 1e-4;
	const order = X.map((_x, i) => i);
	const rand = rng(opts.seed ?? 1);
	const z = new Float64Array(K);
	for (let epoch = 0; epoch < (opts.epochs ?? 3); epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (const i of order) {
			const ids = X[i];
			let zmax = -Infinity;
			for (let k = 0; k < K; k++) {
				let s = b[k];
				for (const f of ids) s += W[k * V + f] * r[f];
				z[k] = s;
				zmax = Math.max(zmax, s);
			}
			let sum = 0;
			for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k] - zmax);
			for (let k = 0; k < K; k++) {
				const g = z[k] / sum - (y[i] === k ? 1 : 0);
				for (const f of ids) {
					const w = k * V + f;
					const grad = g * r[f] + l2 * W[w];
					G[w] += grad * grad;
					W[w] -= (lr * grad) / Math.sqrt(G[w]);
				}
				Gb[k] += g * g;
				b[k] -= (lr * g) / Math.sqrt(Gb[k]);
			}
		}
	}
	// Fold r into the weights so prediction is a plain dot product.
	const weights = new Array<number>(K * V);
	for (let k = 0; k < K; k++) for (let f = 0; f < V; f++) weights[k * V + f] = W[k * V + f] * r[f];
	return { kind, classes, vocab, n, weights, bias: Array.from(b) };
}

/** Class probabilities of one document (softmax of the scores; NB gives its posterior). */
export function predictProba(model: TextModel, terms: readonly string[]): number[] {
	const index = indexOf(model);
	const ids = featurize(terms, model.n, index);
	const K = model.classes.length;
	const V = model.vocab.length;
	const z = model.bias.slice();
	for (let k = 0; k < K; k++) for (const f of ids) z[k] += model.weights[k * V + f];
	const zmax = Math.max(...z);
	const e = z.map((v) => Math.exp(v - zmax));
	const s = e.reduce((a, c) => a + c, 0);
	return e.map((v) => v / s);
}

const indexCache = new WeakMap<TextModel, Map<string, number>>();
function indexOf(model: TextModel): Map<string, number> {
	let idx = indexCache.get(model);
	if (!idx) {
		idx = new Map(model.vocab.map((g, i) => [g, i]));
		indexCache.set(model, idx);
	}
	return idx;
}

/** The most likely label and its probability. */
export function predict(model: TextModel, terms: readonly string[]): { label: string; p: number } {
	const p = predictProba(model, terms);
	let best = 0;
	for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
	return { label: model.classes[best], p: p[best] };
}

/** Lexicon score: positive minus negative words (a NOT_ prefix flips), in [-1, 1] per word count. */
export function lexiconScore(terms: readonly string[]): number {
	let s = 0;
	let hits = 0;
	for (const t of terms) {
		const neg = t.startsWith('NOT_');
		const w = neg ? t.slice(4) : t;
		let v = 0;
		if (POSITIVE_WORDS.has(w)) v = 1;
		else if (NEGATIVE_WORDS.has(w)) v = -1;
		if (v !== 0) {
			s += neg ? -v : v;
			hits++;
		}
	}
	return hits === 0 ? 0 : s / hits;
}

/** Overlapping clauses of ≤ 6 terms, every 4 terms (the text pipeline drops punctuation). */
export function splitClauses(terms: readonly string[]): string[][] {
	const out: string[][] = [];
	for (let i = 0; i < terms.length; i += 4) out.push(terms.slice(Math.max(0, i - 1), i + 5));
	return out;
}

/** One aspect named in a review, with its polarity. */
export interface AspectMention {
	aspect: Aspect;
	positive: boolean;
	/** True when the clause's own words decided the polarity (else the whole review's did). */
	fromClause: boolean;
}

/** Terms after an aspect word that can carry its sentiment (质量 很 好 / fabric be so soft). */
const ASPECT_REACH = 4;

const isSentimentWord = (t: string) => {
	const w = t.startsWith('NOT_') ? t.slice(4) : t;
	return POSITIVE_WORDS.has(w) || NEGATIVE_WORDS.has(w);
};

/**
 * Aspects a review names and whether each is praised or criticised. Each aspect word takes the lexicon
 * sign of itself and the words after it up to the next aspect mention (at most ASPECT_REACH), else of the
 * two words before it that no earlier mention took (great fabric), else the review's sentiment. Within
 * that reach, an aspect word that is itself a sentiment word (颜色 好看, 尺码 偏小) judges the aspect before
 * it and names its own aspect by its own sign only (好看: style +), and the same aspect named again
 * (尺码 码数) counts once. Chinese reviews
 * often run several aspects without punctuation (质量很好尺码偏小颜色好看): each gets its own words.
 */
export function aspectMentions(terms: readonly string[], reviewPositive: boolean): AspectMention[] {
	const starts: { i: number; a: Aspect }[] = [];
	const out: AspectMention[] = [];
	let cur: { i: number; a: Aspect } | null = null;
	terms.forEach((t, i) => {
		const a = aspectOf(t);
		if (!a) return;
		const inReach = cur !== null && i <= cur.i + ASPECT_REACH;
		if (inReach && cur!.a === a) return;
		if (inReach && isSentimentWord(t)) {
			// judges the aspect before it, and names its own (好看: style) by its own sign
			const sign = lexiconScore([t]);
			out.push({ aspect: a, positive: sign > 0, fromClause: true });
			return;
		}
		cur = { i, a };
		starts.push(cur);
	});
	let taken = 0; // terms before this index were read for an earlier mention
	const inner = out.splice(0);
	starts.forEach(({ i, a }, k) => {
		const next = k + 1 < starts.length ? starts[k + 1].i : terms.length;
		const end = Math.min(next, i + 1 + ASPECT_REACH);
		let sign = lexiconScore(terms.slice(i, end));
		if (sign === 0) sign = lexiconScore(terms.slice(Math.max(taken, i - 2), i));
		taken = end;
		out.push({
			aspect: a,
			positive: sign > 0 || (sign === 0 && reviewPositive),
			fromClause: sign !== 0,
		});
	});
	return [...out, ...inner];
}

/** Accuracy and per-class F1 of predicted vs true labels. */
export function scoreLabels(
	truth: readonly string[],
	predicted: readonly string[],
	classes: readonly string[] = [...new Set(truth)].sort(),
): ClassifierScores {
	let correct = 0;
	truth.forEach((t, i) => (correct += t === predicted[i] ? 1 : 0));
	const f1 = classes.map((c) => {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		truth.forEach((t, i) => {
			const p = predicted[i];
			if (p === c && t === c) tp++;
			else if (p === c) fp++;
			else if (t === c) fn++;
		});
		return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
	});
	return {
		n: truth.length,
		accuracy: truth.length ? correct / truth.length : 0,
		macroF1: f1.reduce((a, c) => a + c, 0) / Math.max(1, f1.length),
		f1,
		classes: [...classes],
	};
}

/**
 * Fewest labelled rows per label for a classifier worth training: below it the held-out share has no
 * row of some label (its score says nothing) and the weights rest on a handful of words. The classify
 * CLI warns below it; the app's Market screen falls back to the word lists and says why.
 */
export const MIN_ROWS_PER_LABEL = 10;

/** Rows per label, most first (ties by label). */
export function labelCounts(labels: readonly string[]): { label: string; n: number }[] {
	const m = new Map<string, number>();
	for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
	return [...m.entries()]
		.map(([label, n]) => ({ label, n }))
		.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

/** A seeded split of indices into train and held-out parts. */
export function splitIndices(
	n: number,
	heldOutShare: number,
	seed = 20240501,
): { train: number[]; test: number[] } {
	const idx = Array.from({ length: n }, (_v, i) => i);
	const rand = rng(seed);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[idx[i], idx[j]] = [idx[j], idx[i]];
	}
	const cut = Math.round(n * heldOutShare);
	return {
		test: idx.slice(0, cut).sort((a, b) => a - b),
		train: idx.slice(cut).sort((a, b) => a - b),
	};
}
