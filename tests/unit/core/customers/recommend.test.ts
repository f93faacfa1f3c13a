// Known answers and properties of the recommenders (src/core/recommend): co-purchase counts and lift on
// a tiny basket table, EASE against a hand-inverted 3-item example, the ranking metrics, and properties
// (nothing excluded is recommended, same input → same output).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitEase, spdInverseInPlace } from '../../../../src/core/recommend/ease';
import { buildInteractions, type OrderLines } from '../../../../src/core/recommend/interactions';
import { scoreRanking, heldOutPurchases } from '../../../../src/core/recommend/evaluate';
import {
	fitBuyAgain,
	fitCoPurchase,
	fitItemKnn,
	fitPopularity,
} from '../../../../src/core/recommend/methods';
import { fitContent, terms } from '../../../../src/core/recommend/content';
import {
	chooseRecommender,
	recommendAll,
	RECOMMENDERS,
} from '../../../../src/core/recommend/select';
import { topK } from '../../../../src/core/recommend/top-k';
import type { RecommenderName } from '../../../../src/core/recommend/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** Lines from [customer, order, product, day] tuples. */
function lines(
	rows: [string | null, string, string, number][],
	titles: Record<string, string> = {},
): OrderLines {
	return {
		customer: rows.map((r) => r[0]),
		order: rows.map((r) => r[1]),
		product: rows.map((r) => r[2]),
		ds: Float64Array.from(rows, (r) => T0 + r[3] * DAY),
		quantity: Float64Array.from(rows, () => 1),
		revenue: Float64Array.from(rows, () => 10),
		description: rows.map((r) => titles[r[2]] ?? null),
	};
}

describe('co-purchase (association rules)', () => {
	// 5 orders: A+B three times, A+C once, B alone once.
	const l = lines([
		['u1', 'o1', 'A', 0],
		['u1', 'o1', 'B', 0],
		['u2', 'o2', 'A', 1],
		['u2', 'o2', 'B', 1],
		['u3', 'o3', 'A', 2],
		['u3', 'o3', 'B', 2],
		['u4', 'o4', 'A', 3],
		['u4', 'o4', 'C', 3],
		['u5', 'o5', 'B', 4],
	]);
	const d = buildInteractions(l);
	const model = fitCoPurchase(d);
	const A = d.products.indexOf('A');
	const B = d.products.indexOf('B');

	it('counts pairs per order and gives confidence with lift', () => {
		const recs = model.forItem!(A, 5);
		// A→B: 3 of A's 4 orders have B (confidence 0.75); lift = 0.75 / (4/5) = 0.9375 < 1 → not shown.
		expect(recs.map((r) => d.products[r.item])).not.toContain('B');
		// B→A: confidence 3/4, lift = 0.75 / (4/5) < 1 → not shown either; C pairs occur once (< 3 orders).
		expect(model.forItem!(B, 5)).toEqual([]);
	});

	it('keeps pairs with lift > 1 seen in at least 3 orders, with the count and lift in the reason', () => {
		// 10 orders: X+Y in 3, X alone in 1, Z alone in 6 → conf(X→Y)=3/4, P(Y)=3/10, lift 2.5.
		const rows: [string, string, string, number][] = [];
		for (let i = 0; i < 3; i++) rows.push([`c${i}`, `p${i}`, 'X', i], [`c${i}`, `p${i}`, 'Y', i]);
		rows.push(['c9', 'q', 'X', 5]);
		for (let i = 0; i < 6; i++) rows.push([`z${i}`, `z${i}`, 'Z', i]);
		const dd = buildInteractions(lines(rows));
		const m = fitCoPurchase(dd);
		const recs = m.forItem!(dd.products.indexOf('X'), 3);
		expect(recs).toHaveLength(1);
		expect(dd.products[recs[0].item]).toBe('Y');
		expect(recs[0].score).toBeCloseTo(0.75, 12);
		expect(recs[0].why).toEqual({ code: 'rec_why_bought_together', params: { n: 3, lift: 2.5 } });
	});
});

