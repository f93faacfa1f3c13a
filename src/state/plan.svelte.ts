// PlanState: the Plan screen's workflow — chooses which products to plan (top products by revenue and
// every product in the stock data), loads the stored stock and plan settings, asks the plan worker for
// the plan (latest request wins), and keeps the table's search/sort, the purchase-order edits and the
// what-if scenario. The plan and market workers read the weekly sales from the data worker themselves
// (over MessageChannels): this class sends the dataset id and product ids, never the series. Stock
// edits and imports go to the data worker (Dexie).
import type { ProductSummary, Progress } from '../core/ingest/types';
import type { StockRow } from '../core/ingest/schemas/stock';
import type { Style } from '../core/inventory/variants';
import type {
	PlanResponse,
	PlanRow,
	PlanSales,
	PlanSignals,
	WhatIfResponse,
} from '../../workers/plan-api';
import type { BatchFusionReport } from '../../workers/data/fusion';
import type { MarketClient } from '../lib/workers/market-client';
import { fuseWhenSignals } from './fusion-helpers';
import type { StockImportSummary, StockPatch } from '../../workers/data/stock-store';
import type { DataClient, PickedFile } from '../lib/workers/data-client';
import type { PlanClient } from '../lib/workers/plan-client';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';
import { DEFAULT_LEAD_TIME_SD_DAYS, DEFAULT_SALVAGE_SHARE, typicalPrices } from '../lib/plan';
import {
	descriptionsOf,
	planSignalsFrom,
	productsToPlan,
	purchaseOrders,
	stylesOf,
} from './plan-helpers';

export type { PoLine } from './plan-helpers';

/** What the owner chooses on the Plan screen (saved in Dexie `planSettings`). */
export interface PlanUiSettings {
	serviceKind: 'fill' | 'cycle';
	/** Target in percent, e.g. 95. */
	level: number;
	reviewDays: number;
	/** Defaults for products the stock data says nothing about. */
	leadTimeMeanDays: number;
	leadTimeSdDays: number;
	moq: number;
	pack: number;
	overstockDays: number;
	/** Money for this order; null = no limit. */
	budget: number | null;
	models: 'quick' | 'auto';
	/** How many products (by revenue) are planned besides those in the stock data. */
	topN: number;
	/** Plan sizes/colours of one style together and split the order by their sales mix. */
	perStyle: boolean;
	/** Clearance value of a one-season item's leftovers, % of unit cost, where the stock data has none. */
	salvagePct: number;
}

export const DEFAULT_PLAN_UI: PlanUiSettings = {
	serviceKind: 'fill',
	level: 95,
	reviewDays: 7,
	leadTimeMeanDays: 14,
	leadTimeSdDays: DEFAULT_LEAD_TIME_SD_DAYS,
	moq: 0,
	pack: 1,
	overstockDays: 120,
	budget: null,
	models: 'quick',
	topN: 200,
	perStyle: true,
	salvagePct: DEFAULT_SALVAGE_SHARE * 100,
};

export type PlanSortKey =
	| 'productId'
	| 'revenueAtRisk'
	| 'orderQty'
	| 'meanDemand'
	| 'safetyStock'
	| 'reorderPoint'
	| 'orderUpTo'
	| 'daysOfCover'
	| 'onHand';

/** Weeks ahead the fusion backtest scores a signal on for the plan (about a lead time + review). */
const PLAN_FUSION_HORIZON = 4;

export class PlanState {
	settings = $state<PlanUiSettings>({ ...DEFAULT_PLAN_UI });
	status = $state<'idle' | 'loading' | 'running' | 'done'>('idle');
	progress = $state.raw<Progress | null>(null);
	error = $state<UiError | null>(null);
	result = $state.raw<PlanResponse | null>(null);
	stock = $state.raw<StockRow[]>([]);
	stockImport = $state.raw<StockImportSummary | null>(null);
	search = $state('');
	sortBy = $state<PlanSortKey>('revenueAtRisk');
	sortDesc = $state(true);
	/** Purchase-order quantities the owner changed, by product. */
	poEdits = $state<Record<string, number>>({});
	/** What-if inputs and answer. */
	whatIfProduct = $state<string | null>(null);
	whatIfPrice = $state<number | null>(null);
	whatIfDiscount = $state(0);
	whatIfFromWeek = $state(1);
	whatIfToWeek = $state(2);
	whatIfLevel = $state<number | null>(null);
	whatIf = $state.raw<WhatIfResponse | null>(null);
	whatIfBusy = $state(false);

	descriptions = $state.raw<ReadonlyMap<string, string>>(descriptionsOf([]));
	/** Styles (two or more size/colour variants) among the planned products. */
	styles = $state.raw<Style[]>([]);
	datasetId = $state<string | null>(null);
	/** The stored content of the dataset the plan was opened on (datasetVersion). */
	version = $state('');

