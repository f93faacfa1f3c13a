// The data worker's series, served over a MessagePort to the workers that forecast and train. The UI
// makes one MessageChannel per consumer and hands one end to the data worker (serveSeries) and the
// other to the forecast / train / plan worker (SeriesLink.connect), once per worker start; requests then
// carry a dataset id and series keys, and the arrays move from the data worker to the consumer
// (transferred, not copied) without passing through the UI thread.
import * as Comlink from 'comlink';
import type { ProductSummary } from '../../src/core/ingest/types';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import { prepareBatch, topSellers, type PreparedBatch } from '../../src/core/forecast/batch';
import { codedError } from './coded-error';
import type { HierarchyData, HierarchyQuery } from './hierarchy';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';

/** Which series a request reads (what the UI sends instead of the arrays). */
export interface SeriesKeys {
	datasetId: string;
	/** Products, or null for one series '__total__' over all products. */
	productIds: string[] | null;
	freq: Frequency;
	measure: 'units' | 'revenue';
	/** Also each series' average price paid per period, as the regressor 'price'. */
	withPrice?: boolean;
	/** Also each product's category (batch.categories), for borrowed seasons. */
	withCategory?: boolean;
}

/** What the data worker answers on a series port. */
export interface SeriesSource {
	querySeries(datasetId: string, query: Omit<SeriesKeys, 'datasetId'>): Promise<SeriesBatch>;
	productSummary(datasetId: string): Promise<ProductSummary[]>;
	/** Sales per category × store cell (the bottom of the Forecast screen's hierarchy). */
	hierarchySeries(datasetId: string, query: HierarchyQuery): Promise<HierarchyData>;
	/** Imported promotions of these products (their own and their category's), for the deep models. */
	promotionsFor?(
		datasetId: string,
		productIds: string[],
	): Promise<Record<string, PromotionRecord[]>>;
}

function batchBuffers(b: SeriesBatch): ArrayBuffer[] {
	const out = [
		b.indptr.buffer,
		b.ds.buffer,
		b.y.buffer,
		...(b.regressors?.values ?? []).map((v) => v.buffer),
		...(b.groups ? [b.groups.indptr.buffer, b.groups.ds.buffer, b.groups.y.buffer] : []),
		...(b.launches ? [b.launches.indptr.buffer, b.launches.ds.buffer, b.launches.y.buffer] : []),
	];
	return [...new Set(out)] as ArrayBuffer[];
}

/** Data worker side: answer series requests arriving on `port` from `source` (one call per port). */
export function serveSeries(port: Comlink.Endpoint, source: SeriesSource): void {
	const api: SeriesSource = {
		async querySeries(datasetId, query) {
			const batch = await source.querySeries(datasetId, query);
			return Comlink.transfer(batch, batchBuffers(batch));
		},
		productSummary: (datasetId) => source.productSummary(datasetId),
		async hierarchySeries(datasetId, query) {
			const data = await source.hierarchySeries(datasetId, query);
			return Comlink.transfer(data, batchBuffers(data.batch));
		},
		promotionsFor: async (datasetId, ids) => (await source.promotionsFor?.(datasetId, ids)) ?? {},
	};
	Comlink.expose(api, port);
}

/** The data worker's side of the link, as its API exposes it (data-api.ts). */
export interface SeriesPortWorkerApi {
	/** Serve series on `port` (one end of a MessageChannel whose other end went to a consumer). */
	connectSeriesPort(port: MessagePort): void;
}

/** `connectSeriesPort` over a lazily started source (the data worker's DuckDB service). */
export function seriesPortApi(source: () => Promise<SeriesSource>): SeriesPortWorkerApi {
	return {
		connectSeriesPort(port) {
			serveSeries(port, {
				querySeries: async (id, q) => (await source()).querySeries(id, q),
				productSummary: async (id) => (await source()).productSummary(id),
				hierarchySeries: async (id, q) => (await source()).hierarchySeries(id, q),
				promotionsFor: async (id, ids) => (await (await source()).promotionsFor?.(id, ids)) ?? {},
			});
		},
	};
}

