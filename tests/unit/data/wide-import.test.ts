// Wide layouts end to end in Node (real DuckDB-WASM + fake-indexeddb), #9 item 10: a slice of the real
// VISUELLE train.csv (columns 0…11 = weeks after release_date) is unpivoted into one row per product
// and week and forecast-ready; calendar columns (2024-01 …) too; weeks with no release date are refused.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/ingest/csv';
import { issueText, makeService, ROOT, toInput } from './harness';

const DAY = 86_400_000;
const SLICE = readFileSync(`${ROOT}/tests/fixtures/visuelle-slice.csv`, 'utf8');

let ctx: Awaited<ReturnType<typeof makeService>>;
beforeAll(async () => {
	ctx = await makeService();
}, 60_000);

describe('wide layouts', () => {
	it('unpivots VISUELLE weeks 0…11 from each product’s release date', async () => {
		const table = parseCsv(SLICE);
		const header = table[0];
		const products = table.slice(1);
		const p = await ctx.service.previewFile(toInput('train.csv', SLICE));
		expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const info = p.issues.find((i) => i.code === 'wide-unpivoted');
		expect(issueText(info)).toContain('one column per week after release (0 … 11, 12 columns)');
		expect(issueText(info)).toContain('“release_date”');
		expect(p.mapping.date).toBe('Period start');
		expect(p.mapping.quantity).toBe('Units');
		expect(p.mapping.product).toBe('external_code');
		expect(p.rowCount).toBe(products.length * 12);
		const meta = await ctx.service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: 'visuelle',
		});
		expect(meta.productCount).toBe(products.length);
		// VISUELLE has a negative week (a return): it is kept apart as a return, like any other.
		const cells = products.flatMap((r) => r.slice(0, 12).map(Number));
		expect(meta.report.returnRows).toBe(cells.filter((v) => v < 0).length);
		expect(meta.report.rowsImported).toBe(cells.filter((v) => v >= 0).length);
		// Product 1 (released Thursday 2016-12-01): week k's value on release + 7k days.
		const first = products[0];
		const code = first[header.indexOf('external_code')];
		const release = Date.parse(`${first[header.indexOf('release_date')]}T00:00:00Z`);
		const s = await ctx.service.querySeries(meta.id, {
			productIds: [code],
			freq: 'day',
			measure: 'units',
		});
		for (let k = 0; k < 12; k++) {
			const i = Array.from(s.ds).indexOf(release + k * 7 * DAY);
			expect(i, `week ${k}`).toBeGreaterThanOrEqual(0);
			expect(s.y[i]).toBeCloseTo(Number(first[k]), 12);
		}
		const total = Array.from(s.y).reduce((a, b) => a + b, 0);
		expect(total).toBeCloseTo(
			first.slice(0, 12).reduce((a, v) => a + Number(v), 0),
			12,
		);
	}, 60_000);

	it('unpivots calendar month columns and refuses weeks with no release date', async () => {
		const csv = 'sku,name,2024-01,2024-02,2024-03,2024-04\nA,Tee,3,0,5,2\nB,Cap,,1,1,4\n';
		const p = await ctx.service.previewFile(toInput('monthly.csv', csv));
		expect(p.mapping).toMatchObject({ date: 'Period start', quantity: 'Units', product: 'sku' });
		const meta = await ctx.service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: 'monthly',
		});
		const s = await ctx.service.querySeries(meta.id, {
			productIds: ['A', 'B'],
			freq: 'month',
			measure: 'units',
		});
		expect(Array.from(s.y)).toEqual([3, 0, 5, 2, 0, 1, 1, 4]);
		expect(new Date(s.ds[0]).toISOString().slice(0, 7)).toBe('2024-01');

		const noDate = 'sku,0,1,2,3,4\nA,1,2,3,4,5\n';
		const q = await ctx.service.previewFile(toInput('weeks.csv', noDate));
		const err = q.issues.find((i) => i.severity === 'error');
		expect(err?.code).toBe('wide-no-anchor');
		expect(issueText(err)).toContain('no release date column');
		expect(q.columns).toEqual([]);
	}, 60_000);
});
