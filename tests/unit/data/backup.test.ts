// Backup and restore (workers/data/backup.ts) over the app's Dexie schema with fake-indexeddb (pure
// storage logic): a dataset and a flag mark survive backup → delete → restore byte for byte; files that
// are not Trendcast backups are refused with a code before anything is cleared.
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';
import type * as BackupModule from '../../../workers/data/backup';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { demoHead, shopStored, toInput } from './harness';
import { createCustomerJobs } from '../../../workers/data/customers';
import { keepForecast } from '../../../workers/data/kept-forecasts';
import { datasetVersion } from '../../../src/lib/dataset-version';

// dexie-export-import reads the `self` global when it loads (it targets browsers and workers).
let exportBackup: typeof BackupModule.exportBackup;
let restoreBackup: typeof BackupModule.restoreBackup;
beforeAll(async () => {
	(globalThis as { self?: unknown }).self ??= globalThis;
	// Node has Blob but no FileReader, which the library uses to read the file back (browsers have it;
	// the e2e test restores in Chromium). A minimal one over Blob.text()/arrayBuffer():
	class NodeFileReader {
		result: string | ArrayBuffer | null = null;
		error: unknown = null;
		onload: ((ev: { target: NodeFileReader }) => void) | null = null;
		onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
		readAsText(blob: Blob) {
			blob.text().then(
				(r) => ((this.result = r), this.onload?.({ target: this })),
				(e) => ((this.error = e), this.onerror?.({ target: this })),
			);
		}
		readAsArrayBuffer(blob: Blob) {
			blob.arrayBuffer().then(
				(r) => ((this.result = r), this.onload?.({ target: this })),
				(e) => ((this.error = e), this.onerror?.({ target: this })),
			);
		}
	}
	(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
	({ exportBackup, restoreBackup } = await import('../../../workers/data/backup'));
});

describe('backup and restore', () => {
	it('brings back datasets, their bytes and other tables after they were deleted', async () => {
		const { service, db, meta } = await shopStored(300);
		await db.flagMarks.put({
			id: `${meta.id}|x`,
			datasetId: meta.id,
			flagId: 'x',
			status: 'ok',
			markedAt: 1,
		});
		const blobBefore = await db.datasetBlobs.get(meta.id);
		const file = await exportBackup(db);
		expect(file.size).toBeGreaterThan(1000);

		await service.deleteDataset(meta.id);
		expect(await db.datasets.count()).toBe(0);
		expect(await db.flagMarks.count()).toBe(0);

		// Restore into a fresh database, as on another device.
		const other = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const summary = await restoreBackup(other, file);
		expect(summary.datasets).toBe(1);
		// what the owner counts: the dataset's sales rows, not storage records (walk15: "64 stored rows")
		expect(summary.salesRows).toBe(meta.rowCount);
		expect(summary.salesRows).toBeGreaterThan(100);
		expect(
			translate('en', 'backup_restored', {
				datasets: summary.datasets,
				salesRows: summary.salesRows,
				stock: 2,
			}),
		).toBe(
			`Restored 1 dataset with ${meta.rowCount.toLocaleString('en')} sales rows, stock of 2 products and your settings.`,
		);
		const restored = await other.datasets.get(meta.id);
		expect(restored?.name).toBe('Shop');
		expect(restored?.rowCount).toBe(meta.rowCount);
		const blob = await other.datasetBlobs.get(meta.id);
		expect(blob?.data).toBeInstanceOf(Uint8Array);
		expect(
			Buffer.from(blob!.data as Uint8Array).equals(Buffer.from(blobBefore!.data as Uint8Array)),
		).toBe(true);
		expect(await other.flagMarks.get(`${meta.id}|x`)).toMatchObject({ status: 'ok' });

		// And into the same database, where the dataset was deleted.
		await restoreBackup(db, file);
		expect(await db.datasets.count()).toBe(1);
	}, 120_000);

	it('restores a version-10 backup (no insights cache, no kept forecasts) and shows neither after it; backups leave both out', async () => {
		const { service, db, meta } = await shopStored(300);
		let reads = 0;
		const visit = () =>
			createCustomerJobs({ orderLines: (id) => (reads++, service.orderLines(id)), db });
		const before = await visit().insights(meta.id);
		expect(before.hasCustomers).toBe(true);
		expect(await db.customerInsights.count()).toBe(1);
		// a forecast kept for the dataset as stored (the Forecast screen's batch)
		const grid = { future: new Float64Array([1]), season: 52, periods: 9 };
		expect(
			await keepForecast(db, meta.id, 'batch', datasetVersion(meta), { horizon: 12 }, { grid }),
		).not.toBeNull();
		expect(await db.keptForecasts.count()).toBe(1);
		// a version-12 backup holds no cached insights nor kept forecasts (derived: made again after a restore)
		const v12 = JSON.parse(await (await exportBackup(db)).text()) as {
			data: { databaseVersion: number; tables: { name: string }[] };
		};
		expect(v12.data.databaseVersion).toBe(12);
		expect(v12.data.tables.map((t) => t.name)).not.toContain('customerInsights');
		expect(v12.data.tables.map((t) => t.name)).not.toContain('keptForecasts');
		expect(v12.data.tables.map((t) => t.name)).toContain('datasets');

		// A database as version 10 made it, holding this dataset and a mark, and its backup file.
		const idb = new IDBFactory();
		const old = new Dexie('trendcast', { indexedDB: idb, IDBKeyRange });
		old.version(10).stores({
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
		});
		await old.table('datasets').put((await db.datasets.get(meta.id))!);
		await old.table('datasetBlobs').put((await db.datasetBlobs.get(meta.id))!);
		const flagId = before.flags[0].id;
		await old
			.table('flagMarks')
			.put({ id: `${meta.id}|${flagId}`, datasetId: meta.id, flagId, status: 'ok', markedAt: 1 });
		const { exportDB } = await import('dexie-export-import');
		const v10 = await exportDB(old, { prettyJson: false });
		old.close();
		expect(JSON.parse(await v10.text()).data.databaseVersion).toBe(10);
		// the version-11 and 12 upgrades keep what version 10 stored
		const upgraded = openTrendcastDb({ indexedDB: idb, IDBKeyRange });
		expect(await upgraded.datasets.count()).toBe(1);
		expect(upgraded.verno).toBe(12);
		upgraded.close();

		// Restored over this database, whose cache row matches the dataset's stamp: the row goes (the
		// file has no such table), the insights are worked out again with the backup's mark.
		const restoredAt = Date.now();
		const summary = await restoreBackup(db, v10);
		expect(summary.datasets).toBe(1);
		expect(await db.customerInsights.count()).toBe(0);
		expect(await db.keptForecasts.count()).toBe(0);
		reads = 0;
		const after = await visit().insights(meta.id);
		// worked out again (the lines read once), and kept from then on: not a cached copy from before
		expect(reads).toBe(1);
		expect(after.savedAt).toBeGreaterThanOrEqual(restoredAt);
		expect(await db.customerInsights.count()).toBe(1);
		// the same analysis (its validation's fit times and when it was kept aside), the backup's mark applied
		const same = ({ savedAt: _, ...x }: typeof after) => ({
			...x,
			recommender: x.recommender?.chosen,
		});
		expect(same(after)).toEqual({
			...same(before),
			flags: before.flags.map((f) => (f.id === flagId ? { ...f, markedOk: true } : f)),
		});
	}, 120_000);

	it('carries the shop calendar and currency kept in localStorage to another device', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const edits = JSON.stringify({
			add: [{ key: 'Summer sale 夏季促销', date: '2027-07-15' }],
			remove: [{ key: 'new-year-s-day', date: '2026-01-01' }],
		});
		const file = await exportBackup(db, {
			'trendcast.calendarEdits': edits,
			'trendcast.calendarCountry': 'CN',
			'trendcast.currency': 'CNY',
		});
		const other = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const summary = await restoreBackup(other, file);
		expect(summary.devicePrefs).toEqual({
			'trendcast.calendarEdits': edits,
			'trendcast.calendarCountry': 'CN',
			'trendcast.currency': 'CNY',
		});
		// a backup made without them (or an older one) brings none, so the device keeps its own
		const plain = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const bare = await restoreBackup(other, await exportBackup(plain));
		expect(bare.devicePrefs).toBeUndefined();
	}, 120_000);

	it('scopes the promotions files of a backup made before version 10 (no dataset) as the upgrade does', async () => {
		const { service, db, meta } = await shopStored(120);
		// A row as version 9 stored it: no datasetId at all.
		const old = { id: 'p1', fileName: 'promos.csv', importedAt: 1, promotions: 0, records: [] };
		await db.promotionSets.put(old as unknown as Parameters<typeof db.promotionSets.put>[0]);
		const file = await exportBackup(db);
		const other = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		await restoreBackup(other, file);
		// One dataset in the backup: the file is that dataset's (else no forecast would find it).
		expect((await other.promotionSets.get('p1'))?.datasetId).toBe(meta.id);

		// With two datasets the file applies to every dataset (null), as before version 10.
		const second = await service.previewFile(toInput('shop2.csv', demoHead(60)));
		await service.commitImport(second.importId, {
			mapping: second.mapping,
			dateOrder: second.dateOrder,
			datasetName: 'Shop 2',
		});
		await db.promotionSets.put(old as unknown as Parameters<typeof db.promotionSets.put>[0]);
		const file2 = await exportBackup(db);
		const third = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		await restoreBackup(third, file2);
		expect((await third.promotionSets.get('p1'))?.datasetId).toBeNull();
	}, 120_000);

	it('refuses a backup cut off in its rows (a broken download) before clearing anything', async () => {
		const { db, meta } = await shopStored(300);
		const text = await (await exportBackup(db)).text();
		await db.settings.put({ key: 'keep', value: 1 });
		// the header (database name, version, tables and their row counts) is whole; the rows stop
		// inside the dataset's bytes: restoring it stored the dataset without its data
		const cut = new Blob([text.slice(0, Math.floor(text.length * 0.6))]);
		await expect(restoreBackup(db, cut)).rejects.toMatchObject({
			name: 'BackupError',
			code: 'backup_error_damaged',
		});
		expect(await db.datasets.get(meta.id)).toMatchObject({ name: 'Shop' });
		expect((await db.datasetBlobs.get(meta.id))?.data).toBeDefined();
		expect(await db.settings.get('keep')).toEqual({ key: 'keep', value: 1 });
		// the whole file still restores
		await expect(restoreBackup(db, new Blob([text]))).resolves.toMatchObject({ datasets: 1 });
		expect((await db.datasetBlobs.get(meta.id))?.data).toBeDefined();
	}, 120_000);

	it('puts back what was stored when the import itself fails after the tables were cleared', async () => {
		const { db, meta } = await shopStored(300);
		const file = JSON.parse(await (await exportBackup(db)).text()) as {
			data: {
				tables: { name: string; rowCount: number }[];
				data: { tableName: string; rows: unknown[] }[];
			};
		};
		await db.settings.put({ key: 'keep', value: 1 });
		// a whole, well-formed file whose settings table holds a row without its key: the row counts
		// agree, so only the import itself (after clearing every table) finds it
		const settings = file.data.data.find((t) => t.tableName === 'settings')!;
		settings.rows.push({ value: 'no key' });
		file.data.tables.find((t) => t.name === 'settings')!.rowCount = settings.rows.length;
		await expect(restoreBackup(db, new Blob([JSON.stringify(file)]))).rejects.toMatchObject({
			name: 'BackupError',
			code: 'backup_error_damaged',
		});
		expect(await db.datasets.get(meta.id)).toMatchObject({ name: 'Shop' });
		expect((await db.datasetBlobs.get(meta.id))?.data).toBeDefined();
		expect(await db.settings.get('keep')).toEqual({ key: 'keep', value: 1 });
	}, 120_000);

	it('refuses a file that is not a backup, and one of another app, keeping what is stored', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		await db.settings.put({ key: 'keep', value: 1 });
		await expect(restoreBackup(db, new Blob(['Date,SKU\n2024-01-01,A\n']))).rejects.toMatchObject({
			name: 'BackupError',
			code: 'backup_error_not_backup',
		});
		const foreign = new Dexie('someone-else', { indexedDB: new IDBFactory(), IDBKeyRange });
		foreign.version(1).stores({ things: 'id' });
		await foreign.table('things').put({ id: 1 });
		const { exportDB } = await import('dexie-export-import'); // after the `self` shim above
		const foreignFile = await exportDB(foreign);
		await expect(restoreBackup(db, foreignFile)).rejects.toMatchObject({
			code: 'backup_error_not_trendcast',
			params: { name: 'someone-else' },
		});
		expect(await db.settings.get('keep')).toEqual({ key: 'keep', value: 1 });
	});
});
