// The data worker's customer jobs (Customers screen): segments, recommendations and risk flags for one
// dataset, computed with the pure code of src/core/{segments,recommend,anomaly} on the dataset's order
// lines, plus the analyst's "OK" marks on flags kept in IndexedDB. One fitted recommender per dataset is
// cached so "for this customer / product" lists answer at once.
import { scanRisk, type RiskFlag } from '../../src/core/anomaly/orders';
import type { OrderLines } from '../../src/core/recommend/interactions';
import type { RankingScores } from '../../src/core/recommend/evaluate';
import { fitCoPurchase } from '../../src/core/recommend/methods';
import { chooseRecommenderSteps, type RecommenderChoice } from '../../src/core/recommend/select';
import type { FittedRecommender, RecommenderName } from '../../src/core/recommend/types';
import { segmentCustomers, type SegmentReport } from '../../src/core/segments/rfm';
import { cancelledError, type Message } from '../../src/core/messages';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { OrderLineColumns } from './queries';
import type { Progress } from '../../src/core/ingest/types';
import { runStepsPaused } from '../../src/core/steps';
import { throttleProgress, yieldToEvents } from './progress';

const DAY_MS = 86_400_000;

/** A risk flag with the analyst's mark. */
export interface MarkedFlag extends RiskFlag {
	markedOk: boolean;
}

/** Everything the Customers screen shows first. */
export interface CustomerInsights {
	/** False when the dataset has no customer column: nothing else is filled. */
	hasCustomers: boolean;
	/** Insights use sales before this time (the day after the last sale), epoch ms. */
	asOf: number;
	segments: SegmentReport | null;
	recommender: { chosen: RecommenderName; validation: RankingScores[] } | null;
	flags: MarkedFlag[];
	/** Product id → title, for the products named in recommendations. */
	titles: Record<string, string>;
}

/** One line of a "for this customer / product" list. */
export interface RecommendedProduct {
	productId: string;
	title: string;
	score: number;
	why: Message;
}

