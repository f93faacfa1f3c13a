// A product only weeks old, forecast on its own (the Product view), follows the shop's launch curve
// like it does in a batch (issue #11, launches): the data worker reads the whole dataset's launches
// with it (SeriesBatch.launches) and the forecast worker learns the curve from them. Real DuckDB, the
// real series port, the forecast worker's API.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { api as forecastApi } from '../../../workers/forecast-api';
import { linkedService, type Service } from './forecast-link';

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2023, 0, 2); // a Monday
const WEEKS = 60;
/** Earlier sneaker launches (week of release): each sells 200 in its first week, then decays. */
const RELEASES = [8, 12, 16, 20, 24, 28, 32];
/** Sales of a release `w` weeks after it: 200, 120, 80, 60, … towards 20 a week. */
const hype = (w: number): number => Math.round(20 + 180 * 0.6 ** w);

function shopCsv(): string {
	const lines = ['Date,SKU,Category,Qty'];
	for (let t = 0; t < WEEKS; t++) {
		const day = new Date(START + t * WEEK).toISOString().slice(0, 10);
		lines.push(`${day},SOCKS,Basics,${30 + (t % 3)}`);
		RELEASES.forEach((at, i) => {
			if (t >= at) lines.push(`${day},SNEAKER-${i},Sneakers,${hype(t - at)}`);
		});
		// released three weeks before the data ends: 200, 128, 85 so far
		if (t >= WEEKS - 3) lines.push(`${day},SNEAKER-NEW,Sneakers,${hype(t - (WEEKS - 3))}`);
	}
	return lines.join('\n') + '\n';
}

let service: Service;
let meta: DatasetMeta;
let unlink = (): void => {};

beforeAll(async () => {
	({ service, meta, unlink } = await linkedService('sneakers', shopCsv()));
}, 120_000);

afterAll(() => unlink());

describe('a young launch forecast alone', () => {
	it('is read with the dataset’s launches and their categories', async () => {
		const b = await service.querySeries(meta.id, {
			productIds: ['SNEAKER-NEW'],
			freq: 'week',
			measure: 'units',
			withCategory: true,
		});
		const l = b.launches!;
		// every product first sold ≥ 4 weeks into the data: the 7 releases and the new one, not the socks
		expect([...l.ids].sort()).toEqual(
			[...RELEASES.map((_, i) => `SNEAKER-${i}`), 'SNEAKER-NEW'].sort(),
		);
		expect(l.categories!.every((c) => c === 'Sneakers')).toBe(true);
		const n = b.indptr[1];
		const i0 = l.ids.indexOf('SNEAKER-0');
		const s0 = Array.from(l.y.subarray(l.indptr[i0], l.indptr[i0 + 1]));
		expect(s0.length).toBe(n);
		expect(s0.slice(0, RELEASES[0]).every((v) => v === 0)).toBe(true);
		expect(s0[RELEASES[0]]).toBe(hype(0));
		// not asked for categories: none
		const plain = await service.querySeries(meta.id, {
			productIds: ['SNEAKER-NEW'],
			freq: 'week',
			measure: 'units',
		});
		expect(plain.launches).toBeUndefined();
	});

	it('follows the category’s launch curve, with the note, as it would in the batch', async () => {
		const keys = {
			datasetId: meta.id,
			freq: 'week' as const,
			measure: 'units' as const,
			withCategory: true,
		};
		const alone = await forecastApi.forecastSeries(
			{ ...keys, productIds: ['SNEAKER-NEW'] },
			{ horizon: 8 },
			'job-launch-alone',
		);
		const [r] = alone.results;
		expect(r.model).toBe('launch');
		// learnt from the category's launches (the curve's first week counts the new one too, as a batch does)
		expect(r.notes).toContainEqual({
			code: 'engine_note_launch_curve_category',
			params: { n: RELEASES.length + 1, group: 'Sneakers' },
		});
		// the hype decays: the curve goes on falling from the third week's 85 towards ~20 a week
		expect(r.point[0]).toBeLessThan(hype(2));
		expect(r.point[7]).toBeLessThan(r.point[0]);
		expect(r.point[7]).toBeGreaterThan(10);
		// the same product in the whole shop's batch gets the same forecast
		const all = await forecastApi.forecastSeries(
			{
				...keys,
				productIds: ['SOCKS', ...RELEASES.map((_, i) => `SNEAKER-${i}`), 'SNEAKER-NEW'],
			},
			{ horizon: 8 },
			'job-launch-batch',
		);
		const inBatch = all.results.find((x) => x.seriesId === 'SNEAKER-NEW')!;
		expect(inBatch.model).toBe('launch');
		expect(Array.from(r.point)).toEqual(Array.from(inBatch.point));
	});
});
