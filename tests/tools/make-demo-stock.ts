/// <reference types="node" />
// Writes public/demo/stock.csv.gz (gzip: precached with the demo sales): an example stock and supply file for the demo sales (the 200 products
// with the most revenue), so the Plan screen can be tried without a stock export. Invented but
// plausible: on hand between 0 and ~7 weeks of recent sales (a quarter of the products low), some on
// order, three suppliers with different lead times, MOQ and pack sizes, cost about half the price.
// Deterministic (seeded).   npx tsx tests/tools/make-demo-stock.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeDataService } from '../../src/cli/node-data';
import { toCsv } from '../../src/core/ingest/csv';
import { mulberry32 } from '../../src/core/stats';
import { ROOT } from '../unit/data/harness';

const SUPPLIERS = [
	{ name: 'Harbour Gifts Ltd', lead: 14, sd: 3, packs: [6, 12, 24] },
	{ name: 'Northern Homeware', lead: 21, sd: 5, packs: [12, 24, 48] },
	{ name: '义乌小商品贸易', lead: 35, sd: 7, packs: [24, 48, 96] },
];

async function main() {
	const service = await nodeDataService();
	const b = readFileSync(join(ROOT, 'public/demo/online-retail.csv.gz'));
	const preview = await service.previewFile({
		name: 'online-retail.csv.gz',
		bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
	});
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName: 'demo',
	});
	const products = (await service.productSummary(meta.id))
		.filter((p) => /^\d{5}[A-Z]*$/.test(p.productId))
		.sort((a, b) => b.revenue - a.revenue)
		.slice(0, 200);
	const ids = products.map((p) => p.productId);
	const batch = await service.querySeries(meta.id, {
		productIds: ids,
		freq: 'week',
		measure: 'units',
	});
	const rand = mulberry32(20111209);
	const rows: (string | number)[][] = [];
	products.forEach((p, i) => {
		const y = batch.y.subarray(batch.indptr[i], batch.indptr[i + 1]);
		// the last 8 complete weeks (the last week of the export is partial)
		const recent = y.subarray(Math.max(0, y.length - 9), y.length - 1);
		const weekly = recent.reduce((a, v) => a + v, 0) / Math.max(1, recent.length);
		const sup = SUPPLIERS[i % 3];
		const pack = sup.packs[Math.floor(rand() * 3)];
		const low = rand() < 0.25;
		const weeks = low ? rand() * 1.5 : 1.5 + rand() * 5.5;
		const onHand = Math.round(weekly * weeks);
		const onOrder = rand() < 0.2 ? pack * Math.max(1, Math.round(weekly / pack)) : 0;
		const price = Math.round((p.revenue / Math.max(1, p.units)) * 100) / 100;
		const expected =
			onOrder > 0
				? new Date(meta.dateMax + Math.round(3 + rand() * 10) * 86_400_000)
						.toISOString()
						.slice(0, 10)
				: '';
		rows.push([
			p.productId,
			p.description,
			onHand,
			onOrder,
			expected,
			sup.lead,
			sup.sd,
			rand() < 0.3 ? pack * 2 : 0,
			pack,
			Math.round(price * (0.4 + rand() * 0.2) * 100) / 100,
			price,
			sup.name,
		]);
	});
	const csv = toCsv([
		[
			'sku',
			'description',
			'on_hand',
			'on_order',
			'expected_date',
			'lead_time_days',
			'lead_time_sd_days',
			'moq',
			'pack_size',
			'unit_cost',
			'price',
			'supplier',
		],
		...rows,
	]);
	writeFileSync(join(ROOT, 'public/demo/stock.csv.gz'), gzipSync(csv, { level: 9 }));
	console.log(`wrote ${rows.length} products`);
}

void main();
