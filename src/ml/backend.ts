// Chooses the TF.js compute backend for the deep models and says why, as message codes (the view words
// them). Order: WebGPU on a real (non-fallback) adapter; else WebGL (an OffscreenCanvas in a worker)
// when its renderer is a real GPU and a short timed probe beats WASM; else WASM (SIMD); else CPU.
// Measured on a machine without a GPU (STACK-NOTES): one LSTM(32) epoch takes 1.4–2.2 s on WASM,
// 6.4–7.5 s on WebGL/SwiftShader and 86–159 s on WebGPU's SwiftShader fallback adapter, so a
// software GPU is never used. Runs in the train worker and in Node (no navigator.gpu, no canvas →
// WASM, then CPU). Used by workers/train-api.ts, the pretraining script and the tests.
import * as tf from '@tensorflow/tfjs';
import type { Message } from '../core/messages';
import { msg } from '../core/messages';

/** A TF.js backend the deep models can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Which backend runs the deep models, what was found, and why faster ones were not used. */
export interface BackendInfo {
	backend: BackendName;
	/** GPU adapter or WebGL renderer description, '' when there is none. */
	adapter: string;
	/** Why this backend was chosen, one message per consideration (`models_backend_*` codes). */
	reasons: Message[];
	/** Probe timings in ms per backend, when a probe was run. */
	probeMs?: Partial<Record<BackendName, number>>;
}

/** The parts of a WebGPU adapter we read (the DOM types are not available in core/ml). */
interface GpuAdapterLike {
	isFallbackAdapter?: boolean;
	info?: {
		vendor?: string;
		architecture?: string;
		description?: string;
		isFallbackAdapter?: boolean;
	};
}

/** What the environment offers; injectable so the decision is testable in Node. */
export interface BackendEnv {
	/** Resolves to the WebGPU adapter, or null when there is none. */
	gpuAdapter(): Promise<GpuAdapterLike | null>;
	/** The WebGL renderer string of an OffscreenCanvas context, or null when WebGL is unavailable. */
	webglRenderer(): string | null;
	/** Activate a backend; resolves true when it is now the active one. */
	setBackend(name: BackendName): Promise<boolean>;
	/** Time a small training step on the active backend (ms). */
	probe(): Promise<number>;
}

/** Renderer names of software rasterisers: WebGL works there but is slower than WASM. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

const SOFTWARE_NAMES: readonly [RegExp, string][] = [
	[/swiftshader/i, 'SwiftShader'],
	[/llvmpipe/i, 'llvmpipe'],
	[/softpipe/i, 'softpipe'],
	[/basic render/i, 'Microsoft Basic Render Driver'],
	[/mesa offscreen/i, 'Mesa Offscreen'],
];

/**
 * A WebGL renderer string as a person reads it: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device
 * (Subzero) (0x0000C0DE)), SwiftShader driver)" → "SwiftShader"; "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060
 * (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)" → "NVIDIA GeForce RTX 3060". At most 60 characters.
 */
export function rendererName(renderer: string): string {
	for (const [re, name] of SOFTWARE_NAMES) if (re.test(renderer)) return name;
	const angle = /^ANGLE \((.*)\)$/.exec(renderer.trim());
	let s = angle ? angle[1] : renderer;
	const parts = s.split(', ');
	if (angle && parts.length >= 2) s = parts[1];
	s = s
		.replace(/\s*\(0x[0-9a-f]+\)/gi, '')
		.replace(/\s+(Direct3D\d*|OpenGL|Vulkan|Metal)\b.*$/i, '')
		.trim();
	return (s || renderer.trim()).slice(0, 60);
}

