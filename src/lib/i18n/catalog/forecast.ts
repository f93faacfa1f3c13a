// The Forecast screen: the product picker, the leaderboard and the forecast's notes, in words a shop
// owner reads (the technical names stay available on demand).
import type { Catalog } from '../types';

/** Chinese words for the period units the method names use. */
const ZH_UNIT: Record<string, string> = { day: '天', week: '周', month: '月', period: '期' };

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
	// Method names in plain words; {unit} is 'day', 'week', 'month' or 'period'.
	forecast_model_naive: (p) => `Same as last ${String(p.unit)}`,
	forecast_model_snaive: (p) =>
		p.unit === 'week'
			? 'Same week last year'
			: p.unit === 'month'
				? 'Same month last year'
				: p.unit === 'day'
					? 'Same weekday last week'
					: 'Same as last season',
	forecast_model_naive2: (p) => `Last ${String(p.unit)}'s value, adjusted for the season`,
	forecast_model_ma: 'Recent average',
	forecast_model_mean: 'Long-run average',
	forecast_model_drift: 'Straight-line trend',
	forecast_model_ses: 'Smoothing (recent sales count most)',
	forecast_model_holt: 'Smoothing with a trend',
	forecast_model_ets: 'Smoothing (level, trend and season as needed)',
	forecast_model_stlf: 'Season split out, then smoothing',
	forecast_model_theta: 'Smoothing plus the long-run trend',
	forecast_model_arima: 'Pattern of recent ups and downs',
	forecast_model_regression: 'Trend, season and price fitted together',
	forecast_model_croston: 'Usual sale size and gap between sales (slow sellers)',
	forecast_model_sba: 'Usual sale size and gap, bias-corrected (slow sellers)',
	forecast_model_tsb: 'Chance of a sale × usual size (slow sellers)',
	forecast_model_adida: 'Sales added up over longer stretches (slow sellers)',
	forecast_model_imapa: 'Sales over several stretch lengths (slow sellers)',
	forecast_model_mstl: 'Several seasonal patterns split out',
	forecast_model_blend: 'Blend of {names}',
	forecast_model_median: 'Middle value of {names}',
	forecast_model_list_sep: ', ',
	// The leaderboard and why the method was chosen.
	forecast_lb_caption: 'How each method did on past sales it had not seen (lower error is better)',
	forecast_lb_method: 'Method',
	forecast_lb_error: 'Error (1 = as good as repeating last period)',
	forecast_lb_miss: 'Typical miss',
	forecast_lb_coverage: 'Sales inside the 80% / 95% range',
	forecast_lb_chosen: 'chosen',
	forecast_lb_in_blend: 'in blend {share}',
	forecast_lb_no_coverage:
		'The history is long enough for one held-out stretch only, so how often the likely ranges held cannot be checked yet.',
	forecast_lb_technical: 'Technical details',
	forecast_lb_metrics:
		'Error is MASE (mean absolute scaled error: the average miss divided by the average miss of repeating the last value, in-sample). Typical miss is WAPE (weighted absolute percentage error). Ranges are calibrated on the past errors (conformal).',
	forecast_choice_lowest: 'Chosen: {method}, which had the lowest error on past sales.',
	forecast_choice_blend_rule:
		'Chosen: {method}. {best} did a little better on past sales (error {bestError} against {chosenError}), but a blend of the best methods is usually steadier on new weeks, so one method is used alone only when it is at least {margin}% better.',
	forecast_choice_by_percent:
		'Chosen: {method}, which missed past sales by the smallest share (the sales did not vary enough for the usual error).',
	forecast_choice_untested:
		'Chosen: {method}. The history is too short to test methods on past sales, so a simple method is used.',
	forecast_choice_other:
		'Chosen: {method}, by the order the methods are tried in; {best} had about the same or a lower error on past sales.',
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
	forecast_model_naive: (p) => `沿用上一${ZH_UNIT[String(p.unit)] ?? '期'}的值`,
	forecast_model_snaive: (p) =>
		p.unit === 'week'
			? '去年同一周的值'
			: p.unit === 'month'
				? '去年同月的值'
				: p.unit === 'day'
					? '上周同一天的值'
					: '上一季同期的值',
	forecast_model_naive2: (p) => `上一${ZH_UNIT[String(p.unit)] ?? '期'}的值（按季节调整）`,
	forecast_model_ma: '近期平均',
	forecast_model_mean: '长期平均',
	forecast_model_drift: '直线趋势',
	forecast_model_ses: '平滑（近期销量权重更大）',
	forecast_model_holt: '带趋势的平滑',
	forecast_model_ets: '平滑（按需包含水平、趋势和季节）',
	forecast_model_stlf: '先分离季节，再做平滑',
	forecast_model_theta: '平滑加长期趋势',
	forecast_model_arima: '近期涨跌规律',
	forecast_model_regression: '趋势、季节和价格一起拟合',
	forecast_model_croston: '按常见单次销量和销售间隔（慢销品）',
	forecast_model_sba: '按常见单次销量和间隔，已校正偏差（慢销品）',
	forecast_model_tsb: '出现销售的概率 × 常见销量（慢销品）',
	forecast_model_adida: '按更长时段汇总销量（慢销品）',
	forecast_model_imapa: '按多种时段长度汇总销量（慢销品）',
	forecast_model_mstl: '分离出多个季节规律',
	forecast_model_blend: '{names} 的加权组合',
	forecast_model_median: '{names} 的中间值',
	forecast_model_list_sep: '、',
	forecast_lb_caption: '各方法在未参与训练的过往销售上的表现（误差越低越好）',
	forecast_lb_method: '方法',
	forecast_lb_error: '误差（1 = 与沿用上一期一样好）',
	forecast_lb_miss: '平均偏差',
	forecast_lb_coverage: '落在 80% / 95% 区间内的销量',
	forecast_lb_chosen: '已选用',
	forecast_lb_in_blend: '组合权重 {share}',
	forecast_lb_no_coverage: '历史长度只够留出一段检验期，因此暂时无法检验可能区间的命中率。',
	forecast_lb_technical: '技术细节',
	forecast_lb_metrics:
		'误差为 MASE（平均绝对标度误差：平均偏差除以样本内“沿用上一期”的平均偏差）。平均偏差为 WAPE（加权绝对百分比误差）。区间按过往误差校准（共形预测）。',
	forecast_choice_lowest: '已选用：{method}，它在过往销售上的误差最低。',
	forecast_choice_blend_rule:
		'已选用：{method}。{best} 在过往销售上略好（误差 {bestError} 对 {chosenError}），但多个最佳方法的组合通常在新的时段更稳定，因此只有当单一方法至少好 {margin}% 时才单独使用。',
	forecast_choice_by_percent:
		'已选用：{method}，它与过往销售的偏差比例最小（销量变化太小，无法使用常规误差）。',
	forecast_choice_untested:
		'已选用：{method}。历史太短，无法在过往销售上检验各方法，因此使用简单方法。',
	forecast_choice_other:
		'已选用：{method}（按方法的尝试顺序）；{best} 在过往销售上的误差相近或更低。',
};
