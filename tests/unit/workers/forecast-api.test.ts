// The forecast worker API over a real MessageChannel with Comlink (as comlink's own tests do):
// results per series, throttled progress through a proxy, cancellation by jobId, and transfer.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import {
	api,
	batchTotal,
	withCalendar,
	withRegressors,
	withSeason,
	type ForecastWorkerApi,
} from '../../../workers/forecast-api';
import type { SeriesBatch } from '../../../src/core/types';
import type { Progress } from '../../../src/core/ingest/types';

const ports: MessagePort[] = [];
afterEach(() => {
	for (const p of ports.splice(0)) p.close();
});

function connect(): Comlink.Remote<ForecastWorkerApi> {
	const { port1, port2 } = new MessageChannel();
	ports.push(port1, port2);
	Comlink.expose(api, nodeEndpoint(port1));
	return Comlink.wrap<ForecastWorkerApi>(nodeEndpoint(port2));
}

function batchOf(n: number, len = 40): SeriesBatch {
	const ids: string[] = [];
	const indptr = new Int32Array(n + 1);
	const y = new Float64Array(n * len);
	const ds = new Float64Array(n * len);
	for (let i = 0; i < n; i++) {
		ids.push(`sku-${i}`);
		indptr[i + 1] = (i + 1) * len;
		for (let t = 0; t < len; t++) {
			y[i * len + t] = 20 + i + 5 * Math.sin((2 * Math.PI * t) / 4) + (t % 3);
			ds[i * len + t] = Date.UTC(2024, 0, 1) + t * 7 * 86_400_000;
		}
	}
	return { ids, indptr, ds, y };
}

