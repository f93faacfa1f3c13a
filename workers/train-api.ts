// The training worker's API: picks the TF.js compute backend (src/ml/backend.ts: WebGPU on a real GPU,
// else WebGL when a probe says it beats WASM, else WASM SIMD, else CPU) and trains, saves, resumes and
// forecasts with the global deep models (workers/train/service.ts) in IndexedDB. Imported by
// train.worker.ts and by the tests (which use createTrainService directly with fake-indexeddb).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { transfer } from 'comlink';
import type { ExternalForecastAt } from '../src/core/forecast/external';
import type { DeepForecastTable } from '../src/ml/candidates';
import type { Frequency, SeriesBatch } from '../src/core/types';
import { openTrendcastDb } from '../src/lib/db/db';
import type { DeepModelRow } from '../src/lib/db/models';
import { chooseBackend, type BackendInfo } from '../src/ml/backend';
import type { ModelSpec } from '../src/ml/models';
import { reviewRatings, type RatingsReport } from './train/ratings';
import { DEEP_MAX_PRODUCTS } from '../src/core/forecast/batch';
import { linkApi, SeriesLink } from './data/series-port';
import { storedSearchSignals } from './data/search-weekly';
import {
	createTrainService,
	type DeepForecast,
	type Pretrained,
	type TrainProgress,
	type TrainRequest,
	type TrainResult,
} from './train/service';

export type { BackendInfo } from '../src/ml/backend';
export type { RatingsReport } from './train/ratings';
export type { DeepForecast, TrainProgress, TrainRequest, TrainResult } from './train/service';

// Hashed URLs so the service worker precaches them and nothing is fetched from a CDN.
setWasmPaths({
	'tfjs-backend-wasm.wasm': wasmPlain,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/** The shipped pretrained weights (public/models/), fetched from this origin on first use. */
async function loadPretrained(freq: Frequency): Promise<Pretrained | null> {
	const base = new URL(import.meta.env.BASE_URL, self.location.origin);
	try {
		const meta = await fetch(new URL(`models/pretrained-${freq}.json`, base));
		if (!meta.ok) return null;
		const { spec, shapes } = (await meta.json()) as { spec: ModelSpec; shapes: number[][] };
		const bin = await fetch(new URL(`models/pretrained-${freq}.bin`, base));
		if (!bin.ok) return null;
		return { spec, freq, weights: { shapes, data: await bin.arrayBuffer() } };
	} catch {
		return null;
	}
}

let service: ReturnType<typeof createTrainService> | null = null;
const getService = () =>
	(service ??= createTrainService({
		db: openTrendcastDb(),
		backend: () => chooseBackend(),
		pretrained: loadPretrained,
		// the imported promotions, as the Forecast screen reads them (a new model trains with them)
		promotions: (datasetId, ids) =>
			link.connected ? link.promotionsFor(datasetId, ids) : Promise.resolve({}),
		// the search series imported on the Market screen, matched on the products' names
		signals: async (datasetId) => {
			const signals = await storedSearchSignals((ratingsDb ??= openTrendcastDb()));
			const names: Record<string, string> = {};
			if (signals.length && link.connected)
				for (const p of await link.productSummary(datasetId))
					names[p.productId] = `${p.productId} ${p.description ?? ''}`;
			return { signals, names };
		},
	}));

function forecastBuffers(f: DeepForecast): ArrayBuffer[] {
	return [f.point, f.lower80, f.upper80, f.lower95, f.upper95].map((a) => a.buffer as ArrayBuffer);
}

let ratingsDb: ReturnType<typeof openTrendcastDb> | null = null;

/** This worker's port to the data worker (the UI connects it; workers/data/series-port.ts). */
const link = new SeriesLink();

/** A dataset's series by reference: read from the data worker, never through the UI thread. */
export interface DatasetSeries {
	datasetId: string;
	freq: Frequency;
}

/** The batch itself (tests, CLI), or the best sellers' series of a dataset read over the link. */
async function seriesOf(src: SeriesBatch | DatasetSeries): Promise<SeriesBatch> {
	if ('indptr' in src) return src;
	return link.productSeries(src.datasetId, src.freq, DEEP_MAX_PRODUCTS);
}

export const api = {
	/** Ratings from reviews (mean, baseline, matrix factorisation), with a reviewer's suggestions. */
	async reviewRatings(reviewer?: string, k?: number): Promise<RatingsReport> {
		await chooseBackend();
		return reviewRatings((ratingsDb ??= openTrendcastDb()), reviewer, k);
	},
	/** Choose (once) and report the compute backend, with the reasons as message codes. */
	async backendInfo(): Promise<BackendInfo> {
		return chooseBackend();
	},
	/** A tiny training run on the chosen backend: fits y = 2x + 1 and returns the learned slope. */
	async smokeTest(): Promise<{ backend: string; slope: number; ms: number }> {
		const info = await chooseBackend();
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
	/**
	 * Train a global model on every series of `batch` (or resume `req.resumeId`); checkpoints each epoch.
	 * Rejects with an AbortError after cancel(jobId) (the checkpoint stays, status 'cancelled').
	 */
	async train(
		req: TrainRequest,
		batch: SeriesBatch | DatasetSeries,
		onProgress?: (p: TrainProgress) => void,
	): Promise<TrainResult> {
		return getService().train(req, () => seriesOf(batch), onProgress);
	},
	/** Stop a training job within one batch (or, while it reads its series, before it trains). */
	cancel(jobId: string): void {
		getService().cancel(jobId);
	},
	/** Saved models (of one dataset, or all), newest first. */
	async listModels(datasetId?: string): Promise<DeepModelRow[]> {
		return getService().listModels(datasetId);
	},
	async deleteModel(id: string): Promise<void> {
		return getService().deleteModel(id);
	},
	/** Forecast every series of `batch` with a saved model (no training). */
	async forecast(id: string, batch: SeriesBatch | DatasetSeries): Promise<DeepForecast> {
		const f = await getService().forecast(id, await seriesOf(batch));
		return transfer(f, forecastBuffers(f));
	},
	/** Forecasts at the engine's backtest origins and from the full series, keyed by series id. */
	async engineForecasts(
		id: string,
		batch: SeriesBatch,
		horizon: number,
		origins: number,
	): Promise<Record<string, ExternalForecastAt[]>> {
		return getService().engineForecasts(id, batch, horizon, origins);
	},
	/**
	 * A saved model as an engine candidate: models of its configuration trained at each backtest
	 * origin, its own final forecast (workers/train/service.ts backtestTables); cancel(jobId) stops it.
	 */
	async backtestTables(
		jobId: string,
		id: string,
		batch: SeriesBatch | DatasetSeries,
		onProgress?: (p: { done: number; total: number }) => void,
	): Promise<Record<string, DeepForecastTable>> {
		return getService().backtestTables(jobId, id, () => seriesOf(batch), onProgress);
	},

	...linkApi(link),
};

export type TrainWorkerApi = typeof api;
