// The Forecast screen: the product picker, the leaderboard and the forecast's notes, in words a shop
// owner reads (the technical names stay available on demand).
import type { Catalog } from '../types';

export const en = {
	forecast_pick_label: 'What to forecast',
	forecast_pick_placeholder: 'Search all products by name or code',
	forecast_all_products: 'All products together',
	forecast_pick_count: (p) =>
		Number(p.total) > Number(p.shown)
			? `The ${p.shownText} best sellers of ${p.totalText} matching products; type more to narrow the list.`
			: Number(p.total) === 1
				? '1 matching product.'
				: `${p.totalText} matching products.`,
	forecast_pick_none: 'No product matches “{text}”.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	forecast_pick_label: '预测对象',
	forecast_pick_placeholder: '按名称或编码搜索全部商品',
	forecast_all_products: '全部商品合计',
	forecast_pick_count: (p) =>
		Number(p.total) > Number(p.shown)
			? `共 ${p.totalText} 个匹配商品，显示销量最高的 ${p.shownText} 个；继续输入可缩小范围。`
			: `${p.totalText} 个匹配商品。`,
	forecast_pick_none: '没有商品与“{text}”匹配。',
};
