// Promotions files (issue #11): the stored files, importing one (with what was skipped and why) and
// removing one. The forecast reads them through the data worker (ForecastRun).
import type { ImportIssue } from '../core/ingest/types';
import type { DataClient, PickedFile } from '../lib/workers/data-client';
import type { PromotionImportSummary, PromotionSetInfo } from '../../workers/data-api';
import { toUiError, type UiError } from '../lib/workers/errors';

export class PromotionsState {
	sets = $state.raw<PromotionSetInfo[]>([]);
	lastImport = $state.raw<PromotionImportSummary | null>(null);
	busy = $state(false);
	error = $state<UiError | null>(null);
	#data: DataClient;

	constructor(data: DataClient) {
		this.#data = data;
	}

	async refresh(): Promise<void> {
		try {
			this.sets = await this.#data.listPromotions();
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	/** Import a file for dataset `datasetId` (null: every dataset, when the person chose so). */
	async import(file: PickedFile, datasetId: string | null): Promise<void> {
		this.busy = true;
		this.error = null;
		try {
			this.lastImport = await this.#data.importPromotions(file, datasetId);
			await this.refresh();
		} catch (e) {
			this.error = toUiError(e);
		} finally {
			this.busy = false;
		}
	}

	/** Change the dataset a stored file applies to (null: every dataset). */
	async setScope(id: string, datasetId: string | null): Promise<void> {
		try {
			await this.#data.setPromotionScope(id, datasetId);
			await this.refresh();
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	async remove(id: string): Promise<void> {
		try {
			await this.#data.deletePromotions(id);
			await this.refresh();
		} catch (e) {
			this.error = toUiError(e);
		}
	}

	/** Issues of the last import. */
	get issues(): ImportIssue[] {
		return this.lastImport?.issues ?? [];
	}
}
