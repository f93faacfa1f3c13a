// Training speed of a deep architecture, measured one way on Node's tfjs backends (deep-ensemble.ts)
// and in headless Chromium (deep-browser-entry.ts, bundled by deep-browser.ts), so the two tables
// compare like with like. No Node imports: it is bundled for the browser.
import type { SeriesBatch } from '../../src/core/types';
import { N_FEATURES, makeWindows } from '../../src/ml/features';
import type { DeepKind } from '../../src/ml/kinds';
import type { ModelSpec } from '../../src/ml/models';
import { compiledModel, disposeModel, trainModel } from '../../src/ml/train';

/**
 * Windows per second of one epoch (batch 64, width 0.5 as the app trains) on at most `maxWindows`
 * weekly windows of `batch`, after a warm-up epoch on 64 of them; on the current tfjs backend.
 */
export async function trainingSpeed(
	batch: SeriesBatch,
	kind: DeepKind,
	lookback: number,
	horizon: number,
	maxWindows: number,
): Promise<{ windowsPerSecond: number; params: number }> {
	const { train } = makeWindows(batch, { lookback, horizon, freq: 'week' }, { maxWindows });
	const spec: ModelSpec = { kind, lookback, horizon, width: 0.5 };
	const model = compiledModel(spec);
	const params = model.countParams();
	const T = (lookback + horizon) * N_FEATURES;
	const warm = {
		n: 64,
		x: train.x.subarray(0, 64 * T),
		y: train.y.subarray(0, 64 * horizon),
		scale: train.scale.subarray(0, 64),
		anchor: train.anchor.subarray(0, 64),
	};
	await trainModel(model, spec, warm, null, { epochs: 1, batchSize: 64 });
	const t0 = performance.now();
	await trainModel(model, spec, train, null, { epochs: 1, batchSize: 64 });
	const s = (performance.now() - t0) / 1000;
	disposeModel(model);
	return { windowsPerSecond: train.n / s, params };
}
