// ForecastRun keeps results with the dataset they were made from (issue #9 item 12): after switching
// dataset the previous dataset's forecast is not on screen (nor in a Download CSV), a job of the dataset
// left behind never lands on the new one, and switching back shows that dataset's results again.
import { describe, expect, it } from 'vitest';
import type { SeriesForecast, SeriesForecastResponse } from '../../../workers/forecast-api';
import type { SeriesKeys } from '../../../workers/data/series-port';
import type { SeriesBatch } from '../../../src/core/types';
import type { ForecastClient } from '../../../src/lib/workers/forecast-client';
import { ForecastRun, type ForecastRequest } from '../../../src/state/forecast-run.svelte';
import type { DeepCandidates } from '../../../src/state/deep-candidates';
import type { ForecastKeeper } from '../../../src/state/forecast-run.svelte';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { keepForecast, keptForecast } from '../../../workers/data/kept-forecasts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

const DAY = 86_400_000;

/** One short weekly series per product of the asked dataset (what the worker would read). */
function historyOf(keys: SeriesKeys): SeriesBatch {
	const ids = (keys.productIds ?? ['__total__']).map((p) => `${keys.datasetId}:${p}`);
	const n = 10;
	const ds = new Float64Array(n * ids.length);
	const y = new Float64Array(n * ids.length).fill(1);
	const indptr = new Int32Array(ids.length + 1);
	ids.forEach((_, i) => {
		indptr[i + 1] = (i + 1) * n;
		for (let k = 0; k < n; k++) ds[i * n + k] = k * 7 * DAY;
	});
	return { ids, indptr, ds, y };
}

/** A forecast client whose jobs (series read in the worker by keys) finish only when the test says so. */
function fakeForecast() {
	const pending: { keys: SeriesKeys; resolve: (r: SeriesForecastResponse) => void }[] = [];
	const client = {
		forecastSeries(keys: SeriesKeys, _opts: unknown, call: { signal?: AbortSignal }) {
			return new Promise<SeriesForecastResponse>((resolve, reject) => {
				pending.push({ keys, resolve });
				call.signal?.addEventListener('abort', () =>
					reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
				);
			});
		},
	} as unknown as ForecastClient;
	const finish = (i: number) => {
		const history = historyOf(pending[i].keys);
		pending[i].resolve({
			results: history.ids.map(
				(seriesId) =>
					({ seriesId, model: 'naive', point: new Float64Array([1]) }) as unknown as SeriesForecast,
			),
			history,
			leftOut: { droppedFirst: null, droppedLast: null, edges: undefined },
			future: new Float64Array([10 * 7 * DAY]),
			season: 52,
			periods: 10,
		});
	};
	return { client, pending, finish };
}

const req = (datasetId: string): ForecastRequest => ({
	datasetId,
	productIds: ['P1'],
	freq: 'week',
	measure: 'units',
	horizon: 1,
	models: 'quick',
});

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ForecastRun results belong to their dataset', () => {
	it('shows no results of dataset A once dataset B is open, and A’s again when A is back', async () => {
		const f = fakeForecast();
		const run = new ForecastRun(f.client);
		run.show('A');
		const done = run.run(req('A'));
		await tick();
		f.finish(0);
		await done;
		expect(run.results.map((r) => r.seriesId)).toEqual(['A:P1']);
		expect(run.request?.datasetId).toBe('A');

		run.show('B');
		expect(run.results).toEqual([]);
		expect(run.request).toBeNull();
		expect(run.history).toBeNull();
		expect(run.status).toBe('idle');

		run.show('A');
		expect(run.results.map((r) => r.seriesId)).toEqual(['A:P1']);
		expect(run.status).toBe('done');
	});

	it('a job still running when the dataset changes is stopped and never shows on the new one', async () => {
		const f = fakeForecast();
		const run = new ForecastRun(f.client);
		run.show('A');
		const done = run.run(req('A'));
		await tick();
		expect(run.status).toBe('running');
		run.show('B');
		await done;
		expect(run.results).toEqual([]);
		expect(run.status).toBe('idle');
		run.show('A');
		expect(run.status).toBe('cancelled');
		expect(run.results).toEqual([]);
	});

	it('forgets a deleted dataset’s results', async () => {
		const f = fakeForecast();
		const run = new ForecastRun(f.client);
		const done = run.run(req('A'));
		await tick();
		f.finish(0);
		await done;
		run.show('B');
		run.retain(['B']);
		run.show('A');
		expect(run.results).toEqual([]);
	});
});

