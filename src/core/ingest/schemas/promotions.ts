// Promotions schema (issue #11): which product or category was on promotion, from when to when, at
// what discount; en + zh headers. A row needs a product or a category and a start; a missing end means
// a one-day promotion; an end before its start and a row with neither product nor category are
// reported by file, row and column. Discounts are shares (20 %, "20%", 0.2 → 0.2). Pure; see records.ts.
import { parseNumber } from '../parse';
import { readRecords, type RoleSpec } from './records';
import { IssueCounter, issueAt, type RawTable, type SchemaResult } from './table';

/** One promotion: a product or a whole category, inclusive UTC days [start, end]. */
export interface PromotionRecord {
	row: number;
	product: string | null;
	category: string | null;
	/** Epoch ms of the first and last day. */
	start: number;
	end: number;
	/** Share off the price in [0, 1); null when not given. */
	discount: number | null;
}

export const PROMOTION_ROLES = {
	product: {
		synonyms: [
			'product_id',
			'product',
			'sku',
			'item',
			'stockcode',
			'商品编号',
			'商品',
			'货号',
			'款号',
		],
		type: 'text',
	},
	category: {
		synonyms: ['category', 'product_type', 'department', 'dept', '类目', '品类', '分类', '类别'],
		type: 'text',
	},
	start: {
		synonyms: [
			'start',
			'start_date',
			'from',
			'begin',
			'promo_start',
			'开始日期',
			'开始时间',
			'开始',
		],
		type: 'date',
		required: true,
	},
	end: {
		synonyms: ['end', 'end_date', 'to', 'until', 'promo_end', '结束日期', '结束时间', '结束'],
		type: 'date',
	},
	discount: {
		synonyms: [
			'discount',
			'discount_rate',
			'markdown',
			'percent_off',
			'off',
			'折扣',
			'优惠',
			'折扣率',
		],
		// read below: "20%" as well as 20, 0.2 and "8折" (80 % of the price)
		type: 'text',
	},
} satisfies Record<string, RoleSpec>;

const DAY_MS = 86_400_000;

/** Promotions of a table. */
export function readPromotions(
	table: RawTable,
	override: Partial<Record<keyof typeof PROMOTION_ROLES, string>> = {},
): SchemaResult<PromotionRecord> {
	const res = readRecords('promotions', PROMOTION_ROLES, table, override);
	const counter = new IssueCounter();
	const records: PromotionRecord[] = [];
	for (const r of res.records) {
		const product = r.product === null ? null : String(r.product);
		const category = r.category === null ? null : String(r.category);
		if (product === null && category === null) {
			counter.add(
				issueAt(
					'warning',
					'promotions-no-target',
					table.fileName,
					`Row ${r.row} of ${table.fileName}: no product and no category, so it is not known what was on promotion; the row was skipped.`,
					r.row,
				),
			);
			continue;
		}
		const start = Math.floor(Number(r.start) / DAY_MS) * DAY_MS;
		const end = r.end === null ? start : Math.floor(Number(r.end) / DAY_MS) * DAY_MS;
		if (end < start) {
			counter.add(
				issueAt(
					'warning',
					'promotions-end-before-start',
					table.fileName,
					`Row ${r.row} of ${table.fileName}, column "${res.mapping.end}": the end is before the start; the row was skipped.`,
					r.row,
					res.mapping.end,
				),
			);
			continue;
		}
		const text = r.discount === null ? '' : String(r.discount).trim();
		const pct = text.endsWith('%') || text.endsWith('％');
		// Chinese shops write the price paid: "8折" (80 % of the price, 20 % off), "8.5折", "85折"
		const zhe = /^(\d+(?:\.\d+)?)\s*折$/.exec(text);
		let discount =
			text === ''
				? null
				: zhe
					? zheOff(Number(zhe[1]))
					: parseNumber(pct ? text.slice(0, -1).trim() : text);
		if (text !== '' && discount === null) discount = NaN;
		if (discount !== null) {
			if (!zhe && (pct || discount > 1)) discount /= 100;
			if (!(discount >= 0 && discount < 1)) {
				counter.add(
					issueAt(
						'warning',
						'promotions-bad-discount',
						table.fileName,
						`Row ${r.row} of ${table.fileName}, column "${res.mapping.discount}": a discount must be between 0 and 100 %; left blank.`,
						r.row,
						res.mapping.discount,
					),
				);
				discount = null;
			}
		}
		records.push({ row: r.row, product, category, start, end, discount });
	}
	return { records, issues: [...res.issues, ...counter.list()], mapping: res.mapping };
}

/**
 * A product's promotion column over periods (history then horizon): the share of each period's days
 * on a promotion of the product or of its category. Used as the engine regressor 'promo', so
 * promotion periods do not inflate the baseline and the uplift is estimated (with its interval) like a
 * calendar event.
 */
export function promotionColumn(
	promos: readonly PromotionRecord[],
	product: string,
	category: string | null,
	starts: ArrayLike<number>,
	periodDays: (start: number) => number,
	future: ArrayLike<number>,
): { history: Float64Array; future: Float64Array } {
	const mine = promos.filter(
		(p) =>
			p.product === product || (p.product === null && category !== null && p.category === category),
	);
	const col = (s: ArrayLike<number>): Float64Array =>
		Float64Array.from(s, (t0) => {
			const len = periodDays(t0);
			const t1 = t0 + len * DAY_MS; // exclusive
			const days = new Set<number>();
			for (const p of mine)
				for (let d = Math.max(p.start, t0); d <= p.end && d < t1; d += DAY_MS) days.add(d);
			return days.size / len;
		});
	return { history: col(starts), future: col(future) };
}

/** The share off of a "折" discount: 8 → 0.2, 8.5 → 0.15, 85 → 0.15 (a price share in tenths or hundredths). */
function zheOff(x: number): number {
	const paid = x > 0 && x < 10 ? x / 10 : x >= 10 && x < 100 ? x / 100 : NaN;
	return Math.round((1 - paid) * 1e6) / 1e6;
}
