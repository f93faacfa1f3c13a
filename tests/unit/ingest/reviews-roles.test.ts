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

	it('reads a Tmall review export: the listing title is the product, 会员名 the reviewer', () => {
		// walkthrough 2026-12-07: 宝贝标题 and 会员名 were left unused, so no review had a product
		const t = csvTextToTable(
			'天猫评价.csv',
			'评价时间,宝贝标题,评价内容,颜色分类,会员名\n2015-11-12 10:00:00,优衣库 女装卫衣 款8596,质量很好,颜色:黑色;尺码:M,天***w\n',
		);
		const r = readReviews(t);
		expect(r.mapping).toMatchObject({
			product: '宝贝标题',
			text: '评价内容',
			author: '会员名',
			variant: '颜色分类',
		});
		expect(r.mapping.title).toBeUndefined();
		expect(r.records[0]).toMatchObject({ product: '优衣库 女装卫衣 款8596', author: '天***w' });
	});
});
