// Words of the Plan screen (reorder plan, alerts, purchase orders, what-if) and of the plan's
// messages from src/core/inventory. English and Simplified Chinese.
import { plural } from '../plural';
import type { Catalog } from '../types';
import type { MessageParam } from '../../../core/messages';

/** A list core joined with ", " (the stock's locations) written with the Chinese enumeration comma. */
const zhList = (v: MessageParam | undefined) =>
	String(v ?? '')
		.split(', ')
		.join('、');

export const en = {
	plan_nav: 'Plan',
	plan_no_data_title: 'No sales yet',
	plan_no_data_body:
		'Import your sales (or the demo data) first: the plan forecasts each product from them.',
	plan_title: 'Reorder plan',
	plan_intro:
		"What to order, how much and when: demand over the lead time and the review period comes from the same forecast of each product as on the Forecast screen, with its uncertainty: a product with a short history can borrow the season of its category or of the shop there and here. For stock it differs in three ways: one-off bulk orders are set aside (they are usually placed ahead and bought to order), a jump in the last weeks is not expected to fall back, and the holiday calendar is not used, so its weekly demand can differ a little from the Forecast screen's.",
	plan_service_kind: 'Service target',
	plan_service_fill: 'Fill rate (units served)',
	plan_service_cycle: 'Cycle service (no stock-out)',
	plan_service_level: 'Target (%)',
	plan_review_days: 'Review every (days)',
	plan_default_lead: 'Default lead time (days)',
	plan_budget: 'Budget for this order',
	plan_budget_none: 'no limit',
	plan_explain_fill:
		'Fill rate {level} %: about {level} of every 100 units customers ask for are served from stock.',
	plan_explain_cycle:
		'Cycle service {level} %: in {level} of 100 replenishment cycles nothing runs out before the next delivery.',
	plan_explain_levels:
		'Reorder point = expected demand over lead time + review period + safety stock; when stock on hand plus on order falls to it, order up to the order-up-to level (one more review period of demand), in whole packs and at least the MOQ.',
	plan_stock_count: (p) =>
		p.n === 1 ? 'Stock data for 1 product.' : `Stock data for ${p.nText} products.`,
	plan_stock_none:
		'No stock data yet: products count as out of stock, with the default lead time. Import your stock file (on hand, on order, lead time, MOQ, pack size, cost, supplier).',
	plan_stock_import: 'Import stock file',
	plan_stock_demo: 'Use example stock for the demo',
	plan_stock_imported: '{file}: stock of {n} {n|product|products} imported.',
	plan_stock_not_imported: '{file} was not imported: see the problems below.',
	plan_stock_kept_fields:
		'{n} {n|product keeps|products keep} from before what this file has no column for: {fields}.',
	plan_stock_kept_products:
		'{n} {n|product|products} not in this file {n|keeps its|keep their} stock data from before.',
	plan_stock_field_onOrder: 'on order',
	plan_stock_field_expectedDate: 'expected date',
	plan_stock_field_leadTimeMeanDays: 'lead time',
	plan_stock_field_leadTimeSdDays: 'lead time spread',
	plan_stock_field_moq: 'MOQ',
	plan_stock_field_pack: 'pack size',
	plan_stock_field_unitCost: 'unit cost',
	plan_stock_field_price: 'price',
	plan_stock_field_supplier: 'supplier',
	plan_stock_field_salvage: 'clearance price',
	plan_stock_field_seasonEnd: 'season end',
	plan_stock_field_onHand: 'on hand',
	plan_stock_field_asOf: 'stock date',
	plan_error_title: 'The plan could not be made',
	plan_cancelled: 'The plan was cancelled.',
	plan_progress: 'Forecasting and planning: {done} of {total} {total|product|products}…',
	plan_loading: 'Reading sales and stock…',
	plan_alerts_title: 'Alerts',
	plan_alerts_desc: 'Stock-out and overstock risks, the most money at stake first.',
	plan_alerts_none: 'Nothing needs attention now.',
	plan_revenue_at_risk: '{amount} revenue at risk',
	plan_overstock_value: '{amount} tied up in overstock',
	plan_table_title: 'Plan per product',
	plan_table_desc: '{n} {n|product|products} planned; {order} to order now, worth {value} at cost.',
	plan_table_desc_no_cost:
		'{n} {n|product|products} planned; {order} to order now (no unit cost known, so no value at cost: add a cost column to your stock file).',
	plan_col_product: 'Product',
	plan_col_on_hand: 'On hand',
	plan_col_mean_demand: 'Demand over lead time + review',
	plan_col_safety: 'Safety stock',
	plan_col_reorder_point: 'Reorder point',
	plan_col_order_up_to: 'Order up to',
	plan_col_order: 'Order',
	plan_col_cover: 'Days of cover',
	plan_col_at_risk: 'Revenue at risk',
	plan_col_lead: 'Lead time (days)',
	plan_col_moq: 'MOQ',
	plan_col_pack: 'Pack',
	plan_col_cost: 'Unit cost',
	plan_search: 'Search products',
	plan_cover_no_demand: 'no demand',
	plan_edit_label: '{field} of {product}',
	plan_no_match: 'No product matches the search.',
	plan_table_more: 'Showing {shown} of {n}: search or sort to see others.',
	plan_po_title: 'Purchase orders',
	plan_po_desc: 'One draft per supplier. Change any quantity before you download it.',
	plan_po_none: 'Nothing to order now.',
	plan_po_no_supplier: 'No supplier',
	plan_po_total: (p) => `${p.nText} ${p.n === 1 ? 'line' : 'lines'}, ${String(p.value)} at cost`,
	plan_po_total_no_cost: (p) => `${p.nText} ${p.n === 1 ? 'line' : 'lines'}, cost unknown`,
	plan_po_qty_label: 'Quantity of {product}',
	plan_whatif_title: 'What if',
	plan_whatif_desc:
		'Try a new price, a discount over promotion weeks or another service level for one product: its forecast, revenue and order move, with 80 % bands.',
	plan_whatif_pick: 'Choose a product',
	plan_whatif_pick_first:
		'Choose a product first: its price, discount and service level can then be changed and the scenario is shown next to today.',
	plan_whatif_price: 'New price',
	plan_whatif_discount: 'Discount (%)',
	plan_whatif_promo_from: 'Promotion from week',
	plan_whatif_promo_to: 'to week',
	plan_whatif_units: 'Units',
	plan_whatif_revenue: 'Revenue',
	plan_whatif_today: 'As today',
	plan_whatif_scenario: 'Scenario',
	plan_whatif_bands: 'Over the next {weeks} {weeks|week|weeks}; in brackets the 80 % band.',
	plan_alert_order:
		'Order {qty}: {mean} ± {sd} expected over the {days}-day lead time and review period, {onHand} in stock, {onOrder} on order.',
	plan_alert_order_budget:
		'Order {qty} of the {wanted} suggested, within the budget: {mean} ± {sd} expected over the {days}-day lead time and review period, {onHand} in stock, {onOrder} on order.',
	plan_alert_budget_none:
		'No order within the budget ({wanted} suggested): {mean} ± {sd} expected over the {days}-day lead time and review period, {onHand} in stock, {onOrder} on order.',
	plan_alert_overstock:
		'Overstock: {days} {days|day|days} of cover, {excess} {excess|unit|units} more than {limit} {limit|day|days} of demand.',
	plan_reason_stopped:
		'No order: no sale in the last {weeks} {weeks|week|weeks} and about {mean} expected over the {days}-day lead time and review period; whatever the ± {sd} range, with that mean demand exceeds {quantile} in under {short} % of periods, and {position} in stock and on order covers it.',
	plan_reason_wide_range: (p) =>
		`Safety stock ${p.safetyText} against ${p.meanText} expected over the ${p.daysText}-day lead time and review period: the forecast’s range is wide (± ${p.sdText}) because ${p.ago === 0 ? 'the last week' : `one week ${p.agoText} ${plural(p.ago, 'week', 'weeks')} before the last`} sold ${p.peakText}, where a usual recent week sells ${p.usualText}. If that week was a one-off (a launch, a festival, one big buyer), order less or lower the service level (${p.levelText} % now).`,
	plan_reason_zero_forecast:
		'Ordered although the forecast is about 0 a week: it sold up to {best} in one week in the last {weeks} {weeks|week|weeks}, so demand over the {days}-day lead time and review period could still be anywhere in a range of ± {sd}; at your {level} % service target the order covers that range (stock and on order up to {upTo}). If you think it has stopped selling, order less or lower the service level.',
	plan_service_level_invalid:
		'Service level "{value}": give a share from 0.5 to 0.9999 (e.g. 0.95) or a percentage from 50 to 99.99 (e.g. 95).',
	plan_stock_no_sku:
		'{file}: no column names the product (expected a header like "SKU", "Product ID" or 商品编码; found: {columns}).',
	plan_stock_no_stock_columns:
		'{file}: no column for stock on hand, lead time, MOQ or pack size was recognised (e.g. "On hand", 库存, "Lead time", 交期).',
	plan_stock_missing_sku:
		'{file}, row {row}, column "{column}": the product is empty; the row was skipped.',
	plan_stock_bad_number:
		'{file}, row {row}, column "{column}": "{value}" is not a number; the cell was left out.',
	plan_stock_out_of_range:
		'{file}, row {row}, column "{column}": {value} is below {min}; the cell was left out.',
	plan_stock_bad_date:
		'{file}, row {row}, column "{column}": "{value}" is not a date (expected e.g. 2011-09-30); the cell was left out.',
	plan_stock_duplicate_sku:
		'{file}, row {row}, column "{column}": product {sku} appears again without a date; the later row wins.',
	plan_stock_locations_summed: (p) =>
		`${p.file}: stock at ${p.nText} locations (${p.names}${Number(p.more) > 0 ? ` and ${p.moreText} more` : ''}) added up per product, as the plan is for all your sales: on hand and on order are the sums, the supplier’s terms those of the first location listed.`,
	plan_stock_location_differs:
		'{file}, row {row}, column "{column}": product {sku} has {value} at this location but {kept} at the one before; {kept} is used.',
	plan_stock_unreadable: '{file} could not be read as a table. {reason}',
	plan_stock_malformed_rows: '{file}: {n} malformed line(s) from row {row} were skipped.',
	plan_note_budget:
		'The suggested orders cost {wanted}, more than the budget of {budget}: {spent} was spread over the products where it saves the most lost sales per unit of money.',
	plan_note_budget_no_cost: (p) =>
		p.n === 1
			? '1 product has no unit cost, so the budget could not weigh it: its order is kept.'
			: `${p.nText} ${plural(p.n, 'product', 'products')} have no unit cost, so the budget could not weigh them: their orders are kept.`,
	plan_whatif_no_price_history:
		'The sales have no price history for this product, so a price change does not move its forecast.',
	plan_whatif_no_price_effect:
		'Past price changes of this product show no clear effect on its sales (p = {p}), so a price change does not move the forecast.',
	plan_whatif_price_effect:
		'From its sales history: a price {pct}% higher ({step} more) sells about {units} fewer units a week.',
	plan_alert_season:
		'One-season buy {qty}: {mean} ± {sd} expected over the {days} {days|day|days} to the season end; buying to the {ratio}th percentile pays best (price, cost and clearance value), {onHand} in stock, {onOrder} on order.',
	plan_note_styles:
		'{styles} {styles|style|styles} with {variants} {variants|size/colour|sizes/colours} were planned as one item each; each order is split over the variants by their sales of the last 12 weeks.',
	plan_salvage_pct: 'Clearance value (% of cost)',
	plan_per_style: 'Plan sizes and colours of a style together ({n} {n|style|styles})',
	plan_style_code: (p) => (p.n === 1 ? 'style, 1 variant' : `style, ${p.nText} variants`),
	plan_variants_split: 'Split by sales mix: {parts}',
	plan_season_buy:
		'One-season item: have {target} for the {days} {days|day|days} left (critical ratio {ratio} %).',
	plan_po_variant_of: '{style} — {option}',
	plan_csv_product_id: 'Product ID',
	plan_csv_description: 'Description',
	plan_csv_supplier: 'Supplier',
	plan_csv_on_order: 'On order',
	plan_csv_sd_demand: 'Standard deviation of that demand',
	plan_csv_cover: 'Cover',
	plan_csv_lead: 'Lead time',
	plan_csv_pack: 'Pack size',
	plan_csv_signal: 'Market signal',
	plan_csv_signal_lag: 'Signal lead',
	plan_csv_style: 'Style',
	plan_csv_variant: 'Variant',
	plan_csv_quantity: 'Quantity',
	plan_csv_line_total: 'Line total',
	plan_csv_case: 'Case',
	plan_csv_units: 'Demand over {weeks} {weeks|week|weeks}',
	plan_csv_units_lo: 'Demand over {weeks} {weeks|week|weeks}, 80% band low',
	plan_csv_units_hi: 'Demand over {weeks} {weeks|week|weeks}, 80% band high',
	plan_csv_revenue: 'Revenue over {weeks} {weeks|week|weeks}',
	plan_csv_revenue_lo: 'Revenue over {weeks} {weeks|week|weeks}, 80% band low',
	plan_csv_revenue_hi: 'Revenue over {weeks} {weeks|week|weeks}, 80% band high',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	plan_nav: '补货计划',
	plan_no_data_title: '还没有销售数据',
	plan_no_data_body: '请先导入销售数据（或示例数据）：补货计划会据此预测每个商品。',
	plan_title: '补货计划',
	plan_intro:
		'订什么、订多少、何时订：交期和盘点周期内的需求来自与“预测”页相同的每个商品预测及其不确定性：历史较短的商品在两处都可借用其品类或全店的季节规律。为备货，它有三点不同：一次性大宗订单不计（这类订单通常提前下单、按单采购），不假定最近几周的跳升会回落，也不用节假日日历，因此每周需求可能与“预测”页略有不同。',
	plan_service_kind: '服务目标',
	plan_service_fill: '满足率（按件数）',
	plan_service_cycle: '周期服务水平（不断货）',
	plan_service_level: '目标（%）',
	plan_review_days: '盘点周期（天）',
	plan_default_lead: '默认交期（天）',
	plan_budget: '本次采购预算',
	plan_budget_none: '不限',
	plan_explain_fill: '满足率 {level}%：顾客每要 100 件，约有 {level} 件能从库存供应。',
	plan_explain_cycle:
		'周期服务水平 {level}%：每 100 个补货周期中，有 {level} 个周期在下一批到货前不断货。',
	plan_explain_levels:
		'再订货点 = 交期加盘点周期内的预计需求 + 安全库存；当现有库存加在途降到再订货点时，补到最高库存（再多一个盘点周期的需求），按整箱且不少于起订量。',
	plan_stock_count: (p) => `已有 ${p.nText} 个商品的库存数据。`,
	plan_stock_none:
		'还没有库存数据：所有商品按零库存、默认交期计算。请导入库存表（库存、在途、交期、起订量、箱规、成本、供应商）。',
	plan_stock_import: '导入库存表',
	plan_stock_demo: '使用示例库存',
	plan_stock_imported: '{file}：已导入 {n} 个商品的库存。',
	plan_stock_not_imported: '{file} 未导入：请查看下面的问题。',
	plan_stock_kept_fields: '{n} 个商品保留了之前的{fields}（这个文件没有这些列）。',
	plan_stock_kept_products: '这个文件里没有的 {n} 个商品保留之前的库存数据。',
	plan_stock_field_onOrder: '在途',
	plan_stock_field_expectedDate: '预计到货日期',
	plan_stock_field_leadTimeMeanDays: '交期',
	plan_stock_field_leadTimeSdDays: '交期波动',
	plan_stock_field_moq: '起订量',
	plan_stock_field_pack: '箱规',
	plan_stock_field_unitCost: '单位成本',
	plan_stock_field_price: '售价',
	plan_stock_field_supplier: '供应商',
	plan_stock_field_salvage: '清仓价',
	plan_stock_field_seasonEnd: '季末日期',
	plan_stock_field_onHand: '现有库存',
	plan_stock_field_asOf: '盘点日期',
	plan_error_title: '无法生成补货计划',
	plan_cancelled: '补货计划已取消。',
	plan_progress: '正在预测并计算：{done} / {total} 个商品…',
	plan_loading: '正在读取销售和库存…',
	plan_alerts_title: '预警',
	plan_alerts_desc: '断货和积压风险，按涉及金额从高到低排列。',
	plan_alerts_none: '目前没有需要处理的商品。',
	plan_revenue_at_risk: '可能损失营收 {amount}',
	plan_overstock_value: '积压占用 {amount}',
	plan_table_title: '各商品计划',
	plan_table_desc: '共计划 {n} 个商品；{order} 个需要现在订货，按成本计 {value}。',
	plan_table_desc_no_cost:
		'共计划 {n} 个商品；{order} 个需要现在订货（不知道单位成本，无法按成本计价：请在库存文件中加入成本列）。',
	plan_col_product: '商品',
	plan_col_on_hand: '现有库存',
	plan_col_mean_demand: '交期加盘点周期需求',
	plan_col_safety: '安全库存',
	plan_col_reorder_point: '再订货点',
	plan_col_order_up_to: '最高库存',
	plan_col_order: '订货量',
	plan_col_cover: '可售天数',
	plan_col_at_risk: '风险营收',
	plan_col_lead: '交期（天）',
	plan_col_moq: '起订量',
	plan_col_pack: '箱规',
	plan_col_cost: '单位成本',
	plan_search: '搜索商品',
	plan_cover_no_demand: '无需求',
	plan_edit_label: '{product} 的{field}',
	plan_no_match: '没有符合搜索的商品。',
	plan_table_more: '显示 {n} 个中的 {shown} 个：可搜索或排序查看其他商品。',
	plan_po_title: '采购单',
	plan_po_desc: '每个供应商一张草稿。下载前可修改任意数量。',
	plan_po_none: '目前无需订货。',
	plan_po_no_supplier: '未指定供应商',
	plan_po_total: (p) => `${p.nText} 行，按成本计 ${String(p.value)}`,
	plan_po_total_no_cost: (p) => `${p.nText} 行，成本未知`,
	plan_po_qty_label: '{product} 的数量',
	plan_whatif_title: '假设分析',
	plan_whatif_desc:
		'为一个商品试试新价格、促销周的折扣或其他服务水平：预测、营收和订货量随之变化，并显示 80% 区间。',
	plan_whatif_pick: '选择商品',
	plan_whatif_pick_first:
		'请先选择商品，然后可以修改它的价格、折扣和服务水平，情景结果会与当前情况并排显示。',
	plan_whatif_price: '新价格',
	plan_whatif_discount: '折扣（%）',
	plan_whatif_promo_from: '促销开始周',
	plan_whatif_promo_to: '结束周',
	plan_whatif_units: '件数',
	plan_whatif_revenue: '营收',
	plan_whatif_today: '维持现状',
	plan_whatif_scenario: '假设情景',
	plan_whatif_bands: '未来 {weeks} 周；括号内为 80% 区间。',
	plan_alert_order:
		'建议订货 {qty}：交期加盘点周期共 {days} 天内预计需求 {mean} ± {sd}，现有库存 {onHand}，在途 {onOrder}。',
	plan_alert_order_budget:
		'预算内订货 {qty}（原建议 {wanted}）：交期加盘点周期共 {days} 天内预计需求 {mean} ± {sd}，现有库存 {onHand}，在途 {onOrder}。',
	plan_alert_budget_none:
		'预算内不订货（原建议 {wanted}）：交期加盘点周期共 {days} 天内预计需求 {mean} ± {sd}，现有库存 {onHand}，在途 {onOrder}。',
	plan_alert_overstock: '库存积压：可售 {days} 天，比 {limit} 天的需求多出 {excess} 件。',
	plan_reason_stopped:
		'无需订货：最近 {weeks} 周没有销售，交期加盘点周期共 {days} 天内预计需求约 {mean}；无论 ± {sd} 的区间多宽，按这一均值需求超过 {quantile} 的周期不到 {short}%，现有库存加在途 {position} 已足够。',
	plan_reason_wide_range: (p) =>
		`安全库存 ${p.safetyText} 件，而交期加盘点周期共 ${p.daysText} 天内预计只需 ${p.meanText} 件：预测范围很宽（± ${p.sdText}），因为${p.ago === 0 ? '最近一周' : ` ${p.agoText} 周前有一周`}卖出了 ${p.peakText} 件，而最近通常每周只卖 ${p.usualText} 件。如果那一周是一次性的（新品上市、大促、某位大客户），可以少订或降低服务水平（当前 ${p.levelText}%）。`,
	plan_reason_zero_forecast:
		'虽然预测约为每周 0 件，仍建议订货：最近 {weeks} 周内单周最多卖出 {best} 件，交期加盘点周期共 {days} 天内的需求仍可能在 ± {sd} 的范围内波动；按您 {level}% 的服务水平目标，这笔订货覆盖这一范围（库存加在途补到 {upTo}）。如果您认为它已停售，可以少订或降低服务水平。',
	plan_service_level_invalid:
		'服务水平“{value}”无效：请填写 0.5 到 0.9999 之间的比例（如 0.95）或 50 到 99.99 之间的百分数（如 95）。',
	plan_stock_no_sku:
		'{file}：没有找到商品列（表头应类似 “SKU”、“Product ID” 或 商品编码；现有列：{columns}）。',
	plan_stock_no_stock_columns:
		'{file}：没有识别出库存、交期、起订量或箱规列（例如 “On hand”、库存、“Lead time”、交期）。',
	plan_stock_missing_sku: '{file} 第 {row} 行 “{column}” 列：商品为空，已跳过该行。',
	plan_stock_bad_number: '{file} 第 {row} 行 “{column}” 列：“{value}” 不是数字，已忽略该单元格。',
	plan_stock_out_of_range: '{file} 第 {row} 行 “{column}” 列：{value} 小于 {min}，已忽略该单元格。',
	plan_stock_bad_date:
		'{file} 第 {row} 行 “{column}” 列：“{value}” 不是日期（例如 2011-09-30），已忽略该单元格。',
	plan_stock_duplicate_sku:
		'{file} 第 {row} 行 “{column}” 列：商品 {sku} 重复且没有日期，以后一行为准。',
	plan_stock_locations_summed: (p) =>
		`${p.file}：${p.nText} 个库存地点（${zhList(p.names)}${Number(p.more) > 0 ? ` 等，另有 ${p.moreText} 个` : ''}）的库存已按商品相加，因为补货计划针对全部销售：现有库存和在途为合计，供应商条件取第一个地点的。`,
	plan_stock_location_differs:
		'{file} 第 {row} 行 “{column}” 列：商品 {sku} 在此地点为 {value}，在前一地点为 {kept}；使用 {kept}。',
	plan_stock_unreadable: '{file} 无法作为表格读取。{reason}',
	plan_stock_malformed_rows: '{file}：从第 {row} 行起有 {n} 行格式错误，已跳过。',
	plan_note_budget:
		'建议订单总成本 {wanted}，超过预算 {budget}：已将 {spent} 优先分配给每单位资金能减少最多缺货损失的商品。',
	plan_note_budget_no_cost: (p) =>
		`${p.nText} 个商品没有单位成本，无法参与预算分配，保留其原订货量。`,
	plan_whatif_no_price_history: '该商品的销售记录没有价格变化，调价不会改变预测。',
	plan_whatif_no_price_effect:
		'该商品过去的价格变化对销量没有明显影响（p = {p}），调价不会改变预测。',
	plan_whatif_price_effect: '根据销售记录：价格提高 {pct}%（贵 {step}），每周约少卖 {units} 件。',
	plan_alert_season:
		'一季款一次性采购 {qty}：距季末 {days} 天内预计需求 {mean} ± {sd}；按售价、成本和清仓价，备货到第 {ratio} 百分位最划算，现有库存 {onHand}，在途 {onOrder}。',
	plan_note_styles:
		'{styles} 个款式（共 {variants} 个尺码/颜色）按款合并计划；每款的订货量按各变体最近 12 周的销量比例拆分。',
	plan_salvage_pct: '清仓价（占成本 %）',
	plan_per_style: '同款不同尺码、颜色合并计划（{n} 个款式）',
	plan_style_code: (p) => `款式，${p.nText} 个变体`,
	plan_variants_split: '按销量比例拆分：{parts}',
	plan_season_buy: '一季款：剩余 {days} 天应备货 {target} 件（临界比率 {ratio}%）。',
	plan_po_variant_of: '{style} — {option}',
	plan_csv_product_id: '商品编号',
	plan_csv_description: '商品描述',
	plan_csv_supplier: '供应商',
	plan_csv_on_order: '在途数量',
	plan_csv_sd_demand: '该需求的标准差',
	plan_csv_cover: '库存可售',
	plan_csv_lead: '交期',
	plan_csv_pack: '箱规',
	plan_csv_signal: '市场信号',
	plan_csv_signal_lag: '信号领先',
	plan_csv_style: '款式',
	plan_csv_variant: '规格',
	plan_csv_quantity: '数量',
	plan_csv_line_total: '小计',
	plan_csv_case: '情形',
	plan_csv_units: '未来 {weeks} 周需求',
	plan_csv_units_lo: '未来 {weeks} 周需求，80% 区间下限',
	plan_csv_units_hi: '未来 {weeks} 周需求，80% 区间上限',
	plan_csv_revenue: '未来 {weeks} 周营收',
	plan_csv_revenue_lo: '未来 {weeks} 周营收，80% 区间下限',
	plan_csv_revenue_hi: '未来 {weeks} 周营收，80% 区间上限',
};
