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

/** What one request stream does with its turn: its loading flag, the kept answer, a failure. */
export interface LatestTarget<T> {
	/** The stream's loading flag: on when a request starts, off when the latest one settles. */
	loading(on: boolean): void;
	/** The answer of the latest request. */
	done(answer: T): void;
	/** The failure of the latest request. */
	failed(e: unknown): void;
}

/**
 * Runs `ask` as the newest turn of `turns`: only while it is still the latest does its answer or
 * failure reach `target`, and only the latest request turns loading off. True when the answer was kept.
 * LatestRequest is this with one stream; classes with several streams (Explore: products, groups,
 * series; the import's mapping check) keep a Turns per stream and call it directly.
 */
export async function runLatest<T>(
	turns: Turns,
	ask: (isLatest: () => boolean) => Promise<T>,
	target: LatestTarget<T>,
): Promise<boolean> {
	const isLatest = turns.start();
	target.loading(true);
	try {
		const r = await ask(isLatest);
		if (!isLatest()) return false;
		target.done(r);
		return true;
	} catch (e) {
		if (isLatest()) target.failed(e);
		return false;
	} finally {
		if (isLatest()) target.loading(false);
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
	protected latest(
		ask: (isLatest: () => boolean) => Promise<T | null>,
		opts: LatestOptions = {},
	): Promise<boolean> {
		return runLatest(this.#turns, ask, {
			loading: (on) => {
				this.loading = on;
				if (on) this.error = null;
			},
			done: (r) => (this.report = r),
			failed: (e) => {
				if (opts.quietAbort && isAbortError(e)) return;
				if (opts.clearOnError) this.report = null;
				this.error = toUiError(e);
			},
		});
	}

	/** Forgets the request in flight (its answer will be dropped) and stops loading. */
	protected drop(): void {
		this.#turns.drop();
		this.loading = false;
	}
}
