// ImportFlow: one file import from pick to report. Steps: reading (preview with progress and
// cancel) → mapping (user confirms column roles and date order) → committing → done.
import type {
	ColumnMapping,
	ColumnRole,
	DatasetMeta,
	DateOrder,
	ImportIssue,
	ImportPreview,
	Progress,
} from '../core/ingest/types';
import type { DataClient, PickedFile } from '../lib/workers/data-client';
import type { WeekStart } from '../lib/calendar';
import { guessCurrency } from '../lib/format';
import { sameLayoutDataset } from '../lib/next-export';
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';
import type { DatasetStore } from './dataset-store.svelte';
import { runLatest, Turns } from './latest.svelte';

/** Codes of preview issues that depend on the mapping: a MappingCheck replaces them. */
export const MAPPING_ISSUE_CODES: readonly string[] = [
	'no-date-column',
	'no-quantity',
	'no-product',
	'ambiguous-date-order',
	'import_date_column_unreadable',
];

export type ImportStep = 'idle' | 'reading' | 'mapping' | 'committing' | 'done';

/** Roles a column can take, in the order the mapping lists them (views word them as `role_<role>`). */
export const ROLES: readonly ColumnRole[] = [
	'date',
	'product',
	'description',
	'quantity',
	'unitPrice',
	'revenue',
	'category',
	'store',
	'customer',
	'order',
	'status',
	'refundQty',
	'refundAmount',
	'discount',
	'orderDiscount',
];

/** Accepted file extensions for the picker. */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.parquet,.json,.ndjson,.jsonl,.xlsx';

