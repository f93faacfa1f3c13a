// The market worker's API (issue 14): imports posts / search interest / reviews / catalog files into
// IndexedDB and builds the Market report (topics, bursts, sentiment, aspects, lead-lag) off the main
// thread. The logic is workers/data/signals-service.ts; this file only binds it to the browser's Dexie and
// NLP engines, and reads the shop's sales straight from the data worker over a MessageChannel
// (workers/data/series-port.ts; the UI sends dataset ids and series keys, never the series).
// market.worker.ts exposes it over Comlink.
import { openTrendcastDb } from '../src/lib/db/db';
import { webEngines } from './data/nlp-web';
import {
	createSignalsService,
	type MarketReport,
	type SalesSeries,
	type ShopSales,
	type SignalColumns,
	type SignalKind,
	type SignalSetMeta,
} from './data/signals-service';
import { createFakeReviewJobs, type FakeReviewReport } from './data/fake-reviews';
import type { ReviewLabel } from '../src/core/anomaly/fake-reviews';
import type { BatchFusionReport, FusionReport } from './data/fusion';
import type { NewProductInput, NewProductModel, NewProductResult } from './data/newproduct-service';
import { prepareBatch } from '../src/core/forecast/batch';
import { launchCandidates } from '../src/core/newproduct/shop';
import { linkApi, SeriesLink, type SeriesKeys } from './data/series-port';
import type { Progress } from '../src/core/ingest/types';
import { createJobs } from './data/jobs';

/** The Market reports running, by job id: cancel(jobId) aborts one (it stops between chunks of texts). */
const jobs = createJobs();

/** This worker's port to the data worker (the UI connects it). */
const link = new SeriesLink();

