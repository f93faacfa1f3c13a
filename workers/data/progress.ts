// Throttled progress for the workers' long jobs (Market report, Customers insights): every progress call
// is a round trip to the main thread, so at most one per PROGRESS_INTERVAL_MS (and always the last), as
// workers/forecast-api.ts sends the forecast's; and the yield that lets a cancel message arrive.
import type { Progress } from '../../src/core/ingest/types';

/** Least time between two progress calls (ms). */
export const PROGRESS_INTERVAL_MS = 200;

/** `onProgress` called at most every PROGRESS_INTERVAL_MS, a phase change or the last step always. */
export function throttleProgress(
	onProgress?: (p: Progress) => unknown,
	now: () => number = Date.now,
): (p: Progress) => void {
	if (!onProgress) return () => {};
	let last = -Infinity;
	let phase = '';
	return (p) => {
		const t = now();
		if (p.phase === phase && p.done < p.total && t - last < PROGRESS_INTERVAL_MS) return;
		last = t;
		phase = p.phase;
		// a failed progress call (the page went away) must not fail the job
		void Promise.resolve(onProgress({ phase: p.phase, done: p.done, total: p.total })).catch(
			() => {},
		);
	};
}

/** Give queued messages (a cancel) a chance to arrive between chunks of work. */
export const yieldToEvents = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
