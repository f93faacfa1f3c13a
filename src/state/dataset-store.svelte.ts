// DatasetStore: the stored datasets, which one is open, storage use, and the demo import. Shared by
// every view through context (state/context.ts); talks to the data worker through DataClient.
import type { DatasetMeta, Progress } from '../core/ingest/types';
import type { StorageInfo } from '../../workers/data-api';
import { MONDAY, type WeekStart } from '../lib/calendar';
import { onDatasetsChanged } from '../lib/db/changes';
import type { DataClient } from '../lib/workers/data-client';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';

const SELECTED_KEY = 'trendcast.dataset';

export class DatasetStore {
	/** Stored datasets, newest first. */
	datasets = $state.raw<DatasetMeta[]>([]);
	selectedId = $state<string | null>(readSelected());
	storage = $state.raw<StorageInfo | null>(null);
	/** True until the first list has arrived. */
	loading = $state(true);
	error = $state<UiError | null>(null);
	demoRunning = $state(false);
	demoProgress = $state.raw<Progress | null>(null);
	/** The dataset being viewed, or null. */
	selected = $derived(
		this.datasets.find((d) => d.id === this.selectedId) ?? this.datasets[0] ?? null,
	);
	/**
	 * What a screen that needs data shows: 'loading' until the stored list has arrived (a returning
	 * shop's data is read back by the data worker, seconds on a busy phone: "no sales data yet" then
	 * read as lost data), 'empty' when nothing is stored, 'ready' with a dataset open.
	 */
	view = $derived<'loading' | 'empty' | 'ready'>(
		this.selected ? 'ready' : this.loading ? 'loading' : 'empty',
	);

	#client: DataClient;
	#demoAbort: AbortController | null = null;

	constructor(client: DataClient) {
		this.#client = client;
		// Another tab (or this tab's worker) stored or deleted a dataset: list them again.
		onDatasetsChanged(() => void this.refresh());
	}

	/** Reload the dataset list and storage figures. */
	async refresh(): Promise<void> {
		try {
			const list = await this.#client.listDatasets();
			this.datasets = [...list].sort((a, b) => b.createdAt - a.createdAt);
			this.error = null;
		} catch (e) {
			this.error = toUiError(e);
		} finally {
			this.loading = false;
		}
		await this.refreshStorage();
	}

	async refreshStorage(): Promise<void> {
		try {
			this.storage = await this.#client.storageInfo();
		} catch {
			this.storage = null; // Not fatal: the storage line is simply hidden.
		}
	}

	select(id: string): void {
		this.selectedId = id;
		try {
			localStorage.setItem(SELECTED_KEY, id);
		} catch {
			// Ignored: remembering the open dataset is a convenience.
		}
	}

	/** Store the currency a dataset's money is in (shown at once, kept across reloads). */
	async setCurrency(id: string, currency: string): Promise<void> {
		const before = this.datasets;
		this.datasets = before.map((d) => (d.id === id ? { ...d, currency } : d));
		try {
			const meta = await this.#client.setDatasetCurrency(id, currency);
			this.datasets = this.datasets.map((d) => (d.id === id ? meta : d));
		} catch (e) {
			this.datasets = before;
			this.error = toUiError(e);
		}
	}

	/**
	 * Store the first day of a dataset's weeks (shown at once, kept across reloads): its screens read
	 * the weeks again (its version changes) and its kept forecasts are dropped by the worker.
	 */
	async setWeekStart(id: string, weekStart: WeekStart): Promise<void> {
		const before = this.datasets;
		this.datasets = before.map((d) => {
			if (d.id !== id) return d;
			const { weekStart: _old, ...rest } = d;
			return weekStart === MONDAY ? rest : { ...rest, weekStart };
		});
		try {
			const meta = await this.#client.setDatasetWeekStart(id, weekStart);
			this.datasets = this.datasets.map((d) => (d.id === id ? meta : d));
		} catch (e) {
			this.datasets = before;
			this.error = toUiError(e);
		}
	}

	/** Rename a dataset (shown at once, kept across reloads); the error when the name was refused. */
	async rename(id: string, name: string): Promise<UiError | null> {
		const before = this.datasets;
		this.datasets = before.map((d) => (d.id === id ? { ...d, name: name.trim() } : d));
		try {
			const meta = await this.#client.renameDataset(id, name);
			this.datasets = this.datasets.map((d) => (d.id === id ? meta : d));
			return null;
		} catch (e) {
			this.datasets = before;
			return toUiError(e);
		}
	}

	/** Delete a dataset and its stored bytes. */
	async remove(id: string): Promise<void> {
		try {
			await this.#client.deleteDataset(id);
			if (this.selectedId === id) this.selectedId = null;
		} catch (e) {
			this.error = toUiError(e);
		}
		await this.refresh();
	}

	/** Import the bundled demo data set and open it. */
	async loadDemo(): Promise<DatasetMeta | null> {
		this.#demoAbort?.abort();
		const ac = new AbortController();
		this.#demoAbort = ac;
		this.demoRunning = true;
		this.demoProgress = null;
		this.error = null;
		try {
			const meta = await this.#client.loadDemo({
				signal: ac.signal,
				onProgress: (p) => (this.demoProgress = p),
			});
			await this.refresh();
			this.select(meta.id);
			return meta;
		} catch (e) {
			if (!isAbortError(e)) this.error = toUiError(e);
			return null;
		} finally {
			if (this.#demoAbort === ac) {
				this.demoRunning = false;
				this.demoProgress = null;
				this.#demoAbort = null;
			}
		}
	}

	cancelDemo(): void {
		this.#demoAbort?.abort();
	}
}

function readSelected(): string | null {
	try {
		return localStorage.getItem(SELECTED_KEY);
	} catch {
		return null;
	}
}
