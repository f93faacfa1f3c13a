// Words of the forecasting engine's notes (src/core/engine.ts says them as `engine_note_*` codes)
// and of the peak sources it reports. Views render them with tm(note); the CLI with translate('en', …).
// Then the Forecast screen's own words (screens): the product picker, method names in plain words,
// the leaderboard and why a method was chosen.
import { plural } from '../plural';
import type { Catalog } from '../types';

/** Chinese words for the period units the method names use. */
const ZH_UNIT: Record<string, string> = { day: '天', week: '周', month: '月', period: '期' };

export const en = {
	engine_model_borrowed_season: '{model} with a borrowed yearly season',
	engine_model_shrunk_season: '{model} with its yearly season blended with the shop’s',
	engine_model_level_shift: '{model} without the sales level from before the shift',
	engine_note_few_observations: (p) =>
		`Only ${p.nText} ${plural(p.n, 'observation', 'observations')}: using simple methods (last value, moving average, drift).`,
	engine_note_no_two_seasons: (p) =>
		`Fewer than two full seasons of history (${p.nText} of ${p.needText} ${plural(p.need, 'period', 'periods')}): the product's own seasonal pattern cannot be measured yet.`,
	engine_note_no_two_seasons_all: (p) =>
		`Fewer than two full seasons of history (${p.nText} of ${p.needText} ${plural(p.need, 'period', 'periods')}): the shop's own seasonal pattern cannot be measured yet.`,
	engine_note_gaps_filled: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} inside the history ${plural(Number(p.n), 'was', 'were')} filled in from ${plural(Number(p.n), 'its', 'their')} neighbours.`,
	engine_note_missing_start: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} at the start ${plural(Number(p.n), 'was', 'were')} ignored.`,
	engine_note_missing_end: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} at the end ${plural(Number(p.n), 'was', 'were')} ignored; the forecast starts after the last known value.`,
	engine_note_empty: 'The history has no values: nothing to forecast.',
	engine_note_long_history:
		'Long history: the methods were fitted on the most recent {used} of {n} {n|period|periods}.',
	engine_note_regressor_constant:
		"'{name}' (its value per period) stayed the same over the history used, so its effect cannot be measured: left out.",
	engine_note_regressor_untested:
		"'{name}' only started to change recently, too late for the backtest to check its effect: left out of the forecast.",
	engine_note_intermittent:
		'This product sells only now and then, so methods for occasional sales were tried too.',
	engine_note_intermittent_all:
		'The shop sells only now and then, so methods for occasional sales were tried too.',
	engine_note_outliers_replaced: (p) =>
		`${p.nText} unusual ${plural(Number(p.n), 'value was', 'values were')} treated as one-off and replaced by a typical value for fitting.`,
	engine_note_outliers_kept: (p) =>
		`${p.nText} unusual ${plural(Number(p.n), 'value is', 'values are')} kept in the history as real sales.`,
	engine_note_regressors_unused:
		'None of the methods tried uses the extra columns (price, promotions): they did not change the forecast.',
	engine_note_calendar_unused:
		'The methods tried do not use the holiday and festival calendar: the holiday effects below are measured on past sales and are not added to this forecast.',
	engine_note_calendar_not_chosen:
		'The method chosen does not use the holiday and festival calendar: the holiday effects below are measured on past sales and are not added to this forecast.',
	engine_note_no_backtest: 'No method could be tested on past periods: using {model}.',
	engine_note_too_short_to_backtest:
		'The history ({n} {n|period|periods}) is too short to test methods on a {h}-period horizon: using {model}.',
	engine_note_past_peak:
		'Sales have been falling since their peak ({peak} → {last} in the latest period): the forecast starts from the latest level and lets the fall go on, slowing down, instead of averaging the last few periods.',
	engine_note_level_shift_trim: (p) =>
		`Sales moved to a new level ${p.periodsText} ${plural(Number(p.periods), 'period', 'periods')} ago (about ${p.beforeText} → ${p.afterText} per period, season aside): the methods “without the sales level from before the shift” used only the history since then; the history before it was set aside.`,
	engine_note_level_shift_adjust: (p) =>
		`Sales moved to a new level ${p.periodsText} ${plural(Number(p.periods), 'period', 'periods')} ago (about ${p.beforeText} → ${p.afterText} per period, season aside): the methods “without the sales level from before the shift” used the history before it moved to the new level.`,
	engine_note_fit_failed: '{model} could not be fitted on the whole history ({error}).',
	engine_note_fallback_naive: 'Falling back to repeating the last value.',
	engine_note_few_errors:
		'Too few past errors ({n}) to calibrate the ranges: the methods’ own ranges are shown.',
	engine_note_short_range_robust:
		'The ranges follow the ordinary weeks: a one-off change of up to {largest} (typical {typical}) would otherwise widen them far beyond what the history shows week to week.',
	engine_note_short_range_cap:
		'The top of each range was limited to {times80}× (80%) and {times95}× (95%) the best period sold so far ({best}): the history is too short to measure how far sales can stray, and the ranges went far above anything ever sold.',
	engine_note_range_level_fall:
		'The ranges are sized to today’s level (about {level} a period): sales were {times}× higher when the past errors used to measure them were made, so those errors are counted as a share of the level at the time.',
	engine_note_pooled:
		'This forecast uses the shop-wide model learned from all {n} {n|product|products} together: on their recent past it forecast better than each product’s own methods.',
	engine_note_negative_history:
		'The history has negative values, so the forecast was not kept at 0 or above.',
	engine_note_regressor_collinear:
		"'{name}' moves together with the trend, the season or another column: its own effect cannot be separated.",
	engine_note_drivers_failed: 'The effects of the extra columns could not be estimated ({error}).',
	engine_note_async_candidate:
		'{model} needs the background trainer and was not used in this quick forecast.',
	engine_note_series_failed: 'This series could not be forecast (an internal error).',
	engine_note_launch: (p) =>
		`The product's first sale is ${p.nText} ${plural(Number(p.n), 'period', 'periods')} into the data: the forecast uses its history from then on.`,
	engine_note_end_spike: (p) =>
		`The latest sales (${p.valueText}) jumped far above the usual ${p.baseText}: the forecast is fitted at the usual level and adds back only the part of such jumps that lasted in your ${p.nText} earlier ones (${p.shareText} % one period later).`,
	engine_note_launch_curve: (p) =>
		`A launch only weeks old: the forecast follows how your ${p.nText} earlier ${plural(Number(p.n), 'launch', 'launches')} went on from the same age (the median of their sales relative to their first weeks), not the launch peak.`,
	engine_note_launch_curve_category: (p) =>
		`A launch only weeks old: the forecast follows how ${p.nText} earlier ${plural(Number(p.n), 'launch', 'launches')} in ${p.group} went on from the same age (the median of their sales relative to their first weeks), not the launch peak.`,
	engine_note_last_spike:
		'The latest period sold {value}, far above anything usual: the forecast counts it as at most {typical}, so one giant order does not set the level.',
	engine_note_peak_source_group: (p) =>
		`The yearly peak is borrowed from ${p.group === 'total' ? 'all products together' : p.group}, which has two years of history.`,
	engine_note_peak_source_category:
		'The yearly peak is borrowed from its category, {group}, which has two years of history: this product’s own history is too short to show it.',
	engine_note_peak_source_profile:
		'The yearly peak is borrowed from typical retail seasonality (public retail data): this history is under two years, too short to show its own.',
	engine_note_season_shrunk_group: (p) =>
		`The yearly peaks mix this product’s own pattern (${p.ownText} % weight) with that of ${p.group === 'total' ? 'all other products together' : p.group}: each weighed by how clearly its history shows it.`,
	engine_note_season_shrunk_category:
		'The yearly peaks mix this product’s own pattern ({own} % weight) with that of the rest of its category, {group}: each weighed by how clearly its history shows it.',
	// The Forecast screen (screens).
	forecast_pick_placeholder: 'Search all products by name or code',
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
	forecast_model_pooled: 'Pattern learned from all your products together',
	forecast_model_launch: 'How your earlier launches went on',
	forecast_model_decay: 'The fall since the peak going on, slowing down',
	forecast_model_recentlevel: 'The usual level of the last 8 periods, held flat',
	forecast_model_blend: 'Blend of {names}',
	forecast_model_median: 'Middle value of {names}',
	forecast_model_list_sep: ', ',
	// The leaderboard and why the method was chosen.
	forecast_lb_caption: 'How each method did on past sales it had not seen (lower error is better)',
	forecast_lb_method: 'Method',
	forecast_lb_error: 'Error (1 = the usual change from one period to the next in past sales)',
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
	// The shop's holiday and festival calendar (Settings) and its effects (Forecast screen).
	calendar_title: 'Holidays and shopping festivals',
	calendar_effects_title: 'Holidays and festivals in past sales',
	calendar_effect: '{name}: {effect} ({range})',
	calendar_effect_range: '±{value}',
	calendar_effects_none:
		'No holiday or festival of your calendar fell often enough in the history to measure its effect.',
	calendar_effects_note:
		'Change of a week (or day, month) wholly inside the event against the usual level, with its 95% range, measured on past sales and used in the forecast.',
	calendar_effects_note_unused:
		'Change of a week (or day, month) wholly inside the event against the usual level, with its 95% range, measured on past sales. The method of this forecast does not use them.',
	calendar_effects_measured_title: 'Other days of your calendar, measured on past sales',
	calendar_effects_measured_note:
		'Each measured on its own against the usual level (trend), with its 95% range; not in this forecast, which takes only a few calendar days.',
	calendar_effects_ahead_title: 'Coming in this forecast, too rare in past sales to measure',
	calendar_effect_unmeasured_once:
		'{name}: in {unit} {ahead} of this forecast. Only one past {unit} had it, and at least two are needed to measure it, so the forecast does not add its effect.',
	calendar_effect_unmeasured_never:
		'{name}: in {unit} {ahead} of this forecast. No past {unit} had it yet, so the forecast does not add its effect.',
	calendar_effect_ahead_item: '{name} ({unit} {ahead})',
	calendar_effects_ahead_sentence:
		'{list} fall in this forecast, but past sales had each of them in at most one {unit}, and at least two are needed to measure a day, so the forecast does not add their effects.',
	calendar_effects_ahead_sentence_never:
		'{list} fall in this forecast, but no past {unit} had them yet, so the forecast does not add their effects.',
	calendar_effects_ahead_note:
		'If you expect it to lift sales, import it as a promotion or plan extra stock for it by hand.',
	calendar_country: 'Country of the shop',
	calendar_week_start: 'Weeks of “{dataset}” start on',
	calendar_week_start_country: 'Shops in {country} usually start their weeks on {day}.',
	calendar_week_start_note:
		'Changing it sorts the sales into the new weeks again; forecasts kept from the old weeks are removed.',
	calendar_country_guessed:
		'Chosen from the currency of your data ({currency}); pick the country if it is another.',
	calendar_intro:
		'Public holidays of the country and shopping festivals are used as drivers of the forecast. Add your own sale days or remove dates that do not apply to your shop.',
	calendar_add_title: 'Add a day',
	calendar_name: 'Name',
	calendar_date: 'Date',
	calendar_add: 'Add',
	calendar_remove: 'Remove',
	calendar_restore: 'Restore',
	calendar_added: 'Your days',
	calendar_removed: 'Removed from the built-in calendar',
	calendar_upcoming: 'Built-in days this year and next',
	calendar_none: 'None.',
	calendar_bad_date: 'Enter a date as YYYY-MM-DD and a name.',
	calendar_event_double11: 'Singles’ Day (11.11)',
	calendar_event_618: '618 shopping festival',
	calendar_event_double12: 'Double 12 (12.12)',
	calendar_event_520: '520 (20 May)',
	calendar_event_qixi: 'Qixi (Chinese Valentine’s Day)',
	calendar_event_nianhuo: 'Spring Festival shopping (年货节)',
	calendar_event_black_friday: 'Black Friday',
	calendar_event_cyber_monday: 'Cyber Monday',
	calendar_event_christmas_peak: 'Christmas shopping weeks',
	calendar_event_boxing_day: 'Boxing Day',
	calendar_event_public_holidays: 'Public holidays',
	calendar_event_cn_makeup_workday: 'Make-up working days',
	// the app's own regressor columns, as the engine's notes name them (translate.ts REGRESSOR_NAMES)
	regressor_name_price: 'Price',
	regressor_name_promotion: 'Promotions',
	regressor_name_signal: 'Market signal',
	regressor_name_promo_share: 'Share of sales on promotion',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	engine_model_borrowed_season: '{model}（借用年度季节规律）',
	engine_model_shrunk_season: '{model}（年度季节规律与全店规律结合）',
	engine_model_level_shift: '{model}（不用水平突变前的销量水平）',
	engine_note_few_observations: (p) =>
		`只有 ${p.nText} 个观测值：使用简单方法（上一期值、移动平均、漂移）。`,
	engine_note_no_two_seasons: (p) =>
		`历史不足两个完整季节（${p.nText} / ${p.needText} 期）：还无法从本商品自身测出季节规律。`,
	engine_note_no_two_seasons_all: (p) =>
		`历史不足两个完整季节（${p.nText} / ${p.needText} 期）：还无法从本店自身的销售测出季节规律。`,
	engine_note_gaps_filled: (p) => `历史中间有 ${p.nText} 个缺失值，已按前后数值补齐。`,
	engine_note_missing_start: (p) => `开头的 ${p.nText} 个缺失值已忽略。`,
	engine_note_missing_end: (p) =>
		`结尾的 ${p.nText} 个缺失值已忽略；预测从最后一个已知值之后开始。`,
	engine_note_empty: '历史中没有数值：无法预测。',
	engine_note_long_history: '历史较长：各方法只用最近 {used} 期（共 {n} 期）拟合。',
	engine_note_regressor_constant:
		'“{name}”（每期的值）在所用的历史中始终不变，无法衡量其影响：已略去。',
	engine_note_regressor_untested: '“{name}”最近才开始变化，回测来不及检验其影响：预测中已略去。',
	engine_note_intermittent: '该商品只是偶尔有销量，因此也尝试了适合零星销售的方法。',
	engine_note_intermittent_all: '本店只是偶尔有销量，因此也尝试了适合零星销售的方法。',
	engine_note_outliers_replaced: (p) =>
		`${p.nText} 个异常值被视为一次性情况，拟合时已替换为常见水平。`,
	engine_note_outliers_kept: (p) => `${p.nText} 个异常值作为真实销量保留在历史中。`,
	engine_note_regressors_unused: '所试方法都不使用额外列（价格、促销）：它们没有影响预测。',
	engine_note_calendar_unused:
		'所试方法不使用节假日和购物节日历：下面的节日效应由过去的销售估计，没有加进这次预测。',
	engine_note_calendar_not_chosen:
		'所选方法不使用节假日和购物节日历：下面的节日效应由过去的销售估计，没有加进这次预测。',
	engine_note_no_backtest: '没有方法能在过去的时段上检验：使用 {model}。',
	engine_note_too_short_to_backtest:
		'历史（{n} 期）太短，无法按 {h} 期的预测长度检验各方法：使用 {model}。',
	engine_note_past_peak:
		'销量自高峰以来持续回落（从 {peak} 降到最近一期的 {last}）：预测从最近的水平出发，让回落继续并逐渐放缓，而不是取最近几期的平均值。',
	engine_note_level_shift_trim: (p) =>
		`销量在 ${p.periodsText} 期前变到了新的水平（不计季节约为每期 ${p.beforeText} → ${p.afterText}）：“不用水平突变前的销量水平”的方法只用了此后的历史，此前的历史被搁置。`,
	engine_note_level_shift_adjust: (p) =>
		`销量在 ${p.periodsText} 期前变到了新的水平（不计季节约为每期 ${p.beforeText} → ${p.afterText}）：“不用水平突变前的销量水平”的方法所用的此前历史已移到新的水平。`,
	engine_note_fit_failed: '{model} 无法在全部历史上拟合（{error}）。',
	engine_note_fallback_naive: '改为沿用最后一期的值。',
	engine_note_few_errors: '过去的误差太少（{n} 个），无法校准区间：显示各方法自身的区间。',
	engine_note_short_range_robust:
		'区间按平常各周的波动计算：否则一次性的变化（最大 {largest}，平常约 {typical}）会让区间远宽于历史上每周的实际波动。',
	engine_note_short_range_cap:
		'区间上限被限制为迄今最好一期销量（{best}）的 {times80} 倍（80%）和 {times95} 倍（95%）：历史太短，无法衡量销量可能偏离多远，而区间远高于实际卖出过的任何一期。',
	engine_note_range_level_fall:
		'区间按当前水平（每期约 {level}）计算：用来衡量区间的过去误差产生时，销量是现在的 {times} 倍，因此这些误差按当时水平的比例计入。',
	engine_note_pooled:
		'此预测使用了由全部 {n} 个商品共同学习的全店模型：在它们近期的数据上，它比各商品自身的方法预测得更准。',
	engine_note_negative_history: '历史中有负值，因此预测未限制为不小于 0。',
	engine_note_regressor_collinear: '“{name}”与趋势、季节或其他列同步变化：无法单独分离其影响。',
	engine_note_drivers_failed: '无法估计额外列的影响（{error}）。',
	engine_note_async_candidate: '{model} 需要后台训练，本次快速预测未使用。',
	engine_note_series_failed: '该序列无法预测（内部错误）。',
	engine_note_launch: (p) =>
		`该商品的首次销售在数据开始后第 ${p.nText} 期：预测只使用从那时起的历史。`,
	engine_note_end_spike: (p) =>
		`最近一期销量（${p.valueText}）远高于通常的 ${p.baseText}：预测按通常水平拟合，只加回此前 ${p.nText} 次类似跳升中持续下来的部分（下一期为 ${p.shareText}%）。`,
	engine_note_launch_curve: (p) =>
		`新品上市才几周：预测沿用店里此前 ${p.nText} 个新品在同一阶段之后的走势（相对其最初几周销量的中位数），而不是上市高峰。`,
	engine_note_launch_curve_category: (p) =>
		`新品上市才几周：预测沿用“${p.group}”此前 ${p.nText} 个新品在同一阶段之后的走势（相对其最初几周销量的中位数），而不是上市高峰。`,
	engine_note_last_spike:
		'最近一期销量为 {value}，远高于通常水平：预测中最多按 {typical} 计算，一笔超大订单不会决定整体水平。',
	engine_note_peak_source_group: (p) =>
		`年度高峰借自${p.group === 'total' ? '全部商品合计' : p.group}，它有两年的历史。`,
	engine_note_peak_source_category:
		'年度高峰借自它所属的品类“{group}”，该品类有两年的历史；这件商品自身的历史太短，还显示不出高峰。',
	engine_note_peak_source_profile:
		'年度高峰借自公开零售数据的典型季节规律：这段历史不足两年，还显示不出自身的高峰。',
	engine_note_season_shrunk_group: (p) =>
		`年度高峰由这件商品自身的规律（权重 ${p.ownText}%）与${p.group === 'total' ? '其他全部商品合计' : `“${p.group}”`}的规律结合而成，按各自历史显示规律的清晰程度加权。`,
	engine_note_season_shrunk_category:
		'年度高峰由这件商品自身的规律（权重 {own}%）与所属品类“{group}”其他商品的规律结合而成，按各自历史显示规律的清晰程度加权。',
	// The Forecast screen (screens).
	forecast_pick_placeholder: '按名称或编码搜索全部商品',
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
	forecast_model_pooled: '从全部商品一起学到的规律',
	forecast_model_launch: '参照此前新品上市后的走势',
	forecast_model_decay: '延续高峰以来的回落，并逐渐放缓',
	forecast_model_recentlevel: '最近 8 期的一般水平，保持不变',
	forecast_model_blend: '{names}的加权组合',
	forecast_model_median: '{names}的中间值',
	forecast_model_list_sep: '、',
	forecast_lb_caption: '各方法在未参与训练的过往销售上的表现（误差越低越好）',
	forecast_lb_method: '方法',
	forecast_lb_error: '误差（1 = 过去销量相邻两期的平均变化）',
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
	calendar_title: '节假日与购物节',
	calendar_effects_title: '过去销售中的节假日与购物节',
	calendar_effect: '{name}：{effect}（{range}）',
	calendar_effect_range: '±{value}',
	calendar_effects_none: '日历中的节假日或购物节在历史中出现次数太少，无法估计其影响。',
	calendar_effects_note:
		'完全处于该活动期间的一周（或一天、一个月）相对平常水平的变化及其 95% 区间，由过去的销售估计，并用于预测。',
	calendar_effects_note_unused:
		'完全处于该活动期间的一周（或一天、一个月）相对平常水平的变化及其 95% 区间，由过去的销售估计。这次预测所用的方法不使用它们。',
	calendar_effects_measured_title: '日历中的其他日子（按过去的销售估计）',
	calendar_effects_measured_note:
		'每个日子单独相对平常水平（趋势）估计，附 95% 区间；本次预测只采用少数几个日历日子，这些不在其中。',
	calendar_effects_ahead_title: '本次预测期内的日子（过去出现太少，无法估计）',
	calendar_effect_unmeasured_once:
		'{name}：落在本次预测的第 {ahead} {unit}。过去只有 1 {unit}包含它，至少需要 2 {unit}才能估计其影响，因此预测没有加入它的影响。',
	calendar_effect_unmeasured_never:
		'{name}：落在本次预测的第 {ahead} {unit}。过去还没有哪一{unit}包含它，因此预测没有加入它的影响。',
	calendar_effect_ahead_item: '{name}（第 {ahead} {unit}）',
	calendar_effects_ahead_sentence:
		'{list}都落在本次预测期内，但过去的销售中每个日子最多只出现在 1 {unit}里，至少需要 2 {unit}才能估计，因此预测没有加入它们的影响。',
	calendar_effects_ahead_sentence_never:
		'{list}都落在本次预测期内，但过去还没有哪一{unit}包含它们，因此预测没有加入它们的影响。',
	calendar_effects_ahead_note: '如果预计它会带动销量，请把它作为促销导入，或手动多备一些库存。',
	calendar_country: '店铺所在国家/地区',
	calendar_week_start: '“{dataset}”每周的第一天',
	calendar_week_start_country: '{country}的店铺通常以{day}作为每周的第一天。',
	calendar_week_start_note: '更改后，销售会重新按新的周汇总；按旧的周保留的预测会被删除。',
	calendar_country_guessed: '根据数据的货币（{currency}）选定；如果店铺在其他国家/地区，请另选。',
	calendar_intro:
		'所在国家/地区的法定节假日和购物节会作为预测的影响因素。可以添加自己的促销日，或删除与店铺无关的日期。',
	calendar_add_title: '添加日期',
	calendar_name: '名称',
	calendar_date: '日期',
	calendar_add: '添加',
	calendar_remove: '删除',
	calendar_restore: '恢复',
	calendar_added: '自定义日期',
	calendar_removed: '已从内置日历中删除',
	calendar_upcoming: '今明两年的内置日期',
	calendar_none: '无。',
	calendar_bad_date: '请输入名称和 YYYY-MM-DD 格式的日期。',
	calendar_event_double11: '双十一',
	calendar_event_618: '618 购物节',
	calendar_event_double12: '双十二',
	calendar_event_520: '520',
	calendar_event_qixi: '七夕',
	calendar_event_nianhuo: '年货节',
	calendar_event_black_friday: '黑色星期五',
	calendar_event_cyber_monday: '网络星期一',
	calendar_event_christmas_peak: '圣诞购物季',
	calendar_event_boxing_day: '节礼日',
	calendar_event_public_holidays: '法定节假日',
	calendar_event_cn_makeup_workday: '调休上班日',
	regressor_name_price: '价格',
	regressor_name_promotion: '促销',
	regressor_name_signal: '市场信号',
	regressor_name_promo_share: '促销销量占比',
};
