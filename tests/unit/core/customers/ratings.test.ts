// Explicit ratings from reviews: the baseline predictor μ + b_u + b_i (known answers on a tiny table,
// shrinkage), the per-user latest-rating split, and matrix factorisation (tfjs, WASM/CPU in Node)
// recovering a planted low-rank rating matrix better than the baseline, which beats the mean.
import { describe, expect, it } from 'vitest';
import {
	fitBaseline,
	indexRatings,
	meanPredictor,
	ratingErrors,
	splitRatings,
	topRated,
	type Rating,
} from '../../../../src/core/recommend/ratings';
import { trainMf } from '../../../../src/ml/mf';
import { useWasm } from '../../ml/fixtures';

describe('baseline predictor', () => {
	const ratings: Rating[] = [
		{ user: 'a', item: 'x', rating: 5 },
		{ user: 'a', item: 'y', rating: 3 },
		{ user: 'b', item: 'x', rating: 4 },
		{ user: 'b', item: 'y', rating: 2 },
	];
	it('without shrinkage it solves the additive model exactly', () => {
		const d = indexRatings(ratings);
		const b = fitBaseline(d, { lambdaItem: 0, lambdaUser: 0, iterations: 50 });
		expect(b.mu).toBe(3.5);
		// r = μ + b_u + b_i exactly: a is +0.5, b −0.5; x +1, y −1
		expect(b.predict(0, 0)).toBeCloseTo(5, 9);
		expect(b.predict(1, 1)).toBeCloseTo(2, 9);
		expect(b.bi[0] - b.bi[1]).toBeCloseTo(2, 9);
		expect(b.bu[0] - b.bu[1]).toBeCloseTo(1, 9);
	});
	it('one pass with Koren’s shrinkage gives his closed form', () => {
		const d = indexRatings(ratings);
		const b = fitBaseline(d, { iterations: 1 });
		// b_i = Σ(r − μ)/(25 + n_i); b_u = Σ(r − μ − b_i)/(10 + n_u)
		const bx = (1.5 + 0.5) / 27;
		const by = (-0.5 - 1.5) / 27;
		expect(b.bi[0]).toBeCloseTo(bx, 12);
		expect(b.bi[1]).toBeCloseTo(by, 12);
		expect(b.bu[0]).toBeCloseTo((1.5 - bx + (-0.5 - by)) / 12, 12);
		// unknown user/item: only what is known
		expect(b.predict(-1, 0)).toBeCloseTo(3.5 + bx, 12);
		expect(b.predict(-1, -1)).toBe(3.5);
	});
	it('holds out each user’s latest rating (by time) when they have two or more', () => {
		const d = indexRatings([...ratings, { user: 'c', item: 'x', rating: 1 }]);
		const { train, test } = splitRatings(d, [3, 1, 1, 2, 9]);
		expect(test.r.length).toBe(2);
		expect([...test.u]).toEqual([0, 1]);
		expect([...test.r]).toEqual([5, 2]);
		expect(train.r.length).toBe(3);
	});
});

/** Planted ratings: rank-2 tastes + biases + noise, rounded to 1–5 stars. */
function planted(users: number, items: number, perUser: number, seed = 7): Rating[] {
	let s = seed;
	const rand = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
	const gauss = () =>
		Math.sqrt(-2 * Math.log(Math.max(1e-12, rand()))) * Math.cos(2 * Math.PI * rand());
	const pu = Array.from({ length: users }, () => [gauss(), gauss()]);
	const qi = Array.from({ length: items }, () => [gauss(), gauss()]);
	const bu = Array.from({ length: users }, () => 0.4 * gauss());
	const bi = Array.from({ length: items }, () => 0.5 * gauss());
	const out: Rating[] = [];
	for (let u = 0; u < users; u++) {
		const seen = new Set<number>();
		while (seen.size < perUser) seen.add(Math.floor(rand() * items));
		let t = 0;
		for (const i of seen) {
			const r =
				3.4 + bu[u] + bi[i] + 0.7 * (pu[u][0] * qi[i][0] + pu[u][1] * qi[i][1]) + 0.3 * gauss();
			out.push({
				user: `u${u}`,
				item: `i${i}`,
				rating: Math.min(5, Math.max(1, Math.round(r))),
				ts: t++,
			});
		}
	}
	return out;
}

describe('matrix factorisation (tfjs)', () => {
	it('beats the baseline, which beats the mean, on held-out ratings of a planted matrix', async () => {
		await useWasm();
		const all = planted(300, 40, 20);
		const d = indexRatings(all);
		const { train, test } = splitRatings(
			d,
			all.map((r) => r.ts!),
		);
		// validation: each user's latest training rating, for early stopping (never the test ratings)
		const inner = splitRatings(train, Float64Array.from(train.r.keys()));
		const mean = ratingErrors(meanPredictor(train), test);
		const base = fitBaseline(train);
		const baseErr = ratingErrors(base, test);
		const mf = await trainMf(inner.train, {
			factors: 4,
			epochs: 80,
			validation: inner.test,
			seed: 3,
		});
		const mfErr = ratingErrors(mf, test);
		expect(baseErr.rmse).toBeLessThan(mean.rmse);
		expect(mfErr.rmse).toBeLessThan(baseErr.rmse * 0.95);
		expect(mf.epochs).toBeGreaterThan(1);
		// suggestions: unrated items only, best first, each with why
		const top = topRated(mf, train, 0, 5, base);
		expect(top).toHaveLength(5);
		const rated = new Set([...train.i].filter((_, k) => train.u[k] === 0));
		for (const s of top) expect(rated.has(s.item)).toBe(false);
		for (let j = 1; j < top.length; j++)
			expect(top[j - 1].predicted).toBeGreaterThanOrEqual(top[j].predicted);
		expect(top[0].why.code).toMatch(/^rec_why_rating_/);
	}, 120_000);

	it('is deterministic with a seed and stops when cancelled', async () => {
		await useWasm();
		const d = indexRatings(planted(40, 15, 8, 11));
		const a = await trainMf(d, { epochs: 3, seed: 5 });
		const b = await trainMf(d, { epochs: 3, seed: 5 });
		expect(a.predict(3, 4)).toBeCloseTo(b.predict(3, 4), 5);
		const ac = new AbortController();
		ac.abort();
		await expect(trainMf(d, { epochs: 3, signal: ac.signal })).rejects.toMatchObject({
			name: 'AbortError',
			code: 'models_cancelled',
		});
	});
});
