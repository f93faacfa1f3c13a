// Main-thread client of the plan worker (workers/plan-api.ts). Starts the worker on first use and
// ends it after a minute idle. The latest request wins (STYLE §2): a new plan() cancels the plan still
// running (the worker stops between products) and a new whatIf() the what-if still running, and a
// superseded call rejects with an AbortError, so the UI only ever shows the newest answer.
import * as Comlink from 'comlink';
import type {
	PlanRequest,
	PlanResponse,
	PlanWorkerApi,
	WhatIfRequest,
	WhatIfResponse,
} from '../../../workers/plan-api';
import type { Progress } from '../../core/ingest/types';
import { abortError, rethrow } from './errors';

const IDLE_TIMEOUT_MS = 60_000;

type Kind = 'plan' | 'whatIf';

export class PlanClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<PlanWorkerApi> | null = null;
	#running = 0;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** The job in flight per kind, and how to supersede it. */
	#current = new Map<Kind, { jobId: string; supersede: () => void }>();

	#ensure(): Comlink.Remote<PlanWorkerApi> {
		clearTimeout(this.#idleTimer);
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../../workers/plan.worker.ts', import.meta.url), {
				type: 'module',
				name: 'plan',
			});
			this.#api = Comlink.wrap<PlanWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	async #latest<T>(
		kind: Kind,
		call: (api: Comlink.Remote<PlanWorkerApi>, jobId: string) => Promise<T>,
		signal?: AbortSignal,
	): Promise<T> {
		if (signal?.aborted) throw abortError();
		const api = this.#ensure();
		this.#current.get(kind)?.supersede();
		const jobId = crypto.randomUUID();
		let reject!: (e: Error) => void;
		const superseded = new Promise<never>((_, r) => (reject = r));
		const supersede = () => {
			void api.cancel(jobId);
			reject(abortError('Superseded by a newer request'));
		};
		this.#current.set(kind, { jobId, supersede });
		signal?.addEventListener('abort', supersede, { once: true });
		this.#running++;
		try {
			return await Promise.race([call(api, jobId), superseded]);
		} catch (e) {
			return rethrow(e);
		} finally {
			signal?.removeEventListener('abort', supersede);
			if (this.#current.get(kind)?.jobId === jobId) this.#current.delete(kind);
			this.#running--;
			if (this.#running === 0)
				this.#idleTimer = setTimeout(() => this.terminate(), IDLE_TIMEOUT_MS);
		}
	}

	/** The plan of every product; a newer plan() supersedes this one. */
	plan(
		req: PlanRequest,
		opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
	): Promise<PlanResponse> {
		const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
		return this.#latest('plan', (api, id) => api.plan(req, id, progress), opts.signal);
	}

	/** A what-if for one product; a newer whatIf() supersedes this one. */
	whatIf(req: WhatIfRequest, signal?: AbortSignal): Promise<WhatIfResponse> {
		return this.#latest('whatIf', (api, id) => api.whatIf(req, id), signal);
	}

	terminate(): void {
		clearTimeout(this.#idleTimer);
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}

/** The one plan client of the app. */
export const planClient = new PlanClient();
