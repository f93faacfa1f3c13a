// The Forecast screen's results kept per dataset version (Dexie version 12, workers/data/kept-forecasts.ts):
// kept with their typed arrays and options, given back only for the stored dataset's version, dropped on
// a new stamp, deleted with the dataset and whenever its table is written (not on a rename); the batch,
// the single forecast and the levels (the last one of each per dataset) kept apart; a version-11 database opens
// as version 12 with what it held. fake-indexeddb (pure storage), real DuckDB (Node) where a dataset
// is rewritten or deleted.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { openTrendcastDb } from '../../../src/lib/db/db';
import {
	KEPT_FORECAST_VERSION,
	keepForecast,
	keptForecast,
	keptStamp,
} from '../../../workers/data/kept-forecasts';
import { shopStored } from './harness';

const freshDb = () => openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A stored dataset's metadata (only what its version is made of matters here). */
function metaRow(id: string, rowCount = 100): DatasetMeta {
	return {
		id,
		name: 'Shop',
		createdAt: 1,
		rowCount,
		bytes: 2000,
		dateMin: 10,
		dateMax: 20,
	} as unknown as DatasetMeta;
}

const request = { datasetId: 'D', productIds: ['A', 'B'], freq: 'week', horizon: 12 };
const result = () => ({
	history: null,
	grid: { future: new Float64Array([1, 2]), season: 52, periods: 30 },
	results: [{ seriesId: 'A', model: 'ets', point: new Float64Array([3.5, 4]) }],
	leftOut: null,
});

