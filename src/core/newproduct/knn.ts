// New products without history: forecast the first weeks from similar past products. Similarity is a
// weighted attribute match (category, colour, fabric, detail, …), text similarity of titles, price
// closeness and launch season (month distance), as the attribute-kNN baseline of VISUELLE (Skenderi et
// al. 2024, "Well Googled is Half Done", §5: kNN on attributes ≈ WAPE 59.8); the forecast is the
// similarity-weighted mean of the neighbours' launch curves, with 80 % bounds from their weighted 10th and
// 90th percentiles. Optionally the search interest of the product's words (category/colour/fabric) in the
// weeks before its launch, relative to what its neighbours had before theirs, scales the curve
// (multiplier^β, clipped to 0.5–2; β chosen on the history). Pure TypeScript: the `newproduct` CLI,
// the data worker and the benchmark use it.

/** A past (or new) product. */
export interface LaunchProduct {
	id: string;
	/** Attribute name → value (category, color, fabric, extra, …). */
	attributes: Record<string, string>;
	/** Title or description as the shop wrote it (shown; `terms` are its words). */
	title?: string;
	/** Words of the title/description (text pipeline terms); may be empty. */
	terms?: readonly string[];
	price?: number | null;
	/** Launch (release) date, epoch ms. */
	launch: number;
	/** Sales in weeks 1…H after launch (past products only). */
	curve?: readonly number[];
}

/** Weekly search interest per word (lower-case), aligned with `weeks` (epoch ms, ascending). */
export interface WordTrends {
	weeks: number[];
	series: Map<string, number[]>;
}

/** Options of the forecaster. */
export interface NewProductOptions {
	/** Neighbours used (default 25). */
	k?: number;
	horizon?: number;
	/** Weight of each attribute when it matches (default category 3, others 1). */
	attributeWeights?: Record<string, number>;
	/** Exponent of the search-interest multiplier (0 = off). */
	trendBeta?: number;
	trends?: WordTrends;
	/** Weeks before launch averaged for the search level (default 8). */
	trendWeeks?: number;
	/**
	 * 'neighbours' (default): the curve is the neighbours' weighted mean curve. 'shop': the neighbours
	 * give the level (their weighted mean total over the horizon) and the shop's own launch curve
	 * (launchShape over every past launch) spreads it over the weeks.
	 */
	shape?: 'neighbours' | 'shop';
}

/** A new product's forecast. */
export interface NewProductForecast {
	id: string;
	mean: number[];
	lo80: number[];
	hi80: number[];
	/** Neighbours used, most similar first, with why they are similar. */
	neighbours: { id: string; similarity: number; why: SimilarityWhy }[];
	/** Search multiplier applied (1 when none). */
	trendMultiplier: number;
}

const DAY = 86_400_000;

/** Why two products are similar: the shared attributes and title words, season and price closeness. */
export interface SimilarityWhy {
	/** Similarity in [0, 1] (productSimilarity). */
	score: number;
	/** Attributes of the first product the second shares ([name, value]). */
	attributes: [string, string][];
	/** Title/description words both have. */
	words: string[];
	/** Months between the launch months (0–6). */
	months: number;
	/** Price of the second ÷ price of the first (null when either has none). */
	priceRatio: number | null;
}

