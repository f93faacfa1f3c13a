// Order status of a sales line (Shopify "Financial Status", WooCommerce "Order Status", Square order
// "State", Chinese marketplace "订单状态"/"交易状态"): which orders were never kept as sales. Pure;
// the data worker classifies each distinct status value with it, then applies it per order in SQL.
//
// Decisions: refunded, voided, cancelled, failed, declined, expired, closed-without-sale (交易关闭) and
// draft orders are excluded, like returns. A partial refund keeps the order (most of it was sold; the
// refunded lines come back as returns). Pending / on-hold / authorised / processing / unpaid orders are
// counted as sales — the customer wanted the goods, which is the demand we forecast — and reported apart
// so the owner sees how many there were.
// A Square export's "Event Type" says per line whether it is a Payment (a sale) or a Refund: a refund line
// is a return of that line only (class 'return'), never a status of the whole order — a partial refund
// would otherwise drop the lines that were kept.

/** How a status value counts. */
export type StatusClass = 'excluded' | 'pending' | 'kept' | 'return';

/** Numeric codes of the classes, ordered by severity, for SQL (an order takes its worst line's class). */
export const STATUS_CODE: Record<StatusClass, number> = {
	kept: 0,
	return: 0,
	pending: 1,
	excluded: 2,
};

const EXCLUDED = [
	'refunded',
	'fully refunded',
	'voided',
	'void',
	'cancelled',
	'canceled',
	'failed',
	'declined',
	'expired',
	'trash',
	'draft',
	'abandoned',
	'rejected',
	'chargeback',
	'wc-refunded',
	'wc-cancelled',
	'wc-failed',
	'已退款',
	'退款成功',
	'全额退款',
	'已取消',
	'取消',
	'订单取消',
	'交易关闭',
	'交易取消',
	'已关闭',
	'关闭',
	'交易失败',
	'支付失败',
	// Pinduoduo: refunded before or after delivery
	'未发货，退款成功',
	'已签收，退款成功',
	// German shop systems (Shopware 5/6, WooCommerce and Shopify in German; walk17)
	'storniert',
	'storniert / abgelehnt',
	'abgebrochen',
	'erstattet',
	'rückerstattet',
	'vollständig erstattet',
	'fehlgeschlagen',
	'abgelehnt',
	'rückbuchung',
	'entwurf',
];
const PENDING = [
	'pending',
	'pending payment',
	'on-hold',
	'on hold',
	'authorized',
	'authorised',
	'processing',
	'unpaid',
	'open',
	'awaiting payment',
	'wc-pending',
	'wc-on-hold',
	'wc-processing',
	'待付款',
	'等待付款',
	'未付款',
	'待支付',
	'待发货',
	'已付款待发货',
	'处理中',
	// Taobao / Tmall seller-centre exports write the whole state; JD "等待出库"
	'等待买家付款',
	'买家已付款，等待卖家发货',
	'等待卖家发货',
	'等待出库',
	'退款中',
	// German: open, in progress, authorised, awaiting payment, unpaid, ready to ship
	'offen',
	'in bearbeitung',
	'in bearbeitung (wartet)',
	'autorisiert',
	'ausstehend',
	'zahlung ausstehend',
	'in wartestellung',
	'wartend auf zahlung',
	'unbezahlt',
	'klärung notwendig',
	'zur lieferung bereit',
];
const KEPT = [
	'paid',
	'completed',
	'complete',
	'fulfilled',
	'partially_refunded',
	'partially refunded',
	'partially_paid',
	'partially paid',
	'shipped',
	'delivered',
	'closed',
	'wc-completed',
	'已完成',
	'交易成功',
	'交易完成',
	'已付款',
	'已发货',
	'已收货',
	'已签收',
	'部分退款',
	// Taobao / Tmall: shipped, the buyer yet to confirm; JD "完成"; Pinduoduo "已发货，待签收"
	'卖家已发货，等待买家确认',
	'卖家已发货',
	'等待买家确认收货',
	'等待确认收货',
	'已发货，待签收',
	'完成',
	// German: completed, paid, partly refunded / paid / shipped, shipped, delivered
	'abgeschlossen',
	'komplett abgeschlossen',
	'teilweise abgeschlossen',
	'fertiggestellt',
	'bezahlt',
	'teilweise bezahlt',
	'teilweise erstattet',
	'versandt',
	'teilweise versandt',
	'zugestellt',
	'geliefert',
	'komplett ausgeliefert',
	'teilweise ausgeliefert',
	// Square "Event Type"
	'payment',
];
/** Event words of a line that is itself a return (Square "Event Type" = Refund). */
export const RETURN_EVENTS: readonly string[] = ['refund', 'return'];

/**
 * Lower-cases and turns "_" and runs of spaces into one space ("Partially_Refunded" → "partially
 * refunded"), and a full-width or ASCII comma with the spaces after it into one "," (Taobao writes
 * "卖家已发货，等待买家确认", a CSV re-saved elsewhere "卖家已发货, 等待买家确认").
 */
function norm(raw: string): string {
	return raw
		.trim()
		.toLowerCase()
		.replace(/\s*[，,]\s*/g, ',')
		.replace(/[_\s]+/g, ' ');
}

const TABLE = new Map<string, StatusClass>();
for (const [list, cls] of [
	[EXCLUDED, 'excluded'],
	[PENDING, 'pending'],
	[KEPT, 'kept'],
	[RETURN_EVENTS, 'return'],
] as const)
	for (const w of list) TABLE.set(norm(w), cls);

/** The class of one status value, or null when it is not a status word we know. */
export function classifyStatus(raw: string | null | undefined): StatusClass | null {
	if (raw == null) return null;
	const s = norm(raw);
	if (s === '') return null;
	return TABLE.get(s) ?? null;
}

/** Share (0–1) of non-empty samples that are known status words: tells a status column from a US "State". */
export function statusShare(samples: readonly string[]): number {
	const vals = samples.filter((s) => s.trim() !== '');
	if (vals.length === 0) return 0;
	return vals.filter((s) => classifyStatus(s) !== null).length / vals.length;
}
