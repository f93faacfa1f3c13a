// Text pipeline for Chinese and English shop text (posts, reviews, product titles): language guess,
// hashtags (#话题# Weibo style and #tag), mentions, URLs, emoji, stop words, negation, and terms for the
// models. Word segmentation and lemmas come from an injected `NlpEngines` (jieba-wasm with a user
// dictionary and wink-nlp in the workers and the CLIs, see src/core/text/engines.ts); without them
// simple fallbacks run (character bigrams for Chinese, a suffix stripper for English), so every
// function here stays pure and testable. Used by sentiment, topics and new-product matching.
import { EN_STOP, ZH_STOP } from './stopwords';

/** Segments Chinese text into words (jieba `cut`). */
export type ZhSegmenter = (text: string) => string[];

/** An English token with its lemma and whether a negation ("not", "n't", "never") scopes it. */
export interface EnToken {
	lemma: string;
	negated: boolean;
	kind: 'word' | 'number' | 'emoji' | 'hashtag' | 'mention' | 'url' | 'punctuation' | 'other';
}

/** English tokenizer + lemmatizer (wink-nlp). */
export type EnTokenizer = (text: string) => EnToken[];

/** The segmenters the pipeline uses; absent members fall back to the pure ones below. */
export interface NlpEngines {
	zh?: ZhSegmenter;
	en?: EnTokenizer;
}

/** What the pipeline found in one text. */
export interface Analyzed {
	lang: 'zh' | 'en';
	/** Content words (lower-case, lemmatised, stop words removed); a negated word is prefixed "NOT_". */
	terms: string[];
	hashtags: string[];
	emoji: string[];
	mentions: number;
}

const HAN_RE = /\p{Script=Han}/gu;
const LATIN_RE = /[A-Za-z]/g;
/** Weibo topics #话题# (no spaces inside, closed by a second #). */
const WEIBO_TAG_RE = /#([^#\s][^#\n]{0,40}?)#/gu;
/** Twitter-style #tag (letters, digits, underscore, CJK). */
const TAG_RE = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]{1,60})/gu;
const URL_RE = /https?:\/\/\S+|www\.\S+/gi;
const MENTION_RE = /@[\p{L}\p{N}_\-·]{1,40}/gu;
const EMOJI_RE =
	/\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/gu;
const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\ufeff]/g;

/** 'zh' when Han characters outnumber a third of the Latin letters, else 'en'. */
export function detectLang(text: string): 'zh' | 'en' {
	const han = text.match(HAN_RE)?.length ?? 0;
	const latin = text.match(LATIN_RE)?.length ?? 0;
	return han > 0 && han * 3 >= latin ? 'zh' : 'en';
}

/** Hashtags of a text: Weibo #话题# first, then #tag; lower-cased for Latin, de-duplicated. */
export function extractHashtags(text: string): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const add = (t: string) => {
		const k = t.trim().toLowerCase();
		if (k !== '' && !seen.has(k)) {
			seen.add(k);
			out.push(k);
		}
	};
	let rest = text.replace(URL_RE, ' ');
	rest = rest.replace(WEIBO_TAG_RE, (_m, t: string) => {
		// "#a# #b#" is two Weibo topics; "#sale #new" (spaces inside) is two Twitter tags, handled below.
		if (/\s/.test(t)) return _m;
		add(t);
		return ' ';
	});
	for (const m of rest.matchAll(TAG_RE)) add(m[1]);
	return out;
}

/** Emoji sequences in order of appearance. */
export function extractEmoji(text: string): string[] {
	return text.match(EMOJI_RE) ?? [];
}

/** Text without URLs, mentions, hashtags markers and zero-width characters (hashtag words stay). */
export function cleanText(text: string): string {
	return text
		.replace(ZERO_WIDTH_RE, '')
		.replace(URL_RE, ' ')
		.replace(MENTION_RE, ' ')
		.replace(/&amp;/g, '&')
		.replace(/#/g, ' ');
}

const ZH_NEGATORS = new Set([
	'不',
	'没',
	'没有',
	'无',
	'别',
	'未',
	'不是',
	'不太',
	'不够',
	'毫无',
	'并不',
]);
const EN_NEGATORS = new Set(['not', 'no', 'never', "n't", 'nothing', 'nor', 'without', 'hardly']);
const ZH_DEGREE = ['非常', '特别', '比较', '很', '太', '超', '挺', '好', '真', '蛮', '最', '更'];
const ZH_NEG_PREFIX = ['没有', '不是', '不太', '不够', '不', '没', '无', '未'];
/** Lexicalised words that start with a negator or degree adverb but mean something else (不错 = good). */
const ZH_KEEP = new Set([
	'不错',
	'不过',
	'不少',
	'不断',
	'不同',
	'不用',
	'不行',
	'不值',
	'无论',
	'未来',
	'好看',
	'好评',
	'好穿',
	'最后',
	'更新',
	'很快',
	'超好',
	'太大',
	'太小',
	'太短',
	'太长',
	'真的',
	'好的',
]);

/**
 * jieba keeps 不好 / 很漂亮 / 没有弹力 as one word: split a leading negator (→ negated) or degree adverb
 * (dropped) when what follows is a word of its own (two characters or more, or a one-character adjective).
 */
export function splitZhWord(w: string): { word: string; negated: boolean } {
	if (ZH_KEEP.has(w) || w.length < 2) return { word: w, negated: false };
	for (const p of ZH_NEG_PREFIX)
		if (w.startsWith(p) && w.length > p.length) {
			const rest = w.slice(p.length);
			return { word: splitZhWord(rest).word, negated: true };
		}
	for (const p of ZH_DEGREE)
		if (w.startsWith(p) && w.length > p.length && w.length - p.length >= 1)
			return splitZhWord(w.slice(p.length));
	return { word: w, negated: false };
}

/** Words a Chinese negation scopes over at most (jieba words). */
const ZH_NEG_WINDOW = 2;

/** Pure fallback for Chinese: runs of Han characters as overlapping bigrams, Latin words whole. */
export function bigramSegment(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/\p{Script=Han}+|[A-Za-z0-9]+/gu)) {
		const run = m[0];
		if (!/\p{Script=Han}/u.test(run)) {
			out.push(run.toLowerCase());
			continue;
		}
		const chars = [...run];
		if (chars.length === 1) out.push(run);
		for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
	}
	return out;
}

