// The Explore screen: sales by product, category or store/channel.
import type { Catalog } from '../types';

export const en = {
	explore_view_by: 'Show sales by',
	explore_view_product: 'Product',
	explore_view_category: 'Category',
	explore_view_store: 'Store or channel',
	explore_group_loading: 'Adding up the sales…',
	explore_group_missing_category:
		'This dataset has no category column, so its sales cannot be shown by category. To see them, import the file again and choose its category column (for example “Product type”).',
	explore_group_missing_store:
		'This dataset has no store or channel column, so its sales cannot be shown by store. To see them, import the file again and choose the column that names the shop, channel or country.',
	explore_group_blank: '(none given)',
	explore_group_col_category: 'Category',
	explore_group_col_store: 'Store or channel',
	explore_group_col_products: 'Products',
	explore_group_col_units: 'Units',
	explore_group_col_revenue: 'Revenue',
	explore_group_all_category: 'All categories',
	explore_group_all_store: 'All stores and channels',
	explore_group_card_category: 'Categories',
	explore_group_card_store: 'Stores and channels',
	explore_group_card_hint: 'Pick one to see its sales.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	explore_view_by: '销售查看方式',
	explore_view_product: '按商品',
	explore_view_category: '按品类',
	explore_view_store: '按门店或渠道',
	explore_group_loading: '正在汇总销售数据…',
	explore_group_missing_category:
		'该数据集没有品类列，无法按品类查看销售。如需查看，请重新导入文件并选择其品类列（例如“商品类型”）。',
	explore_group_missing_store:
		'该数据集没有门店或渠道列，无法按门店查看销售。如需查看，请重新导入文件并选择表示门店、渠道或国家的列。',
	explore_group_blank: '（未填写）',
	explore_group_col_category: '品类',
	explore_group_col_store: '门店或渠道',
	explore_group_col_products: '商品数',
	explore_group_col_units: '销量',
	explore_group_col_revenue: '销售额',
	explore_group_all_category: '全部品类',
	explore_group_all_store: '全部门店和渠道',
	explore_group_card_category: '品类',
	explore_group_card_store: '门店和渠道',
	explore_group_card_hint: '选择一项即可查看其销售。',
};
