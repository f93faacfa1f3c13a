// CustomersState: the Customers screen's data for the open dataset — segments, recommender choice and
// risk flags from the data worker, "for this customer / product" lookups, and the analyst's OK marks.
// The latest dataset wins: a result for a dataset the user has left is dropped.
import type { CustomerInsights, RecommendedProduct } from '../../workers/data/customers';
import type { Progress } from '../core/ingest/types';
import type { DataClient } from '../lib/workers/data-client';
import { CancellableJob } from './cancellable-job.svelte';
import { LatestRequest } from './latest.svelte';

/** A lookup's outcome: a list, or `unknown` when the id was never seen. */
export type Lookup =
	{ kind: 'list'; items: RecommendedProduct[] } | { kind: 'unknown'; id: string };

export class CustomersState extends LatestRequest<CustomerInsights> {
	datasetId = $state<string | null>(null);
	/** The stored content of the dataset the insights were asked for (datasetVersion). */
	#version = '';
	customerLookup = $state.raw<Lookup | null>(null);
	productLookup = $state.raw<Lookup | null>(null);
	showMarked = $state(false);

	#client: DataClient;
	/** The analysis in flight: its progress and Cancel (the worker stops it between steps). */
	#job = new CancellableJob();

	constructor(client: DataClient) {
		super();
		this.#client = client;
	}

	/** The analysis' phase and share done while it runs (null otherwise). */
	get progress(): Progress | null {
		return this.#job.progress;
	}

	/** True after the owner stopped the analysis (until it runs again). */
	get cancelled(): boolean {
		return this.#job.cancelled;
	}

	/** The open dataset's segments, recommender choice and risk flags. */
	get insights(): CustomerInsights | null {
		return this.report;
	}

	/**
	 * Loads the insights of a dataset; `force` works them out again (the worker's cache per dataset
	 * version is skipped). An older load is stopped and dropped.
	 */
	async open(datasetId: string, force = false, version = ''): Promise<void> {
		// the same dataset with rows added since (another export) is worked out again
		if (
			!force &&
			this.datasetId === datasetId &&
			this.#version === version &&
			(this.report || this.loading)
		)
			return;
		this.datasetId = datasetId;
		this.#version = version;
		this.report = null;
		this.customerLookup = null;
		this.productLookup = null;
		await this.#job.run(({ signal, onProgress }) =>
			this.latest(
				() => this.#client.customerInsights(datasetId, { signal, onProgress, fresh: force }),
				{
					quietAbort: true,
				},
			),
		);
	}

	/** Stops the analysis in flight: the data worker stops it and goes on answering other screens. */
	cancel(): void {
		if (!this.#job.cancel()) return;
		this.drop();
	}

	/** Forgets everything (no dataset selected). */
	close(): void {
		this.#job.reset();
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
