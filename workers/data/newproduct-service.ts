// New products on the Market screen (issue 14): forecasts the first weeks of a product not launched yet
// from the shop's past launches (catalog files with weekly sales after launch, VISUELLE's layout: columns
// 0…H−1) and the search interest of its words (imported Google Trends / word-trend files). The model is
// the attribute + season kNN of src/core/newproduct/knn.ts; before it is offered it is backtested by hiding
// launches: the latest 20 % of past launches (at most 300) are forecast from the products launched at
// least H weeks before each, against the category-mean launch curve. Past launches also come from the
// shop's own sales (src/core/newproduct/shop.ts); the shop's launch curve at the neighbours' level is used
// instead of the neighbours' own curves when that backtests better. Search interest scales the curve
// only when that backtest improves with it (β = 1 vs β = 0); the UI says which. The launch regression
// (src/core/newproduct/level.ts) is backtested the same way and replaces the similar-products forecast
// when its WAPE is lower than every kNN variant's (the neighbours are still listed). Data and codes only.
import type { SearchSeries } from '../../src/core/ingest/schemas/search';
import {
	categoryMeanForecast,
	forecastNewProduct,
	historyBefore,
	launchScores,
	type LaunchProduct,
	type SimilarityWhy,
	type WordTrends,
} from '../../src/core/newproduct/knn';
import { fitLaunchModel, forecastLaunches, LAUNCH_VARIANTS } from '../../src/core/newproduct/level';

const DAY = 86_400_000;

/** The backtest by hidden launches. */
export interface LaunchBacktest {
	tested: number;
	horizon: number;
	/** WAPE % of the similar-products forecast, with search scaling (null: no matching search words), and of the category mean. */
	wapeKnn: number;
	wapeSearch: number | null;
	wapeCategory: number;
	maeKnn: number;
	maeCategory: number;
	/** WAPE % with the shop's own launch curve spread over the neighbours' level (knn.ts shape 'shop'). */
	wapeShape: number;
	/** WAPE % of the launch regression (level.ts: log sales on attributes and month × category curve). */
	wapeRegression: number | null;
}

/** What the new-product form needs. */
export interface NewProductModel {
	/** Past launches with sales curves. */
	products: number;
	/** Of them, launches found in the shop's own sales (first sale or catalog launch date). */
	fromSales: number;
	/** The curve used: the neighbours' own, or the shop's launch curve at the neighbours' level (the better in the backtest). */
	shape: 'neighbours' | 'shop';
	/** The forecaster: the launch regression when it backtests better than the similar products, else kNN. */
	method: 'regression' | 'knn';
	/** The regression variant (index in LAUNCH_VARIANTS) that backtested best. */
	regressionVariant: number;
	horizon: number;
	/** Latest past launch, epoch ms. */
	lastLaunch: number;
	/** Attribute name → values seen, most common first. */
	attributes: { name: string; values: string[] }[];
	backtest: LaunchBacktest | null;
	/** Search words (lower case) matching attribute values, and whether they scale the forecast. */
	searchWords: string[];
	useSearch: boolean;
	/** Catalog products without sales yet (not launched): forecast candidates. */
	upcoming: {
		id: string;
		attributes: Record<string, string>;
		price: number | null;
		launch: number | null;
	}[];
}

/** A new product as the form describes it. */
export interface NewProductInput {
	attributes: Record<string, string>;
	/** Title or description words (compared with past products' titles). */
	title?: string;
	price: number | null;
	launch: number;
}

/** The forecast of one new product. */
export interface NewProductResult {
	/** Week starts after the launch, epoch ms. */
	weeks: number[];
	mean: number[];
	lo80: number[];
	hi80: number[];
	category: number[];
	/** The most similar past launches, with why (shared attributes and title words, season, price). */
	neighbours: {
		id: string;
		title: string;
		similarity: number;
		attributes: Record<string, string>;
		why: SimilarityWhy;
	}[];
	trendMultiplier: number;
	usedSearch: boolean;
	/** Past launches it learned from (launched before it). */
	history: number;
}

/** Word trends from search sets: the set whose terms match most attribute values. */
export function pickWordTrends(
	sets: SearchSeries[][],
	values: ReadonlySet<string>,
): { trends: WordTrends; words: string[] } | null {
	let best: { trends: WordTrends; words: string[] } | null = null;
	for (const series of sets) {
		const words = series.map((s) => s.term.toLowerCase()).filter((w) => values.has(w));
		if (words.length === 0 || (best && best.words.length >= words.length)) continue;
		const map = new Map<string, number[]>();
		for (const s of series) map.set(s.term.toLowerCase(), s.y);
		best = { trends: { weeks: series[0].ds, series: map }, words };
	}
	return best;
}

