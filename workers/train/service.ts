// The train worker's logic with its storage and backend injected, so Node tests run the same code
// (fake-indexeddb, tfjs WASM/CPU): trains a global deep model on all series of a dataset with
// per-epoch checkpoints in Dexie, resumes an interrupted run, lists/deletes saved models, and
// forecasts with a saved model (the latest window of every series, or the backtest origins the
// engine scores). Used by workers/train-api.ts.

import type * as tf from '@tensorflow/tfjs';
import type { CancelSignal } from '../../src/core/backtest';
import { codedError } from '../data/coded-error';
import type { ExternalForecastAt } from '../../src/core/forecast/external';
import type { Message } from '../../src/core/messages';
import { msg } from '../../src/core/messages';
import type { Frequency, SeriesBatch } from '../../src/core/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { DeepModelRow, DeepWeightsRow } from '../../src/lib/db/models';
import type { BackendInfo } from '../../src/ml/backend';
import {
	BASE_FEATURES,
	DEEP_SHOP_INPUTS,
	LEGACY_FEATURES,
	N_FEATURES,
	featuresOf,
	type DeepCalendar,
	forecastWindows,
	makeWindows,
	type WindowConfig,
} from '../../src/ml/features';
import { QUANTILES, type DeepKind, type ModelSpec } from '../../src/ml/models';
import {
	compiledModel,
	disposeModel,
	predictWindows,
	trainModel,
	type EpochInfo,
	type ResumeState,
} from '../../src/ml/train';
import { getWeightBlob, setWeightBlob, type WeightBlob } from '../../src/ml/weights';
import { deepBacktest } from '../../src/ml/backtest';
import { PRETRAINED_STARTS, fitsStart, pretrainedStartFor } from '../../src/ml/pretrained-start';
import {
	deepCandidateName,
	deepCheckCut,
	engineOrigins,
	type DeepForecastTable,
} from '../../src/ml/candidates';
import type { PromotionRecord } from '../../src/core/ingest/schemas/promotions';
import { PROMOTION_INPUT, SIGNAL_INPUT, withPromotions, withSignals } from './inputs';
import type { WeeklySignal } from '../data/fusion';

/** A request to train (or, with `resumeId`, to continue) a model. */
export interface TrainRequest {
	jobId: string;
	datasetId: string;
	kind: DeepKind;
	freq: Frequency;
	horizon: number;
	/** Lookback periods (default 2 × horizon, at least 8). */
	lookback?: number;
	/** Trailing points per series kept out of training (default 2 × horizon). */
	holdout?: number;
	width?: number;
	epochs: number;
	batchSize?: number;
	learningRate?: number;
	patience?: number;
	maxWindows?: number;
	seed?: number;
	measure?: string;
	/** Start from the shipped pretrained weights (same kind and window shape required). */
	pretrained?: boolean;
	/** Continue this saved model from its last checkpoint instead of starting a new one. */
	resumeId?: string;
	/**
	 * The shop's holiday calendar (Settings: country and edits), saved with the model; without it the
	 * fixed shopping holidays of src/ml/holidays.ts.
	 */
	calendar?: DeepCalendar;
	/**
	 * Input features per period of a new model (default: N_FEATURES with DEEP_SHOP_INPUTS, else
	 * BASE_FEATURES; a model that starts from a shipped start reads BASE_FEATURES).
	 */
	features?: number;
}

/** Progress of a training job (numbers only; the view words them). */
export interface TrainProgress {
	modelId: string;
	phase: 'prepare' | 'batch' | 'epoch';
	epoch: number;
	epochs: number;
	batch: number;
	batches: number;
	/** Finished epochs so far (loss curves). */
	history: EpochInfo[];
	/** Time left (ms): from the mean epoch at an epoch's end, the mean batch during one; NaN before. */
	etaMs: number;
	windows: number;
}

export interface TrainResult {
	modelId: string;
	status: DeepModelRow['status'];
	stopped: 'done' | 'early' | 'cancelled';
	history: EpochInfo[];
	bestEpoch: number;
	notes: Message[];
}

