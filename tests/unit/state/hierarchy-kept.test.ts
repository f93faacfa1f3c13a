// The Forecast screen's levels (category / store / total: HierarchyRun) kept between visits in the v12
// table keptForecasts, kind 'levels' (workers/data/kept-forecasts.ts over fake-indexeddb): a finished
// result is kept with its request and the columns' info, without the backtest's own forecasts; a new
// visit shows it without running anything when the screen's options fit, only for the stored data it was
// made from; rows added in the visit take it off the screen; a fresh run replaces it; a dataset without
// levels, a cancelled run or a run without a keeper keeps nothing.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { openTrendcastDb } from '../../../src/lib/db/db';
import type { ForecastClient } from '../../../src/lib/workers/forecast-client';
import {
	HierarchyRun,
	type HierarchyKeeper,
	type HierarchyRequest,
	type KeptLevels,
} from '../../../src/state/hierarchy-run.svelte';
import { keptLevelsFit } from '../../../src/views/Forecast/kept';
import type { HierarchyAnswer, HierarchyResult } from '../../../workers/forecast-api';
import { keepForecast, keptForecast } from '../../../workers/data/kept-forecasts';

const tick = () => new Promise((r) => setTimeout(r, 0));
const waitFor = async (ok: () => Promise<boolean> | boolean) => {
	for (let i = 0; i < 200 && !(await ok()); i++) await tick();
};

/** A reconciled total of two categories (what the forecast worker answers, already without backtests). */
function answer(total: number): HierarchyAnswer {
	const arr = (v: number) => new Float64Array([v, v]);
	const band = (v: number) => [{ level: 0.8, lower: arr(v - 1), upper: arr(v + 1) }];
	const result = {
		nodes: [
			{ key: 'total', level: 'total', category: null, store: null, product: null },
			{ key: 'cat:A', level: 'category', category: 'A', store: null, product: null },
			{ key: 'cat:B', level: 'category', category: 'B', store: null, product: null },
		],
		history: [arr(10), arr(6), arr(4)],
		base: [0, 1, 2].map(() => ({ point: arr(1), intervals: band(1), model: 'ets' })),
		point: [arr(total), arr(total / 2), arr(total / 2)],
		intervals: [band(total), band(total / 2), band(total / 2)],
		method: 'bottom-up',
		choice: null,
		byMethod: {},
		calibrated: [false, false, false],
		ds: new Float64Array([0, 7]),
		droppedFirst: null,
		droppedLast: null,
		future: new Float64Array([14, 21]),
	} as unknown as HierarchyResult;
	return {
		info: { categorySource: 'column', hasStore: false } as HierarchyAnswer['info'],
		result,
	};
}

/** A forecast client whose hierarchy jobs finish only when the test says so. */
function fakeForecast() {
	const pending: { resolve: (a: HierarchyAnswer) => void }[] = [];
	const client = {
		forecastHierarchy(_keys: unknown, _opts: unknown, call: { signal?: AbortSignal }) {
			return new Promise<HierarchyAnswer>((resolve, reject) => {
				pending.push({ resolve });
				call.signal?.addEventListener('abort', () =>
					reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
				);
			});
		},
	} as unknown as Pick<ForecastClient, 'forecastHierarchy'>;
	return { client, pending };
}

/** The data worker's kept forecasts over fake-indexeddb, dataset D stored. */
async function keeperDb() {
	const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
	const meta = { id: 'D', rowCount: 100, bytes: 50, dateMin: 1, dateMax: 2 } as DatasetMeta;
	await db.datasets.put(meta);
	let keeps = 0;
	const keeper = {
		keptForecast: (id: string, kind: 'levels', v: string) => keptForecast(db, id, kind, v),
		keepForecast: (id: string, kind: 'levels', v: string, r: unknown, x: unknown, at?: number) => {
			keeps++;
			return keepForecast(db, id, kind, v, r, x, at);
		},
	} as unknown as HierarchyKeeper;
	return { db, meta, version: datasetVersion(meta), keeper, keeps: () => keeps };
}