/** Builds the model summary: attribute values, the hidden-launch backtest and the search choice. */
export function buildNewProductModel(
	launches: LaunchProduct[],
	upcoming: NewProductModel['upcoming'],
	searchSets: SearchSeries[][],
	maxTested = 300,
	fromSales = 0,
): { model: NewProductModel; trends: WordTrends | null } {
	const past = launches.filter((p) => p.curve && p.curve.length > 0);
	const horizon = past.length ? Math.min(...past.map((p) => p.curve!.length)) : 0;
	const counts = new Map<string, Map<string, number>>();
	for (const p of past)
		for (const [k, v] of Object.entries(p.attributes)) {
			if (!v) continue;
			const m = counts.get(k) ?? new Map<string, number>();
			m.set(v, (m.get(v) ?? 0) + 1);
			counts.set(k, m);
		}
	const attributes = [...counts.entries()]
		.filter(([, m]) => m.size >= 2 && m.size <= 200)
		.map(([name, m]) => ({
			name,
			values: [...m.entries()]
				.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
				.map(([v]) => v),
		}))
		.sort((a, b) => (a.name === 'category' ? -1 : b.name === 'category' ? 1 : 0));
	const values = new Set(attributes.flatMap((a) => a.values.map((v) => v.toLowerCase())));
	const picked = pickWordTrends(searchSets, values);
	let backtest: LaunchBacktest | null = null;
	let useSearch = false;
	let shape: NewProductModel['shape'] = 'neighbours';
	let method: NewProductModel['method'] = 'knn';
	let regressionVariant = 0;
	if (past.length >= 20 && horizon > 0) {
		const sorted = [...past].sort((a, b) => a.launch - b.launch);
		const test = sorted.slice(Math.floor(sorted.length * 0.8)).slice(-maxTested);
		const actual: number[][] = [];
		const knn: number[][] = [];
		const search: number[][] = [];
		const cat: number[][] = [];
		const shop: number[][] = [];
		const tested: LaunchProduct[] = [];
		for (const p of test) {
			const hist = historyBefore(p, sorted, horizon * 7);
			if (hist.length < 5) continue;
			tested.push(p);
			actual.push(p.curve!.slice(0, horizon));
			knn.push(forecastNewProduct(p, hist, { horizon }).mean);
			if (picked)
				search.push(
					forecastNewProduct(p, hist, { horizon, trends: picked.trends, trendBeta: 1 }).mean,
				);
			cat.push(categoryMeanForecast(p, hist, horizon));
			shop.push(forecastNewProduct(p, hist, { horizon, shape: 'shop' }).mean);
		}
		if (actual.length > 0) {
			const k = launchScores(actual, knn);
			const c = launchScores(actual, cat);
			const s = picked ? launchScores(actual, search) : null;
			const sh = launchScores(actual, shop);
			useSearch = s !== null && s.wape < k.wape;
			shape = sh.wape < k.wape ? 'shop' : 'neighbours';
			// each regression variant (level × category curve; per week + launch quarter), the best kept
			const regScores = LAUNCH_VARIANTS.map((v) => {
				const reg = forecastLaunches(tested, sorted, {
					horizon,
					gapDays: horizon * 7,
					...v.options,
				});
				return reg.every((f) => f !== null)
					? launchScores(
							actual,
							reg.map((f) => f!.mean),
						)
					: null;
			});
			regScores.forEach((r, v) => {
				if (r && r.wape < (regScores[regressionVariant]?.wape ?? Infinity)) regressionVariant = v;
			});
			const regScore = regScores[regressionVariant];
			const knnBest = Math.min(k.wape, sh.wape, s?.wape ?? Infinity);
			method = regScore !== null && regScore.wape < knnBest ? 'regression' : 'knn';
			const wapeRegression = regScore?.wape ?? null;
			backtest = {
				tested: actual.length,
				horizon,
				wapeKnn: k.wape,
				wapeSearch: s?.wape ?? null,
				wapeCategory: c.wape,
				maeKnn: k.mae,
				maeCategory: c.mae,
				wapeShape: sh.wape,
				wapeRegression,
			};
		}
	}
	return {
		model: {
			products: past.length,
			fromSales,
			shape,
			method,
			regressionVariant,
			horizon,
			lastLaunch: past.reduce((m, p) => Math.max(m, p.launch), 0),
			attributes,
			backtest,
			searchWords: picked?.words ?? [],
			useSearch,
			upcoming: upcoming.slice(0, 200),
		},
		trends: picked?.trends ?? null,
	};
}

/** Forecasts one new product from the past launches before it. */
export function forecastLaunch(
	input: NewProductInput,
	launches: LaunchProduct[],
	model: NewProductModel,
	trends: WordTrends | null,
	terms: readonly string[] = [],
): NewProductResult {
	const product: LaunchProduct = {
		id: '(new)',
		terms,
		attributes: Object.fromEntries(Object.entries(input.attributes).filter(([, v]) => v !== '')),
		price: input.price,
		launch: input.launch,
	};
	const past = launches.filter((p) => p.curve && p.curve.length > 0);
	let hist = historyBefore(product, past, model.horizon * 7);
	if (hist.length < 5) hist = past; // a launch before the history: use all of it
	const useSearch = model.useSearch && trends !== null;
	const fc = forecastNewProduct(product, hist, {
		horizon: model.horizon,
		trends: useSearch ? trends! : undefined,
		trendBeta: useSearch ? 1 : 0,
		shape: model.shape,
	});
	const byId = new Map(hist.map((p) => [p.id, p]));
	// The regression when it backtested better (the neighbours still say which past launches are alike).
	const reg =
		model.method === 'regression' && hist.length >= 3
			? fitLaunchModel(hist, {
					horizon: model.horizon,
					...LAUNCH_VARIANTS[model.regressionVariant]?.options,
				}).predict(product)
			: null;
	const point = reg ?? fc;
	return {
		weeks: fc.mean.map((_v, h) => input.launch + h * 7 * DAY),
		mean: point.mean,
		lo80: point.lo80,
		hi80: point.hi80,
		category: categoryMeanForecast(product, hist, model.horizon),
		neighbours: fc.neighbours.map((n) => ({
			...n,
			title: byId.get(n.id)?.title ?? '',
			attributes: byId.get(n.id)?.attributes ?? {},
		})),
		trendMultiplier: reg ? 1 : fc.trendMultiplier,
		usedSearch: !reg && useSearch && fc.trendMultiplier !== 1,
		history: hist.length,
	};
}