describe('EASE', () => {
	it('inverts an SPD matrix', () => {
		const a = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
		const inv = Float64Array.from(a);
		expect(spdInverseInPlace(inv, 3)).toBe(true);
		for (let i = 0; i < 3; i++)
			for (let j = 0; j < 3; j++) {
				let s = 0;
				for (let k = 0; k < 3; k++) s += a[i * 3 + k] * inv[k * 3 + j];
				expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
			}
		expect(spdInverseInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
	});

	it('matches the closed form on a 3-item example (λ = 1)', () => {
		// u1 {0,1}, u2 {0,1}, u3 {1,2}: G + I = [[3,2,0],[2,4,1],[0,1,2]], B = −P/diag(P) by hand.
		const d = buildInteractions(
			lines([
				['u1', 'a', 'I0', 0],
				['u1', 'a', 'I1', 0],
				['u2', 'b', 'I0', 0],
				['u2', 'b', 'I1', 0],
				['u3', 'c', 'I1', 0],
				['u3', 'c', 'I2', 0],
			]),
		);
		const m = fitEase(d, 1);
		const u1 = d.customers.indexOf('u1');
		const byName = Object.fromEntries(m.forUser(u1, 3).map((r) => [d.products[r.item], r.score]));
		expect(byName.I0).toBeCloseTo(4 / 7, 12);
		expect(byName.I1).toBeCloseTo(2 / 3, 12);
		expect(byName.I2).toBeCloseTo(1 / 8, 12);
	});
});

describe('ranking metrics', () => {
	it('scores HR, precision, recall and nDCG of a known list', () => {
		const d = buildInteractions(
			lines([
				['u', 'o', 'A', 0],
				['u', 'o', 'B', 0],
				['v', 'p', 'C', 0],
			]),
		);
		const fixed = {
			method: 'popularity' as const,
			forUser: () => [0, 2].map((item) => ({ item, score: 1, why: { code: 'x' } })),
		};
		// u bought A and C later: recs [A, C] → hits at ranks 1 and 2 of k = 2.
		const truth = new Map([[0, new Set([0, 2])]]);
		const s = scoreRanking(fixed, truth, 2);
		expect(s).toMatchObject({ hr: 1, precision: 1, recall: 1, ndcg: 1, customers: 1 });
		const half = scoreRanking(fixed, new Map([[0, new Set([2, 1])]]), 2);
		// One hit at rank 2: DCG = 1/log2(3); ideal = 1 + 1/log2(3).
		expect(half.ndcg).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
		expect(half.precision).toBe(0.5);
		expect(d.products).toEqual(['A', 'B', 'C']);
	});

	it('holds out only what returning customers bought in the window', () => {
		const l = lines([
			['u', 'o', 'A', 0],
			['u', 'o2', 'B', 10],
			['new', 'o3', 'A', 10],
			['u', 'o4', 'C', 40],
		]);
		const train = buildInteractions(l, T0 + 5 * DAY);
		const truth = heldOutPurchases(l, train, T0 + 5 * DAY, 28);
		// B is unknown at the cut, the new customer cannot be scored, C falls after the window.
		expect([...truth.entries()]).toEqual([]);
	});
});

describe('properties', () => {
	const rowArb = fc.array(
		fc.tuple(
			fc.integer({ min: 0, max: 8 }),
			fc.integer({ min: 0, max: 20 }),
			fc.integer({ min: 0, max: 12 }),
			fc.integer({ min: 0, max: 60 }),
		),
		{ minLength: 5, maxLength: 80 },
	);
	const methods: RecommenderName[] = [
		'popularity',
		'buy_again',
		'item_knn',
		'co_purchase',
		'ease',
		'content',
		'hybrid',
	];

	it('never recommends an excluded product, at most k, scores non-increasing, deterministic', () => {
		fc.assert(
			fc.property(rowArb, fc.integer({ min: 1, max: 6 }), (rows, k) => {
				const l = lines(
					rows.map(([c, o, p, t]) => [`c${c}`, `o${o}`, `P${p}`, t]),
					Object.fromEntries(
						Array.from({ length: 13 }, (_, i) => [`P${i}`, `gift ${i % 3} mug set`]),
					),
				);
				const d = buildInteractions(l);
				const exclude = new Set([0, 1]);
				for (const name of methods) {
					const a = RECOMMENDERS[name](d);
					const b = RECOMMENDERS[name](d);
					for (let u = 0; u < d.customers.length; u++) {
						const ra = a.forUser(u, k, exclude);
						expect(ra.length).toBeLessThanOrEqual(k);
						for (const r of ra) expect(exclude.has(r.item)).toBe(false);
						for (let i = 1; i < ra.length; i++)
							expect(ra[i].score).toBeLessThanOrEqual(ra[i - 1].score);
						expect(b.forUser(u, k, exclude)).toEqual(ra);
					}
				}
			}),
			{ numRuns: 40 },
		);
	});

	it('topK equals a full sort', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 60 }),
				fc.integer({ min: 0, max: 10 }),
				(xs, k) => {
					const expected = xs
						.map((s, i) => ({ index: i, score: s }))
						.filter((x) => x.score > 0)
						.sort((a, b) => b.score - a.score || a.index - b.index)
						.slice(0, k);
					expect(topK(xs, k)).toEqual(expected);
				},
			),
		);
	});
});