/** Message code of the error a read gets when the data worker ended while it waited. */
export const LINK_LOST_CODE = 'error_data_link_lost';

/**
 * Consumer side (forecast, train, plan, market workers): the link to the data worker. `connect` takes a new port
 * (after either worker restarted); reads waiting on the old one reject with a coded error.
 */
export class SeriesLink {
	#port: Comlink.Endpoint | null = null;
	#remote: Comlink.Remote<SeriesSource> | null = null;
	#pending = new Set<(e: Error) => void>();

	get connected(): boolean {
		return this.#remote !== null;
	}

	connect(port: Comlink.Endpoint): void {
		this.close();
		this.#port = port;
		this.#remote = Comlink.wrap<SeriesSource>(port);
	}

	close(): void {
		const port = this.#port as (Comlink.Endpoint & { close?: () => void }) | null;
		this.#port = null;
		this.#remote = null;
		port?.close?.();
		for (const reject of this.#pending) reject(codedError('WorkerError', LINK_LOST_CODE));
		this.#pending.clear();
	}

	async #read<T>(fn: (r: Comlink.Remote<SeriesSource>) => Promise<T>): Promise<T> {
		const remote = this.#remote;
		if (!remote) throw codedError('WorkerError', LINK_LOST_CODE);
		let reject!: (e: Error) => void;
		const lost = new Promise<never>((_, r) => (reject = r));
		this.#pending.add(reject);
		try {
			return await Promise.race([fn(remote), lost]);
		} finally {
			this.#pending.delete(reject);
		}
	}

	querySeries(keys: SeriesKeys): Promise<SeriesBatch> {
		const { datasetId, ...query } = keys;
		return this.#read((r) => r.querySeries(datasetId, query));
	}

	productSummary(datasetId: string): Promise<ProductSummary[]> {
		return this.#read((r) => r.productSummary(datasetId));
	}

	hierarchySeries(datasetId: string, query: HierarchyQuery): Promise<HierarchyData> {
		return this.#read((r) => r.hierarchySeries(datasetId, { ...query }));
	}

	/** Imported promotions of these products (an empty record when there are none). */
	promotionsFor(
		datasetId: string,
		productIds: string[],
	): Promise<Record<string, PromotionRecord[]>> {
		// serveSeries always answers it (an empty record from a source without promotions)
		return this.#read((r) =>
			(r as unknown as Comlink.Remote<Required<SeriesSource>>).promotionsFor(datasetId, [
				...productIds,
			]),
		);
	}

	/** The series of `keys`, ready to forecast `horizon` periods (core/forecast/batch.ts). */
	async prepared(
		keys: SeriesKeys,
		horizon: number,
		opts: { dropLast?: number } = {},
	): Promise<PreparedBatch> {
		return prepareBatch(await this.querySeries(keys), keys.freq, horizon, opts);
	}

	/** The `max` best sellers' series with their price, trimmed: what a deep model trains on. */
	async productSeries(datasetId: string, freq: Frequency, max: number): Promise<SeriesBatch> {
		const ids = topSellers(await this.productSummary(datasetId), max);
		const raw = await this.querySeries({
			datasetId,
			productIds: ids,
			freq,
			measure: 'units',
			withPrice: true,
		});
		return prepareBatch(raw, freq, 0).batch;
	}
}

/** What a consumer worker's API adds for the link (the UI calls it once per worker start). */
export function linkApi(link: SeriesLink): {
	connectData(port: MessagePort): void;
	disconnectData(): void;
} {
	return {
		connectData: (port) => link.connect(port),
		disconnectData: () => link.close(),
	};
}

/** Resolves `p`, or rejects with `onAbort()` once `signal` aborts (a read the job no longer waits for). */
export function untilAborted<T>(
	p: Promise<T>,
	signal: AbortSignal,
	onAbort: () => Error,
): Promise<T> {
	if (signal.aborted) return Promise.reject(onAbort());
	return new Promise<T>((resolve, reject) => {
		const stop = () => reject(onAbort());
		signal.addEventListener('abort', stop, { once: true });
		p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
	});
}
