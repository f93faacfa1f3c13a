// Text pipeline (jieba with the fashion dictionary, wink-nlp, hashtags, emoji, negation) and the
// sentiment classifiers on the real labelled Chinese clothing reviews (held-out split vs the lexicon).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import {
	lexiconScore,
	predict,
	scoreLabels,
	splitIndices,
	trainClassifier,
} from '../../../src/core/signals/sentiment';
import { aspectOf } from '../../../src/core/signals/lexicon';
import {
	analyzeText,
	bigramSegment,
	detectLang,
	extractEmoji,
	extractHashtags,
} from '../../../src/core/text/tokenize';
import { readReviews } from '../../../src/core/ingest/schemas/reviews';
import { readTable } from '../../../workers/data/read-table';

const DATA = join(__dirname, '../../../../shared/data');

describe('text pipeline', () => {
	const e = nodeEngines();
	it.each([
		['这件连衣裙尺码偏小', ['连衣裙', '尺码', '偏小']],
		['双十一买的羽绒服', ['双十一', '羽绒服']],
		['面料起球了，有色差', ['面料', '起球', '色差']],
	])('segments %s with the fashion dictionary', (text, words) => {
		const got = e.zh!(text);
		for (const w of words) expect(got).toContain(w);
	});

	it('Intl.Segmenter-style splitting is what the dictionary fixes: the bigram fallback has no 连衣裙', () => {
		expect(bigramSegment('连衣裙')).toEqual(['连衣', '衣裙']);
	});

	it('finds Weibo #话题# and Twitter #tags, emoji and the language', () => {
		expect(extractHashtags('【#央视新闻2020新年献词#：立天地】 #2020冲鸭#！')).toEqual([
			'央视新闻2020新年献词',
			'2020冲鸭',
		]);
		expect(extractHashtags('Check my #Poshmark closet #shopmycloset https://t.co/x#y')).toEqual([
			'poshmark',
			'shopmycloset',
		]);
		expect(extractEmoji('love it 😍👍🏽!')).toEqual(['😍', '👍🏽']);
		expect(detectLang('质量很好 nice')).toBe('zh');
		expect(detectLang('Love this dress')).toBe('en');
	});

	it('marks negation in English (wink-nlp) and Chinese, and drops stop words', () => {
		expect(analyzeText("I didn't like the fabric", e).terms).toEqual(['NOT_like', 'NOT_fabric']);
		expect(analyzeText('质量不好，但是颜色很漂亮', e).terms).toEqual([
			'质量',
			'NOT_好',
			'颜色',
			'漂亮',
		]);
		expect(lexiconScore(analyzeText('质量不好', e).terms)).toBe(-1);
		expect(aspectOf('NOT_尺码')).toBe('size');
	});

	it("drops English clitics and contractions (’s, i’m, it's) that wink-nlp keeps as words", () => {
		// real tweets put "'s" and "i’m" among the top topics and bursts before
		expect(
			analyzeText("I’m sure it’s Shein’s best dress, i'm happy at Rachel's ice rink", e).terms,
		).toEqual(['sure', 'shein', 'good', 'dress', 'happy', 'rachel', 'ice', 'rink']);
	});
});

describe('sentiment on the real labelled Chinese clothing reviews', () => {
	let docs: string[][] = [];
	let labels: string[] = [];
	beforeAll(async () => {
		const f = join(DATA, 'zh_reviews/clothing_sentiment_train.csv');
		const table = await readTable('clothing_sentiment_train.csv', new Uint8Array(readFileSync(f)));
		const reviews = readReviews(table);
		expect(reviews.mapping).toMatchObject({ text: 'review', label: 'label' });
		const e = nodeEngines();
		docs = reviews.records.map((r) => analyzeText(r.text, e).terms);
		labels = reviews.records.map((r) => r.label);
	}, 60_000);

	it('NB-weighted logistic regression beats the lexicon baseline on a held-out 20 %', () => {
		expect(docs.length).toBe(7000);
		const { train, test } = splitIndices(docs.length, 0.2);
		const model = trainClassifier(
			train.map((i) => docs[i]),
			train.map((i) => labels[i]),
		);
		const truth = test.map((i) => labels[i]);
		const nblr = scoreLabels(
			truth,
			test.map((i) => predict(model, docs[i]).label),
		);
		const lex = scoreLabels(
			truth,
			test.map((i) => (lexiconScore(docs[i]) >= 0 ? '1' : '0')),
		);
		expect(nblr.accuracy).toBeGreaterThan(0.92);
		expect(lex.accuracy).toBeGreaterThan(0.7);
		expect(nblr.macroF1).toBeGreaterThan(lex.macroF1 + 0.1);
	}, 60_000);
});
