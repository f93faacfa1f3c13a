// The training loop of the deep models: Adam on the pinball loss, one `model.fit` per epoch so each
// epoch can report (loss, validation loss, time left), be checkpointed, and stop early when the
// validation loss has not improved for `patience` epochs (the best weights are restored). A signal
// stops training within one batch (`model.stopTraining` in onBatchEnd, tfjs-layers training.ts), and
// the loop yields to the event loop every YIELD_MS so a cancel message can arrive. Runs in the train
// worker and in Node. Reproducible: the windows are shuffled here with a generator seeded by
// `seed` and the epoch (tfjs's own shuffle draws from Math.random), and models.ts seeds the initial
// weights and dropout, so the same seed and data give the same losses on one backend.

import * as tf from '@tensorflow/tfjs';
import type { CancelSignal } from '../core/backtest';
import { featuresOf, rng, type WindowSet } from './features';
import { pinballLoss, tileTargets } from './loss';
import { QUANTILES, buildModel, type ModelSpec } from './models';
import { getWeightBlob, setWeightBlob, type WeightBlob } from './weights';

/** How a model is trained. */
export interface TrainOptions {
	epochs: number;
	batchSize?: number;
	learningRate?: number;
	/** Epochs without a better validation loss before stopping (default 3; needs validation data). */
	patience?: number;
	/** Seed of the shuffling (default 1); with the model's build seed the run is reproducible. */
	seed?: number;
}

/** One finished epoch. */
export interface EpochInfo {
	/** 1-based. */
	epoch: number;
	epochs: number;
	loss: number;
	/** NaN without validation data. */
	valLoss: number;
	ms: number;
	/** Estimated time left for the remaining epochs (ms). */
	etaMs: number;
}

/** Where a run starts when it resumes from a checkpoint. */
export interface ResumeState {
	/** Epochs already done. */
	epochsDone: number;
	history: EpochInfo[];
	bestValLoss: number;
	bestEpoch: number;
	/** Best weights so far (restored at the end); the model itself holds the last epoch's. */
	best: WeightBlob | null;
}

export interface TrainHooks {
	signal?: CancelSignal;
	/** After every epoch, with the state to checkpoint; awaited (so a slow save slows training). */
	onEpoch?(info: EpochInfo, state: ResumeState): void | Promise<void>;
	/** After every batch (batch index within the epoch, batches per epoch). */
	onBatch?(batch: number, batches: number): void;
	/** Clock for ETA (test injection); default performance.now. */
	now?: () => number;
}

export interface TrainOutcome {
	stopped: 'done' | 'early' | 'cancelled';
	history: EpochInfo[];
	bestEpoch: number;
	bestValLoss: number;
}

/**
 * Yield to the event loop after a batch when this much time passed since the last yield, so a queued
 * cancel message is seen before the next batch starts (0: after every batch; a batch of the models
 * here takes longer than the few ms a yield costs).
 */
const YIELD_MS = 0;

/** Input and tiled target tensors of a window set. */
export function tensorsOf(set: WindowSet, spec: ModelSpec): { x: tf.Tensor3D; y: tf.Tensor3D } {
	const T = spec.lookback + spec.horizon;
	return {
		x: tf.tensor3d(set.x.subarray(0, set.n * T * featuresOf(spec)), [set.n, T, featuresOf(spec)]),
		y: tf.tensor3d(tileTargets(set.y), [set.n, spec.horizon, QUANTILES.length]),
	};
}

/** The order the windows are visited in `epoch` (a seeded Fisher–Yates permutation). */
export function epochOrder(n: number, seed: number, epoch: number): Int32Array {
	const rand = rng((Math.floor(seed) * 7919 + epoch * 104_729) >>> 0);
	const idx = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		const t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	return idx;
}

/**
 * A compiled model of `spec` (Adam, pinball loss), its initial weights drawn from `seed`. Dispose with
 * `disposeModel`.
 */
export function compiledModel(spec: ModelSpec, learningRate = 1e-3, seed = 1): tf.LayersModel {
	const model = buildModel(spec, seed);
	model.compile({ optimizer: tf.train.adam(learningRate), loss: pinballLoss });
	return model;
}

/** Dispose a model and its optimizer (optimizer state outlives model.dispose(), STACK-NOTES). */
export function disposeModel(model: tf.LayersModel): void {
	const opt = model.optimizer;
	model.dispose();
	opt?.dispose();
}

/**
 * Train `model` (compiled) on `train`, validating on `val`. Resumes after `resume.epochsDone` epochs
 * when given. Returns why it stopped; the model then holds the best weights seen (by validation loss).
 */
