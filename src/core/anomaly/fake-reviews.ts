// Likely fake reviews learnt from the shop's OWN labels: the analyst marks reviews "fake" or "OK"
// (genuine) on the Customers screen (and an imported reviews file's label column may add labels). With
// enough of both kinds, the multinomial naive Bayes of src/core/signals/sentiment.ts (the `classify`
// CLI's model, on the zh + en terms of src/core/text/tokenize.ts) is trained and scores every review;
// each score names the words that pushed it towards "fake". Accuracy is estimated leave-one-out when
// labels are few, else on a held-out quarter. No model trained on outside data is shipped (the
// deceptive-opinion corpus is CC BY-NC-SA). Pure TypeScript.
import { msg, type Message } from '../messages';
import { ngrams } from '../text/tokenize';
import { predictProba, splitIndices, trainClassifier, type TextModel } from '../signals/sentiment';

/** The analyst's (or the file's) label of a review. */
export type ReviewLabel = 'fake' | 'genuine';

/** One review's score. */
export interface FakeReviewScore {
	/** Index into the input documents. */
	index: number;
	/** P(fake | text). */
	p: number;
	/** Terms (words or word pairs) that raise P(fake) most, strongest first. */
	words: string[];
	why: Message;
}

/** The result of {@link learnFakeReviews}. */
export interface FakeReviewModel {
	nFake: number;
	nGenuine: number;
	/** Labels of each kind needed before training. */
	minPerClass: number;
	/** False until both kinds have `minPerClass` labels; `missing` says how many more. */
	trained: boolean;
	missing: { fake: number; genuine: number };
	/** Estimated accuracy on reviews the model did not see, with how it was estimated. */
	accuracy: number | null;
	accuracyMethod: 'leave_one_out' | 'holdout' | null;
	accuracyN: number;
	/** Scores of every document (same order as the input); empty until trained. */
	scores: FakeReviewScore[];
	/** A summary sentence (too few labels / accuracy). */
	status: Message;
}

const OPTS = { kind: 'nb', minDf: 1, n: 2 } as const;

function fit(docs: readonly (readonly string[])[], labels: readonly string[]): TextModel {
	return trainClassifier(docs, labels, OPTS);
}

function pFake(model: TextModel, terms: readonly string[]): number {
	const k = model.classes.indexOf('fake');
	return predictProba(model, terms)[k];
}

/** Terms present in the document ranked by how much they favour "fake" over "genuine". */
export function fakeWords(model: TextModel, terms: readonly string[], top = 3): string[] {
	const V = model.vocab.length;
	const kf = model.classes.indexOf('fake');
	const kg = model.classes.indexOf('genuine');
	const index = new Map(model.vocab.map((g, i) => [g, i]));
	const seen = new Set<string>();
	const scored: { g: string; w: number }[] = [];
	for (const g of ngrams(terms, model.n)) {
		if (seen.has(g)) continue;
		seen.add(g);
		const f = index.get(g);
		if (f === undefined) continue;
		const w = model.weights[kf * V + f] - model.weights[kg * V + f];
		if (w > 0) scored.push({ g, w });
	}
	scored.sort((a, b) => b.w - a.w || (a.g < b.g ? -1 : 1));
	// Prefer a word pair over its own parts when both are listed.
	const out: string[] = [];
	for (const { g } of scored) {
		if (out.some((o) => o.includes(g) || g.includes(o))) continue;
		out.push(g);
		if (out.length >= top) break;
	}
	return out;
}

/**
 * Trains on the labelled documents (labels[i] null = unlabelled) and scores all of them.
 * `docs` are term lists from analyzeText (the same pipeline as the `classify` CLI).
 */
export function learnFakeReviews(
	docs: readonly (readonly string[])[],
	labels: readonly (ReviewLabel | null)[],
	{ minPerClass = 8, looBelow = 80 }: { minPerClass?: number; looBelow?: number } = {},
): FakeReviewModel {
	const idx = labels.map((_l, i) => i).filter((i) => labels[i] !== null);
	const nFake = idx.filter((i) => labels[i] === 'fake').length;
	const nGenuine = idx.length - nFake;
	const missing = {
		fake: Math.max(0, minPerClass - nFake),
		genuine: Math.max(0, minPerClass - nGenuine),
	};
	const base = { nFake, nGenuine, minPerClass, missing };
	if (missing.fake > 0 || missing.genuine > 0)
		return {
			...base,
			trained: false,
			accuracy: null,
			accuracyMethod: null,
			accuracyN: 0,
			scores: [],
			status: msg('fake_too_few', {
				fake: missing.fake,
				genuine: missing.genuine,
				min: minPerClass,
			}),
		};
	const tdocs = idx.map((i) => docs[i]);
	const tlabels = idx.map((i) => labels[i]!);
	// Accuracy on reviews not trained on.
	let correct = 0;
	let tested = 0;
	let method: 'leave_one_out' | 'holdout';
	if (idx.length < looBelow) {
		method = 'leave_one_out';
		for (let j = 0; j < idx.length; j++) {
			const others = tdocs.map((_d, i) => i).filter((i) => i !== j);
			const m = fit(
				others.map((i) => tdocs[i]),
				others.map((i) => tlabels[i]),
			);
			const fake = pFake(m, tdocs[j]) >= 0.5;
			correct += fake === (tlabels[j] === 'fake') ? 1 : 0;
			tested++;
		}
	} else {
		method = 'holdout';
		const { train, test } = splitIndices(idx.length, 0.25);
		const m = fit(
			train.map((i) => tdocs[i]),
			train.map((i) => tlabels[i]),
		);
		for (const j of test) {
			const fake = pFake(m, tdocs[j]) >= 0.5;
			correct += fake === (tlabels[j] === 'fake') ? 1 : 0;
			tested++;
		}
	}
	const accuracy = tested ? correct / tested : null;
	const model = fit(tdocs, tlabels);
	const scores = docs.map((d, index) => {
		const p = pFake(model, d);
		const words = fakeWords(model, d);
		return {
			index,
			p,
			words,
			why: msg(words.length ? 'fake_why_words' : 'fake_why_no_words', {
				p: Math.round(p * 100) / 100,
				words: words.map((w) => `'${w}'`).join(', '),
			}),
		};
	});
	return {
		...base,
		trained: true,
		accuracy,
		accuracyMethod: method,
		accuracyN: tested,
		scores,
		status: msg(method === 'leave_one_out' ? 'fake_accuracy_loo' : 'fake_accuracy_holdout', {
			pct: Math.round((accuracy ?? 0) * 100),
			n: tested,
			fake: nFake,
			genuine: nGenuine,
		}),
	};
}

/** A file's label column read as fake/genuine (deceptive/truthful, fake/real, spam/ham, 1/0 is NOT guessed). */
export function labelFromFile(label: string): ReviewLabel | null {
	const l = label.trim().toLowerCase();
	if (['fake', 'deceptive', 'spam', 'fraud', '虚假', '刷单', '假评'].includes(l)) return 'fake';
	if (['genuine', 'truthful', 'real', 'ham', 'authentic', '真实', '正常'].includes(l))
		return 'genuine';
	return null;
}
