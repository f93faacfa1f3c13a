// ExploreState: the product list and sales series of the open dataset, and the choices the Explore
// and Forecast views share (product, frequency, measure). For each series request the latest wins.
import type { ProductSummary } from '../core/ingest/types';
import type { Frequency, SeriesBatch } from '../core/types';
import type { DataClient } from '../lib/workers/data-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export type Measure = 'units' | 'revenue';

/** How many products the list shows by default. */
export const DEFAULT_TOP_N = 25;

export class ExploreState {
	datasetId = $state<string | null>(null);
	products = $state.raw<ProductSummary[]>([]);
	productsLoading = $state(false);
	/** null = all products together. */
	productId = $state<string | null>(null);
	freq = $state<Frequency>('week');
	measure = $state<Measure>('units');
	search = $state('');
	sortBy = $state<Measure>('revenue');
	topN = $state(DEFAULT_TOP_N);
	series = $state.raw<SeriesBatch | null>(null);
	seriesLoading = $state(false);
	error = $state<UiError | null>(null);

	/** Products matching the search, sorted, cut to the top N. */
	visible = $derived.by(() => {
		const q = this.search.trim().toLowerCase();
		const key = this.sortBy;
		const rows = q
			? this.products.filter(
					(p) => p.productId.toLowerCase().includes(q) || p.description.toLowerCase().includes(q),
				)
			: this.products;
		return [...rows].sort((a, b) => b[key] - a[key]).slice(0, this.topN);
	});

	/** Totals over all products of the dataset. */
	totals = $derived.by(() => {
		let units = 0;
		let revenue = 0;
		let orders = 0;
		for (const p of this.products) {
			units += p.units;
			revenue += p.revenue;
			orders += p.orders;
		}
		return { units, revenue, orders, products: this.products.length };
	});

	/** The chosen product's summary row, if one is chosen. */
	product = $derived(this.products.find((p) => p.productId === this.productId) ?? null);

	#client: DataClient;
	#seriesSeq = 0;
	#productsSeq = 0;

	constructor(client: DataClient) {
		this.#client = client;
	}

	/** Open a dataset: load its product list (the series follows from the view's effect). */
	async open(datasetId: string): Promise<void> {
		if (this.datasetId === datasetId && this.products.length > 0) return;
		this.datasetId = datasetId;
		this.productId = null;
		this.products = [];
		this.series = null;
		const seq = ++this.#productsSeq;
		this.productsLoading = true;
		try {
			const rows = await this.#client.productSummary(datasetId);
			if (seq !== this.#productsSeq) return;
			this.products = rows;
			this.error = null;
		} catch (e) {
			if (seq === this.#productsSeq) this.error = toUiError(e);
		} finally {
			if (seq === this.#productsSeq) this.productsLoading = false;
		}
	}

	/** Forget the open dataset (e.g. after it was deleted). */
	close(): void {
		this.#productsSeq++;
		this.#seriesSeq++;
		this.datasetId = null;
		this.products = [];
		this.series = null;
		this.productId = null;
	}

	/** Load the sales series for the current product/frequency/measure; the latest request wins. */
	async loadSeries(): Promise<void> {
		const datasetId = this.datasetId;
		if (!datasetId) return;
		const seq = ++this.#seriesSeq;
		this.seriesLoading = true;
		try {
			const batch = await this.#client.querySeries(datasetId, {
				productIds: this.productId ? [this.productId] : null,
				freq: this.freq,
				measure: this.measure,
			});
			if (seq !== this.#seriesSeq) return;
			this.series = batch;
			this.error = null;
		} catch (e) {
			if (seq === this.#seriesSeq) this.error = toUiError(e);
		} finally {
			if (seq === this.#seriesSeq) this.seriesLoading = false;
		}
	}
}