describe('ForecastRun asks for the season groups', () => {
	it('reads a product’s category and the shop’s totals with it (its borrowed peak), not the total’s', async () => {
		const f = fakeForecast();
		const run = new ForecastRun(f.client);
		run.show('A');
		const one = run.run(req('A'));
		await tick();
		expect(f.pending[0].keys).toMatchObject({ productIds: ['P1'], withCategory: true });
		f.finish(0);
		await one;
		const all = run.run({ ...req('A'), productIds: null });
		await tick();
		const k = f.pending.findIndex((p) => p.keys.productIds === null);
		expect(k).toBeGreaterThan(0);
		expect(f.pending[k].keys.withCategory).toBeUndefined();
		f.finish(k);
		await all;
	});
});

describe('ForecastRun without the pooled model where its batch gate fails', () => {
	/** A client answering each call at once: the first with the pooled model chosen for P1. */
	function gatedClient() {
		const calls: { keys: SeriesKeys; pooled: unknown }[] = [];
		const row = (model: string, mase: number) => ({ model, mase });
		const client = {
			forecastSeries(keys: SeriesKeys, opts: { pooled?: boolean }) {
				calls.push({ keys, pooled: opts.pooled });
				// the worker's series ids are the product ids
				const history = { ...historyOf(keys), ids: keys.productIds ?? ['__total__'] };
				const first = calls.length === 1;
				return Promise.resolve({
					results: history.ids.map((seriesId) => ({
						seriesId,
						// P1 chose the pooled model in the first run; everything else ETS
						model: first && seriesId === 'P1' ? 'pooled' : 'ets',
						point: new Float64Array([first ? 1 : 2]),
						// the pooled model backtests worse than the median single model: the gate fails
						leaderboard: first
							? [row('pooled', 3), row('ets', 1), row('naive', 2), row('comb(ets,pooled)', 1.5)]
							: [row('ets', 1), row('naive', 2)],
					})) as unknown as SeriesForecast[],
					history,
					leftOut: { droppedFirst: null, droppedLast: null, edges: undefined },
					future: new Float64Array([10 * 7 * DAY]),
					season: 52,
					periods: 10,
				});
			},
		} as unknown as ForecastClient;
		return { client, calls };
	}

	it('forecasts again only the products that used it, and takes its rows out of the others’ leaderboards', async () => {
		const f = gatedClient();
		const run = new ForecastRun(f.client);
		run.show('A');
		await run.run({ ...req('A'), productIds: ['P1', 'P2', 'P3'], models: 'auto' });
		expect(f.calls.map((c) => [c.keys.productIds, c.pooled])).toEqual([
			[['P1', 'P2', 'P3'], true],
			[['P1'], false],
		]);
		expect(run.results.map((r) => [r.seriesId, r.model, r.point[0]])).toEqual([
			['P1', 'ets', 2],
			['P2', 'ets', 1],
			['P3', 'ets', 1],
		]);
		for (const r of run.results)
			expect(r.leaderboard.map((x) => x.model)).toEqual(['ets', 'naive']);
	});

	it('forecasts the whole request again when every product used it', async () => {
		const f = gatedClient();
		const run = new ForecastRun(f.client);
		run.show('A');
		await run.run({ ...req('A'), productIds: ['P1'], models: 'auto' });
		// (a third call, without the option, is the background "forecast of a period ago")
		expect(f.calls.slice(0, 2).map((c) => [c.keys.productIds, c.pooled])).toEqual([
			[['P1'], true],
			[['P1'], false],
		]);
		expect(run.results[0].model).toBe('ets');
	});
});

describe('ForecastRun and a saved deep model', () => {
	/** A DeepCandidates stand-in that records the requests it was asked tables for (none to give). */
	function fakeDeep() {
		const asked: string[] = [];
		const deep = {
			async tables(r: { freq: string }) {
				asked.push(r.freq);
				return null;
			},
		} as unknown as DeepCandidates;
		return { deep, asked };
	}

	it('asks for the deep model on weekly data, never on monthly data (deepMixes)', async () => {
		for (const freq of ['week', 'month'] as const) {
			const f = fakeForecast();
			const d = fakeDeep();
			const run = new ForecastRun(f.client, d.deep);
			const done = run.run({ ...req('A'), freq, models: 'auto' });
			await tick();
			f.finish(0);
			await done;
			expect(run.status).toBe('done');
			expect(d.asked).toEqual(freq === 'week' ? ['week'] : []);
		}
	});
});

