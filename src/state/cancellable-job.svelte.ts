// The one long job of a screen that shows progress and has a Cancel (Market report, Customers insights):
// its AbortController, the progress of the job running now (null otherwise) and whether the owner
// stopped it. A newer run aborts the older one; progress and the end of an older run are ignored.
import type { Progress } from '../core/ingest/types';

/** What a run of the job gets: its signal, its progress callback and whether it is still the current run. */
export interface JobRun {
	signal: AbortSignal;
	onProgress: (p: Progress) => void;
	isCurrent: () => boolean;
}

export class CancellableJob {
	/** The running job's phase and share done (null when none runs). */
	progress = $state.raw<Progress | null>(null);
	/** True after the owner stopped the job (until it runs again). */
	cancelled = $state(false);
	#abort: AbortController | null = null;

	/** Runs `work` as the current job (aborting one still running); its progress shows while current. */
	async run<T>(work: (run: JobRun) => Promise<T>): Promise<T> {
		this.#abort?.abort();
		const ac = new AbortController();
		this.#abort = ac;
		this.cancelled = false;
		this.progress = null;
		const isCurrent = () => this.#abort === ac;
		try {
			return await work({
				signal: ac.signal,
				onProgress: (p) => {
					if (isCurrent()) this.progress = p;
				},
				isCurrent,
			});
		} finally {
			if (isCurrent()) {
				this.#abort = null;
				this.progress = null;
			}
		}
	}

	/** Stops the job in flight and says so (`cancelled`); false when none runs. */
	cancel(): boolean {
		if (!this.#abort) return false;
		this.#abort.abort();
		this.#abort = null;
		this.progress = null;
		this.cancelled = true;
		return true;
	}

	/** Stops the job in flight, if any, without saying it was cancelled (nothing to show any more). */
	reset(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.progress = null;
		this.cancelled = false;
	}
}
