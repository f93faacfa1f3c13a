// The deep models on the tfjs WASM backend in Node: every architecture builds and maps a window to
// [horizon, quantiles]; weights round-trip by order; the pinball loss matches its definition and its
// minimiser is the quantile; training lowers the loss, stops early, and a cancel stops within one batch.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { N_FEATURES, makeWindows } from '../../../src/ml/features';
import { pinball, pinballLoss, tileTargets } from '../../../src/ml/loss';
import { DEEP_KINDS, QUANTILES, buildModel } from '../../../src/ml/models';
import { compiledModel, disposeModel, predictWindows, trainModel } from '../../../src/ml/train';
import { getWeightBlob, setWeightBlob } from '../../../src/ml/weights';
import { useWasm, weeklyBatch } from './fixtures';

const spec = { lookback: 8, horizon: 4, width: 0.1 };

beforeAll(async () => {
	expect(['wasm', 'cpu']).toContain(await useWasm());
});

describe('quantile loss', () => {
	it('equals the mean pinball loss over steps and quantiles', () => {
		const yTrue = [1, 2, 3];
		const pred = [0.5, 2.5, 3, 1, 2, 3, 2, 2, 2, 0, 0, 0, 5, 5, 5];
		// layout [1, 3, 5] → per step the 5 quantiles
		const yt = tf.tensor3d(tileTargets(Float32Array.from(yTrue)), [1, 3, 5]);
		const yp = tf.tensor3d(
			Float32Array.from({ length: 15 }, (_, k) => pred[k]),
			[1, 3, 5],
		);
		const got = pinballLoss(yt, yp).dataSync()[0];
		let want = 0;
		for (let j = 0; j < 3; j++)
			QUANTILES.forEach((q, k) => (want += pinball([yTrue[j]], [pred[j * 5 + k]], q)));
		expect(got).toBeCloseTo(want / 15, 5);
		tf.dispose([yt, yp]);
	});

	it('is smallest at the empirical quantile', () => {
		const xs = Array.from({ length: 101 }, (_, i) => i);
		const loss = (c: number) =>
			pinball(
				xs,
				xs.map(() => c),
				0.9,
			);
		expect(loss(90)).toBeLessThan(loss(80));
		expect(loss(90)).toBeLessThan(loss(97));
	});
});

describe('architectures', () => {
	it.each(DEEP_KINDS)('%s outputs [n, horizon, 5] and its weights round-trip', (kind) => {
		const s = { kind, ...spec };
		const m = buildModel(s);
		const x = tf.randomNormal([3, 12, N_FEATURES]);
		const y = m.predict(x) as tf.Tensor;
		expect(y.shape).toEqual([3, 4, QUANTILES.length]);
		const blob = getWeightBlob(m);
		const m2 = buildModel(s);
		setWeightBlob(m2, blob);
		const y2 = m2.predict(x) as tf.Tensor;
		expect(Array.from(y2.dataSync())).toEqual(Array.from(y.dataSync()));
		expect(() => setWeightBlob(buildModel({ ...s, horizon: 5 }), blob)).toThrow(/expects|tensors/);
		tf.dispose([x, y, y2]);
		m.dispose();
		m2.dispose();
	});
});

describe('training loop', () => {
	const batch = weeklyBatch(6, 40);
	const cfg = { lookback: 8, horizon: 4, freq: 'week' as const };
	const { train, val } = makeWindows(batch, cfg, { validation: true, holdout: 4 });

	it('lowers the pinball loss and forecasts near the actual level', async () => {
		const s = { kind: 'mlp' as const, lookback: 8, horizon: 4, width: 0.25 };
		const before = tf.memory().numTensors;
		const m = compiledModel(s, 3e-3);
		const out = await trainModel(m, s, train, val, { epochs: 6, batchSize: 32, patience: 10 });
		expect(out.stopped).toBe('done');
		expect(out.history).toHaveLength(6);
		expect(out.history[5].loss).toBeLessThan(out.history[0].loss);
		expect(out.history.every((e) => Number.isFinite(e.valLoss) && e.etaMs >= 0)).toBe(true);
		const q = await predictWindows(m, s, val!);
		// median forecast of series 5 (level ~60) within 35 % of the actual
		const w = 5;
		const actual = val!.y[w * 4] * val!.scale[w] + val!.anchor[w];
		expect(Math.abs(q[w * 4 * 5 + 2] - actual) / actual).toBeLessThan(0.35);
		// quantiles are sorted so the intervals nest
		for (let k = 0; k < q.length; k += 5)
			for (let j = 1; j < 5; j++) expect(q[k + j]).toBeGreaterThanOrEqual(q[k + j - 1]);
		disposeModel(m);
		expect(tf.memory().numTensors).toBe(before); // model, optimizer state and data all freed
	});

	it('stops early when validation stops improving, keeping the best weights', async () => {
		const s = { kind: 'mlp' as const, lookback: 8, horizon: 4, width: 0.1 };
		const m = compiledModel(s, 0.5); // far too high a rate: validation gets worse fast
		const out = await trainModel(m, s, train, val, { epochs: 30, batchSize: 16, patience: 2 });
		expect(out.stopped).toBe('early');
		expect(out.history.length).toBeLessThan(30);
		expect(out.history.length - out.bestEpoch).toBe(2);
		disposeModel(m);
	});

	it('is reproducible: the same seed gives identical losses (weights, shuffling, dropout)', async () => {
		// the random parts: Dense and LSTM initialisers (Glorot, orthogonal), dropout, attention, position
		const T = 12 * N_FEATURES;
		const few = { ...train, n: 48, x: train.x.subarray(0, 48 * T), y: train.y.subarray(0, 48 * 4) };
		for (const kind of ['lstm-dense', 'patchtst'] as const) {
			const s = { kind, lookback: 8, horizon: 4, width: 0.1 };
			const run = async (seed: number) => {
				const m = compiledModel(s, 3e-3, seed);
				const out = await trainModel(m, s, few, val, { epochs: 2, batchSize: 16, seed });
				const w = new Float32Array(getWeightBlob(m).data);
				disposeModel(m);
				return { losses: out.history.flatMap((e) => [e.loss, e.valLoss]), w };
			};
			const a = await run(7);
			const b = await run(7);
			const c = await run(8);
			expect(b.losses, kind).toEqual(a.losses);
			expect(Array.from(b.w), kind).toEqual(Array.from(a.w));
			expect(c.losses, kind).not.toEqual(a.losses);
		}
	});

	it('a cancel stops training within one batch', async () => {
		const s = { kind: 'mlp' as const, lookback: 8, horizon: 4, width: 0.1 };
		const m = compiledModel(s);
		const ac = new AbortController();
		let batches = 0;
		const out = await trainModel(
			m,
			s,
			train,
			val,
			{ epochs: 5, batchSize: 8 },
			{
				signal: ac.signal,
				onBatch: (b) => {
					batches++;
					if (b === 2) ac.abort();
				},
			},
		);
		expect(out.stopped).toBe('cancelled');
		expect(batches).toBe(3); // batches 0, 1, 2 ran; none after the abort
		expect(out.history).toHaveLength(0);
		disposeModel(m);
	});
});
