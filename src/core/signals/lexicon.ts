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

/** Space-separated word lists joined. */
function w(...lists: string[]): string[] {
	return lists.join(' ').split(' ');
}

/** Words that mark each aspect (zh: also in the jieba user dictionary, src/core/text/engines.ts). */
export const ASPECT_WORDS: Record<Aspect, readonly string[]> = {
	size: w(
		'size sizes sizing fit fits fitting small large petite tight loose length long short',
		'尺码 码数 码子 码 大小 尺寸 号 号码 偏大 偏小 正码 标准码 大一码 小一码 大一号 小一号 合身 长短 肥瘦',
		'偏长 偏短 偏瘦 偏肥 太大 太小 太长 太短 大 小 长 买大 买小 宽大 紧身 勒 腰围 胸围 肩宽 衣长 裤长 袖长 身高 体重 斤',
	),
	quality: w('quality', '质量 品质 做工好 质感 耐穿 结实 瑕疵'),
	colour: w(
		'color colour colors colours shade',
		'颜色 色差 掉色 褪色 色 颜色分类 色泽 配色 色彩 染色 串色 黑色 白色 红色 蓝色 灰色 粉色 绿色 黄色 紫色 卡其 藏青 墨绿 米色 驼色',
	),
	price: w(
		'price priced expensive cheap value worth sale',
		'价格 价钱 便宜 贵 实惠 划算 性价比 价位 物美价廉 物超所值 值 优惠 打折 折扣 降价 差价 保价 活动价 价 超值 优惠券 钱',
	),
	delivery: w(
		'shipping delivery shipped arrived package',
		'物流 快递 发货 送货 包装 到货 速度 配送 快递员 顺丰 中通 圆通 申通 韵达 邮政 包裹 送达 发货速度',
	),
	fabric: w(
		'fabric material cotton linen wool polyester silk knit',
		'面料 布料 材质 棉 纯棉 料子 手感 起球 透气 布 质地 厚 薄 厚实 厚度 厚薄 软 柔软 软和 硬 扎 扎人',
		'轻薄 厚重 跑毛 毛 掉毛 弹力 弹性 羊毛 羊绒 涤纶 针织 加绒 绒 透 透肉 起皱 缩水 褶皱 皱',
	),
	workmanship: w(
		'stitching seam seams hem zipper button',
		'做工 线头 走线 拉链 扣子 开线 车线 针脚 缝线 脱线 纽扣 扣 内衬 里衬 里子 缝',
	),
	service: w(
		'service seller customer',
		'客服 卖家 服务 态度 售后 店家 掌柜 商家 小二 退换 换货 退款 发错 回复',
	),
	style: w(
		'style design look looks cut pattern',
		'款式 版型 样式 设计 上身 效果 好看 显瘦 显高 显胖 漂亮 时尚 百搭 洋气 大方 简约 修身 宽松 图案 印花',
		'丑 难看 土气 外观 风格 领子 领口 袖子 款 设计感 搭配 好搭配 帅 帅气 可爱 气质 有型 潮',
	),
};

/** Aspect of a word, or undefined. */
const ASPECT_OF = new Map<string, Aspect>();
for (const [a, words] of Object.entries(ASPECT_WORDS) as [Aspect, readonly string[]][])
	for (const w of words) if (!ASPECT_OF.has(w)) ASPECT_OF.set(w, a);

/** The aspect a term names (NOT_ prefix ignored). */
export function aspectOf(term: string): Aspect | undefined {
	return ASPECT_OF.get(term.startsWith('NOT_') ? term.slice(4) : term);
}
