// Main-thread client of the training worker (TF.js). Starts it on first use; for now it reports which
// compute backend the deep models run on (WebGPU on a real GPU, else WASM, WebGL or CPU).
import type { BackendInfo, TrainWorkerApi } from '../../../workers/train-api';
import { WorkerBridge } from './bridge';

export class TrainClient {
	#bridge = new WorkerBridge<TrainWorkerApi>({
		start: () =>
			new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), {
				type: 'module',
				name: 'train',
			}),
	});

	/** Which backend the deep models use on this device, and why. */
	backendInfo(): Promise<BackendInfo> {
		return this.#bridge.call((api) => api.backendInfo());
	}

	/** Train a one-neuron model on the chosen backend (checks the path end to end). */
	smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		return this.#bridge.call((api) => api.smokeTest());
	}

	/** End the worker (it holds the TF.js backend and its memory). */
	terminate(): void {
		this.#bridge.terminate();
	}
}

/** The app's one training client. */
export const trainClient = new TrainClient();
