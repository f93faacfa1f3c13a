// Reviews schema: the reviewer and age roles, and a "score" column that is not a star rating.
import { describe, expect, it } from 'vitest';
import { readReviews } from '../../../src/core/ingest/schemas/reviews';
import { csvTextToTable } from '../../../workers/data/read-table';

describe('reviews roles', () => {
	it('reads the reviewer and the age; ignores an age-like header found by containment', () => {
		const t = csvTextToTable(
			'r.csv',
			'Review Text,Rating,Age,user_nick\nlove it,5,34,天***w\nbad,1,61,人***9\n',
		);
		const r = readReviews(t);
		expect(r.mapping).toMatchObject({ author: 'user_nick', age: 'Age', rating: 'Rating' });
		expect(r.records.map((x) => [x.author, x.age, x.rating])).toEqual([
			['天***w', 34, 5],
			['人***9', 61, 1],
		]);
		const m = readReviews(csvTextToTable('m.csv', 'text,message_page\nok,3\n'));
		expect(m.mapping.age).toBeUndefined();
		expect(m.records[0].age).toBeNull();
	});

	it('does not take a 60–80 "worth score" for a star rating', () => {
		const t = csvTextToTable('tmall.csv', 'text,attr_worth_score\n好,76.0\n差,67.0\n');
		const r = readReviews(t);
		expect(r.mapping.rating).toBeUndefined();
		expect(r.records.map((x) => x.rating)).toEqual([null, null]);
		const ok = readReviews(csvTextToTable('s.csv', 'text,review_score\n好,5\n差,1\n'));
		expect(ok.records.map((x) => x.rating)).toEqual([5, 1]);
	});
});
