// Aspect mentions: each clause's first aspect word takes the clause's sentiment words' sign, else the
// review's; known answers in Chinese and English.
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import { aspectMentions, splitClauses } from '../../../src/core/signals/sentiment';
import { analyzeText } from '../../../src/core/text/tokenize';

describe('aspect mentions', () => {
	it('splits a review into overlapping clauses of ≤ 6 terms every 4 terms', () => {
		const t = 'a b c d e f g h i'.split(' ');
		expect(splitClauses(t)).toEqual([
			['a', 'b', 'c', 'd', 'e'],
			['d', 'e', 'f', 'g', 'h', 'i'],
			['h', 'i'],
		]);
	});

	it('criticises the size and praises the colour of one Chinese review', () => {
		const terms = ['尺码', '偏小', '穿着', '有点', '紧', '颜色', '好看', '喜欢', '满意'];
		expect(aspectMentions(terms, true)).toEqual([
			{ aspect: 'size', positive: false, fromClause: true },
			{ aspect: 'colour', positive: true, fromClause: true },
			{ aspect: 'style', positive: true, fromClause: true }, // 好看 also names the look
		]);
	});

	it('gives each aspect of an unpunctuated Chinese run its own words', () => {
		// 质量很好尺码偏小颜色好看 as segmented: one run, three aspects, each with the words after it
		const terms = ['质量', '很', '好', '尺码', '偏小', '颜色', '好看', '快递', '慢'];
		expect(aspectMentions(terms, true)).toEqual([
			{ aspect: 'quality', positive: true, fromClause: true },
			{ aspect: 'size', positive: false, fromClause: true },
			{ aspect: 'colour', positive: true, fromClause: true },
			{ aspect: 'delivery', positive: false, fromClause: true },
			{ aspect: 'style', positive: true, fromClause: true },
		]);
		// the same aspect named twice in a row counts once; a word before it decides when none follow
		expect(aspectMentions(['尺码', '码数', '标准'], false)).toEqual([
			{ aspect: 'size', positive: false, fromClause: false },
		]);
		expect(aspectMentions(['great', 'fabric'], false)).toEqual([
			{ aspect: 'fabric', positive: true, fromClause: true },
		]);
	});

	it('the jieba user dictionary keeps the Chinese aspect words whole', () => {
		const engines = nodeEngines();
		const terms = analyzeText('快递员送货很快，买大一码刚好，物超所值，面料轻薄', engines).terms;
		for (const w of ['快递员', '大一码', '物超所值', '轻薄']) expect(terms).toContain(w);
		const aspects = aspectMentions(terms, true).map((m) => m.aspect);
		expect(new Set(aspects)).toEqual(new Set(['delivery', 'size', 'price', 'fabric']));
	});

	it('English: the clause decides; without sentiment words the review decides', () => {
		expect(aspectMentions(['fabric', 'soft', 'love'], false)).toEqual([
			{ aspect: 'fabric', positive: true, fromClause: true },
		]);
		expect(aspectMentions(['NOT_flattering', 'cut'], true)).toEqual([
			{ aspect: 'style', positive: false, fromClause: true },
		]);
		expect(aspectMentions(['size', 'order'], false)).toEqual([
			{ aspect: 'size', positive: false, fromClause: false },
		]);
		expect(aspectMentions(['coffee', 'morning'], true)).toEqual([]);
	});
});
