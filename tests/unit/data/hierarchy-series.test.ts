// The data worker's hierarchy cells (Forecast screen's category / store / total levels) on real
// DuckDB: one series per category × store, the small ones pooled into "other", the cells summing to
// the total series; categories from the descriptions' last word when there is no category column.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { OTHER_GROUP } from '../../../workers/data/hierarchy';
import { makeService, toInput } from './harness';

type Service = Awaited<ReturnType<typeof makeService>>['service'];
let service: Service;
let shop: DatasetMeta;
let described: DatasetMeta;

const CATS = ['Scarves', 'Bags', 'Hats', 'Belts'];
const STORES = ['Online', 'Shop', 'Market'];

function shopCsv(): string {
	const lines = ['Date,SKU,Name,Category,Channel,Qty,Price'];
	let k = 0;
	for (let d = 1; d <= 28; d++)
		for (let c = 0; c < CATS.length; c++)
			for (let s = 0; s < STORES.length; s++) {
				k++;
				const day = `2024-02-${String(d).padStart(2, '0')}`;
				lines.push(
					`${day},SKU-${c}${s},Item,${CATS[c]},${STORES[s]},${(c + 1) * (s + 1) + (k % 3)},2`,
				);
			}
	return lines.join('\n') + '\n';
}

beforeAll(async () => {
	({ service } = await makeService());
	const p = await service.previewFile(toInput('shop.csv', shopCsv()));
	shop = await service.commitImport(p.importId, {
		mapping: { ...p.mapping, store: 'Channel' },
		dateOrder: 'ymd',
		datasetName: 'shop',
	});
	const csv = [
		'Date,SKU,Description,Qty',
		'2024-01-01,A,WHITE T-LIGHT HOLDER,3',
		'2024-01-02,B,GLASS JAR,2',
		'2024-01-09,C,RED HOLDERS,4',
		'2024-01-10,D,Frosted glass,1',
	].join('\n');
	const q = await service.previewFile(toInput('d.csv', csv + '\n'));
	described = await service.commitImport(q.importId, {
		mapping: q.mapping,
		dateOrder: 'ymd',
		datasetName: 'described',
	});
}, 120_000);

