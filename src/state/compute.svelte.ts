// Compute: which TF.js backend the deep models use on this device, and a short test training run.
// Used by the Settings screen (views reach the train worker only through state).
import type { Message } from '../core/messages';
import { msg } from '../lib/i18n/message';
import type { TrainClient } from '../lib/workers/train-client';

/** What the train worker reports about its backend. */
export type BackendInfo = Awaited<ReturnType<TrainClient['backendInfo']>>;

export class Compute {
	/** The chosen backend, once the worker has answered. */
	info = $state.raw<BackendInfo | null>(null);
	/** Why the backend could not be reported (worker error text). */
	error = $state('');
	/** The test run's outcome as a message, so it follows a language switch. */
	smoke = $state.raw<Message | null>(null);

	#client: TrainClient;
	#asked = false;

	constructor(client: TrainClient) {
		this.#client = client;
	}

	/** Ask the worker once which backend it uses (starts the worker). */
	load(): void {
		if (this.#asked) return;
		this.#asked = true;
		this.#client.backendInfo().then(
			(info) => (this.info = info),
			(e: Error) => (this.error = e.message),
		);
	}

	/** Train a one-neuron model on the chosen backend and say how it went. */
	async runSmoke(): Promise<void> {
		this.smoke = msg('settings_training');
		try {
			const r = await this.#client.smokeTest();
			this.smoke = msg('settings_smoke_done', {
				backend: r.backend.toUpperCase(),
				ms: Math.round(r.ms),
				slope: r.slope.toFixed(2),
			});
		} catch (e) {
			this.smoke = msg('settings_smoke_failed', { error: (e as Error).message });
		}
	}
}
