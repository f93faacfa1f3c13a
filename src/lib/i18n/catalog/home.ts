// Words of the Home dashboard (src/views/Home) and of the explanations on the Forecast screen, and of
// the messages of src/core/home. English and Simplified Chinese.
import { plural } from '../plural';
import type { Catalog } from '../types';

const s = (n: unknown, one: string, many: string) => (n === 1 ? one : many);

export const en = {
	home_nav: 'Home',
	home_title: 'This week at a glance',
	home_intro:
		'What to reorder, what is rising or falling, what needs a look and how close the forecasts were lately, each with the reason and a link to the detail.',
	home_loading: 'Reading your sales and working out this week…',
	home_plan_loading: 'Planning reorders…',
	home_customers_loading: 'Checking orders for anything unusual…',
	home_error_title: 'The dashboard could not be made',
	home_reorders_title: "This week's reorders",
	home_reorders_desc: 'Products to order now, the most sales at risk first.',
	home_reorders_none: 'Nothing needs ordering this week.',
	home_rising_title: 'Rising',
	home_falling_title: 'Falling',
	home_movers_desc: 'The last 4 complete weeks against the 4 weeks before.',
	home_rising_none: 'Nothing is clearly rising.',
	home_falling_none: 'Nothing is clearly falling.',
	home_alerts_title: 'Alerts',
	home_alerts_desc: 'Stock-outs, overstock, unusual orders and review bursts.',
	home_alerts_none: 'No alerts.',
	home_accuracy_title: 'How close were the forecasts?',
	home_accuracy_desc:
		'Forecasts remade from the sales before each of the last weeks, as they would have been made then, against what sold since (all products together).',
	home_kind_product: 'Product',
	home_kind_category: 'Category',
	home_kind_topic: 'Topic',
	home_kind_order: 'Order',
	home_kind_reviews: 'Reviews',
	home_link_plan: 'Open in Plan',
	home_link_forecast: 'Open forecast',
	home_link_explore: 'Open in Explore',
	home_link_customers: 'Open in Customers',
	home_link_market: 'Open in Market',
	home_link_label: '{action}: {subject}',
	home_refresh: 'Refresh',
	// reasons (src/core/home)
	home_reason_rising: (p) =>
		`Sold ${p.recentText} in the last ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')}, up ${p.changeText}% from ${p.previousText} in the ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')} before.`,
	home_reason_new: (p) =>
		`Sold ${p.recentText} in the last ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')}, after none in the ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')} before.`,
	home_reason_falling: (p) =>
		`Sold ${p.recentText} in the last ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')}, down ${p.changeText}% from ${p.previousText} in the ${p.weeksText} ${plural(p.weeks, 'week', 'weeks')} before.`,
	home_reason_topic_rising:
		'Mentioned {times}× as often lately as before in the posts you imported.',
	home_reason_topic_falling:
		'Mentioned {times}× less often lately than before in the posts you imported.',
	home_alert_out: (p) =>
		`None in stock: a new order takes about ${p.leadText} ${s(p.lead, 'day', 'days')} to arrive.`,
	home_alert_stockout: (p) =>
		`The ${p.onHandText} in stock last about ${p.daysText} ${s(p.days, 'day', 'days')} at the expected pace, less than the ${p.leadText}-day lead time: it runs out before a new order arrives.`,
	home_alert_unusual_order: 'This order stands out from the shop’s usual orders.',
	home_alert_review_burst: 'This product got many more reviews than usual in a short time.',
	home_note_no_stock:
		'No stock data yet, so every product counts as out of stock: import your stock on the Plan screen to see real reorders and stock-outs.',
	home_note_no_plan: 'The reorder plan is not ready yet.',
	home_note_no_customers:
		'Your sales have no customer column, so unusual orders cannot be checked.',
	home_note_no_accuracy: 'Too little history yet to check past forecasts (at least 12 weeks).',
	home_accuracy_usual: (p) =>
		`Forecasts of the next ${p.hText} ${plural(p.h, 'week', 'weeks')} were usually within ±${p.pctText}% of what sold (${p.nText} ${s(p.n, 'check', 'checks')}, one a week).`,
	home_accuracy_bias_high: (p) =>
		`All ${p.nText} ${plural(p.n, 'forecast', 'forecasts')} were too high: sales came in below them.`,
	home_accuracy_bias_low: (p) =>
		`All ${p.nText} ${plural(p.n, 'forecast', 'forecasts')} were too low: sales came in above them.`,
	home_accuracy_latest_more: (p) =>
		`The forecast made ${p.agoText} ${plural(p.ago, 'week', 'weeks')} ago expected ${p.forecastText} ${plural(p.forecast, 'unit', 'units')} for the ${p.hText} ${plural(p.h, 'week', 'weeks')} since; ${p.actualText} sold, ${p.pctText}% more.`,
	home_accuracy_latest_less: (p) =>
		`The forecast made ${p.agoText} ${plural(p.ago, 'week', 'weeks')} ago expected ${p.forecastText} ${plural(p.forecast, 'unit', 'units')} for the ${p.hText} ${plural(p.h, 'week', 'weeks')} since; ${p.actualText} sold, ${p.pctText}% less.`,
	home_accuracy_latest_exact: (p) =>
		`The forecast made ${p.agoText} ${plural(p.ago, 'week', 'weeks')} ago expected ${p.forecastText} ${plural(p.forecast, 'unit', 'units')} for the ${p.hText} ${plural(p.h, 'week', 'weeks')} since, and ${p.actualText} sold.`,
	home_accuracy_latest_close: (p) =>
		`The forecast made ${p.agoText} ${plural(p.ago, 'week', 'weeks')} ago expected ${p.forecastText} ${plural(p.forecast, 'unit', 'units')} for the ${p.hText} ${plural(p.h, 'week', 'weeks')} since; ${p.actualText} sold, within 1%.`,
	home_accuracy_products: (p) =>
		`Product by product, for your ${p.nText} best sellers, the forecasts made ${p.hText} ${plural(p.h, 'week', 'weeks')} ago missed by ${p.pctText}% of what sold, adding up each product’s miss.`,
	// Forecast screen explanations
	home_explain_title: 'In plain words',
	home_explain_accuracy:
		'On past periods held back for testing, this forecast was off by about {pct}% of what sold, on average.',
	home_explain_coverage: 'What sold fell inside the likely range (80 %) {pct}% of the time.',
	home_moved_title: 'What moved since last {unit}',
	home_moved_working: 'Comparing with the forecast made one {unit} earlier…',
	home_moved_same:
		'The forecast made one {unit} earlier expected {before} for the same {periods} {units}; it is now {now}, about the same.',
	home_moved_up:
		'The forecast made one {unit} earlier expected {before} for the same {periods} {units}; it is now {now}, {pct}% higher.',
	home_moved_down:
		'The forecast made one {unit} earlier expected {before} for the same {periods} {units}; it is now {now}, {pct}% lower.',
	home_moved_last_more:
		'The latest {unit} sold {actual} against {forecast} expected ({pct}% more), which pulls the forecast up.',
	home_moved_last_less:
		'The latest {unit} sold {actual} against {forecast} expected ({pct}% less), which pulls the forecast down.',
	home_moved_last_close:
		'The latest {unit} sold {actual}, close to the {forecast} expected, so it changed little.',
	home_moved_method: 'The method changed from “{before}” to “{now}”.',
	home_moved_none:
		'There is too little history to compare with the forecast of one {unit} earlier.',
	home_decomp_title: 'What makes up this forecast',
	home_decomp_trend_up: 'Trend: the underlying level rose {pct}% over the last {n} {units}.',
	home_decomp_trend_down: 'Trend: the underlying level fell {pct}% over the last {n} {units}.',
	home_decomp_trend_from:
		'Trend: the underlying level rose from {from} to {to} a {unit} over the last {n} {units}.',
	home_decomp_trend_flat:
		'Trend: the underlying level stayed about the same over the last {n} {units}.',
	home_decomp_season_up:
		'Season: the time of year adds about {pct}% to the next {periods} {units}; the seasonal high is {unit} {peak} of them.',
	home_decomp_season_down:
		'Season: the time of year takes about {pct}% off the next {periods} {units}; the seasonal high is {unit} {peak} of them.',
	home_decomp_season_flat: 'Season: the time of year hardly changes the next {periods} {units}.',
	home_decomp_event_up: 'Holidays: periods with {event} sold {pct}% more than usual (± {range}%).',
	home_decomp_event_down:
		'Holidays: periods with {event} sold {pct}% less than usual (± {range}%).',
	home_decomp_event_up_ahead:
		'Holidays: {unit} {ahead} of the forecast includes {event}; past periods with it sold {pct}% more than usual (± {range}%).',
	home_decomp_event_down_ahead:
		'Holidays: {unit} {ahead} of the forecast includes {event}; past periods with it sold {pct}% less than usual (± {range}%).',
	home_decomp_event_unclear_ahead:
		'Holidays: {unit} {ahead} of the forecast includes {event}; past sales show no clear effect of it ({pct}% ± {range}%).',
	home_decomp_events_none: (p) =>
		p.n === 1
			? 'Holidays: the one holiday or festival measured did not clearly change past sales.'
			: `Holidays: none of the ${p.nText} holidays and festivals measured clearly changed past sales.`,
	home_decomp_events_unused: (p) =>
		p.n === 1
			? 'Holidays: the method chosen does not use the shop’s calendar, so its one holiday or festival does not change this forecast.'
			: `Holidays: the method chosen does not use the shop’s calendar, so none of its ${p.nText} holidays and festivals changes this forecast.`,
	home_decomp_promo_up:
		'Promotions: a {unit} on promotion sold about {pct}% more than one without.',
	home_decomp_promo_down:
		'Promotions: a {unit} on promotion sold about {pct}% less than one without.',
	home_decomp_promo_unclear: 'Promotions: past promotions show no clear effect on sales.',
	home_decomp_signal_used:
		'Signals: {signal}, {lag} {lag|week|weeks} earlier, makes this forecast better: with it the backtest error (MASE) is {with} instead of {without} (the forecast with signals is below).',
	home_decomp_signal_none:
		'Signals: {n} market signals were tried; none made the backtest better, so none is used.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	home_nav: '首页',
	home_title: '本周概览',
	home_intro:
		'要补哪些货、哪些在涨或在跌、哪些需要留意、最近的预测准不准——每一条都写明原因，并可跳到详情。',
	home_loading: '正在读取销售数据并整理本周情况…',
	home_plan_loading: '正在计算补货计划…',
	home_customers_loading: '正在检查有无异常订单…',
	home_error_title: '无法生成首页概览',
	home_reorders_title: '本周补货',
	home_reorders_desc: '现在需要下单的商品，缺货损失最大的在前。',
	home_reorders_none: '本周没有需要补货的商品。',
	home_rising_title: '上升',
	home_falling_title: '下降',
	home_movers_desc: '最近 4 个完整周与之前 4 周相比。',
	home_rising_none: '没有明显上升的。',
	home_falling_none: '没有明显下降的。',
	home_alerts_title: '提醒',
	home_alerts_desc: '缺货、积压、异常订单和评价激增。',
	home_alerts_none: '没有提醒。',
	home_accuracy_title: '预测准不准？',
	home_accuracy_desc:
		'用最近每一周之前的销售重新做当时的预测，再与之后的实际销量比较（全部商品合计）。',
	home_kind_product: '商品',
	home_kind_category: '类目',
	home_kind_topic: '话题',
	home_kind_order: '订单',
	home_kind_reviews: '评价',
	home_link_plan: '在计划中查看',
	home_link_forecast: '查看预测',
	home_link_explore: '在浏览中查看',
	home_link_customers: '在客户中查看',
	home_link_market: '在市场中查看',
	home_link_label: '{action}：{subject}',
	home_refresh: '刷新',
	home_reason_rising: (p) =>
		`最近 ${p.weeksText} 周卖出 ${p.recentText} 件，比之前 ${p.weeksText} 周的 ${p.previousText} 件增加 ${p.changeText}%。`,
	home_reason_new: (p) =>
		`最近 ${p.weeksText} 周卖出 ${p.recentText} 件，之前 ${p.weeksText} 周一件也没卖。`,
	home_reason_falling: (p) =>
		`最近 ${p.weeksText} 周卖出 ${p.recentText} 件，比之前 ${p.weeksText} 周的 ${p.previousText} 件减少 ${p.changeText}%。`,
	home_reason_topic_rising: '在您导入的帖子里，最近被提到的次数是以前的 {times} 倍。',
	home_reason_topic_falling: '在您导入的帖子里，最近被提到的次数只有以前的 1/{times}。',
	home_alert_out: (p) => `已无库存：新订单大约要 ${p.leadText} 天才能到货。`,
	home_alert_stockout: (p) =>
		`现有库存 ${p.onHandText} 件按预计销量约可卖 ${p.daysText} 天，短于 ${p.leadText} 天的交货期：新货到之前就会断货。`,
	home_alert_unusual_order: '这笔订单与店里平常的订单明显不同。',
	home_alert_review_burst: '这个商品在短时间内收到的评价比平常多得多。',
	home_note_no_stock:
		'还没有库存数据，所有商品都按零库存计算：请在“计划”页导入库存，才能看到真实的补货和缺货。',
	home_note_no_plan: '补货计划还没有算好。',
	home_note_no_customers: '销售数据里没有客户列，无法检查异常订单。',
	home_note_no_accuracy: '历史还太短，无法检验过去的预测（至少需要 12 周）。',
	home_accuracy_usual: (p) =>
		`对未来 ${p.hText} 周的预测，通常与实际销量相差在 ±${p.pctText}% 以内（共检验 ${p.nText} 次，每周一次）。`,
	home_accuracy_bias_high: (p) => `这 ${p.nText} 次预测都偏高：实际销量都低于预测。`,
	home_accuracy_bias_low: (p) => `这 ${p.nText} 次预测都偏低：实际销量都高于预测。`,
	home_accuracy_latest_more: (p) =>
		`${p.agoText} 周前做的预测认为此后 ${p.hText} 周会卖 ${p.forecastText} 件；实际卖出 ${p.actualText} 件，多 ${p.pctText}%。`,
	home_accuracy_latest_less: (p) =>
		`${p.agoText} 周前做的预测认为此后 ${p.hText} 周会卖 ${p.forecastText} 件；实际卖出 ${p.actualText} 件，少 ${p.pctText}%。`,
	home_accuracy_latest_exact: (p) =>
		`${p.agoText} 周前做的预测认为此后 ${p.hText} 周会卖 ${p.forecastText} 件，实际卖出 ${p.actualText} 件。`,
	home_accuracy_latest_close: (p) =>
		`${p.agoText} 周前做的预测认为此后 ${p.hText} 周会卖 ${p.forecastText} 件；实际卖出 ${p.actualText} 件，相差不到 1%。`,
	home_accuracy_products: (p) =>
		`逐个商品看，您最畅销的 ${p.nText} 个商品在 ${p.hText} 周前做的预测，各商品误差相加约为实际销量的 ${p.pctText}%。`,
	home_explain_title: '简单来说',
	home_explain_accuracy: '在留作检验的过去时段上，这个预测平均偏差约为实际销量的 {pct}%。',
	home_explain_coverage: '实际销量有 {pct}% 的时候落在可能范围（80%）之内。',
	home_moved_title: '与上一{unit}相比有什么变化',
	home_moved_working: '正在与早一{unit}做的预测比较…',
	home_moved_same:
		'早一{unit}做的预测认为同样这 {periods} {units}为 {before}；现在是 {now}，基本没变。',
	home_moved_up:
		'早一{unit}做的预测认为同样这 {periods} {units}为 {before}；现在是 {now}，高了 {pct}%。',
	home_moved_down:
		'早一{unit}做的预测认为同样这 {periods} {units}为 {before}；现在是 {now}，低了 {pct}%。',
	home_moved_last_more:
		'最近一{unit}实际为 {actual}，预计为 {forecast}（多 {pct}%），因此预测被拉高。',
	home_moved_last_less:
		'最近一{unit}实际为 {actual}，预计为 {forecast}（少 {pct}%），因此预测被拉低。',
	home_moved_last_close:
		'最近一{unit}实际为 {actual}，与预计的 {forecast} 接近，所以预测变化不大。',
	home_moved_method: '预测方法从“{before}”换成了“{now}”。',
	home_moved_none: '历史太短，无法与早一{unit}的预测比较。',
	home_decomp_title: '这个预测由什么构成',
	home_decomp_trend_up: '趋势：过去 {n} {units}里，基础销量上升了 {pct}%。',
	home_decomp_trend_down: '趋势：过去 {n} {units}里，基础销量下降了 {pct}%。',
	home_decomp_trend_from: '趋势：过去 {n} {units}里，基础销量从每{unit} {from} 升到 {to}。',
	home_decomp_trend_flat: '趋势：过去 {n} {units}里，基础销量基本持平。',
	home_decomp_season_up:
		'季节：一年中的这个时候让接下来 {periods} {units}的销量多出约 {pct}%；其中第 {peak} {unit}是季节高点。',
	home_decomp_season_down:
		'季节：一年中的这个时候让接下来 {periods} {units}的销量少了约 {pct}%；其中第 {peak} {unit}是季节高点。',
	home_decomp_season_flat: '季节：一年中的这个时候对接下来 {periods} {units}的销量影响不大。',
	home_decomp_event_up: '节假日：{event}期间的销量比平常多 {pct}%（± {range}%）。',
	home_decomp_event_down: '节假日：{event}期间的销量比平常少 {pct}%（± {range}%）。',
	home_decomp_event_up_ahead:
		'节假日：{event}落在预测的第 {ahead} {unit}；以往{event}期间销量比平常多 {pct}%（± {range}%）。',
	home_decomp_event_down_ahead:
		'节假日：{event}落在预测的第 {ahead} {unit}；以往{event}期间销量比平常少 {pct}%（± {range}%）。',
	home_decomp_event_unclear_ahead:
		'节假日：{event}落在预测的第 {ahead} {unit}；以往销量看不出它有明显影响（{pct}% ± {range}%）。',
	home_decomp_events_none: (p) =>
		`节假日：测量过的 ${p.nText} 个节假日和购物节都没有明显改变以往的销量。`,
	home_decomp_events_unused: (p) =>
		`节假日：所选方法没有使用本店的节假日日历，所以其中的 ${p.nText} 个节假日和购物节都不影响这次预测。`,
	home_decomp_promo_up: '促销：有促销的{unit}比没有促销的销量约多 {pct}%。',
	home_decomp_promo_down: '促销：有促销的{unit}比没有促销的销量约少 {pct}%。',
	home_decomp_promo_unclear: '促销：以往的促销对销量没有明显影响。',
	home_decomp_signal_used:
		'市场信号：提前 {lag} 周的{signal}能改进这个预测：加入后回测误差（MASE）从 {without} 降到 {with}（含信号的预测见下方）。',
	home_decomp_signal_none: '市场信号：试过 {n} 个市场信号，都没有让回测变好，所以没有采用。',
};