	#data: DataClient;
	#plan: PlanClient;
	/** The sales the plan reads (dataset, products, version: a new one per product list). */
	#sales: PlanSales | null = null;
	#version = 0;
	#prices: Record<string, number> = {};
	/** Market signals kept per product (fusion backtest), for the sales history under #signalsKey. */
	#market: Pick<MarketClient, 'list' | 'fuseBatch'> | null;
	#signals: PlanSignals | null = null;
	#signalsKey = '';
	/** Products whose demand uses a market signal, of those tried (null: no signals imported). */
	signalSummary = $state.raw<{ used: number; n: number } | null>(null);

	constructor(
		data: DataClient,
		plan: PlanClient,
		market: Pick<MarketClient, 'list' | 'fuseBatch'> | null = null,
	) {
		this.#data = data;
		this.#plan = plan;
		this.#market = market;
	}

	/** Tries the market signals on each planned product's weekly sales once per sales history. */
	async #fuse(sales: PlanSales): Promise<void> {
		const key = `${sales.datasetId}|${sales.version}`;
		if (!this.#market || this.#signalsKey === key) return;
		this.#signalsKey = key;
		let report: BatchFusionReport | null;
		try {
			// the market worker reads these products' weekly units from the data worker itself
			report = await fuseWhenSignals(
				this.#market,
				{
					datasetId: sales.datasetId,
					productIds: sales.productIds,
					freq: 'week',
					measure: 'units',
				},
				PLAN_FUSION_HORIZON,
			);
		} catch {
			report = null; // the plan stands on the sales history alone
		}
		this.#signals = planSignalsFrom(report);
		this.signalSummary = report
			? { used: Object.keys(this.#signals?.used ?? {}).length, n: report.series.length }
			: null;
	}

	/** Products matching the search, sorted. */
	rows = $derived.by(() => {
		const rows = this.result?.rows ?? [];
		const q = this.search.trim().toLowerCase();
		const hit = q
			? rows.filter(
					(r) =>
						r.productId.toLowerCase().includes(q) ||
						(this.descriptions.get(r.productId) ?? '').toLowerCase().includes(q),
				)
			: rows;
		const k = this.sortBy;
		const sign = this.sortDesc ? -1 : 1;
		return [...hit].sort((a, b) =>
			k === 'productId'
				? sign * a.productId.localeCompare(b.productId)
				: sign * ((a[k] as number) - (b[k] as number)) || a.productId.localeCompare(b.productId),
		);
	});

	/** Stock-out and overstock alerts, most money at stake first (the plan worker ranks them). */
	alerts = $derived.by(() => {
		const res = this.result;
		return res ? res.alerts.map((i) => res.rows[i]).filter((r) => r !== undefined) : [];
	});

	/** Purchase-order drafts: one per supplier, lines with something to order. */
	purchaseOrders = $derived(
		purchaseOrders(this.result?.rows ?? [], this.poEdits, this.descriptions),
	);

	/**
	 * Opens the dataset unless the plan is of it already: of this stored content (`version`, from
	 * datasetVersion). Rows added from the next export make a new plan, which reads the sales afresh.
	 */
	ensureOpen(datasetId: string, topProducts: ProductSummary[], version: string): void {
		if (this.datasetId === datasetId && this.version === version) return;
		void this.open(datasetId, topProducts, version);
	}

	/** Load everything for a dataset and plan it. */
	async open(datasetId: string, topProducts: ProductSummary[], version = ''): Promise<void> {
		this.datasetId = datasetId;
		this.version = version;
		this.status = 'loading';
		this.error = null;
		this.result = null;
		this.poEdits = {};
		try {
			const saved = (await this.#data.getPlanSettings()) as Partial<PlanUiSettings> | null;
			if (saved) this.settings = { ...DEFAULT_PLAN_UI, ...saved };
			this.stock = await this.#data.listStock();
			this.#loadSeries(datasetId, topProducts);
			await this.run();
		} catch (e) {
			if (!isAbortError(e)) this.error = toUiError(e);
			this.status = 'idle';
		}
	}

	/** Which products the plan covers (a new sales version: the plan worker reads them afresh). */
	#loadSeries(datasetId: string, summary: ProductSummary[]): void {
		const list = productsToPlan(summary, this.stock, this.settings.topN);
		const named = stylesOf(summary, list);
		this.styles = named.styles;
		this.descriptions = named.descriptions;
		this.#prices = typicalPrices(summary);
		// the plan worker reads (and keeps) these products' weekly sales for this version
		this.#sales = { datasetId, productIds: list, version: ++this.#version };
	}

	/** Recompute the plan (forecasts are cached in the worker; only the plan is redone). */
	async run(): Promise<void> {
		const sales = this.#sales;
		if (!sales) return;
		const s = $state.snapshot(this.settings);
		this.status = 'running';
		this.error = null;
		try {
			void this.#data.savePlanSettings(s).catch(() => {});
			await this.#fuse(sales);
			const history = await this.#data.listStockHistory();
			const res = await this.#plan.plan(
				{
					sales: { ...sales, productIds: [...sales.productIds] },
					prices: this.#prices,
					stock: $state.snapshot(this.stock) as StockRow[],
					history,
					defaults: {
						leadTimeMeanDays: s.leadTimeMeanDays,
						leadTimeSdDays: s.leadTimeSdDays,
						moq: s.moq,
						pack: s.pack,
					},
					settings: {
						reviewDays: s.reviewDays,
						service: { kind: s.serviceKind, level: s.level / 100 },
						overstockDays: s.overstockDays,
						salvageShare: Math.max(0, Math.min(99, s.salvagePct)) / 100,
					},
					...(s.perStyle && this.styles.length > 0
						? { styles: $state.snapshot(this.styles) as Style[] }
						: {}),
					...(s.budget !== null && s.budget >= 0 ? { budget: s.budget } : {}),
					models: s.models,
					...(this.#signals ? { signals: this.#signals } : {}),
				},
				{ onProgress: (p) => (this.progress = p) },
			);
			this.result = res;
			this.status = 'done';
			this.progress = null;
		} catch (e) {
			if (isAbortError(e)) return; // a newer request took over
			this.error = toUiError(e);
			this.status = 'idle';
		}
	}

	/** Change settings and replan. */
	update(patch: Partial<PlanUiSettings>): void {
		this.settings = { ...this.settings, ...patch };
		void this.run();
	}

	/** Import a stock file (updates the stored stock; what it has no column for is kept) and replan. */
	async importStock(file: PickedFile, summary: ProductSummary[]): Promise<void> {
		try {
			this.stockImport = await this.#data.importStock(file);
			if (this.stockImport.stored) {
				this.stock = await this.#data.listStock();
				if (this.datasetId) this.#loadSeries(this.datasetId, summary);
				this.poEdits = {};
				await this.run();
			}
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	/** The example stock file shipped with the demo sales. */
	async loadDemoStock(summary: ProductSummary[]): Promise<void> {
		let bytes: ArrayBuffer;
		try {
			const res = await fetch(`${import.meta.env.BASE_URL}demo/stock.csv.gz`);
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			bytes = await res.arrayBuffer();
		} catch (e) {
			this.error = toUiError(e);
			return;
		}
		await this.importStock({ name: 'stock.csv.gz', arrayBuffer: async () => bytes }, summary);
	}

	/** Edit one product's stock field from the table, then replan. */
	async editStock(productId: string, patch: StockPatch): Promise<void> {
		try {
			const row = await this.#data.updateStock(productId, patch);
			this.stock = [...this.stock.filter((s) => s.productId !== productId), row];
			await this.run();
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	sort(key: PlanSortKey): void {
		if (this.sortBy === key) this.sortDesc = !this.sortDesc;
		else {
			this.sortBy = key;
			this.sortDesc = key !== 'productId';
		}
	}

	/** Baseline vs scenario for the chosen product; a newer change supersedes a running one. */
	async runWhatIf(): Promise<void> {
		const id = this.whatIfProduct;
		const row = this.result?.rows.find((r) => r.productId === id);
		const sales = this.#sales;
		if (!id || !row || !sales) return;
		this.whatIfBusy = true;
		const s = $state.snapshot(this.settings);
		try {
			// a style planned as one item: the worker sums its variants' sales (a style has no single price)
			const style = this.styles.find((st) => st.key === id);
			const res = await this.#plan.whatIf({
				sales: { ...sales, productIds: [...sales.productIds] },
				productId: id,
				...(style ? { style: $state.snapshot(style) as Style } : {}),
				stock: stockOf(row),
				settings: {
					reviewDays: s.reviewDays,
					service: { kind: s.serviceKind, level: s.level / 100 },
					overstockDays: s.overstockDays,
				},
				...(this.whatIfLevel !== null
					? { scenarioService: { kind: s.serviceKind, level: this.whatIfLevel / 100 } }
					: {}),
				price: row.price,
				...(this.whatIfPrice !== null && this.whatIfPrice > 0
					? { newPrice: this.whatIfPrice }
					: {}),
				...(this.whatIfDiscount > 0
					? {
							discount: this.whatIfDiscount / 100,
							promoFromWeek: Math.max(0, this.whatIfFromWeek - 1),
							promoToWeek: Math.max(0, this.whatIfToWeek - 1),
						}
					: {}),
				horizon: 8,
				models: s.models,
			});
			this.whatIf = res;
			this.whatIfBusy = false;
		} catch (e) {
			if (isAbortError(e)) return; // superseded by a newer change
			this.whatIfBusy = false;
			this.error = toUiError(e);
		}
	}
}

function stockOf(r: PlanRow) {
	return {
		productId: r.productId,
		onHand: r.onHand,
		onOrder: r.onOrder,
		leadTimeMeanDays: r.leadTimeMeanDays,
		leadTimeSdDays: r.leadTimeSdDays,
		moq: r.moq,
		pack: r.pack,
		price: r.price,
		...(r.unitCost !== null ? { unitCost: r.unitCost } : {}),
	};
}