describe('forecasts kept between visits', () => {
	it('keeps a forecast with its options and gives it back only for the stored version', async () => {
		const db = freshDb();
		const meta = metaRow('D');
		await db.datasets.put(meta);
		const version = datasetVersion(meta);
		expect(await keptForecast(db, 'D', 'batch', version)).toBeNull();

		const savedAt = await keepForecast(db, 'D', 'batch', version, request, result(), 1234);
		expect(savedAt).toBe(1234);
		const row = await db.keptForecasts.get(['D', 'batch']);
		expect(row?.stamp.startsWith(`${KEPT_FORECAST_VERSION}|${version}|`)).toBe(true);

		const kept = await keptForecast(db, 'D', 'batch', version);
		expect(kept?.savedAt).toBe(1234);
		expect(kept?.request).toEqual(request);
		expect(kept?.result).toEqual(result());
		const back = kept!.result as ReturnType<typeof result>;
		expect(back.results[0].point).toBeInstanceOf(Float64Array);

		// the screen asked for another version of the data (it has not read the stored one yet): none
		expect(await keptForecast(db, 'D', 'batch', '99:1:2:3')).toBeNull();
		// another dataset has none
		expect(await keptForecast(db, 'E', 'batch', version)).toBeNull();
		// still kept for the right version
		expect(await keptForecast(db, 'D', 'batch', version)).not.toBeNull();
	});

	it('keeps nothing made from another version, and drops a row of another stamp', async () => {
		const db = freshDb();
		const meta = metaRow('D');
		await db.datasets.put(meta);
		const old = datasetVersion(meta);
		await keepForecast(db, 'D', 'batch', old, request, result());
		expect(await db.keptForecasts.count()).toBe(1);

		// rows added since (an append): the stored version moved on, the row is dropped unseen
		const next = metaRow('D', 130);
		await db.datasets.put(next);
		expect(await keptForecast(db, 'D', 'batch', datasetVersion(next))).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);

		// a forecast made from the old version while the data changed is not kept
		expect(await keepForecast(db, 'D', 'batch', old, request, result())).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);
		// nor one for a dataset no longer stored
		expect(await keepForecast(db, 'X', 'batch', old, request, result())).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);

		// a row kept by an older keeping (another KEPT_FORECAST_VERSION) is not shown either
		const version = datasetVersion(next);
		await keepForecast(db, 'D', 'batch', version, request, result());
		const stamp = (await db.keptForecasts.get(['D', 'batch']))!.stamp;
		const older = stamp.replace(/^\d+\|/, '0|');
		await db.keptForecasts.update(['D', 'batch'], { stamp: older });
		expect(keptStamp(version, stamp.split('|')[2])).toBe(stamp);
		expect(await keptForecast(db, 'D', 'batch', version)).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);
	});

	it('is not shown once a deep model of the dataset is ready or a promotions file applies', async () => {
		const db = freshDb();
		const meta = metaRow('D');
		await db.datasets.put(meta);
		const version = datasetVersion(meta);
		const keep = () => keepForecast(db, 'D', 'batch', version, request, result());
		const shown = async () => (await keptForecast(db, 'D', 'batch', version)) !== null;
		// another dataset's model and promotions leave it as it is
		await db.models.put({ id: 'm0', datasetId: 'E', kind: 'mlp', createdAt: 1, status: 'ready' });
		await db.promotionSets.put({
			id: 'p0',
			fileName: 'e.csv',
			importedAt: 1,
			promotions: 0,
			datasetId: 'E',
			records: [],
		});
		await keep();
		expect(await shown()).toBe(true);
		// a model of the dataset in training, then ready (it joins the automatic choice)
		await db.models.put({
			id: 'm1',
			datasetId: 'D',
			kind: 'mlp',
			createdAt: 2,
			status: 'training',
		});
		expect(await shown()).toBe(false);
		expect(await db.keptForecasts.count()).toBe(0);
		await keep();
		expect(await shown()).toBe(true);
		await db.models.update('m1', { status: 'ready' });
		expect(await shown()).toBe(false);
		await keep();
		expect(await shown()).toBe(true);
		// a promotions file for every dataset
		await db.promotionSets.put({
			id: 'p1',
			fileName: 'all.csv',
			importedAt: 2,
			promotions: 1,
			datasetId: null,
			records: [],
		});
		expect(await shown()).toBe(false);
		await keep();
		expect(await shown()).toBe(true);
		// its scope changed to another dataset
		await db.promotionSets.update('p1', { datasetId: 'E' });
		expect(await shown()).toBe(false);
	});

	it('is deleted when the stored table is written and with its dataset', async () => {
		const { service, db, meta } = await shopStored(300);
		const kept = () => db.keptForecasts.where('datasetId').equals(meta.id).count();
		const single = { ...request, datasetId: meta.id, productIds: ['A'] };
		await keepForecast(db, meta.id, 'batch', datasetVersion(meta), request, result());
		await keepForecast(db, meta.id, 'single', datasetVersion(meta), single, result());
		expect(await kept()).toBe(2);
		// a new name is not new sales: the version, and both kept forecasts, stay
		const renamed = await service.renameDataset(meta.id, 'Leeds orders');
		expect(datasetVersion(renamed)).toBe(datasetVersion(meta));
		expect((await keptForecast(db, meta.id, 'single', datasetVersion(renamed)))?.request).toEqual(
			single,
		);
		expect(await keptForecast(db, meta.id, 'batch', datasetVersion(renamed))).not.toBeNull();
		// a rewrite of the stored table (non-product codes counted back in; an added export is written
		// the same way, store.saveTable) drops both in its transaction
		const after = await service.setNonProductIncluded(meta.id, ['POST']);
		expect(await kept()).toBe(0);
		await keepForecast(db, meta.id, 'batch', datasetVersion(after), request, result());
		await keepForecast(db, meta.id, 'single', datasetVersion(after), single, result());
		expect(await kept()).toBe(2);
		await service.deleteDataset(meta.id);
		expect(await kept()).toBe(0);
		expect(await db.keptForecasts.count()).toBe(0);
	}, 120_000);

	it('keeps the single forecast apart from the batch: the last one per dataset, its day kept on a rewrite', async () => {
		const db = freshDb();
		const meta = metaRow('D');
		await db.datasets.put(meta);
		const version = datasetVersion(meta);
		const one = (p: string | null) => ({ ...request, productIds: p === null ? null : [p] });
		expect(await keepForecast(db, 'D', 'batch', version, request, result(), 100)).toBe(100);
		expect(await keepForecast(db, 'D', 'single', version, one('A'), result(), 200)).toBe(200);
		// the levels (category / store / total): their own request and result
		const levels = { datasetId: 'D', freq: 'week', measure: 'units', horizon: 6, models: 'auto' };
		const answer = { info: { hasStore: true }, result: { point: [new Float64Array([9, 8])] } };
		expect(await keepForecast(db, 'D', 'levels', version, levels, answer, 250)).toBe(250);
		expect(await db.keptForecasts.count()).toBe(3);
		// each kind gives back its own
		expect((await keptForecast(db, 'D', 'batch', version))?.request).toEqual(request);
		expect((await keptForecast(db, 'D', 'single', version))?.request).toEqual(one('A'));
		const lv = await keptForecast(db, 'D', 'levels', version);
		expect(lv?.request).toEqual(levels);
		expect(lv?.savedAt).toBe(250);
		expect((lv?.result as typeof answer).result.point[0]).toEqual(new Float64Array([9, 8]));
		// another product looked at later replaces it: one single forecast per dataset, whatever is looked at
		await keepForecast(db, 'D', 'single', version, one('B'), result(), 300);
		await keepForecast(db, 'D', 'single', version, one(null), result(), 400);
		expect(await db.keptForecasts.count()).toBe(3);
		const last = await keptForecast(db, 'D', 'single', version);
		expect(last?.request).toEqual(one(null));
		expect(last?.savedAt).toBe(400);
		// kept again with its "one period earlier" forecast: the day it was made stays
		const previous = { seriesId: 'D:__total__', point: new Float64Array([2]), model: 'ets' };
		await keepForecast(db, 'D', 'single', version, one(null), { ...result(), previous }, 400);
		const again = await keptForecast(db, 'D', 'single', version);
		expect(again?.savedAt).toBe(400);
		expect((again?.result as { previous: typeof previous }).previous.point).toEqual(
			new Float64Array([2]),
		);
		// without a time given, the time it is kept
		const before = Date.now();
		const at = await keepForecast(db, 'D', 'single', version, one('A'), result());
		expect(at).toBeGreaterThanOrEqual(before);
		// rows added since: all are dropped, the batch's and the levels' too
		const next = metaRow('D', 101);
		await db.datasets.put(next);
		expect(await keptForecast(db, 'D', 'single', datasetVersion(next))).toBeNull();
		expect(await keptForecast(db, 'D', 'batch', datasetVersion(next))).toBeNull();
		expect(await keptForecast(db, 'D', 'levels', datasetVersion(next))).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);
	});

	it('a version-11 database opens as version 12 with what it held', async () => {
		const idb = new IDBFactory();
		const old = new Dexie('trendcast', { indexedDB: idb, IDBKeyRange });
		old.version(11).stores({
			datasets: 'id, name, createdAt',
			datasetBlobs: 'id',
			settings: 'key',
			models: 'id, datasetId, kind',
			modelWeights: 'id',
			stock: 'productId, supplier',
			stockHistory: '[productId+ds], productId',
			planSettings: 'key',
			signalSets: 'id, kind, createdAt',
			signalRecords: 'id',
			flagMarks: 'id, datasetId',
			reports: 'id, savedAt',
			promotionSets: 'id, importedAt, datasetId',
			customerInsights: 'datasetId',
		});
		const meta = metaRow('D');
		await old.table('datasets').put(meta);
		await old.table('datasetBlobs').put({ id: 'D', format: 1, data: new Uint8Array([1, 2, 3]) });
		await old
			.table('customerInsights')
			.put({ datasetId: 'D', stamp: 's', savedAt: 5, insights: {} });
		await old.table('settings').put({ key: 'k', value: 'v' });
		old.close();

		const db = openTrendcastDb({ indexedDB: idb, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(12);
		expect(await db.datasets.get('D')).toEqual(meta);
		expect((await db.datasetBlobs.get('D'))?.data).toEqual(new Uint8Array([1, 2, 3]));
		expect((await db.customerInsights.get('D'))?.savedAt).toBe(5);
		expect((await db.settings.get('k'))?.value).toBe('v');
		expect(await db.keptForecasts.count()).toBe(0);
		// the new table works at once
		expect(await keepForecast(db, 'D', 'batch', datasetVersion(meta), request, result())).not.toBe(
			null,
		);
		expect(await keptForecast(db, 'D', 'batch', datasetVersion(meta))).not.toBeNull();
		db.close();
	});
});
