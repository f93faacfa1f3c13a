// Main-thread client of the market worker (posts, search interest, reviews: topics, sentiment,
// lead-lag), on the one worker bridge. Starts it on first use; the Market screen's state class calls it.
// The worker reads the shop's sales from the data worker itself over a MessageChannel (series-link.ts):
// calls carry dataset ids and series keys, never the series.
import * as Comlink from 'comlink';
import type { MarketWorkerApi } from '../../../workers/market-api';
import type {
	MarketReport,
	SalesSeries,
	ShopSales,
	SignalColumns,
	SignalKind,
	SignalSetMeta,
} from '../../../workers/data/signals-service';
import type {
	NewProductInput,
	NewProductModel,
	NewProductResult,
} from '../../../workers/data/newproduct-service';
import type { BatchFusionReport, FusionReport, UsedSignal } from '../../../workers/data/fusion';
import type { FakeReviewReport, FakeReviewRow } from '../../../workers/data/fake-reviews';
import type { ReviewLabel } from '../../core/anomaly/fake-reviews';
import type { SeriesKeys } from '../../../workers/data/series-port';
import type { Progress } from '../../core/ingest/types';
import { progressProxy, WorkerBridge, type BridgeEndpoint } from './bridge';
import { dataClient } from './data-client';
import { DataLink, type SeriesProvider } from './series-link';

export type { FakeReviewReport, FakeReviewRow, ReviewLabel };

export type {
	MarketReport,
	SalesSeries,
	SeriesKeys,
	ShopSales,
	SignalColumns,
	SignalKind,
	SignalSetMeta,
};
export type {
	NewProductInput,
	NewProductModel,
	NewProductResult,
	FusionReport,
	BatchFusionReport,
	UsedSignal,
};

export class MarketClient {
	/** Kept while the app is open (it holds the text models: jieba, wink); started on first use. */
	#bridge: WorkerBridge<MarketWorkerApi>;
	#link: DataLink<MarketWorkerApi>;

	/** `start`: how the worker starts (tests: a MessageChannel to the API); default the real worker. */
	constructor(data: SeriesProvider = dataClient, start?: () => BridgeEndpoint) {
		this.#bridge = new WorkerBridge<MarketWorkerApi>({
			start:
				start ??
				(() =>
					new Worker(new URL('../../../workers/market.worker.ts', import.meta.url), {
						type: 'module',
						name: 'market',
					})),
		});
		this.#link = new DataLink(data, this.#bridge);
	}

	#call<T>(fn: (api: Comlink.Remote<MarketWorkerApi>) => Promise<T>): Promise<T> {
		return this.#bridge.call(fn);
	}

	/** A call that reads sales: the worker is linked to the data worker first. */
	#linked<T>(fn: (api: Comlink.Remote<MarketWorkerApi>) => Promise<T>): Promise<T> {
		return this.#bridge.call(async (api) => {
			await this.#link.ensure(api);
			return fn(api);
		});
	}

	/** Import a posts / search-interest / reviews / catalog file ('auto' guesses which). */
	async importFile(
		file: File,
		kind: SignalKind | 'auto' = 'auto',
		mapping: Record<string, string> = {},
		replaces?: string,
	): Promise<SignalSetMeta> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.importSignals(input, kind, mapping, replaces));
	}

	/** The columns of a table file and the roles of its kind (null: a search-interest export). */
	async columnsOf(file: File, kind: SignalKind | 'auto' = 'auto'): Promise<SignalColumns | null> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.signalColumns(input, kind));
	}

	/** Reviews with the analyst's fake/OK marks and the classifier trained on them. */
	fakeReviews(query = '', limit = 30): Promise<FakeReviewReport> {
		return this.#call((api) => api.fakeReviews(query, limit));
	}

	/** Marks a review fake, OK (genuine), or clears the mark (null); kept in IndexedDB. */
	markReview(setId: string, row: number, mark: ReviewLabel | null): Promise<void> {
		return this.#call((api) => api.markReview(setId, row, mark));
	}

	list(): Promise<SignalSetMeta[]> {
		return this.#call((api) => api.listSignals());
	}

	remove(id: string): Promise<void> {
		return this.#call((api) => api.deleteSignals(id));
	}

	/**
	 * The Market report; a sales dataset (its weekly total, read by the worker) enables lead-lag.
	 * Progress is the phase and the texts segmented; aborting asks the worker to stop (it stops between
	 * chunks of texts and keeps its loaded text models).
	 */
	report(
		salesDatasetId: string | null,
		opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
	): Promise<MarketReport> {
		const jobId = crypto.randomUUID();
		const call = {
			signal: opts.signal,
			onAbort: (api: Comlink.Remote<MarketWorkerApi>) => api.cancel(jobId),
		};
		const progress = progressProxy(opts.onProgress);
		return salesDatasetId
			? this.#bridge.call(async (api) => {
					await this.#link.ensure(api);
					return api.marketReport(salesDatasetId, jobId, progress);
				}, call)
			: this.#bridge.call((api) => api.marketReport(null, jobId, progress), call);
	}

	/**
	 * Market signals as regressor candidates of one weekly sales series (the Forecast screen): one
	 * product's (or the total's) weekly series of `keys`, read by the worker from the data worker.
	 */
	fuse(keys: SeriesKeys, horizon: number): Promise<FusionReport> {
		const k: SeriesKeys = {
			datasetId: keys.datasetId,
			productIds: keys.productIds ? [...keys.productIds] : null,
			freq: 'week',
			measure: keys.measure,
		};
		return this.#linked((api) => api.fuseSeries(k, horizon));
	}

	/**
	 * Market signals in the weekly series of `keys` (batch forecast, plan), read by the worker from the
	 * data worker: the signal kept per series, with its backtest lift and forecast, and the used
	 * signals' weekly values.
	 */
	fuseBatch(keys: SeriesKeys, horizon: number): Promise<BatchFusionReport> {
		const k: SeriesKeys = {
			datasetId: keys.datasetId,
			productIds: keys.productIds ? [...keys.productIds] : null,
			freq: keys.freq,
			measure: keys.measure,
		};
		return this.#linked((api) => api.fuseBatch(k, horizon));
	}

	/** The shop's own past launches (from this sales dataset; null: none) join the new-product model. */
	useShopSales(salesDatasetId: string | null): Promise<void> {
		return salesDatasetId
			? this.#linked((api) => api.useShopSales(salesDatasetId))
			: this.#call((api) => api.useShopSales(null));
	}

	/** The new-product model (past launches, backtest by hidden launches), or null without launches. */
	newProductModel(): Promise<NewProductModel | null> {
		return this.#call((api) => api.newProductModel());
	}

	/** Forecast of a product not launched yet. */
	forecastNewProduct(input: NewProductInput): Promise<NewProductResult> {
		const plain = {
			attributes: { ...input.attributes },
			price: input.price,
			launch: input.launch,
			...(input.title ? { title: input.title } : {}),
		};
		return this.#call((api) => api.forecastNewProduct(plain));
	}

	terminate(): void {
		this.#bridge.terminate();
	}
}

/** The app's one market client. */
export const marketClient = new MarketClient();
