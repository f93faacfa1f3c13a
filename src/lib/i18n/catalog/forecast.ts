// Words of the forecasting engine's notes (src/core/engine.ts says them as `engine_note_*` codes)
// and of the peak sources it reports. Views render them with tm(note); the CLI with translate('en', …).
import type { Catalog } from '../types';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const en = {
	engine_model_borrowed_season: '{model} with a borrowed yearly season',
	engine_note_few_observations: (p) =>
		`Only ${p.nText} observations: using simple methods (last value, moving average, drift).`,
	engine_note_no_two_seasons: (p) =>
		`Fewer than two full seasons of history (${p.nText} of ${p.needText} periods): the product's own seasonal pattern cannot be measured yet.`,
	engine_note_gaps_filled: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} inside the history ${plural(Number(p.n), 'was', 'were')} filled in from ${plural(Number(p.n), 'its', 'their')} neighbours.`,
	engine_note_missing_start: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} at the start ${plural(Number(p.n), 'was', 'were')} ignored.`,
	engine_note_missing_end: (p) =>
		`${p.nText} missing ${plural(Number(p.n), 'value', 'values')} at the end ${plural(Number(p.n), 'was', 'were')} ignored; the forecast starts after the last known value.`,
	engine_note_empty: 'The history has no values: nothing to forecast.',
	engine_note_long_history:
		'Long history: the methods were fitted on the most recent {used} of {n} periods.',
	engine_note_regressor_constant:
		"'{name}' never changed in the history, so its effect cannot be measured: left out.",
	engine_note_intermittent:
		'This product sells only now and then, so methods for occasional sales were tried too.',
	engine_note_outliers_replaced: (p) =>
		`${p.nText} unusual ${plural(Number(p.n), 'value was', 'values were')} treated as one-off and replaced by a typical value for fitting.`,
	engine_note_outliers_kept: (p) =>
		`${p.nText} unusual ${plural(Number(p.n), 'value is', 'values are')} kept in the history as real sales.`,
	engine_note_regressors_unused:
		'None of the methods tried uses the extra columns (price, promotions): they did not change the forecast.',
	engine_note_no_backtest: 'No method could be tested on past periods: using {model}.',
	engine_note_too_short_to_backtest:
		'The history ({n} periods) is too short to test methods on a {h}-period horizon: using {model}.',
	engine_note_fit_failed: '{model} could not be fitted on the whole history ({error}).',
	engine_note_fallback_naive: 'Falling back to repeating the last value.',
	engine_note_few_errors:
		'Too few past errors ({n}) to calibrate the ranges: the methods’ own ranges are shown.',
	engine_note_negative_history:
		'The history has negative values, so the forecast was not kept at 0 or above.',
	engine_note_regressor_collinear:
		"'{name}' moves together with the trend, the season or another column: its own effect cannot be separated.",
	engine_note_drivers_failed: 'The effects of the extra columns could not be estimated ({error}).',
	engine_note_async_candidate:
		'{model} needs the background trainer and was not used in this quick forecast.',
	engine_note_series_failed: 'This series could not be forecast: {error}',
	engine_note_launch: (p) =>
		`The product's first sale is ${p.nText} ${plural(Number(p.n), 'period', 'periods')} into the data: the forecast uses its history from then on.`,
	engine_note_last_spike:
		'The latest period sold {value}, far above anything usual: the forecast counts it as at most {typical}, so one giant order does not set the level.',
	engine_note_peak_source_group: (p) =>
		`The yearly peak is borrowed from ${p.group === 'total' ? 'all products together' : p.group}, which has two years of history.`,
	engine_note_peak_source_profile:
		'The yearly peak is borrowed from typical retail seasonality (public retail data): this history is under two years, too short to show its own.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	engine_model_borrowed_season: '{model}（借用年度季节规律）',
	engine_note_few_observations: (p) =>
		`只有 ${p.nText} 个观测值：使用简单方法（上一期值、移动平均、漂移）。`,
	engine_note_no_two_seasons: (p) =>
		`历史不足两个完整季节（${p.nText} / ${p.needText} 期）：还无法从本商品自身测出季节规律。`,
	engine_note_gaps_filled: (p) => `历史中间有 ${p.nText} 个缺失值，已按前后数值补齐。`,
	engine_note_missing_start: (p) => `开头的 ${p.nText} 个缺失值已忽略。`,
	engine_note_missing_end: (p) =>
		`结尾的 ${p.nText} 个缺失值已忽略；预测从最后一个已知值之后开始。`,
	engine_note_empty: '历史中没有数值：无法预测。',
	engine_note_long_history: '历史较长：各方法只用最近 {used} 期（共 {n} 期）拟合。',
	engine_note_regressor_constant: '“{name}”在历史中从未变化，无法衡量其影响：已略去。',
	engine_note_intermittent: '该商品只是偶尔有销量，因此也尝试了适合零星销售的方法。',
	engine_note_outliers_replaced: (p) =>
		`${p.nText} 个异常值被视为一次性情况，拟合时已替换为常见水平。`,
	engine_note_outliers_kept: (p) => `${p.nText} 个异常值作为真实销量保留在历史中。`,
	engine_note_regressors_unused: '所试方法都不使用额外列（价格、促销）：它们没有影响预测。',
	engine_note_no_backtest: '没有方法能在过去的时段上检验：使用 {model}。',
	engine_note_too_short_to_backtest:
		'历史（{n} 期）太短，无法按 {h} 期的预测长度检验各方法：使用 {model}。',
	engine_note_fit_failed: '{model} 无法在全部历史上拟合（{error}）。',
	engine_note_fallback_naive: '改为沿用最后一期的值。',
	engine_note_few_errors: '过去的误差太少（{n} 个），无法校准区间：显示各方法自身的区间。',
	engine_note_negative_history: '历史中有负值，因此预测未限制为不小于 0。',
	engine_note_regressor_collinear: '“{name}”与趋势、季节或其他列同步变化：无法单独分离其影响。',
	engine_note_drivers_failed: '无法估计额外列的影响（{error}）。',
	engine_note_async_candidate: '{model} 需要后台训练，本次快速预测未使用。',
	engine_note_series_failed: '该序列无法预测：{error}',
	engine_note_launch: (p) =>
		`该商品的首次销售在数据开始后第 ${p.nText} 期：预测只使用从那时起的历史。`,
	engine_note_last_spike:
		'最近一期销量为 {value}，远高于通常水平：预测中最多按 {typical} 计算，一笔超大订单不会决定整体水平。',
	engine_note_peak_source_group: (p) =>
		`年度高峰借自${p.group === 'total' ? '全部商品合计' : p.group}，它有两年的历史。`,
	engine_note_peak_source_profile:
		'年度高峰借自公开零售数据的典型季节规律：这段历史不足两年，还显示不出自身的高峰。',
};
