// Explicit ratings from reviews (reviewer, product, stars): the baseline predictor
// r̂_ui = μ + b_u + b_i with shrunk biases (Koren 2008, "Factorization meets the neighborhood", §2.1;
// Koren & Bell, Recommender Systems Handbook, ch. 5), the split and error measures the rating
// recommenders are chosen by, and top-k "would rate highly" lists. Matrix factorisation on the same
// data is trained with tfjs in src/ml/mf.ts and evaluated here with the same split. Pure TypeScript.
import { msg, type Message } from '../messages';

/** One explicit rating. */
export interface Rating {
	user: string;
	item: string;
	rating: number;
	/** UTC ms, when known (the split is by time where every rating has one). */
	ts?: number;
}

/** Dense indices of users and items, and the ratings as index triples. */
export interface RatingIndex {
	users: string[];
	items: string[];
	u: Int32Array;
	i: Int32Array;
	r: Float64Array;
}

/** A rating predictor over a RatingIndex's users and items (indices; −1 = unknown). */
export interface RatingPredictor {
	readonly method: RatingMethod;
	predict(user: number, item: number): number;
}

export type RatingMethod = 'mean' | 'baseline' | 'mf';

/** Indexes ratings; users and items in order of first appearance. Non-finite ratings are dropped. */
export function indexRatings(
	ratings: readonly Rating[],
	users: string[] = [],
	items: string[] = [],
): RatingIndex {
	const uIdx = new Map(users.map((v, k) => [v, k]));
	const iIdx = new Map(items.map((v, k) => [v, k]));
	const u: number[] = [];
	const i: number[] = [];
	const r: number[] = [];
	for (const x of ratings) {
		if (!Number.isFinite(x.rating) || !x.user || !x.item) continue;
		let a = uIdx.get(x.user);
		if (a === undefined) {
			a = users.length;
			users.push(x.user);
			uIdx.set(x.user, a);
		}
		let b = iIdx.get(x.item);
		if (b === undefined) {
			b = items.length;
			items.push(x.item);
			iIdx.set(x.item, b);
		}
		u.push(a);
		i.push(b);
		r.push(x.rating);
	}
	return { users, items, u: Int32Array.from(u), i: Int32Array.from(i), r: Float64Array.from(r) };
}

/** The global mean rating. */
export function meanPredictor(data: RatingIndex): RatingPredictor & { mu: number } {
	let s = 0;
	for (const v of data.r) s += v;
	const mu = data.r.length ? s / data.r.length : 0;
	return { method: 'mean', mu, predict: () => mu };
}

/** Fitted baseline predictor: μ, and biases per user and item (0 for unknown ones). */
export interface BaselinePredictor extends RatingPredictor {
	mu: number;
	bu: Float64Array;
	bi: Float64Array;
}

/**
 * Baseline predictor μ + b_u + b_i, biases shrunk towards 0 (λ_i = 25, λ_u = 10 as in Koren 2008),
 * fitted by alternating the two closed-form updates `iterations` times (one pass is Koren's
 * decoupled estimate; more passes converge to the regularised least-squares solution).
 */
export function fitBaseline(
	data: RatingIndex,
	opts: { lambdaItem?: number; lambdaUser?: number; iterations?: number } = {},
): BaselinePredictor {
	const li = opts.lambdaItem ?? 25;
	const lu = opts.lambdaUser ?? 10;
	const iters = Math.max(1, opts.iterations ?? 5);
	const { mu } = meanPredictor(data);
	const nu = data.users.length;
	const ni = data.items.length;
	const bu = new Float64Array(nu);
	const bi = new Float64Array(ni);
	const sum = new Float64Array(Math.max(nu, ni));
	const cnt = new Float64Array(Math.max(nu, ni));
	for (let it = 0; it < iters; it++) {
		sum.fill(0);
		cnt.fill(0);
		for (let k = 0; k < data.r.length; k++) {
			sum[data.i[k]] += data.r[k] - mu - bu[data.u[k]];
			cnt[data.i[k]]++;
		}
		for (let b = 0; b < ni; b++) bi[b] = sum[b] / (li + cnt[b]);
		sum.fill(0);
		cnt.fill(0);
		for (let k = 0; k < data.r.length; k++) {
			sum[data.u[k]] += data.r[k] - mu - bi[data.i[k]];
			cnt[data.u[k]]++;
		}
		for (let a = 0; a < nu; a++) bu[a] = sum[a] / (lu + cnt[a]);
	}
	return {
		method: 'baseline',
		mu,
		bu,
		bi,
		predict: (u, i) => mu + (u >= 0 && u < nu ? bu[u] : 0) + (i >= 0 && i < ni ? bi[i] : 0),
	};
}

