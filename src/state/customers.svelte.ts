// CustomersState: the Customers screen's data for the open dataset — segments, recommender choice and
// risk flags from the data worker, "for this customer / product" lookups, and the analyst's OK marks.
// The latest dataset wins: a result for a dataset the user has left is dropped.
import type { CustomerInsights, RecommendedProduct } from '../../workers/data/customers';
import type { Progress } from '../core/ingest/types';
import type { DataClient } from '../lib/workers/data-client';
import { LatestRequest } from './latest.svelte';

/** A lookup's outcome: a list, or `unknown` when the id was never seen. */
export type Lookup =
	{ kind: 'list'; items: RecommendedProduct[] } | { kind: 'unknown'; id: string };

export class CustomersState extends LatestRequest<CustomerInsights> {
	datasetId = $state<string | null>(null);
	customerLookup = $state.raw<Lookup | null>(null);
	productLookup = $state.raw<Lookup | null>(null);
	showMarked = $state(false);
	/** The analysis' phase and share done while it runs (null otherwise). */
	progress = $state.raw<Progress | null>(null);
	/** True after the owner stopped the analysis (until it runs again). */
	cancelled = $state(false);

	#client: DataClient;
	#abort: AbortController | null = null;

	constructor(client: DataClient) {
		super();
		this.#client = client;
	}

	/** The open dataset's segments, recommender choice and risk flags. */
	get insights(): CustomerInsights | null {
		return this.report;
	}

	/** Loads the insights of a dataset (again if asked), dropping any older request. */
	async open(datasetId: string, force = false): Promise<void> {
		if (!force && this.datasetId === datasetId && (this.report || this.loading)) return;
		this.datasetId = datasetId;
		this.report = null;
		this.customerLookup = null;
		this.productLookup = null;
		this.cancelled = false;
		// a load replaced by a newer one is dropped, not aborted: an abort ends the data worker, and
		// with it the other screens' queries in flight
		const ac = new AbortController();
		this.#abort = ac;
		this.progress = null;
		try {
			await this.latest(
				() =>
					this.#client.customerInsights(datasetId, {
						signal: ac.signal,
						onProgress: (p) => {
							if (this.#abort === ac) this.progress = p;
						},
					}),
				{ quietAbort: true },
			);
		} finally {
			if (this.#abort === ac) {
				this.#abort = null;
				this.progress = null;
			}
		}
	}

	/** Stops the analysis in flight: the data worker is ended, so its work really stops. */
	cancel(): void {
		if (!this.#abort) return;
		this.#abort.abort();
		this.#abort = null;
		this.progress = null;
		this.drop();
		this.cancelled = true;
	}

	/** Forgets everything (no dataset selected). */
	close(): void {
		this.#abort = null;
		this.progress = null;
		this.cancelled = false;
		this.drop();
		this.datasetId = null;
		this.report = null;
		this.error = null;
	}

	async lookupCustomer(customerId: string): Promise<void> {
		const id = this.datasetId;
		if (!id || !customerId.trim()) return;
		const items = await this.#client.recommendForCustomer(id, customerId);
		if (id !== this.datasetId) return;
		this.customerLookup = items ? { kind: 'list', items } : { kind: 'unknown', id: customerId };
	}

	async lookupProduct(productId: string): Promise<void> {
		const id = this.datasetId;
		if (!id || !productId.trim()) return;
		const items = await this.#client.recommendForProduct(id, productId);
		if (id !== this.datasetId) return;
		this.productLookup = items ? { kind: 'list', items } : { kind: 'unknown', id: productId };
	}

	/** Marks a flag OK (or undoes it); the list updates at once, the mark is stored in the worker. */
	async mark(flagId: string, ok: boolean): Promise<void> {
		const id = this.datasetId;
		const ins = this.report;
		if (!id || !ins) return;
		await this.#client.setFlagMark(id, flagId, ok);
		if (this.report === ins)
			this.report = {
				...ins,
				flags: ins.flags.map((f) => (f.id === flagId ? { ...f, markedOk: ok } : f)),
			};
	}
}
