// The one bridge between the UI thread and a worker, used by every worker client: it starts the worker on
// first use, ends it after an idle time, turns an abort into either a cancel request (the worker stops the
// job and stays warm) or a terminate (for work that cannot be interrupted, such as DuckDB's blocking calls),
// settles every call in flight when the worker dies or is ended, and re-throws worker errors with their
// name and message code (see errors.ts), so views can word them in the UI language.
import * as Comlink from 'comlink';
import { abortError, rethrow } from './errors';

/** What the bridge needs of a worker: a Comlink endpoint that can be ended (a Worker, or a test port). */
export interface BridgeEndpoint extends Comlink.Endpoint {
	terminate(): void;
}

export interface BridgeOptions {
	/** Starts the worker; called on the first call and after each terminate. */
	start: () => BridgeEndpoint;
	/** End the worker after this long with no call in flight (ms); 0 keeps it alive. */
	idleMs?: number;
}

/** How a call reacts to its AbortSignal: end the worker, or ask it to cancel (e.g. `api.cancel(jobId)`). */
export type OnAbort<Api> = 'terminate' | ((api: Comlink.Remote<Api>) => unknown);

export interface BridgeCallOptions<Api> {
	signal?: AbortSignal;
	/** Default 'terminate'. */
	onAbort?: OnAbort<Api>;
}

/** Message code of the error a call gets when its worker dies (a module error at start, a crash). */
export const WORKER_FAILED_CODE = 'error_worker_failed';

export class WorkerBridge<Api> {
	#opts: BridgeOptions;
	#endpoint: BridgeEndpoint | null = null;
	#api: Comlink.Remote<Api> | null = null;
	/** Rejecters of the calls in flight, so a worker that dies or is ended settles them. */
	#pending = new Set<(e: Error) => void>();
	#running = 0;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	#generation = 0;
	#endListeners = new Set<() => void>();

	constructor(opts: BridgeOptions) {
		this.#opts = opts;
	}

	/** True while a worker is running. */
	get started(): boolean {
		return this.#api !== null;
	}

	/** How many times a worker was started: a new number means a fresh worker (links to redo). */
	get generation(): number {
		return this.#generation;
	}

	/** Call `fn` each time the running worker ends (idle, abort, crash); returns the unsubscribe. */
	onEnd(fn: () => void): () => void {
		this.#endListeners.add(fn);
		return () => this.#endListeners.delete(fn);
	}

	#ensure(): Comlink.Remote<Api> {
		clearTimeout(this.#idleTimer);
		if (!this.#api) {
			this.#generation++;
			const endpoint = this.#opts.start();
			endpoint.addEventListener('error', (ev) => {
				// A worker that fails to start (e.g. a module error) or crashes only reports here.
				if (endpoint !== this.#endpoint) return;
				const err = new Error((ev as ErrorEvent).message || 'The worker stopped unexpectedly.');
				err.name = 'WorkerError';
				Object.assign(err, { code: WORKER_FAILED_CODE });
				this.#end(err);
			});
			this.#endpoint = endpoint;
			this.#api = Comlink.wrap<Api>(endpoint);
		}
		return this.#api;
	}

	/** Run one call on the worker (starting it if needed), honouring `signal`. */
	async call<R>(
		fn: (api: Comlink.Remote<Api>) => Promise<R>,
		opts: BridgeCallOptions<Api> = {},
	): Promise<R> {
		const { signal } = opts;
		if (signal?.aborted) throw abortError();
		const api = this.#ensure();
		let reject!: (e: Error) => void;
		const stopped = new Promise<never>((_, r) => (reject = r));
		this.#pending.add(reject);
		this.#running++;
		const onAbort = () => {
			const how = opts.onAbort ?? 'terminate';
			if (how === 'terminate') {
				reject(abortError());
				this.terminate();
			} else {
				// The worker stops the job and the call rejects; its own error is replaced below.
				void Promise.resolve()
					.then(() => how(api))
					.catch(() => {});
			}
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		try {
			return await Promise.race([fn(api), stopped]);
		} catch (e) {
			if (signal?.aborted) throw abortError();
			return rethrow(e);
		} finally {
			this.#pending.delete(reject);
			signal?.removeEventListener('abort', onAbort);
			this.#running--;
			const idle = this.#opts.idleMs ?? 0;
			if (this.#running === 0 && this.#api && idle > 0)
				this.#idleTimer = setTimeout(() => this.terminate(), idle);
		}
	}

	/** End the worker now (calls in flight reject with an AbortError); the next call starts a fresh one. */
	terminate(): void {
		this.#end(abortError());
	}

	#end(reason: Error): void {
		clearTimeout(this.#idleTimer);
		const endpoint = this.#endpoint;
		this.#endpoint = null;
		this.#api = null;
		endpoint?.terminate();
		for (const reject of this.#pending) reject(reason);
		this.#pending.clear();
		if (endpoint) for (const fn of this.#endListeners) fn();
	}
}

/** Wrap a progress callback for Comlink (functions can't be cloned). */
export function progressProxy<P>(onProgress?: (p: P) => void): ((p: P) => void) | undefined {
	return onProgress ? Comlink.proxy(onProgress) : undefined;
}