describe('methods on a small shop', () => {
	// Customers buy mugs with saucers; tea towels with aprons.
	const rows: [string, string, string, number][] = [];
	for (let c = 0; c < 12; c++) {
		const pair = c % 2 ? ['MUG', 'SAUCER'] : ['TOWEL', 'APRON'];
		rows.push([`c${c}`, `o${c}`, pair[0], c], [`c${c}`, `o${c}`, pair[1], c]);
	}
	rows.push(['x', 'ox', 'MUG', 30]);
	const l = lines(rows, {
		MUG: 'white ceramic mug',
		SAUCER: 'white ceramic saucer',
		TOWEL: 'linen tea towel',
		APRON: 'linen apron',
		连衣裙: '碎花连衣裙',
	});
	const d = buildInteractions(l);
	const x = d.customers.indexOf('x');

	it('item-kNN suggests what similar buyers bought, saying which product it follows', () => {
		const [first] = fitItemKnn(d).forUser(x, 1, new Set([d.products.indexOf('MUG')]));
		expect(d.products[first.item]).toBe('SAUCER');
		expect(first.why).toMatchObject({
			code: 'rec_why_similar_buyers',
			params: { product: 'white ceramic mug' },
		});
	});

	it('buy again lists only own products; popularity ranks by recent customers', () => {
		expect(
			fitBuyAgain(d)
				.forUser(x, 5)
				.map((r) => d.products[r.item]),
		).toEqual(['MUG']);
		expect(fitPopularity(d).forUser(x, 4)).toHaveLength(4);
	});

	it('content similarity links titles in English and Chinese', () => {
		expect(terms('碎花连衣裙 Summer DRESS')).toEqual([
			'碎花',
			'花连',
			'连衣',
			'衣裙',
			'summer',
			'dress',
		]);
		const c = fitContent(d);
		const sim = c.forItem!(d.products.indexOf('MUG'), 1);
		expect(d.products[sim[0].item]).toBe('SAUCER');
	});

	it('the automatic choice fills every customer up to k', () => {
		const choice = chooseRecommender(l, T0 + 40 * DAY, 3);
		const all = recommendAll(choice, 3);
		for (const c of d.customers) expect(all.filter((r) => r.customerId === c)).toHaveLength(3);
		expect(all.filter((r) => r.customerId === 'x').map((r) => r.rank)).toEqual([1, 2, 3]);
	});
});
