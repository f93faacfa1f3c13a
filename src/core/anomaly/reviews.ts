// Review risk: bursts of reviews on one product (e.g. a paid push around 双十一) and likely fake reviews.
// - Bursts: daily review counts per product against a Poisson baseline (the trailing 28-day mean, at
//   least 0.5/day); a day is a burst when P(N ≥ count) < 1e-4 and count ≥ 5.
// - Fake reviews: a multinomial naive Bayes over word unigrams + bigrams (zh: character bigrams),
//   trained on labelled examples (e.g. ../shared/data/review_spam), plus rules that need no training:
//   the same text on several products, and a review inside a burst.
import { msg } from '../messages';
import { terms } from '../recommend/content';
import type { RiskFlag } from './orders';

const DAY_MS = 86_400_000;

/** log P(N ≥ k) for N ~ Poisson(λ). */
export function poissonLogTail(k: number, lambda: number): number {
	if (k <= 0) return 0;
	// P(N ≥ k) = 1 − Σ_{i<k} p(i); for the far tail sum p(i) upwards from k instead (stable).
	let logP = -lambda + k * Math.log(lambda) - logFactorial(k);
	let sum = 1;
	let term = 1;
	for (let i = k + 1; i < k + 200; i++) {
		term *= lambda / i;
		sum += term;
		if (term < 1e-16 * sum) break;
	}
	logP += Math.log(sum);
	return Math.min(0, logP);
}

function logFactorial(n: number): number {
	let s = 0;
	for (let i = 2; i <= n; i++) s += Math.log(i);
	return s;
}

/** Review-burst flags per product and day. */
export function reviewBursts(
	product: readonly string[],
	ds: ArrayLike<number>,
	{
		minCount = 5,
		alpha = 1e-4,
		window = 28,
	}: { minCount?: number; alpha?: number; window?: number } = {},
): RiskFlag[] {
	const byProduct = new Map<string, Map<number, number>>();
	for (let i = 0; i < product.length; i++) {
		const day = Math.floor(ds[i] / DAY_MS);
		let m = byProduct.get(product[i]);
		if (!m) byProduct.set(product[i], (m = new Map()));
		m.set(day, (m.get(day) ?? 0) + 1);
	}
	const flags: RiskFlag[] = [];
	for (const [p, days] of byProduct) {
		const sorted = [...days.keys()].sort((a, b) => a - b);
		for (const day of sorted) {
			const count = days.get(day)!;
			if (count < minCount) continue;
			let before = 0;
			for (let d = day - window; d < day; d++) before += days.get(d) ?? 0;
			const lambda = Math.max(0.5, before / window);
			const logTail = poissonLogTail(count, lambda);
			if (logTail > Math.log(alpha)) continue;
			flags.push({
				id: `review_burst:${p}:${day}`,
				kind: 'review_burst',
				subject: p,
				customer: null,
				ds: day * DAY_MS,
				score: Math.min(1, -logTail / 50),
				amount: 0,
				reasons: [
					msg('risk_why_review_burst', {
						n: count,
						typical: Math.round(lambda * 10) / 10,
					}),
				],
			});
		}
	}
	return flags.sort((a, b) => b.score - a.score);
}

/** Terms for the text classifier: unigrams plus adjacent-pair bigrams. */
export function textFeatures(text: string): string[] {
	const t = terms(text);
	const out = [...t];
	for (let i = 0; i + 1 < t.length; i++) out.push(`${t[i]} ${t[i + 1]}`);
	return out;
}

/** A trained multinomial naive Bayes model (two classes). */
export interface NaiveBayesModel {
	/** log P(fake) − log P(genuine). */
	prior: number;
	/** term → log P(term | fake) − log P(term | genuine). */
	weights: Map<string, number>;
}

/** Trains multinomial NB with Laplace smoothing on binary term presence (Wang & Manning 2012's NB part). */
export function trainNaiveBayes(
	texts: readonly string[],
	fake: readonly boolean[],
	minDf = 2,
): NaiveBayesModel {
	const df = new Map<string, number>();
	const docs = texts.map((t) => new Set(textFeatures(t)));
	for (const d of docs) for (const term of d) df.set(term, (df.get(term) ?? 0) + 1);
	const vocab = [...df.entries()].filter(([, n]) => n >= minDf).map(([t]) => t);
	const index = new Map(vocab.map((t, i) => [t, i]));
	const counts = [new Float64Array(vocab.length), new Float64Array(vocab.length)];
	let nFake = 0;
	docs.forEach((d, i) => {
		const c = fake[i] ? 1 : 0;
		if (fake[i]) nFake++;
		for (const term of d) {
			const j = index.get(term);
			if (j !== undefined) counts[c][j] += 1;
		}
	});
	const total = counts.map((c) => c.reduce((a, b) => a + b, 0) + vocab.length);
	const weights = new Map<string, number>();
	vocab.forEach((t, j) =>
		weights.set(
			t,
			Math.log((counts[1][j] + 1) / total[1]) - Math.log((counts[0][j] + 1) / total[0]),
		),
	);
	const nGenuine = texts.length - nFake;
	return { prior: Math.log((nFake + 1) / (nGenuine + 1)), weights };
}

/** P(fake | text) under the model. */
export function fakeProbability(model: NaiveBayesModel, text: string): number {
	let s = model.prior;
	for (const term of new Set(textFeatures(text))) s += model.weights.get(term) ?? 0;
	return 1 / (1 + Math.exp(-s));
}

/** The same (normalised) review text on at least `minProducts` products: copy-paste reviews. */
export function duplicateReviewTexts(
	product: readonly string[],
	text: readonly string[],
	ds: ArrayLike<number>,
	minProducts = 3,
	minLength = 12,
): RiskFlag[] {
	const map = new Map<string, { products: Set<string>; first: number }>();
	for (let i = 0; i < text.length; i++) {
		const key = text[i]
			.toLowerCase()
			.normalize('NFKC')
			.replace(/[\s\p{P}\p{S}]+/gu, '');
		if ([...key].length < minLength) continue;
		let e = map.get(key);
		if (!e) map.set(key, (e = { products: new Set(), first: ds[i] }));
		e.products.add(product[i]);
		if (ds[i] < e.first) e.first = ds[i];
	}
	const flags: RiskFlag[] = [];
	for (const [key, e] of map) {
		if (e.products.size < minProducts) continue;
		flags.push({
			id: `review_burst:dup:${key.slice(0, 40)}`,
			kind: 'review_burst',
			subject: [...e.products][0],
			customer: null,
			ds: e.first,
			score: Math.min(1, 0.5 + e.products.size / 20),
			amount: 0,
			reasons: [msg('risk_why_duplicate_review', { n: e.products.size })],
		});
	}
	return flags;
}
