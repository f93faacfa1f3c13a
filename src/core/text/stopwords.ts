// Stop words for the text pipeline (tokenize.ts): short English and Chinese lists of function words
// that carry no topic or sentiment. Negators (not, 不, 没) are NOT here: the pipeline keeps them as scope.

/** English function words (a trimmed version of the common SMART/NLTK lists). */
export const EN_STOP: ReadonlySet<string> = new Set(
	(
		'a about above after again against all am an and any are as at be because been before being below ' +
		'between both but by can could did do does doing down during each few for from further had has have ' +
		'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
		'my myself of off on once only or other our ours ourselves out over own same she should so some such ' +
		'than that the their theirs them themselves then there these they this those through to too under until ' +
		'up very was we were what when where which while who whom why will with would you your yours yourself ' +
		'yourselves im ive id youre dont doesnt didnt isnt wasnt arent amp rt via also get got one us would ' +
		'u s t m re ve ll d thats theyre weve youve hes shes theres whats lets'
	).split(' '),
);

/**
 * Chinese reporting verbs ("said", "stated", "disclosed", "pointed out", "it is learned"): words that
 * introduce what someone said, never a topic. Exported for the tests.
 */
export const ZH_REPORTING_VERBS: readonly string[] =
	'表示 称 声称 宣称 透露 指出 据悉 据 强调 提到 坦言 直言 告诉'.split(' ');

/**
 * Chinese time adverbs and filler verbs ("today", "recently", "through", "carry out", "netizens"): in
 * every kind of post, never a topic (walk16: 今天 among the top topics of weibo_cctv_2020, 近日 and 通过
 * "rising"). Exported for the tests.
 */
export const ZH_FILLER_WORDS: readonly string[] =
	'今天 今日 昨天 昨日 明天 近日 日前 目前 现在 当天 此前 近期 最近 刚刚 通过 进行 网友'.split(' ');

/** Chinese function words and particles (from the common 哈工大/百度 stop lists, trimmed). */
export const ZH_STOP: ReadonlySet<string> = new Set(
	(
		'的 了 是 我 你 他 她 它 们 我们 你们 他们 这 那 这个 那个 这件 那件 就 都 也 还 又 和 与 及 或 而 但 但是 ' +
		'在 有 给 把 被 让 对 从 向 到 为 为了 以 于 之 其 啊 吧 呢 吗 嘛 哦 呀 哈 啦 么 着 过 得 地 个 件 条 ' +
		'一 一个 一下 一点 一些 些 很 太 挺 比较 非常 特别 真的 真 就是 还是 然后 因为 所以 如果 虽然 可以 可能 ' +
		'已经 自己 什么 怎么 这样 那样 这么 那么 还有 只是 而且 不过 哈哈 哈哈哈 呵呵 嗯 等 等等 收到 东西 宝贝 ' +
		'买 穿 上 下 里 中 后 前 时候 时 次 说 看 会 能 要 想 去 来 做 用 转发 微博 视频 网页 链接 全文 展开 展开全文 收起 的微博视频 ' +
		// Reporting verbs ("X 表示 …", "据悉"): news-style posts use them in every other sentence, so on
		// Weibo they came out as hot topics (表示 in 558 of 7,951 posts of weibo_cctv_2020) while saying
		// nothing about what is talked about.
		ZH_REPORTING_VERBS.join(' ') +
		' ' +
		ZH_FILLER_WORDS.join(' ')
	).split(' '),
);
