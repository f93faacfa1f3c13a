// Chinese clothing category words, for datasets without a category column whose product titles are
// Chinese (a Taobao/Tmall 宝贝标题 "2015冬季新款 加厚羽绒服女 中长款 款026"): the category is the garment
// named in the title (羽绒服), not the title's last word (款026, one "category" per product; walk16).

/** Garment words, longest first so that 连衣裙 wins over 裙 and 毛呢大衣 over 大衣. */
export const GARMENT_WORDS: readonly string[] = (
	'连衣裙 半身裙 百褶裙 背带裙 吊带裙 羽绒服 羽绒马甲 棉服 棉衣 卫衣 毛衣 羊毛衫 羊绒衫 针织衫 针织开衫 开衫 ' +
	'打底衫 打底裤 牛仔裤 阔腿裤 休闲裤 运动裤 西装裤 连体裤 背带裤 短裤 衬衫 衬衣 雪纺衫 T恤 外套 风衣 ' +
	'大衣 西装 夹克 皮衣 马甲 背心 吊带 睡衣 泳衣 旗袍 文胸 内衣 袜子 帽子 围巾 运动鞋 高跟鞋 帆布鞋 ' +
	'小白鞋 靴子 短裙 长裙 牛仔裙'
)
	.split(' ')
	.sort((a, b) => b.length - a.length || a.localeCompare(b));

/** A regular expression (RE2 and JS) matching the first garment word in a text. */
export const GARMENT_PATTERN = `(${GARMENT_WORDS.join('|')})`;
