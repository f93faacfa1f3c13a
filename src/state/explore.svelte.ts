// ExploreState: the product list and sales series of the open dataset, and the choices the Explore
// and Forecast views share (product, frequency, measure). For each series request the latest wins.
import type { ProductSummary } from '../core/ingest/types';
import type { Frequency, SeriesBatch } from '../core/types';
import type { GroupColumn, GroupSummaryResult, ProductSearchResult } from '../../workers/data-api';
import type { DataClient } from '../lib/workers/data-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export type Measure = 'units' | 'revenue';
/** What Explore lists and charts: products, or the mapped category / store (channel) column. */
export type ViewBy = 'product' | GroupColumn;

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
	/** Products, or sales per category / store. */
	viewBy = $state<ViewBy>('product');
	/** The category or store charted (null = all); only used when viewBy is not 'product'. */
	groupId = $state<string | null>(null);
	/** Sales per category or store of the open dataset, for the current `viewBy`. */
	groups = $state.raw<GroupSummaryResult | null>(null);
	groupsLoading = $state(false);
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
	#groupsSeq = 0;

	/** Bumped whenever the open dataset is (re)loaded, so the chart and group views reload too. */
	revision = $state(0);
	#version = '';

	constructor(client: DataClient) {
		this.#client = client;
	}

	/** Open a dataset: load its product list (the series follows from the view's effect). */
	async open(datasetId: string, version = ''): Promise<void> {
		// The same dataset with new content (rows added from another export, non-product lines counted
		// back in) is read again: `version` changes with its stored content.
		if (this.datasetId === datasetId && this.#version === version && this.products.length > 0)
			return;
		this.datasetId = datasetId;
		this.#version = version;
		this.revision++;
		this.productId = null;
		// A search typed for another dataset's products would hide this one's.
		this.search = '';
		this.products = [];
		this.series = null;
		this.groupId = null;
		this.groups = null;
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
		this.groupId = null;
		this.groups = null;
	}

	/** Load sales per category or store for the current `viewBy`; the latest request wins. */
	async loadGroups(): Promise<void> {
		const datasetId = this.datasetId;
		const by = this.viewBy;
		const seq = ++this.#groupsSeq;
		if (!datasetId || by === 'product') {
			this.groups = null;
			return;
		}
		this.groupsLoading = true;
		try {
			const res = await this.#client.groupSummary(datasetId, by);
			if (seq !== this.#groupsSeq) return;
			this.groups = res;
			this.error = null;
		} catch (e) {
			if (seq === this.#groupsSeq) this.error = toUiError(e);
		} finally {
			if (seq === this.#groupsSeq) this.groupsLoading = false;
		}
	}

	/** Products of the open dataset whose code or name contains `text` (type-ahead; all products). */
	async searchProducts(text: string, limit: number): Promise<ProductSearchResult> {
		if (!this.datasetId) return { products: [], total: 0 };
		return this.#client.searchProducts(this.datasetId, text, limit);
	}

	/** Load the sales series for the current product/frequency/measure; the latest request wins. */
	async loadSeries(): Promise<void> {
		const datasetId = this.datasetId;
		if (!datasetId) return;
		const seq = ++this.#seriesSeq;
		this.seriesLoading = true;
		try {
			const by = this.viewBy;
			const batch = await this.#client.querySeries(
				datasetId,
				by === 'product'
					? {
							productIds: this.productId ? [this.productId] : null,
							freq: this.freq,
							measure: this.measure,
						}
					: {
							productIds: this.groupId !== null ? [this.groupId] : null,
							groupBy: by,
							freq: this.freq,
							measure: this.measure,
						},
			);
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
