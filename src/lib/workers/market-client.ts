// Main-thread client of the market worker (posts, search interest, reviews: topics, sentiment,
// lead-lag), on the one worker bridge. Starts it on first use; the Market screen's state class calls it.
import * as Comlink from 'comlink';
import type { MarketWorkerApi } from '../../../workers/market-api';
import type {
	MarketReport,
	SalesSeries,
	ShopSales,
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
import { WorkerBridge } from './bridge';

export type { FakeReviewReport, FakeReviewRow, ReviewLabel };

export type { MarketReport, SalesSeries, ShopSales, SignalKind, SignalSetMeta };
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
	#bridge = new WorkerBridge<MarketWorkerApi>({
		start: () =>
			new Worker(new URL('../../../workers/market.worker.ts', import.meta.url), {
				type: 'module',
				name: 'market',
			}),
	});

	#call<T>(fn: (api: Comlink.Remote<MarketWorkerApi>) => Promise<T>): Promise<T> {
		return this.#bridge.call(fn);
	}

	/** Import a posts / search-interest / reviews / catalog file ('auto' guesses which). */
	async importFile(file: File, kind: SignalKind | 'auto' = 'auto'): Promise<SignalSetMeta> {
		const bytes = await file.arrayBuffer();
		const input = Comlink.transfer({ name: file.name, bytes }, [bytes]);
		return this.#call((api) => api.importSignals(input, kind));
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

	/** The Market report; `sales` (the shop's weekly total) enables the lead-lag findings. */
	report(sales: SalesSeries | null): Promise<MarketReport> {
		const plain = sales ? { name: sales.name, ds: [...sales.ds], y: [...sales.y] } : null;
		return this.#call((api) => api.marketReport(plain));
	}

	/** Market signals as regressor candidates of one weekly sales series (the Forecast screen). */
	fuse(sales: SalesSeries, horizon: number): Promise<FusionReport> {
		const plain = { name: sales.name, ds: [...sales.ds], y: [...sales.y] };
		return this.#call((api) => api.fuseSignals(plain, horizon));
	}

	/**
	 * Market signals in a batch of weekly series (batch forecast, plan): the signal kept per series, with
	 * its backtest lift and forecast, and the used signals' weekly values.
	 */
	fuseBatch(
		series: { id: string; name: string; ds: ArrayLike<number>; y: ArrayLike<number> }[],
		horizon: number,
	): Promise<BatchFusionReport> {
		const plain = series.map((s) => ({
			id: s.id,
			name: s.name,
			ds: Array.from(s.ds),
			y: Array.from(s.y),
		}));
		return this.#call((api) => api.fuseBatch(plain, horizon));
	}

	/** The shop's weekly units per product: its own past launches join the new-product model. */
	setShopSales(sales: ShopSales | null): Promise<void> {
		const plain = sales
			? {
					key: sales.key,
					dataStart: sales.dataStart,
					products: sales.products.map((p) => ({
						productId: p.productId,
						description: p.description,
						category: p.category,
						units: p.units,
						revenue: p.revenue,
					})),
					batch: {
						ids: [...sales.batch.ids],
						indptr: Array.from(sales.batch.indptr),
						ds: Array.from(sales.batch.ds),
						y: Array.from(sales.batch.y),
					},
				}
			: null;
		return this.#call((api) => api.setShopSales(plain));
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
