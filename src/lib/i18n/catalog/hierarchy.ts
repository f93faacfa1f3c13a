// Words of the Forecast screen's levels (product / category / store / total) and of the reconciled
// product → category × store → total hierarchy forecasts. English and Simplified Chinese.
import { plural } from '../plural';
import type { Catalog } from '../types';

export const en = {
	hierarchy_level: 'Level',
	hierarchy_level_product: 'Product',
	hierarchy_level_category: 'Category',
	hierarchy_level_store: 'Store / channel',
	hierarchy_level_total: 'Total',
	hierarchy_pick: 'Which one',
	hierarchy_total_name: 'All sales',
	hierarchy_other_categories: (p) => `Other categories (${p.n})`,
	hierarchy_other_stores: (p) => `Other stores (${p.n})`,
	hierarchy_none_name: '(none)',
	hierarchy_cell_name: (p) => `${p.category} in ${p.store}`,
	hierarchy_intro:
		'The biggest products, every category, store and the total are forecast together and then reconciled, so the forecasts add up: a category is the sum of its products and of its stores, the total the sum of the categories.',
	hierarchy_no_category:
		'This dataset has no category column and no product descriptions, so there is no category level.',
	hierarchy_no_store:
		'This dataset has no store or channel column (map one at import), so there is no store level.',
	hierarchy_no_levels:
		'This dataset has neither a category nor a store column, so only products and the total of all products can be forecast.',
	hierarchy_category_from_description:
		'The dataset has no category column: categories are the garment named in each product description (e.g. “… 加厚羽绒服女 中长款” → 羽绒服), else its last word (e.g. “… T-LIGHT HOLDER” → HOLDER).',
	hierarchy_result_title: (p) => `Forecast: ${p.name}`,
	hierarchy_peak_source:
		'Where its yearly peak comes from (this level’s own forecast, before the levels are made to add up): {note}',
	hierarchy_headline_units: (p) =>
		`Next ${p.n} ${p.unit}: ${p.total} ${plural(p.total, 'unit', 'units')} (80% range per period below).`,
	hierarchy_headline_revenue: (p) =>
		`Next ${p.n} ${p.unit}: ${p.total} in sales (80% range per period below).`,
	hierarchy_method_bottom_up: 'Reconciled bottom-up (the sum of the category × store forecasts).',
	hierarchy_method_mint:
		'Reconciled with MinT-shrink (all levels’ forecasts combined, weighted by how their errors move together).',
	hierarchy_why: (p) =>
		`Chosen by a backtest: forecasting the last ${p.h} ${p.unit} from the periods before them, ${p.name} scored the lowest MASE averaged over ${p.n} ${plural(p.n, 'forecast', 'forecasts')} — ${p.list} (unreconciled: ${p.base}; lower is better).`,
	hierarchy_method_top_down:
		'Reconciled top-down: the total’s forecast split down to categories, cells and products by each one’s share of its own forecasts (forecast proportions).',
	hierarchy_method_middle_out:
		'Reconciled middle-out: the category × store forecasts summed up to categories, stores and the total, and split down to products by their forecast shares.',
	hierarchy_method_ols:
		'Reconciled with OLS: every level’s forecast moved as little as possible, all weighted alike, until they add up.',
	hierarchy_method_wls_struct:
		'Reconciled with WLS (structural): every level’s forecast moved until they add up, the bigger sums (more series under them) moved more.',
	hierarchy_name_bottom_up: 'Bottom-up',
	hierarchy_name_mint_shrink: 'MinT-shrink',
	hierarchy_name_top_down: 'Top-down (forecast proportions)',
	hierarchy_name_middle_out: 'Middle-out (from category × store)',
	hierarchy_name_ols: 'OLS',
	hierarchy_name_wls_struct: 'WLS (structural)',
	hierarchy_pick_method: 'Reconciliation',
	hierarchy_pick_auto: (p) => `Automatic: ${p.name}`,
	hierarchy_why_picked: (p) =>
		`You picked ${p.name}. In the backtest (the last ${p.h} ${p.unit} forecast from the periods before them) it scored MASE ${p.score}; the automatic choice, ${p.auto}, scored ${p.autoScore} (lower is better).`,
	hierarchy_why_picked_short: (p) =>
		`You picked ${p.name}. The history is too short to hold periods out and score it; the automatic choice is bottom-up.`,
	hierarchy_why_origins: (p) =>
		`Chosen by a backtest at ${p.k} ${plural(p.k, 'point', 'points')} in the past: forecasting ${p.h} ${p.unit} from the periods before each point, ${p.name} scored the lowest MASE averaged over ${p.n} ${plural(p.n, 'forecast', 'forecasts')} (geometric mean over the ${p.k} ${plural(p.k, 'backtest', 'backtests')}) — ${p.list} (unreconciled: ${p.base}; lower is better).`,
	hierarchy_why_picked_origins: (p) =>
		`You picked ${p.name}. In the backtest (${p.h} ${p.unit} forecast from the periods before them, at ${p.k} ${plural(p.k, 'point', 'points')} in the past, geometric mean) it scored MASE ${p.score}; the automatic choice, ${p.auto}, scored ${p.autoScore} (lower is better).`,
	hierarchy_score: (p) => `${p.name} ${p.score}`,
	hierarchy_why_short:
		'Bottom-up is used: the history is too short to hold periods out and compare the methods.',
	hierarchy_children_title: 'What adds up to it',
	hierarchy_col_part: 'Part',
	hierarchy_col_total: (p) => `Next ${p.n} ${p.unit}`,
	hierarchy_col_first: 'First period',
	hierarchy_sum_row: 'Sum of the parts',
	hierarchy_node_row: (p) => `Forecast of ${p.name}`,
	hierarchy_adds_up: (p) =>
		`The parts add up to the forecast in every period (largest difference ${p.diff}).`,
	hierarchy_bottom_note:
		'This is a bottom series of the hierarchy: its forecast is not split further here.',
	hierarchy_stores_also: 'The same total split by store / channel',
	hierarchy_other_products: (p) => `Other products of ${p.category}`,
	hierarchy_slice_name: (p) => `${p.product} in ${p.store}`,
	hierarchy_method_bottom_up_products:
		'Reconciled bottom-up (the sum of the product forecasts, each product in each store).',
	hierarchy_products_note: (p) =>
		`Products: the ${p.kept} biggest that sold in enough periods are forecast one by one; the other ${p.pooled} are forecast together as each category’s “other products”.`,
	hierarchy_total_vs_all:
		'This total is reconciled so that the levels add up: the categories, stores and products sum to it. On the Product level, “All products” is forecast directly from the shop’s total sales, without reconciling, so its numbers can differ.',
	hierarchy_drivers_unused:
		'Holiday calendar and promotions: not used at this level. The category, store and total forecasts (and the products reconciled with them) are made from past sales alone: when tested on past sales (StockX, online retail, Walmart), giving them the shop’s calendar and the share of sales on promotion made them less accurate. A product’s own forecast on the Product level uses the calendar and its imported promotions.',
	hierarchy_product_drivers_unused:
		'The reconciled forecasts use neither the holiday calendar nor promotions; the product’s own forecast below uses both.',
	hierarchy_ranges:
		'The reconciled forecasts’ ranges are their own forecasts’ ranges, moved to the reconciled forecast and widened by how far reconciling moved it: tested on past sales (StockX, online retail, Walmart), ranges that were only moved held too few of the actual sales.',
	hierarchy_products_also: (p) => `The same split by product (${p.n})`,
	hierarchy_product_title: (p) => `Reconciled forecast: ${p.name}`,
	hierarchy_product_intro: (p) =>
		`This is the forecast after reconciliation with the categories, stores and the total: with the other products of ${p.category} it adds up to the category’s ${p.catTotal} over the next ${p.n} ${p.unit}. The product’s own forecast before reconciliation is below.`,
	hierarchy_product_intro_total:
		'This is the total after reconciliation: the sum of the product, category and store forecasts on the Category, Store and Total levels.',
	hierarchy_product_pooled: (p) =>
		`This product is not among the ${p.kept} forecast one by one in the reconciled levels (too small, or sold in too few periods): it is counted in its category’s “other products”.`,
	hierarchy_product_run: 'Reconcile with categories, stores and the total',
	hierarchy_product_hint:
		'Forecasts the biggest products, every category, store and the total together and reconciles them, so the product forecasts add up to the category and the total.',
	hierarchy_product_other_request: (p) =>
		`Reconciled for the next ${p.n} ${p.unit}, by ${p.measure}; run it again to match this forecast.`,
	hierarchy_measure_units: 'units',
	hierarchy_measure_revenue: 'sales value',
	promo_title: 'Promotions',
	promo_intro:
		'Import your promotions (product or category, start, end, discount): the forecast is made on sales without them, so a promotion does not inflate the baseline, and promotions planned ahead are added to it.',
	promo_import: 'Import promotions file',
	promo_imported: (p) => `${p.n} ${plural(p.n, 'promotion', 'promotions')} read from ${p.file}.`,
	promo_set: (p) => `${p.file}: ${p.n} ${plural(p.n, 'promotion', 'promotions')}`,
	promo_remove: 'Remove',
	promo_all_products:
		'“All products” is forecast with the holiday calendar but without imported promotions: when tested on past sales, the share of sales on promotion made shop-level forecasts less accurate. Pick a product to see its promotions in its forecast.',
	promo_scope_label: 'Applies to',
	promo_scope_this: (p) => `this dataset (${p.name})`,
	promo_scope_all: 'every dataset',
	promo_scope_gone: 'a dataset no longer stored',
	promo_applies_to: (p) => `Applies to ${p.scope}.`,
	promo_scope_change: (p) => `Dataset ${p.file} applies to`,
	promo_none: 'No promotions imported yet.',
	promo_issue_no_target: (p) =>
		`${p.file}, row ${p.row}: no product and no category, so the row was skipped${Number(p.count) > 1 ? ` (and ${Number(p.count) - 1} more rows like it)` : ''}.`,
	promo_issue_end_before_start: (p) =>
		`${p.file}, row ${p.row}: the end is before the start; the row was skipped${Number(p.count) > 1 ? ` (and ${Number(p.count) - 1} more rows like it)` : ''}.`,
	promo_issue_bad_discount: (p) =>
		`${p.file}, row ${p.row}, column “${p.column}”: a discount must be between 0 and 100 %; left blank.`,
	promo_issue_other: (p) =>
		`${p.file}${p.row ? `, row ${p.row}` : ''}${p.column ? `, column “${p.column}”` : ''}: this could not be read.`,
	promo_dates: '{from} – {to}',
	promo_category: 'category {category}',
	promo_off: ', {pct} off',
	promo_uplifts_title: 'What past promotions added',
	promo_uplift: (p) =>
		`${p.what}, ${p.when}${p.off}: ${p.extra} sold on top of the usual (${p.rel}; 95% range ${p.lo} to ${p.hi}).`,
	promo_uplift_unclear: (p) =>
		`${p.what}, ${p.when}${p.off}: no clear effect (${p.extra}, ${p.rel}; 95% range ${p.lo} to ${p.hi}).`,
	promo_uplifts_note:
		'Each promotion’s extra sales are measured against what the product usually sold then (trend and season), with a range for the uncertainty.',
	promo_uplifts_none: 'None of the imported promotions falls in this product’s history.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	hierarchy_level: '层级',
	hierarchy_level_product: '单品',
	hierarchy_level_category: '品类',
	hierarchy_level_store: '门店 / 渠道',
	hierarchy_level_total: '全部',
	hierarchy_pick: '选择',
	hierarchy_total_name: '全部销售',
	hierarchy_other_categories: (p) => `其他品类（${p.n} 个）`,
	hierarchy_other_stores: (p) => `其他门店（${p.n} 个）`,
	hierarchy_none_name: '（无）',
	hierarchy_cell_name: (p) => `${p.store}的${p.category}`,
	hierarchy_intro:
		'销量最大的商品、各品类、各门店和全部销售一起预测，再做协调，使预测数字能够相加：品类等于其各商品之和、也等于其各门店之和，全部等于各品类之和。',
	hierarchy_no_category: '该数据集没有品类列，也没有商品描述，因此没有品类层级。',
	hierarchy_no_store: '该数据集没有门店或渠道列（可在导入时映射），因此没有门店层级。',
	hierarchy_no_levels: '该数据集既没有品类列也没有门店列，只能预测单品和全部商品的合计。',
	hierarchy_category_from_description:
		'该数据集没有品类列：品类取自每个商品描述中的服装品类词（例如“… 加厚羽绒服女 中长款”→ 羽绒服），没有时取最后一个词（例如“… T-LIGHT HOLDER”→ HOLDER）。',
	hierarchy_result_title: (p) => `预测：${p.name}`,
	hierarchy_peak_source: '年度高峰的来源（本层级自身的预测，各层级对齐加总之前）：{note}',
	hierarchy_headline_units: (p) => `未来 ${p.n} ${p.unit}：${p.total} 件（每期 80% 区间见下表）。`,
	hierarchy_headline_revenue: (p) =>
		`未来 ${p.n} ${p.unit}：销售额 ${p.total}（每期 80% 区间见下表）。`,
	hierarchy_method_bottom_up: '按自下而上协调（各品类 × 门店预测之和）。',
	hierarchy_method_mint: '按 MinT-shrink 协调（综合所有层级的预测，按其误差的相关程度加权）。',
	hierarchy_why: (p) =>
		`由回测选出：用之前的数据预测最后 ${p.h} ${p.unit}，${p.name}在 ${p.n} 个预测上的平均 MASE 最低——${p.list}（未协调时为 ${p.base}；越低越好）。`,
	hierarchy_method_top_down:
		'按自上而下协调：把全部销售的预测按各品类、各单元格、各商品自身预测所占的比例逐级向下分摊（预测比例法）。',
	hierarchy_method_middle_out:
		'按中间向外协调：以品类 × 门店的预测为准，向上相加得到品类、门店和全部，向下按各商品预测所占的比例分摊。',
	hierarchy_method_ols: '按 OLS 协调：各层级的预测以相同权重作尽可能小的调整，直到能够相加。',
	hierarchy_method_wls_struct:
		'按 WLS（结构权重）协调：各层级的预测作调整直到能够相加，包含序列越多的合计调整越多。',
	hierarchy_name_bottom_up: '自下而上',
	hierarchy_name_mint_shrink: 'MinT-shrink',
	hierarchy_name_top_down: '自上而下（预测比例）',
	hierarchy_name_middle_out: '中间向外（从品类 × 门店）',
	hierarchy_name_ols: 'OLS',
	hierarchy_name_wls_struct: 'WLS（结构权重）',
	hierarchy_pick_method: '协调方法',
	hierarchy_pick_auto: (p) => `自动：${p.name}`,
	hierarchy_why_picked: (p) =>
		`您选择了${p.name}。在回测中（用之前的数据预测最后 ${p.h} ${p.unit}）它的 MASE 为 ${p.score}；自动选择的${p.auto}为 ${p.autoScore}（越低越好）。`,
	hierarchy_why_picked_short: (p) =>
		`您选择了${p.name}。历史太短，无法留出若干期为它打分；自动选择为自下而上。`,
	hierarchy_why_origins: (p) =>
		`由回测选出：在过去 ${p.k} 个时点，各用之前的数据预测其后 ${p.h} ${p.unit}，${p.name}在 ${p.n} 个预测上的平均 MASE 最低（${p.k} 次回测的几何平均）——${p.list}（未协调时为 ${p.base}；越低越好）。`,
	hierarchy_why_picked_origins: (p) =>
		`您选择了${p.name}。在回测中（在过去 ${p.k} 个时点，各用之前的数据预测其后 ${p.h} ${p.unit}，取几何平均）它的 MASE 为 ${p.score}；自动选择的${p.auto}为 ${p.autoScore}（越低越好）。`,
	hierarchy_score: (p) => `${p.name} ${p.score}`,
	hierarchy_why_short: '使用自下而上：历史太短，无法留出若干期来比较各方法。',
	hierarchy_children_title: '由哪些部分相加而成',
	hierarchy_col_part: '部分',
	hierarchy_col_total: (p) => `未来 ${p.n} ${p.unit}`,
	hierarchy_col_first: '第一期',
	hierarchy_sum_row: '各部分之和',
	hierarchy_node_row: (p) => `${p.name}的预测`,
	hierarchy_adds_up: (p) => `每一期各部分之和都等于该预测（最大差异 ${p.diff}）。`,
	hierarchy_bottom_note: '这是层级中最底层的序列：这里不再细分其预测。',
	hierarchy_stores_also: '同一合计按门店 / 渠道拆分',
	hierarchy_other_products: (p) => `${p.category}的其他商品`,
	hierarchy_slice_name: (p) => `${p.store}的${p.product}`,
	hierarchy_method_bottom_up_products: '按自下而上协调（各商品在各门店的预测之和）。',
	hierarchy_products_note: (p) =>
		`商品：销量最大且在足够多期有销售的 ${p.kept} 个商品逐个预测；其余 ${p.pooled} 个商品按品类合并为“其他商品”一起预测。`,
	hierarchy_total_vs_all:
		'这里的合计经过协调，使各层级相加一致：各品类、门店和商品加起来等于它。“单品”层级中的“全部商品”直接根据全店总销量预测、不经协调，所以数字可能不同。',
	hierarchy_drivers_unused:
		'节假日日历与促销：此层级未使用。品类、门店和合计的预测（以及与它们一起协调的商品）只根据历史销量：在历史销量上检验时（StockX、在线零售、沃尔玛），加入本店日历和促销销量占比反而使这些预测更不准确。“单品”层级中商品自身的预测会使用日历和为它导入的促销。',
	hierarchy_product_drivers_unused:
		'协调后的预测既不使用节假日日历，也不使用促销；下方商品自身的预测两者都会使用。',
	hierarchy_ranges:
		'协调后预测的区间取自各自预测的区间，移到协调后的预测上，并按协调使预测移动的幅度加宽：在历史销量上检验时（StockX、在线零售、沃尔玛），只移动而不加宽的区间包含的实际销量过少。',
	hierarchy_products_also: (p) => `同一合计按商品拆分（${p.n} 项）`,
	hierarchy_product_title: (p) => `协调后的预测：${p.name}`,
	hierarchy_product_intro: (p) =>
		`这是与品类、门店和全部销售协调后的预测：它与${p.category}的其他商品相加，等于该品类未来 ${p.n} ${p.unit}的 ${p.catTotal}。下方是该商品协调前自身模型的预测。`,
	hierarchy_product_intro_total:
		'这是协调后的全部销售：等于“品类”“门店”“全部”层级中商品、品类和门店预测之和。',
	hierarchy_product_pooled: (p) =>
		`该商品不在协调层级中逐个预测的 ${p.kept} 个商品之列（销量太小或有销售的期数太少）：它计入所属品类的“其他商品”。`,
	hierarchy_product_run: '与品类、门店和全部销售一起协调',
	hierarchy_product_hint:
		'把销量最大的商品、各品类、各门店和全部销售一起预测并协调，使商品预测之和等于品类和全部销售的预测。',
	hierarchy_product_other_request: (p) =>
		`协调结果针对未来 ${p.n} ${p.unit}、按${p.measure}计算；如需与当前预测一致，请重新运行。`,
	hierarchy_measure_units: '销量',
	hierarchy_measure_revenue: '销售额',
	promo_title: '促销',
	promo_intro:
		'导入促销（商品或品类、开始、结束、折扣）：预测基于剔除促销后的销量，促销不会抬高基线，已计划的促销会加到预测上。',
	promo_import: '导入促销文件',
	promo_imported: (p) => `从 ${p.file} 读取了 ${p.n} 条促销。`,
	promo_set: (p) => `${p.file}：${p.n} 条促销`,
	promo_remove: '删除',
	promo_all_products:
		'“全部商品”的预测使用节假日日历，但不使用导入的促销：在历史销量上检验时，促销销量占比使全店层面的预测更不准确。选择一个商品即可看到促销在其预测中的作用。',
	promo_scope_label: '适用于',
	promo_scope_this: (p) => `本数据集（${p.name}）`,
	promo_scope_all: '所有数据集',
	promo_scope_gone: '已不存在的数据集',
	promo_applies_to: (p) => `适用于${p.scope}。`,
	promo_scope_change: (p) => `${p.file} 适用的数据集`,
	promo_none: '尚未导入促销。',
	promo_issue_no_target: (p) =>
		`${p.file} 第 ${p.row} 行：既没有商品也没有品类，已跳过${Number(p.count) > 1 ? `（另有 ${Number(p.count) - 1} 行同样情况）` : ''}。`,
	promo_issue_end_before_start: (p) =>
		`${p.file} 第 ${p.row} 行：结束日期早于开始日期，已跳过${Number(p.count) > 1 ? `（另有 ${Number(p.count) - 1} 行同样情况）` : ''}。`,
	promo_issue_bad_discount: (p) =>
		`${p.file} 第 ${p.row} 行“${p.column}”列：折扣须在 0 到 100% 之间，已留空。`,
	promo_issue_other: (p) =>
		`${p.file}${p.row ? ` 第 ${p.row} 行` : ''}${p.column ? `“${p.column}”列` : ''}：无法读取。`,
	promo_dates: '{from} 至 {to}',
	promo_category: '品类 {category}',
	promo_off: '，{pct} 折扣',
	promo_uplifts_title: '过往促销带来的增量',
	promo_uplift: (p) =>
		`${p.what}，${p.when}${p.off}：比平常多卖 ${p.extra}（${p.rel}；95% 区间 ${p.lo} 至 ${p.hi}）。`,
	promo_uplift_unclear: (p) =>
		`${p.what}，${p.when}${p.off}：没有明显效果（${p.extra}，${p.rel}；95% 区间 ${p.lo} 至 ${p.hi}）。`,
	promo_uplifts_note:
		'每次促销的增量是与该商品当时的平常销量（趋势和季节）相比得出的，并给出不确定性的区间。',
	promo_uplifts_none: '导入的促销都不在该商品的历史期间内。',
};