/** Similarity of two products in [0, 1] with its reasons. */
export function explainSimilarity(
	a: LaunchProduct,
	b: LaunchProduct,
	weights: Record<string, number> = {},
): SimilarityWhy {
	let s = 0;
	let total = 0;
	const attributes: [string, string][] = [];
	for (const [name, v] of Object.entries(a.attributes)) {
		const w = weights[name] ?? (name === 'category' ? 3 : 1);
		total += w;
		if (b.attributes[name] !== undefined && b.attributes[name] === v) {
			s += w;
			attributes.push([name, v]);
		}
	}
	// Launch season: month distance on the circle.
	const ma = new Date(a.launch).getUTCMonth();
	const mb = new Date(b.launch).getUTCMonth();
	const dm = Math.min(Math.abs(ma - mb), 12 - Math.abs(ma - mb));
	total += 1;
	s += 1 - dm / 6;
	const words: string[] = [];
	if (a.terms && b.terms && a.terms.length > 0 && b.terms.length > 0) {
		const sa = new Set(a.terms);
		const sb = new Set(b.terms);
		for (const t of sa) if (sb.has(t)) words.push(t);
		total += 2;
		s += (2 * words.length) / (sa.size + sb.size - words.length);
	}
	let priceRatio: number | null = null;
	if (a.price != null && b.price != null && a.price > 0 && b.price > 0) {
		total += 1;
		s += Math.max(0, 1 - Math.abs(Math.log(a.price / b.price)));
		priceRatio = b.price / a.price;
	}
	return { score: total > 0 ? s / total : 0, attributes, words, months: dm, priceRatio };
}

/** Similarity of two products in [0, 1]. */
export function productSimilarity(
	a: LaunchProduct,
	b: LaunchProduct,
	weights: Record<string, number> = {},
): number {
	return explainSimilarity(a, b, weights).score;
}

/**
 * The shop's own launch curve: the mean share of each week in the first `horizon` weeks' sales over its
 * past launches (each launch's curve divided by its total; launches that sold nothing are left out).
 * Null when no launch sold anything.
 */
export function launchShape(history: readonly LaunchProduct[], horizon: number): number[] | null {
	const sum = new Array<number>(horizon).fill(0);
	let n = 0;
	for (const p of history) {
		if (!p.curve || p.curve.length < horizon) continue;
		const c = p.curve.slice(0, horizon).map((v) => (Number.isFinite(v) ? v : 0));
		const t = c.reduce((a, v) => a + v, 0);
		if (!(t > 0)) continue;
		c.forEach((v, i) => (sum[i] += v / t));
		n++;
	}
	return n > 0 ? sum.map((v) => v / n) : null;
}

/** Weighted quantile of values. */
function weightedQuantile(values: number[], weights: number[], q: number): number {
	const idx = values.map((_v, i) => i).sort((i, j) => values[i] - values[j]);
	const total = weights.reduce((a, c) => a + c, 0);
	let acc = 0;
	for (const i of idx) {
		acc += weights[i];
		if (acc >= q * total) return values[i];
	}
	return values[idx[idx.length - 1]] ?? 0;
}

/** Mean search interest of a product's attribute words over the `weeks` weeks before `launch` (NaN if none). */
export function searchLevel(p: LaunchProduct, trends: WordTrends, weeks = 8): number {
	let end = 0;
	while (end < trends.weeks.length && trends.weeks[end] < p.launch) end++;
	const start = Math.max(0, end - weeks);
	if (end - start < 1) return NaN;
	let s = 0;
	let n = 0;
	for (const v of Object.values(p.attributes)) {
		const series = trends.series.get(v.toLowerCase());
		if (!series) continue;
		for (let i = start; i < end; i++)
			if (Number.isFinite(series[i]) && series[i] >= 0) {
				s += series[i];
				n++;
			}
	}
	return n > 0 ? s / n : NaN;
}

