// Main-thread client of the home worker (workers/home-api.ts): builds the home dashboard off the main
// thread. Started on first use, ended after a minute idle; an aborted call ends the worker (a dashboard
// is quick to redo).
import type { HomeRequest, HomeWorkerApi } from '../../../workers/home-api';
import type { HomeDashboard } from '../../core/home/dashboard';
import { WorkerBridge } from './bridge';

export class HomeClient {
	#bridge = new WorkerBridge<HomeWorkerApi>({
		idleMs: 60_000,
		start: () =>
			new Worker(new URL('../../../workers/home.worker.ts', import.meta.url), {
				type: 'module',
				name: 'home',
			}),
	});

	dashboard(req: HomeRequest, signal?: AbortSignal): Promise<HomeDashboard> {
		return this.#bridge.call((api) => api.dashboard(req), signal ? { signal } : {});
	}

	terminate(): void {
		this.#bridge.terminate();
	}
}

export const homeClient = new HomeClient();
