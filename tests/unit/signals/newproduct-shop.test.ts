// New products from the shop's own sales (issue 14): launches are found in the weekly sales (first sale
// inside the history, or the catalog's launch date), the similar past products come with why (shared
// attributes and title words, season, price), the shop's launch curve can carry the neighbours' level,
// and the market service learns from a sales history alone, with a title typed on the form.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import {
	explainSimilarity,
	forecastNewProduct,
	launchShape,
	type LaunchProduct,
} from '../../../src/core/newproduct/knn';
import { shopLaunches, type ShopProduct } from '../../../src/core/newproduct/shop';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { createSignalsService } from '../../../workers/data/signals-service';

const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2022, 0, 3); // a Monday
const N = 60;

/** A weekly batch on one grid of N weeks: each product's units from its first week on. */
function batchOf(rows: { id: string; from: number; units: (k: number) => number }[]) {
	const ids: string[] = [];
	const indptr = [0];
	const ds: number[] = [];
	const y: number[] = [];
	for (const r of rows) {
		ids.push(r.id);
		for (let w = 0; w < N; w++) {
			ds.push(T0 + w * WEEK);
			y.push(w < r.from ? 0 : r.units(w - r.from));
		}
		indptr.push(ds.length);
	}
	return { ids, indptr, ds, y };
}

const decay = (level: number) => (k: number) => Math.round(level * Math.max(0.2, 1 - k / 12));

describe('launches from the shop’s own sales', () => {
	it('finds launches by first sale or catalog date, with 12 whole weeks after', () => {
		const products: ShopProduct[] = [
			{ productId: 'OLD', description: 'Old tee', category: '', units: 100, revenue: 1000 },
			{ productId: 'NEW', description: 'Linen dress', category: 'dress', units: 50, revenue: 2500 },
			{ productId: 'LATE', description: 'Late coat', category: '', units: 5, revenue: 50 },
			{ productId: 'CAT', description: 'Wool coat', category: '', units: 20, revenue: 1600 },
		];
		const batch = batchOf([
			{ id: 'OLD', from: 0, units: () => 3 },
			{ id: 'NEW', from: 10, units: decay(20) },
			{ id: 'LATE', from: 52, units: () => 1 },
			// pre-orders a week before the catalog's launch date
			{ id: 'CAT', from: 19, units: decay(8) },
		]);
		const catalog = new Map([
			['CAT', { launch: T0 + 20 * WEEK + 2 * 86_400_000, attributes: { fabric: 'wool' } }],
		]);
		const got = shopLaunches(products, batch, 12, T0, catalog);
		expect(got.map((p) => p.id)).toEqual(['NEW', 'CAT']);
		const [nw, cat] = got;
		expect(nw.launch).toBe(T0 + 10 * WEEK);
		expect(nw.curve).toEqual(Array.from({ length: 12 }, (_v, k) => decay(20)(k)));
		expect(nw).toMatchObject({
			title: 'Linen dress',
			price: 50,
			attributes: { category: 'dress' },
		});
		expect(cat.launch).toBe(T0 + 20 * WEEK);
		expect(cat.curve![0]).toBe(decay(8)(1));
		expect(cat.attributes).toEqual({ fabric: 'wool' });
	});

	it('says why two products are similar, and spreads the neighbours’ level over the shop’s curve', () => {
		const a: LaunchProduct = {
			id: 'a',
			attributes: { category: 'dress', color: 'red' },
			terms: ['linen', 'dress', 'midi'],
			price: 40,
			launch: Date.UTC(2023, 5, 1),
		};
		const b: LaunchProduct = {
			id: 'b',
			attributes: { category: 'dress', color: 'blue' },
			terms: ['linen', 'dress', 'maxi'],
			price: 60,
			launch: Date.UTC(2022, 3, 1),
		};
		const w = explainSimilarity(a, b);
		expect(w.attributes).toEqual([['category', 'dress']]);
		expect(w.words).toEqual(['linen', 'dress']);
		expect(w.months).toBe(2);
		expect(w.priceRatio).toBeCloseTo(1.5, 10);
		// (3 + 2/3 + 2·(2/4) + (1 − ln 1.5)) / (4 + 1 + 2 + 1)
		expect(w.score).toBeCloseTo((3 + 2 / 3 + 1 + (1 - Math.log(1.5))) / 8, 10);

		const past: LaunchProduct[] = [
			{ id: 'p1', attributes: { category: 'dress' }, launch: 0, curve: [6, 3, 1] },
			{ id: 'p2', attributes: { category: 'coat' }, launch: 0, curve: [2, 4, 4] },
		];
		const shape = launchShape(past, 3)!;
		expect(shape.map((v) => Math.round(v * 100) / 100)).toEqual([0.4, 0.35, 0.25]);
		const f = forecastNewProduct({ id: 'n', attributes: { category: 'dress' }, launch: 0 }, past, {
			k: 1,
			horizon: 3,
			shape: 'shop',
		});
		expect(f.mean.map((v) => Math.round(v * 100) / 100)).toEqual([4, 3.5, 2.5]);
		expect(f.neighbours[0].why.attributes).toEqual([['category', 'dress']]);
	});

	it('the market service learns launches from a sales history and matches titles', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const s = createSignalsService({ db, engines: async () => nodeEngines() });
		expect(await s.newProductModel()).toBeNull();
		// 30 launches: linen dresses sell 40 a week at first, wool coats 4.
		const rows = Array.from({ length: 30 }, (_v, i) => ({
			id: `P${i}`,
			from: 2 + i,
			units: decay(i % 2 ? 40 : 4),
		}));
		const products: ShopProduct[] = rows.map((r, i) => ({
			productId: r.id,
			description: i % 2 ? `Linen summer dress ${i}` : `Wool winter coat ${i}`,
			category: '',
			units: 100,
			revenue: 3000,
		}));
		await s.setShopSales({ key: 'k1', products, batch: batchOf(rows), dataStart: T0 });
		const model = (await s.newProductModel())!;
		expect(model).toMatchObject({ products: 30, fromSales: 30, horizon: 12 });
		expect(model.backtest!.tested).toBeGreaterThan(0);
		const r = await s.forecastNewProduct({
			attributes: {},
			title: 'Linen dress with pockets',
			price: 30,
			launch: T0 + 50 * WEEK,
		});
		expect(r.neighbours[0].title).toMatch(/^Linen summer dress/);
		expect(r.neighbours[0].why.words).toEqual(expect.arrayContaining(['linen', 'dress']));
		expect(r.mean[0]).toBeGreaterThan(30);
		const coat = await s.forecastNewProduct({
			attributes: {},
			title: 'Wool coat',
			price: 30,
			launch: T0 + 50 * WEEK,
		});
		expect(coat.mean[0]).toBeLessThan(10);
		await s.setShopSales(null);
		expect(await s.newProductModel()).toBeNull();
	}, 60_000);
});
