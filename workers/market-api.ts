// The market worker's API (issue 14): imports posts / search interest / reviews / catalog files into
// IndexedDB and builds the Market report (topics, bursts, sentiment, aspects, lead-lag) off the main
// thread. The logic is workers/data/signals-service.ts; this file only binds it to the browser's Dexie and
// NLP engines. market.worker.ts exposes it over Comlink.
import { openTrendcastDb } from '../src/lib/db/db';
import { webEngines } from './data/nlp-web';
import {
	createSignalsService,
	type MarketReport,
	type SalesSeries,
	type ShopSales,
	type SignalKind,
	type SignalSetMeta,
} from './data/signals-service';
import { createFakeReviewJobs, type FakeReviewReport } from './data/fake-reviews';
import type { ReviewLabel } from '../src/core/anomaly/fake-reviews';
import type { BatchFusionReport, FusionReport } from './data/fusion';
import type { NewProductInput, NewProductModel, NewProductResult } from './data/newproduct-service';

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
	): Promise<SignalSetMeta> {
		try {
			return await getService().importSignals(file, kind);
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
	marketReport(sales: SalesSeries | null): Promise<MarketReport> {
		return getService().marketReport(sales);
	},
	fuseSignals(sales: SalesSeries, horizon: number): Promise<FusionReport> {
		return getService().fuseSignals(sales, horizon);
	},
	fuseBatch(
		series: (SalesSeries & { id: string })[],
		horizon: number,
		maxPerSeries?: number,
	): Promise<BatchFusionReport> {
		return getService().fuseBatch(series, horizon, maxPerSeries);
	},
	setShopSales(sales: ShopSales | null): Promise<void> {
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
};

export type MarketWorkerApi = typeof api;
