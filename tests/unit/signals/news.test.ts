// News posts are not customer voice: the rules that type a post from its text and author (real post
// texts of the CCTV Weibo file and the brand tweets in shared/data/social_posts).
import { describe, expect, it } from 'vitest';
import { hasNewsByline, newsPosts } from '../../../src/core/signals/news';

describe('news posts', () => {
	it('a byline or a news flash is news on its own, a customer "Update" is not', () => {
		expect(hasNewsByline('【武汉疫情】据湖北省卫健委通报，1月21日新增…')).toBe(true);
		expect(
			hasNewsByline(
				'Chanel Reveals Its New Miami Design District Boutique https://t.co/x via @wwd',
			),
		).toBe(true);
		expect(hasNewsByline('JUST IN 🚨 Lana Del Rey is the new creative designer at Shein')).toBe(
			true,
		);
		expect(
			hasNewsByline('Update on my month long ASOS saga…I have located my package (most likely).'),
		).toBe(false);
		expect(hasNewsByline('尺码偏小，面料一般，价格还行')).toBe(false);
	});

	it('a 【headline】 makes news only in a feed that mostly writes so (per author, else the file)', () => {
		const feed = [
			{ text: '【猪肉价格回落】国家统计局数据显示…', author: '' },
			{ text: '【春运首日】火车票…', author: '' },
			{ text: '#2020年春运第一天# 这些火车票里，有属于你的那张吗？', author: '' },
		];
		expect(newsPosts(feed)).toEqual([true, true, true]);
		const shoppers = [
			{ text: '【穿搭分享】今天这条裙子尺码刚好，面料舒服', author: 'a' },
			{ text: '裤子有点长，价格还可以', author: 'a' },
			{ text: '质量不错', author: 'a' },
			{ text: '【猪肉价格回落】国家统计局数据显示…', author: 'news' },
			{ text: '【春运首日】火车票…', author: 'news' },
			{ text: '【熊猫】滚糖霜', author: 'news' },
		];
		expect(newsPosts(shoppers)).toEqual([false, false, false, true, true, true]);
	});
});
