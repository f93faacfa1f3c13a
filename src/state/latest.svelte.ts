// The "latest request wins" state of a card: a result, loading and a UI error, where an answer to an
// older request (the user typed again, picked another row) is dropped. Cards extend it and call `run`.
import { toUiError, type UiError } from '../lib/workers/errors';

export class LatestRequest<T> {
	report = $state.raw<T | null>(null);
	loading = $state(false);
	error = $state<UiError | null>(null);

	#seq = 0;

	/** Runs `ask`; its answer becomes `report` unless a newer request started meanwhile. */
	protected async run(ask: () => Promise<T>): Promise<void> {
		const seq = ++this.#seq;
		this.loading = true;
		this.error = null;
		try {
			const r = await ask();
			if (seq === this.#seq) this.report = r;
		} catch (e) {
			if (seq === this.#seq) this.error = toUiError(e);
		} finally {
			if (seq === this.#seq) this.loading = false;
		}
	}
}
