// Long worker jobs that a cancel message can stop without ending the worker (Market report, Customers
// insights): each runs under its own AbortSignal, kept by the job id the client sent, and the client's
// abort calls cancel(jobId); the job stops at its next pause (workers/data/progress.ts yieldToEvents).

/** The jobs running in one worker, by id. */
export function createJobs() {
	const running = new Map<string, AbortController>();
	return {
		/** Runs `work` with a signal that cancel(jobId) aborts (no id: it cannot be cancelled). */
		async run<T>(jobId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
			const ac = new AbortController();
			if (jobId) running.set(jobId, ac);
			try {
				return await work(ac.signal);
			} finally {
				if (jobId && running.get(jobId) === ac) running.delete(jobId);
			}
		},
		/** Stops a job in flight (it rejects with its AbortError); an unknown id is ignored. */
		cancel(jobId: string): void {
			running.get(jobId)?.abort();
		},
		/** How many jobs run (tests). */
		get size(): number {
			return running.size;
		},
	};
}