export async function trainModel(
	model: tf.LayersModel,
	spec: ModelSpec,
	train: WindowSet,
	val: WindowSet | null,
	opts: TrainOptions,
	hooks: TrainHooks = {},
	resume?: ResumeState,
): Promise<TrainOutcome> {
	const now = hooks.now ?? (() => performance.now());
	const batchSize = opts.batchSize ?? 64;
	const patience = Math.max(1, opts.patience ?? 3);
	const t = tensorsOf(train, spec);
	const v = val && val.n > 0 ? tensorsOf(val, spec) : null;
	const history: EpochInfo[] = [...(resume?.history ?? [])];
	let bestValLoss = resume?.bestValLoss ?? Infinity;
	let bestEpoch = resume?.bestEpoch ?? 0;
	let best: WeightBlob | null = resume?.best ?? null;
	let stopped: TrainOutcome['stopped'] = 'done';
	const batches = Math.ceil(train.n / batchSize);
	let lastYield = now();
	try {
		for (let epoch = (resume?.epochsDone ?? 0) + 1; epoch <= opts.epochs; epoch++) {
			if (hooks.signal?.aborted) {
				stopped = 'cancelled';
				break;
			}
			const t0 = now();
			// this epoch's order, seeded (fit's own shuffle is not)
			const order = tf.tensor1d(epochOrder(train.n, opts.seed ?? 1, epoch), 'int32');
			const xs = tf.gather(t.x, order);
			const ys = tf.gather(t.y, order);
			order.dispose();
			const h = await model
				.fit(xs, ys, {
					epochs: 1,
					batchSize,
					shuffle: false,
					verbose: 0,
					yieldEvery: 'never',
					...(v ? { validationData: [v.x, v.y] as [tf.Tensor, tf.Tensor] } : {}),
					callbacks: {
						onBatchEnd: async (batch: number) => {
							hooks.onBatch?.(batch, batches);
							if (now() - lastYield >= YIELD_MS) {
								await new Promise((r) => setTimeout(r, 0));
								lastYield = now();
							}
							if (hooks.signal?.aborted) model.stopTraining = true;
						},
					},
				})
				.finally(() => tf.dispose([xs, ys]));
			if (hooks.signal?.aborted) {
				stopped = 'cancelled';
				break;
			}
			const loss = Number(h.history.loss?.[0]);
			const valLoss = v ? Number(h.history.val_loss?.[0]) : NaN;
			const ms = now() - t0;
			const done = history.length + 1;
			const meanMs = (history.reduce((a, e) => a + e.ms, 0) + ms) / done;
			const info: EpochInfo = {
				epoch,
				epochs: opts.epochs,
				loss,
				valLoss,
				ms,
				etaMs: meanMs * (opts.epochs - epoch),
			};
			history.push(info);
			const score = v ? valLoss : loss;
			if (score < bestValLoss) {
				bestValLoss = score;
				bestEpoch = epoch;
				best = getWeightBlob(model);
			}
			await hooks.onEpoch?.(info, { epochsDone: epoch, history, bestValLoss, bestEpoch, best });
			if (v && epoch - bestEpoch >= patience && epoch < opts.epochs) {
				stopped = 'early';
				break;
			}
		}
	} finally {
		tf.dispose([t.x, t.y]);
		if (v) tf.dispose([v.x, v.y]);
	}
	if (best && stopped !== 'cancelled') setWeightBlob(model, best);
	return { stopped, history, bestEpoch, bestValLoss };
}

/**
 * Quantile forecasts of every window: [n, horizon, Q] in the data's units (scale and anchor undone), in
 * chunks so memory stays small.
 */
export async function predictWindows(
	model: tf.LayersModel,
	spec: ModelSpec,
	set: WindowSet,
	chunk = 512,
): Promise<Float32Array> {
	const T = spec.lookback + spec.horizon;
	const F = featuresOf(spec);
	const per = spec.horizon * QUANTILES.length;
	const out = new Float32Array(set.n * per);
	for (let a = 0; a < set.n; a += chunk) {
		const b = Math.min(set.n, a + chunk);
		const x = tf.tensor3d(set.x.subarray(a * T * F, b * T * F), [b - a, T, F]);
		const y = model.predict(x) as tf.Tensor;
		const vals = (await y.data()) as Float32Array;
		tf.dispose([x, y]);
		for (let w = a; w < b; w++) {
			const s = set.scale[w];
			const anchor = set.anchor[w];
			for (let k = 0; k < per; k++) out[w * per + k] = vals[(w - a) * per + k] * s + anchor;
		}
	}
	// quantile outputs may cross: sort each step's quantiles so the bounds nest
	const Qn = QUANTILES.length;
	const tmp = new Float32Array(Qn);
	for (let o = 0; o < out.length; o += Qn) {
		tmp.set(out.subarray(o, o + Qn));
		tmp.sort();
		out.set(tmp, o);
	}
	return out;
}
