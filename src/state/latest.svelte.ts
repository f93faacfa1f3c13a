// The "latest request wins" state of a card or screen: a result (`report`), loading and a UI error,
// where an answer to an older request (the user typed again, picked another row or dataset) is
// dropped. State classes extend it and load through `latest`; `drop` forgets the request in flight.
import { isAbortError, toUiError, type UiError } from '../lib/workers/errors';

export interface LatestOptions {
	/** Also clear `report` when the request fails (a stale result must not sit under the error). */
	clearOnError?: boolean;
	/** An aborted request (worker restarted, user cancelled) is not shown as an error. */
	quietAbort?: boolean;
}

/**
 * Turns of one request stream: `start()` begins a request and gives its check, true until the next
 * `start()` or `drop()`. A class with one stream extends LatestRequest; one with several more (the Market
 * screen's fusion runs) keeps a Turns per extra stream.
 */
export class Turns {
	#seq = 0;

	start(): () => boolean {
		const seq = ++this.#seq;
		return () => seq === this.#seq;
	}

	drop(): void {
		this.#seq++;
	}
}

export class LatestRequest<T> {
	report = $state.raw<T | null>(null);
	loading = $state(false);
	error = $state<UiError | null>(null);

	#turns = new Turns();

	/**
	 * Runs `ask`; its answer becomes `report` unless a newer request started (or `drop` was called)
	 * meanwhile. `ask` gets `isLatest` to check before it sets any other state. True when the answer
	 * was kept.
	 */
	protected async latest(
		ask: (isLatest: () => boolean) => Promise<T | null>,
		opts: LatestOptions = {},
	): Promise<boolean> {
		const isLatest = this.#turns.start();
		this.loading = true;
		this.error = null;
		try {
			const r = await ask(isLatest);
			if (!isLatest()) return false;
			this.report = r;
			return true;
		} catch (e) {
			if (isLatest() && !(opts.quietAbort && isAbortError(e))) {
				if (opts.clearOnError) this.report = null;
				this.error = toUiError(e);
			}
			return false;
		} finally {
			if (isLatest()) this.loading = false;
		}
	}

	/** Forgets the request in flight (its answer will be dropped) and stops loading. */
	protected drop(): void {
		this.#turns.drop();
		this.loading = false;
	}
}