/** Pure fallback for English: words, a light suffix stripper, "n't" split, negation scope to the next punctuation. */
export function simpleEnTokens(text: string): EnToken[] {
	const out: EnToken[] = [];
	let negScope = 0;
	for (const m of text.matchAll(/[A-Za-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?|[.,!?;:]/g)) {
		let w = m[0].toLowerCase();
		if (/^[.,!?;:]$/.test(w)) {
			negScope = 0;
			out.push({ lemma: w, negated: false, kind: 'punctuation' });
			continue;
		}
		if (/^\d/.test(w)) {
			out.push({ lemma: w, negated: false, kind: 'number' });
			continue;
		}
		let neg = false;
		if (w.endsWith("n't")) {
			w = w === "won't" ? 'will' : w === "can't" ? 'can' : w.slice(0, -3);
			neg = true;
		}
		out.push({ lemma: stem(w), negated: negScope > 0, kind: 'word' });
		if (negScope > 0) negScope--;
		if (neg || EN_NEGATORS.has(w)) {
			if (neg) out.push({ lemma: 'not', negated: false, kind: 'word' });
			negScope = 3;
		}
	}
	return out;
}

/** A very small English lemmatiser for the fallback (plural and -ing/-ed endings). */
function stem(w: string): string {
	if (w.length <= 3) return w;
	if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
	if (/(ss|us|is)$/.test(w)) return w;
	if (/(ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
	if (/s$/.test(w)) return w.slice(0, -1);
	return w;
}

/** Runs the whole pipeline on one text. */
export function analyzeText(text: string, engines: NlpEngines = {}): Analyzed {
	const hashtags = extractHashtags(text);
	const emoji = extractEmoji(text);
	const mentions = text.match(MENTION_RE)?.length ?? 0;
	const clean = cleanText(text);
	const lang = detectLang(clean);
	const terms: string[] = [];
	if (lang === 'zh') {
		const words = (engines.zh ?? bigramSegment)(clean);
		let scope = 0;
		for (const raw of words) {
			const w = raw.trim().toLowerCase();
			if (w === '') continue;
			if (/^[\p{P}\p{S}\s]+$/u.test(w)) {
				scope = 0;
				continue;
			}
			if (ZH_NEGATORS.has(w)) {
				scope = ZH_NEG_WINDOW;
				continue;
			}
			if (ZH_STOP.has(w) || /^\d+$/.test(w)) continue;
			const split = splitZhWord(w);
			if (split.negated) {
				terms.push(`NOT_${split.word}`);
				continue;
			}
			terms.push(scope > 0 ? `NOT_${split.word}` : split.word);
			if (scope > 0) scope--;
		}
	} else {
		for (const t of (engines.en ?? simpleEnTokens)(clean)) {
			if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
			// clitics ('s, ’m, 're) carry no topic; "i’m", "it's" → "im", "its" (stop words)
			const w = t.lemma.replace(/^#/, '').replace(/[’‘`]/g, "'");
			if (w.startsWith("'")) continue;
			const bare = w.replace(/'/g, '');
			if (bare.length < 2 || EN_STOP.has(bare) || EN_NEGATORS.has(w) || EN_NEGATORS.has(bare))
				continue;
			terms.push(t.negated ? `NOT_${bare}` : bare);
		}
	}
	return { lang, terms, hashtags, emoji, mentions };
}

/** Word n-grams (1..n) of a term list, joined by a space. */
export function ngrams(terms: readonly string[], n: number): string[] {
	const out = [...terms];
	for (let k = 2; k <= n; k++)
		for (let i = 0; i + k <= terms.length; i++) out.push(terms.slice(i, i + k).join(' '));
	return out;
}
