// Backend choice: WebGPU only on a real adapter, a software WebGL renderer is skipped, a hardware one
// must beat WASM in a timed probe, then WASM, then CPU; every decision carries its reasons as codes.
// In Node (no navigator.gpu, no OffscreenCanvas) the real environment picks WASM.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
	decideBackend,
	realEnv,
	rendererName,
	type BackendEnv,
	type BackendName,
} from '../../../src/ml/backend';
import { useWasm } from './fixtures';

function fakeEnv(o: {
	adapter?: {
		isFallbackAdapter?: boolean;
		info?: { vendor?: string; description?: string };
	} | null;
	renderer?: string | null;
	working?: BackendName[];
	probe?: Partial<Record<BackendName, number>>;
}): BackendEnv & { set: BackendName[] } {
	let active: BackendName = 'cpu';
	const set: BackendName[] = [];
	return {
		set,
		gpuAdapter: async () => o.adapter ?? null,
		webglRenderer: () => (o.renderer === undefined ? null : o.renderer),
		setBackend: async (name) => {
			set.push(name);
			if (!(o.working ?? ['webgpu', 'webgl', 'wasm', 'cpu']).includes(name)) return false;
			active = name;
			return true;
		},
		probe: async () => o.probe?.[active] ?? 100,
	};
}

const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((m) => m.code);

describe('backend choice', () => {
	it('uses WebGPU on a real adapter', async () => {
		const r = await decideBackend(
			fakeEnv({ adapter: { info: { vendor: 'nvidia', description: 'H100' } } }),
		);
		expect(r.backend).toBe('webgpu');
		expect(r.adapter).toBe('nvidia H100');
		expect(codes(r)).toEqual(['models_backend_webgpu_real']);
	});

	it('skips a fallback (SwiftShader) adapter and a software WebGL renderer for WASM', async () => {
		const env = fakeEnv({
			adapter: { isFallbackAdapter: true, info: { vendor: 'google', description: 'SwiftShader' } },
			renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))',
		});
		const r = await decideBackend(env);
		expect(r.backend).toBe('wasm');
		expect(env.set).toEqual(['wasm']); // neither WebGPU nor WebGL was even started
		expect(codes(r)).toEqual([
			'models_backend_webgpu_fallback',
			'models_backend_webgl_software',
			'models_backend_wasm',
		]);
	});

	it('names the renderer as a person reads it, not the raw ANGLE string', async () => {
		expect(
			rendererName(
				'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
			),
		).toBe('SwiftShader');
		expect(
			rendererName(
				'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
			),
		).toBe('NVIDIA GeForce RTX 3060');
		expect(rendererName('Apple M2')).toBe('Apple M2');
		const r = await decideBackend(
			fakeEnv({
				renderer:
					'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
			}),
		);
		expect(r.reasons.find((m) => m.code === 'models_backend_webgl_software')?.params).toEqual({
			renderer: 'SwiftShader',
		});
	});

	it('times a hardware WebGL against WASM and keeps the faster', async () => {
		const fast = await decideBackend(
			fakeEnv({ renderer: 'ANGLE (Intel Iris Xe)', probe: { webgl: 20, wasm: 80 } }),
		);
		expect(fast.backend).toBe('webgl');
		expect(fast.probeMs).toEqual({ webgl: 20, wasm: 80 });
		const slow = await decideBackend(
			fakeEnv({ renderer: 'ANGLE (Intel Iris Xe)', probe: { webgl: 200, wasm: 80 } }),
		);
		expect(slow.backend).toBe('wasm');
		expect(codes(slow)).toContain('models_backend_webgl_slower');
	});

	it('falls back to CPU when nothing else starts', async () => {
		const r = await decideBackend(fakeEnv({ working: ['cpu'] }));
		expect(r.backend).toBe('cpu');
		expect(codes(r)).toEqual([
			'models_backend_no_webgpu',
			'models_backend_no_webgl',
			'models_backend_wasm_failed',
			'models_backend_cpu',
		]);
	});

	it('picks WASM in Node', async () => {
		await useWasm();
		const r = await decideBackend(realEnv());
		expect(r.backend).toBe('wasm');
		expect(tf.getBackend()).toBe('wasm');
		expect(codes(r)).toEqual([
			'models_backend_no_webgpu',
			'models_backend_no_webgl',
			'models_backend_wasm',
		]);
	});
});
