// Scores the aspect extractor against hand labels (issue 14): per aspect, whether the review names it
// (precision / recall / F1 of the aspect set), and for the aspects both found, whether the polarity the
// app gives it (majority of its mentions: clause words, else the review's sentiment) matches the label
// ('+' / '−'; mentions labelled neutral or mixed '0' are left out of polarity). Pure TypeScript.
import type { Aspect } from './lexicon';
import type { AspectMention } from './sentiment';

export type Polarity = '+' | '-' | '0';

/** Labels of one review: aspect → polarity. */
export type AspectLabels = Map<Aspect, Polarity>;

/** Parses `size:+;price:-` (empty = no aspect). Throws on an unknown aspect or polarity. */
export function parseAspectLabels(text: string, known: readonly string[]): AspectLabels {
	const out: AspectLabels = new Map();
	for (const part of text
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean)) {
		const [a, p] = part.split(':');
		if (!known.includes(a) || !['+', '-', '0'].includes(p))
			throw new Error(`Bad aspect label "${part}"`);
		out.set(a as Aspect, p as Polarity);
	}
	return out;
}

/** The extractor's answer for one review: each aspect named, with the polarity most of its mentions have. */
export function predictedAspects(
	mentions: readonly AspectMention[],
	reviewPositive: boolean,
): AspectLabels {
	const votes = new Map<Aspect, number>();
	for (const m of mentions) votes.set(m.aspect, (votes.get(m.aspect) ?? 0) + (m.positive ? 1 : -1));
	const out: AspectLabels = new Map();
	for (const [a, v] of votes) out.set(a, v > 0 ? '+' : v < 0 ? '-' : reviewPositive ? '+' : '-');
	return out;
}

export interface AspectScore {
	aspect: Aspect | 'all';
	/** Reviews labelled with the aspect, reviews the extractor gave it, both. */
	support: number;
	predicted: number;
	truePositives: number;
	precision: number;
	recall: number;
	f1: number;
	/** Of the aspects found in both with a '+' or '−' label: how many, and the share with the right polarity. */
	polarityN: number;
	polarityAccuracy: number;
}

/** Per-aspect scores (aspects in `aspects` order) and the micro total ('all'). */
export function scoreAspects(
	pairs: readonly { truth: AspectLabels; predicted: AspectLabels }[],
	aspects: readonly Aspect[],
): AspectScore[] {
	const one = (pick: (a: Aspect) => boolean, name: Aspect | 'all'): AspectScore => {
		let support = 0;
		let predicted = 0;
		let tp = 0;
		let polN = 0;
		let polOk = 0;
		for (const { truth, predicted: pred } of pairs) {
			for (const [a, p] of truth) {
				if (!pick(a)) continue;
				support++;
				const q = pred.get(a);
				if (q === undefined) continue;
				tp++;
				if (p !== '0') {
					polN++;
					if (p === q) polOk++;
				}
			}
			for (const a of pred.keys()) if (pick(a)) predicted++;
		}
		const precision = predicted ? tp / predicted : 0;
		const recall = support ? tp / support : 0;
		return {
			aspect: name,
			support,
			predicted,
			truePositives: tp,
			precision,
			recall,
			f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
			polarityN: polN,
			polarityAccuracy: polN ? polOk / polN : 0,
		};
	};
	return [...aspects.map((a) => one((x) => x === a, a)), one(() => true, 'all')];
}

/** Agreement of two annotators on one aspect (or 'all': every review × aspect cell pooled). */
export interface AspectAgreement {
	aspect: Aspect | 'all';
	/** Reviews each annotator gave the aspect, and both. */
	first: number;
	second: number;
	both: number;
	/** Share of reviews where both say the same (named / not named). */
	observed: number;
	/**
	 * Cohen's kappa of named / not named: (observed − chance) / (1 − chance), chance from each annotator's
	 * own rate. NaN when neither ever names the aspect (chance agreement is 1).
	 */
	kappa: number;
	/** Of the reviews both gave the aspect: how many, and how many with the same polarity. */
	polarityN: number;
	polaritySame: number;
}

/**
 * Inter-annotator agreement per aspect on the same reviews (`first[i]` and `second[i]` label review i):
 * Cohen's kappa of whether each review names the aspect, and polarity agreement where both name it.
 */
export function aspectAgreement(
	first: readonly AspectLabels[],
	second: readonly AspectLabels[],
	aspects: readonly Aspect[],
): AspectAgreement[] {
	if (first.length !== second.length)
		throw new Error(`aspectAgreement: ${first.length} vs ${second.length} reviews`);
	const one = (keys: readonly Aspect[], name: Aspect | 'all'): AspectAgreement => {
		let n = 0;
		let a = 0;
		let b = 0;
		let both = 0;
		let same = 0;
		let polN = 0;
		let polSame = 0;
		first.forEach((x, i) => {
			const y = second[i];
			for (const k of keys) {
				n++;
				const inA = x.has(k);
				const inB = y.has(k);
				if (inA) a++;
				if (inB) b++;
				if (inA === inB) same++;
				if (inA && inB) {
					both++;
					polN++;
					if (x.get(k) === y.get(k)) polSame++;
				}
			}
		});
		const observed = n ? same / n : 0;
		const pa = n ? a / n : 0;
		const pb = n ? b / n : 0;
		const chance = pa * pb + (1 - pa) * (1 - pb);
		return {
			aspect: name,
			first: a,
			second: b,
			both,
			observed,
			kappa: chance < 1 ? (observed - chance) / (1 - chance) : NaN,
			polarityN: polN,
			polaritySame: polSame,
		};
	};
	return [...aspects.map((k) => one([k], k)), one(aspects, 'all')];
}
