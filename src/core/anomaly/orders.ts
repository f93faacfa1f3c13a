// Suspicious orders and customers, from the shop's own order lines. Every flag says why as message codes.
// - Order anomaly score: an isolation forest over per-order features (amount, units, lines, hour,
//   the customer's earlier orders and days since the last one, average unit price, how rare the
//   country/channel is), with robust z-scores naming the features that stand out.
// - Rules for brushing/fake orders: a burst of small orders from one customer; one identity (address,
//   e-mail, device, phone) shared by many customer accounts.
// - Return-rate risk per customer: returned ÷ bought units, shrunk towards the shop's rate (beta prior).
import { msg, type Message } from '../messages';
import { fitIsolationForest, quantileSorted, robustZ } from './isolation-forest';

const DAY_MS = 86_400_000;

/** Order lines with returns flagged (what the data worker's orderLines gives). */
export interface RiskLines {
	customer: readonly (string | null)[];
	product: readonly string[];
	order: readonly (string | null)[];
	ds: ArrayLike<number>;
	quantity: ArrayLike<number>;
	revenue: ArrayLike<number>;
	/** Country/channel (the dataset's store column), when present. */
	store?: readonly (string | null)[];
	/** 1 = return line. */
	isReturn?: ArrayLike<number>;
}

/** A flag on an order or a customer. */
export interface RiskFlag {
	/** Stable id, so an analyst's "OK" mark can be kept: `<kind>:<key>`. */
	id: string;
	kind: 'order_anomaly' | 'small_order_burst' | 'shared_identity' | 'return_rate' | 'review_burst';
	/** Order id, customer id or product id the flag is about. */
	subject: string;
	customer: string | null;
	/** Epoch ms of the (first) event. */
	ds: number;
	/** 0–1, higher = more suspicious; flags are ranked by it. */
	score: number;
	/** Money involved (order amount, returned revenue …). */
	amount: number;
	reasons: Message[];
}

/** Per-order features, in the order of FEATURE_NAMES. */
export const FEATURE_NAMES = [
	'amount',
	'units',
	'lines',
	'hour',
	'prior_orders',
	'gap_days',
	'unit_price',
	'store_rarity',
] as const;

interface OrderRow {
	id: string;
	customer: string | null;
	ds: number;
	amount: number;
	units: number;
	lines: number;
	store: string | null;
}

/** Groups sale lines into orders (lines without an order id: one order per customer and minute). */
export function groupOrders(lines: RiskLines): OrderRow[] {
	const map = new Map<string, OrderRow>();
	for (let i = 0; i < lines.product.length; i++) {
		if (lines.isReturn?.[i]) continue;
		const c = lines.customer[i] ?? null;
		const t = lines.ds[i];
		const id = lines.order[i] ?? `${c ?? '?'}@${Math.floor(t / 60_000)}`;
		let o = map.get(id);
		if (!o) {
			o = {
				id,
				customer: c,
				ds: t,
				amount: 0,
				units: 0,
				lines: 0,
				store: lines.store?.[i] ?? null,
			};
			map.set(id, o);
		}
		o.amount += lines.revenue[i];
		o.units += lines.quantity[i];
		o.lines += 1;
		if (t < o.ds) o.ds = t;
	}
	return [...map.values()].sort((a, b) => a.ds - b.ds || (a.id < b.id ? -1 : 1));
}

/**
 * Share of orders whose customer's earlier orders count as "many": the count is capped at its
 * PRIOR_CAP_QUANTILE over the shop's orders, so a loyal customer's tenth order is not isolated for its
 * loyalty (walk15: "Customer already had 8 orders (usual 0)" on Home's alerts); a first order stays
 * apart from a returning customer's.
 */
export const PRIOR_CAP_QUANTILE = 0.9;

/** Index of the days-since-the-customer's-last-order feature in FEATURE_NAMES. */
const GAP = FEATURE_NAMES.indexOf('gap_days');

/**
 * Feature matrix of the orders (log scales for money and counts), and which orders are a customer's
 * first (or have no customer): their days since the last order do not exist and are set to the
 * returning orders' median, so "no earlier order" is not read as a very long gap that makes every
 * returning customer's order look rushed (walk15: "2 days after the last one, usual 365").
 */
