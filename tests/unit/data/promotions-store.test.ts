// Promotions through the data worker and the forecast worker (issue #11): a promotions CSV (en and
// zh headers) is read by the promotions schema, stored in Dexie (version 9; since version 10 for one
// dataset or, said so, every dataset), listed, moved between datasets and removed; each
// product gets its own and its category's promotions; the forecast worker fits a planted weekly
// series on its baseline, reports each past promotion's uplift with an interval that covers the
// planted one, and lifts the forecast in a future promotion week.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTrendcastDb } from '../../../src/lib/db/db';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import type { SeriesBatch } from '../../../src/core/types';
import { api as forecastApi } from '../../../workers/forecast-api';
import { makeService, toInput } from './harness';

type Service = Awaited<ReturnType<typeof makeService>>['service'];
let service: Service;
let shop: DatasetMeta;

const DAY = 86_400_000;
const MON = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
	({ service } = await makeService());
	const lines = ['Date,SKU,Category,Qty'];
	for (let d = 0; d < 14; d++) {
		lines.push(`${iso(MON + d * DAY)},HAT-1,Hats,${2 + (d % 3)}`);
		lines.push(`${iso(MON + d * DAY)},BAG-1,Bags,${1 + (d % 2)}`);
	}
	const p = await service.previewFile(toInput('shop.csv', lines.join('\n') + '\n'));
	shop = await service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: 'ymd',
		datasetName: 'shop',
	});
}, 120_000);

describe('promotions in the data worker', () => {
	it('imports, lists and removes a promotions file; products get their own and their category’s', async () => {
		const csv = [
			'商品编号,类目,开始日期,结束日期,折扣',
			'HAT-1,,2024-01-02,2024-01-05,20%',
			',Bags,2024-01-08,2024-01-09,0.3',
			',,2024-01-08,2024-01-09,10',
			'BAG-1,,2024-01-10,2024-01-03,10',
		].join('\n');
		const res = await service.importPromotions(toInput('promos.csv', csv + '\n'), shop.id);
		expect(res.promotions).toBe(2);
		expect(res.issues.map((i) => [i.code, i.row])).toEqual([
			['promotions-no-target', 3],
			['promotions-end-before-start', 4],
		]);
		expect(
			(await service.listPromotions()).map((s) => [s.fileName, s.promotions, s.datasetId]),
		).toEqual([['promos.csv', 2, shop.id]]);
		const by = await service.promotionsFor(shop.id, ['HAT-1', 'BAG-1', 'NONE']);
		expect(Object.keys(by).sort()).toEqual(['BAG-1', 'HAT-1']);
		expect(by['HAT-1'].map((p) => p.discount)).toEqual([0.2]);
		expect(by['BAG-1'][0]).toMatchObject({ category: 'Bags', product: null, discount: 0.3 });
		await service.deletePromotions(res.id);
		expect(await service.listPromotions()).toEqual([]);
		expect(await service.promotionsFor(shop.id, ['HAT-1'])).toEqual({});
	});
});

describe('a category promotion (issue #11 audit)', () => {
	it('applies to the categories the Forecast screen shows: read from descriptions (LANTERN), any case or plural', async () => {
		// no category column (as the demo): the levels' categories are the descriptions' last words
		const lines = ['Date,SKU,Description,Qty'];
		for (let d = 0; d < 14; d++) {
			lines.push(`${iso(MON + d * DAY)},LAMP-9,RED PAPER LANTERN,${1 + (d % 2)}`);
			lines.push(`${iso(MON + d * DAY)},CAP-9,WOOL HAT,${2 + (d % 3)}`);
		}
		const p = await service.previewFile(toInput('described.csv', lines.join('\n') + '\n'));
		expect(p.mapping.category).toBeUndefined();
		const described = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: 'ymd',
			datasetName: 'described',
		});
		const csv = ['category,start,end,discount', 'Lanterns,2024-01-08,2024-01-09,30%'].join('\n');
		const res = await service.importPromotions(toInput('lanterns.csv', csv + '\n'), described.id);
		const by = await service.promotionsFor(described.id, ['LAMP-9', 'CAP-9']);
		expect(Object.keys(by)).toEqual(['LAMP-9']);
		expect(by['LAMP-9'][0]).toMatchObject({ category: 'Lanterns', discount: 0.3 });
		await service.deletePromotions(res.id);
		// a mapped category column, written in another case in the promotions file
		const lower = ['category,start,end,discount', ' hats ,2024-01-08,2024-01-09,10%'].join('\n');
		const res2 = await service.importPromotions(toInput('hats.csv', lower + '\n'), null);
		expect(Object.keys(await service.promotionsFor(shop.id, ['HAT-1', 'BAG-1']))).toEqual([
			'HAT-1',
		]);
		await service.deletePromotions(res2.id);
	});
});