function adapterName(a: GpuAdapterLike): string {
	const i = a.info ?? {};
	return [i.vendor, i.architecture, i.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

/** Decide the backend in `env` (the logic; `chooseBackend` wires it to the real browser/Node). */
export async function decideBackend(env: BackendEnv): Promise<BackendInfo> {
	const reasons: Message[] = [];
	let adapter = '';
	const gpu = await env.gpuAdapter().catch(() => null);
	if (gpu) {
		adapter = adapterName(gpu);
		const fallback = gpu.isFallbackAdapter ?? gpu.info?.isFallbackAdapter ?? false;
		if (!fallback) {
			if (await env.setBackend('webgpu')) {
				reasons.push(msg('models_backend_webgpu_real', { adapter }));
				return { backend: 'webgpu', adapter, reasons };
			}
			reasons.push(msg('models_backend_webgpu_failed', { adapter }));
		} else reasons.push(msg('models_backend_webgpu_fallback', { adapter }));
	} else reasons.push(msg('models_backend_no_webgpu'));

	const rawRenderer = env.webglRenderer();
	const renderer = rawRenderer === null ? null : rendererName(rawRenderer);
	let probeMs: BackendInfo['probeMs'];
	if (renderer === null) reasons.push(msg('models_backend_no_webgl'));
	else if (SOFTWARE_RENDERER.test(rawRenderer ?? ''))
		reasons.push(msg('models_backend_webgl_software', { renderer }));
	else if (await env.setBackend('webgl')) {
		// A real GPU behind WebGL: not always faster than WASM for small recurrent models, so time both.
		const webglMs = await env.probe();
		const wasmOk = await env.setBackend('wasm');
		const wasmMs = wasmOk ? await env.probe() : Infinity;
		probeMs = { webgl: Math.round(webglMs), ...(wasmOk ? { wasm: Math.round(wasmMs) } : {}) };
		if (webglMs < wasmMs && (await env.setBackend('webgl'))) {
			reasons.push(msg('models_backend_webgl_faster', { renderer, webglMs: probeMs.webgl ?? 0 }));
			return { backend: 'webgl', adapter: adapter || renderer, reasons, probeMs };
		}
		reasons.push(msg('models_backend_webgl_slower', { renderer, webglMs: probeMs.webgl ?? 0 }));
	} else reasons.push(msg('models_backend_webgl_failed', { renderer }));

	if (await env.setBackend('wasm')) {
		reasons.push(msg('models_backend_wasm'));
		return { backend: 'wasm', adapter, reasons, ...(probeMs ? { probeMs } : {}) };
	}
	reasons.push(msg('models_backend_wasm_failed'));
	await env.setBackend('cpu');
	reasons.push(msg('models_backend_cpu'));
	return { backend: 'cpu', adapter, reasons, ...(probeMs ? { probeMs } : {}) };
}

/** Activate a TF.js backend; false when it is not registered or fails to initialise. */
export async function activate(name: BackendName): Promise<boolean> {
	try {
		return (await tf.setBackend(name)) && tf.getBackend() === name;
	} catch {
		return false;
	}
}

/** A few steps of a small dense model on the active backend, after one warm-up step (ms). */
export async function probeBackend(): Promise<number> {
	const model = tf.sequential({
		layers: [
			tf.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }),
			tf.layers.dense({ units: 16 }),
		],
	});
	const optimizer = tf.train.adam(1e-3);
	model.compile({ optimizer, loss: 'meanSquaredError' });
	const x = tf.randomNormal([256, 64]);
	const y = tf.randomNormal([256, 16]);
	try {
		await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0 });
		const t0 = performance.now();
		await model.fit(x, y, { epochs: 2, batchSize: 64, verbose: 0 });
		return performance.now() - t0;
	} finally {
		tf.dispose([x, y]);
		model.dispose();
		optimizer.dispose();
	}
}

interface NavigatorGpu {
	gpu?: { requestAdapter(): Promise<unknown> };
}

/** The real environment: `navigator.gpu` and an OffscreenCanvas where they exist (workers, browsers). */
export function realEnv(): BackendEnv {
	return {
		async gpuAdapter() {
			const nav = (globalThis as { navigator?: NavigatorGpu }).navigator;
			if (!nav?.gpu) return null;
			return ((await nav.gpu.requestAdapter()) as GpuAdapterLike | null) ?? null;
		},
		webglRenderer() {
			const Canvas = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => unknown })
				.OffscreenCanvas;
			if (!Canvas) return null;
			try {
				const canvas = new Canvas(1, 1) as { getContext(kind: string): unknown };
				const gl = canvas.getContext('webgl2') as {
					getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
					getParameter(p: number): unknown;
					RENDERER: number;
				} | null;
				if (!gl) return null;
				const ext = gl.getExtension('WEBGL_debug_renderer_info');
				return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
			} catch {
				return null;
			}
		},
		setBackend: activate,
		probe: probeBackend,
	};
}

let chosen: Promise<BackendInfo> | null = null;

/** Choose the backend once per process/worker and keep it. */
export function chooseBackend(env: BackendEnv = realEnv()): Promise<BackendInfo> {
	chosen ??= decideBackend(env);
	return chosen;
}
