// The training worker's API: picks the TF.js compute backend (WebGPU on a real GPU, else WASM, then
// WebGL, then CPU) and reports which one is in use. Deep models (MLP, LSTM/GRU, Transformer) build on it.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** Which backend runs the deep models, and why. */
export interface BackendInfo {
	backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
	/** GPU adapter description when WebGPU was considered. */
	adapter: string;
	/** Why this backend was chosen, in words for the Settings screen. */
	reason: string;
}

// Hashed URLs so the service worker precaches them and nothing is fetched from a CDN.
setWasmPaths({
	'tfjs-backend-wasm.wasm': wasmPlain,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

let chosen: Promise<BackendInfo> | null = null;

interface GpuAdapterLike {
	isFallbackAdapter?: boolean;
	info?: { vendor?: string; architecture?: string; description?: string };
}

async function gpuAdapter(): Promise<GpuAdapterLike | null> {
	const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
	if (!gpu) return null;
	try {
		return (await gpu.requestAdapter()) as GpuAdapterLike | null;
	} catch {
		return null;
	}
}

async function tryBackend(name: BackendInfo['backend']): Promise<boolean> {
	try {
		return (await tf.setBackend(name)) && tf.getBackend() === name;
	} catch {
		return false;
	}
}

async function choose(): Promise<BackendInfo> {
	const adapter = await gpuAdapter();
	const adapterName = adapter
		? [adapter.info?.vendor, adapter.info?.architecture, adapter.info?.description]
				.filter(Boolean)
				.join(' ') || 'unnamed adapter'
		: 'none';
	// A fallback adapter is a CPU emulation (SwiftShader): 60–100× slower than WASM (STACK-NOTES).
	if (adapter && !adapter.isFallbackAdapter && (await tryBackend('webgpu'))) {
		return {
			backend: 'webgpu',
			adapter: adapterName,
			reason: 'A GPU is available through WebGPU.',
		};
	}
	const why = adapter
		? 'The only WebGPU adapter is a software fallback, so the CPU (WASM SIMD) is faster.'
		: 'No WebGPU adapter in this browser.';
	if (await tryBackend('wasm')) return { backend: 'wasm', adapter: adapterName, reason: why };
	if (await tryBackend('webgl'))
		return { backend: 'webgl', adapter: adapterName, reason: `${why} WASM failed to start.` };
	await tf.setBackend('cpu');
	return { backend: 'cpu', adapter: adapterName, reason: `${why} WASM and WebGL failed to start.` };
}

export const api = {
	/** Choose (once) and report the compute backend. */
	async backendInfo(): Promise<BackendInfo> {
		chosen ??= choose();
		return chosen;
	},
	/** A tiny training run on the chosen backend: fits y = 2x + 1 and returns the learned slope. */
	async smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		const info = await api.backendInfo();
		const t0 = performance.now();
		const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
		const optimizer = tf.train.adam(0.1);
		model.compile({ optimizer, loss: 'meanSquaredError' });
		const xs = tf.linspace(-1, 1, 64).reshape([64, 1]);
		const ys = xs.mul(2).add(1);
		await model.fit(xs, ys, { epochs: 150, batchSize: 64, verbose: 0 });
		const slope = (model.getWeights()[0].dataSync() as Float32Array)[0];
		tf.dispose([xs, ys]);
		model.dispose();
		optimizer.dispose(); // ~13 tensors of optimizer state outlive model.dispose() (STACK-NOTES)
		return { backend: info.backend, slope, ms: performance.now() - t0 };
	},
};

export type TrainWorkerApi = typeof api;
