// Ratings from reviews, in the train worker (it holds tfjs): reads every imported reviews set that has
// a reviewer and a star rating, holds out each reviewer's latest rating, compares the mean, the
// baseline predictor μ + b_u + b_i and matrix factorisation (tfjs) on those held-out ratings, keeps
// the best, refits it on everything and answers "what would this reviewer rate highly" with why.
// Fitted once per set of reviews (cached by the sets' ids and sizes).
import {
	fitBaseline,
	indexRatings,
	meanPredictor,
	ratingErrors,
	splitRatings,
	topRated,
	type BaselinePredictor,
	type Rating,
	type RatingIndex,
	type RatingMethod,
	type RatingPredictor,
} from '../../src/core/recommend/ratings';
import type { ReviewRecord } from '../../src/core/ingest/schemas/reviews';
import { msg, type Message } from '../../src/core/messages';
import type { TrendcastDb } from '../../src/lib/db/db';
import { trainMf } from '../../src/ml/mf';

/** What the rating recommenders found, and a reviewer's suggestions when asked. */
export interface RatingsReport {
	/** Reviews with a reviewer and a rating, over all reviews sets. */
	ratings: number;
	reviewers: number;
	products: number;
	/** False when there are too few repeat reviewers to learn from (`reason` says why). */
	usable: boolean;
	reason?: Message;
	/** Held-out error per method (each reviewer's latest rating). */
	errors: { method: RatingMethod; rmse: number; mae: number; n: number }[];
	chosen: RatingMethod | null;
	/** Reviewers with the most ratings (for the picker). */
	topReviewers: { id: string; n: number }[];
	/** Suggestions for the asked reviewer: unrated products, highest predicted rating first. */
	suggestions?: { product: string; predicted: number; why: Message }[];
}

/** Fewer held-out ratings than this and the comparison means nothing. */
const MIN_HELD_OUT = 10;

interface Fitted {
	key: string;
	data: RatingIndex;
	report: RatingsReport;
	predictor: RatingPredictor;
	baseline: BaselinePredictor;
}

let cache: Fitted | null = null;

/** The reviews sets' ids and sizes: the fitted models are reused while it is unchanged. */
async function reviewSets(db: TrendcastDb) {
	const sets = (await db.signalSets.toArray()).filter((s) => s.kind === 'reviews');
	return { sets, key: sets.map((s) => `${s.id}:${s.rowCount}`).join('|') };
}

/** All ratings with a reviewer from the stored reviews sets. */
async function loadRatings(
	db: TrendcastDb,
	sets: Awaited<ReturnType<typeof reviewSets>>['sets'],
): Promise<Rating[]> {
	const ratings: Rating[] = [];
	for (const s of sets) {
		const rows = (await db.signalRecords.get(s.id))?.records as ReviewRecord[] | undefined;
		for (const r of rows ?? [])
			if (r.author && r.product && r.rating !== null && Number.isFinite(r.rating))
				ratings.push({
					user: r.author,
					item: r.product,
					rating: r.rating,
					...(r.ts !== null ? { ts: r.ts } : {}),
				});
	}
	return ratings;
}

async function fit(db: TrendcastDb, signal?: AbortSignal): Promise<Fitted> {
	const { sets, key } = await reviewSets(db);
	// picking another reviewer reuses the fit without reading the reviews again
	if (cache && cache.key === key) return cache;
	const ratings = await loadRatings(db, sets);
	const data = indexRatings(ratings);
	const ts = ratings.every((r) => r.ts !== undefined) ? ratings.map((r) => r.ts!) : undefined;
	const { train, test } = splitRatings(data, ts);
	const counts = new Map<string, number>();
	for (const r of ratings) counts.set(r.user, (counts.get(r.user) ?? 0) + 1);
	const topReviewers = [...counts.entries()]
		.filter(([, n]) => n >= 2)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, 50)
		.map(([id, n]) => ({ id, n }));
	const base: Omit<RatingsReport, 'usable' | 'errors' | 'chosen'> = {
		ratings: data.r.length,
		reviewers: data.users.length,
		products: data.items.length,
		topReviewers,
	};
	const baseline = fitBaseline(data);
	if (test.r.length < MIN_HELD_OUT) {
		const report: RatingsReport = {
			...base,
			usable: false,
			reason: msg('ratings_too_few', { n: test.r.length, min: MIN_HELD_OUT }),
			errors: [],
			chosen: null,
		};
		cache = { key, data, report, predictor: baseline, baseline };
		return cache;
	}
	// early stopping on each reviewer's latest training rating; the test ratings stay unseen
	const inner = splitRatings(train, ts ? Float64Array.from(train.r.keys()) : undefined);
	const candidates: RatingPredictor[] = [meanPredictor(train), fitBaseline(train)];
	const mf = await trainMf(inner.train, {
		factors: 8,
		epochs: 60,
		validation: inner.test,
		seed: 1,
		init: fitBaseline(inner.train),
		...(signal ? { signal } : {}),
	});
	candidates.push(mf);
	const errors = candidates.map((p) => ({ method: p.method, ...ratingErrors(p, test) }));
	const best = errors.reduce((a, b) => (b.rmse < a.rmse ? b : a));
	// refit the chosen method on every rating
	const predictor: RatingPredictor =
		best.method === 'mf'
			? await trainMf(data, {
					factors: 8,
					epochs: Math.max(1, mf.epochs),
					seed: 1,
					init: baseline,
				})
			: best.method === 'baseline'
				? baseline
				: meanPredictor(data);
	const report: RatingsReport = { ...base, usable: true, errors, chosen: best.method };
	cache = { key, data, report, predictor, baseline };
	return cache;
}

/** The ratings report, with suggestions for `reviewer` when given. */
export async function reviewRatings(
	db: TrendcastDb,
	reviewer?: string,
	k = 10,
	signal?: AbortSignal,
): Promise<RatingsReport> {
	const f = await fit(db, signal);
	if (reviewer === undefined) return f.report;
	const u = f.data.users.indexOf(reviewer);
	if (u < 0) return { ...f.report, suggestions: [] };
	const top = topRated(f.predictor, f.data, u, k, f.baseline);
	return {
		...f.report,
		suggestions: top.map((s) => ({
			product: f.data.items[s.item],
			predicted: s.predicted,
			why: s.why,
		})),
	};
}
