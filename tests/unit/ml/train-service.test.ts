// The train worker's service behind a real MessageChannel with Comlink (as the UI talks to it), on
// tfjs WASM in Node with fake-indexeddb: train with progress through a proxy, a cancel that stops within
// one batch and keeps the last epoch's checkpoint, resume from it, list, forecast from the saved weights
// without training, forecasts for the engine's backtest origins only after the training cut-off, and
// deleting a model or the dataset's models.
import 'fake-indexeddb/auto';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { deleteModelsOfDataset, type DeepModelRow } from '../../../src/lib/db/models';
import { decideBackend, realEnv } from '../../../src/ml/backend';
import {
	createTrainService,
	type TrainProgress,
	type TrainService,
} from '../../../workers/train/service';
import { smallRequest, trainDeps, useWasm, weeklyBatch } from './fixtures';

const ports: MessagePort[] = [];
let remote: Comlink.Remote<TrainService>;
const db = openTrendcastDb();
const batch = weeklyBatch(8, 60);
const base = { ...smallRequest('ds1'), learningRate: 3e-3 };

beforeAll(async () => {
	await useWasm();
	const service = createTrainService(trainDeps(db));
	const { port1, port2 } = new MessageChannel();
	ports.push(port1, port2);
	Comlink.expose(service, nodeEndpoint(port1));
	remote = Comlink.wrap<TrainService>(nodeEndpoint(port2));
});
afterAll(() => {
	for (const p of ports.splice(0)) p.close();
});

