// MarketState: the imported signal files (posts, search interest, reviews, catalog) and the Market report
// built by the market worker; the shop's weekly sales come from the data worker for the lead-lag
// findings. One instance for the app (module singleton), so the report survives tab switches.
import type { DataClient } from '../lib/workers/data-client';
import { dataClient } from '../lib/workers/data-client';
import {
	marketClient,
	type MarketClient,
	type MarketReport,
	type FusionReport,
	type BatchFusionReport,
	type NewProductInput,
	type NewProductModel,
	type NewProductResult,
	type SignalKind,
	type SignalSetMeta,
} from '../lib/workers/market-client';
import { toUiError } from '../lib/workers/errors';
import { fuseWhenSignals } from './fusion-helpers';
import { LatestRequest, Turns } from './latest.svelte';

export class MarketState extends LatestRequest<MarketReport> {
	sets = $state.raw<SignalSetMeta[]>([]);
	/** New products: the model (null without past launches) and the last forecast. */
	newModel = $state.raw<NewProductModel | null>(null);
	newResult = $state.raw<NewProductResult | null>(null);
	newBusy = $state(false);
	/** Signals tried in one forecast (the Forecast screen), keyed by the series it was run on. */
	fusion = $state.raw<FusionReport | null>(null);
	fusionKey = $state('');
	fusionBusy = $state(false);
	#fuseTurns = new Turns();
	/** Signals kept per product of the batch forecast (Forecast screen), keyed by the batch it was run on. */
	batchFusion = $state.raw<BatchFusionReport | null>(null);
	batchFusionKey = $state('');
	batchFusionBusy = $state(false);
	#batchTurns = new Turns();
	/** The last imported set (its issues are shown). */
	lastImport = $state.raw<SignalSetMeta | null>(null);

	#market: MarketClient;
	#data: DataClient;

	constructor(market: MarketClient, data: DataClient) {
		super();
		this.#market = market;
		this.#data = data;
	}

	/** Importing, or building the report (the latest refresh wins). */
	get busy(): boolean {
		return this.loading;
	}

	async refresh(salesDatasetId: string | null): Promise<void> {
		await this.latest(async (isLatest) => {
			const sets = await this.#market.list();
			if (!isLatest()) return null;
			this.sets = sets;
			if (sets.length === 0) {
				this.newModel = null;
				this.newResult = null;
				return null;
			}
			let sales = null;
			if (salesDatasetId) {
				try {
					const b = await this.#data.querySeries(salesDatasetId, {
						productIds: null,
						freq: 'week',
						measure: 'units',
					});
					sales = { name: b.ids[0] ?? 'sales', ds: Array.from(b.ds), y: Array.from(b.y) };
				} catch {
					sales = null; // lead-lag needs sales; the rest of the report does not
				}
			}
			const report = await this.#market.report(sales);
			// shown at once; the new-product model below follows
			if (isLatest()) this.report = report;
			// the shop's own past launches (from its sales) join the new-product model
			if (salesDatasetId && sales && sales.ds.length > 0)
				await this.#sendShopSales(salesDatasetId, sales.ds[0], sales.ds[sales.ds.length - 1]).catch(
					() => this.#market.setShopSales(null),
				);
			else await this.#market.setShopSales(null);
			const model = await this.#market.newProductModel();
			if (isLatest()) {
				this.newModel = model;
				if (!model) this.newResult = null;
			}
			return report;
		});
	}

	/**
	 * Weekly units of the products first sold inside the history with 12 whole weeks after it (the
	 * 500 best sellers among them), sent to the market worker as the shop's own past launches.
	 */
	async #sendShopSales(datasetId: string, firstWeek: number, lastWeek: number): Promise<void> {
		const WEEK = 7 * 86_400_000;
		const summary = await this.#data.productSummary(datasetId);
		const ids = summary
			.filter((p) => p.firstSale >= firstWeek + WEEK && p.firstSale + 12 * WEEK <= lastWeek + WEEK)
			.sort((a, b) => b.revenue - a.revenue)
			.slice(0, 500)
			.map((p) => p.productId);
		if (ids.length === 0) {
			await this.#market.setShopSales(null);
			return;
		}
		const batch = await this.#data.querySeries(datasetId, {
			productIds: ids,
			freq: 'week',
			measure: 'units',
		});
		await this.#market.setShopSales({
			key: `${datasetId}|${firstWeek}|${lastWeek}|${ids.length}`,
			products: summary.filter((p) => ids.includes(p.productId)),
			batch,
			dataStart: firstWeek,
		});
	}

	/** Tries the market signals as regressors of one weekly series (once per series and horizon). */
	async fuse(key: string, ds: ArrayLike<number>, y: ArrayLike<number>, horizon: number) {
		if (key === this.fusionKey) return;
		const isLatest = this.#fuseTurns.start();
		this.fusionKey = key;
		this.fusion = null;
		this.fusionBusy = true;
		try {
			const r = await this.#market.fuse(
				{ name: key, ds: Array.from(ds), y: Array.from(y) },
				horizon,
			);
			if (isLatest()) this.fusion = r;
		} catch (e) {
			if (isLatest()) this.error = toUiError(e);
		} finally {
			if (isLatest()) this.fusionBusy = false;
		}
	}

	/**
	 * Tries the market signals in every series of a weekly batch (once per key); null (and no worker
	 * work beyond listing) when no search or posts file is imported.
	 */
	async fuseBatch(
		key: string,
		series: { id: string; name: string; ds: ArrayLike<number>; y: ArrayLike<number> }[],
		horizon: number,
	): Promise<void> {
		if (key === this.batchFusionKey) return;
		const isLatest = this.#batchTurns.start();
		this.batchFusionKey = key;
		this.batchFusion = null;
		this.batchFusionBusy = true;
		try {
			const r = await fuseWhenSignals(this.#market, series, horizon);
			if (isLatest()) this.batchFusion = r;
		} catch (e) {
			if (isLatest()) this.error = toUiError(e);
		} finally {
			if (isLatest()) this.batchFusionBusy = false;
		}
	}

	async forecastNew(input: NewProductInput): Promise<void> {
		this.newBusy = true;
		this.error = null;
		try {
			this.newResult = await this.#market.forecastNewProduct(input);
		} catch (e) {
			this.error = toUiError(e);
		} finally {
			this.newBusy = false;
		}
	}

	async importFile(file: File, kind: SignalKind | 'auto', salesDatasetId: string | null) {
		this.loading = true;
		this.error = null;
		try {
			this.lastImport = await this.#market.importFile(file, kind);
		} catch (e) {
			this.error = toUiError(e);
			this.loading = false;
			return;
		}
		await this.refresh(salesDatasetId);
	}

	async remove(id: string, salesDatasetId: string | null) {
		await this.#market.remove(id);
		if (this.lastImport?.id === id) this.lastImport = null;
		await this.refresh(salesDatasetId);
	}
}

/** The app's one Market state. */
export const marketState = new MarketState(marketClient, dataClient);
