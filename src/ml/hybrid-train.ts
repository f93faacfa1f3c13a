// Training and inference of the engine-correction model (hybrid.ts): one global model of the existing
// kinds (models.ts, default the MLP) trained with the pinball loss on the correction windows, its median
// output × the window's scale being the correction. Runs wherever train.ts runs (worker, Node).

import type { SeriesBatch } from '../core/types';
import type { WindowConfig } from './features';
import { correctionWindows, type EngineForecastAt } from './hybrid';
import type { DeepKind } from './kinds';
import { QUANTILES, type ModelSpec } from './models';
import { compiledModel, disposeModel, predictWindows, trainModel } from './train';

export interface CorrectionOptions {
	kind?: DeepKind;
	/** Width multiplier (default 0.5). */
	width?: number;
	/** Epochs (default 20; the best training loss is kept: there is no validation split). */
	epochs?: number;
	batchSize?: number;
	learningRate?: number;
	seed?: number;
}

/**
 * Train a correction model on `train` (targets only before `limit[i]` of each series) and return the
 * corrections (median output × scale, data units) of every forecast of each list in `apply`.
 * With no training window every correction is 0.
 */
export async function trainCorrections(
	batch: SeriesBatch,
	cfg: WindowConfig,
	train: readonly EngineForecastAt[],
	limit: ArrayLike<number>,
	apply: readonly (readonly EngineForecastAt[])[],
	opts: CorrectionOptions = {},
): Promise<Float64Array[][]> {
	const h = cfg.horizon;
	const zeros = (): Float64Array[][] => apply.map((list) => list.map(() => new Float64Array(h)));
	const set = correctionWindows(batch, cfg, train, limit);
	if (set.n === 0) return zeros();
	const spec: ModelSpec = {
		kind: opts.kind ?? 'mlp',
		lookback: cfg.lookback,
		horizon: h,
		width: opts.width ?? 0.5,
	};
	const seed = opts.seed ?? 1;
	const model = compiledModel(spec, opts.learningRate ?? 1e-3, seed);
	try {
		await trainModel(model, spec, set, null, {
			epochs: opts.epochs ?? 20,
			batchSize: opts.batchSize ?? 64,
			seed,
		});
		const out: Float64Array[][] = [];
		const Qn = QUANTILES.length;
		const mid = QUANTILES.indexOf(0.5);
		for (const list of apply) {
			if (list.length === 0) {
				out.push([]);
				continue;
			}
			const q = await predictWindows(model, spec, correctionWindows(batch, cfg, list));
			out.push(
				list.map((_, w) => Float64Array.from({ length: h }, (_, j) => q[(w * h + j) * Qn + mid])),
			);
		}
		return out;
	} finally {
		disposeModel(model);
	}
}