/** Quantile forecasts of the latest window of every series: arrays of n × horizon. */
export interface DeepForecast {
	ids: string[];
	horizon: number;
	point: Float64Array;
	lower80: Float64Array;
	upper80: Float64Array;
	lower95: Float64Array;
	upper95: Float64Array;
}

/** Pretrained weights shipped with the app, for one window shape. */
export interface Pretrained {
	spec: ModelSpec;
	freq: Frequency;
	weights: WeightBlob;
}

export interface TrainServiceDeps {
	db: TrendcastDb;
	backend(): Promise<BackendInfo>;
	/** The shipped pretrained model for a frequency, or null. */
	pretrained?(freq: Frequency): Promise<Pretrained | null>;
	/** Least time between two batch progress calls (ms); default 250. */
	progressIntervalMs?: number;
	/**
	 * Imported promotions of these products (data worker promotionsFor, as the Forecast screen reads
	 * them): a new model trains with them as its 'promotion' input and forecasts with the planned ones.
	 */
	promotions?(datasetId: string, ids: string[]): Promise<Record<string, PromotionRecord[]>>;
	/**
	 * The market signals imported on the Market screen (weekly search interest) and the products'
	 * names to match them on (id → id and description): a new weekly model trains with them as its
	 * 'market-signal' input.
	 */
	signals?(
		datasetId: string,
		ids: string[],
	): Promise<{ signals: WeeklySignal[]; names: Record<string, string> }>;
}

/** A cancel, said as a message code (the view words it; `name` is what callers branch on). */
function abortError(): Error {
	return codedError('AbortError', 'models_cancelled');
}

/** Series to train on: the batch, or a loader of it (read from the data worker after the job starts). */
export type BatchSource = SeriesBatch | (() => Promise<SeriesBatch>);

/** The batch of `src`; an AbortError when the job was cancelled while it loaded. */
async function loaded(src: BatchSource, signal: CancelSignal): Promise<SeriesBatch> {
	const batch = typeof src === 'function' ? await src() : src;
	if (signal.aborted) throw abortError();
	return batch;
}

/** A saved model's architecture (rows saved before the age and Q4 features have 10 per period). */
const specOf = (r: DeepModelRow): ModelSpec => ({
	kind: r.kind,
	lookback: r.lookback,
	horizon: r.horizon,
	width: r.width,
	features: r.features ?? LEGACY_FEATURES,
});

/** The window shape a saved model reads (with the calendar it was trained with). */
const cfgOf = (r: DeepModelRow): WindowConfig => ({
	lookback: r.lookback,
	horizon: r.horizon,
	freq: r.freq,
	features: r.features ?? LEGACY_FEATURES,
	...(r.calendar ? { calendar: r.calendar } : {}),
});

/** Series scales by the order of `batch.ids` from a saved row (a missing series gets 0 = own lookback). */
function scalesFor(row: DeepModelRow, batch: SeriesBatch): Float64Array {
	const byId = new Map(row.scalers.ids.map((id, i) => [id, row.scalers.scale[i]]));
	return Float64Array.from(batch.ids, (id) => byId.get(id) ?? 0);
}

/** Number of leading points of series i before its trailing missing values. */
function knownLength(batch: SeriesBatch, i: number): number {
	const from = batch.indptr[i];
	let to = batch.indptr[i + 1];
	while (to > from && !Number.isFinite(batch.y[to - 1])) to--;
	return to - from;
}

