// The data worker's product search (the Forecast picker: all products, LIMIT + search text) and its
// category / store views (Explore), on real DuckDB over a small shop file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { containsPattern } from '../../../workers/data/products';
import { makeService, toInput } from './harness';

type Service = Awaited<ReturnType<typeof makeService>>['service'];
let service: Service;
let shop: DatasetMeta;
let plain: DatasetMeta;

/** 260 products (more than the old picker's 200), two categories, two channels. */
function shopCsv(): string {
	const lines = ['Date,SKU,Name,Category,Channel,Qty,Price'];
	for (let i = 1; i <= 260; i++) {
		const sku = `SKU-${String(i).padStart(3, '0')}`;
		const name = i === 257 ? 'Rare 100% silk_scarf' : `Item ${i}`;
		const cat = i % 2 ? 'Scarves' : 'Bags';
		// best sellers first: SKU-001 sells most
		lines.push(
			`2024-01-0${1 + (i % 7)},${sku},${name},${cat},${i % 3 ? 'Online' : 'Shop'},${300 - i},2.5`,
		);
	}
	lines.push('2024-01-09,SKU-999,No category,,Online,1,1');
	return lines.join('\n') + '\n';
}

beforeAll(async () => {
	({ service } = await makeService());
	const p = await service.previewFile(toInput('shop.csv', shopCsv()));
	expect(p.mapping.category).toBe('Category');
	const mapping = { ...p.mapping, store: 'Channel' };
	shop = await service.commitImport(p.importId, { mapping, dateOrder: 'ymd', datasetName: 'shop' });
	const q = await service.previewFile(toInput('plain.csv', 'Date,SKU,Qty\n2024-01-01,A,1\n'));
	plain = await service.commitImport(q.importId, {
		mapping: q.mapping,
		dateOrder: 'ymd',
		datasetName: 'plain',
	});
}, 120_000);

describe('searchProducts', () => {
	it('finds a product beyond the top 200 by code or by words of its name, with the match count', async () => {
		const byCode = await service.searchProducts(shop.id, 'sku-257', 20);
		expect(byCode.products.map((p) => p.productId)).toEqual(['SKU-257']);
		expect(byCode.total).toBe(1);
		const byName = await service.searchProducts(shop.id, 'SILK', 20);
		expect(byName.products.map((p) => [p.productId, p.description])).toEqual([
			['SKU-257', 'Rare 100% silk_scarf'],
		]);
	});

	it('takes % and _ literally, and limits the list while counting every match', async () => {
		expect((await service.searchProducts(shop.id, '100%', 20)).total).toBe(1);
		expect((await service.searchProducts(shop.id, 'k_s', 20)).total).toBe(1);
		expect((await service.searchProducts(shop.id, "o'neil", 20)).total).toBe(0);
		const all = await service.searchProducts(shop.id, '', 25);
		expect(all.products).toHaveLength(25);
		expect(all.total).toBe(261);
		expect(all.products[0].productId).toBe('SKU-001');
		expect(containsPattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
	});
});

describe('groupSummary and group series', () => {
	it('sums sales per category and per channel, blank ones as ""', async () => {
		const cats = await service.groupSummary(shop.id, 'category');
		expect(cats.mapped).toBe(true);
		expect(cats.groups.map((g) => [g.group, g.products])).toEqual([
			['Scarves', 130],
			['Bags', 130],
			['', 1],
		]);
		const stores = await service.groupSummary(shop.id, 'store');
		expect(stores.groups.map((g) => g.group).sort()).toEqual(['Online', 'Shop']);
		const units = stores.groups.reduce((s, g) => s + g.units, 0);
		const all = await service.searchProducts(shop.id, '', 500);
		expect(units).toBe(all.products.reduce((s, p) => s + p.units, 0));
	});

	it('says when the dataset has no such column', async () => {
		expect(await service.groupSummary(plain.id, 'category')).toEqual({ mapped: false, groups: [] });
	});

	it('queries the sales series of one category', async () => {
		const s = await service.querySeries(shop.id, {
			productIds: ['Bags'],
			groupBy: 'category',
			freq: 'month',
			measure: 'units',
		});
		const cats = await service.groupSummary(shop.id, 'category');
		expect(s.ids).toEqual(['Bags']);
		expect(Array.from(s.y).reduce((a, b) => a + b, 0)).toBe(cats.groups[1].units);
	});
});
