// Reviews schema: product, rating (or a label, or none), text (with an optional title) and date, from
// shop/marketplace exports in English or Chinese (Tmall, Taobao, Shopify apps, Kaggle-style files).
// Pure; see records.ts.
import { readRecords, type RoleSpec } from './records';
import type { RawTable, SchemaResult } from './table';

/** One review. */
export interface ReviewRecord {
	row: number;
	product: string;
	/** Star rating (1–5 usually); null when the file has none. */
	rating: number | null;
	/** A label column (recommended 0/1, positive/negative, deceptive/truthful); '' when none. */
	label: string;
	/** Title and text joined. */
	text: string;
	/** Epoch ms; null without a date column. */
	ts: number | null;
	/** Variant (colour/size) when given. */
	variant: string;
	/** Reviewer (nickname or id) when given; '' otherwise. */
	author: string;
	/** Reviewer's age when given (personas); null otherwise. */
	age: number | null;
}

/** Roles of a reviews file. */
export const REVIEW_ROLES = {
	text: {
		synonyms: [
			'review text',
			'review',
			'text',
			'content',
			'comment',
			'body',
			'评论',
			'评价',
			'评论内容',
			'评价内容',
			'内容',
			'文本',
		],
		type: 'text',
		required: true,
	},
	title: { synonyms: ['title', 'summary', 'headline', '标题'], type: 'text' },
	product: {
		synonyms: [
			'clothing id',
			'product',
			'product_id',
			'item_id',
			'item',
			'sku_id',
			'asin',
			'商品',
			'商品id',
			'商品编号',
			'宝贝',
			'款号',
			// Taobao / Tmall review exports name the listing by its title
			'宝贝标题',
			'宝贝名称',
			'商品名称',
			'商品标题',
			'商品名',
		],
		type: 'text',
	},
	rating: {
		synonyms: ['rating', 'stars', 'score', 'star rating', '评分', '星级', '打分'],
		type: 'optionalNumber',
	},
	label: {
		synonyms: [
			'label',
			'sentiment',
			'recommended ind',
			'recommended',
			'deceptive',
			'class',
			'polarity',
			'标签',
			'情感',
			'类别',
		],
		type: 'text',
	},
	ts: {
		synonyms: ['date', 'time', 'created_at', 'review date', '日期', '时间', '评论时间', '评价时间'],
		type: 'date',
	},
	variant: {
		synonyms: ['sku', 'variant', 'size', 'color', '颜色分类', '规格', '尺码', '颜色'],
		type: 'text',
	},
	author: {
		synonyms: [
			'author',
			'user_nick',
			'reviewer',
			'username',
			'user name',
			'nickname',
			'user',
			'用户',
			'用户名',
			'昵称',
			'买家',
			'会员名',
			'买家会员名',
			'买家昵称',
			'评价人',
		],
		type: 'text',
	},
	age: { synonyms: ['age', 'customer age', 'reviewer age', '年龄'], type: 'optionalNumber' },
} satisfies Record<string, RoleSpec>;

/** Headers accepted for the age role (containment would also catch "message" or "page"). */
const AGE_HEADERS = new Set(['age', 'customer age', 'reviewer age', '年龄']);

/** Reviews of a table. */
export function readReviews(
	table: RawTable,
	override: Partial<Record<keyof typeof REVIEW_ROLES, string>> = {},
): SchemaResult<ReviewRecord> {
	const res = readRecords('reviews', REVIEW_ROLES, table, override);
	const ageCol = res.mapping.age;
	const ageOk =
		ageCol !== undefined &&
		(override.age === ageCol || AGE_HEADERS.has(ageCol.trim().toLowerCase()));
	if (ageCol !== undefined && !ageOk) {
		delete res.mapping.age;
		res.issues = res.issues.filter((i) => i.column !== ageCol);
	}
	// A rating column found by containment (e.g. Tmall's "attr_worth_score", 60–80) that holds values
	// above 10 is not a star rating: leave ratings out rather than call every review positive.
	const ratingCol = res.mapping.rating;
	let ratingOk = true;
	if (ratingCol !== undefined && override.rating !== ratingCol) {
		const exact = REVIEW_ROLES.rating.synonyms.includes(ratingCol.trim().toLowerCase());
		const max = res.records.reduce(
			(m, r) =>
				r.rating !== null && Number.isFinite(Number(r.rating)) ? Math.max(m, Number(r.rating)) : m,
			-Infinity,
		);
		if (!exact && max > 10) {
			ratingOk = false;
			delete res.mapping.rating;
			res.issues = res.issues.filter((i) => i.column !== ratingCol);
		}
	}
	return {
		records: res.records.map((r) => ({
			row: r.row,
			product: r.product === null ? '' : String(r.product),
			rating: !ratingOk || r.rating === null ? null : Number(r.rating),
			label: r.label === null ? '' : String(r.label),
			text: [r.title, r.text].filter((x) => x !== null && x !== '').join('. '),
			ts: r.ts === null ? null : Number(r.ts),
			variant: r.variant === null ? '' : String(r.variant),
			author: r.author === null ? '' : String(r.author),
			age: ageOk && r.age !== null && Number.isFinite(Number(r.age)) ? Number(r.age) : null,
		})),
		issues: res.issues,
		mapping: res.mapping,
	};
}