describe('forecast worker API', () => {
	it('fits a product that ends on a sudden jump at its usual level, as the batch’s earlier jumps went', async () => {
		const remote = connect();
		// six products with one jump to 100 each, gone the week after; sku-6 ends on such a jump
		const b = batchOf(7);
		for (let i = 0; i < 7; i++) {
			for (let t = 0; t < 40; t++) b.y[i * 40 + t] = 20 + ((t * 7 + i * 3) % 5);
			if (i < 6) b.y[i * 40 + 12 + 3 * i] = 100;
		}
		b.y[6 * 40 + 39] = 120;
		const res = await remote.forecastBatch(b, { horizon: 4, season: 1 }, 'job-spike');
		const last = res[6];
		expect(last.notes.some((n) => n.code === 'engine_note_end_spike')).toBe(true);
		for (const v of last.point) expect(v).toBeLessThan(30);
		// the others do not end on a jump: no note
		expect(
			res.slice(0, 6).some((r) => r.notes.some((n) => n.code === 'engine_note_end_spike')),
		).toBe(false);
	});

	it('adds the pooled candidate, fitted on the whole batch, unless pooled: false', async () => {
		const remote = connect();
		const models = ['naive', 'theta', 'pooled'];
		const on = await remote.forecastBatch(
			batchOf(5),
			{ horizon: 4, season: 1, models },
			'job-pooled',
		);
		for (const r of on) {
			const row = r.leaderboard.find((x) => x.model === 'pooled');
			expect(Number.isFinite(row?.mase)).toBe(true);
			// a forecast that used it says so (en + zh in the forecast catalog)
			expect(r.notes.some((n) => n.code === 'engine_note_pooled')).toBe(r.model.includes('pooled'));
		}
		await expect(
			remote.forecastBatch(
				batchOf(5),
				{ horizon: 4, season: 1, models, pooled: false },
				'job-no-pooled',
			),
		).rejects.toThrow(/Unknown model\(s\): pooled/);
	});

	it('shrinks each product’s season towards the rest of the batch, unless shrink: false', async () => {
		const remote = connect();
		// 4 weekly products, a season and a half and more, sharing a November peak
		const b = batchOf(4, 90);
		for (let i = 0; i < 4; i++)
			for (let t = 0; t < 90; t++)
				b.y[i * 90 + t] =
					(20 + 10 * i) * (1 + 0.6 * Math.cos((2 * Math.PI * (t - 47)) / 52)) + ((t * (i + 3)) % 5);
		const models = ['theta', 'theta~shrunk'];
		const on = await remote.forecastBatch(b, { horizon: 6, season: 52, models }, 'job-shrink');
		for (const r of on) {
			const row = r.leaderboard.find((x) => x.model === 'theta~shrunk');
			expect(Number.isFinite(row?.mase)).toBe(true);
			// a forecast that used it says where its season came from (en + zh in the forecast catalog)
			const note = r.notes.find((n) => n.code === 'engine_note_season_shrunk_group');
			expect(Boolean(note)).toBe(r.model.includes('~shrunk'));
			if (note) expect(note.params?.group).toBe('total');
		}
		await expect(
			remote.forecastBatch(b, { horizon: 6, season: 52, models, shrink: false }, 'job-no-shrink'),
		).rejects.toThrow(/Unknown model\(s\): theta~shrunk/);
	});

	it('the automatic choice of a batch has the pooled candidate by default', async () => {
		const remote = connect();
		const auto = await remote.forecastBatch(batchOf(3, 24), { horizon: 4, season: 1 }, 'job-auto');
		for (const r of auto) expect(r.leaderboard.some((x) => x.model === 'pooled')).toBe(true);
		const off = await remote.forecastBatch(
			batchOf(3, 24),
			{ horizon: 4, season: 1, pooled: false },
			'job-auto-off',
		);
		for (const r of off) expect(r.leaderboard.some((x) => x.model === 'pooled')).toBe(false);
	});

	it('forecasts every series of the batch and reports progress up to done = total', async () => {
		const remote = connect();
		const progress: Progress[] = [];
		const res = await remote.forecastBatch(
			batchOf(6),
			{ horizon: 5, season: 4, models: ['naive', 'snaive', 'theta'] },
			'job-1',
			Comlink.proxy((p: Progress) => void progress.push(p)),
		);
		expect(res.map((r) => r.seriesId)).toEqual([
			'sku-0',
			'sku-1',
			'sku-2',
			'sku-3',
			'sku-4',
			'sku-5',
		]);
		for (const r of res) {
			expect(r.point).toBeInstanceOf(Float64Array);
			expect(r.point.length).toBe(5);
			expect(r.intervals.length).toBe(2);
			expect(r.leaderboard.length).toBeGreaterThan(0);
		}
		// the series differ by their level, so their forecasts do too
		expect(res[5].point[0]).toBeGreaterThan(res[0].point[0]);
		expect(progress.length).toBeGreaterThanOrEqual(2);
		expect(progress[0]).toEqual({ phase: 'forecast', done: 0, total: 6 });
		expect(progress[progress.length - 1]).toEqual({ phase: 'forecast', done: 6, total: 6 });
		// throttled: far fewer calls than series × steps
		expect(progress.length).toBeLessThanOrEqual(8);
	});

	it('cancel(jobId) stops the job between series with an AbortError', async () => {
		const remote = connect();
		const batch = batchOf(300, 60);
		let cancelled = false;
		const run = remote.forecastBatch(
			batch,
			{ horizon: 6, season: 4, models: ['naive', 'theta', 'ets'] },
			'job-2',
			Comlink.proxy((p: Progress) => {
				if (p.done > 0 && !cancelled) {
					cancelled = true;
					void remote.cancel('job-2');
				}
			}),
		);
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		expect(cancelled).toBe(true);
	});

	it('cancelling an unknown job is a no-op and another job still completes', async () => {
		const remote = connect();
		await remote.cancel('nope');
		const res = await remote.forecastBatch(
			batchOf(2),
			{ horizon: 3, season: 1, models: ['naive'] },
			'job-3',
		);
		expect(res.length).toBe(2);
	});

	it('transfers the result buffers instead of copying them', async () => {
		const results = await api.forecastBatch(
			batchOf(1),
			{ horizon: 3, season: 1, models: ['naive'] },
			'job-4',
		);
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		const buf = results[0].point.buffer;
		const received = new Promise((resolve) => port2.once('message', resolve));
		// structured clone with the transfer list Comlink would use: the buffer is detached here
		port1.postMessage(results, [buf as ArrayBuffer]);
		await received;
		expect(buf.byteLength).toBe(0);
	});

	it('rejects a malformed batch', async () => {
		const remote = connect();
		const bad = { ...batchOf(2), indptr: new Int32Array([0, 40]) };
		await expect(remote.forecastBatch(bad, { horizon: 3, season: 1 }, 'job-5')).rejects.toThrow(
			/indptr/,
		);
	});
});

