// Spreads a purchase budget over products when the suggested orders cost more than the budget.
// Greedy marginal allocation: money goes, one pack at a time (the first step of a product is its MOQ),
// to the step that saves the most expected lost revenue per unit of money. Expected lost units over the
// protection period at inventory position y are E[(X − y)⁺] (demand.ts), convex and decreasing in y, so
// the gain of each further step shrinks and the greedy choice is optimal up to the last, indivisible
// step (the knapsack of Silver, Pyke & Thomas 2017, §7.x "allocating a budget", with marginal analysis
// as in Axsäter 2015, §5.12). Pure TypeScript.
import { expectedShortage, type DemandDistribution } from './demand';
import { roundToRules, type OrderRules } from './policy';

/** A product competing for the budget. */
export interface BudgetItem {
	id: string;
	unitCost: number;
	/** Revenue of a unit sold (price). */
	price: number;
	/** Inventory position before ordering (on hand + on order). */
	position: number;
	/** The unconstrained suggested order (units); the allocation never exceeds it. */
	suggested: number;
	/** Demand over lead time + review period. */
	protection: DemandDistribution;
	rules?: OrderRules;
}

/** Units allocated per product (same order as `items`) and the money spent. */
export function allocateBudget(
	items: BudgetItem[],
	budget: number,
): { quantities: number[]; spent: number } {
	const quantities = items.map(() => 0);
	let left = Math.max(0, budget);
	// step size and its gain for item i at its current allocation
	const nextStep = (i: number): { units: number; gain: number; cost: number } | null => {
		const it = items[i];
		const have = quantities[i];
		const pack = it.rules?.pack && it.rules.pack > 0 ? it.rules.pack : 1;
		const units = have === 0 ? roundToRules(Math.min(pack, it.suggested), it.rules) : pack;
		if (have + units > it.suggested + 1e-9 || units <= 0) return null;
		const y = it.position + have;
		const gain =
			it.price * (expectedShortage(it.protection, y) - expectedShortage(it.protection, y + units));
		return { units, gain, cost: units * Math.max(0, it.unitCost) };
	};
	const heap = new MaxHeap();
	items.forEach((_, i) => {
		const s = nextStep(i);
		if (s) heap.push(i, ratio(s));
	});
	let spent = 0;
	while (heap.size > 0) {
		const i = heap.pop()!;
		const s = nextStep(i);
		if (!s) continue;
		if (s.cost > left + 1e-9) continue; // this product's next step no longer fits; others may
		quantities[i] += s.units;
		left -= s.cost;
		spent += s.cost;
		const n = nextStep(i);
		if (n) heap.push(i, ratio(n));
	}
	return { quantities, spent };
}

function ratio(s: { gain: number; cost: number }): number {
	return s.cost > 0 ? s.gain / s.cost : s.gain > 0 ? Infinity : 0;
}

/** A binary max-heap of item indices by priority. */
class MaxHeap {
	#keys: number[] = [];
	#items: number[] = [];
	get size(): number {
		return this.#items.length;
	}
	push(item: number, key: number): void {
		this.#items.push(item);
		this.#keys.push(key);
		let i = this.#items.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (this.#keys[p] >= this.#keys[i]) break;
			this.#swap(i, p);
			i = p;
		}
	}
	pop(): number | undefined {
		const n = this.#items.length;
		if (n === 0) return undefined;
		const top = this.#items[0];
		this.#swap(0, n - 1);
		this.#items.pop();
		this.#keys.pop();
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < this.#items.length && this.#keys[l] > this.#keys[m]) m = l;
			if (r < this.#items.length && this.#keys[r] > this.#keys[m]) m = r;
			if (m === i) break;
			this.#swap(i, m);
			i = m;
		}
		return top;
	}
	#swap(a: number, b: number): void {
		[this.#items[a], this.#items[b]] = [this.#items[b], this.#items[a]];
		[this.#keys[a], this.#keys[b]] = [this.#keys[b], this.#keys[a]];
	}
}
