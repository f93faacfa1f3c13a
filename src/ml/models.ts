// Builders of the global deep forecasters. Every model reads a window [T = lookback + horizon, F]
// (src/ml/features.ts: scaled values with an observed flag, calendar, holiday, price, promotion and
// level features; the future part carries only the known features) and outputs [horizon, Q] quantiles
// of the scaled future (multi-step, direct): trained with the pinball loss (loss.ts) they give the
// median and the 80 % / 95 % interval bounds.
//
//  mlp         Flatten → Dense(256) → Dense(256) → Dense(h·Q)
//  nbeats      N-BEATS generic blocks with doubly residual stacking (Oreshkin et al. 2020, ICLR,
//              "N-BEATS: Neural basis expansion analysis for interpretable time series forecasting"):
//              each block FC×3 → a backcast removed from its input and a partial forecast summed
//  lstm        the seed's LSTM(50) → LSTM(50) → Dense (Dense(h·Q) here)
//  lstm-dense  the seed's LSTM(64) → Dropout(0.2) → Dense(32) → Dense (Dense(h·Q) here)
//  gru         GRU(64) → Dense(h·Q)
//  patchtst    PatchTST-style Transformer (Nie et al. 2023, ICLR, "A Time Series is Worth 64 Words"):
//              non-overlapping patches embedded by a Dense layer, a learned position embedding,
//              2 encoder layers (multi-head self-attention, LayerNorm, feed-forward) → Dense(h·Q)
// Weights are saved and loaded by order (weights.ts), so a model is always rebuilt from its config.
// Seeded: every random initialiser and the dropout masks draw from the build's seed, so the same seed
// builds the same weights and (with train.ts's seeded shuffling) trains to the same losses.

import * as tf from '@tensorflow/tfjs';
import { featuresOf, rng } from './features';

import type { DeepKind } from './kinds';

export { DEEP_KINDS, type DeepKind } from './kinds';

/** Quantiles the models predict; the 0.5 one is the point forecast. */
export const QUANTILES = [0.025, 0.1, 0.5, 0.9, 0.975] as const;

/** What defines a model's architecture (stored with its weights). */
export interface ModelSpec {
	kind: DeepKind;
	lookback: number;
	horizon: number;
	/** Width multiplier: 1 = the sizes above; smaller for tests and quick runs. */
	width?: number;
	/** Input features per period (features.ts; default F, LEGACY_FEATURES for old saved models). */
	features?: number;
}

const Q = QUANTILES.length;

/** Learned position embedding added to a [B, P, d] sequence (PatchTST). */
class PositionEmbedding extends tf.layers.Layer {
	static className = 'TrendcastPositionEmbedding';
	private table: tf.LayerVariable | null = null;
	private readonly seed: number;

	constructor(args: { seed: number; name?: string }) {
		super(args);
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const s = inputShape as tf.Shape;
		this.table = this.addWeight(
			'position',
			[s[1] as number, s[2] as number],
			'float32',
			tf.initializers.randomNormal({ stddev: 0.02, seed: this.seed }),
		);
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		const x = Array.isArray(inputs) ? inputs[0] : inputs;
		return tf.tidy(() => tf.add(x, this.table!.read()));
	}
}
tf.serialization.registerClass(PositionEmbedding);

/** Multi-head self-attention over a [B, P, d] sequence (Vaswani et al. 2017, scaled dot product). */
class SelfAttention extends tf.layers.Layer {
	static className = 'TrendcastSelfAttention';
	private readonly heads: number;
	private readonly seed: number;
	private wq: tf.LayerVariable | null = null;
	private wk: tf.LayerVariable | null = null;
	private wv: tf.LayerVariable | null = null;
	private wo: tf.LayerVariable | null = null;

	constructor(args: { heads: number; seed: number; name?: string }) {
		super(args);
		this.heads = args.heads;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const d = (inputShape as tf.Shape)[2] as number;
		const init = (k: number) => tf.initializers.glorotUniform({ seed: this.seed + k });
		this.wq = this.addWeight('wq', [d, d], 'float32', init(0));
		this.wk = this.addWeight('wk', [d, d], 'float32', init(1));
		this.wv = this.addWeight('wv', [d, d], 'float32', init(2));
		this.wo = this.addWeight('wo', [d, d], 'float32', init(3));
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
		return tf.tidy(() => {
			const [b, p, d] = x.shape;
			const hd = d / this.heads;
			const proj = (w: tf.LayerVariable): tf.Tensor4D =>
				tf
					.matMul(x.reshape([b * p, d]), w.read() as tf.Tensor2D)
					.reshape([b, p, this.heads, hd])
					.transpose([0, 2, 1, 3]) as tf.Tensor4D;
			const q = proj(this.wq!);
			const k = proj(this.wk!);
			const v = proj(this.wv!);
			const att = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(hd)));
			const out = tf
				.matMul(att, v)
				.transpose([0, 2, 1, 3])
				.reshape([b * p, d]);
			return tf.matMul(out, this.wo!.read() as tf.Tensor2D).reshape([b, p, d]);
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), heads: this.heads, seed: this.seed };
	}
}
tf.serialization.registerClass(SelfAttention);

/**
 * Dropout whose masks come from its own seeded generator (a new mask every training batch): tfjs's
 * Dropout with a `seed` repeats one mask every batch, and without one draws from Math.random.
 */
class SeededDropout extends tf.layers.Layer {
	static className = 'TrendcastSeededDropout';
	private readonly rate: number;
	private readonly seed: number;
	private readonly next: () => number;