describe('withRegressors', () => {
	it("cuts the batch's regressors to one series and holds the last value over the horizon", () => {
		const b = batchOf(2, 5);
		b.regressors = {
			names: ['price'],
			values: [Float64Array.from([1, 2, 3, 4, 5, 10, 20, 30, 40, 50])],
		};
		const o = withRegressors(b, 1, { horizon: 3, season: 1 });
		expect(o.regressors?.names).toEqual(['price']);
		expect(Array.from(o.regressors!.history[0])).toEqual([10, 20, 30, 40, 50]);
		expect(Array.from(o.regressors!.future[0])).toEqual([50, 50, 50]);
		expect(withRegressors(batchOf(1), 0, { horizon: 3, season: 1 }).regressors).toBeUndefined();
	});

	it('forecasts a batch whose sales follow its price, and reports the price effect', async () => {
		const len = 60;
		const y = new Float64Array(len);
		const price = new Float64Array(len);
		for (let t = 0; t < len; t++) {
			price[t] = t % 5 === 0 ? 8 : 10; // a markdown every fifth week
			y[t] = 200 - 12 * price[t] + ((t * 7) % 3);
		}
		const batch: SeriesBatch = {
			ids: ['sku'],
			indptr: Int32Array.from([0, len]),
			ds: Float64Array.from({ length: len }, (_, t) => t * 7 * 86_400_000),
			y,
			regressors: { names: ['price'], values: [price] },
		};
		const [r] = await connect().forecastBatch(batch, { horizon: 4, season: 1 }, 'price-job');
		const d = r.drivers?.find((x) => x.name === 'price');
		expect(d?.estimate).toBeCloseTo(-12, 0);
		expect(d!.pValue).toBeLessThan(0.01);
	});
});

