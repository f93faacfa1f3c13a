// Quantile (pinball) loss of the deep models (Koenker & Bassett 1978; as in MQ-RNN, Wen et al. 2017):
// for quantile q and error e = y − ŷ_q the loss is max(q·e, (q − 1)·e), averaged over horizon steps
// and quantiles. Minimising it makes ŷ_q the q-quantile, so the 0.1/0.9 and 0.025/0.975 outputs bound
// the 80 % and 95 % intervals. The targets arrive tiled to [B, h, Q] (tfjs checks that targets have
// the output's shape), see `tileTargets`.

import * as tf from '@tensorflow/tfjs';
import { QUANTILES } from './models';

/**
 * Pinball loss of [B, h, Q] predictions against [B, h, Q] tiled targets (a tfjs loss function). A NaN
 * target is not known yet (past a backtest origin, src/ml/features.ts `partialTargets`): it is left
 * out of the mean (and of the gradient).
 */
export function pinballLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
	return tf.tidy(() => {
		const q = tf.tensor1d(QUANTILES as unknown as number[]);
		const known = tf.logicalNot(tf.isNaN(yTrue));
		const zeros = tf.zerosLike(yTrue);
		const e = tf.sub(tf.where(known, yTrue, zeros), yPred);
		const l = tf.maximum(tf.mul(q, e), tf.mul(tf.sub(q, 1), e));
		const n = tf.maximum(tf.sum(tf.cast(known, 'float32')), 1);
		return tf.div(tf.sum(tf.where(known, l, zeros)), n);
	});
}

/** The same loss in plain numbers, for tests and for scoring held-out windows. */
export function pinball(actual: ArrayLike<number>, pred: ArrayLike<number>, q: number): number {
	let s = 0;
	for (let i = 0; i < actual.length; i++) {
		const e = actual[i] - pred[i];
		s += Math.max(q * e, (q - 1) * e);
	}
	return actual.length ? s / actual.length : NaN;
}

/** Repeat each of the n·h targets Q times: [n, h] → [n, h, Q] (Float32). */
export function tileTargets(y: Float32Array): Float32Array {
	const Qn = QUANTILES.length;
	const out = new Float32Array(y.length * Qn);
	for (let i = 0; i < y.length; i++) out.fill(y[i], i * Qn, (i + 1) * Qn);
	return out;
}