describe('ForecastRun: the short check decides the saved deep model (deep10)', () => {
	const H = 12;
	const tables = {
		'deep-mlp': {
			'A:P1': [
				{ end: 30, point: new Float64Array(H).fill(10), intervals: [], check: true as const },
				{ end: 36, point: new Float64Array(H).fill(10), intervals: [] },
			],
		},
	};
	/** A forecast client that answers at once and records each call's mode. */
	function client(deepOk: boolean) {
		const calls: string[] = [];
		const c = {
			async forecastSeries(
				keys: SeriesKeys,
				opts: { deepMix: number | null },
				_call: unknown,
				_deep: unknown,
				want: { dropLast?: number; holdout?: boolean },
			) {
				const history = historyOf(keys);
				const check = (want.dropLast ?? 0) > 0;
				calls.push(
					check ? `check ${want.dropLast} ${want.holdout}` : opts.deepMix ? 'mix' : 'none',
				);
				const mixed = !check && opts.deepMix !== null;
				const results = history.ids.map((seriesId) => ({
					seriesId,
					model: mixed ? 'mix(ets,deep-mlp)' : 'ets',
					// the statistical forecast from the cut: 12 where 10 sold (the deep model's 10 is right)
					point: new Float64Array(H).fill(12),
					intervals: [],
					notes: [],
					leaderboard: [
						{ model: 'ets', mase: 1, wape: 0.1 },
						...(mixed ? [{ model: 'mix(ets,deep-mlp)', mase: deepOk ? 0.9 : 1.2, wape: 0.1 }] : []),
					],
				})) as unknown as SeriesForecast[];
				return {
					results,
					history,
					leftOut: { droppedFirst: null, droppedLast: null, edges: undefined },
					future: new Float64Array([10 * 7 * DAY]),
					season: 52,
					periods: 10,
					...(check
						? { holdout: { 'A:P1': { actual: new Float64Array(6).fill(10), scale: 1 } } }
						: {}),
				} as unknown as SeriesForecastResponse;
			},
		} as unknown as ForecastClient;
		return { c, calls };
	}
	const deep = { tables: async () => tables } as unknown as DeepCandidates;

	it('checks ⌈h/2⌉ periods back first; mixes where the check and the mix’s backtest agree', async () => {
		const ok = client(true);
		const run = new ForecastRun(ok.c, deep);
		await run.run({ ...req('A'), horizon: H, models: 'auto' });
		expect(run.status).toBe('done');
		// (a one-product forecast also runs the forecast of a period ago: dropLast 1, no hold-out)
		const main = (calls: string[]) => calls.filter((c) => c !== 'check 1 undefined');
		expect(main(ok.calls)).toEqual(['check 6 true', 'mix']);
		expect(run.results[0].model).toBe('mix(ets,deep-mlp)');
		expect(run.results[0].notes.map((n) => n.code)).toContain('models_note_deep_mixed');
		// the mix's own backtest 20 % worse: the check's yes is vetoed, the engine's forecast is used
		const no = client(false);
		const run2 = new ForecastRun(no.c, deep);
		await run2.run({ ...req('A'), horizon: H, models: 'auto' });
		expect(main(no.calls)).toEqual(['check 6 true', 'mix', 'none']);
		expect(run2.results[0].model).toBe('ets');
		expect(run2.results[0].notes.map((n) => n.code)).toContain(
			'models_note_deep_not_mixed_backtest',
		);
	});
});

