// Splits one product's order over its variants (sizes, colours) by their sales mix, in whole packs,
// with the largest-remainder (Hamilton) method: each variant gets the floor of its quota and the packs
// left go to the largest fractional remainders, so the parts always add up to the order. Pure TS.

/** A variant and its units sold in the mix window. */
export interface VariantMix {
	id: string;
	units: number;
}

/** Units per variant, adding up to `total` (rounded down to whole packs). */
export function splitOrder(
	total: number,
	mix: VariantMix[],
	pack = 1,
): { id: string; quantity: number }[] {
	if (mix.length === 0) return [];
	const p = pack > 0 ? pack : 1;
	const packs = Math.floor(Math.max(0, total) / p + 1e-9);
	const weights = mix.map((m) => Math.max(0, Number.isFinite(m.units) ? m.units : 0));
	let sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0) {
		weights.fill(1);
		sum = weights.length;
	}
	const quotas = weights.map((w) => (packs * w) / sum);
	const given = quotas.map((q) => Math.floor(q + 1e-9));
	let left = packs - given.reduce((a, b) => a + b, 0);
	const order = quotas
		.map((q, i) => ({ i, rem: q - given[i], w: weights[i] }))
		.sort((a, b) => b.rem - a.rem || b.w - a.w || a.i - b.i);
	for (const o of order) {
		if (left <= 0) break;
		given[o.i]++;
		left--;
	}
	return mix.map((m, i) => ({ id: m.id, quantity: given[i] * p }));
}
