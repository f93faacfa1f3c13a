// Main-thread client of the plan worker (workers/plan-api.ts), on the one worker bridge: started on
// first use, ended after a minute idle. The worker reads the weekly sales from the data worker itself over
// a MessageChannel (series-link.ts): requests carry the dataset id and product ids, never the series. The latest request wins (STYLE §2): a new plan() cancels the
// plan still running (the worker stops between products) and a new whatIf() the what-if still running,
// and a superseded call rejects with an AbortError, so the UI only ever shows the newest answer.
import type {
	PlanRequest,
	PlanResponse,
	PlanWorkerApi,
	WhatIfRequest,
	WhatIfResponse,
} from '../../../workers/plan-api';
import type { Remote } from 'comlink';
import type { Progress } from '../../core/ingest/types';
import { progressProxy, WorkerBridge, type BridgeEndpoint } from './bridge';
import { dataClient } from './data-client';
import { DataLink, type SeriesProvider } from './series-link';

const IDLE_TIMEOUT_MS = 60_000;

type Kind = 'plan' | 'whatIf';

export class PlanClient {
	#bridge: WorkerBridge<PlanWorkerApi>;
	#link: DataLink<PlanWorkerApi>;

	/** `start`: how the worker starts (tests: a MessageChannel to the API); default the real worker. */
	constructor(data: SeriesProvider = dataClient, start?: () => BridgeEndpoint) {
		this.#bridge = new WorkerBridge<PlanWorkerApi>({
			idleMs: IDLE_TIMEOUT_MS,
			start:
				start ??
				(() =>
					new Worker(new URL('../../../workers/plan.worker.ts', import.meta.url), {
						type: 'module',
						name: 'plan',
					})),
		});
		this.#link = new DataLink(data, this.#bridge);
	}

	/** The request in flight per kind: a newer one of the same kind aborts it. */
	#current = new Map<Kind, AbortController>();

	#latest<T>(
		kind: Kind,
		call: (api: Remote<PlanWorkerApi>, jobId: string) => Promise<T>,
		signal?: AbortSignal,
	): Promise<T> {
		this.#current.get(kind)?.abort();
		const ac = new AbortController();
		this.#current.set(kind, ac);
		const stop = () => ac.abort();
		signal?.addEventListener('abort', stop, { once: true });
		if (signal?.aborted) ac.abort();
		const jobId = crypto.randomUUID();
		// the worker stops between products: cancel the job and keep the worker (and its forecast cache)
		return this.#bridge
			.call(
				async (api) => {
					await this.#link.ensure(api);
					return call(api, jobId);
				},
				{ signal: ac.signal, onAbort: (api) => api.cancel(jobId) },
			)
			.finally(() => {
				signal?.removeEventListener('abort', stop);
				if (this.#current.get(kind) === ac) this.#current.delete(kind);
			});
	}

	/** The plan of every product; a newer plan() supersedes this one. */
	plan(
		req: PlanRequest,
		opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
	): Promise<PlanResponse> {
		const progress = progressProxy(opts.onProgress);
		return this.#latest('plan', (api, id) => api.plan(req, id, progress), opts.signal);
	}

	/** A what-if for one product; a newer whatIf() supersedes this one. */
	whatIf(req: WhatIfRequest, signal?: AbortSignal): Promise<WhatIfResponse> {
		return this.#latest('whatIf', (api, id) => api.whatIf(req, id), signal);
	}

	terminate(): void {
		this.#bridge.terminate();
	}
}

/** The one plan client of the app. */
export const planClient = new PlanClient();