describe('ForecastRun keeps its result between visits (the batch card)', () => {
	/** A data client whose kept forecasts are the data worker's (fake-indexeddb), dataset D stored. */
	async function keeperDb(rowCount = 100) {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const meta = { id: 'D', rowCount, bytes: 50, dateMin: 1, dateMax: 2 } as unknown as DatasetMeta;
		await db.datasets.put(meta);
		const client = {
			keptForecast: (id: string, kind: 'batch', v: string) => keptForecast(db, id, kind, v),
			keepForecast: (id: string, kind: 'batch', v: string, r: unknown, x: unknown) =>
				keepForecast(db, id, kind, v, r, x),
		} as unknown as ForecastKeeper['client'];
		return { db, meta, keeper: { client, kind: 'batch' } as ForecastKeeper };
	}
	const batchReq: ForecastRequest = { ...req('D'), productIds: ['P1', 'P2'], horizon: 12 };
	const waitFor = async (ok: () => Promise<boolean>) => {
		for (let i = 0; i < 200 && !(await ok()); i++) await tick();
	};

	it('a new visit shows the kept result without running, only for the same data and options', async () => {
		const { db, meta, keeper } = await keeperDb();
		const version = datasetVersion(meta);
		const f = fakeForecast();
		const first = new ForecastRun(f.client, null, null, keeper);
		first.show('D', version);
		const done = first.run(batchReq);
		await tick();
		f.finish(0);
		await done;
		expect(first.keptAt).toBeNull();
		await waitFor(async () => (await db.keptForecasts.count()) === 1);
		const row = await db.keptForecasts.get(['D', 'batch']);
		expect(row?.request).toEqual(batchReq);

		// a reload: a new run over the same IndexedDB shows it, nothing is forecast
		const g = fakeForecast();
		const again = new ForecastRun(g.client, null, null, keeper);
		again.show('D', version);
		// options the screen does not run with now (another frequency): not shown
		expect(await again.restoreKept((r) => r.freq === 'month')).toBe(false);
		expect(again.results).toEqual([]);
		expect(again.status).toBe('idle');
		expect(await again.restoreKept((r) => r.freq === 'week')).toBe(true);
		expect(g.pending.length).toBe(0);
		expect(again.status).toBe('done');
		expect(again.keptAt).toBe(row!.savedAt);
		expect(again.request).toEqual(batchReq);
		expect(again.results.map((r) => r.seriesId)).toEqual(['D:P1', 'D:P2']);
		expect(again.results.map((r) => r.seriesId)).toEqual(first.results.map((r) => r.seriesId));
		expect(again.grid).toEqual(first.grid);
		// rows added to the dataset in this visit: the kept result leaves the screen
		again.show('D', `${version}+`);
		expect(again.results).toEqual([]);
		expect(again.keptAt).toBeNull();

		// the stored data changed since it was made (next week's export): never shown, and dropped
		const next = { ...meta, rowCount: 130 };
		await db.datasets.put(next);
		const later = new ForecastRun(fakeForecast().client, null, null, keeper);
		later.show('D', datasetVersion(next));
		expect(await later.restoreKept(() => true)).toBe(false);
		expect(later.results).toEqual([]);
		expect(await db.keptForecasts.count()).toBe(0);
	});

	it('a run stopped before it is done, or without a keeper, keeps nothing', async () => {
		const { db, meta, keeper } = await keeperDb();
		const f = fakeForecast();
		const run = new ForecastRun(f.client, null, null, keeper);
		run.show('D', datasetVersion(meta));
		const done = run.run(batchReq);
		await tick();
		run.cancel();
		await done;
		expect(run.status).toBe('cancelled');
		const plain = new ForecastRun(f.client);
		plain.show('D', datasetVersion(meta));
		const p = plain.run(batchReq);
		await tick();
		f.finish(f.pending.length - 1);
		await p;
		expect(plain.status).toBe('done');
		await tick();
		expect(await db.keptForecasts.count()).toBe(0);
		expect(await plain.restoreKept(() => true)).toBe(false);
	});
});