describe('a promotions file belongs to a dataset (levels audit)', () => {
	it('forecasting dataset B never uses A’s file; a file for every dataset reaches both; deleting A drops its files', async () => {
		// dataset B sells the same product codes as the shop (A)
		const lines = ['Date,SKU,Category,Qty'];
		for (let d = 0; d < 14; d++) lines.push(`${iso(MON + d * DAY)},HAT-1,Hats,${3 + (d % 2)}`);
		const p = await service.previewFile(toInput('other.csv', lines.join('\n') + '\n'));
		const other = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: 'ymd',
			datasetName: 'other',
		});
		const csv = ['product,start,end,discount', 'HAT-1,2024-01-02,2024-01-05,20%'].join('\n');
		const forA = await service.importPromotions(toInput('a.csv', csv + '\n'), shop.id);
		expect(forA.datasetId).toBe(shop.id);
		expect(Object.keys(await service.promotionsFor(shop.id, ['HAT-1']))).toEqual(['HAT-1']);
		expect(await service.promotionsFor(other.id, ['HAT-1'])).toEqual({});
		// the person says the file applies to every dataset: B gets it too
		await service.setPromotionScope(forA.id, null);
		expect((await service.listPromotions()).find((s) => s.id === forA.id)?.datasetId).toBeNull();
		expect((await service.promotionsFor(other.id, ['HAT-1']))['HAT-1']).toHaveLength(1);
		// moved to B: A no longer gets it
		await service.setPromotionScope(forA.id, other.id);
		expect(await service.promotionsFor(shop.id, ['HAT-1'])).toEqual({});
		expect((await service.promotionsFor(other.id, ['HAT-1']))['HAT-1']).toHaveLength(1);
		// a file for every dataset stays when B is deleted; B's own file goes with it
		const all = await service.importPromotions(toInput('all.csv', csv + '\n'), null);
		await service.deleteDataset(other.id);
		expect((await service.listPromotions()).map((s) => s.id)).toEqual([all.id]);
		expect((await service.promotionsFor(shop.id, ['HAT-1']))['HAT-1']).toHaveLength(1);
		await service.deletePromotions(all.id);
	});
});

describe('Dexie version 10', () => {
	it('migrates version-9 promotions files: to the only dataset, else to every dataset', async () => {
		for (const [datasets, expected] of [
			[['d1'], 'd1'],
			[['d1', 'd2'], null],
		] as const) {
			const idb = new IDBFactory();
			const old = new Dexie('trendcast', { indexedDB: idb, IDBKeyRange });
			old.version(9).stores({
				datasets: 'id, name, createdAt',
				promotionSets: 'id, importedAt',
			});
			for (const id of datasets) await old.table('datasets').put({ id, name: id, createdAt: 1 });
			await old
				.table('promotionSets')
				.put({ id: 'p1', fileName: 'p.csv', importedAt: 1, promotions: 0, records: [] });
			old.close();
			const db = openTrendcastDb({ indexedDB: idb, IDBKeyRange });
			const row = await db.promotionSets.get('p1');
			expect(db.verno).toBe(12);
			expect(row?.fileName).toBe('p.csv');
			expect(row?.datasetId).toBe(expected);
			db.close();
		}
	});
});

describe('promotions in the forecast worker', () => {
	it('reports a planted uplift with its interval, and a future promotion lifts the forecast', async () => {
		const n = 70;
		const h = 6;
		const ds = Float64Array.from({ length: n }, (_, k) => MON + 7 * k * DAY);
		let s = 7;
		const noise = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 8;
		const promoWeeks = [12, 30, 47, 60];
		const y = Float64Array.from(
			{ length: n },
			(_, t) => 60 + noise() + (promoWeeks.includes(t) ? 50 : 0),
		);
		const batch: SeriesBatch = { ids: ['HAT-1'], indptr: Int32Array.from([0, n]), ds, y };
		const week = (k: number) => ({ start: MON + 7 * k * DAY, end: MON + (7 * k + 6) * DAY });
		const promos = [...promoWeeks, n + 2].map((k, i) => ({
			row: i + 2,
			product: 'HAT-1',
			category: null,
			discount: 0.25,
			...week(k),
		}));
		const opts = { horizon: h, season: 52, levels: [0.8, 0.95] };
		const [plain] = await forecastApi.forecastBatch(batch, opts, 'p0');
		const [r] = await forecastApi.forecastBatch(
			{ ...batch, y: y.slice() },
			{ ...opts, promotions: { freq: 'week', bySeries: { 'HAT-1': promos } } },
			'p1',
		);
		expect(r.promotions).toHaveLength(4);
		for (const u of r.promotions!) {
			expect(u.lo).toBeLessThan(50);
			expect(u.hi).toBeGreaterThan(50);
			expect(u.relative).toBeGreaterThan(0.4);
		}
		// the promo week ahead (step 3) is lifted by about 50; the others stay at the baseline
		expect(r.point[2] - r.point[1]).toBeGreaterThan(30);
		expect(Math.abs(r.point[0] - 60)).toBeLessThan(8);
		// without promotions the spikes inflate nothing less: the plain forecast has no promo week
		expect(Math.abs(plain.point[2] - plain.point[1])).toBeLessThan(15);
		expect(plain.promotions).toBeUndefined();
	});
});