describe('train service over a MessageChannel', { timeout: 60_000 }, () => {
	let modelId = '';

	it('trains with progress, saves weights, config and scalers', async () => {
		const progress: TrainProgress[] = [];
		const r = await remote.train(
			{ ...base, jobId: 'a', epochs: 3 },
			batch,
			Comlink.proxy((p: TrainProgress) => void progress.push(p)),
		);
		modelId = r.modelId;
		expect(r.status).toBe('ready');
		expect(r.history).toHaveLength(3);
		const epochs = progress.filter((p) => p.phase === 'epoch');
		expect(epochs.map((p) => p.epoch)).toEqual([1, 2, 3]);
		expect(epochs[2].history).toHaveLength(3);
		const batches = progress.filter((p) => p.phase === 'batch');
		expect(batches.length).toBeGreaterThan(0);
		// the time left is known during an epoch too, not only at its end (the label shows it)
		expect(batches.filter((p) => !Number.isFinite(p.etaMs))).toEqual([]);
		expect(batches.some((p) => p.etaMs > 0)).toBe(true);
		const rows = await remote.listModels('ds1');
		expect(rows).toHaveLength(1);
		const row = rows[0] as DeepModelRow;
		expect(row).toMatchObject({ kind: 'mlp', horizon: 4, lookback: 8, holdout: 8, epochsDone: 3 });
		expect(row.scalers.ids).toEqual(batch.ids);
		expect(row.backend).toBe('wasm');
		expect((await db.modelWeights.get(modelId))?.best).toBeInstanceOf(ArrayBuffer);
	});

	it('forecasts every series from the saved weights', async () => {
		const f = await remote.forecast(modelId, batch);
		expect(f.ids).toEqual(batch.ids);
		expect(f.point).toHaveLength(8 * 4);
		for (let k = 0; k < f.point.length; k++) {
			expect(f.lower95[k]).toBeLessThanOrEqual(f.lower80[k]);
			expect(f.lower80[k]).toBeLessThanOrEqual(f.point[k]);
			expect(f.point[k]).toBeLessThanOrEqual(f.upper80[k]);
			expect(f.upper80[k]).toBeLessThanOrEqual(f.upper95[k]);
		}
		// the biggest series (level ~80) is forecast far above the smallest (~10)
		expect(f.point[7 * 4]).toBeGreaterThan(3 * f.point[0]);
	});

	it('gives the engine forecasts only from origins after the training cut-off', async () => {
		const ext = await remote.engineForecasts(modelId, batch, 4, 3);
		// n = 60, holdout 8: ends 56 and 52 are unseen, 48 was trained on; plus the full series (60)
		expect(ext.p0.map((a) => a.end).sort()).toEqual([52, 56, 60]);
		expect(ext.p3[0].point).toHaveLength(4);
		expect(ext.p3[0].intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
	});

	it('cancel stops within one batch and keeps the checkpoint; resume continues from it', async () => {
		const progress: TrainProgress[] = [];
		let cancelled = false;
		const job = remote.train(
			{ ...base, jobId: 'b', epochs: 4, batchSize: 8 },
			batch,
			Comlink.proxy((p: TrainProgress) => {
				progress.push(p);
				// cancel in epoch 2, after a batch
				if (!cancelled && p.phase === 'batch' && p.epoch === 2 && p.batch >= 2) {
					cancelled = true;
					void remote.cancel('b');
				}
			}),
		);
		await expect(job).rejects.toMatchObject({ name: 'AbortError' });
		const at = progress.findIndex((p) => p.phase === 'batch' && p.epoch === 2 && p.batch >= 2);
		const after = progress.slice(at + 1).filter((p) => p.phase === 'batch');
		// progress is sent every batch here: at most the batch in flight reports after the cancel
		expect(after.length).toBeLessThanOrEqual(2);
		const row = (await remote.listModels('ds1')).find((r) => r.id !== modelId)!;
		expect(row.status).toBe('cancelled');
		expect(row.epochsDone).toBe(1);
		const resumed = await remote.train({ ...base, jobId: 'c', epochs: 4, resumeId: row.id }, batch);
		expect(resumed.modelId).toBe(row.id);
		expect(resumed.notes.map((n) => n.code)).toContain('models_note_resumed');
		expect(resumed.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
		expect((await db.models.get(row.id))?.status).toBe('ready');
	});

	it('stops early when the validation loss stops improving, saves the best epoch and says so', async () => {
		const r = await remote.train({ ...base, jobId: 'e', epochs: 40, patience: 1 }, batch);
		expect(r.stopped).toBe('early');
		expect(r.history.length).toBeLessThan(40);
		expect(r.history.length - r.bestEpoch).toBe(1);
		expect(r.notes).toContainEqual({
			code: 'models_note_early_stop',
			params: { epoch: r.bestEpoch },
		});
		const row = (await db.models.get(r.modelId)) as DeepModelRow;
		expect(row).toMatchObject({ status: 'ready', epochsDone: r.history.length });
		await remote.deleteModel(r.modelId);
	});

	it('a cancel while the series are still being read stops the job: nothing trained or saved', async () => {
		// in the worker the job first reads the dataset's series from the data worker (train-api.ts)
		const service = createTrainService({ db, backend: () => decideBackend(realEnv()) });
		let release = (): void => {};
		const reading = new Promise<void>((r) => (release = r));
		const before = await db.models.count();
		const progress: TrainProgress[] = [];
		const job = service.train(
			{ ...base, jobId: 'load', epochs: 2 },
			async () => {
				await reading;
				return batch;
			},
			(p) => void progress.push(p),
		);
		service.cancel('load');
		release();
		await expect(job).rejects.toMatchObject({ name: 'AbortError' });
		expect(progress).toEqual([]);
		expect(await db.models.count()).toBe(before);
		// the same for the Forecast screen's backtest of a saved model
		let go = (): void => {};
		const waiting = new Promise<void>((r) => (go = r));
		const tables = service.backtestTables('bt', modelId, async () => {
			await waiting;
			return batch;
		});
		service.cancel('bt');
		go();
		await expect(tables).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('deletes one model, and all models of a deleted dataset', async () => {
		await remote.deleteModel(modelId);
		expect(await db.modelWeights.get(modelId)).toBeUndefined();
		expect(await remote.listModels('ds1')).toHaveLength(1);
		await db.models.put({ id: 'other', datasetId: 'ds2', kind: 'mlp', createdAt: 1 });
		await db.transaction('rw', db.models, db.modelWeights, () => deleteModelsOfDataset(db, 'ds1'));
		expect(await remote.listModels('ds1')).toHaveLength(0);
		expect(await db.modelWeights.count()).toBe(0);
		expect(await db.models.get('other')).toBeDefined();
	});
});