describe('ForecastRun keeps the single forecast between visits, with its "one period earlier"', () => {
	async function keeperDb() {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const meta = {
			id: 'D',
			rowCount: 100,
			bytes: 50,
			dateMin: 1,
			dateMax: 2,
		} as unknown as DatasetMeta;
		await db.datasets.put(meta);
		let keeps = 0;
		const client = {
			keptForecast: (id: string, kind: 'single', v: string) => keptForecast(db, id, kind, v),
			keepForecast: (
				id: string,
				kind: 'single',
				v: string,
				r: unknown,
				x: unknown,
				at?: number,
			) => {
				keeps++;
				return keepForecast(db, id, kind, v, r, x, at);
			},
		} as unknown as ForecastKeeper['client'];
		const keeper: ForecastKeeper = { client, kind: 'single' };
		return { db, version: datasetVersion(meta), keeper, keeps: () => keeps };
	}
	type Row = { previous?: { seriesId: string; lastActual: number } | null };
	const waitFor = async (ok: () => Promise<boolean> | boolean) => {
		for (let i = 0; i < 200 && !(await ok()); i++) await tick();
	};

	it('kept at once, kept again with "one period earlier" (same day), shown whole on return', async () => {
		const { db, version, keeper, keeps } = await keeperDb();
		const f = fakeForecast();
		const first = new ForecastRun(f.client, null, null, keeper);
		first.show('D', version);
		const done = first.run(req('D'));
		await tick();
		f.finish(0);
		await done;
		await waitFor(() => keeps() === 1);
		const row = await db.keptForecasts.get(['D', 'single']);
		expect(row?.request).toEqual(req('D'));
		expect((row?.result as Row).previous).toBeUndefined();
		// "one period earlier" runs in the background (a second job); once made, the row gets it
		expect(f.pending.length).toBe(2);
		f.finish(1);
		await waitFor(() => first.previousStatus === 'done');
		await waitFor(() => keeps() === 2);
		await waitFor(
			async () => !!((await db.keptForecasts.get(['D', 'single']))?.result as Row).previous,
		);
		const again = await db.keptForecasts.get(['D', 'single']);
		expect(again?.savedAt).toBe(row?.savedAt);
		expect((again?.result as Row).previous?.seriesId).toBe('D:P1');
		expect(await db.keptForecasts.count()).toBe(1);

		// a reload: shown with its comparison, nothing runs
		const g = fakeForecast();
		const back = new ForecastRun(g.client, null, null, keeper);
		back.show('D', version);
		expect(await back.restoreKept(() => true)).toBe(true);
		expect(g.pending.length).toBe(0);
		expect(back.status).toBe('done');
		expect(back.keptAt).toBe(row?.savedAt);
		expect(back.results.map((r) => r.seriesId)).toEqual(['D:P1']);
		expect(back.previousStatus).toBe('done');
		expect(back.previous?.seriesId).toBe('D:P1');
		expect(back.previous?.lastActual).toBe(1);
		expect(back.seriesOf('D:P1')?.y.length).toBe(10);
	});

	it('kept before "one period earlier" was made: made on return and kept under the first day', async () => {
		const { db, version, keeper, keeps } = await keeperDb();
		const f = fakeForecast();
		const first = new ForecastRun(f.client, null, null, keeper);
		first.show('D', version);
		const done = first.run(req('D'));
		await tick();
		f.finish(0);
		await done;
		await waitFor(() => keeps() === 1);
		// the owner left at once: the comparison is stopped, the forecast stays kept
		first.show('E', '');
		await tick();
		expect(first.previousStatus).not.toBe('done');
		const savedAt = (await db.keptForecasts.get(['D', 'single']))!.savedAt;

		const g = fakeForecast();
		const back = new ForecastRun(g.client, null, null, keeper);
		back.show('D', version);
		expect(await back.restoreKept(() => true)).toBe(true);
		expect(back.previousStatus).toBe('running');
		expect(g.pending.length).toBe(1);
		g.finish(0);
		await waitFor(() => back.previousStatus === 'done');
		await waitFor(() => keeps() === 2);
		await waitFor(
			async () => !!((await db.keptForecasts.get(['D', 'single']))?.result as Row).previous,
		);
		const row = await db.keptForecasts.get(['D', 'single']);
		expect(row?.savedAt).toBe(savedAt);
		expect((row?.result as Row).previous?.seriesId).toBe('D:P1');
	});

	it('a new run replaces what is kept; a run for the batch kind is kept apart', async () => {
		const { db, version, keeper } = await keeperDb();
		const f = fakeForecast();
		const run = new ForecastRun(f.client, null, null, keeper);
		run.show('D', version);
		const a = run.run(req('D'));
		await tick();
		f.finish(0);
		await a;
		const b = run.run({ ...req('D'), productIds: ['P2'], horizon: 4 });
		await tick();
		f.finish(f.pending.length - 1);
		await b;
		await waitFor(
			async () =>
				((await db.keptForecasts.get(['D', 'single']))?.request as ForecastRequest | undefined)
					?.productIds?.[0] === 'P2',
		);
		expect(await db.keptForecasts.count()).toBe(1);
		expect((await keptForecast(db, 'D', 'batch', version)) ?? null).toBeNull();
	});
});