/** The shop's weekly units in total (all products), as the data worker gives them; null without. */
async function weeklyTotal(datasetId: string): Promise<SalesSeries | null> {
	try {
		const b = await link.querySeries({
			datasetId,
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		return { name: b.ids[0] ?? 'sales', ds: Array.from(b.ds), y: Array.from(b.y) };
	} catch {
		return null; // lead-lag needs sales; the rest of the report does not
	}
}

/**
 * The shop's own past launches for the new-product model: weekly units of the products first sold
 * inside the history with 12 whole weeks after it (core/newproduct/shop.ts launchCandidates).
 */
async function shopSalesOf(datasetId: string): Promise<ShopSales | null> {
	const total = await weeklyTotal(datasetId);
	if (!total || total.ds.length === 0) return null;
	const first = total.ds[0];
	const last = total.ds[total.ds.length - 1];
	const summary = await link.productSummary(datasetId);
	const ids = launchCandidates(summary, first, last);
	if (ids.length === 0) return null;
	const batch = await link.querySeries({
		datasetId,
		productIds: ids,
		freq: 'week',
		measure: 'units',
	});
	const chosen = new Set(ids);
	return {
		key: `${datasetId}|${first}|${last}|${ids.length}`,
		products: summary.filter((p) => chosen.has(p.productId)),
		batch,
		dataStart: first,
	};
}

let database: ReturnType<typeof openTrendcastDb> | null = null;
function getDb() {
	database ??= openTrendcastDb();
	return database;
}

let service: ReturnType<typeof createSignalsService> | null = null;
function getService() {
	service ??= createSignalsService({ db: getDb(), engines: webEngines });
	return service;
}

let fakeJobs: ReturnType<typeof createFakeReviewJobs> | null = null;
function getFakeJobs() {
	fakeJobs ??= createFakeReviewJobs({ db: getDb(), engines: webEngines });
	return fakeJobs;
}

/** Errors cross Comlink as name + message; keep the message code too. */
function plainError(e: unknown): Error {
	const src = e as Error & { code?: string; params?: unknown };
	const err = new Error(src?.message ?? String(e)) as Error & { code?: string; params?: unknown };
	err.name = src?.name ?? 'Error';
	if (src?.code) err.code = src.code;
	if (src?.params) err.params = src.params;
	return err;
}

export const api = {
	async importSignals(
		file: { name: string; bytes: ArrayBuffer },
		kind: SignalKind | 'auto' = 'auto',
		mapping: Record<string, string> = {},
		replaces?: string,
	): Promise<SignalSetMeta> {
		try {
			const meta = await getService().importSignals(file, kind, mapping, replaces);
			// the analyst's fake/OK marks of the replaced file go with it
			if (replaces) await getDb().flagMarks.where('datasetId').equals(replaces).delete();
			return meta;
		} catch (e) {
			throw plainError(e);
		}
	},
	/** The columns and roles of a table file, for the mapping form (null: a search export). */
	async signalColumns(
		file: { name: string; bytes: ArrayBuffer },
		kind: SignalKind | 'auto' = 'auto',
	): Promise<SignalColumns | null> {
		try {
			return await getService().signalColumns(file, kind);
		} catch (e) {
			throw plainError(e);
		}
	},
	listSignals(): Promise<SignalSetMeta[]> {
		return getService().listSignals();
	},
	async deleteSignals(id: string): Promise<void> {
		await getService().deleteSignals(id);
		// The analyst's fake/OK marks on that file's reviews go with it.
		await getDb().flagMarks.where('datasetId').equals(id).delete();
	},
	/**
	 * The Market report; the sales dataset's weekly total (read from the data worker) adds lead-lag.
	 * Progress (phase, texts segmented of all) at most every 200 ms; cancel(jobId) stops it.
	 */
	async marketReport(
		salesDatasetId: string | null,
		jobId?: string,
		onProgress?: (p: Progress) => void,
	): Promise<MarketReport> {
		try {
			return await jobs.run(jobId, async (signal) => {
				const sales = salesDatasetId ? await weeklyTotal(salesDatasetId) : null;
				return getService().marketReport(sales, { signal, onProgress });
			});
		} catch (e) {
			throw plainError(e);
		}
	},
	/** Stops a Market report in flight (it rejects with an AbortError). */
	cancel(jobId: string): void {
		jobs.cancel(jobId);
	},
	/**
	 * Market signals as regressor candidates of one weekly series (the Forecast screen): the series of
	 * `keys` (one product, or the total) read from the data worker with the batch rules of core (partial
	 * weeks out), the history the forecast on screen was made from.
	 */
	async fuseSeries(keys: SeriesKeys, horizon: number): Promise<FusionReport> {
		const raw = await link.querySeries({ ...keys, freq: 'week' });
		const batch = prepareBatch(raw, 'week', 0).batch;
		const [id] = batch.ids;
		if (id === undefined) return { horizon, candidates: [] };
		const sales: SalesSeries = {
			name: id,
			ds: Array.from(batch.ds.subarray(batch.indptr[0], batch.indptr[1])),
			y: Array.from(batch.y.subarray(batch.indptr[0], batch.indptr[1])),
		};
		return getService().fuseSignals(sales, horizon);
	},
	/**
	 * Market signals in every series of `keys` (weekly), read from the data worker with the batch rules
	 * of core (partial weeks out), each named by its id and description.
	 */
	async fuseBatch(
		keys: SeriesKeys,
		horizon: number,
		maxPerSeries?: number,
	): Promise<BatchFusionReport> {
		const raw = await link.querySeries(keys);
		const batch = prepareBatch(raw, keys.freq, 0).batch;
		const names = new Map(
			(await link.productSummary(keys.datasetId)).map((p) => [p.productId, p.description]),
		);
		const series = batch.ids.map((id, i) => ({
			id,
			name: `${id} ${names.get(id) ?? ''}`,
			ds: Array.from(batch.ds.subarray(batch.indptr[i], batch.indptr[i + 1])),
			y: Array.from(batch.y.subarray(batch.indptr[i], batch.indptr[i + 1])),
		}));
		return getService().fuseBatch(series, horizon, maxPerSeries);
	},
	/** The shop's own past launches (from the sales dataset, or none) join the new-product model. */
	async useShopSales(salesDatasetId: string | null): Promise<void> {
		let sales: ShopSales | null = null;
		if (salesDatasetId)
			try {
				sales = await shopSalesOf(salesDatasetId);
			} catch {
				sales = null;
			}
		return getService().setShopSales(sales);
	},
	newProductModel(): Promise<NewProductModel | null> {
		return getService().newProductModel();
	},
	/** Reviews with the analyst's fake/OK marks and the classifier trained on them (Customers). */
	fakeReviews(query?: string, limit?: number): Promise<FakeReviewReport> {
		return getFakeJobs().report(query, limit);
	},
	markReview(setId: string, row: number, mark: ReviewLabel | null): Promise<void> {
		return getFakeJobs().markReview(setId, row, mark);
	},
	async forecastNewProduct(input: NewProductInput): Promise<NewProductResult> {
		try {
			return await getService().forecastNewProduct(input);
		} catch (e) {
			throw plainError(e);
		}
	},
	...linkApi(link),
};

export type MarketWorkerApi = typeof api;
