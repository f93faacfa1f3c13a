// MarketState: the imported signal files (posts, search interest, reviews, catalog) and the Market report
// built by the market worker; the market worker reads the shop's weekly sales from the data worker itself
// (lead-lag, the shop's own launches, signals per product): this class sends dataset ids and series
// keys. One instance for the app (module singleton), so the report survives tab switches.
import {
	marketClient,
	type MarketClient,
	type MarketReport,
	type FusionReport,
	type BatchFusionReport,
	type NewProductInput,
	type NewProductModel,
	type NewProductResult,
	type SeriesKeys,
	type SignalColumns,
	type SignalKind,
	type SignalSetMeta,
} from '../lib/workers/market-client';
import type { Progress } from '../core/ingest/types';
import { toUiError } from '../lib/workers/errors';
import { fuseWhenSignals } from './fusion-helpers';
import { CancellableJob, type JobRun } from './cancellable-job.svelte';
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
	/** The columns form of the last picked file (shown after a missing column, or on request). */
	columns = $state.raw<SignalColumns | null>(null);
	/** The last picked file, kept to import it again with other columns. */
	#lastFile: File | null = null;
	/**
	 * A file is being read in (the picker waits); building the report does not block the picker: a new
	 * file's report replaces the one being built.
	 */
	importing = $state(false);
	/** The report being built: its progress and Cancel (the market worker stops between chunks). */
	#job = new CancellableJob();

	#market: MarketClient;

	constructor(market: MarketClient) {
		super();
		this.#market = market;
	}

	/** Importing, or building the report (the latest refresh wins). */
	get busy(): boolean {
		return this.loading;
	}

	/** The report's phase and texts segmented while it is built (null otherwise). */
	get progress(): Progress | null {
		return this.#job.progress;
	}

	/** True after the owner stopped the report (until it is built again). */
	get cancelled(): boolean {
		return this.#job.cancelled;
	}

	async refresh(salesDatasetId: string | null): Promise<void> {
		await this.#job.run((run) => this.#refresh(salesDatasetId, run));
	}

	/** Stops the report being built: the market worker stops between chunks of texts. */
	cancel(): void {
		if (this.#job.cancel()) this.loading = false;
	}

	async #refresh(salesDatasetId: string | null, run: JobRun): Promise<void> {
		await this.latest(
			async (isLatest) => {
				const sets = await this.#market.list();
				if (!isLatest()) return null;
				this.sets = sets;
				if (sets.length === 0) {
					this.newModel = null;
					this.newResult = null;
					return null;
				}
				const report = await this.#market.report(salesDatasetId, {
					signal: run.signal,
					onProgress: run.onProgress,
				});
				if (run.isCurrent()) this.#job.progress = null;
				// shown at once; the new-product model below follows
				if (isLatest()) this.report = report;
				// the shop's own past launches (from its sales) join the new-product model
				await this.#market.useShopSales(salesDatasetId);
				const model = await this.#market.newProductModel();
				if (isLatest()) {
					this.newModel = model;
					if (!model) this.newResult = null;
				}
				return report;
			},
			{ quietAbort: true },
		);
	}

	/**
	 * Tries the market signals as regressors of one weekly series (once per `key`: series and horizon);
	 * the market worker reads the series of `keys` from the data worker itself.
	 */
	async fuse(key: string, keys: SeriesKeys, horizon: number) {
		if (key === this.fusionKey) return;
		const isLatest = this.#fuseTurns.start();
		this.fusionKey = key;
		this.fusion = null;
		this.fusionBusy = true;
		try {
			const r = await this.#market.fuse(keys, horizon);
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
	async fuseBatch(key: string, keys: SeriesKeys, horizon: number): Promise<void> {
		if (key === this.batchFusionKey) return;
		const isLatest = this.#batchTurns.start();
		this.batchFusionKey = key;
		this.batchFusion = null;
		this.batchFusionBusy = true;
		try {
			const r = await fuseWhenSignals(this.#market, keys, horizon);
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

	async importFile(
		file: File,
		kind: SignalKind | 'auto',
		salesDatasetId: string | null,
		mapping: Record<string, string> = {},
	) {
		const replaces =
			file === this.#lastFile && this.lastImport?.name === file.name
				? this.lastImport.id
				: undefined;
		this.#lastFile = file;
		this.loading = true;
		this.error = null;
		this.columns = null;
		this.importing = true;
		try {
			this.lastImport = await this.#market.importFile(file, kind, mapping, replaces);
			this.importing = false;
		} catch (e) {
			this.importing = false;
			this.error = toUiError(e);
			if (this.error.msg?.code === 'market_error_missing_column') {
				// let the owner pick the columns the headers did not name
				const k = String(this.error.msg.params?.kind ?? kind) as SignalKind | 'auto';
				this.columns = await this.#market.columnsOf(file, k).catch(() => null);
				if (this.columns)
					this.columns = { ...this.columns, mapping: { ...this.columns.mapping, ...mapping } };
			}
			this.loading = false;
			return;
		}
		await this.refresh(salesDatasetId);
	}

	/** Opens the columns form for the last imported file, with the columns it used. */
	async editColumns(): Promise<void> {
		const last = this.lastImport;
		if (!this.#lastFile || !last || last.kind === 'search') return;
		const c = await this.#market.columnsOf(this.#lastFile, last.kind);
		this.columns = c && { ...c, mapping: { ...last.mapping } };
	}

	/** Imports the last file again with the chosen columns (role → column, '' = none). */
	async applyColumns(mapping: Record<string, string>, salesDatasetId: string | null) {
		if (!this.#lastFile || !this.columns) return;
		await this.importFile(this.#lastFile, this.columns.kind, salesDatasetId, mapping);
	}

	closeColumns(): void {
		this.columns = null;
	}

	async remove(id: string, salesDatasetId: string | null) {
		await this.#market.remove(id);
		if (this.lastImport?.id === id) this.lastImport = null;
		await this.refresh(salesDatasetId);
	}
}

/** The app's one Market state. */
export const marketState = new MarketState(marketClient);
