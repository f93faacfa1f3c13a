// A Shopify-style orders export (orders_export.csv layout: order fields such as "Financial Status" only
// on the first line of each order, Lineitem columns per line), generated deterministically, with
// refunded, voided, pending and partially refunded orders and a "Shipping" line item on some orders.
// Used by the import-rules unit test and the e2e test; `expected` is computed here, independently.

/** Status mix: every 10th order refunded, every 17th voided, every 13th pending, every 11th partially refunded. */
function statusOf(i: number): string {
	if (i % 10 === 0) return 'refunded';
	if (i % 17 === 0) return 'voided';
	if (i % 13 === 0) return 'pending';
	if (i % 11 === 0) return 'partially_refunded';
	return 'paid';
}

export interface ShopifyExpected {
	lines: number;
	soldLines: number;
	soldUnits: number;
	excludedOrders: number;
	excludedLines: number;
	excludedUnits: number;
	pendingOrders: number;
	shippingLines: number;
}

/** `orders` orders over ~100 days from 2024-01-01; returns the CSV text and the expected counts. */
export function shopifyOrders(orders = 200): { csv: string; expected: ShopifyExpected } {
	const header =
		'Name,Email,Financial Status,Paid at,Fulfillment Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Vendor';
	const skus = ['TEE-BLK-M', 'TEE-WHT-S', 'DRESS-RED-38', 'SCARF-SILK-01', 'JEANS-32-32'];
	const out = [header];
	const e: ShopifyExpected = {
		lines: 0,
		soldLines: 0,
		soldUnits: 0,
		excludedOrders: 0,
		excludedLines: 0,
		excludedUnits: 0,
		pendingOrders: 0,
		shippingLines: 0,
	};
	for (let i = 1; i <= orders; i++) {
		const status = statusOf(i);
		const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 2) * 86_400_000);
		const created = `${day.toISOString().slice(0, 10)} ${String(9 + (i % 9)).padStart(2, '0')}:15:00 +0100`;
		const nLines = 1 + (i % 3);
		const excluded = status === 'refunded' || status === 'voided';
		if (excluded) e.excludedOrders++;
		if (status === 'pending') e.pendingOrders++;
		for (let k = 0; k < nLines; k++) {
			const sku = skus[(i + k) % skus.length];
			const qty = 1 + ((i * 7 + k) % 4);
			const first = k === 0;
			out.push(
				[
					`#${1000 + i}`,
					first ? `c${i % 37}@example.com` : '',
					first ? status : '',
					first && status !== 'pending' ? created : '',
					first ? 'fulfilled' : '',
					created,
					qty,
					`"${sku} item"`,
					(19.5 + ((i + k) % 5) * 10).toFixed(2),
					sku,
					'Trendcast Test',
				].join(','),
			);
			e.lines++;
			if (excluded) {
				e.excludedLines++;
				e.excludedUnits += qty;
			} else {
				e.soldLines++;
				e.soldUnits += qty;
			}
		}
		if (i % 4 === 0) {
			// A shipping line item, as some Shopify reports list it.
			out.push([`#${1000 + i}`, '', '', '', '', created, 1, 'Shipping', '4.90', '', ''].join(','));
			e.lines++;
			if (excluded) {
				e.excludedLines++;
				e.excludedUnits += 1;
			} else e.shippingLines++;
		}
	}
	return { csv: `${out.join('\n')}\n`, expected: e };
}
