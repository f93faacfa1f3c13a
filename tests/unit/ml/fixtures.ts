// Small synthetic shop data for the deep-model tests: weekly series with a yearly wave at different
// volumes, optionally a price regressor. Also sets up the tfjs WASM backend in Node, and the train
// service's deps and a small weekly MLP request as the train-service tests share them.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { SeriesBatch } from '../../../src/core/types';
import type { TrendcastDb } from '../../../src/lib/db/db';
import { decideBackend, realEnv } from '../../../src/ml/backend';
import type { TrainServiceDeps } from '../../../workers/train/service';

/** Activate the WASM backend (as the app uses without a GPU); CPU if WASM cannot start. */
export async function useWasm(): Promise<string> {
	if (tf.getBackend() !== 'wasm') {
		const ok = await tf.setBackend('wasm').catch(() => false);
		if (!ok) await tf.setBackend('cpu');
	}
	await tf.ready();
	return tf.getBackend();
}

const WEEK_MS = 7 * 86_400_000;
/** Monday 2021-01-04. */
export const START = Date.UTC(2021, 0, 4);

/** `n` weekly series of `len` points: level (i+1)·10, a yearly sine, a small deterministic wiggle. */
export function weeklyBatch(n: number, len: number, withPrice = false): SeriesBatch {
	const ids: string[] = [];
	const indptr = new Int32Array(n + 1);
	const ds = new Float64Array(n * len);
	const y = new Float64Array(n * len);
	const price = new Float64Array(n * len);
	for (let i = 0; i < n; i++) {
		ids.push(`p${i}`);
		indptr[i + 1] = (i + 1) * len;
		for (let t = 0; t < len; t++) {
			const k = i * len + t;
			ds[k] = START + t * WEEK_MS;
			y[k] = (i + 1) * 10 * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 52)) + ((t * 7 + i) % 5);
			price[k] = 10 + (t % 8 === 0 ? -2 : 0);
		}
	}
	const batch: SeriesBatch = { ids, indptr, ds, y };
	if (withPrice) batch.regressors = { names: ['price'], values: [price] };
	return batch;
}

/** The train service's deps in Node: the real backend choice, progress sent at once; `more` adds to them. */
export function trainDeps(
	db: TrendcastDb,
	more: Partial<Omit<TrainServiceDeps, 'db'>> = {},
): TrainServiceDeps {
	return { db, backend: () => decideBackend(realEnv()), progressIntervalMs: 0, ...more };
}

/** A small weekly MLP request (4 weeks ahead from 8, a quarter width) for `datasetId`, less its jobId. */
export function smallRequest(datasetId: string) {
	return {
		datasetId,
		kind: 'mlp' as const,
		freq: 'week' as const,
		horizon: 4,
		lookback: 8,
		width: 0.25,
		batchSize: 16,
	};
}
