// New products: a ridge regression of the log total sales over the first weeks on what is known before
// launch, times a launch curve shape, with 80 % bounds from the history's own residuals. What the
// attribute kNN (knn.ts) misses on VISUELLE is the level: products sell less or more from one season to
// the next (VISUELLE: median 12-week units 551 in AW18, 323 in SS19), and sales are right-skewed, so a
// mean of neighbours overshoots what an absolute-error score rewards. Features (each optional when the
// data has none):
//   - one-hot attributes (category, colour, fabric, detail…; values seen ≥ minCount times) and title words;
//   - launch month (one-hot) — the season and how late in it the product arrives;
//   - the recent level: mean log total of the `recent` latest launches known before the product;
//   - log retail price;
//   - search interest of the product's words (GTM-Transformer's 52 weeks before release): their mean level
//     over those weeks (÷ 100) and the change of the last `trendRecent` weeks against that mean.
// The curve is the level spread by the shape: the average share per week of the product's category,
// shrunk towards every launch's average share (`shapeShrink` pseudo-launches). Pure TypeScript.
import { forecastNewProduct, historyBefore, type LaunchProduct, type WordTrends } from './knn';

const DAY = 86_400_000;

/** Options of the launch regression. */
export interface LaunchModelOptions {
	horizon: number;
	/** Ridge penalty on the standardised features (default 30, chosen on VISUELLE AW18 + SS19). */
	lambda?: number;
	/** Launches averaged for the recent level (default 0 = no such feature: it did worse on VISUELLE AW18 + SS19). */
	recent?: number;
	/** A launch counts as known for the recent level only this many days before (default 0). */
	gapDays?: number;
	/** Attribute values seen fewer times are left out (default 5). */
	minCount?: number;
	trends?: WordTrends;
	/** Weeks of search interest before launch (default 52, as GTM-Transformer). */
	trendWeeks?: number;
	/** Last weeks compared with the mean for the search change (default 8). */
	trendRecent?: number;
	/** Pseudo-launches of the overall shape mixed into a category's shape (default 20). */
	shapeShrink?: number;
	/** Multiplies the level (a calibration chosen on a validation split; default 1). */
	scale?: number;
	/** Point forecast = each week's median given the fit (default true); false: the fitted curve itself. */
	median?: boolean;
	/** Include the launch month (default true). */
	month?: boolean;
	/** Also each attribute crossed with the launch quarter (default false). */
	cross?: boolean;
	/**
	 * Period fixed effects (default 'none'): 'season' = the product's `season` attribute one-hot (VISUELLE's
	 * SS19, AW19…); 'half' / 'quarter' = the calendar half-year / quarter of the launch. A period's effect is
	 * learnt from its launches already known (ridge-shrunk to the mean), so a season selling below the
	 * others pulls its later launches down, and the month effects stop carrying one year's level.
	 */
	period?: 'none' | 'season' | 'half' | 'quarter';
	/**
	 * One regression per week on the log of that week's sales (default false): the curve's shape then
	 * follows the launch month and attributes too (a late-season launch fades sooner) instead of being the
	 * category's average shape times the level.
	 */
	weekly?: boolean;
}

/** One new product's forecast from the launch model. */
export interface LaunchModelForecast {
	id: string;
	mean: number[];
	lo80: number[];
	hi80: number[];
	/** Forecast total over the horizon. */
	total: number;
}

/** A fitted launch model. */
export interface LaunchModel {
	predict(p: LaunchProduct): LaunchModelForecast;
	/** Launches it learnt from. */
	n: number;
	/** Names of the features, with their coefficients on the standardised scale (largest first). */
	effects(): { feature: string; coefficient: number }[];
}

const total = (c: readonly number[], H: number) =>
	c.slice(0, H).reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0);

/** Mean of the product's word series over the `weeks` weeks before launch and the recent change. */
export function searchFeatures(
	p: LaunchProduct,
	trends: WordTrends,
	weeks = 52,
	recentWeeks = 8,
): { level: number; change: number } | null {
	let end = 0;
	while (end < trends.weeks.length && trends.weeks[end] < p.launch) end++;
	const start = Math.max(0, end - weeks);
	if (end - start < Math.min(4, weeks)) return null;
	const words = [...Object.values(p.attributes), ...(p.terms ?? [])].map((w) => w.toLowerCase());
	let level = 0;
	let change = 0;
	let n = 0;
	for (const w of new Set(words)) {
		const s = trends.series.get(w);
		if (!s) continue;
		let sum = 0;
		let m = 0;
		let rs = 0;
		let rm = 0;
		for (let i = start; i < end; i++) {
			const v = s[i];
			if (!Number.isFinite(v) || v < 0) continue;
			sum += v;
			m++;
			if (i >= end - recentWeeks) {
				rs += v;
				rm++;
			}
		}
		if (m === 0) continue;
		const mean = sum / m;
		level += mean / 100;
		change += rm > 0 ? Math.log((rs / rm + 1) / (mean + 1)) : 0;
		n++;
	}
	return n > 0 ? { level: level / n, change: change / n } : null;
}

