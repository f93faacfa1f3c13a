// Promotions in the forecast (issue #11): a product's imported promotions (its own, or its
// category's; src/core/ingest/schemas/promotions.ts) become per-period regressors — promo on/off as
// the share of the period's days on promotion, and discount depth as that share × the discount — and
// the uplift of each past promotion is estimated with an interval.
//
// Model (forecast::tslm style, OLS; src/core/models/regression.ts):
//   y_t = β₀ + β₁t + Fourier(t) + Σ_p u_p d_{p,t} + ε_t
// with one column d_p per past promotion (share of period t's days inside promotion p). u_p is the
// extra sales per fully promoted period; promotion p's uplift is u_p·Σ_t d_{p,t}, with the t-based
// 95 % interval of u_p on the same scale, and relative to the baseline (fitted value without the
// promotion) over its periods. The baseline history y_t − Σ_p û_p d_{p,t} (≥ 0) is what the engine's
// models are fitted on, so promotion periods do not inflate the baseline. Future promotions add
// β_on·on_t + β_depth·depth_t from the same regression with the two pooled columns (on, depth) in
// place of the per-promotion ones. Pure TypeScript.
import { LinearRegressionModel } from '../models/regression';
import { qt } from '../stats';
import type { PromotionRecord } from '../ingest/schemas/promotions';

const DAY_MS = 86_400_000;

/** Share of the days of each period (starts, `days(start)` long) inside [start, end] (whole UTC days). */
export function shareOfDays(
	starts: ArrayLike<number>,
	days: (start: number) => number,
	start: number,
	end: number,
): Float64Array {
	return Float64Array.from(starts as ArrayLike<number>, (t0) => {
		const len = days(t0);
		const t1 = t0 + len * DAY_MS;
		const from = Math.max(start, t0);
		const to = Math.min(end + DAY_MS, t1);
		return to > from ? Math.round((to - from) / DAY_MS) / len : 0;
	});
}

/**
 * A category name compared as the shop writes it anywhere: trimmed, any case, a plural s dropped as
 * the categories read from descriptions drop it ('Lanterns', 'lantern' and the demo's 'LANTERN'
 * are one).
 */
export function categoryKey(name: string): string {
	return name
		.trim()
		.toUpperCase()
		.replace(/^(.{3,}[^S])S$/, '$1');
}

/** The promotions of a product: its own, and its category's (a row naming no product). */
export function promotionsOf(
	promos: readonly PromotionRecord[],
	product: string,
	category: string | null,
): PromotionRecord[] {
	const cat = category !== null && category.trim() !== '' ? categoryKey(category) : null;
	return promos.filter(
		(p) =>
			p.product === product ||
			(p.product === null &&
				cat !== null &&
				p.category !== null &&
				categoryKey(p.category) === cat),
	);
}

export interface PromotionColumns {
	/** Share of each period's days on any promotion, history then horizon. */
	on: { history: Float64Array; future: Float64Array };
	/** That share × the discount (0 where no discount is given). */
	depth: { history: Float64Array; future: Float64Array };
	/** One history column per promotion that touches the history (same order as `past`). */
	perPromotion: Float64Array[];
	past: PromotionRecord[];
}

/** Regressor columns of a product's promotions over the history's and horizon's period starts. */
export function promotionColumns(
	promos: readonly PromotionRecord[],
	history: ArrayLike<number>,
	future: ArrayLike<number>,
	days: (start: number) => number,
): PromotionColumns {
	const nh = history.length;
	const on = { history: new Float64Array(nh), future: new Float64Array(future.length) };
	const depth = { history: new Float64Array(nh), future: new Float64Array(future.length) };
	const perPromotion: Float64Array[] = [];
	const past: PromotionRecord[] = [];
	for (const p of promos) {
		const h = shareOfDays(history, days, p.start, p.end);
		const f = shareOfDays(future, days, p.start, p.end);
		const add = (dst: Float64Array, src: Float64Array, w: number): void => {
			for (let i = 0; i < dst.length; i++) dst[i] = Math.min(1, dst[i] + src[i] * w);
		};
		add(on.history, h, 1);
		add(on.future, f, 1);
		add(depth.history, h, p.discount ?? 0);
		add(depth.future, f, p.discount ?? 0);
		if (h.some((v) => v > 0)) {
			perPromotion.push(h);
			past.push(p);
		}
	}
	return { on, depth, perPromotion, past };
}