describe('withSeason', () => {
	const WEEK = 7 * 86_400_000;
	/** Two weekly series on one grid: a long one (2.5 years) and a product launched 30 weeks ago. */
	function twoSeries(): SeriesBatch {
		const long = 130;
		const short = 30;
		const ds = new Float64Array(long + short);
		const y = new Float64Array(long + short);
		for (let t = 0; t < long; t++) {
			ds[t] = Date.UTC(2020, 0, 6) + t * WEEK;
			y[t] = 100 * (1 + 0.5 * Math.sin((2 * Math.PI * t) / 52));
		}
		for (let t = 0; t < short; t++) {
			ds[long + t] = ds[long - short + t];
			y[long + t] = 10;
		}
		return { ids: ['old', 'new'], indptr: new Int32Array([0, long, long + short]), ds, y };
	}

	it('borrows the batch total’s season for a short series, none for a long one', () => {
		const batch = twoSeries();
		const total = batchTotal(batch);
		expect(total?.ds.length).toBe(130);
		const opts = { horizon: 8, season: 52 };
		expect(withSeason(batch, 0, opts, total).seasonalPrior).toBeUndefined();
		const p = withSeason(batch, 1, opts, total).seasonalPrior;
		expect(p).toMatchObject({ source: 'group', group: 'total' });
		expect(p?.history).toHaveLength(30);
		expect(p?.future).toHaveLength(8);
	});

	it('borrows the category’s season in the worker and says so (batch.categories)', async () => {
		const two = twoSeries();
		// a second long product in the new one's category, so that the category is more than itself;
		// the new product (the last 30 weeks) follows the category's season at a tenth of its level
		const long = two.indptr[1];
		const y = Float64Array.from([...two.y.subarray(0, long), ...two.y]);
		for (let t = 0; t < 30; t++) y[2 * long + t] = y[long - 30 + t] / 10;
		const batch: SeriesBatch = {
			ids: ['old', 'old-2', 'new'],
			indptr: Int32Array.from([0, long, 2 * long, 2 * long + 30]),
			ds: Float64Array.from([...two.ds.subarray(0, long), ...two.ds]),
			y,
			categories: ['COAT', 'COAT', 'COAT'],
		};
		const out = await connect().forecastBatch(
			batch,
			{ horizon: 8, season: 52 },
			'job-category-season',
		);
		expect(out[2].model).toMatch(/~season/);
		expect(out[2].notes).toContainEqual({
			code: 'engine_note_peak_source_category',
			params: { group: 'COAT' },
		});
		// without categories the same product borrows the total's
		const plain = await connect().forecastBatch(
			{ ...batch, categories: undefined },
			{ horizon: 8, season: 52 },
			'job-total-season',
		);
		expect(plain[2].notes).toContainEqual({
			code: 'engine_note_peak_source_group',
			params: { group: 'total' },
		});
	});

	it('falls back to the shipped retail profile without a usable total', () => {
		const batch = twoSeries();
		const p = withSeason(batch, 1, { horizon: 8, season: 52 }, null).seasonalPrior;
		expect(p?.source).toBe('profile');
		// daily data or a non-yearly season borrows nothing
		expect(withSeason(batch, 1, { horizon: 8, season: 7 }, null).seasonalPrior).toBeUndefined();
	});
});

describe('the shop calendar as regressors (issue #11)', () => {
	const WEEK = 7 * 86_400_000;
	/** Three years of weekly sales (Mondays from 4 Jan 2021) with +60 % in Black Friday's week. */
	function blackFriday(): SeriesBatch {
		const len = 150;
		const ds = new Float64Array(len);
		const y = new Float64Array(len);
		const bf = ['2021-11-26', '2022-11-25', '2023-11-24'].map((d) => Date.parse(d + 'T00:00:00Z'));
		for (let t = 0; t < len; t++) {
			ds[t] = Date.UTC(2021, 0, 4) + t * WEEK;
			const lift = bf.some((d) => d >= ds[t] && d < ds[t] + WEEK) ? 1.6 : 1;
			y[t] = Math.round(200 * lift + 10 * Math.sin(t * 1.7));
		}
		return { ids: ['sku'], indptr: new Int32Array([0, len]), ds, y };
	}

	it('adds one column per moving event that reaches the horizon or the past', () => {
		const cal = withCalendar(
			blackFriday(),
			0,
			{ horizon: 12, season: 52 },
			{
				country: 'GB',
				freq: 'week',
			},
		);
		expect(cal.options.regressors?.names).toContain('cal:black-friday');
		// two seasons of history: Christmas (a fixed date) is left to the seasonal models
		expect(cal.options.regressors?.names).not.toContain('cal:christmas-peak');
		const h = cal.options.regressors?.history[0];
		expect(h).toHaveLength(150);
		expect(cal.options.regressors?.future[0]).toHaveLength(12);
		expect(
			withCalendar(blackFriday(), 0, { horizon: 12, season: 52 }, undefined).columns,
		).toBeNull();
	});

	it('reports the Black Friday week lift with an interval', async () => {
		const [r] = await connect().forecastBatch(
			blackFriday(),
			{
				horizon: 12,
				season: 52,
				models: ['regression', 'snaive'],
				calendar: { country: 'GB', freq: 'week' },
			},
			'calendar-job',
		);
		const bf = r.events?.find((e) => e.key === 'black-friday');
		expect(bf).toBeDefined();
		expect(bf?.kind).toBe('festival');
		// the week is 60 % above a level of ~200; the column is 1/7 in that week, so its estimate × 1/7
		// over the mean (slightly above 200) is the lift
		expect(bf!.effect).toBeGreaterThan(0.4);
		expect(bf!.effect).toBeLessThan(0.7);
		expect(bf!.halfWidth).toBeGreaterThan(0);
		expect(bf!.halfWidth).toBeLessThan(0.3);
	});
});