/** Average share of each week in the first H weeks' sales (launches that sold nothing left out). */
function shares(ps: readonly LaunchProduct[], H: number): { s: number[]; n: number } {
	const s = new Array<number>(H).fill(0);
	let n = 0;
	for (const p of ps) {
		const t = total(p.curve!, H);
		if (!(t > 0)) continue;
		for (let h = 0; h < H; h++) s[h] += (Number.isFinite(p.curve![h]) ? p.curve![h] : 0) / t;
		n++;
	}
	return { s: n > 0 ? s.map((v) => v / n) : s.map(() => 1 / H), n };
}

/** Solves A x = b for each b, A symmetric positive definite (one Cholesky factorisation of a copy). */
function solveSpd(A: number[][], bs: number[][]): number[][] {
	const n = A.length;
	const L = A.map((r) => r.slice());
	for (let j = 0; j < n; j++) {
		let d = L[j][j];
		for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
		d = Math.sqrt(Math.max(d, 1e-12));
		L[j][j] = d;
		for (let i = j + 1; i < n; i++) {
			let s = L[i][j];
			for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
			L[i][j] = s / d;
		}
	}
	return bs.map((b) => cholSolve(L, b));
}

function cholSolve(L: number[][], b: number[]): number[] {
	const n = b.length;
	const y = new Array<number>(n).fill(0);
	for (let i = 0; i < n; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
		y[i] = s / L[i][i];
	}
	const x = new Array<number>(n).fill(0);
	for (let i = n - 1; i >= 0; i--) {
		let s = y[i];
		for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
		x[i] = s / L[i][i];
	}
	return x;
}

function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return 0;
	const pos = q * (sorted.length - 1);
	const lo = Math.floor(pos);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Fits the launch regression on past launches with a whole curve over `horizon` weeks. Throws when fewer
 * than 3 launches have one.
 */
