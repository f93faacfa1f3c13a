// ExploreState: the product list and sales series of the open dataset, and the choices the Explore
// and Forecast views share (product, frequency, measure). Three request streams (products, groups,
// series), each "latest wins" through the shared helper (latest.svelte.ts runLatest); one error.
import type { ProductSummary } from '../core/ingest/types';
import type { Frequency, SeriesBatch } from '../core/types';
import type { GroupColumn, GroupSummaryResult, ProductSearchResult } from '../../workers/data-api';
import type { DataClient } from '../lib/workers/data-client';
import { toUiError, type UiError } from '../lib/workers/errors';
import { runLatest, Turns } from './latest.svelte';
import { startupMark } from '../lib/startup-marks';

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
	/**
	 * Set by Explore's "Forecast this": the Forecast screen forecasts the product as it opens (once), so
	 * the owner does not have to press the button again.
	 */
	forecastOnOpen = false;
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

	/** Totals over all products of the dataset; null while its product list is loading (not zeros). */
	totals = $derived.by(() => {
		if (this.productsLoading && this.products.length === 0) return null;
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
	#seriesTurns = new Turns();
	#productsTurns = new Turns();
	#groupsTurns = new Turns();

	/** Bumped whenever the open dataset is (re)loaded, so the chart and group views reload too. */
	revision = $state(0);
	/**
	 * The stored content the product list was read from (datasetVersion: rows added from another
	 * export change it); Home, Plan and Customers open again when it changes.
	 */
	version = $state('');

	constructor(client: DataClient) {
		this.#client = client;
	}

	/**
	 * Open a dataset: load its product list (the series follows from the view's effect). `amountsOnly`:
	 * the data has a sales amount but no units column (Walmart's store-weeks): every line then counts
	 * as one unit, so the measure switches to the amount (a forecast of "1 unit a week" says nothing).
	 */
	async open(datasetId: string, version = '', amountsOnly = false): Promise<void> {
		// The same dataset with new content (rows added from another export, non-product lines counted
		// back in) is read again: `version` changes with its stored content.
		if (this.datasetId === datasetId && this.version === version && this.products.length > 0)
			return;
		if (amountsOnly && this.datasetId !== datasetId) this.measure = 'revenue';
		this.datasetId = datasetId;
		this.version = version;
		this.revision++;
		this.productId = null;
		// A search typed for another dataset's products would hide this one's.
		this.search = '';
		this.products = [];
		this.series = null;
		this.groupId = null;
		this.groups = null;
		await runLatest(this.#productsTurns, () => this.#client.productSummary(datasetId), {
			loading: (on) => (this.productsLoading = on),
			done: (rows) => {
				this.products = rows;
				this.error = null;
				startupMark('explore:products');
			},
			failed: (e) => (this.error = toUiError(e)),
		});
	}

	/** Forget the open dataset (e.g. after it was deleted). */
	close(): void {
		this.#productsTurns.drop();
		this.#seriesTurns.drop();
		this.productsLoading = false;
		this.seriesLoading = false;
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
		if (!datasetId || by === 'product') {
			this.#groupsTurns.drop();
			this.groups = null;
			this.groupsLoading = false;
			return;
		}
		await runLatest(this.#groupsTurns, () => this.#client.groupSummary(datasetId, by), {
			loading: (on) => (this.groupsLoading = on),
			done: (res) => {
				this.groups = res;
				this.error = null;
			},
			failed: (e) => (this.error = toUiError(e)),
		});
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
		const by = this.viewBy;
		const query =
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
					};
		await runLatest(this.#seriesTurns, () => this.#client.querySeries(datasetId, query), {
			loading: (on) => (this.seriesLoading = on),
			done: (batch) => {
				this.series = batch;
				this.error = null;
			},
			failed: (e) => (this.error = toUiError(e)),
		});
	}
}
