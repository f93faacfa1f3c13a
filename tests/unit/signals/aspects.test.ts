// Aspect mentions: each clause's first aspect word takes the clause's sentiment words' sign, else the
// review's; known answers in Chinese and English.
import { describe, expect, it } from 'vitest';
import { aspectMentions, splitClauses } from '../../../src/core/signals/sentiment';

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
		]);
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
