// Whether the Forecast screen shows the single forecast kept from a visit before
// (src/views/Forecast/kept.ts): the screen's frequency, measure and calendar must be those that made it,
// and the product too unless none is picked yet; horizon and method are taken from it. The levels
// (category / store / total) fit at the same frequency and measure. Explore's "Forecast this" shows the
// kept forecast of its product (nothing runs) and runs only when none fits; "Make forecast" still runs.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
	calendarKey,
	forecastThis,
	keptLevelsFit,
	keptSingleFits,
	type SingleScreen,
} from '../../../src/views/Forecast/kept';
import {
	ForecastRun,
	type ForecastKeeper,
	type ForecastRequest,
} from '../../../src/state/forecast-run.svelte';
import type { HierarchyRequest } from '../../../src/state/hierarchy-run.svelte';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import type { SeriesForecast, SeriesForecastResponse } from '../../../workers/forecast-api';
import type { SeriesKeys } from '../../../workers/data/series-port';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { keepForecast, keptForecast } from '../../../workers/data/kept-forecasts';

const edits = { remove: [{ key: 'boxing_day' }] };
const kept: ForecastRequest = {
	datasetId: 'D',
	productIds: ['P1'],
	freq: 'week',
	measure: 'units',
	horizon: 20,
	models: 'quick',
	calendar: { country: 'GB', edits },
};
const screen: SingleScreen = {
	freq: 'week',
	measure: 'units',
	calendar: calendarKey('GB', { remove: [{ key: 'boxing_day' }] }),
	productId: null,
};

describe('the kept single forecast fits the screen', () => {
	it('fits with no product picked yet, or the same product; horizon and method do not matter', () => {
		expect(keptSingleFits(kept, screen)).toBe(true);
		expect(keptSingleFits(kept, { ...screen, productId: 'P1' })).toBe(true);
		expect(keptSingleFits({ ...kept, horizon: 3, models: 'auto' }, screen)).toBe(true);
		// "All products together" kept, none picked
		expect(keptSingleFits({ ...kept, productIds: null }, screen)).toBe(true);
		// the outliers left out by the owner's own choice: said on the result itself
		expect(keptSingleFits({ ...kept, cleanOutliers: true }, screen)).toBe(true);
	});

	it('does not fit another product, frequency, measure or calendar', () => {
		expect(keptSingleFits(kept, { ...screen, productId: 'P2' })).toBe(false);
		expect(keptSingleFits({ ...kept, productIds: null }, { ...screen, productId: 'P1' })).toBe(
			false,
		);
		expect(keptSingleFits(kept, { ...screen, freq: 'day' })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, measure: 'revenue' })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, calendar: calendarKey('CN', edits) })).toBe(false);
		expect(keptSingleFits(kept, { ...screen, calendar: calendarKey('GB', undefined) })).toBe(false);
		// made without the calendar, or a batch's request: not this screen's
		expect(keptSingleFits({ ...kept, calendar: undefined }, screen)).toBe(false);
		expect(keptSingleFits({ ...kept, productIds: ['P1', 'P2'] }, screen)).toBe(false);
	});
});

describe('the kept levels fit the screen', () => {
	const levels: HierarchyRequest = {
		datasetId: 'D',
		freq: 'week',
		measure: 'units',
		horizon: 12,
		models: 'auto',
	};
	it('fits the same frequency and measure, whatever the horizon and method', () => {
		expect(keptLevelsFit(levels, { freq: 'week', measure: 'units' })).toBe(true);
		expect(
			keptLevelsFit({ ...levels, horizon: 3, models: 'quick' }, { freq: 'week', measure: 'units' }),
		).toBe(true);
		expect(keptLevelsFit(levels, { freq: 'day', measure: 'units' })).toBe(false);
		expect(keptLevelsFit(levels, { freq: 'week', measure: 'revenue' })).toBe(false);
	});
});

