// Stock files through the data service's own readers (real DuckDB in Node) into Dexie version 3:
// Chinese headers, Excel-style files, errors naming file/row/column, edits, plan settings, and an
// upgrade from a version-1 database that keeps the datasets.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { readStockFile } from '../../../workers/data/stock';
import * as store from '../../../workers/data/stock-store';
import { freshDb, makeService, toInput } from './harness';

describe('stock files', { timeout: 120_000 }, () => {
	it('reads a Chinese stock file (semicolons, UTF-8 BOM, decimal commas) and stores it', async () => {
		const { service, db } = await makeService(freshDb());
		const text =
			'\uFEFF商品编码;库存;在途;预计到货日期;交期;起订量;箱规;成本;售价;供应商\n' +
			'85123A;120;24;2011-09-20;14;48;12;1,10;2,55;义乌小商品贸易\n' +
			'22423;3;;;21;;6;5.5;12.75;Harbour Gifts\n';
		const parsed = await readStockFile(service, toInput('库存.csv', text));
		expect(parsed.issues).toEqual([]);
		const summary = await store.storeStock(db, '库存.csv', parsed);
		expect(summary).toMatchObject({ products: 2, stored: true });
		const rows = await store.listStock(db);
		expect(rows.find((r) => r.productId === '85123A')).toEqual({
			productId: '85123A',
			onHand: 120,
			onOrder: 24,
			expectedDate: Date.UTC(2011, 8, 20),
			leadTimeMeanDays: 14,
			moq: 48,
			pack: 12,
			unitCost: 1.1,
			price: 2.55,
			supplier: '义乌小商品贸易',
		});
		// edits from the Plan screen; undefined removes a field
		const edited = await store.updateStock(db, '22423', {
			leadTimeMeanDays: 28,
			moq: undefined,
			pack: 12,
		});
		expect(edited).toMatchObject({ leadTimeMeanDays: 28, pack: 12 });
		expect('moq' in edited).toBe(false);
		await store.savePlanSettings(db, { level: 0.9 });
		expect(await store.getPlanSettings(db)).toEqual({ level: 0.9 });
	});

	it('a weekly stock count (SKU, on hand) keeps the lead times, MOQs, costs and suppliers stored before', async () => {
		// walk13: the Leeds shop's supplier sheet in week 1, then Shopify's inventory export in week 2
		const { service, db } = await makeService(freshDb());
		const sheet =
			'SKU,On hand,On order,Lead time (days),MOQ,Pack size,Unit cost,Supplier\n' +
			'85123A,40,24,35,24,6,1.15,Harbour Gifts Ltd\n' +
			'22423,12,0,21,0,1,5.84,Northern Homeware\n' +
			'47566,8,0,10,12,12,2.55,Pennine Paper Co\n';
		await store.storeStock(
			db,
			'stock.csv',
			await readStockFile(service, toInput('stock.csv', sheet)),
		);
		await store.updateStock(db, '22423', { leadTimeMeanDays: 28 }); // typed on the Plan screen
		const count =
			'Handle,Title,SKU,Location,Incoming,Available,On hand\n' +
			'heart,White Hanging Heart,85123A,Leeds shop,0,4,5\n' +
			'cakestand,Regency Cakestand,22423,Leeds shop,6,,0\n';
		const parsed = await readStockFile(service, toInput('inventory_export.csv', count));
		expect(parsed.mapping).toMatchObject({ sku: 'SKU', onHand: 'On hand', onOrder: 'Incoming' });
		const summary = await store.storeStock(db, 'inventory_export.csv', parsed);
		expect(summary).toMatchObject({
			stored: true,
			products: 2,
			keptProducts: 1,
			keptFields: {
				products: 2,
				fields: ['leadTimeMeanDays', 'moq', 'pack', 'supplier', 'unitCost'],
			},
		});
		const rows = new Map((await store.listStock(db)).map((r) => [r.productId, r]));
		expect(rows.get('85123A')).toEqual({
			productId: '85123A',
			onHand: 5,
			onOrder: 0,
			leadTimeMeanDays: 35,
			moq: 24,
			pack: 6,
			unitCost: 1.15,
			supplier: 'Harbour Gifts Ltd',
		});
		expect(rows.get('22423')).toMatchObject({ onHand: 0, onOrder: 6, leadTimeMeanDays: 28 });
		// not in the count: kept as it was
		expect(rows.get('47566')).toMatchObject({ onHand: 8, moq: 12, supplier: 'Pennine Paper Co' });
		// a column the file has, blank for a product, clears it
		const blank = 'SKU,On hand,Supplier\n47566,3,\n';
		await store.storeStock(db, 'b.csv', await readStockFile(service, toInput('b.csv', blank)));
		const after = (await store.listStock(db)).find((r) => r.productId === '47566');
		expect(after).toMatchObject({ onHand: 3, moq: 12 });
		expect(after && 'supplier' in after).toBe(false);
	});

	it('a bad cell names file, row and column; an unreadable file is one error', async () => {
		const { service } = await makeService(freshDb());
		const bad = await readStockFile(
			service,
			toInput('s.csv', 'sku,on hand,pack size\nA,5,6\nB,x,0\n'),
		);
		expect(bad.issues.map((i) => [i.file, i.row, i.column, i.message.code])).toEqual([
			['s.csv', 2, 'on hand', 'plan_stock_bad_number'],
			['s.csv', 2, 'pack size', 'plan_stock_out_of_range'],
		]);
		const empty = await readStockFile(service, toInput('e.csv', ''));
		expect(empty.issues).toHaveLength(1);
		expect(empty.issues[0].message.code).toBe('plan_stock_unreadable');
	});

	it('version 3 opens a version-1 database and keeps its datasets', async () => {
		const idb = new IDBFactory();
		const old = new Dexie('trendcast', { indexedDB: idb, IDBKeyRange });
		old.version(1).stores({
			datasets: 'id, name, createdAt',
			datasetBlobs: 'id',
			settings: 'key',
			models: 'id, datasetId, kind',
			modelWeights: 'id',
		});
		await old.table('datasets').put({ id: 'd1', name: 'old', createdAt: 1 });
		old.close();
		const db = openTrendcastDb({ indexedDB: idb, IDBKeyRange });
		expect((await db.datasets.get('d1'))?.name).toBe('old');
		await db.stock.put({ productId: 'A', onHand: 1 });
		expect(await db.stock.count()).toBe(1);
		expect(db.verno).toBeGreaterThanOrEqual(3);
		db.close();
	});
});