/** Holds out each user's latest rating (by time, else the last given) for users with ≥ 2 ratings. */
export function splitRatings(
	data: RatingIndex,
	ts?: ArrayLike<number>,
): {
	train: RatingIndex;
	test: RatingIndex;
} {
	const last = new Map<number, number>();
	const count = new Map<number, number>();
	for (let k = 0; k < data.r.length; k++) {
		const u = data.u[k];
		count.set(u, (count.get(u) ?? 0) + 1);
		const prev = last.get(u);
		if (prev === undefined || (ts ? ts[k] >= ts[prev] : true)) last.set(u, k);
	}
	const held = new Set<number>();
	for (const [u, k] of last) if ((count.get(u) ?? 0) >= 2) held.add(k);
	const pick = (keep: (k: number) => boolean): RatingIndex => {
		const ks = [...data.r.keys()].filter(keep);
		return {
			users: data.users,
			items: data.items,
			u: Int32Array.from(ks, (k) => data.u[k]),
			i: Int32Array.from(ks, (k) => data.i[k]),
			r: Float64Array.from(ks, (k) => data.r[k]),
		};
	};
	return { train: pick((k) => !held.has(k)), test: pick((k) => held.has(k)) };
}

/** RMSE and MAE of a predictor on rated pairs, predictions clipped to [lo, hi]. */
export function ratingErrors(
	p: RatingPredictor,
	test: RatingIndex,
	lo = 1,
	hi = 5,
): { rmse: number; mae: number; n: number } {
	let se = 0;
	let ae = 0;
	const n = test.r.length;
	for (let k = 0; k < n; k++) {
		const e = Math.min(hi, Math.max(lo, p.predict(test.u[k], test.i[k]))) - test.r[k];
		se += e * e;
		ae += Math.abs(e);
	}
	return n ? { rmse: Math.sqrt(se / n), mae: ae / n, n } : { rmse: NaN, mae: NaN, n: 0 };
}

/** A product the user has not rated, with the predicted rating and why. */
export interface RatedSuggestion {
	item: number;
	predicted: number;
	why: Message;
}

/**
 * The k unrated items with the highest predicted rating for `user`; `why` names the part of the
 * prediction that lifts it (others rate the item above average; the user rates above average; or
 * the tastes learned from similar reviewers, for matrix factorisation).
 */
export function topRated(
	p: RatingPredictor,
	data: RatingIndex,
	user: number,
	k: number,
	baseline?: BaselinePredictor,
): RatedSuggestion[] {
	const rated = new Set<number>();
	for (let j = 0; j < data.r.length; j++) if (data.u[j] === user) rated.add(data.i[j]);
	const out: RatedSuggestion[] = [];
	for (let i = 0; i < data.items.length; i++) {
		if (rated.has(i)) continue;
		out.push({ item: i, predicted: p.predict(user, i), why: msg('rec_why_rating_mean') });
	}
	out.sort((a, b) => b.predicted - a.predicted || a.item - b.item);
	const top = out.slice(0, Math.max(0, k));
	for (const s of top) {
		const stars = Math.round(Math.min(5, Math.max(1, s.predicted)) * 10) / 10;
		const bi = baseline?.bi[s.item] ?? 0;
		const base = baseline ? baseline.predict(user, s.item) : s.predicted;
		if (p.method === 'mf' && s.predicted - base > 0.1)
			s.why = msg('rec_why_rating_taste', { stars });
		else if (bi > 0.05)
			s.why = msg('rec_why_rating_item', { stars, lift: Math.round(bi * 10) / 10 });
		else s.why = msg('rec_why_rating_mean', { stars });
	}
	return top;
}