/** Builds the customer jobs over a way to read a dataset's lines and the Dexie database. */
export function createCustomerJobs(deps: {
	orderLines: (datasetId: string) => Promise<OrderLineColumns>;
	db: TrendcastDb;
}) {
	const cache = new Map<string, { choice: RecommenderChoice; asOf: number }>();
	/** Product-to-product models for when the chosen method has none (see forProduct). */
	const itemModels = new Map<string, FittedRecommender>();

	async function marks(datasetId: string): Promise<Set<string>> {
		const rows = await deps.db.flagMarks.where('datasetId').equals(datasetId).toArray();
		return new Set(rows.filter((r) => r.status === 'ok').map((r) => r.flagId));
	}

	/**
	 * Segments, recommender choice and risk flags of a dataset. `onProgress` hears the phase
	 * (customers_lines, _segments, _recommend, _risk) and the share done out of 100, throttled. The work
	 * pauses between its steps (each method's fit, chunks of scored customers), so the worker answers
	 * other screens' calls meanwhile; an abort of `signal` stops it at the next pause (AbortError
	 * customers_cancelled) and leaves the worker and its other calls running.
	 */
	async function insights(
		datasetId: string,
		onProgress?: (p: Progress) => unknown,
		signal?: AbortSignal,
	): Promise<CustomerInsights> {
		const progress = throttleProgress(onProgress);
		const step = (phase: string, done: number) =>
			progress({ phase: `customers_${phase}`, done: Math.round(done), total: 100 });
		const pause = async () => {
			await yieldToEvents();
			if (signal?.aborted) throw cancelledError('customers_cancelled');
		};
		step('lines', 0);
		const lines = await deps.orderLines(datasetId);
		await pause();
		const hasCustomers = lines.customer.some((c) => c !== null && c !== '');
		let last = -Infinity;
		for (let i = 0; i < lines.ds.length; i++) if (lines.ds[i] > last) last = lines.ds[i];
		const asOf = Number.isFinite(last) ? (Math.floor(last / DAY_MS) + 1) * DAY_MS : Date.now();
		if (!hasCustomers)
			return { hasCustomers, asOf, segments: null, recommender: null, flags: [], titles: {} };
		const sales: OrderLines = {
			customer: lines.customer.filter((_, i) => !lines.isReturn[i]),
			product: lines.product.filter((_, i) => !lines.isReturn[i]),
			order: lines.order.filter((_, i) => !lines.isReturn[i]),
			ds: lines.ds.filter((_, i) => !lines.isReturn[i]),
			quantity: lines.quantity.filter((_, i) => !lines.isReturn[i]),
			revenue: lines.revenue.filter((_, i) => !lines.isReturn[i]),
			description: lines.description.filter((_, i) => !lines.isReturn[i]),
		};
		step('segments', 10);
		await pause();
		const segments = segmentCustomers(
			{ customer: lines.customer, order: lines.order, ds: lines.ds, revenue: lines.revenue },
			asOf,
		);
		step('recommend', 25);
		await pause();
		// the methods' backtests are most of the time (a minute on 324k lines): 25 → 85 %
		const choice = await runStepsPaused(
			chooseRecommenderSteps(sales, asOf, 10, undefined, (done, total) =>
				step('recommend', 25 + (60 * done) / total),
			),
			pause,
		);
		step('risk', 85);
		await pause();
		cache.set(datasetId, { choice, asOf });
		itemModels.delete(datasetId);
		const ok = await marks(datasetId);
		const flags = scanRisk({ ...lines, store: lines.store }).map((f) => ({
			...f,
			markedOk: ok.has(f.id),
		}));
		step('risk', 100);
		const titles: Record<string, string> = {};
		choice.data.products.forEach((p, i) => {
			if (choice.data.titles[i]) titles[p] = choice.data.titles[i];
		});
		return {
			hasCustomers,
			asOf,
			segments,
			recommender: { chosen: choice.chosen, validation: choice.validation },
			flags,
			titles,
		};
	}

	async function fitted(datasetId: string) {
		let entry = cache.get(datasetId);
		if (!entry) {
			await insights(datasetId);
			entry = cache.get(datasetId)!;
		}
		return entry.choice;
	}

	async function forCustomer(
		datasetId: string,
		customerId: string,
		k = 10,
	): Promise<RecommendedProduct[] | null> {
		const choice = await fitted(datasetId);
		const u = choice.data.customers.indexOf(customerId.trim());
		if (u < 0) return null;
		return choice.model.forUser(u, k).map((r) => ({
			productId: choice.data.products[r.item],
			title: choice.data.titles[r.item],
			score: r.score,
			why: r.why,
		}));
	}

	async function forProduct(
		datasetId: string,
		productId: string,
		k = 10,
	): Promise<RecommendedProduct[] | null> {
		const choice = await fitted(datasetId);
		const item = choice.data.products.indexOf(productId.trim());
		if (item < 0) return null;
		// The chosen method may have no product-to-product list (buy again): co-purchase answers then,
		// fitted once per dataset and kept (a fit takes seconds on a year of orders).
		let model = choice.model.forItem ? choice.model : itemModels.get(datasetId);
		if (!model) {
			model = fitCoPurchase(choice.data);
			itemModels.set(datasetId, model);
		}
		return (model.forItem?.(item, k) ?? []).map((r) => ({
			productId: choice.data.products[r.item],
			title: choice.data.titles[r.item],
			score: r.score,
			why: r.why,
		}));
	}

	async function setFlagMark(datasetId: string, flagId: string, ok: boolean): Promise<void> {
		const id = `${datasetId}|${flagId}`;
		if (ok)
			await deps.db.flagMarks.put({ id, datasetId, flagId, status: 'ok', markedAt: Date.now() });
		else await deps.db.flagMarks.delete(id);
	}

	/** Forgets cached models (dataset deleted or replaced). */
	function forget(datasetId: string): void {
		cache.delete(datasetId);
		itemModels.delete(datasetId);
	}

	return { insights, forCustomer, forProduct, setFlagMark, forget };
}
