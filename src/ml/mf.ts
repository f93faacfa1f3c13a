// Matrix factorisation for explicit ratings (reviews' stars), trained with tfjs:
// r̂_ui = μ + b_u + b_i + p_u · q_i, squared error plus L2 on the factors and biases, Adam, mini-batches
// (Koren, Bell & Volinsky 2009, "Matrix factorization techniques for recommender systems"). With a
// validation set, training stops when its RMSE has not improved for `patience` epochs and the best
// epoch's weights are kept. Predictions are plain arrays afterwards (no tensors kept). Runs on any
// tfjs backend: the train worker's, or WASM/CPU in Node.
import * as tf from '@tensorflow/tfjs';
import type { RatingIndex, RatingPredictor } from '../core/recommend/ratings';
import { cancelledError } from '../core/messages';

export interface MfOptions {
	factors?: number;
	epochs?: number;
	batchSize?: number;
	learningRate?: number;
	/** L2 weight on factors and biases. */
	l2?: number;
	seed?: number;
	/** Held-out ratings for early stopping. */
	validation?: RatingIndex;
	patience?: number;
	signal?: AbortSignal;
	onEpoch?: (epoch: number, trainRmse: number, valRmse: number | null) => void;
	/** Start from these biases (e.g. the baseline predictor's), so the factors learn what is left. */
	init?: { mu: number; bu: ArrayLike<number>; bi: ArrayLike<number> };
}

export interface MfPredictor extends RatingPredictor {
	readonly method: 'mf';
	factors: number;
	epochs: number;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Trains matrix factorisation on `train` (indices of its users/items). */
export async function trainMf(train: RatingIndex, opts: MfOptions = {}): Promise<MfPredictor> {
	const k = opts.factors ?? 8;
	const epochs = opts.epochs ?? 60;
	const batch = opts.batchSize ?? 256;
	const l2 = opts.l2 ?? 0.02;
	const patience = opts.patience ?? 5;
	const rand = rng(opts.seed ?? 1);
	const nu = Math.max(1, train.users.length);
	const ni = Math.max(1, train.items.length);
	const n = train.r.length;
	let mu = 0;
	for (const v of train.r) mu += v;
	mu = opts.init ? opts.init.mu : n ? mu / n : 0;
	const init = (rows: number) =>
		Float32Array.from({ length: rows * k }, () => {
			// Box–Muller, σ = 0.1
			const u1 = Math.max(1e-12, rand());
			return 0.1 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand());
		});
	const P = tf.variable(tf.tensor2d(init(nu), [nu, k]));
	const Q = tf.variable(tf.tensor2d(init(ni), [ni, k]));
	const biasInit = (a: ArrayLike<number> | undefined, len: number) =>
		tf.tensor2d(
			Float32Array.from({ length: len }, (_, j) => (a && j < a.length ? a[j] : 0)),
			[len, 1],
		);
	const bu = tf.variable(biasInit(opts.init?.bu, nu));
	const bi = tf.variable(biasInit(opts.init?.bi, ni));
	const optimizer = tf.train.adam(opts.learningRate ?? 0.02);
	const order = Int32Array.from({ length: n }, (_, j) => j);

	let best = { rmse: Infinity, epoch: 0 };
	let bestWeights: { P: Float32Array; Q: Float32Array; bu: Float32Array; bi: Float32Array } | null =
		null;
	const snapshot = async () => ({
		P: (await P.data()) as Float32Array,
		Q: (await Q.data()) as Float32Array,
		bu: (await bu.data()) as Float32Array,
		bi: (await bi.data()) as Float32Array,
	});
	const rmseOn = (w: NonNullable<typeof bestWeights>, d: RatingIndex) => {
		let se = 0;
		for (let j = 0; j < d.r.length; j++) {
			const e = predictWith(w, k, mu, nu, ni, d.u[j], d.i[j]) - d.r[j];
			se += e * e;
		}
		return d.r.length ? Math.sqrt(se / d.r.length) : NaN;
	};

	let ran = 0;
	try {
		for (let epoch = 1; epoch <= epochs; epoch++) {
			if (opts.signal?.aborted) throw cancelledError('models_cancelled');
			for (let j = n - 1; j > 0; j--) {
				const s = Math.floor(rand() * (j + 1));
				const t = order[j];
				order[j] = order[s];
				order[s] = t;
			}
			let se = 0;
			for (let start = 0; start < n; start += batch) {
				const idx = order.subarray(start, Math.min(n, start + batch));
				// one-hot rows × embedding matrices: the gradient is a matMul, which every backend has
				// (tf.gather's gradient needs UnsortedSegmentSum, missing on WASM)
				const uT = tf.tensor1d(
					Int32Array.from(idx, (x) => train.u[x]),
					'int32',
				);
				const iT = tf.tensor1d(
					Int32Array.from(idx, (x) => train.i[x]),
					'int32',
				);
				const uH = tf.cast(tf.oneHot(uT, nu), 'float32') as tf.Tensor2D;
				const iH = tf.cast(tf.oneHot(iT, ni), 'float32') as tf.Tensor2D;
				const rT = tf.tensor1d(Float32Array.from(idx, (x) => train.r[x]));
				const cost = optimizer.minimize(() => {
					const pu = tf.matMul(uH, P);
					const qi = tf.matMul(iH, Q);
					const b = tf.reshape(tf.add(tf.matMul(uH, bu), tf.matMul(iH, bi)), [-1]);
					const pred = tf.add(tf.add(tf.sum(tf.mul(pu, qi), 1), b), mu);
					const err = tf.mean(tf.square(tf.sub(pred, rT)));
					const reg = tf.mul(
						l2,
						tf.add(
							tf.mean(tf.add(tf.sum(tf.square(pu), 1), tf.sum(tf.square(qi), 1))),
							tf.mean(tf.square(b)),
						),
					);
					return tf.add(err, reg) as tf.Scalar;
				}, true);
				if (cost) {
					se += (await cost.data())[0] * idx.length;
					cost.dispose();
				}
				tf.dispose([uT, iT, uH, iH, rT]);
			}
			ran = epoch;
			const w = await snapshot();
			const val = opts.validation && opts.validation.r.length ? rmseOn(w, opts.validation) : null;
			opts.onEpoch?.(epoch, Math.sqrt(se / Math.max(1, n)), val);
			if (val === null) {
				bestWeights = w;
				continue;
			}
			if (val < best.rmse - 1e-6) {
				best = { rmse: val, epoch };
				bestWeights = w;
			} else if (epoch - best.epoch >= patience) break;
		}
		const w = bestWeights ?? (await snapshot());
		return {
			method: 'mf',
			factors: k,
			epochs: opts.validation ? best.epoch || ran : ran,
			predict: (u, i) => predictWith(w, k, mu, nu, ni, u, i),
		};
	} finally {
		tf.dispose([P, Q, bu, bi]);
		optimizer.dispose();
	}
}

function predictWith(
	w: { P: Float32Array; Q: Float32Array; bu: Float32Array; bi: Float32Array },
	k: number,
	mu: number,
	nu: number,
	ni: number,
	u: number,
	i: number,
): number {
	const ku = u >= 0 && u < nu;
	const ki = i >= 0 && i < ni;
	let v = mu + (ku ? w.bu[u] : 0) + (ki ? w.bi[i] : 0);
	if (ku && ki) for (let f = 0; f < k; f++) v += w.P[u * k + f] * w.Q[i * k + f];
	return v;
}