/** The estimated uplift of one past promotion. */
export interface PromotionUplift {
	/** Row of the promotions file. */
	row: number;
	product: string | null;
	category: string | null;
	start: number;
	end: number;
	discount: number | null;
	/** Fully promoted periods (Σ of the period shares). */
	periods: number;
	/** Extra sales over the promotion, with its 95 % interval. */
	extra: number;
	lo: number;
	hi: number;
	/** Extra ÷ the baseline over the promotion's periods (NaN when the baseline is not positive). */
	relative: number;
	relLo: number;
	relHi: number;
}

export interface PromotionFit {
	uplifts: PromotionUplift[];
	/** The history without the promotions' estimated uplift (≥ 0). */
	baseline: Float64Array;
	/** Extra sales per future period from the pooled on / depth effects (0 without future promotions). */
	futureUplift: Float64Array;
	/** Pooled effects per fully promoted period and per unit of depth (NaN when not estimable). */
	onEffect: number;
	depthEffect: number;
}

function seasonFor(n: number, season: number): number {
	return season > 1 && n >= 2 * season ? season : 1;
}

/**
 * Past uplifts, the baseline history and the future uplift of a series' promotions. `season` is the
 * seasonal period (Fourier terms only with two seasons of history).
 */
export function fitPromotions(
	y: Float64Array,
	cols: PromotionColumns,
	season: number,
): PromotionFit {
	const n = y.length;
	const m = seasonFor(n, season);
	const h = cols.on.future.length;
	const none: PromotionFit = {
		uplifts: [],
		baseline: Float64Array.from(y),
		futureUplift: new Float64Array(h),
		onEffect: NaN,
		depthEffect: NaN,
	};
	// enough periods outside promotions to see the baseline
	const free = cols.on.history.reduce((s, v) => s + (v === 0 ? 1 : 0), 0);
	if (cols.perPromotion.length === 0 || free < 6 || n < 8) return none;
	const uplifts: PromotionUplift[] = [];
	const baseline = Float64Array.from(y);
	try {
		const names = cols.perPromotion.map((_, i) => `promo${i}`);
		const fit = new LinearRegressionModel({ fourier: m > 1 ? 'auto' : 0, xregNames: names }).fit(
			y,
			{ season: m, xreg: cols.perPromotion },
		);
		const ex = fit.explain();
		const fitted = fit.predictInSample();
		const tq = ex.df > 0 ? qt(0.975, ex.df) : Infinity;
		cols.perPromotion.forEach((d, i) => {
			const term = ex.terms.find((t) => t.name === names[i]);
			if (!term) return;
			let periods = 0;
			let base = 0;
			for (let t = 0; t < n; t++)
				if (d[t] > 0) {
					periods += d[t];
					base += fitted[t] - term.estimate * d[t];
					baseline[t] = Math.max(0, baseline[t] - term.estimate * d[t]);
				}
			const p = cols.past[i];
			const extra = term.estimate * periods;
			const half = tq * term.stdError * periods;
			uplifts.push({
				row: p.row,
				product: p.product,
				category: p.category,
				start: p.start,
				end: p.end,
				discount: p.discount,
				periods,
				extra,
				lo: extra - half,
				hi: extra + half,
				relative: base > 0 ? extra / base : NaN,
				relLo: base > 0 ? (extra - half) / base : NaN,
				relHi: base > 0 ? (extra + half) / base : NaN,
			});
		});
	} catch {
		return none;
	}
	// pooled effects for the future: on, plus depth when the discounts vary
	let onEffect = NaN;
	let depthEffect = NaN;
	const futureUplift = new Float64Array(h);
	const anyFuture = cols.on.future.some((v) => v > 0);
	const depths = new Set(Array.from(cols.depth.history).filter((v, t) => cols.on.history[t] > 0));
	const useDepth = depths.size > 1 && Array.from(cols.depth.history).some((v) => v > 0);
	try {
		const xreg = useDepth ? [cols.on.history, cols.depth.history] : [cols.on.history];
		const fit = new LinearRegressionModel({
			fourier: m > 1 ? 'auto' : 0,
			xregNames: useDepth ? ['on', 'depth'] : ['on'],
		}).fit(y, { season: m, xreg });
		const ex = fit.explain();
		onEffect = ex.terms.find((t) => t.name === 'on')?.estimate ?? NaN;
		depthEffect = useDepth ? (ex.terms.find((t) => t.name === 'depth')?.estimate ?? NaN) : 0;
		if (anyFuture)
			for (let t = 0; t < h; t++) {
				const v =
					(Number.isFinite(onEffect) ? onEffect : 0) * cols.on.future[t] +
					(Number.isFinite(depthEffect) ? depthEffect : 0) * cols.depth.future[t];
				futureUplift[t] = v;
			}
	} catch {
		// the past uplifts still stand; the future gets none
	}
	return { uplifts, baseline, futureUplift, onEffect, depthEffect };
}