/** Forecasts one new product from the past products launched before it. */
export function forecastNewProduct(
	product: LaunchProduct,
	history: readonly LaunchProduct[],
	opts: NewProductOptions = {},
): NewProductForecast {
	const k = opts.k ?? 25;
	const past = history.filter((h) => h.curve && h.curve.length > 0 && h.id !== product.id);
	const H = opts.horizon ?? Math.max(...past.map((p) => p.curve!.length));
	const scored = past
		.map((p) => {
			const why = explainSimilarity(product, p, opts.attributeWeights);
			return { p, s: why.score, why };
		})
		.sort((a, b) => b.s - a.s || b.p.launch - a.p.launch)
		.slice(0, k);
	const weights = scored.map((x) => Math.max(1e-6, x.s) ** 4);
	const mean: number[] = [];
	const lo80: number[] = [];
	const hi80: number[] = [];
	let multiplier = 1;
	const beta = opts.trendBeta ?? 0;
	if (beta > 0 && opts.trends) {
		const own = searchLevel(product, opts.trends, opts.trendWeeks);
		let ws = 0;
		let wl = 0;
		scored.forEach((x, i) => {
			const l = searchLevel(x.p, opts.trends!, opts.trendWeeks);
			if (Number.isFinite(l)) {
				ws += weights[i];
				wl += weights[i] * l;
			}
		});
		const theirs = ws > 0 ? wl / ws : NaN;
		if (own > 0 && theirs > 0) multiplier = Math.min(2, Math.max(0.5, own / theirs)) ** beta;
	}
	const shape = opts.shape === 'shop' ? launchShape(past, H) : null;
	if (shape) {
		// The level from the neighbours (total over the H weeks), the weekly split from the shop's launches.
		const totals = scored.map((x) =>
			x.p.curve!.slice(0, H).reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0),
		);
		const tw = weights.reduce((a, c) => a + c, 0);
		const level = tw > 0 ? totals.reduce((a, v, i) => a + v * weights[i], 0) / tw : 0;
		const lo = totals.length ? weightedQuantile(totals, weights, 0.1) : 0;
		const hi = totals.length ? weightedQuantile(totals, weights, 0.9) : 0;
		for (let h = 0; h < H; h++) {
			mean.push(level * shape[h] * multiplier);
			lo80.push(lo * shape[h] * multiplier);
			hi80.push(hi * shape[h] * multiplier);
		}
	}
	for (let h = 0; h < H && !shape; h++) {
		const vals: number[] = [];
		const ws: number[] = [];
		scored.forEach((x, i) => {
			const v = x.p.curve![h];
			if (Number.isFinite(v)) {
				vals.push(v);
				ws.push(weights[i]);
			}
		});
		const tw = ws.reduce((a, c) => a + c, 0);
		const m = tw > 0 ? vals.reduce((a, v, i) => a + v * ws[i], 0) / tw : 0;
		mean.push(m * multiplier);
		lo80.push(vals.length ? weightedQuantile(vals, ws, 0.1) * multiplier : 0);
		hi80.push(vals.length ? weightedQuantile(vals, ws, 0.9) * multiplier : 0);
	}
	return {
		id: product.id,
		mean,
		lo80,
		hi80,
		neighbours: scored.slice(0, 5).map((x) => ({ id: x.p.id, similarity: x.s, why: x.why })),
		trendMultiplier: multiplier,
	};
}

/** The simple baseline: the mean launch curve of past products of the same category (else all). */
export function categoryMeanForecast(
	product: LaunchProduct,
	history: readonly LaunchProduct[],
	horizon: number,
): number[] {
	const same = history.filter(
		(h) => h.curve && h.attributes.category === product.attributes.category,
	);
	const pool = same.length > 0 ? same : history.filter((h) => h.curve);
	return Array.from({ length: horizon }, (_v, i) => {
		const v = pool.map((p) => p.curve![i]).filter(Number.isFinite);
		return v.reduce((a, c) => a + c, 0) / Math.max(1, v.length);
	});
}

/** WAPE (Σ|e| / Σ|y|, in %) and MAE over all products and weeks. */
export function launchScores(
	actual: readonly (readonly number[])[],
	forecast: readonly (readonly number[])[],
): { wape: number; mae: number } {
	let ae = 0;
	let ay = 0;
	let n = 0;
	actual.forEach((a, i) =>
		a.forEach((y, h) => {
			ae += Math.abs(y - forecast[i][h]);
			ay += Math.abs(y);
			n++;
		}),
	);
	return { wape: (100 * ae) / Math.max(1e-12, ay), mae: ae / Math.max(1, n) };
}

/** Only history launched at least `gapDays` before the product (no peeking at later launches). */
export function historyBefore(
	product: LaunchProduct,
	history: readonly LaunchProduct[],
	gapDays = 0,
): LaunchProduct[] {
	return history.filter((h) => h.launch <= product.launch - gapDays * DAY);
}
