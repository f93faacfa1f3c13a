// The deep models' tables: `models` holds what the Models screen lists (kind, window shape, training
// config, per-series scalers, history, status) and `modelWeights` the bytes (last epoch's weights for
// resuming, best weights for forecasting), kept apart as tfjs keeps model_info_store and models_store.
// Written by the train worker; the data worker deletes a dataset's models with it.
import type { Frequency } from '../../core/types';
import type { BackendName } from '../../ml/backend';
import type { DeepCalendar } from '../../ml/features';
import type { DeepKind } from '../../ml/models';
import type { EpochInfo, TrainOptions } from '../../ml/train';
import type { TrendcastDb } from './db';

/** Where a model's training stands. */
export type DeepModelStatus = 'training' | 'ready' | 'cancelled' | 'failed';

/** One saved deep model (metadata; weights in modelWeights under the same id). */
export interface DeepModelRow {
	id: string;
	datasetId: string;
	kind: DeepKind;
	createdAt: number;
	updatedAt: number;
	status: DeepModelStatus;
	freq: Frequency;
	lookback: number;
	horizon: number;
	width: number;
	/** Input features per period (src/ml/features.ts); absent: saved before the age and Q4 features (10). */
	features?: number;
	/**
	 * Regressors it was trained with ('price', 'promotion', 'market-signal'); absent: saved before promotions reached
	 * the deep models (price only, so a forecast gives it no promotions either).
	 */
	inputs?: string[];
	/**
	 * The shop's holiday calendar it was trained with (country and the shop's edits at that time), so
	 * a reload forecasts with the same days; absent: the fixed shopping holidays (src/ml/holidays.ts).
	 */
	calendar?: DeepCalendar;
	/** Trailing points of each series kept out of training (for an honest backtest). */
	holdout: number;
	/** Measure the series hold ('units' or 'revenue'). */
	measure: string;
	train: TrainOptions & { maxWindows: number; seed: number };
	/** Started from the shipped pretrained weights. */
	pretrained: boolean;
	/** Per-series scale (mean |y| over the training part), by series id. */
	scalers: { ids: string[]; scale: number[] };
	history: EpochInfo[];
	epochsDone: number;
	bestEpoch: number;
	bestValLoss: number;
	backend: BackendName;
	windows: number;
	params: number;
	[extra: string]: unknown;
}

/** Weights of one model: the last epoch's (resume) and the best (forecast). */
export interface DeepWeightsRow {
	id: string;
	data: ArrayBuffer;
	shapes: number[][];
	best: ArrayBuffer | null;
	[extra: string]: unknown;
}

/** Delete every model of a dataset (call inside a transaction over models and modelWeights). */
export async function deleteModelsOfDataset(db: TrendcastDb, datasetId: string): Promise<number> {
	const ids = (await db.models.where('datasetId').equals(datasetId).primaryKeys()) as string[];
	await db.modelWeights.bulkDelete(ids);
	await db.models.bulkDelete(ids);
	return ids.length;
}
