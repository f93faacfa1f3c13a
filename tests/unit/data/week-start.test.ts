// A dataset's first day of the week in the data worker (real DuckDB in Node): a dataset imported with
// Sunday weeks (a US shop) gets Sunday buckets from querySeries and hierarchySeries (a Sunday sale in
// the week starting that Sunday, a Saturday one in the week before); set to Monday (as every dataset
// stored before: no weekStart) it is bucketed as before; changing it re-buckets the weeks, changes the
// dataset's version and drops the forecasts kept of the old weeks. The market signals (Monday-keyed)
// meet a Sunday week in the Monday after. One import: each data file pays a DuckDB start.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { signalWeekOf } from '../../../workers/data/fusion';
import { keepForecast, keptForecast } from '../../../workers/data/kept-forecasts';
import { makeService, toInput } from './harness';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const d = (s: string) => Date.parse(`${s}T00:00:00Z`);

// Sun 20 Aug … Sat 9 Sep 2017 (three whole Sunday weeks): 1 unit a day, and 100 on Sunday 27 Aug
// and 10 on Saturday 2 Sep (both in the week of Sun 27 Aug), 1000 on Saturday 26 Aug (the week before).
function csv(): string {
	const lines = ['date,sku,category,qty'];
	for (let t = d('2017-08-20'); t <= d('2017-09-09'); t += 86_400_000) {
		const day = iso(t);
		const extra =
			day === '2017-08-27' ? 100 : day === '2017-09-02' ? 10 : day === '2017-08-26' ? 1000 : 0;
		lines.push(`${day},TOTE,Bags,${1 + extra}`);
	}
	return lines.join('\n');
}

let ctx: Awaited<ReturnType<typeof makeService>>;
let sunday: DatasetMeta;
beforeAll(async () => {
	ctx = await makeService();
	const p = await ctx.service.previewFile(toInput('us-shop.csv', csv()));
	sunday = await ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: 'us-shop',
		currency: 'USD',
		weekStart: 0,
	});
}, 60_000);

const weekly = (id: string) =>
	ctx.service.querySeries(id, { productIds: ['TOTE'], freq: 'week', measure: 'units' });

describe('a dataset whose weeks start on Sunday', () => {
	it('keeps the week start it was imported with', () => {
		expect(sunday.weekStart).toBe(0);
	});

	it('buckets a Sunday sale into the week starting that Sunday, a Saturday one into the week before', async () => {
		const s = await weekly(sunday.id);
		expect(Array.from(s.ds, iso)).toEqual(['2017-08-20', '2017-08-27', '2017-09-03']);
		expect(Array.from(s.y)).toEqual([7 + 1000, 7 + 100 + 10, 7]);
		// Sunday to Saturday data: both edge weeks complete
		expect(s.edges).toMatchObject({ firstPartial: false, lastPartial: false, weekStart: 0 });
	});

	it('gives the levels (category / total) the same Sunday weeks', async () => {
		const h = await ctx.service.hierarchySeries(sunday.id, { freq: 'week', measure: 'units' });
		const n = h.batch.indptr[1];
		expect(Array.from(h.batch.ds.subarray(0, n), iso)).toEqual([
			'2017-08-20',
			'2017-08-27',
			'2017-09-03',
		]);
		const sum = new Array<number>(n).fill(0);
		h.cells.forEach((_, i) => {
			for (let t = 0; t < n; t++) sum[t] += h.batch.y[i * n + t];
		});
		expect(sum).toEqual([1007, 117, 7]);
	});

	it('re-buckets when the owner changes it, and drops the forecasts kept of the old weeks', async () => {
		const before = datasetVersion(sunday);
		expect(
			await keepForecast(ctx.db, sunday.id, 'single', before, { freq: 'week' }, { point: [1] }),
		).not.toBeNull();
		expect(await keptForecast(ctx.db, sunday.id, 'single', before)).not.toBeNull();
		// Monday is kept as absent: the dataset is then as every dataset stored before
		const monday = await ctx.service.setDatasetWeekStart(sunday.id, 1);
		expect('weekStart' in monday).toBe(false);
		expect(datasetVersion(monday)).not.toBe(before);
		expect(await ctx.db.keptForecasts.get([sunday.id, 'single'])).toBeUndefined();
		// a Monday dataset is bucketed as before: Monday weeks, edges without a week start, the old version
		const s = await weekly(sunday.id);
		expect(Array.from(s.ds, iso)).toEqual(['2017-08-14', '2017-08-21', '2017-08-28', '2017-09-04']);
		expect(Array.from(s.y)).toEqual([1, 7 + 1000 + 100, 7 + 10, 6]);
		expect(s.edges).toEqual({
			firstPartial: true,
			lastPartial: true,
			dateMin: sunday.dateMin,
			dateMax: sunday.dateMax,
		});
		expect(datasetVersion(monday)).toBe(
			`${monday.rowCount}:${monday.bytes}:${monday.dateMin}:${monday.dateMax}`,
		);
		// and back to Sunday
		const again = await ctx.service.setDatasetWeekStart(sunday.id, 0);
		expect(datasetVersion(again)).toBe(before);
		expect(Array.from((await weekly(sunday.id)).ds, iso)[0]).toBe('2017-08-20');
		await expect(
			ctx.service.setDatasetWeekStart(sunday.id, 7 as unknown as 0),
		).rejects.toMatchObject({ name: 'InvalidWeekStart' });
	});
});

describe('market signals against Sunday weeks', () => {
	it('meet a Sunday week in the Monday week after (where Google’s Sunday weeks are keyed)', () => {
		expect(iso(signalWeekOf(d('2017-08-27')))).toBe('2017-08-28');
		expect(iso(signalWeekOf(d('2017-08-28')))).toBe('2017-08-28');
	});
});
