// The deep model as a correction of the engine (DEEP.md "deephyb"): instead of competing with the
// statistical forecast, a global model learns what the engine gets wrong. Each training window is one
// (series, cut-off) at which the engine forecast h periods ahead from the series' history up to the
// cut-off; its inputs are the usual window features (features.ts: the scaled lookback, observed
// flags, calendar, holiday, price, promotion, level, product age, Q4) with the engine's forecast path
// written into the future rows of feature 0 on the same scale; its target is the scaled residual
// (actual − engine) / scale. The correction added to the engine's forecast is λ × scale × the model's
// median output, λ ∈ [0, 1] chosen on an inner cut-off; the shop's forecasts keep it only where the
// corrected forecasts beat the engine's own on that cut-off (hybridGate). Bench-only (deep-ensemble.ts
// --hybrid): measured on the validation horizons and not shipped (DEEP.md "deephyb"). The model and its
// training loop are the app's (src/ml/models.ts, train.ts).

import type { SeriesBatch } from '../../src/core/types';
import {
	anchorOf,
	featuresOf,
	fillWindow,
	seriesScales,
	type WindowConfig,
	type WindowSet,
} from '../../src/ml/features';
import type { DeepKind } from '../../src/ml/kinds';
import { QUANTILES, type ModelSpec } from '../../src/ml/models';
import { compiledModel, disposeModel, predictWindows, trainModel } from '../../src/ml/train';

/** Scaled inputs and targets are clipped to ±CLIP (as features.ts). */
const CLIP = 50;

/** One engine forecast from a cut-off of one series of the batch. */
export interface EngineForecastAt {
	/** Index of the series in the batch. */
	series: number;
	/** Local index of the cut-off: the engine saw the series' first `end` values. */
	end: number;
	/** The engine's point forecast of the `horizon` periods after `end`. */
	point: ArrayLike<number>;
}

/**
 * Windows of the correction model: per engine forecast, the window ending at its cut-off with the
 * engine's path in the future rows of feature 0 ((engine − anchor) / scale), and the target
 * (actual − engine) / scale for the periods the batch knows before `limit[i]` (local index; NaN past
 * it: partial targets, left out of the loss). The set's anchors are 0, so a model output × scale is
 * the correction in the data's units (train.ts predictWindows).
 */
export function correctionWindows(
	batch: SeriesBatch,
	cfg: WindowConfig,
	items: readonly EngineForecastAt[],
	limit?: ArrayLike<number>,
): WindowSet {
	const { lookback: L, horizon: h } = cfg;
	const F = featuresOf(cfg);
	const T = L + h;
	const scales = seriesScales(batch);
	const x = new Float32Array(items.length * T * F);
	const y = new Float32Array(items.length * h);
	const scale = new Float32Array(items.length);
	const anchor = new Float32Array(items.length);
	items.forEach((it, w) => {
		const s = fillWindow(x, w * T * F, batch, it.series, it.end, cfg, scales[it.series]);
		const a = anchorOf(batch, it.series, it.end);
		const from = batch.indptr[it.series];
		const len = batch.indptr[it.series + 1] - from;
		const stop = Math.min(len, limit ? limit[it.series] : len);
		for (let j = 0; j < h; j++) {
			const e = Number(it.point[j]);
			x[w * T * F + (L + j) * F] = clip((e - a) / s);
			const t = it.end + j;
			const v = t < stop ? batch.y[from + t] : NaN;
			y[w * h + j] = Number.isFinite(v) && Number.isFinite(e) ? clip((v - e) / s) : NaN;
		}
		scale[w] = s;
	});
	return { n: items.length, x, y, scale, anchor };
}

const clip = (v: number): number => Math.max(-CLIP, Math.min(CLIP, v));

/**
 * The corrected forecast: engine + λ · correction, at 0 or above for non-negative data (the engine's
 * forecasts of demand are).
 */
export function applyCorrection(
	engine: ArrayLike<number>,
	correction: ArrayLike<number>,
	lambda: number,
	nonNegative = true,
): Float64Array {
	return Float64Array.from({ length: engine.length }, (_, j) => {
		const v = Number(engine[j]) + lambda * (Number(correction[j]) || 0);
		return nonNegative ? Math.max(0, v) : v;
	});
}

/** Shrink factors tried on the inner cut-off (0 = the engine alone). */
export const HYBRID_LAMBDAS = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * The corrected forecasts must beat the engine's pooled MASE on the inner cut-off by this ratio at
 * least (λ is chosen on the same cut-off, so its best ratio is a little optimistic).
 */
export const HYBRID_GATE = 0.99;

/** One series at the inner cut-off: the engine's forecast, the correction, what sold, the MASE scale. */
export interface HybridGateSeries {
	engine: ArrayLike<number>;
	correction: ArrayLike<number>;
	/** What sold after the cut-off (NaN where not known: those periods are not scored). */
	actual: ArrayLike<number>;
	/** In-sample MAE of the seasonal naive forecast before the cut-off (series with 0 are skipped). */
	scale: number;
}

/** The gate's verdict: the shrink factor and the pooled MASE ratio corrected ÷ engine at it. */
export interface HybridGate {
	lambda: number;
	ratio: number;
	/** The ratio at each λ of HYBRID_LAMBDAS. */
	ratios: number[];
	n: number;
	pass: boolean;
}

/**
 * Choose λ on the inner cut-off (the lowest pooled MASE of engine + λ · correction over the series)
 * and keep the correction when its ratio to the engine's (λ = 0) is at most `gate`; else λ = 0.
 */
export function hybridGate(series: readonly HybridGateSeries[], gate = HYBRID_GATE): HybridGate {
	const sums = HYBRID_LAMBDAS.map(() => 0);
	let n = 0;
	for (const s of series) {
		if (!(s.scale > 0)) continue;
		let any = false;
		const errs = HYBRID_LAMBDAS.map(() => 0);
		let k = 0;
		for (let j = 0; j < s.actual.length; j++) {
			const a = Number(s.actual[j]);
			if (!Number.isFinite(a)) continue;
			k++;
			any = true;
			HYBRID_LAMBDAS.forEach((l, q) => {
				const v = Math.max(0, Number(s.engine[j]) + l * (Number(s.correction[j]) || 0));
				errs[q] += Math.abs(a - v);
			});
		}
		if (!any) continue;
		errs.forEach((e, q) => (sums[q] += e / k / s.scale));
		n++;
	}
	const ratios = sums.map((v) => (n > 0 && sums[0] > 0 ? v / sums[0] : NaN));
	let best = 0;
	ratios.forEach((r, q) => {
		if (r < ratios[best]) best = q;
	});
	const ratio = ratios[best];
	const pass = n > 0 && best > 0 && ratio <= gate;
	return { lambda: pass ? HYBRID_LAMBDAS[best] : 0, ratio, ratios, n, pass };
}

/** How the correction model is trained (trainCorrections). */
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