export function fitLaunchModel(
	history: readonly LaunchProduct[],
	opts: LaunchModelOptions,
): LaunchModel {
	const H = opts.horizon;
	const lambda = opts.lambda ?? 30;
	const recentN = opts.recent ?? 0;
	const gap = (opts.gapDays ?? 0) * DAY;
	const minCount = opts.minCount ?? 5;
	const useMonth = opts.month ?? true;
	const scale = opts.scale ?? 1;
	const past = history
		.filter((p) => p.curve && p.curve.length >= H)
		.slice()
		.sort((a, b) => a.launch - b.launch);
	if (past.length < 3) throw new Error('fitLaunchModel: fewer than 3 past launches');
	const totals = past.map((p) => total(p.curve!, H));
	const pos = totals.filter((t) => t > 0).sort((a, b) => a - b);
	const eps = Math.max(1e-9, 0.05 * quantile(pos, 0.5));
	const ys = totals.map((t) => Math.log(t + eps));

	// Vocabulary of one-hot features.
	const counts = new Map<string, number>();
	const tokens = (p: LaunchProduct): string[] => {
		const t: string[] = [];
		for (const [k, v] of Object.entries(p.attributes)) if (k !== 'season') t.push(`${k}=${v}`);
		for (const w of new Set(p.terms ?? [])) t.push(`word=${w}`);
		const d = new Date(p.launch);
		const month = d.getUTCMonth();
		if (useMonth) t.push(`month=${month + 1}`);
		const per = opts.period ?? 'none';
		if (per === 'season' && p.attributes.season) t.push(`season=${p.attributes.season}`);
		if (per === 'half') t.push(`period=${d.getUTCFullYear()}H${month < 6 ? 1 : 2}`);
		if (per === 'quarter') t.push(`period=${d.getUTCFullYear()}Q${Math.floor(month / 3) + 1}`);
		if (opts.cross)
			for (const [k, v] of Object.entries(p.attributes))
				if (k !== 'season') t.push(`${k}=${v}×q${Math.floor(month / 3) + 1}`);
		return t;
	};
	for (const p of past) for (const t of tokens(p)) counts.set(t, (counts.get(t) ?? 0) + 1);
	const vocab = [...counts].filter(([, c]) => c >= minCount).map(([t]) => t);
	const index = new Map(vocab.map((t, i) => [t, i]));
	const names = [...vocab];

	// Recent level: mean log total of the `recentN` latest launches known `gap` before (prefix sums).
	const prefix = [0];
	for (const y of ys) prefix.push(prefix[prefix.length - 1] + y);
	const recentAt = (launch: number): number => {
		// launches with index < e are known at `launch - gap`
		let lo = 0;
		let hi = past.length;
		while (lo < hi) {
			const m = (lo + hi) >> 1;
			if (past[m].launch <= launch - gap) lo = m + 1;
			else hi = m;
		}
		const e = lo;
		const s = Math.max(0, e - recentN);
		return e - s >= Math.min(20, recentN) ? (prefix[e] - prefix[s]) / (e - s) : NaN;
	};
	const useRecent = recentN > 0;
	if (useRecent) names.push('recent level');
	const usePrice = past.some((p) => p.price != null && p.price > 0);
	if (usePrice) names.push('log price');
	const useTrends = !!opts.trends;
	if (useTrends) names.push('search level', 'search change');
	const dense = names.length - vocab.length;

	const row = (p: LaunchProduct, recent: number): { sparse: number[]; dense: number[] } => {
		const sparse: number[] = [];
		for (const t of tokens(p)) {
			const i = index.get(t);
			if (i !== undefined) sparse.push(i);
		}
		const d: number[] = [];
		if (useRecent) d.push(Number.isFinite(recent) ? recent : NaN);
		if (usePrice) d.push(p.price != null && p.price > 0 ? Math.log(p.price) : NaN);
		if (useTrends) {
			const f = searchFeatures(p, opts.trends!, opts.trendWeeks ?? 52, opts.trendRecent ?? 8);
			d.push(f ? f.level : NaN, f ? f.change : NaN);
		}
		return { sparse, dense: d };
	};
	const rows = past.map((p) => row(p, useRecent ? recentAt(p.launch) : NaN));
	// Dense features: fill missing with the mean, standardise.
	const dMean = new Array<number>(dense).fill(0);
	const dSd = new Array<number>(dense).fill(1);
	for (let j = 0; j < dense; j++) {
		const v = rows.map((r) => r.dense[j]).filter(Number.isFinite);
		const m = v.length ? v.reduce((a, x) => a + x, 0) / v.length : 0;
		const sd = v.length > 1 ? Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / v.length) : 0;
		dMean[j] = m;
		dSd[j] = sd > 1e-9 ? sd : 1;
	}
	const P = names.length;
	const vec = (r: { sparse: number[]; dense: number[] }): [number[], number[]] => {
		// (indices, values) of the non-zero features
		const idx = [...r.sparse];
		const val = r.sparse.map(() => 1);
		for (let j = 0; j < dense; j++) {
			const x = Number.isFinite(r.dense[j]) ? (r.dense[j] - dMean[j]) / dSd[j] : 0;
			idx.push(vocab.length + j);
			val.push(x);
		}
		return [idx, val];
	};
	// Centred ridge: intercept = mean y; one-hots enter uncentred (their penalty pulls to the mean).
	// Targets: the log total (level × the category's shape), or with `weekly` each week's log sales.
	const weekly = !!opts.weekly;
	const e = (eps / H) * 2;
	const targets: number[][] = weekly
		? Array.from({ length: H }, (_v, h) =>
				past.map((p) => Math.log(Math.max(0, Number.isFinite(p.curve![h]) ? p.curve![h] : 0) + e)),
			)
		: [ys];
	const means = targets.map((t) => t.reduce((a, v) => a + v, 0) / t.length);
	const A = Array.from({ length: P }, () => new Array<number>(P).fill(0));
	const bs = targets.map(() => new Array<number>(P).fill(0));
	const xs = rows.map(vec);
	xs.forEach(([idx, val], r) => {
		for (let a = 0; a < idx.length; a++) {
			for (let t = 0; t < targets.length; t++) bs[t][idx[a]] += val[a] * (targets[t][r] - means[t]);
			for (let c = 0; c < idx.length; c++) A[idx[a]][idx[c]] += val[a] * val[c];
		}
	});
	for (let j = 0; j < P; j++) A[j][j] += lambda;
	const betas = P > 0 ? solveSpd(A, bs) : targets.map(() => []);
	const beta = betas[0];
	const lin = (t: number, [idx, val]: [number[], number[]]) =>
		means[t] + idx.reduce((a, i, k) => a + betas[t][i] * val[k], 0);

	// Shapes: overall and per category.
	const shrink = opts.shapeShrink ?? 20;
	const all = shares(past, H).s;
	const byCat = new Map<string, LaunchProduct[]>();
	for (const p of past) {
		const c = p.attributes.category ?? '';
		(byCat.get(c) ?? byCat.set(c, []).get(c)!).push(p);
	}
	const shapeOf = new Map<string, number[]>();
	for (const [c, ps] of byCat) {
		const { s, n } = shares(ps, H);
		shapeOf.set(
			c,
			s.map((v, h) => (n * v + shrink * all[h]) / (n + shrink)),
		);
	}
	const shape = (p: LaunchProduct) => shapeOf.get(p.attributes.category ?? '') ?? all;
	/** The fitted curve of a product (before the move to each week's median). */
	const curveOf = (x: [number[], number[]], p: LaunchProduct): number[] => {
		if (weekly)
			return Array.from({ length: H }, (_v, h) => Math.max(0, Math.exp(lin(h, x)) - e) * scale);
		const lvl = Math.max(0, Math.exp(lin(0, x)) - eps) * scale;
		return shape(p).map((v) => lvl * v);
	};

	// 80 % bounds per week: the 10th/90th percentiles of log(actual/forecast) over the history, in-sample
	// residuals widened by √(1 + P/n) for the fit's own optimism.
	const widen = Math.sqrt(1 + P / past.length);
	const lr: number[][] = Array.from({ length: H }, () => []);
	past.forEach((p, r) => {
		const f = curveOf(xs[r], p);
		for (let h = 0; h < H; h++) {
			const y = Number.isFinite(p.curve![h]) ? p.curve![h] : 0;
			lr[h].push(Math.log((y + e) / (f[h] + e)));
		}
	});
	for (const v of lr) v.sort((a, c) => a - c);
	// The point forecast is each week's median (what an absolute error rewards; sales are right-skewed):
	// the fitted curve moved by the median weekly log error, the bounds around it.
	const q50 = lr.map((v) => (opts.median === false ? 0 : quantile(v, 0.5)));
	const q10 = lr.map((v, h) => q50[h] + (quantile(v, 0.1) - q50[h]) * widen);
	const q90 = lr.map((v, h) => q50[h] + (quantile(v, 0.9) - q50[h]) * widen);

	return {
		n: past.length,
		predict(p) {
			const recent = useRecent ? recentAt(p.launch) : NaN;
			const curve = curveOf(vec(row(p, recent)), p);
			const move = (q: number[]) => curve.map((m, h) => Math.max(0, (m + e) * Math.exp(q[h]) - e));
			const mean = move(q50);
			return {
				id: p.id,
				mean,
				lo80: move(q10),
				hi80: move(q90),
				total: mean.reduce((a, v) => a + v, 0),
			};
		},
		effects() {
			return names
				.map((feature, i) => ({ feature, coefficient: beta[i] }))
				.sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
		},
	};
}

