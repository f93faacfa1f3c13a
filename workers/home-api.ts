// The home worker's API: builds the home dashboard (src/core/home/dashboard.ts) off the main thread.
// It finds the rising and falling products and categories, and checks the recent forecasts against
// what sold by remaking them with the engine from the data before each origin (the shop total with the
// automatic choice, the best sellers with the plan's quick models). Those forecasts are cached per
// dataset (cacheKey), so adding the plan, the risk flags or the topics later only reassembles the lines.
// Imported by home.worker.ts and by the unit tests (over a MessageChannel).
import { forecastAuto } from '../src/core/engine';
import { pastAccuracy, pooledError, type PastAccuracy } from '../src/core/home/accuracy';
import {
	buildDashboard,
	type HomeDashboard,
	type HomeFlag,
	type HomePlanRow,
	type HomeTopic,
} from '../src/core/home/dashboard';
import { QUICK_MODELS } from '../src/core/inventory/plan';
import { trimPartialPeriods } from '../src/core/series/calendar';
import type { SeriesBatch } from '../src/core/types';
import { startupMark } from '../src/lib/startup-marks';

export interface HomeRequest {
	/** Identifies the sales history (dataset id + rows): the accuracy checks are cached under it. */
	cacheKey: string;
	/** Weekly units of the best sellers (as the data worker returns them; partial edge weeks are cut here). */
	products: SeriesBatch;
	/** Weekly units of all products together (one series). */
	total: SeriesBatch;
	/** Weekly units per category, when the dataset has a category column. */
	categories?: SeriesBatch | null;
	titles: Record<string, string>;
	plan?: { rows: HomePlanRow[]; hasStock: boolean } | null;
	/** null = the dataset has no customers; undefined = not known yet. */
	flags?: HomeFlag[] | null;
	topics?: { rising: HomeTopic[]; falling: HomeTopic[] } | null;
}

/** Weeks each past forecast covers, origins checked, best sellers checked one by one. */
export const HOME_HORIZON = 4;
export const HOME_ORIGINS = 6;
export const HOME_ACCURACY_PRODUCTS = 20;

interface Checked {
	accuracy: PastAccuracy | null;
	productAccuracy: { products: number; horizon: number; error: number } | null;
}

const cache = new Map<string, Checked>();

const trim = (b: SeriesBatch): SeriesBatch => (b.ids.length > 0 ? trimPartialPeriods(b).batch : b);

function check(total: SeriesBatch, products: SeriesBatch): Checked {
	const y = total.y.subarray(total.indptr[0], total.indptr[1]);
	const accuracy = pastAccuracy(
		Float64Array.from(y),
		(h, k) => forecastAuto(h, { horizon: k, season: 52, levels: [0.8] }).point,
		{ horizon: HOME_HORIZON, origins: HOME_ORIGINS, minHistory: 12 },
	);
	const pairs: { forecast: number; actual: number }[] = [];
	const quick = (h: Float64Array, k: number) =>
		forecastAuto(h, { horizon: k, season: 52, levels: [0.8], models: [...QUICK_MODELS] }).point;
	for (let i = 0; i < Math.min(HOME_ACCURACY_PRODUCTS, products.ids.length); i++) {
		const s = Float64Array.from(products.y.subarray(products.indptr[i], products.indptr[i + 1]));
		const a = pastAccuracy(s, quick, { horizon: HOME_HORIZON, origins: 1, minHistory: 12 });
		if (a) pairs.push({ forecast: a.checks[0].forecast, actual: a.checks[0].actual });
	}
	const error = pooledError(pairs);
	return {
		accuracy,
		productAccuracy: Number.isFinite(error)
			? { products: pairs.length, horizon: HOME_HORIZON, error }
			: null,
	};
}

export const homeApi = {
	/** The dashboard from what is known so far (plan, flags and topics may come later). */
	dashboard(req: HomeRequest): HomeDashboard {
		const products = trim(req.products);
		let checked = cache.get(req.cacheKey);
		if (!checked) {
			startupMark('home:check-start');
			checked = check(trim(req.total), products);
			startupMark('home:checked');
			if (cache.size > 8) cache.clear();
			cache.set(req.cacheKey, checked);
		}
		return buildDashboard({
			products,
			titles: req.titles,
			categories: req.categories ? trim(req.categories) : null,
			...(req.plan !== undefined ? { plan: req.plan } : {}),
			...(req.flags !== undefined ? { flags: req.flags } : {}),
			topics: req.topics ?? null,
			accuracy: checked.accuracy,
			productAccuracy: checked.productAccuracy,
		});
	},
};

export type HomeWorkerApi = typeof homeApi;
