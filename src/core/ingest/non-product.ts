// Lines of a sales export that are not products: postage, fees, manual adjustments, discounts, tips,
// gift cards, samples (UCI Online Retail's POST, DOT, M, BANK CHARGES, AMAZONFEE, C2, PADS, D, CRUK, S;
// Shopify's shipping / tip / gift-card / discount lines; 运费, 邮费, 优惠). Pure; the data worker
// summarises each product code and asks this module which ones to leave out of the products (by
// default; the owner can count them back in).
//
// Three rules, each needed on real files:
// 1. A fee code that cannot be a product (BANK CHARGES, AMAZONFEE, SHIPPING, 运费 …) whatever its description.
// 2. A description that is wholly a fee phrase ("POSTAGE", "Manual", "Discount", "CARRIAGE", "Tip",
//    "运费"), or that names a gift card/voucher anywhere ("Dotcomgiftshop Gift Voucher £10.00").
// 3. A code that is not product-like (no digit) whose lines look like fees: mostly quantity 1 with prices
//    all over the place (the price is the fee, not a list price), e.g. UCI's "M" Manual lines.
// A product code with letters only (SCARF, DCGSSGIRL "GIRLS PARTY BAG") is kept unless a rule says fee.

import type { NonProductReason } from './types';

export type { NonProductReason };

/** What the worker knows about one product code. */
export interface ProductCodeStats {
	productId: string;
	/** The most common description, or ''. */
	description: string;
	/** Sales lines. */
	lines: number;
	/** Median quantity of its lines. */
	medianQuantity: number;
	/** Coefficient of variation (sd / mean) of its unit prices; NaN without prices. */
	priceCv: number;
}

const FEE_CODES = new Set(
	[
		// Short codes such as UCI's POST, DOT, M, D, S, B, C2 are left to the description rule: in another
		// shop "S" or "B" may well be a product.
		'postage',
		'bank charges',
		'bankcharges',
		'amazonfee',
		'amazon fee',
		'carriage',
		'manual',
		'discount',
		'adjustment',
		'shipping',
		'delivery',
		'freight',
		'fee',
		'fees',
		'tip',
		'tips',
		'gratuity',
		'giftcard',
		'gift card',
		'gift-card',
		'coupon',
		'运费',
		'邮费',
		'快递费',
		'优惠',
		'折扣',
		'手续费',
		'运费险',
		'小费',
		'礼品卡',
	].map((s) => s.toLowerCase()),
);

/** Descriptions that are wholly a fee phrase (matched on the whole, trimmed, lower-cased text). */
const FEE_DESCRIPTION =
	/^(?:dotcom postage|postage|postage & packing|postage and packing|p&p|carriage|manual|bank charges?|amazon fee|discount|discounts|samples?|adjust bad debt|adjustment|cruk commission|pads to match all cushions|shipping(?: fee| cost| charge)?|delivery(?: fee| charge)?|standard shipping|express shipping|free shipping|tip|tips|gratuity|service fee|handling fee|transaction fee|gift card|gift wrap(?:ping)?|coupon|运费|邮费|快递费|运费险|包装费|手续费|优惠|优惠券|折扣|店铺优惠|小费|礼品卡|赠品)$/;
/**
 * WooCommerce writes its shipping and fee items as lines of an order export: "Shipping: Flat rate",
 * "Shipping – UPS Ground", the method titles on their own ("Flat rate", "Local pickup") and fees the shop
 * names itself ("Gift wrapping fee", "Rush handling fee", "Card surcharge"); walk14 found them counted as
 * products. A fee phrase is a short text (at most four words) that ends with fee(s) / surcharge.
 */
const SHIPPING_LINE =
	/^(?:(?:shipping|delivery|postage)\s*[:\-–]\s*\S.*|flat rate(?: shipping)?|local pickup|local delivery)$/;
const FEE_PHRASE = /^(?:[^\s]+ ){1,3}(?:fee|fees|surcharge)$/;
/** Words that make any description a gift card / voucher, which is money, not a product sold. */
const VOUCHER = /gift ?voucher|gift ?card|e-?gift|礼品卡|购物卡|代金券/;

/**
 * Taobao / Tmall top-up listings a buyer pays to make up postage or a price difference ("运费补差价
 * 专拍链接", "补邮费", "差价链接"): money, not a product, whether the listing title is the code or the name.
 */
const TOP_UP = /补差价|补差|差价(?:专拍|链接|专用)|补(?:运费|邮费)|(?:运费|邮费)(?:补|差价|专拍)/;

/** Why this code is not a product, or null when it is one. */
export function nonProductReason(p: ProductCodeStats): NonProductReason | null {
	const code = p.productId.trim().toLowerCase();
	const desc = p.description.trim().toLowerCase().replace(/\s+/g, ' ');
	if (FEE_CODES.has(code)) return 'fee_code';
	if (
		FEE_DESCRIPTION.test(desc) ||
		VOUCHER.test(desc) ||
		TOP_UP.test(desc) ||
		SHIPPING_LINE.test(desc) ||
		FEE_PHRASE.test(desc)
	)
		return 'fee_description';
	if (TOP_UP.test(code) || SHIPPING_LINE.test(code) || FEE_PHRASE.test(code)) return 'fee_code';
	const productLike = /\d/.test(code);
	if (
		!productLike &&
		p.lines >= 10 &&
		p.medianQuantity === 1 &&
		Number.isFinite(p.priceCv) &&
		p.priceCv > 1
	)
		return 'fee_pattern';
	return null;
}
