// The train worker's service with the data worker's promotions (issue #13), on tfjs WASM in Node with
// fake-indexeddb: a dataset with imported promotions trains a model whose batch carries them as the
// regressor 'promotion' (saved as the model's inputs); the saved model forecasts with them and
// refuses, with a message code, once they are gone; a model trained without them is not given them.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src/core/ingest/schemas/promotions';
import type { SeriesBatch } from '../../../src/core/types';
import { openTrendcastDb } from '../../../src/lib/db/db';
import type { DeepModelRow } from '../../../src/lib/db/models';
import { createTrainService, type TrainService } from '../../../workers/train/service';
import { START, smallRequest, trainDeps, useWasm, weeklyBatch } from './fixtures';

const WEEK_MS = 7 * 86_400_000;
const db = openTrendcastDb();
const base = { ...smallRequest('promo-ds'), epochs: 1 };
/** Promotions as the data worker answers them: p2's past two weeks and one planned week. */
let promos: Record<string, PromotionRecord[]> = {};
const asked: string[][] = [];
let service: TrainService;

const promo = (from: number, weeks: number): PromotionRecord => ({
	row: from,
	product: 'p2',
	category: null,
	start: START + from * WEEK_MS,
	end: START + (from + weeks) * WEEK_MS - 86_400_000,
	discount: 0.3,
});

beforeAll(async () => {
	await useWasm();
	service = createTrainService(
		trainDeps(db, {
			promotions: async (datasetId, ids) => {
				expect(datasetId).toBe('promo-ds');
				asked.push(ids);
				return Object.fromEntries(Object.entries(promos).filter(([id]) => ids.includes(id)));
			},
		}),
	);
});

describe('train service with imported promotions', { timeout: 60_000 }, () => {
	const batch: SeriesBatch = weeklyBatch(6, 60, true);
	let withPromo = '';

	it('trains on a batch that carries the promotion regressor next to the price', async () => {
		promos = { p2: [promo(20, 2), promo(45, 1), promo(61, 1)] };
		const r = await service.train({ ...base, jobId: 'promo-a' }, batch);
		withPromo = r.modelId;
		const row = (await db.models.get(r.modelId)) as DeepModelRow;
		expect(row.inputs).toEqual(['price', 'promotion']);
		expect(asked.at(-1)).toEqual(batch.ids);
		// the caller's batch is left as it was
		expect(batch.regressors?.names).toEqual(['price']);
	});

	it('forecasts with the promotions, and refuses once they are gone', async () => {
		const f = await service.forecast(withPromo, batch);
		expect(f.point.every(Number.isFinite)).toBe(true);
		promos = {};
		await expect(service.forecast(withPromo, batch)).rejects.toMatchObject({
			code: 'models_error_promotions_missing',
		});
		await expect(service.engineForecasts(withPromo, batch, 4, 2)).rejects.toMatchObject({
			code: 'models_error_promotions_missing',
		});
	});

	it('a model trained without promotions is not given them later', async () => {
		promos = {};
		const r = await service.train({ ...base, jobId: 'promo-b' }, batch);
		const row = (await db.models.get(r.modelId)) as DeepModelRow;
		expect(row.inputs).toEqual(['price']);
		promos = { p2: [promo(20, 2)] };
		const n = asked.length;
		await service.forecast(r.modelId, batch);
		expect(asked.length).toBe(n);
	});
});
