// Social-posts schema: time, text, hashtags, likes/shares/comments, author and an optional product tag,
// from CSV/JSON exports of Weibo, X/Twitter, Instagram or Xiaohongshu tools (en + zh headers). Hashtags
// missing from the file are taken from the text (#话题# and #tag). Pure; see records.ts.
import { extractHashtags } from '../../text/tokenize';
import { readRecords, type RoleSpec } from './records';
import type { RawTable, SchemaResult } from './table';

/** One post. */
export interface PostRecord {
	row: number;
	/** Epoch ms (wall-clock time of the export). */
	ts: number;
	text: string;
	hashtags: string[];
	likes: number;
	shares: number;
	comments: number;
	author: string;
	product: string;
}

/** Roles of a posts file. */
export const POST_ROLES = {
	ts: {
		synonyms: [
			'created_at',
			'time',
			'date',
			'timestamp',
			'posted',
			'published',
			'datetime',
			'发布时间',
			'时间',
			'日期',
			'发帖时间',
			'创建时间',
		],
		type: 'date',
		required: true,
	},
	text: {
		synonyms: [
			'text',
			'content',
			'post',
			'tweet',
			'message',
			'caption',
			'body',
			'正文',
			'内容',
			'微博内容',
			'博文',
			'文本',
			'笔记内容',
		],
		type: 'text',
		required: true,
	},
	hashtags: {
		synonyms: ['hashtags', 'tags', 'topics', 'hashtag', '话题', '标签', '热门话题'],
		type: 'text',
	},
	likes: {
		synonyms: [
			'likes',
			'like_count',
			'favorites',
			'favourites',
			'hearts',
			'点赞',
			'点赞数',
			'赞',
			'喜欢',
		],
		type: 'count',
	},
	shares: {
		synonyms: [
			'retweets',
			'shares',
			'reposts',
			'retweet_count',
			'share_count',
			'转发',
			'转发数',
			'分享',
		],
		type: 'count',
	},
	comments: {
		synonyms: ['replies', 'comments', 'reply_count', 'comment_count', '评论', '评论数'],
		type: 'count',
	},
	author: {
		synonyms: [
			'author_id',
			'author',
			'user',
			'username',
			'user_id',
			'screen_name',
			'作者',
			'用户',
			'用户名',
			'博主',
			'昵称',
		],
		type: 'text',
	},
	product: {
		synonyms: [
			'product',
			'product_id',
			'sku',
			'brand_query',
			'brand',
			'item',
			'商品',
			'商品编号',
			'品牌',
			'款号',
		],
		type: 'text',
	},
} satisfies Record<string, RoleSpec>;

/** Posts of a table; hashtags from the column (space/comma separated) or else from the text. */
export function readPosts(
	table: RawTable,
	override: Partial<Record<keyof typeof POST_ROLES, string>> = {},
): SchemaResult<PostRecord> {
	const res = readRecords('posts', POST_ROLES, table, override);
	const records = res.records.map((r): PostRecord => {
		const text = String(r.text);
		const tagCell = r.hashtags === null ? '' : String(r.hashtags);
		const fromCell = tagCell
			.split(/[\s,，;；]+/)
			.map((t) => t.replace(/^#|#$/g, '').trim().toLowerCase())
			.filter((t) => t !== '');
		return {
			row: r.row,
			ts: Number(r.ts),
			text,
			hashtags: fromCell.length > 0 ? [...new Set(fromCell)] : extractHashtags(text),
			likes: Number(r.likes ?? 0),
			shares: Number(r.shares ?? 0),
			comments: Number(r.comments ?? 0),
			author: r.author === null ? '' : String(r.author),
			product: r.product === null ? '' : String(r.product),
		};
	});
	return { records, issues: res.issues, mapping: res.mapping };
}