export function orderFeatures(orders: readonly OrderRow[]): {
	x: Float64Array[];
	first: Uint8Array;
} {
	const storeCount = new Map<string, number>();
	for (const o of orders) storeCount.set(o.store ?? '', (storeCount.get(o.store ?? '') ?? 0) + 1);
	const seen = new Map<string, { n: number; last: number }>();
	const priors = new Float64Array(orders.length);
	const gaps = new Float64Array(orders.length);
	const first = new Uint8Array(orders.length);
	const returning: number[] = [];
	orders.forEach((o, i) => {
		const prev = o.customer ? seen.get(o.customer) : undefined;
		priors[i] = prev?.n ?? 0;
		if (prev) {
			gaps[i] = Math.max(0, (o.ds - prev.last) / DAY_MS);
			returning.push(gaps[i]);
		} else first[i] = 1;
		if (o.customer) seen.set(o.customer, { n: priors[i] + 1, last: o.ds });
	});
	const usualGap = returning.length
		? quantileSorted(Float64Array.from(returning).sort(), 0.5)
		: 365;
	const cap = Math.max(1, quantileSorted(Float64Array.from(priors).sort(), PRIOR_CAP_QUANTILE));
	const x = orders.map((o, i) =>
		Float64Array.of(
			Math.log1p(Math.max(0, o.amount)),
			Math.log1p(Math.max(0, o.units)),
			Math.log1p(o.lines),
			new Date(o.ds).getUTCHours(),
			Math.log1p(Math.min(priors[i], cap)),
			Math.log1p(first[i] ? usualGap : gaps[i]),
			Math.log1p(Math.max(0, o.amount / (o.units || 1))),
			-Math.log((storeCount.get(o.store ?? '') ?? 1) / orders.length),
		),
	);
	return { x, first };
}

/** Options of the risk scan. */
export interface RiskOptions {
	/** How many order anomalies to flag at most (the analyst's alert budget). */
	budget?: number;
	seed?: number;
	/** An identity column per line (address, e-mail, device), when the export has one. */
	identity?: readonly (string | null)[];
}

/** Isolation-forest anomalies among orders, each with the features that stand out. */
export function orderAnomalies(
	lines: RiskLines,
	{ budget = 50, seed = 42 }: RiskOptions = {},
): RiskFlag[] {
	const orders = groupOrders(lines);
	if (orders.length < 20) return [];
	const { x, first } = orderFeatures(orders);
	const forest = fitIsolationForest(x, { seed });
	const z = FEATURE_NAMES.map((_, j) => robustZ(Float64Array.from(x, (row) => row[j])));
	// days since the last order: measured among returning customers' orders only
	const back = x.flatMap((row, i) => (first[i] ? [] : [row[GAP]]));
	const zBack = robustZ(back);
	z[GAP] = new Float64Array(x.length);
	for (let i = 0, k = 0; i < x.length; i++) if (!first[i]) z[GAP][i] = zBack[k++];
	const scores = x.map((row) => forest.score(row));
	const ranked = scores
		.map((s, i) => [s, i] as const)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1])
		.slice(0, budget);
	const typical = FEATURE_NAMES.map((_, j) =>
		quantileSorted(Float64Array.from(j === GAP ? back : x.map((row) => row[j])).sort(), 0.5),
	);
	return ranked.map(([s, i]) => {
		const o = orders[i];
		const reasons: Message[] = [];
		const standOut = FEATURE_NAMES.map((name, j) => ({ name, z: z[j][i], j }))
			// many earlier orders is a loyal customer, never a reason for suspicion
			.filter((f) => Math.abs(f.z) >= 3 && !(f.name === 'prior_orders' && f.z > 0))
			.sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
			.slice(0, 3);
		for (const f of standOut) {
			const dir = f.z > 0 ? 'high' : 'low';
			const value = displayValue(f.name, x[i][f.j], o);
			// a rare country or channel is named ("From Bahrain, …"): the share alone leaves the owner asking which
			if (f.name === 'store_rarity' && dir === 'high' && o.store) {
				reasons.push(msg('risk_why_store_rarity_named', { value, store: o.store }));
				continue;
			}
			reasons.push(
				msg(`risk_why_${f.name}_${dir}`, {
					value,
					typical: displayValue(f.name, typical[f.j], o),
				}),
			);
		}
		if (!reasons.length) reasons.push(msg('risk_why_unusual_mix'));
		return {
			id: `order_anomaly:${o.id}`,
			kind: 'order_anomaly' as const,
			subject: o.id,
			customer: o.customer,
			ds: o.ds,
			score: s,
			amount: o.amount,
			reasons,
		};
	});
}

/** A feature value back on the scale the owner reads (money, units, hour …). */
function displayValue(name: (typeof FEATURE_NAMES)[number], v: number, _o: OrderRow): number {
	switch (name) {
		case 'hour':
			return Math.round(v);
		case 'store_rarity':
			return Math.round(1000 * Math.exp(-v)) / 10; // share of orders, %
		case 'gap_days': {
			// whole days ("340.88 days since the customer's last order", walk16); a tenth under one day
			const days = Math.expm1(v);
			return days >= 1 ? Math.round(days) : Math.round(days * 10) / 10;
		}
		default:
			return Math.round(Math.expm1(v) * 100) / 100;
	}
}

/**
 * Brushing: at least `minOrders` orders from one customer within `windowMinutes`, each below the
 * shop's 25th-percentile order amount.
 */
