// Which posts are news, not customer voice. Review aspects (fit, size, fabric, price …) are what buyers say
// about goods: a news account's "价格" (prices of pork) or "质量" (quality of air) is not a complaint about
// a product. A posts file has no "type" column, so each post is typed from its text and its author:
//  - a post with a news byline or dateline (央视新闻, 新华社, 记者, 据…报道, 通报, "BREAKING", "via Reuters")
//    is news on its own;
//  - a headline in 【…】 at the start is how Weibo news accounts write (98 % of the CCTV file's posts), but a
//    shopper may title a post 【穿搭分享】 too: it makes a post news only when most posts of the same author
//    (or of the whole file, when it names no authors) are written that way — a news feed.
// Pure; the market worker drops news posts' aspects from the personas and says how many.

const BYLINE_ZH =
	/(央视新闻|新华社|人民日报|中新网|澎湃新闻|总台记者|记者[^，。]{0,8}(获悉|了解到|报道|采访)|据[^，。]{0,16}(报道|消息|通报)|(官方|紧急)?通报|新闻发布会|快讯|新闻联播)/;
// capitals only: "Update on my ASOS saga" is a customer's
const FLASH_EN = /^\s*(BREAKING|JUST IN|DEVELOPING)\b/;
const BYLINE_EN =
	/\b(according to|via|reported by) @?(Reuters|AP|AFP|BBC|CNN|Bloomberg|WWD|BoF|voguemagazine)\b|\bpress release\b/i;
const HEADLINE = /^\s*(#[^#\n]{1,60}#\s*)?【[^】\n]{2,80}】/;

/** A news byline or dateline in the text: news whoever wrote it. */
export function hasNewsByline(text: string): boolean {
	return BYLINE_ZH.test(text) || FLASH_EN.test(text) || BYLINE_EN.test(text);
}

/** Opens with a headline in 【…】 (after an optional #topic#). */
export function hasHeadline(text: string): boolean {
	return HEADLINE.test(text);
}

/** Share of an author's posts written as news at or above which all of them count as news. */
export const NEWS_FEED_SHARE = 0.5;
/** Fewest posts of an author (or file) to call it a news feed. */
export const NEWS_FEED_MIN_POSTS = 3;

/**
 * Flags each post as news (true) or customer voice (false). `author` '' means unknown: those posts are
 * judged together as one feed (the file).
 */
export function newsPosts(posts: readonly { text: string; author: string }[]): boolean[] {
	const feeds = new Map<string, { n: number; news: number }>();
	const own = posts.map((p) => hasNewsByline(p.text) || hasHeadline(p.text));
	posts.forEach((p, i) => {
		const f = feeds.get(p.author) ?? { n: 0, news: 0 };
		f.n++;
		if (own[i]) f.news++;
		feeds.set(p.author, f);
	});
	return posts.map((p) => {
		if (hasNewsByline(p.text)) return true;
		const f = feeds.get(p.author)!;
		return f.n >= NEWS_FEED_MIN_POSTS && f.news / f.n >= NEWS_FEED_SHARE;
	});
}