/** Options of forecastLaunches (gapDays: history launched at least that many days before is used). */
export type LaunchForecastOptions = LaunchModelOptions;

/**
 * Forecasts new products from past launches: one fit per launch week (the history known `gapDays` before
 * the week's first launch), so no product sees a later launch. Null for a product with fewer than 3
 * launches before it.
 */
export function forecastLaunches(
	products: readonly LaunchProduct[],
	history: readonly LaunchProduct[],
	opts: LaunchForecastOptions,
): (LaunchModelForecast | null)[] {
	const gap = (opts.gapDays ?? 0) * DAY;
	const groups = new Map<number, number[]>();
	products.forEach((p, i) => {
		const w = Math.floor(p.launch / (7 * DAY));
		(groups.get(w) ?? groups.set(w, []).get(w)!).push(i);
	});
	const out: (LaunchModelForecast | null)[] = products.map(() => null);
	const usable = history.filter((h) => h.curve && h.curve.length >= opts.horizon);
	for (const idx of groups.values()) {
		const cut = Math.min(...idx.map((i) => products[i].launch)) - gap;
		const ids = new Set(idx.map((i) => products[i].id));
		const hist = usable.filter((h) => h.launch < cut + (gap > 0 ? 1 : 0) && !ids.has(h.id));
		if (hist.length < 3) continue;
		const m = fitLaunchModel(hist, opts);
		for (const i of idx) out[i] = m.predict(products[i]);
	}
	return out;
}

/**
 * Whether the search features earn their place: the latest 20 % of past launches (at most `maxTested`)
 * are forecast from the launches `gapDays` before each with and without them; kept only when the WAPE
 * falls. Returns both scores (null when fewer than 20 launches).
 */