export function smallOrderBursts(
	lines: RiskLines,
	{ minOrders = 5, windowMinutes = 60 }: { minOrders?: number; windowMinutes?: number } = {},
): RiskFlag[] {
	const orders = groupOrders(lines);
	const p25 = quantileSorted(Float64Array.from(orders, (o) => o.amount).sort(), 0.25);
	const byCustomer = new Map<string, OrderRow[]>();
	for (const o of orders) {
		if (!o.customer || !(o.amount <= p25)) continue;
		let l = byCustomer.get(o.customer);
		if (!l) byCustomer.set(o.customer, (l = []));
		l.push(o);
	}
	const flags: RiskFlag[] = [];
	for (const [customer, list] of byCustomer) {
		let start = 0;
		for (let end = 0; end < list.length; end++) {
			while (list[end].ds - list[start].ds > windowMinutes * 60_000) start++;
			const n = end - start + 1;
			if (n >= minOrders) {
				// Extend to the whole burst, then skip past it.
				let last = end;
				while (
					last + 1 < list.length &&
					list[last + 1].ds - list[start].ds <= windowMinutes * 60_000
				)
					last++;
				const burst = list.slice(start, last + 1);
				flags.push({
					id: `small_order_burst:${customer}:${burst[0].id}`,
					kind: 'small_order_burst',
					subject: burst[0].id,
					customer,
					ds: burst[0].ds,
					score: Math.min(1, 0.5 + burst.length / (4 * minOrders)),
					amount: burst.reduce((a, o) => a + o.amount, 0),
					reasons: [
						msg('risk_why_small_order_burst', {
							n: burst.length,
							minutes: Math.max(1, Math.round((burst[burst.length - 1].ds - burst[0].ds) / 60_000)),
							max: Math.round(Math.max(...burst.map((o) => o.amount)) * 100) / 100,
						}),
					],
				});
				start = end = last;
				start++;
			}
		}
	}
	return flags;
}

/** One address/e-mail/device used by `minAccounts` or more customer accounts. */
export function sharedIdentities(
	customer: readonly (string | null)[],
	identity: readonly (string | null)[],
	ds: ArrayLike<number>,
	minAccounts = 3,
): RiskFlag[] {
	const map = new Map<string, { accounts: Set<string>; first: number }>();
	for (let i = 0; i < customer.length; i++) {
		const c = customer[i];
		const key = identity[i]?.trim().toLowerCase();
		if (!c || !key) continue;
		let e = map.get(key);
		if (!e) map.set(key, (e = { accounts: new Set(), first: ds[i] }));
		e.accounts.add(c);
		if (ds[i] < e.first) e.first = ds[i];
	}
	const flags: RiskFlag[] = [];
	for (const [key, e] of map) {
		if (e.accounts.size < minAccounts) continue;
		flags.push({
			id: `shared_identity:${key}`,
			kind: 'shared_identity',
			subject: key,
			customer: [...e.accounts][0],
			ds: e.first,
			score: Math.min(1, 0.5 + e.accounts.size / 20),
			amount: 0,
			reasons: [msg('risk_why_shared_identity', { n: e.accounts.size })],
		});
	}
	return flags;
}

/**
 * Customers who return much more than the shop does: returned ÷ bought units, shrunk towards the shop's
 * rate with a beta prior worth `priorUnits` units; flagged at ≥ 3× the shop's rate and ≥ 3 return lines.
 */
export function returnRateRisk(lines: RiskLines, priorUnits = 20): RiskFlag[] {
	const per = new Map<
		string,
		{ bought: number; returned: number; returnLines: number; value: number; first: number }
	>();
	let bought = 0;
	let returned = 0;
	for (let i = 0; i < lines.product.length; i++) {
		const c = lines.customer[i];
		if (!c) continue;
		let e = per.get(c);
		if (!e) per.set(c, (e = { bought: 0, returned: 0, returnLines: 0, value: 0, first: Infinity }));
		const q = Math.abs(lines.quantity[i]);
		if (lines.isReturn?.[i]) {
			e.returned += q;
			e.returnLines += 1;
			e.value += Math.abs(lines.revenue[i]);
			returned += q;
			if (lines.ds[i] < e.first) e.first = lines.ds[i];
		} else {
			e.bought += q;
			bought += q;
		}
	}
	const shop = bought > 0 ? returned / bought : 0;
	const flags: RiskFlag[] = [];
	for (const [c, e] of per) {
		const rate = (e.returned + shop * priorUnits) / (e.bought + priorUnits);
		if (e.returnLines < 3 || !(rate >= 3 * shop) || shop === 0) continue;
		flags.push({
			id: `return_rate:${c}`,
			kind: 'return_rate',
			subject: c,
			customer: c,
			ds: e.first,
			score: Math.min(1, rate),
			amount: e.value,
			reasons: [
				msg('risk_why_return_rate', {
					pct: Math.round((100 * e.returned) / Math.max(1, e.bought)),
					shopPct: Math.round(1000 * shop) / 10,
					n: e.returnLines,
				}),
			],
		});
	}
	return flags.sort((a, b) => b.score - a.score);
}

/** Every risk flag of a dataset, most suspicious first within each kind. */
export function scanRisk(lines: RiskLines, options: RiskOptions = {}): RiskFlag[] {
	const flags = [
		...orderAnomalies(lines, options),
		...smallOrderBursts(lines),
		...returnRateRisk(lines),
		...(options.identity ? sharedIdentities(lines.customer, options.identity, lines.ds) : []),
	];
	return flags;
}