	constructor(args: { rate: number; seed: number; name?: string }) {
		super(args);
		this.rate = args.rate;
		this.seed = args.seed;
		this.next = rng(args.seed);
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
		return inputShape;
	}

	override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
		const x = Array.isArray(inputs) ? inputs[0] : inputs;
		if (kwargs['training'] !== true) return x;
		const seed = Math.floor(this.next() * 2 ** 31);
		return tf.tidy(() => tf.dropout(x, this.rate, undefined, seed));
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), rate: this.rate, seed: this.seed };
	}
}
tf.serialization.registerClass(SeededDropout);

/** Dense(h·Q) → [h, Q]. */
function head(x: tf.SymbolicTensor, h: number, seed: number): tf.SymbolicTensor {
	const flat = tf.layers
		.dense({
			units: h * Q,
			name: 'quantiles',
			kernelInitializer: tf.initializers.glorotUniform({ seed }),
		})
		.apply(x) as tf.SymbolicTensor;
	return tf.layers.reshape({ targetShape: [h, Q] }).apply(flat) as tf.SymbolicTensor;
}

/**
 * Build an untrained model of `spec` (same layer order every time, so weights load by order); the
 * same `seed` gives the same initial weights and dropout masks.
 */
export function buildModel(spec: ModelSpec, seed = 1): tf.LayersModel {
	const { lookback: L, horizon: h } = spec;
	const w = spec.width ?? 1;
	// one seed per random initialiser, in build order
	let k = (Math.floor(seed) >>> 0) * 1009;
	const next = (): number => ++k;
	const glorot = () => tf.initializers.glorotUniform({ seed: next() });
	const dense = (args: Parameters<typeof tf.layers.dense>[0]) =>
		tf.layers.dense({ ...args, kernelInitializer: glorot() });
	const recurrent = () => ({
		kernelInitializer: glorot(),
		recurrentInitializer: tf.initializers.orthogonal({ seed: next(), gain: 1 }),
	});
	const u = (n: number): number => Math.max(4, Math.round(n * w));
	const T = L + h;
	const F = featuresOf(spec);
	const input = tf.input({ shape: [T, F], name: 'window' });
	let out: tf.SymbolicTensor;
	switch (spec.kind) {
		case 'mlp': {
			let x = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
			x = dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			x = dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			out = head(x, h, next());
			break;
		}
		case 'nbeats': {
			const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
			const dim = T * F;
			let residual = flat;
			const partials: tf.SymbolicTensor[] = [];
			for (let b = 0; b < 3; b++) {
				let x = residual;
				for (let l = 0; l < 3; l++)
					x = dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
				// the backcast is learned with its sign, so adding it removes what the block explained
				const backcast = dense({ units: dim }).apply(x) as tf.SymbolicTensor;
				partials.push(dense({ units: h * Q }).apply(x) as tf.SymbolicTensor);
				residual = tf.layers.add().apply([residual, backcast]) as tf.SymbolicTensor;
			}
			const sum = tf.layers.add().apply(partials) as tf.SymbolicTensor;
			out = tf.layers.reshape({ targetShape: [h, Q] }).apply(sum) as tf.SymbolicTensor;
			break;
		}
		case 'lstm': {
			let x = tf.layers
				.lstm({ units: u(50), returnSequences: true, ...recurrent() })
				.apply(input) as tf.SymbolicTensor;
			x = tf.layers.lstm({ units: u(50), ...recurrent() }).apply(x) as tf.SymbolicTensor;
			out = head(x, h, next());
			break;
		}
		case 'lstm-dense': {
			let x = tf.layers.lstm({ units: u(64), ...recurrent() }).apply(input) as tf.SymbolicTensor;
			x = new SeededDropout({ rate: 0.2, seed: next() }).apply(x) as tf.SymbolicTensor;
			x = dense({ units: u(32), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			out = head(x, h, next());
			break;
		}
		case 'gru': {
			const x = tf.layers.gru({ units: u(64), ...recurrent() }).apply(input) as tf.SymbolicTensor;
			out = head(x, h, next());
			break;
		}
		case 'patchtst': {
			const d = Math.max(8, Math.round((32 * w) / 4) * 4); // divisible by the 4 heads
			const patch = T % 4 === 0 ? 4 : T % 3 === 0 ? 3 : T % 2 === 0 ? 2 : 1;
			// patches as a reshape + Dense (the WASM backend has no Conv1D gradient)
			let x = tf.layers
				.reshape({ targetShape: [T / patch, patch * F] })
				.apply(input) as tf.SymbolicTensor;
			x = dense({ units: d }).apply(x) as tf.SymbolicTensor;
			x = new PositionEmbedding({ seed: next() }).apply(x) as tf.SymbolicTensor;
			for (let l = 0; l < 2; l++) {
				const att = new SelfAttention({ heads: 4, seed: (k += 4) - 3 }).apply(
					x,
				) as tf.SymbolicTensor;
				x = tf.layers
					.layerNormalization()
					.apply(tf.layers.add().apply([x, att])) as tf.SymbolicTensor;
				let ff = dense({ units: 2 * d, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
				ff = dense({ units: d }).apply(ff) as tf.SymbolicTensor;
				x = tf.layers
					.layerNormalization()
					.apply(tf.layers.add().apply([x, ff])) as tf.SymbolicTensor;
			}
			out = head(tf.layers.flatten().apply(x) as tf.SymbolicTensor, h, next());
			break;
		}
	}
	return tf.model({ inputs: input, outputs: out, name: spec.kind.replace('-', '_') });
}
