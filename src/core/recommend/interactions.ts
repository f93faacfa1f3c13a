// Order lines → the integer-indexed structures every recommender and segment model reads:
// customers and products as dense ids, each customer's distinct products with counts and last date,
// each order's products (baskets). Pure; built once per as-of date and shared by the methods.

/** Sales lines in column layout (what the data worker and the CLI hand over). Returns excluded. */
export interface OrderLines {
	customer: readonly (string | null)[];
	product: readonly string[];
	/** Order/invoice id; lines without one form a basket per customer and day. */
	order: readonly (string | null)[];
	/** Sale time, epoch ms (UTC). */
	ds: ArrayLike<number>;
	quantity: ArrayLike<number>;
	revenue: ArrayLike<number>;
	/** Product title/description, for content similarity and display. */
	description?: readonly (string | null)[];
	/** Country or region, for risk features. */
	country?: readonly (string | null)[];
}

/** Integer-indexed purchase history up to an as-of time. */
export interface Interactions {
	customers: string[];
	products: string[];
	/** Product index → most frequent description (or ''). */
	titles: string[];
	/** Per customer: distinct product indices (ascending) and, aligned, purchase counts and last times. */
	userItems: Int32Array[];
	userCounts: Float64Array[];
	userLast: Float64Array[];
	/** Per product: customers who bought it (ascending). */
	itemUsers: Int32Array[];
	/** Baskets: product indices of each order (distinct). */
	baskets: Int32Array[];
	/** Distinct customers per product. */
	itemPopularity: Float64Array;
	/** Latest purchase time seen (ms). */
	lastTime: number;
}

const DAY_MS = 86_400_000;

/** Builds the interaction index from lines with `ds < asOf` (all lines when asOf is omitted). */
export function buildInteractions(lines: OrderLines, asOf = Infinity): Interactions {
	const custIdx = new Map<string, number>();
	const prodIdx = new Map<string, number>();
	const customers: string[] = [];
	const products: string[] = [];
	const titleVotes: Map<string, number>[] = [];
	const userMaps: Map<number, { n: number; last: number }>[] = [];
	const basketMap = new Map<string, Set<number>>();
	let lastTime = -Infinity;
	const n = lines.product.length;
	for (let r = 0; r < n; r++) {
		const t = lines.ds[r];
		if (!(t < asOf)) continue;
		if (!(lines.quantity[r] > 0)) continue;
		const p = lines.product[r];
		let pi = prodIdx.get(p);
		if (pi === undefined) {
			pi = products.length;
			prodIdx.set(p, pi);
			products.push(p);
			titleVotes.push(new Map());
		}
		const title = lines.description?.[r];
		if (title) titleVotes[pi].set(title, (titleVotes[pi].get(title) ?? 0) + 1);
		if (t > lastTime) lastTime = t;
		const c = lines.customer[r];
		if (c === null || c === '') continue;
		let ci = custIdx.get(c);
		if (ci === undefined) {
			ci = customers.length;
			custIdx.set(c, ci);
			customers.push(c);
			userMaps.push(new Map());
		}
		const cell = userMaps[ci].get(pi);
		if (cell) {
			cell.n += 1;
			if (t > cell.last) cell.last = t;
		} else userMaps[ci].set(pi, { n: 1, last: t });
		const o = lines.order[r] ?? `${c}#${Math.floor(t / DAY_MS)}`;
		let b = basketMap.get(o);
		if (!b) basketMap.set(o, (b = new Set()));
		b.add(pi);
	}
	const userItems: Int32Array[] = [];
	const userCounts: Float64Array[] = [];
	const userLast: Float64Array[] = [];
	const itemUserLists: number[][] = products.map(() => []);
	for (let ci = 0; ci < customers.length; ci++) {
		const entries = [...userMaps[ci].entries()].sort((a, b) => a[0] - b[0]);
		userItems.push(Int32Array.from(entries, (e) => e[0]));
		userCounts.push(Float64Array.from(entries, (e) => e[1].n));
		userLast.push(Float64Array.from(entries, (e) => e[1].last));
		for (const [pi] of entries) itemUserLists[pi].push(ci);
	}
	const itemUsers = itemUserLists.map((l) => Int32Array.from(l));
	const titles = titleVotes.map((m) => {
		let best = '';
		let bestN = 0;
		for (const [k, v] of m) if (v > bestN) [best, bestN] = [k, v];
		return best;
	});
	return {
		customers,
		products,
		titles,
		userItems,
		userCounts,
		userLast,
		itemUsers,
		baskets: [...basketMap.values()].map((s) => Int32Array.from([...s].sort((a, b) => a - b))),
		itemPopularity: Float64Array.from(itemUsers, (u) => u.length),
		lastTime,
	};
}