export function searchGate(
	history: readonly LaunchProduct[],
	opts: LaunchForecastOptions & { trends: WordTrends },
	maxTested = 300,
): { use: boolean; wapeWith: number; wapeWithout: number; tested: number } | null {
	const H = opts.horizon;
	const sorted = history
		.filter((h) => h.curve && h.curve.length >= H)
		.slice()
		.sort((a, b) => a.launch - b.launch);
	if (sorted.length < 20) return null;
	const test = sorted.slice(Math.floor(sorted.length * 0.8)).slice(-maxTested);
	const score = (withTrends: boolean) => {
		const fc = forecastLaunches(test, sorted, {
			...opts,
			trends: withTrends ? opts.trends : undefined,
		});
		let ae = 0;
		let ay = 0;
		let n = 0;
		fc.forEach((f, i) => {
			if (!f) return;
			n++;
			for (let h = 0; h < H; h++) {
				const y = test[i].curve![h];
				ae += Math.abs(y - f.mean[h]);
				ay += Math.abs(y);
			}
		});
		return { wape: (100 * ae) / Math.max(1e-12, ay), n };
	};
	const w = score(true);
	const wo = score(false);
	if (w.n === 0) return null;
	return { use: w.wape < wo.wape, wapeWith: w.wape, wapeWithout: wo.wape, tested: w.n };
}

/**
 * The regression variants a history chooses between (chooseLaunchMethod): the level × the category's
 * launch curve, and one fit per week with the launch quarter's own effect (VISUELLE: chosen on the
 * validation part of its own train/test protocol; on the season-ahead split it ties, see SIGNALS.md).
 */
export const LAUNCH_VARIANTS: readonly { name: string; options: Partial<LaunchModelOptions> }[] = [
	{ name: 'level × category curve', options: {} },
	{ name: 'per week + launch quarter', options: { weekly: true, period: 'quarter', lambda: 100 } },
];

/**
 * Which forecaster a history supports: the latest 20 % of its launches (at most `maxTested`) are forecast
 * from the launches at least `horizon` weeks before each, by each regression variant (LAUNCH_VARIANTS, on
 * top of `opts`) and by the attribute kNN (k 25); the lowest WAPE wins (the regression on a tie, the
 * earlier variant on a tie). Null when fewer than 20 launches or none could be tested (then the caller
 * keeps its default).
 */
export function chooseLaunchMethod(
	history: readonly LaunchProduct[],
	opts: LaunchModelOptions,
	maxTested = 300,
	variants: readonly { name: string; options: Partial<LaunchModelOptions> }[] = LAUNCH_VARIANTS,
): {
	method: 'regression' | 'knn';
	/** WAPE of the best regression variant, its name and options (to pass on to forecastLaunches). */
	wapeRegression: number;
	variant: string;
	options: LaunchModelOptions;
	/** WAPE of every variant, in `variants` order. */
	wapeVariants: number[];
	wapeKnn: number;
	tested: number;
} | null {
	const H = opts.horizon;
	const sorted = history
		.filter((h) => h.curve && h.curve.length >= H)
		.slice()
		.sort((a, b) => a.launch - b.launch);
	if (sorted.length < 20) return null;
	const test = sorted.slice(Math.floor(sorted.length * 0.8)).slice(-maxTested);
	const regs = variants.map((v) =>
		forecastLaunches(test, sorted, { ...opts, ...v.options, gapDays: H * 7 }),
	);
	const ar = variants.map(() => 0);
	let ak = 0;
	let ay = 0;
	let n = 0;
	test.forEach((p, i) => {
		const past = historyBefore(p, sorted, H * 7);
		if (regs.some((r) => !r[i]) || past.length < 3) return;
		const k = forecastNewProduct(p, past, { horizon: H }).mean;
		n++;
		for (let h = 0; h < H; h++) {
			const y = p.curve![h];
			regs.forEach((r, v) => (ar[v] += Math.abs(y - r[i]!.mean[h])));
			ak += Math.abs(y - k[h]);
			ay += Math.abs(y);
		}
	});
	if (n === 0) return null;
	const wapeVariants = ar.map((a) => (100 * a) / Math.max(1e-12, ay));
	let best = 0;
	wapeVariants.forEach((w, v) => {
		if (w < wapeVariants[best]) best = v;
	});
	const wapeRegression = wapeVariants[best];
	const wapeKnn = (100 * ak) / Math.max(1e-12, ay);
	return {
		method: wapeRegression <= wapeKnn ? 'regression' : 'knn',
		wapeRegression,
		variant: variants[best].name,
		options: { ...opts, ...variants[best].options },
		wapeVariants,
		wapeKnn,
		tested: n,
	};
}
