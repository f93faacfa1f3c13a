// Bundled by tests/bench/deep-browser.ts (esbuild) and run in headless Chromium: trains each deep
// architecture for one epoch on the given tfjs backend and reports windows per second.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { SeriesBatch } from '../../src/core/types';
import type { DeepKind } from '../../src/ml/kinds';
import { trainingSpeed } from './deep-speed';

setWasmPaths('/');

/** 60 weekly series of 120 points: yearly wave at different levels (as the unit-test fixtures). */
function batch(): SeriesBatch {
	const n = 60;
	const len = 120;
	const indptr = new Int32Array(n + 1);
	const ds = new Float64Array(n * len);
	const y = new Float64Array(n * len);
	for (let i = 0; i < n; i++) {
		indptr[i + 1] = (i + 1) * len;
		for (let t = 0; t < len; t++) {
			ds[i * len + t] = Date.UTC(2021, 0, 4) + t * 7 * 86_400_000;
			y[i * len + t] =
				(i + 1) * 10 * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 52)) + ((t * 7 + i) % 5);
		}
	}
	return { ids: Array.from({ length: n }, (_, i) => `p${i}`), indptr, ds, y };
}

async function speed(backend: string, kind: DeepKind, windows: number): Promise<number> {
	if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) return NaN;
	await tf.ready();
	return (await trainingSpeed(batch(), kind, 24, 12, windows)).windowsPerSecond;
}

function renderer(): string {
	const gl = document.createElement('canvas').getContext('webgl2');
	if (!gl) return 'none';
	const ext = gl.getExtension('WEBGL_debug_renderer_info');
	return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

(window as unknown as Record<string, unknown>).bench = { speed, renderer };