describe('Explore’s "Forecast this" shows the kept forecast of its product', () => {
	const DAY = 86_400_000;
	/** A forecaster that answers at once with one short series per asked product, counting its jobs. */
	function forecaster() {
		let jobs = 0;
		const client = {
			async forecastSeries(keys: SeriesKeys): Promise<SeriesForecastResponse> {
				jobs++;
				const ids = (keys.productIds ?? ['__total__']).map((p) => `${keys.datasetId}:${p}`);
				const n = 4;
				return {
					results: ids.map(
						(seriesId) =>
							({ seriesId, model: 'naive', point: new Float64Array([1]) }) as SeriesForecast,
					),
					history: {
						ids,
						indptr: Int32Array.from(ids.map((_, i) => i * n).concat(ids.length * n)),
						ds: Float64Array.from({ length: n * ids.length }, (_, k) => (k % n) * 7 * DAY),
						y: new Float64Array(n * ids.length).fill(1),
					},
					leftOut: { droppedFirst: null, droppedLast: null, edges: undefined },
					future: new Float64Array([n * 7 * DAY]),
					season: 52,
					periods: n,
				} as SeriesForecastResponse;
			},
		};
		return { client, jobs: () => jobs };
	}
	async function keeperDb() {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const meta = { id: 'D', rowCount: 100, bytes: 50, dateMin: 1, dateMax: 2 } as DatasetMeta;
		await db.datasets.put(meta);
		const client = {
			keptForecast: (id: string, kind: 'single', v: string) => keptForecast(db, id, kind, v),
			keepForecast: (id: string, kind: 'single', v: string, r: unknown, x: unknown, at?: number) =>
				keepForecast(db, id, kind, v, r, x, at),
		} as unknown as ForecastKeeper['client'];
		return { db, version: datasetVersion(meta), keeper: { client, kind: 'single' } as const };
	}
	const made = (productId: string): ForecastRequest => ({ ...kept, productIds: [productId] });
	const tick = () => new Promise((r) => setTimeout(r, 0));

	it('a return visit: the kept forecast of the product is shown, nothing runs; "Make forecast" runs', async () => {
		const { db, version, keeper } = await keeperDb();
		const before = forecaster();
		const first = new ForecastRun(before.client, null, null, keeper);
		first.show('D', version);
		await first.run(made('P1'));
		// (4 periods: too short for its "one period earlier", which would run on return)
		for (let i = 0; i < 50 && (await db.keptForecasts.count()) === 0; i++) await tick();
		const savedAt = (await db.keptForecasts.get(['D', 'single']))!.savedAt;

		// a reload, then Explore's "Forecast this" on P1 with the screen's options
		const f = forecaster();
		const run = new ForecastRun(f.client, null, null, keeper);
		run.show('D', version);
		const start = () => void run.run({ ...made('P1'), horizon: 12, models: 'auto' });
		const how = await forecastThis(run, 'D', { ...screen, productId: 'P1' }, start);
		expect(how).toBe('kept');
		expect(f.jobs()).toBe(0);
		expect(run.status).toBe('done');
		expect(run.keptAt).toBe(savedAt);
		expect(run.request?.productIds).toEqual(['P1']);
		// asked again (Explore, then "Forecast this" once more): the one on screen stays
		expect(await forecastThis(run, 'D', { ...screen, productId: 'P1' }, start)).toBe('shown');
		expect(f.jobs()).toBe(0);
		// "Make forecast" (start) always runs it afresh
		start();
		await tick();
		expect(f.jobs()).toBeGreaterThan(0);
		expect(run.keptAt).toBeNull();
	});

	it('runs when the kept forecast is another product’s or made with other options', async () => {
		const { db, version, keeper } = await keeperDb();
		const first = new ForecastRun(forecaster().client, null, null, keeper);
		first.show('D', version);
		await first.run(made('P1'));
		for (let i = 0; i < 50 && (await db.keptForecasts.count()) === 0; i++) await tick();

		for (const [productId, other] of [
			['P2', {}],
			[null, {}],
			['P1', { freq: 'day' }],
			['P1', { measure: 'revenue' }],
			['P1', { calendar: calendarKey('CN', edits) }],
		] as const) {
			const f = forecaster();
			const run = new ForecastRun(f.client, null, null, keeper);
			run.show('D', version);
			let started = 0;
			const how = await forecastThis(run, 'D', { ...screen, ...other, productId }, () => {
				started++;
			});
			expect(how).toBe('run');
			expect(started).toBe(1);
			expect(run.keptAt).toBeNull();
			expect(run.results).toEqual([]);
		}
	});
});