describe('hierarchySeries', () => {
	it('gives one series per category × store, the rest pooled, summing to the total', async () => {
		const h = await service.hierarchySeries(shop.id, {
			freq: 'week',
			measure: 'units',
			maxCategories: 3,
			maxStores: 2,
		});
		expect(h.categorySource).toBe('column');
		expect(h.hasStore).toBe(true);
		expect(h.otherCategories).toBe(1);
		expect(h.otherStores).toBe(1);
		const cats = new Set(h.cells.map((c) => c.category));
		expect(cats).toEqual(new Set(['Belts', 'Hats', 'Bags', OTHER_GROUP]));
		expect(new Set(h.cells.map((c) => c.store))).toEqual(new Set(['Market', 'Shop', OTHER_GROUP]));
		expect(h.cells).toHaveLength(12);
		const total = await service.querySeries(shop.id, {
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		const n = total.ds.length;
		expect(h.batch.indptr[1]).toBe(n);
		for (let t = 0; t < n; t++) {
			let s = 0;
			for (let i = 0; i < h.cells.length; i++) s += h.batch.y[i * n + t];
			expect(s).toBe(total.y[t]);
		}
		expect(h.batch.edges).toEqual(total.edges);
	});

	it('with products: the biggest products get their own cells, the rest of each cell is pooled', async () => {
		const h = await service.hierarchySeries(shop.id, {
			freq: 'week',
			measure: 'units',
			maxCategories: 3,
			maxStores: 2,
			products: 4,
		});
		const kept = [...new Set(h.cells.map((c) => c.product).filter((p) => p !== OTHER_GROUP))];
		// SKU-cs sells (c + 1)(s + 1) (+ 0–2) a day: SKU-32, SKU-22, SKU-31, then SKU-21 (6 + its extras
		// beat SKU-12's)
		expect(kept.sort()).toEqual(['SKU-21', 'SKU-22', 'SKU-31', 'SKU-32']);
		// every product sits in one category and one store; pools are per category × store
		for (const p of kept) expect(h.cells.filter((c) => c.product === p)).toHaveLength(1);
		const pools = h.cells.filter((c) => c.product === OTHER_GROUP);
		expect(new Set(pools.map((c) => `${c.category}|${c.store}`)).size).toBe(pools.length);
		expect(h.productNames?.['SKU-32']).toBe('Item');
		// the 8 other SKUs were pooled by the read: it says how many (the Forecast screen's "the other N")
		expect(h.otherProducts).toBe(8);
		const plain = await service.hierarchySeries(shop.id, {
			freq: 'week',
			measure: 'units',
			maxCategories: 3,
			maxStores: 2,
		});
		const n = h.batch.indptr[1];
		// the same sums per category × store as without products, and the same total
		const byCell = (d: typeof h): Map<string, number> => {
			const m = new Map<string, number>();
			d.cells.forEach((c, i) => {
				const k = `${c.category}|${c.store}`;
				m.set(k, (m.get(k) ?? 0) + d.batch.y.subarray(i * n, i * n + n).reduce((a, b) => a + b, 0));
			});
			return m;
		};
		expect(byCell(h)).toEqual(byCell(plain));
	});

	it('takes categories from the descriptions’ last word when no category column is mapped', async () => {
		const h = await service.hierarchySeries(described.id, { freq: 'week', measure: 'units' });
		expect(h.categorySource).toBe('description');
		expect(h.hasStore).toBe(false);
		expect(h.cells.map((c) => [c.category, c.store]).sort()).toEqual([
			['GLASS', null],
			['HOLDER', null],
			['JAR', null],
		]);
		const n = h.batch.indptr[1];
		const holder = h.cells.findIndex((c) => c.category === 'HOLDER');
		expect(Array.from(h.batch.y.subarray(holder * n, holder * n + n)).reduce((a, b) => a + b)).toBe(
			7,
		);
	});

	it('takes a Chinese title’s garment word as its category, not its last word (walk16)', async () => {
		// Taobao titles end in a style number: the last word made one "category" per product
		const csv = [
			'订单创建时间,商家编码,宝贝标题,购买数量',
			'2015-11-01,HZ026,2015冬季新款 加厚羽绒服女 中长款 款026,3',
			'2015-11-02,HZ034,2015冬季新款 加厚羽绒服女 中长款 款034,2',
			'2015-11-09,HZ063,2015冬季新款 毛呢大衣女 双面呢 款063,4',
			'2015-11-10,HZ052,法式碎花连衣裙 吊带,1',
			'2015-11-10,HZ900,围巾 礼盒 款900,1',
		].join('\n');
		const q = await service.previewFile(toInput('taobao.csv', csv + '\n'));
		const taobao = await service.commitImport(q.importId, {
			mapping: { ...q.mapping, product: '商家编码', description: '宝贝标题' },
			dateOrder: 'ymd',
			datasetName: 'taobao',
		});
		const h = await service.hierarchySeries(taobao.id, { freq: 'week', measure: 'units' });
		expect(h.cells.map((c) => c.category).sort()).toEqual(['围巾', '大衣', '羽绒服', '连衣裙']);
		const n = h.batch.indptr[1];
		const down = h.cells.findIndex((c) => c.category === '羽绒服');
		expect(Array.from(h.batch.y.subarray(down * n, down * n + n)).reduce((a, b) => a + b)).toBe(5);
	});
});

describe('querySeries withCategory (a short product borrows its category’s season)', () => {
	it('gives each product its category: the mapped column, else the description’s last word', async () => {
		const b = await service.querySeries(shop.id, {
			productIds: ['SKU-10', 'SKU-21', 'nope'],
			freq: 'week',
			measure: 'units',
			withCategory: true,
		});
		expect(b.categories).toEqual(['Bags', 'Hats', '']);
		const d = await service.querySeries(described.id, {
			productIds: ['A', 'C', 'B'],
			freq: 'week',
			measure: 'units',
			withCategory: true,
		});
		expect(d.categories).toEqual(['HOLDER', 'HOLDER', 'JAR']);
		// not asked for: none
		const plain = await service.querySeries(shop.id, {
			productIds: ['SKU-10'],
			freq: 'week',
			measure: 'units',
		});
		expect(plain.categories).toBeUndefined();
	});
});