export function createTrainService(deps: TrainServiceDeps) {
	const { db } = deps;
	const interval = deps.progressIntervalMs ?? 250;
	/** The last model used for forecasting, kept warm. */
	let warm: { id: string; updatedAt: number; model: tf.LayersModel } | null = null;

	async function loadModel(id: string): Promise<{ row: DeepModelRow; model: tf.LayersModel }> {
		const row = (await db.models.get(id)) as DeepModelRow | undefined;
		if (!row) throw codedError('NotFoundError', 'models_error_missing');
		if (warm && warm.id === id && warm.updatedAt === row.updatedAt)
			return { row, model: warm.model };
		const w = (await db.modelWeights.get(id)) as DeepWeightsRow | undefined;
		if (!w) throw codedError('NotFoundError', 'models_error_weights_missing');
		const model = compiledModel(specOf(row));
		setWeightBlob(model, { shapes: w.shapes, data: w.best ?? w.data });
		if (warm) disposeModel(warm.model);
		warm = { id, updatedAt: row.updatedAt, model };
		return { row, model };
	}

	const jobs = new Map<string, AbortController>();

	/**
	 * The batch with the inputs the model reads: a new model (`fresh`) takes the dataset's promotions
	 * when it has any, and (weekly, with the signal feature) the market signals that match its
	 * products; a saved one gets them only when it was trained with them (rows without `inputs` were
	 * trained with the price alone), and refuses to forecast when they are no longer there.
	 */
	async function withInputs(
		row: DeepModelRow,
		batch: SeriesBatch,
		fresh: boolean,
	): Promise<SeriesBatch> {
		let out = batch;
		const wants = fresh || (row.inputs?.includes(PROMOTION_INPUT) ?? false);
		if (wants && !out.regressors?.names.includes(PROMOTION_INPUT)) {
			const promos = deps.promotions ? await deps.promotions(row.datasetId, [...out.ids]) : {};
			out = withPromotions(out, promos, row.freq, row.horizon);
			if (!fresh && !out.regressors?.names.includes(PROMOTION_INPUT))
				throw codedError('RangeError', 'models_error_promotions_missing');
		}
		const wantsSignal = fresh
			? featuresOf(cfgOf(row)) > BASE_FEATURES + 1 && row.freq === 'week'
			: (row.inputs?.includes(SIGNAL_INPUT) ?? false);
		if (wantsSignal && !out.regressors?.names.includes(SIGNAL_INPUT) && deps.signals) {
			const { signals, names } = await deps.signals(row.datasetId, [...out.ids]);
			out = withSignals(out, signals, names, row.freq, row.horizon);
		}
		if (!fresh && wantsSignal && !out.regressors?.names.includes(SIGNAL_INPUT))
			throw codedError('RangeError', 'models_error_signals_missing');
		return out;
	}

	/**
	 * Train a global model on every series of `batch` (or resume `req.resumeId`), checkpointing each
	 * epoch. Rejects with an AbortError after cancel(jobId); the checkpoint stays ('cancelled'). `batch`
	 * may be a loader (the worker reads the dataset's series first): the job can be cancelled while it
	 * loads, and then nothing is trained or saved.
	 */
	async function train(
		req: TrainRequest,
		batch: BatchSource,
		onProgress?: (p: TrainProgress) => void | Promise<void>,
	): Promise<TrainResult> {
		const ac = new AbortController();
		jobs.set(req.jobId, ac);
		try {
			const b = await loaded(batch, ac.signal);
			return await runTraining(req, b, ac.signal, onProgress);
		} finally {
			jobs.delete(req.jobId);
		}
	}

	/** Stop a training job within one batch. */
	function cancel(jobId: string): void {
		jobs.get(jobId)?.abort();
	}

	async function runTraining(
		req: TrainRequest,
		batch: SeriesBatch,
		signal: CancelSignal,
		onProgress?: (p: TrainProgress) => void | Promise<void>,
	): Promise<TrainResult> {
		const info = await deps.backend();
		const notes: Message[] = [];
		let row: DeepModelRow;
		let resume: ResumeState | undefined;
		let last: WeightBlob | null = null;
		if (req.resumeId) {
			const saved = (await db.models.get(req.resumeId)) as DeepModelRow | undefined;
			if (!saved) throw codedError('NotFoundError', 'models_error_missing');
			row = saved;
			const w = (await db.modelWeights.get(row.id)) as DeepWeightsRow | undefined;
			if (w && row.epochsDone > 0) {
				last = { shapes: w.shapes, data: w.data };
				resume = {
					epochsDone: row.epochsDone,
					history: row.history,
					bestValLoss: row.bestValLoss,
					bestEpoch: row.bestEpoch,
					best: w.best ? { shapes: w.shapes, data: w.best } : null,
				};
				notes.push(msg('models_note_resumed', { epoch: row.epochsDone }));
			}
		} else {
			const h = Math.max(1, Math.floor(req.horizon));
			const now = Date.now();
			row = {
				id: crypto.randomUUID(),
				datasetId: req.datasetId,
				kind: req.kind,
				createdAt: now,
				updatedAt: now,
				status: 'training',
				freq: req.freq,
				lookback: Math.max(8, Math.floor(req.lookback ?? 2 * h)),
				horizon: h,
				width: req.width ?? 1,
				features: req.features ?? (DEEP_SHOP_INPUTS ? N_FEATURES : BASE_FEATURES),
				...(req.calendar ? { calendar: req.calendar } : {}),
				holdout: Math.max(0, Math.floor(req.holdout ?? 2 * h)),
				measure: req.measure ?? 'units',
				train: {
					epochs: req.epochs,
					batchSize: req.batchSize ?? 64,
					learningRate: req.learningRate ?? 1e-3,
					patience: req.patience ?? 3,
					maxWindows: req.maxWindows ?? 20_000,
					seed: req.seed ?? 1,
				},
				pretrained: false,
				scalers: { ids: [], scale: [] },
				history: [],
				epochsDone: 0,
				bestEpoch: 0,
				bestValLoss: Infinity,
				backend: info.backend,
				windows: 0,
				params: 0,
			};
		}
		// a new model with a shipped start of its shape reads the start's features (the calendar then
		// marks holidays and festivals; the make-up working day and signal features are left out)
		if (!req.resumeId && req.pretrained) {
			const start = pretrainedStartFor(row.freq, row.kind, row.horizon).start;
			if (start && fitsStart(start, specOf(row))) row.features = BASE_FEATURES;
		}
		// the batch must be the same dataset's (a resume re-reads it from the data worker), with the
		// inputs the model trains on (a new one: the promotions and signals when the dataset has any)
		batch = await withInputs(row, batch, !req.resumeId);
		if (signal.aborted && !req.resumeId) throw abortError();
		if (!req.resumeId)
			row.inputs = (batch.regressors?.names ?? []).filter(
				(n) => n !== SIGNAL_INPUT || featuresOf(row) > BASE_FEATURES + 1,
			);
		const spec = specOf(row);
		const cfg = cfgOf(row);
		const {
			train: trainSet,
			val,
			scales,
		} = makeWindows(batch, cfg, {
			holdout: row.holdout,
			validation: true,
			maxWindows: row.train.maxWindows,
			seed: row.train.seed,
		});
		if (trainSet.n === 0) throw codedError('RangeError', 'models_error_too_short');
		row.scalers = { ids: [...batch.ids], scale: Array.from(scales) };
		row.windows = trainSet.n;
		const model = compiledModel(spec, row.train.learningRate, row.train.seed);
		row.params = model.countParams();
		// a new run starts from the shipped start when asked; a resumed run without a finished epoch
		// (cancelled or reloaded in its first) from the start it began with
		const wantStart = req.resumeId ? row.pretrained : (req.pretrained ?? false);
		try {
			if (last) setWeightBlob(model, last);
			else if (wantStart && !PRETRAINED_STARTS[row.freq]) {
				// no start is shipped for this frequency (daily): from scratch, and say so
				notes.push(msg('models_note_no_pretrained_day'));
			} else if (wantStart) {
				const pre = await deps.pretrained?.(row.freq);
				const fits =
					pre &&
					pre.spec.kind === spec.kind &&
					pre.spec.lookback === spec.lookback &&
					pre.spec.horizon === spec.horizon &&
					(pre.spec.width ?? 1) === (spec.width ?? 1) &&
					(pre.spec.features ?? LEGACY_FEATURES) === featuresOf(spec);
				if (fits) {
					setWeightBlob(model, pre.weights);
					row.pretrained = true;
					notes.push(
						msg(
							row.freq === 'month' ? 'models_note_pretrained_month' : 'models_note_pretrained_week',
						),
					);
				} else {
					row.pretrained = false;
					notes.push(msg('models_note_no_pretrained'));
				}
			}
			// cancelled while preparing (windows, pretrained weights): a new run leaves no row behind
			if (signal.aborted && !req.resumeId) throw abortError();
			await db.models.put(row);
			let lastSent = -Infinity;
			const batches = Math.ceil(trainSet.n / (row.train.batchSize ?? 64));
			const base = (): TrainProgress => ({
				modelId: row.id,
				phase: 'prepare',
				epoch: row.epochsDone,
				epochs: row.train.epochs,
				batch: 0,
				batches,
				history: row.history,
				etaMs: NaN,
				windows: trainSet.n,
			});
			await onProgress?.(base());
			// time left during an epoch: this run's mean time per batch (validation and checkpoints
			// included) × the batches still to go, so the label shows it between epoch ends too
			const started = Date.now();
			let batchesRun = 0;
			const outcome = await trainModel(
				model,
				spec,
				trainSet,
				val,
				row.train,
				{
					signal,
					onBatch: (batch) => {
						batchesRun++;
						const now = Date.now();
						if (!onProgress || now - lastSent < interval) return;
						lastSent = now;
						const epoch = row.epochsDone + 1;
						const left = batches - (batch + 1) + (row.train.epochs - epoch) * batches;
						void onProgress({
							...base(),
							phase: 'batch',
							epoch,
							batch: batch + 1,
							etaMs: ((now - started) / batchesRun) * left,
						});
					},
					onEpoch: async (ep, state) => {
						// checkpoint: last weights (resume) and best weights (forecast), then report
						row.history = state.history.slice();
						row.epochsDone = state.epochsDone;
						row.bestEpoch = state.bestEpoch;
						row.bestValLoss = state.bestValLoss;
						row.updatedAt = Date.now();
						const lastW = getWeightBlob(model);
						await db.transaction('rw', db.models, db.modelWeights, async () => {
							await db.models.put(row);
							await db.modelWeights.put({
								id: row.id,
								data: lastW.data,
								shapes: lastW.shapes,
								best: state.best?.data ?? null,
							} satisfies DeepWeightsRow);
						});
						lastSent = Date.now();
						await onProgress?.({ ...base(), phase: 'epoch', epoch: ep.epoch, etaMs: ep.etaMs });
					},
				},
				resume,
			);
			if (outcome.stopped === 'early')
				notes.push(msg('models_note_early_stop', { epoch: outcome.bestEpoch }));
			row.status = outcome.stopped === 'cancelled' ? 'cancelled' : 'ready';
			row.updatedAt = Date.now();
			if (row.status === 'ready') {
				// the model holds the best weights now: store them as both
				const best = getWeightBlob(model);
				await db.transaction('rw', db.models, db.modelWeights, async () => {
					await db.models.put(row);
					await db.modelWeights.put({
						id: row.id,
						data: best.data,
						shapes: best.shapes,
						best: best.data,
					} satisfies DeepWeightsRow);
				});
			} else await db.models.put(row);
			if (outcome.stopped === 'cancelled') throw abortError();
			return {
				modelId: row.id,
				status: row.status,
				stopped: outcome.stopped,
				history: outcome.history,
				bestEpoch: outcome.bestEpoch,
				notes,
			};
		} finally {
			disposeModel(model);
		}
	}

	/** Quantiles for the given (series, end) pairs with a saved model, n × h each. */
	async function predictPairs(
		id: string,
		batch: SeriesBatch,
		pairs: [number, number][],
	): Promise<{ row: DeepModelRow; q: Float32Array }> {
		const { row, model } = await loadModel(id);
		const cfg = cfgOf(row);
		const set = forecastWindows(batch, cfg, pairs, scalesFor(row, batch));
		const q = await predictWindows(model, specOf(row), set);
		return { row, q };
	}

	/** Forecast the next `horizon` periods of every series with a saved model. */
	async function forecast(id: string, series: SeriesBatch): Promise<DeepForecast> {
		const saved = (await db.models.get(id)) as DeepModelRow | undefined;
		if (!saved) throw codedError('NotFoundError', 'models_error_missing');
		const batch = await withInputs(saved, series, false);
		const pairs = batch.ids.map((_, i) => [i, knownLength(batch, i)] as [number, number]);
		const { row, q } = await predictPairs(id, batch, pairs);
		const h = row.horizon;
		const Qn = QUANTILES.length;
		const pick = (k: number): Float64Array => {
			const out = new Float64Array(pairs.length * h);
			for (let w = 0; w < pairs.length; w++)
				for (let j = 0; j < h; j++) out[w * h + j] = Math.max(0, q[(w * h + j) * Qn + k]);
			return out;
		};
		return {
			ids: [...batch.ids],
			horizon: h,
			lower95: pick(0),
			lower80: pick(1),
			point: pick(2),
			upper80: pick(3),
			upper95: pick(4),
		};
	}

	/**
	 * Forecasts for the engine's backtest: from every series' training-window ends e = n − h − k·h
	 * (k < origins) that lie after the model's training cut-off, and from the full series (e = n).
	 * Keyed by series id; each forecast has `horizon` steps with 80/95 % intervals.
	 */
	async function engineForecasts(
		id: string,
		series: SeriesBatch,
		horizon: number,
		origins: number,
	): Promise<Record<string, ExternalForecastAt[]>> {
		const row = (await db.models.get(id)) as DeepModelRow | undefined;
		if (!row) throw codedError('NotFoundError', 'models_error_missing');
		const batch = await withInputs(row, series, false);
		if (horizon > row.horizon) return {};
		const pairs: [number, number][] = [];
		batch.ids.forEach((_, i) => {
			const n = knownLength(batch, i);
			const cut = batch.indptr[i + 1] - batch.indptr[i] - row.holdout; // targets unseen from here
			pairs.push([i, n]);
			for (let k = 0; k < origins; k++) {
				const e = n - horizon - k * horizon;
				if (e >= cut && e > 0) pairs.push([i, e]);
			}
		});
		const { q } = await predictPairs(id, batch, pairs);
		const H = row.horizon;
		const Qn = QUANTILES.length;
		const out: Record<string, ExternalForecastAt[]> = {};
		pairs.forEach(([i, end], w) => {
			const col = (k: number): Float64Array =>
				Float64Array.from({ length: horizon }, (_, j) => q[(w * H + j) * Qn + k]);
			(out[batch.ids[i]] ??= []).push({
				end,
				point: col(2),
				intervals: [
					{ level: 0.8, lower: col(1), upper: col(3) },
					{ level: 0.95, lower: col(0), upper: col(4) },
				],
			});
		});
		return out;
	}

	/** Backtest tables already computed, by model, its last update and the batch (see backtestTables). */
	const tableCache = new Map<string, Record<string, DeepForecastTable>>();

	/**
	 * The saved model as an engine candidate for the Forecast screen: a model of its configuration is
	 * trained afresh at each backtest origin the engine uses (on every series, targets before the
	 * origin only: src/ml/backtest.ts), and the saved model itself gives the final forecast. Returns
	 * { 'deep-<kind>': forecasts by series id and window end }; kept in memory for the same model and
	 * data, so a second forecast of the dataset trains nothing.
	 */
	async function backtestTables(
		jobId: string,
		id: string,
		batch: BatchSource,
		onProgress?: (p: { done: number; total: number }) => void | Promise<void>,
	): Promise<Record<string, DeepForecastTable>> {
		const ac = new AbortController();
		jobs.set(jobId, ac);
		try {
			return await computeTables(id, await loaded(batch, ac.signal), ac.signal, onProgress);
		} finally {
			jobs.delete(jobId);
		}
	}

	async function computeTables(
		id: string,
		series: SeriesBatch,
		signal: CancelSignal,
		onProgress?: (p: { done: number; total: number }) => void | Promise<void>,
	): Promise<Record<string, DeepForecastTable>> {
		const row = (await db.models.get(id)) as DeepModelRow | undefined;
		if (!row) throw codedError('NotFoundError', 'models_error_missing');
		// the same inputs as in training (the promotions, past and planned, when it had them)
		const batch = await withInputs(row, series, false);
		if (signal.aborted) throw abortError();
		let sum = 0;
		for (const v of batch.y) if (Number.isFinite(v)) sum += v;
		for (const col of batch.regressorsAhead?.values ?? [])
			for (const v of col) if (Number.isFinite(v)) sum += v;
		for (const name of [PROMOTION_INPUT, SIGNAL_INPUT]) {
			const p = batch.regressors?.names.indexOf(name) ?? -1;
			if (p >= 0) for (const v of batch.regressors!.values[p]) if (Number.isFinite(v)) sum += v;
		}
		const key = `${id}:${row.updatedAt}:${batch.ids.length}:${batch.y.length}:${sum}`;
		const hit = tableCache.get(key);
		if (hit) return hit;
		const h = row.horizon;
		const pre = row.pretrained ? await deps.pretrained?.(row.freq) : null;
		const res = await deepBacktest(batch, {
			kinds: [row.kind],
			horizon: h,
			freq: row.freq,
			lookback: row.lookback,
			width: row.width,
			epochs: row.train.epochs,
			patience: row.train.patience,
			batchSize: row.train.batchSize,
			learningRate: row.train.learningRate,
			maxWindows: row.train.maxWindows,
			seed: row.train.seed,
			features: featuresOf(cfgOf(row)),
			...(row.calendar ? { calendar: row.calendar } : {}),
			final: false,
			// the forecast run's short check (src/ml/candidates.ts deepDecision): a model trained without
			// the last ⌈h/2⌉ periods, forecasting from there
			inner: deepCheckCut(h),
			initial: (spec) =>
				pre && (pre.spec.features ?? LEGACY_FEATURES) === featuresOf(spec) ? pre.weights : null,
			signal,
			onStage: (s) => void onProgress?.({ done: s.step, total: s.steps + 1 }),
		});
		const name = deepCandidateName(row.kind);
		const table = res.tables[name] ?? {};
		// the final forecast: the saved model from the end of every series
		const { q } = await predictPairs(
			id,
			batch,
			batch.ids.map((_, i) => [i, knownLength(batch, i)] as [number, number]),
		);
		const Qn = QUANTILES.length;
		batch.ids.forEach((sid, w) => {
			const col = (k: number): Float64Array =>
				Float64Array.from({ length: h }, (_, j) => Math.max(0, q[(w * h + j) * Qn + k]));
			(table[sid] ??= []).push({
				end: knownLength(batch, w),
				point: col(2),
				intervals: [
					{ level: 0.8, lower: col(1), upper: col(3) },
					{ level: 0.95, lower: col(0), upper: col(4) },
				],
			});
		});
		await onProgress?.({ done: engineOrigins(h), total: engineOrigins(h) + 1 });
		const out = { [name]: table };
		tableCache.clear();
		tableCache.set(key, out);
		return out;
	}

	async function listModels(datasetId?: string): Promise<DeepModelRow[]> {
		const rows = (
			datasetId
				? await db.models.where('datasetId').equals(datasetId).toArray()
				: await db.models.toArray()
		) as DeepModelRow[];
		return rows
			.filter((r) => typeof r.lookback === 'number')
			.sort((a, b) => b.createdAt - a.createdAt);
	}

	async function deleteModel(id: string): Promise<void> {
		if (warm?.id === id) {
			disposeModel(warm.model);
			warm = null;
		}
		await db.transaction('rw', db.models, db.modelWeights, async () => {
			await db.modelWeights.delete(id);
			await db.models.delete(id);
		});
	}

	return {
		train,
		cancel,
		forecast,
		engineForecasts,
		backtestTables,
		listModels,
		deleteModel,
	};
}

export type TrainService = ReturnType<typeof createTrainService>;
