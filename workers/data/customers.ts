// The data worker's customer jobs (Customers screen): segments, recommendations and risk flags for one
// dataset, computed with the pure code of src/core/{segments,recommend,anomaly} on the dataset's order
// lines, plus the analyst's "OK" marks on flags kept in IndexedDB. One fitted recommender per dataset is
// cached so "for this customer / product" lists answer at once. The insights are kept in IndexedDB per
// dataset version (Dexie version 11, `customerInsights`): a return visit shows them without the analysis
// (a minute on the demo's 324k lines) and without waiting for DuckDB; a row whose stamp is not the stored
// dataset's (its table rewritten, an analysis of another app version) is worked out again.
import { scanRisk, type RiskFlag } from '../../src/core/anomaly/orders';
import type { OrderLines } from '../../src/core/recommend/interactions';
import type { RankingScores } from '../../src/core/recommend/evaluate';
import { fitCoPurchase } from '../../src/core/recommend/methods';
import {
	chooseRecommenderSteps,
	RECOMMENDERS,
	type RecommenderChoice,
} from '../../src/core/recommend/select';
import { buildInteractions } from '../../src/core/recommend/interactions';
import type { DatasetMeta } from '../../src/core/ingest/types';
import type { FittedRecommender, RecommenderName } from '../../src/core/recommend/types';
import { segmentCustomers, type SegmentReport } from '../../src/core/segments/rfm';
import { cancelledError, type Message } from '../../src/core/messages';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { OrderLineColumns } from './queries';
import type { Progress } from '../../src/core/ingest/types';
import { runStepsPaused } from '../../src/core/steps';
import { throttleProgress, yieldToEvents } from './progress';

const DAY_MS = 86_400_000;

/**
 * The analysis' version: raise it when a change to segments, recommender choice or risk flags (src/core
 * segments, recommend, anomaly, or this file) changes what they show, so no device shows a result
 * worked out the old way (2: order flags no longer read loyalty as risk, walk15).
 */
export const INSIGHTS_VERSION = 2;

/**
 * What the insights of a dataset are worked out from: the stored table's version (every write of it
 * changes its size, row count or dates; a new import of the same id has another creation time) and the
 * analysis' version. Nothing else goes in: the analysis has no user setting (k, the validation weeks and
 * the thresholds are constants), and the marks are read on every visit.
 */
export function insightsStamp(meta: DatasetMeta): string {
	return JSON.stringify([
		INSIGHTS_VERSION,
		meta.createdAt,
		meta.rowCount,
		meta.productCount,
		meta.dateMin,
		meta.dateMax,
		meta.bytes,
		meta.includeNonProduct ?? [],
	]);
}

