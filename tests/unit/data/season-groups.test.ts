// A product forecast on its own borrows its yearly peak from its category, then the shop total
// (issue #11), read from the whole dataset by the data worker (SeriesBatch.groups), also when it was
// launched late in a long history: real DuckDB, the real series port, the forecast worker's API.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOP_TOTAL } from '../../../src/core/forecast/batch';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { api as forecastApi } from '../../../workers/forecast-api';
import { linkedService, type Service } from './forecast-link';
import { shopCsv } from '../../fixtures/shop-season/shop';

let service: Service;
let meta: DatasetMeta;
let unlink = (): void => {};

beforeAll(async () => {
	({ service, meta, unlink } = await linkedService('shop', shopCsv()));
}, 120_000);

afterAll(() => unlink());

describe('season groups of a product read alone', () => {
	it('come with the product: its category’s and the shop’s sales over the whole dataset', async () => {
		const b = await service.querySeries(meta.id, {
			productIds: ['COAT-NEW'],
			freq: 'week',
			measure: 'units',
			withCategory: true,
		});
		expect(b.categories).toEqual(['Coats']);
		const g = b.groups!;
		expect(g.ids).toEqual(['Coats', SHOP_TOTAL]);
		const n = b.indptr[1];
		expect(g.indptr[1]).toBe(n);
		expect(Array.from(g.ds.subarray(0, n))).toEqual(Array.from(b.ds));
		const total = await service.querySeries(meta.id, {
			productIds: null,
			freq: 'week',
			measure: 'units',
		});
		expect(Array.from(g.y.subarray(n, 2 * n))).toEqual(Array.from(total.y));
		const coats = await service.querySeries(meta.id, {
			productIds: ['COAT-A', 'COAT-B', 'COAT-NEW'],
			freq: 'week',
			measure: 'units',
		});
		for (let t = 0; t < n; t++)
			expect(g.y[t]).toBe(coats.y[t] + coats.y[n + t] + coats.y[2 * n + t]);
		// not asked for: none
		const plain = await service.querySeries(meta.id, {
			productIds: ['COAT-NEW'],
			freq: 'week',
			measure: 'units',
		});
		expect(plain.groups).toBeUndefined();
	});

	it('let the forecast worker borrow the category’s peak for a late launch, and say so', async () => {
		const res = await forecastApi.forecastSeries(
			{
				datasetId: meta.id,
				productIds: ['COAT-NEW'],
				freq: 'week',
				measure: 'units',
				withCategory: true,
			},
			{ horizon: 12, models: ['theta', 'theta~season'] },
			'job-season-groups',
		);
		const [r] = res.results;
		const codes = r.notes.map((x) => x.code);
		expect(codes).toContain('engine_note_launch');
		expect(r.notes).toContainEqual({
			code: 'engine_note_peak_source_category',
			params: { group: 'Coats' },
		});
		// the horizon runs into the coats' November peak: the forecast rises towards it
		expect(r.point[11]).toBeGreaterThan(r.point[0] * 1.15);
	});
});
