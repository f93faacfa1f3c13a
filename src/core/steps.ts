// Long pure computations written as steps: a generator whose every `yield` is a point between chunks of
// work where a caller may pause (let a worker answer other messages) or stop (a cancel). Run at once
// with runSteps (CLI, tests), or with a pause between steps in a worker (workers/data/progress.ts).

/** A computation that yields between chunks of its work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result (the same as a plain function call). */
export function runSteps<T>(steps: Steps<T>): T {
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}

/** Runs the steps with `pause` awaited between them (it may throw to stop: the steps end there). */
export async function runStepsPaused<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
		try {
			await pause();
		} catch (e) {
			steps.return(undefined as T);
			throw e;
		}
	}
}