/** The sale lines (returns left out), which the recommenders learn from. */
function saleLines(lines: OrderLineColumns): OrderLines {
	const keep = <T>(xs: ArrayLike<T> & { filter(f: (x: T, i: number) => boolean): unknown }) =>
		xs.filter((_, i) => !lines.isReturn[i]);
	return {
		customer: keep(lines.customer) as (string | null)[],
		product: keep(lines.product) as string[],
		order: keep(lines.order) as (string | null)[],
		ds: keep(lines.ds) as Float64Array,
		quantity: keep(lines.quantity) as Float64Array,
		revenue: keep(lines.revenue) as Float64Array,
		description: keep(lines.description) as (string | null)[],
	};
}

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
	/** When these were worked out and kept on this device (from its cache or just now), epoch ms. */
	savedAt?: number;
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
	/** The fitted recommender per dataset, for the stamp it was fitted at. */
	const cache = new Map<string, { choice: RecommenderChoice; stamp: string | null }>();
	/** Product-to-product models for when the chosen method has none (see forProduct). */
	const itemModels = new Map<string, FittedRecommender>();

	async function marks(datasetId: string): Promise<Set<string>> {
		const rows = await deps.db.flagMarks.where('datasetId').equals(datasetId).toArray();
		return new Set(rows.filter((r) => r.status === 'ok').map((r) => r.flagId));
	}

	/** The stored dataset's stamp (null: no such dataset stored, nothing is cached for it). */
	async function stampOf(datasetId: string): Promise<string | null> {
		const meta = await deps.db.datasets.get(datasetId);
		return meta ? insightsStamp(meta) : null;
	}

	/** The insights cached for this stamp, with today's marks; null when none or another stamp. */
	async function cached(datasetId: string, stamp: string): Promise<CustomerInsights | null> {
		const row = await deps.db.customerInsights.get(datasetId);
		if (!row || row.stamp !== stamp) return null;
		const ins = row.insights as Omit<CustomerInsights, 'flags'> & { flags: RiskFlag[] };
		const ok = await marks(datasetId);
		return {
			...ins,
			flags: ins.flags.map((f) => ({ ...f, markedOk: ok.has(f.id) })),
			savedAt: row.savedAt,
		};
	}

	/**
	 * Keeps the insights for this stamp, unless the dataset was rewritten or deleted meanwhile (checked
	 * in the write's transaction). A failed write (the quota) only costs the next visit the analysis.
	 * Returns when they were kept (epoch ms), or undefined when they were not.
	 */
	async function keep(
		datasetId: string,
		stamp: string,
		ins: CustomerInsights,
	): Promise<number | undefined> {
		const { db } = deps;
		const { flags, ...rest } = ins;
		const insights = { ...rest, flags: flags.map(({ markedOk: _, ...f }) => f) };
		try {
			return await db.transaction('rw', db.datasets, db.customerInsights, async () => {
				if ((await stampOf(datasetId)) !== stamp) return undefined;
				const savedAt = Date.now();
				await db.customerInsights.put({ datasetId, stamp, savedAt, insights });
				return savedAt;
			});
		} catch (e) {
			console.warn('customer insights not cached', e);
			return undefined;
		}
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
		fresh = false,
	): Promise<CustomerInsights> {
		const stamp = await stampOf(datasetId);
		if (stamp !== null && !fresh) {
			const hit = await cached(datasetId, stamp);
			if (hit) return hit;
		}
		const ins = await analyse(datasetId, stamp, onProgress, signal);
		// kept: the screen says so (and when) at once, as on the next visit
		const savedAt = stamp !== null ? await keep(datasetId, stamp, ins) : undefined;
		return savedAt === undefined ? ins : { ...ins, savedAt };
	}

	/** Works the insights out from the dataset's lines (and keeps the fitted recommender). */
	async function analyse(
		datasetId: string,
		stamp: string | null,
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
		const sales = saleLines(lines);
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
		cache.set(datasetId, { choice, stamp });
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

	/**
	 * The chosen recommender fitted on the dataset's lines. After a cached visit only the chosen method
	 * is fitted (the choice's backtests of every method are most of the analysis' time); a dataset
	 * rewritten since is analysed again.
	 */
	async function fitted(datasetId: string): Promise<RecommenderChoice> {
		const stamp = await stampOf(datasetId);
		const entry = cache.get(datasetId);
		if (entry && entry.stamp === stamp) return entry.choice;
		itemModels.delete(datasetId);
		const hit = stamp === null ? null : await cached(datasetId, stamp);
		if (!hit?.recommender) {
			const ins = await analyse(datasetId, stamp);
			if (stamp !== null) await keep(datasetId, stamp, ins);
			const again = cache.get(datasetId);
			if (again) return again.choice;
			throw new Error(`no customers to recommend for in dataset ${datasetId}`);
		}
		const lines = await deps.orderLines(datasetId);
		const data = buildInteractions(saleLines(lines), hit.asOf);
		const choice: RecommenderChoice = {
			chosen: hit.recommender.chosen,
			validation: hit.recommender.validation,
			model: RECOMMENDERS[hit.recommender.chosen](data),
			data,
		};
		cache.set(datasetId, { choice, stamp });
		return choice;
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

	/** Forgets the fitted models kept in memory (dataset deleted or replaced). */
	function forget(datasetId: string): void {
		cache.delete(datasetId);
		itemModels.delete(datasetId);
	}

	return { insights, forCustomer, forProduct, setFlagMark, forget };
}
