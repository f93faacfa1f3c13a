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

import * as tf from '@tensorflow/tfjs';
import { N_FEATURES } from './features';

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
}

const Q = QUANTILES.length;

/** Learned position embedding added to a [B, P, d] sequence (PatchTST). */
class PositionEmbedding extends tf.layers.Layer {
	static className = 'TrendcastPositionEmbedding';
	private table: tf.LayerVariable | null = null;

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const s = inputShape as tf.Shape;
		this.table = this.addWeight(
			'position',
			[s[1] as number, s[2] as number],
			'float32',
			tf.initializers.randomNormal({ stddev: 0.02 }),
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
	private wq: tf.LayerVariable | null = null;
	private wk: tf.LayerVariable | null = null;
	private wv: tf.LayerVariable | null = null;
	private wo: tf.LayerVariable | null = null;

	constructor(args: { heads: number; name?: string }) {
		super(args);
		this.heads = args.heads;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const d = (inputShape as tf.Shape)[2] as number;
		const init = tf.initializers.glorotUniform({});
		this.wq = this.addWeight('wq', [d, d], 'float32', init);
		this.wk = this.addWeight('wk', [d, d], 'float32', init);
		this.wv = this.addWeight('wv', [d, d], 'float32', init);
		this.wo = this.addWeight('wo', [d, d], 'float32', init);
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
		return { ...super.getConfig(), heads: this.heads };
	}
}
tf.serialization.registerClass(SelfAttention);

/** Dense(h·Q) → [h, Q]. */
function head(x: tf.SymbolicTensor, h: number): tf.SymbolicTensor {
	const flat = tf.layers.dense({ units: h * Q, name: 'quantiles' }).apply(x) as tf.SymbolicTensor;
	return tf.layers.reshape({ targetShape: [h, Q] }).apply(flat) as tf.SymbolicTensor;
}

/** Build an untrained model of `spec` (same layer order every time, so weights load by order). */
export function buildModel(spec: ModelSpec): tf.LayersModel {
	const { lookback: L, horizon: h } = spec;
	const w = spec.width ?? 1;
	const u = (n: number): number => Math.max(4, Math.round(n * w));
	const T = L + h;
	const input = tf.input({ shape: [T, N_FEATURES], name: 'window' });
	let out: tf.SymbolicTensor;
	switch (spec.kind) {
		case 'mlp': {
			let x = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
			x = tf.layers.dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			x = tf.layers.dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			out = head(x, h);
			break;
		}
		case 'nbeats': {
			const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
			const dim = T * N_FEATURES;
			let residual = flat;
			const partials: tf.SymbolicTensor[] = [];
			for (let b = 0; b < 3; b++) {
				let x = residual;
				for (let l = 0; l < 3; l++)
					x = tf.layers.dense({ units: u(256), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
				// the backcast is learned with its sign, so adding it removes what the block explained
				const backcast = tf.layers.dense({ units: dim }).apply(x) as tf.SymbolicTensor;
				partials.push(tf.layers.dense({ units: h * Q }).apply(x) as tf.SymbolicTensor);
				residual = tf.layers.add().apply([residual, backcast]) as tf.SymbolicTensor;
			}
			const sum = tf.layers.add().apply(partials) as tf.SymbolicTensor;
			out = tf.layers.reshape({ targetShape: [h, Q] }).apply(sum) as tf.SymbolicTensor;
			break;
		}
		case 'lstm': {
			let x = tf.layers
				.lstm({ units: u(50), returnSequences: true })
				.apply(input) as tf.SymbolicTensor;
			x = tf.layers.lstm({ units: u(50) }).apply(x) as tf.SymbolicTensor;
			out = head(x, h);
			break;
		}
		case 'lstm-dense': {
			let x = tf.layers.lstm({ units: u(64) }).apply(input) as tf.SymbolicTensor;
			x = tf.layers.dropout({ rate: 0.2 }).apply(x) as tf.SymbolicTensor;
			x = tf.layers.dense({ units: u(32), activation: 'relu' }).apply(x) as tf.SymbolicTensor;
			out = head(x, h);
			break;
		}
		case 'gru': {
			const x = tf.layers.gru({ units: u(64) }).apply(input) as tf.SymbolicTensor;
			out = head(x, h);
			break;
		}
		case 'patchtst': {
			const d = Math.max(8, Math.round((32 * w) / 4) * 4); // divisible by the 4 heads
			const patch = T % 4 === 0 ? 4 : T % 3 === 0 ? 3 : T % 2 === 0 ? 2 : 1;
			// patches as a reshape + Dense (the WASM backend has no Conv1D gradient)
			let x = tf.layers
				.reshape({ targetShape: [T / patch, patch * N_FEATURES] })
				.apply(input) as tf.SymbolicTensor;
			x = tf.layers.dense({ units: d }).apply(x) as tf.SymbolicTensor;
			x = new PositionEmbedding({}).apply(x) as tf.SymbolicTensor;
			for (let l = 0; l < 2; l++) {
				const att = new SelfAttention({ heads: 4 }).apply(x) as tf.SymbolicTensor;
				x = tf.layers
					.layerNormalization()
					.apply(tf.layers.add().apply([x, att])) as tf.SymbolicTensor;
				let ff = tf.layers
					.dense({ units: 2 * d, activation: 'relu' })
					.apply(x) as tf.SymbolicTensor;
				ff = tf.layers.dense({ units: d }).apply(ff) as tf.SymbolicTensor;
				x = tf.layers
					.layerNormalization()
					.apply(tf.layers.add().apply([x, ff])) as tf.SymbolicTensor;
			}
			out = head(tf.layers.flatten().apply(x) as tf.SymbolicTensor, h);
			break;
		}
	}
	return tf.model({ inputs: input, outputs: out, name: spec.kind.replace('-', '_') });
}
