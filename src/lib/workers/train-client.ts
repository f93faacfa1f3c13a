// Main-thread client of the training worker (TF.js). Starts it on first use; for now it reports which
// compute backend the deep models run on (WebGPU on a real GPU, else WASM, WebGL or CPU).
import * as Comlink from 'comlink';
import type { BackendInfo, TrainWorkerApi } from '../../../workers/train-api';
import { rethrow } from './errors';

export type { BackendInfo };

export class TrainClient {
	#worker: Worker | null = null;
	#api: Comlink.Remote<TrainWorkerApi> | null = null;

	#ensure(): Comlink.Remote<TrainWorkerApi> {
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
				type: 'module',
				name: 'train',
			});
			this.#api = Comlink.wrap<TrainWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	/** Which backend the deep models use on this device, and why. */
	async backendInfo(): Promise<BackendInfo> {
		try {
			return await this.#ensure().backendInfo();
		} catch (e) {
			return rethrow(e);
		}
	}

	/** Train a one-neuron model on the chosen backend (checks the path end to end). */
	async smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		try {
			return await this.#ensure().smokeTest();
		} catch (e) {
			return rethrow(e);
		}
	}

	/** End the worker (it holds the TF.js backend and its memory). */
	terminate(): void {
		this.#api?.[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#api = null;
		this.#worker = null;
	}
}

/** The app's one training client. */
export const trainClient = new TrainClient();