export class ImportFlow {
	step = $state<ImportStep>('idle');
	fileName = $state('');
	progress = $state.raw<Progress | null>(null);
	preview = $state.raw<ImportPreview | null>(null);
	mapping = $state<ColumnMapping>({});
	dateOrder = $state<DateOrder>('ymd');
	datasetName = $state('');
	/** Id of the stored dataset to add the rows to, or '' for a new dataset. */
	appendTo = $state('');
	/**
	 * A stored dataset with this file's columns (the same export layout), offered while the rows would
	 * go to a new dataset: the shop's next export, which belongs with the one it continues.
	 */
	suggestedTarget = $derived.by(() =>
		this.preview && !this.appendTo ? sameLayoutDataset(this.#store.datasets, this.mapping) : null,
	);
	/** Currency of the file's money: what the file says, else the browser region's (the user can change it). */
	currency = $state('');
	result = $state.raw<DatasetMeta | null>(null);
	error = $state<UiError | null>(null);
	/** Issues that depend on the mapping, recomputed by the worker after every change. */
	mappingIssues = $state.raw<ImportIssue[]>([]);
	dateOrderAmbiguous = $state(false);
	/** True while the worker re-checks the edited mapping (Import waits for the answer). */
	checking = $state(false);
	/** The file's own issues plus those of the current mapping. */
	issues = $derived.by(() => [
		...(this.preview?.issues.filter((i) => !MAPPING_ISSUE_CODES.includes(i.code)) ?? []),
		...this.mappingIssues,
	]);
	/** An error that stops the import (a damaged file, an unreadable date column, ...). */
	blocking = $derived(this.issues.some((i) => i.severity === 'error'));
	/** Mapping checks: the latest answer wins (latest.svelte.ts). */
	#checks = new Turns();
	/** Role → the column it was taken from by setRole (given back when the taker moves on). */
	#displaced: Partial<Record<ColumnRole, string>> = {};

	/**
	 * Roles that must be mapped before the import can go ahead: only the date. Without a product
	 * column all rows form one series, and without quantity or revenue each row counts as one unit
	 * (the preview warns about both).
	 */
	missing = $derived.by((): ColumnRole[] => (this.mapping.date ? [] : ['date']));

	#client: DataClient;
	#store: DatasetStore;
	#abort: AbortController | null = null;

	/** The first day of the week of a new dataset whose money is `currency` (the shop's country's). */
	#weekStartFor: (currency: string) => WeekStart | undefined;

	constructor(
		client: DataClient,
		store: DatasetStore,
		weekStartFor: (currency: string) => WeekStart | undefined = () => undefined,
	) {
		this.#client = client;
		this.#store = store;
		this.#weekStartFor = weekStartFor;
	}

	/** Read a file and show its columns for confirmation. */
	async start(file: PickedFile): Promise<void> {
		this.#abort?.abort();
		const ac = new AbortController();
		this.#abort = ac;
		this.reset();
		this.fileName = file.name;
		this.step = 'reading';
		try {
			const preview = await this.#client.previewFile(file, {
				signal: ac.signal,
				onProgress: (p) => (this.progress = p),
			});
			if (ac.signal.aborted) return;
			// A file with nothing to map (empty, not a table, too big) goes back to the picker with the reason,
			// not to an empty mapping screen.
			const refusal = preview.issues.find((i) => i.severity === 'error');
			if (preview.columns.length === 0 && refusal) {
				this.step = 'idle';
				this.error = {
					name: 'ImportRefused',
					message: refusal.message,
					...(refusal.msg
						? { msg: refusal.msg }
						: refusal.params
							? { msg: { code: refusal.code, params: refusal.params } }
							: {}),
				};
				return;
			}
			this.preview = preview;
			this.mapping = { ...preview.mapping };
			this.#displaced = {};
			this.dateOrder = preview.dateOrder;
			this.dateOrderAmbiguous = preview.dateOrderAmbiguous;
			this.currency = preview.currency?.code ?? guessCurrency();
			this.mappingIssues = preview.issues.filter((i) => MAPPING_ISSUE_CODES.includes(i.code));
			this.datasetName = file.name.replace(
				/\.(csv|tsv|txt|parquet|json|ndjson|jsonl|xlsx|gz)+$/i,
				'',
			);
			this.step = 'mapping';
		} catch (e) {
			this.#fail(e);
		} finally {
			this.progress = null;
		}
	}

	/** The role a column has in the current mapping. */
	roleOf(column: string): ColumnRole | '' {
		for (const [role, col] of Object.entries(this.mapping))
			if (col === column) return role as ColumnRole;
		return '';
	}

	/**
	 * Give a column a role (or none); a role belongs to one column at a time. A role taken from another
	 * column goes back to it when the taking column moves on and it has no role since: the arrow keys on
	 * a dropdown change it at every step, so walking the list with the keyboard must not strip the
	 * other columns of their roles on the way.
	 */
	setRole(column: string, role: ColumnRole | ''): void {
		const before = this.roleOf(column);
		const next: ColumnMapping = {};
		for (const [r, col] of Object.entries(this.mapping) as [ColumnRole, string][]) {
			if (col !== column && r !== role) next[r] = col;
		}
		if (role) {
			const holder = this.mapping[role];
			if (holder && holder !== column) this.#displaced[role] = holder;
			next[role] = column;
		}
		if (before && before !== role) {
			const owner = this.#displaced[before];
			delete this.#displaced[before];
			const ownerHasRole = Object.values(next).includes(owner as string);
			if (owner && owner !== column && !next[before] && !ownerHasRole) next[before] = owner;
		}
		const dateChanged = next.date !== this.mapping.date;
		this.mapping = next;
		void this.#revalidate(dateChanged);
	}

	/** Ask the worker what the edited mapping means; the latest answer wins. */
	async #revalidate(dateChanged: boolean): Promise<void> {
		const preview = this.preview;
		if (!preview) return;
		const mapping = $state.snapshot(this.mapping);
		await runLatest(this.#checks, () => this.#client.validateMapping(preview.importId, mapping), {
			loading: (on) => (this.checking = on),
			done: (check) => {
				if (this.preview !== preview) return;
				this.mappingIssues = check.issues;
				this.dateOrderAmbiguous = check.dateOrderAmbiguous;
				if (dateChanged) this.dateOrder = check.dateOrder;
			},
			failed: (e) => this.#fail(e),
		});
	}

	/** Store the dataset with the confirmed mapping. */
	async confirm(): Promise<void> {
		const preview = this.preview;
		if (!preview || this.missing.length > 0 || this.blocking || this.checking) return;
		const ac = new AbortController();
		this.#abort = ac;
		this.step = 'committing';
		this.error = null;
		try {
			const meta = await this.#client.commitImport(
				preview.importId,
				{
					mapping: $state.snapshot(this.mapping),
					dateOrder: this.dateOrder,
					datasetName: this.datasetName.trim() || preview.fileName,
					...(this.appendTo ? { appendTo: this.appendTo } : this.#newDatasetOptions()),
				},
				{ signal: ac.signal, onProgress: (p) => (this.progress = p) },
			);
			this.result = meta;
			this.step = 'done';
			await this.#store.refresh();
			this.#store.select(meta.id);
		} catch (e) {
			this.#fail(e);
		} finally {
			this.progress = null;
		}
	}

	/** A new dataset's currency and first day of the week (its country's: Sunday for a US shop). */
	#newDatasetOptions(): { currency: string; weekStart?: WeekStart } {
		const weekStart = this.#weekStartFor(this.currency);
		return { currency: this.currency, ...(weekStart !== undefined ? { weekStart } : {}) };
	}

	/** Count these non-product codes of the imported dataset as products (the others stay out). */
	async includeNonProduct(productIds: string[]): Promise<void> {
		const meta = this.result;
		if (!meta) return;
		try {
			this.result = await this.#client.setNonProductIncluded(meta.id, productIds);
			await this.#store.refresh();
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	/** Stop reading or storing; the data worker is restarted. */
	cancel(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.reset();
	}

	/** Back to the file picker. */
	reset(): void {
		this.step = 'idle';
		this.fileName = '';
		this.progress = null;
		this.preview = null;
		this.mapping = {};
		this.#displaced = {};
		this.result = null;
		this.error = null;
		this.mappingIssues = [];
		this.dateOrderAmbiguous = false;
		this.checking = false;
		this.appendTo = '';
		this.currency = '';
		this.#checks.drop();
	}

	#fail(e: unknown): void {
		if (isAbortError(e)) return;
		this.error = toUiError(e);
		this.step = this.preview && this.step === 'committing' ? 'mapping' : 'idle';
	}
}
