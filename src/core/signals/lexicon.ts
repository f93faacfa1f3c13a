// Sentiment and aspect lexicons for shop reviews and posts, Chinese and English. The sentiment words
// are the lexicon baseline of sentiment.ts (the classifiers learn their own weights); the aspect words
// say which part of a product a clause talks about (尺码/size, 质量/quality, 颜色/colour, 物流/delivery,
// 价格/price, 面料/fabric, 做工/workmanship, 客服/service). Hand-made from the common HowNet/NTUSD-style
// lists, trimmed to clothing.

/** Positive words (zh jieba words + en lemmas). */
export const POSITIVE_WORDS: ReadonlySet<string> = new Set(
	(
		'好 好看 漂亮 喜欢 满意 不错 舒服 舒适 合适 合身 正好 值得 划算 实惠 便宜 精致 柔软 显瘦 修身 保暖 ' +
		'透气 推荐 好评 赞 棒 完美 清晰 结实 厚实 很快 快 及时 耐心 热情 正品 大方 时尚 百搭 有型 舒适度 ' +
		'质量好 挺好 很好 超好 不错不错 物美价廉 性价比高 五星 满分 好穿 给力 惊喜 ' +
		'love good great perfect beautiful gorgeous comfortable comfy soft flattering cute pretty nice ' +
		'lovely favorite favourite recommend happy excellent amazing fantastic wonderful stunning elegant ' +
		'fit fits flatter versatile well quality worth bargain fast quick classy chic fun awesome best'
	).split(' '),
);

/** Negative words (zh + en). */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(
	(
		'差 差劲 难看 失望 后悔 垃圾 退货 退款 起球 掉色 褪色 色差 线头 异味 味道 臭 薄 透 粗糙 破 破洞 ' +
		'开线 掉毛 起皱 偏大 偏小 太大 太小 太短 太长 不合适 不满意 不好 不值 贵 慢 很慢 假货 坑 骗 ' +
		'差评 烂 变形 缩水 扎 扎人 不舒服 闷 质量差 一般 凑合 勉强 ' +
		'bad poor disappoint disappointed disappointing return returned returning cheap cheaply ugly ' +
		'awful terrible horrible itchy scratchy thin tight loose small large huge boxy unflattering ' +
		'worst waste wrong weird odd sheer see-through shrink shrank unravel hole ripped broke rough ' +
		'stiff uncomfortable sad unfortunately frumpy overpriced'
	).split(' '),
);

/** Aspect codes (message codes in the UI: market_aspect_<code>). */
export type Aspect =
	| 'size'
	| 'quality'
	| 'colour'
	| 'price'
	| 'delivery'
	| 'fabric'
	| 'workmanship'
	| 'service'
	| 'style';

/** Words that mark each aspect. */
export const ASPECT_WORDS: Record<Aspect, readonly string[]> = {
	size: 'size sizes sizing fit fits fitting small large petite tight loose length long short 尺码 码数 码 大小 偏大 偏小 正码 合身 长短 肥瘦 尺寸'.split(
		' ',
	),
	quality: 'quality 质量 品质 做工好 质感'.split(' '),
	colour: 'color colour colors colours shade 颜色 色差 掉色 褪色 色 颜色分类'.split(' '),
	price:
		'price priced expensive cheap value worth sale 价格 价钱 便宜 贵 实惠 划算 性价比 价位'.split(
			' ',
		),
	delivery: 'shipping delivery shipped arrived package 物流 快递 发货 送货 包装 到货 速度'.split(
		' ',
	),
	fabric:
		'fabric material cotton linen wool polyester silk knit 面料 布料 材质 棉 纯棉 料子 手感 起球 透气'.split(
			' ',
		),
	workmanship: 'stitching seam seams hem zipper button 做工 线头 走线 拉链 扣子 开线'.split(' '),
	service: 'service seller customer 客服 卖家 服务 态度 售后'.split(' '),
	style: 'style design look looks cut pattern 款式 版型 样式 设计 上身 效果 好看 显瘦'.split(' '),
};

/** Aspect of a word, or undefined. */
const ASPECT_OF = new Map<string, Aspect>();
for (const [a, words] of Object.entries(ASPECT_WORDS) as [Aspect, readonly string[]][])
	for (const w of words) if (!ASPECT_OF.has(w)) ASPECT_OF.set(w, a);

/** The aspect a term names (NOT_ prefix ignored). */
export function aspectOf(term: string): Aspect | undefined {
	return ASPECT_OF.get(term.startsWith('NOT_') ? term.slice(4) : term);
}