const req: HierarchyRequest = {
	datasetId: 'D',
	freq: 'week',
	measure: 'units',
	horizon: 2,
	models: 'quick',
};
const weekUnits = (r: HierarchyRequest) => keptLevelsFit(r, { freq: 'week', measure: 'units' });

describe('the Forecast screen’s levels kept between visits (kind levels)', () => {
	it('a finished result is kept; a new visit shows it without running, only for its options and data', async () => {
		const { db, meta, version, keeper, keeps } = await keeperDb();
		const f = fakeForecast();
		const first = new HierarchyRun(f.client, keeper);
		first.show('D', version);
		const done = first.run(req);
		await tick();
		f.pending[0].resolve(answer(20));
		await done;
		expect(first.keptAt).toBeNull();
		await waitFor(() => keeps() === 1);
		const row = await db.keptForecasts.get(['D', 'levels']);
		expect(row?.request).toEqual(req);
		const kept = row?.result as KeptLevels;
		expect(kept.info.categorySource).toBe('column');
		expect(kept.result.point[0]).toEqual(new Float64Array([20, 20]));
		expect('backtests' in kept.result).toBe(false);

		// a reload: a new run over the same IndexedDB
		const g = fakeForecast();
		const again = new HierarchyRun(g.client, keeper);
		again.show('D', version);
		// the screen at another frequency or measure: not shown, looked for again once it fits
		expect(
			await again.restoreKept((r) => keptLevelsFit(r, { freq: 'month', measure: 'units' })),
		).toBe(false);
		expect(
			await again.restoreKept((r) => keptLevelsFit(r, { freq: 'week', measure: 'revenue' })),
		).toBe(false);
		expect(again.result).toBeNull();
		expect(again.status).toBe('idle');
		expect(await again.restoreKept(weekUnits)).toBe(true);
		expect(g.pending.length).toBe(0);
		expect(again.status).toBe('done');
		expect(again.keptAt).toBe(row!.savedAt);
		expect(again.request).toEqual(req);
		expect(again.info?.categorySource).toBe('column');
		const shown = again.resultFor('D');
		expect(shown?.point.map((p) => p[0])).toEqual([20, 10, 10]);
		expect(shown?.auto).toBe('bottom-up');
		expect(again.resultFor('E')).toBeNull();
		// asked again while it is on screen: nothing more happens
		expect(await again.restoreKept(weekUnits)).toBe(false);

		// "Make forecast": always runs, and what it makes replaces what is kept
		const fresh = again.run({ ...req, horizon: 4 });
		expect(again.keptAt).toBeNull();
		expect(again.status).toBe('running');
		await tick();
		expect(g.pending.length).toBe(1);
		g.pending[0].resolve(answer(30));
		await fresh;
		await waitFor(
			async () =>
				((await db.keptForecasts.get(['D', 'levels']))?.request as HierarchyRequest).horizon === 4,
		);
		expect(await db.keptForecasts.count()).toBe(1);

		// rows added to the dataset in this visit: a kept result leaves the screen
		const back = new HierarchyRun(fakeForecast().client, keeper);
		back.show('D', version);
		expect(await back.restoreKept(weekUnits)).toBe(true);
		expect(back.request?.horizon).toBe(4);
		back.show('D', `${version}+`);
		expect(back.result).toBeNull();
		expect(back.keptAt).toBeNull();
		expect(back.status).toBe('idle');

		// the stored data changed since it was made (next week's export): never shown, and dropped
		const next = { ...meta, rowCount: 130 };
		await db.datasets.put(next);
		const later = new HierarchyRun(fakeForecast().client, keeper);
		later.show('D', datasetVersion(next));
		expect(await later.restoreKept(() => true)).toBe(false);
		expect(later.result).toBeNull();
		expect(await db.keptForecasts.count()).toBe(0);
	});

	it('another dataset’s levels made since: the open one’s kept levels come back', async () => {
		const { version, keeper } = await keeperDb();
		const f = fakeForecast();
		const run = new HierarchyRun(f.client, keeper);
		run.show('D', version);
		const a = run.run(req);
		await tick();
		f.pending[0].resolve(answer(20));
		await a;
		await waitFor(async () => (await keeper.keptForecast('D', 'levels', version)) !== null);
		// dataset E opened: D's result is not E's (nothing kept for E); E's levels made
		run.show('E', 'e1');
		expect(run.resultFor('E')).toBeNull();
		expect(await run.restoreKept(() => true)).toBe(false);
		const e = run.run({ ...req, datasetId: 'E' });
		await tick();
		f.pending[1].resolve(answer(7));
		await e;
		expect(run.resultFor('D')).toBeNull();
		// D opened again in the same visit: its kept levels come back without a run
		run.show('D', version);
		expect(await run.restoreKept(weekUnits)).toBe(true);
		expect(f.pending.length).toBe(2);
		expect(run.resultFor('D')?.point[0][0]).toBe(20);
		expect(run.keptAt).not.toBeNull();
	});

	it('keeps the reconciliation the owner picked with the levels, and the day they were made', async () => {
		const { db, version, keeper } = await keeperDb();
		const f = fakeForecast();
		const run = new HierarchyRun(f.client, keeper);
		run.show('D', version);
		const a = run.run(req);
		await tick();
		const withMint = answer(20);
		const arr = (v: number) => new Float64Array([v, v]);
		const band = (v: number) => [{ level: 0.8, lower: arr(v - 1), upper: arr(v + 1) }];
		(withMint.result as unknown as { byMethod: unknown }).byMethod = {
			'bottom-up': { point: withMint.result!.point, intervals: withMint.result!.intervals },
			'mint-shrink': {
				point: [arr(24), arr(12), arr(12)],
				intervals: [band(24), band(12), band(12)],
			},
		};
		f.pending[0].resolve(withMint);
		await a;
		await waitFor(async () => (await db.keptForecasts.count()) === 1);
		const made = (await db.keptForecasts.get(['D', 'levels']))!.savedAt;
		run.setPick('mint-shrink');
		expect(run.resultFor('D')?.point[0][0]).toBe(24);
		await waitFor(
			async () =>
				((await db.keptForecasts.get(['D', 'levels']))?.result as KeptLevels).pick ===
				'mint-shrink',
		);
		expect((await db.keptForecasts.get(['D', 'levels']))!.savedAt).toBe(made);

		// a return visit: the picked method is on screen, made on the same day
		const again = new HierarchyRun(fakeForecast().client, keeper);
		again.show('D', version);
		expect(await again.restoreKept(weekUnits)).toBe(true);
		expect(again.pick).toBe('mint-shrink');
		expect(again.keptAt).toBe(made);
		const shown = again.resultFor('D');
		expect(shown?.method).toBe('mint-shrink');
		expect(shown?.auto).toBe('bottom-up');
		expect(shown?.point[0][0]).toBe(24);

		// back to the automatic choice: kept too
		again.setPick(null);
		await waitFor(
			async () =>
				((await db.keptForecasts.get(['D', 'levels']))?.result as KeptLevels).pick === null,
		);
		const third = new HierarchyRun(fakeForecast().client, keeper);
		third.show('D', version);
		expect(await third.restoreKept(weekUnits)).toBe(true);
		expect(third.pick).toBeNull();
		expect(third.resultFor('D')?.point[0][0]).toBe(20);
	});

	it('keeps nothing for a dataset without levels, a cancelled run, or a run without a keeper', async () => {
		const { db, version, keeper, keeps } = await keeperDb();
		const f = fakeForecast();
		const run = new HierarchyRun(f.client, keeper);
		run.show('D', version);
		const none = run.run(req);
		await tick();
		f.pending[0].resolve({ info: answer(1).info, result: null });
		await none;
		expect(run.status).toBe('done');
		const stopped = run.run(req);
		await tick();
		run.cancel();
		await stopped;
		expect(run.status).toBe('cancelled');
		const plain = new HierarchyRun(f.client);
		plain.show('D', version);
		const p = plain.run(req);
		await tick();
		f.pending[f.pending.length - 1].resolve(answer(5));
		await p;
		expect(plain.status).toBe('done');
		await tick();
		await tick();
		expect(keeps()).toBe(0);
		expect(await db.keptForecasts.count()).toBe(0);
		expect(await plain.restoreKept(() => true)).toBe(false);
	});
});
