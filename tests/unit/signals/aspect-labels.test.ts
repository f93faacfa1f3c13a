// Real aspect labels (issue 14): the hand-labelled fixture is complete (150 zh Tmall + 150 en women's
// reviews, every id found in ../shared/data, every label one of the nine aspects), the scoring counts
// precision / recall / polarity right on a small known case, and the extractor's figures on the sample
// (word-list review sentiment for mentions without their own sentiment words) stay at or above the floor
// measured when the labels were made (tests/bench/results/SIGNALS.md, "Aspect extraction vs hand labels").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import {
	parseAspectLabels,
	predictedAspects,
	scoreAspects,
} from '../../../src/core/signals/aspect-eval';
import { aspectMentions, lexiconScore } from '../../../src/core/signals/sentiment';
import { analyzeText } from '../../../src/core/text/tokenize';
import { ASPECTS, loadLabelledReviews } from '../../fixtures/aspect-labels/labels';

const DATA = process.env.TRENDCAST_DATA ?? join(__dirname, '../../../../shared/data');

describe('aspect extraction vs hand labels', () => {
	it('scores precision, recall and polarity on a known case', () => {
		const truth = parseAspectLabels('size:+;price:-;colour:0', ASPECTS);
		const pred = predictedAspects(
			[
				{ aspect: 'size', positive: true, fromClause: true },
				{ aspect: 'size', positive: false, fromClause: false },
				{ aspect: 'price', positive: true, fromClause: true },
				{ aspect: 'style', positive: true, fromClause: true },
			],
			true,
		);
		expect([...pred]).toEqual([
			['size', '+'],
			['price', '+'],
			['style', '+'],
		]);
		const s = scoreAspects([{ truth, predicted: pred }], ASPECTS);
		const all = s.find((x) => x.aspect === 'all')!;
		expect(all).toMatchObject({ support: 3, predicted: 3, truePositives: 2, polarityN: 2 });
		expect(all.polarityAccuracy).toBe(0.5);
		expect(s.find((x) => x.aspect === 'colour')).toMatchObject({ recall: 0, support: 1 });
		expect(() => parseAspectLabels('fit:+', ASPECTS)).toThrow(/fit/);
	});

	it('the fixture is whole and the extractor keeps its measured level on it', () => {
		const reviews = loadLabelledReviews(DATA);
		expect(reviews.filter((r) => r.lang === 'zh')).toHaveLength(150);
		expect(reviews.filter((r) => r.lang === 'en')).toHaveLength(150);
		expect(new Set(reviews.map((r) => `${r.lang}${r.id}`)).size).toBe(300);
		const engines = nodeEngines();
		// micro precision / recall / polarity accuracy measured on 2026-12-06 with the aspect-word windows
		// and the larger zh lexicon (zh recall was 0.53 before them), rounded down
		const floor = {
			zh: { precision: 0.89, recall: 0.91, polarity: 0.86 },
			en: { precision: 0.85, recall: 0.71, polarity: 0.73 },
		};
		for (const lang of ['zh', 'en'] as const) {
			const pairs = reviews
				.filter((r) => r.lang === lang)
				.map((r) => {
					const terms = analyzeText(r.text, engines).terms;
					const positive = lexiconScore(terms) >= 0;
					return {
						truth: r.labels,
						predicted: predictedAspects(aspectMentions(terms, positive), positive),
					};
				});
			const all = scoreAspects(pairs, ASPECTS).find((x) => x.aspect === 'all')!;
			expect(all.support).toBeGreaterThan(150);
			expect(all.precision).toBeGreaterThanOrEqual(floor[lang].precision);
			expect(all.recall).toBeGreaterThanOrEqual(floor[lang].recall);
			expect(all.polarityAccuracy).toBeGreaterThanOrEqual(floor[lang].polarity);
		}
	}, 120_000);
});