describe('a forecast whose methods do not use the shop calendar (the quick method)', () => {
	const WEEK = 7 * 86_400_000;
	/** 41 weeks from 30 Nov 2020 as the demo (no columns of its own): Christmas in its history. */
	function shortShop(): SeriesBatch {
		const len = 41;
		const ds = Float64Array.from({ length: len }, (_, t) => Date.UTC(2020, 10, 30) + t * WEEK);
		const y = Float64Array.from({ length: len }, (_, t) => 100 + 10 * Math.sin(t * 1.3));
		return { ids: ['sku'], indptr: new Int32Array([0, len]), ds, y };
	}

	it('says the calendar is not used, not that "extra columns (price, promotions)" are', async () => {
		const [quick] = await connect().forecastBatch(
			shortShop(),
			{
				horizon: 12,
				season: 52,
				models: ['snaive', 'ets'],
				calendar: { country: 'GB', freq: 'week' },
			},
			'quick-calendar-job',
		);
		const codes = quick.notes.map((n) => n.code);
		expect(codes).toContain('engine_note_calendar_unused');
		expect(codes).not.toContain('engine_note_regressors_unused');
		expect(quick.events?.length).toBeGreaterThan(0);
		expect(quick.calendarUsed).toBe(false);
		// a method that uses the calendar: no such note, nothing marked
		const [regression] = await connect().forecastBatch(
			shortShop(),
			{
				horizon: 12,
				season: 52,
				models: ['regression'],
				calendar: { country: 'GB', freq: 'week' },
			},
			'regression-calendar-job',
		);
		expect(regression.model).toBe('regression');
		expect(regression.notes.map((n) => n.code)).not.toContain('engine_note_calendar_unused');
		expect(regression.notes.map((n) => n.code)).not.toContain('engine_note_calendar_not_chosen');
		expect(regression.calendarUsed).toBeUndefined();
	});
});

describe('an automatic choice whose chosen method does not use the shop calendar', () => {
	const WEEK = 7 * 86_400_000;
	/** Two years of weekly sales with a yearly wave (no holiday in it): a seasonal method wins. */
	function seasonalShop(): SeriesBatch {
		const len = 104;
		const ds = Float64Array.from({ length: len }, (_, t) => Date.UTC(2021, 0, 4) + t * WEEK);
		const y = Float64Array.from(
			{ length: len },
			(_, t) => 100 + 40 * Math.sin((2 * Math.PI * t) / 52) + ((t * 7) % 5),
		);
		return { ids: ['sku'], indptr: new Int32Array([0, len]), ds, y };
	}

	it('marks the calendar unused and says so, though a method that uses it was tried', async () => {
		const [r] = await connect().forecastBatch(
			seasonalShop(),
			{
				horizon: 12,
				season: 52,
				models: ['regression', 'snaive', 'naive'],
				calendar: { country: 'GB', freq: 'week' },
			},
			'auto-calendar-job',
		);
		expect(r.model).not.toMatch(/regression|arima/);
		expect(r.events?.length).toBeGreaterThan(0);
		expect(r.calendarUsed).toBe(false);
		const codes = r.notes.map((n) => n.code);
		expect(codes).toContain('engine_note_calendar_not_chosen');
		expect(codes).not.toContain('engine_note_calendar_unused');
	});
});
