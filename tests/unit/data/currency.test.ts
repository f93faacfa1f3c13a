// Currency per dataset, end to end in Node (real DuckDB-WASM + fake-indexeddb): read from a Shopify
// "Currency" column or from symbols in the price cells, else suggested from the country nearly all
// lines are from (a "Shipping Country" column), else the one chosen at import; the demo is in pounds; a changed currency is kept in the stored metadata.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/core/ingest/types';
import { DEMO_DATASET_ID } from '../../../workers/data/demo';
import { listStoredDatasets } from '../../../workers/data/listing';
import { setDatasetCurrency } from '../../../workers/data/currency';
import { demoHead, makeService, toInput } from './harness';

let ctx: Awaited<ReturnType<typeof makeService>>;
beforeAll(async () => {
	const gz = gzipSync(Buffer.from(demoHead(300)));
	ctx = await makeService(undefined, {
		fetchDemo: async () =>
			gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer,
	});
}, 60_000);

const commit = (p: ImportPreview, currency?: string) =>
	ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: p.fileName,
		...(currency ? { currency } : {}),
	});

describe('currency of a dataset', () => {
	it('reads the Shopify Currency column', async () => {
		const csv = [
			'Name,Created at,Lineitem sku,Lineitem quantity,Lineitem price,Currency',
			'#1001,2024-01-02 10:00:00 +0000,TEE,2,12.50,EUR',
			'#1002,2024-01-03 10:00:00 +0000,TEE,1,12.50,EUR',
			'#1003,2024-01-04 10:00:00 +0000,CAP,1,8.00,EUR',
		].join('\n');
		const p = await ctx.service.previewFile(toInput('orders_export.csv', csv));
		expect(p.currency).toMatchObject({ code: 'EUR', source: 'column', column: 'Currency' });
		// Not chosen at import: the file's currency is stored.
		expect((await commit(p)).currency).toBe('EUR');
	}, 60_000);

	it('reads £ in the price cells; with no sign the choice made at import is stored', async () => {
		const withSign = 'date,sku,qty,price\n2024-01-02,A,1,£3.50\n2024-01-03,A,2,£3.50\n';
		const p = await ctx.service.previewFile(toInput('till.csv', withSign));
		expect(p.currency).toMatchObject({ code: 'GBP', source: 'cells', column: 'price' });
		const plain = 'date,sku,qty,price\n2024-01-02,A,1,3.50\n2024-01-03,A,2,3.50\n';
		const q = await ctx.service.previewFile(toInput('plain.csv', plain));
		expect(q.currency).toBeUndefined();
		const meta = await commit(q, 'CNY');
		expect(meta.currency).toBe('CNY');
		// Editable later, kept in the stored metadata; nonsense codes are refused.
		await setDatasetCurrency(ctx.db, meta.id, 'JPY');
		expect((await ctx.db.datasets.get(meta.id))?.currency).toBe('JPY');
		await expect(setDatasetCurrency(ctx.db, meta.id, 'pounds')).rejects.toMatchObject({
			code: 'data_currency_invalid',
		});
	}, 60_000);

	it('suggests the currency of the country nearly all lines are from, and stores it', async () => {
		const us = [
			'Order Date,SKU,Qty,Price,Shipping Country',
			...Array.from(
				{ length: 18 },
				(_, i) => `2024-01-${String(i + 1).padStart(2, '0')},A,1,3.50,US`,
			),
			'2024-01-20,A,1,3.50,Canada',
			'2024-01-21,A,1,3.50,',
		].join('\n');
		const p = await ctx.service.previewFile(toInput('us-shop.csv', us));
		// 18 of 19 lines with a country are from the US (the blank one is not counted)
		expect(p.currency).toEqual({
			code: 'USD',
			source: 'country',
			column: 'Shipping Country',
			others: [],
			country: 'US',
		});
		expect((await commit(p)).currency).toBe('USD');
		// mixed countries: asked
		const mixed =
			'date,sku,qty,price,Country\n2024-01-02,A,1,3.50,US\n2024-01-03,A,1,3.50,Germany\n';
		expect((await ctx.service.previewFile(toInput('mixed.csv', mixed))).currency).toBeUndefined();
		// the demo's first lines (all United Kingdom): pounds, as the demo is stored
		const head = await ctx.service.previewFile(toInput('demo-head.csv', demoHead(300)));
		expect(head.currency).toMatchObject({ code: 'GBP', source: 'country', column: 'Country' });
	}, 60_000);

	it('suggests US dollars for StockX’s export, whose “Buyer Region” names US states (all of them counted, not only the top 5)', async () => {
		const states = ['California', 'New York', 'Oregon', 'Florida', 'Texas', 'Delaware', 'Ohio'];
		// 15 states, each under 10 % of the lines: the 5 most frequent alone (what a country column
		// is read by) would be under the 80 % majority
		const extra = ['Maine', 'Iowa', 'Utah', 'Idaho', 'Kansas', 'Nevada', 'Vermont', 'Alaska'];
		const csv = [
			'Order Date,Brand,Sneaker Name,Sale Price,Retail Price,Release Date,Shoe Size,Buyer Region',
			...[...states, ...states, ...extra].map(
				(r, i) =>
					`2018-0${1 + (i % 9)}-1${i % 10},Yeezy,Adidas-Yeezy-Boost-350-V2-Beluga,${300 + i}.0,220,2016-09-24,11.0,${r}`,
			),
		].join('\n');
		const p = await ctx.service.previewFile(toInput('stockx.csv', csv));
		expect(p.currency).toEqual({
			code: 'USD',
			source: 'region',
			column: 'Buyer Region',
			others: [],
			country: 'California',
		});
		expect((await commit(p)).currency).toBe('USD');
	}, 60_000);

	it('stores the UK demo in pounds, also a demo stored before currencies were kept', async () => {
		const demo = await ctx.service.loadDemo();
		expect(demo.currency).toBe('GBP');
		await ctx.db.datasets.update(DEMO_DATASET_ID, { currency: undefined });
		const listed = (await listStoredDatasets(ctx.db)).find((d) => d.id === DEMO_DATASET_ID);
		expect(listed?.currency).toBe('GBP');
	}, 60_000);
});
