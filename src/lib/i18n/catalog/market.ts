// The Market screen (issue 14): imported posts / search interest / reviews / catalog files, hot topics
// and bursts, review sentiment and aspects, and lead-lag findings in plain words.
import type { Catalog } from '../types';

export const en = {
	market_nav: 'Market',
	market_title: 'Market signals',
	market_intro:
		'Import social posts, Google Trends exports, reviews or your product catalog to see hot topics, bursts, what customers say about each product, and whether the buzz leads your sales.',
	market_import_label: 'Import a file',
	market_kind_label: 'The file holds',
	market_kind_auto: 'Detect automatically',
	market_kind_posts: 'Social posts',
	market_kind_search: 'Search interest (Google Trends)',
	market_kind_reviews: 'Reviews',
	market_kind_catalog: 'Product catalog',
	market_working: 'Analysing… (texts are segmented and classified on this device)',
	market_sets_title: 'Imported signal files',
	market_set_line: (p) => `${p.name} — ${p.kindText}, ${p.nText} ${p.n === 1 ? 'row' : 'rows'}`,
	market_delete: 'Delete',
	market_empty: 'No signal files yet.',
	market_imported: (p) =>
		`Imported ${p.name}: ${p.nText} ${p.n === 1 ? 'row' : 'rows'} as ${p.kindText}.`,
	market_issue_bad_date: 'Row {row}, column "{column}": not a date; the row was skipped.',
	market_issue_bad_number: 'Row {row}, column "{column}": not a number; left blank.',
	market_issue_blank: 'Row {row}, column "{column}" is blank; the row was skipped.',
	market_issue_below_one: (p) => `${p.countText} value(s) written "<1" were read as 0.5.`,
	market_issue_other: 'Row {row}, column "{column}": {code}',
	market_issue_more: (p) => `(and ${p.countText} more like it)`,
	market_error_no_rows: '{file} has no usable rows.',
	market_topics_title: 'Hot topics: {name}',
	market_topics_summary: (p) => `${p.postsText} posts in ${p.bucketsText} ${p.bucketText} buckets.`,
	market_bucket_hour: 'hourly',
	market_bucket_day: 'daily',
	market_bucket_week: 'weekly',
	market_unit_hour: 'hour',
	market_unit_day: 'day',
	market_unit_week: 'week',
	market_top_title: 'Most talked about (engagement-weighted)',
	market_col_key: 'Hashtag or word',
	market_col_posts: 'Posts',
	market_col_trend: 'Trend',
	market_bursts_title: 'Bursts',
	market_burst_line: (p) =>
		`${p.key}: ${p.countText} posts in the ${p.bucket} of ${p.when}, usually about ${p.expectedText}`,
	market_no_bursts: 'No burst: every topic stayed near its usual level.',
	market_rising_title: 'Rising',
	market_falling_title: 'Falling',
	market_none: '—',
	market_clusters_title: 'Topics used together',
	market_cluster_products: (p) => `matches products: ${p.list}`,
	market_search_title: 'Search interest: {name}',
	market_search_line: (p) =>
		`${p.term}${p.region ? ` (${p.region})` : ''}: ${p.nText} ${p.frequency} values, latest ${p.lastText}, peak ${p.peakText} on ${p.peakDate}`,
	market_reviews_title: 'Reviews: {name}',
	market_model_line: (p) =>
		`A classifier trained on ${p.trainedText} of your labelled reviews (${p.target}) scores accuracy ${p.accText} and F1 ${p.f1Text} on ${p.heldOutText} held-out reviews; the word-list baseline scores ${p.lexAccText} and ${p.lexF1Text}.`,
	market_target_label: 'your labels',
	market_target_rating: 'stars: 4–5 positive, 1–2 negative',
	market_model_none: 'No labels or ratings to learn from: sentiment comes from the word lists.',
	market_col_product: 'Product',
	market_sentiment_time_title: 'Sentiment over time',
	market_sentiment_time_label: 'Share of positive reviews per month: {product}',
	market_col_reviews: 'Reviews',
	market_col_positive: 'Positive',
	market_col_praised: 'Praised for',
	market_col_complaints: 'Complaints about',
	market_aspect_size: 'size / fit',
	market_aspect_quality: 'quality',
	market_aspect_colour: 'colour',
	market_aspect_price: 'price',
	market_aspect_delivery: 'delivery',
	market_aspect_fabric: 'fabric',
	market_aspect_workmanship: 'workmanship',
	market_aspect_service: 'service',
	market_aspect_style: 'style / look',
	market_leadlag_title: 'Do the signals lead your sales?',
	market_leadlag_need_sales:
		'Import your sales on the “Your data” screen to compare the signals with them.',
	market_leadlag_none:
		'Not enough overlapping weeks between the signals and your sales (16 needed).',
	market_lead: (p) =>
		`${p.signal} leads ${p.target} by ${p.lag} ${p.lag === 1 ? 'week' : 'weeks'} (correlation ${p.rText}; Granger test p = ${p.pText}).`,
	market_same_week: (p) =>
		`${p.signal} moves with ${p.target} in the same week (correlation ${p.rText}), without leading it.`,
	market_no_lead: (p) =>
		`${p.signal} does not lead ${p.target} (no significant correlation at 0–8 weeks).`,
	market_signal_search: (p) => `Searches for “${p.name}”`,
	market_signal_topic: (p) => `Posts about ${p.name}`,
	market_signal_sentiment: (p) => `Review sentiment of ${p.name}`,
	market_sales: 'your sales',
	market_speed: (p) => `${p.rateText} texts per second through the text pipeline on this device.`,
	market_volume_title: 'Volume over time',
	market_volume_key: 'Show',
	market_volume_all: 'all posts',
	market_volume_label: 'Posts per {bucketText} bucket: {key}',
	market_personas_title: 'Personas: {name}',
	market_personas_none: 'Too few authors or texts to find personas (8 needed).',
	market_personas_by_author: (p) =>
		`${p.nText} authors grouped into ${p.kText} personas by what they talk about, how often, how they sound and how much engagement they get.`,
	market_personas_by_voice: (p) =>
		`The file names no repeat authors, so its ${p.nText} texts are grouped into ${p.kText} voices by what they talk about and how they sound.`,
	market_persona_critics: 'Critics',
	market_persona_fans: 'Fans',
	market_persona_influencers: 'Influencers',
	market_persona_regulars: 'Regulars',
	market_persona_casual: 'Casual voices',
	market_persona_unit_authors: 'authors',
	market_persona_unit_reviewers: 'reviewers',
	market_persona_unit_reviews: 'reviews',
	market_persona_size: (p) => `${p.shareText}% of the ${p.unitText} (${p.nText}).`,
	market_persona_tone_positive: (p) =>
		`Mostly positive: ${p.posText}% of their texts sound positive, ${p.negText}% negative.`,
	market_persona_tone_negative: (p) =>
		`Mostly negative: ${p.negText}% of their texts sound negative, ${p.posText}% positive.`,
	market_persona_tone_mixed: (p) =>
		`Mostly neutral or mixed: ${p.posText}% positive, ${p.negText}% negative.`,
	market_persona_activity_high: (p) => `They write often: ${p.nText} texts each, more than most.`,
	market_persona_activity_average: (p) =>
		`They write about as often as others: ${p.nText} texts each.`,
	market_persona_activity_low: (p) => `They write rarely: ${p.nText} texts each.`,
	market_persona_engagement_high: (p) =>
		`Their posts get much more engagement than most (${p.nText} likes, shares and comments each).`,
	market_persona_engagement_average: (p) =>
		`Their posts get the usual engagement (${p.nText} likes, shares and comments each).`,
	market_persona_engagement_low: (p) =>
		`Their posts get little engagement (${p.nText} likes, shares and comments each).`,
	market_persona_interests: 'They talk about {list}.',
	market_persona_praise: 'They praise {list}.',
	market_persona_complain: 'They complain about {list}.',
	market_persona_daypart: 'Most active in the {partText} (time of the file).',
	market_persona_age: 'Median age {age}.',
	market_daypart_morning: 'morning',
	market_daypart_afternoon: 'afternoon',
	market_daypart_evening: 'evening',
	market_daypart_night: 'night',
	market_error_no_launches:
		'No past launches with weekly sales: import a catalog with week columns 0, 1, 2 …',
	market_np_title: 'New products',
	market_np_intro: (p) =>
		`Forecast the first ${p.hText} weeks of a product you have not launched yet from the most similar of your ${p.nText} past launches (attributes, price and launch season).`,
	market_np_backtest: (p) =>
		`Tested by hiding your latest ${p.nText} launches and forecasting each from the ones before it: the similar-products forecast is off by ${p.knnText}% of sales over ${p.hText} weeks (WAPE), the category average by ${p.catText}%.`,
	market_np_backtest_better: 'The similar products forecast better than the category average.',
	market_np_backtest_worse:
		'The similar products did not beat the category average here; treat the forecast as a rough guide.',
	market_np_search_none:
		'No imported search interest matches the products’ words, so search interest is not used.',
	market_np_search_used: (p) =>
		`Search interest in ${p.words} is used: scaling by it lowered the backtest error from ${p.withoutText}% to ${p.withText}%.`,
	market_np_search_unused: (p) =>
		`Search interest in ${p.words} is not used: it did not improve the backtest (${p.withText}% with it, ${p.withoutText}% without).`,
	market_np_from_catalog: 'Product from your catalog',
	market_np_custom: 'Describe a product',
	market_np_any: 'any',
	market_np_launch: 'Launch date',
	market_np_price: 'Price (optional)',
	market_np_run: 'Forecast',
	market_np_result: (p) =>
		`Expected sales in the first ${p.hText} weeks: ${p.total} in all, ${p.first} in the launch week. Learned from ${p.nText} earlier launches; most similar: ${p.list}.`,
	market_np_result_search: (p) => `Search interest scaled it by ×${p.mText}.`,
	market_np_result_nosearch: 'Search interest did not change it.',
	market_np_chart: 'Forecast of the new product',
	market_np_col_week: 'Week of',
	market_np_col_mean: 'Expected',
	market_np_col_range: '80% range',
	market_np_col_category: 'Category average',
	market_fusion_title: 'Market signals in this forecast',
	market_fusion_description:
		'Each imported signal (search interest, posts about a hot topic) that leads these sales is tried as an input of the forecast, and kept only when it makes the backtest more accurate.',
	market_fusion_working: 'Testing the market signals on this series…',
	market_fusion_none:
		'No market signals imported (Market tab): the forecast uses the sales history only.',
	market_fusion_used: (p) =>
		`${p.signal} lead these sales by ${p.lagText} ${p.lag === 1 ? 'week' : 'weeks'} and made the backtest more accurate (error ${p.withText} with it, ${p.withoutText} without, ${p.autoText} for the automatic forecast; MASE over ${p.originsText} held-out windows): used in the forecast below.`,
	market_fusion_worse: (p) =>
		`${p.signal} lead these sales by ${p.lagText} ${p.lag === 1 ? 'week' : 'weeks'}, but did not make the backtest more accurate (error ${p.withText} with it, ${p.withoutText} without, ${p.autoText} for the automatic forecast): not used.`,
	market_fusion_no_lead: (p) =>
		`${p.signal} do not lead these sales (no significant correlation 1–8 weeks ahead): not used.`,
	market_fusion_short: (p) =>
		`${p.signal} overlap these sales for ${p.weeksText} weeks up to their last week: too few to test: not used.`,
	market_fusion_stale: (p) => `${p.signal} end before these sales’ last week: not used.`,
	market_fusion_kept_history:
		'No signal improved the backtest: the forecast above uses the sales history only.',
	market_fusion_chart: (p) => `Forecast with ${p.signal}`,
	market_batch_col_signal: 'Market signal',
	market_batch_signal_used: (p) =>
		`${p.signal}, ${p.lagText} ${p.lag === 1 ? 'week' : 'weeks'} ahead: error ${p.withText} with it, ${p.withoutText} without (${p.liftText}% lower)`,
	market_batch_signal_none: 'none helped',
	market_batch_working: 'Testing the market signals on each product…',
	market_batch_summary: (p) =>
		`Market signals made the backtest more accurate for ${p.usedText} of ${p.nText} products; their forecasts use them.`,
	market_plan_signal_used: (p) =>
		`Demand uses ${p.signal} (${p.lagText} ${p.lag === 1 ? 'week' : 'weeks'} ahead): backtest error ${p.liftText}% lower`,
	market_plan_summary: (p) =>
		`Market signals are used in the demand of ${p.usedText} of ${p.nText} products (only where they made the backtest more accurate).`,
	market_legend_posts: 'Posts',
	market_legend_positive: 'Positive reviews (%)',
	market_np_title_label: 'Title or description',
	market_np_similar_title: 'Most similar past launches',
	market_np_col_product: 'Past product',
	market_np_col_similarity: 'Similarity',
	market_np_col_why: 'Why',
	market_np_why_attrs: (p) => `same ${p.list}`,
	market_np_why_words: (p) => `shared words: ${p.list}`,
	market_np_why_season: (p) =>
		p.months === 0 ? 'same launch month' : `launched ${p.monthsText} months apart in the year`,
	market_np_why_price: (p) => `price ×${p.ratioText}`,
	market_np_from_sales: (p) =>
		`${p.nText} of these launches were found in your own sales (first sale, or the catalog’s launch date).`,
	market_np_shape_used: (p) =>
		`Your own launch curve, at the similar products’ level, was more accurate (${p.shapeText}% vs ${p.knnText}%): used.`,
	market_np_shape_unused: (p) =>
		`Your own launch curve at the similar products’ level: ${p.shapeText}% (not better: their own curves are used).`,
	market_np_regression_used: (p) =>
		`A sales-level model of your launches (attributes and launch month, with your category’s launch curve) was more accurate still (${p.regText}% vs ${p.knnText}%): it makes the forecast; the similar products below show which launches are alike.`,
	market_np_regression_unused: (p) =>
		`A sales-level model of your launches (attributes and launch month): ${p.regText}% (not better than ${p.knnText}%: the similar products make the forecast).`,
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	market_nav: '市场',
	market_title: '市场信号',
	market_intro:
		'导入社交媒体帖子、谷歌趋势导出文件、商品评价或商品目录，查看热门话题和突发热点、顾客对每件商品的评价，以及网络热度是否领先于您的销量。',
	market_import_label: '导入文件',
	market_kind_label: '文件内容',
	market_kind_auto: '自动识别',
	market_kind_posts: '社交媒体帖子',
	market_kind_search: '搜索热度（谷歌趋势）',
	market_kind_reviews: '商品评价',
	market_kind_catalog: '商品目录',
	market_working: '正在分析…（分词和分类都在本设备上完成）',
	market_sets_title: '已导入的信号文件',
	market_set_line: (p) => `${p.name} — ${p.kindText}，${p.nText} 行`,
	market_delete: '删除',
	market_empty: '还没有信号文件。',
	market_imported: (p) => `已导入 ${p.name}：${p.nText} 行，类型为${p.kindText}。`,
	market_issue_bad_date: '第 {row} 行“{column}”列不是日期，已跳过该行。',
	market_issue_bad_number: '第 {row} 行“{column}”列不是数字，已留空。',
	market_issue_blank: '第 {row} 行“{column}”列为空，已跳过该行。',
	market_issue_below_one: (p) => `有 ${p.countText} 个值写作“<1”，按 0.5 读取。`,
	market_issue_other: '第 {row} 行“{column}”列：{code}',
	market_issue_more: (p) => `（另有 ${p.countText} 处同类问题）`,
	market_error_no_rows: '{file} 中没有可用的行。',
	market_topics_title: '热门话题：{name}',
	market_topics_summary: (p) =>
		`共 ${p.postsText} 条帖子，按${p.bucketText}分为 ${p.bucketsText} 段。`,
	market_bucket_hour: '小时',
	market_bucket_day: '天',
	market_bucket_week: '周',
	market_unit_hour: '小时',
	market_unit_day: '天',
	market_unit_week: '周',
	market_top_title: '讨论最多（按互动量加权）',
	market_col_key: '话题或关键词',
	market_col_posts: '帖子数',
	market_col_trend: '走势',
	market_bursts_title: '突发热点',
	market_burst_line: (p) =>
		`${p.key}：${p.when} 这一${p.bucket}有 ${p.countText} 条帖子，平时约 ${p.expectedText} 条`,
	market_no_bursts: '没有突发热点：各话题都保持在平常水平。',
	market_rising_title: '升温',
	market_falling_title: '降温',
	market_none: '—',
	market_clusters_title: '经常一起出现的话题',
	market_cluster_products: (p) => `相关商品：${p.list}`,
	market_search_title: '搜索热度：{name}',
	market_search_line: (p) =>
		`${p.term}${p.region ? `（${p.region}）` : ''}：${p.nText} 个${p.frequency}数据，最新值 ${p.lastText}，峰值 ${p.peakText}（${p.peakDate}）`,
	market_reviews_title: '商品评价：{name}',
	market_model_line: (p) =>
		`用您已标注的 ${p.trainedText} 条评价（${p.target}）训练的分类器，在 ${p.heldOutText} 条留出评价上的准确率为 ${p.accText}，F1 为 ${p.f1Text}；词表基线分别为 ${p.lexAccText} 和 ${p.lexF1Text}。`,
	market_target_label: '您的标签',
	market_target_rating: '星级：4–5 星为好评，1–2 星为差评',
	market_model_none: '没有可供学习的标签或评分：情感由词表判断。',
	market_col_product: '商品',
	market_sentiment_time_title: '好评率走势',
	market_sentiment_time_label: '每月好评率：{product}',
	market_col_reviews: '评价数',
	market_col_positive: '好评率',
	market_col_praised: '称赞',
	market_col_complaints: '抱怨',
	market_aspect_size: '尺码 / 版型',
	market_aspect_quality: '质量',
	market_aspect_colour: '颜色',
	market_aspect_price: '价格',
	market_aspect_delivery: '物流',
	market_aspect_fabric: '面料',
	market_aspect_workmanship: '做工',
	market_aspect_service: '客服',
	market_aspect_style: '款式 / 上身效果',
	market_leadlag_title: '这些信号是否领先于您的销量？',
	market_leadlag_need_sales: '请先在“您的数据”页面导入销售数据，才能把信号与销量对比。',
	market_leadlag_none: '信号与销量重叠的周数不足（至少需要 16 周）。',
	market_lead: (p) =>
		`${p.signal}领先${p.target} ${p.lag} 周（相关系数 ${p.rText}；格兰杰检验 p = ${p.pText}）。`,
	market_same_week: (p) => `${p.signal}与${p.target}同周变动（相关系数 ${p.rText}），但并不领先。`,
	market_no_lead: (p) => `${p.signal}并不领先${p.target}（0–8 周内没有显著相关）。`,
	market_signal_search: (p) => `“${p.name}”的搜索量`,
	market_signal_topic: (p) => `关于 ${p.name} 的帖子`,
	market_signal_sentiment: (p) => `${p.name} 的评价情感`,
	market_sales: '您的销量',
	market_speed: (p) => `本设备上文本处理速度：每秒 ${p.rateText} 条。`,
	market_volume_title: '热度走势',
	market_volume_key: '显示',
	market_volume_all: '全部帖子',
	market_volume_label: '每{bucketText}帖子数：{key}',
	market_personas_title: '用户画像：{name}',
	market_personas_none: '作者或文本太少，无法划分用户画像（至少需要 8 个）。',
	market_personas_by_author: (p) =>
		`按讨论内容、发帖频率、语气和互动量，将 ${p.nText} 位作者分为 ${p.kText} 类画像。`,
	market_personas_by_voice: (p) =>
		`文件中没有重复出现的作者，因此按讨论内容和语气，将 ${p.nText} 条文本分为 ${p.kText} 类声音。`,
	market_persona_critics: '挑剔的批评者',
	market_persona_fans: '忠实粉丝',
	market_persona_influencers: '意见领袖',
	market_persona_regulars: '活跃常客',
	market_persona_casual: '普通用户',
	market_persona_unit_authors: '作者',
	market_persona_unit_reviewers: '评价者',
	market_persona_unit_reviews: '评价',
	market_persona_size: (p) => `占全部${p.unitText}的 ${p.shareText}%（${p.nText}）。`,
	market_persona_tone_positive: (p) =>
		`以正面为主：${p.posText}% 的内容语气正面，${p.negText}% 负面。`,
	market_persona_tone_negative: (p) =>
		`以负面为主：${p.negText}% 的内容语气负面，${p.posText}% 正面。`,
	market_persona_tone_mixed: (p) =>
		`以中性或褒贬参半为主：${p.posText}% 正面，${p.negText}% 负面。`,
	market_persona_activity_high: (p) => `发言频繁：平均每人 ${p.nText} 条，多于大多数人。`,
	market_persona_activity_average: (p) => `发言频率与其他人相当：平均每人 ${p.nText} 条。`,
	market_persona_activity_low: (p) => `很少发言：平均每人 ${p.nText} 条。`,
	market_persona_engagement_high: (p) =>
		`帖子互动量远高于大多数人（平均每条 ${p.nText} 次点赞、转发和评论）。`,
	market_persona_engagement_average: (p) =>
		`帖子互动量一般（平均每条 ${p.nText} 次点赞、转发和评论）。`,
	market_persona_engagement_low: (p) =>
		`帖子互动量很少（平均每条 ${p.nText} 次点赞、转发和评论）。`,
	market_persona_interests: '常聊的话题：{list}。',
	market_persona_praise: '称赞：{list}。',
	market_persona_complain: '抱怨：{list}。',
	market_persona_daypart: '最活跃的时段：{partText}（按文件中的时间）。',
	market_persona_age: '年龄中位数 {age} 岁。',
	market_daypart_morning: '上午',
	market_daypart_afternoon: '下午',
	market_daypart_evening: '晚上',
	market_daypart_night: '深夜',
	market_error_no_launches: '没有带周销量的历史上新记录：请导入含 0、1、2 … 周列的商品目录。',
	market_np_title: '新品预测',
	market_np_intro: (p) =>
		`根据您过去 ${p.nText} 次上新中最相似的商品（属性、价格和上市季节），预测尚未上市商品前 ${p.hText} 周的销量。`,
	market_np_backtest: (p) =>
		`检验方法：隐藏最近的 ${p.nText} 次上新，每次只用更早的上新来预测。相似商品法在 ${p.hText} 周内的误差为销量的 ${p.knnText}%（WAPE），品类平均法为 ${p.catText}%。`,
	market_np_backtest_better: '相似商品法比品类平均更准。',
	market_np_backtest_worse: '这里相似商品法没有胜过品类平均，预测仅供粗略参考。',
	market_np_search_none: '导入的搜索热度与商品属性词不匹配，因此未使用搜索热度。',
	market_np_search_used: (p) =>
		`已使用“${p.words}”的搜索热度：按它调整后，回测误差从 ${p.withoutText}% 降到 ${p.withText}%。`,
	market_np_search_unused: (p) =>
		`未使用“${p.words}”的搜索热度：它没有改善回测（使用时 ${p.withText}%，不用时 ${p.withoutText}%）。`,
	market_np_from_catalog: '从商品目录中选择',
	market_np_custom: '手动描述商品',
	market_np_any: '不限',
	market_np_launch: '上市日期',
	market_np_price: '价格（可选）',
	market_np_run: '预测',
	market_np_result: (p) =>
		`前 ${p.hText} 周预计共售出 ${p.total}，上市当周 ${p.first}。参考了 ${p.nText} 次更早的上新；最相似的商品：${p.list}。`,
	market_np_result_search: (p) => `搜索热度将其调整为 ×${p.mText}。`,
	market_np_result_nosearch: '搜索热度没有改变预测。',
	market_np_chart: '新品销量预测',
	market_np_col_week: '周起始日',
	market_np_col_mean: '预计销量',
	market_np_col_range: '80% 区间',
	market_np_col_category: '品类平均',
	market_fusion_title: '预测中的市场信号',
	market_fusion_description:
		'每个领先于这些销量的已导入信号（搜索热度、热门话题的帖子量）都会作为预测输入来尝试，只有让回测更准确时才保留。',
	market_fusion_working: '正在用这条序列检验市场信号…',
	market_fusion_none: '尚未导入市场信号（见“市场”页面）：预测只使用销售历史。',
	market_fusion_used: (p) =>
		`${p.signal}领先这些销量 ${p.lagText} 周，并让回测更准确（使用时误差 ${p.withText}，不用时 ${p.withoutText}，自动预测 ${p.autoText}；${p.originsText} 个留出窗口的 MASE）：已用于下方的预测。`,
	market_fusion_worse: (p) =>
		`${p.signal}领先这些销量 ${p.lagText} 周，但没有让回测更准确（使用时误差 ${p.withText}，不用时 ${p.withoutText}，自动预测 ${p.autoText}）：未使用。`,
	market_fusion_no_lead: (p) =>
		`${p.signal}并不领先这些销量（提前 1–8 周都没有显著相关）：未使用。`,
	market_fusion_short: (p) =>
		`${p.signal}与这些销量重叠 ${p.weeksText} 周（截至最后一周），太少，无法检验：未使用。`,
	market_fusion_stale: (p) => `${p.signal}在这些销量的最后一周之前就结束了：未使用。`,
	market_fusion_kept_history: '没有信号能改善回测：上方的预测只使用销售历史。',
	market_fusion_chart: (p) => `加入${p.signal}后的预测`,
	market_batch_col_signal: '市场信号',
	market_batch_signal_used: (p) =>
		`${p.signal}，提前 ${p.lagText} 周：使用时误差 ${p.withText}，不用时 ${p.withoutText}（降低 ${p.liftText}%）`,
	market_batch_signal_none: '无改善',
	market_batch_working: '正在逐个商品检验市场信号…',
	market_batch_summary: (p) =>
		`市场信号提高了 ${p.nText} 个商品中 ${p.usedText} 个的回测准确度，这些商品的预测已使用信号。`,
	market_plan_signal_used: (p) =>
		`需求预测使用了${p.signal}（提前 ${p.lagText} 周）：回测误差降低 ${p.liftText}%`,
	market_plan_summary: (p) =>
		`${p.nText} 个商品中有 ${p.usedText} 个的需求预测使用了市场信号（仅在能提高回测准确度时使用）。`,
	market_legend_posts: '帖子数',
	market_legend_positive: '好评占比（%）',
	market_np_title_label: '标题或描述',
	market_np_similar_title: '最相似的已上新商品',
	market_np_col_product: '已上新商品',
	market_np_col_similarity: '相似度',
	market_np_col_why: '相似原因',
	market_np_why_attrs: (p) => `相同的${p.list}`,
	market_np_why_words: (p) => `共同词：${p.list}`,
	market_np_why_season: (p) =>
		p.months === 0 ? '上市月份相同' : `上市月份相差 ${p.monthsText} 个月`,
	market_np_why_price: (p) => `价格 ×${p.ratioText}`,
	market_np_from_sales: (p) =>
		`其中 ${p.nText} 次上新取自您自己的销售记录（首次售出日期，或商品目录中的上市日期）。`,
	market_np_shape_used: (p) =>
		`按相似商品的销量水平套用您自己的上新曲线更准（${p.shapeText}% 对 ${p.knnText}%）：已采用。`,
	market_np_shape_unused: (p) =>
		`按相似商品的销量水平套用您自己的上新曲线：${p.shapeText}%（没有更准，因此使用相似商品各自的曲线）。`,
	market_np_regression_used: (p) =>
		`根据属性和上市月份估算销量水平、再套用同品类上新曲线的模型更准（${p.regText}% 对 ${p.knnText}%）：由它给出预测；下方的相似商品仅说明哪些往期上新与之相近。`,
	market_np_regression_unused: (p) =>
		`根据属性和上市月份估算销量水平的模型：${p.regText}%（没有胜过 ${p.knnText}%，因此由相似商品法给出预测）。`,
};
