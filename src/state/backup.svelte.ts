// BackupState: downloading a backup of everything stored and restoring one (Settings → BackupCard).
// The data worker does the work (workers/data/backup.ts); results and errors are kept as message codes.
import type { Message } from '../core/messages';
import { datedFileName, downloadBlob } from '../lib/export/csv-download';
import { formatBytes } from '../lib/format';
import { dataClient, type DataClient } from '../lib/workers/data-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export class BackupState {
	busy = $state<'backup' | 'restore' | null>(null);
	done = $state<Message | null>(null);
	error = $state<UiError | null>(null);
	/** A file picked for restore, waiting for the user's confirmation. */
	pending = $state.raw<File | null>(null);

	#client: DataClient;

	constructor(client: DataClient) {
		this.#client = client;
	}

	/** Builds the backup in the worker (with the device preferences given) and starts its download. */
	async backup(devicePrefs?: Record<string, string>): Promise<void> {
		this.busy = 'backup';
		this.done = this.error = null;
		try {
			const blob = await this.#client.exportBackup(devicePrefs);
			const file = datedFileName('trendcast-backup', 'json');
			downloadBlob(file, blob);
			this.done = { code: 'backup_saved', params: { file, size: formatBytes(blob.size) } };
		} catch (e) {
			this.error = toUiError(e);
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Replaces everything stored with the pending file; `after` runs on success (refresh lists) with the
	 * device preferences the file carried, if any (older backups have none).
	 */
	async restore(after: (devicePrefs?: Record<string, string>) => Promise<void>): Promise<void> {
		const file = this.pending;
		if (!file) return;
		this.pending = null;
		this.busy = 'restore';
		this.done = this.error = null;
		try {
			const summary = await this.#client.restoreBackup(file);
			await after(summary.devicePrefs);
			// said once the lists show what came back (not beside "Restoring…")
			this.done = {
				code: 'backup_restored',
				params: {
					datasets: summary.datasets,
					salesRows: summary.salesRows,
					stock: summary.stockProducts,
				},
			};
		} catch (e) {
			const err = toUiError(e);
			// the worker's refusal names no file: the message says which one was refused
			if (err.msg?.code.startsWith('backup_error_'))
				err.msg = { code: err.msg.code, params: { ...err.msg.params, file: file.name } };
			this.error = err;
		} finally {
			this.busy = null;
		}
	}
}

/** The app's one backup state. */
export const backupState = new BackupState(dataClient);
