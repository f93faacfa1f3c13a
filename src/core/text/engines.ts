// Adapters from the NLP libraries to the pipeline's injected engines (tokenize.ts): jieba-wasm
// (Chinese segmentation with a fashion user dictionary) and wink-nlp (English lemmas, negation flags,
// token types). The libraries are loaded by the host (workers/data/nlp-web.ts in the browser,
// src/cli/nlp-node.ts in Node) and passed in, so core never decides how WASM is fetched.
import { ASPECT_WORDS } from '../signals/lexicon';
import type { EnToken, EnTokenizer, ZhSegmenter } from './tokenize';

/**
 * Shop words jieba's default dictionary splits wrongly or too finely (measured: 双十一 → 双十/一买,
 * 尺码 and 连衣裙 only survive in context), each with a high frequency so the user dictionary wins.
 */
export const FASHION_WORDS: readonly string[] = (
	'连衣裙 半身裙 百褶裙 尺码 码数 偏大 偏小 正码 双十一 双11 双十二 618 性价比 面料 布料 起球 掉色 褪色 ' +
	'色差 显瘦 显胖 显高 做工 线头 质感 手感 版型 上身 物流 快递 发货 客服 卖家 好评 差评 退货 换货 ' +
	'羽绒服 卫衣 毛衣 针织衫 打底衫 打底裤 牛仔裤 阔腿裤 休闲裤 运动裤 衬衫 衬衣 T恤 外套 风衣 大衣 ' +
	'西装 夹克 马甲 背心 吊带 内衣 文胸 袜子 帽子 围巾 运动鞋 高跟鞋 帆布鞋 小白鞋 真维斯 优衣库 ' +
	'偏长 偏短 偏瘦 偏肥 掉毛 异味 味道 透气 保暖 舒服 舒适 弹力 修身 宽松 oversize'
).split(' ');

/** The Chinese aspect words of two or more characters (尺码, 码数, 性价比, 快递员…): kept whole. */
export const ASPECT_DICTIONARY: readonly string[] = Object.values(ASPECT_WORDS)
	.flat()
	.filter((w) => /^\p{Script=Han}{2,}$/u.test(w));

/** The part of jieba-wasm the pipeline uses. */
export interface JiebaLike {
	cut(text: string, hmm?: boolean | null): string[];
	add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/** Frequency given to user-dictionary words (jieba's largest dictionary counts are ~10⁶). */
const USER_WORD_FREQ = 2_000_000;

/** A Chinese segmenter over jieba with the fashion words and the shop's own words added. */
export function jiebaSegmenter(jieba: JiebaLike, extraWords: readonly string[] = []): ZhSegmenter {
	for (const w of new Set([...FASHION_WORDS, ...ASPECT_DICTIONARY, ...extraWords]))
		jieba.add_word(w, USER_WORD_FREQ, 'n');
	return (text) => jieba.cut(text, true);
}

/** The part of a wink-nlp instance the pipeline uses. */
export interface WinkLike {
	readDoc(text: string): {
		tokens(): { out(f: unknown): unknown[] };
	};
	its: { lemma: unknown; negationFlag: unknown; type: unknown };
}

const WINK_KINDS = new Set(['word', 'number', 'emoji', 'hashtag', 'mention', 'url', 'punctuation']);

/** An English tokenizer over wink-nlp: lemmas, negation flags and token types. */
export function winkTokenizer(nlp: WinkLike): EnTokenizer {
	return (text) => {
		const tokens = nlp.readDoc(text).tokens();
		const lemmas = tokens.out(nlp.its.lemma) as string[];
		const neg = tokens.out(nlp.its.negationFlag) as boolean[];
		const types = tokens.out(nlp.its.type) as string[];
		return lemmas.map((lemma, i): EnToken => ({
			lemma: String(lemma ?? '').toLowerCase(),
			negated: neg[i] === true,
			kind: (WINK_KINDS.has(types[i]) ? types[i] : 'other') as EnToken['kind'],
		}));
	};
}
