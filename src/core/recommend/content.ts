// Content-based similarity of products from their titles/descriptions/attributes, for Chinese and
// English alike: TF-IDF over word tokens (Latin script) and character bigrams (CJK, which has no spaces),
// cosine between products. Used for "similar products" (new products have no buyers yet) and as a
// recommender: a customer's products → the most similar others.
import { msg } from '../messages';
import type { Interactions } from './interactions';
import { topK } from './top-k';
import type { FittedRecommender } from './types';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const STOP = new Set(['the', 'and', 'of', 'for', 'with', 'in', 'set', 'a', 'an', 'to', 'de', 'la']);

/** Terms of a title: lower-case Latin words (≥ 2 letters, no stop words) and CJK character bigrams. */
export function terms(text: string): string[] {
	const out: string[] = [];
	for (const run of text
		.toLowerCase()
		.normalize('NFKC')
		.split(/[^\p{L}\p{N}]+/u)) {
		if (!run) continue;
		if (CJK.test(run)) {
			const chars = [...run];
			if (chars.length === 1) out.push(run);
			for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
		} else if (run.length >= 2 && !STOP.has(run) && !/^\d+$/.test(run)) out.push(run);
	}
	return out;
}

/** Sparse unit-length TF-IDF vectors of the given texts. */
export function tfidf(texts: readonly string[]): { ids: Int32Array; w: Float64Array }[] {
	const vocab = new Map<string, number>();
	const docs = texts.map((t) => {
		const counts = new Map<number, number>();
		for (const term of terms(t)) {
			let id = vocab.get(term);
			if (id === undefined) vocab.set(term, (id = vocab.size));
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		return counts;
	});
	const df = new Float64Array(vocab.size);
	for (const d of docs) for (const id of d.keys()) df[id] += 1;
	return docs.map((d) => {
		const ids = Int32Array.from([...d.keys()].sort((a, b) => a - b));
		const w = Float64Array.from(
			ids,
			(id) => (1 + Math.log(d.get(id)!)) * Math.log((1 + docs.length) / (1 + df[id])),
		);
		let norm = 0;
		for (const x of w) norm += x * x;
		norm = Math.sqrt(norm) || 1;
		for (let i = 0; i < w.length; i++) w[i] /= norm;
		return { ids, w };
	});
}

/** Content similarity recommender over product titles. */
export function fitContent(d: Interactions, neighbours = 50): FittedRecommender {
	const vecs = tfidf(d.titles.map((t, i) => t || d.products[i]));
	// Inverted index term → (item, weight).
	const postings = new Map<number, { item: number; w: number }[]>();
	vecs.forEach((v, item) =>
		v.ids.forEach((id, k) => {
			let l = postings.get(id);
			if (!l) postings.set(id, (l = []));
			l.push({ item, w: v.w[k] });
		}),
	);
	const n = d.products.length;
	const nbIds: Int32Array[] = [];
	const nbW: Float64Array[] = [];
	const acc = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v = vecs[i];
		const touched: number[] = [];
		v.ids.forEach((id, k) => {
			for (const p of postings.get(id) ?? []) {
				if (p.item === i) continue;
				if (acc[p.item] === 0) touched.push(p.item);
				acc[p.item] += v.w[k] * p.w;
			}
		});
		const best = topK(acc, neighbours);
		nbIds.push(Int32Array.from(best, (b) => b.index));
		nbW.push(Float64Array.from(best, (b) => b.score));
		for (const j of touched) acc[j] = 0;
	}
	return {
		method: 'content',
		forUser(user, k, exclude) {
			const scores = new Float64Array(n);
			const from = new Int32Array(n).fill(-1);
			const bestPart = new Float64Array(n);
			for (const i of d.userItems[user]) {
				nbIds[i].forEach((j, b) => {
					scores[j] += nbW[i][b];
					if (nbW[i][b] > bestPart[j]) {
						bestPart[j] = nbW[i][b];
						from[j] = i;
					}
				});
			}
			return topK(scores, k, exclude ? (j) => exclude.has(j) : undefined).map(
				({ index, score }) => ({
					item: index,
					score,
					why: msg('rec_why_similar_title', {
						product: d.titles[from[index]] || d.products[from[index]],
					}),
				}),
			);
		},
		forItem(item, k) {
			return Array.from(nbIds[item].slice(0, k), (j, b) => ({
				item: j,
				score: nbW[item][b],
				why: msg('rec_why_similar_title', { product: d.titles[item] || d.products[item] }),
			}));
		},
	};
}
